/**
 * Cookie writers and session middleware: which calls set a cookie, where its name, value and
 * options sit, and which attributes each library sets when the options leave them out.
 */

/** The three attributes that protect a session or authentication cookie. */
export type CookieAttribute = 'httpOnly' | 'secure' | 'sameSite';

/**
 * What a writer does with an attribute the options leave out:
 * - `on`: the library sets it (Koa's `ctx.cookies.set` sets `httpOnly`);
 * - `off`: the cookie goes out without it;
 * - `configurable`: the library takes defaults registered elsewhere (@fastify/cookie's
 *   `parseOptions`), so a missing attribute says nothing.
 */
export type AttributeDefault = 'on' | 'off' | 'configurable';

export type CookieDefaults = Readonly<Record<CookieAttribute, AttributeDefault>>;

export type CookieWriterId = 'express' | 'fastify' | 'koa' | 'next' | 'hono' | 'cookie' | 'header';

export interface CookieWriter {
  id: CookieWriterId;
  /** How the call is named in messages. */
  label: string;
  defaults: CookieDefaults;
}

const NONE: CookieDefaults = { httpOnly: 'off', secure: 'off', sameSite: 'off' };

/**
 * Express `res.cookie()` sets none of the attributes; Next.js `cookies().set()` and
 * `response.cookies.set()` neither; Hono's `setCookie()` only sets `Path=/`; the `cookie`
 * package's `serialize()` writes only what it is given; Koa's `ctx.cookies.set()` (the `cookies`
 * package) sets `httpOnly: true` and nothing else; @fastify/cookie's `reply.setCookie()` merges the
 * plugin's registered options, which this file may not show.
 */
export const COOKIE_WRITERS: Readonly<Record<CookieWriterId, CookieWriter>> = {
  express: { id: 'express', label: 'res.cookie()', defaults: NONE },
  fastify: { id: 'fastify', label: 'reply.setCookie()', defaults: { httpOnly: 'configurable', secure: 'configurable', sameSite: 'configurable' } },
  koa: { id: 'koa', label: 'ctx.cookies.set()', defaults: { httpOnly: 'on', secure: 'off', sameSite: 'off' } },
  next: { id: 'next', label: 'cookies().set()', defaults: NONE },
  hono: { id: 'hono', label: 'setCookie()', defaults: NONE },
  cookie: { id: 'cookie', label: 'cookie.serialize()', defaults: NONE },
  header: { id: 'header', label: 'a Set-Cookie header', defaults: NONE },
};

/** Modules whose cookie writers are recognised by import. */
export const NEXT_COOKIE_MODULES: readonly string[] = ['next/headers', 'next/headers.js', 'next/server', 'next/server.js'];
export const HONO_COOKIE_MODULES: readonly string[] = ['hono/cookie'];
/** Hono's writers and the position of their options argument. */
export const HONO_COOKIE_FUNCTIONS: ReadonlyMap<string, number> = new Map([
  ['setCookie', 3],
  ['setSignedCookie', 4],
]);
export const COOKIE_SERIALIZE_MODULES: readonly string[] = ['cookie'];
/** The `cookies` package (what Koa uses): `new Cookies(req, res).set(name, value, opts)`. */
export const COOKIES_PACKAGE_MODULES: readonly string[] = ['cookies'];

/** Method names that write a cookie; the cheap first test. */
export const COOKIE_WRITE_METHODS: ReadonlySet<string> = new Set(['cookie', 'setCookie', 'set', 'serialize', 'setSignedCookie']);
/** Methods that set a response header by name: `res.setHeader('Set-Cookie', …)`, `headers.append(…)`. */
export const HEADER_WRITE_METHODS: ReadonlySet<string> = new Set(['setHeader', 'set', 'header', 'append', 'appendHeader']);
/** Methods that set response headers from an object: Node's `res.writeHead(status, [message], { 'Set-Cookie': … })`. */
export const HEADERS_OBJECT_METHODS: ReadonlySet<string> = new Set(['writeHead']);

/** Names of response objects, for `res.cookie()` on a response handed to a helper. */
export const RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'resp', 'reply']);

/**
 * Head words (the last word of the name, after `id`, `cookie`, `name`, `key`, `value`) that make a
 * cookie a session or authentication cookie: `connect.sid`, `auth`, `jwtToken`, `sessionId`,
 * `__Host-session`. `sessionTimeout` and `token_expires` are not: their head is something else.
 */
