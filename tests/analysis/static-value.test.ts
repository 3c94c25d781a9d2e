import { describe, expect, it } from 'vitest';
import { isConstrainedChoice } from '../../src/analysis/flow/constrained-value.js';
import { hasNonTextType, isNumericExpression } from '../../src/analysis/flow/numeric-value.js';
import { compositionText, dynamicParts, hasDynamicParts, isCertainlyString, staticString, staticValue, stringComposition } from '../../src/analysis/core/static-value.js';
import { textPieces } from '../../src/analysis/flow/text-pieces.js';
import { probe, probeOne, type Language } from './harness.js';

/** The composition of the `probe(x)` argument as text (`\0` = a dynamic value), its dynamic parts' text, and exactness. */
function comp(code: string, language: Language = 'esm') {
  return probeOne(
    code,
    (n, sc) => {
      const c = stringComposition(n, sc);
      return {
        text: compositionText(c.parts, '{}'),
        dynamic: c.parts.filter((p) => p.kind === 'dynamic').map((p) => sc.getText(p.node)),
        exact: c.exact,
        inline: c.inline,
      };
    },
    { language },
  );
}
const numeric = (code: string, language: Language = 'esm') => probe(code, (n, sc) => isNumericExpression(n, sc), { language });
const choice = (code: string, language: Language = 'esm') => probe(code, (n, sc) => isConstrainedChoice(n, sc), { language });
const certainlyString = (code: string) => probe(code, (n, sc) => isCertainlyString(n, sc));

describe('staticValue / staticString', () => {
  it('constants across the file', () => {
    expect(probe("const T = 'users'; const N = 3; probe(T); probe(N); probe(`${T}_x`); probe(x)", (n, sc) => staticString(n, sc))).toEqual([
      'users',
      '3',
      'users_x',
      null,
    ]);
    expect(probeOne("probe({ a: 1 })", (n, sc) => staticValue(n, sc))).toEqual({ value: { a: 1 } });
    expect(probeOne("probe('a' as string)", (n, sc) => staticString(n, sc), { language: 'ts' })).toBe('a');
  });
});

