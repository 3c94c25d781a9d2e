import { describe, expect, it } from 'vitest';
import {
  CALL,
  describeRef,
  fromModule,
  isModulePath,
  NEW,
  normalizeModule,
  resolveCompiledModule,
  resolveModule,
  type ModuleRef,
} from '../../src/analysis/core/modules.js';
import { probe, probeOne, type Language } from './harness.js';

const resolve = (code: string, language: Language = 'esm') => probeOne(code, (n, sc) => resolveModule(n, sc), { language });
const resolveAll = (code: string, language: Language = 'esm') => probe(code, (n, sc) => resolveModule(n, sc), { language });
const ref = (module: string, ...path: string[]): ModuleRef => ({ module, path });

describe('resolveModule: imports', () => {
  it('default, namespace and named imports', () => {
    expect(resolve("import jwt from 'jsonwebtoken'; probe(jwt.sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("import * as jwt from 'jsonwebtoken'; probe(jwt.sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("import { sign } from 'jsonwebtoken'; probe(sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("import { sign as s } from 'jsonwebtoken'; probe(s)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("import { default as jwt } from 'jsonwebtoken'; probe(jwt.verify)")).toEqual(ref('jsonwebtoken', 'verify'));
    expect(resolve("import { 'sign' as s } from 'jsonwebtoken'; probe(s)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("import jwt, { verify } from 'jsonwebtoken'; probe(verify)")).toEqual(ref('jsonwebtoken', 'verify'));
  });
  it('same in TypeScript, including type-annotated and asserted values', () => {
    expect(resolve("import jwt from 'jsonwebtoken'; const j: typeof jwt = jwt; probe((j as any).sign)", 'ts')).toEqual(
      ref('jsonwebtoken', 'sign'),
    );
    expect(resolve("import jwt from 'jsonwebtoken'; probe(jwt!.sign)", 'ts')).toEqual(ref('jsonwebtoken', 'sign'));
  });
  it('destructuring and instances of an imported value', () => {
    expect(resolve("import pg from 'pg'; const { Pool } = pg; const pool = new Pool(); probe(pool.query)")).toEqual(
      ref('pg', 'Pool', NEW, 'query'),
    );
    expect(resolve("import * as pg from 'pg'; const pool = new pg.Pool(); probe(pool.connect().then)")).toEqual(
      ref('pg', 'Pool', NEW, 'connect', CALL, 'then'),
    );
    expect(resolve("import knex from 'knex'; const db = knex(config); probe(db('users').where)")).toEqual(
      ref('knex', CALL, CALL, 'where'),
    );
    expect(resolve("import { Pool } from 'pg'; const pool = new Pool(); const client = await pool.connect(); probe(client.query)")).toEqual(
      ref('pg', 'Pool', NEW, 'connect', CALL, 'query'),
    );
  });
  it('import x = require()', () => {
    expect(resolve("import jwt = require('jsonwebtoken'); probe(jwt.sign)", 'ts')).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("import fs = require('node:fs'); probe(fs.readFile)", 'ts')).toEqual(ref('fs', 'readFile'));
    // An alias of a namespace, not a module.
    expect(resolve('namespace N { export const x = 1 } import y = N.x; probe(y)', 'ts')).toBeNull();
  });
  it('chains with calls and constructions', () => {
    expect(
      resolve("import { SignJWT } from 'jose'; const t = new SignJWT(p).setProtectedHeader(h); probe(t.sign)"),
    ).toEqual(ref('jose', 'SignJWT', NEW, 'setProtectedHeader', CALL, 'sign'));
    expect(resolve("import express from 'express'; const app = express(); probe(app.get)")).toEqual(ref('express', CALL, 'get'));
    expect(resolve("import a from 'm'; probe(a?.b?.())")).toEqual(ref('m', 'b', CALL));
    expect(resolve("import a from 'm'; probe(a['b'])")).toEqual(ref('m', 'b'));
    expect(resolve("import a from 'm'; probe(a[b])")).toBeNull();
  });
});

describe('resolveModule: require', () => {
  it('declared require in CommonJS', () => {
    expect(resolve("const jwt = require('jsonwebtoken'); probe(jwt.sign)", 'cjs')).toEqual(ref('jsonwebtoken', 'sign'));
  });
  it('undeclared require in a module', () => {
    expect(resolve("const jwt = require('jsonwebtoken'); probe(jwt.sign)", 'esm')).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("const jwt = require('jsonwebtoken'); probe(jwt.sign)", 'ts')).toEqual(ref('jsonwebtoken', 'sign'));
  });
  it('a local function named require is not a module loader', () => {
    expect(resolve("function require(x) { return x } const jwt = require('jsonwebtoken'); probe(jwt.sign)")).toBeNull();
    expect(resolve("function f(require) { const jwt = require('jsonwebtoken'); probe(jwt.sign) }")).toBeNull();
  });
  it('destructured and nested destructured require', () => {
    for (const language of ['cjs', 'esm'] as const) {
      expect(resolve("const { Pool } = require('pg'); const pool = new Pool(); probe(pool.query)", language)).toEqual(
        ref('pg', 'Pool', NEW, 'query'),
      );
    }
    expect(resolve("const { promises: { readFile } } = require('fs'); probe(readFile)")).toEqual(ref('fs', 'promises', 'readFile'));
    expect(resolve("const { Pool: P } = require('pg'); probe(new P())")).toEqual(ref('pg', 'Pool', NEW));
    expect(resolve("const [a] = require('m'); probe(a)")).toEqual(ref('m', '0'));
    expect(resolve("const { ...rest } = require('m'); probe(rest.x)")).toBeNull();
  });
  it('member of require and new (require(m).X)()', () => {
    expect(resolve("const Pool = require('pg').Pool; probe(Pool)")).toEqual(ref('pg', 'Pool'));
    expect(resolve("const pool = new (require('pg').Pool)(); probe(pool.query)")).toEqual(ref('pg', 'Pool', NEW, 'query'));
    expect(resolve("probe(require('jsonwebtoken').default.sign)")).toEqual(ref('jsonwebtoken', 'sign'));
  });
  it('a pattern default does not hide the module', () => {
    expect(resolve("const { Pool = Fallback } = require('pg'); probe(new Pool())")).toEqual(ref('pg', 'Pool', NEW));
  });
  it('dynamic import', () => {
    expect(resolve("const jwt = await import('jsonwebtoken'); probe(jwt.sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("const { default: jwt } = await import('jsonwebtoken'); probe(jwt.sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("const { sign } = await import('jsonwebtoken'); probe(sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("const m = await import(name); probe(m.sign)")).toBeNull();
    expect(resolve("probe((await import('node:fs')).readFileSync)")).toEqual(ref('fs', 'readFileSync'));
  });
  it('process.getBuiltinModule and createRequire', () => {
    expect(resolve("const fs = process.getBuiltinModule('fs'); probe(fs.readFile)")).toEqual(ref('fs', 'readFile'));
    expect(resolve("const cp = process.getBuiltinModule('node:child_process'); probe(cp.exec)")).toEqual(ref('child_process', 'exec'));
    expect(
      resolve("import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const pg = require('pg'); probe(pg.Pool)"),
    ).toEqual(ref('pg', 'Pool'));
    expect(
      resolve("import m from 'module'; const req = m.createRequire(import.meta.url); const pg = req('pg'); probe(pg.Pool)"),
    ).toEqual(ref('pg', 'Pool'));
    expect(resolve("import { createRequire } from 'module'; probe(createRequire(import.meta.url)('pg').Pool)")).toEqual(ref('pg', 'Pool'));
    // A `require` from elsewhere is not trusted, nor a local `process`.
    expect(resolve("function f(process) { const fs = process.getBuiltinModule('fs'); probe(fs.readFile) }")).toBeNull();
    expect(resolve("import { load } from 'x'; const require = load(); const pg = require('pg'); probe(pg.Pool)")).toEqual(
      ref('x', 'load', CALL, CALL, 'Pool'),
    );
  });
});

describe('resolveModule: node: prefixes', () => {
  it('normalizes node: for built-ins that also exist bare', () => {
    expect(normalizeModule('node:fs')).toBe('fs');
    expect(normalizeModule('node:fs/promises')).toBe('fs/promises');
    expect(normalizeModule('fs')).toBe('fs');
    expect(resolve("import { exec } from 'node:child_process'; probe(exec)")).toEqual(ref('child_process', 'exec'));
    expect(resolve("const crypto = require('node:crypto'); probe(crypto.createHash)")).toEqual(ref('crypto', 'createHash'));
  });
  it('keeps prefix-only built-ins distinct from npm packages', () => {
    expect(normalizeModule('node:sqlite')).toBe('node:sqlite');
    expect(normalizeModule('node:test')).toBe('node:test');
    expect(resolve("import { DatabaseSync } from 'node:sqlite'; probe(DatabaseSync)")).toEqual(ref('node:sqlite', 'DatabaseSync'));
    expect(resolve("import sqlite from 'sqlite'; probe(sqlite.open)")).toEqual(ref('sqlite', 'open'));
    expect(resolve("const { DatabaseSync } = require('node:sqlite'); probe(DatabaseSync)")).toEqual(ref('node:sqlite', 'DatabaseSync'));
  });
});

describe('resolveModule: what must stay unknown', () => {
  it('reassigned let', () => {
    expect(resolve("import jwt from 'jsonwebtoken'; let j = jwt; j = other; probe(j.sign)")).toBeNull();
    expect(resolve("let pg = require('pg'); if (x) pg = mock; probe(pg.Pool)")).toBeNull();
  });
  it('never-reassigned let and var resolve', () => {
    expect(resolve("import jwt from 'jsonwebtoken'; let j = jwt; probe(j.sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(resolve("var pg = require('pg'); probe(pg.Pool)")).toEqual(ref('pg', 'Pool'));
  });
  it('shadowed names', () => {
    expect(resolve("import jwt from 'jsonwebtoken'; function f(jwt) { probe(jwt.sign) }")).toBeNull();
    expect(resolve("import jwt from 'jsonwebtoken'; function f() { const jwt = other; probe(jwt.sign) }")).toBeNull();
    expect(resolve("const { Pool } = require('pg'); class A { m(Pool) { probe(new Pool()) } }")).toBeNull();
    expect(resolve("import jwt from 'jsonwebtoken'; { let jwt = 1; probe(jwt.sign) }")).toBeNull();
  });
  it('globals and unknown expressions', () => {
    expect(resolve('probe(jwt.sign)')).toBeNull();
    expect(resolve('probe(foo().bar)')).toBeNull();
    expect(resolve("import a from 'm'; probe((a, b).c)")).toBeNull();
    expect(resolve("import a from 'm'; probe(x ? a : b)")).toBeNull();
  });
  it('cycles and self-references neither hang nor crash', () => {
    expect(resolve('let a = b; let b = a; probe(a.x)')).toBeNull();
    expect(resolve('const a = a.b; probe(a)')).toBeNull();
    expect(resolve('var a = a; probe(a)')).toBeNull();
    expect(resolve('const a = () => a(); probe(a())')).toBeNull();
    expect(resolve('const a = new a(); probe(a.x)')).toBeNull();
    expect(resolveAll('let a = b; let b = a; probe(a); probe(b); probe(a.c)')).toEqual([null, null, null]);
  });
  it('deep chains stop without crashing', () => {
    const chain = Array.from({ length: 60 }, (_, i) => `const v${i + 1} = v${i}.x;`).join('\n');
    expect(resolve(`import v0 from 'm'; ${chain} probe(v60)`)).toBeNull();
  });
});

describe('helpers', () => {
  it('fromModule / isModulePath / describeRef', () => {
    const r = ref('pg', 'Pool', NEW, 'query');
    expect(fromModule(r, ['pg', 'pg-pool'])).toBe(true);
    expect(fromModule(null, ['pg'])).toBe(false);
    expect(isModulePath(ref('crypto', 'createHash'), ['crypto'], ['createHash'])).toBe(true);
    expect(isModulePath(ref('crypto', 'createHash', CALL), ['crypto'], ['createHash'])).toBe(false);
    expect(describeRef(r)).toBe('new pg.Pool.query');
    expect(describeRef(ref('express', CALL, 'get'))).toBe('express().get');
  });
});

describe('resolveCompiledModule', () => {
  const compiled = (code: string, language: Language = 'cjs') => probeOne(code, (n, sc) => resolveCompiledModule(n, sc), { language });
  it('Babel and TypeScript interop helpers around require', () => {
    expect(compiled("var _debug = _interopRequireDefault(require('debug')); const debug = (0, _debug.default)('app'); probe(debug)")).toEqual(
      ref('debug', CALL),
    );
    expect(compiled("const winston_1 = __importDefault(require('winston')); probe(winston_1.default.createLogger)")).toEqual(
      ref('winston', 'createLogger'),
    );
    expect(compiled("const m = __importStar(require('pino')); const l = (0, m.pino)(); probe(l.info)")).toEqual(ref('pino', 'pino', CALL, 'info'));
  });
  it('what resolveModule resolves is unchanged; other helpers are not followed', () => {
    expect(compiled("const jwt = require('jsonwebtoken'); probe(jwt.sign)")).toEqual(ref('jsonwebtoken', 'sign'));
    expect(compiled("const x = wrap(require('debug')); probe(x.default)")).toBeNull();
    expect(compiled('probe((0, f)())')).toBeNull();
  });
});
