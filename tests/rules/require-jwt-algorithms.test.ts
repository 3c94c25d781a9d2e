import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import rule from '../../src/rules/require-jwt-algorithms.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';
import { CONFIG_PACKAGE_ACCESS_REFRESH, EXPRESS_JWT_JWKS, FASTIFY_JWT_KEY_PAIR, HONO_JWT_BINDINGS, JOSE_SESSIONS_AND_JWKS, JWKS_DECODE_THEN_VERIFY, NEST_AUTH_SERVICE_SIGN_IN, NEST_JWT_MODULE_ASYNC, NEST_PASSPORT_JWT_STRATEGY, OPTIONS_BY_ASSIGNMENT, PASSPORT_JWT_STRATEGIES, PASSPORT_OPTS_BY_ASSIGNMENT, PROMISIFIED_VERIFY_MIDDLEWARE, RS256_KEY_FILES, SUPERTEST_SIGNED_TOKENS, JOSE2_PEM_KEYS, JWT_SIMPLE_ENV_SECRET } from './token-modules.js';

// Projects on disk, so the rule can read the jsonwebtoken / passport-jwt range each one declares.
const root = mkdtempSync(join(tmpdir(), 'require-jwt-algorithms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, unknown>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const JWT9 = project('jwt9', { 'package.json': { name: 'orders-api', dependencies: { express: '^4.21.2', jsonwebtoken: '^9.0.2' } } });
const JWT9_TILDE = project('jwt9-tilde', { 'package.json': { name: 'billing', dependencies: { jsonwebtoken: '~9.0.0' } } });
const JWT9_ALIAS = project('jwt9-alias', { 'package.json': { name: 'gateway', dependencies: { jsonwebtoken: 'npm:jsonwebtoken@^9.0.2' } } });
const JWT8 = project('jwt8', { 'package.json': { name: 'legacy-api', dependencies: { express: '^4.17.1', jsonwebtoken: '^8.5.1' } } });
const JWT8_OR_9 = project('jwt8or9', { 'package.json': { name: 'shared-auth', peerDependencies: { jsonwebtoken: '^8.5.1 || ^9.0.0' } } });
const NO_JWT = project('no-jwt', { 'package.json': { name: 'api', dependencies: { express: '^4.21.2' } } });
const BROKEN = project('broken', { 'package.json': '{ "name": "api", "dependencies": { "jsonwebtoken": "^9.0.2", } ' });
const MONO = project('mono', {
  'package.json': { private: true, workspaces: ['packages/*'], devDependencies: { jsonwebtoken: '^9.0.2' } },
  'packages/api/package.json': { name: '@shop/api', dependencies: { express: '^4.21.2' } },
  'packages/legacy/package.json': { name: '@shop/legacy', dependencies: { jsonwebtoken: '~8.5.1' } },
});
const PASSPORT_400 = project('passport-400', { 'package.json': { dependencies: { passport: '^0.6.0', 'passport-jwt': '4.0.0' } } });
const PASSPORT_401 = project('passport-401', { 'package.json': { dependencies: { passport: '^0.7.0', 'passport-jwt': '^4.0.1' } } });
const NEST10 = project('nest10', {
  'package.json': { dependencies: { '@nestjs/jwt': '^10.2.0', '@nestjs/passport': '^10.0.3', 'passport-jwt': '^4.0.1' } },
});
const NEST10_ONLY = project('nest10-only', { 'package.json': { dependencies: { '@nestjs/core': '^10.4.0', '@nestjs/jwt': '^10.2.0' } } });

const at = (dir: string, path: string): string => join(dir, path);
const strict = [{ reportWhenLibraryRestrictsAlgorithms: true }] as const;

// Real key texts, so the suggestion can be read from the key itself.
const RSA_PUBLIC_PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
const EC_PUBLIC_PEM = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();

const ruleTester = new RuleTester();

ruleTester.run('require-jwt-algorithms', rule, {
  valid: [
    // jsonwebtoken with an allow-list, inline or hoisted
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });", languageOptions: esm },
    {
      code: "const jwt = require('jsonwebtoken'); const VERIFY_OPTS = { algorithms: ['RS256'], issuer: 'api' }; module.exports = (t) => jwt.verify(t, publicKey, VERIFY_OPTS);",
      languageOptions: cjs,
    },
    {
      code: "import { verify } from 'jsonwebtoken'; verify(token, key, { algorithms: ['ES256', 'ES384'] }, (err, payload) => {});",
      languageOptions: ts,
    },
    {
      code: "import jwt from 'jsonwebtoken'; const config = { jwt: { verifyOptions: { algorithms: ['HS512'] } } }; jwt.verify(t, k, config.jwt.verifyOptions);",
      languageOptions: esm,
    },
    // options we cannot see: no report
    { code: "import jwt from 'jsonwebtoken'; export function check(t, opts) { return jwt.verify(t, key, opts); }", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(t, key, { ...defaults });", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(...args);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(token);", languageOptions: esm },
    // decode and sign need no allow-list
    { code: "import jwt from 'jsonwebtoken'; jwt.decode(token, { complete: true }); jwt.sign(p, k, { algorithm: 'RS256' });", languageOptions: esm },
    // jose enforces the key type
    { code: "import { jwtVerify } from 'jose'; await jwtVerify(token, secret);", languageOptions: esm },
    { code: "import { jwtVerify } from 'jose'; await jwtVerify(token, JWKS, { issuer: 'https://id', algorithms: ['RS256'] });", languageOptions: ts },
    // express-jwt and passport-jwt with algorithms
    { code: "import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: process.env.S, algorithms: ['HS256'] }));", languageOptions: esm },
    { code: "const jwt = require('express-jwt'); app.use(jwt({ secret: getKey, algorithms: ['RS256'] }));", languageOptions: cjsAsModule },
    {
      code: "const { Strategy, ExtractJwt } = require('passport-jwt'); passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: key, algorithms: ['HS256'] }, verify));",
      languageOptions: cjs,
    },
    { code: "import { Strategy } from 'passport-jwt'; new Strategy(options, verify);", languageOptions: esm },
    // @fastify/jwt: the verifier derives the algorithms from the key type; lists are still checked
    { code: "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: process.env.S });", languageOptions: esm },
    { code: "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: s, verify: { algorithms: ['HS256'] } });", languageOptions: ts },
    // @nestjs/jwt: not required, only checked
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: s, verifyOptions: { algorithms: ['HS256'] }, signOptions: { algorithm: 'HS256' } });",
      languageOptions: ts,
    },
    // hono/jwt always names its algorithm
    { code: "import { verify, jwt } from 'hono/jwt'; await verify(t, c.env.SECRET); app.use(jwt({ secret: 's', alg: 'HS256' }));", languageOptions: esm },
    // not the libraries
    { code: "import jwt from 'jwt-simple'; jwt.decode(token, secret);", languageOptions: esm },
    { code: 'const jwt = { verify() {} }; jwt.verify(token, key);', languageOptions: esm },
    { code: "import { verify } from './jwt'; verify(token, key);", languageOptions: ts },
    // NestJS passport strategies with algorithms, JwtService.verify
    {
      code: "import { PassportStrategy } from '@nestjs/passport'; import { ExtractJwt, Strategy } from 'passport-jwt'; export class JwtStrategy extends PassportStrategy(Strategy) { constructor() { super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] }); } }",
      languageOptions: ts,
    },
    {
      code: "import { JwtService } from '@nestjs/jwt'; export class A { constructor(private readonly jwt: JwtService) {} check(t: string) { return this.jwt.verify(t); } }",
      languageOptions: ts,
    },
    { code: "class S extends Base { constructor() { super({ secretOrKey: k }); } }", languageOptions: esm },
    // hoisted algorithm lists, spreads we cannot see through
    { code: "import jwt from 'jsonwebtoken'; const ALGS = ['RS256']; jwt.verify(t, k, { algorithms: ALGS });", languageOptions: esm },
    { code: "import { expressjwt } from 'express-jwt'; app.use(expressjwt({ ...jwtConfig }));", languageOptions: esm },
    { code: "import { expressjwt } from 'express-jwt'; app.use(expressjwt(jwtConfig));", languageOptions: esm },
    { code: "const { Strategy } = require('passport-jwt'); passport.use(new Strategy(Object.assign({}, base), verify));", languageOptions: cjs },
    // fastify request verification
    { code: "import '@fastify/jwt'; app.addHook('onRequest', async (request) => { await request.jwtVerify(); });", languageOptions: ts },
    { code: "const { UnsecuredJWT } = require('./my-jwt'); new UnsecuredJWT(p).encode();", languageOptions: cjs },
    // strange code
    { code: "import jwt from 'jsonwebtoken'; jwt['verify']?.(t, k, { algorithms: ['HS256'] });", languageOptions: ts },
    { code: "import jwt from 'jsonwebtoken'; const key = 'algorithms'; jwt.verify(t, k, { [key]: ['HS256'] });", languageOptions: esm },
    // Whole modules, and (promisify, callbacks declared apart, options built by assignment)
    { code: CONFIG_PACKAGE_ACCESS_REFRESH, languageOptions: ts },
    { code: PROMISIFIED_VERIFY_MIDDLEWARE, languageOptions: cjsAsModule },
    { code: RS256_KEY_FILES, languageOptions: cjs },
    { code: JOSE_SESSIONS_AND_JWKS, languageOptions: ts },
    { code: EXPRESS_JWT_JWKS, languageOptions: esm },
    { code: PASSPORT_JWT_STRATEGIES, languageOptions: ts },
    { code: NEST_PASSPORT_JWT_STRATEGY, languageOptions: ts },
    { code: NEST_JWT_MODULE_ASYNC, languageOptions: ts },
    { code: NEST_AUTH_SERVICE_SIGN_IN, languageOptions: ts },
    { code: FASTIFY_JWT_KEY_PAIR, languageOptions: ts },
    { code: HONO_JWT_BINDINGS, languageOptions: ts },
    { code: JWKS_DECODE_THEN_VERIFY, languageOptions: esm },
    { code: PASSPORT_OPTS_BY_ASSIGNMENT, languageOptions: cjs },
    { code: OPTIONS_BY_ASSIGNMENT, languageOptions: ts },
    { code: `import jwt from 'jsonwebtoken';
export function verifyWith(token: string, ...rest: [string, jwt.VerifyOptions]) {
  return jwt.verify(token, ...rest);
}`, languageOptions: ts },
    { code: `const jwt = require('jsonwebtoken');
// \`done\` may be options or a callback: the rule cannot tell
exports.check = (token, key, done) => jwt.verify(token, key, done);`, languageOptions: cjs },
    { code: `import jwt from 'jsonwebtoken';
const verifyOptions = { audience: 'api' };
Object.assign(verifyOptions, loadVerifyOptions());
export const check = (t) => jwt.verify(t, process.env.JWT_PUBLIC_KEY, verifyOptions);`, languageOptions: esm },
    { code: `import { Strategy, ExtractJwt } from 'passport-jwt';
const opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() };
opts[process.env.KEY_OPTION] = process.env.JWT_SECRET;
passport.use(new Strategy(opts, verify));`, languageOptions: esm },
    // A test file signing fixture tokens with explicit claims and expiries
    { code: SUPERTEST_SIGNED_TOKENS, languageOptions: ts },
    // The project declares jsonwebtoken 9, which accepts only algorithms of the key's type: not a
    // finding in `recommended` (a `strict` one, see the invalid cases).
    {
      code: `const jwt = require('jsonwebtoken');

module.exports = function requireAuth(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: 'missing token' });
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
};`,
      languageOptions: cjs,
      filename: at(JWT9, 'src/middleware/require-auth.js'),
    },
    {
      code: `import fs from 'node:fs';
import jwt from 'jsonwebtoken';

const publicKey = fs.readFileSync(new URL('../../keys/public.pem', import.meta.url));

export function verifyAccessToken(token) {
  return new Promise((resolve, reject) => {
    jwt.verify(token, publicKey, { issuer: 'https://auth.example.com' }, (err, claims) => (err ? reject(err) : resolve(claims)));
  });
}`,
      languageOptions: esm,
      filename: at(JWT9_TILDE, 'src/auth/verify.mjs'),
    },
    {
      code: `import * as jwt from 'jsonwebtoken';
import { config } from '../config';

export const decodeSession = (token: string) => jwt.verify(token, config.jwt.secret) as { sub: string };`,
      languageOptions: ts,
      filename: at(JWT9_ALIAS, 'src/session/decode.ts'),
    },
    // A workspace package without its own declaration uses the monorepo root's jsonwebtoken 9.
    {
      code: `import jwt from 'jsonwebtoken';
export const readToken = (token: string, secret: string) => jwt.verify(token, secret);`,
      languageOptions: ts,
      filename: at(MONO, 'packages/api/src/auth/read-token.ts'),
    },
    // passport-jwt 4.0.1 and later verify with jsonwebtoken 9.
    {
      code: `const passport = require('passport');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const User = require('../models/user');

passport.use(
  new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, async (payload, done) => {
    try {
      const user = await User.findById(payload.sub);
      return done(null, user || false);
    } catch (err) {
      return done(err, false);
    }
  }),
);`,
      languageOptions: cjs,
      filename: at(PASSPORT_401, 'config/passport.js'),
    },
    // NestJS: @nestjs/jwt 10 and passport-jwt 4.0.1, both on jsonwebtoken 9.
    {
      code: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: ConfigService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: config.getOrThrow<string>('JWT_SECRET'),
    });
  }

  validate(payload: { sub: string; email: string }) {
    return { userId: payload.sub, email: payload.email };
  }
}`,
      languageOptions: ts,
      filename: at(NEST10, 'src/auth/jwt.strategy.ts'),
    },
    // The option set to false explicitly, as in a config that spells out the defaults.
    {
      code: "import jwt from 'jsonwebtoken'; export const check = (t) => jwt.verify(t, process.env.JWT_PUBLIC_KEY);",
      languageOptions: esm,
      filename: at(JWT9, 'src/check.js'),
      options: [{ reportWhenLibraryRestrictsAlgorithms: false }],
    },
    // With the option on, calls that name their algorithms are still fine.
    {
      code: `import jwt from 'jsonwebtoken';
