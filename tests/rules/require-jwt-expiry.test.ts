import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-jwt-expiry.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';
import { CONFIG_OBJECT_FROM_ENV, CONFIG_PACKAGE_ACCESS_REFRESH, FASTIFY_JWT_ENV_COOKIE, FASTIFY_JWT_KEY_PAIR, HONO_JWT_BINDINGS, JOSE_SESSIONS_AND_JWKS, MINIMAL_CLAIMS, NEST_ACCESS_REFRESH_TOKENS, NEST_AUTH_SERVICE_SIGN_IN, NEST_JWT_MODULE_ASYNC, OPTIONS_BY_ASSIGNMENT, PROMISIFIED_VERIFY_MIDDLEWARE, RS256_KEY_FILES, SECRET_MANAGER_KEYS, SUPERTEST_SIGNED_TOKENS, JOSE2_PEM_KEYS, JWT_SIMPLE_ENV_SECRET } from './token-modules.js';

const ruleTester = new RuleTester();

ruleTester.run('require-jwt-expiry', rule, {
  valid: [
    // --- Expiry the application manages itself: a claim named like an expiry, holding a computed moment.
    // An Express login handler that puts `expiresAt` in the payload and a middleware that checks it.
    { code: `import express from 'express';
import jwt from 'jsonwebtoken';
import { users } from '../db/users.js';

const TOKEN_TTL_MS = 60 * 60 * 1000;
export const router = express.Router();

router.post('/login', async (req, res) => {
  const user = await users.verifyPassword(req.body.email, req.body.password);
  if (!user) return res.status(401).json({ error: 'invalid credentials' });
  const token = jwt.sign({ sub: user.id, role: user.role, expiresAt: Date.now() + TOKEN_TTL_MS }, process.env.JWT_SECRET, { algorithm: 'HS256' });
  res.json({ token });
});

export function requireAuth(req, res, next) {
  const header = req.get('authorization') ?? '';
  try {
    const claims = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET, { algorithms: ['HS256'] });
    if (typeof claims.expiresAt !== 'number' || claims.expiresAt < Date.now()) return res.status(401).json({ error: 'token expired' });
    req.user = claims;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}`, languageOptions: esm },
    // CommonJS session service: the payload is a constant object with an ISO `expires` date.
    { code: `const jwt = require('jsonwebtoken');
const config = require('../config');

module.exports.issueSession = function issueSession(user, done) {
  const payload = {
    id: user._id,
    email: user.email,
    expires: new Date(Date.now() + config.sessionDays * 864e5).toISOString(),
  };
  jwt.sign(payload, config.jwtSecret, (err, token) => done(err, token));
};`, languageOptions: cjs },
    // snake_case claim computed beforehand and written as a shorthand property.
    { code: `const jwt = require('jsonwebtoken');
exports.login = async (req, res) => {
  const row = await db.one('SELECT id FROM accounts WHERE email = $1', [req.body.email]);
  const expires_at = Math.floor(Date.now() / 1000) + 3600;
  res.json({ token: jwt.sign({ user_id: row.id, expires_at }, process.env.TOKEN_SECRET), expires_at });
};`, languageOptions: cjs },
    // The claim added to the payload after it is built.
    { code: `import jwt from 'jsonwebtoken';
import { addHours } from 'date-fns';
export function issueKioskToken(deviceId: string, secret: string) {
  const claims: Record<string, unknown> = { device: deviceId, scope: 'kiosk' };
  claims.validUntil = addHours(new Date(), 8).getTime();
  return jwt.sign(claims, secret);
}`, languageOptions: ts },
    // A TypeScript service whose claim is qualified by the token it belongs to; the date is a variable.
    { code: `import * as jwt from 'jsonwebtoken';
export class TokenService {
  constructor(private readonly secret: string, private readonly ttlMinutes: number) {}
  issue(userId: string): { token: string; expiresAt: Date } {
    const expiresAt = new Date(Date.now() + this.ttlMinutes * 60_000);
    const token = jwt.sign({ uid: userId, tokenExpiresAt: expiresAt.getTime() }, this.secret);
    return { token, expiresAt };
  }
}`, languageOptions: ts },
    // The expiry of a stored session row, checked against the database on every request.
    { code: `import jwt from 'jsonwebtoken';
export async function createSessionToken(db, userId) {
  const session = await db.sessions.insert({ userId, valid_until: new Date(Date.now() + 12 * 3600e3) });
  return jwt.sign({ sid: session.id, valid_until: session.valid_until }, process.env.SESSION_JWT_SECRET);
}`, languageOptions: esm },
    // jose: a magic-link token whose expiry is the caller's date.
    { code: `import { SignJWT } from 'jose';
const secret = new TextEncoder().encode(process.env.MAGIC_LINK_SECRET);
export async function createMagicLinkToken(email: string, expiresAt: Date) {
  return new SignJWT({ email, linkExpiresAt: expiresAt.toISOString() }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
}`, languageOptions: ts },
    // hono/jwt: an `expiry` claim computed with dayjs.
    { code: `import { Hono } from 'hono';
import { sign } from 'hono/jwt';
import dayjs from 'dayjs';
const app = new Hono();
app.post('/token', async (c) => {
  const { sub } = await c.req.json();
  return c.json({ token: await sign({ sub, expiry: dayjs().add(1, 'day').unix() }, c.env.JWT_SECRET) });
});`, languageOptions: esm },
    // Both the standard claim and the application's own.
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: u.id, exp: Math.floor(Date.now() / 1000) + 900, expiresAt: Date.now() + 900_000 }, key);", languageOptions: esm },
    // --- Module and plugin options whose sign calls live in another file (findings for `requireVisibleExpiry`).
    { code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { jwtConstants } from './constants';

@Module({
  imports: [JwtModule.register({ global: true, secret: jwtConstants.secret })],
  controllers: [AuthController],
  providers: [AuthService],
})
export class AuthModule {}`, languageOptions: ts },
    { code: `import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';

@Module({
  imports: [
    JwtModule.registerAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }),
    }),
  ],
})
export class TokensModule {}`, languageOptions: ts },
    { code: `import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';