describe('stringComposition', () => {
  it('literals and templates', () => {
    expect(comp("probe('SELECT 1')")).toEqual({ text: 'SELECT 1', dynamic: [], exact: true, inline: true });
    expect(comp("probe('SELECT ' + 1 + ' FROM t')")).toMatchObject({ text: 'SELECT 1 FROM t', inline: true });
    expect(comp("const T = 't'; probe('SELECT 1 FROM ' + T)")).toMatchObject({ text: 'SELECT 1 FROM t', inline: false });
    expect(comp('probe(`SELECT * FROM t WHERE id = ${id}`)')).toEqual({
      text: 'SELECT * FROM t WHERE id = {}',
      dynamic: ['id'],
      exact: true,
      inline: true,
    });
  });
  it('+ chains, consts across the file', () => {
    expect(comp("const T = 'users'; probe('SELECT * FROM ' + T + ' WHERE id = ' + id)")).toEqual({
      text: 'SELECT * FROM users WHERE id = {}',
      dynamic: ['id'],
      exact: true,
      inline: false,
    });
    expect(comp("const where = ' WHERE id = ' + id; const q = 'SELECT 1' + where; probe(q)")).toMatchObject({
      text: 'SELECT 1 WHERE id = {}',
      dynamic: ['id'],
      exact: true,
    });
  });
  it('numeric addition is one value, string concatenation is text', () => {
    expect(comp("probe('LIMIT ' + (page + 1))").dynamic).toEqual(['page + 1']);
    expect(comp("probe('LIMIT ' + (page + 1))").text).toBe('LIMIT {}');
    expect(comp('probe(a + 1)')).toMatchObject({ text: '{}', dynamic: ['a + 1'] });
    expect(comp('probe(1 + a)')).toMatchObject({ text: '{}', dynamic: ['1 + a'] });
    expect(comp("const OFFSET = 10; probe(n + OFFSET + ' rows')")).toMatchObject({ text: '{} rows', dynamic: ['n + OFFSET'] });
    expect(comp('probe(flag + true)')).toMatchObject({ text: '{}' });
    // Left to right: once text is on the left, numbers are appended as text.
    expect(comp("probe('id=' + a + 1)")).toMatchObject({ text: 'id={}1', dynamic: ['a'] });
    expect(comp("probe(a + '1')")).toMatchObject({ text: '{}1', dynamic: ['a'] });
    expect(comp('probe(`${1}${a}`)')).toMatchObject({ text: '1{}', dynamic: ['a'] });
    expect(comp("probe('x' + 1 + 2)")).toMatchObject({ text: 'x12', dynamic: [] });
  });
  it('+= building is not exact', () => {
    expect(comp("let q = 'SELECT * FROM t WHERE 1=1'; if (a) q += ' AND a = ' + a; probe(q)")).toEqual({
      text: 'SELECT * FROM t WHERE 1=1 AND a = {}',
      dynamic: ['a'],
      exact: false,
      inline: false,
    });
    // A counter is arithmetic, not text.
    expect(comp("let n = 0; n += 1; probe('LIMIT ' + n)")).toMatchObject({ text: 'LIMIT {}', dynamic: ['n'] });
  });
  it('q = q + … reassignments, many times, stay linear', () => {
    const writes = Array.from({ length: 14 }, (_, i) => `if (c${i}) sql = sql + ' AND f${i} = ' + v${i};`).join('\n');
    const start = Date.now();
    const result = comp(`let sql = 'SELECT * FROM t WHERE 1=1';\n${writes}\nprobe(sql)`);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(result.exact).toBe(false);
    expect(result.dynamic).toEqual(Array.from({ length: 14 }, (_, i) => `v${i}`));
    expect(result.text.startsWith('SELECT * FROM t WHERE 1=1 AND f0 = {} AND f1 = {}')).toBe(true);
  });
  it('.concat(), [...].join() and util.format()', () => {
    expect(comp("probe('SELECT * FROM t WHERE a = '.concat(a, ' AND b = ', b))")).toMatchObject({
      text: 'SELECT * FROM t WHERE a = {} AND b = {}',
      dynamic: ['a', 'b'],
      exact: true,
    });
    expect(comp("probe(['SELECT', cols, 'FROM t'].join(' '))")).toMatchObject({ text: 'SELECT {} FROM t', dynamic: ['cols'] });
    expect(comp("probe([a, b].join())")).toMatchObject({ text: '{},{}' });
    expect(comp("probe([a].join(sep))")).toMatchObject({ text: '{}' });
    expect(comp("import util from 'node:util'; probe(util.format('SELECT %s FROM t', col))")).toMatchObject({
      text: 'SELECT {} FROM t',
      dynamic: ['col'],
      exact: true,
    });
    expect(comp("import { format } from 'util'; probe(format('x %d', n))")).toMatchObject({ dynamic: ['n'] });
    // A `format` from elsewhere is an unknown call.
    expect(comp("import { format } from 'date-fns'; probe(format(d, 'yyyy'))")).toMatchObject({ text: '{}' });
  });
  it('conditionals between constants', () => {
    expect(comp("probe('ORDER BY name ' + (asc ? 'ASC' : 'DESC'))")).toMatchObject({ text: 'ORDER BY name ASC', dynamic: [], exact: false });
    expect(comp("probe('ORDER BY name ' + (asc ? 'ASC' : dir))")).toMatchObject({ text: 'ORDER BY name {}', dynamic: ["asc ? 'ASC' : dir"] });
  });
  it('TS wrappers, tagged templates, unknown shapes', () => {
    expect(comp("probe(('SELECT ' + (col as string)) satisfies string)", 'ts')).toMatchObject({ text: 'SELECT {}', dynamic: ['col'] });
    expect(comp('probe(sql`SELECT ${a}`)')).toMatchObject({ text: '{}', dynamic: ['sql`SELECT ${a}`'] });
    expect(comp('probe(null)')).toMatchObject({ text: '{}' });
  });
  it('self references and cycles terminate', () => {
    expect(comp('let a = b; let b = a; probe(a)').text).toBe('{}');
    expect(comp("var q = q + 'x'; probe(q)").text).toContain('x');
  });
  it('dynamicParts / hasDynamicParts', () => {
    expect(probe("probe('a' + b); probe('a' + 'b')", (n, sc) => [dynamicParts(n, sc).length, hasDynamicParts(n, sc)])).toEqual([
      [1, true],
      [0, false],
    ]);
  });
});