const VERIFY = { algorithms: ['RS256'], audience: 'orders' };
export const a = (t) => jwt.verify(t, publicKey, VERIFY);
export const b = (t) => jwt.verify(t, publicKey, VERIFY);`,
      languageOptions: esm,
      filename: at(JWT9, 'src/verify.js'),
      options: strict,
    },
    // An allow-list read from configuration is not judged.
    {
      code: `import jwt from 'jsonwebtoken';
import config from 'config';
export const check = (token) => jwt.verify(token, config.get('jwt.publicKey'), { algorithms: config.get('jwt.algorithms') });`,
      languageOptions: esm,
      filename: at(JWT8, 'src/check.js'),
    },
    // One options object shared by several calls, with a proper list.
    {
      code: `const jwt = require('jsonwebtoken');
const ACCESS = { algorithms: ['HS256'], issuer: 'api', audience: 'web' };
exports.access = (t) => jwt.verify(t, process.env.ACCESS_TOKEN_SECRET, ACCESS);
exports.refresh = (t) => jwt.verify(t, process.env.REFRESH_TOKEN_SECRET, ACCESS);
exports.invite = (t) => jwt.verify(t, process.env.INVITE_TOKEN_SECRET, ACCESS);`,
      languageOptions: cjs,
      filename: at(JWT8, 'src/tokens.js'),
    },
    // RS256 keys from JWKS, allow-list spelled out; signing elsewhere in the file with its own key.
    {
      code: `import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
