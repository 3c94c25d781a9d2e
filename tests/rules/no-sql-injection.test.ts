import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import rule from '../../src/rules/no-sql-injection.js';
import { cjs, cjsAsModule, esm, ts } from '../helpers.js';

type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;
type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;

const ruleTester = new RuleTester();

const PG = "import { Pool } from 'pg';\nconst pool = new Pool();\n";
const PG_CJS = "const { Pool } = require('pg');\nconst pool = new Pool();\n";
const MYSQL2 = "import mysql from 'mysql2/promise';\nconst conn = await mysql.createConnection(config);\n";
const SEQUELIZE = "import { Sequelize, QueryTypes } from 'sequelize';\nconst sequelize = new Sequelize(url);\n";
const KNEX = "import knexFactory from 'knex';\nconst knex = knexFactory(config);\n";
const BETTER = "import Database from 'better-sqlite3';\nconst db = new Database('app.db');\n";
const LOCAL_DB = "import { db } from './db';\n";
/** The new option alone, and as the `strict` and `all` configs set it. */
const STRUCTURE: Options = [{ checkStructure: true }];
const STRICT: Options = [{ allowNumericCoercion: false, checkStructure: true }];

/** Column (1-based) of the first occurrence of `needle` in the last line of `code`. */
function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test setup: ${needle} not in code`);
  const before = code.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}

function invalid(
  code: string,
  needle: string,
  rest: Partial<InvalidTestCase<MessageIds, Options>> & { messageId?: MessageIds } = {},
): InvalidTestCase<MessageIds, Options> {
  const { messageId = 'dynamicSql', ...others } = rest;
  const { suggestions } = (rest.errors?.[0] ?? {}) as { suggestions?: unknown };
  return {
    code,
    output: null,
    ...others,
    errors: [{ messageId, ...at(code, needle), ...(suggestions ? { suggestions } : {}) } as never],
  };
}


/**
 * Shapes from real applications whose dynamic parts no client can reach. Valid with the default
 * options, and with `checkStructure` too, except a function's own parameters inserted as
 * identifiers or fragments (`VIEW_FROM_PARAMETERS`; see `structureCases`), whose callers decide
 * what they hold.
 */
// realworld: view helper interpolating its parameters
const VIEW_FROM_PARAMETERS = `${LOCAL_DB}async function replaceReportView(viewName, selectSql, trx = db.knex) {
  await trx.raw(\`CREATE OR REPLACE SQL SECURITY INVOKER VIEW \\\`\${viewName}\\\` AS \${selectSql}\`);
}`;
// realworld: operator from a fixed set chosen elsewhere
const OPERATOR_FROM_OPTIONS = `${KNEX}function applyFlagFilter(qb, options) {
  const flagCount = '(SELECT COUNT(*) FROM flags WHERE flags.note_id = notes.id)';
  qb.whereRaw(\`\${flagCount} \${options.flagCount.operator} ?\`, [options.flagCount.value]);
}`;
// realworld: fragment returned by a helper
const FRAGMENT_FROM_FUNCTION = `function containsFilter(qb, column, term, lowerColumn) {
  return qb.whereRaw(\`\${lowerColumn(qb)} LIKE LOWER(?)\`, [column, \`%\${term}%\`]);
}`;
// realworld: quoted identifiers from model metadata
const QUOTED_IDENTIFIERS_PG = `function searchText(qb, model, columns, term) {
  columns.forEach((column) => qb.orWhereRaw(\`"\${model.tableName}"."\${column}"::text ILIKE ?\`, \`%\${term}%\`));
}`;
const QUOTED_IDENTIFIERS_MYSQL = `function searchText(qb, model, columns, term) {
  columns.forEach((column) => qb.orWhereRaw(\`\\\`\${model.tableName}\\\`.\\\`\${column}\\\` LIKE ?\`, \`%\${term}%\`));
}`;
// realworld: database name from configuration, checked by a pattern
const DATABASE_FROM_CONFIG = `${MYSQL2}export async function ensureDatabase(settings) {
  if (!/^\\w+$/.test(settings.databaseName)) throw new Error('invalid database name');
  await conn.execute('CREATE DATABASE IF NOT EXISTS ' + settings.databaseName + ' CHARACTER SET utf8mb4');
}`;
// realworld: SQL-named fragment from another module
const FRAGMENT_IN_VALUE_SLOT = `import { R } from 'redbean-node';
import { Store } from './store.js';
export async function purge(days) {
  const sqlCutoff = Store.sqlCutoff();
  await R.exec('DELETE FROM samples WHERE taken_at < ' + sqlCutoff, [days * -24]);
}`;
// realworld: migration identifiers from collection metadata
const MIGRATION_IDENTIFIERS = `export async function up({ transaction }) {
  for (const collection of this.collections) {
    const schema = collection.collectionSchema();
    const table = collection.model.tableName;
    const sequenceName = \`\${table}_id_seq\`;
    await this.db.sequelize.query(\`ALTER TABLE "\${schema}"."\${table}" ALTER COLUMN id DROP DEFAULT;\`, { transaction });
    await this.db.sequelize.query(\`DROP SEQUENCE IF EXISTS \${sequenceName} CASCADE\`, { transaction });
  }
}`;
const WHERE_FROM_QUERY_GENERATOR = `export class ItemSearch {
  async count(filter) {
    const conditions = this.sequelize.getQueryInterface().queryGenerator.getWhereConditions(filter);
    return this.sequelize.query(\`SELECT COUNT(*) AS n FROM items WHERE \${conditions}\`);
  }
}`;
const TABLE_FROM_CLASS_FIELD = `${PG}export class Repository {
  constructor(tableName) { this.tableName = tableName; }
  find(id) { return pool.query(\`SELECT * FROM \${this.tableName} WHERE id = $1\`, [id]); }
}`;
const SCHEMA_FROM_CONFIG = `${PG}export class SearchIndex {
  constructor(config) { this.config = config; }
  async prepare() { await pool.query(\`SET search_path TO \${this.config.searchSchema}, public\`); }
}`;
const SCHEMA_FROM_ENVIRONMENT = `${PG}function getSchema() { return process.env.JOBS_SCHEMA || 'public'; }
export function nextJob(queue) { return pool.query(\`SELECT * FROM \${getSchema()}.jobs WHERE queue = $1 LIMIT 1\`, [queue]); }`;

const structureShapes = [
  VIEW_FROM_PARAMETERS,
  OPERATOR_FROM_OPTIONS,
  FRAGMENT_FROM_FUNCTION,
  QUOTED_IDENTIFIERS_PG,
  QUOTED_IDENTIFIERS_MYSQL,
  DATABASE_FROM_CONFIG,
  FRAGMENT_IN_VALUE_SLOT,
  MIGRATION_IDENTIFIERS,
  WHERE_FROM_QUERY_GENERATOR,
  TABLE_FROM_CLASS_FIELD,
  SCHEMA_FROM_CONFIG,
  SCHEMA_FROM_ENVIRONMENT,
];

/** Constant or generated however it is reached: valid with every option. */
const constantShapes: (string | ValidTestCase<Options>)[] = [
  // A scope filter assembled from constant text and placeholder lists, read through a property.
  `${KNEX}function visibleNoteIds(hiddenStates, { threadIds, articleId } = {}) {
  const statePlaceholders = hiddenStates.map(() => '?').join(',');
  const scope = {
    sql: [
      threadIds?.length ? \`AND n.thread_id IN (\${threadIds.map(() => '?').join(',')})\` : '',
      articleId ? 'AND n.article_id = ?' : '',
    ].filter(Boolean).join('\\n'),
    bindings: [...(threadIds ?? []), ...(articleId ? [articleId] : [])],
  };
  return knex.raw(\`SELECT n.id FROM notes n WHERE n.state NOT IN (\${statePlaceholders}) \${scope.sql}\`, [...hiddenStates, ...scope.bindings]);
}`,
  // A schema migration over a constant list of (table, constraint) pairs.
  `${KNEX}export async function up() {
  for (const [table, constraint] of [['orders', 'orders_customer_fk'], ['invoices', 'invoices_order_fk']]) {
    await knex.raw(\`ALTER TABLE \${table} DROP CONSTRAINT \${constraint}\`);
  }
}`,
  `${KNEX}const AUDIT_TABLES = ['login_events', 'token_events'];
export async function clearAudit() {
  await Promise.all(AUDIT_TABLES.map((table) => knex.raw(\`TRUNCATE TABLE \${table}\`)));
  AUDIT_TABLES.forEach((table, i) => knex.raw(\`ANALYZE \${table} /* \${i} */\`));
  for (const table of AUDIT_TABLES) await knex.raw(\`VACUUM \${table}\`);
}`,
  // A class field made of constants and generated text.
  `${PG}import crypto from 'node:crypto';
const PREFIX = 'tmp_import';
export class ImportTable {
  constructor() {
    const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const randomHex = crypto.randomBytes(4).toString('hex');
    this.name = \`\${PREFIX}_\${stamp}_\${randomHex}\`;
  }
  async create() { await pool.query(\`CREATE TABLE \${this.name} (LIKE items INCLUDING ALL)\`); }
  async drop() { await pool.query(\`DROP TABLE IF EXISTS \${this.name}\`); }
}`,
  `${PG}import { randomUUID } from 'node:crypto';
export class Savepoints {
  #name = \`sp_\${randomUUID().replaceAll('-', '_')}\`;
  open(client) { return client.query(\`SAVEPOINT \${this.#name}\`); }
}`,
  // Columns picked from a constant list.
  `${PG}const COLUMNS = ['id', 'name', 'created_at'];
export function list() { return pool.query(\`SELECT \${COLUMNS.map((c) => \`"\${c}"\`).join(', ')} FROM users\`); }`,
];

const valid: (string | ValidTestCase<Options>)[] = [
  // A query helper whose second parameter is named args is not a GraphQL resolver: its
  // identifiers come from its callers (strict only), not from a client.
  `${PG}export function listSorted(table, args) { return pool.query(\`SELECT * FROM items ORDER BY \${args.sort}\`); }`,
  ...structureShapes,
  // Identifiers and fragments from the code that are not the function's own parameters: no
  // config reports them, `checkStructure` included.
  ...structureShapes.filter((code) => code !== VIEW_FROM_PARAMETERS).map((code) => ({ code, options: STRICT })),
  ...constantShapes,
  ...constantShapes.map((code) => ({ code: code as string, options: STRICT })),
  // Constant SQL, also through constants and template literals of constants.
  `${PG}pool.query('SELECT * FROM users');`,
  `${PG}const SQL = 'SELECT * FROM users WHERE active = true';\npool.query(SQL);`,
  `${PG}const TABLE = 'users';\npool.query(\`SELECT * FROM \${TABLE} WHERE id = $1\`, [id]);`,
  `${PG}const COLS = ['id', 'name'].join(', ');\npool.query('SELECT ' + COLS + ' FROM users WHERE id = $1', [id]);`,
  `${PG}const limit = 10;\npool.query('SELECT * FROM users LIMIT ' + limit);`,
  // Parameterized calls.
  `${PG}app.get('/u/:id', async (req, res) => { await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]); });`,
  `${PG}pool.query({ text: 'SELECT * FROM users WHERE id = $1', values: [id] });`,
  `${MYSQL2}await conn.execute('SELECT * FROM users WHERE email = ?', [req.body.email]);`,
  `const mysql = require('mysql');\nconst connection = mysql.createConnection(cfg);\nconnection.query({ sql: 'SELECT * FROM t WHERE id = ?', values: [id] }, cb);`,
  `${SEQUELIZE}await sequelize.query('SELECT * FROM users WHERE email = :email', { replacements: { email }, type: QueryTypes.SELECT });`,
  `${KNEX}knex('users').where({ id: req.params.id }).first();`,
  `${KNEX}knex.raw('select * from users where id = ?', [req.params.id]);`,
  `${KNEX}knex('users').whereRaw('lower(email) = ?', [email.toLowerCase()]);`,
  `${BETTER}db.prepare('SELECT * FROM users WHERE id = ?').get(id);`,
  `const sqlite3 = require('sqlite3');\nconst db = new sqlite3.Database(':memory:');\ndb.all('SELECT * FROM t WHERE id = ?', [id], (err, rows) => {});`,
  `import { getRepository } from 'typeorm';\ngetRepository(User).createQueryBuilder('u').where('u.id = :id', { id: req.params.id }).getOne();`,
  `dataSource.getRepository(User).createQueryBuilder('u').where({ id }).orderBy('u.createdAt', 'DESC').getMany();`,
  // Safe tagged templates.
  `import postgres from 'postgres';\nconst sql = postgres(url);\nawait sql\`SELECT * FROM users WHERE id = \${req.params.id}\`;`,
  `await prisma.$queryRaw\`SELECT * FROM "User" WHERE id = \${id}\`;`,
  `await prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE id = $1', id);`,
  `import { sql } from 'drizzle-orm';\nawait db.execute(sql\`select * from users where id = \${id}\`);`,
  `import { sql } from 'drizzle-orm';\nconst order = sql.raw('created_at desc');`,
  `import { sql } from 'kysely';\nconst DIR = 'asc';\nsql.raw(DIR);`,
  `import { sql } from 'slonik';\nawait pool.query(sql.typeAlias('id')\`SELECT id FROM users WHERE id = \${id}\`);`,
  // Numbers cannot carry SQL (allowNumericCoercion, default true).
  `${PG}pool.query(\`SELECT * FROM posts LIMIT \${Number(req.query.limit)} OFFSET \${parseInt(req.query.offset, 10)}\`);`,
  `${PG}pool.query('SELECT * FROM posts LIMIT ' + Math.min(100, size) + ' OFFSET ' + (page - 1) * size);`,
  `${PG}pool.query(\`SELECT * FROM t WHERE n = \${ids.length}\`);`,
  // Driver escapers and allow-lists.
  `const mysql = require('mysql');\nconst connection = mysql.createConnection(cfg);\nconnection.query('SELECT * FROM t WHERE name = ' + connection.escape(name));`,
  `import mysql from 'mysql2';\nconst pool = mysql.createPool(cfg);\npool.query('SELECT * FROM t ORDER BY ' + mysql.escapeId(req.query.sort));`,
  `${PG}const client = await pool.connect();\nawait client.query(\`SELECT * FROM \${client.escapeIdentifier(table)} WHERE id = $1\`, [id]);`,
  `import mysql from 'mysql2';\nconst pool = mysql.createPool(cfg);\npool.query(mysql.format('SELECT * FROM ?? WHERE id = ?', [table, id]));`,
  `${PG}const SORTABLE = ['name', 'created_at'];\nconst sort = SORTABLE.includes(req.query.sort) ? req.query.sort : 'created_at';\npool.query(\`SELECT * FROM users ORDER BY \${sort}\`);`,
  `${PG}const COLUMNS = { name: 'u.name', date: 'u.created_at' };\npool.query(\`SELECT * FROM users u ORDER BY \${COLUMNS[req.query.sort] ?? 'u.id'}\`);`,
  `${PG}pool.query(\`SELECT * FROM t ORDER BY id \${asc ? 'ASC' : 'DESC'}\`);`,
  `${PG}const placeholders = ids.map((_, i) => '$' + (i + 1)).join(', ');\npool.query(\`SELECT * FROM users WHERE id IN (\${placeholders})\`, ids);`,
  `import mysql from 'mysql2/promise';\nconst pool = mysql.createPool(cfg);\nawait pool.query(\`SELECT * FROM t WHERE id IN (\${ids.map(() => '?').join(',')})\`, ids);`,
  {
    code: `${PG}pool.query('SELECT * FROM t ORDER BY ' + quoteIdent(req.query.sort));`,
    options: [{ sanitizers: ['quoteIdent'] }],
  },
  `class Runner { async clear(table) { await this.query(\`DELETE FROM \${this.escapePath(table)}\`); } }`,
  `db.query(\`SELECT * FROM \${quoteIdentifier(schema)}.users WHERE id = $1\`, [id]);`,
  // Dynamic WHERE / SET lists built only from placeholders and allow-listed columns.
  `${PG}export async function search(req, res) {
  const conditions = [];
  const values = [];
  if (req.query.name) { values.push(req.query.name); conditions.push(\`name = $\${values.length}\`); }
  if (req.query.minAge) { values.push(Number(req.query.minAge)); conditions.push('age >= $' + values.length); }
  const where = conditions.length ? 'WHERE ' + conditions.join(' AND ') : '';
  return pool.query(\`SELECT id, name FROM users \${where} ORDER BY id\`, values);
}`,
  `${PG}export async function update(req) {
  const fields = ['name', 'email'].filter((f) => req.body[f] !== undefined);
  const sets = fields.map((f, i) => \`\${f} = $\${i + 1}\`);
  return pool.query(\`UPDATE users SET \${sets.join(', ')} WHERE id = $\${fields.length + 1}\`, [...fields.map((f) => req.body[f]), req.user.id]);
}`,
  `${PG}export async function page(req) {
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  const offset = (Number(req.query.page) - 1) * limit;
  return pool.query(\`SELECT * FROM posts ORDER BY id LIMIT \${limit} OFFSET \${offset}\`);
}`,
  // Numbers declared by TypeScript (trusted like numeric coercion, never for client data).
  {
    code: `${PG}export async function staleSessions(hours: number) {
  return pool.query(\`SELECT id FROM sessions WHERE seen_at < now() - INTERVAL '\${hours} hours'\`);
}`,
    languageOptions: ts,
  },
  {
    code: `${PG}export function recent(limit: number, includeArchived: boolean, since?: Date) {
  return pool.query(\`SELECT * FROM posts WHERE archived = \${includeArchived} AND created_at > '\${since}' LIMIT \${limit}\`);
}`,
    languageOptions: ts,
  },
  {
    code: `${PG}type Direction = 'asc' | 'desc';\nexport function sorted(direction: 'ASC' | 'DESC' = 'ASC') { return pool.query(\`SELECT * FROM t ORDER BY id \${direction}\`); }`,
    languageOptions: ts,
  },
  // Identifiers and fragments from the code, by default.
  `${PG}import util from 'node:util';\nexport function count(table) { return pool.query(util.format('SELECT COUNT(*) FROM %s', table)); }`,
  `${PG}export function byColumn(column, value) { return pool.query(\`SELECT * FROM users WHERE \${column} = $1\`, [value]); }`,
  `${PG}export function search(filters) {
  const clauses = [];
  buildClauses(clauses, filters);
  return pool.query('SELECT * FROM t WHERE ' + clauses.join(' AND '));
}`,
  `${PG}export function page(orderSql, params) { return pool.query(\`SELECT * FROM t ORDER BY \${orderSql} LIMIT $1\`, params); }`,
  // The server's own time zone, written as a literal.
  `${LOCAL_DB}export async function connect() {\n  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n  await db.execute(\`ALTER SESSION SET TIME_ZONE = '\${tz}'\`);\n}`,
  `${PG}export function inSubquery(subquerySql, params) { return pool.query(\`SELECT * FROM t WHERE id IN (\${subquerySql})\`, params); }`,
  `${PG}export function run(prefix, suffix) { return pool.query(\`\${prefix}\${suffix}\`); }`,
  {
    code: `${PG}export class Jobs {\n  constructor(private readonly table: string) {}\n  next() { return pool.query(\`SELECT * FROM \${this.table} ORDER BY id LIMIT 1\`); }\n}`,
    languageOptions: ts,
  },
  // Not SQL, or not a query sink.
  `app.all(\`/api/\${version}/users\`, handler);`,
  `redis.get(\`user:\${req.params.id}\`);`,
  `c.req.query('name');`,
  `import { query } from 'express-validator';\nrouter.get('/', query('id').isInt(), handler);`,
  `client.query({ query: gql\`query User { user(id: \${id}) { name } }\`, variables: { id } });`,
  `import axios from 'axios';\naxios.get(\`https://api.example.com/users?select=\${fields} from \${source}\`);`,
  `messages.query(\`Select a plan to continue, \${user.name}\`);`,
  // A wrapper passing someone else's text through, and text read from a file.
  `${PG}export function run(sql, params) { return pool.query(sql, params); }`,
  `${PG}import fs from 'node:fs';\npool.query(fs.readFileSync('schema.sql', 'utf8'));`,
  // Strange code never crashes.
  `${PG}pool.query();`,
  `${PG}pool.query(...args);`,
  `${PG}pool?.query?.('SELECT 1');`,
  `${PG}pool['query']('SELECT 1');`,
  `${PG}pool[method](\`SELECT * FROM t WHERE id = \${id}\`);`,
  {
    code: `import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function find(id: string) { return pool.query<User>('SELECT * FROM users WHERE id = $1', [id] satisfies string[]); }`,
    languageOptions: ts,
  },
  {
    code: `import pg = require('pg');\nconst pool = new pg.Pool();\n@Injectable()\nclass Repo { constructor(private readonly db: Db) {} find(id: string) { return pool.query('SELECT 1 WHERE $1', [id]); } }`,
    languageOptions: ts,
  },
];

const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  // pg — quoted value in a template: autofix, across ESM, CommonJS and TypeScript.
  ...[esm, ts].map((languageOptions) => ({
    ...invalid(`${PG}pool.query(\`SELECT * FROM users WHERE id = '\${req.params.id}'\`);`, '`SELECT'),
    languageOptions,
    output: `${PG}pool.query(\`SELECT * FROM users WHERE id = $1\`, [String(req.params.id)]);`,
  })),
  ...[cjs, cjsAsModule].map((languageOptions) => ({
    ...invalid(`${PG_CJS}pool.query(\`SELECT * FROM users WHERE id = '\${id}'\`);`, '`SELECT'),
    languageOptions,
    output: `${PG_CJS}pool.query(\`SELECT * FROM users WHERE id = $1\`, [String(id)]);`,
  })),
  // Two quoted values, a callback already present.
  {
    ...invalid(`${PG}pool.query(\`UPDATE users SET name = '\${name}' WHERE email = '\${email.trim()}'\`, (err) => {});`, '`UPDATE'),
    output: `${PG}pool.query(\`UPDATE users SET name = $1 WHERE email = $2\`, [String(name), email.trim()], (err) => {});`,
  },
  // Concatenation with a quoted value: rebuilt as one string.
  {
    ...invalid(`${PG}pool.query("SELECT * FROM users WHERE name = '" + name + "' AND active = true");`, '"SELECT'),
    output: `${PG}pool.query('SELECT * FROM users WHERE name = $1 AND active = true', [String(name)]);`,
  },
  // Unquoted value: the bound type could differ, so a suggestion, not a fix.
  invalid(`${PG}app.get('/u/:id', (req, res) => pool.query('SELECT * FROM users WHERE id = ' + req.params.id));`, "'SELECT", {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [
          {
            messageId: 'useParameters',
            output: `${PG}app.get('/u/:id', (req, res) => pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]));`,
          },
        ],
      },
    ],
  }),
  invalid(`${PG}pool.query(\`SELECT * FROM t WHERE a = '\${a}' AND b = \${b}\`);`, '`SELECT', {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [{ messageId: 'useParameters', output: `${PG}pool.query(\`SELECT * FROM t WHERE a = $1 AND b = $2\`, [String(a), b]);` }],
      },
    ],
  }),
  // Built in a variable first, or with +=: reported at the call, no fix.
  invalid(`${PG}const q = 'SELECT * FROM users WHERE id = ' + id;\npool.query(q);`, 'q);'),
  invalid(`${PG}let q = 'SELECT * FROM t WHERE 1 = 1';\nif (name) q += " AND name = '" + name + "'";\npool.query(q);`, 'q);'),
  invalid(`${PG}pool.query('SELECT * FROM t WHERE id = '.concat(id));`, "'SELECT"),
  invalid(`${PG}pool.query(['SELECT * FROM t WHERE id =', id].join(' '));`, "['SELECT"),
  invalid(`${PG}import util from 'node:util';\npool.query(util.format('SELECT * FROM t WHERE id = %s', id));`, 'util.format('),
  // Places a placeholder cannot go: plain report.
  invalid(`${PG}pool.query(\`SELECT * FROM t WHERE name LIKE '%\${term}%'\`);`, '`SELECT'),
  invalid(`${PG}pool.query(\`SELECT * FROM t WHERE id IN (\${ids})\`);`, '`SELECT'),
  // Request data in the statement's structure: no placeholder can go there.
  invalid(`${PG}app.get('/t', (req, res) => pool.query(\`SELECT * FROM t ORDER BY \${req.query.sort}\`));`, '`SELECT', {
    messageId: 'requestInStructure',
  }),
  // A function's parameter used as an identifier: reported under `checkStructure`.
  invalid(`${PG}export function byId(table, id) { return pool.query(\`SELECT * FROM \${table} WHERE id = $1\`, [id]); }`, '`SELECT', {
    messageId: 'codeInStructure',
    options: STRUCTURE,
  }),
  invalid(`${PG}pool.query({ text: \`SELECT * FROM t WHERE id = '\${id}'\` });`, '`SELECT'),
  // Request data as the whole statement.
  invalid(`${PG}app.post('/q', (req, res) => pool.query(req.body.sql));`, 'req.body.sql)', { messageId: 'requestInStructure' }),
  // mysql / mysql2
  {
    ...invalid(`${MYSQL2}await conn.execute(\`SELECT * FROM users WHERE email = '\${req.body.email}'\`);`, '`SELECT'),
    output: `${MYSQL2}await conn.execute(\`SELECT * FROM users WHERE email = ?\`, [String(req.body.email)]);`,
  },
  {
    ...invalid(
      `const mysql = require('mysql');\nconst connection = mysql.createConnection(cfg);\nconnection.query("SELECT * FROM t WHERE name = '" + name + "'", (err, rows) => {});`,
      '"SELECT',
    ),
    languageOptions: cjs,
    output: `const mysql = require('mysql');\nconst connection = mysql.createConnection(cfg);\nconnection.query('SELECT * FROM t WHERE name = ?', [String(name)], (err, rows) => {});`,
  },
  invalid(`import mysql from 'mysql2';\nconst pool = mysql.createPool(cfg);\npool.promise().query('DELETE FROM t WHERE id = ' + id);`, "'DELETE", {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [
          {
            messageId: 'useParameters',
            output: `import mysql from 'mysql2';\nconst pool = mysql.createPool(cfg);\npool.promise().query('DELETE FROM t WHERE id = ?', [id]);`,
          },
        ],
      },
    ],
  }),
  // Sequelize
  {
    ...invalid(`${SEQUELIZE}await sequelize.query(\`SELECT * FROM Users WHERE email = '\${req.body.email}'\`, { type: QueryTypes.SELECT });`, '`SELECT'),
    output: `${SEQUELIZE}await sequelize.query(\`SELECT * FROM Users WHERE email = ?\`, { replacements: [String(req.body.email)], type: QueryTypes.SELECT });`,
  },
  {
    ...invalid(`${SEQUELIZE}await sequelize.query(\`DELETE FROM Users WHERE name = '\${name}'\`);`, '`DELETE'),
    output: `${SEQUELIZE}await sequelize.query(\`DELETE FROM Users WHERE name = ?\`, { replacements: [String(name)] });`,
  },
  // Knex
  {
    ...invalid(`${KNEX}knex('users').whereRaw(\`email = '\${email}'\`);`, '`email'),
    output: `${KNEX}knex('users').whereRaw(\`email = ?\`, [String(email)]);`,
  },
  invalid(`${KNEX}const list = (sort) => knex.raw('select * from users order by ' + sort);`, "'select", { messageId: 'codeInStructure', options: STRUCTURE }),
  // Knex-style method on an unresolved receiver (Objection, Bookshelf): a suggestion, never an autofix.
  invalid(`users.query().whereRaw(\`name = '\${name}'\`);`, '`name', {
    errors: [{ messageId: 'dynamicSql', suggestions: [{ messageId: 'useParameters', output: 'users.query().whereRaw(`name = ?`, [String(name)]);' }] }],
  }),
  // TypeORM
  invalid(`import { getRepository } from 'typeorm';\ngetRepository(User).createQueryBuilder('user').where(\`user.id = \${id}\`).getOne();`, '`user.id'),
  invalid(`this.dataSource.getRepository(User).createQueryBuilder('user').andWhere('user.name = ' + name).getMany();`, "'user.name"),
  invalid(`await AppDataSource.query(\`SELECT * FROM users WHERE id = \${req.params.id}\`);`, '`SELECT', { messageId: 'dynamicSqlUnresolved' }),
  // Prisma
  invalid(`const rows = await prisma.$queryRawUnsafe(\`SELECT * FROM "User" WHERE email = '\${email}' AND age > \${age}\`);`, '`SELECT', {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [
          {
            messageId: 'useTaggedTemplate',
            output: 'const rows = await prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email} AND age > ${age}`;',
          },
        ],
      },
    ],
  }),
  {
    ...invalid(`const rows = await prisma.$queryRawUnsafe<User[]>(\`SELECT * FROM "User" WHERE id = '\${id}'\`);`, '`SELECT', {
      errors: [
        {
          messageId: 'dynamicSql',
          suggestions: [{ messageId: 'useTaggedTemplate', output: 'const rows = await prisma.$queryRaw<User[]>`SELECT * FROM "User" WHERE id = ${id}`;' }],
        },
      ],
    }),
    languageOptions: ts,
  },
  invalid(`await prisma.$executeRawUnsafe('DELETE FROM "User" WHERE id = ' + id);`, "'DELETE"),
  // better-sqlite3 / sqlite3
  {
    ...invalid(`${BETTER}const row = db.prepare(\`SELECT * FROM users WHERE name = '\${name}'\`).get();`, '`SELECT'),
    output: `${BETTER}const row = db.prepare(\`SELECT * FROM users WHERE name = ?\`).get(String(name));`,
  },
  invalid(`${BETTER}db.exec(\`DELETE FROM sessions WHERE user = '\${user}'\`);`, '`DELETE'),
  {
    ...invalid(`const sqlite3 = require('sqlite3');\nconst db = new sqlite3.Database(file);\ndb.all(\`SELECT * FROM t WHERE name = '\${name}'\`, (err, rows) => {});`, '`SELECT'),
    languageOptions: cjs,
    output: `const sqlite3 = require('sqlite3');\nconst db = new sqlite3.Database(file);\ndb.all(\`SELECT * FROM t WHERE name = ?\`, [String(name)], (err, rows) => {});`,
  },
  // Drizzle, Kysely, postgres.js, MikroORM
  invalid(`import { sql } from 'drizzle-orm';\nawait db.execute(sql.raw(\`select * from users where name = '\${name}'\`));`, '`select'),
  invalid(`import { sql } from 'kysely';\nexport const orderBy = (column) => sql.raw('order by ' + column);`, "'order", { messageId: 'codeInStructure', options: STRICT }),
  {
    ...invalid(`import postgres from 'postgres';\nconst sql = postgres(url);\nawait sql.unsafe(\`SELECT * FROM users WHERE name = '\${name}'\`);`, '`SELECT'),
    output: `import postgres from 'postgres';\nconst sql = postgres(url);\nawait sql.unsafe(\`SELECT * FROM users WHERE name = $1\`, [String(name)]);`,
  },
  {
    ...invalid(
      `import { MikroORM } from '@mikro-orm/postgresql';\nconst orm = await MikroORM.init(config);\nawait orm.em.execute(\`SELECT * FROM book WHERE title = '\${title}'\`);`,
      '`SELECT',
    ),
    output: `import { MikroORM } from '@mikro-orm/postgresql';\nconst orm = await MikroORM.init(config);\nawait orm.em.execute(\`SELECT * FROM book WHERE title = ?\`, [String(title)]);`,
  },
  // Module shapes: import = require, dynamic import.
  {
    ...invalid(`import pg = require('pg');\nconst pool = new pg.Pool();\npool.query(\`SELECT * FROM t WHERE id = '\${id}'\`);`, '`SELECT'),
    languageOptions: ts,
    output: `import pg = require('pg');\nconst pool = new pg.Pool();\npool.query(\`SELECT * FROM t WHERE id = $1\`, [String(id)]);`,
  },
  {
    ...invalid(`const { default: pg } = await import('pg');\nconst client = new pg.Client();\nawait client.query(\`SELECT * FROM t WHERE id = '\${id}'\`);`, '`SELECT'),
    output: `const { default: pg } = await import('pg');\nconst client = new pg.Client();\nawait client.query(\`SELECT * FROM t WHERE id = $1\`, [String(id)]);`,
  },
  // Tier 2: a receiver from a local module, text that reads as SQL.
  invalid(`import { db } from './db';\napp.get('/u/:id', async (req, res) => { await db.query(\`SELECT * FROM users WHERE id = \${req.params.id}\`); });`, '`SELECT', {
    messageId: 'dynamicSqlUnresolved',
  }),
  // Lists that carry client text are not constrained.
  invalid(`${PG}const conditions = [];\nif (name) conditions.push(\`name = '\${name}'\`);\npool.query('SELECT * FROM users WHERE ' + conditions.join(' AND '));`, "'SELECT"),
  invalid(`${PG}app.get('/u', (req, res) => {\n  const cols = req.query.fields.split(',');\n  return pool.query(\`SELECT \${cols.join(', ')} FROM users\`);\n});`, '`SELECT', {
    messageId: 'requestInStructure',
  }),
  invalid(
    `${PG}app.put('/u', (req, res) => {\n  const sets = Object.keys(req.body).map((k, i) => \`\${k} = $\${i + 1}\`);\n  return pool.query(\`UPDATE users SET \${sets.join(', ')}\`, Object.values(req.body));\n});`,
    '`UPDATE',
    { messageId: 'requestInStructure' },
  ),
  invalid(`${PG}app.get('/t', (req, res) => {\n  const parts = [];\n  addFilters(parts, req.query);\n  return pool.query('SELECT * FROM t WHERE ' + parts.join(' AND '));\n});`, "'SELECT", {
    messageId: 'requestInStructure',
  }),
  // An HTML escaper is not an SQL escaper.
  invalid(`import { db } from './db';\ndb.query(\`SELECT * FROM t WHERE name = '\${escapeHtml(name)}'\`);`, '`SELECT', { messageId: 'dynamicSqlUnresolved' }),
  // Frameworks: the message names the request source.
  invalid(`${PG}router.get('/x', async (ctx) => { await pool.query('SELECT * FROM t WHERE q = ' + ctx.query.q); });`, "'SELECT", {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [{ messageId: 'useParameters', output: `${PG}router.get('/x', async (ctx) => { await pool.query('SELECT * FROM t WHERE q = $1', [ctx.query.q]); });` }],
      },
    ],
  }),
  {
    ...invalid(
      `import { Controller, Get, Param } from '@nestjs/common';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n@Controller('users')\nexport class UsersController {\n  @Get(':id')\n  find(@Param('id') id: string) { return pool.query(\`SELECT * FROM users WHERE id = '\${id}'\`); }\n}`,
      '`SELECT',
    ),
    languageOptions: ts,
    output: `import { Controller, Get, Param } from '@nestjs/common';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n@Controller('users')\nexport class UsersController {\n  @Get(':id')\n  find(@Param('id') id: string) { return pool.query(\`SELECT * FROM users WHERE id = $1\`, [String(id)]); }\n}`,
  },
  // Numbers are reported when numeric coercion is not trusted.
  invalid(`${PG}pool.query(\`SELECT * FROM posts LIMIT \${Number(req.query.limit)}\`);`, '`SELECT', { options: [{ allowNumericCoercion: false }] }),
];


