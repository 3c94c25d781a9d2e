import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { responseBody, responseObjectKind, type ResponseBody } from '../../src/analysis/http/responses.js';
import { probe, type Language } from './harness.js';

/** What `responseBody` says about each `BODY` identifier in the code. */
function bodies(code: string, language: Language = 'esm'): (Pick<ResponseBody, 'framework' | 'via' | 'schemaFiltered'> & { value: string } | null)[] {
  return probe(
    code,
    (node, sc) => {
      const body = responseBody(node, sc);
      return body && { framework: body.framework, via: body.via, schemaFiltered: body.schemaFiltered, value: sc.getText(body.value) };
    },
    { language, select: { selector: 'Identifier[name="BODY"]', pick: (n: TSESTree.Node) => n } },
  );
}
const one = (code: string, language: Language = 'esm') => {
  const found = bodies(code, language);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('responseBody: Express', () => {
  it('res.json/send/jsonp in route callbacks and (req, res) handlers', () => {
    expect(one("app.get('/u', (req, res) => { res.json(BODY) })")).toMatchObject({ framework: 'express', via: 'res.json()' });
    expect(one("router.post('/u', async (req, response) => response.send(BODY))")).toMatchObject({ framework: 'express', via: 'response.send()' });
    expect(one('function show(req, res) { res.jsonp(BODY) }')).toMatchObject({ framework: 'express' });
    expect(one("app.get('/u', (q, r) => r.json(BODY))")).toMatchObject({ framework: 'express', via: 'r.json()' });
  });
  it('chained setters before sending', () => {
    expect(one("app.get('/u', (req, res) => res.status(200).json(BODY))")).toMatchObject({ framework: 'express' });
    expect(one("app.get('/u', (req, res) => res.status(201).set('X-A', '1').send(BODY))")).toMatchObject({ framework: 'express' });
    expect(one("app.get('/u', (req, res) => res.render('x').send(BODY))")).toBeNull();
  });
  it('JSON.stringify and end()', () => {
    expect(one("app.get('/u', (req, res) => res.end(JSON.stringify(BODY)))")).toMatchObject({ value: 'BODY' });
    expect(one("app.get('/u', (req, res) => res.send(JSON.stringify(BODY, null, 2)))")).toMatchObject({ value: 'BODY' });
    expect(one("app.get('/u', (req, res) => res.end(BODY))")).toBeNull();
  });
  it('error handlers and nested callbacks', () => {
    expect(one('app.use((err, req, res, next) => { res.json(BODY) })')).toMatchObject({ framework: 'express' });
    expect(one("app.get('/u', (req, res) => { find().then((u) => res.json(BODY)) })")).toMatchObject({ framework: 'express' });
  });
  it('CommonJS and TypeScript', () => {
    expect(one("const app = require('express')(); app.get('/', (req, res) => res.json(BODY))", 'cjs')).toMatchObject({ framework: 'express' });
    expect(one("import { Request, Response } from 'express'; export function h(req: Request, res: Response) { res.json(BODY as any) }", 'ts')).toMatchObject({ framework: 'express' });
  });
  it('not a response', () => {
    expect(one('function f(a, b) { b.json(BODY) }')).toBeNull();
    expect(one('res.json(BODY)')).toBeNull();
    expect(one("app.get('/u', (req, res) => { const x = { json() {} }; x.json(BODY) })")).toBeNull();
    expect(one("app.get('/u', (req, res) => res.json(f(BODY)))")).toBeNull();
    expect(one("app.get('/u', (req, res) => { return BODY })")).toBeNull();
    expect(one("app.get('/u', (req, res) => res.json())".replace('json()', 'json(...BODY)'))).toBeNull();
  });
});

describe('responseBody: Fastify', () => {
  it('reply.send and chained code()', () => {
    expect(one("fastify.get('/u', async (request, reply) => { reply.send(BODY) })")).toMatchObject({ framework: 'fastify', via: 'reply.send()' });
    expect(one("fastify.get('/u', (request, reply) => reply.code(201).header('a', 'b').send(BODY))")).toMatchObject({ framework: 'fastify' });
  });
  it('returned values of route handlers', () => {
    expect(one("import Fastify from 'fastify'; const app = Fastify(); app.get('/u', async (req) => { return BODY })")).toMatchObject({
      framework: 'fastify',
      via: 'a Fastify route handler',
    });
    expect(one("export default async function routes(fastify) { fastify.get('/u', async (request) => BODY) }")).toMatchObject({ framework: 'fastify' });
    expect(one("fastify.route({ method: 'GET', url: '/u', handler: async (request, reply) => BODY })")).toMatchObject({ framework: 'fastify' });
    expect(one("const fastify = require('fastify')(); fastify.get('/u', { handler: async function (request) { return BODY } })", 'cjs')).toMatchObject({
      framework: 'fastify',
    });
  });
  it('schema.response filters the reply', () => {
    expect(
      one("fastify.get('/u', { schema: { response: { 200: S } } }, async (request, reply) => BODY)"),
    ).toMatchObject({ schemaFiltered: true });
    expect(one("fastify.get('/u', { schema: { querystring: Q } }, async (request, reply) => BODY)")).toMatchObject({ schemaFiltered: false });
  });
  it('returns elsewhere are not replies', () => {
    expect(one("fastify.get('/u', async (request, reply) => { const f = () => BODY; return 1 })")).toBeNull();
    expect(one("import express from 'express'; const app = express(); app.get('/u', async (req, res) => { return BODY })")).toBeNull();
    expect(one('async function load(request) { return BODY }')).toBeNull();
  });
});

describe('responseBody: Koa', () => {
  it('ctx.body and ctx.response.body', () => {
    expect(one("router.get('/u', async (ctx) => { ctx.body = BODY })")).toMatchObject({ framework: 'koa', via: 'ctx.body' });
    expect(one('app.use(async (ctx, next) => { ctx.response.body = BODY })')).toMatchObject({ framework: 'koa', via: 'ctx.response.body' });
  });
  it('not Koa', () => {
    expect(one('function f(o) { o.body = BODY }')).toBeNull();
    expect(one("router.get('/u', async (ctx) => { ctx.body += BODY })")).toBeNull();
    expect(one("router.get('/u', async (ctx) => { ctx.state.body = BODY })")).toBeNull();
  });
});

describe('responseBody: Hono', () => {
  it('c.json', () => {
    expect(one("import { Hono } from 'hono'; const app = new Hono(); app.get('/u', (c) => c.json(BODY))")).toMatchObject({ framework: 'hono', via: 'c.json()' });
    expect(one("app.get('/u', async (c) => { return c.json(BODY, 200) })")).toMatchObject({ framework: 'hono' });
  });
  it('returning c.json(...) is not itself a body', () => {
    expect(one("app.get('/u', (c) => c.text(BODY))")).toBeNull();
  });
});

describe('responseBody: Next.js and the Web Response', () => {
  it('NextResponse.json / Response.json / new Response(JSON.stringify())', () => {
    expect(one("import { NextResponse } from 'next/server'; export async function GET() { return NextResponse.json(BODY) }", 'ts')).toMatchObject({
      framework: 'next',
      via: 'NextResponse.json()',
    });
    expect(one('export async function GET() { return Response.json(BODY) }')).toMatchObject({ framework: 'fetch' });
    expect(one('export async function GET() { return new Response(JSON.stringify(BODY), { status: 200 }) }')).toMatchObject({
      framework: 'fetch',
      value: 'BODY',
    });
    expect(one("import { NextResponse } from 'next/server'; export const GET = async () => new NextResponse(JSON.stringify(BODY))")).toMatchObject({ framework: 'next' });
  });
  it('Next.js Pages API res', () => {
    expect(one('export default function handler(req, res) { res.status(200).json(BODY) }')).toMatchObject({ framework: 'express' });
  });
  it('a local Response class or non-JSON bodies are not recognised', () => {
    expect(one('class Response { static json(x) {} } Response.json(BODY)')).toBeNull();
    expect(one('export async function GET() { return new Response(BODY) }')).toBeNull();
    expect(one('export async function GET() { return BODY }')).toBeNull();
  });
});

describe('responseBody: NestJS', () => {
  const nest = (body: string, extra = '') => `
    import { Controller, Get, Post, Res, Render, Param } from '@nestjs/common';
    @Controller('users')
    export class UsersController {
      ${extra}
      ${body}
    }`;
  it('route method returns', () => {
    expect(one(nest("@Get(':id') async findOne(@Param('id') id: string) { return BODY; }"), 'ts')).toMatchObject({
      framework: 'nestjs',
      via: 'a NestJS route method',
    });
    expect(one(nest('@Post() create() { return BODY }'), 'ts')).toMatchObject({ framework: 'nestjs' });
    expect(one(nest('@Get() list(@Res({ passthrough: true }) res) { return BODY }'), 'ts')).toMatchObject({ framework: 'nestjs' });
  });
  it('@Res() without passthrough sends through the response object', () => {
    expect(one(nest('@Get() list(@Res() res) { return BODY }'), 'ts')).toBeNull();
    expect(one(nest('@Get() list(@Res() res) { res.json(BODY) }'), 'ts')).toMatchObject({ framework: 'express' });
  });
  it('not a route', () => {
    expect(one(nest('private helper() { return BODY }'), 'ts')).toBeNull();
    expect(one(nest("@Get() @Render('index') page() { return BODY }"), 'ts')).toBeNull();
    expect(one(nest('@Get() list() { return [1].map(() => BODY) }'), 'ts')).toBeNull();
    expect(one("import { Get } from '@nestjs/common'; class S { @Get() m() { return BODY } }", 'ts')).toBeNull();
    expect(one("const Controller = () => () => {}; const Get = Controller; @Controller() class S { @Get() m() { return BODY } }", 'ts')).toBeNull();
  });
});

describe('responseObjectKind', () => {
  const kinds = (code: string, language: Language = 'esm') => probe(code, (node, sc) => responseObjectKind(node, sc), { language });
  it('handler response parameters by position, not by name', () => {
    expect(kinds("app.get('/f', (req, out) => probe(out))")).toEqual(['express']);
    expect(kinds('function download(req, res) { probe(res) }')).toEqual(['express']);
    expect(kinds("fastify.get('/f', (request, reply) => probe(reply))")).toEqual(['fastify']);
    expect(kinds("router.get('/f', async (ctx) => probe(ctx))")).toEqual(['koa']);
    expect(kinds("app.get('/f', (c) => probe(c))")).toEqual(['hono']);
  });
  it('NestJS @Res()', () => {
    expect(kinds("import { Res } from '@nestjs/common';\nclass C { get(@Res() out) { probe(out) } }", 'ts')).toEqual(['express']);
  });
  it('objects that are no response', () => {
    expect(kinds('const res = client.connect(); probe(res);')).toEqual([null]);
    expect(kinds('function send(bot, res) { probe(bot) }')).toEqual([null]);
    expect(kinds("import res from './res.js'; probe(res);")).toEqual([null]);
  });
});
