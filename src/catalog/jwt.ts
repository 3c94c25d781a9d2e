/**
 * JSON Web Token entry points: where each library signs, verifies and decodes tokens, and where
 * the key, the options and the payload sit in the call. Data only.
 */

export type JwtEntryOperation =
  | 'sign'
  | 'verify'
  | 'decode'
  | 'middleware'
  | 'strategy'
  | 'module-config'
  | 'plugin-register';

/**
 * How a call is reached:
 * - `call`: the callee resolves to `path` of the module (`jwt.sign`, `jwtVerify`, `expressjwt`);
 * - `new`: a construction whose constructor resolves to `path` (`new JwtStrategy(...)`);
 * - `chain`: a method called on an instance built with `new <path>(...)` (jose `new SignJWT(p)…sign(key)`);
 *   the payload is the constructor's argument;
 * - `instance`: a method called on an instance of the class at `path`, known from `new` or from a
 *   type annotation (a NestJS constructor-injected `JwtService`);
 * - `plugin`: the module's export passed as the first argument of a `register(plugin, options)` call;
 * - `decorator`: a method a framework plugin adds to its objects (`reply.jwtSign()`, `fastify.jwt.sign()`);
 *   counted only in files that load one of `modules`.
 */
export type JwtEntryKind = 'call' | 'new' | 'chain' | 'instance' | 'plugin' | 'decorator';

/** Positions of the call's arguments; absent means the call has no such argument. */
export interface JwtArgs {
  payload?: number;
  token?: number;
  key?: number;
  options?: number;
  /** A positional algorithm name (`hono/jwt` `sign(payload, secret, 'HS256')`). */
  algorithm?: number;
  /** The options may be a function in this position instead (a Node-style callback): then there are none. */
  optionsMayBeCallback?: boolean;
}

export interface JwtEntry {
  /** Package name, used in messages. */
  library: string;
  /** Module specifiers that provide it. */
  modules: readonly string[];
  kind: JwtEntryKind;
  /** Export path of the callee, constructor or class (empty for the module itself). */
  path: readonly string[];
  /** For `chain`, `instance` and `decorator`: the method names. */
  methods?: readonly string[];
  /** For `decorator`: the property the methods hang on (`fastify.jwt.sign`), if any. */
  namespace?: string;
  operation: JwtEntryOperation;
  args: JwtArgs;
  /** Options properties that hold the key (`secret`, `secretOrKey`, `privateKey`…), first match wins. */
  keyOptions?: readonly string[];
  /** The options come from `useFactory` of the first argument (NestJS `registerAsync`). */
  optionsFromFactory?: boolean;
  /** Tokens made or accepted here carry no signature (`alg: "none"`). */
  unsecured?: boolean;
  /**
   * How messages name the entry point when the export path alone would mislead
   * (`` `JWT.verify()` `` of jose 1.x/2.x, against `jwtVerify()` of later versions).
   */
  label?: string;
  /**
   * The export exists only in these major versions of the library (jose `JWT`, `JWK`: `1.x/2.x`):
   * using it is itself the evidence of the version.
   */
  majors?: string;
  /**
   * Verification without an `algorithms` option accepts only the algorithms of the key it is
   * given (an `oct` key HMAC, an RSA key RS/PS, never `none`): a missing allow-list is defence in depth.
   */
  algorithmsFromKey?: boolean;
  /**
   * Position of an argument that turns verification off when truthy (jwt-simple
   * `decode(token, key, noVerify)`): the call is then a decode, not a verification.
   */
  noVerifyArg?: number;
  /** The library runs only in Node.js: its decodes are always server code. */
  nodeOnly?: boolean;
  /**
   * Verify options that let tokens through after `exp`: `ignore` paths switch the expiry check
   * off when true; `tolerance` paths widen it by a clock tolerance (numbers are seconds, strings
   * durations such as `'2 hours'`).
   */
  expiryOptions?: { ignore?: readonly (readonly string[])[]; tolerance?: readonly (readonly string[])[] };
}

/** jsonwebtoken's own verify options that relax the expiry check (also passed through by @nestjs/jwt). */
const JSONWEBTOKEN_EXPIRY_OPTIONS = { ignore: [['ignoreExpiration']], tolerance: [['clockTolerance']] } as const;

