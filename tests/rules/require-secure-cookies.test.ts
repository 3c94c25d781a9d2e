import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-secure-cookies.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const SAFE = "{ httpOnly: true, secure: true, sameSite: 'lax' }";

ruleTester.run('require-secure-cookies', rule, {
  valid: [
    // review: insecure attributes only in a development branch, the production branch complete
    { code: "app.post('/login', (req, res) => { if (process.env.NODE_ENV !== 'production') { res.cookie('token', t, { httpOnly: true, secure: false, sameSite: 'lax' }); } else { res.cookie('token', t, { httpOnly: true, secure: true, sameSite: 'lax' }); } });", languageOptions: esm },
    { code: "const isDev = process.env.NODE_ENV === 'development'; export function setAuth(res: Response, t: string) { isDev && res.cookie('access_token', t, { httpOnly: true, sameSite: 'lax' }); }", languageOptions: ts },
    // review: flag cookies with a constant value the page's script reads (`has_session=1`): not a credential
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'lax' }); res.cookie('has_session', '1'); res.cookie('session_active', 'true', { sameSite: 'lax' }); res.cookie('auth_state', true); });", languageOptions: esm },
    // review: TypeScript enum value and `as const` for sameSite, secure from the request protocol
    { code: "enum SameSite { Lax = 'lax', Strict = 'strict' } app.post('/login', (req: Request, res: Response) => { res.cookie('token', t, { httpOnly: true, secure: req.protocol === 'https', sameSite: SameSite.Lax }); res.cookie('sid', id, { httpOnly: true, secure: !!process.env.HTTPS, sameSite: 'strict' as const }); });", languageOptions: ts },
    // review: a Set-Cookie header built by cookie.serialize with all attributes
    { code: "import cookie from 'cookie'; app.post('/login', (req, res) => { res.setHeader('Set-Cookie', cookie.serialize('token', t, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' })); });", languageOptions: esm },
    // review: a double-submit CSRF cookie with an underscore name, readable by the page on purpose
    { code: "app.get('/form', (req, res) => { res.cookie('csrf_token', req.csrfToken(), { secure: true, sameSite: 'strict' }); res.cookie('_csrf', secret, { httpOnly: true, secure: true, sameSite: 'strict' }); });", languageOptions: esm },
    // review: the secure flag added by a conditional spread, the rest explicit
    { code: "const isProd = process.env.NODE_ENV === 'production'; app.post('/login', (req, res) => { res.cookie('token', t, { httpOnly: true, sameSite: 'lax', ...(isProd ? { secure: true } : { secure: false }) }); });", languageOptions: esm },
    // review: options merged with Object.assign from a full base
    { code: "const BASE = { httpOnly: true, secure: true, sameSite: 'lax' }; app.post('/login', (req, res) => { res.cookie('session', id, Object.assign({}, BASE, { maxAge: 3600e3 })); });", languageOptions: esm },
    // review: a cookie name constant and secure with a nullish default
    { code: "const SESSION_COOKIE = 'sid'; app.post('/login', (req, res) => { res.cookie(SESSION_COOKIE, id, { httpOnly: true, secure: config.secureCookies ?? true, sameSite: 'Lax', signed: true }); });", languageOptions: esm },
    // review: Koa with all three set and signed
    { code: "router.post('/login', async (ctx) => { ctx.cookies.set('token', token, { httpOnly: true, secure: ctx.app.env === 'production', sameSite: 'strict', signed: true, overwrite: true }); });", languageOptions: esm },
    // review: options returned by a helper defined in the same file
    { code: "const authCookieOptions = () => ({ httpOnly: true, secure: true, sameSite: 'lax' as const }); app.post('/login', (req, res) => { res.cookie('token', token, authCookieOptions()); });", languageOptions: ts },
    // review: TypeScript-typed options constant (`satisfies` and a type annotation)
    { code: "import type { CookieOptions } from 'express'; const opts: CookieOptions = { httpOnly: true, secure: true, sameSite: 'strict' }; const more = { httpOnly: true, secure: true, sameSite: 'lax' } satisfies CookieOptions; app.post('/login', (req, res) => { res.cookie('session', id, opts); res.cookie('refresh_token', r, more); });", languageOptions: ts },
    // review: secure guarded by the environment, with a ternary and a config flag
    { code: "app.post('/login', (req, res) => { res.cookie('jwt', t, { httpOnly: true, secure: process.env.NODE_ENV !== 'development' ? true : false, sameSite: config.crossSite ? 'none' : 'lax' }); });", languageOptions: esm },
    // review: a full base constant spread with a per-cookie maxAge
    { code: "const COOKIE_BASE = { httpOnly: true, secure: true, sameSite: 'lax' }; app.post('/login', (req, res) => { res.cookie('access_token', a, { ...COOKIE_BASE, maxAge: 15 * 60e3 }); res.cookie('refresh_token', r, { ...COOKIE_BASE, path: '/auth/refresh' }); });", languageOptions: esm },
    // review: Set-Cookie header array with every attribute (lower-case attribute names are valid)
    { code: "app.post('/login', (req, res) => { res.setHeader('Set-Cookie', [`sid=${id}; Path=/; HttpOnly; Secure; SameSite=Lax`, `refresh=${r}; path=/auth; httponly; secure; samesite=strict`]); });", languageOptions: esm },
    // review: options from a config object's member
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, config.auth.cookie); res.cookie('sid', id, this.cookieOptions); });", languageOptions: esm },
    // all three attributes set
    { code: `app.post('/login', (req, res) => { res.cookie('token', token, ${SAFE}); res.json({ ok: true }); });`, languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.cookie('sid', sessionId, { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 3600e3 }); });", languageOptions: cjs },
    { code: "export function login(req: Request, res: Response) { res.cookie('refresh_token', refresh, { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth/refresh' }); }", languageOptions: ts },
    // environment-derived secure
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' }); });", languageOptions: esm },
    { code: "const isProd = process.env.NODE_ENV === 'production'; app.post('/login', (req, res) => { res.cookie('jwt', t, { httpOnly: true, secure: isProd, sameSite: isProd ? 'none' : 'lax' }); });", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, { httpOnly: true, secure: req.secure, sameSite: 'lax' }); });", languageOptions: esm },
    // options from a shared constant
    { code: `const COOKIE_OPTIONS = ${SAFE}; app.post('/login', (req, res) => { res.cookie('access_token', token, COOKIE_OPTIONS); });`, languageOptions: esm },
    { code: `const base = { path: '/' }; const opts = { ...base, httpOnly: true, secure: true, sameSite: 'lax' }; app.post('/login', (req, res) => res.cookie('token', t, opts));`, languageOptions: esm },
    // options built by assignment, explicit attributes after a spread, a function's result
    { code: "const opts = {}; opts.httpOnly = true; opts.secure = true; opts.sameSite = 'lax'; app.post('/login', (req, res) => res.cookie('token', t, opts));", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, { ...baseOptions, httpOnly: true, secure: true, sameSite: 'lax' }); });", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, getCookieOptions(req)); });", languageOptions: esm },
    // cross-site cookies that are Secure; sameSite: true (strict)
    { code: "app.post('/embed/login', (req, res) => { res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'none', partitioned: true }); });", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.cookie('session', id, { httpOnly: true, secure: true, sameSite: true }); });", languageOptions: esm },
    // NestJS passthrough response
    {
      code: "@Controller('auth') export class AuthController { @Post('login') async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response) { const { accessToken } = await this.auth.login(dto); res.cookie('access_token', accessToken, { httpOnly: true, secure: this.config.get('COOKIE_SECURE'), sameSite: 'strict' }); return { ok: true }; } }",
      languageOptions: ts,
    },
    // Koa secure from the request, Next.js response cookies with an environment test
    { code: "router.post('/login', async (ctx) => { ctx.cookies.set('koa.sess', value, { secure: ctx.secure, sameSite: 'lax' }); });", languageOptions: esm },
    { code: "import { NextResponse } from 'next/server'; export async function POST() { const response = NextResponse.json({ ok: true }); response.cookies.set('token', t, { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax', path: '/' }); return response; }", languageOptions: ts },
    // deleting cookies
    { code: "import { cookies } from 'next/headers'; export async function POST() { (await cookies()).delete('session'); (await cookies()).set('token', '', { maxAge: 0 }); }", languageOptions: ts },
    { code: "import { deleteCookie } from 'hono/cookie'; app.post('/logout', (c) => { deleteCookie(c, 'session'); return c.redirect('/'); });", languageOptions: ts },
    { code: "import { serialize } from 'cookie'; export const clear = () => serialize('session', 'deleted', { path: '/', expires: new Date(0) });", languageOptions: esm },
    // header texts: a preference, a complete session cookie on a Web Headers object
    { code: "app.get('/', (req, res) => { res.append('Set-Cookie', 'lang=en; Path=/'); });", languageOptions: esm },
    { code: "export function GET() { const headers = new Headers(); headers.set('Set-Cookie', `sid=${id}; HttpOnly; Secure; SameSite=Strict; Path=/`); return new Response(null, { headers }); }", languageOptions: ts },
    // options that cannot be seen
    { code: "import { cookieOptions } from './config'; app.post('/login', (req, res) => { res.cookie('token', token, cookieOptions); });", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, { ...config.cookie }); });", languageOptions: esm },
    { code: "export const setAuth = (res, token, opts) => res.cookie('token', token, opts);", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.cookie('token', token, { httpOnly: false, ...config.cookie }); });", languageOptions: esm },
    // preference cookies
    { code: "app.get('/theme', (req, res) => { res.cookie('theme', 'dark'); res.cookie('lang', req.query.lang, { maxAge: 31536000000 }); });", languageOptions: esm },
    { code: "app.post('/consent', (req, res) => { res.cookie('cookie_consent', 'yes', { maxAge: 1e10 }); res.cookie('locale', 'en'); });", languageOptions: esm },
    // double-submit CSRF tokens are meant to be readable by the page
    { code: "app.get('/', (req, res) => { res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'strict' }); });", languageOptions: esm },
    // non-sensitive cookies (unknown names and values) are left to the reportAllCookies option
    { code: "app.get('/', (req, res) => { res.cookie('visitedAt', Date.now()); res.cookie('cartCount', String(n)); });", languageOptions: esm },
    // names whose head is not a session or token: timers, flags and dates the page's script reads
    { code: "app.post('/login', (req, res) => { res.cookie('sessionTimeout', String(ttl)); res.cookie('token_expires', exp); res.cookie('loggedIn', 'true'); res.cookie('last_access', new Date().toISOString()); });", languageOptions: esm },
    { code: "app.get('/cart', (req, res) => { res.cookie('cart', req.session.cartId); });", languageOptions: esm },
    // clearing a cookie
    { code: "app.post('/logout', (req, res) => { res.clearCookie('token'); res.cookie('token', '', { maxAge: 0 }); res.cookie('sid', '', { expires: new Date(0) }); });", languageOptions: esm },
    { code: "app.post('/logout', (req, res) => { res.cookie('token', '', { httpOnly: true }); res.cookie('refreshToken', null); });", languageOptions: esm },
    // Koa sets httpOnly itself
    { code: "router.post('/login', async (ctx) => { ctx.cookies.set('token', token, { secure: true, sameSite: 'lax' }); });", languageOptions: esm },
    // Fastify takes the plugin's registered options: left out attributes are not known
    { code: "fastify.post('/login', async (request, reply) => { reply.setCookie('token', token, { path: '/' }); return { ok: true }; });", languageOptions: esm },
    // Next.js, all set; the object form
    { code: "import { cookies } from 'next/headers'; export async function POST() { (await cookies()).set('session', id, { httpOnly: true, secure: true, sameSite: 'lax' }); }", languageOptions: ts },
    { code: "import { cookies } from 'next/headers'; export async function POST() { const store = await cookies(); store.set({ name: 'token', value: t, httpOnly: true, secure: true, sameSite: 'strict' }); }", languageOptions: ts },
    // Hono: all set, or a __Host- prefix option
    { code: "import { setCookie } from 'hono/cookie'; app.post('/login', (c) => { setCookie(c, 'session', id, { httpOnly: true, secure: true, sameSite: 'Lax' }); return c.json({}); });", languageOptions: ts },
    { code: "import { setCookie } from 'hono/cookie'; app.post('/login', (c) => { setCookie(c, 'session', id, { httpOnly: true, prefix: 'host', sameSite: 'Strict' }); return c.json({}); });", languageOptions: ts },
    // not the libraries: a `set` on something else, `serialize` from elsewhere, a jQuery cookie
    { code: "cache.set('token', token); map.set('session', s); headers.set('Authorization', `Bearer ${t}`);", languageOptions: esm },
    { code: "import { serialize } from 'superjson'; serialize({ token });", languageOptions: esm },
    { code: "$.cookie('token', token); Cookies.set('token', token);", languageOptions: esm },
    { code: "import { serialize } from 'cookie'; export const header = serialize('token', t, { httpOnly: true, secure: true, sameSite: 'lax' });", languageOptions: esm },
    // Set-Cookie headers with all attributes, or built elsewhere
    { code: "app.post('/login', (req, res) => { res.setHeader('Set-Cookie', `token=${t}; Path=/; HttpOnly; Secure; SameSite=Lax`); });", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.setHeader('Set-Cookie', cookies); res.setHeader('Set-Cookie', serialize('token', t, opts)); });", languageOptions: esm },
    { code: "app.post('/login', (req, res) => { res.setHeader('Set-Cookie', `token=${t}; ${attributes}`); });", languageOptions: esm },
    { code: "app.post('/logout', (req, res) => { res.setHeader('Set-Cookie', 'token=; Max-Age=0; Path=/'); });", languageOptions: esm },
    // Node's writeHead with a headers object
    { code: "http.createServer((req, res) => { res.writeHead(200, { 'Set-Cookie': `sid=${id}; Path=/; HttpOnly; Secure; SameSite=Lax`, 'Content-Type': 'text/plain' }); res.end(); });", languageOptions: esm },
    { code: "http.createServer((req, res) => { res.writeHead(302, { Location: '/' }); res.end(); });", languageOptions: esm },
    { code: "http.createServer((req, res) => { res.writeHead(200, 'OK', { 'set-cookie': ['theme=dark; Path=/', 'lang=en; Path=/'] }); res.end(); });", languageOptions: esm },
    { code: "const headers = { 'Set-Cookie': 'token=; Max-Age=0; Path=/' }; http.createServer((req, res) => { res.writeHead(200, headers); res.end(); });", languageOptions: esm },
    // a proxy passing the upstream's headers and cookies on as they came
    { code: "proxy.on('proxyRes', (proxyRes, req, res) => { res.writeHead(proxyRes.statusCode, proxyRes.headers); proxyRes.pipe(res); });", languageOptions: esm },
    { code: "upstream.on('response', (up) => { res.writeHead(up.statusCode, { ...up.headers, 'set-cookie': up.headers['set-cookie'], 'x-proxied': '1' }); up.pipe(res); });", languageOptions: esm },
    // Fastify sameSite none with secure left to the plugin's registered options
    { code: "fastify.post('/login', async (request, reply) => { reply.setCookie('token', token, { httpOnly: true, sameSite: 'none' }); });", languageOptions: esm },
    // a cookie named from a variable that says nothing, holding a value that says nothing
    { code: "export function remember(res, cookieName, value) { res.cookie(cookieName, value); }", languageOptions: esm },
    // a response helper that clears the auth cookies on logout
    { code: "export function logout(req, res) { res.cookie('token', '', { httpOnly: true, expires: new Date(1) }); res.cookie('refreshToken', undefined); res.redirect('/'); }", languageOptions: ts },
    // cookies read, not written
    { code: "app.get('/me', (req, res) => { const token = req.cookies.token; const sid = req.signedCookies.sid; res.json({ ok: !!token && !!sid }); });", languageOptions: esm },
    { code: "router.get('/me', async (ctx) => { ctx.body = { token: ctx.cookies.get('token') }; });", languageOptions: esm },
    // strange code
    { code: "res.cookie(...args); res.cookie(); res?.cookie?.('token'); res[method]('token', t);", languageOptions: ts },
    { code: "class A { @Post() login(@Res() res) { res.cookie('token', this.t, { httpOnly: true, secure: true, sameSite: 'lax' } satisfies CookieOptions); } }", languageOptions: ts },
    { code: "import cookie = require('cookie'); const x = cookie.serialize(name, value, { [key]: true });", languageOptions: ts },
    { code: "function F() { if (new.target) res.cookie('token', t, { httpOnly: true, secure: true, sameSite: 'lax' }); }", languageOptions: esm },
    { code: "", languageOptions: esm },
    { code: "res.cookie('token', token, { get httpOnly() { return false; }, secure: true, sameSite: 'lax' });", languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "app.post('/login', (req, res) => { res.cookie('token', token); res.json({ ok: true }); });",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`, `secure`, `sameSite`' }, output: `app.post('/login', (req, res) => { res.cookie('token', token, ${SAFE}); res.json({ ok: true }); });` }],
          },
        ],
      },
      {
        code: "app.post('/login', (req, res) => { res.cookie('session', id, { maxAge: 3600e3, httpOnly: false }); });",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`, `secure`, `sameSite`' }, output: "app.post('/login', (req, res) => { res.cookie('session', id, { maxAge: 3600e3, httpOnly: true, secure: true, sameSite: 'lax' }); });" }],
          },
        ],
      },
    ]),
    ...acrossParsers(
      [
        {
          code: "const express = require('express'); const jwt = require('jsonwebtoken'); const router = express.Router();\nrouter.post('/login', async (req, res) => {\n  const t = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });\n  res.cookie(COOKIE_NAME, t, { httpOnly: true, secure: true });\n  res.send('ok');\n});",
          errors: [
            {
              messageId: 'insecureCookie' as const,
              line: 4,
              suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`sameSite`' }, output: "const express = require('express'); const jwt = require('jsonwebtoken'); const router = express.Router();\nrouter.post('/login', async (req, res) => {\n  const t = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });\n  res.cookie(COOKIE_NAME, t, { httpOnly: true, secure: true, sameSite: 'lax' });\n  res.send('ok');\n});" }],
            },
          ],
        },
      ],
      [cjs, cjsAsModule, ts],
    ),
    ...acrossParsers([
      // sameSite none without secure
      {
        code: "app.post('/login', (req, res) => { res.cookie('sid', sid, { httpOnly: true, sameSite: 'none' }); });",
        errors: [
          {
            messageId: 'sameSiteNone' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`secure`' }, output: "app.post('/login', (req, res) => { res.cookie('sid', sid, { httpOnly: true, sameSite: 'none', secure: true }); });" }],
          },
        ],
      },
      {
        code: "app.post('/login', (req, res) => { res.cookie('sid', sid, { httpOnly: true, secure: false, sameSite: 'none' }); });",
        errors: [
          {
            messageId: 'sameSiteNone' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`secure`' }, output: "app.post('/login', (req, res) => { res.cookie('sid', sid, { httpOnly: true, secure: true, sameSite: 'none' }); });" }],
          },
        ],
      },
      // options from a shared constant: no suggestion at the call
      {
        code: "const opts = { httpOnly: true, secure: false, sameSite: 'lax' };\napp.post('/login', (req, res) => { res.cookie('access_token', token, opts); });",
        errors: [{ messageId: 'insecureCookie' as const, line: 2, suggestions: [] }],
      },
      // a value from randomBytes, an unknown cookie name
      {
        code: "import crypto from 'node:crypto'; export function start(req, res) { const value = crypto.randomBytes(32).toString('hex'); res.cookie(name, value, { secure: true, sameSite: 'lax' }); }",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`' }, output: "import crypto from 'node:crypto'; export function start(req, res) { const value = crypto.randomBytes(32).toString('hex'); res.cookie(name, value, { secure: true, sameSite: 'lax', httpOnly: true }); }" }],
          },
        ],
      },
      // Koa: httpOnly is the default, secure and sameSite are not
      {
        code: "router.post('/login', async (ctx) => { ctx.cookies.set('jwtToken', jwt, { maxAge: 3600e3 }); });",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`secure`, `sameSite`' }, output: "router.post('/login', async (ctx) => { ctx.cookies.set('jwtToken', jwt, { maxAge: 3600e3, secure: true, sameSite: 'lax' }); });" }],
          },
        ],
      },
      // Fastify: an explicit false
      {
        code: "fastify.post('/login', async (request, reply) => { reply.setCookie('token', token, { httpOnly: false, secure: true, sameSite: 'lax' }); });",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`' }, output: "fastify.post('/login', async (request, reply) => { reply.setCookie('token', token, { httpOnly: true, secure: true, sameSite: 'lax' }); });" }],
          },
        ],
      },
      // Set-Cookie header text
      {
        code: "app.post('/login', (req, res) => { res.setHeader('Set-Cookie', `token=${t}; Path=/`); });",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`, `secure`, `sameSite`' }, output: "app.post('/login', (req, res) => { res.setHeader('Set-Cookie', `token=${t}; Path=/; HttpOnly; Secure; SameSite=Lax`); });" }],
          },
        ],
      },
      {
        code: "app.post('/login', (req, res) => { res.setHeader('Set-Cookie', ['theme=dark', 'sid=' + sid + '; HttpOnly']); });",
        errors: [{ messageId: 'insecureCookie' as const, suggestions: [] }],
      },
      {
        code: "http.createServer((req, res) => { res.writeHead(200, { 'Set-Cookie': `token=${t}; Path=/`, 'Content-Type': 'text/plain' }); res.end(); });",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`, `secure`, `sameSite`' }, output: "http.createServer((req, res) => { res.writeHead(200, { 'Set-Cookie': `token=${t}; Path=/; HttpOnly; Secure; SameSite=Lax`, 'Content-Type': 'text/plain' }); res.end(); });" }],
          },
        ],
      },
      {
        code: "const headers = { 'set-cookie': [`sid=${id}; HttpOnly`] };\nhttp.createServer((req, res) => { res.writeHead(200, 'OK', headers); res.end(); });",
        errors: [
          {
            messageId: 'insecureCookie' as const,
            line: 1,
            suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`secure`, `sameSite`' }, output: "const headers = { 'set-cookie': [`sid=${id}; HttpOnly; Secure; SameSite=Lax`] };\nhttp.createServer((req, res) => { res.writeHead(200, 'OK', headers); res.end(); });" }],
          },
        ],
      },
    ]),
    ...acrossParsers(
      [
        // Next.js, by import
        {
          code: "import { cookies } from 'next/headers';\nexport async function POST() {\n  const store = await cookies();\n  store.set('session', id, { secure: true });\n}",
          errors: [
            {
              messageId: 'insecureCookie' as const,
              suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`, `sameSite`' }, output: "import { cookies } from 'next/headers';\nexport async function POST() {\n  const store = await cookies();\n  store.set('session', id, { secure: true, httpOnly: true, sameSite: 'lax' });\n}" }],
            },
          ],
        },
        {
          code: "import { cookies } from 'next/headers';\nexport async function POST() { (await cookies()).set({ name: 'token', value: t, httpOnly: true }); }",
          errors: [
            {
              messageId: 'insecureCookie' as const,
              suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`secure`, `sameSite`' }, output: "import { cookies } from 'next/headers';\nexport async function POST() { (await cookies()).set({ name: 'token', value: t, httpOnly: true, secure: true, sameSite: 'lax' }); }" }],
            },
          ],
        },
        {
          code: "import { NextResponse } from 'next/server';\nexport function middleware(request) { const response = NextResponse.next(); response.cookies.set('auth', t); return response; }",
          errors: [
            {
              messageId: 'insecureCookie' as const,
              suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`, `secure`, `sameSite`' }, output: `import { NextResponse } from 'next/server';\nexport function middleware(request) { const response = NextResponse.next(); response.cookies.set('auth', t, ${SAFE}); return response; }` }],
            },
          ],
        },
        // Hono and the cookie package
        {
          code: "import { setCookie } from 'hono/cookie';\napp.post('/login', (c) => { setCookie(c, 'session', id); return c.json({}); });",
          errors: [
            {
              messageId: 'insecureCookie' as const,
              suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`httpOnly`, `secure`, `sameSite`' }, output: `import { setCookie } from 'hono/cookie';\napp.post('/login', (c) => { setCookie(c, 'session', id, ${SAFE}); return c.json({}); });` }],
            },
          ],
        },
        {
          code: "import cookie from 'cookie';\nexport const header = (t) => cookie.serialize('refresh_token', t, { httpOnly: true, secure: true, sameSite: false });",
          errors: [
            {
              messageId: 'insecureCookie' as const,
              suggestions: [{ messageId: 'addAttributes' as const, data: { attributes: '`sameSite`' }, output: "import cookie from 'cookie';\nexport const header = (t) => cookie.serialize('refresh_token', t, { httpOnly: true, secure: true, sameSite: 'lax' });" }],
            },
          ],
        },
      ],
      [esm, ts],
    ),
    {
      code: "const { serialize } = require('cookie');\nmodule.exports = (res, token) => res.setHeader('Set-Cookie', serialize('remember_me', token, { maxAge: 1e9 }));",
      languageOptions: cjsAsModule,
      errors: [
        {
          messageId: 'insecureCookie',
          suggestions: [{ messageId: 'addAttributes', data: { attributes: '`httpOnly`, `secure`, `sameSite`' }, output: "const { serialize } = require('cookie');\nmodule.exports = (res, token) => res.setHeader('Set-Cookie', serialize('remember_me', token, { maxAge: 1e9, httpOnly: true, secure: true, sameSite: 'lax' }));" }],
        },
      ],
    },
    // an explicit httpOnly: false beside an environment-derived secure
    {
      code: "module.exports = async (ctx) => {\n  const jwt = strapi.admin.services.token.createJwtToken(ctx.state.user);\n  const isProduction = strapi.config.environment === 'production';\n  const cookiesOptions = { httpOnly: false, secure: isProduction, overwrite: true };\n  ctx.cookies.set('jwtToken', jwt, cookiesOptions);\n};",
      languageOptions: cjs,
      errors: [{ messageId: 'insecureCookie', line: 5, suggestions: [] }],
    },
    // the name from a constant; remember-me tokens
    {
      code: "const SESSION_COOKIE = process.env.SESSION_COOKIE_NAME;\napp.post('/login', (req, res) => { res.cookie(SESSION_COOKIE, id, { httpOnly: true, secure: true }); });",
      languageOptions: esm,
      errors: [
        {
          messageId: 'insecureCookie',
          line: 2,
          suggestions: [{ messageId: 'addAttributes', data: { attributes: '`sameSite`' }, output: "const SESSION_COOKIE = process.env.SESSION_COOKIE_NAME;\napp.post('/login', (req, res) => { res.cookie(SESSION_COOKIE, id, { httpOnly: true, secure: true, sameSite: 'lax' }); });" }],
        },
      ],
    },
    {
      code: "app.post('/login', (req, res) => { res.cookie('remember_me', series, { maxAge: 30 * 864e5, httpOnly: true, secure: true }); });",
      languageOptions: ts,
      errors: [
        {
          messageId: 'insecureCookie',
          suggestions: [{ messageId: 'addAttributes', data: { attributes: '`sameSite`' }, output: "app.post('/login', (req, res) => { res.cookie('remember_me', series, { maxAge: 30 * 864e5, httpOnly: true, secure: true, sameSite: 'lax' }); });" }],
        },
      ],
    },
    // reportAllCookies: an unknown cookie
    {
      code: "app.get('/', (req, res) => { res.cookie('cart', id, { httpOnly: true, secure: true }); });",
      options: [{ reportAllCookies: true }],
      languageOptions: esm,
      errors: [
        {
          messageId: 'insecureCookie',
          suggestions: [{ messageId: 'addAttributes', data: { attributes: '`sameSite`' }, output: "app.get('/', (req, res) => { res.cookie('cart', id, { httpOnly: true, secure: true, sameSite: 'lax' }); });" }],
        },
      ],
    },
  ],
});