export default fp(async (app) => {
  await app.register(fastifyJwt, {
    secret: app.config.JWT_SECRET,
    cookie: { cookieName: 'access_token', signed: false },
  });
  app.decorate('authenticate', async (request) => {
    await request.jwtVerify();
  });
});`, languageOptions: esm },
    // A NestJS service whose per-call options set only the key: the default expiry is in the module.
    { code: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class TokensService {
  constructor(private readonly jwtService: JwtService, private readonly config: ConfigService) {}

  issueAccessToken(user: { id: string; roles: string[] }) {
    return this.jwtService.sign({ sub: user.id, roles: user.roles }, { secret: this.config.get('JWT_ACCESS_SECRET') });
  }
}`, languageOptions: ts },
    // Module and service in one file, the module setting the default.
    { code: `import { Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}
  login(user: { id: number }) { return { access_token: this.jwt.sign({ sub: user.id }) }; }
}

@Module({
  imports: [JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '1h' } })],
  providers: [AuthService],
})
export class AuthModule {}`, languageOptions: ts },
    // Plugin without a default, and the route signing with the application's own expiry.
    { code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET });
app.post('/login', async (request, reply) => {
  const user = await app.users.check(request.body);
  const token = await reply.jwtSign({ sub: user.id, sessionExpiresAt: Date.now() + 30 * 60_000 });
  return { token };
});`, languageOptions: esm },
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
    { code: "import jwt from 'jwt-simplest'; jwt.encode({ sub: 1 }, key);", languageOptions: esm },
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
    // --- With `requireVisibleExpiry` (strict, all): files that show the expiry.
    { code: NEST_ACCESS_REFRESH_TOKENS, options: [{ requireVisibleExpiry: true }], languageOptions: ts },
    { code: NEST_JWT_MODULE_ASYNC, options: [{ requireVisibleExpiry: true }], languageOptions: ts },
    { code: FASTIFY_JWT_KEY_PAIR, options: [{ requireVisibleExpiry: true }], languageOptions: ts },
    { code: FASTIFY_JWT_ENV_COOKIE, options: [{ requireVisibleExpiry: true }], languageOptions: cjs },
    { code: CONFIG_PACKAGE_ACCESS_REFRESH, options: [{ requireVisibleExpiry: true }], languageOptions: ts },
    { code: `import { Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}
  login(user: { id: number }) { return { access_token: this.jwt.sign({ sub: user.id }) }; }
}

