import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-jwt-expiry.js';
import { cjs, cjsAsModule, esm, ts } from '../helpers.js';

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
    { code: `import jwt, { JwtPayload, SignOptions } from 'jsonwebtoken';
import config from 'config';

const ACCESS_TTL = '15m';
const REFRESH_TTL = '7d';
const ISSUER = 'api.example.com';

const signOptions: SignOptions = { algorithm: 'HS256', expiresIn: ACCESS_TTL, issuer: ISSUER };

export interface TokenClaims extends JwtPayload {
  sub: string;
  role: 'user' | 'admin';
}

function buildClaims(user: { id: string; role: 'user' | 'admin' }): TokenClaims {
  return { sub: user.id, role: user.role };
}

export function issueAccessToken(user: { id: string; role: 'user' | 'admin' }): string {
  return jwt.sign(buildClaims(user), config.get<string>('jwt.secret'), signOptions);
}

export function issueRefreshToken(userId: string): string {
  return jwt.sign({ sub: userId, typ: 'refresh' }, process.env.JWT_REFRESH_SECRET!, { algorithm: 'HS256', expiresIn: REFRESH_TTL });
}

export function verifyAccessToken(token: string): TokenClaims {
  return jwt.verify(token, config.get<string>('jwt.secret'), { algorithms: ['HS256'], issuer: ISSUER }) as TokenClaims;
}`, languageOptions: ts },
    { code: `const jwt = require('jsonwebtoken');
const { promisify } = require('util');

const JWT_SECRET = process.env.JWT_SECRET;
if (!JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
const verifyOptions = { algorithms: ['HS256'], audience: 'web' };

module.exports = async function requireAuth(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: 'missing token' });
  try {
    const claims = await promisify(jwt.verify)(token, JWT_SECRET, verifyOptions);
    req.user = { id: claims.sub, role: claims.role };
    return next();
  } catch (err) {
    return res.status(401).json({ error: 'invalid token' });
  }
};

module.exports.login = function login(req, res) {
  const user = res.locals.user;
  const accessToken = jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET, { expiresIn: '15m', algorithm: 'HS256' });
  res.json({ accessToken });
};`, languageOptions: cjsAsModule },
    { code: `const jwt = require('jsonwebtoken');
const fs = require('fs');
const path = require('path');

const publicKey = fs.readFileSync(path.join(__dirname, 'keys', 'public.pem'));
const privateKey = fs.readFileSync(path.join(__dirname, 'keys', 'private.pem'), 'utf8');

function authenticate(req, res, next) {
  const token = req.cookies.access_token;
  jwt.verify(token, publicKey, { algorithms: ['RS256'] }, (err, decoded) => {
    if (err) return res.sendStatus(401);
    req.user = decoded;
    next();
  });
}

function sign(user, cb) {
  jwt.sign({ sub: String(user.id), scope: user.scopes.join(' ') }, privateKey, { algorithm: 'RS256', expiresIn: 900 }, cb);
}

module.exports = { authenticate, sign };`, languageOptions: cjs },
    { code: `import { SignJWT, jwtVerify, createRemoteJWKSet, importPKCS8, decodeJwt, type JWTPayload } from 'jose';

const JWKS = createRemoteJWKSet(new URL(\`\${process.env.AUTH_ISSUER}/.well-known/jwks.json\`));
const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
const alg = 'HS256';

export async function createSession(userId: string, role: string): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(secret);
}

export async function verifySession(token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, secret, { algorithms: [alg] });
  return payload;
}

export async function verifyIdToken(idToken: string) {
  const { payload } = await jwtVerify(idToken, JWKS, { issuer: process.env.AUTH_ISSUER, audience: 'my-client' });
  return payload;
}

export async function signServiceToken(pkcs8: string) {
  const key = await importPKCS8(pkcs8, 'ES256');
  const builder = new SignJWT({ svc: 'billing' }).setProtectedHeader({ alg: 'ES256' });
  builder.setExpirationTime('5m');
  return builder.sign(key);
}

// Only reads the issuer to pick which JWKS to use; verification follows
export function issuerOf(token: string): string | undefined {
  return decodeJwt(token).iss;
}`, languageOptions: ts },
    { code: `import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: async (configService: ConfigService) => ({
        secret: configService.getOrThrow<string>('JWT_SECRET'),
        signOptions: { expiresIn: configService.get<string>('JWT_EXPIRES_IN', '15m'), algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}`, languageOptions: ts },
    { code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as bcrypt from 'bcrypt';
import { UsersService } from '../users/users.service';

@Injectable()
export class AuthService {
  constructor(private usersService: UsersService, private jwtService: JwtService) {}

  async signIn(email: string, pass: string): Promise<{ access_token: string }> {
    const user = await this.usersService.findOne(email);
    if (!user || !(await bcrypt.compare(pass, user.password))) {
      throw new UnauthorizedException();
    }
    const payload = { sub: user.id, username: user.username };
    return { access_token: await this.jwtService.signAsync(payload) };
  }

  async refresh(token: string) {
    const claims = await this.jwtService.verifyAsync<{ sub: string }>(token);
    return this.jwtService.signAsync({ sub: claims.sub });
  }
}`, languageOptions: ts },
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
    { code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { readFileSync } from 'node:fs';

const app = Fastify({ logger: true });

await app.register(fastifyJwt, {
  secret: {
    private: readFileSync(\`\${process.cwd()}/certs/private.key\`, 'utf8'),
    public: readFileSync(\`\${process.cwd()}/certs/public.key\`, 'utf8'),
  },
  sign: { algorithm: 'ES256', expiresIn: '10m' },
  verify: { algorithms: ['ES256'] },
});

app.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.send(err);
  }
});

app.post('/login', async (request, reply) => {
  const token = await reply.jwtSign({ sub: request.body.username });
  return { token };
});`, languageOptions: ts },
    { code: `const fastify = require('fastify')();
fastify.register(require('@fastify/jwt'), {
  secret: process.env.JWT_SECRET,
  sign: { expiresIn: '15m', algorithm: 'HS256' },
  verify: { algorithms: ['HS256'] },
  cookie: { cookieName: 'token', signed: false },
});
fastify.get('/me', { onRequest: [fastify.authenticate] }, async (request) => request.user);
fastify.post('/token', async (request, reply) => {
  const token = fastify.jwt.sign({ sub: request.user.id });
  return reply.setCookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' }).send({ ok: true });
});`, languageOptions: cjs },
    { code: `import { Hono } from 'hono';
import { jwt, sign, verify } from 'hono/jwt';
import type { JwtVariables } from 'hono/jwt';

type Bindings = { JWT_SECRET: string };
const app = new Hono<{ Bindings: Bindings; Variables: JwtVariables }>();

app.use('/auth/*', (c, next) => {
  const jwtMiddleware = jwt({ secret: c.env.JWT_SECRET, alg: 'HS256' });
  return jwtMiddleware(c, next);
});

app.post('/login', async (c) => {
  const payload = { sub: 'user123', role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 * 5 };
  const token = await sign(payload, c.env.JWT_SECRET, 'HS256');
  return c.json({ token });
});

app.get('/check', async (c) => {
  const token = c.req.header('Authorization')?.replace('Bearer ', '') ?? '';
  const payload = await verify(token, c.env.JWT_SECRET, 'HS256');
  return c.json(payload);
});
export default app;`, languageOptions: ts },
    { code: `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SecretManagerServiceClient } from '@google-cloud/secret-manager';
import jwt from 'jsonwebtoken';

const sm = new SecretsManagerClient({ region: process.env.AWS_REGION });
const gsm = new SecretManagerServiceClient();

let cachedSecret: string | undefined;

async function getJwtSecret(): Promise<string> {
  if (cachedSecret) return cachedSecret;
  const out = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api/jwt' }));
  cachedSecret = JSON.parse(out.SecretString!).JWT_SECRET as string;
  return cachedSecret;
}

export async function signToken(userId: string) {
  const secret = await getJwtSecret();
  return jwt.sign({ sub: userId }, secret, { algorithm: 'HS512', expiresIn: '10m' });
}

export async function signWithGcp(userId: string) {
  const [version] = await gsm.accessSecretVersion({ name: 'projects/p/secrets/jwt/versions/latest' });
  const key = version.payload?.data?.toString() ?? '';
  return jwt.sign({ sub: userId }, key, { algorithm: 'HS256', expiresIn: '10m' });
}

export async function verifyWithGcp(token: string) {
  const [version] = await gsm.accessSecretVersion({ name: 'projects/p/secrets/jwt/versions/latest' });
  return jwt.verify(token, version.payload!.data!.toString(), { algorithms: ['HS256'] });
}`, languageOptions: ts },
    { code: `import jwt from 'jsonwebtoken';

const config = {
  jwt: {
    secret: process.env.JWT_SECRET,
    expiresIn: process.env.JWT_EXPIRES_IN || '1h',
    algorithm: 'HS256',
  },
};

export function createToken(user) {
  return jwt.sign({ id: user.id, email: user.email }, config.jwt.secret, {
    expiresIn: config.jwt.expiresIn,
    algorithm: config.jwt.algorithm,
  });
}

export function readToken(token) {
  return jwt.verify(token, config.jwt.secret, { algorithms: [config.jwt.algorithm] });
}`, languageOptions: esm },
    { code: `import jwt from 'jsonwebtoken';
import { SignJWT } from 'jose';

interface User { id: string; email: string; role: string; passwordHash: string; tenantId: string }

function toClaims(user: User) {
  return { sub: user.id, role: user.role, tid: user.tenantId };
}

export function issue(user: User) {
  return jwt.sign(toClaims(user), process.env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}

export function issueMinimal(user: User) {
  const { id, role } = user;
  return jwt.sign({ sub: id, role }, process.env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}

export async function issueJose(user: User, key: CryptoKey) {
  return new SignJWT({ role: user.role, email: user.email })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(user.id)
    .setExpirationTime('15m')
    .sign(key);
}

export function issueForUserId(userId: string) {
  return jwt.sign({ userId }, process.env.JWT_SECRET!, { expiresIn: '1h', algorithm: 'HS256' });
}

export function issuePasswordReset(user: User) {
  // the token proves a reset was requested; it carries only the subject and purpose
  return jwt.sign({ sub: user.id, purpose: 'password-reset', passwordChangedAt: 0 }, process.env.RESET_SECRET!, { expiresIn: '30m', algorithm: 'HS256' });
}`, languageOptions: ts },
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
    { code: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private jwtService: JwtService, private configService: ConfigService) {}

  async getTokens(userId: string, username: string) {
    const [accessToken, refreshToken] = await Promise.all([
      this.jwtService.signAsync(
        { sub: userId, username },
        { secret: this.configService.get<string>('JWT_ACCESS_SECRET'), expiresIn: '15m' },
      ),
      this.jwtService.signAsync(
        { sub: userId, username },
        { secret: this.configService.get<string>('JWT_REFRESH_SECRET'), expiresIn: '7d' },
      ),
    ]);
    return { accessToken, refreshToken };
  }
}`, languageOptions: ts },
    { code: `import jwt, { type SignOptions, type VerifyOptions } from 'jsonwebtoken';