export const requireAuth = expressjwt({
  secret: jwksRsa.expressJwtSecret({ cache: true, rateLimit: true, jwksUri: process.env.JWKS_URI }),
  audience: process.env.AUTH0_AUDIENCE,
  issuer: process.env.AUTH0_ISSUER,
  algorithms: ['RS256'],
});`,
      languageOptions: esm,
      filename: at(NO_JWT, 'src/auth.js'),
    },
    // jose 1.x/2.x: `JWT.verify()` accepts only the algorithms of its key, so a missing list is reported only in `strict`
    ...acrossParsers(
      [
        { code: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_SECRET);\nmodule.exports = (token) => JWT.verify(token, key);" },
        { code: "const jose = require('jose');\nmodule.exports = (token) => jose.JWT.verify(token, process.env.JWT_SECRET, { issuer: 'api' });" },
      ],
      [esm, cjs, ts],
    ),
    { code: `const fs = require('fs');
const { JWT, JWK } = require('jose');
const publicKey = JWK.asKey(fs.readFileSync(__dirname + '/keys/public.pem'));
module.exports = (token) => JWT.verify(token, publicKey, { algorithms: ['RS256'], audience: 'api' });`, languageOptions: cjs, options: strict },
    { code: "import { JWT } from 'jose';\nexport const readIdToken = (t: string, keystore: unknown) => JWT.IdToken.verify(t, keystore as never, { issuer, audience, nonce, algorithms: ['PS256'] });", languageOptions: ts, options: strict },
    // jose 1.x/2.x decode and sign take no allow-list
    { code: "const { JWT } = require('jose');\nconst { header } = JWT.decode(token, { complete: true });\nJWT.sign({ sub }, key, { algorithm: 'ES256' });", languageOptions: cjs, options: strict },
    // jwt-simple takes no `algorithms` list: its decode is not judged by this rule
    { code: "const jwt = require('jwt-simple');\nmodule.exports = (token) => jwt.decode(token, process.env.JWT_SECRET);", languageOptions: cjs, options: strict },
    // Whole modules: jose 2.x with PEM keys, jwt-simple with the secret from the environment
    { code: JOSE2_PEM_KEYS, languageOptions: cjs },
    { code: JWT_SIMPLE_ENV_SECRET, languageOptions: cjs },
  ],
  invalid: [
    // jsonwebtoken: no options → third argument (HMAC string key → HS256)
    ...acrossParsers([
      {
        code: "import jwt from 'jsonwebtoken'; jwt.verify(token, 'shhhhh');",
        errors: [
          {
            messageId: 'missingAlgorithms' as const,
            line: 1,
            column: 33,
            suggestions: [
              { messageId: 'addAlgorithms' as const, output: "import jwt from 'jsonwebtoken'; jwt.verify(token, 'shhhhh', { algorithms: ['HS256'] });" },
            ],
          },
        ],
      },
    ], [esm, ts]),
    // callback in the options position
    {
      code: "const jwt = require('jsonwebtoken');\njwt.verify(token, process.env.JWT_SECRET, (err, decoded) => next(err, decoded));",
      languageOptions: cjs,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "const jwt = require('jsonwebtoken');\njwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }, (err, decoded) => next(err, decoded));",
            },
          ],
        },
      ],
    },
    // options object without algorithms; the algorithm this file signs with
    {
      code: "const { sign, verify } = require('jsonwebtoken');\nconst t = sign(p, privateKey, { algorithm: 'RS512' });\nverify(t, publicKey, { issuer: 'api' });",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "const { sign, verify } = require('jsonwebtoken');\nconst t = sign(p, privateKey, { algorithm: 'RS512' });\nverify(t, publicKey, { issuer: 'api', algorithms: ['RS512'] });",
            },
          ],
        },
      ],
    },
    // hoisted options constant; nothing known about the key → RS256
    {
      code: "import * as jwt from 'jsonwebtoken';\nconst OPTS = { maxAge: '1h', };\nexport const check = (t: string) => jwt.verify(t, getPublicKey(), OPTS);",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          column: 37,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "import * as jwt from 'jsonwebtoken';\nconst OPTS = { maxAge: '1h', algorithms: ['RS256'], };\nexport const check = (t: string) => jwt.verify(t, getPublicKey(), OPTS);",
            },
          ],
        },
      ],
    },
    // express-jwt, older default export, empty options
    {
      code: "const jwt = require('express-jwt');\napp.use(jwt({ secret: process.env.JWT_SECRET }));",
      languageOptions: cjs,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 9,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: "const jwt = require('express-jwt');\napp.use(jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));",
            },
          ],
        },
      ],
    },
    // passport-jwt
    {
      code: "import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';\nconst opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: fs.readFileSync('pub.pem') };\npassport.use(new JwtStrategy(opts, verify));",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';\nconst opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: fs.readFileSync('pub.pem'), algorithms: ['RS256'] };\npassport.use(new JwtStrategy(opts, verify));",
            },
          ],
        },
      ],
    },
    // 'none' anywhere
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['HS256', 'none'] });",
      languageOptions: esm,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 74 }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign(payload, '', { algorithm: 'none' });",
      languageOptions: esm,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 68 }],
    },
    {
      code: "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: s, verify: { algorithms: ['none'] } });",
      languageOptions: ts,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 101 }],
    },
    {
      code: "import { UnsecuredJWT } from 'jose'; const t = new UnsecuredJWT({ sub: 'u' }).encode();",
      languageOptions: esm,
      errors: [{ messageId: 'unsecuredJwt', line: 1, column: 48 }],
    },
    // NestJS passport strategy through PassportStrategy(Strategy)
    {
      code: "import { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() {\n    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET });\n  }\n}",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "import { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() {\n    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] });\n  }\n}",
            },
          ],
        },
      ],
    },
    // express-jwt v7 in CommonJS linted as a module (undeclared require), file signs with HS512
    {
      code: "const { expressjwt } = require('express-jwt');\nconst jwt = require('jsonwebtoken');\nconst token = jwt.sign(p, key, { algorithm: 'HS512' });\nmodule.exports = expressjwt({ secret: key });",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "const { expressjwt } = require('express-jwt');\nconst jwt = require('jsonwebtoken');\nconst token = jwt.sign(p, key, { algorithm: 'HS512' });\nmodule.exports = expressjwt({ secret: key, algorithms: ['HS512'] });",
            },
          ],
        },
      ],
    },
    // 'none' in NestJS JwtService.verify options, mixed in @fastify/jwt request verification
    {
      code: "import { JwtService } from '@nestjs/jwt';\nexport class A {\n  constructor(private jwtService: JwtService) {}\n  check(t: string) { return this.jwtService.verify(t, { algorithms: ['none'] }); }\n}",
      languageOptions: ts,
      errors: [{ messageId: 'noneAlgorithm', line: 4, column: 70 }],
    },
    {
      code: "import '@fastify/jwt';\napp.addHook('onRequest', (request) => request.jwtVerify({ algorithms: ['HS256', 'ES256'] }));",
      languageOptions: esm,
      errors: [{ messageId: 'mixedAlgorithms', line: 2, column: 71 }],
    },
    // mixed families
    {
      code: "import { jwtVerify } from 'jose'; await jwtVerify(t, key, { algorithms: ['HS256', 'RS256'] });",
      languageOptions: esm,
      errors: [{ messageId: 'mixedAlgorithms', line: 1, column: 73 }],
    },
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ publicKey: pub, verifyOptions: { algorithms: ['RS256', 'HS256'] } });",
      languageOptions: ts,
      errors: [{ messageId: 'mixedAlgorithms', line: 1, column: 108 }],
    },
    // Whole modules, and (promisify, callbacks declared apart, options built by assignment)
    { code: `const { promisify } = require('util');