describe('isNumericExpression', () => {
  it('numbers', () => {
    expect(
      numeric(
        "const N = 5; probe(1); probe(10n); probe(-x); probe(+x); probe(a * b); probe(a - 1); probe(Number(x)); probe(parseInt(x, 10)); probe(Math.max(a, b)); probe(Number.parseInt(x)); probe(N); probe(1 + 2); probe(arr.length); probe(N + 1)",
      ),
    ).toEqual(Array(14).fill(true));
  });
  it('not numbers', () => {
    expect(
      numeric(
        "probe(x); probe('1'); probe(a + 1); probe(String(n)); probe(x.toFixed(2)); probe(!x); probe(typeof x); probe(x || 10); probe(c ? 1 : x)",
      ),
    ).toEqual(Array(9).fill(false));
  });
  it('defaults, clamps and counters', () => {
    expect(
      numeric(`app.get('/', (req, res) => {
        const limit = Number(req.query.limit) || 20; probe(limit);
        let size = parseInt(req.query.size, 10) || 10; if (size > 100) size = 100; probe(size);
        let n = 0; n++; n += 1; n *= 2; probe(n);
        let k = 0; k = k + 1; probe(k);
        probe(big ? 100 : 10); probe(i++); probe(Number(x) ?? 0);
      })`),
    ).toEqual(Array(7).fill(true));
    expect(
      numeric(`app.get('/', (req, res) => {
        let size = Number(req.query.size); if (!size) size = req.query.size; probe(size);
        let s = 0; s += req.query.x; probe(s);
        let t; t = t + 'a'; probe(t);
        let u; probe(u);
        let w = 0; ({ w } = req.query); probe(w);
      })`),
    ).toEqual(Array(5).fill(false));
  });
  it('NestJS parameters converted by ParseIntPipe / ParseFloatPipe', () => {
    expect(
      numeric(
        `import { Controller, Get, Param, Query, ParseIntPipe, ParseFloatPipe, ParseUUIDPipe } from '@nestjs/common';
        import { ParseIntPipe as Other } from './pipes';
        @Controller() class C {
          @Get(':id') a(@Param('id', ParseIntPipe) id: number, @Query('p', new ParseFloatPipe({ optional: true })) p: number) { probe(id); probe(p) }
          @Get() b(@Param('id', ParseUUIDPipe) id: string, @Param('n', Other) n: number, @Param('m') m: number, @Query('q', ParseIntPipe) q = 1) {
            probe(id); probe(n); probe(m); probe(q);
          }
        }`,
        'ts',
      ),
    ).toEqual([true, true, false, false, false, true]);
  });
  it('a shadowed Number / Math is not the built-in', () => {
    expect(numeric('function f(Number, Math) { probe(Number(x)); probe(Math.floor(x)) }')).toEqual([false, false]);
  });
  it('.length of client data is not a number (it can be any JSON value)', () => {
    expect(
      numeric(`app.get('/', (req, res) => { const ids = req.body.ids; probe(ids.length); probe(req.query.list.length); probe([1, 2].length) })`),
    ).toEqual([false, false, true]);
  });
});

