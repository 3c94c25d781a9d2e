/**
 * HTTP middleware and plugins by module: which kind of protection or parsing a mounted middleware
 * gives, so rules can ask "is this mounted middleware a rate limiter / helmet / a session…". Data only.
 */

export type MiddlewareKind = 'helmet' | 'rate-limit' | 'session' | 'cors' | 'body-parser' | 'upload' | 'cookie-parser' | 'csrf';

export interface MiddlewareRow {
  module: string;
  kind: MiddlewareKind;
  /**
   * Export paths (first steps of the module path) that are this kind; absent: the whole module
   * (`helmet()`, `helmet.hsts()`). `express` is only a body parser through `express.json` and
   * friends.
   */
  exports?: readonly string[];
}

export const MIDDLEWARE: readonly MiddlewareRow[] = [
  // security headers
  { module: 'helmet', kind: 'helmet' },
  { module: 'koa-helmet', kind: 'helmet' },
  { module: '@fastify/helmet', kind: 'helmet' },
  { module: 'fastify-helmet', kind: 'helmet' },
  { module: 'hono/secure-headers', kind: 'helmet', exports: ['secureHeaders'] },
  // rate limiters
  { module: 'express-rate-limit', kind: 'rate-limit' },
  { module: 'rate-limiter-flexible', kind: 'rate-limit' },
  { module: '@fastify/rate-limit', kind: 'rate-limit' },
  { module: 'fastify-rate-limit', kind: 'rate-limit' },
  { module: 'koa-ratelimit', kind: 'rate-limit' },
  { module: 'koa2-ratelimit', kind: 'rate-limit' },
  { module: 'hono-rate-limiter', kind: 'rate-limit' },
  { module: 'express-slow-down', kind: 'rate-limit' },
  { module: 'express-brute', kind: 'rate-limit' },
  { module: '@nestjs/throttler', kind: 'rate-limit' },
  // sessions
  { module: 'express-session', kind: 'session' },
  { module: 'cookie-session', kind: 'session' },
  { module: 'koa-session', kind: 'session' },
  { module: '@fastify/session', kind: 'session' },
  { module: '@fastify/secure-session', kind: 'session' },
  // CORS
  { module: 'cors', kind: 'cors' },
  { module: '@koa/cors', kind: 'cors' },
  { module: '@fastify/cors', kind: 'cors' },
  { module: 'fastify-cors', kind: 'cors' },
  { module: 'hono/cors', kind: 'cors', exports: ['cors'] },
  // body parsers
  { module: 'body-parser', kind: 'body-parser' },
  { module: 'express', kind: 'body-parser', exports: ['json', 'urlencoded', 'raw', 'text'] },
  { module: 'koa-body', kind: 'body-parser' },
  { module: 'koa-bodyparser', kind: 'body-parser' },
  { module: '@koa/bodyparser', kind: 'body-parser' },
  { module: '@fastify/formbody', kind: 'body-parser' },
  // uploads
  { module: 'multer', kind: 'upload' },
  { module: 'express-fileupload', kind: 'upload' },
  { module: '@fastify/multipart', kind: 'upload' },
  { module: 'formidable', kind: 'upload' },
  { module: 'busboy', kind: 'upload' },
  { module: 'connect-busboy', kind: 'upload' },
  // cookies and CSRF
  { module: 'cookie-parser', kind: 'cookie-parser' },
  { module: '@fastify/cookie', kind: 'cookie-parser' },
  { module: 'csurf', kind: 'csrf' },
  { module: 'csrf-csrf', kind: 'csrf' },
  { module: '@fastify/csrf-protection', kind: 'csrf' },
  { module: 'hono/csrf', kind: 'csrf', exports: ['csrf'] },
];

/** Modules of one kind. */
export function middlewareModules(kind: MiddlewareKind): string[] {
  return MIDDLEWARE.filter((row) => row.kind === kind).map((row) => row.module);
}

/**
 * The helmet options that turn off a protection against a common attack, with the header each
 * sets (helmet, koa-helmet and @fastify/helmet share helmet's names; Hono's `secureHeaders` uses
 * the header-style names). Options for legacy or embedding headers (`xssFilter`,
 * `crossOriginEmbedderPolicy`, `crossOriginResourcePolicy`, `originAgentCluster`…) are left out:
 * turning those off is routine and does not open an attack.
 */
export const HELMET_PROTECTIONS: ReadonlyMap<string, string> = new Map([
  ['contentSecurityPolicy', 'Content-Security-Policy'],
  ['hsts', 'Strict-Transport-Security'],
  ['strictTransportSecurity', 'Strict-Transport-Security'],
  ['frameguard', 'X-Frame-Options'],
  ['xFrameOptions', 'X-Frame-Options'],
  ['noSniff', 'X-Content-Type-Options'],
  ['xContentTypeOptions', 'X-Content-Type-Options'],
]);

/** Modules whose default export (or named export) creates an HTTP app or router. */
export interface AppFactoryRow {
  module: string;
  /** Module path of the factory result: `['()']` for `express()`, `['new']` for `new Koa()`. */
  path: readonly string[];
  framework: 'express' | 'fastify' | 'koa' | 'nestjs' | 'hono';
  router: boolean;
}

export const APP_FACTORIES: readonly AppFactoryRow[] = [
  { module: 'express', path: ['()'], framework: 'express', router: false },
  { module: 'express', path: ['Router', '()'], framework: 'express', router: true },
  { module: 'express', path: ['Router', 'new'], framework: 'express', router: true },
  { module: 'router', path: ['()'], framework: 'express', router: true },
  { module: 'fastify', path: ['()'], framework: 'fastify', router: false },
  { module: 'fastify', path: ['fastify', '()'], framework: 'fastify', router: false },
  { module: 'koa', path: ['new'], framework: 'koa', router: false },
  { module: '@koa/router', path: ['new'], framework: 'koa', router: true },
  { module: 'koa-router', path: ['new'], framework: 'koa', router: true },
  { module: 'koa-router', path: ['()'], framework: 'koa', router: true },
  { module: '@nestjs/core', path: ['NestFactory', 'create', '()'], framework: 'nestjs', router: false },
  { module: 'hono', path: ['Hono', 'new'], framework: 'hono', router: false },
];

export const APP_MODULES: readonly string[] = [...new Set(APP_FACTORIES.map((row) => row.module))];
