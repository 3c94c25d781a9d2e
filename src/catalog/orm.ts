/**
 * ORM and query-builder entry points: which methods read, write or delete records, and where in
 * their arguments the id, the filter, the written data and the projection sit. Data only.
 */

export type OrmOperation = 'find' | 'findMany' | 'create' | 'update' | 'upsert' | 'delete' | 'save' | 'assign';

export type OrmLibrary = 'prisma' | 'mongoose' | 'sequelize' | 'typeorm' | 'drizzle' | 'knex' | 'mikro-orm';

/** How messages name each library, when a call was resolved to it by import. */
export const ORM_LIBRARY_NAMES: Readonly<Record<OrmLibrary, string>> = {
  prisma: 'Prisma',
  mongoose: 'Mongoose',
  sequelize: 'Sequelize',
  typeorm: 'TypeORM',
  drizzle: 'Drizzle',
  knex: 'Knex',
  'mikro-orm': 'MikroORM',
};

/** The noun for each operation in messages: "a Prisma update", "looks like an ORM query". */
export const ORM_OPERATION_NOUNS: Readonly<Record<OrmOperation, string>> = {
  find: 'query',
  findMany: 'query',
  create: 'create',
  update: 'update',
  upsert: 'upsert',
  delete: 'delete',
  save: 'save',
  assign: 'assignment',
};

/** Module specifiers per library, for resolving receivers by import. */
export const ORM_MODULES: Readonly<Record<OrmLibrary, readonly string[]>> = {
  prisma: ['@prisma/client', '.prisma/client'],
  mongoose: ['mongoose'],
  sequelize: ['sequelize', 'sequelize-typescript', '@sequelize/core'],
  typeorm: ['typeorm', '@nestjs/typeorm'],
  drizzle: [
    'drizzle-orm',
    'drizzle-orm/node-postgres',
    'drizzle-orm/postgres-js',
    'drizzle-orm/mysql2',
    'drizzle-orm/better-sqlite3',
    'drizzle-orm/libsql',
    'drizzle-orm/neon-http',
    'drizzle-orm/neon-serverless',
    'drizzle-orm/pg-core',
    'drizzle-orm/mysql-core',
    'drizzle-orm/sqlite-core',
  ],
  knex: ['knex'],
  'mikro-orm': ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/sqlite', '@mikro-orm/mongodb', '@mikro-orm/mariadb', '@mikro-orm/nestjs'],
};

/**
 * Where a method takes its parts, by argument index:
 * - `id`: a record id (or, when an object literal is found there, a filter);
 * - `filter`: a filter object (`{ email }`, TypeORM criteria, MikroORM `FilterQuery`);
 * - `options`: an options object whose `where` is the filter and whose projection key
 *   (`attributes`, `select`, `fields`) selects columns;
 * - `data`: the values written; `dataRest` — every argument from `data` on (TypeORM `merge`);
 * - `projection`: a projection argument (Mongoose `findById(id, 'name email')`).
 */
export interface OrmMethodSpec {
  operation: OrmOperation;
  id?: number;
  filter?: number;
  options?: number;
  data?: number;
  dataRest?: boolean;
  projection?: number;
}

/**
 * Prisma model delegate methods (`prisma.user.findUnique({ where, select })`): every argument is
 * one object; `where` is the filter, `data` (or `create`/`update` for `upsert`) the data,
 * `select`/`omit` the projection.
 */
export const PRISMA_METHODS: Readonly<Record<string, OrmOperation>> = {
  findUnique: 'find',
  findUniqueOrThrow: 'find',
  findFirst: 'find',
  findFirstOrThrow: 'find',
  findMany: 'findMany',
  count: 'findMany',
  aggregate: 'findMany',
  groupBy: 'findMany',
  create: 'create',
  createMany: 'create',
  createManyAndReturn: 'create',
  update: 'update',
  updateMany: 'update',
  updateManyAndReturn: 'update',
  upsert: 'upsert',
  delete: 'delete',
  deleteMany: 'delete',
};

/** Keys of a Prisma argument object that make the call recognisable on an unresolved client. */
export const PRISMA_ARGUMENT_KEYS: readonly string[] = ['where', 'data', 'select', 'include', 'omit', 'orderBy', 'take', 'skip', 'cursor', 'create', 'update', 'distinct'];

/** Prisma projection keys. */
export const PRISMA_PROJECTION_KEYS: readonly string[] = ['select', 'omit'];

/**
 * Mongoose model statics. `distinctive` methods exist on no other common API and count on any
 * receiver; the others need a receiver that looks like a model.
 */
