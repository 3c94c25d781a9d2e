/**
 * Cryptography libraries: which calls hash, derive keys from passwords, encrypt, sign or make keys,
 * where their arguments sit, and the algorithm and cost tables the rules judge them by. Data only.
 */

export type CryptoOperation =
  /** `createHash(alg)`: a hash object fed with `.update(data)`. */
  | 'hash'
  /** `createHmac(alg, key)`: a keyed hash object fed with `.update(data)`. */
  | 'hmac'
  /** A one-call digest of its data argument: `crypto.hash(alg, data)`, `md5(data)`, `CryptoJS.SHA256(data)`. */
  | 'digest'
  /** `crypto.subtle.digest(alg, data)`. */
  | 'subtle-digest'
  /** `createCipher(alg, password)` / `createDecipher`: no IV, key derived with one MD5 round. */
  | 'legacy-cipher'
  /** `createCipheriv(alg, key, iv, options)` / `createDecipheriv`. */
  | 'cipher'
  /** `generateKeyPair(type, options, cb)` / `generateKeyPairSync(type, options)`. */
  | 'key-pair'
  /** `createSign(alg)` / `createVerify(alg)`, `crypto.sign(alg, data, key)` / `crypto.verify(alg, …)`. */
  | 'signature'
  /** `pbkdf2(password, salt, iterations, keylen, digest, cb)` / `pbkdf2Sync`. */
  | 'pbkdf2'
  /** Web Crypto `subtle.deriveBits(algorithm, key, length)` / `deriveKey(algorithm, key, …)`: PBKDF2 when `algorithm.name` says so. */
  | 'subtle-derive'
  /** `scrypt(password, salt, keylen, options, cb)` / `scryptSync`. */
  | 'scrypt'
  /** bcrypt `hash(data, saltOrRounds)` / `hashSync`. */
  | 'bcrypt-hash'
  /** bcrypt `genSalt(rounds)` / `genSaltSync`. */
  | 'bcrypt-salt'
  /** argon2 `hash(password, options)`. */
  | 'argon2-hash'
  /** A slow password hash's check of a password against a stored hash: bcrypt `compare`, argon2 `verify`. */
  | 'password-verify'
  /** crypto-js `AES.encrypt(message, keyOrPassphrase, cfg)` and the other ciphers' `encrypt`/`decrypt`. */
  | 'cryptojs-cipher';

export interface CryptoEntry {
  /** Module specifiers (after `node:` is dropped) that export the function. */
  modules: readonly string[];
  /** Export paths of the function in those modules (`[]` is the module itself). */
  paths: readonly (readonly string[])[];
  operation: CryptoOperation;
  /** The algorithm the function always uses (`md5(data)`), when it names no algorithm argument. */
  algorithm?: string;
  /** The direction of a cipher or signature call. */
  direction?: 'encrypt' | 'decrypt' | 'sign' | 'verify';
  /** For bcrypt: the rounds `genSalt()` uses when none are given; absent when the library's default is strong. */
  defaultRounds?: number;
}

export const NODE_CRYPTO = ['crypto'];
export const BCRYPT_MODULES = ['bcrypt', 'bcryptjs', 'bcrypt-nodejs', '@node-rs/bcrypt'];
export const ARGON2_MODULES = ['argon2', '@node-rs/argon2'];
export const CRYPTO_JS = 'crypto-js';

const p = (...names: string[]): (readonly string[])[] => names.map((name) => (name === '' ? [] : name.split('.')));

/** Digest functions of crypto-js, by export name, with the algorithm each computes. */
const CRYPTO_JS_DIGESTS: readonly (readonly [string, string])[] = [
  ['MD5', 'md5'],
  ['SHA1', 'sha1'],
  ['SHA224', 'sha224'],
  ['SHA256', 'sha256'],
  ['SHA384', 'sha384'],
  ['SHA512', 'sha512'],
  ['SHA3', 'sha3'],
  ['RIPEMD160', 'ripemd160'],
  ['HmacMD5', 'hmac-md5'],
  ['HmacSHA1', 'hmac-sha1'],
  ['HmacSHA256', 'hmac-sha256'],
  ['HmacSHA512', 'hmac-sha512'],
];

/** Ciphers of crypto-js, by export name, with the name used in messages. */
export const CRYPTO_JS_CIPHERS: ReadonlyMap<string, string> = new Map([
  ['AES', 'aes'],
  ['DES', 'des'],
  ['TripleDES', 'des-ede3'],
  ['RC4', 'rc4'],
  ['RC4Drop', 'rc4'],
  ['Rabbit', 'rabbit'],
  ['RabbitLegacy', 'rabbit'],
  ['Blowfish', 'blowfish'],
]);

const lower = (name: string): string => name.toLowerCase();

