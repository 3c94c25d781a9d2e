/**
 * Where server code sends a browser elsewhere: redirect methods of response objects, redirect
 * functions resolved by import, and the `Location` header written by hand. Data only.
 */

/**
 * `.redirect()` on a response object: Express `res.redirect([status,] url)`, Fastify
 * `reply.redirect([code,] url)` (v4) / `reply.redirect(url[, code])` (v5), Koa
 * `ctx.redirect(url[, alt])`, Hono `c.redirect(location[, status])`. The target is the first
 * argument that is not a status code.
 */
export const REDIRECT_METHODS: ReadonlySet<string> = new Set(['redirect']);

/**
 * Koa's `ctx.redirect('back', alt)` sends the browser to its own `Referer` (same-origin only since
 * Koa 3) or to `alt`: only `alt` is the code's choice, and only it is checked.
 */
export const BACK_TARGET = 'back';

/** Redirect functions resolved by import (the target is the first argument). */
export const REDIRECT_FUNCTIONS: readonly { modules: readonly string[]; path: readonly string[] }[] = [
  { modules: ['next/navigation'], path: ['redirect'] },
  { modules: ['next/navigation'], path: ['permanentRedirect'] },
  { modules: ['next/server'], path: ['NextResponse', 'redirect'] },
  { modules: ['@remix-run/node', '@remix-run/cloudflare', '@remix-run/deno', 'react-router', '@sveltejs/kit'], path: ['redirect'] },
];

/** Static `redirect(url, status)` of the global Fetch API `Response`. */
export const GLOBAL_REDIRECT_CLASSES: ReadonlySet<string> = new Set(['Response']);

/** Header-writing methods taking `(name, value)`: `res.setHeader`, `res.set`, `reply.header`, `c.header`, `headers.set`. */
export const HEADER_METHODS: ReadonlySet<string> = new Set(['setHeader', 'set', 'header', 'append', 'appendHeader']);

/** Methods taking a headers object after the status: `res.writeHead(302, { Location })`. */
export const HEAD_METHODS: ReadonlySet<string> = new Set(['writeHead']);

/** Methods that set the `Location` header from their one argument: Express `res.location(url)`. */
export const LOCATION_METHODS: ReadonlySet<string> = new Set(['location']);

/** The header a redirect target travels in (compared case-insensitively). */
export const LOCATION_HEADER = 'location';
