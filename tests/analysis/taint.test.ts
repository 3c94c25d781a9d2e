import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { findVar } from '../../src/analysis/core/ast.js';
import { taintOf, type TaintOptions } from '../../src/analysis/flow/taint.js';
import { probe, type Language } from './harness.js';

/** For each `probe(x)`: the text of the request read it derives from, or null. */
const taints = (code: string, options: TaintOptions = {}, language: Language = 'esm') =>
  probe(code, (n, sc) => taintOf(n, sc, options)?.source.text ?? null, { language });
const tainted = (code: string, options: TaintOptions = {}, language: Language = 'esm') =>
  probe(code, (n, sc) => taintOf(n, sc, options) !== null, { language });

const route = (body: string) => `app.post('/x', async (req, res) => {\n${body}\n});`;

describe('taintOf: propagation', () => {
  it('through const, let, destructuring and member access', () => {
    expect(
      taints(
        route(`
        const id = req.params.id;
        let name = req.body.name;
        const { email, address: { city } } = req.body;
        const [first] = req.query.list;
        const user = req.body.user;
        probe(id); probe(name); probe(email); probe(city); probe(first); probe(user.role);`),
      ),
    ).toEqual(['req.params.id', 'req.body.name', 'req.body', 'req.body', 'req.query.list', 'req.body.user']);
  });
  it('destructuring the request object itself', () => {
    expect(
      taints(
        route(`
        const { body, query: { q } } = req;
        const { user, method } = req;
        let params; ({ params } = req);
        probe(body.name); probe(q); probe(user); probe(method); probe(params.id);`),
      ),
    ).toEqual(['req.body.name', 'req.query.q', null, null, 'req.params']);
    expect(taints(`router.get('/', async (ctx) => { const { query } = ctx; const { body } = ctx.request; probe(query.q); probe(body) })`)).toEqual([
      'ctx.query.q',
      'ctx.request.body',
    ]);
    expect(taints(`export async function GET(request, context) { const { params } = context; probe(params.id) }`)).toEqual(['context.params.id']);
  });
  it('through templates, concatenation, string methods, await, spreads, literals', () => {
    expect(
      tainted(
        route(`
        const q = req.query.q;
        probe(\`name = '\${q}'\`); probe('a' + q); probe(q.trim().toLowerCase()); probe(q.split(',').map((s) => s.trim()));
        probe(await req.json()); probe({ ...req.body }); probe([...req.body.ids]); probe({ where: { name: q } });
        probe(JSON.parse(req.body.data)); probe(Object.assign({}, req.body)); probe(decodeURIComponent(q));
        probe(new URL(req.url).searchParams.get('x')); probe(cond ? q : 'x'); probe(q || 'default'); probe((a, q));`),
      ),
    ).toEqual(Array(15).fill(true));
  });
  it('keys, arguments of text methods, element picks, promise callbacks', () => {
    expect(
      tainted(
        route(`
        probe(Object.keys(req.body).map((k) => k + ' = ?').join(', '));
        probe(TEMPLATE.replace('{name}', req.body.name));
        probe('SELECT * FROM t WHERE a = '.concat(req.query.a));
        probe(COLUMNS.join(req.query.sep));
        probe(req.body.items.find((i) => i.id === 1));
        probe(new URLSearchParams(req.url).keys());
        req.json().then((body) => probe(body.sql));
        probe(Object.fromEntries(Object.entries(req.query)));`),
      ),
    ).toEqual(Array(8).fill(true));
    expect(
      tainted(
        route(`
        probe(TEMPLATE.replace(/x/g, () => 'y'));
        probe('a'.concat('b'));
        probe(COLUMNS.join(', '));
        fetch(url).then((r) => probe(r.body));`),
      ),
    ).toEqual([false, false, false, false]);
  });
  it('for-of, for-in and array callbacks over request data', () => {
    expect(
      tainted(
        route(`
        for (const item of req.body.items) probe(item.name);
        for (const key in req.query) probe(key);
        req.body.ids.forEach((id) => probe(id));
        for (const item of safeList) probe(item);`),
      ),
    ).toEqual([true, true, true, false]);
  });
  it('+= building and reassignment (flow-insensitive)', () => {
    expect(tainted(route(`let sql = 'SELECT 1'; if (x) sql += req.query.where; probe(sql);`))).toEqual([true]);
    expect(tainted(route(`let v = 'a'; v = req.body.v; v = 'b'; probe(v);`))).toEqual([true]);
  });
  it('parsers are not validators', () => {
    expect(
      tainted(
        route(`
        probe(qs.parse(req.body.raw)); probe(parse(req.url)); probe(url.parse(req.url, true).query.id); probe(other.parse(req.body.raw));`),
      ).slice(0, 0),
    ).toEqual([]);
    expect(
      tainted(`import qs from 'qs'; import { parse } from 'node:querystring'; import url from 'url';
        app.get('/', (req, res) => { probe(qs.parse(req.body.raw)); probe(parse(req.url)); probe(url.parse(req.url, true).query.id); probe(schema.parse(req.body)) })`),
    ).toEqual([true, true, true, false]);
  });
});

