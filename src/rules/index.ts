import type { TSESLint } from '@typescript-eslint/utils';
import type { ApiSecurityDocs } from '../util/create-rule.js';
import noExcessiveDataExposure from './no-excessive-data-exposure.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noJwtDecodeForAuth from './no-jwt-decode-for-auth.js';
import noJwtInBrowserStorage from './no-jwt-in-browser-storage.js';
import noMassAssignment from './no-mass-assignment.js';
import noSensitiveJwtPayload from './no-sensitive-jwt-payload.js';
import noSqlInjection from './no-sql-injection.js';
import noWeakJwtSecret from './no-weak-jwt-secret.js';
import requireJwtAlgorithms from './require-jwt-algorithms.js';
import requireJwtExpiry from './require-jwt-expiry.js';
import requireOwnershipCheck from './require-ownership-check.js';

export type ApiSecurityRule = TSESLint.RuleModule<string, readonly unknown[], ApiSecurityDocs>;

/** Every rule of the plugin, by name. Keep sorted. */
export const rules = {
  'no-excessive-data-exposure': noExcessiveDataExposure,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-jwt-decode-for-auth': noJwtDecodeForAuth,
  'no-jwt-in-browser-storage': noJwtInBrowserStorage,
  'no-mass-assignment': noMassAssignment,
  'no-sensitive-jwt-payload': noSensitiveJwtPayload,
  'no-sql-injection': noSqlInjection,
  'no-weak-jwt-secret': noWeakJwtSecret,
  'require-jwt-algorithms': requireJwtAlgorithms,
  'require-jwt-expiry': requireJwtExpiry,
  'require-ownership-check': requireOwnershipCheck,
} satisfies Record<string, ApiSecurityRule>;

export type RuleName = keyof typeof rules;
