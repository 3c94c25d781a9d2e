import type { TSESLint } from '@typescript-eslint/utils';
import { rules, type ApiSecurityRule } from '../rules/index.js';

/** The files every shared config applies to. */
export const FILES = ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'];

/** Test files, where fixtures legitimately hold fake secrets and insecure setups. */
export const TEST_FILES = ['**/*.{test,spec}.*', '**/__tests__/**'];

/** Rules whose findings in test files are fixtures, not bugs; the configs turn them off there. */
const OFF_IN_TESTS: readonly string[] = ['no-error-details-in-response', 'no-hardcoded-secrets', 'no-insecure-random', 'no-insecure-tls', 'no-permissive-cors', 'no-sensitive-logging', 'no-unsafe-trust-proxy', 'no-weak-crypto', 'no-weak-jwt-secret', 'no-weak-password-hash', 'require-helmet', 'require-jwt-expiry', 'require-rate-limit', 'require-secure-cookies', 'require-secure-session'];

export type ConfigName = 'recommended' | 'strict' | 'all';

/**
 * Schema migrations and seeders: code an operator runs at deploy time, never per request. Their
 * SQL is built from the migration's own identifiers and from rows it has just read.
 */
export const MIGRATION_FILES = ['**/migrations/**', '**/seeders/**'];

/**
 * Rules that `flat/recommended` turns off in migrations, because what they report there is dynamic
 * but not client-reachable (the `strict` and `all` arrays keep them on).
 */
const OFF_IN_MIGRATIONS: Partial<Record<ConfigName, readonly string[]>> = { recommended: ['no-sql-injection'] };

/**
 * Options `strict` and `all` set beyond the rules' defaults: they turn on the findings that depend
 * on evidence from another file, or that are dynamic but not client-reachable.
 */
const STRICT_OPTIONS: Record<string, unknown[]> = {
  'no-command-injection': [{ reportNonConstant: true, reportOptionInjection: true }],
  'no-error-details-in-response': [{ reportMessagesWithoutErrorStatus: true }],
  'no-nosql-injection': [{ trustTypedBodies: false }],
  'no-permissive-cors': [{ reportPublicCors: true }],
  'no-sql-injection': [{ allowNumericCoercion: false, checkStructure: true }],
  'no-ssrf': [{ reportPathOnFixedHost: true }],
  'no-unsafe-deserialization': [{ reportAnyInput: true }],
  'no-unsafe-file-upload': [{ requireFileTypeCheck: true }],
  'no-weak-crypto': [{ reportSha1Interop: true }],
  'no-weak-password-hash': [{ minBcryptCost: 12 }],
  'require-helmet': [{ reportMissingHelmet: true }],
  'require-jwt-algorithms': [{ reportWhenLibraryRestrictsAlgorithms: true }],
  'require-jwt-expiry': [{ requireVisibleExpiry: true }],
  'require-ownership-check': [{ reportUnroutedWrites: true }],
  'require-rate-limit': [{ reportRoutesWithoutApp: true }],
  'require-secure-cookies': [{ reportAllCookies: true }],
};

/** Options a config sets beyond the rule's defaults. */
const CONFIG_OPTIONS: Partial<Record<ConfigName, Record<string, unknown[]>>> = { strict: STRICT_OPTIONS, all: STRICT_OPTIONS };

function includes(config: ConfigName, rule: ApiSecurityRule): boolean {
  if (config === 'all') return true;
  const level = rule.meta.docs?.recommended;
  return config === 'strict' ? level === 'recommended' || level === 'strict' : level === 'recommended';
}

export function buildRules(config: ConfigName): TSESLint.FlatConfig.Rules {
  const result: TSESLint.FlatConfig.Rules = {};
  for (const [name, rule] of Object.entries(rules) as [string, ApiSecurityRule][]) {
    if (!includes(config, rule)) continue;
    const options = CONFIG_OPTIONS[config]?.[name];
    result[`api-security/${name}`] = options ? ['error', ...options] : 'error';
  }
  return result;
}

export function testOverrides(config: ConfigName): TSESLint.FlatConfig.Rules {
  const result: TSESLint.FlatConfig.Rules = {};
  for (const name of OFF_IN_TESTS) {
    if (`api-security/${name}` in buildRules(config)) result[`api-security/${name}`] = 'off';
  }
  return result;
}

export function migrationOverrides(config: ConfigName): TSESLint.FlatConfig.Rules {
  const result: TSESLint.FlatConfig.Rules = {};
  const enabled = buildRules(config);
  for (const name of OFF_IN_MIGRATIONS[config] ?? []) {
    if (`api-security/${name}` in enabled) result[`api-security/${name}`] = 'off';
  }
  return result;
}
