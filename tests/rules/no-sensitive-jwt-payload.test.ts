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
  ],
});