export const MONGOOSE_STATICS: Readonly<Record<string, OrmMethodSpec & { distinctive?: boolean }>> = {
  findById: { operation: 'find', id: 0, projection: 1, distinctive: true },
  findOne: { operation: 'find', filter: 0, projection: 1 },
  find: { operation: 'findMany', filter: 0, projection: 1 },
  exists: { operation: 'find', filter: 0 },
  countDocuments: { operation: 'findMany', filter: 0 },
  findByIdAndUpdate: { operation: 'update', id: 0, data: 1, distinctive: true },
  findOneAndUpdate: { operation: 'update', filter: 0, data: 1, distinctive: true },
  findOneAndReplace: { operation: 'update', filter: 0, data: 1, distinctive: true },
  findByIdAndDelete: { operation: 'delete', id: 0, distinctive: true },
  findByIdAndRemove: { operation: 'delete', id: 0, distinctive: true },
  findOneAndDelete: { operation: 'delete', filter: 0, distinctive: true },
  findOneAndRemove: { operation: 'delete', filter: 0, distinctive: true },
  updateOne: { operation: 'update', filter: 0, data: 1 },
  updateMany: { operation: 'update', filter: 0, data: 1 },
  replaceOne: { operation: 'update', filter: 0, data: 1 },
  deleteOne: { operation: 'delete', filter: 0 },
  deleteMany: { operation: 'delete', filter: 0 },
  create: { operation: 'create', data: 0 },
  insertMany: { operation: 'create', data: 0, distinctive: true },
};

/** Mongoose query helpers whose argument is a projection (`User.findById(id).select('-password')`). */
export const MONGOOSE_PROJECTION_METHODS: readonly string[] = ['select', 'projection'];
/** Mongoose query methods that keep the query going (walked outward to find a projection). */
export const MONGOOSE_QUERY_METHODS: readonly string[] = [
  'select',
  'projection',
  'lean',
  'populate',
  'sort',
  'limit',
  'skip',
  'exec',
  'orFail',
  'session',
  'where',
  'equals',
  'collation',
  'hint',
  'read',
];

/** Sequelize model statics (`Model.findByPk(id, { attributes })`, `Model.update(data, { where })`). */
export const SEQUELIZE_STATICS: Readonly<Record<string, OrmMethodSpec & { distinctive?: boolean }>> = {
  findByPk: { operation: 'find', id: 0, options: 1, distinctive: true },
  findOne: { operation: 'find', options: 0 },
  findAll: { operation: 'findMany', options: 0, distinctive: true },
  findAndCountAll: { operation: 'findMany', options: 0, distinctive: true },
  findOrCreate: { operation: 'upsert', options: 0, distinctive: true },
  count: { operation: 'findMany', options: 0 },
  update: { operation: 'update', data: 0, options: 1 },
  destroy: { operation: 'delete', options: 0 },
  create: { operation: 'create', data: 0 },
  bulkCreate: { operation: 'create', data: 0, distinctive: true },
  upsert: { operation: 'upsert', data: 0 },
};

/** Sequelize projection option. */
export const SEQUELIZE_PROJECTION_KEYS: readonly string[] = ['attributes'];

/** Methods of a loaded record instance (Sequelize model instance, Mongoose document). */
export const INSTANCE_METHODS: Readonly<Record<string, OrmMethodSpec>> = {
  update: { operation: 'update', data: 0 },
  set: { operation: 'assign', data: 0 },
  save: { operation: 'save' },
  destroy: { operation: 'delete' },
  deleteOne: { operation: 'delete' },
  remove: { operation: 'delete' },
  overwrite: { operation: 'assign', data: 0 },
};

/** TypeORM `Repository` methods (`repo.findOne({ where, select })`, `repo.update(criteria, data)`). */
export const TYPEORM_REPOSITORY: Readonly<Record<string, OrmMethodSpec>> = {
  findOne: { operation: 'find', id: 0 },
  findOneOrFail: { operation: 'find', id: 0 },
  findOneBy: { operation: 'find', filter: 0 },
  findOneByOrFail: { operation: 'find', filter: 0 },
  findBy: { operation: 'findMany', filter: 0 },
  find: { operation: 'findMany', options: 0 },
  findAndCount: { operation: 'findMany', options: 0 },
  findAndCountBy: { operation: 'findMany', filter: 0 },
  findByIds: { operation: 'findMany', id: 0 },
  exists: { operation: 'find', options: 0 },
  existsBy: { operation: 'find', filter: 0 },
  count: { operation: 'findMany', options: 0 },
  countBy: { operation: 'findMany', filter: 0 },
  update: { operation: 'update', id: 0, data: 1 },
  delete: { operation: 'delete', id: 0 },
  softDelete: { operation: 'delete', id: 0 },
  restore: { operation: 'update', id: 0 },
  remove: { operation: 'delete', data: 0 },
  softRemove: { operation: 'delete', data: 0 },
  save: { operation: 'save', data: 0 },
  create: { operation: 'create', data: 0 },
  merge: { operation: 'assign', data: 1, dataRest: true },
  insert: { operation: 'create', data: 0 },
  preload: { operation: 'update', data: 0 },
  upsert: { operation: 'upsert', data: 0 },
};

/** TypeORM projection option. */
export const TYPEORM_PROJECTION_KEYS: readonly string[] = ['select'];