const jwt = require('jsonwebtoken');
const verifyAsync = promisify(jwt.verify);
module.exports = async (token) => verifyAsync(token, process.env.JWT_SECRET);`, languageOptions: cjs, errors: [{ messageId: 'missingAlgorithms', line: 4, column: 35, suggestions: [{ messageId: 'addAlgorithms', output: `const { promisify } = require('util');
const jwt = require('jsonwebtoken');
const verifyAsync = promisify(jwt.verify);
module.exports = async (token) => verifyAsync(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });` }] }] },
    { code: `const jwt = require('jsonwebtoken');
function onVerified(err, claims) {
  if (err) throw err;
  console.log(claims.sub);
}
jwt.verify(token, process.env.JWT_PUBLIC_KEY, onVerified);`, languageOptions: cjs, errors: [{ messageId: 'missingAlgorithms', line: 6, column: 1, suggestions: [{ messageId: 'addAlgorithms', output: `const jwt = require('jsonwebtoken');
function onVerified(err, claims) {
  if (err) throw err;
  console.log(claims.sub);
}
jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] }, onVerified);` }] }] },
    { code: `import { Strategy, ExtractJwt } from 'passport-jwt';
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = process.env.JWT_SECRET;
passport.use(new Strategy(opts, (payload, done) => done(null, payload)));`, languageOptions: esm, errors: [{ messageId: 'missingAlgorithms', line: 5, column: 14, suggestions: [{ messageId: 'addAlgorithms', output: `import { Strategy, ExtractJwt } from 'passport-jwt';
const opts = { algorithms: ['HS256'] };
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = process.env.JWT_SECRET;
passport.use(new Strategy(opts, (payload, done) => done(null, payload)));` }] }] },
    { code: `import jwt = require('jsonwebtoken');
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!);`, languageOptions: ts, errors: [{ messageId: 'missingAlgorithms', line: 2, column: 37, suggestions: [{ messageId: 'addAlgorithms', output: `import jwt = require('jsonwebtoken');
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!, { algorithms: ['HS256'] });` }] }] },
    { code: `import jwt from 'jsonwebtoken';