describe('isConstrainedChoice', () => {
  it('allow-list ternaries', () => {
    expect(
      choice(`const ALLOWED = ['name', 'created_at']; const SET = new Set(['asc', 'desc']);
        probe(ALLOWED.includes(sort) ? sort : 'id');
        probe(SET.has(dir) ? dir : 'asc');
        probe(!ALLOWED.includes(sort) ? 'id' : sort);
        probe(['a', 'b'].includes(x) ? x : 'a');
        probe(dir === 'asc' ? 'ASC' : 'DESC');`),
    ).toEqual([true, true, true, true, true]);
  });
  it('the guarded value in the wrong branch is not constrained', () => {
    expect(
      choice(`const ALLOWED = ['name', 'created_at'];
        probe(ALLOWED.includes(sort) ? 'id' : sort);
        probe(!ALLOWED.includes(sort) ? sort : 'id');
        probe(ALLOWED.includes(sort) ? other : 'id');
        probe(list.includes(sort) ? sort : 'id');
        probe(new Checker(['a']).has(x) ? x : 'a');`),
    ).toEqual([false, false, false, false, false]);
  });
  it('constant lookup tables', () => {
    expect(
      choice(`const COLUMNS = { name: 'u.name', date: 'u.created_at' };
        probe(COLUMNS[key]); probe(COLUMNS[key] ?? 'u.id'); probe(COLUMNS[key] || 'u.id');
        const col = COLUMNS[req.query.sort]; probe(col);
        probe(Object.keys(COLUMNS).includes(k) ? k : 'name');`),
    ).toEqual([true, true, true, true, true]);
    expect(choice(`const T = { a: 'x', b: y }; probe(T[k]); probe(table[k]); probe(T[k] ?? k)`)).toEqual([false, false, false]);
  });
  it('placeholder lists', () => {
    expect(
      choice(`probe(ids.map(() => '?').join(','));
        probe(ids.map((_, i) => \`$\${i + 1}\`).join(', '));
        probe(ids.map((_, i) => '$' + (i + 1)).join(','));
        probe(ids.map(function () { return '?' }).join());
        probe(Array(n).fill('?').join(','));`),
    ).toEqual([true, true, true, true, true]);
    expect(
      choice(`probe(ids.map((id) => id).join(','));
        probe(ids.map(() => '?').join(req.query.sep));
        probe(ids.map((_, i) => '$' + name).join(','));
        probe(ids.fill(x).join(','));
        probe(ids.join(','));`),
    ).toEqual([false, false, false, false, false]);
  });
  it('variables assigned only constrained values, and picks from allow-lists', () => {
    expect(
      choice(`const ALLOWED = ['name', 'email'];
        let dir = 'ASC'; if (desc) dir = 'DESC'; probe(dir);
        let col; switch (sort) { case 'n': col = 'name'; break; default: col = 'id' } probe(col);
        probe(ALLOWED.find((c) => c === req.query.sort) ?? 'id');
        let d2 = 'ASC'; d2 = ALLOWED.includes(x) ? x : 'id'; probe(d2);`),
    ).toEqual([true, true, true, true]);
    expect(
      choice(`let dir = 'ASC'; if (x) dir = req.query.dir; probe(dir);
        let c2 = 'a'; c2 += x; probe(c2);
        let c3; ({ c3 } = obj); probe(c3);
        let c4; for (c4 in obj) probe(c4);
        probe(list.find((c) => c === x));
        function f(p = 'a') { probe(p) }`),
    ).toEqual([false, false, false, false, false, false]);
  });
  it('unconstrained values', () => {
    expect(choice('probe(x); probe(x.y); probe(f(x)); let c = "a"; c = x; probe(c)')).toEqual([false, false, false, false]);
  });
});

describe('isCertainlyString', () => {
  it('strings', () => {
    expect(
      certainlyString("const S = 'a'; probe('x'); probe(`t${a}`); probe(String(a)); probe(a.trim()); probe(a.toFixed(2)); probe(S); probe('a'.slice(1)); probe(`x`.replace(a, b))"),
    ).toEqual(Array(8).fill(true));
  });
  it('not certainly strings', () => {
    expect(certainlyString('probe(a); probe(1); probe(a.slice(1)); probe(f(a)); function g(String) { probe(String(a)) } probe(a[b]())')).toEqual(
      Array(6).fill(false),
    );
    // `at` past the end is undefined.
    expect(certainlyString("probe('ab'.at(i))")).toEqual([false]);
  });
});