/** The real-app structure shapes under `checkStructure` (and as the `strict` config sets it). */
const structureCases: InvalidTestCase<MessageIds, Options>[] = [
  invalid(VIEW_FROM_PARAMETERS, '`CREATE', { messageId: 'codeInStructure', options: STRUCTURE }),
  invalid(VIEW_FROM_PARAMETERS, '`CREATE', { messageId: 'codeInStructure', options: STRICT }),
  invalid(`${KNEX}export function sortedUsers(column) {\n  return knex.raw('select * from users order by ' + column);\n}`, "'select", {
    messageId: 'codeInStructure',
    options: STRICT,
  }),
  {
    ...invalid(`${PG}export async function countRows(table: string) {\n  return pool.query(\`SELECT COUNT(*) FROM "\${table}"\`);\n}`, '`SELECT', {
      messageId: 'codeInStructure',
      options: STRICT,
    }),
    languageOptions: ts,
  },
];

/** Where it matters the rule stays strong with the default options. */
const strongCases: InvalidTestCase<MessageIds, Options>[] = [
  // A data-access function whose parameter is inserted as a value.
  invalid(`${LOCAL_DB}export function findByEmail(email) {\n  return db.query("SELECT * FROM users WHERE email = '" + email + "'");\n}`, '"SELECT', {
    messageId: 'dynamicSqlUnresolved',
  }),
  {
    ...invalid(`${PG}export function findByEmail(email: string) {\n  return pool.query(\`SELECT * FROM users WHERE email = '\${email}'\`);\n}`, '`SELECT'),
    languageOptions: ts,
    output: `${PG}export function findByEmail(email: string) {\n  return pool.query(\`SELECT * FROM users WHERE email = $1\`, [String(email)]);\n}`,
  },
  // Values from internal state, hand-quoted into a CASE: still values (debatable, kept).
  invalid(
    `${KNEX}export async function flushDelivered(pending) {
  const updates = Array.from(pending.entries());
  const ids = updates.map(([id]) => id);
  const cases = updates.map(([id, at]) => {
    return \`WHEN '\${id}' THEN '\${at}'\`;
  }).join(' ');
  const sql = \`UPDATE recipients SET delivered_at = CASE id \${cases} END WHERE id IN (\${ids.map(() => '?').join(',')})\`;
  return knex.raw(sql, ids);
}`,
    'sql, ids',
  ),
  // A quoted class field is a value like any other.
  invalid(`${PG}export class Tenants {\n  rows() { return pool.query(\`SELECT * FROM rows WHERE tenant = '\${this.tenantId}'\`); }\n}`, '`SELECT', {
    output: `${PG}export class Tenants {\n  rows() { return pool.query(\`SELECT * FROM rows WHERE tenant = $1\`, [String(this.tenantId)]); }\n}`,
  }),
  // A fragment whose own values are hand-quoted.
  invalid(`${PG}export function search(name, city) {
  const clauses = [];
  if (name) clauses.push(\`name = '\${name}'\`);
  if (city) clauses.push(\`city = \${city}\`);
  return pool.query('SELECT * FROM t WHERE ' + clauses.join(' AND '));
}`, "'SELECT"),
  // GraphQL resolver arguments are client data.
  invalid(`${LOCAL_DB}export const resolvers = {\n  Query: {\n    user: (parent, args) => db.query(\`SELECT * FROM users WHERE id = \${args.id}\`),\n  },\n};`, '`SELECT', {
    messageId: 'dynamicSqlUnresolved',
  }),
  invalid(`${PG}export const resolvers = {\n  Query: {\n    users: (_, { orderBy }) => pool.query(\`SELECT * FROM users ORDER BY \${orderBy}\`),\n  },\n};`, '`SELECT', {
    messageId: 'requestInStructure',
  }),
  {
    ...invalid(
      `import { Args, Query, Resolver } from '@nestjs/graphql';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n@Resolver()\nexport class PostsResolver {\n  @Query()\n  posts(@Args('sort') sort: string) { return pool.query(\`SELECT * FROM posts ORDER BY \${sort}\`); }\n}`,
      '`SELECT',
      { messageId: 'requestInStructure' },
    ),
    languageOptions: ts,
  },
  // A declared number is not trusted for client data: the framework does not convert it.
  {
    ...invalid(
      `import { Controller, Get, Query } from '@nestjs/common';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n@Controller('posts')\nexport class PostsController {\n  @Get()\n  list(@Query('limit') limit: number) { return pool.query(\`SELECT * FROM posts LIMIT \${limit}\`); }\n}`,
      '`SELECT',
    ),
    languageOptions: ts,
  },
  // Declared numbers are reported when numeric coercion is not trusted (the `strict` config).
  {
    ...invalid(`${PG}export function stale(hours: number) {\n  return pool.query(\`SELECT id FROM sessions WHERE seen_at < now() - INTERVAL '\${hours} hours'\`);\n}`, '`SELECT', {
      options: STRICT,
    }),
    languageOptions: ts,
  },
  // MySQL reads a double-quoted text where a value goes as a string.
  invalid(`${MYSQL2}export function byEmail(email) { return conn.query('SELECT * FROM users WHERE email = "' + email + '"'); }`, "'SELECT"),
  // Both kinds in one statement: one report for each.
  {
    code: `${PG}app.get('/t', (req, res) => pool.query(\`SELECT * FROM t WHERE a = '\${req.query.a}' ORDER BY \${req.query.sort}\`));`,
    output: `${PG}app.get('/t', (req, res) => pool.query(\`SELECT * FROM t WHERE a = $1 ORDER BY \${req.query.sort}\`, [String(req.query.a)]));`,
    errors: [{ messageId: 'dynamicSql' }, { messageId: 'requestInStructure' }],
  },
];


