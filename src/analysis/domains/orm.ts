import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  ACCOUNT_ENTITY_NOUNS,
  DATA_ACCESS_SUFFIXES,
  ORM_MODULES,
  PRISMA_METHODS,
  PRISMA_ARGUMENT_KEYS,
  PRISMA_PROJECTION_KEYS,
  MONGOOSE_STATICS,
  MONGOOSE_PROJECTION_METHODS,
  MONGOOSE_QUERY_METHODS,
  SEQUELIZE_STATICS,
  SEQUELIZE_PROJECTION_KEYS,
  INSTANCE_METHODS,
  TYPEORM_REPOSITORY,
  TYPEORM_PROJECTION_KEYS,
  ENTITY_MANAGER_METHODS,
  MANAGER_PROJECTION_KEYS,
  BUILDER_FILTER_METHODS,
  BUILDER_OPERATIONS,
  BUILDER_PROJECTION_METHODS,
  DRIZZLE_QUERY_METHODS,
  DRIZZLE_PROJECTION_KEYS,
  ORM_LIBRARY_NAMES,
  ORM_OPERATION_NOUNS,
  type OrmLibrary,
  type OrmMethodSpec,
  type OrmOperation,
} from '../../catalog/orm.js';
import { calleeName, findVar, getProperty, memberName, singleValue, unwrap } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { resolveModule, type ModuleRef } from '../core/modules.js';
import { nameWords } from '../core/names.js';

export type { OrmOperation, OrmLibrary } from '../../catalog/orm.js';

type Node = TSESTree.Node;

/**
 * One recognised ORM / query-builder operation.
 *
 * How calls are recognised, most certain first:
 * 1. by import: the receiver resolves (`resolveModule`) to an ORM package (`new PrismaClient()`,
 *    `mongoose.model()`, `dataSource.getRepository()` from `typeorm`, `knex()`, `drizzle()`…);
 * 2. by precise shape when models come from local modules:
 *    Prisma `<client>.<model>.<method>({ where | data | select … })` (a lower-case delegate and a
 *    single object argument, or a client named like `prisma`/`db`/`tx`);
 *    Mongoose/Sequelize statics on a model-like receiver (an upper-case identifier such as `User`,
 *    `db.User`, `this.userModel`), with methods only one library has (`findById`,
 *    `findByIdAndUpdate`, `findByPk`, `bulkCreate`…) counting on any receiver;
 *    TypeORM repositories named `*Repository`/`*Repo` or made by `getRepository()`;
 *    entity managers `em`/`manager` with the entity class as first argument;
 *    builder chains: Knex `knex('table')…`, Drizzle `db.select().from(t)…`, TypeORM
 *    `createQueryBuilder()…` — reported once, on the outermost call of the chain;
 *    instance methods (`record.update(data)`, `doc.set(data)`, `doc.save()`) on a variable
 *    holding the result of a recognised find or create.
 *
 * `recognisedBy` records which: only an `import` match makes `library` known. A shape match's
 * `library` is the best guess that decides how the arguments are read, and is never shown to the
 * user (`describeOrm` words messages accordingly).
 */
export interface OrmCall {
  /** The library, known when `recognisedBy` is `import`, otherwise the library whose shape matched. */
  library: string;
  /** How the call was recognised. */
  recognisedBy: OrmEvidence;
  operation: OrmOperation;
  node: TSESTree.CallExpression;
  /** The method as written (`findUnique`, `findByIdAndUpdate`; for builder chains the method that decides the operation). */
  method: string;
  /** The record id when it is passed positionally (`findById(id)`, `findByPk(id)`, `em.findOne(User, id)`). */
  idArg?: Node;
  /** The filter: Prisma/Sequelize/TypeORM `where`, a Mongoose filter, TypeORM `findOneBy(filter)`, builder `where` arguments (the params object of `where('x.id = :id', { id })`). */
  filterArg?: Node;
  /** Every condition node the query is narrowed by (all `where`-like arguments of a chain, the filter, the id). */
  conditions: Node[];
  /** The data written (the `create` branch for upserts). */
  dataArg?: Node;
  /** Every data node written (`upsert` gives `create` and `update`; TypeORM `merge` gives each source). */
  dataArgs: Node[];
  /** Whether the query names the returned fields. */
  projection?: 'explicit' | 'none';
  /** For instance methods: the record the method is called on. */
  record?: Node;
}

/**
 * How an ORM call was recognised:
 * - `import`: the receiver resolves to the library's module (`resolveModule`), directly or through a
 *   class member whose declared type or injection decorator is imported from it
 *   (`@InjectRepository(User) private repo: Repository<User>` with `Repository` from `typeorm`), or
 *   the call is an instance method of a record loaded by such a call. The library is known.
 * - anything else is a shape match, and names the shape: `prisma-delegate`
 *   (`<client>.<model>.findUnique({ where })`), `drizzle-query` (`db.query.users.findFirst()`),
 *   `entity-manager` (`em.findOne(User, id)`), `repository` (a receiver named `*Repository`/`*Repo`
 *   or made by `getRepository()`), `model-static` (`User.findById(id)` on a model-like receiver),
 *   `builder-chain` (`knex('t').where(…)` without a resolved `knex`), `saved-model` (`new User(data)`
 *   saved later). The library is a guess: a local `tasksRepository` may wrap Knex.
 */
export type OrmEvidence =
  | 'import'
  | 'prisma-delegate'
  | 'drizzle-query'
  | 'entity-manager'
  | 'repository'
  | 'model-static'
  | 'builder-chain'
  | 'saved-model';

/** `new Model(data)` of a Mongoose model. */
export interface OrmConstruction {
  library: string;
  /** `import` when the model resolves to `mongoose`; `saved-model` for a local model-like class whose instance is saved. */
  recognisedBy: 'import' | 'saved-model';
  operation: 'create';
  node: TSESTree.NewExpression;
  method: 'new';
  dataArg?: Node;
  dataArgs: Node[];
}

/**
 * The library's name for messages (`Prisma`, `TypeORM`), or null when the call was recognised by
 * shape: a message names only a library the call was resolved to by import.
 */
export function ormLibraryName(call: OrmCall | OrmConstruction): string | null {
  if (call.recognisedBy !== 'import') return null;
  return own(ORM_LIBRARY_NAMES, call.library) ?? null;
}

/**
 * How a message refers to a recognised ORM call, naming the library only when it was resolved by
 * import, and saying that a shape match is one:
 * - `call`: "Prisma `update()`" / "`update()` (looks like an ORM update)";
 * - `kind`: "a Prisma update" / "looks like an ORM update";
 * - `result`: "a Prisma `findUnique()` result" / "looks like an ORM `findUnique()` result".
 * A construction (`new User(data)`) is "a new Mongoose record" / "looks like a new ORM record" in every form.
 */
export function describeOrm(call: OrmCall | OrmConstruction, form: 'call' | 'kind' | 'result'): string {
  const name = ormLibraryName(call);
  if (call.node.type === AST_NODE_TYPES.NewExpression) return name ? `a new ${name} record` : 'looks like a new ORM record';
  const method = `\`${call.method}()\``;
  const noun = ORM_OPERATION_NOUNS[call.operation];
  switch (form) {
    case 'call':
      return name ? `${name} ${method}` : `${method} (looks like an ORM ${noun})`;
    case 'kind':
      return name ? `a ${name} ${noun}` : `looks like an ORM ${noun}`;
    case 'result':
      return name ? `a ${name} ${method} result` : `looks like an ORM ${method} result`;
  }
}

