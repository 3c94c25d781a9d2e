import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-unsafe-trust-proxy.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-unsafe-trust-proxy', rule, {
  valid: [
    // hop counts, subnets, named presets, functions, configuration
    { code: "import express from 'express'; const app = express(); app.set('trust proxy', 1);", languageOptions: esm },
    { code: "const app = require('express')(); app.set('trust proxy', 2);", languageOptions: cjs },
    { code: "app.set('trust proxy', 'loopback');", languageOptions: esm },
    { code: "app.set('trust proxy', 'loopback, uniquelocal');", languageOptions: esm },
    { code: "app.set('trust proxy', ['loopback', '10.0.0.0/8']);", languageOptions: esm },
    { code: "app.set('trust proxy', (ip) => ip === '127.0.0.1' || ip === '10.0.0.5');", languageOptions: ts },
    { code: "app.set('trust proxy', process.env.TRUST_PROXY);", languageOptions: esm },
    { code: "app.set('trust proxy', config.get('trustProxy'));", languageOptions: esm },
    { code: "app.set('trust proxy', false); app.disable('trust proxy');", languageOptions: esm },
    { code: "const hops = Number(process.env.PROXY_HOPS ?? 1); app.set('trust proxy', hops);", languageOptions: ts },
    // other settings; reading the setting
    { code: "app.enable('strict routing'); app.set('view engine', 'pug'); if (app.get('trust proxy')) log();", languageOptions: esm },
    { code: "app.enable('trust proxy', extra);", languageOptions: esm },
    // Fastify: hop counts, lists; trustProxy on something that is not a Fastify app
    { code: "import Fastify from 'fastify'; const app = Fastify({ trustProxy: 1 });", languageOptions: esm },
    { code: "import Fastify from 'fastify'; const app = Fastify({ trustProxy: ['127.0.0.1', '10.0.0.0/8'] });", languageOptions: esm },
    { code: "import Fastify from 'fastify'; const app = Fastify({ trustProxy: process.env.TRUST_PROXY === 'true' ? 1 : false });", languageOptions: ts },
    { code: "const settings = { trustProxy: true }; export default settings;", languageOptions: esm },
    { code: "import httpProxy from 'http-proxy'; const proxy = httpProxy.createProxyServer({ xfwd: true, proxy: true });", languageOptions: esm },
    // Koa with maxIpsCount, or not a Koa app
    { code: "import Koa from 'koa'; const app = new Koa({ proxy: true, maxIpsCount: 1 });", languageOptions: esm },
    { code: "const Koa = require('koa'); const app = new Koa(); app.proxy = true; app.maxIpsCount = 1;", languageOptions: cjs },
    { code: "const agent = {}; agent.proxy = true;", languageOptions: esm },
    { code: "import Koa from 'koa'; const app = new Koa(); app.proxy = process.env.BEHIND_PROXY === '1';", languageOptions: esm },
    // X-Forwarded-For read for display, or keys from req.ip
    { code: "import rateLimit from 'express-rate-limit'; app.use(rateLimit({ windowMs: 60000, max: 10, keyGenerator: (req) => req.ip }));", languageOptions: esm },
    { code: "import rateLimit from 'express-rate-limit'; app.use(rateLimit({ keyGenerator: (req) => req.user?.id ?? req.ip }));", languageOptions: ts },
    { code: "app.use((req, res, next) => { res.locals.forwarded = req.headers['x-forwarded-for']; next(); });", languageOptions: esm },
    { code: "const keyGenerator = (req) => req.headers['x-forwarded-for']; export const options = { keyGenerator };", languageOptions: esm },
    { code: "import { RateLimiterMemory } from 'rate-limiter-flexible'; const limiter = new RateLimiterMemory({ points: 5 }); app.use((req, res, next) => limiter.consume(req.ip).then(() => next()));", languageOptions: esm },
    { code: "const ip = req.headers['x-forwarded-for']; if (seenHosts.includes(host)) ok();", languageOptions: esm },
    { code: "const ip = req.headers['x-forwarded-for']; if (ip.includes(',')) split();", languageOptions: esm },
    { code: "const cache = new Map(); cache.get(req.headers['x-forwarded-for']);", languageOptions: esm },
    // the header kept beside the derived address, or stored outside any log entry
    { code: "logger.info({ ip: req.ip, forwardedFor: req.headers['x-forwarded-for'] }, 'login');", languageOptions: esm },
    { code: "const session = { ip: req.headers['x-forwarded-for'] }; sessions.push(session);", languageOptions: esm },
    { code: "audit.record({ ip: req.ip, action: 'login' });", languageOptions: esm },
    // strange code
    { code: '', languageOptions: esm },
    { code: "app.set(...args); app.set(); app[method]('trust proxy', true); app.enable();", languageOptions: esm },
    { code: "import Koa from 'koa'; const app = new Koa(); app['proxy'] = maybe; ({ proxy: true } satisfies object);", languageOptions: ts },
    { code: "import express = require('express'); const app = express(); app.set(`trust ${what}`, true);", languageOptions: ts },
    // review: careful code
    // rightmost X-Forwarded-For entry taken only from a trusted peer
    { code: "const TRUSTED = new Set(['10.0.0.5']); export function clientIp(req) { const peer = req.socket.remoteAddress; const ip = TRUSTED.has(peer) ? String(req.headers['x-forwarded-for']).split(',').pop().trim() : peer; if (allowedIps.includes(ip)) return ip; return null; }", languageOptions: esm },
    // hop count chosen by environment
    { code: "app.set('trust proxy', process.env.NODE_ENV === 'production' ? 1 : false);", languageOptions: esm },
    // Koa maxIpsCount in the constructor, proxy set later
    { code: "import Koa from 'koa'; const app = new Koa({ maxIpsCount: 1 }); app.proxy = true;", languageOptions: esm },
    // Koa maxIpsCount from configuration
    { code: "import Koa from 'koa'; const app = new Koa(); app.proxy = true; app.maxIpsCount = Number(process.env.PROXY_HOPS ?? 1);", languageOptions: ts },
    // express-rate-limit keyed on a CDN header, XFF validation off
    { code: "import rateLimit from 'express-rate-limit'; app.use(rateLimit({ windowMs: 60000, limit: 100, validate: { xForwardedForHeader: false }, keyGenerator: (req) => req.headers['cf-connecting-ip'] ?? req.ip }));", languageOptions: ts },
    // Fastify trust list as a comma-separated string
    { code: "import Fastify from 'fastify'; const app = Fastify({ trustProxy: '127.0.0.1,10.0.0.0/8' });", languageOptions: esm },
    // TypeScript `as const` hop count, configured preset
    { code: "import express from 'express'; const app = express(); app.set('trust proxy', 1 as const); app.set('trust proxy', config.trustProxy ?? 'loopback');", languageOptions: ts },
    // header logged beside req.ip, echoed in a response
    { code: "logger.warn({ ip: req.ip, xff: req.headers['x-forwarded-for'] }, 'blocked'); res.json({ ip: req.headers['x-forwarded-for'] });", languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers(
      [
        {
          code: "import express from 'express';\nconst app = express();\napp.set('trust proxy', true);",
          errors: [{ messageId: 'trustAll' as const, line: 3, suggestions: [{ messageId: 'oneHop' as const, output: "import express from 'express';\nconst app = express();\napp.set('trust proxy', 1);" }] }],
        },
        {
          code: "import express from 'express';\nconst app = express();\napp.enable('trust proxy');",
          errors: [{ messageId: 'trustAll' as const, suggestions: [{ messageId: 'oneHop' as const, output: "import express from 'express';\nconst app = express();\napp.set('trust proxy', 1);" }] }],
        },
        {
          code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true, trustProxy: true });",
          errors: [{ messageId: 'trustAll' as const, suggestions: [{ messageId: 'oneHop' as const, output: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true, trustProxy: 1 });" }] }],
        },
        {
          code: "import Koa from 'koa';\nconst app = new Koa({ proxy: true });",
          errors: [{ messageId: 'koaProxy' as const }],
        },
        {
          code: "import Koa from 'koa';\nconst app = new Koa();\napp.proxy = true;\napp.listen(3000);",
          errors: [{ messageId: 'koaProxy' as const, line: 3 }],
        },
        {
          code: "import rateLimit from 'express-rate-limit';\napp.use(rateLimit({ windowMs: 60000, max: 5, keyGenerator: (req) => req.headers['x-forwarded-for'] || req.ip }));",
          errors: [{ messageId: 'forwardedKey' as const }],
        },
        {
          code: "import { RateLimiterRedis } from 'rate-limiter-flexible';\nconst limiter = new RateLimiterRedis({ storeClient: redis, points: 5 });\nexport async function limit(req, res, next) {\n  const ip = req.get('X-Forwarded-For') || req.socket.remoteAddress;\n  await limiter.consume(ip);\n  next();\n}",
          errors: [{ messageId: 'forwardedKey' as const, line: 5 }],
        },
        {
          code: "const ALLOWED_IPS = ['10.0.0.1'];\nexport function adminOnly(req, res, next) {\n  const ip = req.headers['x-forwarded-for'];\n  if (!ALLOWED_IPS.includes(ip)) return res.sendStatus(403);\n  next();\n}",
          errors: [{ messageId: 'forwardedCheck' as const, line: 4 }],
        },
        {
          code: "export function auditLogin(req, user) {\n  auditLog.write({ action: 'login', user: user.id, ip: req.headers['x-forwarded-for'] || req.socket.remoteAddress });\n}",
          errors: [{ messageId: 'forwardedLog' as const, line: 2 }],
        },
      ],
      [esm, ts],
    ),
    {
      code: "module.exports = {\n  getRequestLogObject: function (req) {\n    return { user: req.user, path: req.path, ip: (req.headers && req.headers['x-forwarded-for']) || req.connection.remoteAddress };\n  },\n};",
      languageOptions: cjs,
      errors: [{ messageId: 'forwardedLog', line: 3 }],
    },
    {
      code: "const logger = require('pino')();\nfunction onLogin(req) {\n  logger.info({ event: 'login', clientIp: req.get('x-forwarded-for') });\n}",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'forwardedLog', line: 3 }],
    },
    {
      code: "const express = require('express');\nconst app = express();\napp.set('trust proxy', true);",
      languageOptions: cjs,
      errors: [{ messageId: 'trustAll', suggestions: [{ messageId: 'oneHop', output: "const express = require('express');\nconst app = express();\napp.set('trust proxy', 1);" }] }],
    },
    {
      code: "const rateLimit = require('express-rate-limit');\nfunction keyGenerator(req) { return req.header('x-forwarded-for'); }\nmodule.exports = rateLimit({ keyGenerator });",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'forwardedKey' }],
    },
    {
      code: "const Koa = require('koa');\nconst app = new Koa();\napp.proxy = true;\nmodule.exports = app;",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'koaProxy' }],
    },
    {
      code: "import { NestFactory } from '@nestjs/core';\nimport { FastifyAdapter } from '@nestjs/platform-fastify';\nconst app = await NestFactory.create(AppModule, new FastifyAdapter({ trustProxy: true }));",
      languageOptions: ts,
      errors: [{ messageId: 'trustAll', suggestions: [{ messageId: 'oneHop', output: "import { NestFactory } from '@nestjs/core';\nimport { FastifyAdapter } from '@nestjs/platform-fastify';\nconst app = await NestFactory.create(AppModule, new FastifyAdapter({ trustProxy: 1 }));" }] }],
    },
    {
      code: "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.set('trust proxy', true);",
      languageOptions: ts,
      errors: [{ messageId: 'trustAll', suggestions: [{ messageId: 'oneHop', output: "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.set('trust proxy', 1);" }] }],
    },
  ],
});
