import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { isNextRouteHandler, isRouteCallback, mayReadRequestInFile, requestSource, requestSourceAtPath } from '../../src/analysis/http/request-sources.js';
import { isFunction } from '../../src/analysis/core/ast.js';
import { probe, probeOne, type Language } from './harness.js';

/** The role of each `probe(x)` argument, or null when it is not request data. */
const roles = (code: string, language: Language = 'esm') => probe(code, (n, sc) => requestSource(n, sc)?.role ?? null, { language });

describe('requestSource: Express / Connect / Fastify / Next.js Pages', () => {
  it('request properties and getters', () => {
    expect(
      roles(`app.get('/u/:id', (req, res) => {
        probe(req.body); probe(req.query.q); probe(req.params.id); probe(req.headers['x-id']);
        probe(req.cookies.sid); probe(req.get('origin')); probe(req.header('host')); probe(req.originalUrl);
        probe(req.files); probe(req.signedCookies.a); probe(req.body?.user?.name);
      })`),
    ).toEqual(Array(11).fill('node'));
  });
  it('server-side and identity fields are not client data', () => {
    expect(
      roles(`app.get('/', (req, res) => {
        probe(req.user); probe(req.user.id); probe(req.method); probe(req.session.userId); probe(req.app);
        probe(req); probe(res.body); probe(res.locals.user); probe(req[key]);
      })`),
    ).toEqual(Array(9).fill(null));
  });
  it('destructured request parameter', () => {
    expect(roles(`router.post('/', ({ body, query: { q } }, res) => { probe(body); probe(q); })`)).toEqual(['node', 'node']);
    expect(roles(`router.post('/', ({ user }, res) => { probe(user); })`)).toEqual([null]);
    // Not a handler: a destructured options object.
    expect(roles(`function f({ body }) { probe(body) }`)).toEqual([null]);
  });
  it('handler recognised by its position, whatever the names', () => {
    expect(roles(`app.post('/', (r, s) => { probe(r.body) })`)).toEqual(['node']);
    expect(roles(`function handler(q, res) { probe(q.query) }`)).toEqual(['node']);
    expect(roles(`function helper(x, y) { probe(x.body) }`)).toEqual([null]);
  });
  it('Fastify request and schema options', () => {
    expect(roles(`fastify.post('/', { schema }, async (request, reply) => { probe(request.body); probe(request.params.id) })`)).toEqual([
      'node',
      'node',
    ]);
  });
  it('Next.js Pages API handler', () => {
    expect(roles(`export default function handler(req, res) { probe(req.query.id); probe(req.body) }`)).toEqual(['node', 'node']);
  });
  it('a `req` that is not a parameter is not a request', () => {
    expect(roles(`const req = { body: 'x' }; probe(req.body)`)).toEqual([null]);
    expect(roles(`probe(req.body)`)).toEqual([null]);
    expect(roles(`import req from 'x'; probe(req.body)`)).toEqual([null]);
  });
  it('a parameter named req or request counts in any function (helpers receive the request)', () => {
    // By name: helper functions that receive the request are common; an options object
    // named `request` is reported too (known limitation).
    expect(roles(`function load(req) { probe(req.params.id) }`)).toEqual(['node']);
    expect(roles(`function send(request) { probe(request.url); probe(request.timeout) }`)).toEqual(['node', null]);
  });
});