export const CRYPTO_ENTRIES: readonly CryptoEntry[] = [
  { modules: NODE_CRYPTO, paths: p('createHash'), operation: 'hash' },
  { modules: NODE_CRYPTO, paths: p('createHmac'), operation: 'hmac' },
  { modules: NODE_CRYPTO, paths: p('hash'), operation: 'digest' },
  { modules: NODE_CRYPTO, paths: p('subtle.digest', 'webcrypto.subtle.digest'), operation: 'subtle-digest' },
  { modules: NODE_CRYPTO, paths: p('createCipher'), operation: 'legacy-cipher', direction: 'encrypt' },
  { modules: NODE_CRYPTO, paths: p('createDecipher'), operation: 'legacy-cipher', direction: 'decrypt' },
  { modules: NODE_CRYPTO, paths: p('createCipheriv'), operation: 'cipher', direction: 'encrypt' },
  { modules: NODE_CRYPTO, paths: p('createDecipheriv'), operation: 'cipher', direction: 'decrypt' },
  { modules: NODE_CRYPTO, paths: p('generateKeyPair', 'generateKeyPairSync'), operation: 'key-pair' },
  { modules: NODE_CRYPTO, paths: p('createSign', 'sign'), operation: 'signature', direction: 'sign' },
  { modules: NODE_CRYPTO, paths: p('createVerify', 'verify'), operation: 'signature', direction: 'verify' },
  { modules: NODE_CRYPTO, paths: p('pbkdf2', 'pbkdf2Sync'), operation: 'pbkdf2' },
  { modules: NODE_CRYPTO, paths: p('scrypt', 'scryptSync'), operation: 'scrypt' },
  {
    modules: NODE_CRYPTO,
    paths: p('subtle.deriveBits', 'subtle.deriveKey', 'webcrypto.subtle.deriveBits', 'webcrypto.subtle.deriveKey'),
    operation: 'subtle-derive',
  },
  // bcrypt and bcryptjs: genSalt() without rounds uses 10; @node-rs/bcrypt defaults to 12.
  { modules: ['bcrypt', 'bcryptjs', 'bcrypt-nodejs'], paths: p('hash', 'hashSync'), operation: 'bcrypt-hash' },
  { modules: ['bcrypt', 'bcryptjs', 'bcrypt-nodejs'], paths: p('genSalt', 'genSaltSync'), operation: 'bcrypt-salt', defaultRounds: 10 },
  { modules: ['@node-rs/bcrypt'], paths: p('hash', 'hashSync'), operation: 'bcrypt-hash' },
  { modules: ['@node-rs/bcrypt'], paths: p('genSalt', 'genSaltSync'), operation: 'bcrypt-salt' },
  { modules: ARGON2_MODULES, paths: p('hash', 'hashSync', 'hashRaw'), operation: 'argon2-hash' },
  { modules: BCRYPT_MODULES, paths: p('compare', 'compareSync', 'verify', 'verifySync'), operation: 'password-verify' },
  { modules: ARGON2_MODULES, paths: p('verify', 'verifySync'), operation: 'password-verify' },
  // Digest packages: `md5(data)`, `sha1(data)`, js-sha256's `sha256(data)` and `sha256.hex(data)`.
  { modules: ['md5', 'js-md5', 'blueimp-md5', 'md5-hex'], paths: p('', 'md5', 'hex'), operation: 'digest', algorithm: 'md5' },
  { modules: ['sha1', 'js-sha1'], paths: p('', 'sha1', 'hex'), operation: 'digest', algorithm: 'sha1' },
  { modules: ['js-sha256'], paths: p('', 'sha256', 'hex', 'sha256.hex'), operation: 'digest', algorithm: 'sha256' },
  { modules: ['js-sha256'], paths: p('sha224', 'sha224.hex'), operation: 'digest', algorithm: 'sha224' },
  { modules: ['js-sha512'], paths: p('', 'sha512', 'hex', 'sha512.hex'), operation: 'digest', algorithm: 'sha512' },
  { modules: ['js-sha512'], paths: p('sha384', 'sha384.hex'), operation: 'digest', algorithm: 'sha384' },
  ...CRYPTO_JS_DIGESTS.flatMap(([name, algorithm]): CryptoEntry[] => [
    { modules: [CRYPTO_JS], paths: [[name]], operation: 'digest', algorithm },
    { modules: [`${CRYPTO_JS}/${lower(name.replace(/^Hmac/, 'hmac-'))}`], paths: [[]], operation: 'digest', algorithm },
  ]),
  ...[...CRYPTO_JS_CIPHERS].flatMap(([name, algorithm]): CryptoEntry[] =>
    (['encrypt', 'decrypt'] as const).flatMap((direction): CryptoEntry[] => [
      { modules: [CRYPTO_JS], paths: [[name, direction]], operation: 'cryptojs-cipher', algorithm, direction },
      { modules: [`${CRYPTO_JS}/${lower(name).replace('rabbitlegacy', 'rabbit-legacy')}`], paths: [[direction]], operation: 'cryptojs-cipher', algorithm, direction },
    ]),
  ),
];

