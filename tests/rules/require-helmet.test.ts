import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-helmet.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();
const strict = [{ reportMissingHelmet: true }] as [{ reportMissingHelmet: boolean }];

ruleTester.run('require-helmet', rule, {
  valid: [
    // helmet with its protections on, or configured
    { code: "import express from 'express'; import helmet from 'helmet'; const app = express(); app.use(helmet()); app.listen(3000);", languageOptions: esm, options: strict },
    { code: "import helmet from 'helmet'; app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: [\"'self'\"] } }, hsts: { maxAge: 31536000 } }));", languageOptions: esm },
    { code: "import helmet from 'helmet'; app.use(helmet({ crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }));", languageOptions: esm },
    { code: "import helmet from 'helmet'; app.use(helmet({ xssFilter: false, originAgentCluster: false }));", languageOptions: esm },
    { code: "import helmet from 'helmet'; app.use(helmet({ contentSecurityPolicy: process.env.NODE_ENV === 'production' ? undefined : false }));", languageOptions: ts },
    // a sub-middleware of helmet not mounted is not a finding
    { code: "import helmet from 'helmet'; app.use(helmet.frameguard({ action: 'deny' })); app.use(helmet.contentSecurityPolicy({ useDefaults: true }));", languageOptions: esm },
    { code: "import fastifyHelmet from '@fastify/helmet'; await app.register(fastifyHelmet, { global: true });", languageOptions: esm },
    { code: "import { secureHeaders } from 'hono/secure-headers'; app.use('*', secureHeaders({ xFrameOptions: 'DENY' }));", languageOptions: ts },
    // not helmet: look-alike options
    { code: "import cors from 'cors'; app.use(cors({ hsts: false }));", languageOptions: esm },
    { code: "const helmet = (o) => o; app.use(helmet({ contentSecurityPolicy: false }));", languageOptions: esm },
    { code: "import helmet from './helmet'; app.use(helmet({ contentSecurityPolicy: false }));", languageOptions: esm },
    // x-powered-by turned off
    { code: "import express from 'express'; const app = express(); app.disable('x-powered-by'); app.set('x-powered-by', false);", languageOptions: esm },
    // missing helmet is only reported with the option
    { code: "import express from 'express'; const app = express(); app.listen(3000);", languageOptions: esm },
    // strict: apps with helmet, a local security module, headers set by hand, handed to other code, routers, not started
    { code: "const express = require('express'); const helmet = require('helmet'); const app = express(); app.use(helmet()); module.exports = app;", languageOptions: cjs, options: strict },
    { code: "import express from 'express'; import { security } from './middleware/security'; const app = express(); app.use(security()); app.listen(3000);", languageOptions: esm, options: strict },
    { code: "import express from 'express'; const app = express(); app.use((req, res, next) => { res.setHeader('X-Frame-Options', 'DENY'); res.setHeader('Content-Security-Policy', \"default-src 'self'\"); next(); }); app.listen(3000);", languageOptions: esm, options: strict },
    { code: "const express = require('express'); const app = express(); require('./config/express')(app); app.listen(3000);", languageOptions: cjs, options: strict },
    { code: "import express from 'express'; const router = express.Router(); router.get('/', h); export default router;", languageOptions: esm, options: strict },
    { code: "import express from 'express'; const app = express(); app.get('/', h);", languageOptions: esm, options: strict },
    { code: "import Koa from 'koa'; import helmet from 'koa-helmet'; const app = new Koa(); app.use(helmet()); app.listen(3000);", languageOptions: esm, options: strict },
    { code: "import Fastify from 'fastify'; import helmet from '@fastify/helmet'; const app = Fastify(); await app.register(helmet); await app.listen({ port: 3000 });", languageOptions: esm, options: strict },
    { code: "import { NestFactory } from '@nestjs/core'; import helmet from 'helmet'; async function bootstrap() { const app = await NestFactory.create(AppModule); app.use(helmet()); await app.listen(3000); }", languageOptions: ts, options: strict },
    { code: "import { Hono } from 'hono'; const app = new Hono(); export default app;", languageOptions: esm, options: strict },
    // realworld: node-red-app-factory
    { code: "const express = require('express'); module.exports = { createExpressApp(settings) { const app = express(); const opts = Object.assign({ 'x-powered-by': false }, settings.httpServerOptions); for (const k in opts) app.set(k, opts[k]); return app; } };", languageOptions: cjs, options: strict },
    { code: "import express from 'express'; export function createApp() { const app = express(); app.use(express.json()); return app; }", languageOptions: esm, options: strict },
    // helmet through a constant, with conditional options, or before a body parser
    { code: "import express from 'express'; import helmet from 'helmet'; const app = express(); const security = helmet({ contentSecurityPolicy: false ? {} : undefined }); app.use(security); app.listen(3000);", languageOptions: esm, options: strict },
    { code: "import helmet from 'helmet'; const isDev = process.env.NODE_ENV !== 'production'; app.use(helmet({ contentSecurityPolicy: isDev ? false : undefined, hsts: !isDev }));", languageOptions: ts },
    { code: "import helmet from 'helmet'; app.use(helmet({ referrerPolicy: { policy: 'no-referrer' }, frameguard: { action: 'deny' }, hsts: { maxAge: 63072000, includeSubDomains: true, preload: true } }));", languageOptions: esm },
    { code: "import express from 'express'; import helmet from 'helmet'; export function createServer() { const app = express(); app.use(helmet()); app.use(express.json()); return app.listen(0); }", languageOptions: ts, options: strict },
    { code: "import { NestFactory } from '@nestjs/core'; import { FastifyAdapter } from '@nestjs/platform-fastify'; import helmet from '@fastify/helmet'; const app = await NestFactory.create(AppModule, new FastifyAdapter()); await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: [\"'self'\"] } } }); await app.listen(3000);", languageOptions: ts, options: strict },
    // strange code
    { code: '', languageOptions: esm, options: strict },
    { code: "import helmet from 'helmet'; app.use(helmet(...opts)); app.use(helmet(options)); app.enable(); app.set(...a);", languageOptions: esm },
    { code: "import helmet from 'helmet'; app.use(helmet({ [key]: false, ...rest } satisfies object));", languageOptions: ts },
    { code: "import express = require('express'); import helmet = require('helmet'); const app = express(); app.use(helmet()); export = app;", languageOptions: ts, options: strict },
    // review: careful code
    // helmet's own CSP middleware (per-request nonces) replaces the option turned off
    { code: "import helmet from 'helmet'; app.use(helmet({ contentSecurityPolicy: false })); app.use(helmet.contentSecurityPolicy({ useDefaults: true, directives: { scriptSrc: [\"'self'\", (req, res) => `'nonce-${res.locals.nonce}'`] } }));", languageOptions: esm },
    // CSP set by hand with a nonce after turning helmet's off
    { code: "import helmet from 'helmet'; import { cspWithNonce } from './csp'; app.use(helmet({ contentSecurityPolicy: false })); app.use((req, res, next) => { res.setHeader('Content-Security-Policy', cspWithNonce(res.locals.nonce)); next(); });", languageOptions: esm },
    // X-Frame-Options off because CSP frame-ancestors supersedes it
    { code: "import helmet from 'helmet'; app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: [\"'none'\"] } } }));", languageOptions: esm },
    // options chosen by an environment check
    { code: "import helmet from 'helmet'; const isDev = process.env.NODE_ENV !== 'production'; const options = isDev ? { contentSecurityPolicy: false } : {}; app.use(helmet(options));", languageOptions: ts },
    // helmet mounted under a production guard
    { code: "import express from 'express'; import helmet from 'helmet'; const app = express(); if (process.env.NODE_ENV === 'production') app.use(helmet()); app.listen(3000);", languageOptions: esm, options: strict },
    // helmet in an array of middleware
    { code: "import express from 'express'; import helmet from 'helmet'; import compression from 'compression'; const app = express(); app.use([helmet(), compression()]); app.listen(3000);", languageOptions: esm, options: strict },
    // TypeScript namespace import with `.default()`
    { code: "import * as helmet from 'helmet'; import express from 'express'; const app = express(); app.use(helmet.default()); app.listen(3000);", languageOptions: ts, options: strict },
    // Fastify CJS: plugin required inline with configured CSP
    { code: "const fastify = require('fastify')(); fastify.register(require('@fastify/helmet'), { contentSecurityPolicy: { directives: { defaultSrc: [\"'self'\"] } } }); fastify.listen({ port: 3000 });", languageOptions: cjs, options: strict },
    // typed HelmetOptions config object
    { code: "import type { HelmetOptions } from 'helmet'; import helmet from 'helmet'; const options: HelmetOptions = { hsts: { maxAge: 31536000 }, frameguard: { action: 'deny' } }; app.use(helmet(options));", languageOptions: ts },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "import helmet from 'helmet';\napp.use(helmet({ contentSecurityPolicy: false, hsts: false }));",
        errors: [
          { messageId: 'disabledProtection' as const, column: 18 },
          { messageId: 'disabledProtection' as const, column: 48 },
        ],
      },
      {
        code: "import helmet from 'helmet';\nconst helmetOptions = { frameguard: false };\napp.use(helmet(helmetOptions));",
        errors: [{ messageId: 'disabledProtection' as const, line: 2 }],
      },
      {
        code: "import helmet from '@fastify/helmet';\nawait app.register(helmet, { contentSecurityPolicy: false });",
        errors: [{ messageId: 'disabledProtection' as const }],
      },
      {
        code: "import { secureHeaders } from 'hono/secure-headers';\napp.use('*', secureHeaders({ strictTransportSecurity: false, xContentTypeOptions: false }));",
        errors: [{ messageId: 'disabledProtection' as const }, { messageId: 'disabledProtection' as const }],
      },
      {
        code: "import express from 'express';\nconst app = express();\napp.enable('x-powered-by');",
        errors: [{ messageId: 'poweredBy' as const, line: 3 }],
      },
      {
        code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.get('/', h);\napp.listen(3000);",
        options: strict,
        errors: [
          {
            messageId: 'missingHelmet' as const,
            line: 3,
            suggestions: [{ messageId: 'addHelmet' as const, output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet());\napp.get('/', h);\napp.listen(3000);" }],
          },
        ],
      },
      {
        code: "import express from 'express';\nconst app = express();\napp.use(express.json());\nexport default app;",
        options: strict,
        errors: [{ messageId: 'missingHelmet' as const, suggestions: [] }],
      },
      {
        code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify({ logger: true });\nawait app.listen({ port: 3000 });",
        options: strict,
        errors: [{ messageId: 'missingHelmet' as const, suggestions: [{ messageId: 'addHelmet' as const, output: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify({ logger: true });\napp.register(helmet);\nawait app.listen({ port: 3000 });" }] }],
      },
    ]),
    {
      code: "const helmet = require('helmet');\napp.use(helmet({ noSniff: false }));",
      languageOptions: cjs,
      errors: [{ messageId: 'disabledProtection' }],
    },
    {
      code: "const helmet = require('koa-helmet');\napp.use(helmet({ hsts: false }));",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'disabledProtection' }],
    },
    {
      code: "const express = require('express');\nconst app = express();\napp.set('x-powered-by', true);",
      languageOptions: cjs,
      errors: [{ messageId: 'poweredBy' }],
    },
    {
      code: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(express.static('public'));\napp.listen(3000);",
      languageOptions: cjsAsModule,
      options: strict,
      errors: [{ messageId: 'missingHelmet', suggestions: [{ messageId: 'addHelmet', output: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet());\napp.use(express.static('public'));\napp.listen(3000);" }] }],
    },
    {
      code: "const Koa = require('koa');\nconst app = new Koa();\nmodule.exports = app;",
      languageOptions: cjs,
      options: strict,
      errors: [{ messageId: 'missingHelmet', suggestions: [] }],
    },
    {
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}",
      languageOptions: ts,
      options: strict,
      errors: [{ messageId: 'missingHelmet', suggestions: [] }],
    },
  ],
});
