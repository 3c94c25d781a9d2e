import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-jwt-decode-for-auth.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts, tsx } from '../helpers.js';
import { JOSE_SESSIONS_AND_JWKS, JWKS_DECODE_THEN_VERIFY, JWT_DECODE_REFRESH_TIMER, SUPERTEST_SIGNED_TOKENS, JOSE2_PEM_KEYS, JWT_SIMPLE_ENV_SECRET } from './token-modules.js';

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
    // Whole modules as projects write them: logout and refresh hints that read only `exp`/`jti`, client guards, verify-then-decode
    { code: JOSE_SESSIONS_AND_JWKS, languageOptions: ts },
    { code: SUPERTEST_SIGNED_TOKENS, languageOptions: ts },
    { code: JWT_DECODE_REFRESH_TIMER, languageOptions: ts },
    { code: JWKS_DECODE_THEN_VERIFY, languageOptions: esm },
    { code: `import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

export function auth(req: Request, res: Response, next: NextFunction) {
  const token = req.header('authorization')?.split(' ')[1];
  if (!token) return res.sendStatus(401);
  try {
    jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  } catch {
    return res.sendStatus(401);
  }
  const claims = jwt.decode(token) as { sub: string; role: string };
  (req as any).user = { id: claims.sub, role: claims.role };
  if (claims.role !== 'admin') return res.sendStatus(403);
  next();
}`, languageOptions: ts },
    { code: `import { Injectable, CanActivate, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Request } from 'express';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private jwtService: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = this.extractTokenFromHeader(request);
    if (!token) throw new UnauthorizedException();
    try {
      const payload = await this.jwtService.verifyAsync(token, { secret: process.env.JWT_SECRET });
      request['user'] = payload;
    } catch {
      throw new UnauthorizedException();
    }
    return true;
  }

  private extractTokenFromHeader(request: Request): string | undefined {
    const [type, token] = request.headers.authorization?.split(' ') ?? [];
    return type === 'Bearer' ? token : undefined;
  }
}`, languageOptions: ts },
    { code: `import express from 'express';
import jwt from 'jsonwebtoken';
import { redis } from './redis.js';

const router = express.Router();

// Logout: blacklist the token until it would have expired anyway. The token is verified by the
// auth middleware mounted on this router; decode only reads \`exp\` and \`jti\`.
router.post('/logout', async (req, res) => {
  const token = req.headers.authorization?.slice(7);
  const { exp, jti } = jwt.decode(token) ?? {};
  if (!exp || !jti) return res.status(400).json({ error: 'bad token' });
  const ttl = exp - Math.floor(Date.now() / 1000);
  if (ttl > 0) await redis.set(\`revoked:\${jti}\`, '1', 'EX', ttl);
  res.status(204).end();
});

router.get('/debug/token', (req, res) => {
  const decoded = jwt.decode(req.query.token, { complete: true });
  res.json({ header: decoded?.header, payload: decoded?.payload });
});
export default router;`, languageOptions: esm },
    { code: `import { jwtDecode } from 'jwt-decode';
import { Navigate, Outlet } from 'react-router-dom';
import { useAuth } from './auth';

export function RequireAdmin() {
  const { accessToken } = useAuth();
  if (!accessToken) return <Navigate to="/login" replace />;
  const { role } = jwtDecode<{ role: string }>(accessToken);
  if (role !== 'admin') return <Navigate to="/" replace />;
  return <Outlet />;
}`, languageOptions: tsx },
    { code: `import { createRouter, createWebHistory } from 'vue-router';
import jwtDecode from 'jwt-decode';
import { store } from './store';

const router = createRouter({ history: createWebHistory(), routes: [] });
router.beforeEach((to) => {
  const token = store.state.accessToken;
  if (to.meta.requiresAuth) {
    if (!token) return '/login';
    const claims = jwtDecode(token);
    if (claims.exp * 1000 < Date.now()) return '/login';
    if (to.meta.admin && !claims.roles.includes('admin')) return '/';
  }
});
export default router;`, languageOptions: esm },
    { code: `import { jwtVerify, decodeJwt, decodeProtectedHeader, createRemoteJWKSet } from 'jose';
const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL!));
export async function authenticate(token: string) {
  const header = decodeProtectedHeader(token);
  if (header.alg !== 'RS256') throw new Error('unexpected alg');
  const { payload } = await jwtVerify(token, jwks, { algorithms: ['RS256'] });
  return payload;
}
export function tokenIssuer(token: string) {
  const { iss } = decodeJwt(token);
  if (!iss || !TRUSTED_ISSUERS.includes(iss)) throw new Error('untrusted issuer');
  return iss;
}`, languageOptions: ts },
    { code: `import jwt_decode from 'jwt-decode';
export function scheduleRefresh(token, refresh) {
  const { exp } = jwt_decode(token);
  const delay = exp * 1000 - Date.now() - 30000;
  if (delay <= 0) return refresh();
  return setTimeout(refresh, delay);
}
export function getUserFromToken(token) {
  if (!token) return null;
  const { sub, name, picture } = jwt_decode(token);
  return { id: sub, name, picture };
}`, languageOptions: esm },
    { code: `import jwt from 'jsonwebtoken';
// the refresh endpoint tells the client when to come back; the token was verified by the router's middleware
export function refreshHint(req, res) {
  const { exp } = jwt.decode(req.cookies.refresh_token) ?? {};
  if (!exp) return res.status(400).json({ error: 'no refresh token' });
  res.json({ retryAfter: exp - Math.floor(Date.now() / 1000) });
}`, languageOptions: esm },
    { code: `import jwt from 'jsonwebtoken';
export function tokenExpiry(req) {
  return jwt.decode(req.headers.authorization?.slice(7) ?? '')?.exp ?? null;
}`, languageOptions: esm },
    // An identity claim returned from a function that takes the request; log shapes and plain helpers are not
    { code: `import jwt from 'jsonwebtoken';
// log context only; the auth middleware verifies
export function logContext(req) {
  const claims = jwt.decode(req.headers.authorization?.slice(7) ?? '');
  return { sub: claims?.sub, path: req.path, method: req.method };
}`, languageOptions: esm },
    { code: `import jwt from 'jsonwebtoken';
export function describeToken(token) {
  const claims = jwt.decode(token);
  return claims?.sub;
}`, languageOptions: esm },
    // koa-jwt verifies tokens before the handlers run
    { code: `const Koa = require('koa');
const koaJwt = require('koa-jwt');
const jwt = require('jsonwebtoken');
const app = new Koa();
app.use(koaJwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
app.use(async (ctx) => {
  // koa-jwt verified the token above; decode only reads its claims
  const { role } = jwt.decode(ctx.get('Authorization').slice(7));
  if (role !== 'admin') ctx.throw(403);
  ctx.body = 'ok';
});`, languageOptions: cjs },
    // A decode function destructured under another name
    { code: `const { decode: peek } = require('jsonwebtoken');
module.exports = function logToken(token, logger) {
  logger.debug({ claims: peek(token) }, 'incoming token');
};`, languageOptions: cjs },
    // jwt-simple: `decode(token, key)` verifies (HS256 by default); peeking with `noVerify` before a verification,
    // or to read `exp` for a refresh timer, decides nothing
    { code: "const jwt = require('jwt-simple');\nmodule.exports = (req, res, next) => {\n  req.user = jwt.decode(req.headers['x-access-token'], process.env.JWT_SECRET);\n  next();\n};", languageOptions: cjs },
    { code: "import jwt from 'jwt-simple';\nexport function auth(req, res, next) {\n  const claims = jwt.decode(req.cookies.token, process.env.JWT_SECRET, false, 'HS256');\n  if (claims.role !== 'admin') return res.sendStatus(403);\n  next();\n}", languageOptions: esm },
    { code: "const jwt = require('jwt-simple');\nfunction auth(req, res, next) {\n  const token = req.headers.authorization;\n  const { iss } = jwt.decode(token, '', true);\n  req.user = jwt.decode(token, keys[iss], false, 'RS256');\n  next();\n}", languageOptions: cjs },
    { code: "import { decode } from 'jwt-simple';\nexport function msUntilExpiry(token: string): number {\n  const { exp } = decode(token, '', true);\n  return exp * 1000 - Date.now();\n}", languageOptions: ts },
    { code: "const jwt = require('jwt-simple');\nconst noVerify = process.env.NODE_ENV === 'test';\nmodule.exports = (req, res, next) => { req.user = jwt.decode(req.headers.token, process.env.JWT_SECRET, noVerify); next(); };", languageOptions: cjs },
    // jose 1.x/2.x: decode to pick the key, then verify the same token; the verified claims decide
    { code: `const { JWT, JWKS } = require('jose');
const keystore = JWKS.asKeyStore(require('./jwks.json'));
module.exports = function authenticate(req, res, next) {
  const token = req.headers.authorization.replace('Bearer ', '');
  const { header } = JWT.decode(token, { complete: true });
  if (!keystore.get({ kid: header.kid })) return res.sendStatus(401);
  req.user = JWT.verify(token, keystore, { algorithms: ['RS256'] });
  next();
};`, languageOptions: cjs },
    { code: "import { JWT } from 'jose';\nexport const auth = (req, res, next) => {\n  req.user = JWT.verify(req.cookies.session, key, { algorithms: ['HS256'] });\n  next();\n};", languageOptions: esm },
    // Whole modules: jose 2.x with PEM keys, jwt-simple with the secret from the environment
    { code: JOSE2_PEM_KEYS, languageOptions: cjs },
    { code: JWT_SIMPLE_ENV_SECRET, languageOptions: cjs },
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
    // Whole modules as projects write them: logout and refresh hints that read only `exp`/`jti`, client guards, verify-then-decode
    { code: `import { Request, Response, NextFunction } from 'express';
import { decode } from 'jsonwebtoken';
export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies.token;
  const payload = decode(token) as { isAdmin?: boolean } | null;
  if (!payload?.isAdmin) return res.status(403).send('forbidden');
  next();
}
export function getUserId(req: Request): string {
  const payload = decode(req.headers.authorization!.replace('Bearer ', '')) as { sub: string };
  return payload.sub;
}
export async function getOrders(req: Request, res: Response) {
  const userId = getUserId(req);
  res.json(await db.orders.findMany({ where: { userId } }));
}`, languageOptions: ts, errors: [{ messageId: 'decodeForAuth', line: 5, column: 19 }, { messageId: 'decodeForAuth', line: 10, column: 19 }] },
    { code: `const jwt = require('jsonwebtoken');
module.exports = async (ctx, next) => {
  const token = ctx.get('Authorization').replace(/^Bearer /, '');
  const decoded = jwt.decode(token);
  ctx.state.user = { id: decoded.id, role: decoded.role };
  await next();
};`, languageOptions: cjs, errors: [{ messageId: 'decodeForAuth', line: 4, column: 19 }] },
    { code: `import { cookies } from 'next/headers';
import { jwtDecode } from 'jwt-decode';
export async function getCurrentUser() {
  const token = (await cookies()).get('session')?.value;
  if (!token) return null;
  const claims = jwtDecode<{ sub: string; role: string }>(token);
  return { id: claims.sub, role: claims.role };
}`, languageOptions: ts, errors: [{ messageId: 'decodeForAuth', line: 6, column: 18 }] },
    { code: `import jwt from 'jsonwebtoken';
export function requireFreshToken(req, res, next) {
  const { exp } = jwt.decode(req.headers.authorization.slice(7));
  if (exp * 1000 < Date.now()) return res.status(401).end();
  next();
}`, languageOptions: esm, errors: [{ messageId: 'decodeForAuth', line: 3, column: 19 }] },
    // An identity claim returned from a function that takes the request; log shapes and plain helpers are not
    { code: `const jwt = require('jsonwebtoken');
function ownerIdOf(req) {
  return jwt.decode(req.cookies.session)?.userId;
}
module.exports = async function listOrders(req, res) {
  res.json(await Order.find({ owner: ownerIdOf(req) }));
};`, languageOptions: cjs, errors: [{ messageId: 'decodeForAuth', line: 3, column: 10 }] },
    // A decode function destructured under another name
    { code: `const { decode: peek } = require('jsonwebtoken');
module.exports = function attachUser(req, res, next) {
  req.user = peek(req.headers.authorization.slice(7));
  next();
};`, languageOptions: cjs, errors: [{ messageId: 'decodeForAuth', line: 3, column: 14 }] },
    // jose 1.x/2.x `JWT.decode()` (Node.js only): the claims decide access
    ...acrossParsers(
      [
        {
          code: "const { JWT } = require('jose');\nmodule.exports = function requireUser(req, res, next) {\n  req.user = JWT.decode(req.headers.authorization.split(' ')[1]);\n  next();\n};",
          errors: [
            {
              messageId: 'decodeForAuth' as const,
              line: 3,
              column: 14,
              data: { library: 'jose', callee: 'decode', use: 'its result is stored in `req.user`', verify: '`JWT.verify(token, key, { algorithms })`' },
            },
          ],
        },
        // jwt-simple: `true` as `noVerify`, the claims stored as the caller
        {
          code: "const jwt = require('jwt-simple');\nmodule.exports = (req, res, next) => {\n  req.user = jwt.decode(req.headers['x-access-token'], process.env.JWT_SECRET, true);\n  next();\n};",
          errors: [
            {
              messageId: 'noVerifyDecode' as const,
              line: 3,
              column: 80,
              data: {
                library: 'jwt-simple',
                callee: 'decode',
                arg: '`true`',
                use: ', yet its result is stored in `req.user`',
                advice: 'remove the third argument so that the signature is checked.',
              },
              suggestions: [
                {
                  messageId: 'useVerify' as const,
                  output: "const jwt = require('jwt-simple');\nmodule.exports = (req, res, next) => {\n  req.user = jwt.decode(req.headers['x-access-token'], process.env.JWT_SECRET);\n  next();\n};",
                },
              ],
            },
          ],
        },
        // an algorithm written where `noVerify` goes: reported however the result is used
        {
          code: "const jwt = require('jwt-simple');\nmodule.exports = function requireAuth(req, res, next) {\n  try {\n    jwt.decode(req.headers.token, process.env.JWT_SECRET, 'HS256');\n    next();\n  } catch (err) {\n    res.status(401).end();\n  }\n};",
          errors: [
            {
              messageId: 'noVerifyDecode' as const,
              line: 4,
              column: 59,
              data: {
                library: 'jwt-simple',
                callee: 'decode',
                arg: "`'HS256'`",
                use: '',
                advice: "pass the algorithm as the fourth argument, `decode(token, key, false, 'HS256')`, so that the signature is checked.",
              },
              suggestions: [
                {
                  messageId: 'useVerify' as const,
                  output: "const jwt = require('jwt-simple');\nmodule.exports = function requireAuth(req, res, next) {\n  try {\n    jwt.decode(req.headers.token, process.env.JWT_SECRET, false, 'HS256');\n    next();\n  } catch (err) {\n    res.status(401).end();\n  }\n};",
                },
              ],
            },
          ],
        },
      ],
      [esm, cjs, ts],
    ),
    // `'none'` as `noVerify`, with a fourth argument kept in place
    {
      code: "import { decode } from 'jwt-simple';\nexport function currentUser(req) {\n  const claims = decode(req.cookies.jwt, process.env.SECRET, 'none', 'HS256');\n  return claims.sub;\n}",
      languageOptions: esm,
      errors: [
        {
          messageId: 'noVerifyDecode',
          line: 3,
          column: 62,
          suggestions: [
            {
              messageId: 'useVerify',
              output: "import { decode } from 'jwt-simple';\nexport function currentUser(req) {\n  const claims = decode(req.cookies.jwt, process.env.SECRET, false, 'HS256');\n  return claims.sub;\n}",
            },
          ],
        },
      ],
    },
    // peeking with no key, yet the claims decide access: reported, with no suggestion (there is no key to verify with)
    {
      code: "import jwt from 'jwt-simple';\nexport const isAdmin = (req: { headers: Record<string, string> }) => {\n  const claims = jwt.decode(req.headers.token, '', true);\n  if (claims.role !== 'admin') throw new Error('forbidden');\n  return true;\n};",
      languageOptions: ts,
      errors: [{ messageId: 'noVerifyDecode', line: 3, column: 52, suggestions: [] }],
    },
  ],
});