/** The names every entry's function ends with: a call whose name is none of these is no crypto call. */
export const CRYPTO_CALL_NAMES: ReadonlySet<string> = new Set(
  CRYPTO_ENTRIES.flatMap((entry) => entry.paths.map((path) => path[path.length - 1]).filter((n): n is string => n !== undefined)),
);

// ---------------------------------------------------------------------------------------------
// Ciphers

/**
 * Cipher families that do not protect data today: 56-bit DES and its variants (3DES is deprecated by
 * NIST since 2023 and has 64-bit blocks), RC2, RC4, Blowfish, CAST5, IDEA and SEED (64-bit blocks
 * or broken key schedules). Matched, in order, against the start of the lower-cased OpenSSL name.
 */
export const WEAK_CIPHER_PREFIXES: readonly (readonly [string, string])[] = [
  ['des-ede', 'Triple DES'],
  ['des3', 'Triple DES'],
  ['3des', 'Triple DES'],
  ['tripledes', 'Triple DES'],
  ['desx', 'DES'],
  ['des', 'DES'],
  ['rc2', 'RC2'],
  ['rc4', 'RC4'],
  ['bf', 'Blowfish'],
  ['blowfish', 'Blowfish'],
  ['cast', 'CAST5'],
  ['idea', 'IDEA'],
  ['seed', 'SEED'],
];

/** GCM tags shorter than this many bytes let forgeries through far more often. */
export const MIN_GCM_TAG_BYTES = 16;

/** RSA and DSA moduli below this many bits are breakable or deprecated (NIST SP 800-131A). */
export const MIN_MODULUS_BITS = 2048;
export const MODULUS_KEY_TYPES: ReadonlySet<string> = new Set(['rsa', 'rsa-pss', 'dsa']);

/** Digests broken for collision resistance, and so for signatures. */
export const BROKEN_DIGESTS: ReadonlySet<string> = new Set(['md4', 'md5', 'sha1', 'sha-1']);

// ---------------------------------------------------------------------------------------------
// Password hashing (OWASP Password Storage Cheat Sheet)

/** bcrypt cost below which a password hash is reported, by default. */
export const DEFAULT_MIN_BCRYPT_COST = 10;

/** PBKDF2 iteration counts OWASP gives as the minimum, by HMAC digest. */
export const PBKDF2_MIN_ITERATIONS: ReadonlyMap<string, number> = new Map([
  ['sha1', 1_300_000],
  ['sha-1', 1_300_000],
  ['sha256', 600_000],
  ['sha-256', 600_000],
  ['sha512', 210_000],
  ['sha-512', 210_000],
]);

/**
 * scrypt settings OWASP lists as equally strong: `N` (a power of two), `r` = 8 and `p`. A setting is
 * strong enough when some row has `N·r` at most the setting's and `p` at most the setting's.
 */
export const SCRYPT_MIN_SETTINGS: readonly { N: number; r: number; p: number }[] = [
  { N: 2 ** 17, r: 8, p: 1 },
  { N: 2 ** 16, r: 8, p: 2 },
  { N: 2 ** 15, r: 8, p: 3 },
  { N: 2 ** 14, r: 8, p: 5 },
  { N: 2 ** 13, r: 8, p: 10 },
];

/** Node's scrypt defaults. */
export const NODE_SCRYPT_DEFAULTS = { N: 16384, r: 8, p: 1 };

/** argon2id settings OWASP lists as equally strong: memory in KiB and iterations. */
export const ARGON2_MIN_SETTINGS: readonly { memoryCost: number; timeCost: number }[] = [
  { memoryCost: 47_104, timeCost: 1 },
  { memoryCost: 19_456, timeCost: 2 },
  { memoryCost: 12_288, timeCost: 3 },
  { memoryCost: 9_216, timeCost: 4 },
  { memoryCost: 7_168, timeCost: 5 },
];

/**
 * Library defaults used when an option is not given: `argon2` (current versions: argon2id, 64 MiB,
 * 3 passes) and `@node-rs/argon2` (argon2id, 19 MiB, 2 passes).
 */
export const ARGON2_DEFAULTS: ReadonlyMap<string, { memoryCost: number; timeCost: number }> = new Map([
  ['argon2', { memoryCost: 65_536, timeCost: 3 }],
  ['@node-rs/argon2', { memoryCost: 19_456, timeCost: 2 }],
]);

/** Argon2 variants by the numeric value both libraries give them (`argon2.argon2i`, `Algorithm.Argon2i`). */
export const ARGON2_VARIANTS: readonly string[] = ['argon2d', 'argon2i', 'argon2id'];
