import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from './cache.js';
import { nameWords } from './names.js';

/** Words of names that hold the deployment environment or a debug switch: `NODE_ENV`, `isDev`, `config.debug`, `showStack`. */
const ENVIRONMENT_WORDS = new Set(['env', 'environment', 'dev', 'development', 'debug', 'prod', 'production', 'verbose', 'staging']);
/** Switches that turn on error details: `showStack`, `exposeErrors`, `includeStackTrace`. */
const DETAIL_SWITCH = /^(?:show|expose|include|print|send|with|return)(?:Stack|Errors?|ErrorDetails|Details|Trace)/i;
/** String values a condition compares the environment with. */
const ENVIRONMENT_VALUES = new Set(['development', 'dev', 'production', 'prod', 'test', 'testing', 'staging', 'local', 'env']);

/**
 * Whether a condition tests the deployment environment or a debug switch:
 * `process.env.NODE_ENV !== 'production'`, `app.get('env') === 'development'`, `isDev`,
 * `config.debug`, `options.showStack`. Read from the condition's tokens, so it costs its length.
 */
export function isEnvironmentTest(test: TSESTree.Node, sourceCode: SourceCode): boolean {
  for (const token of sourceCode.getTokens(test)) {
    if (token.type === 'Identifier') {
      if (DETAIL_SWITCH.test(token.value)) return true;
      for (const word of nameWords(token.value)) if (ENVIRONMENT_WORDS.has(word)) return true;
    } else if (token.type === 'String') {
      if (ENVIRONMENT_VALUES.has(token.value.slice(1, -1).toLowerCase())) return true;
    }
  }
  return false;
}
