import type { TSESLint } from '@typescript-eslint/utils';
import type { NamedCreateRuleMeta } from '@typescript-eslint/utils/eslint-utils';

/** Extra documentation fields every rule of this plugin declares. */
export interface ApiSecurityDocs {
  description: string;
  /** Which shared config first enables the rule: `recommended` (and so `strict` and `all`) or `strict` only. */
  recommended: 'recommended' | 'strict';
  /** CWE identifier, e.g. `CWE-89`. */
  cwe: string;
  /** OWASP Top 10 2021 / API Security Top 10 2023 identifiers, e.g. `A03:2021`, `API2:2023`. */
  owasp: readonly string[];
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-api-security/eslint-plugin-api-security';

export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;
}

interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: NamedCreateRuleMeta<MessageIds, ApiSecurityDocs, Options>;
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Readonly<Options>) => TSESLint.RuleListener;
}

/**
 * Defines a rule with its docs URL. Option defaults live in `meta.defaultOptions`, which ESLint
 * (9.15 and later, the supported range) merges into `context.options` before `create` runs, so the
 * options are passed on as they are instead of being merged again on every file.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: RuleDefinition<Options, MessageIds>,
): TSESLint.RuleModule<MessageIds, Options, ApiSecurityDocs> & { name: string } {
  const { name, meta, create } = rule;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } } as TSESLint.RuleMetaData<MessageIds, ApiSecurityDocs, Options>,
    create: (context) => create(context, context.options),
    defaultOptions: ((meta as { defaultOptions?: Options }).defaultOptions ?? []) as Options,
  };
}
