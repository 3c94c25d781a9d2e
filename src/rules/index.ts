import type { TSESLint } from '@typescript-eslint/utils';
import type { ApiSecurityDocs } from '../util/create-rule.js';
import noCodeInjection from './no-code-injection.js';
import noCommandInjection from './no-command-injection.js';
import noErrorDetailsInResponse from './no-error-details-in-response.js';
import noExcessiveDataExposure from './no-excessive-data-exposure.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noInsecureRandom from './no-insecure-random.js';
import noInsecureTls from './no-insecure-tls.js';
import noJwtDecodeForAuth from './no-jwt-decode-for-auth.js';
import noJwtInBrowserStorage from './no-jwt-in-browser-storage.js';
import noMassAssignment from './no-mass-assignment.js';
import noNosqlInjection from './no-nosql-injection.js';
import noOpenRedirect from './no-open-redirect.js';
import noPathTraversal from './no-path-traversal.js';
import noPermissiveCors from './no-permissive-cors.js';
import noSensitiveJwtPayload from './no-sensitive-jwt-payload.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noSqlInjection from './no-sql-injection.js';
import noSsrf from './no-ssrf.js';
import noTimingUnsafeCompare from './no-timing-unsafe-compare.js';
import noUnboundedBody from './no-unbounded-body.js';
import noUnsafeDeserialization from './no-unsafe-deserialization.js';
import noUnsafeFileUpload from './no-unsafe-file-upload.js';
import noUnsafeTrustProxy from './no-unsafe-trust-proxy.js';
import noWeakCrypto from './no-weak-crypto.js';
import noWeakJwtSecret from './no-weak-jwt-secret.js';
import noWeakPasswordHash from './no-weak-password-hash.js';
import requireHelmet from './require-helmet.js';
import requireJwtAlgorithms from './require-jwt-algorithms.js';
import requireJwtExpiry from './require-jwt-expiry.js';
import requireOwnershipCheck from './require-ownership-check.js';
import requireRateLimit from './require-rate-limit.js';
import requireSecureCookies from './require-secure-cookies.js';
import requireSecureSession from './require-secure-session.js';

export type ApiSecurityRule = TSESLint.RuleModule<string, readonly unknown[], ApiSecurityDocs>;

/** Every rule of the plugin, by name. Keep sorted. */
export const rules = {
  'no-code-injection': noCodeInjection,
  'no-command-injection': noCommandInjection,
  'no-error-details-in-response': noErrorDetailsInResponse,
  'no-excessive-data-exposure': noExcessiveDataExposure,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-insecure-random': noInsecureRandom,
  'no-insecure-tls': noInsecureTls,
  'no-jwt-decode-for-auth': noJwtDecodeForAuth,
  'no-jwt-in-browser-storage': noJwtInBrowserStorage,
  'no-mass-assignment': noMassAssignment,
  'no-nosql-injection': noNosqlInjection,
  'no-open-redirect': noOpenRedirect,
  'no-path-traversal': noPathTraversal,
  'no-permissive-cors': noPermissiveCors,
  'no-sensitive-jwt-payload': noSensitiveJwtPayload,
  'no-sensitive-logging': noSensitiveLogging,
  'no-sql-injection': noSqlInjection,
  'no-ssrf': noSsrf,
  'no-timing-unsafe-compare': noTimingUnsafeCompare,
  'no-unbounded-body': noUnboundedBody,
  'no-unsafe-deserialization': noUnsafeDeserialization,
  'no-unsafe-file-upload': noUnsafeFileUpload,
  'no-unsafe-trust-proxy': noUnsafeTrustProxy,
  'no-weak-crypto': noWeakCrypto,
  'no-weak-jwt-secret': noWeakJwtSecret,
  'no-weak-password-hash': noWeakPasswordHash,
  'require-helmet': requireHelmet,
  'require-jwt-algorithms': requireJwtAlgorithms,
  'require-jwt-expiry': requireJwtExpiry,
  'require-ownership-check': requireOwnershipCheck,
  'require-rate-limit': requireRateLimit,
  'require-secure-cookies': requireSecureCookies,
  'require-secure-session': requireSecureSession,
} satisfies Record<string, ApiSecurityRule>;

export type RuleName = keyof typeof rules;
