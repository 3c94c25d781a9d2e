/**
 * TLS settings that turn off certificate verification or allow protocol versions below TLS 1.2:
 * the option names Node's `tls` module and the clients built on it take, the values that make them
 * insecure, and the modules whose constructors and calls receive them.
 */

/** What makes a value of an option insecure. */
export type InsecureValue =
  /** The literal `false` (`rejectUnauthorized: false`, `strictSSL: false`, `sslValidate: false`). */
  | 'false'
  /** The literal `true` (`tlsAllowInvalidCertificates: true`, `tlsInsecure: true`). */
  | 'true'
  /** A function that returns nothing for every input (`checkServerIdentity: () => undefined`). */
  | 'acceptsAll'
  /** A protocol version name below TLS 1.2 (`minVersion: 'TLSv1'`). */
  | 'oldVersion'
  /** A protocol method name below TLS 1.2 (`secureProtocol: 'TLSv1_method'`). */
  | 'oldMethod';

/** How the suggestion repairs the setting. */
export type TlsRepair =
  /** Replace the value with this text. */
  | { kind: 'replace'; text: string }
  /** Remove the property (the library's default verifies). */
  | { kind: 'remove' };

export interface TlsOptionRow {
  /** Option (property) name. */
  option: string;
  insecure: InsecureValue;
  /** What the setting does, for messages. */
  effect: string;
  repair: TlsRepair;
  /**
   * Only an option of these modules: the name alone is too common to judge (`secure: false` is
   * also a cookie flag). Reported only when the object reaches a call of one of them, resolved by import.
   */
  onlyFor?: readonly string[];
}

const VERIFY_OFF = 'turns off TLS certificate verification';

/** Options, one row per name. */
export const TLS_OPTIONS: readonly TlsOptionRow[] = [
  // node `tls`/`https` and everything that hands options to them (axios and got agents, undici `connect`, pg/mysql2 `ssl`, ws, nodemailer `tls`, ioredis `tls`, needle)
  { option: 'rejectUnauthorized', insecure: 'false', effect: VERIFY_OFF, repair: { kind: 'replace', text: 'true' } },
  // request, request-promise, got < 10, npm-registry-fetch
  { option: 'strictSSL', insecure: 'false', effect: VERIFY_OFF, repair: { kind: 'replace', text: 'true' } },
  // mongodb driver and mongoose
  { option: 'tlsAllowInvalidCertificates', insecure: 'true', effect: VERIFY_OFF, repair: { kind: 'replace', text: 'false' } },
  { option: 'tlsAllowInvalidHostnames', insecure: 'true', effect: 'turns off the TLS host name check', repair: { kind: 'replace', text: 'false' } },
  { option: 'tlsInsecure', insecure: 'true', effect: VERIFY_OFF, repair: { kind: 'replace', text: 'false' } },
  { option: 'sslValidate', insecure: 'false', effect: VERIFY_OFF, repair: { kind: 'replace', text: 'true' } },
  // node `tls.connect`
  { option: 'checkServerIdentity', insecure: 'acceptsAll', effect: 'accepts a certificate issued for any host name', repair: { kind: 'remove' } },
  { option: 'minVersion', insecure: 'oldVersion', effect: 'allows TLS versions below 1.2', repair: { kind: 'replace', text: "'TLSv1.2'" } },
  { option: 'maxVersion', insecure: 'oldVersion', effect: 'limits connections to TLS versions below 1.2', repair: { kind: 'remove' } },
  { option: 'secureProtocol', insecure: 'oldMethod', effect: 'pins a TLS version below 1.2', repair: { kind: 'remove' } },
  // http-proxy and http-proxy-middleware: `secure: false` proxies to targets with any certificate
  { option: 'secure', insecure: 'false', effect: "turns off verification of the proxy target's TLS certificate", repair: { kind: 'remove' }, onlyFor: ['http-proxy', 'http-proxy-middleware'] },
];

/** The environment variable that turns off certificate verification for the whole process when set to `'0'`. */
export const REJECT_UNAUTHORIZED_ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** Members of node `tls` that set the process-wide protocol bounds (`tls.DEFAULT_MIN_VERSION = 'TLSv1'`). */
export const TLS_DEFAULT_VERSIONS = new Set(['DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']);