const JS_GLOBALS = new Set([
  'Object',
  'Array',
  'Promise',
  'Reflect',
  'JSON',
  'Math',
  'Date',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'Error',
  'RegExp',
  'Intl',
  'Buffer',
  'URL',
  'Proxy',
  'Atomics',
  'BigInt',
]);

const getCache = perFileCache(() => ({
  calls: new Map<TSESTree.CallExpression, OrmCall | null>(),
  imports: null as Set<OrmLibrary> | null,
  /** Whether the file's text names any ORM package (computed on first use). */
  mentionsOrm: null as boolean | null,
  mentionsMongoose: null as boolean | null,
  /** Class members' declarations (declared type, decorators), per class body (`private repo: Repository<User>`). */
  memberTypes: new Map<TSESTree.ClassBody, Map<string, MemberDeclaration>>(),
}));

/**
 * Whether the file's text names an ORM package at all. Module specifiers are string literals, so
 * in a file whose text names none, no expression resolves to an ORM module.
 */
function mentionsOrm(sourceCode: SourceCode): boolean {
  const cache = getCache(sourceCode);
  if (cache.mentionsOrm === null) cache.mentionsOrm = ORM_PACKAGE_WORDS.test(sourceCode.text);
  return cache.mentionsOrm;
}


const hasOwn = Object.prototype.hasOwnProperty;

/** The entry of a method table for `key`, ignoring inherited names (`toString`, `constructor`). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn.call(table, key) ? table[key] : undefined;
}

/** Every ORM module specifier (`ORM_MODULES`, and their subpaths) contains one of these words. */
const ORM_PACKAGE_WORDS = /prisma|mongoose|sequelize|typeorm|drizzle|knex|mikro-orm/;

/** Method names that make a call an ORM operation on their own (all but builder chains). */
const DIRECT_METHODS: ReadonlySet<string> = new Set([
  ...Object.keys(PRISMA_METHODS),
  ...Object.keys(DRIZZLE_QUERY_METHODS),
  ...Object.keys(ENTITY_MANAGER_METHODS),
  ...Object.keys(TYPEORM_REPOSITORY),
  ...Object.keys(MONGOOSE_STATICS),
  ...Object.keys(SEQUELIZE_STATICS),
  ...Object.keys(INSTANCE_METHODS),
  'assign',
]);
/** Builder chain methods one of which a chain must call to be a query. */
const BUILDER_METHODS: ReadonlySet<string> = new Set([...Object.keys(BUILDER_OPERATIONS), ...BUILDER_FILTER_METHODS]);
const BUILDER_FILTERS: ReadonlySet<string> = new Set(BUILDER_FILTER_METHODS);
const BUILDER_PROJECTIONS: ReadonlySet<string> = new Set(BUILDER_PROJECTION_METHODS);
const MONGOOSE_QUERY: ReadonlySet<string> = new Set(MONGOOSE_QUERY_METHODS);
const MONGOOSE_PROJECTIONS: ReadonlySet<string> = new Set(MONGOOSE_PROJECTION_METHODS);

/**
 * Cheap test that `node` may end a builder chain (`knex('t').where(…)`): it is the outermost call of
 * a member-call chain without `await` inside, and some method of the chain narrows or decides a query.
 */
function mayBeBuilderChain(node: TSESTree.CallExpression): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    return false;
  }
  let found = false;
  let current: Node = node;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const c = unwrap(current.callee);
    if (c.type !== AST_NODE_TYPES.MemberExpression) break;
    const name = memberName(c);
    if (name === null) return false;
    if (!found && BUILDER_METHODS.has(name)) found = true;
    current = unwrap(c.object);
    if (current.type === AST_NODE_TYPES.AwaitExpression) return false;
  }
  return found;
}

/** The ORM operation `node` performs, or null when it is not one this file shows to be an ORM call. Cached per file. */
/** A cheap pre-check: false when no ORM table names this call's method or chain, so `ormCall` is null. */
export function mayBeOrmCall(node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return method !== null && (DIRECT_METHODS.has(method) || mayBeBuilderChain(node));
}

export function ormCall(node: TSESTree.CallExpression, sourceCode: SourceCode): OrmCall | null {
  // Cheapest first: only member calls whose method (or chain) an ORM table names can be one.
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null || (!DIRECT_METHODS.has(method) && !mayBeBuilderChain(node))) return null;
  const cache = getCache(sourceCode).calls;
  const known = cache.get(node);
  if (known !== undefined) return known;
  cache.set(node, null);
  const result = compute(node, method, unwrap(callee.object), sourceCode);
  cache.set(node, result);
  return result;
}

/** `new User(req.body)` where `User` is a Mongoose model (by import, or a local model whose instance is saved). */
export function ormNew(node: TSESTree.NewExpression, sourceCode: SourceCode): OrmConstruction | null {
  const callee = unwrap(node.callee);
  // Only a file that names `mongoose` can import a Mongoose model constructor.
  const ref = mentionsMongoose(sourceCode) ? resolveModule(callee, sourceCode) : null;
  let recognisedBy: OrmConstruction['recognisedBy'] | null = null;
  if (ref && ORM_MODULES.mongoose.includes(ref.module) && ref.path.includes('model')) recognisedBy = 'import';
  else if (ref && ORM_MODULES.mongoose.includes(ref.module)) return null;
  else if (isSaved(node, sourceCode) && isModelLike(callee, sourceCode)) recognisedBy = 'saved-model';
  if (!recognisedBy) return null;
  const arg = node.arguments[0];
  const dataArg = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : undefined;
  return { library: 'mongoose', recognisedBy, operation: 'create', node, method: 'new', dataArg, dataArgs: dataArg ? [dataArg] : [] };
}

/** Libraries this file imports (any ORM module). */
function importedLibraries(sourceCode: SourceCode): Set<OrmLibrary> {
  const cache = getCache(sourceCode);
  if (cache.imports) return cache.imports;
  const found = new Set<OrmLibrary>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    for (const [lib, modules] of Object.entries(ORM_MODULES) as [OrmLibrary, readonly string[]][]) {
      if (modules.includes(statement.source.value) || statement.source.value.startsWith(`${modules[0]}/`)) found.add(lib);
    }
  }
  cache.imports = found;
  return found;
}

/** The ORM library an expression resolves to by import; skips resolution in files that name no ORM package. */
/** Whether the file's text names `mongoose` (which every Mongoose module specifier contains). */
function mentionsMongoose(sourceCode: SourceCode): boolean {
  const cache = getCache(sourceCode);
  if (cache.mentionsMongoose === null) cache.mentionsMongoose = sourceCode.text.includes('mongoose');
  return cache.mentionsMongoose;
}

function libraryOfNode(node: Node, sourceCode: SourceCode): OrmLibrary | null {
  if (!mentionsOrm(sourceCode)) return null;
  return libraryOf(resolveModule(node, sourceCode));
}