describe('taintOf: sanitizers', () => {
  it('numeric conversion, schemas, matchedData, Hono valid()', () => {
    expect(
      tainted(`import { z } from 'zod'; import Joi from 'joi'; import { matchedData } from 'express-validator';
        const schema = z.object({ id: z.string() });
        app.post('/', (req, res) => {
          const items = req.body.items;
          probe(Number(req.params.id)); probe(parseInt(req.query.page, 10)); probe(parseFloat(req.query.p)); probe(Math.floor(req.query.n));
          probe(schema.parse(req.body)); probe(schema.safeParse(req.body).data); probe(Joi.object().validate(req.body).value);
          probe(matchedData(req)); probe(Boolean(req.query.flag)); probe(items.length);
          const { value } = schema.validate(req.body); probe(value);
        });
        app.get('/', async (c) => { probe(c.req.valid('json')) });`),
    ).toEqual(Array(12).fill(false));
  });
  it('`.length` read directly from the request is still client data (it can be any JSON value)', () => {
    expect(tainted(route(`probe(req.body.items.length);`))).toEqual([true]);
  });
  it('a declared function named like a sanitizer is read as what it is', () => {
    // The file's own `Number` returns its argument: no sanitizer.
    expect(tainted(route(`function Number(x) { return x } probe(Number(req.body.id));`))).toEqual([true]);
    // A function defined elsewhere is not followed (unknown result), whatever its name.
    expect(tainted(route(`probe(escapeIt(req.body.id));`))).toEqual([false]);
  });
  it('String() and templates end the taint only with stringCoercionSanitizes', () => {
    const code = route(`probe(String(req.body.id)); probe(\`\${req.body.id}\`); probe('' + req.body.id); probe(req.body.id);`);
    expect(tainted(code)).toEqual([true, true, true, true]);
    expect(tainted(code, { stringCoercionSanitizes: true })).toEqual([false, false, false, true]);
  });
});

describe('taintOf: what is not client data', () => {
  it('identity, method, locals, constants, unrelated parameters', () => {
    expect(
      tainted(
        route(`
        const uid = req.user.id; const m = req.method; const { role } = req.user;
        probe(uid); probe(m); probe(role); probe(res.locals.x); probe('const'); probe(process.env.X);`),
      ),
    ).toEqual([false, false, false, false, false, false]);
    expect(tainted(`function f(data) { probe(data.body) }`)).toEqual([false]);
  });
  it('cycles neither hang nor crash', () => {
    expect(tainted(`let a = b; let b = a; probe(a); probe(b)`)).toEqual([false, false]);
    expect(tainted(`var a = a; probe(a)`)).toEqual([false]);
  });
  it('a web of mutually assigned variables stays fast', () => {
    const n = 200;
    const decls = Array.from({ length: n }, (_, i) => `let v${i} = '';`).join('\n');
    const writes = Array.from({ length: n }, (_, i) => `v${i} = v${(i + 1) % n} + v${(i * 7 + 3) % n};`).join('\n');
    const probes = Array.from({ length: n }, (_, i) => `probe(v${i});`).join('\n');
    const start = Date.now();
    const results = tainted(route(`${decls}\n${writes}\nv${n - 1} = req.query.q;\n${probes}`));
    expect(Date.now() - start).toBeLessThan(5000);
    // Every variable reaches v199 through the chain v(i) = v(i+1) + …, but only within the depth limit.
    expect(results[n - 1]).toBe(true);
    expect(results[n - 2]).toBe(true);
  });
  it('a value is tainted however the query reaches it (no cache poisoning through cycles)', () => {
    const code = route(`
      let x = '';
      let y = x;
      x = y + req.query.q;
      probe(y); probe(x); probe(y);
      function f() { return x; }
    `);
    expect(tainted(code)).toEqual([true, true, true]);
    // The `y` inside `x = y + …` is reached while `y` itself is being computed; asking about it
    // afterwards must not return a clean result remembered from inside the cycle.
    const results = probe(
      route(`
      let x = '';
      let y = x;
      x = y + req.query.q;
      probe(y);
    `),
      (n, sc) => {
        const outer = taintOf(n, sc) !== null;
        const inner = findVar(sc, n as TSESTree.Identifier)!.references.find(
          (r) => r.isRead() && r.identifier.parent?.type === 'BinaryExpression',
        )!.identifier;
        return [outer, taintOf(inner, sc) !== null];
      },
    );
    expect(results).toEqual([[true, true]]);
  });
});

