/**
 * SQL query sinks: where SQL text goes, per driver / ORM, and how that library takes values
 * separately from the text. Data only.
 */

/** How a library marks a value in SQL text. */
export type Placeholder = 'dollar' | 'question' | 'none';

/**
 * How values travel beside the text:
 * - `values-argument`: `query(text, values[, callback])`;
 * - `replacements-option`: `sequelize.query(text, { replacements: values })`;
 * - `prepared-call`: `db.prepare(text).get(...values)` (better-sqlite3);
 * - `tagged-template`: the library has a parameterising tagged template to use instead;
 * - `none`: values cannot be passed here (the call runs text only).
 */
export type ParamsStyle = 'values-argument' | 'replacements-option' | 'prepared-call' | 'tagged-template' | 'none';

export interface SqlSink {
  /** Name used in messages. */
  library: string;
  /** Module specifiers whose exports, instances and chains reach the sink. */
  modules: readonly string[];
  /** Method names called on any value derived from those modules. */
  methods?: readonly string[];
  /** Export paths called directly: `['sql', 'raw']` for `sql.raw(text)`. */
  functions?: readonly (readonly string[])[];
  /** The methods are distinctive enough to count on a receiver that cannot be resolved. */
  anyReceiver?: boolean;
  /** The methods count on an unresolved receiver whose call chain includes this method (`createQueryBuilder`). */
  chainIncludes?: string;
  placeholder: Placeholder;
  params: ParamsStyle;
  /** For `tagged-template`: the tagged method that replaces each method. */
  taggedReplacement?: Readonly<Record<string, string>>;
}

export const SQL_SINKS: readonly SqlSink[] = [
  { library: 'pg', modules: ['pg', 'pg-pool'], methods: ['query'], placeholder: 'dollar', params: 'values-argument' },
  { library: 'mysql', modules: ['mysql'], methods: ['query'], placeholder: 'question', params: 'values-argument' },
  {
    library: 'mysql2',
    modules: ['mysql2', 'mysql2/promise'],
    methods: ['query', 'execute'],
    placeholder: 'question',
    params: 'values-argument',
  },
  {
    library: 'sqlite3',
    modules: ['sqlite3', 'sqlite'],
    methods: ['run', 'get', 'all', 'each', 'prepare'],
    placeholder: 'question',
    params: 'values-argument',
  },
  { library: 'sqlite3', modules: ['sqlite3', 'sqlite'], methods: ['exec'], placeholder: 'question', params: 'none' },
  { library: 'better-sqlite3', modules: ['better-sqlite3'], methods: ['prepare'], placeholder: 'question', params: 'prepared-call' },
  { library: 'better-sqlite3', modules: ['better-sqlite3', 'node:sqlite'], methods: ['exec'], placeholder: 'question', params: 'none' },
  { library: 'node:sqlite', modules: ['node:sqlite'], methods: ['prepare'], placeholder: 'question', params: 'prepared-call' },
  {
    library: 'Sequelize',
    modules: ['sequelize', '@sequelize/core'],
    methods: ['query'],
    placeholder: 'question',
    params: 'replacements-option',
  },
  {
    library: 'Knex',
    modules: ['knex'],
    methods: [
      'raw',
      'whereRaw',
      'orWhereRaw',
      'andWhereRaw',
      'whereNotRaw',
      'havingRaw',
      'orHavingRaw',
      'joinRaw',
      'orderByRaw',
      'groupByRaw',
      'fromRaw',
      'onRaw',
    ],
    placeholder: 'question',
    params: 'values-argument',
  },
  {
    library: 'Knex',
    modules: ['knex'],
    methods: ['whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'joinRaw', 'orderByRaw', 'groupByRaw'],
    anyReceiver: true,
    placeholder: 'question',
    params: 'values-argument',
  },
  { library: 'TypeORM', modules: ['typeorm'], methods: ['query'], placeholder: 'none', params: 'values-argument' },
  {
    library: 'TypeORM QueryBuilder',
    modules: ['typeorm'],
    methods: ['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving', 'orderBy', 'addOrderBy', 'groupBy', 'addGroupBy'],
    chainIncludes: 'createQueryBuilder',
    placeholder: 'none',
    params: 'none',
  },
  {
    library: 'Prisma',
    modules: ['@prisma/client'],
    methods: ['$queryRawUnsafe', '$executeRawUnsafe'],
    anyReceiver: true,
    placeholder: 'none',
    params: 'tagged-template',
    taggedReplacement: { $queryRawUnsafe: '$queryRaw', $executeRawUnsafe: '$executeRaw' },
  },
  { library: 'Drizzle', modules: ['drizzle-orm'], functions: [['sql', 'raw']], placeholder: 'none', params: 'none' },
  { library: 'Kysely', modules: ['kysely'], functions: [['sql', 'raw']], placeholder: 'none', params: 'none' },
  { library: 'postgres.js', modules: ['postgres'], methods: ['unsafe'], placeholder: 'dollar', params: 'values-argument' },
  {
    library: 'MikroORM',
    modules: ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/mariadb', '@mikro-orm/sqlite', '@mikro-orm/knex'],
    methods: ['execute'],
    placeholder: 'question',
    params: 'values-argument',
  },
];

/** Method names that, on a receiver no import explains, still suggest a query call when the text reads as SQL. */
export const UNRESOLVED_QUERY_METHODS: readonly string[] = ['query', 'execute', 'raw', 'unsafe', 'exec', 'run', 'all', 'prepare'];

/** Escapers whose output is safe to place in SQL text: `mysql.escape(x)`, `client.escapeIdentifier(x)`. */
export interface SqlEscaper {
  modules: readonly string[];
  /** Export or method names (on the module or anything derived from it). */
  names: readonly string[];
}

export const SQL_ESCAPERS: readonly SqlEscaper[] = [
  { modules: ['mysql', 'mysql2', 'mysql2/promise', 'sqlstring'], names: ['escape', 'escapeId', 'format'] },
  { modules: ['pg'], names: ['escapeIdentifier', 'escapeLiteral'] },
  { modules: ['pg-format'], names: ['ident', 'literal', 'quoteIdent', 'quoteLiteral'] },
  { modules: ['sequelize', '@sequelize/core'], names: ['escape'] },
];

/** Method names that escape for SQL on any receiver (`connection.escapeId(col)`, `db.escape(v)`). */
export const SQL_ESCAPER_METHODS: readonly string[] = ['escape', 'escapeId', 'escapeIdentifier', 'escapeLiteral'];
