import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { appsInFile, isRateLimiterName, middlewareKind } from '../../src/analysis/http/apps.js';
import { probe, probeOne, type Language } from './harness.js';

const PROGRAM = { selector: 'Program', pick: (n: TSESTree.Node): TSESTree.Node | null => n };

function apps(code: string, language: Language = 'esm') {
  return probeOne(
    code,
    (_node, sc) =>
      appsInFile(sc).map((app) => ({
        framework: app.framework,
        router: app.router,
        name: app.id.name,
        started: app.started,
        exported: app.exported,
        returned: app.returned,
        handedOver: app.handedOver.length,
        options: app.options ? sc.getText(app.options) : null,
        mounts: app.mounts.map((m) => ({
          method: m.method,
          path: m.path,
          kind: m.middleware?.kind ?? null,
          module: m.middleware?.module ?? null,
          local: m.middleware?.local ?? false,
          child: m.child?.id.name ?? null,
          options: m.middleware?.options ? sc.getText(m.middleware.options) : null,
        })),
        settings: app.settings.map((s) => `${s.how} ${s.name}${s.value ? ` = ${sc.getText(s.value)}` : ''}`),
        mountedOn: app.mountedOn.map((m) => m.app.id.name),
      })),
    { language, select: PROGRAM },
  );
}

