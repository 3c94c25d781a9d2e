/**
 * Is this call a MongoDB query, and where does it take its filter? A `mongodb` collection
 * (`client.db().collection('users').findOne(filter)`, resolved by import or by the unmistakable
 * `<db>.collection('name')` receiver) or a Mongoose model (`mongoose.model()`, an injected
 * `Model<T>`, or a model-like receiver imported from the project's own modules).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, getProperty, memberName, singleValue, unwrap } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { resolveModule, type ModuleRef } from '../core/modules.js';
import { quotedAny } from '../core/source-text.js';
import { resolveObject } from '../core/object-values.js';
import { staticValue } from '../core/static-value.js';
import { isModelLike, libraryOf, libraryOfNode, declaredLibrary } from './orm.js';
import {
  DISTINCTIVE_MONGOOSE_METHODS,
  MONGODB_DRIVER_MODULES,
  MONGOOSE_MODULES,
  NOSQL_METHODS,
  OTHER_ORM_ARGUMENT_KEYS,
  OTHER_ORM_MODULES,
  SANITIZING_MIDDLEWARE_MODULES,
  type NosqlMethodSpec,
} from '../../catalog/nosql.js';

type Node = TSESTree.Node;

export interface NosqlQuery {
  node: TSESTree.CallExpression;
  /** `mongodb` for a driver collection, `mongoose` for a model. */
  library: 'mongodb' | 'mongoose';
  /** `import` when the receiver resolves to the library's module; `shape` otherwise (the library is then a guess and never named). */
  recognisedBy: 'import' | 'shape';
  method: string;
  spec: NosqlMethodSpec;
  receiver: Node;
}

/** The names of `NOSQL_METHODS` (its own keys). */
const NOSQL_METHOD_NAMES: ReadonlySet<string> = new Set(Object.keys(NOSQL_METHODS));

/** Cheap pre-check on the method name alone. */
export function mayBeNosqlQuery(node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return method !== null && NOSQL_METHOD_NAMES.has(method);
}

const loadsOtherOrm = quotedAny(OTHER_ORM_MODULES);
const loadsMongoose = quotedAny(MONGOOSE_MODULES);
const loadsSanitizingMiddleware = quotedAny(SANITIZING_MIDDLEWARE_MODULES);

const cache = perFileCache(() => ({ queries: new Map<Node, NosqlQuery | null>(), sanitizeFilter: null as boolean | null }));

/** The MongoDB query `node` runs, or null. Cached per file. */
export function nosqlQuery(node: TSESTree.CallExpression, sourceCode: SourceCode): NosqlQuery | null {
  if (!mayBeNosqlQuery(node)) return null;
  const queries = cache(sourceCode).queries;
  if (queries.has(node)) return queries.get(node) ?? null;
  queries.set(node, null);
  const result = compute(node, sourceCode);
  queries.set(node, result);
  return result;
}

function compute(node: TSESTree.CallExpression, sourceCode: SourceCode): NosqlQuery | null {
  const callee = unwrap(node.callee) as TSESTree.MemberExpression;
  const method = memberName(callee)!;
  const spec = NOSQL_METHODS[method]!;
  const receiver = unwrap(callee.object);
  const base = { node, method, spec, receiver };
  const ref = resolveModule(receiver, sourceCode);
  if (ref) {
    if (MONGODB_DRIVER_MODULES.includes(ref.module)) return ref.path.includes('collection') ? { ...base, library: 'mongodb', recognisedBy: 'import' } : null;
    if (MONGOOSE_MODULES.includes(ref.module)) return mongooseRef(ref) ? { ...base, ...mongooseRef(ref)!, recognisedBy: 'import' } : null;
    if (libraryOf(ref)) return null; // another ORM's model
  }
  if (isCollectionCall(receiver, sourceCode)) return { ...base, library: 'mongodb', recognisedBy: 'shape' };
  const declared = declaredLibrary(receiver, sourceCode) ?? libraryOfNode(receiver, sourceCode);
  if (declared === 'mongoose') return { ...base, library: 'mongoose', recognisedBy: 'import' };
  if (declared) return null;
  if (ref && !isLocalModule(ref.module)) return null;
  if (spec.id === undefined && spec.filter === undefined && spec.code === undefined && spec.pipeline === undefined) return null;
  if (!isModelLike(receiver, sourceCode) || loadsOtherOrm(sourceCode)) return null;
  // Arguments shaped for another ORM (`{ where }`, `{ include }`) are not a MongoDB filter.
  for (const arg of node.arguments.slice(0, 3)) {
    const object = arg.type === AST_NODE_TYPES.SpreadElement ? null : resolveObject(arg, sourceCode);
    if (object && OTHER_ORM_ARGUMENT_KEYS.some((k) => getProperty(object, k))) return null;
  }
  if (loadsMongoose(sourceCode) || DISTINCTIVE_MONGOOSE_METHODS.has(method) || isLeanQuery(node) || method === 'find' || method === 'findOne') {
    return { ...base, library: 'mongoose', recognisedBy: 'shape' };
  }
  return null;
}

