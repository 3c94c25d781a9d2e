import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-jwt-expiry.js';
import { cjs, cjsAsModule, esm, ts } from '../helpers.js';
import { CONFIG_OBJECT_FROM_ENV, CONFIG_PACKAGE_ACCESS_REFRESH, FASTIFY_JWT_ENV_COOKIE, FASTIFY_JWT_KEY_PAIR, HONO_JWT_BINDINGS, JOSE_SESSIONS_AND_JWKS, MINIMAL_CLAIMS, NEST_ACCESS_REFRESH_TOKENS, NEST_AUTH_SERVICE_SIGN_IN, NEST_JWT_MODULE_ASYNC, OPTIONS_BY_ASSIGNMENT, PROMISIFIED_VERIFY_MIDDLEWARE, RS256_KEY_FILES, SECRET_MANAGER_KEYS, SUPERTEST_SIGNED_TOKENS } from './token-modules.js';

const ruleTester = new RuleTester();

ruleTester.run('require-jwt-expiry', rule, {
  valid: [
    // jsonwebtoken with expiresIn, inline, hoisted, or an exp claim
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });", languageOptions: esm },
    {
      code: "const jwt = require('jsonwebtoken'); const SIGN_OPTS = { expiresIn: 900, algorithm: 'HS256' }; exports.issue = (u) => jwt.sign({ sub: u.id }, key, SIGN_OPTS);",
      languageOptions: cjs,
    },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1, exp: Math.floor(Date.now() / 1000) + 3600 }, key);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; const claims = { sub: 1 }; claims.exp = now + 60; jwt.sign(claims, key);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, key, { expiresIn: '1h', noTimestamp: true }, (err, token) => {});", languageOptions: ts },
    // payloads and options we cannot see, string payloads
    { code: "import jwt from 'jsonwebtoken'; export const issue = (payload, opts) => jwt.sign(payload, key, opts);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ ...claims }, key);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign('plain-string', key);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, key, { ...defaults });", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(...args);", languageOptions: esm },
    // verify/decode are not signing
    { code: "import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['HS256'] }); jwt.decode(t);", languageOptions: esm },
    // jose
    {
      code: "import { SignJWT } from 'jose'; await new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('2h').sign(secret);",
      languageOptions: esm,
    },
    {
      code: "import * as jose from 'jose'; const b = new jose.SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'ES256' }); b.setExpirationTime('10m'); await b.sign(pk);",
      languageOptions: ts,
    },
    { code: "import { SignJWT } from 'jose'; await new SignJWT({ sub: 'u', exp: expiry }).setProtectedHeader({ alg: 'HS256' }).sign(secret);", languageOptions: esm },
    // @nestjs/jwt
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60s' } });",
      languageOptions: ts,
    },
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.registerAsync({ inject: [ConfigService], useFactory: (c: ConfigService) => ({ secret: c.get('JWT_SECRET'), signOptions: { expiresIn: c.get('JWT_TTL') } }) });",
      languageOptions: ts,
    },
    { code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.registerAsync({ useClass: JwtConfigService });", languageOptions: ts },
    {
      code: `import { JwtService } from '@nestjs/jwt';
        class AuthService {
          constructor(private readonly jwtService: JwtService) {}
          login(user: User) { return this.jwtService.sign({ sub: user.id }); }
        }`,
      languageOptions: ts,
    },
    // @fastify/jwt: plugin default or per-call expiry
    { code: "const fastify = require('fastify')(); fastify.register(require('@fastify/jwt'), { secret: process.env.S, sign: { expiresIn: '10m' } });", languageOptions: cjsAsModule },
    {
      code: "import fjwt from '@fastify/jwt'; app.register(fjwt, { secret: s }); app.post('/login', async (req, reply) => reply.jwtSign({ sub: 1 }, { expiresIn: '5m' }));",
      languageOptions: esm,
    },
    { code: "import fjwt from '@fastify/jwt'; app.register(fjwt, opts);", languageOptions: esm },
    // hono
    { code: "import { sign } from 'hono/jwt'; await sign({ sub: 'u', exp: Math.floor(Date.now() / 1000) + 60 * 5 }, c.env.SECRET);", languageOptions: esm },
    // allowLongLived
    {
      code: "import jwt from 'jsonwebtoken'; function createRefreshToken(user) { return jwt.sign({ sub: user.id }, key); }",
      options: [{ allowLongLived: ['refresh'] }],
      languageOptions: esm,
    },
    {
      code: "import jwt from 'jsonwebtoken'; class Tokens { issueRefresh(u) { return jwt.sign({ sub: u.id }, key, { expiresIn: '30d' }); } }",
      options: [{ maxAccessTokenLifetime: '1h', allowLongLived: ['^issueRefresh$'] }],
      languageOptions: ts,
    },
    // maxAccessTokenLifetime with short lifetimes
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, key, { expiresIn: '15m' });", options: [{ maxAccessTokenLifetime: '1h' }], languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, key, { expiresIn: 3600 });", options: [{ maxAccessTokenLifetime: 3600 }], languageOptions: esm },
    // more shapes that carry an expiry
    { code: "const { sign } = require('hono/jwt'); const payload = { sub: 1, exp: Math.floor(Date.now() / 1000) + 300 }; sign(payload, env.SECRET);", languageOptions: cjsAsModule },
    { code: "import { SignJWT } from 'jose'; const b = new SignJWT(claims); b.setProtectedHeader({ alg: 'HS256' }); await b.sign(k);", languageOptions: esm },
    { code: "import { SignJWT } from 'jose'; export const issue = (claims: JWTPayload) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(k);", languageOptions: ts },
    { code: "import jwt from 'jsonwebtoken'; const p = { sub: 1 }; Object.assign(p, extra); jwt.sign(p, key);", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1, [claimName]: v }, key);", languageOptions: esm },
    {
      code: "import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: s }); class A { constructor(private j: JwtService) {} go() { return this.j.sign({ sub: 1 }, { expiresIn: '5m' }); } }",
      languageOptions: ts,
    },
    { code: "import { UnsecuredJWT } from 'jose'; new UnsecuredJWT({ sub: 1 }).encode();", languageOptions: esm },
    // strange code
    { code: "import jwt from 'jsonwebtoken'; jwt.sign();", languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; jwt?.sign?.({ a: 1 }, k, { expiresIn: 60 });", languageOptions: ts },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ a: 1 }, k, { ['expiresIn']: '5m' });", languageOptions: esm },
    // not the libraries
    { code: "import jwt from 'jwt-simple'; jwt.encode({ sub: 1 }, key);", languageOptions: esm },
    { code: "const signer = { sign() {} }; signer.sign({ sub: 1 }, key);", languageOptions: esm },
    // Whole modules, and (per-call NestJS options, spreads, promisify, options built by assignment)
    { code: CONFIG_PACKAGE_ACCESS_REFRESH, languageOptions: ts },
    { code: PROMISIFIED_VERIFY_MIDDLEWARE, languageOptions: cjsAsModule },
    { code: RS256_KEY_FILES, languageOptions: cjs },
    { code: JOSE_SESSIONS_AND_JWKS, languageOptions: ts },
    { code: NEST_JWT_MODULE_ASYNC, languageOptions: ts },
    { code: NEST_AUTH_SERVICE_SIGN_IN, languageOptions: ts },
    { code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { jwtConstants } from './constants';

@Module({
  imports: [
    JwtModule.register({
      global: true,
      secret: jwtConstants.secret,
      signOptions: { expiresIn: '60s' },
    }),
  ],
})
export class AuthModule {}`, languageOptions: ts },
    { code: FASTIFY_JWT_KEY_PAIR, languageOptions: ts },
    { code: FASTIFY_JWT_ENV_COOKIE, languageOptions: cjs },
    { code: HONO_JWT_BINDINGS, languageOptions: ts },
    { code: SECRET_MANAGER_KEYS, languageOptions: ts },
    { code: CONFIG_OBJECT_FROM_ENV, languageOptions: esm },
    { code: MINIMAL_CLAIMS, languageOptions: ts },
    { code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccessTokenStrategy } from './strategies/access-token.strategy';
import { RefreshTokenStrategy } from './strategies/refresh-token.strategy';

@Module({
  imports: [PassportModule, JwtModule.register({})],
  providers: [AccessTokenStrategy, RefreshTokenStrategy],
})
export class AuthModule {}`, languageOptions: ts },
    { code: NEST_ACCESS_REFRESH_TOKENS, languageOptions: ts },
    { code: OPTIONS_BY_ASSIGNMENT, languageOptions: ts },
    { code: `import { SignJWT } from 'jose';
export async function issue(claims: [Record<string, unknown>], key: Uint8Array) {
  return new SignJWT(...claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
}`, languageOptions: ts },
    { code: `import { JwtModule } from '@nestjs/jwt';
// the factory picks per-environment options; the rule cannot read which one is used
JwtModule.registerAsync({
  useFactory: async (config: ConfigService) => {
    if (config.get('JWT_PRIVATE_KEY')) return { privateKey: config.get('JWT_PRIVATE_KEY'), signOptions: { algorithm: 'RS256', expiresIn: '15m' } };
    return { secret: config.getOrThrow('JWT_SECRET') };
  },
  inject: [ConfigService],
});`, languageOptions: ts },
    { code: `import fastifyJwt from '@fastify/jwt';
export default async function auth(app, opts) {
  await app.register(fastifyJwt, ...opts.jwtPluginArgs);
}`, languageOptions: esm },
    { code: `const jwt = require('jsonwebtoken');
const signOptions = { algorithm: 'HS256' };
signOptions.expiresIn = process.env.JWT_TTL || '15m';
exports.issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, signOptions);`, languageOptions: cjs },
    { code: `const jwt = require('jsonwebtoken');
// \`done\` may be options or a callback: the rule cannot tell
exports.issue = (sub, done) => jwt.sign({ sub }, process.env.JWT_SECRET, done);`, languageOptions: cjs },
    // A test file signing fixture tokens with explicit claims and expiries
    { code: SUPERTEST_SIGNED_TOKENS, languageOptions: ts },
  ],
  invalid: [
    // jsonwebtoken: new options argument
    {
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addExpiry',
              output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });",
            },
          ],
        },
      ],
    },
    // CommonJS, callback form
    {
      code: "const jwt = require('jsonwebtoken');\njwt.sign({ id }, secret, (err, token) => res.json({ token }));",
      languageOptions: cjs,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'addExpiry',
              output: "const jwt = require('jsonwebtoken');\njwt.sign({ id }, secret, { expiresIn: '15m' }, (err, token) => res.json({ token }));",
            },
          ],
        },
      ],
    },
    // TypeScript, payload constant and options object without expiresIn
    {
      code: "import { sign } from 'jsonwebtoken';\nconst payload = { sub: user.id, role: user.role };\nexport const token = sign(payload, key, { algorithm: 'HS256' });",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "import { sign } from 'jsonwebtoken';\nconst payload = { sub: user.id, role: user.role };\nexport const token = sign(payload, key, { algorithm: 'HS256', expiresIn: '15m' });",
            },
          ],
        },
      ],
    },
    // jose chain
    {
      code: "import { SignJWT } from 'jose';\nconst jwt = await new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 19,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "import { SignJWT } from 'jose';\nconst jwt = await new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(secret);",
            },
          ],
        },
      ],
    },
    // @nestjs/jwt module without signOptions
    {
      code: "import { JwtModule } from '@nestjs/jwt';\n@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET })] })\nexport class AuthModule {}",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 21,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "import { JwtModule } from '@nestjs/jwt';\n@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } })] })\nexport class AuthModule {}",
            },
          ],
        },
      ],
    },
    // @nestjs/jwt registerAsync factory with signOptions lacking expiresIn
    {
      code: "import { JwtModule } from '@nestjs/jwt';\nJwtModule.registerAsync({ useFactory: async () => ({ secret: await load(), signOptions: { algorithm: 'HS256' } }) });",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "import { JwtModule } from '@nestjs/jwt';\nJwtModule.registerAsync({ useFactory: async () => ({ secret: await load(), signOptions: { algorithm: 'HS256', expiresIn: '15m' } }) });",
            },
          ],
        },
      ],
    },
    // @fastify/jwt plugin without sign.expiresIn
    {
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "const fastify = require('fastify')();\nfastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET, sign: { expiresIn: '15m' } });",
            },
          ],
        },
      ],
    },
    // hono payload without exp
    {
      code: "import { sign } from 'hono/jwt';\nconst token = await sign({ sub: user.id, role: 'admin' }, c.env.JWT_SECRET);",
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 21,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "import { sign } from 'hono/jwt';\nconst token = await sign({ sub: user.id, role: 'admin', exp: Math.floor(Date.now() / 1000) + 15 * 60 }, c.env.JWT_SECRET);",
            },
          ],
        },
      ],
    },
    // jose builder kept in a variable
    {
      code: "import * as jose from 'jose';\nconst builder = new jose.SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'HS256' });\nexport const token = await builder.sign(secret);",
      languageOptions: ts,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 3,
          column: 28,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "import * as jose from 'jose';\nconst builder = new jose.SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'HS256' });\nexport const token = await builder.setExpirationTime('15m').sign(secret);",
            },
          ],
        },
      ],
    },
    // hoisted options constant without expiresIn
    {
      code: "const jwt = require('jsonwebtoken');\nconst SIGN_OPTIONS = { algorithm: 'RS256', issuer: 'api' };\nmodule.exports.issue = (user) => jwt.sign({ sub: user.id }, privateKey, SIGN_OPTIONS);",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'addExpiry',
              output:
                "const jwt = require('jsonwebtoken');\nconst SIGN_OPTIONS = { algorithm: 'RS256', issuer: 'api', expiresIn: '15m' };\nmodule.exports.issue = (user) => jwt.sign({ sub: user.id }, privateKey, SIGN_OPTIONS);",
            },
          ],
        },
      ],
    },
    // allowLongLived names other functions only
    {
      code: "import jwt from 'jsonwebtoken';\nexport function createAccessToken(user) { return jwt.sign({ sub: user.id }, key); }",
      options: [{ allowLongLived: ['refresh'] }],
      languageOptions: esm,
      errors: [
        {
          messageId: 'missingExpiry',
          line: 2,
          column: 50,
          suggestions: [
            {
              messageId: 'addExpiry',
              output: "import jwt from 'jsonwebtoken';\nexport function createAccessToken(user) { return jwt.sign({ sub: user.id }, key, { expiresIn: '15m' }); }",
            },
          ],
        },
      ],
    },
    // maxAccessTokenLifetime
    {
      code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: s, signOptions: { expiresIn: '365d' } });",
      options: [{ maxAccessTokenLifetime: '1h' }],
      languageOptions: ts,
      errors: [{ messageId: 'lifetimeTooLong', line: 1, column: 100 }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1 }, key, { expiresIn: '7d' });",
      options: [{ maxAccessTokenLifetime: '1h' }],
      languageOptions: esm,
      errors: [{ messageId: 'lifetimeTooLong', line: 1, column: 72 }],
    },
    {
      code: "import { SignJWT } from 'jose'; new SignJWT({}).setExpirationTime('30 days').sign(k);",
      options: [{ maxAccessTokenLifetime: 86400 }],
      languageOptions: ts,
      errors: [{ messageId: 'lifetimeTooLong', line: 1, column: 67 }],
    },
    {
      code: "import { sign } from 'hono/jwt'; await sign({ sub: 1, exp: Math.floor(Date.now() / 1000) + 60 * 60 * 24 * 30 }, k);",
      options: [{ maxAccessTokenLifetime: '1d' }],
      languageOptions: esm,
      errors: [{ messageId: 'lifetimeTooLong', line: 1, column: 60 }],
    },
    // Whole modules, and (per-call NestJS options, spreads, promisify, options built by assignment)
    { code: `const util = require('util');
const jwt = require('jsonwebtoken');
const signAsync = util.promisify(jwt.sign);
exports.issue = (user) => signAsync({ id: user.id }, process.env.JWT_SECRET);`, languageOptions: cjs, errors: [{ messageId: 'missingExpiry', line: 4, column: 27, suggestions: [{ messageId: 'addExpiry', output: `const util = require('util');
const jwt = require('jsonwebtoken');
const signAsync = util.promisify(jwt.sign);
exports.issue = (user) => signAsync({ id: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });` }] }] },
    { code: `const jwt = require('jsonwebtoken');
function onSigned(err, token) {
  if (err) throw err;
  process.stdout.write(token);
}
jwt.sign({ sub: 'svc' }, process.env.JWT_SECRET, onSigned);`, languageOptions: cjs, errors: [{ messageId: 'missingExpiry', line: 6, column: 1, suggestions: [{ messageId: 'addExpiry', output: `const jwt = require('jsonwebtoken');
function onSigned(err, token) {
  if (err) throw err;
  process.stdout.write(token);
}
jwt.sign({ sub: 'svc' }, process.env.JWT_SECRET, { expiresIn: '15m' }, onSigned);` }] }] },
    { code: `import jwt = require('jsonwebtoken');
export const issue = (id: string) => jwt.sign({ id }, process.env.JWT_SECRET!);`, languageOptions: ts, errors: [{ messageId: 'missingExpiry', line: 2, column: 38, suggestions: [{ messageId: 'addExpiry', output: `import jwt = require('jsonwebtoken');
export const issue = (id: string) => jwt.sign({ id }, process.env.JWT_SECRET!, { expiresIn: '15m' });` }] }] },
    { code: `import { JwtModule } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ global: true, secret: process.env.JWT_SECRET })] })
export class AuthModule {}`, languageOptions: ts, errors: [{ messageId: 'missingExpiry', line: 2, column: 21, suggestions: [{ messageId: 'addExpiry', output: `import { JwtModule } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ global: true, secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } })] })
export class AuthModule {}` }] }] },
    { code: `import jwt from 'jsonwebtoken';
const opts = {};
opts.algorithm = 'HS256';
export const issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, opts);`, languageOptions: esm, errors: [{ messageId: 'missingExpiry', line: 4, column: 31, suggestions: [{ messageId: 'addExpiry', output: `import jwt from 'jsonwebtoken';
const opts = { expiresIn: '15m' };
opts.algorithm = 'HS256';
export const issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, opts);` }] }] },
  ],
});
