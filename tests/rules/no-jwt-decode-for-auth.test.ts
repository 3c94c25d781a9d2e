import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-jwt-decode-for-auth.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts, tsx } from '../helpers.js';

const ruleTester = new RuleTester();

const JWT = `import jwt from 'jsonwebtoken';\n`;

ruleTester.run('no-jwt-decode-for-auth', rule, {
  valid: [
    // Verified tokens.
    `${JWT}function auth(req, res, next) { req.user = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET, { algorithms: ['HS256'] }); next(); }`,
    // Decoded after being verified in the same function.
    `${JWT}function authenticate(req, res, next) {\n  const token = req.cookies.token;\n  jwt.verify(token, SECRET, { algorithms: ['HS256'] });\n  req.user = jwt.decode(token);\n  next();\n}`,
    // Decoded to find the key, then verified (JWKS `kid` lookup).
    `${JWT}async function verifyToken(token) {\n  const decoded = jwt.decode(token, { complete: true });\n  if (!decoded) throw new Error('malformed');\n  const key = await client.getSigningKey(decoded.header.kid);\n  return jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'] });\n}`,
    `${JWT}function keyFor(token) { const { header } = jwt.decode(token, { complete: true }); return keys[header.kid]; }`,
    // Logging and debugging.
    `${JWT}console.log(jwt.decode(token));`,
    `${JWT}logger.debug({ claims: jwt.decode(token) }, 'incoming token');`,
    `${JWT}const payload = jwt.decode(token); console.info('token for', payload.sub);`,
    `${JWT}function describeToken(token) { const claims = jwt.decode(token); return claims; }`,
    `${JWT}app.get('/debug/token', (req, res) => { res.json(jwt.decode(req.query.token)); });`,
    // Reading the expiry only to schedule a refresh, outside any check.
    `${JWT}const { exp } = jwt.decode(refreshToken); scheduleRefresh(exp * 1000);`,
    // Client code: jwt-decode / jose in the browser drives the UI, the API still verifies.
    {
      code: `import { jwtDecode } from 'jwt-decode';\nexport function Menu({ token }) {\n  const { role } = jwtDecode(token);\n  return role === 'admin' ? <AdminMenu /> : <UserMenu />;\n}`,
      languageOptions: tsx,
    },
    `import { decodeJwt } from 'jose';\nexport function isExpired(token) { const { exp } = decodeJwt(token); return exp * 1000 < Date.now(); }`,
    `import jwt_decode from 'jwt-decode';\nexport function getCurrentUser() { return jwt_decode(localStorage.getItem('token')); }`,
    // Behind a verifying middleware in the same file.
    `${JWT}import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.SECRET, algorithms: ['HS256'] }));\napp.get('/me', (req, res) => { const claims = jwt.decode(req.headers.authorization.split(' ')[1]); if (claims.role !== 'admin') return res.sendStatus(403); res.json(claims); });`,
    // Not jsonwebtoken.
    `import { decode } from './codec'; function authenticate(req) { req.user = decode(req.headers.authorization); }`,
    `const payload = Buffer.from(part, 'base64url').toString(); if (payload === expected) ok();`,
    `const jwt = { decode: (t) => t }; req.user = jwt.decode(token);`,
    `base64.decode(token) === x;`,
    // Verify-based code in other libraries.
    `import { jwtVerify } from 'jose'; export async function authenticate(token) { const { payload } = await jwtVerify(token, key); return payload; }`,
    {
      code: `import { JwtService } from '@nestjs/jwt';\nexport class AuthGuard {\n  constructor(private jwtService: JwtService) {}\n  async canActivate(ctx: ExecutionContext) {\n    const request = ctx.switchToHttp().getRequest();\n    request.user = await this.jwtService.verifyAsync(extract(request));\n    return true;\n  }\n}`,
      languageOptions: ts,
    },
    // Checks that do not guard anything, and tests asserting on tokens the code signed.
    `${JWT}const decoded = jwt.decode(token); if (decoded) logger.info('token for %s', decoded.sub);`,
    `${JWT}const decoded = jwt.decode(accessToken); if (decoded?.exp && decoded.exp * 1000 < Date.now() + 60_000) refreshSoon();`,
    `${JWT}it('signs the role', () => { const token = issue(user); expect(jwt.decode(token).role).toBe('admin'); });`,
    `${JWT}test('claims', () => { const claims = jwt.decode(token); assert(claims.sub === '42'); assert.ok(claims.roles.includes('admin')); });`,
    `${JWT}const { iss } = jwt.decode(token);\nexport async function check(token) { return jwt.verify(token, iss === 'google' ? googleKey : localKey, { algorithms: ['RS256'] }); }`,
    `${JWT}async function verify(token) { const { iss } = jwt.decode(token); const key = iss === GOOGLE ? googleKey : localKey; return jwt.verify(token, key, { algorithms: ['RS256'] }); }`,
    `${JWT}const decoded = jwt.decode(token); const expiresIn = decoded.exp - Math.floor(Date.now() / 1000); res.json({ expiresIn });`,
    `${JWT}function tokenInfo(token) { const { sub, exp } = jwt.decode(token); return { sub, exp }; }`,
    `${JWT}function getSubject(token) { const decoded = jwt.decode(token); if (!decoded) throw new Error('Malformed token'); return decoded.sub; }`,
    `import { decodeJwt } from 'jose';\nsocket.on('auth', (data) => { const { role } = decodeJwt(data.token); if (role === 'admin') showAdminPanel(); });`,
    `import { jwtDecode } from 'jwt-decode';\nexport const useIsAdmin = () => { const { roles } = jwtDecode(useToken()); return roles.includes('admin'); };`,
    // Strange code.
    `${JWT}jwt.decode();`,
    `${JWT}jwt.decode(...args);`,
    `${JWT}jwt['decode'](token);`,
    `${JWT}jwt?.decode?.(token);`,
    { code: `const jwt = require('jsonwebtoken'); module.exports = (token) => jwt.decode(token);`, languageOptions: cjs },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: `${JWT}function auth(req, res, next) {\n  req.user = jwt.decode(req.headers.authorization.split(' ')[1]);\n  next();\n}`,
        errors: [
          {
            messageId: 'decodeForAuth' as const,
            line: 3,
            column: 14,
            data: {
              library: 'jsonwebtoken',
              callee: 'decode',
              use: 'its result is stored in `req.user`',
              verify: '`jwt.verify(token, key, { algorithms })`',
            },
          },
        ],
      },
      {
        code: `${JWT}app.get('/admin', (req, res) => {\n  const decoded = jwt.decode(req.cookies.token);\n  if (decoded.role !== 'admin') return res.sendStatus(403);\n  res.json(stats);\n});`,
        errors: [{ messageId: 'decodeForAuth' as const, line: 3, column: 19 }],
      },
    ]),
    {
      code: `const jwt = require('jsonwebtoken');\nmodule.exports = function authenticate(token) {\n  return jwt.decode(token);\n};`,
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'decodeForAuth', line: 3, column: 10, data: { library: 'jsonwebtoken', callee: 'decode', use: 'its result is returned from `authenticate()`', verify: '`jwt.verify(token, key, { algorithms })`' } }],
    },
    {
      code: `const { decode } = require('jsonwebtoken');\nasync function requireAdmin(ctx, next) {\n  const { roles } = decode(ctx.get('Authorization').slice(7));\n  if (!roles.includes('admin')) ctx.throw(403);\n  await next();\n}`,
      languageOptions: cjs,
      errors: [{ messageId: 'decodeForAuth', line: 3, column: 21 }],
    },
    {
      code: `${JWT}export const loadUser = (req, res, next) => {\n  res.locals.user = { id: jwt.decode(req.query.t).sub };\n  next();\n};`,
      errors: [{ messageId: 'decodeForAuth', line: 3, column: 27 }],
    },
    {
      code: `${JWT}router.use(async (ctx, next) => { ctx.state.user = jwt.decode(ctx.cookies.get('jwt')); await next(); });`,
      errors: [{ messageId: 'decodeForAuth', line: 2, column: 52 }],
    },
    {
      code: `${JWT}function isOwner(req) {\n  const payload = jwt.decode(token) as { sub: string };\n  return payload.sub === req.params.userId;\n}`,
      languageOptions: ts,
      errors: [{ messageId: 'decodeForAuth', line: 3, column: 19 }],
    },
    // A key is visible in the file: suggest verify.
    {
      code: `${JWT}const SECRET = process.env.JWT_SECRET;\nexport function login(user) { return jwt.sign({ sub: user.id }, SECRET, { expiresIn: '1h' }); }\nexport function authMiddleware(req, res, next) {\n  req.user = jwt.decode(req.headers['x-auth-token']);\n  next();\n}`,
      errors: [
        {
          messageId: 'decodeForAuth',
          line: 5,
          column: 14,
          suggestions: [
            {
              messageId: 'useVerify',
              data: { replacement: "jwt.verify(req.headers['x-auth-token'], SECRET, { algorithms: ['HS256'] })" },
              output: `${JWT}const SECRET = process.env.JWT_SECRET;\nexport function login(user) { return jwt.sign({ sub: user.id }, SECRET, { expiresIn: '1h' }); }\nexport function authMiddleware(req, res, next) {\n  req.user = jwt.verify(req.headers['x-auth-token'], SECRET, { algorithms: ['HS256'] });\n  next();\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as jwt from 'jsonwebtoken';\nexport function verifyRefresh(token: string) {\n  jwt.verify(token, process.env.REFRESH_SECRET!, { algorithms: ['HS512'] });\n}\nexport function authenticate(req: Request) {\n  const claims = jwt.decode(req.headers.authorization!);\n  if (!claims) throw new Unauthorized();\n  return claims;\n}`,
      languageOptions: ts,
      errors: [
        {
          messageId: 'decodeForAuth',
          line: 6,
          column: 18,
          suggestions: [
            {
              messageId: 'useVerify',
              data: { replacement: "jwt.verify(req.headers.authorization!, process.env.REFRESH_SECRET!, { algorithms: ['HS512'] })" },
              output: `import * as jwt from 'jsonwebtoken';\nexport function verifyRefresh(token: string) {\n  jwt.verify(token, process.env.REFRESH_SECRET!, { algorithms: ['HS512'] });\n}\nexport function authenticate(req: Request) {\n  const claims = jwt.verify(req.headers.authorization!, process.env.REFRESH_SECRET!, { algorithms: ['HS512'] });\n  if (!claims) throw new Unauthorized();\n  return claims;\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `const jwt = require('jsonwebtoken');\nconst secret = process.env.SECRET;\nexports.issue = (id) => jwt.sign({ sub: id }, secret, { algorithm: 'HS384' });\nexports.authenticate = (token) => jwt.decode(token);`,
      languageOptions: cjs,
      errors: [
        {
          messageId: 'decodeForAuth',
          line: 4,
          column: 35,
          suggestions: [
            {
              messageId: 'useVerify',
              data: { replacement: "jwt.verify(token, secret, { algorithms: ['HS384'] })" },
              output: `const jwt = require('jsonwebtoken');\nconst secret = process.env.SECRET;\nexports.issue = (id) => jwt.sign({ sub: id }, secret, { algorithm: 'HS384' });\nexports.authenticate = (token) => jwt.verify(token, secret, { algorithms: ['HS384'] });`,
            },
          ],
        },
      ],
    },
    {
      code: `${JWT}import fs from 'node:fs';\nconst privateKey = fs.readFileSync('private.pem');\nexport const issue = (id) => jwt.sign({ sub: id }, privateKey, { algorithm: 'RS256' });\nexport function authenticate(token) { return jwt.decode(token); }`,
      errors: [{ messageId: 'decodeForAuth', line: 5, column: 46 }],
    },
    // jose
    {
      code: `import { decodeJwt } from 'jose';\nexport async function GET(request) {\n  const claims = decodeJwt(request.headers.get('authorization').slice(7));\n  if (claims.role !== 'admin') return new Response(null, { status: 403 });\n  return Response.json(await loadStats());\n}`,
      languageOptions: esm,
      errors: [{ messageId: 'decodeForAuth', line: 3, column: 18, data: { library: 'jose', callee: 'decodeJwt', use: 'its result decides an access check', verify: '`await jwtVerify(token, key)`' } }],
    },
    // jwt-decode on a server
    {
      code: `import express from 'express';\nimport { jwtDecode } from 'jwt-decode';\nconst app = express();\napp.use((req, res, next) => { req.user = jwtDecode(req.headers.authorization); next(); });`,
      languageOptions: esm,
      errors: [{ messageId: 'decodeForAuth', line: 4, column: 42 }],
    },
    {
      code: `import jwt_decode from 'jwt-decode';\nimport { Hono } from 'hono';\nconst app = new Hono();\napp.get('/admin', (c) => {\n  const { isAdmin } = jwt_decode(c.req.header('Authorization'));\n  return isAdmin ? c.json(secrets) : c.text('Forbidden', 403);\n});`,
      languageOptions: ts,
      errors: [{ messageId: 'decodeForAuth', line: 5, column: 23 }],
    },
    // @nestjs/jwt
    {
      code: `import { JwtService } from '@nestjs/jwt';\nexport class RolesGuard {\n  constructor(private readonly jwt: JwtService) {}\n  canActivate(context: ExecutionContext): boolean {\n    const req = context.switchToHttp().getRequest();\n    const payload = this.jwt.decode(req.headers.authorization);\n    return payload.roles.includes('admin');\n  }\n}`,
      languageOptions: ts,
      errors: [{ messageId: 'decodeForAuth', line: 6, column: 21 }],
    },
    // hono/jwt
    {
      code: `import { decode } from 'hono/jwt';\napp.use('/api/*', async (c, next) => {\n  const { payload } = decode(c.req.header('Authorization')!.slice(7));\n  if (payload.exp < Date.now() / 1000) return c.text('expired', 401);\n  await next();\n});`,
      languageOptions: ts,
      errors: [{ messageId: 'decodeForAuth', line: 3, column: 23 }],
    },
    // @fastify/jwt
    {
      code: `import fastifyJwt from '@fastify/jwt';\nfastify.addHook('onRequest', async (request, reply) => {\n  const claims = await request.jwtDecode();\n  if (claims.scope !== 'admin') reply.code(403).send();\n});`,
      languageOptions: esm,
      errors: [{ messageId: 'decodeForAuth', line: 3, column: 24 }],
    },
  ],
});
