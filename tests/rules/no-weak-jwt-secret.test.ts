import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-weak-jwt-secret.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';
import { CONFIG_OBJECT_FROM_ENV, CONFIG_PACKAGE_ACCESS_REFRESH, EXPRESS_JWT_JWKS, FASTIFY_JWT_ENV_COOKIE, FASTIFY_JWT_KEY_PAIR, HONO_JWT_BINDINGS, JOSE_SESSIONS_AND_JWKS, NEST_JWT_MODULE_ASYNC, NEST_PASSPORT_JWT_STRATEGY, PASSPORT_JWT_STRATEGIES, PASSPORT_OPTS_BY_ASSIGNMENT, PROMISIFIED_VERIFY_MIDDLEWARE, RS256_KEY_FILES, SECRET_MANAGER_KEYS, JOSE2_PEM_KEYS, JWT_SIMPLE_ENV_SECRET } from './token-modules.js';

const ruleTester = new RuleTester();

ruleTester.run('no-weak-jwt-secret', rule, {
  valid: [
    // secrets from the environment without a fallback
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, process.env.JWT_SECRET, { expiresIn: '15m' });", languageOptions: esm },
    { code: "const jwt = require('jsonwebtoken'); const { JWT_SECRET } = process.env; jwt.verify(t, JWT_SECRET, { algorithms: ['HS256'] });", languageOptions: cjs },
    { code: "import jwt from 'jsonwebtoken'; const secret = process.env.JWT_SECRET; if (!secret) throw new Error('JWT_SECRET'); jwt.sign(p, secret);", languageOptions: ts },
    { code: "import { env } from 'node:process'; import jwt from 'jsonwebtoken'; jwt.sign(p, env.JWT_SECRET);", languageOptions: esm },
    // key files, secret managers, key objects
    { code: "import jwt from 'jsonwebtoken'; import fs from 'fs'; const privateKey = fs.readFileSync('./keys/private.pem'); jwt.sign(p, privateKey, { algorithm: 'RS256' });", languageOptions: esm },
    { code: "const jwt = require('jsonwebtoken'); jwt.sign(p, require('fs').readFileSync(process.env.KEY_PATH));", languageOptions: cjsAsModule },
    { code: "import jwt from 'jsonwebtoken'; const secret = await secrets.getSecretValue({ SecretId: 'jwt' }); jwt.sign(p, secret.SecretString);", languageOptions: esm },
    { code: "import { SignJWT, importPKCS8 } from 'jose'; const key = await importPKCS8(pem, 'ES256'); await new SignJWT(p).setProtectedHeader({ alg: 'ES256' }).sign(key);", languageOptions: ts },
    { code: "import { jwtVerify, createRemoteJWKSet } from 'jose'; const JWKS = createRemoteJWKSet(new URL(issuer)); await jwtVerify(t, JWKS);", languageOptions: esm },
    { code: "import { SignJWT } from 'jose'; const secret = new TextEncoder().encode(process.env.JWT_SECRET); await new SignJWT(p).sign(secret);", languageOptions: esm },
    // asymmetric algorithms with a string key are not HMAC secrets
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(p, PRIVATE_KEY_PEM, { algorithm: 'RS256' });", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(t, 'not-a-real-key', { algorithms: ['RS256'] });", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(t, '-----BEGIN PUBLIC KEY-----\\nMIIB...\\n-----END PUBLIC KEY-----');", languageOptions: esm },
    // express-jwt with a JWKS provider; passport-jwt with env
    { code: "import { expressjwt } from 'express-jwt'; import jwks from 'jwks-rsa'; app.use(expressjwt({ secret: jwks.expressJwtSecret({ jwksUri }), algorithms: ['RS256'] }));", languageOptions: esm },
    { code: "import { Strategy } from 'passport-jwt'; passport.use(new Strategy({ jwtFromRequest, secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] }, verify));", languageOptions: esm },
    // NestJS ConfigService, @fastify/jwt key pair, hono bindings
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.registerAsync({ inject: [ConfigService], useFactory: (config: ConfigService) => ({ secret: config.getOrThrow('JWT_SECRET') }) });",
      languageOptions: ts,
    },
    { code: "import fjwt from '@fastify/jwt'; app.register(fjwt, { secret: { private: readFileSync('priv.pem'), public: readFileSync('pub.pem') }, sign: { algorithm: 'RS256' } });", languageOptions: esm },
    { code: "import { sign, jwt } from 'hono/jwt'; app.use('/api/*', (c, next) => jwt({ secret: c.env.JWT_SECRET, alg: 'HS256' })(c, next)); await sign(p, c.env.JWT_SECRET);", languageOptions: ts },
    // decode takes no key; unknown keys are not reported
    { code: "import jwt from 'jsonwebtoken'; jwt.decode(token, { complete: true });", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; export const issue = (p, key) => jwt.sign(p, key);", languageOptions: esm },
    // not the libraries
    { code: "import jwt from 'jwt-simplest'; jwt.encode(p, 'secret');", languageOptions: esm },
    { code: "const signer = { sign() {} }; signer.sign(p, 'secret');", languageOptions: esm },
    // keys that are parameters, other files, ConfigService in a passport strategy
    { code: "import { sign } from 'hono/jwt'; export async function issue(p, secret) { return sign(p, secret); }", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; import { JWT_SECRET } from './config'; jwt.sign(p, JWT_SECRET);", languageOptions: ts },
    {
      code: "import { PassportStrategy } from '@nestjs/passport'; import { Strategy } from 'passport-jwt'; export class S extends PassportStrategy(Strategy) { constructor(config: ConfigService) { super({ secretOrKey: config.get<string>('JWT_SECRET'), algorithms: ['HS256'] }); } }",
      languageOptions: ts,
    },
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(t, (header, cb) => cb(null, keys[header.kid]), { algorithms: ['RS256'] });", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(p, { key: privateKeyPem, passphrase: process.env.PASSPHRASE }, { algorithm: 'RS256' });", languageOptions: esm },
    // strange code
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(...[p, 'secret']);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt?.['sign'](p, keys[kid]);", languageOptions: ts },
    // Whole modules (secrets from env, config, secret managers, files, JWKS); promisify, options built by assignment, default parameters
    { code: CONFIG_PACKAGE_ACCESS_REFRESH, languageOptions: ts },
    { code: PROMISIFIED_VERIFY_MIDDLEWARE, languageOptions: cjsAsModule },
    { code: RS256_KEY_FILES, languageOptions: cjs },
    { code: JOSE_SESSIONS_AND_JWKS, languageOptions: ts },
    { code: EXPRESS_JWT_JWKS, languageOptions: esm },
    { code: PASSPORT_JWT_STRATEGIES, languageOptions: ts },
    { code: NEST_PASSPORT_JWT_STRATEGY, languageOptions: ts },
    { code: NEST_JWT_MODULE_ASYNC, languageOptions: ts },
    { code: FASTIFY_JWT_KEY_PAIR, languageOptions: ts },
    { code: FASTIFY_JWT_ENV_COOKIE, languageOptions: cjs },
    { code: HONO_JWT_BINDINGS, languageOptions: ts },
    { code: SECRET_MANAGER_KEYS, languageOptions: ts },
    { code: CONFIG_OBJECT_FROM_ENV, languageOptions: esm },
    { code: `import { z } from 'zod';
import jwt from 'jsonwebtoken';

const env = z.object({ JWT_SECRET: z.string().min(32), JWT_TTL: z.string().default('15m') }).parse(process.env);

export const sign = (sub: string) => jwt.sign({ sub }, env.JWT_SECRET, { expiresIn: env.JWT_TTL, algorithm: 'HS256' });
export const verify = (t: string) => jwt.verify(t, env.JWT_SECRET, { algorithms: ['HS256'] });`, languageOptions: ts },
    { code: PASSPORT_OPTS_BY_ASSIGNMENT, languageOptions: cjs },
    { code: `import { sign, verify } from 'hono/jwt';
import { SignJWT } from 'jose';
const SECRET = process.env.JWT_SECRET || '';
const enc = new TextEncoder().encode(process.env.JWT_SECRET ?? '');
export const issue = (sub: string) => sign({ sub, exp: Math.floor(Date.now() / 1000) + 600 }, SECRET, 'HS256');
export const check = (t: string) => verify(t, SECRET, 'HS256');
export const issue2 = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(enc);`, languageOptions: ts },
    { code: `import jwt from 'jsonwebtoken';
import crypto from 'node:crypto';
// a per-process secret when none is configured: tokens die with the process, but cannot be forged
const JWT_SECRET = process.env.JWT_SECRET || crypto.randomBytes(48).toString('hex');
export const issue = (sub) => jwt.sign({ sub }, JWT_SECRET, { expiresIn: '15m' });`, languageOptions: esm },
    { code: `import jwt from 'jsonwebtoken';
const publicKey = (process.env.JWT_PUBLIC_KEY ?? '').replace(/\\\\n/g, '\\n');
export const check = (t: string) => jwt.verify(t, publicKey, { algorithms: ['RS256'] });`, languageOptions: ts },
    { code: `const jwt = require('jsonwebtoken');
const { promisify } = require('util');
const verifyAsync = promisify(jwt.verify);
module.exports = (token) => verifyAsync(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });`, languageOptions: cjs },
    { code: `import jwt from 'jsonwebtoken';
export function createToken(payload: object, secret: string = process.env.JWT_SECRET!) {
  return jwt.sign(payload, secret, { expiresIn: '1h' });
}`, languageOptions: ts },
    { code: `import { Strategy } from 'passport-jwt';
const options = {};
options.secretOrKey = 'first';
options.secretOrKey = process.env.JWT_SECRET;
options.algorithms = ['HS256'];
passport.use(new Strategy(options, verify));`, languageOptions: esm },
    // Class fields: a `readonly` field is a constant; a writable one is not followed
    { code: `import * as jwt from 'jsonwebtoken';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

@Injectable()
export class TokenService {
  private readonly secret: string;
  private readonly ttl = '15m';
  constructor(config: ConfigService) {
    this.secret = config.getOrThrow<string>('JWT_SECRET');
  }
  sign(userId: string, roles: string[]): string {
    return jwt.sign({ sub: userId, roles }, this.secret, { algorithm: 'HS256', expiresIn: this.ttl });
  }
  verify(token: string): jwt.JwtPayload {
    return jwt.verify(token, this.secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
  }
}`, languageOptions: ts },
    { code: `import { SignJWT, jwtVerify } from 'jose';
const getKey = () => new TextEncoder().encode(process.env.AUTH_SECRET);
export const encrypt = (payload: { userId: string; expiresAt: Date }) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('7d').sign(getKey());
export async function decrypt(session: string | undefined = '') {
  try {
    const { payload } = await jwtVerify(session, getKey(), { algorithms: ['HS256'] });
    return payload;
  } catch {
    return null;
  }
}`, languageOptions: ts },
    { code: `import { Server } from 'socket.io';
import jwt from 'jsonwebtoken';
const io = new Server(httpServer, { cors: { origin: process.env.WEB_ORIGIN } });
const privateKey = process.env.JWT_PRIVATE_KEY.replace(/\\\\n/g, '\\n');
const publicKey = process.env.JWT_PUBLIC_KEY.replace(/\\\\n/g, '\\n');
io.use((socket, next) => {
  jwt.verify(socket.handshake.auth.token, publicKey, { algorithms: ['RS256'] }, (err, decoded) => {
    if (err) return next(new Error('unauthorized'));
    socket.data.user = { id: decoded.sub };
    next();
  });
});
export const issueSocketToken = (userId) => jwt.sign({ sub: userId }, privateKey, { algorithm: 'RS256', expiresIn: '5m' });`, languageOptions: esm },
    { code: `import jwt from 'jsonwebtoken';
export class TokenService {
  // not readonly: set per tenant before use
  private secret = 'placeholder';
  useSecret(s: string) { this.secret = s; }
  sign(sub: string) { return jwt.sign({ sub }, this.secret, { expiresIn: '15m' }); }
}`, languageOptions: ts },
    // koa-jwt
    { code: `const Koa = require('koa');
const jwt = require('koa-jwt');
const app = new Koa();
app.use(jwt({ secret: process.env.JWT_SECRET, key: 'jwtdata', algorithms: ['HS256'] }).unless({ path: [/^\\/public/] }));`, languageOptions: cjs },
    // jose 1.x/2.x: keys from PEM files, the environment, JWKS; PEM text is not an HMAC secret
    { code: `const fs = require('fs');
const path = require('path');
const { JWT, JWK } = require('jose');
const publicKey = JWK.asKey(fs.readFileSync(path.join(__dirname, 'keys', 'public.pem')));
const privateKey = JWK.asKey(fs.readFileSync(path.join(__dirname, 'keys', 'private.pem')));
exports.issue = (sub) => JWT.sign({ sub }, privateKey, { algorithm: 'RS256', expiresIn: '15 minutes' });
exports.check = (token) => JWT.verify(token, publicKey, { algorithms: ['RS256'] });`, languageOptions: cjs },
    { code: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_SECRET);\nmodule.exports = (t) => JWT.verify(t, key, { algorithms: ['HS256'] });", languageOptions: cjs },
    { code: "import { JWT, JWK } from 'jose';\nconst key = JWK.asKey('-----BEGIN PUBLIC KEY-----\\nMIIB...\\n-----END PUBLIC KEY-----');\nexport const check = (t: string) => JWT.verify(t, key, { algorithms: ['RS256'] });", languageOptions: ts },
    { code: "const { JWT, JWKS } = require('jose');\nconst keystore = JWKS.asKeyStore(require('./jwks.json'));\nmodule.exports = (t) => JWT.verify(t, keystore, { algorithms: ['RS256'], issuer: 'https://id.example.com' });", languageOptions: cjs },
    { code: "const { JWT, JWK } = require('jose');\nconst key = JWK.generateSync('oct', 256);\nmodule.exports = { sign: (p) => JWT.sign(p, key, { expiresIn: '10m' }) };", languageOptions: cjs },
    // jwt-simple: the secret from the environment; a decode that does not verify takes no key worth checking
    { code: "const jwt = require('jwt-simple');\nconst secret = process.env.JWT_SECRET;\nexports.issue = (user) => jwt.encode({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 900 }, secret);\nexports.read = (token) => jwt.decode(token, secret);", languageOptions: cjs },
    { code: "import jwt from 'jwt-simple';\nimport config from './config';\nexport const read = (token: string) => jwt.decode(token, config.jwtSecret, false, 'HS256');", languageOptions: ts },
    { code: "const jwt = require('jwt-simple');\n// peek at the issuer to pick the key, then verify\nconst { iss } = jwt.decode(token, '', true);\nconst claims = jwt.decode(token, keys[iss], false, 'HS256');", languageOptions: cjs },
    { code: "const jwt = require('jwt-simple');\nconst fs = require('fs');\nconst privateKey = fs.readFileSync('private.pem');\nexports.issue = (p) => jwt.encode(p, privateKey, 'RS256');", languageOptions: cjs },
    // Whole modules: jose 2.x with PEM keys, jwt-simple with the secret from the environment
    { code: JOSE2_PEM_KEYS, languageOptions: cjs },
    { code: JWT_SIMPLE_ENV_SECRET, languageOptions: cjs },
  ],
  invalid: [
    // jsonwebtoken, literal key (HS256 by default), ESM + TS
    ...acrossParsers([
      {
        code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, 'secret', { expiresIn: '1h' });",
        errors: [
          {
            messageId: 'hardcodedSecret' as const,
            line: 1,
            column: 54,
            suggestions: [
              {
                messageId: 'useEnv' as const,
                output: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, process.env.JWT_SECRET, { expiresIn: '1h' });",
              },
            ],
          },
        ],
      },
    ]),
    // a constant used by sign and verify: each call is reported at its key argument, naming the constant
    {
      code: "const jwt = require('jsonwebtoken');\nconst ACCESS_TOKEN_SECRET = 'my-super-secret';\njwt.sign(p, ACCESS_TOKEN_SECRET);\njwt.verify(t, ACCESS_TOKEN_SECRET);",
      languageOptions: cjs,
      errors: [3, 4].map((line) => ({
        messageId: 'hardcodedSecret' as const,
        line,
        column: line === 3 ? 13 : 15,
        data: {
          call: line === 3 ? 'jsonwebtoken `sign()`' : 'jsonwebtoken `verify()`',
          size: ' of only 15 bytes',
          held: ' (`ACCESS_TOKEN_SECRET`, set on line 2)',
          literal: "'my-super-secret'",
        },
        suggestions: [
          {
            messageId: 'useEnv' as const,
            output:
              "const jwt = require('jsonwebtoken');\nconst ACCESS_TOKEN_SECRET = process.env.ACCESS_TOKEN_SECRET;\njwt.sign(p, ACCESS_TOKEN_SECRET);\njwt.verify(t, ACCESS_TOKEN_SECRET);",
          },
        ],
      })),
    },
    // config object property
    {
      code: "import jwt from 'jsonwebtoken';\nconst config = { jwt: { secret: 'changeme' } };\nexport const verifyToken = (t: string) => jwt.verify(t, config.jwt.secret, { algorithms: ['HS256'] });",
      languageOptions: ts,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 3,
          column: 57,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import jwt from 'jsonwebtoken';\nconst config = { jwt: { secret: process.env.JWT_SECRET } };\nexport const verifyToken = (t: string) => jwt.verify(t, config.jwt.secret, { algorithms: ['HS256'] });",
            },
          ],
        },
      ],
    },
    // env with a literal fallback
    {
      code: "const jwt = require('jsonwebtoken');\nconst secret = process.env.APP_SECRET || 'dev-secret';\njwt.sign(p, secret);",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'dropFallback',
              output: "const jwt = require('jsonwebtoken');\nconst secret = process.env.APP_SECRET;\njwt.sign(p, secret);",
            },
          ],
        },
      ],
    },
    // default parameter fallback: no safe rewrite
    {
      code: "import jwt from 'jsonwebtoken';\nexport function issue(user, secret = 'fallback') { return jwt.sign({ sub: user.id }, secret); }",
      languageOptions: esm,
      errors: [{ messageId: 'fallbackSecret', line: 2, column: 86, suggestions: [] }],
    },
    // jose with TextEncoder
    {
      code: "import { SignJWT } from 'jose';\nconst secret = new TextEncoder().encode('cc7e0d44fd473002f1c42167459001140ec6389b7353f8088f4d9a95f2f596f2');\nawait new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);",
      languageOptions: esm,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 3,
          column: 88,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { SignJWT } from 'jose';\nconst secret = new TextEncoder().encode(process.env.JWT_SECRET);\nawait new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);",
            },
          ],
        },
      ],
    },
    // express-jwt
    {
      code: "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: 'shhhhhhared-secret', algorithms: ['HS256'] }));",
      languageOptions: esm,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'useEnv',
              output: "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));",
            },
          ],
        },
      ],
    },
    // passport-jwt with ?? fallback
    {
      code: "import { Strategy } from 'passport-jwt';\npassport.use(new Strategy({ jwtFromRequest, secretOrKey: process.env.JWT_SECRET ?? 'secret', algorithms: ['HS256'] }, verify));",
      languageOptions: ts,
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 2,
          column: 58,
          suggestions: [
            {
              messageId: 'dropFallback',
              output:
                "import { Strategy } from 'passport-jwt';\npassport.use(new Strategy({ jwtFromRequest, secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] }, verify));",
            },
          ],
        },
      ],
    },
    // @nestjs/jwt JwtService options
    {
      code: "import { JwtService } from '@nestjs/jwt';\nexport class A {\n  constructor(private jwtService: JwtService) {}\n  issue(u: User) { return this.jwtService.sign({ sub: u.id }, { secret: 'refresh', expiresIn: '7d' }); }\n}",
      languageOptions: ts,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 4,
          column: 73,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { JwtService } from '@nestjs/jwt';\nexport class A {\n  constructor(private jwtService: JwtService) {}\n  issue(u: User) { return this.jwtService.sign({ sub: u.id }, { secret: process.env.JWT_SECRET, expiresIn: '7d' }); }\n}",
            },
          ],
        },
      ],
    },
    // jose createSecretKey around a literal
    {
      code: "import { createSecretKey } from 'crypto';\nimport { jwtVerify } from 'jose';\nconst jwtKey = createSecretKey(Buffer.from('0123456789', 'utf8'));\nawait jwtVerify(token, jwtKey);",
      languageOptions: esm,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { createSecretKey } from 'crypto';\nimport { jwtVerify } from 'jose';\nconst jwtKey = createSecretKey(Buffer.from(process.env.JWT_KEY, 'utf8'));\nawait jwtVerify(token, jwtKey);",
            },
          ],
        },
      ],
    },
    // @nestjs/jwt
    {
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const jwtModule = JwtModule.register({ secret: 'jwtConstants', signOptions: { expiresIn: '60s' } });",
      languageOptions: ts,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 55,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { JwtModule } from '@nestjs/jwt';\nexport const jwtModule = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60s' } });",
            },
          ],
        },
      ],
    },
    // @fastify/jwt
    {
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/jwt'), { secret: 'supersecret' });",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'useEnv',
              output: "const fastify = require('fastify')();\nfastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });",
            },
          ],
        },
      ],
    },
    // hono/jwt
    {
      code: "import { sign } from 'hono/jwt';\nconst token = await sign({ sub: 'u', exp }, 'mySecretKey');",
      languageOptions: esm,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'useEnv',
              output: "import { sign } from 'hono/jwt';\nconst token = await sign({ sub: 'u', exp }, process.env.JWT_SECRET);",
            },
          ],
        },
      ],
    },
    // Whole modules (secrets from env, config, secret managers, files, JWKS); promisify, options built by assignment, default parameters
    { code: `const util = require('util');
const jwt = require('jsonwebtoken');
const verifyAsync = util.promisify(jwt.verify);
module.exports = (token) => verifyAsync(token, 'keyboard cat', { algorithms: ['HS256'] });`, languageOptions: cjs, errors: [{ messageId: 'hardcodedSecret', line: 4, column: 48, suggestions: [{ messageId: 'useEnv', output: `const util = require('util');
const jwt = require('jsonwebtoken');
const verifyAsync = util.promisify(jwt.verify);
module.exports = (token) => verifyAsync(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });` }] }] },
    { code: `import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
export const issue = (sub) => promisify(jwt.sign)({ sub }, 'keyboard cat', { expiresIn: '1h' });`, languageOptions: esm, errors: [{ messageId: 'hardcodedSecret', line: 3, column: 60, suggestions: [{ messageId: 'useEnv', output: `import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
export const issue = (sub) => promisify(jwt.sign)({ sub }, process.env.JWT_SECRET, { expiresIn: '1h' });` }] }] },
    { code: `import jwt from 'jsonwebtoken';
export function createToken(payload: object, secret = process.env.JWT_SECRET ?? 'secret') {
  return jwt.sign(payload, secret, { expiresIn: '1h' });
}`, languageOptions: ts, errors: [{ messageId: 'fallbackSecret', line: 3, column: 28, suggestions: [{ messageId: 'dropFallback', output: `import jwt from 'jsonwebtoken';
export function createToken(payload: object, secret = process.env.JWT_SECRET) {
  return jwt.sign(payload, secret, { expiresIn: '1h' });
}` }] }] },
    { code: `const JwtStrategy = require('passport-jwt').Strategy;
const ExtractJwt = require('passport-jwt').ExtractJwt;
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = 'secret';
opts.algorithms = ['HS256'];
passport.use(new JwtStrategy(opts, (payload, done) => done(null, payload)));`, languageOptions: cjsAsModule, errors: [{ messageId: 'hardcodedSecret', line: 7, column: 30, suggestions: [{ messageId: 'useEnv', output: `const JwtStrategy = require('passport-jwt').Strategy;
const ExtractJwt = require('passport-jwt').ExtractJwt;
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = process.env.JWT_SECRET;
opts.algorithms = ['HS256'];
passport.use(new JwtStrategy(opts, (payload, done) => done(null, payload)));` }] }] },
    { code: `import jwt = require('jsonwebtoken');
export const check = (t: string) => jwt.verify(t, 'secretKey', { algorithms: ['HS256'] });`, languageOptions: ts, errors: [{ messageId: 'hardcodedSecret', line: 2, column: 51, suggestions: [{ messageId: 'useEnv', output: `import jwt = require('jsonwebtoken');
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });` }] }] },
    { code: `import * as jwt from 'jsonwebtoken';
const config = {};
config.jwtSecret = 'worldisfullofdevelopers';
export const issue = (id) => jwt.sign({ id }, config.jwtSecret, { expiresIn: '1h' });`, languageOptions: esm, errors: [{ messageId: 'hardcodedSecret', line: 4, column: 47, suggestions: [{ messageId: 'useEnv', output: `import * as jwt from 'jsonwebtoken';
const config = {};
config.jwtSecret = process.env.JWT_SECRET;
export const issue = (id) => jwt.sign({ id }, config.jwtSecret, { expiresIn: '1h' });` }] }] },
    { code: `const { sign } = require('jsonwebtoken');
function onSigned(err, token) { if (err) throw err; console.log(token); }
sign({ sub: 1 }, 'shhhhh', onSigned);`, languageOptions: cjs, errors: [{ messageId: 'hardcodedSecret', line: 3, column: 18, suggestions: [{ messageId: 'useEnv', output: `const { sign } = require('jsonwebtoken');
function onSigned(err, token) { if (err) throw err; console.log(token); }
sign({ sub: 1 }, process.env.JWT_SECRET, onSigned);` }] }] },
    // Class fields: a `readonly` field is a constant; a writable one is not followed
    { code: `import { Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class TokenService {
  private readonly jwtSecret = 'my-nest-secret';
  sign(userId: string) {
    return jwt.sign({ sub: userId }, this.jwtSecret, { expiresIn: '15m' });
  }
}`, languageOptions: ts, errors: [{ messageId: 'hardcodedSecret', line: 7, column: 38, suggestions: [{ messageId: 'useEnv', output: `import { Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class TokenService {
  private readonly jwtSecret = process.env.JWT_SECRET;
  sign(userId: string) {
    return jwt.sign({ sub: userId }, this.jwtSecret, { expiresIn: '15m' });
  }
}` }] }] },
    // jose 1.x/2.x: `JWK.asKey('literal')` makes an HMAC (oct) key of a hardcoded string; a string key directly
    ...acrossParsers(
      [
        {
          code: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey('my-jose-secret');\nmodule.exports = (t) => JWT.verify(t, key, { algorithms: ['HS256'] });",
          errors: [
            {
              messageId: 'hardcodedSecret' as const,
              line: 3,
              column: 39,
              data: { call: 'jose `JWT.verify()`', size: ' of only 14 bytes', held: ' (`key`, set on line 2)', literal: "'my-jose-secret'" },
              suggestions: [
                {
                  messageId: 'useEnv' as const,
                  output: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_KEY);\nmodule.exports = (t) => JWT.verify(t, key, { algorithms: ['HS256'] });",
                },
              ],
            },
          ],
        },
        {
          code: "const jose = require('jose');\nmodule.exports = (user) => jose.JWT.sign({ sub: user.id }, 'shhhhh', { expiresIn: '1 hour' });",
          errors: [
            {
              messageId: 'hardcodedSecret' as const,
              line: 2,
              column: 60,
              data: { call: 'jose `JWT.sign()`', size: ' of only 6 bytes', held: '', literal: "'shhhhh'" },
              suggestions: [
                {
                  messageId: 'useEnv' as const,
                  output: "const jose = require('jose');\nmodule.exports = (user) => jose.JWT.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1 hour' });",
                },
              ],
            },
          ],
        },
        // jwt-simple: encode and a verifying decode with a hardcoded key
        {
          code: "const jwt = require('jwt-simple');\nconst SECRET = 'xxx';\nexports.login = (user) => jwt.encode({ sub: user.id }, SECRET);\nexports.auth = (token) => jwt.decode(token, SECRET);",
          errors: [3, 4].map((line) => ({
            messageId: 'hardcodedSecret' as const,
            line,
            column: line === 3 ? 56 : 45,
            data: { call: line === 3 ? 'jwt-simple `encode()`' : 'jwt-simple `decode()`', size: ' of only 3 bytes', held: ' (`SECRET`, set on line 2)', literal: "'xxx'" },
            suggestions: [
              {
                messageId: 'useEnv' as const,
                output: "const jwt = require('jwt-simple');\nconst SECRET = process.env.JWT_SECRET;\nexports.login = (user) => jwt.encode({ sub: user.id }, SECRET);\nexports.auth = (token) => jwt.decode(token, SECRET);",
              },
            ],
          })),
        },
      ],
      [esm, cjs, ts],
    ),
    ...acrossParsers([
      {
        code: "import { encode } from 'jwt-simple';\nexport const issue = (id) => encode({ id }, 'tasmanianDevil', 'HS512');",
        errors: [
          {
            messageId: 'hardcodedSecret' as const,
            line: 2,
            column: 45,
            suggestions: [
              {
                messageId: 'useEnv' as const,
                output: "import { encode } from 'jwt-simple';\nexport const issue = (id) => encode({ id }, process.env.JWT_SECRET, 'HS512');",
              },
            ],
          },
        ],
      },
    ]),
    // one options object holding a hardcoded secret, used by two calls: each call is reported at its options argument
    {
      code: "import { expressjwt } from 'express-jwt';\nconst jwtOptions = { secret: 'shared-secret', algorithms: ['HS256'] };\nexport const auth = expressjwt(jwtOptions);\nexport const optionalAuth = expressjwt({ ...jwtOptions, credentialsRequired: false });\nexport const adminAuth = expressjwt(jwtOptions);",
      languageOptions: esm,
      errors: [3, 5].map((line) => ({
        messageId: 'hardcodedSecret' as const,
        line,
        column: line === 3 ? 32 : 37,
        data: { call: 'express-jwt middleware', size: ' of only 13 bytes', held: ' (`jwtOptions.secret`, set on line 2)', literal: "'shared-secret'" },
        suggestions: [
          {
            messageId: 'useEnv' as const,
            output: "import { expressjwt } from 'express-jwt';\nconst jwtOptions = { secret: process.env.JWT_SECRET, algorithms: ['HS256'] };\nexport const auth = expressjwt(jwtOptions);\nexport const optionalAuth = expressjwt({ ...jwtOptions, credentialsRequired: false });\nexport const adminAuth = expressjwt(jwtOptions);",
          },
        ],
      })),
    },
    // koa-jwt
    { code: `const Koa = require('koa');
const jwt = require('koa-jwt');
const app = new Koa();
app.use(jwt({ secret: 'shared-secret' }).unless({ path: [/^\\/public/] }));`, languageOptions: cjs, errors: [{ messageId: 'hardcodedSecret', line: 4, column: 23, suggestions: [{ messageId: 'useEnv', output: `const Koa = require('koa');
const jwt = require('koa-jwt');
const app = new Koa();
app.use(jwt({ secret: process.env.JWT_SECRET }).unless({ path: [/^\\/public/] }));` }] }] },
  ],
});