const opts = { issuer: 'me' };
opts.algorithms = ['HS256', 'RS256'];
export const check = (t) => jwt.verify(t, key, opts);`, languageOptions: esm, errors: [{ messageId: 'mixedAlgorithms', line: 3, column: 19 }] },

    // Version awareness: jsonwebtoken 8 (or a range that admits it, or an unknown version) is `recommended`.
    {
      code: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, process.env.JWT_SECRET);",
      languageOptions: esm,
      filename: at(JWT8, 'src/check.js'),
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 29,
          suggestions: [
            { messageId: 'addAlgorithms', output: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });" },
          ],
        },
      ],
    },
    {
      code: "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.JWT_PUBLIC_KEY);",
      languageOptions: cjs,
      filename: at(JWT8_OR_9, 'index.js'),
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 25,
          suggestions: [
            { messageId: 'addAlgorithms', output: "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });" },
          ],
        },
      ],
    },
    ...[at(NO_JWT, 'src/check.js'), at(BROKEN, 'src/check.js'), at(MONO, 'packages/legacy/lib/check.js')].map((filename) => ({
      code: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, process.env.JWT_SECRET);",
      languageOptions: esm,
      filename,
      errors: [
        {
          messageId: 'missingAlgorithms' as const,
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'addAlgorithms' as const,
              output: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });",
            },
          ],
        },
      ],
    })),
    // passport-jwt 4.0.0 still verifies with jsonwebtoken 8.
    {
      code: "const { Strategy, ExtractJwt } = require('passport-jwt');\npassport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, verify));",
      languageOptions: cjs,
      filename: at(PASSPORT_400, 'config/passport.js'),
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "const { Strategy, ExtractJwt } = require('passport-jwt');\npassport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] }, verify));",
            },
          ],
        },
      ],
    },
    // A NestJS app that declares @nestjs/jwt 10 but imports jsonwebtoken itself without declaring it:
    // which copy is installed for it is not known.
    {
      code: "import { verify } from 'jsonwebtoken';\nexport const readClaims = (token: string) => verify(token, process.env.JWT_SECRET!);",
      languageOptions: ts,
      filename: at(NEST10_ONLY, 'src/common/read-claims.ts'),
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          column: 46,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: "import { verify } from 'jsonwebtoken';\nexport const readClaims = (token: string) => verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });",
            },
          ],
        },
      ],
    },
    // `strict` (the option on): jsonwebtoken 9 and passport-jwt 4.0.1 are reported as defence in depth.
    {
      code: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, process.env.JWT_SECRET);",
      languageOptions: esm,
      filename: at(JWT9, 'src/check.js'),
      options: strict,
      errors: [
        {
          messageId: 'missingAlgorithmsDefenceInDepth',
          data: { call: 'jsonwebtoken `verify()`', declared: 'jsonwebtoken range `^9.0.2`' },
          line: 2,
          column: 29,
          suggestions: [
            { messageId: 'addAlgorithms', output: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });" },
          ],
        },
      ],
    },
    {
      code: "import { Strategy, ExtractJwt } from 'passport-jwt';\nexport const strategy = new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: key }, verify);",
      languageOptions: esm,
      filename: at(PASSPORT_401, 'src/passport.js'),
      options: strict,
      errors: [
        {
          messageId: 'missingAlgorithmsDefenceInDepth',
          data: { call: 'passport-jwt `Strategy`', declared: 'passport-jwt range `^4.0.1` (which verifies with jsonwebtoken 9)' },
          line: 2,
          column: 25,
          // `key` says nothing about the algorithm and the file signs nothing: no suggestion.
          suggestions: [],
        },
      ],
    },
    // Duplicates: one shared options object is one problem. A bad list is reported once, at the list…
    {
      code: `import jwt from 'jsonwebtoken';
