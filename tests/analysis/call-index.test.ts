import { describe, expect, it } from 'vitest';
import { callsNamed } from '../../src/analysis/core/call-index.js';
import type { SourceCode } from '../../src/analysis/core/cache.js';
import { mayReadRequestInFile } from '../../src/analysis/http/request-sources.js';
import { probeOne, type Language } from './harness.js';

const QUERY = new Set(['query', 'find']);
const EVAL = new Set(['eval']);

/** The source text of the calls `callsNamed` gives for the file. */
function named(code: string, names: ReadonlySet<string>, irregular = false, language: Language = 'esm'): string[] {
  return probeOne(`${code}\nprobe(0);`, (_n, sc) => callsNamed(sc, names, irregular).map((call) => sc.getText(call)), { language });
}

/** The same, on a `SourceCode` whose traversal steps are hidden, so the index walks the tree itself. */
function namedByWalk(code: string, names: ReadonlySet<string>, irregular = false): string[] {
  return probeOne(`${code}\nprobe(0);`, (_n, sc) => {
    const bare = Object.create(sc, { traverse: { value: undefined } }) as SourceCode;
    return callsNamed(bare, names, irregular).map((call) => bare.getText(call));
  });
}

describe('callsNamed', () => {
  const code = [
    'db.query(sql);',
    'find(x);',
    'a.b.c.find(y).query(z);',
    "db['query'](w);",
    'db?.query(v);',
    'other(db.query);',
    'function f() { return pool.query(`x`); }',
  ].join('\n');

  it('gives the calls whose callee name is one of the names, in source order (outer calls first)', () => {
    expect(named(code, QUERY)).toEqual([
      'db.query(sql)',
      'find(x)',
      'a.b.c.find(y).query(z)',
      'a.b.c.find(y)',
      "db['query'](w)",
      'db?.query(v)',
      'pool.query(`x`)',
    ]);
  });

  it('leaves out calls of other names and references that are not calls', () => {
    const calls = named(code, QUERY);
    expect(calls).not.toContain('other(db.query)');
    expect(calls.some((c) => c.startsWith('probe('))).toBe(false);
    expect(named('db.execute(sql); x.query;', QUERY)).toEqual([]);
  });

  it('adds calls of an unusual callee shape when asked, once each', () => {
    const text = "eval(a); (0, eval)(b); obj[key](c); f()(d); obj['eval'](e); (fn as any)(g);";
    expect(named(text, EVAL, false, 'ts')).toEqual(['eval(a)', "obj['eval'](e)"]);
    expect(named(text, EVAL, true, 'ts')).toEqual(['eval(a)', '(0, eval)(b)', 'obj[key](c)', 'f()(d)', "obj['eval'](e)", '(fn as any)(g)']);
  });

  it('gives the same answer when it has to walk the tree itself', () => {
    expect(namedByWalk(code, QUERY)).toEqual(named(code, QUERY));
    const text = 'eval(a); (0, eval)(b); obj[key](c);';
    expect(namedByWalk(text, EVAL, true)).toEqual(named(text, EVAL, true));
  });

  it('reads calls inside classes, decorators, JSX and TypeScript wrappers', () => {
    const ts = '@Dec(find(a)) class C { m() { return (this.repo as Repo).find!(b); } }\nconst x = <T,>(v: T) => db.query<T>(v);';
    expect(named(ts, QUERY, false, 'ts')).toEqual(['find(a)', '(this.repo as Repo).find!(b)', 'db.query<T>(v)']);
    expect(named('const el = <div onClick={() => api.find(id)} />;', QUERY, false, 'tsx')).toEqual(['api.find(id)']);
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
