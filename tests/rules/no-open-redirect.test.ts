import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-open-redirect.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const EXPRESS = "import express from 'express';\nconst app = express();\n";
const err = [{ messageId: 'openRedirect' as const }];

ruleTester.run('no-open-redirect', rule, {
  valid: [
    // Constant targets and constant origins.
    `${EXPRESS}app.get('/a', (req, res) => res.redirect('/home'));`,
    `${EXPRESS}app.get('/a', (req, res) => res.redirect(301, '/home'));`,
    `${EXPRESS}app.get('/u/:id', (req, res) => res.redirect('/users/' + req.params.id));`,
    `${EXPRESS}app.get('/u', (req, res) => res.redirect(\`https://app.example.com/\${req.query.path}\`));`,
    `${EXPRESS}app.get('/s', (req, res) => res.redirect('/?q=' + req.query.q));`,
    `${EXPRESS}app.get('/s', (req, res) => res.redirect('/search?q=' + req.query.q));`,
    `${EXPRESS}app.get('/l', (req, res) => res.redirect('/login?next=' + encodeURIComponent(req.originalUrl)));`,
    `${EXPRESS}app.get('/l', (req, res) => res.redirect('?page=' + req.query.page));`,
    // Allow-lists.
    `${EXPRESS}const ALLOWED = new Set(['/a', '/b']);
app.get('/r', (req, res) => { const next = req.query.next; if (!ALLOWED.has(next)) return res.redirect('/'); res.redirect(next); });`,
    `${EXPRESS}const ALLOWED = ['/a', '/b'];
app.get('/r', (req, res) => { const next = req.query.next; res.redirect(ALLOWED.includes(next) ? next : '/'); });`,
    `${EXPRESS}app.get('/r', (req, res) => { const next = String(req.query.next); if (next.startsWith('/') && !next.startsWith('//')) { res.redirect(next); } else { res.redirect('/'); } });`,
    `${EXPRESS}app.get('/r', (req, res) => { const next = req.query.next; if (!/^\\/[^/\\\\]/.test(next)) return res.sendStatus(400); return res.redirect(next); });`,
    // Origin checks on a parsed URL.
    `${EXPRESS}const BASE = new URL('https://app.example.com');
app.get('/r', (req, res) => { const url = new URL(req.query.next, BASE); if (url.origin !== BASE.origin) return res.redirect('/'); res.redirect(url.href); });`,
    `${EXPRESS}app.get('/r', (req, res) => { const target = new URL(req.query.next, 'https://x.test'); if (target.hostname === req.hostname) res.redirect(target.toString()); });`,
    // Check functions.
    `${EXPRESS}function isSafeRedirect(u) { return u.startsWith('/') && !u.startsWith('//'); }
app.get('/r', (req, res) => { const { returnTo } = req.query; if (!isSafeRedirect(returnTo)) { return res.redirect('/'); } res.redirect(returnTo); });`,
    `${EXPRESS}app.get('/r', (req, res) => isRelativeUrl(req.query.next) ? res.redirect(req.query.next) : res.redirect('/'));`,
    { code: `${EXPRESS}app.get('/r', (req, res) => { if (!myCheck(req.query.next)) return; res.redirect(req.query.next); });`, options: [{ guards: ['myCheck'] }] },
    // Compared with a constant.
    `${EXPRESS}app.get('/r', (req, res) => { if (req.query.next === '/dashboard') res.redirect(req.query.next); });`,
    // Configuration and values the code supplies.
    `${EXPRESS}app.get('/r', (req, res) => res.redirect(process.env.LOGIN_URL));`,
    `${EXPRESS}app.get('/r', (req, res) => res.redirect(config.frontendUrl + req.query.path));`,
    // Upgrade to HTTPS: the browser sends its own Host.
    `${EXPRESS}app.use((req, res, next) => { if (!req.secure) return res.redirect('https://' + req.headers.host + req.url); next(); });`,
    `${EXPRESS}app.use((req, res) => res.redirect(301, \`https://\${req.hostname}\${req.originalUrl}\`));`,
    // Koa: 'back' reads the Referer itself; a constant fallback.
    "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.redirect('back', '/'); });",
    // Location header with constant values; other headers.
    `${EXPRESS}app.get('/r', (req, res) => { res.setHeader('Location', '/home'); res.setHeader('X-Next', req.query.next); res.status(302).end(); });`,
    `${EXPRESS}app.get('/r', (req, res) => { res.writeHead(302, { Location: '/users/' + req.query.id }); res.end(); });`,
    `${EXPRESS}app.get('/r', (req, res) => { res.set('Content-Type', req.query.type); });`,
    // Look-alike names on unrelated objects, with no request data.
    "const router = makeRouter();\nrouter.redirect('/old', '/new');",
    "function go(url) { window.location.assign(url); history.location(url); }",
    // next/navigation with a constant; an unrelated local `redirect`.
    "import { redirect } from 'next/navigation';\nexport default function Page() { redirect('/login'); }",
    "function redirect(u) { return u; }\nexport function GET(request) { return redirect(new URL(request.url).searchParams.get('next')); }",
    "import { NextResponse } from 'next/server';\nexport function GET(request) { return NextResponse.redirect(new URL('/login', request.url)); }",
    // A stored link with a request value put inside it (the start is the stored URL).
    `${EXPRESS}app.get('/r/:slug', async (req, res) => {
  const url = new URL(req.originalUrl, 'https://x.test');
  const link = await links.find(req.params.slug);
  let redirectUrl = link.to.href;
  const memberUuid = url.searchParams.get('m');
  if (memberUuid) redirectUrl = redirectUrl.replaceAll('%%{uuid}%%', memberUuid);
  return res.redirect(redirectUrl);
});`,
    // The request's own path, sent back with a trailing slash or a segment dropped.
    `${EXPRESS}function ensureSlash(req, res, next) { var parts = req.originalUrl.split('?'); if (parts[0].slice(-1) != '/') { parts[0] += '/'; res.redirect(301, parts.join('?')); } else { next(); } }
app.get('/admin', ensureSlash);`,
    `${EXPRESS}app.use((req, res) => { let url = req.originalUrl.replace('/size/w100', ''); url = url.replace(/^\\/+/, '/'); return res.redirect(url); });`,
    // Strange code.
    `${EXPRESS}app.get('/r', (req, res) => res.redirect(...args));`,
    `${EXPRESS}app.get('/r', (req, res) => res?.redirect?.());`,
    { code: `${EXPRESS}app.get('/r', (req, res) => res.redirect(req.query.next as unknown as string satisfies string ? '/' : '/'));`, languageOptions: ts },
    { code: "@Controller() class A { @Get() @Redirect('/x') go() { return { url: '/y' }; } }", languageOptions: ts },
  ],
  invalid: [
    ...acrossParsers(
      [
        { code: `${EXPRESS}app.get('/r', (req, res) => res.redirect(req.query.next));`, errors: err },
        // A leading `/` alone admits `//evil.example`: a first-character test is no guard here.
        { code: `${EXPRESS}app.get('/r', (req, res) => { const next = req.query.next; if (next[0] !== '/') return res.redirect('/'); res.redirect(next); });`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => res.redirect(302, req.query.returnTo));`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => res.redirect(\`\${req.query.returnTo}\`));`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => res.redirect(req.get('referer')));`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => res.redirect('/' + req.query.path));`, errors: err },
        { code: `${EXPRESS}app.post('/login', (req, res) => { const { next } = req.body; res.redirect(next || '/'); });`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => { res.setHeader('Location', req.query.to); res.statusCode = 302; res.end(); });`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => { res.writeHead(302, { Location: req.query.to }); res.end(); });`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => { res.location(req.query.to).sendStatus(302); });`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => res.redirect(new URL(req.query.to, 'https://app.example.com').href));`, errors: err },
        { code: `${EXPRESS}app.get('/r', (req, res) => { let u = req.query.next; u = u.trim(); res.redirect(u); });`, errors: err },
        { code: "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.redirect(ctx.query.url); });", errors: err },
        { code: "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/r', async (request, reply) => reply.redirect(request.query.url, 302));", errors: err },
        { code: "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/r', (c) => c.redirect(c.req.query('to')));", errors: err },
      ],
      [esm, ts],
    ),
    {
      code: "const express = require('express');\nconst app = express();\napp.get('/r', (req, res) => res.redirect(req.query.next));",
      languageOptions: cjs,
      errors: err,
    },
  ],
});