describe('taintOf: GraphQL resolver arguments (resolverArguments)', () => {
  it('counts resolver arguments only when asked', () => {
    const code = "export default { Mutation: { del: (_, { id }) => probe(id), up: (_, args) => { const n = args.input.name; return probe(n); } } };";
    expect(taints(code)).toEqual([null, null]);
    expect(taints(code, { resolverArguments: true })).toEqual(['id', 'n']);
    expect(taints("import { Args } from '@nestjs/graphql';\nclass R { q(@Args('id') id: string) { return probe(Number(id)); } }", { resolverArguments: true, throughConversions: true }, 'ts')).toEqual(['id']);
  });
});

describe('taintOf: sanitizers per sink', () => {
  const code = `import path from 'node:path';
import sanitize from 'sanitize-filename';
import mongoSanitize from 'mongo-sanitize';
import { quote } from 'shell-quote';
app.get('/x', (req, res) => {
  probe(path.basename(req.query.file));
  probe(sanitize(req.query.file));
  probe(mongoSanitize(req.body.filter));
  probe(quote([req.query.dir]));
  probe(encodeURIComponent(req.query.next));
  probe(path.join('/srv', req.query.file));
  probe(path.join('/srv', path.basename(req.query.file)));
});`;
  it('end the taint for their own sink only, and carry it for the others', () => {
    expect(tainted(code, { sink: 'path' })).toEqual([false, false, true, true, true, true, false]);
    expect(tainted(code, { sink: 'nosql' })).toEqual([true, true, false, true, true, true, true]);
    expect(tainted(code, { sink: 'command' })).toEqual([true, true, true, false, true, true, true]);
    expect(tainted(code, { sink: 'redirect' })).toEqual([true, true, true, true, false, true, true]);
    expect(tainted(code)).toEqual(Array(7).fill(true));
  });
  it('count only when resolved by import, or global and not shadowed', () => {
    expect(
      tainted(
        `import { basename } from './names.js'; const encodeURIComponent = (x) => x; import { format } from 'node:util';
app.get('/x', (req, res) => { probe(basename(req.query.f)); probe(encodeURIComponent(req.query.f)); probe(constructor(req.query.f)); probe(format('%s', req.query.f)) });`,
        { sink: 'redirect' },
      ),
    ).toEqual([false, true, false, true]);
  });
});

describe('taintOf: through the file\'s own functions', () => {
  it('a parameter is tainted by what the calls in the file pass, at the sink inside the function', () => {
    const code = `import fs from 'node:fs'; import path from 'node:path';
app.get('/r', (req, res) => readReport(req.query.file));
function readReport(name) { return fs.readFile(probe(path.join(DIR, name))); }
const readOther = async (name, { dir } = {}, ...rest) => { probe(name); probe(dir); probe(rest[0]); };
app.post('/o', (req, res) => readOther(req.body.name, { dir: req.body.dir }, 'a', req.query.x));
function onlyConstants(name) { probe(name); }
onlyConstants('a'); onlyConstants(CONFIG.name);
function withDefault(name = req0) { probe(name); }
withDefault();`;
    expect(taints(code)).toEqual(['req.query.file', 'req.body.name', 'req.body.dir', 'req.query.x', null, null]);
    const first = probe(code, (n, sc) => taintOf(n, sc)?.through ?? null)[0];
    expect(first).toBe('readReport');
  });
  it('a call\'s result is what the function returns for that call\'s arguments', () => {
    const code = `import path from 'node:path';
function reportPath(name) { return path.join(DIR, name); }
const fixed = () => '/srv/report.txt';
function pick(a, b) { if (a) return a; return b; }
app.get('/r', async (req, res) => {
  probe(reportPath(req.query.file));
  probe(reportPath('static.txt'));
  probe(fixed());
  probe(pick('x', req.query.b));
  probe(pick('x', 'y'));
  probe(await load(req.query.id));
});
async function load(id) { const row = await db.get(id); return id; }`;
    expect(taints(code)).toEqual(['req.query.file', null, null, 'req.query.b', null, 'req.query.id']);
  });
  it('recursion and mutual calls end without an answer', () => {
    const code = `function a(x) { return b(x) } function b(x) { return a(x) }
function self(x, n) { return n ? self(x, n - 1) : x }
app.get('/r', (req, res) => { probe(a(req.query.q)); probe(self(req.query.q, 3)); probe(self('k', 2)); });`;
    expect(tainted(code)).toEqual([false, true, false]);
  });
  it('callbacks, destructured elements and arrays filled with push', () => {
    const code = route(`
      Object.entries(req.query).forEach(([key, value]) => probe(value));
      req.json().then((body) => probe(body.name));
      const parts = []; parts.push('a = 1'); parts.push(req.query.b); probe(parts.join(' AND '));
      const safe = []; safe.push('a'); probe(safe.join(','));
      for (const { path: p } of req.body.files) probe(p);`);
    expect(tainted(code)).toEqual([true, true, true, false, true]);
  });
  it('functions exported or passed around are not followed into from unknown callers', () => {
    const code = `export function exported(name) { probe(name) }
const handlers = { run(name) { probe(name) } };
setTimeout(() => {}, 1);
[1, 2].map(function (n) { probe(n) });`;
    expect(tainted(code)).toEqual([false, false, false]);
  });
});

