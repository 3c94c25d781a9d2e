import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { ORM_MODULES, PRISMA_METHODS, MONGOOSE_STATICS, MONGOOSE_PROJECTION_METHODS, MONGOOSE_QUERY_METHODS, SEQUELIZE_STATICS, INSTANCE_METHODS, TYPEORM_REPOSITORY, ENTITY_MANAGER_METHODS, BUILDER_FILTER_METHODS, BUILDER_OPERATIONS, BUILDER_PROJECTION_METHODS, DRIZZLE_QUERY_METHODS, ORM_LIBRARY_NAMES, ORM_OPERATION_NOUNS, type OrmLibrary, type OrmOperation } from '../../catalog/orm.js';
import { findVar, getProperty, memberName, singleValue, unwrap } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';

import { resolveModule, type ModuleRef } from '../core/modules.js';

import { isSaved, prismaCall, managerCall, repositoryCall, staticCall, instanceCall, builderCall } from './orm-shapes.js';


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

export const JS_GLOBALS = new Set([
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


export const hasOwn = Object.prototype.hasOwnProperty;

/** The entry of a method table for `key`, ignoring inherited names (`toString`, `constructor`). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
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
export const BUILDER_METHODS: ReadonlySet<string> = new Set([...Object.keys(BUILDER_OPERATIONS), ...BUILDER_FILTER_METHODS]);
export const BUILDER_FILTERS: ReadonlySet<string> = new Set(BUILDER_FILTER_METHODS);
export const BUILDER_PROJECTIONS: ReadonlySet<string> = new Set(BUILDER_PROJECTION_METHODS);
export const MONGOOSE_QUERY: ReadonlySet<string> = new Set(MONGOOSE_QUERY_METHODS);
export const MONGOOSE_PROJECTIONS: ReadonlySet<string> = new Set(MONGOOSE_PROJECTION_METHODS);

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
export function importedLibraries(sourceCode: SourceCode): Set<OrmLibrary> {
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

export function libraryOfNode(node: Node, sourceCode: SourceCode): OrmLibrary | null {
  if (!mentionsOrm(sourceCode)) return null;
  return libraryOf(resolveModule(node, sourceCode));
}

export function libraryOf(ref: ModuleRef | null): OrmLibrary | null {
  if (!ref) return null;
  for (const [lib, modules] of Object.entries(ORM_MODULES) as [OrmLibrary, readonly string[]][]) {
    if (modules.includes(ref.module) || ref.module.startsWith(`${modules[0]}/`)) return lib;
  }
  return null;
}

export function args(node: TSESTree.CallExpression): (Node | undefined)[] {
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

export function propValue(object: TSESTree.ObjectExpression | null, name: string): Node | undefined {
  if (!object) return undefined;
  const prop = getProperty(object, name);
  return prop ? prop.value : undefined;
}

export function hasAnyKey(object: TSESTree.ObjectExpression | null, keys: readonly string[]): boolean {
  return !!object && keys.some((k) => getProperty(object, k) !== null);
}

export function nameText(node: Node): string | null {
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
export function isModelLike(receiver: Node, sourceCode: SourceCode): boolean {
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
export function declaredLibrary(receiver: Node, sourceCode: SourceCode): OrmLibrary | null {
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
export function repositoryDeclaredLibrary(receiver: Node, sourceCode: SourceCode): OrmLibrary | null {
  const r = unwrap(receiver);
  if (r.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(r.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression ? declaredLibrary(unwrap(callee.object), sourceCode) : null;
  }
  return declaredLibrary(r, sourceCode);
}

export function isRepositoryLike(receiver: Node, sourceCode: SourceCode): boolean {
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

export function managerLibrary(receiver: Node, sourceCode: SourceCode): { library: OrmLibrary; recognisedBy: OrmEvidence } | null {
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

export function isEntityArgument(node: Node | undefined): boolean {
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

export function base(
  library: string,
  recognisedBy: OrmEvidence,
  operation: OrmOperation,
  node: TSESTree.CallExpression,
  method: string,
): OrmCall {
  return { library, recognisedBy, operation, node, method, conditions: [], dataArgs: [] };
}

export function finish(call: OrmCall): OrmCall {
  if (call.idArg) call.conditions.unshift(call.idArg);
  if (call.filterArg && !call.conditions.includes(call.filterArg)) call.conditions.unshift(call.filterArg);
  if (call.dataArg && !call.dataArgs.includes(call.dataArg)) call.dataArgs.unshift(call.dataArg);
  if (!call.dataArg && call.dataArgs.length) call.dataArg = call.dataArgs[0];
  return call;
}