const VERIFY_OPTIONS = { algorithms: ['HS256', 'RS256'], issuer: 'api' };
export const access = (t) => jwt.verify(t, publicKey, VERIFY_OPTIONS);
export const refresh = (t) => jwt.verify(t, publicKey, VERIFY_OPTIONS);
export const reset = (t) => jwt.verify(t, publicKey, VERIFY_OPTIONS);`,
      languageOptions: esm,
      errors: [{ messageId: 'mixedAlgorithms', line: 2, column: 38 }],
    },
    {
      code: `const jwt = require('jsonwebtoken');
const OPTS = { algorithms: ['none', 'HS256'] };
exports.a = (t) => jwt.verify(t, process.env.JWT_SECRET, OPTS);
exports.b = (t) => jwt.verify(t, process.env.JWT_SECRET, OPTS);`,
      languageOptions: cjs,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 29 }],
    },
    // …and a missing allow-list is reported at each call, each a separate decision.
    {
      code: `import jwt from 'jsonwebtoken';
const VERIFY_OPTIONS = { issuer: 'api' };
export const access = (t) => jwt.verify(t, process.env.ACCESS_TOKEN_SECRET, VERIFY_OPTIONS);
export const refresh = (t) => jwt.verify(t, process.env.REFRESH_TOKEN_SECRET, VERIFY_OPTIONS);`,
      languageOptions: esm,
      errors: [3, 4].map((line) => ({
        messageId: 'missingAlgorithms' as const,
        line,
        column: line === 3 ? 30 : 31,
        suggestions: [
          {
            messageId: 'addAlgorithms' as const,
            output: `import jwt from 'jsonwebtoken';
