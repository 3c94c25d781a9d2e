// Type-checked by `npm run typecheck`: the shared configs are usable from a TypeScript
// `eslint.config.ts` with ESLint's own types, `defineConfig`, and typescript-eslint's `config()`.
import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import apiSecurity from 'eslint-plugin-api-security';
import tseslint from 'typescript-eslint';

export const plain: Linter.Config[] = [apiSecurity.configs.recommended, ...apiSecurity.configs['flat/strict']];

export const defined = defineConfig(apiSecurity.configs.recommended, {
  rules: { 'api-security/no-sql-injection': ['error', { allowNumericCoercion: false }] },
});

export const withTypescriptEslint = tseslint.config(...tseslint.configs.recommended, apiSecurity.configs.all);

export const ruleNames: string[] = Object.keys(apiSecurity.rules);