function libraryOf(ref: ModuleRef | null): OrmLibrary | null {
  if (!ref) return null;
  for (const [lib, modules] of Object.entries(ORM_MODULES) as [OrmLibrary, readonly string[]][]) {
    if (modules.includes(ref.module) || ref.module.startsWith(`${modules[0]}/`)) return lib;
  }
  return null;
}

function args(node: TSESTree.CallExpression): (Node | undefined)[] {
  return node.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? undefined : a));
}

/** An object literal at `node`, directly or through a `const`. */
export function objectLiteralOf(node: Node | undefined, sourceCode: SourceCode): TSESTree.ObjectExpression | null {
  if (!node) return null;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return target;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable && singleValue(variable);
    if (value && value.path.length === 0) {
      const init = unwrap(value.init);
      if (init.type === AST_NODE_TYPES.ObjectExpression) return init;
    }
  }
  return null;
}

function propValue(object: TSESTree.ObjectExpression | null, name: string): Node | undefined {
  if (!object) return undefined;
  const prop = getProperty(object, name);
  return prop ? prop.value : undefined;
}

function hasAnyKey(object: TSESTree.ObjectExpression | null, keys: readonly string[]): boolean {
  return !!object && keys.some((k) => getProperty(object, k) !== null);
}

function nameText(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return memberName(n);
  if (n.type === AST_NODE_TYPES.ThisExpression) return 'this';
  return null;
}

function isCapitalized(name: string | null): boolean {
  return !!name && /^[A-Z]/.test(name) && !/^[A-Z0-9_]+$/.test(name);
}

/** `User`, `db.User`, `models.Post`, `this.userModel`, `mongoose.model('User')`. */
function isModelLike(receiver: Node, sourceCode: SourceCode): boolean {
  const r = unwrap(receiver);
  const ref = resolveModule(r, sourceCode);
  if (ref) {
    if (libraryOf(ref)) return true;
    if (!ref.module.startsWith('.') && !ref.module.startsWith('/') && !ref.module.startsWith('@/') && !ref.module.startsWith('~')) {
      return false;
    }
  }
  if (r.type === AST_NODE_TYPES.Identifier) {
    if (JS_GLOBALS.has(r.name)) return false;
    if (isCapitalized(r.name)) return true;
    if (/Model$/.test(r.name)) return true;
    const variable = findVar(sourceCode, r);
    const value = variable && singleValue(variable);
    if (value && value.path.length === 0) {
      const init = unwrap(value.init);
      if (init.type === AST_NODE_TYPES.CallExpression) {
        const calleeName = nameText(init.callee);
        if (calleeName === 'model' || calleeName === 'define') return true;
      }
    }
    return false;
  }
  if (r.type === AST_NODE_TYPES.MemberExpression) {
    const declared = memberTypeName(r, sourceCode);
    if (declared) return MODEL_TYPES.has(declared);
    const name = memberName(r);
    return isCapitalized(name) || (!!name && /Model$/.test(name));
  }
  return false;
}

/** Type names of injected repositories and models: TypeORM/MikroORM `Repository<T>`, Mongoose `Model<T>`. */
const REPOSITORY_TYPES = new Set(['Repository', 'EntityRepository', 'MongoRepository', 'TreeRepository', 'SqlEntityRepository']);
const MODEL_TYPES = new Set(['Model', 'ModelStatic', 'ModelCtor', 'PaginateModel', 'SoftDeleteModel']);

/** A class member as declared: `@InjectRepository(User) private readonly repo: Repository<User>`. */
interface MemberDeclaration {
  /** The declared type's name (`Repository`; `Repository` for `typeorm.Repository` too), or null. */
  type: string | null;
  /** The identifier the type reference starts from (`Repository`, or `typeorm` of `typeorm.Repository`). */
  typeRoot: TSESTree.Identifier | null;
  decorators: readonly TSESTree.Decorator[];
}

/** The declaration of the class member `this.<name>` refers to, or null. */
function memberDeclaration(receiver: Node, sourceCode: SourceCode): MemberDeclaration | null {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || unwrap(receiver.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = memberName(receiver);
  if (!name) return null;
  let cls: Node | undefined = receiver.parent;
  while (cls && cls.type !== AST_NODE_TYPES.ClassBody) cls = cls.parent;
  if (!cls) return null;
  return classMembers(cls, sourceCode).get(name) ?? null;
}

/**
 * The type name a class member is declared with: `constructor(private readonly posts: Repository<Post>)`,
 * `@InjectModel(Cat.name) private cats: Model<Cat>`, `private repo: Repository<User>;` → `Repository`.
 */
function memberTypeName(receiver: Node, sourceCode: SourceCode): string | null {
  return memberDeclaration(receiver, sourceCode)?.type ?? null;
}

/**
 * The ORM library a class member is declared with by import: its type (`Repository` from `typeorm`,
 * `Model` from `mongoose`, `PrismaClient` from `@prisma/client`, `Knex` from `knex`) or its injection
 * decorator (`@InjectRepository()` from `@nestjs/typeorm` or `@mikro-orm/nestjs`). Null when neither
 * resolves to an ORM module — a type declared in the project (`TasksRepository`) says nothing of the library.
 */
function declaredLibrary(receiver: Node, sourceCode: SourceCode): OrmLibrary | null {
  if (!mentionsOrm(sourceCode)) return null;
  const declaration = memberDeclaration(unwrap(receiver), sourceCode);
  if (!declaration) return null;
  if (declaration.typeRoot) {
    const lib = libraryOfNode(declaration.typeRoot, sourceCode);
    if (lib) return lib;
  }
  for (const decorator of declaration.decorators) {
    const expression = unwrap(decorator.expression);
    const lib = libraryOfNode(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression, sourceCode);
    if (lib) return lib;
  }
  return null;
}

/** Each property and constructor parameter property of a class, as declared (the first declaration of a name wins). */
function classMembers(cls: TSESTree.ClassBody, sourceCode: SourceCode): Map<string, MemberDeclaration> {
  const cache = getCache(sourceCode).memberTypes;
  let members = cache.get(cls);
  if (members) return members;
  members = new Map();
  for (const member of cls.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier) {
      if (!members.has(member.key.name)) members.set(member.key.name, declared(member.typeAnnotation?.typeAnnotation, member.decorators));
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = param.parameter;
        if (inner.type === AST_NODE_TYPES.Identifier && !members.has(inner.name)) {
          members.set(inner.name, declared(inner.typeAnnotation?.typeAnnotation, [...param.decorators, ...(inner.decorators ?? [])]));
        }
      }
    }
  }
  cache.set(cls, members);
  return members;
}

function declared(type: TSESTree.TypeNode | undefined, decorators: readonly TSESTree.Decorator[] | undefined): MemberDeclaration {
  const result: MemberDeclaration = { type: null, typeRoot: null, decorators: decorators ?? [] };
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return result;
  let n: TSESTree.EntityName = type.typeName;
  if (n.type === AST_NODE_TYPES.Identifier) result.type = n.name;
  else if (n.type === AST_NODE_TYPES.TSQualifiedName) result.type = n.right.name;
  while (n.type === AST_NODE_TYPES.TSQualifiedName) n = n.left;
  if (n.type === AST_NODE_TYPES.Identifier) result.typeRoot = n;
  return result;
}