/**
 * Entity-manager methods that take the entity class first: TypeORM `manager.findOneBy(User, { id })`,
 * MikroORM `em.findOne(User, id)`, `em.assign(entity, data)`. Indexes count the entity argument.
 */
export const ENTITY_MANAGER_METHODS: Readonly<Record<string, OrmMethodSpec & { entityFirst: boolean }>> = {
  findOne: { operation: 'find', id: 1, projection: 2, entityFirst: true },
  findOneOrFail: { operation: 'find', id: 1, projection: 2, entityFirst: true },
  findOneBy: { operation: 'find', filter: 1, entityFirst: true },
  findOneByOrFail: { operation: 'find', filter: 1, entityFirst: true },
  find: { operation: 'findMany', id: 1, projection: 2, entityFirst: true },
  findBy: { operation: 'findMany', filter: 1, entityFirst: true },
  findAndCount: { operation: 'findMany', id: 1, projection: 2, entityFirst: true },
  count: { operation: 'findMany', filter: 1, entityFirst: true },
  create: { operation: 'create', data: 1, entityFirst: true },
  insert: { operation: 'create', data: 1, entityFirst: true },
  update: { operation: 'update', id: 1, data: 2, entityFirst: true },
  nativeUpdate: { operation: 'update', id: 1, data: 2, entityFirst: true },
  delete: { operation: 'delete', id: 1, entityFirst: true },
  nativeDelete: { operation: 'delete', id: 1, entityFirst: true },
  upsert: { operation: 'upsert', data: 1, entityFirst: true },
  merge: { operation: 'assign', data: 2, dataRest: true, entityFirst: true },
  assign: { operation: 'assign', data: 1, entityFirst: false },
  save: { operation: 'save', data: 0, entityFirst: false },
  persist: { operation: 'save', data: 0, entityFirst: false },
  persistAndFlush: { operation: 'save', data: 0, entityFirst: false },
  remove: { operation: 'delete', data: 0, entityFirst: false },
  removeAndFlush: { operation: 'delete', data: 0, entityFirst: false },
};

/** MikroORM / TypeORM manager projection options. */
export const MANAGER_PROJECTION_KEYS: readonly string[] = ['fields', 'exclude', 'select'];

/** Query-builder methods that narrow the query; their arguments are conditions. */
export const BUILDER_FILTER_METHODS: readonly string[] = [
  'where',
  'andWhere',
  'orWhere',
  'whereIn',
  'whereNot',
  'andWhereNot',
  'orWhereNot',
  'whereInIds',
  'andWhereInIds',
  'having',
];

/**
 * Query-builder chain methods (Knex, Drizzle, TypeORM QueryBuilder) that decide the operation and
 * where the written data sits.
 */
export const BUILDER_OPERATIONS: Readonly<Record<string, { operation: OrmOperation; data?: boolean }>> = {
  insert: { operation: 'create', data: true },
  values: { operation: 'create', data: true },
  update: { operation: 'update', data: true },
  set: { operation: 'update', data: true },
  del: { operation: 'delete' },
  delete: { operation: 'delete' },
  first: { operation: 'find' },
  getOne: { operation: 'find' },
  getOneOrFail: { operation: 'find' },
  getRawOne: { operation: 'find' },
  select: { operation: 'findMany' },
  getMany: { operation: 'findMany' },
  getRawMany: { operation: 'findMany' },
  getManyAndCount: { operation: 'findMany' },
  from: { operation: 'findMany' },
};

/** Builder methods that name the columns returned when given arguments. */
export const BUILDER_PROJECTION_METHODS: readonly string[] = ['select', 'first', 'returning', 'addSelect', 'pluck', 'column', 'columns'];

/** Drizzle relational query methods: `db.query.users.findFirst({ where, columns })`. */
export const DRIZZLE_QUERY_METHODS: Readonly<Record<string, OrmOperation>> = {
  findFirst: 'find',
  findMany: 'findMany',
};

/** Drizzle relational projection keys. */
export const DRIZZLE_PROJECTION_KEYS: readonly string[] = ['columns'];

/** Conventional names of record primary keys. */
export const ID_KEYS: readonly string[] = ['id', '_id', 'uuid', 'pk', 'guid'];

/** Nouns naming a person's or account's record: the head (last word) of a model, repository, table or variable name. */
export const ACCOUNT_ENTITY_NOUNS: readonly string[] = [
  'user',
  'account',
  'customer',
  'member',
  'admin',
  'administrator',
  'employee',
  'person',
  'people',
  'patient',
  'staff',
  'owner',
  'principal',
  'subscriber',
  'me',
];

/** Trailing words of data-access names that are not the entity: `userRepository`, `UserModel`, `usersService`. */
export const DATA_ACCESS_SUFFIXES: readonly string[] = [
  'model',
  'models',
  'repository',
  'repo',
  'service',
  'entity',
  'schema',
  'doc',
  'document',
  'record',
  'dao',
  'collection',
  'table',
  'delegate',
  'instance',
  'data',
  'store',
];