describe('literals changed after their declaration', () => {
  it('are not constant once filled, handed to a call or assigned into', () => {
    expect(
      probe(
        `const a = []; addFilters(a); probe(a.join(' AND '));
         const b = []; b.push(x); probe('x' + b.join(','));
         const c = {}; c.table = t; probe(c.table);
         const d = ['id', 'name']; probe(d.join(', '));
         const e = { name: 'u.name' }; Object.keys(e); probe(e.name);`,
        (n, sc) => staticString(n, sc),
      ),
    ).toEqual([null, null, null, 'id, name', 'u.name']);
  });
});

describe('lists built from placeholders and allow-listed names', () => {
  it('are constrained', () => {
    expect(
      choice(`const conditions = []; const values = [];
        if (q.name) { values.push(q.name); conditions.push(\`name = $\${values.length}\`); }
        probe(conditions.length ? 'WHERE ' + conditions.join(' AND ') : '');
        const fields = ['name', 'email'].filter((f) => body[f] !== undefined);
        probe(fields.map((f, i) => \`\${f} = $\${i + 1}\`).join(', '));`),
    ).toEqual([true, true]);
  });
  it('are not constrained when an element carries other text or the list escapes', () => {
    expect(
      choice(`const c = []; c.push(\`name = '\${name}'\`); probe(c.join(' AND '));
        const k = Object.keys(body).map((f, i) => \`\${f} = $\${i + 1}\`); probe(k.join(', '));
        const p = []; fill(p); probe(p.join(' AND '));
        probe(cols.split(',').join(', '));`),
    ).toEqual([false, false, false, false]);
  });
});

describe('stringComposition: util.format and names', () => {
  it('each value stands where its %s stands', () => {
    expect(comp("import util from 'node:util'; probe(util.format('SELECT * FROM %s WHERE id = %d AND p = 100%%', table, id))")).toMatchObject({
      text: 'SELECT * FROM {} WHERE id = {} AND p = 100%',
      dynamic: ['table', 'id'],
    });
    expect(comp("import { format } from 'util'; probe(format('a %s', x, y))")).toMatchObject({ text: 'a {} {}', dynamic: ['x', 'y'] });
    expect(comp("import { format } from 'util'; probe(format(pattern, x))")).toMatchObject({ dynamic: ['pattern', 'x'] });
  });
  it('names the variables a whole value was read through', () => {
    const via = probeOne('const whereSql = build(filters); const w = whereSql; probe(`SELECT * FROM t WHERE ${w}`)', (n, sc) =>
      stringComposition(n, sc).parts.flatMap((p) => (p.kind === 'dynamic' ? (p.via ?? []) : [])),
    );
    expect(via).toEqual(['whereSql', 'w']);
  });
});