export const SESSION_COOKIE_HEADS: ReadonlySet<string> = new Set([
  'token', 'tokens', 'jwt', 'session', 'sess', 'sid', 'ssid', 'sessionid', 'auth', 'authentication',
  'authorization', 'bearer',
]);
/** Words that make a cookie an authentication cookie wherever they stand (`remember_me`, `rememberToken`). */
export const SESSION_COOKIE_ANYWHERE: ReadonlySet<string> = new Set(['remember']);
/** Trailing words that describe a cookie's name rather than what it holds: `session_id`, `authCookie`, `SESSION_COOKIE_NAME`. */
export const COOKIE_NAME_QUALIFIERS: ReadonlySet<string> = new Set(['id', 'cookie', 'cookies', 'name', 'key', 'value', 'val']);

/**
 * Words that make a cookie something scripts are meant to read, whatever else its name holds:
 * preferences, consent, analytics, and double-submit CSRF tokens (which must be readable by the
 * page's script to be echoed in a header).
 */
export const PREFERENCE_COOKIE_WORDS: ReadonlySet<string> = new Set([
  'theme', 'lang', 'language', 'locale', 'consent', 'cookieconsent', 'gdpr', 'currency', 'timezone', 'tz',
  'dark', 'mode', 'preferences', 'prefs', 'pref', 'banner', 'dismissed', 'tour', 'onboarding', 'sidebar',
  'layout', 'ga', 'gid', 'analytics', 'tracking', 'utm', 'ab', 'experiment', 'variant', 'csrf', 'xsrf',
  'redirect', 'return', 'returnto', 'state', 'flash', 'visited', 'country', 'region',
]);

/** Where a session middleware keeps the options of its cookie. */
export type SessionCookieShape = 'nested' | 'top-level';

export interface SessionModule {
  modules: readonly string[];
  /** How the library is named in messages. */
  label: string;
  /** `session(opts)` (a call of the export) or `app.register(plugin, opts)`. */
  kind: 'call' | 'plugin';
  /** Where the cookie attributes sit: under `cookie` (express-session, Fastify) or beside the other options. */
  cookie: SessionCookieShape;
  /** Option keys that name the cookie. */
  nameOptions: readonly string[];
  /** The cookie name when none is given, when that name tells which library runs (reported). */
  fingerprintName: string | null;
  /** The attributes the library sets on its cookie when the options leave them out. */
  defaults: CookieDefaults;
  /**
   * The attributes whose absence is reported: those the library leaves off and that the
   * application is expected to set here (express-session's `cookie.secure`).
   */
  reportMissing: readonly CookieAttribute[];
}

/**
 * Session middleware and their cookie defaults: express-session's cookie is
 * `{ path: '/', httpOnly: true, secure: false }` named `connect.sid`; cookie-session (named
 * `session`) and koa-session (named `koa.sess`) set `httpOnly` and leave `secure` to the options;
 * @fastify/session sets `httpOnly` and `secure` (named `sessionId`); @fastify/secure-session's
 * cookie options go to @fastify/cookie.
 */
export const SESSION_MODULES: readonly SessionModule[] = [
  {
    modules: ['express-session'],
    label: 'express-session',
    kind: 'call',
    cookie: 'nested',
    nameOptions: ['name', 'key'],
    fingerprintName: 'connect.sid',
    defaults: { httpOnly: 'on', secure: 'off', sameSite: 'off' },
    reportMissing: ['secure'],
  },
  {
    modules: ['cookie-session'],
    label: 'cookie-session',
    kind: 'call',
    cookie: 'top-level',
    nameOptions: ['name'],
    fingerprintName: null,
    defaults: { httpOnly: 'on', secure: 'off', sameSite: 'off' },
    reportMissing: [],
  },
  {
    modules: ['koa-session'],
    label: 'koa-session',
    kind: 'call',
    cookie: 'top-level',
    nameOptions: ['key'],
    fingerprintName: null,
    defaults: { httpOnly: 'on', secure: 'off', sameSite: 'off' },
    reportMissing: [],
  },
  {
    modules: ['@fastify/session', 'fastify-session'],
    label: '@fastify/session',
    kind: 'plugin',
    cookie: 'nested',
    nameOptions: ['cookieName'],
    fingerprintName: null,
    defaults: { httpOnly: 'on', secure: 'on', sameSite: 'off' },
    reportMissing: [],
  },
  {
    modules: ['@fastify/secure-session', 'fastify-secure-session'],
    label: '@fastify/secure-session',
    kind: 'plugin',
    cookie: 'nested',
    nameOptions: ['cookieName'],
    fingerprintName: null,
    defaults: { httpOnly: 'configurable', secure: 'configurable', sameSite: 'configurable' },
    reportMissing: [],
  },
];

export const SESSION_MODULE_NAMES: readonly string[] = SESSION_MODULES.flatMap((m) => m.modules);
