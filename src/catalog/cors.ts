/**
 * CORS middleware: the modules that configure Cross-Origin Resource Sharing, how each is applied
 * (a middleware factory called with its options, or a plugin registered with them), and how each
 * reads its `origin` option. Steps from a module's export are written as `core/modules.ts` writes
 * them (property names, `()` for a call).
 */

/**
 * How a library calls an `origin` function:
 * - `callback`: `(origin, callback)`, allowed when called back with `(null, true)` or `(null, origin)`
 *   (cors, @fastify/cors);
 * - `context`: `(ctx)`, returning the value of `Access-Control-Allow-Origin` (@koa/cors, koa2-cors);
 * - `value`: `(origin, c)`, returning the value of `Access-Control-Allow-Origin` (hono/cors).
 */
export type OriginFunctionStyle = 'callback' | 'context' | 'value';

export interface CorsLibrary {
  /** Module specifiers, as imported or required. */
  modules: readonly string[];
  /** Name used in messages. */
  name: string;
  /** Export paths of the middleware factory, called with the options (`cors(options)`). */
  factories: readonly (readonly string[])[];
  /** True for a plugin registered with its options (`fastify.register(cors, options)`). */
  plugin?: boolean;
  /** Whether `origin: true` reflects the request's `Origin` header. */
  trueReflects: boolean;
  /**
   * Whether, with `credentials: true`, an absent `origin` or `origin: '*'` is replaced by the
   * request's `Origin` (@koa/cors: "If `credentials` set and return `true`, the `origin` default
   * value will set to the request `Origin` header"; before 5.0 the default was the request's origin).
   */
  wildcardReflectsWithCredentials: boolean;
  /** Whether an absent `origin` sends the request's own `Origin` back (koa2-cors: `options.origin || ctx.get('Origin')`). */
  defaultReflects?: boolean;
  /** Whether `origin: '*'` with credentials drops the credentials header instead (koa2-cors, outside preflights). */
  wildcardDropsCredentials?: boolean;
  originFunction: OriginFunctionStyle;
}

export const CORS_LIBRARIES: readonly CorsLibrary[] = [
  {
    modules: ['cors'],
    name: 'cors',
    factories: [[]],
    trueReflects: true,
    wildcardReflectsWithCredentials: false,
    originFunction: 'callback',
  },
  {
    modules: ['@fastify/cors', 'fastify-cors'],
    name: '@fastify/cors',
    factories: [[], ['fastifyCors']],
    plugin: true,
    trueReflects: true,
    wildcardReflectsWithCredentials: false,
    originFunction: 'callback',
  },
  {
    // `if (credentials && origin === '*') origin = requestOrigin`, also for what an `origin` function returns.
    modules: ['@koa/cors'],
    name: '@koa/cors',
    factories: [[]],
    trueReflects: false,
    wildcardReflectsWithCredentials: true,
    originFunction: 'context',
  },
  {
    modules: ['koa2-cors'],
    name: 'koa2-cors',
    factories: [[]],
    trueReflects: false,
    wildcardReflectsWithCredentials: false,
    defaultReflects: true,
    wildcardDropsCredentials: true,
    originFunction: 'context',
  },
  {
    modules: ['hono/cors'],
    name: 'hono/cors',
    factories: [['cors']],
    trueReflects: false,
    wildcardReflectsWithCredentials: false,
    originFunction: 'value',
  },
];

/**
 * NestJS: `app.enableCors(options)` on the application `NestFactory.create()` makes, and the `cors`
 * option of `NestFactory.create(module, options)` (or `(module, adapter, options)`). The Express
 * adapter hands the options to `cors`, the Fastify adapter to `@fastify/cors`: both reflect the
 * request's origin for `origin: true`.
 */
export const NEST_CORE_MODULE = '@nestjs/core';
export const NEST_FACTORY_PATH: readonly string[] = ['NestFactory', 'create'];
export const NEST_ENABLE_CORS = 'enableCors';
/** Application types whose `enableCors` is NestJS's, when the application is a typed parameter. */
export const NEST_APPLICATION_TYPES: ReadonlySet<string> = new Set(['INestApplication', 'NestExpressApplication', 'NestFastifyApplication']);
export const NEST_TYPE_MODULES: readonly string[] = ['@nestjs/common', '@nestjs/platform-express', '@nestjs/platform-fastify'];

/** Every module named in this file, for the rule's file gate. */
export const CORS_MODULES: readonly string[] = [...CORS_LIBRARIES.flatMap((l) => l.modules), NEST_CORE_MODULE];

/** The response headers of a hand-written CORS policy, lower-cased. */
export const ALLOW_ORIGIN_HEADER = 'access-control-allow-origin';
export const ALLOW_CREDENTIALS_HEADER = 'access-control-allow-credentials';

/**
 * Methods that set one response header by name and value: Node `res.setHeader`, Express
 * `res.header`/`res.set`/`res.append`, Koa `ctx.set`/`ctx.append`, Fastify `reply.header`, the Web
 * `Headers#set`/`#append` (Next.js, Hono `c.header`).
 */
export const HEADER_SETTERS: ReadonlySet<string> = new Set(['setHeader', 'header', 'set', 'append']);

/** Methods with which an origin function or handler checks an origin against an allow-list or pattern. */
export const ORIGIN_CHECK_METHODS: ReadonlySet<string> = new Set([
  'includes',
  'has',
  'indexOf',
  'test',
  'exec',
  'match',
  'some',
  'find',
  'findIndex',
  'every',
  'endsWith',
  'startsWith',
  'get',
]);
