import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { isAuthenticationName, isAuthorizationName, routeOfHandler, routesInFile } from '../../src/analysis/http/routes.js';
import { probe, type Language } from './harness.js';
import type { FunctionNode } from '../../src/analysis/core/ast.js';

interface Summary {
  framework: string;
  method: string;
  path: string | null;
  middleware: string[];
  guards: string[];
  handler: string | null;
}

function routes(code: string, language: Language = 'esm'): Summary[] {
  const [found] = probe(
    code,
    (_node, sc) =>
      routesInFile(sc).map((r) => ({
        framework: r.framework,
        method: r.method,
        path: r.path,
        middleware: r.middlewareNames,
        guards: r.guards,
        handler: r.handler ? sc.getText(r.handler).slice(0, 12) : null,
      })),
    { language, select: { selector: 'Program', pick: (n) => n } },
  );
  return found!;
}

describe('Express', () => {
  it('reads paths, chains and handlers', () => {
    expect(
      routes(`
        import express from 'express';
        const app = express();
        app.use(express.json());
        app.use(authenticate);
        app.get('/posts/:id', requireRole('admin'), [audit, cache], async (req, res) => {});
      `),
    ).toEqual([
      {
        framework: 'express',
        method: 'get',
        path: '/posts/:id',
        middleware: ['express.json', 'authenticate', 'requireRole', 'audit', 'cache'],
        guards: [],
        handler: 'async (req, ',
      },
    ]);
  });
  it('ignores app-level middleware registered after the route or on another path', () => {
    const [r] = routes(`
      const router = express.Router();
      router.use('/admin', isAdmin);
      router.delete('/posts/:id', remove);
      router.use(late);
      function remove(req, res) {}
    `);
    expect(r).toMatchObject({ middleware: [], handler: 'function rem' });
  });
  it('follows route() chains and mounts', () => {
    const found = routes(`
      const app = express();
      const admin = express.Router();
      admin.route('/users/:id').get(show).delete(destroy);
      app.use(session());
      app.use('/admin', requireAdmin, admin);
      const show = (req, res) => {};
      const destroy = asyncHandler(async (req, res) => {});
    `);
    expect(found.map((r) => [r.method, r.path, r.middleware, r.handler])).toEqual([
      ['get', '/users/:id', ['session', 'requireAdmin'], '(req, res) ='],
      ['delete', '/users/:id', ['session', 'requireAdmin'], 'async (req, '],
    ]);
  });
  it('does not take non-route calls for routes', () => {
    expect(routes(`map.get('x'); params.get('id', 1); cache.delete('k', 2); client.post(url, body);`)).toEqual([]);
  });
});

describe('Fastify', () => {
  it('reads shorthand routes, route options and hooks', () => {
    const found = routes(`
      import Fastify from 'fastify';
      const fastify = Fastify();
      fastify.addHook('onRequest', fastify.authenticate);
      fastify.get('/a/:id', { preHandler: [fastify.verifyOwner] }, async (request, reply) => {});
      fastify.route({ method: 'DELETE', url: '/a/:id', preHandler: checkAcl, handler: async (request, reply) => {} });
    `);
    expect(found.map((r) => [r.framework, r.method, r.path, r.guards])).toEqual([
      ['fastify', 'get', '/a/:id', ['fastify.verifyOwner', 'fastify.authenticate']],
      ['fastify', 'delete', '/a/:id', ['checkAcl', 'fastify.authenticate']],
    ]);
  });
});

describe('@fastify/auth', () => {
  it('names the functions fastify.auth() combines', () => {
    const found = routes(`
      import Fastify from 'fastify';
      const fastify = Fastify();
      fastify.addHook('preHandler', fastify.auth([fastify.verifyJWT]));
      fastify.put('/p/:id', { preHandler: fastify.auth([fastify.verifyJWT, fastify.isSelfOrAdmin], { relation: 'and' }) }, async (request) => {});
    `);
    expect(found.map((r) => r.guards)).toEqual([
      ['fastify.auth', 'fastify.verifyJWT', 'fastify.isSelfOrAdmin', 'fastify.auth', 'fastify.verifyJWT'],
    ]);
  });
});

describe('Koa and Hono', () => {
  it('recognises @koa/router and Hono apps', () => {
    const found = routes(`
      import Router from '@koa/router';
      import { Hono } from 'hono';
      const router = new Router();
      router.get('/x/:id', jwt, async (ctx) => {});
      const app = new Hono();
      app.delete('/y/:id', async (c) => c.json({}));
    `);
    expect(found.map((r) => [r.framework, r.method, r.middleware])).toEqual([
      ['koa', 'get', ['jwt']],
      ['hono', 'delete', []],
    ]);
  });
});

describe('NestJS', () => {
  it('reads controllers, guards and decorators', () => {
    const found = routes(
      `
      @Controller('posts')
      @UseGuards(JwtAuthGuard)
      export class PostsController {
        constructor(private readonly repo: Repository<Post>) {}
        @Get(':id')
        @UseGuards(RolesGuard, AuthGuard('jwt'))
        @Roles('admin')
        findOne(@Param('id') id: string) {}
        helper() {}
      }
    `,
      'ts',
    );
    expect(found).toEqual([
      {
        framework: 'nestjs',
        method: 'get',
        path: '/posts/:id',
        middleware: [],
        guards: ['JwtAuthGuard', 'RolesGuard', "AuthGuard('jwt')"],
        handler: "(@Param('id'",
      },
    ]);
  });
});

describe('Next.js', () => {
  it('recognises App Router exports and Pages API handlers', () => {
    const found = routes(`
      export async function GET(request, { params }) {}
      export const DELETE = async (req, ctx) => {};
      export default function handler(req, res) {}
    `);
    expect(found.map((r) => [r.framework, r.method])).toEqual([
      ['next', 'get'],
      ['next', 'delete'],
      ['next', 'all'],
    ]);
  });
});

describe('routeOfHandler', () => {
  it('maps a handler function back to its registration', () => {
    const found = probe(
      `
      router.get('/a', protect, getOne);
      async function getOne(req, res) {}
      function unrelated(req, res) {}
    `,
      (node, sc) => routeOfHandler(node as FunctionNode, sc)?.middlewareNames ?? null,
      { select: { selector: 'FunctionDeclaration', pick: (n) => n as TSESTree.FunctionDeclaration } },
    );
    expect(found).toEqual([['protect'], null]);
  });
  it('never throws on strange code', () => {
    expect(() =>
      routes(`app[m]('/x', h); app.get(...args); app.get(); router.route().get(); app.use(); @Controller() class A { @Get() [k]() {} }`, 'ts'),
    ).not.toThrow();
  });
});

describe('middleware vocabularies', () => {
  it('policy checks by name', () => {
    expect(['cerbos.isAllowed', 'checkEntitlement', 'requireRole', 'canEditPost'].map((n) => isAuthorizationName(n))).toEqual([true, true, true, true]);
    expect(['allowCors', 'authenticate', 'JwtAuthGuard'].map((n) => isAuthorizationName(n))).toEqual([false, false, false]);
  });
  it('optional authentication does not authenticate', () => {
    expect(['authenticate', 'requireAuth', 'passport.authenticate', 'JwtAuthGuard'].map((n) => isAuthenticationName(n))).toEqual([true, true, true, true]);
    expect(['optionalAuth', 'authenticateOptional', 'maybeAuthenticate', 'anonymousOrJwt'].map((n) => isAuthenticationName(n))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
