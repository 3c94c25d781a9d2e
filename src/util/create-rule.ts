import { ESLintUtils } from '@typescript-eslint/utils';

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

export const createRule = ESLintUtils.RuleCreator<ApiSecurityDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