/* More drivers: pg-promise, mssql, oracledb, slonik. */
const PGP = "import pgPromise from 'pg-promise';\nconst pgp = pgPromise();\nconst db = pgp(process.env.DATABASE_URL);\n";
const PGP_CJS = "const pgp = require('pg-promise')();\nconst db = pgp(config.db);\n";
const MSSQL = "import sql from 'mssql';\nconst pool = await sql.connect(config);\n";
const MSSQL_CJS = "const sql = require('mssql');\nconst pool = new sql.ConnectionPool(config);\n";
const ORACLE = "import oracledb from 'oracledb';\nconst connection = await oracledb.getConnection(dbConfig);\n";
const ORACLE_CJS = "const oracledb = require('oracledb');\n";
const SLONIK = "import { createPool, sql } from 'slonik';\nconst pool = await createPool(process.env.DATABASE_URL);\n";

/** Careful code with each driver's own parameters, and unrelated calls with the same method names. */
const driverValid: (string | ValidTestCase<Options>)[] = [
  // pg-promise: `$1`, `${name}`, `$(name)`, `$<name>`, `$/name/` with values are escaped by the library.
  `${PGP}app.get('/users/:id', async (req, res) => res.json(await db.one('SELECT * FROM users WHERE id = $1', [req.params.id])));`,
  `${PGP}export const byEmail = (email) => db.oneOrNone('SELECT * FROM users WHERE email = \${email}', { email });`,
  `${PGP}export const byId = (id) => db.one(\`SELECT * FROM users WHERE id = \\\${id}\`, { id });`,
  `${PGP}app.get('/posts', async (req, res) => res.json(await db.any('SELECT * FROM posts WHERE author_id = $(authorId) AND status = $<status>', req.query)));`,
  `${PGP}export const rename = (id, name) => db.none('UPDATE users SET name = $/name/ WHERE id = $/id/', { name, id });`,
  `${PGP}export const ids = () => db.map('SELECT id FROM users WHERE status = $1', ['active'], (row) => row.id);`,
  `${PGP}export const touch = (rows) => db.each('SELECT id FROM events', [], (row) => { row.seen = true; });`,
  // `:name` / `~` escape identifiers, also from the request.
  `${PGP}app.get('/export', (req, res) => db.any('SELECT $1:name FROM $2:name', [req.query.fields.split(','), 'reports']));`,
  `${PGP}export const count = (table) => db.one('SELECT count(*) FROM \${table~}', { table });`,
  // A raw variable holding a constant choice or a number.
  `${PGP}const ORDER = { newest: 'created_at DESC', name: 'name ASC' };\napp.get('/p', (req, res) => db.any('SELECT * FROM products ORDER BY $1:raw', [ORDER[req.query.sort] ?? 'id']));`,
  `${PGP}app.get('/p', (req, res) => db.any('SELECT * FROM products LIMIT $1^', [Number(req.query.limit) || 20]));`,
  // Tasks and transactions with placeholders.
  `${PGP}export const eventsOf = (login) => db.task(async (t) => {
  const user = await t.one('SELECT id FROM users WHERE login = $1', login);
  return t.any('SELECT * FROM events WHERE user_id = $1', user.id);
});`,
  `${PGP_CJS}router.post('/orders', (req, res) => db.tx('create-order', async (t) => {
  const order = await t.one('INSERT INTO orders(user_id) VALUES($1) RETURNING id', [req.user.id]);
  await t.none('INSERT INTO order_items(order_id, sku) VALUES($1, $2)', [order.id, req.body.sku]);
}));`,
  {
    code: `${PGP}interface User { id: number; email: string }
export async function find(id: string): Promise<User | null> {
  return db.tx((t) => t.oneOrNone<User>('SELECT id, email FROM users WHERE id = $1', [id]));
}`,
    languageOptions: ts,
  },
  // The library's escapers and generated SQL.
  `${PGP}app.get('/u', (req, res) => db.any(\`SELECT * FROM users WHERE name = \${pgp.as.text(req.query.name)}\`));`,
  `${PGP}export const add = (items, cs) => db.none(pgp.helpers.insert(items, cs) + ' ON CONFLICT DO NOTHING');`,
  `${PGP}export const fn = (id) => db.func('get_user_stats', [id]);`,
  // Same method names elsewhere: no pg-promise, or a task of another library.
  `import { db } from './db';\nexport const byId = (id) => db.one(\`SELECT * FROM users WHERE id = \${id}\`);`,
  `import { format } from 'date-fns';\nexport const label = (d, sep) => format(d, \`yyyy\${sep}MM\`);`,
  `export const names = (rows, pick) => rows.map(pick).each(\`SELECT \${x} FROM t\`);`,
  `import Queue from 'bull';\nconst queue = new Queue('mail');\nqueue.task((t) => t.one(\`SELECT * FROM t WHERE id = \${id}\`));`,
  `${PGP}export const list = (items) => items.map((item) => \`\${item.name} from \${item.source}\`);`,
  // mssql: `.input()` with `@name`, and the tagged templates.
  `${MSSQL}app.get('/users/:id', async (req, res) => {
  const result = await pool.request().input('id', sql.Int, req.params.id).query('SELECT * FROM users WHERE id = @id');
  res.json(result.recordset);
});`,
  `${MSSQL}app.post('/login', async (req, res) => { await sql.query\`SELECT * FROM users WHERE email = \${req.body.email}\`; });`,
  `${MSSQL}export const byIds = (ids) => pool.request().query\`SELECT * FROM t WHERE id IN (\${ids})\`;`,
  `${MSSQL_CJS}async function rename(transaction, id, name) {
  await new sql.Request(transaction).input('id', sql.Int, id).input('name', sql.NVarChar(100), name).query('UPDATE t SET name = @name WHERE id = @id');
}`,
  `${MSSQL_CJS}async function value(id) {
  const ps = new sql.PreparedStatement(pool);
  ps.input('param', sql.Int);
  await ps.prepare('select @param as value');
  return ps.execute({ param: id });
}`,
  `${MSSQL}export const run = (action, id) => pool.request().input('id', sql.Int, id).execute(\`usp_\${action}\`);`,
  // oracledb: bind variables.
  `${ORACLE}app.get('/emp/:id', async (req, res) => res.json(await connection.execute('SELECT * FROM employees WHERE id = :id', { id: req.params.id })));`,
  `${ORACLE}export const find = (id, dept) => connection.execute('SELECT * FROM employees WHERE id = :1 AND dept = :2', [id, dept], { outFormat: oracledb.OUT_FORMAT_OBJECT });`,
  `${ORACLE_CJS}async function load(rows) {
  const pool = await oracledb.createPool(cfg);
  const conn = await pool.getConnection();
  await conn.executeMany('INSERT INTO t (a, b) VALUES (:a, :b)', rows, { autoCommit: true });
}`,
  `${ORACLE}const TABLES = { open: 'orders', closed: 'orders_archive' };\nexport const one = (kind, id) => connection.execute(\`SELECT * FROM \${TABLES[kind] ?? 'orders'} WHERE id = :id\`, { id });`,
  `${ORACLE}app.get('/mine', (req, res) => connection.queryStream('SELECT * FROM t WHERE owner = :owner', { owner: req.user.id }).pipe(res));`,
  // slonik: every `sql` tag binds its values, `sql.unsafe` included.
  `${SLONIK}app.get('/u/:id', async (req, res) => res.json(await pool.one(sql.unsafe\`SELECT * FROM users WHERE id = \${req.params.id}\`)));`,
  `${SLONIK}export const rows = (table, id) => pool.any(sql.unsafe\`SELECT * FROM \${sql.identifier(['public', table])} WHERE id = \${id}\`);`,
  `${SLONIK}export const byName = (name) => pool.maybeOne(sql.typeAlias('user')\`SELECT * FROM users WHERE name = \${name}\`);`,
  `${SLONIK}export const first = (id) => sql\`SELECT \${sql.raw('$1', [id])}\`;`,
  // A raw variable given the code's own value: the rule reports only client data there.
  `${PGP}export const sorted = (orderBy) => db.any('SELECT * FROM t ORDER BY $1:raw', [orderBy]);`,
  // Strange code never crashes.
  `${PGP}db.task();\ndb.tx((t) => t.one(...parts));\ndb.any('SELECT $1:raw', ...rest);\ndb.any('SELECT $1:raw');`,
  `${PGP}(function () { return this.one(\`SELECT * FROM t WHERE id = \${id}\`); })();`,
  `${PGP}db.tx((t = other) => t.one(\`SELECT * FROM t WHERE id = \${id}\`));\ndb.task(({ one }) => one(\`SELECT * FROM t WHERE id = \${id}\`));`,
];

