import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-rate-limit.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();
const strict = [{ reportRoutesWithoutApp: true }] as [{ reportRoutesWithoutApp: boolean }];

ruleTester.run('require-rate-limit', rule, {
  valid: [
    // a limiter in the route's chain
    { code: "import express from 'express'; import rateLimit from 'express-rate-limit'; const app = express(); const limiter = rateLimit({ windowMs: 900000, max: 5 }); app.post('/login', limiter, login); app.listen(3000);", languageOptions: esm },
    { code: "import express from 'express'; const app = express(); app.post('/auth/login', loginLimiter, passport.authenticate('local'), done); app.listen(3000);", languageOptions: esm },
    { code: "const express = require('express'); const slowDown = require('express-slow-down'); const app = express(); app.post('/forgot-password', slowDown({ delayAfter: 3 }), forgot); module.exports = app;", languageOptions: cjs },
    { code: "import express from 'express'; const app = express(); app.post('/register', bruteforce.prevent, register); app.listen(1);", languageOptions: esm },
    // a limiter mounted before, on the app or on the mount
    { code: "import express from 'express'; import rateLimit from 'express-rate-limit'; const app = express(); app.use(rateLimit({ max: 100 })); app.post('/login', login); app.listen(3000);", languageOptions: esm },
    { code: "import express from 'express'; import { authLimiter } from './middleware/rate-limit'; const app = express(); const auth = express.Router(); auth.post('/signin', signin); app.use('/auth', authLimiter, auth); app.listen(3000);", languageOptions: esm },
    { code: "import express from 'express'; import { RateLimiterMemory } from 'rate-limiter-flexible'; const limiter = new RateLimiterMemory({ points: 5 }); const app = express(); app.use((req, res, next) => limiter.consume(req.ip).then(() => next()).catch(() => res.sendStatus(429))); app.post('/login', login); app.listen(3000);", languageOptions: esm },
    // Fastify: plugin registered, or route config
    { code: "import Fastify from 'fastify'; import rateLimit from '@fastify/rate-limit'; const app = Fastify(); await app.register(rateLimit, { max: 100 }); app.post('/login', login); await app.listen({ port: 3000 });", languageOptions: esm },
    { code: "import Fastify from 'fastify'; const app = Fastify(); app.post('/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, login); await app.listen({ port: 3000 });", languageOptions: esm },
    // Koa and Hono
    { code: "import Koa from 'koa'; import Router from '@koa/router'; import ratelimit from 'koa-ratelimit'; const app = new Koa(); const router = new Router(); app.use(ratelimit({ driver: 'memory', db: new Map() })); router.post('/login', login); app.use(router.routes()); app.listen(3000);", languageOptions: esm },
    { code: "import { Hono } from 'hono'; import { rateLimiter } from 'hono-rate-limiter'; const app = new Hono(); app.use('*', rateLimiter({ windowMs: 60000, limit: 10 })); app.post('/signup', signup); export default app;", languageOptions: ts },
    // NestJS: throttled methods or controllers, global guard
    { code: "import { Controller, Post } from '@nestjs/common'; import { Throttle } from '@nestjs/throttler'; @Controller('auth') export class AuthController { @Throttle({ default: { limit: 5, ttl: 60000 } }) @Post('login') login() {} }", languageOptions: ts, options: strict },
    { code: "import { Controller, Post, UseGuards } from '@nestjs/common'; import { ThrottlerGuard } from '@nestjs/throttler'; @UseGuards(ThrottlerGuard) @Controller('auth') export class AuthController { @Post('login') login() {} }", languageOptions: ts, options: strict },
    // not authentication routes; GET pages
    { code: "import express from 'express'; const app = express(); app.post('/posts', createPost); app.get('/login', (req, res) => res.render('login')); app.delete('/tokens/:id', revoke); app.post('/logout', logout); app.listen(3000);", languageOptions: esm },
    { code: "import express from 'express'; const app = express(); app.post('/tokens/:id/usage', usage); app.post('/registry/items', addItem); app.listen(3000);", languageOptions: esm },
    // realworld: ghost-record-token-refresh
    { code: "import express from 'express'; const app = express(); app.post('/integrations/:id/api_key/:keyid/refresh', refreshKey); app.put('/users/:id/token', regenerateToken); app.listen(3000);", languageOptions: esm, options: strict },
    // realworld: budibase-recaptcha-verify
    { code: "import Router from '@koa/router'; const router = new Router(); router.post('/api/recaptcha/verify', controller.verify); router.post('/webhooks/verify-signature', verifySignature); export default router;", languageOptions: ts, options: strict },
    // a route file with no app in sight: strict only
    { code: "import { Router } from 'express'; const router = Router(); router.post('/login', login); export default router;", languageOptions: esm },
    { code: "module.exports = (app) => { app.post('/api/login', login); };", languageOptions: cjs },
    // realworld: nest-controller-limited-by-module (the limiter is applied where the module configures its middleware)
    { code: "import { Controller, Post } from '@nestjs/common'; @Controller('iam') export class AuthController { @Post('sign-in/email') signIn() {} @Post('sign-up/email') signUp() {} }", languageOptions: ts },
    { code: "import { Controller, Post } from '@nestjs/common'; @Controller('auth') export class AuthController { @Post('login') login() {} }", languageOptions: ts },
    // the app is handed to code that may mount a limiter first
    { code: "const express = require('express'); const app = express(); require('./config/security')(app); app.post('/login', login); app.listen(3000);", languageOptions: cjs },
    // limiters mounted on the path before the router, in the route chain after validation, route-level on Koa and Hono
    { code: "import express from 'express'; import rateLimit from 'express-rate-limit'; const app = express(); const auth = express.Router(); auth.post('/login', login); app.use('/api/auth', rateLimit({ windowMs: 900000, limit: 10 })); app.use('/api/auth', auth); app.listen(3000);", languageOptions: esm },
    { code: "import express from 'express'; const app = express(); app.post('/api/register', validate(registerSchema), registerLimiter, register); app.listen(3000);", languageOptions: ts },
    { code: "import Koa from 'koa'; import Router from '@koa/router'; import ratelimit from 'koa-ratelimit'; const app = new Koa(); const router = new Router(); router.post('/login', ratelimit({ driver: 'memory', db: new Map(), max: 5 }), login); app.use(router.routes()); app.listen(3000);", languageOptions: esm },
    { code: "import { Hono } from 'hono'; import { rateLimiter } from 'hono-rate-limiter'; const app = new Hono(); app.post('/auth/otp/verify', rateLimiter({ windowMs: 60000, limit: 5, keyGenerator: (c) => c.req.header('cf-connecting-ip') ?? '' }), verifyOtp); export default app;", languageOptions: ts },
    // words that are not sign-in steps: settings, policies, domain checks, record-scoped refreshes
    { code: "import express from 'express'; const app = express(); app.put('/settings/password-policy', updatePolicy); app.post('/api/verify-domain', verifyDomain); app.post('/v1/tokens/:id/refresh', rotate); app.listen(3000);", languageOptions: esm },
    { code: "import express from 'express'; const app = express(); app.post('/api/registry/sync', sync); app.post('/callbacks/payment', paymentCallback); app.listen(3000);", languageOptions: esm },
    // strange code
    { code: '', languageOptions: esm },
    { code: "import express from 'express'; const app = express(); app.post(...args); app[verb]('/login', h); app.post(`/${x}/login`);", languageOptions: esm },
    { code: "import express = require('express'); const app = express(); app.post('/login' as string, limiter!, login); export = app;", languageOptions: ts },
    // review: careful code
    // authenticated refreshes of caches and feeds
    { code: "import express from 'express'; const app = express(); app.post('/admin/cache/refresh', requireAdmin, refreshCache); app.post('/api/feeds/refresh', refreshFeeds); app.listen(3000);", languageOptions: esm },
    // device push tokens saved by signed-in users
    { code: "import express from 'express'; const app = express(); app.post('/api/devices/push-token', requireAuth, savePushToken); app.post('/api/notifications/fcm-token', requireAuth, saveFcm); app.listen(3000);", languageOptions: esm },
    // limiter mounted on the router before its routes
    { code: "import express from 'express'; import rateLimit from 'express-rate-limit'; const app = express(); const router = express.Router(); router.use(rateLimit({ windowMs: 900000, limit: 5 })); router.post('/login', login); app.use('/auth', router); app.listen(3000);", languageOptions: esm },
    // limiter in an array in the route chain
    { code: "import express from 'express'; const app = express(); app.post('/login', [loginLimiter, validate(schema)], login); app.listen(3000);", languageOptions: esm },
    // Fastify CJS plugin required inline
    { code: "const fastify = require('fastify')(); fastify.register(require('@fastify/rate-limit'), { max: 100 }); fastify.post('/login', login); fastify.listen({ port: 3000 });", languageOptions: cjs },
    // Fastify route() with per-route rateLimit config
    { code: "import Fastify from 'fastify'; const app = Fastify(); app.route({ method: 'POST', url: '/login', config: { rateLimit: { max: 5 } }, handler: login }); await app.listen({ port: 3000 });", languageOptions: esm },
    // limiter mounted under an environment guard
    { code: "import express from 'express'; const app = express(); if (process.env.NODE_ENV === 'production') app.use(apiLimiter); app.post('/login', login); app.listen(3000);", languageOptions: esm },
    // TypeScript cast limiter
    { code: "import express, { type RequestHandler } from 'express'; const app = express(); app.post('/login', loginLimiter as RequestHandler, login); app.listen(3000);", languageOptions: ts },
    // Koa router-level limiter
    { code: "import Koa from 'koa'; import Router from '@koa/router'; import ratelimit from 'koa-ratelimit'; const app = new Koa(); const router = new Router(); router.use(ratelimit({ driver: 'memory', db: new Map() })); router.post('/login', login); app.use(router.routes()); app.listen(3000);", languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "import express from 'express';\nconst app = express();\napp.use(express.json());\napp.post('/api/auth/login', login);\napp.listen(3000);",
        errors: [{ messageId: 'missingLimiter' as const, line: 4, column: 10 }],
      },
      {
        code: "import express from 'express';\nconst app = express();\nconst auth = express.Router();\nauth.post('/reset-password', resetPassword);\nauth.post('/verify-otp', verifyOtp);\napp.use('/auth', auth);\napp.listen(3000);",
        errors: [{ messageId: 'missingLimiter' as const, line: 4 }, { messageId: 'missingLimiter' as const, line: 5 }],
      },
      {
        code: "import express from 'express';\nconst app = express();\napp.post('/api/session', authController.login);\nexport default app;",
        errors: [{ messageId: 'missingLimiter' as const }],
      },
      {
        code: "import express from 'express';\nimport rateLimit from 'express-rate-limit';\nconst app = express();\napp.post('/signup', signup);\napp.use(rateLimit({ max: 100 }));\napp.listen(3000);",
        errors: [{ messageId: 'missingLimiter' as const, line: 4 }],
      },
      {
        code: "import Fastify from 'fastify';\nconst app = Fastify();\napp.post('/oauth/token', issueToken);\nawait app.listen({ port: 3000 });",
        errors: [{ messageId: 'missingLimiter' as const }],
      },
      {
        code: "import { Hono } from 'hono';\nconst app = new Hono();\napp.post('/auth/sign-in', signIn);\nexport default app;",
        errors: [{ messageId: 'missingLimiter' as const }],
      },
      {
        code: "import { Router } from 'express';\nconst router = Router();\nrouter.post('/login', login);\nexport default router;",
        options: strict,
        errors: [{ messageId: 'missingLimiter' as const }],
      },
    ]),
    {
      code: "const express = require('express');\nconst app = express();\napp.post('/register', (req, res) => register(req.body).then(() => res.sendStatus(201)));\nmodule.exports = app;",
      languageOptions: cjs,
      errors: [{ messageId: 'missingLimiter' }],
    },
    {
      code: "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/password/forgot', forgot);\napp.use(router.routes());\napp.listen(3000);",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'missingLimiter' }],
    },
    {
      code: "import { Controller, Post } from '@nestjs/common';\n@Controller('auth')\nexport class AuthController {\n  @Post('refresh')\n  refresh() {}\n}",
      languageOptions: ts,
      options: strict,
      errors: [{ messageId: 'missingLimiter', line: 5 }],
    },
    {
      code: "module.exports = function (app) {\n  app.post('/mfa/verify', verify);\n};",
      languageOptions: cjs,
      options: strict,
      errors: [{ messageId: 'missingLimiter' }],
    },
  ],
});
