import { RuleTester, type ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-permissive-cors.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

/** Valid ES module cases run under the TypeScript parser as well. */
function alsoTypeScript(cases: ValidTestCase<[{ reportPublicCors?: boolean }]>[]): ValidTestCase<[{ reportPublicCors?: boolean }]>[] {
  return cases.flatMap((c) => (c.languageOptions === esm ? [c, { ...c, languageOptions: ts }] : [c]));
}

ruleTester.run('no-permissive-cors', rule, {
  valid: alsoTypeScript([
    // explicit allow-lists
    { code: "import cors from 'cors'; app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));", languageOptions: esm },
    { code: "const cors = require('cors'); app.use(cors({ origin: 'https://app.example.com', credentials: true }));", languageOptions: cjs },
    { code: "import cors from 'cors'; app.use(cors({ origin: /^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/, credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: [/\\.example\\.com$/, 'http://localhost:3000'], credentials: true }));", languageOptions: ts },
    { code: "import cors from 'cors'; app.use(cors({ origin: new RegExp('^https://app\\\\.example\\\\.com$'), credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: [/^http:\\/\\/localhost:\\d+$/, /^https:\\/\\/(app|admin)\\.example\\.com$/], credentials: true }));", languageOptions: esm },
    // origin callbacks that check an allow-list
    {
      code: `import cors from 'cors';
const allowedOrigins = ['https://toolswaves.in', 'https://www.toolswaves.in'];
app.use(cors({
  origin: (origin, callback) => {
    if (!origin || allowedOrigins.includes(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
}));`,
      languageOptions: esm,
    },
    { code: "import cors from 'cors'; const ALLOWED = new Set(ORIGINS); app.use(cors({ origin(origin, cb) { cb(null, ALLOWED.has(origin)); }, credentials: true }));", languageOptions: esm },
    {
      code: "const cors = require('cors'); const whitelist = ['https://a.example']; const corsOptions = { origin: function (origin, callback) { if (whitelist.indexOf(origin) !== -1) { callback(null, true) } else { callback(new Error('Not allowed by CORS')) } }, credentials: true }; app.use(cors(corsOptions));",
      languageOptions: cjsAsModule,
    },
    { code: "import cors from 'cors'; app.use(cors({ origin: (origin, cb) => lookupTenant(origin).then((t) => cb(null, !!t)), credentials: true }));", languageOptions: esm },
    // origins from configuration
    { code: "import cors from 'cors'; app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: process.env.CORS_ORIGIN.split(','), credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: config.get('cors.origins'), credentials: true }));", languageOptions: ts },
    { code: "import cors from 'cors'; app.use(cors(settings.cors));", languageOptions: esm },
    // public APIs without credentials (reported only with reportPublicCors)
    { code: "import cors from 'cors'; app.use(cors());", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: '*' }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: true, maxAge: 600 }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: '*', credentials: false }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: true, credentials: flags.cors }));", languageOptions: esm, options: [{ reportPublicCors: true }] },
    // wildcard-subdomain strings: no library expands them, they match no origin
    { code: "import cors from 'cors'; app.use(cors({ origin: ['https://*.example.com'], credentials: true }));", languageOptions: esm },
    { code: "import fastifyCors from '@fastify/cors'; fastify.register(fastifyCors, { origin: 'https://*.example.com', credentials: true });", languageOptions: esm },
    // Fastify, Koa, Hono, NestJS with lists and checks
    { code: "import fastifyCors from '@fastify/cors'; await fastify.register(fastifyCors, { origin: ['https://app.example.com'], credentials: true });", languageOptions: ts },
    { code: "import cors from '@koa/cors'; app.use(cors({ origin: (ctx) => { const o = ctx.get('Origin'); return ALLOWED.includes(o) ? o : ''; }, credentials: true }));", languageOptions: esm },
    { code: "import cors from '@koa/cors'; app.use(cors({ origin: 'https://app.example.com', credentials: true }));", languageOptions: esm },
    { code: "import cors from '@koa/cors'; app.use(cors());", languageOptions: esm },
    { code: "import cors from '@koa/cors'; app.use(cors({ origin: resolveCorsOrigin, credentials: isWhitelistedCorsOrigin }));", languageOptions: esm },
    { code: "import { cors } from 'hono/cors'; app.use('/api/*', cors({ origin: (origin) => (origin.endsWith('.example.com') ? origin : 'https://example.com'), credentials: true }));", languageOptions: ts },
    { code: "import { cors } from 'hono/cors'; app.use('/api/*', cors({ origin: ['https://example.com'], credentials: true }));", languageOptions: ts },
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule); app.enableCors({ origin: ['https://app.example.com'], credentials: true });", languageOptions: ts },
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule, { cors: { origin: process.env.FRONTEND_URL, credentials: true } });", languageOptions: ts },
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule); app.enableCors();", languageOptions: ts },
    // not resolved by import: no finding
    { code: "const cors = (o) => o; app.use(cors({ origin: true, credentials: true }));", languageOptions: esm },
    { code: "import cors from './cors'; app.use(cors({ origin: true, credentials: true }));", languageOptions: esm },
    { code: "server.enableCors({ origin: true, credentials: true });", languageOptions: esm },
    // hand-written headers checked against an allow-list
    {
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (allowedOrigins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      languageOptions: esm,
    },
    {
      code: `app.use(function (req, res, next) {
  const origin = req.get('origin');
  if (!ALLOWED.has(origin)) return next();
  res.header('Access-Control-Allow-Origin', origin);
  res.header('Access-Control-Allow-Credentials', true);
  next();
});`,
      languageOptions: cjs,
    },
    {
      code: "app.use((req, res, next) => { if (/^https:\\/\\/([a-z]+\\.)?example\\.com$/.test(req.headers.origin)) { res.set('Access-Control-Allow-Origin', req.headers.origin); res.set('Access-Control-Allow-Credentials', 'true'); } next(); });",
      languageOptions: esm,
    },
    {
      code: "app.use((req, res, next) => { if (whitelist.indexOf(req.headers.origin) !== -1) { res.header('Access-Control-Allow-Origin', req.headers.origin); } res.header('Access-Control-Allow-Credentials', 'true'); next(); });",
      languageOptions: esm,
    },
    {
      code: "app.use(async (ctx, next) => { const origin = ctx.get('Origin'); ctx.set('Access-Control-Allow-Origin', ALLOWED.includes(origin) ? origin : ALLOWED[0]); ctx.set('Access-Control-Allow-Credentials', 'true'); await next(); });",
      languageOptions: esm,
    },
    {
      code: "export function middleware(request) { const origin = request.headers.get('origin') ?? ''; const response = NextResponse.next(); if (isAllowedOrigin(origin)) { response.headers.set('Access-Control-Allow-Origin', origin); response.headers.set('Access-Control-Allow-Credentials', 'true'); } return response; }",
      languageOptions: ts,
    },
    // reflection without credentials (only reported with reportPublicCors)
    { code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*'); next(); });", languageOptions: esm },
    // `*` by hand without credentials; constant origins with credentials
    { code: "app.get('/openapi.json', (req, res) => { res.header('Access-Control-Allow-Origin', '*'); res.json(definition); });", languageOptions: esm, options: [{ reportPublicCors: true }] },
    { code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com'); res.setHeader('Access-Control-Allow-Credentials', 'true'); next(); });", languageOptions: esm },
    { code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', config.frontendUrl); res.setHeader('Access-Control-Allow-Credentials', 'true'); next(); });", languageOptions: esm },
    // the credentials header is set to false, or elsewhere
    { code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.setHeader('Access-Control-Allow-Credentials', 'false'); next(); });", languageOptions: esm },
    // an origin that is not the request's: a config object's `get`
    { code: "function setCors(res, settings) { res.setHeader('Access-Control-Allow-Origin', settings.get('origin')); res.setHeader('Access-Control-Allow-Credentials', 'true'); }", languageOptions: esm },
    // development-only setups
    { code: "import cors from 'cors'; if (process.env.NODE_ENV === 'development') { app.use(cors({ origin: true, credentials: true })); }", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(isDev ? cors({ origin: true, credentials: true }) : cors({ origin: ALLOWED, credentials: true }));", languageOptions: ts },
    { code: "import cors from 'cors'; app.use(cors({ origin: isProduction ? ALLOWED_ORIGINS : true, credentials: true }));", languageOptions: esm },
    // an options delegate that decides per request (Ghost's shape)
    {
      code: `const cors = require('cors');
const ENABLE_CORS = { origin: true, maxAge, credentials: true };
const WILDCARD_CORS = { origin: '*', maxAge };
function corsOptionsDelegate(req, callback) {
  const origin = req.get('origin');
  if (isAllowedOrigin(origin)) return callback(null, ENABLE_CORS);
  return callback(null, WILDCARD_CORS);
}
module.exports = cors(corsOptionsDelegate);`,
      languageOptions: cjs,
    },
    // a Koa origin function that decides from a configured list (Strapi's shape)
    {
      code: `const cors = require('@koa/cors');
app.use(cors({
  origin: async function (ctx) {
    const whitelist = Array.isArray(originList) ? originList : originList.split(/\\s*,\\s*/);
    const requestOrigin = ctx.accept.headers.origin;
    if (whitelist.includes('*')) return '*';
    if (!whitelist.includes(requestOrigin)) return ctx.throw(\`\${requestOrigin} is not a valid origin\`);
    return requestOrigin;
  },
  credentials: true,
}));`,
      languageOptions: cjsAsModule,
    },
    // Hono with a check in the origin function
    { code: "import { cors } from 'hono/cors'; app.use('*', cors({ origin: (origin, c) => (ALLOWED.has(origin) ? origin : null), credentials: true }));", languageOptions: ts },
    // a switch on the origin
    {
      code: "app.use((req, res, next) => { switch (req.headers.origin) { case 'https://a.example': case 'https://b.example': res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); } next(); });",
      languageOptions: esm,
    },
    // Fastify header by hand after an allow-list check with an early return
    {
      code: "fastify.addHook('onRequest', async (request, reply) => { const origin = request.headers.origin; if (!origin || !allowedOrigins.has(origin)) return; reply.header('Access-Control-Allow-Origin', origin); reply.header('Access-Control-Allow-Credentials', 'true'); });",
      languageOptions: ts,
    },
    // allow-lists from configuration and constants
    { code: "import cors from 'cors'; const allowedOrigins = process.env.ALLOWED_ORIGINS?.split(',') ?? []; app.use(cors({ origin: allowedOrigins, credentials: true }));", languageOptions: ts },
    { code: "import cors from 'cors'; app.use(cors({ origin: config.corsOrigins, credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: ['http://localhost:3000', 'http://localhost:5173'], credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; const { FRONTEND_URL, ADMIN_URL } = process.env; app.use(cors({ origin: [FRONTEND_URL, ADMIN_URL], credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: (origin, cb) => cb(null, !origin || /^https:\\/\\/([a-z]+\\.)?example\\.com$/.test(origin)), credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin(origin, cb) { if (allowed.has(origin)) cb(null, origin); else cb(new Error('CORS')); }, credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.options('*', cors({ origin: FRONTEND_ORIGIN, credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; router.get('/public/feed', cors(), handler);", languageOptions: esm },
    // Fastify
    {
      code: "import cors from '@fastify/cors'; fastify.register(cors, { origin: (origin, cb) => { const hostname = new URL(origin).hostname; if (hostname === 'localhost') { cb(null, true); return; } cb(new Error('Not allowed'), false); } });",
      languageOptions: ts,
    },
    { code: "import cors from '@fastify/cors'; fastify.register(cors, { origin: true });", languageOptions: esm },
    { code: "import cors from '@fastify/cors'; fastify.register(cors, { origin: process.env.CORS_ORIGIN?.split(','), credentials: true });", languageOptions: ts },
    { code: "import cors from '@fastify/cors'; fastify.register(cors, () => (req, cb) => cb(null, { origin: lookup(req), credentials: true }));", languageOptions: esm },
    { code: "import helmet from '@fastify/helmet'; fastify.register(helmet, { origin: true, credentials: true });", languageOptions: esm },
    // Koa and Hono
    { code: "import cors from '@koa/cors'; app.use(cors({ origin(ctx) { const origin = ctx.get('Origin'); if (!ALLOWED.includes(origin)) return ''; return origin; }, credentials: true }));", languageOptions: esm },
    { code: "const cors = require('koa2-cors'); app.use(cors({ origin: (ctx) => (ctx.url === '/test' ? false : 'https://app.example.com'), credentials: true }));", languageOptions: cjs },
    { code: "import { cors } from 'hono/cors'; app.use('*', (c, next) => cors({ origin: c.env.ALLOWED_ORIGINS.split(','), credentials: true })(c, next));", languageOptions: ts },
    { code: "import { cors } from 'hono/cors'; app.use('/api/*', cors());", languageOptions: ts },
    { code: "import { cors } from 'hono/cors'; app.use('*', cors({ origin: 'https://example.com', credentials: true }));", languageOptions: ts },
    // NestJS
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule); app.enableCors({ origin: configService.get('CORS_ORIGIN'), credentials: true });", languageOptions: ts },
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule, { cors: { origin: [/\\.example\\.com$/], credentials: true } });", languageOptions: ts },
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: false });", languageOptions: ts },
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule, { cors: true });", languageOptions: ts },
    { code: "import type { INestApplication } from './types'; export function setup(app: INestApplication) { app.enableCors({ origin: true, credentials: true }); }", languageOptions: ts },
    // hand-written headers from configuration or helpers
    { code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', process.env.CLIENT_URL); res.setHeader('Access-Control-Allow-Credentials', 'true'); next(); });", languageOptions: esm },
    { code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req)); res.setHeader('Access-Control-Allow-Credentials', 'true'); next(); });", languageOptions: esm },
    { code: "export function GET() { return new Response(JSON.stringify(data), { headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' } }); }", languageOptions: ts },
    { code: "const corsHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type' }; Deno.serve((req) => new Response('ok', { headers: corsHeaders }));", languageOptions: ts },
    { code: "app.use((req, res, next) => { res.setHeader('Vary', 'Origin'); res.setHeader('Access-Control-Allow-Methods', 'GET,POST'); next(); });", languageOptions: esm },
    { code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', proxyRes.headers['access-control-allow-origin']); res.setHeader('Access-Control-Allow-Credentials', 'true'); next(); });", languageOptions: esm },
    // request headers a client sends (a mistake, but no server policy)
    { code: "axios.get(url, { withCredentials: true, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' } });", languageOptions: esm },
    { code: "fetch(url, { credentials: 'include', headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' } });", languageOptions: esm },
    { code: "const headers = new Headers(); headers.append('Access-Control-Allow-Origin', '*'); headers.append('Access-Control-Allow-Credentials', 'true'); await fetch(url, { headers, credentials: 'include' });", languageOptions: ts },
    // tests reading headers
    { code: "expect(res.headers['access-control-allow-origin']).toBe(origin); expect(res.get('Access-Control-Allow-Credentials')).toBe('true');", languageOptions: esm },
    // koa2-cors drops the credentials header for `*`
    { code: "const cors = require('koa2-cors'); app.use(cors({ origin: '*', credentials: true }));", languageOptions: cjs },
    { code: "const cors = require('koa2-cors'); app.use(cors({ origin: ctx => (ALLOWED.includes(ctx.get('Origin')) ? ctx.get('Origin') : false), credentials: true }));", languageOptions: cjs },
    // careful code: typed options, anchored alternations, checks written in other shapes
    // typed `CorsOptions` holding an allow-list
    { code: "import cors, { type CorsOptions } from 'cors'; const allowed: string[] = ['https://app.example.com']; const corsOptions: CorsOptions = { origin: allowed, credentials: true }; app.use(cors(corsOptions));", languageOptions: ts },
    // one anchored group of exact origins
    { code: "import cors from 'cors'; app.use(cors({ origin: /^(https:\\/\\/app\\.example\\.com|https:\\/\\/admin\\.example\\.com)$/, credentials: true }));", languageOptions: esm },
    // a Web response whose CORS headers exist only for allowed origins
    { code: "export async function GET(request: Request) { const origin = request.headers.get('origin') ?? ''; const headers = ALLOWED.includes(origin) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : {}; return new Response(body, { headers }); }", languageOptions: ts },
    // an allow-list searched with `some`
    { code: "app.use((req, res, next) => { const origin = req.headers.origin; if (origin && allowedOrigins.some((o) => o === origin)) { res.setHeader('Access-Control-Allow-Origin', origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); res.setHeader('Vary', 'Origin'); } next(); });", languageOptions: esm },
    // the host name of the parsed origin compared with the site's domain
    { code: "app.use((req, res, next) => { const origin = req.headers.origin; if (origin) { const { hostname } = new URL(origin); if (hostname === 'example.com' || hostname.endsWith('.example.com')) { res.setHeader('Access-Control-Allow-Origin', origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); } } next(); });", languageOptions: esm },
    // the check held in a constant
    { code: "app.use((req, res, next) => { const origin = req.headers.origin; const allowed = ALLOWED.includes(origin); if (allowed) { res.setHeader('Access-Control-Allow-Origin', origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); } next(); });", languageOptions: cjs },
    // strange code
    { code: '', languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors(...opts));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ [key]: true, credentials: true }));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ ...base, credentials: true }));", languageOptions: ts },
    { code: "import cors = require('cors'); const opts = { origin: list } satisfies cors.CorsOptions; app.use(cors(opts));", languageOptions: ts },
    { code: "import cors from 'cors'; app.use(cors((req, cb) => cb(null, { origin: isAllowed(req), credentials: true })));", languageOptions: esm },
    { code: "import cors from 'cors'; app.use(cors({ origin: (o, cb) => cb(...args), credentials: true }));", languageOptions: esm },
    { code: "res.setHeader(...['Access-Control-Allow-Origin', req.headers.origin]); const h = { ['Access-Control-Allow-Origin']: x };", languageOptions: esm },
    { code: "@Controller() class C { @Get() get(@Req() req) { return new.target; } }", languageOptions: ts },
    { code: "import cors from 'cors'; app.use(cors({ origin: new RegExp(pattern), credentials: true }));", languageOptions: esm },
  ]),
  invalid: [
    ...acrossParsers(
      [
        { code: "import cors from 'cors'; app.use(cors({ origin: true, credentials: true }));", errors: [{ messageId: 'anyOriginWithCredentials' as const, line: 1, column: 49 }] },
        { code: "import cors from 'cors'; app.use(cors({ origin: '*', credentials: true }));", errors: [{ messageId: 'wildcardWithCredentials' as const }] },
        { code: "import cors from 'cors'; app.use(cors({ credentials: true }));", errors: [{ messageId: 'wildcardWithCredentials' as const }] },
        { code: "import cors from 'cors'; app.use(cors({ origin: (origin, cb) => cb(null, true), credentials: true }));", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        {
          code: "import cors from 'cors'; app.use(cors({ origin(origin, callback) { if (!origin) return callback(null, true); callback(null, origin); }, credentials: true }));",
          errors: [{ messageId: 'anyOriginWithCredentials' as const }],
        },
        {
          code: "import cors from 'cors'; const corsOptions = { origin: true, credentials: true }; app.use(cors(corsOptions));",
          errors: [{ messageId: 'anyOriginWithCredentials' as const, column: 96 }],
        },
        { code: "import cors from 'cors'; const opts = {}; opts.origin = true; opts.credentials = true; app.use(cors(opts));", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        { code: "import cors from 'cors'; app.use(cors({ origin: ['https://app.example.com', 'null'], credentials: true }));", errors: [{ messageId: 'nullOrigin' as const, column: 77 }] },
        { code: "import cors from 'cors'; app.use(cors({ origin: /example.com/, credentials: true }));", errors: [{ messageId: 'weakPattern' as const }] },
        { code: "import cors from 'cors'; app.use(cors({ origin: [/^https:\\/\\/.*example\\.com$/], credentials: true }));", errors: [{ messageId: 'weakPattern' as const }] },
        { code: "import cors from 'cors'; app.use(cors({ origin: new RegExp('example.com'), credentials: true }));", errors: [{ messageId: 'weakPattern' as const }] },
        { code: "import cors from 'cors'; const ORIGIN = /^https:\\/\\/app\\.example\\.com/; app.use(cors({ origin: ORIGIN, credentials: true }));", errors: [{ messageId: 'weakPattern' as const }] },
        // Fastify
        { code: "import cors from '@fastify/cors'; fastify.register(cors, { origin: true, credentials: true });", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        { code: "import { fastifyCors } from '@fastify/cors'; await app.register(fastifyCors, { origin: (origin, cb) => { cb(null, true); }, credentials: true });", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        // Koa
        { code: "import cors from '@koa/cors'; app.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        { code: "import cors from '@koa/cors'; app.use(cors({ origin: '*', credentials: true }));", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        { code: "import cors from '@koa/cors'; app.use(cors({ credentials: true }));", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        { code: "import cors from 'koa2-cors'; app.use(cors({ credentials: true, origin: ctx => { return ctx.request.header.origin; } }));", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        // Hono
        { code: "import { cors } from 'hono/cors'; app.use('*', cors({ origin: (origin) => origin, credentials: true }));", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        { code: "import { cors } from 'hono/cors'; app.use('*', cors({ origin: '*', credentials: true }));", errors: [{ messageId: 'wildcardWithCredentials' as const }] },
        // NestJS
        { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule); app.enableCors({ origin: true, credentials: true });", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule, { cors: { origin: true, credentials: true } });", errors: [{ messageId: 'anyOriginWithCredentials' as const }] },
        // hand-written headers
        {
          code: "app.use((req, res, next) => { res.header('Access-Control-Allow-Origin', req.get('origin')); res.header('Access-Control-Allow-Credentials', 'true'); next(); });",
          errors: [{ messageId: 'reflectedOrigin' as const, column: 31 }],
        },
        {
          code: "app.use((req, res, next) => { const { origin } = req.headers; res.setHeader('Access-Control-Allow-Origin', origin || '*'); res.setHeader('Access-Control-Allow-Credentials', true); next(); });",
          errors: [{ messageId: 'reflectedOrigin' as const }],
        },
        {
          code: "module.exports = () => async (ctx, next) => { ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin || '*'); ctx.set('Access-Control-Allow-Credentials', true); await next(); };",
          errors: [{ messageId: 'reflectedOrigin' as const }],
        },
        {
          code: "app.use((req, res, next) => { res.writeHead(200, { 'Access-Control-Allow-Origin': req.headers['origin'], 'Access-Control-Allow-Credentials': 'true' }); next(); });",
          errors: [{ messageId: 'reflectedOrigin' as const }],
        },
        {
          code: "export async function GET(request) { return new Response(body, { headers: { 'Access-Control-Allow-Origin': request.headers.get('origin'), 'Access-Control-Allow-Credentials': 'true' } }); }",
          errors: [{ messageId: 'reflectedOrigin' as const }],
        },
        {
          code: "app.use(async (ctx, next) => { ctx.set('Access-Control-Allow-Origin', '*'); ctx.set('Access-Control-Allow-Credentials', true); await next(); });",
          errors: [{ messageId: 'wildcardWithCredentials' as const }],
        },
        {
          code: "app.use((req, res, next) => { if (req.headers.origin) { res.setHeader('access-control-allow-origin', req.headers.origin); } res.setHeader('access-control-allow-credentials', 'true'); next(); });",
          errors: [{ messageId: 'reflectedOrigin' as const }],
        },
        {
          code: "app.use('*', async (c, next) => { c.header('Access-Control-Allow-Origin', c.req.header('Origin') ?? '*'); c.header('Access-Control-Allow-Credentials', 'true'); await next(); });",
          errors: [{ messageId: 'reflectedOrigin' as const }],
        },
        {
          code: "router.use(function (req, res, next) { res.set({ 'Access-Control-Allow-Origin': req.get('Origin'), 'Access-Control-Allow-Credentials': true }); next(); });",
          errors: [{ messageId: 'reflectedOrigin' as const }],
        },
        {
          code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', 'null'); res.setHeader('Access-Control-Allow-Credentials', 'true'); next(); });",
          errors: [{ messageId: 'nullOrigin' as const }],
        },
      ],
      [esm, ts],
    ),
    // CommonJS, required or compiled
    { code: "const cors = require('cors'); app.use(cors({ origin: true, credentials: true }));", languageOptions: cjs, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    { code: "const cors = require('cors'); app.use(cors({ origin: true, credentials: true }));", languageOptions: cjsAsModule, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    { code: "app.use(require('cors')({ origin: true, credentials: true }));", languageOptions: cjsAsModule, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    { code: "fastify.register(require('@fastify/cors'), { origin: true, credentials: true });", languageOptions: cjs, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    { code: "const cors = require('@koa/cors'); app.use(cors({ origin: '*', credentials: true }));", languageOptions: cjsAsModule, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    { code: "var import_cors = _interopRequireDefault(require('cors')); app.use((0, import_cors.default)({ origin: true, credentials: true }));", languageOptions: cjs, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    {
      code: "const { NestFactory } = require('@nestjs/core'); async function main() { const app = await NestFactory.create(AppModule); app.enableCors({ origin: true, credentials: true }); }",
      languageOptions: cjs,
      errors: [{ messageId: 'anyOriginWithCredentials' }],
    },
    {
      code: "app.use(function (req, res, next) { res.header('Access-Control-Allow-Origin', req.headers.origin); res.header('Access-Control-Allow-Credentials', 'true'); next(); });",
      languageOptions: cjs,
      errors: [{ messageId: 'reflectedOrigin' }],
    },
    // TypeScript: a typed NestJS application
    {
      code: "import { INestApplication } from '@nestjs/common'; export function setup(app: INestApplication) { app.enableCors({ origin: true, credentials: true }); }",
      languageOptions: ts,
      errors: [{ messageId: 'anyOriginWithCredentials' }],
    },
    {
      code: "app.use((req, res, next) => { const headers = { 'Access-Control-Allow-Origin': req.headers.origin, 'Access-Control-Allow-Credentials': 'true' }; res.writeHead(204, headers); res.end(); });",
      languageOptions: esm,
      errors: [{ messageId: 'reflectedOrigin' }],
    },
    { code: "const cors = require('koa2-cors'); app.use(cors({ credentials: true }));", languageOptions: cjsAsModule, errors: [{ messageId: 'anyOriginWithCredentials', data: { subject: 'These `koa2-cors` options', how: "send the request's own origin back when `origin` is not set" } }] },
    { code: "import cors from '@koa/cors'; app.use(cors({ origin: (ctx) => (ctx.path.startsWith('/api') ? '*' : ctx.get('Origin')), credentials: true }));", languageOptions: esm, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    // message wording
    {
      code: "import cors from 'cors'; app.use(cors({ origin: /^https:\\/\\/app\\.example\\.com/, credentials: true }));",
      languageOptions: esm,
      errors: [
        {
          messageId: 'weakPattern',
          data: { pattern: '^https:\\/\\/app\\.example\\.com', problem: 'is not anchored at its end', example: 'https://app.example.com.attacker.net', credentials: " and can send requests with the user's cookies" },
        },
      ],
    },
    {
      code: "import cors from '@koa/cors'; app.use(cors({ credentials: true }));",
      languageOptions: esm,
      errors: [{ messageId: 'anyOriginWithCredentials', data: { subject: 'These `@koa/cors` options', how: "send the request's own origin back when credentials are on and `origin` is not set" } }],
    },
    { code: "import cors = require('cors'); app.use(cors({ origin: true, credentials: true }));", languageOptions: ts, errors: [{ messageId: 'anyOriginWithCredentials' }] },
    // reportPublicCors
    { code: "import cors from 'cors'; app.use(cors());", options: [{ reportPublicCors: true }], languageOptions: esm, errors: [{ messageId: 'publicCors' }] },
    { code: "import cors from 'cors'; app.use(cors({ origin: true }));", options: [{ reportPublicCors: true }], languageOptions: ts, errors: [{ messageId: 'publicCors' }] },
    { code: "import cors from 'cors'; app.use(cors({ origin: /example.com/ }));", options: [{ reportPublicCors: true }], languageOptions: esm, errors: [{ messageId: 'weakPattern' }] },
    {
      code: "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); next(); });",
      options: [{ reportPublicCors: true }],
      languageOptions: esm,
      errors: [{ messageId: 'publicCors' }],
    },
  ],
});
