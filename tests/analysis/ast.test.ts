import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  bindingPath,
  calleeName,
  findVar,
  isGlobalReference,
  paramName,
  shortText,
  singleValue,
  staticKeyName,
  unwrap,
  writtenValues,
} from '../../src/analysis/ast.js';
import { perFileCache } from '../../src/analysis/cache.js';
import { probe, probeOne } from './harness.js';

const text = (sc: { getText(n: TSESTree.Node): string }, n: TSESTree.Node | null | undefined) => (n ? sc.getText(n) : null);

function single(code: string, language: 'esm' | 'ts' = 'esm') {
  return probeOne(
    code,
    (node, sc) => {
      const v = findVar(sc, node as TSESTree.Identifier);
      const s = v && singleValue(v);
      return s ? { init: sc.getText(s.init), path: s.path, defaultValue: text(sc, s.defaultValue) } : null;
    },
    { language },
  );
}

describe('unwrap', () => {
  it('strips TS wrappers and optional chains', () => {
    expect(probeOne('probe((a as any)!.b satisfies T)', (n, sc) => sc.getText(unwrap(n)), { language: 'ts' })).toBe('(a as any)!.b');
    expect(probeOne('probe(<any>x)', (n) => unwrap(n).type, { language: 'ts' })).toBe('Identifier');
    expect(probeOne('probe(a?.b)', (n) => unwrap(n).type)).toBe('MemberExpression');
  });
});

describe('staticKeyName / calleeName', () => {
  it('reads static keys', () => {
    const keys = probe("probe(a.b); probe(a['c']); probe(a[`d`]); probe(a[1]); probe(a[x]); probe(a[`${x}`])", (n) => {
      const m = n as TSESTree.MemberExpression;
      return staticKeyName(m.property, m.computed);
    });
    expect(keys).toEqual(['b', 'c', 'd', '1', null, null]);
  });
  it('names callees', () => {
    const names = probe('probe(foo()); probe(a.b.c()); probe(a?.[`m`]()); probe((() => 1)()); probe(a[k]())', (n) =>
      calleeName(unwrap(n) as TSESTree.CallExpression),
    );
    expect(names).toEqual(['foo', 'c', 'm', null, null]);
  });
});

describe('singleValue', () => {
  it('const and never-reassigned let', () => {
    expect(single('const a = 1; probe(a)')).toEqual({ init: '1', path: [], defaultValue: null });
    expect(single('let a = 1; probe(a)')).toEqual({ init: '1', path: [], defaultValue: null });
  });
  it('reassigned or uninitialised is null', () => {
    expect(single('let a = 1; a = 2; probe(a)')).toBeNull();
    expect(single('let a = 1; a += 2; probe(a)')).toBeNull();
    expect(single('let a; a = 2; probe(a)')).toBeNull();
    expect(single('var a = 1; var a = 2; probe(a)')).toBeNull();
    expect(single('function f(a = 1) { probe(a) }')).toBeNull();
    expect(single('import a from "m"; probe(a)')).toBeNull();
    expect(single('let a = 1; a++; probe(a)')).toBeNull();
    expect(single('let a = 1; [a] = [2]; probe(a)')).toBeNull();
    expect(single('let a = 1; ({ a } = { a: 2 }); probe(a)')).toBeNull();
  });
  it('destructuring paths and defaults', () => {
    expect(single('const { a: { b } } = x; probe(b)')).toEqual({ init: 'x', path: ['a', 'b'], defaultValue: null });
    expect(single("const { a = 'd' } = x; probe(a)")).toEqual({ init: 'x', path: ['a'], defaultValue: "'d'" });
    expect(single('const [, b] = x; probe(b)')).toEqual({ init: 'x', path: ['1'], defaultValue: null });
    expect(single('const { ...rest } = x; probe(rest)')).toEqual({ init: 'x', path: [null], defaultValue: null });
    expect(single('const { [k]: v } = x; probe(v)')).toEqual({ init: 'x', path: [null], defaultValue: null });
    expect(single("const { 'a-b': v } = x; probe(v)")).toEqual({ init: 'x', path: ['a-b'], defaultValue: null });
  });
  it('a pattern default does not hide the single value', () => {
    expect(single("const { pool = fallback } = require('x'); probe(pool)")).toEqual({
      init: "require('x')",
      path: ['pool'],
      defaultValue: 'fallback',
    });
    expect(single("let { a = 'd' } = x; a = y; probe(a)")).toBeNull();
  });
  it('for-of bindings have no single value', () => {
    expect(single('for (const a of xs) probe(a)')).toBeNull();
  });
});

describe('writtenValues / bindingPath', () => {
  it('lists writes with operators', () => {
    const writes = probeOne("let q = 'a'; q += b; q = c; probe(q)", (n, sc) =>
      writtenValues(findVar(sc, n as TSESTree.Identifier)!).map((w) => [sc.getText(w.expr), w.operator, w.path]),
    );
    expect(writes).toEqual([
      ["'a'", '=', []],
      ['b', '+=', []],
      ['c', '=', []],
    ]);
  });
  it('a pattern default is written as the value itself', () => {
    const writes = probeOne("let { a = 'd' } = x; probe(a)", (n, sc) =>
      writtenValues(findVar(sc, n as TSESTree.Identifier)!).map((w) => [sc.getText(w.expr), w.operator, w.path]),
    );
    expect(writes).toEqual([
      ["'d'", '=', []],
      ['x', '=', ['a']],
    ]);
  });
  it('binding path of a nested pattern', () => {
    const path = probeOne('const { a: [ { b = 1 } ] } = x; probe(b)', (n, sc) => {
      const v = findVar(sc, n as TSESTree.Identifier)!;
      const def = v.defs[0]!;
      return bindingPath(def.name as TSESTree.Identifier, (def.node as TSESTree.VariableDeclarator).id);
    });
    expect(path.path).toEqual(['a', '0', 'b']);
  });
});

describe('isGlobalReference / paramName / shortText', () => {
  it('globals', () => {
    expect(probe('probe(require); const x = 1; probe(x)', (n, sc) => isGlobalReference(sc, n as TSESTree.Identifier))).toEqual([true, false]);
    expect(probeOne('probe(require)', (n, sc) => isGlobalReference(sc, n as TSESTree.Identifier), { language: 'cjs' })).toBe(true);
  });
  it('param names', () => {
    const names = probe(
      'class A { constructor(private x: number) {} } function f(a, b = 1, { c }, ...d) {} probe(f)',
      (n, sc) => {
        const v = findVar(sc, n as TSESTree.Identifier)!;
        const fn = v.defs[0]!.node as TSESTree.FunctionDeclaration;
        return fn.params.map((p) => paramName(p));
      },
      { language: 'ts' },
    );
    expect(names).toEqual([['a', 'b', null, null]]);
  });
  it('short text', () => {
    expect(probeOne('probe(a  .\n  b)', (n, sc) => shortText(sc, n))).toBe('a . b');
    expect(probeOne('probe(aaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb)', (n, sc) => shortText(sc, n, 10))).toBe('aaaaaaaaa…');
  });
});

describe('perFileCache', () => {
  it('one value per file', () => {
    let made = 0;
    const cache = perFileCache(() => ({ id: ++made }));
    const ids = probe('probe(a); probe(b)', (_n, sc) => cache(sc).id);
    expect(ids).toEqual([1, 1]);
    expect(probe('probe(a)', (_n, sc) => cache(sc).id)).toEqual([2]);
  });
});