describe('isConstrainedChoice: constants reached through properties, loops, classes and generated text', () => {
  it('a property of a constant object literal', () => {
    expect(
      choice(`const scope = { sql: [a ? \`AND x IN (\${ids.map(() => '?').join(',')})\` : '', b ? 'AND y = ?' : ''].filter(Boolean).join(' '), bindings: [a] };
        probe(scope.sql); probe(scope.bindings);
        const open = { sql: '' }; open.sql = input; probe(open.sql);
        const other = { sql: input }; probe(other.sql);`),
    ).toEqual([true, false, false, false]);
  });
  it('loops and callbacks over constant arrays', () => {
    expect(
      choice(`for (const [table, constraint] of [['a', 'a_fk'], ['b', 'b_fk']]) { probe(table); probe(constraint); }
        const TABLES = ['x', 'y'];
        for (const t of TABLES) probe(t);
        TABLES.forEach((t, i) => { probe(t); probe(i); });
        [['a', 1]].map(([name, n]) => probe(name));
        for (const row of rows) probe(row);
        rows.forEach((r) => probe(r));
        for (const [a] of [[input]]) probe(a);`),
    ).toEqual([true, true, true, true, true, true, false, false, false]);
  });
  it('class fields written only constants and generated text', () => {
    expect(
      choice(`import crypto from 'crypto';
        class A {
          constructor() { this.name = \`tmp_\${new Date().toISOString().slice(0, 10)}_\${crypto.randomBytes(4).toString('hex')}\`; }
          q() { probe(this.name); }
        }
        class B { #t = 'users'; q() { probe(this.#t); } }
        class C { constructor(t) { this.t = t; } q() { probe(this.t); } }
        class D { t = 'users'; q() { probe(this.t); } }
        d.t = input;
        class E { constructor(o) { this.e = 'x'; Object.assign(this, o); } q() { probe(this.e); } }
        class F { f = 'x'; q() { return function () { probe(this.f); }; } }`),
    ).toEqual([true, true, false, false, false, false]);
  });
  it('generated text', () => {
    expect(
      choice(`import { randomUUID, randomBytes } from 'node:crypto';
        probe(randomUUID()); probe(randomBytes(8).toString('hex')); probe(randomBytes(8).toString()); probe(Date.now());
        probe(new Date(x).toISOString().replace(/[-:]/g, '')); probe(x.toString('hex')); probe(new Date(x).toISOString().replace('-', y));
        probe(Intl.DateTimeFormat().resolvedOptions().timeZone); probe(new Intl.DateTimeFormat('en').resolvedOptions().locale); probe(fmt.resolvedOptions().timeZone)`),
    ).toEqual([true, true, false, true, true, false, false, true, true, false]);
  });
});

describe('hasNonTextType', () => {
  it('TypeScript declarations of numbers, booleans, dates, literal unions', () => {
    expect(
      probe(
        `function f(a: number, b?: bigint, c: boolean = false, d: 'asc' | 'desc' | undefined, e: Date, g: string, h, i: 1 | 2, j: "it's") {
          const k: number = g.length; const l = 3;
          probe(a); probe(b); probe(c); probe(d); probe(e); probe(g); probe(h); probe(i); probe(j); probe(k); probe(l);
        }`,
        (n, sc) => hasNonTextType(n, sc),
        { language: 'ts' },
      ),
    ).toEqual([true, true, true, true, true, false, false, true, false, true, false]);
  });
});

describe('textPieces', () => {
  const pieces = (code: string) =>
    probeOne(code, (n, sc) => {
      const p = textPieces(n, sc);
      return p && { pieces: p.pieces.map((x) => sc.getText(x)), handedTo: p.handedTo.length, opaque: p.opaque };
    });
  it('arrays joined, with what is pushed', () => {
    expect(pieces("const parts = ['a = 1']; if (x) parts.push(`b = '${x}'`); probe(parts.join(' AND '))")).toEqual({
      pieces: ["'a = 1'", "`b = '${x}'`"],
      handedTo: 0,
      opaque: false,
    });
    expect(pieces("const parts = []; fill(parts, q); probe(parts.join(' AND '))")).toEqual({ pieces: [], handedTo: 1, opaque: false });
    expect(pieces('probe(rows.map(([id, at]) => { return `WHEN ${id} THEN ${at}`; }).join(" "))')).toEqual({
      pieces: ['`WHEN ${id} THEN ${at}`'],
      handedTo: 0,
      opaque: false,
    });
    expect(pieces('probe(list.join(","))')).toEqual({ pieces: [], handedTo: 0, opaque: true });
  });
  it('choices and properties', () => {
    expect(pieces("probe(a ? 'x' : y)")).toEqual({ pieces: ["'x'", 'y'], handedTo: 0, opaque: false });
    expect(pieces("const f = { sql: `a = ${v}` }; probe(f.sql)")).toEqual({ pieces: ['`a = ${v}`'], handedTo: 0, opaque: false });
    expect(pieces('probe(name)')).toBeNull();
    expect(pieces('probe(build(x))')).toBeNull();
  });
});