/**
 * The library a repository receiver is declared with by import: `this.repo` typed `Repository<T>`
 * from `typeorm` or injected by `@InjectRepository()`, or `this.dataSource.getRepository(T)` on a
 * member typed `DataSource` from `typeorm`.
 */
function repositoryDeclaredLibrary(receiver: Node, sourceCode: SourceCode): OrmLibrary | null {
  const r = unwrap(receiver);
  if (r.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(r.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression ? declaredLibrary(unwrap(callee.object), sourceCode) : null;
  }
  return declaredLibrary(r, sourceCode);
}

function isRepositoryLike(receiver: Node, sourceCode: SourceCode): boolean {
  const r = unwrap(receiver);
  const name = nameText(r);
  if (name && /(^r|R)epo(sitory)?$/.test(name)) return true;
  const declared = memberTypeName(r, sourceCode);
  if (declared) return REPOSITORY_TYPES.has(declared);
  if (r.type === AST_NODE_TYPES.CallExpression) {
    const n = nameText(r.callee);
    return n === 'getRepository' || n === 'getCustomRepository' || n === 'getTreeRepository' || n === 'getMongoRepository';
  }
  if (r.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, r);
    const value = variable && singleValue(variable);
    if (value && value.path.length === 0) {
      const init = unwrap(value.init);
      const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
      if (call.type === AST_NODE_TYPES.CallExpression) return isRepositoryLike(call, sourceCode);
    }
  }
  return false;
}

function managerLibrary(receiver: Node, sourceCode: SourceCode): { library: OrmLibrary; recognisedBy: OrmEvidence } | null {
  const r = unwrap(receiver);
  const name = nameText(r);
  if (name === 'em' || name === 'manager' || name === 'entityManager' || (name && /EntityManager$/.test(name))) {
    const lib = libraryOfNode(r, sourceCode);
    if (lib === 'mikro-orm' || lib === 'typeorm') return { library: lib, recognisedBy: 'import' };
  }
  let library: OrmLibrary | null = null;
  if (name === 'em' || (name && /^(em|orm\.em)$/.test(name))) library = 'mikro-orm';
  else if (name === 'manager' || name === 'entityManager' || name === 'transactionalEntityManager') library = 'typeorm';
  else if (r.type === AST_NODE_TYPES.Identifier) {
    const imported = importedLibraries(sourceCode);
    if (/^(em|entityManager)$/.test(r.name) && imported.has('mikro-orm')) library = 'mikro-orm';
  }
  if (!library) return null;
  // `private readonly em: EntityManager` with `EntityManager` from `@mikro-orm/core`.
  return { library, recognisedBy: declaredLibrary(r, sourceCode) === library ? 'import' : 'entity-manager' };
}

function isEntityArgument(node: Node | undefined): boolean {
  if (!node) return false;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return true;
  return isCapitalized(nameText(n));
}

function compute(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
  return (
    prismaCall(node, method, receiver, sourceCode) ??
    managerCall(node, method, receiver, sourceCode) ??
    repositoryCall(node, method, receiver, sourceCode) ??
    staticCall(node, method, receiver, sourceCode) ??
    instanceCall(node, method, receiver, sourceCode) ??
    wrappedCall(node, method, receiver, sourceCode) ??
    builderCall(node, method, sourceCode)
  );
}

/** MikroORM `wrap(entity).assign(data)`: the helper entity API of `@mikro-orm/*`. */
function wrappedCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
  if (method !== 'assign' || receiver.type !== AST_NODE_TYPES.CallExpression || receiver.arguments.length === 0) return null;
  if (!mentionsOrm(sourceCode)) return null;
  const ref = resolveModule(receiver.callee, sourceCode);
  if (libraryOf(ref) !== 'mikro-orm' || ref?.path.join('.') !== 'wrap') return null;
  const a = args(node);
  if (!a[0]) return null;
  const call = base('mikro-orm', 'import', 'assign', node, method);
  const entity = receiver.arguments[0];
  if (entity && entity.type !== AST_NODE_TYPES.SpreadElement) call.record = entity;
  call.dataArgs.push(a[0]);
  return finish(call);
}

function base(
  library: string,
  recognisedBy: OrmEvidence,
  operation: OrmOperation,
  node: TSESTree.CallExpression,
  method: string,
): OrmCall {
  return { library, recognisedBy, operation, node, method, conditions: [], dataArgs: [] };
}

function finish(call: OrmCall): OrmCall {
  if (call.idArg) call.conditions.unshift(call.idArg);
  if (call.filterArg && !call.conditions.includes(call.filterArg)) call.conditions.unshift(call.filterArg);
  if (call.dataArg && !call.dataArgs.includes(call.dataArg)) call.dataArgs.unshift(call.dataArg);
  if (!call.dataArg && call.dataArgs.length) call.dataArg = call.dataArgs[0];
  return call;
}

// ---------------------------------------------------------------- Prisma / Drizzle relational

function prismaCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.computed) return null;
  const model = memberName(receiver);
  if (!model || !/^[a-z]/.test(model)) return null;
  const client = unwrap(receiver.object);
  if (node.arguments.length > 1) return null;
  const a = args(node);

  // Drizzle relational queries: `db.query.users.findFirst({ where, columns })`.
  if (client.type === AST_NODE_TYPES.MemberExpression && memberName(client) === 'query' && hasOwn.call(DRIZZLE_QUERY_METHODS, method)) {
    const argObject = objectLiteralOf(a[0], sourceCode);
    const resolved = libraryOfNode(client, sourceCode) === 'drizzle' || declaredLibrary(unwrap(client.object), sourceCode) === 'drizzle';
    const call = base('drizzle', resolved ? 'import' : 'drizzle-query', DRIZZLE_QUERY_METHODS[method]!, node, method);
    call.filterArg = propValue(argObject, 'where');
    call.projection = hasAnyKey(argObject, DRIZZLE_PROJECTION_KEYS) ? 'explicit' : 'none';
    return finish(call);
  }
  const operation = own(PRISMA_METHODS, method);
  if (!operation) return null;
  const argObject = objectLiteralOf(a[0], sourceCode);
  const lib = libraryOfNode(client, sourceCode);
  if (lib && lib !== 'prisma') return null;
  const clientName = nameText(client) ?? '';
  const named = /prisma|^db$|^tx$|^trx$|^client$|^database$/i.test(clientName);
  const shaped = hasAnyKey(argObject, PRISMA_ARGUMENT_KEYS);
  if (lib !== 'prisma' && !named && !shaped) return null;
  if (a[0] && !argObject && lib !== 'prisma' && !named) return null;
  // `this.prisma` declared as `PrismaClient` from `@prisma/client` is known too; a project's `PrismaService` is not.
  const resolved = lib === 'prisma' || declaredLibrary(client, sourceCode) === 'prisma';
  const call = base('prisma', resolved ? 'import' : 'prisma-delegate', operation, node, method);
  call.filterArg = propValue(argObject, 'where');
  if (operation === 'upsert') {
    for (const key of ['create', 'update']) {
      const v = propValue(argObject, key);
      if (v) call.dataArgs.push(v);
    }
  } else {
    const data = propValue(argObject, 'data');
    if (data) call.dataArg = data;
  }
  call.projection = hasAnyKey(argObject, PRISMA_PROJECTION_KEYS) || clientOmits(client, model, sourceCode) ? 'explicit' : 'none';
  return finish(call);
}