export const JWT_ENTRIES: readonly JwtEntry[] = [
  // jsonwebtoken: sign(payload, key[, options][, callback]), verify(token, key[, options][, callback]), decode(token[, options])
  {
    library: 'jsonwebtoken',
    modules: ['jsonwebtoken'],
    kind: 'call',
    path: ['sign'],
    operation: 'sign',
    args: { payload: 0, key: 1, options: 2, optionsMayBeCallback: true },
  },
  {
    library: 'jsonwebtoken',
    modules: ['jsonwebtoken'],
    kind: 'call',
    path: ['verify'],
    operation: 'verify',
    args: { token: 0, key: 1, options: 2, optionsMayBeCallback: true },
    expiryOptions: JSONWEBTOKEN_EXPIRY_OPTIONS,
  },
  {
    library: 'jsonwebtoken',
    modules: ['jsonwebtoken'],
    kind: 'call',
    path: ['decode'],
    operation: 'decode',
    args: { token: 0, options: 1 },
  },
  // jose: new SignJWT(payload).setProtectedHeader({ alg })….sign(key), jwtVerify(token, key, options), decodeJwt(token)
  {
    library: 'jose',
    modules: ['jose'],
    kind: 'chain',
    path: ['SignJWT'],
    methods: ['sign'],
    operation: 'sign',
    // payload: argument of `new SignJWT()`; key: argument of the final `.sign()`
    args: { payload: 0, key: 0 },
  },
  {
    library: 'jose',
    modules: ['jose'],
    kind: 'call',
    path: ['jwtVerify'],
    operation: 'verify',
    args: { token: 0, key: 1, options: 2 },
    expiryOptions: { tolerance: [['clockTolerance']] },
  },
  { library: 'jose', modules: ['jose'], kind: 'call', path: ['decodeJwt'], operation: 'decode', args: { token: 0 } },
  // jose 1.x/2.x (Node.js only): JWT.sign(payload, key[, options]), JWT.verify(token, keyOrStore[, options]),
  // JWT.decode(token[, options]); the profiles JWT.IdToken / AccessToken / LogoutToken.verify take the
  // same arguments. Keys are `JWK.asKey()` input (a string is an `oct` secret unless it is PEM text).
  {
    library: 'jose',
    modules: ['jose'],
    kind: 'call',
    path: ['JWT', 'sign'],
    operation: 'sign',
    args: { payload: 0, key: 1, options: 2 },
    label: '`JWT.sign()`',
    majors: '1.x/2.x',
    nodeOnly: true,
  },
  ...(['verify', 'IdToken', 'AccessToken', 'LogoutToken'] as const).map(
    (name): JwtEntry => ({
      library: 'jose',
      modules: ['jose'],
      kind: 'call',
      path: name === 'verify' ? ['JWT', 'verify'] : ['JWT', name, 'verify'],
      operation: 'verify',
      args: { token: 0, key: 1, options: 2 },
      label: name === 'verify' ? '`JWT.verify()`' : `\`JWT.${name}.verify()\``,
      majors: '1.x/2.x',
      nodeOnly: true,
      algorithmsFromKey: true,
      expiryOptions: { ignore: [['ignoreExp']], tolerance: [['clockTolerance']] },
    }),
  ),
  {
    library: 'jose',
    modules: ['jose'],
    kind: 'call',
    path: ['JWT', 'decode'],
    operation: 'decode',
    args: { token: 0, options: 1 },
    label: '`JWT.decode()`',
    majors: '1.x/2.x',
    nodeOnly: true,
  },
  // jwt-simple: encode(payload, key[, algorithm = 'HS256'][, options]); decode(token, key[, noVerify][, algorithm]).
  // A truthy `noVerify` skips the signature, `exp` and `nbf` checks; without `algorithm` the header's
  // `alg` chooses among HS256/HS384/HS512/RS256 (RS256 forced for PEM public keys), never `none`.
  {
    library: 'jwt-simple',
    modules: ['jwt-simple'],
    kind: 'call',
    path: ['encode'],
    operation: 'sign',
    args: { payload: 0, key: 1, algorithm: 2 },
    nodeOnly: true,
  },
  {
    library: 'jwt-simple',
    modules: ['jwt-simple'],
    kind: 'call',
    path: ['decode'],
    operation: 'verify',
    args: { token: 0, key: 1, algorithm: 3 },
    noVerifyArg: 2,
    nodeOnly: true,
  },
  // jwt-decode: jwtDecode(token[, options]) (v4+), the default-exported function before
  { library: 'jwt-decode', modules: ['jwt-decode'], kind: 'call', path: ['jwtDecode'], operation: 'decode', args: { token: 0, options: 1 } },
  { library: 'jwt-decode', modules: ['jwt-decode'], kind: 'call', path: [], operation: 'decode', args: { token: 0, options: 1 } },
  // jose unsecured JWTs (`alg: "none"`): new UnsecuredJWT(payload).encode(), UnsecuredJWT.decode(token)
  {
    library: 'jose',
    modules: ['jose'],
    kind: 'chain',
    path: ['UnsecuredJWT'],
    methods: ['encode'],
    operation: 'sign',
    args: { payload: 0 },
    unsecured: true,
  },
  {
    library: 'jose',
    modules: ['jose'],
    kind: 'call',
    path: ['UnsecuredJWT', 'decode'],
    operation: 'decode',
    args: { token: 0 },
    unsecured: true,
  },
  // express-jwt: expressjwt({ secret, algorithms }) (v7+), the default-exported jwt({...}) before
  {
    library: 'express-jwt',
    modules: ['express-jwt'],
    kind: 'call',
    path: ['expressjwt'],
    operation: 'middleware',
    args: { options: 0 },
    keyOptions: ['secret'],
  },
  {
    library: 'express-jwt',
    modules: ['express-jwt'],
    kind: 'call',
    path: [],
    operation: 'middleware',
    args: { options: 0 },
    keyOptions: ['secret'],
  },
  // koa-jwt: jwt({ secret }) (its `key` option names the `ctx.state` property, not the secret)
  {
    library: 'koa-jwt',
    modules: ['koa-jwt'],
    kind: 'call',
    path: [],
    operation: 'middleware',
    args: { options: 0 },
    keyOptions: ['secret'],
  },
  // passport-jwt: new Strategy({ secretOrKey, algorithms, jwtFromRequest }, verify)
  {
    library: 'passport-jwt',
    modules: ['passport-jwt'],
    kind: 'new',
    path: ['Strategy'],
    operation: 'strategy',
    args: { options: 0 },
    keyOptions: ['secretOrKey'],
    expiryOptions: { ignore: [['ignoreExpiration']], tolerance: [['jsonWebTokenOptions', 'clockTolerance']] },
  },
  // @nestjs/jwt: JwtModule.register(options), JwtModule.registerAsync({ useFactory }), JwtService methods
  {
    library: '@nestjs/jwt',
    modules: ['@nestjs/jwt'],
    kind: 'call',
    path: ['JwtModule', 'register'],
    operation: 'module-config',
    args: { options: 0 },
    keyOptions: ['secret', 'privateKey', 'secretOrPrivateKey'],
    expiryOptions: { ignore: [['verifyOptions', 'ignoreExpiration']], tolerance: [['verifyOptions', 'clockTolerance']] },
  },
  {
    library: '@nestjs/jwt',
    modules: ['@nestjs/jwt'],
    kind: 'call',
    path: ['JwtModule', 'registerAsync'],
    operation: 'module-config',
    args: { options: 0 },
    keyOptions: ['secret', 'privateKey', 'secretOrPrivateKey'],
    optionsFromFactory: true,
    expiryOptions: { ignore: [['verifyOptions', 'ignoreExpiration']], tolerance: [['verifyOptions', 'clockTolerance']] },
  },
  {
    library: '@nestjs/jwt',
    modules: ['@nestjs/jwt'],
    kind: 'instance',
    path: ['JwtService'],
    methods: ['sign', 'signAsync'],
    operation: 'sign',
    args: { payload: 0, options: 1 },
    keyOptions: ['secret', 'privateKey'],
  },
  {
    library: '@nestjs/jwt',
    modules: ['@nestjs/jwt'],
    kind: 'instance',
    path: ['JwtService'],
    methods: ['verify', 'verifyAsync'],
    operation: 'verify',
    args: { token: 0, options: 1 },
    keyOptions: ['secret', 'publicKey'],
    expiryOptions: JSONWEBTOKEN_EXPIRY_OPTIONS,
  },
  {
    library: '@nestjs/jwt',
    modules: ['@nestjs/jwt'],
    kind: 'instance',
    path: ['JwtService'],
    methods: ['decode'],
    operation: 'decode',
    args: { token: 0, options: 1 },
  },
  // @fastify/jwt: fastify.register(jwt, { secret, sign, verify }), then reply.jwtSign / request.jwtVerify / fastify.jwt.*
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'plugin',
    path: [],
    operation: 'plugin-register',
    args: { options: 1 },
    keyOptions: ['secret'],
  },
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'plugin',
    path: ['fastifyJwt'],
    operation: 'plugin-register',
    args: { options: 1 },
    keyOptions: ['secret'],
  },
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'decorator',
    path: [],
    methods: ['jwtSign'],
    operation: 'sign',
    args: { payload: 0, options: 1, optionsMayBeCallback: true },
    keyOptions: ['key'],
  },
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'decorator',
    path: [],
    methods: ['jwtVerify'],
    operation: 'verify',
    args: { options: 0, optionsMayBeCallback: true },
    keyOptions: ['key'],
  },
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'decorator',
    path: [],
    methods: ['jwtDecode'],
    operation: 'decode',
    args: { options: 0, optionsMayBeCallback: true },
  },
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'decorator',
    path: [],
    namespace: 'jwt',
    methods: ['sign'],
    operation: 'sign',
    args: { payload: 0, options: 1, optionsMayBeCallback: true },
    keyOptions: ['key'],
  },
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'decorator',
    path: [],
    namespace: 'jwt',
    methods: ['verify'],
    operation: 'verify',
    args: { token: 0, options: 1, optionsMayBeCallback: true },
    keyOptions: ['key'],
  },
  {
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    kind: 'decorator',
    path: [],
    namespace: 'jwt',
    methods: ['decode'],
    operation: 'decode',
    args: { token: 0, options: 1 },
  },
  // hono/jwt: sign(payload, secret, alg?), verify(token, secret, alg?), decode(token), jwt({ secret, alg })
  {
    library: 'hono/jwt',
    modules: ['hono/jwt'],
    kind: 'call',
    path: ['sign'],
    operation: 'sign',
    args: { payload: 0, key: 1, algorithm: 2 },
  },
  {
    library: 'hono/jwt',
    modules: ['hono/jwt'],
    kind: 'call',
    path: ['verify'],
    operation: 'verify',
    args: { token: 0, key: 1, algorithm: 2 },
  },
  { library: 'hono/jwt', modules: ['hono/jwt'], kind: 'call', path: ['decode'], operation: 'decode', args: { token: 0 } },
  {
    library: 'hono/jwt',
    modules: ['hono/jwt'],
    kind: 'call',
    path: ['jwt'],
    operation: 'middleware',
    args: { options: 0 },
    keyOptions: ['secret'],
  },
  {
    library: 'hono/jwt',
    modules: ['hono/utils/jwt'],
    kind: 'call',
    path: ['Jwt', 'sign'],
    operation: 'sign',
    args: { payload: 0, key: 1, algorithm: 2 },
  },
  {
    library: 'hono/jwt',
    modules: ['hono/utils/jwt'],
    kind: 'call',
    path: ['Jwt', 'verify'],
    operation: 'verify',
    args: { token: 0, key: 1, algorithm: 2 },
  },
  {
    library: 'hono/jwt',
    modules: ['hono/utils/jwt'],
    kind: 'call',
    path: ['Jwt', 'decode'],
    operation: 'decode',
    args: { token: 0 },
  },
];

