import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-sensitive-jwt-payload.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';
import { CONFIG_PACKAGE_ACCESS_REFRESH, FASTIFY_JWT_KEY_PAIR, HONO_JWT_BINDINGS, JOSE_SESSIONS_AND_JWKS, MINIMAL_CLAIMS, NEST_ACCESS_REFRESH_TOKENS, NEST_AUTH_SERVICE_SIGN_IN, PROMISIFIED_VERIFY_MIDDLEWARE, SUPERTEST_SIGNED_TOKENS, JOSE2_PEM_KEYS, JWT_SIMPLE_ENV_SECRET } from './token-modules.js';

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
    { code: CONFIG_PACKAGE_ACCESS_REFRESH, languageOptions: ts },
    { code: PROMISIFIED_VERIFY_MIDDLEWARE, languageOptions: cjsAsModule },
    { code: JOSE_SESSIONS_AND_JWKS, languageOptions: ts },
    { code: NEST_AUTH_SERVICE_SIGN_IN, languageOptions: ts },
    { code: FASTIFY_JWT_KEY_PAIR, languageOptions: ts },
    { code: HONO_JWT_BINDINGS, languageOptions: ts },
    { code: MINIMAL_CLAIMS, languageOptions: ts },
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
    { code: NEST_ACCESS_REFRESH_TOKENS, languageOptions: ts },
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
    { code: SUPERTEST_SIGNED_TOKENS, languageOptions: ts },
    // jose 1.x/2.x and jwt-simple: explicit claims
    { code: "const { JWT } = require('jose');\nexports.issue = (user, key) => JWT.sign({ sub: user.id, role: user.role }, key, { expiresIn: '15 minutes' });", languageOptions: cjs },
    { code: "const jwt = require('jwt-simple');\nexports.issue = (user) => jwt.encode({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 900 }, process.env.JWT_SECRET);", languageOptions: cjs },
    { code: "import jwt from 'jwt-simple';\nexport const issue = (user: { id: string; email: string }) => jwt.encode({ sub: user.id, email: user.email }, process.env.JWT_SECRET as string);", languageOptions: ts },
    // jwt-simple decode is not a sign call
    { code: "const jwt = require('jwt-simple');\nconst { password } = jwt.decode(token, process.env.JWT_SECRET);", languageOptions: cjs },
    // Whole modules: jose 2.x with PEM keys, jwt-simple with the secret from the environment
    { code: JOSE2_PEM_KEYS, languageOptions: cjs },
    { code: JWT_SIMPLE_ENV_SECRET, languageOptions: cjs },
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
    // jose 1.x/2.x `JWT.sign()` and jwt-simple `encode()`
    ...acrossParsers(
      [
        {
          code: "const { JWT } = require('jose');\nexports.issue = (user, key) => JWT.sign({ sub: user.id, passwordHash: user.passwordHash }, key, { expiresIn: '1h' });",
          errors: [{ messageId: 'sensitiveField' as const, line: 2, column: 57, data: { library: 'jose', field: 'passwordHash' } }],
        },
        {
          code: "const jwt = require('jwt-simple');\nexports.login = async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  res.json({ token: jwt.encode(user, process.env.JWT_SECRET) });\n};",
          errors: [{ messageId: 'wholeRecord' as const, line: 4, column: 32 }],
        },
      ],
      [esm, cjs, ts],
    ),
  ],
});
