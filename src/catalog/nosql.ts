/**
 * MongoDB query entry points (the `mongodb` driver's collections and Mongoose models) and the
 * query operators whose operand is code or a pattern. Data only.
 */

/** Modules whose collections and models run MongoDB queries. */
export const MONGODB_DRIVER_MODULES: readonly string[] = ['mongodb'];
export const MONGOOSE_MODULES: readonly string[] = ['mongoose'];

/**
 * Where a query method takes its filter, by argument index. `id`: the argument is a record id that
 * becomes `{ _id: value }` (Mongoose `findById`), so it is judged as a filter value.
 */
export interface NosqlMethodSpec {
  filter?: number;
  id?: number;
  /** An aggregation pipeline (`aggregate([{ $match }])`). */
  pipeline?: number;
  /** Argument indexes holding JavaScript run by the server (`mapReduce(map, reduce)`). */
  code?: readonly number[];
}

/** Methods of a `mongodb` collection and of a Mongoose model (and query) that take a filter. */
export const NOSQL_METHODS: Readonly<Record<string, NosqlMethodSpec>> = {
  find: { filter: 0 },
  findOne: { filter: 0 },
  countDocuments: { filter: 0 },
  count: { filter: 0 },
  exists: { filter: 0 },
  distinct: { filter: 1 },
  deleteOne: { filter: 0 },
  deleteMany: { filter: 0 },
  remove: { filter: 0 },
  updateOne: { filter: 0 },
  updateMany: { filter: 0 },
  update: { filter: 0 },
  replaceOne: { filter: 0 },
  findOneAndUpdate: { filter: 0 },
  findOneAndDelete: { filter: 0 },
  findOneAndReplace: { filter: 0 },
  findOneAndRemove: { filter: 0 },
  findById: { id: 0 },
  findByIdAndUpdate: { id: 0 },
  findByIdAndDelete: { id: 0 },
  findByIdAndRemove: { id: 0 },
  aggregate: { pipeline: 0 },
  mapReduce: { code: [0, 1] },
};

/**
 * Methods only Mongoose models (or MongoDB collections) have: on a model-like receiver imported
 * from the project's own modules they identify a Mongoose model without the file importing
 * `mongoose`.
 */
export const DISTINCTIVE_MONGOOSE_METHODS: ReadonlySet<string> = new Set([
  'findById',
  'findByIdAndUpdate',
  'findByIdAndDelete',
  'findByIdAndRemove',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndRemove',
  'countDocuments',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'replaceOne',
  'mapReduce',
]);

/**
 * Keys of an argument object that mark another ORM's query: `{ where }` (Sequelize, TypeORM,
 * Prisma, Waterline), Bookshelf options (`{ withRelated, transacting }`).
 */
export const OTHER_ORM_ARGUMENT_KEYS: readonly string[] = ['where', 'include', 'attributes', 'relations', 'select', 'order', 'orderBy', 'limit', 'offset', 'raw', 'transaction', 'withRelated', 'transacting', 'require', 'columns', 'context'];

/** Modules of other ORMs: a file loading one of them may call `User.findOne()` on one of their models. */
export const OTHER_ORM_MODULES: readonly string[] = ['sequelize', 'sequelize-typescript', 'typeorm', '@prisma/client', '@mikro-orm/core', 'objection', 'bookshelf', 'waterline'];

/** Query operators whose operand is JavaScript the server runs. */
export const CODE_OPERATORS: ReadonlySet<string> = new Set(['$where', '$function', '$accumulator']);

/** The operator whose operand is a regular expression. */
export const REGEX_OPERATOR = '$regex';

/** Operators whose operands are further filters or expressions (looked into). */
export const NESTING_OPERATORS: ReadonlySet<string> = new Set(['$and', '$or', '$nor', '$not', '$elemMatch', '$expr']);

/** The pipeline stage that holds a filter. */
export const MATCH_STAGE = '$match';

/**
 * Middleware that strips `$`- and `.`-keys from `req.body`, `req.query`, `req.params` and headers
 * for every later handler: loaded in a file, the file's request values cannot carry operators.
 */
export const SANITIZING_MIDDLEWARE_MODULES: readonly string[] = ['express-mongo-sanitize', '@exortek/express-mongo-sanitize', 'mongo-sanitize-middleware'];

/** Regular-expression escapers: their result matches its input literally. */
export const REGEX_ESCAPERS: readonly { modules: readonly string[]; path: readonly string[] }[] = [
  { modules: ['escape-string-regexp'], path: [] },
  { modules: ['lodash', 'lodash-es', 'underscore.string'], path: ['escapeRegExp'] },
  { modules: ['lodash.escaperegexp', 'lodash/escapeRegExp'], path: [] },
  { modules: ['escape-regexp', 'escape-regex-string', 'regexp.escape'], path: [] },
];

/** Names of functions the project writes to escape a pattern (`escapeRegex`, `escapeRegExp`, `regexEscape`). */
export const REGEX_ESCAPER_NAME = /^(?:escape_?reg_?exp?|escape_?regex(?:p|string)?|reg_?exp?_?escape|regex_?escape|escape_?string_?reg_?exp?|quote_?reg_?exp?|sanitize_?regexp?|escape_?pattern)$/i;
