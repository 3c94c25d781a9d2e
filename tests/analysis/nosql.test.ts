import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { nosqlQuery } from '../../src/analysis/domains/nosql.js';
import { taintOf } from '../../src/analysis/flow/taint.js';
import { mayHoldObject } from '../../src/analysis/http/request-shapes.js';
import { probe, type Language } from './harness.js';

/** For each `probe(x)`: whether the request value it reads may be an object (null when not request data). */
const shapes = (code: string, language: Language = 'esm', trustTypedBodies = true) =>
  probe(code, (n, sc) => {
    const taint = taintOf(n, sc);
    return taint ? mayHoldObject(taint.source, sc, { trustTypedBodies }) : null;
  }, { language });

/** For each call `x.method(…)` wrapped as `probe(x.method(…))`: library and evidence, or null. */
const queries = (code: string) =>
  probe(code, (n, sc) => {
    if (n.type !== 'CallExpression') return null;
    const q = nosqlQuery(n as TSESTree.CallExpression, sc);
    return q ? `${q.library}/${q.recognisedBy}` : null;
  });

describe('mayHoldObject', () => {
  it('bodies, qs query strings and cookies may be objects; params and headers are text', () => {
    expect(
      shapes(`app.post('/x', (req, res) => { probe(req.body.a); probe(req.query.b); probe(req.cookies.c); probe(req.params.d); probe(req.headers.e); probe(req.get('f')); });`),
    ).toEqual([true, true, true, false, false, false]);
  });
  it('Koa and Hono', () => {
    expect(
      shapes(`router.post('/x', async (ctx) => { probe(ctx.request.body.a); probe(ctx.query.b); probe(ctx.params.c); });
app.post('/y', async (c) => { probe((await c.req.json()).a); probe(c.req.query('b')); probe(c.req.param('c')); });`),
    ).toEqual([true, false, false, true, false, false]);
  });
  it('NestJS parameters by decorator and type', () => {
    const code = `import { Body, Param, Controller, Post } from '@nestjs/common';
@Controller('x') class C {
  @Post() a(@Body() dto: CreateDto, @Body() raw: any, @Param('id') id: string, @Body('email') email: string) { probe(dto.name); probe(raw.name); probe(id); probe(email); }
}`;
    expect(shapes(code, 'ts')).toEqual([false, true, false, true]);
    expect(shapes(code, 'ts', false)).toEqual([true, true, false, true]);
  });
});

describe('nosqlQuery', () => {
  it('by import and by shape', () => {
    expect(
      queries(`import mongoose from 'mongoose';
import { MongoClient } from 'mongodb';
import Post from './models/post';
const User = mongoose.model('User', schema);
const users = new MongoClient(url).db().collection('users');
probe(User.findOne({}));
probe(users.find({}));
probe(db.collection('orders').findOne({}));
probe(Post.findById(id));
probe(list.find((x) => x));
probe(Post.findOne({ where: { id } }));`),
    ).toEqual(['mongoose/import', 'mongodb/import', 'mongodb/shape', 'mongoose/shape', null, null]);
  });
  it('not in files that load another ORM', () => {
    expect(queries(`import { Sequelize } from 'sequelize';\nimport User from './user';\nprobe(User.findOne({ email }));`)).toEqual([null]);
  });
});