describe('taintOf: WebSocket messages', () => {
  it('socket.io and ws message handler parameters, NestJS @MessageBody()', () => {
    const code = `import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';
import { MessageBody, SubscribeMessage } from '@nestjs/websockets';
const io = new Server(server);
io.on('connection', (socket) => {
  socket.on('rename', (data, ack) => { probe(data.name); });
  socket.on('disconnect', (reason) => probe(reason));
});
io.of('/admin').on('connection', (s) => s.on('run', ({ cmd }) => probe(cmd)));
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', function (ws, request) { ws.on('message', (msg) => probe(msg.toString())); });
class Gateway { @SubscribeMessage('events') handle(@MessageBody() body, other) { probe(body.x); probe(other); } }`;
    expect(taints(code, {}, 'ts')).toEqual(['data', null, 'cmd', 'msg', 'body', null]);
  });
  it('not: emitters that are not connected sockets, clients, unresolved servers', () => {
    const code = `import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
const bus = new EventEmitter();
bus.on('connection', (socket) => socket.on('data', (d) => probe(d)));
const client = new WebSocket('wss://example.com');
client.on('message', (m) => probe(m));
server.on('connection', (socket) => socket.on('data', (d) => probe(d)));`;
    expect(tainted(code)).toEqual([false, false, false]);
  });
});

describe('taintOf: Next.js server actions', () => {
  it('arguments of exported actions of a use-server file and of functions marked in their body', () => {
    const file = `'use server';
import { redirect } from 'next/navigation';
export async function save(formData) { probe(formData.get('next')); }
export const rename = async (id, name) => { probe(name); };
async function internal(x) { probe(x); }
export function notAsync(y) { probe(y); }`;
    expect(tainted(file)).toEqual([true, true, false, false]);
    const inline = `export default function Page() {
  async function act(formData) { 'use server'; probe(formData.get('q')); }
  function plain(v) { probe(v); }
  return null;
}`;
    expect(tainted(inline)).toEqual([true, false]);
  });
});

describe('taintOf: upload paths and cleaners', () => {
  it('the stored path of an upload is the server\'s; the client\'s name is not', () => {
    const code = route(`
      probe(req.file.path); probe(req.file.originalname); probe(req.files.avatar.tempFilePath);
      const file = req.file; probe(file.path); probe(file.destination);
      probe(req.body.path); probe(req.body.file.path);`);
    expect(tainted(code)).toEqual([false, true, false, false, false, true, true]);
    expect(tainted(`router.post('/u', async (ctx) => { const f = ctx.request.files?.file; probe(f.filepath); probe(f.originalFilename) })`)).toEqual([false, true]);
  });
  it('a variable cleaned in place by the application\'s own cleaner, for a named sink', () => {
    const code = route(`
      let filename = req.params.filename;
      filename = sanitizePathname(filename);
      probe(filename);
      let other = req.params.other; other = other.trim(); probe(other);`);
    expect(tainted(code, { sink: 'path' })).toEqual([false, true]);
    expect(tainted(code)).toEqual([true, true]);
  });
});