const signOptions: SignOptions = {};
signOptions.algorithm = 'RS256';
signOptions.expiresIn = '10m';
const verifyOptions: VerifyOptions = {};
verifyOptions.algorithms = ['RS256'];
export const issue = (sub: string, key: string) => jwt.sign({ sub }, key, signOptions);
export const check = (t: string, key: string) => jwt.verify(t, key, verifyOptions);`, languageOptions: ts },
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
    { code: `import jwt from 'jsonwebtoken';
import request from 'supertest';
import { app } from '../src/app';

const TEST_SECRET = process.env.JWT_SECRET ?? 'test-secret-for-unit-tests-only-0123456789';

describe('GET /me', () => {
  it('rejects an expired token', async () => {
    const token = jwt.sign({ sub: '1', exp: Math.floor(Date.now() / 1000) - 10 }, TEST_SECRET);
    await request(app).get('/me').set('Authorization', \`Bearer \${token}\`).expect(401);
  });
  it('returns the user', async () => {
    const token = jwt.sign({ sub: '1', role: 'user' }, TEST_SECRET, { expiresIn: '1m' });
    const res = await request(app).get('/me').set('Authorization', \`Bearer \${token}\`).expect(200);
    expect(jwt.decode(token)).toMatchObject({ sub: '1' });
  });
});`, languageOptions: ts },
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
