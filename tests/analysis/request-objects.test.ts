import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { isRequestContextValue, isRequestUser, lodashFunction, wholeRequestObject, wholeResolverInput } from '../../src/analysis/flow/request-objects.js';
import { probe, type Language } from './harness.js';

/** The request text `wholeRequestObject` finds for each `probe(x)`, or null. */
const whole = (code: string, language: Language = 'esm') =>
  probe(code, (n, sc) => wholeRequestObject(n, sc)?.text ?? null, { language });
const express = (body: string) => `app.post('/u', async (req, res) => { ${body} })`;

describe('wholeRequestObject', () => {
  it('request containers', () => {
    expect(whole(express('probe(req.body); probe(req.query); probe(req.body.user)'))).toEqual(['req.body', 'req.query', 'req.body.user']);
    expect(whole("router.post('/u', async (ctx) => { probe(ctx.request.body) })")).toEqual(['ctx.request.body']);
    expect(whole('export async function POST(request) { probe(await request.json()) }')).toEqual(['await request.json()']);
    expect(whole("app.post('/u', async (c) => { probe(await c.req.json()); probe(await c.req.parseBody()); probe(c.req.query()) })")).toEqual([
      'await c.req.json()',
      'await c.req.parseBody()',
      'c.req.query()',
    ]);
  });
  it('single values and route params are not whole objects', () => {
    expect(whole(express("probe(req.params); probe(req.params.id); probe(req.query.page); probe(req.headers); probe(req.get('x'))"))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(whole("app.get('/u', (c) => { probe(c.req.query('q')); probe(c.req.param()) })")).toEqual([null, null]);
  });
  it('through variables, rest bindings and nested objects', () => {
    expect(whole(express('const data = req.body; probe(data)'))).toEqual(['req.body']);
    expect(whole(express('const { role, ...rest } = req.body; probe(rest)'))).toEqual(['req.body']);
    expect(whole(express('const { user } = req.body; probe(user)'))).toEqual(['req.body']);
    expect(whole(express('const { name, email } = req.body; probe(name); probe({ name, email })'))).toEqual([null, null]);
    expect(whole(express('let data; data = req.body; probe(data)'))).toEqual(['req.body']);
  });
  it('copies', () => {
    expect(
      whole(
        express(
          'probe({ ...req.body }); probe({ ...req.body, ownerId: 1 }); probe(Object.assign({}, req.body)); probe(structuredClone(req.body)); probe(JSON.parse(JSON.stringify(req.body))); probe(req.body || {})',
        ),
      ),
    ).toEqual(['req.body', 'req.body', 'req.body', 'req.body', 'req.body', 'req.body']);
    expect(whole(`import _ from 'lodash'; ${express('probe(_.cloneDeep(req.body)); probe(_.pick(req.body, ["a"]))')}`)).toEqual(['req.body', null]);
    expect(whole('export async function POST(req) { probe(Object.fromEntries(await req.formData())) }')).toEqual(['await req.formData()']);
  });
  it('validated and picked data', () => {
    expect(
      whole(
        express(
          "probe(schema.parse(req.body)); probe(matchedData(req)); probe({ name: req.body.name }); probe(plainToInstance(Dto, req.body)); probe(sanitize(req.body))",
        ),
      ),
    ).toEqual([null, null, null, null, null]);
    expect(whole("app.post('/u', async (c) => { probe(c.req.valid('json')) })")).toEqual([null]);
  });
  it('validation gates on the same container', () => {
    expect(whole(express('const { error } = validateUser(req.body); if (error) return; probe(req.body)'))).toEqual([null]);
    expect(whole(express('await schema.validateAsync(req.body); probe(req.body); probe(req.query)'))).toEqual([null, 'req.query']);
    expect(whole(express('schema.parse(req.body); probe(req.body)'))).toEqual(['req.body']);
    expect(whole(`function v(req) { validate(req.body) } ${express('probe(req.body)')}`)).toEqual(['req.body']);
  });
  it('validation middleware in the route chain', () => {
    expect(whole("router.post('/u', validate(CreateUser), async (req, res) => { probe(req.body); probe(req.query) })")).toEqual([null, 'req.query']);
    expect(whole("router.post('/u', celebrate({ body: S }), (req, res) => { probe(req.body) })")).toEqual([null]);
    expect(whole("router.post('/u', validate, (req, res) => { probe(req.body) })")).toEqual(['req.body']);
    expect(whole("router.put('/u/:id', validateObjectId('id'), validateParams(P), (req, res) => { probe(req.body) })")).toEqual(['req.body']);
    expect(whole("import { body } from 'express-validator'; router.post('/u', body('email').isEmail(), (req, res) => { probe(req.body) })")).toEqual([
      'req.body',
    ]);
  });
  it('Fastify body schemas', () => {
    expect(whole("fastify.post('/u', { schema: { body: S } }, async (request, reply) => { probe(request.body) })")).toEqual([null]);
    expect(whole("fastify.post('/u', { schema: { querystring: Q } }, async (request, reply) => { probe(request.body) })")).toEqual(['request.body']);
    expect(whole("fastify.post('/u', async (request, reply) => { probe(request.body) })")).toEqual(['request.body']);
  });
  it('NestJS parameters: classes are validated DTOs, other types are not', () => {
    const nest = (param: string, prelude = '') => `
      import { Body, Controller, Post } from '@nestjs/common';
      ${prelude}
      @Controller() class C { @Post() m(${param}) { probe(body) } }`;
    expect(whole(nest('@Body() body: CreateDto', "import { CreateDto } from './dto';"), 'ts')).toEqual([null]);
    expect(whole(nest('@Body() body: CreateDto', 'class CreateDto {}'), 'ts')).toEqual([null]);
    expect(whole(nest("@Body('name') body: string"), 'ts')).toEqual([null]);
    expect(whole(nest('@Body() body: any'), 'ts')).toEqual(['body']);
    expect(whole(nest('@Body() body'), 'ts')).toEqual(['body']);
    expect(whole(nest('@Body() body: Record<string, unknown>'), 'ts')).toEqual(['body']);
    expect(whole(nest('@Body() body: Partial<CreateDto>', 'class CreateDto {}'), 'ts')).toEqual(['body']);
    expect(whole(nest('@Body() body: Input', 'interface Input { name: string }'), 'ts')).toEqual(['body']);
    expect(whole(nest('@Body() body: Input', "import type { Input } from './types';"), 'ts')).toEqual(['body']);
    expect(whole(nest('@Body() body: Input', "import { type Input } from './types';"), 'ts')).toEqual(['body']);
    expect(whole(nest('@Body() body: { name: string }'), 'ts')).toEqual(['body']);
  });
  it('not request data', () => {
    expect(whole('function f(body) { probe(body); probe({ ...body }) }')).toEqual([null, null]);
    expect(whole('probe(req.body)')).toEqual([null]);
  });
});

describe('lodashFunction', () => {
  it('namespace, named, per-method module and per-method package', () => {
    const name = (code: string, language: Language = 'esm') => probe(code, (n, sc) => lodashFunction(n, sc), { language })[0];
    expect(name("import _ from 'lodash'; probe(_.merge)")).toBe('merge');
    expect(name("import { defaultsDeep } from 'lodash-es'; probe(defaultsDeep)")).toBe('defaultsDeep');
    expect(name("import merge from 'lodash/merge'; probe(merge)")).toBe('merge');
    expect(name("const merge = require('lodash.merge'); probe(merge)", 'cjs')).toBe('merge');
    expect(name("const _ = require('underscore'); probe(_.extend)", 'cjs')).toBe('extend');
    expect(name("import merge from 'deepmerge'; probe(merge)")).toBeNull();
    expect(name('probe(merge)')).toBeNull();
  });
});

describe('isRequestUser', () => {
  it('req.user, request.user, ctx.state.user of request parameters', () => {
    const users = (code: string, language: Language = 'esm') =>
      probe(code, (n, sc) => n.type === 'MemberExpression' && isRequestUser(n as TSESTree.MemberExpression, sc), { language });
    expect(users("app.get('/', (req, res) => { probe(req.user); probe(req.body.user) })")).toEqual([true, false]);
    expect(users("fastify.get('/', async (request, reply) => probe(request.user))")).toEqual([true]);
    expect(users("router.get('/', async (ctx) => { probe(ctx.state.user); probe(ctx.user) })")).toEqual([true, false]);
    expect(users("import { Controller, Get, Req } from '@nestjs/common'; @Controller() class C { @Get() m(@Req() r) { probe(r.user) } }", 'ts')).toEqual([true]);
    expect(users('function f(a) { probe(a.user) } probe(req.user)')).toEqual([false, false]);
  });
});

describe('isRequestContextValue', () => {
  const context = (code: string) => probe(code, (n, sc) => isRequestContextValue(n, sc));
  it('state middleware attached to the request', () => {
    expect(context("app.get('/x', (req, res) => { probe(req.project._id); probe(req.tenant) }); fastify.get('/y', (request) => probe(request.org.id))")).toEqual([true, true, true]);
    expect(context("router.get('/x', (ctx) => { probe(ctx.state.project.id); probe(ctx.state) })")).toEqual([true, false]);
  });
  it('not client data, not other objects', () => {
    expect(
      context("app.get('/x', (req, res) => { probe(req.params.id); probe(req.body.project); probe(req.headers.host); probe(req); probe(project.id) })"),
    ).toEqual([false, false, false, false, false]);
    expect(context('function f(options) { probe(options.project.id) }')).toEqual([false]);
  });
});

describe('wholeResolverInput', () => {
  const input = (code: string, language: Language = 'esm') => probe(code, (n, sc) => wholeResolverInput(n, sc)?.text ?? null, { language });
  it('finds GraphQL inputs written whole where the schema is not seen to restrict them', () => {
    expect(input('export default { Mutation: { c: (_, { input }) => probe(input), d: (_, args) => probe(args.input), e: (_, args) => probe({ ...args }) } };')).toEqual([
      'input',
      'args.input',
      'args',
    ]);
    expect(input("import { Args } from '@nestjs/graphql';\nclass R { c(@Args('input') input: Record<string, unknown>) { return probe(input); } }", 'ts')).toEqual(['input']);
  });

  it('is null for picked fields, declared input classes, visible SDL and graphql-js fields', () => {
    expect(input('export default { Mutation: { c: (_, { input }) => probe(input.title), d: (_, args) => probe(args.id) } };')).toEqual([null, null]);
    expect(input("import { Args } from '@nestjs/graphql';\nimport { NoteInput } from './dto';\nclass R { c(@Args('input') input: NoteInput) { return probe(input); } }", 'ts')).toEqual([null]);
    expect(input('const t = gql`input NoteInput { title: String }\ntype Mutation { c(input: NoteInput!): Note }`;\nexport default { Mutation: { c: (_, { input }) => probe(input) } };')).toEqual([null]);
    expect(input('const t = gql`input NoteInput { title: String, role: String }\ntype Mutation { c(input: NoteInput!): Note }`;\nexport default { Mutation: { c: (_, { input }) => probe(input) } };')).toEqual(['input']);
    expect(input("import { GraphQLObjectType } from 'graphql';\nnew GraphQLObjectType({ name: 'Mutation', fields: { c: { args: {}, resolve: (_, args) => probe(args.input) } } });")).toEqual([null]);
  });
});
