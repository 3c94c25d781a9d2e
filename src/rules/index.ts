import type { TSESLint } from '@typescript-eslint/utils';
import type { ApiSecurityDocs } from '../util/create-rule.js';
import noSqlInjection from './no-sql-injection.js';

export type ApiSecurityRule = TSESLint.RuleModule<string, readonly unknown[], ApiSecurityDocs>;

/** Every rule of the plugin, by name. Keep sorted. */
export const rules = {
  'no-sql-injection': noSqlInjection,
} satisfies Record<string, ApiSecurityRule>;

export type RuleName = keyof typeof rules;
