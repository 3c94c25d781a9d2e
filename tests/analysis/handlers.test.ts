import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, type FunctionNode } from '../../src/analysis/core/ast.js';
import { exportedHandler, exportedHandlersInFile, handlerKind, handlerName, mountedMiddlewareNames } from '../../src/analysis/http/handlers.js';
import { probe, type Language } from './harness.js';

/** The framework each function marked by a `probe()` call in its body is exported as, in source order. */
function frameworks(code: string, language: Language = 'esm'): (string | null)[] {
  return probe(
    code,
    (node, sc) => {
      let fn: TSESTree.Node | undefined = node;
      while (fn && !isFunction(fn)) fn = fn.parent;
      return fn ? (exportedHandler(fn as FunctionNode, sc)?.framework ?? null) : null;
    },
    { language, select: { selector: 'CallExpression[callee.name="probe"]', pick: (n) => n } },
  );
}

describe('exportedHandler', () => {
  it('recognises CommonJS controller modules', () => {
    expect(frameworks('module.exports = { read: async (req, res) => { probe(); res.json(req.params.id); } };', 'cjs')).toEqual(['express']);
    expect(frameworks('exports.remove = function (req, res) { probe(); res.sendStatus(204); };', 'cjs')).toEqual(['express']);
    expect(frameworks('module.exports.update = async (req, res) => { probe(); res.end(); };', 'cjs')).toEqual(['express']);
    expect(frameworks('async function read(req, res) { probe(); res.json({}); }\nmodule.exports = { read };', 'cjs')).toEqual(['express']);
    expect(frameworks('const c = { read(req, res) { probe(); res.json({}); } };\nmodule.exports = c;', 'cjs')).toEqual(['express']);
    expect(frameworks("exports.read = asyncHandler(async (req, res) => { probe(); res.json(req.body); });", 'cjs')).toEqual(['express']);
  });

  it('recognises ES module exports and exported classes', () => {
    expect(frameworks('export const read = async (req, res) => { probe(); res.json({}); };')).toEqual(['express']);
    expect(frameworks('export default function (request, reply) { probe(); return reply.send({}); }')).toEqual(['fastify']);
    expect(frameworks('function read(req, res) { probe(); res.json({}); }\nexport { read };')).toEqual(['express']);
    expect(frameworks('export class C { async read(req, res) { probe(); res.json({}); } }')).toEqual(['express']);
    expect(frameworks('class C { read = (req, res) => { probe(); res.json({}); }; }\nmodule.exports = new C();', 'cjs')).toEqual(['express']);
    expect(frameworks('export default { async show(ctx) { probe(); ctx.body = ctx.params.id; } };')).toEqual(['koa']);
    expect(frameworks("export const show = (c) => { probe(); return c.json({ id: c.req.param('id') }); };")).toEqual(['hono']);
  });

  it('leaves out middleware, factories, unexported helpers and look-alike parameters', () => {
    expect(frameworks('exports.load = async (req, res, next) => { probe(); req.x = 1; next(); };', 'cjs')).toEqual([null]);
    expect(frameworks('exports.role = (r) => (req, res, next) => { probe(); res.sendStatus(403); };', 'cjs')).toEqual([null]);
    expect(frameworks('async function read(req, res) { probe(); res.json({}); }')).toEqual([null]);
    expect(frameworks('exports.sum = (req, res) => { probe(); return req + res; };', 'cjs')).toEqual([null]);
    expect(frameworks('export function draw(ctx) { probe(); ctx.fillRect(0, 0, 1, 1); }')).toEqual([null]);
    expect(frameworks('export function count(c) { probe(); return c.size + 1; }')).toEqual([null]);
    expect(frameworks('export const f = (req: string, res: number) => { probe(); return res.toFixed(req.length); };', 'ts')).toEqual([null]);
    expect(frameworks('export const f = (req: Request, res: Response) => { probe(); res.json({}); };', 'ts')).toEqual(['express']);
    expect(frameworks('export function onError(err, req, res, next) { probe(); res.status(500).end(); }')).toEqual([null]);
  });

  it('lists every exported handler of a file, names them and tells the kinds of handler apart', () => {
    const code = "module.exports = { a: (req, res) => res.json(1), b: (req, res) => res.json(2) };\nexports.c = (x) => x;";
    expect(probe(code, (_n, sc) => exportedHandlersInFile(sc).length, { language: 'cjs', select: { selector: 'Program', pick: (n) => n } })).toEqual([2]);
    expect(
      probe(
        "const r = require('express').Router();\nr.get('/x', (req, res) => res.json(1));\nexports.y = (req, res) => res.json(2);\nconst resolvers = { Query: { z: (_, args) => args.id } };",
        (n, sc) => handlerKind(n as FunctionNode, sc),
        { language: 'cjs', select: { selector: 'ArrowFunctionExpression', pick: (n) => n } },
      ),
    ).toEqual(['route', 'exported', 'resolver']);
    expect(
      probe('exports.adminUpdate = async (req, res) => res.end();', (n) => handlerName(n as FunctionNode), {
        language: 'cjs',
        select: { selector: 'ArrowFunctionExpression', pick: (n) => n },
      }),
    ).toEqual(['adminUpdate']);
  });

  it('names the middleware a file mounts', () => {
    const code = "router.use('/api', requireAuth, apiRouter);\napp.use(passport.authenticate('jwt'));\nfastify.addHook('onRequest', fastify.verify);";
    expect(probe(code, (_n, sc) => mountedMiddlewareNames(sc), { select: { selector: 'Program', pick: (n) => n } })).toEqual([
      ['requireAuth', 'passport.authenticate', 'fastify.verify'],
    ]);
  });
});