/** A Prisma client made with a global `omit` for the model: `new PrismaClient({ omit: { user: { password: true } } })`. */
function clientOmits(client: Node, model: string, sourceCode: SourceCode): boolean {
  if (client.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, client);
  const value = variable && singleValue(variable);
  if (!value || value.path.length > 0) return false;
  const init = unwrap(value.init);
  if (init.type !== AST_NODE_TYPES.NewExpression) return false;
  const options = objectLiteralOf(init.arguments[0], sourceCode);
  const omit = objectLiteralOf(propValue(options, 'omit'), sourceCode);
  return !!omit && getProperty(omit, model) !== null;
}

// ---------------------------------------------------------------- entity managers

function managerCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
  const spec = own(ENTITY_MANAGER_METHODS, method);
  if (!spec) return null;
  const manager = managerLibrary(receiver, sourceCode);
  if (!manager) return null;
  const { library } = manager;
  const a = args(node);
  if (spec.entityFirst && !isEntityArgument(a[0])) return null;
  const call = base(library, manager.recognisedBy, spec.operation, node, method);
  applySpec(call, spec, a, sourceCode, library === 'typeorm' ? 'typeorm' : 'mikro-orm');
  if (spec.projection !== undefined) {
    const options = objectLiteralOf(a[spec.projection], sourceCode);
    if (hasAnyKey(options, MANAGER_PROJECTION_KEYS)) call.projection = 'explicit';
  }
  if (method === 'assign' || method === 'merge') call.record = a[spec.entityFirst ? 1 : 0];
  return finish(call);
}

// ---------------------------------------------------------------- TypeORM repositories

function repositoryCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
  const spec = own(TYPEORM_REPOSITORY, method);
  if (!spec) return null;
  const lib = libraryOfNode(receiver, sourceCode);
  if (lib && lib !== 'typeorm' && lib !== 'mikro-orm') return null;
  if (!lib && !isRepositoryLike(receiver, sourceCode)) return null;
  const a = args(node);
  const library = lib ?? (importedLibraries(sourceCode).has('mikro-orm') ? 'mikro-orm' : 'typeorm');
  const recognisedBy: OrmEvidence = lib || repositoryDeclaredLibrary(receiver, sourceCode) === library ? 'import' : 'repository';
  const call = base(library, recognisedBy, spec.operation, node, method);
  applySpec(call, spec, a, sourceCode, 'typeorm');
  if (method === 'merge') call.record = a[0];
  return finish(call);
}

/**
 * Fills id/filter/data/projection from a method spec. `style` decides how an options object reads:
 * TypeORM `{ where, select }` vs a bare filter.
 */
function applySpec(
  call: OrmCall,
  spec: OrmMethodSpec,
  a: (Node | undefined)[],
  sourceCode: SourceCode,
  style: 'typeorm' | 'mikro-orm' | 'sequelize' | 'mongoose',
): void {
  call.projection = 'none';
  if (spec.id !== undefined && a[spec.id]) {
    const value = a[spec.id]!;
    const object = objectLiteralOf(value, sourceCode);
    const literalArray = unwrap(value).type === AST_NODE_TYPES.ArrayExpression;
    if (object) {
      if (style === 'typeorm' && getProperty(object, 'where')) {
        call.filterArg = propValue(object, 'where');
        if (hasAnyKey(object, TYPEORM_PROJECTION_KEYS)) call.projection = 'explicit';
      } else if (style === 'typeorm' && hasAnyKey(object, ['select', 'relations', 'order', 'take', 'skip', 'withDeleted', 'cache', 'lock'])) {
        if (hasAnyKey(object, TYPEORM_PROJECTION_KEYS)) call.projection = 'explicit';
      } else {
        call.filterArg = value;
      }
    } else if (literalArray) {
      call.idArg = value;
    } else {
      call.idArg = value;
    }
  }
  if (spec.filter !== undefined && a[spec.filter]) call.filterArg = a[spec.filter];
  if (spec.options !== undefined && a[spec.options]) {
    const options = objectLiteralOf(a[spec.options], sourceCode);
    if (options) {
      const where = propValue(options, 'where');
      if (where) call.filterArg = where;
      const keys = style === 'sequelize' ? SEQUELIZE_PROJECTION_KEYS : TYPEORM_PROJECTION_KEYS;
      if (hasAnyKey(options, keys)) call.projection = 'explicit';
    }
  }
  if (spec.data !== undefined) {
    const data = spec.dataRest ? a.slice(spec.data) : [a[spec.data]];
    for (const d of data) if (d) call.dataArgs.push(d);
  }
  if (spec.projection !== undefined && a[spec.projection]) {
    const p = unwrap(a[spec.projection]!);
    // A Node-style callback in the projection slot (`findOne(filter, (err, doc) => …)`) is not a projection.
    if (style === 'mongoose' && !isFunctionNode(p) && !(p.type === AST_NODE_TYPES.Identifier && p.name === 'undefined') && !(p.type === AST_NODE_TYPES.Literal && p.value === null)) {
      call.projection = 'explicit';
    }
  }
}

// ---------------------------------------------------------------- Mongoose / Sequelize statics

function staticCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
  const mongoose = own(MONGOOSE_STATICS, method);
  const sequelize = own(SEQUELIZE_STATICS, method);
  if (!mongoose && !sequelize) return null;
  const a = args(node);
  if (a[0] && isFunctionNode(a[0])) return null; // `array.find(x => …)`
  const ref = resolveModule(receiver, sourceCode);
  const resolved = libraryOf(ref);
  if (ref && !resolved && !isLocal(ref.module)) return null;
  if (resolved && resolved !== 'mongoose' && resolved !== 'sequelize') return null;
  const receiverText = nameText(receiver);
  if (receiverText && JS_GLOBALS.has(receiverText) && unwrap(receiver).type === AST_NODE_TYPES.Identifier) return null;

  let library: 'mongoose' | 'sequelize' | null = resolved === 'mongoose' || resolved === 'sequelize' ? resolved : null;
  if (!library) {
    if (sequelize?.distinctive) library = 'sequelize';
    else if (mongoose?.distinctive) library = 'mongoose';
  }
  if (!library) {
    if (!isModelLike(receiver, sourceCode)) return null;
    const first = objectLiteralOf(a[0], sourceCode);
    const second = objectLiteralOf(a[1], sourceCode);
    const imported = importedLibraries(sourceCode);
    if (!mongoose) library = 'sequelize';
    else if (!sequelize) library = 'mongoose';
    else if (method === 'update' || method === 'upsert') library = 'sequelize';
    else if (method === 'create') library = imported.has('sequelize') && !imported.has('mongoose') ? 'sequelize' : 'mongoose';
    else if (hasAnyKey(first, ['where', 'attributes', 'include', 'order', 'raw', 'paranoid', 'transaction'])) library = 'sequelize';
    else if (method === 'count' && hasAnyKey(second, ['where'])) library = 'sequelize';
    else library = imported.has('sequelize') && !imported.has('mongoose') && !first ? 'sequelize' : 'mongoose';
  }
  const spec = library === 'mongoose' ? mongoose : sequelize;
  if (!spec) return null;
  if (library === 'sequelize' && method === 'update' && a.length < 2) return null;
  // `this.userModel` declared as `Model<User>` from `mongoose` is known by import too.
  const recognisedBy: OrmEvidence = resolved === library || declaredLibrary(receiver, sourceCode) === library ? 'import' : 'model-static';
  const call = base(library, recognisedBy, spec.operation, node, method);
  applySpec(call, spec, a, sourceCode, library);
  if (library === 'mongoose') {
    const options = objectLiteralOf(a[spec.data !== undefined ? spec.data + 1 : (spec.projection ?? 99) + 1], sourceCode);
    if (hasAnyKey(options, ['projection', 'fields'])) call.projection = 'explicit';
    if (mongooseChainSelects(node)) call.projection = 'explicit';
  }
  // Sequelize `User.scope('public').findAll()`: a named scope usually restricts the attributes.
  if (library === 'sequelize' && receiver.type === AST_NODE_TYPES.CallExpression && receiver.arguments.length > 0 && nameText(receiver.callee) === 'scope') {
    call.projection = 'explicit';
  }
  return finish(call);
}

