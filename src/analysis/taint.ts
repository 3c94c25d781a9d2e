import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, memberName, unwrap } from './ast.js';
import { perFileCache, type SourceCode } from './cache.js';
import { requestSource, type RequestSource } from './request-sources.js';

type Node = TSESTree.Node;

export interface TaintOptions {
  /**
   * Whether `String(x)` / template coercion ends the taint. True only for sinks where the danger
   * is a non-string value (NoSQL operator injection); for text sinks (SQL, shell) a string is the danger.
   */
  stringCoercionSanitizes?: boolean;
}

/** Calls whose result is a number or boolean: no text or structure from the input survives. */
const NUMERIC_SANITIZERS = new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'BigInt', 'isNaN', 'isFinite']);
/** Validation/parse methods of schema libraries (zod, joi, yup, valibot, superstruct, class-validator, ajv…). */
const VALIDATION_METHODS = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'validate',
  'validateSync',
  'validateAsync',
  'validateOrReject',
  'cast',
  'create',
  'assert',
]);
/** Validated-data accessors: express-validator `matchedData(req)`, Hono `c.req.valid()`. */
const VALIDATED_FUNCTIONS = new Set(['matchedData', 'plainToInstance', 'plainToClass']);
/** Methods that carry their receiver's content into their result. */
const PROPAGATING_METHODS = new Set([
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'normalize',
  'slice',
  'substring',
  'substr',
  'replace',
  'replaceAll',
  'split',
  'concat',
  'padStart',
  'padEnd',
  'toString',
  'valueOf',
  'at',
  'join',
  'map',
  'filter',
  'flat',
  'get',
  'getAll',
  'then',
]);
/** Global functions whose result carries their argument's content. */
const PROPAGATING_FUNCTIONS = new Set(['decodeURIComponent', 'decodeURI', 'unescape', 'structuredClone']);
const PROPAGATING_STATICS = new Set(['JSON.parse', 'JSON.stringify', 'Object.assign', 'Object.values', 'Object.entries', 'Array.from', 'Buffer.from']);

export interface Taint {
  /** The request read the value derives from. */
  source: RequestSource;
}

const MAX_DEPTH = 20;

const caches = perFileCache(() => ({ plain: new Map<Node, Taint | null>(), coerce: new Map<Node, Taint | null>() }));

/**
 * Whether an expression derives from client data: a request source, or a value computed from one
 * through variables, destructuring, member access, concatenation, templates, string methods,
 * `await`, spreads and object/array literals. Sanitizers (numeric conversion, schema validation,
 * `matchedData`) end it. Intra-file and flow-insensitive: a variable is tainted when any
 * assignment to it is. Cached per file.
 */
export function taintOf(node: Node, sourceCode: SourceCode, options: TaintOptions = {}): Taint | null {
  const cache = options.stringCoercionSanitizes ? caches(sourceCode).coerce : caches(sourceCode).plain;
  return visit(node, sourceCode, options, cache, 0);
}

export function isTainted(node: Node, sourceCode: SourceCode, options: TaintOptions = {}): boolean {
  return taintOf(node, sourceCode, options) !== null;
}

function visit(
  raw: Node,
  sourceCode: SourceCode,
  options: TaintOptions,
  cache: Map<Node, Taint | null>,
  depth: number,
): Taint | null {
  const node = unwrap(raw);
  if (depth > MAX_DEPTH) return null;
  if (cache.has(node)) return cache.get(node) ?? null;
  cache.set(node, null); // cycle guard: a value that depends on itself adds nothing
  const result = compute(node, sourceCode, options, cache, depth);
  cache.set(node, result);
  return result;
}