describe('requestSource: Koa', () => {
  it('ctx reads', () => {
    expect(
      roles(`router.get('/', async (ctx) => {
        probe(ctx.request.body); probe(ctx.query); probe(ctx.params.id); probe(ctx.get('x-id'));
        probe(ctx.cookies.get('sid')); probe(ctx.request.query.q); probe(ctx.headers); probe(ctx.request.get('x-forwarded-for'));
      })`),
    ).toEqual(Array(8).fill('koa'));
  });
  it('ctx state, response and body assignment target are not client data', () => {
    expect(roles(`router.get('/', async (ctx) => { probe(ctx.state.user); probe(ctx.body); probe(ctx.response); probe(ctx.cookies.set('a', b)) })`)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('requestSource: Hono', () => {
  it('c.req readers, not c.req.valid()', () => {
    expect(
      roles(`app.get('/:id', async (c) => {
        probe(c.req.param('id')); probe(c.req.query('q')); probe(await c.req.json()); probe(c.req.header('x'));
        probe(c.req.valid('json')); probe(c.env.DB); probe(c.req);
      })`),
    ).toEqual(['hono', 'hono', 'hono', 'hono', null, null, null]);
  });
  it('ctx naming of a Hono context', () => {
    expect(roles(`app.get('/', (ctx) => { probe(ctx.req.param('id')) })`)).toEqual(['koa']);
  });
});

describe('requestSource: Next.js App Router', () => {
  it('request body, search params and route params', () => {
    expect(
      roles(`export async function GET(request, { params }) {
        probe(await request.json()); probe(request.nextUrl.searchParams.get('q')); probe(params.id); probe(await params);
        probe(request.nextUrl.pathname);
      }`),
    ).toEqual(['node', 'node', 'route-context', 'route-context', null]);
    expect(roles(`export const POST = async (req, context) => { probe(context.params.slug); probe(await req.formData()) }`)).toEqual([
      'route-context',
      'node',
    ]);
    expect(roles(`export async function POST(r) { probe(await r.text()) }`, 'ts')).toEqual(['node']);
  });
  it('a non-exported or non-method function is not a route handler', () => {
    expect(roles(`async function GET(x, { params }) { probe(params.id) }`)).toEqual([null]);
    expect(roles(`export async function load(x, { params }) { probe(params.id) }`)).toEqual([null]);
  });
});

describe('requestSource: NestJS', () => {
  const nest = (body: string, imports = `import { Body, Controller, Param, Post, Query, Req, Headers } from '@nestjs/common';`) =>
    roles(`${imports}\n@Controller('u') export class C { ${body} }`, 'ts');
  it('decorated parameters from @nestjs/common', () => {
    expect(nest(`@Post() create(@Body() dto: Dto, @Param('id') id: string, @Query() q, @Headers('x') h) { probe(dto.name); probe(id); probe(q); probe(h) }`)).toEqual([
      'value',
      'value',
      'value',
      'value',
    ]);
    expect(nest(`@Post() create(@Req() r: Request) { probe(r.body); probe(r.user) }`)).toEqual(['node', null]);
    expect(nest(`@Post() create(@common.Body() b) { probe(b) }`, `import * as common from '@nestjs/common';`)).toEqual(['value']);
  });
  it('same-named decorators from elsewhere do not count', () => {
    expect(nest(`create(@Body() dto) { probe(dto) }`, `import { Body } from './decorators';`)).toEqual([null]);
    expect(nest(`create(@Body() dto) { probe(dto) }`, `const Body = () => () => {};`)).toEqual([null]);
    expect(nest(`create(@Inject() dto) { probe(dto) }`, `import { Inject } from '@nestjs/common';`)).toEqual([null]);
  });
});

describe('requestSource: aliases of the request object', () => {
  const texts = (code: string) => probe(code, (n, sc) => requestSource(n, sc)?.text ?? null);
  it('follows a constant alias and names the read from the request', () => {
    expect(texts(`app.get('/', (req, res) => { const r = req; probe(r.body.name); probe(r.user) })`)).toEqual(['req.body.name', null]);
    expect(texts(`router.get('/', async (ctx) => { const { request } = ctx; probe(request.body); probe(request.get('x')) })`)).toEqual([
      'ctx.request.body',
      'ctx.request.get()',
    ]);
    expect(texts(`app.get('/', async (c) => { const { req } = c; probe(req.param('id')); probe(req.valid('json')) })`)).toEqual([
      'c.req.param()',
      null,
    ]);
  });
  it('does not follow reassigned or computed aliases', () => {
    expect(texts(`app.get('/', (req, res) => { let r = req; r = other; probe(r.body) })`)).toEqual([null]);
    expect(texts(`app.get('/', (req, res) => { const r = pick(req); probe(r.body) })`)).toEqual([null]);
    expect(texts(`app.get('/', (req, res) => { const { [k]: r } = req; probe(r.body) })`)).toEqual([null]);
    expect(texts(`const a = b; const b = a; probe(a.body)`)).toEqual([null]);
  });
});

describe('requestSourceAtPath', () => {
  it('adds the destructured path', () => {
    const result = probe(`app.get('/', (req, res) => { probe(req) })`, (n, sc) => {
      const s = requestSourceAtPath(n, ['body'], sc);
      return s && { role: s.role, text: s.text };
    });
    expect(result).toEqual([{ role: 'node', text: 'req.body' }]);
    expect(probe(`app.get('/', (req, res) => { probe(req) })`, (n, sc) => requestSourceAtPath(n, ['user'], sc))).toEqual([null]);
  });
});

describe('isRouteCallback / isNextRouteHandler', () => {
  const fnProbe = (code: string) =>
    probe(
      code,
      (n) => (isFunction(n) ? { route: isRouteCallback(n), next: isNextRouteHandler(n) } : null),
      { select: { selector: ':function', pick: (n: TSESTree.Node) => n } },
    );
  it('recognises registrations', () => {
    expect(fnProbe(`app.get('/', (req, res) => {})`)).toEqual([{ route: true, next: false }]);
    expect(fnProbe(`router.use(function (req, res, next) {})`)).toEqual([{ route: true, next: false }]);
    expect(fnProbe(`list.map((x) => x)`)).toEqual([{ route: false, next: false }]);
    expect(fnProbe(`export async function GET() {}`)).toEqual([{ route: false, next: true }]);
    expect(fnProbe(`export const DELETE = async () => {}`)).toEqual([{ route: false, next: true }]);
    expect(fnProbe(`const GET = async () => {}`)).toEqual([{ route: false, next: false }]);
  });
});

describe('requestSource: TypeScript annotations that rule a parameter out', () => {
  it('does not take a parameter declared a string, number or array for a request', () => {
    expect(roles('export function f(req: string, res: number) { return probe(req.length); }', 'ts')).toEqual([null]);
    expect(roles('export function f(req: string[]) { return probe(req.body); }', 'ts')).toEqual([null]);
    expect(roles('export function f(req: Request, res: Response) { return probe(req.body); }', 'ts')).toEqual(['node']);
  });
});

describe('mayReadRequestInFile', () => {
  function reads(code: string, language: Language = 'esm'): boolean {
    return probeOne(`${code}\nprobe(0);`, (_n, sc) => mayReadRequestInFile(sc), { language });
  }

  it('is true when a function of the file can receive a request', () => {
    expect(reads("app.get('/x', (req, res) => res.send(req.query.a));")).toBe(true);
    expect(reads('export async function handler(req, res) { res.json(await db.find(req.body)); }')).toBe(true);
    expect(reads('export async function POST(request) { return Response.json(await request.json()); }')).toBe(true);
    expect(reads("import { Body, Controller } from '@nestjs/common'; export class C { create(@Body() dto) { return dto; } }", 'ts')).toBe(true);
  });

  it('is false when no function can', () => {
    expect(reads('export function sum(a, b) { return a + b; }')).toBe(false);
    expect(reads('const rows = items.map((item) => item.id); export default rows;')).toBe(false);
    expect(reads('export class Repo { find(id) { return this.db.query(id); } }')).toBe(false);
  });
});
