import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-sensitive-jwt-payload.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const JWT = `import jwt from 'jsonwebtoken';\n`;

ruleTester.run('no-sensitive-jwt-payload', rule, {
  valid: [
    // Explicit claims.
    `${JWT}jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, { expiresIn: '15m' });`,
    `${JWT}jwt.sign({ id: user._id, email: user.email }, secret);`,
    `${JWT}const payload = { sub: String(user.id), roles: user.roles, tenant: user.tenantId }; jwt.sign(payload, key);`,
    `${JWT}jwt.sign({ sub: account.id, scope: 'read:orders' }, secret);`,
    `${JWT}jwt.sign({ user: { id: user.id, name: user.name } }, secret);`,
    `${JWT}jwt.sign({ userId: user.id, passwordChangedAt: user.passwordChangedAt }, secret);`,
    `${JWT}jwt.sign({ sub: user.id, hashtags: post.hashtags }, secret);`,
    `${JWT}jwt.sign({ sub: user.id, fileHash: upload.sha256 }, secret);`,
    `${JWT}jwt.sign(claims, secret);`,
    `${JWT}jwt.sign({ ...claims, iat: now }, secret);`,
    `${JWT}const user = { id: dbUser.id, role: dbUser.role }; jwt.sign(user, secret);`,
    `${JWT}jwt.sign({ sub: user.id }, secret, { algorithm: 'HS256' });`,
    `${JWT}jwt.sign(_.pick(user, ['id', 'role']), secret);`,
    `${JWT}jwt.sign({ sub: req.user.id }, secret);`,
    // Refresh tokens that carry only an id.
    `${JWT}const refreshToken = jwt.sign({ sub: user.id, tokenVersion: user.tokenVersion }, refreshSecret, { expiresIn: '7d' });`,
    // Queries that name their fields.
    `${JWT}import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nconst user = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true } });\njwt.sign(user, secret);`,
    // Omitting fields explicitly.
    `${JWT}jwt.sign(_.omit(user, ['password', 'salt']), secret);`,
    // Names that only look sensitive.
    `${JWT}jwt.sign({ sub: user.id, userAgent: req.headers['user-agent'], passwordPolicy: 'strong' }, secret);`,
    `${JWT}jwt.sign({ sub: user.id, userName: user.name, accountId: user.accountId }, secret);`,
    `${JWT}const token = jwt.sign({ sub: user.id, type: 'refresh' }, process.env.REFRESH_SECRET, { expiresIn: '30d' });`,
    `${JWT}jwt.sign({ sub: apiClient.id, keyId: apiClient.keyId, publicKey: apiClient.publicKey }, secret);`,
    `${JWT}jwt.sign(buildClaims(user), secret);`,
    `${JWT}jwt.sign({ sub: user.id }, secret, (err, token) => { if (err) return next(err); res.json({ token }); });`,
    `${JWT}jwt.sign(JSON.stringify({ sub: id }), secret);`,
    `${JWT}jwt.sign('plain-string-payload', secret);`,
    `${JWT}jwt.sign({ sub: user.id, email: user.email, emailVerified: user.emailVerified }, secret);`,
    `${JWT}jwt.sign({ sub: user.id, hasPassword: Boolean(user.passwordHash) }, secret);`,
    `${JWT}jwt.sign({ sub: user.id, mfa: user.otpEnabled }, secret);`,
    `${JWT}jwt.sign({ data: { id: user.id } }, secret);`,
    `${JWT}const payload = { sub: user.id, ...extraClaims };\njwt.sign(payload, secret);`,
    `${JWT}jwt.sign({ sub: String(user._id), plan: member.plan }, secret);`,
    `${JWT}jwt.sign({ sub: user.id, roles: user.roles.map((r) => r.name) }, secret);`,
    `import { SignJWT } from 'jose'; await new SignJWT({ 'urn:example:claim': true }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);`,
    `import fastifyJwt from '@fastify/jwt'; const token = fastify.jwt.sign({ sub: request.user.id });`,
    `import { sign } from 'hono/jwt'; await sign({ sub: c.get('userId'), role: 'member' }, c.env.SECRET);`,
    `${JWT}jwt.sign({ sub: user.id, ver: user.tokenVersion, amr: ['pwd'] }, secret);`,
    `${JWT}jwt.sign({ sub: String(account.id), tid: account.tenantId }, secret);`,
    `${JWT}jwt.sign({ sub: user.id, pwdChangedAt: user.passwordChangedAt.getTime() }, secret);`,
    `${JWT}const invite = { email, orgId }; jwt.sign(invite, secret, { expiresIn: '2d' });`,
    `${JWT}jwt.sign({ sub: user.id, name: \`\${user.firstName} \${user.lastName}\` }, secret);`,
    // Typed parameters that spell out their fields.
    { code: `${JWT}export function issue(user: { id: string; role: string }) { return jwt.sign(user, secret); }`, languageOptions: ts },
    { code: `${JWT}export const issue = (user: Pick<User, 'id' | 'role'>) => jwt.sign(user, secret);`, languageOptions: ts },
    // Not a JWT library.
    `const user = await User.findOne({ email }); crypto.sign('sha256', Buffer.from(JSON.stringify(user)), key);`,
    `import { sign } from './signing'; sign({ password: 'x' });`,
    `request.sign(user);`,
    `const jwt = { sign() {} }; jwt.sign(user);`,
    // Verify and decode are other rules' business.
    `${JWT}jwt.verify(token, secret, { algorithms: ['HS256'] });`,
    `${JWT}const user = jwt.decode(token);`,
    // Strange code.
    `${JWT}jwt.sign();`,
    `${JWT}jwt.sign(...args);`,
    `${JWT}jwt.sign({ [field]: value }, secret);`,
    `${JWT}jwt?.sign?.({ sub: user?.id }, secret);`,
    // jose / NestJS / Fastify / Hono with explicit claims.
    `import { SignJWT } from 'jose'; await new SignJWT({ role: user.role }).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).sign(key);`,
    {
      code: `import { Injectable } from '@nestjs/common';\nimport { JwtService } from '@nestjs/jwt';\n@Injectable()\nexport class AuthService {\n  constructor(private readonly jwtService: JwtService) {}\n  login(user: User) { return { access_token: this.jwtService.sign({ sub: user.id, username: user.username }) }; }\n}`,
      languageOptions: ts,
    },
    `import fastifyJwt from '@fastify/jwt'; fastify.post('/login', async (request, reply) => { const token = await reply.jwtSign({ sub: user.id }); return { token }; });`,
    `import { sign } from 'hono/jwt'; const token = await sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 300 }, c.env.JWT_SECRET);`,
    { code: `const jwt = require('jsonwebtoken'); jwt.sign({ sub: user.id }, process.env.SECRET);`, languageOptions: cjs },
    // Whole modules: claims built in helpers, local interfaces and aliases, renamed sign functions, request bodies
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
    { code: `import jwt from 'jsonwebtoken';

export function signUser(userId: string, userRole: string) {
  const user = { sub: userId, role: userRole };
  return jwt.sign(user, process.env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}

export function signAccount(account: { id: string; plan: string }) {
  return jwt.sign({ sub: account.id, plan: account.plan }, process.env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}

type SessionUser = Pick<{ id: string; role: string; password: string }, 'id' | 'role'>;
export function signSession(sessionUser: SessionUser) {
  return jwt.sign(sessionUser, process.env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}

export function signProfile(profileId: string, user: { id: string; name: string }) {
  return jwt.sign({ sub: profileId, user: { id: user.id } }, process.env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}`, languageOptions: ts },
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
    { code: `import jwt from 'jsonwebtoken';
interface TokenUser {
  id: string;
  role: 'admin' | 'member';
}
export function issue(user: TokenUser) {
  return jwt.sign(user, process.env.JWT_SECRET!, { expiresIn: '15m' });
}`, languageOptions: ts },
    { code: `import jwt from 'jsonwebtoken';
const express = require('express');
const router = express.Router();
router.post('/login', async (req, res) => {
  const user = await authenticate(req.body.email, req.body.password);
  res.json({ token: jwt.sign({ sub: user.id, email: req.body.email }, process.env.JWT_SECRET, { expiresIn: '15m' }) });
});`, languageOptions: esm },
    { code: `const { sign: issueToken } = require('jsonwebtoken');
exports.issue = (account) => issueToken({ sub: account.id, plan: account.plan }, process.env.JWT_SECRET, { expiresIn: '1h' });`, languageOptions: cjs },
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
    ...acrossParsers([
      {
        code: `${JWT}jwt.sign({ id: user.id, password: user.password }, secret);`,
        errors: [{ messageId: 'sensitiveField' as const, line: 2, column: 25, data: { library: 'jsonwebtoken', field: 'password' } }],
      },
      {
        code: `${JWT}jwt.sign(user, secret);`,
        errors: [{ messageId: 'wholeRecord' as const, line: 2, column: 10 }],
      },
      {
        code: `${JWT}const token = jwt.sign({ ...user, iat: Date.now() }, secret);`,
        errors: [{ messageId: 'wholeRecord' as const, line: 2, column: 26 }],
      },
    ]),
    {
      code: `const jwt = require('jsonwebtoken');\nconst user = await User.findOne({ email: req.body.email });\nres.json({ token: jwt.sign(user.toJSON(), process.env.JWT_SECRET) });`,
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'wholeRecord', line: 3, column: 28 }],
    },
    {
      code: `const { sign } = require('jsonwebtoken');\nconst found = await Users.findByPk(id);\nsign(found.get({ plain: true }), key);`,
      languageOptions: cjs,
      errors: [{ messageId: 'wholeRecord', line: 3, column: 6 }],
    },
    {
      code: `${JWT}import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nconst record = await prisma.user.findUnique({ where: { email } });\njwt.sign({ record }, secret);`,
      errors: [{ messageId: 'wholeRecord', line: 5, column: 12 }],
    },
    {
      code: `${JWT}jwt.sign({ sub: u.id, passwordHash: u.passwordHash, salt: u.salt }, secret);`,
      errors: [
        { messageId: 'sensitiveField', line: 2, column: 23, data: { library: 'jsonwebtoken', field: 'passwordHash' } },
        { messageId: 'sensitiveField', line: 2, column: 53, data: { library: 'jsonwebtoken', field: 'salt' } },
      ],
    },
    {
      code: `${JWT}const claims = { sub: customer.id, ssn: customer.ssn };\njwt.sign(claims, secret);`,
      errors: [{ messageId: 'sensitiveField', line: 2, column: 36, data: { library: 'jsonwebtoken', field: 'ssn' } }],
    },
    {
      code: `${JWT}jwt.sign({ sub: id, card: order.cardNumber, cvv }, secret);`,
      errors: [
        { messageId: 'sensitiveField', line: 2, column: 27, data: { library: 'jsonwebtoken', field: 'cardNumber' } },
        { messageId: 'sensitiveField', line: 2, column: 45, data: { library: 'jsonwebtoken', field: 'cvv' } },
      ],
    },
    {
      code: `${JWT}jwt.sign({ sub: client.id, apiKey: client.apiKey, secret: client.secret }, key);`,
      errors: [
        { messageId: 'sensitiveField', line: 2, column: 28, data: { library: 'jsonwebtoken', field: 'apiKey' } },
        { messageId: 'sensitiveField', line: 2, column: 51, data: { library: 'jsonwebtoken', field: 'secret' } },
      ],
    },
    {
      code: `${JWT}jwt.sign({ user }, secret, { expiresIn: '1h' });`,
      errors: [{ messageId: 'wholeRecord', line: 2, column: 12 }],
    },
    {
      code: `${JWT}jwt.sign(JSON.parse(JSON.stringify(existingUser)), secret);`,
      errors: [{ messageId: 'wholeRecord', line: 2, column: 36 }],
    },
    {
      code: `${JWT}jwt.sign(Object.assign({}, req.user, { scope }), secret);`,
      errors: [{ messageId: 'wholeRecord', line: 2, column: 28 }],
    },
    {
      code: `${JWT}function issue(user) {\n  return jwt.sign({ ...user.dataValues }, SECRET);\n}`,
      errors: [{ messageId: 'wholeRecord', line: 3, column: 21 }],
    },
    {
      code: `${JWT}const { otp } = await createChallenge();\njwt.sign({ sub: id, otp }, secret);`,
      errors: [{ messageId: 'sensitiveField', line: 3, column: 21 }],
    },
    {
      code: `${JWT}export function issue(user: { id: string; passwordHash: string }) { return jwt.sign(user, secret); }`,
      languageOptions: ts,
      errors: [{ messageId: 'sensitiveField', line: 2, column: 85, data: { library: 'jsonwebtoken', field: 'passwordHash' } }],
    },
    {
      code: `${JWT}export function issue(user: UserEntity) { return jwt.sign(user, secret); }`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', line: 2, column: 59 }],
    },
    // jose
    {
      code: `import { SignJWT } from 'jose';\nconst jwt = await new SignJWT({ ...user }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', line: 2, column: 33, data: { library: 'jose', what: 'the whole `user` record' } }],
    },
    {
      code: `import * as jose from 'jose';\nconst t = await new jose.SignJWT({ sub, password }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);`,
      languageOptions: ts,
      errors: [{ messageId: 'sensitiveField', line: 2, column: 41 }],
    },
    {
      code: `import { UnsecuredJWT } from 'jose';\nconst unsigned = new UnsecuredJWT({ sub: user.id, apiKey: user.apiKey }).encode();`,
      languageOptions: esm,
      errors: [{ messageId: 'sensitiveField', line: 2, column: 51 }],
    },
    {
      code: `${JWT}jwt.sign(structuredClone(currentUser), secret);`,
      errors: [{ messageId: 'wholeRecord', line: 2, column: 26 }],
    },
    {
      code: `${JWT}const doc = await UserModel.findById(id);\njwt.sign(doc._doc, secret);`,
      errors: [{ messageId: 'wholeRecord', line: 3, column: 10 }],
    },
    // @nestjs/jwt
    {
      code: `import { JwtService } from '@nestjs/jwt';\nexport class AuthService {\n  constructor(private jwtService: JwtService, private users: UsersService) {}\n  async login(email: string) {\n    const user = await this.users.findByEmail(email);\n    return this.jwtService.signAsync(user);\n  }\n}`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', line: 6, column: 38, data: { library: '@nestjs/jwt', what: 'the whole `user` record' } }],
    },
    // @fastify/jwt
    {
      code: `import fastifyJwt from '@fastify/jwt';\nfastify.post('/login', async (request, reply) => {\n  const token = await reply.jwtSign({ sub: user.id, hash: user.hash });\n  return { token };\n});`,
      languageOptions: esm,
      errors: [{ messageId: 'sensitiveField', line: 3, column: 53, data: { library: '@fastify/jwt', field: 'hash' } }],
    },
    {
      code: `const fastifyJwt = require('@fastify/jwt');\nconst token = fastify.jwt.sign(account);`,
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'wholeRecord', line: 2, column: 32 }],
    },
    // hono
    {
      code: `import { sign } from 'hono/jwt';\nconst token = await sign({ sub: user.id, creditCard: user.creditCard }, c.env.JWT_SECRET);`,
      languageOptions: ts,
      errors: [{ messageId: 'sensitiveField', line: 2, column: 42, data: { library: 'hono/jwt', field: 'creditCard' } }],
    },
    // Whole modules: claims built in helpers, local interfaces and aliases, renamed sign functions, request bodies
    { code: `const jwt = require('jsonwebtoken');
const express = require('express');
const app = express();
app.post('/signup', async (req, res) => {
  await db.users.insert({ email: req.body.email, password: await hash(req.body.password) });
  const token = jwt.sign(req.body, process.env.JWT_SECRET, { expiresIn: '1h' });
  const t2 = jwt.sign({ sub: req.body.email }, process.env.JWT_SECRET, { expiresIn: '1h' });
  res.json({ token, t2 });
});`, languageOptions: cjs, errors: [{ messageId: 'requestBody', line: 6, column: 26 }] },
    { code: `import { NextResponse } from 'next/server';
import { SignJWT } from 'jose';
export async function POST(request: Request) {
  const token = await new SignJWT(await request.json()).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);
  return NextResponse.json({ token });
}`, languageOptions: ts, errors: [{ messageId: 'requestBody', line: 4, column: 41 }] },
    { code: `const { sign: issueToken } = require('jsonwebtoken');
exports.issue = (user) => issueToken({ sub: user.id, password: user.password }, process.env.JWT_SECRET, { expiresIn: '1h' });`, languageOptions: cjs, errors: [{ messageId: 'sensitiveField', line: 2, column: 54 }] },
    { code: `import jwt from 'jsonwebtoken';
interface TokenUser {
  id: string;
  passwordHash: string;
}
export function issue(user: TokenUser) {
  return jwt.sign(user, process.env.JWT_SECRET!, { expiresIn: '15m' });
}`, languageOptions: ts, errors: [{ messageId: 'sensitiveField', line: 7, column: 19 }] },
    { code: `import jwt from 'jsonwebtoken';
type Claims = Pick<User, 'id' | 'password'>;
export const issue = (claims: Claims) => jwt.sign(claims, process.env.JWT_SECRET!, { expiresIn: '15m' });`, languageOptions: ts, errors: [{ messageId: 'sensitiveField', line: 3, column: 51 }] },
  ],
});