function isLocal(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('@/') || module.startsWith('~') || module.startsWith('#');
}

function isFunctionNode(node: Node): boolean {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.ArrowFunctionExpression || n.type === AST_NODE_TYPES.FunctionExpression;
}

/** `Model.findById(id).lean().select('name')` — a projection somewhere up the query chain. */
function mongooseChainSelects(node: TSESTree.CallExpression): boolean {
  let current: Node = node;
  for (;;) {
    const member: Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return false;
    const call: Node | undefined = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
    const name = memberName(member);
    if (!name || !MONGOOSE_QUERY.has(name)) return false;
    if (MONGOOSE_PROJECTIONS.has(name) && call.arguments.length > 0) return true;
    current = call;
  }
}

function isSaved(node: TSESTree.NewExpression, sourceCode: SourceCode): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && memberName(parent) === 'save') return true;
  // `const doc = new Model(data)` or `doc = new Model(data)`, followed by `doc.save()`.
  const target =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node
      ? parent.id
      : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.operator === '='
        ? parent.left
        : null;
  if (target?.type === AST_NODE_TYPES.Identifier) {
    // A declarator's own variable comes straight from the scope manager.
    const variable = parent?.type === AST_NODE_TYPES.VariableDeclarator ? sourceCode.getDeclaredVariables(parent)[0] : findVar(sourceCode, target);
    return !!variable?.references.some((ref) => {
      const p = ref.identifier.parent;
      return p?.type === AST_NODE_TYPES.MemberExpression && p.object === ref.identifier && memberName(p) === 'save';
    });
  }
  return false;
}

// ---------------------------------------------------------------- instance methods

function instanceCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
  const spec = own(INSTANCE_METHODS, method);
  if (!spec || receiver.type !== AST_NODE_TYPES.Identifier) return null;
  const origin = recordSource(receiver, sourceCode);
  if (!origin) return null;
  const a = args(node);
  if (spec.data !== undefined && (!a[spec.data] || node.arguments.length > 2)) return null;
  // A record is known to be a library's when the query or construction that made it was resolved by import.
  const call = base(origin.library, origin.recognisedBy, spec.operation, node, method);
  call.record = receiver;
  if (spec.data !== undefined && a[spec.data]) call.dataArgs.push(a[spec.data]!);
  return finish(call);
}

/** The library of the query or construction a record variable was loaded from, if recognised. */
export function recordOrigin(identifier: TSESTree.Identifier, sourceCode: SourceCode): string | null {
  return recordSource(identifier, sourceCode)?.library ?? null;
}

/** The library of the query or construction a record variable was loaded from, and how that was recognised. */
function recordSource(identifier: TSESTree.Identifier, sourceCode: SourceCode): { library: string; recognisedBy: OrmEvidence } | null {
  const variable = findVar(sourceCode, identifier);
  if (!variable) return null;
  for (const ref of variable.references) {
    if (!ref.isWrite() || !ref.writeExpr) continue;
    let value = unwrap(ref.writeExpr);
    if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
    // Unwind `.lean()`, `.exec()` …
    while (
      value.type === AST_NODE_TYPES.CallExpression &&
      unwrap(value.callee).type === AST_NODE_TYPES.MemberExpression &&
      MONGOOSE_QUERY.has(memberName(unwrap(value.callee) as TSESTree.MemberExpression) ?? '')
    ) {
      value = unwrap((unwrap(value.callee) as TSESTree.MemberExpression).object);
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const call = ormCall(value, sourceCode);
      if (call && (call.operation === 'find' || call.operation === 'create' || call.operation === 'upsert')) return call;
    } else if (value.type === AST_NODE_TYPES.NewExpression) {
      const made = ormNew(value, sourceCode);
      if (made) return made;
    }
  }
  return null;
}

// ---------------------------------------------------------------- builder chains

interface ChainStep {
  method: string;
  call: TSESTree.CallExpression;
}

function builderCall(node: TSESTree.CallExpression, method: string, sourceCode: SourceCode): OrmCall | null {
  // Only the outermost call of a chain stands for the whole query.
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    return null;
  }
  const steps: ChainStep[] = [];
  let current: Node = node;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const c = unwrap(current.callee);
    if (c.type !== AST_NODE_TYPES.MemberExpression) break;
    const name = memberName(c);
    if (name === null) return null;
    steps.unshift({ method: name, call: current });
    current = unwrap(c.object);
    if (current.type === AST_NODE_TYPES.AwaitExpression) return null;
  }
  if (steps.length === 0) return null;
  const root = current;
  const names = steps.map((s) => s.method);
  if (!names.some((n) => BUILDER_METHODS.has(n))) return null;

  const found = builderLibrary(root, steps, sourceCode);
  if (!found) return null;
  const { library } = found;

  let operation: OrmOperation | null = null;
  let opMethod = method;
  const call = base(library, found.recognisedBy, 'findMany', node, method);
  let projection: 'explicit' | 'none' = 'none';
  const start = library === 'typeorm' ? names.indexOf('createQueryBuilder') + 1 : 0;
  for (const step of steps.slice(start)) {
    const a = args(step.call);
    if (BUILDER_FILTERS.has(step.method)) {
      for (const arg of a) if (arg) call.conditions.push(arg);
      if (!call.filterArg) {
        const first = a[0] && unwrap(a[0]);
        call.filterArg = first && first.type !== AST_NODE_TYPES.ObjectExpression && a[1] && isStringish(first) ? a[1] : a[0];
      }
      continue;
    }
    if (BUILDER_PROJECTIONS.has(step.method) && a.length > 0 && !isStar(a, library)) projection = 'explicit';
    const op = own(BUILDER_OPERATIONS, step.method);
    if (!op) continue;
    // Drizzle/Knex `select()` and `from()` only mark a read when nothing wrote before.
    if ((step.method === 'select' || step.method === 'from') && operation) continue;
    if (library === 'typeorm' && (step.method === 'insert' || step.method === 'update' || step.method === 'delete')) {
      operation = op.operation;
      opMethod = step.method;
      continue;
    }
    if (step.method === 'delete' && library === 'drizzle') {
      operation = 'delete';
      opMethod = step.method;
      continue;
    }
    if ((step.method === 'update' || step.method === 'insert') && library === 'drizzle') {
      operation = op.operation;
      opMethod = step.method;
      continue; // the table, not data
    }
    operation = op.operation;
    opMethod = step.method;
    if (op.data && a[0]) call.dataArgs.push(a[0]);
  }
  if (!operation) operation = 'findMany';
  call.operation = operation;
  call.method = opMethod;
  call.projection = projection;
  return finish(call);
}