const VERIFY_OPTIONS = { issuer: 'api', algorithms: ['HS256'] };
export const access = (t) => jwt.verify(t, process.env.ACCESS_TOKEN_SECRET, VERIFY_OPTIONS);
export const refresh = (t) => jwt.verify(t, process.env.REFRESH_TOKEN_SECRET, VERIFY_OPTIONS);`,
          },
        ],
      })),
    },
    // Suggestions from evidence: a secret from configuration means HMAC.
    {
      code: "import jwt from 'jsonwebtoken';\nimport config from './config';\nexport const check = (t) => jwt.verify(t, config.jwt.secret);",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingAlgorithms',
          suggestions: [
            { messageId: 'addAlgorithms', output: "import jwt from 'jsonwebtoken';\nimport config from './config';\nexport const check = (t) => jwt.verify(t, config.jwt.secret, { algorithms: ['HS256'] });" },
          ],
        },
      ],
    },
    {
      code: `import jwt from 'jsonwebtoken';
export async function verifyUserToken(token: string, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  return jwt.verify(token, user.jwtSecret);
}`,
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 4,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `import jwt from 'jsonwebtoken';
export async function verifyUserToken(token: string, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  return jwt.verify(token, user.jwtSecret, { algorithms: ['HS256'] });
}`,
            },
          ],
        },
      ],
    },
    {
      code: "import { env } from 'node:process';\nimport jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, env.SECRET_KEY);",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingAlgorithms',
          suggestions: [
            { messageId: 'addAlgorithms', output: "import { env } from 'node:process';\nimport jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, env.SECRET_KEY, { algorithms: ['HS256'] });" },
          ],
        },
      ],
    },
    // NestJS ConfigService keys, and a `*_SECRET` variable
    {
      code: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';

@Injectable()
export class TokenService {
  constructor(private readonly config: ConfigService) {}
  verify(token: string) {
    return jwt.verify(token, this.config.get<string>('auth.jwtPublicKey'));
  }
}`,
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 9,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';