const driverInvalid: InvalidTestCase<MessageIds, Options>[] = [
  // pg-promise: ESM, CommonJS, TypeScript; a quoted value becomes `$1` with `String(value)`.
  {
    ...invalid(`${PGP}app.get('/u/:id', (req, res) => db.one(\`SELECT * FROM users WHERE id = '\${req.params.id}'\`));`, '`SELECT'),
    output: `${PGP}app.get('/u/:id', (req, res) => db.one(\`SELECT * FROM users WHERE id = $1\`, [String(req.params.id)]));`,
  },
  ...[cjs, cjsAsModule].map((languageOptions) => ({
    ...invalid(`${PGP_CJS}exports.byName = (name) => db.any("SELECT * FROM users WHERE name = '" + name + "'");`, '"SELECT'),
    languageOptions,
    output: `${PGP_CJS}exports.byName = (name) => db.any('SELECT * FROM users WHERE name = $1', [String(name)]);`,
  })),
  {
    ...invalid(`${PGP}export const byEmail = (email: string) => db.oneOrNone<User>(\`SELECT * FROM users WHERE email = '\${email}'\`);`, '`SELECT'),
    languageOptions: ts,
    output: `${PGP}export const byEmail = (email: string) => db.oneOrNone<User>(\`SELECT * FROM users WHERE email = $1\`, [String(email)]);`,
  },
  // Task and transaction contexts, followed back to the database.
  invalid(`${PGP}app.get('/e/:id', (req, res) => db.task(async (t) => t.any(\`SELECT * FROM events WHERE user_id = \${req.params.id}\`)));`, '`SELECT', {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [
          {
            messageId: 'useParameters',
            output: `${PGP}app.get('/e/:id', (req, res) => db.task(async (t) => t.any(\`SELECT * FROM events WHERE user_id = $1\`, [req.params.id])));`,
          },
        ],
      },
    ],
  }),
  {
    ...invalid(`${PGP_CJS}exports.logout = (token) => db.tx('logout', function () { return this.none(\`DELETE FROM sessions WHERE token = '\${token}'\`); });`, '`DELETE'),
    languageOptions: cjs,
    output: `${PGP_CJS}exports.logout = (token) => db.tx('logout', function () { return this.none(\`DELETE FROM sessions WHERE token = $1\`, [String(token)]); });`,
  },
  {
    ...invalid(`${PGP}export const f = (code: string) => db.tx((t) => t.task((t2) => t2.many(\`SELECT * FROM coupons WHERE code = '\${code}'\`)));`, '`SELECT'),
    languageOptions: ts,
    output: `${PGP}export const f = (code: string) => db.tx((t) => t.task((t2) => t2.many(\`SELECT * FROM coupons WHERE code = $1\`, [String(code)])));`,
  },
  // `this` of the callback, read in an arrow function inside it.
  invalid(`${PGP}db.tx(function () { return () => this.any(\`SELECT * FROM t WHERE id = \${id}\`); });`, '`SELECT', {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [{ messageId: 'useParameters', output: `${PGP}db.tx(function () { return () => this.any(\`SELECT * FROM t WHERE id = $1\`, [id]); });` }],
      },
    ],
  }),
  // A task of a database no import explains: the shape is pg-promise's, the message names no library.
  invalid(`import db from './db';\napp.delete('/carts/:id', (req, res) => db.tx(async (t) => { await t.none(\`DELETE FROM carts WHERE id = \${req.params.id}\`); }));`, '`DELETE', {
    messageId: 'dynamicSqlUnresolved',
  }),
  invalid(`const { db } = require('../db');\nexports.find = (email) => db.oneOrNone(\`SELECT * FROM users WHERE email = '\${email}'\`);`, '`SELECT', {
    messageId: 'dynamicSqlUnresolved',
    languageOptions: cjs,
  }),
  // Raw-text variables holding request data.
  invalid(`${PGP}app.get('/p', (req, res) => db.any('SELECT * FROM products ORDER BY $1:raw', [req.query.sort]));`, '[req.query.sort]', {
    messageId: 'requestInStructure',
  }),
  {
    ...invalid(`${PGP_CJS}router.get('/p', (req, res) => db.any('SELECT * FROM products ORDER BY \${sort^} \${dir^}', req.query));`, 'req.query)', {
      messageId: 'requestInStructure',
    }),
    languageOptions: cjs,
  },
  // The function name of `func`/`proc` is written into the text as it is.
  invalid(`${PGP}app.get('/r/:kind', (req, res) => db.func(\`report_\${req.params.kind}\`, [req.user.id]));`, '`report_', { messageId: 'requestInStructure' }),
  // `as.format` formats text too.
  {
    ...invalid(`${PGP}export const where = (name) => pgp.as.format(\`WHERE name = '\${name}'\`);`, '`WHERE'),
    output: `${PGP}export const where = (name) => pgp.as.format(\`WHERE name = $1\`, [String(name)]);`,
  },
  // A transformation callback after the values: no rewrite.
  invalid(`${PGP}export const ids = (owner) => db.map(\`SELECT id FROM t WHERE owner = '\${owner}'\`, [], (row) => row.id);`, '`SELECT'),
  invalid(`${PGP}export function countRows(table) { return db.one(\`SELECT count(*) FROM \${table}\`); }`, '`SELECT', {
    messageId: 'codeInStructure',
    options: STRUCTURE,
  }),
  // mssql: the tagged template is the rewrite, as a suggestion.
  invalid(`${MSSQL}app.post('/login', (req, res) => pool.request().query(\`SELECT * FROM users WHERE email = '\${req.body.email}'\`));`, '`SELECT', {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [
          {
            messageId: 'useTemplateTag',
            output: `${MSSQL}app.post('/login', (req, res) => pool.request().query\`SELECT * FROM users WHERE email = \${req.body.email}\`);`,
          },
        ],
      },
    ],
  }),
  {
    ...invalid(`${MSSQL_CJS}function find(id) {\n  new sql.Request(pool).query('SELECT * FROM users WHERE id = ' + id, (err, result) => {});\n}`, "'SELECT"),
    languageOptions: cjs,
  },
  {
    ...invalid(`${MSSQL}export const byName = (name: string) => sql.query<User>(\`SELECT * FROM users WHERE name = '\${name}'\`);`, '`SELECT', {
      errors: [
        {
          messageId: 'dynamicSql',
          suggestions: [{ messageId: 'useTemplateTag', output: `${MSSQL}export const byName = (name: string) => sql.query<User>\`SELECT * FROM users WHERE name = \${name}\`;` }],
        },
      ],
    }),
    languageOptions: ts,
  },
  // Parameters already declared with `.input()`: no rewrite.
  invalid(`${MSSQL}export const f = (id, name) => pool.request().input('id', sql.Int, id).query(\`SELECT * FROM t WHERE id = @id AND name = '\${name}'\`);`, '`SELECT'),
  invalid(`${MSSQL}app.post('/drop', (req, res) => pool.request().batch(\`DROP TABLE \${req.body.table}\`));`, '`DROP', { messageId: 'requestInStructure' }),
  invalid(`${MSSQL}export async function prep(name) {\n  const ps = new sql.PreparedStatement(pool);\n  await ps.prepare(\`SELECT * FROM t WHERE name = '\${name}'\`);\n}`, '`SELECT'),
  // oracledb: bind variables as a suggestion (Oracle compares literals blank-padded).
  invalid(`${ORACLE}app.get('/emp', (req, res) => connection.execute(\`SELECT * FROM employees WHERE name = '\${req.query.name}'\`));`, '`SELECT', {
    errors: [
      {
        messageId: 'dynamicSql',
        suggestions: [
          {
            messageId: 'useParameters',
            output: `${ORACLE}app.get('/emp', (req, res) => connection.execute(\`SELECT * FROM employees WHERE name = :1\`, [String(req.query.name)]));`,
          },
        ],
      },
    ],
  }),
  {
    ...invalid(`${ORACLE_CJS}async function find(id) {\n  const pool = await oracledb.createPool(cfg);\n  const conn = await pool.getConnection();\n  return conn.execute('SELECT * FROM t WHERE id = ' + id, [], { autoCommit: false });\n}`, "'SELECT"),
    languageOptions: cjs,
  },
  {
    ...invalid(`${ORACLE}export const load = (table: string, rows: unknown[]) => connection.executeMany(\`INSERT INTO \${table} (a) VALUES (:a)\`, rows);`, '`INSERT', {
      messageId: 'codeInStructure',
      options: STRICT,
    }),
    languageOptions: ts,
  },
  // slonik `sql.raw` (before 20), slonik-sql-tag-raw `raw`.
  {
    ...invalid(`${SLONIK}export const f = (name) => pool.query(sql\`SELECT * FROM users WHERE \${sql.raw(\`name = '\${name}'\`)}\`);`, '`name'),
    output: `${SLONIK}export const f = (name) => pool.query(sql\`SELECT * FROM users WHERE \${sql.raw(\`name = $1\`, [String(name)])}\`);`,
  },
  {
    ...invalid(`const { sql } = require('slonik');\nrouter.get('/u', (req, res) => sql.raw('SELECT * FROM users ORDER BY ' + req.query.sort));`, "'SELECT", { messageId: 'requestInStructure' }),
    languageOptions: cjs,
  },
  {
    ...invalid(`import { raw } from 'slonik-sql-tag-raw';\nexport const drop = (token: string) => raw(\`DELETE FROM sessions WHERE token = '\${token}'\`);`, '`DELETE'),
    languageOptions: ts,
    output: `import { raw } from 'slonik-sql-tag-raw';\nexport const drop = (token: string) => raw(\`DELETE FROM sessions WHERE token = $1\`, [String(token)]);`,
  },
];