function compute(
  node: Node,
  sourceCode: SourceCode,
  options: TaintOptions,
  cache: Map<Node, Taint | null>,
  depth: number,
): Taint | null {
  const next = (child: Node | null | undefined): Taint | null =>
    child ? visit(child, sourceCode, options, cache, depth + 1) : null;

  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const source = requestSource(node, sourceCode);
      if (source) return { source };
      return identifierTaint(node, sourceCode, next);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const source = requestSource(node, sourceCode);
      if (source) return { source };
      if (memberName(node) === 'length') return null;
      return next(node.object);
    }
    case AST_NODE_TYPES.CallExpression: {
      const source = requestSource(node, sourceCode);
      if (source) return { source };
      return callTaint(node, sourceCode, options, next);
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'URL' || callee.name === 'URLSearchParams')) {
        return next(node.arguments[0]);
      }
      return null;
    }
    case AST_NODE_TYPES.AwaitExpression: {
      const source = requestSource(node, sourceCode);
      if (source) return { source };
      return next(node.argument);
    }
    case AST_NODE_TYPES.TemplateLiteral:
      if (options.stringCoercionSanitizes) return null;
      for (const expr of node.expressions) {
        const t = next(expr);
        if (t) return t;
      }
      return null;
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator !== '+') return null;
      if (options.stringCoercionSanitizes) return null;
      return next(node.left) ?? next(node.right);
    case AST_NODE_TYPES.LogicalExpression:
      return next(node.left) ?? next(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(node.consequent) ?? next(node.alternate);
    case AST_NODE_TYPES.SequenceExpression:
      return next(node.expressions[node.expressions.length - 1]);
    case AST_NODE_TYPES.AssignmentExpression:
      return next(node.right);
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of node.elements) {
        const t = element && next(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
        if (t) return t;
      }
      return null;
    case AST_NODE_TYPES.ObjectExpression:
      for (const prop of node.properties) {
        const t = next(prop.type === AST_NODE_TYPES.SpreadElement ? prop.argument : prop.value);
        if (t) return t;
      }
      return null;
    default:
      return null;
  }
}

function identifierTaint(
  node: TSESTree.Identifier,
  sourceCode: SourceCode,
  next: (child: Node | null | undefined) => Taint | null,
): Taint | null {
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length === 0) return null;
  for (const def of variable.defs) {
    if (def.type !== 'Variable') continue;
    const declarator = def.node;
    // `for (const item of req.body.items)`
    const loop = declarator.parent?.parent;
    if (
      !declarator.init &&
      loop &&
      (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === declarator.parent
    ) {
      const t = next(loop.right);
      if (t) return t;
    }
  }
  for (const ref of variable.references) {
    if (!ref.isWrite() || !ref.writeExpr) continue;
    // Writes inside a pattern with a default (`const { a = 'x' } = req.query`) still carry the source.
    const t = next(ref.writeExpr);
    if (t) return t;
  }
  // `.forEach((item) => …)` / `.map(item => …)` callbacks over request data.
  const def = variable.defs[0];
  if (def?.type === 'Parameter') {
    const fn = def.node;
    const call = fn.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === fn &&
      fn.params[0] === def.name &&
      ['forEach', 'map', 'filter', 'some', 'every', 'find', 'flatMap'].includes(calleeName(call) ?? '')
    ) {
      const callee = unwrap(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) return next(callee.object);
    }
  }
  return null;
}

function callTaint(
  node: TSESTree.CallExpression,
  sourceCode: SourceCode,
  options: TaintOptions,
  next: (child: Node | null | undefined) => Taint | null,
): Taint | null {
  const callee = unwrap(node.callee);
  const firstArg = node.arguments[0];
  const argNode = firstArg && firstArg.type !== AST_NODE_TYPES.SpreadElement ? firstArg : null;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const name = callee.name;
    const declared = findVar(sourceCode, callee)?.defs.length;
    if (!declared && NUMERIC_SANITIZERS.has(name)) return null;
    if (!declared && name === 'String') return options.stringCoercionSanitizes ? null : next(argNode);
    if (VALIDATED_FUNCTIONS.has(name)) return null;
    if (!declared && PROPAGATING_FUNCTIONS.has(name)) return next(argNode);
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const object = unwrap(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const qualified = `${object.name}.${method}`;
    if (object.name === 'Math' || object.name === 'Number') return null;
    if (PROPAGATING_STATICS.has(qualified)) {
      for (const arg of node.arguments) {
        const t = next(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
        if (t) return t;
      }
      return null;
    }
  }
  if (VALIDATION_METHODS.has(method) || method === 'valid') return null;
  if (PROPAGATING_METHODS.has(method)) return next(callee.object);
  return null;
}