function isStringish(node: Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || node.type === AST_NODE_TYPES.TemplateLiteral;
}

function isStar(a: (Node | undefined)[], library: string): boolean {
  if (library === 'drizzle') return false;
  return a.every((arg) => {
    const n = arg && unwrap(arg);
    return n?.type === AST_NODE_TYPES.Literal && n.value === '*';
  });
}

/**
 * The library of a builder chain and how it was recognised: `import` when the chain's root resolves
 * to the library (`knex` from `knex`, `drizzle()` from `drizzle-orm/…`, a `this.repo` declared as a
 * TypeORM `Repository`), `builder-chain` when only the chain's shape and names say so.
 */
function builderLibrary(root: Node, steps: ChainStep[], sourceCode: SourceCode): { library: OrmLibrary; recognisedBy: OrmEvidence } | null {
  const library = builderShapeLibrary(root, steps, sourceCode);
  if (!library) return null;
  const rootLibrary = (node: Node): OrmLibrary | null => libraryOfNode(node, sourceCode) ?? declaredLibrary(node, sourceCode);
  const resolved = root.type === AST_NODE_TYPES.CallExpression ? rootLibrary(unwrap(root.callee)) : rootLibrary(root);
  return { library, recognisedBy: resolved === library ? 'import' : 'builder-chain' };
}

function builderShapeLibrary(root: Node, steps: ChainStep[], sourceCode: SourceCode): OrmLibrary | null {
  const names = steps.map((s) => s.method);
  if (names.includes('createQueryBuilder')) return 'typeorm';
  const imported = importedLibraries(sourceCode);
  // `knex('users')…`, `this.knex('users')…`, `trx('users')…`
  if (root.type === AST_NODE_TYPES.CallExpression) {
    const lib = libraryOfNode(root.callee, sourceCode);
    if (lib === 'knex') return 'knex';
    if (lib) return null;
    const a = root.arguments[0] && unwrap(root.arguments[0]);
    const calleeText = nameText(root.callee) ?? '';
    if (
      root.arguments.length === 1 &&
      a &&
      (isStringish(a) || (a.type === AST_NODE_TYPES.Identifier && /^[A-Z_]+$|TABLE|table/.test(a.name))) &&
      /knex|^db$|^trx$|^database$|^qb$|^k$/i.test(calleeText)
    ) {
      return 'knex';
    }
    return null;
  }
  const lib = libraryOfNode(root, sourceCode);
  const first = steps[0]!;
  const firstArg = first.call.arguments[0] && unwrap(first.call.arguments[0]);
  if (lib === 'knex') return 'knex';
  if (lib === 'drizzle') return 'drizzle';
  if (lib) return null;
  const rootName = nameText(root) ?? '';
  // Drizzle: `db.select().from(users)`, `db.update(users).set()`, `db.insert(users).values()`, `db.delete(users)`.
  if (['select', 'selectDistinct', 'update', 'insert', 'delete'].includes(first.method)) {
    const tableArg = first.method === 'select' || first.method === 'selectDistinct' ? steps[1]?.call.arguments[0] : firstArg;
    const table = tableArg && unwrap(tableArg);
    const second = steps[1]?.method;
    const drizzleShape =
      (first.method.startsWith('select') && second === 'from') ||
      (first.method === 'update' && second === 'set') ||
      (first.method === 'insert' && second === 'values') ||
      (first.method === 'delete' && (second === 'where' || second === 'returning' || steps.length === 1));
    if (drizzleShape && table && table.type !== AST_NODE_TYPES.Literal && table.type !== AST_NODE_TYPES.TemplateLiteral) {
      if (/^(db|tx|trx|drizzle|database)$/i.test(rootName)) return 'drizzle';
      if (imported.has('drizzle') && steps.length > 1) return 'drizzle';
    }
  }
  // Knex without a table call: `knex.select('*').from('users')`, `knex.table('users')`.
  if (/knex/i.test(rootName) || (imported.has('knex') && /^(db|trx)$/.test(rootName))) {
    if (steps.some((s) => ['from', 'table', 'into'].includes(s.method) && s.call.arguments[0] && isStringish(unwrap(s.call.arguments[0])))) {
      return 'knex';
    }
  }
  return null;
}

// ---------------------------------------------------------------- raw SQL conditions

/** One `column = placeholder` comparison of an SQL `WHERE` clause. */
export interface SqlCondition {
  /** Column name without table alias or quotes, as written (`id`, `user_id`). */
  column: string;
  /** Index into the values array (`$2` → 1, the second `?` → 1), or the name of a named placeholder (`:id`, `@id`, `$id`). */
  placeholder: number | string;
}

