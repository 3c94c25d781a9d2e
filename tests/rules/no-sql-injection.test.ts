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

const valid: (string | ValidTestCase<Options>)[] = [
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
  invalid(`${PG}pool.query(\`SELECT * FROM t ORDER BY \${req.query.sort}\`);`, '`SELECT'),
  invalid(`${PG}pool.query(\`SELECT * FROM \${table} WHERE id = $1\`, [id]);`, '`SELECT'),
  invalid(`${PG}pool.query({ text: \`SELECT * FROM t WHERE id = '\${id}'\` });`, '`SELECT'),
  // Request data as the whole statement.
  invalid(`${PG}app.post('/q', (req, res) => pool.query(req.body.sql));`, 'req.body.sql)'),
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
  invalid(`${KNEX}knex.raw('select * from users order by ' + sort);`, "'select"),
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
  invalid(`import { sql } from 'kysely';\nsql.raw('order by ' + column);`, "'order"),
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
  invalid(`${PG}const cols = req.query.fields.split(',');\npool.query(\`SELECT \${cols.join(', ')} FROM users\`);`, '`SELECT'),
  invalid(`${PG}const sets = Object.keys(req.body).map((k, i) => \`\${k} = $\${i + 1}\`);\npool.query(\`UPDATE users SET \${sets.join(', ')}\`, Object.values(req.body));`, '`UPDATE'),
  invalid(`${PG}const parts = [];\naddFilters(parts, req.query);\npool.query('SELECT * FROM t WHERE ' + parts.join(' AND '));`, "'SELECT"),
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

ruleTester.run('no-sql-injection', rule, { valid, invalid: invalidCases });

ruleTester.run('no-sql-injection (messages)', rule, {
  valid: [],
  invalid: [
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
  ],
});