/** Methods that turn off certificate verification on a request: superagent's `.disableTLSCerts()`. */
export const DISABLE_CERTS_METHODS = new Set(['disableTLSCerts']);

/** Protocol version names below TLS 1.2, as `minVersion`/`maxVersion` take them. */
export const OLD_TLS_VERSIONS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1']);

/** OpenSSL method names (`secureProtocol`) that pin a protocol below TLS 1.2. */
export const OLD_TLS_METHODS = new Set(
  ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1_1'].flatMap((version) => [`${version}_method`, `${version}_client_method`, `${version}_server_method`]),
);

/** Node modules whose servers take `rejectUnauthorized` to mean "request client certificates but accept any": not a client setting. */
export const TLS_SERVER_FACTORIES: Readonly<Record<string, readonly string[]>> = {
  https: ['createServer', 'Server'],
  tls: ['createServer', 'Server'],
  http2: ['createSecureServer'],
};

/** Modules whose calls and constructors receive TLS options, named in messages when the options reach one of them. */
export const TLS_CLIENT_MODULES: readonly string[] = [
  'https',
  'tls',
  'http2',
  'axios',
  'got',
  'node-fetch',
  'undici',
  'request',
  'request-promise',
  'request-promise-native',
  'needle',
  'superagent',
  'ws',
  'pg',
  'pg-pool',
  'postgres',
  'mysql',
  'mysql2',
  'mysql2/promise',
  'mongodb',
  'mongoose',
  'sequelize',
  'typeorm',
  'knex',
  'redis',
  'ioredis',
  'nodemailer',
  'amqplib',
  'kafkajs',
  'ldapjs',
  'mqtt',
  'socket.io-client',
  '@elastic/elasticsearch',
  'https-proxy-agent',
  'http-proxy',
  'http-proxy-middleware',
];

/** Substrings one of which a file must contain for any setting of this table to be in it. */
export const TLS_GATE_WORDS: readonly string[] = [
  'rejectUnauthorized',
  REJECT_UNAUTHORIZED_ENV,
  'strictSSL',
  'checkServerIdentity',
  'minVersion',
  'maxVersion',
  'secureProtocol',
  'tlsAllowInvalid',
  'tlsInsecure',
  'sslValidate',
  'disableTLSCerts',
  'DEFAULT_MIN_VERSION',
  'DEFAULT_MAX_VERSION',
  'http-proxy',
  'no-verify',
  'accept_invalid_certs',
];

/**
 * Connection-string parameters that turn verification off, compared case-insensitively, with the
 * URL schemes of the clients that read them: pg-connection-string's `sslmode=no-verify` (pg then
 * connects with `rejectUnauthorized: false`), the MongoDB URI options, and Prisma's
 * `sslaccept=accept_invalid_certs` (MySQL, SQL Server). A URL of another scheme (a documentation
 * link) holding the same text is not a connection string.
 */
const POSTGRES_SCHEMES = ['postgres', 'postgresql'];
const MONGODB_SCHEMES = ['mongodb', 'mongodb+srv'];
export const CONNECTION_STRING_FLAGS: readonly { param: string; value: string; effect: string; schemes: readonly string[] }[] = [
  { param: 'sslmode', value: 'no-verify', effect: 'turns off TLS certificate verification', schemes: POSTGRES_SCHEMES },
  { param: 'tlsAllowInvalidCertificates', value: 'true', effect: 'turns off TLS certificate verification', schemes: MONGODB_SCHEMES },
  { param: 'tlsAllowInvalidHostnames', value: 'true', effect: 'turns off TLS host name verification', schemes: MONGODB_SCHEMES },
  { param: 'tlsInsecure', value: 'true', effect: 'turns off TLS certificate and host name verification', schemes: MONGODB_SCHEMES },
  { param: 'sslValidate', value: 'false', effect: 'turns off TLS certificate verification', schemes: MONGODB_SCHEMES },
  { param: 'sslaccept', value: 'accept_invalid_certs', effect: 'turns off TLS certificate verification', schemes: ['mysql', 'sqlserver'] },
];
