import { describe, expect, it } from 'vitest';
import {
  classifySlots,
  hasPlaceholders,
  isSqlEscaped,
  isSqlFragment,
  isSqlTextName,
  looksLikeSql,
  matchSqlSink,
  rawFormattingVariables,
  taskContextSource,
  looksLikeSqlFragment,
  SLOT,
  slotPositions,
} from '../../src/analysis/domains/sql.js';
import { probe } from './harness.js';

/** `{}` in the test text stands for an inserted value. */
const slots = (text: string) => classifySlots(text.split('{}').join(SLOT));

describe('looksLikeSql', () => {
  it('statements', () => {
    for (const text of [
      'SELECT * FROM users WHERE id = ',
      'select id, name from users',
      '  (SELECT 1 FROM t)',
      'INSERT INTO users (name) VALUES (',
      'UPDATE users SET name = ',
      'DELETE FROM sessions WHERE token = ',
      'WITH t AS (SELECT 1) SELECT * FROM t',
      'CREATE TABLE x (id int)',
      'DROP TABLE users',
      'SELECT a user FROM accounts WHERE id = ',
    ]) {
      expect(looksLikeSql(text), text).toBe(true);
    }
  });
  it('English sentences and other text', () => {
    for (const text of [
      'Select a user',
      'Select a user from the list',
      'Please select an option from the menu',
      'Delete the item from your cart?',
      'Update your profile to set a new password.',
      'Deleting user from database',
      'selection from store',
      'Hello world',
      '',
    ]) {
      expect(looksLikeSql(text), text).toBe(false);
    }
  });
  it('fragments', () => {
    expect(looksLikeSqlFragment('name = ')).toBe(true);
    expect(looksLikeSqlFragment('u.email LIKE ')).toBe(true);
    expect(looksLikeSqlFragment('id IN (')).toBe(true);
    expect(looksLikeSqlFragment('Hello, ')).toBe(false);
  });
});