/** HMAC algorithms: the key is a shared secret. */
export const HMAC_ALGORITHMS: readonly string[] = ['HS256', 'HS384', 'HS512'];

/** Asymmetric algorithms: the key is a private key (sign) or a public key (verify). */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'ES256K',
  'EdDSA',
  'Ed25519',
];

/** The algorithm a library signs with when none is named, for a string/secret key. */
export const DEFAULT_HMAC_LIBRARIES: readonly string[] = ['jsonwebtoken', '@nestjs/jwt', 'hono/jwt', '@fastify/jwt', 'jwt-simple'];

/** Calls whose result is a secret fetched from a secret store, by export path per module. */
export const SECRET_SOURCES: readonly { modules: readonly string[]; methods: readonly string[] }[] = [
  { modules: ['@aws-sdk/client-secrets-manager', 'aws-sdk'], methods: ['send', 'getSecretValue'] },
  { modules: ['@aws-sdk/client-kms', '@aws-sdk/client-ssm'], methods: ['send', 'decrypt', 'getParameter'] },
  { modules: ['@google-cloud/secret-manager'], methods: ['accessSecretVersion'] },
  { modules: ['@azure/keyvault-secrets'], methods: ['getSecret'] },
  { modules: ['node-vault'], methods: ['read'] },
];

