import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-unbounded-body.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-body', rule, {
  valid: [
    // review: a small limit from a spread defaults object, and one computed with the `bytes` package
    { code: "import express from 'express'; import bytes from 'bytes'; const defaults = { limit: '100kb' }; app.use(express.json({ ...defaults, strict: true })); app.use(express.urlencoded({ ...defaults, limit: '200kb', extended: true })); app.use(express.text({ limit: bytes('500kb') }));", languageOptions: esm },
    // review: NestJS useBodyParser with a small limit
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule, { rawBody: true }); app.useBodyParser('json', { limit: '500kb' });", languageOptions: ts },
    // review: a limit constant and a verify hook that keeps the raw body
    { code: "import express from 'express'; const MAX_BODY = '512kb'; app.use(express.json({ limit: MAX_BODY, verify: (req, res, buf) => { req.rawBody = buf; } }));", languageOptions: esm },
    // review: Fastify content-type parser with a small bodyLimit
    { code: "import Fastify from 'fastify'; const app = Fastify(); app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 100 * 1024 }, (req, body, done) => done(null, JSON.parse(body)));", languageOptions: ts },
    // review: limits spelled in upper case, with a space, or as 1024kb (all 1mb)
    { code: "import express from 'express'; app.use(express.json({ limit: '1MB' })); app.use(express.text({ limit: '1 mb' })); app.use(express.urlencoded({ limit: '1024kb', extended: true })); app.use(express.raw({ limit: 1024 * 1024 }));", languageOptions: esm },
    // review: koa-bodyparser and koa-body with small limits
    { code: "import bodyParser from 'koa-bodyparser'; import { koaBody } from 'koa-body'; app.use(bodyParser({ jsonLimit: '1mb', formLimit: '56kb', textLimit: '56kb' })); router.post('/x', koaBody({ jsonLimit: '500kb' }));", languageOptions: esm },
    // review: limits chosen from a typed settings object
    { code: "import express from 'express'; interface Settings { bodyLimit: string } const settings: Settings = loadSettings(); app.use(express.json({ limit: settings.bodyLimit }));", languageOptions: ts },
    // review: limits from configuration and the environment
    { code: "import express from 'express'; app.use(express.json({ limit: config.http.bodyLimit })); app.use(express.urlencoded({ extended: true, limit: process.env.BODY_LIMIT ?? '100kb' }));", languageOptions: esm },
    // review: small explicit limits, as numbers and strings
    { code: "const bodyParser = require('body-parser'); app.use(bodyParser.json({ limit: '100kb' })); app.use(bodyParser.text({ limit: 64 * 1024 })); app.use(bodyParser.urlencoded({ limit: '1mb', extended: false }));", languageOptions: cjs },
    // review: Fastify with the default-sized bodyLimit written out
    { code: "import Fastify from 'fastify'; const app = Fastify({ logger: true, bodyLimit: 1048576 }); app.post('/items', { bodyLimit: 256 * 1024 }, async (req) => req.body);", languageOptions: ts },
    // review: a raw parser for a signed webhook with a moderate limit
    { code: "import express from 'express'; app.post('/webhooks/stripe', express.raw({ type: 'application/json', limit: '2mb' }), stripeWebhook);", languageOptions: esm },
    // review: a Next.js API route keeping the default size
    { code: "export const config = { api: { bodyParser: { sizeLimit: '1mb' } } }; export default function handler(req, res) { res.status(200).json({ ok: true }); }", languageOptions: ts },
    // review: a limit from a typed helper
    { code: "import express from 'express'; const limitFor = (kind: 'json' | 'form'): string => (kind === 'json' ? '200kb' : '50kb'); app.use(express.json({ limit: limitFor('json') }));", languageOptions: ts },
    // defaults: no limit option at all
    { code: "import express from 'express'; const app = express(); app.use(express.json()); app.use(express.urlencoded({ extended: true }));", languageOptions: esm },
    { code: "const bodyParser = require('body-parser'); app.use(bodyParser.json()); app.use(bodyParser.urlencoded({ extended: false }));", languageOptions: cjs },
    { code: "import Fastify from 'fastify'; const app = Fastify({ logger: true });", languageOptions: ts },
    { code: "import Koa from 'koa'; import bodyParser from 'koa-bodyparser'; new Koa().use(bodyParser());", languageOptions: esm },
    // limits at or below the maximum
    { code: "import express from 'express'; app.use(express.json({ limit: '100kb' }));", languageOptions: esm },
    { code: "import express from 'express'; app.use(express.json({ limit: '1mb' }));", languageOptions: esm },
    { code: "import express from 'express'; app.use(express.urlencoded({ extended: true, limit: 1024 * 1024 }));", languageOptions: esm },
    { code: "const bodyParser = require('body-parser'); app.use(bodyParser.text({ limit: '512kb', type: 'text/plain' }));", languageOptions: cjsAsModule },
    { code: "import fastify from 'fastify'; const app = fastify({ bodyLimit: 1048576 });", languageOptions: esm },
    { code: "import { koaBody } from 'koa-body'; app.use(koaBody({ jsonLimit: '1mb', formLimit: '256kb' }));", languageOptions: ts },
    // a larger maximum configured
    { code: "import express from 'express'; app.use(express.json({ limit: '10mb' }));", options: [{ maxBodySize: '10mb' }], languageOptions: esm },
    { code: "import express from 'express'; app.use(express.json({ limit: '5mb' }));", options: [{ maxBodySize: 10 * 1024 * 1024 }], languageOptions: esm },
    // values from configuration
    { code: "import express from 'express'; app.use(express.json({ limit: process.env.BODY_LIMIT }));", languageOptions: esm },
    { code: "import express from 'express'; app.use(express.json({ limit: `${config.get('upload.maxMB')}mb` }));", languageOptions: esm },
    { code: "import express from 'express'; import { limits } from './config'; app.use(express.json({ limit: limits.body }));", languageOptions: ts },
    { code: "import express from 'express'; app.use(express.json({ limit: options.limit || '1mb' }));", languageOptions: esm },
    { code: "import express from 'express'; app.use(express.json({ ...defaults }));", languageOptions: esm },
    // limits from configuration, as real applications build them
    { code: "const express = require('express'); app.use(express.json({ limit: `${configSchema.get('upload.fileSizeLimitMB')}mb` })); app.use(express.raw({ type: 'application/encrypted-file', limit: `${configSchema.get('upload.fileSizeSyncLimitMB')}mb` }));", languageOptions: cjs },
    { code: "import { koaBody } from 'koa-body'; const mbNumber = parseInt(env.HTTP_MB_LIMIT || '10'); app.use(koaBody({ multipart: true, formLimit: `${mbNumber}mb`, jsonLimit: `${mbNumber}mb`, enableTypes: ['json', 'form', 'text'] }));", languageOptions: ts },
    { code: "import bodyParser from 'body-parser'; const { maxBodySize } = settings; app.use(bodyParser.json({ limit: maxBodySize }));", languageOptions: esm },
    { code: "import Fastify from 'fastify'; export default async function routes(fastify) { fastify.post('/import', { bodyLimit: 50 * 1024 * 1024 }, handler); }", languageOptions: esm },
    // raw parsers on a webhook route with a moderate limit
    { code: "import express from 'express'; app.post('/webhooks/stripe', express.raw({ type: 'application/json', limit: '2mb' }), handleStripe);", languageOptions: esm },
    { code: "const express = require('express'); router.use('/api/webhook', express.raw({ type: '*/*', limit: '5mb' }));", languageOptions: cjs },
    // Next.js API routes: default and disabled parsers
    { code: "export const config = { api: { bodyParser: false } }; export default function handler(req, res) { req.pipe(upload); }", languageOptions: esm },
    { code: "export const config = { api: { bodyParser: { sizeLimit: '1mb' } } };", languageOptions: ts },
    { code: "const config = { api: { bodyParser: { sizeLimit: '50mb' } } }; module.exports = { config: 1 };", languageOptions: esm },
    // NestJS: default body parser, other parser kinds, options from elsewhere
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule, { bodyParser: false }); app.useBodyParser('json');", languageOptions: ts },
    { code: "import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule); app.useBodyParser('json', { limit: '500kb' });", languageOptions: ts },
    // not the libraries: look-alike names and calls
    { code: "const express = { json: (o) => o }; app.use(express.json({ limit: '50mb' }));", languageOptions: esm },
    { code: "import express from './my-express'; app.use(express.json({ limit: '50mb' }));", languageOptions: esm },
    { code: "import express from 'express'; res.json({ limit: '50mb' });", languageOptions: esm },
    { code: "import Fastify from 'fastify'; app.get('/items', { schema: { querystring: { limit: { type: 'number' } } } }, list);", languageOptions: ts },
    { code: "import express from 'express'; const parse = JSON.parse; items.text({ limit: 'Infinity' });", languageOptions: esm },
    // strange code
    { code: "import express from 'express'; app.use(express.json(...args));", languageOptions: esm },
    { code: "import express from 'express'; app.use(express['json']?.({ limit: unknownSize }));", languageOptions: ts },
    { code: "import express from 'express'; app.use(express.json({ [key]: '50mb' }));", languageOptions: esm },
    { code: "import express from 'express'; class A { @Dec() m() { return new.target; } } const x = y satisfies Z;", languageOptions: ts },
    { code: "import express = require('express'); app.use(express.json({ limit: '1kb' }));", languageOptions: ts },
    { code: '', languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "import express from 'express'; app.use(express.json({ limit: '50mb' }));",
        errors: [{ messageId: 'tooLarge' as const, data: { call: 'express.json()', size: '50 MB', option: 'limit', value: "'50mb'", max: '1 MB' }, line: 1, column: 62 }],
      },
      {
        code: "import express from 'express'; const LIMIT = '1gb'; app.use(express.urlencoded({ extended: true, limit: LIMIT }));",
        errors: [{ messageId: 'tooLarge' as const, data: { call: 'express.urlencoded()', size: '1 GB', option: 'limit', value: 'LIMIT', max: '1 MB' } }],
      },
      {
        code: "import { json } from 'body-parser'; app.use(json({ limit: Infinity }));",
        errors: [{ messageId: 'unlimited' as const, data: { call: 'bodyParser.json()', option: 'limit', value: 'Infinity', max: '1 MB' } }],
      },
      {
        code: "import fastify from 'fastify'; const app = fastify({ logger: true, bodyLimit: 100 * 1024 * 1024 });",
        errors: [{ messageId: 'tooLarge' as const, data: { call: 'fastify()', size: '100 MB', option: 'bodyLimit', value: '100 * 1024 * 1024', max: '1 MB' } }],
      },
      {
        code: "import Fastify from 'fastify'; const app = Fastify(); app.post('/import', { bodyLimit: 1024 * 1024 * 200 }, importHandler);",
        errors: [{ messageId: 'tooLarge' as const, data: { call: 'Fastify route `post()`', size: '200 MB', option: 'bodyLimit', value: '1024 * 1024 * 200', max: '1 MB' } }],
      },
      {
        code: "import bodyParser from 'koa-bodyparser'; app.use(bodyParser({ jsonLimit: '20mb', formLimit: '20mb' }));",
        errors: [{ messageId: 'tooLarge' as const, data: { call: 'bodyParser()', size: '20 MB', option: 'jsonLimit', value: "'20mb'", max: '1 MB' } }],
      },
      {
        code: "import { koaBody } from 'koa-body'; app.use(koaBody({ textLimit: 'Infinity' }));",
        errors: [{ messageId: 'unlimited' as const }],
      },
      {
        code: "import { NestFactory } from '@nestjs/core'; async function bootstrap() { const app = await NestFactory.create(AppModule, { rawBody: true }); app.useBodyParser('json', { limit: '10mb' }); }",
        errors: [{ messageId: 'tooLarge' as const, data: { call: 'app.useBodyParser()', size: '10 MB', option: 'limit', value: "'10mb'", max: '1 MB' } }],
      },
      {
        code: "export const config = { api: { bodyParser: { sizeLimit: '25mb' } } };",
        errors: [{ messageId: 'tooLarge' as const, data: { call: "This API route's `config`", size: '25 MB', option: 'api.bodyParser.sizeLimit', value: "'25mb'", max: '1 MB' } }],
      },
      {
        code: "import express from 'express'; app.post('/webhooks/github', express.raw({ type: 'application/json', limit: '50mb' }), onHook);",
        errors: [{ messageId: 'tooLarge' as const }],
      },
    ]),
    {
      code: "const bodyParser = require('body-parser'); app.use(bodyParser.raw({ limit: '2 GB' }));",
      languageOptions: cjs,
      errors: [{ messageId: 'tooLarge', data: { call: 'bodyParser.raw()', size: '2 GB', option: 'limit', value: "'2 GB'", max: '1 MB' } }],
    },
    {
      code: "const express = require('express'); app.use(express.json({ limit: '50mb' }));",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'tooLarge' }],
    },
    {
      code: "const { fastify } = require('fastify'); const server = fastify({ bodyLimit: Number.POSITIVE_INFINITY });",
      languageOptions: cjs,
      errors: [{ messageId: 'unlimited' }],
    },
    {
      code: "import express from 'express'; app.use(express.json({ limit: '2mb' }));",
      options: [{ maxBodySize: '512kb' }],
      languageOptions: esm,
      errors: [{ messageId: 'tooLarge', data: { call: 'express.json()', size: '2 MB', option: 'limit', value: "'2mb'", max: '512 KB' } }],
    },
  ],
});