/** A Mongoose value whose methods are queries: `mongoose.model('User')`, `model()`, `mongoose.models.User`, a connection's collection. */
function mongooseRef(ref: ModuleRef): { library: 'mongodb' | 'mongoose' } | null {
  if (ref.path.includes('collection')) return { library: 'mongodb' };
  if (ref.path.includes('model') || ref.path.includes('models') || ref.path.includes('Model')) return { library: 'mongoose' };
  return null;
}

function isLocalModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('@/') || module.startsWith('~') || module.startsWith('#');
}

/** `Model.find(filter).lean()`: `lean()` is Mongoose's. */
function isLeanQuery(node: TSESTree.CallExpression): boolean {
  let current: Node = node;
  for (let i = 0; i < 6; i++) {
    const parent: Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return false;
    const call: Node | undefined = parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
    if (memberName(parent) === 'lean') return true;
    current = call;
  }
  return false;
}

/** `db.collection('users')`, or a variable holding one (`const users = db.collection('users')`). */
function isCollectionCall(receiver: Node, sourceCode: SourceCode, depth = 0): boolean {
  let node = unwrap(receiver);
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrap(node.argument);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee) === 'collection' &&
      node.arguments.length >= 1 &&
      node.arguments.length <= 2 &&
      node.arguments[0]?.type !== AST_NODE_TYPES.SpreadElement &&
      node.arguments[0]?.type !== AST_NODE_TYPES.ObjectExpression
    );
  }
  if (node.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const variable = findVar(sourceCode, node);
    const value = variable && singleValue(variable);
    return !!value && value.path.length === 0 && isCollectionCall(value.init, sourceCode, depth + 1);
  }
  return false;
}

/**
 * Whether the file turns on filter sanitizing for every query it runs: it loads
 * express-mongo-sanitize (or a middleware like it), or calls `mongoose.set('sanitizeFilter', true)`.
 */
export function fileSanitizesFilters(sourceCode: SourceCode): boolean {
  const state = cache(sourceCode);
  if (state.sanitizeFilter === null) {
    state.sanitizeFilter = loadsSanitizingMiddleware(sourceCode) || /\bset\(\s*['"]sanitizeFilter['"]\s*,\s*true\s*\)/.test(sourceCode.text);
  }
  return state.sanitizeFilter;
}

/** Whether this query turns on Mongoose's `sanitizeFilter` itself (an options argument or `.setOptions({ sanitizeFilter: true })`). */
export function querySanitizesFilter(query: NosqlQuery, sourceCode: SourceCode): boolean {
  const sets = (arg: Node | undefined): boolean => {
    const object = arg && unwrap(arg);
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const prop = getProperty(object, 'sanitizeFilter');
    return !!prop && staticValue(prop.value, sourceCode)?.value === true;
  };
  if (query.node.arguments.some((a) => sets(a))) return true;
  let current: Node = query.node;
  for (let i = 0; i < 8; i++) {
    const parent: Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return false;
    const call: Node | undefined = parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
    const name = memberName(parent);
    if ((name === 'setOptions' || name === 'setQuery' || name === 'sanitizeFilter') && (name === 'sanitizeFilter' || sets(call.arguments[0]))) return true;
    current = call;
  }
  return false;
}