/** Function or method names that read a secret from a store or a file (an unresolved receiver is enough). */
export const SECRET_READER_NAMES: readonly string[] = [
  'getSecret',
  'getSecretValue',
  'accessSecretVersion',
  'fetchSecret',
  'loadSecret',
  'readSecret',
  'getParameter',
  'readFileSync',
  'readFile',
];

/** `fs` / `fs/promises` functions that read a key file. */
export const FILE_READERS: readonly { modules: readonly string[]; path: readonly string[] }[] = [
  { modules: ['fs'], path: ['readFileSync'] },
  { modules: ['fs'], path: ['promises', 'readFile'] },
  { modules: ['fs/promises'], path: ['readFile'] },
];

/** `crypto` / jose functions that build key objects (never a plain low-entropy string at the call). */
export const KEY_OBJECT_FACTORIES: readonly { modules: readonly string[]; path: readonly string[]; secret?: boolean }[] = [
  { modules: ['crypto'], path: ['createPrivateKey'] },
  { modules: ['crypto'], path: ['createPublicKey'] },
  { modules: ['crypto'], path: ['createSecretKey'], secret: true },
  { modules: ['crypto'], path: ['generateKeyPairSync'] },
  { modules: ['crypto'], path: ['randomBytes'] },
  { modules: ['jose'], path: ['importPKCS8'] },
  { modules: ['jose'], path: ['importSPKI'] },
  { modules: ['jose'], path: ['importX509'] },
  { modules: ['jose'], path: ['importJWK'] },
  { modules: ['jose'], path: ['generateKeyPair'] },
  { modules: ['jose'], path: ['generateSecret'] },
  { modules: ['jose'], path: ['createRemoteJWKSet'] },
  { modules: ['jose'], path: ['createLocalJWKSet'] },
  // jose 1.x/2.x: `JWK.asKey(secret)` makes an `oct` (HMAC) key of a string or buffer
  { modules: ['jose'], path: ['JWK', 'asKey'], secret: true },
  { modules: ['jose'], path: ['JWK', 'generate'] },
  { modules: ['jose'], path: ['JWK', 'generateSync'] },
  { modules: ['jose'], path: ['JWKS', 'asKeyStore'] },
  { modules: ['jwks-rsa'], path: ['expressJwtSecret'] },
  { modules: ['jwks-rsa'], path: ['passportJwtSecret'] },
];

/**
 * The release from which each library verifies with jsonwebtoken 9, which — when `algorithms` is
 * not given — accepts only the algorithms that fit the key's type (HMAC for a secret, RSA/PSS for an
 * RSA key, ECDSA for an EC key) and never `none`. jsonwebtoken 8.5.1 and earlier defaulted to `none`
 * for an empty key and chose the list from the key's text (CVE-2022-23540, CVE-2022-23541).
 * passport-jwt 4.0.1 moved to jsonwebtoken 9 (4.0.0 used 8); @nestjs/jwt 10.0.0 did (9 used 8).
 * The range read is that of the library the call was resolved to by import.
 */
export const ALGORITHM_RESTRICTING_RELEASES: Readonly<Record<string, { since: string; via?: string }>> = {
  jsonwebtoken: { since: '9.0.0' },
  'passport-jwt': { since: '4.0.1', via: 'jsonwebtoken 9' },
  '@nestjs/jwt': { since: '10.0.0', via: 'jsonwebtoken 9' },
};