const PLACEHOLDER = /\$(\d+)|\$([A-Za-z_]\w*)|(?<![:\w])[:@]([A-Za-z_]\w*)|\?/g;
const COMPARED_COLUMN = /([\w."`[\]]+)\s*(?:=|==|\bin\s*\(?)\s*\(?\s*$/i;

/**
 * The statement kind and the `WHERE` comparisons of SQL text: `SELECT * FROM posts WHERE id = $1 AND
 * user_id = $2` gives `select` with `[{ column: 'id', placeholder: 0 }, { column: 'user_id', placeholder: 1 }]`.
 * `whereText` is the text after `WHERE` (to look for columns compared with constants or functions).
 * Null when the text is not a `SELECT`/`UPDATE`/`DELETE` with a `WHERE` clause.
 */
export function sqlConditions(
  text: string,
): { statement: 'select' | 'update' | 'delete'; conditions: SqlCondition[]; whereText: string } | null {
  const start = /^\s*(select|update|delete)\b/i.exec(text);
  if (!start) return null;
  const where = /\bwhere\b/i.exec(text);
  if (!where) return null;
  const statement = start[1]!.toLowerCase() as 'select' | 'update' | 'delete';
  const conditions: SqlCondition[] = [];
  let positional = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index;
    let placeholder: number | string;
    if (match[1] !== undefined) placeholder = Number(match[1]) - 1;
    else if (match[2] !== undefined) placeholder = match[2];
    else if (match[3] !== undefined) placeholder = match[3];
    else placeholder = positional++;
    if (index < where.index) continue;
    const before = COMPARED_COLUMN.exec(text.slice(where.index, index));
    if (!before) continue;
    const column = before[1]!.replace(/[`"[\]]/g, '').split('.').pop() ?? '';
    if (column) conditions.push({ column, placeholder });
  }
  return { statement, conditions, whereText: text.slice(where.index + 5) };
}

// ---------------------------------------------------------------- entities

const ACCOUNT_NOUNS = new Set(ACCOUNT_ENTITY_NOUNS);
const ACCESS_SUFFIXES = new Set(DATA_ACCESS_SUFFIXES);
/** Builder methods whose first argument names the table. */
const TABLE_METHODS = new Set(['from', 'into', 'table', 'insert', 'update']);

/**
 * Whether a name (variable, model, repository, Prisma delegate, table) denotes an account-like
 * entity: `user`, `User`, `usersRepository`, `UserModel`, `customers`, `currentUser`, `me`.
 */
export function isAccountName(name: string | null | undefined): boolean {
  if (!name) return false;
  let words = nameWords(name);
  while (words.length > 1 && ACCESS_SUFFIXES.has(words[words.length - 1]!)) words = words.slice(0, -1);
  const head = words[words.length - 1];
  if (!head) return false;
  if (head === 'me') return words.length === 1;
  const singular = head.endsWith('s') && head !== 'staff' ? head.slice(0, -1) : head;
  return ACCOUNT_NOUNS.has(head) || ACCOUNT_NOUNS.has(singular);
}

/** Words that end the entity part of a finder's name: `findUserById`, `findOneWithUsersCount`. */
const FINDER_QUALIFIERS = new Set(['by', 'with', 'for', 'and', 'or', 'count', 'including', 'where', 'from', 'in', 'of']);

/**
 * Whether a finder's name (`findUserById`, `findAllUsers`, `findOneAccount`) says it loads
 * account-like records. Only the words before a qualifier count, so `findOneWithUsersCount` (roles
 * with a count of their users) and `findByUserId` (records owned by a user) do not.
 */
export function findsAccount(method: string): boolean {
  const words = nameWords(method);
  if (words[0] !== 'find') return false;
  const entity: string[] = [];
  for (const word of words.slice(1)) {
    if (FINDER_QUALIFIERS.has(word)) break;
    entity.push(word);
  }
  return entity.some((word) => isAccountName(word));
}

/** Names that say nothing about what a value holds (`result`, `data`, `doc`). */
const GENERIC_RECORD_NAMES = new Set(['result', 'results', 'data', 'doc', 'docs', 'document', 'record', 'records', 'row', 'rows', 'item', 'items', 'entity', 'entities', 'found', 'res', 'response', 'payload', 'value', 'obj', 'object']);

/** Whether a binding name is generic, so that it neither confirms nor denies what the value is. */
export function isGenericRecordName(name: string | null | undefined): boolean {
  return !name || GENERIC_RECORD_NAMES.has(name.toLowerCase());
}

/**
 * Names along an ORM call's receiver chain and its entity argument: `prisma.user`,
 * `this.userRepository`, `em.findOne(User, …)`, `knex('users')`, `db.select().from(users)`.
 */
export function entityNames(call: OrmCall): string[] {
  const names: string[] = [];
  let current: Node = call.node;
  for (let i = 0; i < 12; i++) {
    const node = unwrap(current);
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const first = node.arguments[0] && unwrap(node.arguments[0]);
      if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') names.push(first.value);
      // An entity class (`em.findOne(User, id)`) or a Drizzle table (`db.select().from(users)`).
      if (first?.type === AST_NODE_TYPES.Identifier && (/^[A-Z]/.test(first.name) || TABLE_METHODS.has(calleeName(node) ?? ''))) {
        names.push(first.name);
      }
      current = node.callee;
    } else if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(node);
      if (name && node !== unwrap(call.node.callee)) names.push(name);
      current = node.object;
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      names.push(node.name);
      break;
    } else {
      break;
    }
  }
  return names;
}

/** Whether the call reads or writes an account-like entity (`prisma.user`, `User`, `usersRepository`, `knex('users')`). */
export function isAccountEntity(call: OrmCall): boolean {
  return entityNames(call).some(isAccountName);
}

/** Relation names that hold a person's record: `include: { author: true }`, `.populate('owner')`. */
const ACCOUNT_RELATIONS = /^(author|authors|creator|assignee|assignees|reporter|sender|recipient|recipients|createdBy|updatedBy|buyer|seller)$/;

/**
 * The name of a relation to an account-like entity that the query loads whole: Prisma
 * `include: { author: true }` (or an include without `select`/`omit`), Mongoose `.populate('author')`
 * without a field selection. Null when there is none.
 */
export function includedAccount(call: OrmCall, sourceCode: SourceCode): string | null {
  const isAccountRelation = (name: string) => ACCOUNT_RELATIONS.test(name) || isAccountName(name);
  if (call.library === 'prisma') {
    const include = objectLiteralOf(propValue(objectLiteralOf(call.node.arguments[0], sourceCode), 'include'), sourceCode);
    for (const prop of include?.properties ?? []) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
      const name = prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : null;
      if (!name || !isAccountRelation(name)) continue;
      const value = unwrap(prop.value);
      if (value.type === AST_NODE_TYPES.Literal && value.value === true) return name;
      if (value.type === AST_NODE_TYPES.ObjectExpression && !hasAnyKey(value, PRISMA_PROJECTION_KEYS)) return name;
    }
    return null;
  }
  if (call.library === 'mongoose') {
    // Walk the query chain outward: `Post.findById(id).populate('author').lean()`.
    let node: Node = call.node;
    while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node && node.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      const chained: TSESTree.CallExpression = node.parent.parent;
      if (memberName(node.parent) === 'populate' && chained.arguments.length === 1) {
        const path = unwrap(chained.arguments[0]!);
        if (path.type === AST_NODE_TYPES.Literal && typeof path.value === 'string' && path.value.split(/\s+/).some(isAccountRelation)) {
          return path.value.split(/\s+/).find(isAccountRelation)!;
        }
        const options = path.type === AST_NODE_TYPES.ObjectExpression ? path : null;
        const target = options && propValue(options, 'path');
        const targetValue = target && unwrap(target);
        if (
          targetValue?.type === AST_NODE_TYPES.Literal &&
          typeof targetValue.value === 'string' &&
          isAccountRelation(targetValue.value) &&
          !hasAnyKey(options, ['select'])
        ) {
          return targetValue.value;
        }
      }
      node = chained;
    }
  }
  return null;
}

/**
 * Whether a record held in `variable` is written back later: an instance method named in
 * `instanceMethods` (`user.save()`, `doc.deleteOne()`), or passed to an ORM call whose operation is
 * in `operations` (`repository.save(user)`, `em.assign(user, …)`).
 */
export function isWrittenBack(
  variable: TSESLint.Scope.Variable,
  sourceCode: SourceCode,
  instanceMethods: ReadonlySet<string>,
  operations: ReadonlySet<OrmOperation>,
): boolean {
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier) {
      const call = parent.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && instanceMethods.has(memberName(parent) ?? '');
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref.identifier as TSESTree.Expression)) {
      const orm = ormCall(parent, sourceCode);
      return !!orm && operations.has(orm.operation);
    }
    return false;
  });
}
