// Whole-module code samples shared by the token-rule tests (valid cases in several rule test files).
// Each is realistic code that handles JWTs carefully; the comment above each says what it shows.

// Keys from the `config` package and env; shared SignOptions set algorithm, expiry and issuer; verify pins algorithms and issuer.
export const CONFIG_PACKAGE_ACCESS_REFRESH = `import jwt, { JwtPayload, SignOptions } from 'jsonwebtoken';
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
}`;

// Secret from env with a fail-fast check; promisified verify with pinned algorithms and audience; short-lived HS256 access token.
export const PROMISIFIED_VERIFY_MIDDLEWARE = `const jwt = require('jsonwebtoken');
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
};`;

// RS256 key pair read from PEM files; verify pins RS256; signing sets an expiry.
export const RS256_KEY_FILES = `const jwt = require('jsonwebtoken');
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

module.exports = { authenticate, sign };`;

// jose: env secret and remote JWKS, expiries on every SignJWT, pinned algorithms, decodeJwt only to pick the issuer.
export const JOSE_SESSIONS_AND_JWKS = `import { SignJWT, jwtVerify, createRemoteJWKSet, importPKCS8, decodeJwt, type JWTPayload } from 'jose';

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
}`;

// express-jwt with a JWKS secret provider plus audience/issuer, and an env secret; both pin algorithms.
export const EXPRESS_JWT_JWKS = `import express from 'express';
import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';

const app = express();

const checkJwt = expressjwt({
  secret: jwksRsa.expressJwtSecret({
    cache: true,
    rateLimit: true,
    jwksRequestsPerMinute: 5,
    jwksUri: \`https://\${process.env.AUTH0_DOMAIN}/.well-known/jwks.json\`,
  }),
  audience: process.env.AUTH0_AUDIENCE,
  issuer: \`https://\${process.env.AUTH0_DOMAIN}/\`,
  algorithms: ['RS256'],
});

const internalAuth = expressjwt({ secret: process.env.INTERNAL_JWT_SECRET, algorithms: ['HS256'] });

app.get('/api/private', checkJwt, (req, res) => res.json({ sub: req.auth.sub }));
app.get('/internal', internalAuth, (req, res) => res.json({ ok: true }));`;

// passport-jwt strategies with an env secret and a JWKS key provider; both pin algorithms.
export const PASSPORT_JWT_STRATEGIES = `import passport from 'passport';
import { Strategy as JwtStrategy, ExtractJwt, type StrategyOptions } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';

const opts: StrategyOptions = {
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: process.env.JWT_SECRET as string,
  algorithms: ['HS256'],
  issuer: 'accounts.example.com',
};

passport.use(new JwtStrategy(opts, async (payload, done) => {
  const user = await Users.findById(payload.sub);
  return done(null, user ?? false);
}));

passport.use('auth0', new JwtStrategy({
  secretOrKeyProvider: passportJwtSecret({ jwksUri: process.env.JWKS_URI!, cache: true }),
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  algorithms: ['RS256'],
}, (payload, done) => done(null, payload)));`;

// NestJS passport strategy: secret via ConfigService.getOrThrow, expiry enforced, algorithms pinned.
export const NEST_PASSPORT_JWT_STRATEGY = `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly configService: ConfigService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: configService.getOrThrow<string>('JWT_SECRET'),
      algorithms: ['HS256'],
    });
  }

  async validate(payload: { sub: string; email: string }) {
    if (!payload.sub) throw new UnauthorizedException();
    return { userId: payload.sub, email: payload.email };
  }
}`;

// NestJS JwtModule.registerAsync: secret from ConfigService, default expiry and algorithm, verify pins algorithms.
export const NEST_JWT_MODULE_ASYNC = `import { Module } from '@nestjs/common';
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
export class AuthModule {}`;

// @fastify/jwt with an ES256 key pair read from files; sign sets algorithm and expiry, verify pins algorithms.
export const FASTIFY_JWT_KEY_PAIR = `import Fastify from 'fastify';
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
});`;

// @fastify/jwt with an env secret, default expiry, pinned algorithms, token set in an httpOnly/secure/strict cookie.
export const FASTIFY_JWT_ENV_COOKIE = `const fastify = require('fastify')();
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
});`;

// hono/jwt: secret from worker bindings, explicit alg, short exp claim in the payload.
export const HONO_JWT_BINDINGS = `import { Hono } from 'hono';
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
export default app;`;

// Secrets fetched from AWS Secrets Manager / Google Secret Manager; explicit algorithms and short expiries.
export const SECRET_MANAGER_KEYS = `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
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
}`;

// Config object filled from env (secret, expiry, algorithm) and used for both sign and verify.
export const CONFIG_OBJECT_FROM_ENV = `import jwt from 'jsonwebtoken';

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
}`;

// passport-jwt options built by assignment: env secret, pinned algorithms, issuer check.
export const PASSPORT_OPTS_BY_ASSIGNMENT = `const passport = require('passport');
const { Strategy, ExtractJwt } = require('passport-jwt');
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = process.env.JWT_SECRET;
opts.algorithms = ['HS256'];
opts.issuer = 'accounts.examplesoft.com';
passport.use(new Strategy(opts, (payload, done) => done(null, { id: payload.sub })));`;

// NestJS AuthService: password checked with bcrypt, minimal payload, signing/verifying via the module-configured JwtService.
export const NEST_AUTH_SERVICE_SIGN_IN = `import { Injectable, UnauthorizedException } from '@nestjs/common';
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
}`;