@Module({
  imports: [JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '1h' } })],
  providers: [AuthService],
})
export class AuthModule {}`, options: [{ requireVisibleExpiry: true }], languageOptions: ts },
    // Module options without a default, and every sign call of the file passing its own expiry.
    {
      code: "import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: s }); class A { constructor(private j: JwtService) {} go() { return this.j.sign({ sub: 1 }, { expiresIn: '5m' }); } }",
      options: [{ requireVisibleExpiry: true }],
      languageOptions: ts,
    },
    // `JwtModule.register({})`: no key, every sign call passes its own options.
    { code: "import { JwtModule } from '@nestjs/jwt'; @Module({ imports: [PassportModule, JwtModule.register({})] }) export class AuthModule {}", options: [{ requireVisibleExpiry: true }], languageOptions: ts },
    { code: "import { JwtModule } from '@nestjs/jwt'; JwtModule.registerAsync({ useClass: JwtConfigService });", options: [{ requireVisibleExpiry: true }], languageOptions: ts },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: u.id, exp: Math.floor(Date.now() / 1000) + 900, expiresAt: Date.now() + 900_000 }, key);", options: [{ requireVisibleExpiry: true }], languageOptions: esm },
    { code: "import jwt from 'jsonwebtoken'; function createRefreshToken(u) { return jwt.sign({ sub: u.id, expiresAt: Date.now() + 30 * 864e5 }, key); }", options: [{ requireVisibleExpiry: true, allowLongLived: ['refresh'] }], languageOptions: esm },
    { code: "import fjwt from '@fastify/jwt'; app.register(fjwt, opts); app.post('/t', async (req, reply) => reply.jwtSign({ sub: 1 }));", options: [{ requireVisibleExpiry: true }], languageOptions: esm },
    // Options the rule cannot read may hold `expiresIn`: the application claim is not the only expiry.
    { code: "import jwt from 'jsonwebtoken'; export const issue = (sub, opts) => jwt.sign({ sub, expiresAt: Date.now() + 60_000 }, key, opts);", options: [{ requireVisibleExpiry: true }], languageOptions: esm },
    // --- Verification: clock tolerances of seconds, `ignoreExpiration: false`, values that are not constants.
    { code: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'], clockTolerance: 30 });", languageOptions: esm },
    { code: "const jwt = require('jsonwebtoken');\nconst VERIFY = { algorithms: ['RS256'], clockTolerance: 300, ignoreExpiration: false };\nmodule.exports = (t) => jwt.verify(t, publicKey, VERIFY);", languageOptions: cjs },
    { code: "import jwt from 'jsonwebtoken';\nimport config from './config';\nexport const check = (t: string) => jwt.verify(t, config.publicKey, { algorithms: ['RS256'], clockTolerance: config.jwt.clockSkewSeconds });", languageOptions: ts },
    { code: "import jwt from 'jsonwebtoken';\n// tests replay recorded tokens\nexport const check = (t) => jwt.verify(t, key, { algorithms: ['HS256'], ignoreExpiration: process.env.NODE_ENV === 'test' });", languageOptions: esm },
    { code: `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: process.env.JWT_SECRET,
      algorithms: ['HS256'],
    });
  }
  validate(payload: { sub: string }) {
    return { userId: payload.sub };
  }
}`, languageOptions: ts },
    { code: "import { jwtVerify } from 'jose';\nexport const check = (t, key) => jwtVerify(t, key, { algorithms: ['ES256'], clockTolerance: '30s' });", languageOptions: esm },
    { code: "const { JWT } = require('jose');\nmodule.exports = (t, key) => JWT.verify(t, key, { algorithms: ['HS256'], clockTolerance: '1 min' });", languageOptions: cjs },
    { code: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, key, { algorithms: ['HS256'], clockTolerance: 600 });", languageOptions: esm, options: [{ maxClockTolerance: '10m' }] },
    // a decode is not a verification: it checks no expiry to begin with (no-jwt-decode-for-auth judges it)
    { code: "import jwt from 'jsonwebtoken';\nconst { exp } = jwt.decode(token, { ignoreExpiration: true });", languageOptions: esm },
    // --- jose 1.x/2.x `JWT.sign()` with `expiresIn` or an `exp` claim; jwt-simple payloads with `exp`.
    { code: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_SECRET);\nexports.issue = (user) => JWT.sign({ sub: user.id }, key, { expiresIn: '15 minutes', issuer: 'api' });", languageOptions: cjs },
    { code: "import { JWT } from 'jose';\nexport const issue = (sub: string, key: never) => JWT.sign({ sub, exp: Math.floor(Date.now() / 1000) + 900 }, key);", languageOptions: ts },
    { code: `const jwt = require('jwt-simple');