describe('appsInFile', () => {
  it('finds Express apps and routers, their mounts in order, settings, start and export', () => {
    const [app, router] = apps(`
      import express from 'express';
      import helmet from 'helmet';
      import rateLimit from 'express-rate-limit';
      import { security } from './security';
      const app = express();
      const router = express.Router();
      const limiter = rateLimit({ windowMs: 60000, max: 5 });
      app.disable('x-powered-by');
      app.set('trust proxy', 1);
      app.use(helmet({ hsts: false }));
      app.use(express.json(), security());
      app.use('/auth', limiter, router);
      app.listen(3000);
      export default app;
    `);
    expect(app).toMatchObject({ framework: 'express', router: false, name: 'app', started: true, exported: true });
    expect(app!.settings).toEqual(['disable x-powered-by', "set trust proxy = 1"]);
    expect(app!.mounts).toEqual([
      { method: 'use', path: null, kind: 'helmet', module: 'helmet', local: false, child: null, options: '{ hsts: false }' },
      { method: 'use', path: null, kind: 'body-parser', module: 'express', local: false, child: null, options: null },
      { method: 'use', path: null, kind: null, module: './security', local: true, child: null, options: null },
      { method: 'use', path: '/auth', kind: 'rate-limit', module: 'express-rate-limit', local: false, child: null, options: '{ windowMs: 60000, max: 5 }' },
      { method: 'use', path: '/auth', kind: null, module: null, local: false, child: 'router', options: null },
    ]);
    expect(router).toMatchObject({ router: true, mountedOn: ['app'], handedOver: 0 });
  });

  it('reads CommonJS apps, module.exports and apps handed to other code', () => {
    const [app] = apps(
      `const express = require('express');
       const app = module.exports = express();
       require('./config/express')(app);
       configureRoutes(app);`,
      'cjs',
    );
    expect(app).toMatchObject({ framework: 'express', exported: true, started: false, handedOver: 2 });
    const [server] = apps("const app = require('express')(); const http = require('http'); http.createServer(app).listen(80);", 'cjs');
    expect(server).toMatchObject({ started: true, handedOver: 0 });
    const [made] = apps("import express from 'express'; export function createApp() { const app = express(); return app; }");
    expect(made).toMatchObject({ exported: false, returned: true });
  });

  it('reads Fastify, Koa, NestJS and Hono apps', () => {
    const [f] = apps(`
      import Fastify from 'fastify';
      import helmet from '@fastify/helmet';
      const app = Fastify({ trustProxy: true, logger: true });
      await app.register(helmet, { contentSecurityPolicy: false });
      app.addHook('onRequest', async () => {});
      await app.listen({ port: 3000 });
    `);
    expect(f).toMatchObject({ framework: 'fastify', options: '{ trustProxy: true, logger: true }', started: true });
    expect(f!.mounts.map((m) => [m.method, m.kind, m.options])).toEqual([
      ['register', 'helmet', '{ contentSecurityPolicy: false }'],
      ['addHook', null, null],
    ]);
    const [koa, router] = apps(`
      const Koa = require('koa');
      const Router = require('@koa/router');
      const app = new Koa({ proxy: true });
      const router = new Router();
      app.proxy = true;
      app.maxIpsCount = 1;
      app.use(router.routes());
      module.exports = app;
    `);
    expect(koa).toMatchObject({ framework: 'koa', options: '{ proxy: true }', exported: true, settings: ['assign proxy = true', 'assign maxIpsCount = 1'] });
    expect(router).toMatchObject({ framework: 'koa', router: true, mountedOn: ['app'] });
    const [nest] = apps(
      `import { NestFactory } from '@nestjs/core';
       import helmet from 'helmet';
       async function bootstrap() {
         const app = await NestFactory.create<NestExpressApplication>(AppModule, { cors: true });
         app.use(helmet());
         app.set('trust proxy', true);
         await app.listen(3000);
       }`,
      'ts',
    );
    expect(nest).toMatchObject({ framework: 'nestjs', options: '{ cors: true }', started: true, settings: ['set trust proxy = true'] });
    expect(nest!.mounts[0]).toMatchObject({ kind: 'helmet' });
    const [hono] = apps(`
      import { Hono } from 'hono';
      import { secureHeaders } from 'hono/secure-headers';
      const app = new Hono();
      app.use('*', secureHeaders());
      export default { port: 3000, fetch: app.fetch };
    `);
    expect(hono).toMatchObject({ framework: 'hono', started: true });
    expect(hono!.mounts[0]).toMatchObject({ path: '*', kind: 'helmet' });
  });

  it('ignores look-alikes not created by the frameworks', () => {
    expect(apps('const app = express(); app.use(helmet()); app.listen(3000);')).toEqual([]);
    expect(apps("import express from './express'; const app = express(); app.listen(1);")).toEqual([]);
    expect(apps("import { Hono } from 'hono'; let app = new Hono(); app = other; app.listen();")).toEqual([]);
  });

  it('does not crash on strange code', () => {
    expect(apps('')).toEqual([]);
    expect(apps("import express from 'express'; const app = express(); app.use(...mws); app[key](x); app.set(); app?.use?.(helmet);", 'ts')).toHaveLength(1);
    expect(apps("import express = require('express'); const app = express(); app.use(((x as any))); export = app;", 'ts')).toHaveLength(1);
  });
});

describe('middlewareKind', () => {
  it('resolves middleware kinds by import', () => {
    const kinds = probe(
      `import session from 'express-session';
       import cors from 'cors';
       import multer from 'multer';
       import { rateLimiter } from 'hono-rate-limiter';
       import { RateLimiterMemory } from 'rate-limiter-flexible';
       const upload = multer({ dest: 'x' });
       probe(session({ secret: s }));
       probe(cors());
       probe(upload.single('f'));
       probe(rateLimiter({ limit: 5 }));
       probe(new RateLimiterMemory({ points: 5 }));
       probe(myLimiter());`,
      (node, sc) => middlewareKind(node, sc),
    );
    expect(kinds).toEqual(['session', 'cors', 'upload', 'rate-limit', 'rate-limit', null]);
  });

  it('reads rate-limiter names', () => {
    expect(['loginLimiter', 'rateLimit', 'throttle', 'bruteforce.prevent', 'slowDown', 'authRateLimiter'].every(isRateLimiterName)).toBe(true);
    expect(['authenticate', 'validate', 'cors'].some(isRateLimiterName)).toBe(false);
  });
});