@Injectable()
export class TokenService {
  constructor(private readonly config: ConfigService) {}
  verify(token: string) {
    return jwt.verify(token, this.config.get<string>('auth.jwtPublicKey'), { algorithms: ['RS256'] });
  }
}`,
            },
          ],
        },
      ],
    },
    // The key's own text: an RSA public key → RS256, a P-256 key → ES256.
    {
      code: `import jwt from 'jsonwebtoken';\nconst PUBLIC_KEY = \`${RSA_PUBLIC_PEM}\`;\nexport const check = (t) => jwt.verify(t, PUBLIC_KEY);`,
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingAlgorithms',
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `import jwt from 'jsonwebtoken';\nconst PUBLIC_KEY = \`${RSA_PUBLIC_PEM}\`;\nexport const check = (t) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['RS256'] });`,
            },
          ],
        },
      ],
    },
    {
      code: `const jwt = require('jsonwebtoken');\nconst key = \`${EC_PUBLIC_PEM}\`;\nmodule.exports = (t, done) => jwt.verify(t, key, (err, claims) => done(err, claims));`,
      languageOptions: cjs,
      errors: [
        {
          messageId: 'missingAlgorithms',
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `const jwt = require('jsonwebtoken');\nconst key = \`${EC_PUBLIC_PEM}\`;\nmodule.exports = (t, done) => jwt.verify(t, key, { algorithms: ['ES256'] }, (err, claims) => done(err, claims));`,
            },
          ],
        },
      ],
    },
    // A key file read from disk: `*.pem` → a public-key algorithm; the file signs RS384 with its private key.
    {
      code: `const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');
const privateKey = fs.readFileSync(path.join(__dirname, 'keys', 'private.pem'));
const publicKey = fs.readFileSync(path.join(__dirname, 'keys', 'public.pem'));
exports.issue = (user) => jwt.sign({ sub: user.id }, privateKey, { algorithm: 'RS384', expiresIn: '15m' });
exports.check = (token) => jwt.verify(token, publicKey);`,
      languageOptions: cjs,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 7,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');
const privateKey = fs.readFileSync(path.join(__dirname, 'keys', 'private.pem'));
const publicKey = fs.readFileSync(path.join(__dirname, 'keys', 'public.pem'));
exports.issue = (user) => jwt.sign({ sub: user.id }, privateKey, { algorithm: 'RS384', expiresIn: '15m' });
exports.check = (token) => jwt.verify(token, publicKey, { algorithms: ['RS384'] });`,
            },
          ],
        },
      ],
    },
    // The key is unknown, but the file signs with jsonwebtoken's default (HS256).
    {
      code: `import jwt from 'jsonwebtoken';
export const issue = (user, key) => jwt.sign({ sub: user.id }, key, { expiresIn: '1h' });
export const check = (token, key) => jwt.verify(token, key);`,
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `import jwt from 'jsonwebtoken';
export const issue = (user, key) => jwt.sign({ sub: user.id }, key, { expiresIn: '1h' });
export const check = (token, key) => jwt.verify(token, key, { algorithms: ['HS256'] });`,
            },
          ],
        },
      ],
    },
    // JWKS keys for express-jwt → RS256.
    {
      code: "import { expressjwt } from 'express-jwt';\nimport { expressJwtSecret } from 'jwks-rsa';\nexport const auth = expressjwt({ secret: expressJwtSecret({ jwksUri: process.env.JWKS_URI }), audience: 'api' });",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingAlgorithms',
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output:
                "import { expressjwt } from 'express-jwt';\nimport { expressJwtSecret } from 'jwks-rsa';\nexport const auth = expressjwt({ secret: expressJwtSecret({ jwksUri: process.env.JWKS_URI }), audience: 'api', algorithms: ['RS256'] });",
            },
          ],
        },
      ],
    },
    // Conflicting evidence → the report stays, with no suggestion: a key named `publicKey` in a file
    // that signs HS256…
    {
      code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256' });
export const check = (token) => jwt.verify(token, publicKey);`,
      languageOptions: esm,
      errors: [{ messageId: 'missingAlgorithms', line: 3, column: 33, suggestions: [] }],
    },
    // …a secret-named key in a file that signs RS256…
    {
      code: `const jwt = require('jsonwebtoken');
exports.issue = (user) => jwt.sign({ sub: user.id }, privateKey, { algorithm: 'RS256' });
exports.check = (token) => jwt.verify(token, config.jwtSecret);`,
      languageOptions: cjs,
      errors: [{ messageId: 'missingAlgorithms', line: 3, column: 28, suggestions: [] }],
    },
    // …a name that says public key holding a value named as a secret, and no evidence at all.
    {
      code: "import jwt from 'jsonwebtoken';\nconst publicKey = process.env.JWT_SECRET;\nexport const check = (t) => jwt.verify(t, publicKey);",
      languageOptions: esm,
      errors: [{ messageId: 'missingAlgorithms', line: 3, column: 29, suggestions: [] }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nexport const check = (token, key) => jwt.verify(token, key);",
      languageOptions: esm,
      errors: [{ messageId: 'missingAlgorithms', line: 2, column: 38, suggestions: [] }],
    },
    // jose 1.x/2.x in `strict`: defence in depth, with the algorithm the evidence supports
    ...acrossParsers(
      [
        {
          code: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_SECRET);\nmodule.exports = (token) => JWT.verify(token, key);",
          options: strict,
          errors: [
            {
              messageId: 'missingAlgorithmsKeyTyped' as const,
              data: { call: 'jose `JWT.verify()`', majors: 'jose 1.x/2.x' },
              line: 3,
              column: 29,
              suggestions: [
                {
                  messageId: 'addAlgorithms' as const,
                  output: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_SECRET);\nmodule.exports = (token) => JWT.verify(token, key, { algorithms: ['HS256'] });",
                },
              ],
            },
          ],
        },
        {
          code: "const fs = require('fs');\nconst jose = require('jose');\nconst publicKey = jose.JWK.asKey(fs.readFileSync('./certs/public.pem'));\nmodule.exports = (token) => jose.JWT.verify(token, publicKey, { audience: 'api' });",
          options: strict,
          errors: [
            {
              messageId: 'missingAlgorithmsKeyTyped' as const,
              line: 4,
              column: 29,
              suggestions: [
                {
                  messageId: 'addAlgorithms' as const,
                  output: "const fs = require('fs');\nconst jose = require('jose');\nconst publicKey = jose.JWK.asKey(fs.readFileSync('./certs/public.pem'));\nmodule.exports = (token) => jose.JWT.verify(token, publicKey, { audience: 'api', algorithms: ['RS256'] });",
                },
              ],
            },
          ],
        },
      ],
      [esm, cjs, ts],
    ),
    // jose 1.x/2.x: `none` and mixed lists stay findings everywhere
    {
      code: "import { JWT } from 'jose';\nexport const check = (t: string, keystore: never) => JWT.verify(t, keystore, { algorithms: ['HS256', 'RS256'] });",
      languageOptions: ts,
      errors: [{ messageId: 'mixedAlgorithms', line: 2, column: 92 }],
    },
  ],
});