// jwks-rsa: decode only to read the kid, then verify with RS256 pinned; other decodes only log or check expiry.
export const JWKS_DECODE_THEN_VERIFY = `import jwt from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';

const client = jwksClient({ jwksUri: process.env.JWKS_URI });

export async function verifyToken(token) {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || !decoded.header.kid) {
    throw new Error('malformed token');
  }
  const key = await client.getSigningKey(decoded.header.kid);
  return jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'] });
}

export function logTokenInfo(token, logger) {
  const payload = jwt.decode(token);
  logger.info({ sub: payload?.sub, exp: payload?.exp }, 'token received');
}

export function tokenExpiresSoon(token) {
  const { exp } = jwt.decode(token);
  return exp * 1000 - Date.now() < 60_000;
}`;

// SignOptions/VerifyOptions built by assignment: RS256 algorithm, expiry and pinned verify algorithms.
export const OPTIONS_BY_ASSIGNMENT = `import jwt, { type SignOptions, type VerifyOptions } from 'jsonwebtoken';
const signOptions: SignOptions = {};
signOptions.algorithm = 'RS256';
signOptions.expiresIn = '10m';
const verifyOptions: VerifyOptions = {};
verifyOptions.algorithms = ['RS256'];
export const issue = (sub: string, key: string) => jwt.sign({ sub }, key, signOptions);
export const check = (t: string, key: string) => jwt.verify(t, key, verifyOptions);`;

// Test suite signing tokens with a test-only secret (env first) to exercise expired and valid tokens.
export const SUPERTEST_SIGNED_TOKENS = `import jwt from 'jsonwebtoken';
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
});`;

// Tokens carrying only minimal, non-sensitive claims (sub, role, tenant, purpose), each with an expiry and algorithm.
export const MINIMAL_CLAIMS = `import jwt from 'jsonwebtoken';
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
}`;

// NestJS access/refresh tokens with separate ConfigService secrets and short/long expiries.
export const NEST_ACCESS_REFRESH_TOKENS = `import { Injectable } from '@nestjs/common';
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
}`;

// Browser client keeping the access token in memory; jwtDecode only for refresh timing and UI role, refresh request sent with credentials (cookie), not from storage.
export const JWT_DECODE_REFRESH_TIMER = `import { jwtDecode } from 'jwt-decode';
import axios from 'axios';

interface Claims { exp: number; sub: string; role: string }

let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

export function setAccessToken(token: string) {
  accessToken = token;
  const { exp } = jwtDecode<Claims>(token);
  const msUntilRefresh = exp * 1000 - Date.now() - 60_000;
  clearTimeout(refreshTimer);
  if (msUntilRefresh > 0) {
    refreshTimer = setTimeout(refresh, msUntilRefresh);
  }
}

export function isExpired(token: string): boolean {
  const claims = jwtDecode<Claims>(token);
  return claims.exp * 1000 < Date.now();
}

export function currentRole(): string | null {
  if (!accessToken) return null;
  const claims = jwtDecode<Claims>(accessToken);
  return claims.role === 'admin' ? 'admin' : 'user';
}

async function refresh() {
  const { data } = await axios.post('/auth/refresh', null, { withCredentials: true });
  setAccessToken(data.accessToken);
}`;

/** jose 2.x in an Express app: RS256 keys from PEM files, allow-lists, short lifetimes, a small clock tolerance. */
export const JOSE2_PEM_KEYS = `const fs = require('fs');
const path = require('path');
const { JWT, JWK } = require('jose');

const privateKey = JWK.asKey(fs.readFileSync(path.join(__dirname, '..', 'keys', 'jwt-private.pem')));
const publicKey = JWK.asKey(fs.readFileSync(path.join(__dirname, '..', 'keys', 'jwt-public.pem')));
const ISSUER = 'https://api.example.com';

exports.issueAccessToken = (user) =>
  JWT.sign({ sub: String(user.id), scope: user.scopes.join(' ') }, privateKey, {
    algorithm: 'RS256',
    expiresIn: '15 minutes',
    issuer: ISSUER,
  });

exports.requireAuth = (req, res, next) => {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: 'missing token' });
  try {
    req.user = JWT.verify(token, publicKey, { algorithms: ['RS256'], issuer: ISSUER, clockTolerance: '30s' });
    return next();
  } catch (err) {
    return res.status(401).json({ error: 'invalid token' });
  }
};`;

/** jwt-simple with the secret from the environment: `exp` in seconds, the algorithm named on both sides. */
export const JWT_SIMPLE_ENV_SECRET = `const jwt = require('jwt-simple');

const SECRET = process.env.JWT_SECRET;
if (!SECRET) throw new Error('JWT_SECRET must be set');
const TTL_SECONDS = 60 * 15;

function encodeToken(user) {
  const now = Math.floor(Date.now() / 1000);
  return jwt.encode({ sub: user.id, iat: now, exp: now + TTL_SECONDS }, SECRET, 'HS256');
}

function ensureAuthenticated(req, res, next) {
  if (!req.headers.authorization) return res.status(401).send({ message: 'Please log in' });
  const token = req.headers.authorization.split(' ')[1];
  try {
    const payload = jwt.decode(token, SECRET, false, 'HS256');
    req.user = payload.sub;
    return next();
  } catch (err) {
    return res.status(401).send({ message: 'Token is invalid or expired' });
  }
}

module.exports = { encodeToken, ensureAuthenticated };`;