ruleTester.run('no-sql-injection', rule, {
  valid: [...valid, ...driverValid],
  invalid: [...invalidCases, ...structureCases, ...strongCases, ...driverInvalid],
});

ruleTester.run('no-sql-injection (messages)', rule, {
  valid: [],
  invalid: [
    {
      code: `${PGP}export const find = (name) => db.any(\`SELECT * FROM users WHERE name LIKE '%\${name}%'\`);`,
      errors: [
        {
          messageId: 'dynamicSql',
          data: { sink: 'pg-promise `any()`', values: '`name`', request: '', hint: '`$1` or `${name}` placeholders with a values array or object' },
        },
      ],
    },
    {
      code: `${PGP}app.get('/p', (req, res) => db.any('SELECT * FROM p ORDER BY $1:raw', [req.query.sort]));`,
      errors: [
        {
          messageId: 'requestInStructure',
          data: {
            sink: 'pg-promise `any()`',
            values: '`req.query.sort`',
            request: ' (`req.query.sort` comes from the request, written into the text unescaped by `$1:raw`)',
          },
        },
      ],
    },
    {
      code: `${MSSQL}export const f = (id) => new sql.Request(pool).query('SELECT * FROM t WHERE id = ' + id, () => {});`,
      errors: [
        {
          messageId: 'dynamicSql',
          data: {
            sink: 'mssql `query()`',
            values: '`id`',
            request: '',
            hint: '`request.input(name, type, value)` with `@name` in the text, or `query` called as a tagged template',
          },
        },
      ],
    },
    // A builder handed in as a parameter: recognised by the method's name, so no library is named.
    {
      code: `export function search(qb, term) {\n  return qb.whereRaw(\`name LIKE '%\${term}%'\`);\n}`,
      errors: [
        {
          messageId: 'dynamicSql',
          data: { sink: '`whereRaw()` (a raw-SQL method, recognised by its name)', values: '`term`', request: '', hint: '`?` placeholders with a values array' },
        },
      ],
    },
    {
      code: `${PG}app.get('/u/:id', (req, res) => pool.query(\`SELECT * FROM t WHERE id = '\${req.params.id}' AND x = '\${other}'\`));`,
      output: `${PG}app.get('/u/:id', (req, res) => pool.query(\`SELECT * FROM t WHERE id = $1 AND x = $2\`, [String(req.params.id), String(other)]));`,
      errors: [
        {
          messageId: 'dynamicSql',
          data: {
            sink: 'pg `query()`',
            values: '`req.params.id`, `other`',
            request: ' (`req.params.id` comes from the request)',
            hint: '`$1`, `$2` … with a values array',
          },
        },
      ],
    },
    {
      code: `${PG}app.get('/u', (req, res) => pool.query(\`SELECT * FROM users ORDER BY \${req.query.sort} LIMIT 10\`));`,
      errors: [
        {
          messageId: 'requestInStructure',
          data: { sink: 'pg `query()`', values: '`req.query.sort`', request: ' (`req.query.sort` comes from the request)' },
        },
      ],
    },
    {
      code: `${LOCAL_DB}export const resolvers = { Mutation: { rename: (_, args) => db.query(\`UPDATE \${args.table} SET name = 'x'\`) } };`,
      errors: [
        {
          messageId: 'requestInStructure',
          data: { sink: '`.query()`', values: '`args.table`', request: ' (`args.table` is a resolver argument the client sends)' },
        },
      ],
    },
    {
      code: `${PG}export function byId(table, id) { return pool.query(\`SELECT * FROM \${table} WHERE id = $1\`, [id]); }`,
      options: STRUCTURE,
      errors: [{ messageId: 'codeInStructure', data: { sink: 'pg `query()`', values: '`table`' } }],
    },
    {
      code: `${KNEX}export function mark(rows) {\n  const cases = rows.map((r) => \`WHEN '\${r.id}' THEN '\${r.at}'\`).join(' ');\n  return knex.raw(\`UPDATE t SET at = CASE id \${cases} END\`);\n}`,
      errors: [{ messageId: 'dynamicSql', data: { sink: 'Knex `raw()`', values: '`r.id`, `r.at`', request: '', hint: '`?` placeholders with a values array' } }],
    },
  ],
});