const moment = require('moment');
exports.encodeToken = (user) => {
  const payload = { exp: moment().add(14, 'days').unix(), iat: moment().unix(), sub: user.id };
  return jwt.encode(payload, process.env.TOKEN_SECRET);
};`, languageOptions: cjs },
    { code: "import jwt from 'jwt-simple';\nexport const issue = (id) => jwt.encode({ id, exp: Math.floor(Date.now() / 1000) + 3600 }, process.env.JWT_SECRET, 'HS512');", languageOptions: esm },
    // jwt-simple with an expiry the application checks itself (reported only in `strict`)
    { code: "const jwt = require('jwt-simple');\nexports.issue = (user) => jwt.encode({ sub: user.id, expiresAt: Date.now() + 3600 * 1000 }, process.env.JWT_SECRET);", languageOptions: cjs },
    // Whole modules: jose 2.x with PEM keys, jwt-simple with the secret from the environment
    { code: JOSE2_PEM_KEYS, languageOptions: cjs },
    { code: JWT_SIMPLE_ENV_SECRET, languageOptions: cjs },
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
    // --- Cross-file shapes, reported with `requireVisibleExpiry` (strict, all): the sign calls are elsewhere.
    // @nestjs/jwt module without signOptions
    {
      code: "import { JwtModule } from '@nestjs/jwt';\n@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET })] })\nexport class AuthModule {}",
      options: [{ requireVisibleExpiry: true }],
      languageOptions: ts,
      errors: [
        {
          messageId: 'noDefaultExpiry',
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
      options: [{ requireVisibleExpiry: true }],
      languageOptions: ts,
      errors: [
        {
          messageId: 'noDefaultExpiry',
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
      options: [{ requireVisibleExpiry: true }],
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'noDefaultExpiry',
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
export class AuthModule {}`, options: [{ requireVisibleExpiry: true }], languageOptions: ts, errors: [{ messageId: 'noDefaultExpiry', line: 2, column: 21, suggestions: [{ messageId: 'addExpiry', output: `import { JwtModule } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ global: true, secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } })] })
export class AuthModule {}` }] }] },
    { code: `import jwt from 'jsonwebtoken';
const opts = {};
opts.algorithm = 'HS256';
export const issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, opts);`, languageOptions: esm, errors: [{ messageId: 'missingExpiry', line: 4, column: 31, suggestions: [{ messageId: 'addExpiry', output: `import jwt from 'jsonwebtoken';
const opts = { expiresIn: '15m' };
opts.algorithm = 'HS256';
export const issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, opts);` }] }] },
    // --- Claims that are not an expiry the application keeps: still no expiry.
    // `expiresIn` in the payload is an ordinary claim: jsonwebtoken reads it only from the options.
    { code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ id: user.id, expiresIn: '1h' }, process.env.JWT_SECRET);`, languageOptions: esm, errors: [{ messageId: 'missingExpiry', line: 2, column: 32, suggestions: [{ messageId: 'addExpiry', output: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ id: user.id, expiresIn: '1h' }, process.env.JWT_SECRET, { expiresIn: '15m' });` }] }] },
    // A constant is a duration, not a moment.
    { code: `const jwt = require('jsonwebtoken');
const token = jwt.sign({ id, expires: '7d' }, secret);`, languageOptions: cjs, errors: [{ messageId: 'missingExpiry', line: 2, column: 15, suggestions: [{ messageId: 'addExpiry', output: `const jwt = require('jsonwebtoken');
const token = jwt.sign({ id, expires: '7d' }, secret, { expiresIn: '15m' });` }] }] },
    // Another thing's expiry (the subscription), and a duration read from the environment.
    { code: `import jwt from 'jsonwebtoken';
jwt.sign({ sub: user.id, plan: user.plan, planExpiresAt: user.planExpiresAt }, key);
jwt.sign({ sub: user.id, expires: process.env.JWT_EXPIRES_IN }, key);`, languageOptions: esm, errors: [
      { messageId: 'missingExpiry', line: 2, column: 1, suggestions: [{ messageId: 'addExpiry', output: `import jwt from 'jsonwebtoken';
jwt.sign({ sub: user.id, plan: user.plan, planExpiresAt: user.planExpiresAt }, key, { expiresIn: '15m' });
jwt.sign({ sub: user.id, expires: process.env.JWT_EXPIRES_IN }, key);` }] },
      { messageId: 'missingExpiry', line: 3, column: 1, suggestions: [{ messageId: 'addExpiry', output: `import jwt from 'jsonwebtoken';
jwt.sign({ sub: user.id, plan: user.plan, planExpiresAt: user.planExpiresAt }, key);
jwt.sign({ sub: user.id, expires: process.env.JWT_EXPIRES_IN }, key, { expiresIn: '15m' });` }] },
    ] },
    // --- The file shows both the module options without a default and the sign call without an expiry.
    { code: `import { Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}
  login(user: { id: number }) { return { access_token: this.jwt.sign({ sub: user.id }) }; }
}

@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET })], providers: [AuthService] })
export class AuthModule {}`, languageOptions: ts, errors: [{ messageId: 'missingExpiry', line: 7, column: 56, suggestions: [{ messageId: 'addExpiry', output: `import { Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}
  login(user: { id: number }) { return { access_token: this.jwt.sign({ sub: user.id }, { expiresIn: '15m' }) }; }
}

@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET })], providers: [AuthService] })
export class AuthModule {}` }] }] },
    { code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET });
app.post('/login', async (request, reply) => ({ token: await reply.jwtSign({ sub: request.body.username }) }));`, languageOptions: esm, errors: [{ messageId: 'missingExpiry', line: 5, column: 62, suggestions: [{ messageId: 'addExpiry', output: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET });
app.post('/login', async (request, reply) => ({ token: await reply.jwtSign({ sub: request.body.username }, { expiresIn: '15m' }) }));` }] }] },
    // --- With `requireVisibleExpiry`: sign calls whose default, or whose expiry check, may be in another file.
    { code: NEST_AUTH_SERVICE_SIGN_IN, options: [{ requireVisibleExpiry: true }], languageOptions: ts, errors: [
      { messageId: 'noVisibleExpiry', line: 16, column: 34, suggestions: [{ messageId: 'addExpiry', output: NEST_AUTH_SERVICE_SIGN_IN.replace('signAsync(payload)', "signAsync(payload, { expiresIn: '15m' })") }] },
      { messageId: 'noVisibleExpiry', line: 21, column: 12, suggestions: [{ messageId: 'addExpiry', output: NEST_AUTH_SERVICE_SIGN_IN.replace('signAsync({ sub: claims.sub })', "signAsync({ sub: claims.sub }, { expiresIn: '15m' })") }] },
    ] },
    { code: `import type {} from '@fastify/jwt';
export async function loginRoute(request, reply) {
  const token = await reply.jwtSign({ sub: request.user.id });
  return reply.send({ token });
}`, options: [{ requireVisibleExpiry: true }], languageOptions: ts, errors: [{ messageId: 'noVisibleExpiry', line: 3, column: 23, suggestions: [{ messageId: 'addExpiry', output: `import type {} from '@fastify/jwt';
export async function loginRoute(request, reply) {
  const token = await reply.jwtSign({ sub: request.user.id }, { expiresIn: '15m' });
  return reply.send({ token });
}` }] }] },
    { code: `import jwt from 'jsonwebtoken';
router.post('/login', async (req, res) => {
  const user = await users.verifyPassword(req.body.email, req.body.password);
  res.json({ token: jwt.sign({ sub: user.id, expiresAt: Date.now() + TOKEN_TTL_MS }, process.env.JWT_SECRET, { algorithm: 'HS256' }) });
});`, options: [{ requireVisibleExpiry: true }], languageOptions: esm, errors: [{ messageId: 'appManagedExpiry', data: { call: 'jsonwebtoken `sign()`', claim: 'expiresAt' }, line: 4, column: 46, suggestions: [] }] },
    // --- Verification that accepts expired tokens: `ignoreExpiration: true`, and clock tolerances of hours.
    ...acrossParsers(
      [
        {
          code: "const jwt = require('jsonwebtoken');\nmodule.exports = (token) => jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'], ignoreExpiration: true });",
          errors: [
            {
              messageId: 'acceptsExpired' as const,
              data: {
                call: 'jsonwebtoken `verify()`',
                how: 'sets `ignoreExpiration: true`',
                howLong: ', however long ago',
                fix: 'Remove the option so that the `exp` claim is checked.',
              },
              line: 2,
              column: 114,
              suggestions: [
                {
                  messageId: 'checkExpiry' as const,
                  output: "const jwt = require('jsonwebtoken');\nmodule.exports = (token) => jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'], ignoreExpiration: false });",
                },
              ],
            },
          ],
        },
        // a shared options object: one report, at the value
        {
          code: "const jwt = require('jsonwebtoken');\nconst VERIFY_OPTIONS = { algorithms: ['HS256'], clockTolerance: 60 * 60 * 2 };\nexports.access = (t) => jwt.verify(t, process.env.ACCESS_SECRET, VERIFY_OPTIONS);\nexports.refresh = (t) => jwt.verify(t, process.env.REFRESH_SECRET, VERIFY_OPTIONS);",
          errors: [
            {
              messageId: 'acceptsExpired' as const,
              data: {
                call: 'jsonwebtoken `verify()`',
                how: 'allows a clock tolerance of 2h (`clockTolerance`)',
                howLong: ' by up to 2h',
                fix: 'Keep the tolerance for clock skew to a few minutes (at most 5m).',
              },
              line: 2,
              column: 65,
              suggestions: [],
            },
          ],
        },
        // jose 1.x/2.x: `ignoreExp` and a timespan string
        {
          code: "const { JWT } = require('jose');\nmodule.exports = (t, key) => JWT.verify(t, key, { algorithms: ['RS256'], ignoreExp: true, clockTolerance: '1 day' });",
          errors: [
            { messageId: 'acceptsExpired' as const, line: 2, column: 85, suggestions: [{ messageId: 'checkExpiry' as const, output: "const { JWT } = require('jose');\nmodule.exports = (t, key) => JWT.verify(t, key, { algorithms: ['RS256'], ignoreExp: false, clockTolerance: '1 day' });" }] },
            { messageId: 'acceptsExpired' as const, data: { call: 'jose `JWT.verify()`', how: "allows a clock tolerance of 1d (`clockTolerance`)", howLong: ' by up to 1d', fix: 'Keep the tolerance for clock skew to a few minutes (at most 5m).' }, line: 2, column: 107, suggestions: [] },
          ],
        },
        // passport-jwt: the strategy's own option, and jsonwebtoken options passed through
        {
          code: "const { Strategy, ExtractJwt } = require('passport-jwt');\npassport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'], ignoreExpiration: true, jsonWebTokenOptions: { clockTolerance: 86400 } }, verify));",
          errors: [
            { messageId: 'acceptsExpired' as const, line: 2, column: 165, suggestions: [{ messageId: 'checkExpiry' as const, output: "const { Strategy, ExtractJwt } = require('passport-jwt');\npassport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'], ignoreExpiration: false, jsonWebTokenOptions: { clockTolerance: 86400 } }, verify));" }] },
            { messageId: 'acceptsExpired' as const, line: 2, column: 210, suggestions: [] },
          ],
        },
      ],
      [esm, cjs, ts],
    ),
    // @nestjs/jwt module options and `JwtService.verify()`; a stricter `maxClockTolerance`
    {
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const auth = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' }, verifyOptions: { ignoreExpiration: true } });",
      languageOptions: ts,
      errors: [{ messageId: 'acceptsExpired', data: { call: '@nestjs/jwt `JwtModule` options', how: 'sets `verifyOptions.ignoreExpiration: true`', howLong: ', however long ago', fix: 'Remove the option so that the `exp` claim is checked.' }, line: 2, column: 144, suggestions: [{ messageId: 'checkExpiry', output: "import { JwtModule } from '@nestjs/jwt';\nexport const auth = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' }, verifyOptions: { ignoreExpiration: false } });" }] }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, key, { algorithms: ['HS256'], clockTolerance: 120 });",
      languageOptions: esm,
      options: [{ maxClockTolerance: '1m' }],
      errors: [{ messageId: 'acceptsExpired', data: { call: 'jsonwebtoken `verify()`', how: 'allows a clock tolerance of 2m (`clockTolerance`)', howLong: ' by up to 2m', fix: 'Keep the tolerance for clock skew to a few minutes (at most 1m).' }, line: 2, column: 89 }],
    },
    // a constant `true` is reported at its use, with no suggestion (the constant may serve other code)
    {
      code: "import jwt from 'jsonwebtoken';\nconst IGNORE_EXPIRY = true;\nexport const check = (t) => jwt.verify(t, key, { algorithms: ['HS256'], ignoreExpiration: IGNORE_EXPIRY });",
      languageOptions: esm,
      errors: [{ messageId: 'acceptsExpired', line: 3, column: 91, suggestions: [] }],
    },
    // --- jose 1.x/2.x `JWT.sign()` and jwt-simple `encode()` without an expiry.
    ...acrossParsers(
      [
        {
          code: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_SECRET);\nexports.issue = (user) => JWT.sign({ sub: user.id }, key, { issuer: 'api' });",
          errors: [
            {
              messageId: 'missingExpiry' as const,
              data: { call: 'jose `JWT.sign()`', fix: "Pass `expiresIn: '15m'` (or another short lifetime) in the options." },
              line: 3,
              column: 27,
              suggestions: [
                {
                  messageId: 'addExpiry' as const,
                  output: "const { JWT, JWK } = require('jose');\nconst key = JWK.asKey(process.env.JWT_SECRET);\nexports.issue = (user) => JWT.sign({ sub: user.id }, key, { issuer: 'api', expiresIn: '15m' });",
                },
              ],
            },
          ],
        },
        {
          code: "const jwt = require('jwt-simple');\nexports.login = (user) => jwt.encode({ sub: user.id, role: user.role }, process.env.JWT_SECRET);",
          errors: [
            {
              messageId: 'missingExpiry' as const,
              data: { call: 'jwt-simple `encode()`', fix: 'jwt-simple never adds one: set an `exp` claim (seconds since the epoch) in the payload, which its `decode()` checks.' },
              line: 2,
              column: 27,
              suggestions: [
                {
                  messageId: 'addExpiry' as const,
                  output: "const jwt = require('jwt-simple');\nexports.login = (user) => jwt.encode({ sub: user.id, role: user.role, exp: Math.floor(Date.now() / 1000) + 15 * 60 }, process.env.JWT_SECRET);",
                },
              ],
            },
          ],
        },
      ],
      [esm, cjs, ts],
    ),
    {
      code: "import jwt from 'jwt-simple';\nexport const issue = (sub: string) => jwt.encode({ sub }, process.env.JWT_SECRET as string, 'HS512');",
      languageOptions: ts,
      errors: [{ messageId: 'missingExpiry', line: 2, column: 39, suggestions: [{ messageId: 'addExpiry', output: "import jwt from 'jwt-simple';\nexport const issue = (sub: string) => jwt.encode({ sub, exp: Math.floor(Date.now() / 1000) + 15 * 60 }, process.env.JWT_SECRET as string, 'HS512');" }] }],
    },
  ],
});
