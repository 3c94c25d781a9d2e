/**
 * SQL query sinks: where SQL text goes, per driver / ORM, and how that library takes values
 * separately from the text. Data only.
 */

/**
 * How a library marks a value in SQL text: `$1` (`dollar`), `?` (`question`), `:1` (`colon`,
 * Oracle binds by position), `@name` (`at`, SQL Server), or none usable in a rewrite.
 */
export type Placeholder = 'dollar' | 'question' | 'colon' | 'at' | 'none';

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
  /**
   * Methods of the receiver whose callback gets a connection like the receiver as its first
   * parameter and as `this` (pg-promise `db.task(t => t.one(…))`, `db.tx(…)`).
   */
  taskMethods?: readonly string[];
  /** Binding a string differs from a quoted literal in some comparison, so a rewrite is a suggestion, never an autofix. */
  bindDiffersFromLiteral?: boolean;
  /** A function where the values go is itself a value (pg-promise calls it): values are never inserted before it. */
  functionIsValue?: boolean;
  /** The library formats its own placeholders into the text before sending it (pg-promise), with filters that insert raw text. */
  formatsPlaceholders?: 'pg-promise';
  /** How to pass values, for messages, when the params style alone does not say it. */
  hint?: string;
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
  // pg-promise: methods of the database and of task / transaction contexts. Names such as `one`,
  // `any`, `map` count only on a receiver resolved by import or a task context (they are not in
  // UNRESOLVED_QUERY_METHODS); `db.stream(new QueryStream(text))` takes its text in pg-query-stream.
  {
    library: 'pg-promise',
    modules: ['pg-promise'],
    methods: ['query', 'none', 'one', 'many', 'oneOrNone', 'manyOrNone', 'any', 'result', 'multi', 'multiResult', 'each', 'map'],
    taskMethods: ['task', 'tx', 'taskIf', 'txIf'],
    functionIsValue: true,
    formatsPlaceholders: 'pg-promise',
    placeholder: 'dollar',
    params: 'values-argument',
    hint: '`$1` or `${name}` placeholders with a values array or object',
  },
  {
    // `db.func(name, values)` runs `SELECT * FROM name(values)`: the name is written into the text as it is.
    library: 'pg-promise',
    modules: ['pg-promise'],
    methods: ['func', 'proc'],
    taskMethods: ['task', 'tx', 'taskIf', 'txIf'],
    placeholder: 'none',
    params: 'none',
    hint: 'a fixed function name, with the arguments in the values array',
  },
  {
    library: 'pg-promise',
    modules: ['pg-promise'],
    functions: [['as', 'format'], ['()', 'as', 'format']],
    functionIsValue: true,
    formatsPlaceholders: 'pg-promise',
    placeholder: 'dollar',
    params: 'values-argument',
    hint: '`$1` or `${name}` placeholders with a values array or object',
  },
  {
    library: 'mssql',
    modules: ['mssql', 'mssql/msnodesqlv8'],
    methods: ['query', 'batch'],
    placeholder: 'at',
    params: 'tagged-template',
    taggedReplacement: { query: 'query', batch: 'batch' },
    hint: '`request.input(name, type, value)` with `@name` in the text, or `query` called as a tagged template',
  },
  {
    library: 'mssql',
    modules: ['mssql', 'mssql/msnodesqlv8'],
    methods: ['prepare'],
    placeholder: 'at',
    params: 'none',
    hint: '`ps.input(name, type)` with `@name` in the text and the values given to `execute()`',
  },
  {
    library: 'oracledb',
    modules: ['oracledb'],
    methods: ['execute', 'queryStream'],
    // Oracle compares a literal with blank-padded semantics and a bound string without.
    bindDiffersFromLiteral: true,
    placeholder: 'colon',
    params: 'values-argument',
    hint: '`:name` or `:1` bind variables with a binds object or array',
  },
  {
    library: 'oracledb',
    modules: ['oracledb'],
    methods: ['executeMany'],
    placeholder: 'none',
    params: 'none',
    hint: '`:name` or `:1` bind variables with the binds of each row',
  },
  // slonik before 20 only (`sql.raw` was removed in 20 for the `raw` of slonik-sql-tag-raw). Every
  // `sql` tag of slonik, `sql.unsafe` included, binds each `${}` as a parameter.
  { library: 'slonik', modules: ['slonik'], functions: [['sql', 'raw']], placeholder: 'dollar', params: 'values-argument' },
  { library: 'slonik-sql-tag-raw', modules: ['slonik-sql-tag-raw'], functions: [['raw']], placeholder: 'dollar', params: 'values-argument' },
  {
    library: 'MikroORM',
    modules: ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/mariadb', '@mikro-orm/sqlite', '@mikro-orm/knex'],
    methods: ['execute'],
    placeholder: 'question',
    params: 'values-argument',
  },
];

/** Method names that, on a receiver no import explains, still suggest a query call when the text reads as SQL. */
export const UNRESOLVED_QUERY_METHODS: readonly string[] = [
  'query',
  'execute',
  'raw',
  'unsafe',
  'exec',
  'run',
  'all',
  'prepare',
  // pg-promise's own names, rare elsewhere (its `one`, `any`, `none`, `map`… need the import).
  'oneOrNone',
  'manyOrNone',
  'multiResult',
];

/** Escapers whose output is safe to place in SQL text: `mysql.escape(x)`, `client.escapeIdentifier(x)`. */
export interface SqlEscaper {
  modules: readonly string[];
  /** Export or method names (on the module or anything derived from it). */
  names: readonly string[];
  /** The name must be reached through this property (`pgp.as.name`, not `db.name`). */
  under?: string;
  /** An argument at this index other than `false` asks for the text unescaped (`as.text(v, true)`). */
  rawFlagAt?: number;
}

export const SQL_ESCAPERS: readonly SqlEscaper[] = [
  { modules: ['mysql', 'mysql2', 'mysql2/promise', 'sqlstring'], names: ['escape', 'escapeId', 'format'] },
  { modules: ['pg'], names: ['escapeIdentifier', 'escapeLiteral'] },
  { modules: ['pg-format'], names: ['ident', 'literal', 'quoteIdent', 'quoteLiteral'] },
  { modules: ['sequelize', '@sequelize/core'], names: ['escape'] },
  // pg-promise: `pgp.as.name(col)`, `as.format(text, values)`, and the SQL its helpers generate
  // (`pgp.helpers.insert(rows, columnSet)`), which escape every name and value they write.
  {
    modules: ['pg-promise'],
    names: ['name', 'alias', 'value', 'number', 'bool', 'array', 'csv', 'format'],
    under: 'as',
  },
  { modules: ['pg-promise'], names: ['text', 'json', 'date', 'buffer'], under: 'as', rawFlagAt: 1 },
  { modules: ['pg-promise'], names: ['insert', 'update', 'values', 'sets', 'concat'], under: 'helpers' },
];

/** Method names that escape for SQL on any receiver (`connection.escapeId(col)`, `db.escape(v)`). */
export const SQL_ESCAPER_METHODS: readonly string[] = ['escape', 'escapeId', 'escapeIdentifier', 'escapeLiteral'];