describe('classifySlots', () => {
  it('quoted values', () => {
    expect(slots("SELECT * FROM t WHERE name = '{}'")).toEqual(['quoted']);
    expect(slots("SELECT * FROM t WHERE a = '{}' AND b = '{}'")).toEqual(['quoted', 'quoted']);
    expect(slots("SELECT * FROM t WHERE name IN ('{}', '{}')")).toEqual(['quoted', 'quoted']);
    expect(slots("UPDATE t SET name = '{}' WHERE id = 1")).toEqual(['quoted']);
  });
  it('bare values after comparisons, LIKE, in VALUES lists', () => {
    expect(slots('SELECT * FROM t WHERE id = {}')).toEqual(['value']);
    expect(slots('SELECT * FROM t WHERE id={} AND x >= {} OR y <> {}')).toEqual(['value', 'value', 'value']);
    expect(slots('SELECT * FROM t WHERE (id = {})')).toEqual(['value']);
    expect(slots('SELECT * FROM t WHERE id = {} ORDER BY id LIMIT 1')).toEqual(['value']);
    expect(slots('SELECT * FROM t WHERE name LIKE {}')).toEqual(['value']);
    expect(slots('SELECT * FROM t WHERE name NOT ILIKE {};')).toEqual(['value']);
    expect(slots('INSERT INTO t (a, b) VALUES ({}, {})')).toEqual(['value', 'value']);
    expect(slots('INSERT INTO t (a, b, c) VALUES ({}, NOW(), {}), ({}, NOW(), {})')).toEqual(['value', 'value', 'value', 'value']);
    expect(slots('UPDATE t SET a = {}, b = {} WHERE id = {}')).toEqual(['value', 'value', 'value']);
  });
  it('identifiers, keywords and lists are other', () => {
    expect(slots('SELECT * FROM {}')).toEqual(['other']);
    expect(slots('SELECT {} FROM t')).toEqual(['other']);
    expect(slots('SELECT * FROM t WHERE {} = 1')).toEqual(['other']);
    expect(slots('SELECT * FROM t ORDER BY {}')).toEqual(['other']);
    expect(slots('SELECT * FROM t ORDER BY name {}')).toEqual(['other']);
    expect(slots('SELECT * FROM t WHERE id IN ({})')).toEqual(['other']);
    expect(slots('SELECT * FROM t LIMIT {}')).toEqual(['other']);
    expect(slots('SELECT * FROM {}.users WHERE a = 1')).toEqual(['other']);
    expect(slots('SELECT * FROM t_{} WHERE a = 1')).toEqual(['other']);
    expect(slots('INSERT INTO t ({}) VALUES (1)')).toEqual(['other']);
    expect(slots('SELECT * FROM t WHERE id = {} + 1')).toEqual(['other']);
    expect(slots('SELECT * FROM t WHERE a = -{}')).toEqual(['other']);
    expect(slots('INSERT INTO t VALUES (lower({}))')).toEqual(['other']);
    expect(slots('SELECT * FROM (VALUES ({})) AS v')).toEqual(['other']);
  });
  it('quotes holding more text, prefixed and typed literals', () => {
    expect(slots("SELECT * FROM t WHERE name LIKE '%{}%'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE name = 'Mr {}'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE a = '{}{}'")).toEqual(['other', 'other']);
    expect(slots("SELECT * FROM t WHERE a = E'{}'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE a = N'{}'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE a = U&'{}'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE d > DATE '{}'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE d > timestamp '{}'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE d > now() - INTERVAL '{} days'")).toEqual(['other']);
  });
  it('doubled quotes, identifiers in quotes, comments', () => {
    expect(slots("SELECT * FROM t WHERE a = 'it''s' AND b = '{}'")).toEqual(['quoted']);
    expect(slots("SELECT * FROM t WHERE a = '{}'''")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE a = '''{}'")).toEqual(['other']);
    expect(slots('SELECT * FROM "{}" WHERE a = 1')).toEqual(['other']);
    expect(slots('SELECT * FROM `{}`')).toEqual(['other']);
    expect(slots("SELECT 1 -- '{}'\nFROM t WHERE a = {}")).toEqual(['other', 'value']);
    expect(slots("SELECT 1 /* = '{}' */ FROM t WHERE a = '{}'")).toEqual(['other', 'quoted']);
    expect(slots("SELECT '--' AS x FROM t WHERE a = '{}'")).toEqual(['quoted']);
    expect(slots("SELECT 1 # '{}'\nFROM t WHERE a = '{}'")).toEqual(['other', 'quoted']);
    expect(slots("SELECT data #>> '{a}' FROM t WHERE a = '{}'")).toEqual(['quoted']);
  });
  it('unterminated quotes are other', () => {
    expect(slots("SELECT * FROM t WHERE a = '{}")).toEqual(['other']);
  });
  it('a backslash before a quote makes the rest ambiguous (MySQL escapes with backslashes)', () => {
    expect(slots("SELECT * FROM t WHERE a = 'x\\' AND b = '{}'")).toEqual(['other']);
    expect(slots("SELECT * FROM t WHERE a = 'x\\\\' AND b = '{}'")).toEqual(['other']);
    // A backslash with no quote after it changes nothing.
    expect(slots("SELECT * FROM t WHERE path = 'C:\\dir' AND b = '{}'")).toEqual(['quoted']);
  });
  it('no slots', () => {
    expect(slots('SELECT 1')).toEqual([]);
  });
});

describe('hasPlaceholders', () => {
  it('finds ? and $n', () => {
    expect(hasPlaceholders('SELECT * FROM t WHERE id = ?')).toBe(true);
    expect(hasPlaceholders('SELECT * FROM t WHERE id = $1')).toBe(true);
    expect(hasPlaceholders("SELECT '?' FROM t")).toBe(true);
    expect(hasPlaceholders('SELECT * FROM t WHERE price = $')).toBe(false);
    expect(hasPlaceholders('SELECT * FROM t WHERE id = :id')).toBe(false);
  });
  it('pg-promise variables', () => {
    for (const text of ['WHERE id = ${id}', 'WHERE id = $(id)', 'WHERE id = $<id>', 'WHERE id = $[id]', 'WHERE id = $/id/', 'ORDER BY ${sort^}']) {
      expect(hasPlaceholders(text), text).toBe(true);
    }
    expect(hasPlaceholders('SELECT $$body$$')).toBe(false);
  });
  it('bind variables and parameters when asked for', () => {
    expect(hasPlaceholders('SELECT * FROM t WHERE id = :id', { colon: true })).toBe(true);
    expect(hasPlaceholders('SELECT * FROM t WHERE id = :1', { colon: true })).toBe(true);
    expect(hasPlaceholders('SELECT id::text FROM t', { colon: true })).toBe(false);
    expect(hasPlaceholders('SELECT * FROM t WHERE id = @id', { at: true })).toBe(true);
    expect(hasPlaceholders('SELECT * FROM t WHERE id = @id')).toBe(false);
  });
});

describe('rawFormattingVariables', () => {
  it('the ^ and :raw filters, indexed and named', () => {
    expect(rawFormattingVariables('ORDER BY $1:raw LIMIT $2^')).toEqual([
      { text: '$1:raw', index: 1, path: null },
      { text: '$2^', index: 2, path: null },
    ]);
    expect(rawFormattingVariables('ORDER BY ${sort^} $(dir:raw) $<a.b^> $[c^] $/d:raw/').map((v) => v.path)).toEqual([
      ['sort'],
      ['dir'],
      ['a', 'b'],
      ['c'],
      ['d'],
    ]);
  });
  it('escaped variables and odd text', () => {
    for (const text of ['WHERE id = $1', 'FROM $1:name', 'FROM ${t~}', 'LIKE $1:value', 'IN ($1:csv)', 'SELECT $1:json', '$(a^]', 'x ^ y', '$1:rawness']) {
      expect(rawFormattingVariables(text), text).toEqual([]);
    }
  });
});

describe('isSqlEscaped', () => {
  const escaped = (code: string, extra: string[] = []) => probe(code, (n, sc) => isSqlEscaped(n, sc, extra));
  it('driver escapers', () => {
    expect(
      escaped(`import mysql from 'mysql'; import format from 'pg-format'; import SqlString from 'sqlstring';
        probe(mysql.escape(v)); probe(connection.escapeId(col)); probe(client.escapeIdentifier(t)); probe(format.ident(t));
        probe(SqlString.escape(v)); probe(pool.escapeLiteral(v)); probe(format.literal(v));`),
    ).toEqual(Array(7).fill(true));
  });
  it('project escapers named in options', () => {
    expect(escaped('probe(quoteIdentifier(t)); probe(db.escapeName(c)); probe(other(c))', ['quoteIdentifier', 'db.escapeName'])).toEqual([
      true,
      true,
      false,
    ]);
  });
  it('pg-promise formatting and helpers', () => {
    expect(
      escaped(`import pgPromise, { as } from 'pg-promise'; const pgp = pgPromise();
        probe(pgp.as.name(col)); probe(as.text(v)); probe(pgp.as.text(v, false)); probe(pgp.as.format('id = $1', [v]));
        probe(pgp.helpers.insert(rows, cs)); probe(pgp.as.csv(list));
        probe(pgp.as.text(v, true)); probe(as.json(v, raw)); probe(pgp.name(v)); probe(pgp(cn).one(q))`),
    ).toEqual([true, true, true, true, true, true, false, false, false, false]);
  });
  it('not escapers', () => {
    expect(
      escaped(`import { escape } from 'querystring'; import validator from 'validator';
        probe(v); probe(escape(v)); probe(validator.escape(v).length); probe(encodeURIComponent(v)); probe(escapeHtml(v)); probe(f()(v))`),
    ).toEqual(Array(6).fill(false));
  });
});

describe('slotPositions', () => {
  const at = (text: string) => slotPositions(text.split('{}').join(SLOT));
  it('inside quoted literals: literal', () => {
    expect(at("SELECT * FROM t WHERE name = '{}'")).toEqual(['literal']);
    expect(at("SELECT * FROM t WHERE name LIKE '%{}%'")).toEqual(['literal']);
    expect(at("SELECT * FROM t WHERE seen < now() - INTERVAL '{} hours'")).toEqual(['literal']);
    expect(at("UPDATE t SET at = CASE id WHEN '{}' THEN '{}' END")).toEqual(['literal', 'literal']);
    expect(at('SELECT * FROM users WHERE email = "{}"')).toEqual(['literal']);
    expect(at('INSERT INTO t (a) VALUES ("{}")')).toEqual(['literal']);
    expect(at("SELECT 1 -- {}\nFROM t")).toEqual(['literal']);
    expect(at("SELECT * FROM t WHERE a = 'x\\' AND b = {}")).toEqual(['literal']);
  });
  it('where a value is expected: value', () => {
    expect(at('SELECT * FROM t WHERE id = {}')).toEqual(['value']);
    expect(at('SELECT * FROM t WHERE a <> {} AND b >= {} OR c LIKE {} OR d ILIKE {}')).toEqual(['value', 'value', 'value', 'value']);
    expect(at('SELECT * FROM t WHERE id IN ({}, {})')).toEqual(['value', 'value']);
    expect(at('SELECT * FROM t WHERE id = ANY({})')).toEqual(['value']);
    expect(at('INSERT INTO t (a, b) VALUES ({}, lower({})), ({}, {})')).toEqual(['value', 'value', 'value', 'value']);
    expect(at('UPDATE t SET a = {}, b = {}')).toEqual(['value', 'value']);
    expect(at('SELECT * FROM t LIMIT {} OFFSET {}')).toEqual(['value', 'value']);
    expect(at('SELECT * FROM t LIMIT {}, {}')).toEqual(['value', 'value']);
    expect(at('SELECT * FROM t WHERE d BETWEEN {} AND {}')).toEqual(['value', 'value']);
    expect(at('SELECT CASE WHEN a THEN {} ELSE {} END FROM t')).toEqual(['value', 'value']);
    expect(at('SELECT * FROM t WHERE d > now() - INTERVAL {} DAY')).toEqual(['value']);
    expect(at('SELECT * FROM t WHERE n = lower({})')).toEqual(['value']);
    expect(at('SELECT * FROM t WHERE time < {}')).toEqual(['value']);
  });
  it('identifiers, operators and fragments: structure', () => {
    expect(at('SELECT * FROM {} WHERE id = ?')).toEqual(['structure']);
    expect(at('SELECT {} FROM t')).toEqual(['structure']);
    expect(at('SELECT * FROM t WHERE {} = ?')).toEqual(['structure']);
    expect(at('SELECT * FROM t ORDER BY {} {}')).toEqual(['structure', 'structure']);
    expect(at('SELECT * FROM t WHERE {}')).toEqual(['structure']);
    expect(at('SELECT * FROM t WHERE a = 1 {}')).toEqual(['structure']);
    expect(at('{} {} ?')).toEqual(['structure', 'structure']);
    expect(at('SELECT * FROM {}.users')).toEqual(['structure']);
    expect(at('SELECT * FROM users u JOIN t ON u.{} = t.id')).toEqual(['structure']);
    expect(at('SELECT * FROM t_{}')).toEqual(['structure']);
    expect(at('ALTER TABLE "{}"."{}" DROP DEFAULT')).toEqual(['structure', 'structure']);
    expect(at('SELECT * FROM `{}`.`{}`')).toEqual(['structure', 'structure']);
    expect(at('SELECT * FROM [{}]')).toEqual(['structure']);
    expect(at('"{}"."{}"::text ILIKE ?')).toEqual(['structure', 'structure']);
    expect(at('CREATE VIEW `{}` AS {}')).toEqual(['structure', 'structure']);
    expect(at('INSERT INTO t ({}) VALUES (?)')).toEqual(['structure']);
    expect(at('INSERT INTO t VALUES {}')).toEqual(['structure']);
    expect(at('SELECT * FROM t WHERE id IN (SELECT id FROM {})')).toEqual(['structure']);
    expect(at('SELECT count({}) FROM t')).toEqual(['structure']);
    expect(at('UPDATE t SET {} = ?')).toEqual(['structure']);
    expect(at('SELECT * FROM t WHERE a = {}.b')).toEqual(['structure']);
    expect(at('CREATE DATABASE IF NOT EXISTS {} CHARACTER SET utf8mb4')).toEqual(['structure']);
  });
  it('no slots, odd text', () => {
    expect(at('SELECT 1')).toEqual([]);
    expect(at("SELECT ')(((")).toEqual([]);
    expect(at('))) {} ((( {}')).toEqual(['structure', 'structure']);
  });
});

describe('isSqlTextName / isSqlFragment', () => {
  it('names that say SQL text', () => {
    for (const name of ['sql', 'whereSql', 'viewSql', 'sqlHourOffset', 'SQL_FILTER', 'orderClause', 'caseClauses', 'joinFragment', 'getWhereConditions', 'subquery']) {
      expect(isSqlTextName(name), name).toBe(true);
    }
    for (const name of ['mysqlDate', 'sqlite', 'query', 'condition', 'where', 'email', 'tableName', '']) {
      expect(isSqlTextName(name), name).toBe(false);
    }
  });
  it('expressions', () => {
    const fragment = (code: string) => probe(code, (n) => isSqlFragment(n));
    expect(
      fragment(`probe(whereSql); probe(filter.sql); probe(Db.sqlHourOffset()); probe(await buildSql());
        probe(this.sequelize.getQueryInterface().queryGenerator.getWhereConditions(w)); probe(qi.queryGenerator.selectQuery('t'));
        probe(name); probe(filter.value); probe(build())`),
    ).toEqual([true, true, true, true, true, true, false, false, false]);
    expect(probe('probe(x)', (n) => isSqlFragment(n, ['whereClause']))).toEqual([true]);
  });
});

describe('matchSqlSink', () => {
  const sinks = (code: string, language: 'esm' | 'cjs' | 'ts' = 'esm') =>
    probe(
      code,
      (n, sc) => {
        const call = n as Parameters<typeof matchSqlSink>[0];
        const method = call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' ? call.callee.property.name : call.callee.type === 'Identifier' ? call.callee.name : '';
        const m = matchSqlSink(call, method, sc);
        return m ? `${m.sink?.library ?? '-'}:${m.resolved}` : null;
      },
      { language, select: { selector: 'CallExpression[arguments.0.type="Literal"]', pick: (n) => n } },
    );
  it('pg-promise databases and task contexts', () => {
    expect(
      sinks(`import pgPromise from 'pg-promise'; const db = pgPromise()(url);
        db.one('a'); db.task((t) => t.any('b')); db.tx('tag', function () { return this.none('c'); });
        db.tx((t) => t.task((t2) => t2.map('d', [], f))); db.taskIf({ cnd: true }, async (t) => { await t.func('e'); });`),
    ).toEqual(['pg-promise:true', 'pg-promise:true', null, 'pg-promise:true', 'pg-promise:true', 'pg-promise:true']);
    expect(sinks(`const pgp = require('pg-promise')(); const db = pgp(cn); db.manyOrNone('a'); pgp.as.format('b');`, 'cjs')).toEqual([
      null, // require('pg-promise')
      'pg-promise:true',
      'pg-promise:true',
    ]);
  });
  it('generic names need the import or a task shape', () => {
    expect(
      sinks(`import db from './db'; import Queue from 'bull'; const q = new Queue('x');
        db.one('a'); db.oneOrNone('b'); db.tx((t) => t.none('c')); q.task((t) => t.one('d')); list.map('e'); db.task((t) => other.one('f'));`),
    ).toEqual([null, '-:false', '-:false', null, null, null]);
  });
  // `s.unsafe('g')` and mssql's `execute('h')` (a procedure name) fall to the shape tier, which also needs text that reads as SQL.
  it('mssql, oracledb, slonik', () => {
    expect(
      sinks(`import sql from 'mssql'; import oracledb from 'oracledb'; import { sql as s } from 'slonik'; import { raw } from 'slonik-sql-tag-raw';
        const pool = await sql.connect(c); pool.request().query('a'); new sql.Request(pool).batch('b'); sql.query('c');
        const conn = await oracledb.getConnection(c); conn.execute('d'); s.raw('e'); raw('f'); s.unsafe('g'); pool.request().execute('h');`),
    ).toEqual(['mssql:true', 'mssql:true', 'mssql:true', 'oracledb:true', 'slonik:true', 'slonik-sql-tag-raw:true', '-:false', '-:false']);
  });
});

describe('taskContextSource', () => {
  const owners = (code: string) =>
    probe(code, (n, sc) => {
      const owner = taskContextSource(n, ['task', 'tx'], sc);
      return owner ? sc.getText(owner) : null;
    });
  it('first parameter and `this` of the last callback', () => {
    expect(
      owners(`db.task((t) => probe(t)); db.tx('tag', function (t) { probe(t); probe(this); }); db.tx((t, x) => probe(x));
        db.task(cb, (t) => 0) && db.task((t) => 0, probe(t)); db.transaction((t) => probe(t)); db.tx(function () { return () => probe(this); });
        class A { m() { probe(this); } } probe(db);`),
    ).toEqual(['db', 'db', 'db', null, null, null, 'db', null, null]);
  });
});
