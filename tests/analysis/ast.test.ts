import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  bindingPath,
  calleeName,
  findVar,
  isCallerParameter,
  isGlobalReference,
  paramName,
  shortText,
  singleValue,
  staticKeyName,
  unwrap,
  writtenValues,
  wrappedParent,
} from '../../src/analysis/core/ast.js';
import { perFileCache } from '../../src/analysis/core/cache.js';
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

describe('wrappedParent', () => {
  it('skips the wrappers unwrap removes', () => {
    const parents = probe(
      'probe(f((a as any)!)); probe(g(a<string>)); probe(h(a?.b))',
      (n) => {
        const inner = (n as TSESTree.CallExpression).arguments[0]!;
        let leaf: TSESTree.Node = inner;
        while ('expression' in leaf && leaf.expression && leaf.type !== 'ChainExpression') leaf = leaf.expression as TSESTree.Node;
        if (leaf.type === 'ChainExpression') leaf = leaf.expression;
        return wrappedParent(leaf)?.type;
      },
      { language: 'ts' },
    );
    expect(parents).toEqual(['CallExpression', 'CallExpression', 'CallExpression']);
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

describe('no crash on strange code', () => {
  const code = `
    import def, * as ns from 'm';
    import { 'str name' as s, default as d2 } from 'n';
    import type { T } from 't';
    import eq = require('eq');
    export import alias = ns.x;
    enum E { A = 'a', B = A }
    namespace N { export const v = 1 }
    declare const amb: any;
    @Controller('x') class C<TT> extends (def as any) {
      #priv = 1;
      static s = this.name;
      accessor acc = 1;
      constructor(@Inject() private readonly svc: T, public p = s) { super(); }
      @Get() async m(@Body() { a, ...rest }: T, [x, , y] = [], ...more: any[]) {
        label: for (const [k, v] of Object.entries(a ?? {})) { if (k) continue label; }
        const q = \`SELECT \${this.#priv} \${rest?.[k]} \${(0, ns.f)()} \${import.meta.url}\`;
        let z; z ||= a; z &&= y; z ??= x; z += q; z **= 2;
        const o = { [k]: 1, ...rest, get g() { return 1 }, set g(v) {}, async *gen() { yield* [] } };
        new.target; super.m?.(); eq?.x!.y<string>(); (amb satisfies any) as unknown;
        return <div {...o} k={q}>{q}</div>;
      }
    }
    const f = function* () { yield; };
    const arrow = async ({ a: [b = 1] = [] } = {}, ...r) => await import(\`x\`);
    probe(1);
  `;
  it('every analysis function on every expression', async () => {
    const { resolveModule } = await import('../../src/analysis/core/modules.js');
    const sv = {
      ...(await import('../../src/analysis/core/static-value.js')),
      ...(await import('../../src/analysis/flow/numeric-value.js')),
      ...(await import('../../src/analysis/flow/constrained-value.js')),
    };
    const { requestSource } = await import('../../src/analysis/http/request-sources.js');
    const { taintOf } = await import('../../src/analysis/flow/taint.js');
    const { isSqlEscaped } = await import('../../src/analysis/domains/sql.js');
    const counts = probe(
      code,
      (node, sc) => {
        resolveModule(node, sc);
        sv.stringComposition(node, sc);
        sv.isNumericExpression(node, sc);
        sv.isConstrainedChoice(node, sc);
        sv.isCertainlyString(node, sc);
        sv.staticValue(node, sc);
        requestSource(node, sc);
        taintOf(node, sc);
        taintOf(node, sc, { stringCoercionSanitizes: true });
        isSqlEscaped(node, sc, ['x']);
        if (node.type === 'Identifier') {
          const v = findVar(sc, node);
          if (v) {
            singleValue(v);
            writtenValues(v);
          }
        }
        return 1;
      },
      { language: 'tsx', select: { selector: ':expression', pick: (n) => n } },
    );
    expect(counts.length).toBeGreaterThan(100);
  });
  it('CommonJS JavaScript', async () => {
    const { taintOf } = await import('../../src/analysis/flow/taint.js');
    const { resolveModule } = await import('../../src/analysis/core/modules.js');
    const sv = {
      ...(await import('../../src/analysis/core/static-value.js')),
      ...(await import('../../src/analysis/flow/numeric-value.js')),
      ...(await import('../../src/analysis/flow/constrained-value.js')),
    };
    const js = `
      const { a: { b = require('x') } = {}, ...rest } = require('y');
      module.exports = async function handler(req, res) {
        with (req) {}
        var self = self || this;
        for (var i in req.query) arguments[i] = req.query[i];
        let s = ''; for (const x of req.body) s += x, s = s + '?';
        return res.send(eval('1') + s + b(rest)(...arguments));
      };
    `;
    const counts = probe(
      js,
      (node, sc) => {
        resolveModule(node, sc);
        taintOf(node, sc);
        sv.stringComposition(node, sc);
        sv.isConstrainedChoice(node, sc);
        return 1;
      },
      { language: 'script', select: { selector: ':expression', pick: (n) => n } },
    );
    expect(counts.length).toBeGreaterThan(40);
  });
});

describe('isCallerParameter', () => {
  const ask = (code: string, language: 'esm' | 'ts' = 'esm') => probe(code, (node, sc) => isCallerParameter(node, sc), { language });
  it('is true for parameters of declared functions, methods and arrows that are not callbacks', () => {
    expect(ask('function f(a, b = 1) { probe(a); probe(b); }')).toEqual([true, true]);
    expect(ask('export const g = (table) => probe(table);')).toEqual([true]);
    expect(ask('class R { find(table: string) { return probe(table); } }', 'ts')).toEqual([true]);
  });
  it('is false for callback parameters, locals, members and globals', () => {
    expect(ask('cols.forEach((col) => probe(col));')).toEqual([false]);
    expect(ask('rows.map(function ([id]) { return probe(id); });')).toEqual([false]);
    expect(ask('function f(a) { const b = a; probe(b); probe(a.name); probe(x); }')).toEqual([false, false, false]);
  });
});
