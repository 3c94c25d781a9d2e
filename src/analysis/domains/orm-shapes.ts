/**
 * How each ORM's calls are recognised when the receiver is not resolved by import: Prisma and
 * Drizzle relational queries, entity managers, TypeORM repositories, Mongoose and Sequelize statics,
 * instance methods of loaded records, query-builder chains, and conditions in raw SQL text.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { PRISMA_METHODS, PRISMA_ARGUMENT_KEYS, PRISMA_PROJECTION_KEYS, MONGOOSE_STATICS, SEQUELIZE_STATICS, SEQUELIZE_PROJECTION_KEYS, INSTANCE_METHODS, TYPEORM_REPOSITORY, TYPEORM_PROJECTION_KEYS, ENTITY_MANAGER_METHODS, MANAGER_PROJECTION_KEYS, BUILDER_OPERATIONS, DRIZZLE_QUERY_METHODS, DRIZZLE_PROJECTION_KEYS, type OrmLibrary, type OrmMethodSpec, type OrmOperation } from '../../catalog/orm.js';
import { findVar, getProperty, memberName, singleValue, unwrap } from '../core/ast.js';
import { type SourceCode } from '../core/cache.js';
import { resolveModule } from '../core/modules.js';
import { type OrmCall, args, hasOwn, objectLiteralOf, libraryOfNode, declaredLibrary, base, propValue, hasAnyKey, finish, own, nameText, managerLibrary, isEntityArgument, isRepositoryLike, importedLibraries, type OrmEvidence, repositoryDeclaredLibrary, libraryOf, JS_GLOBALS, isModelLike, MONGOOSE_QUERY, MONGOOSE_PROJECTIONS, ormCall, ormNew, BUILDER_METHODS, BUILDER_FILTERS, BUILDER_PROJECTIONS } from './orm.js';


export type { OrmOperation, OrmLibrary } from '../../catalog/orm.js';


type Node = TSESTree.Node;

// ---------------------------------------------------------------- Prisma / Drizzle relational

export function prismaCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
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

export function managerCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
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

export function repositoryCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
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

export function staticCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
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

export function isSaved(node: TSESTree.NewExpression, sourceCode: SourceCode): boolean {
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

export function instanceCall(node: TSESTree.CallExpression, method: string, receiver: Node, sourceCode: SourceCode): OrmCall | null {
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

export function builderCall(node: TSESTree.CallExpression, method: string, sourceCode: SourceCode): OrmCall | null {
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
