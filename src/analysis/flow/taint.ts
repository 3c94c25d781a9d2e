import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { bindingPath, calleeName, findVar, isFunction, memberName, propertyName, shortText, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
import { GLOBAL_SANITIZERS, PROPAGATORS, SANITIZERS, type SinkKind } from '../../catalog/sanitizers.js';
import { resolverArgumentSource } from '../http/graphql.js';
import { mayReadRequestInFile, requestSource, requestSourceAtPath, type RequestSource } from '../http/request-sources.js';
import { mayHaveActions, serverActionSource } from '../http/server-actions.js';
import { mayHaveSockets, socketMessageSource } from '../http/socket-sources.js';
import { mayParseMultipart, uploadNameSource } from '../http/upload-sources.js';
import { argumentsFor, callSites, localFunction, parameterIndex, returnedExpressions } from './local-functions.js';

type Node = TSESTree.Node;

export interface TaintOptions {
  /**
   * Whether `String(x)` / template coercion ends the taint. True only for sinks where the danger
   * is a non-string value (NoSQL operator injection); for text sinks (SQL, shell) a string is the danger.
   */
  stringCoercionSanitizes?: boolean;
  /**
   * Whether conversions and validation keep the taint: `Number(id)`, `parseInt(id)`, `schema.parse(x)`,
   * `new ObjectId(id)` still carry the client's choice of value. For questions about *which* value the
   * client picked (a record id), not whether its text is dangerous.
   */
  throughConversions?: boolean;
  /**
   * Whether the arguments of GraphQL resolvers count as client data too (`args.id`, `@Args('id')`):
   * for questions about which record a client picked. Off by default, so text sinks keep naming
   * them apart (see `resolverArgument`).
   */
  resolverArguments?: boolean;
  /**
   * The kind of sink the value is headed for: calls listed for that sink in `catalog/sanitizers.ts`
   * end the taint (`path.basename(name)` for paths, `mongo-sanitize` for NoSQL filters), for that
   * sink only.
   */
  sink?: SinkKind;
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
  'find',
  'findLast',
  'flatMap',
  'reverse',
  'sort',
  'toSorted',
  'toReversed',
  'pop',
  'shift',
  'values',
  'entries',
  'keys',
  'trimLeft',
  'trimRight',
]);
/** Conversions that keep the client's choice of value (for `throughConversions`). */
const CHOICE_CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'BigInt', 'String', 'ObjectId', 'ObjectID']);
/** Modules whose `parse()` turns text into data without checking it. */
const PARSER_MODULES = ['qs', 'querystring', 'query-string', 'url', 'cookie', 'path', 'json5', 'yaml', 'js-yaml'];
/** Global functions whose result carries their argument's content. */
const PROPAGATING_FUNCTIONS = new Set(['decodeURIComponent', 'decodeURI', 'unescape', 'structuredClone']);
const PROPAGATING_STATICS = new Set([
  'JSON.parse',
  'JSON.stringify',
  'Object.assign',
  'Object.values',
  'Object.entries',
  'Object.keys',
  'Object.fromEntries',
  'Array.from',
  'Buffer.from',
]);
/** Methods whose arguments (not only their receiver) end up in the result: `tpl.replace('{id}', id)`, `'a'.concat(b)`. */
const ARGUMENT_PROPAGATING_METHODS = new Set(['replace', 'replaceAll', 'concat', 'join', 'padStart', 'padEnd']);

export interface Taint {
  /** The request read the value derives from. */
  source: RequestSource;
  /** The file's own function the value passed through on its way (`readReport`), when it did. */
  through?: string;
}

const MAX_DEPTH = 20;
/** Array methods whose callback's first parameter is an element of the receiver (or, for `then`, its result). */
const ITERATING_METHODS = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findLast', 'flatMap', 'then']);

/**
 * Where a walk is: at the top of the file (`call` null), or inside a function of the file whose
 * result is asked for one call of it, so its parameters stand for that call's arguments. Each frame
 * keeps its own answers; a call's frame is made once per file and option set.
 */
interface Frame {
  fn: FunctionNode | null;
  call: TSESTree.CallExpression | null;
  parent: Frame | null;
  /** Frames between this one and the top. */
  level: number;
  cache: Map<Node, Taint | null>;
  children: Map<TSESTree.CallExpression, Frame>;
}

/** How many calls deep a result is followed into the file's own functions. */
const MAX_FRAMES = 3;

function newFrame(fn: FunctionNode | null, call: TSESTree.CallExpression | null, parent: Frame | null): Frame {
  return { fn, call, parent, level: parent ? parent.level + 1 : 0, cache: new Map(), children: new Map() };
}

/** One top frame per option set, created when a query with that set first comes. */
const caches = perFileCache(() => new Map<string, Frame>());

function optionKey(options: TaintOptions): string {
  return `${options.stringCoercionSanitizes ? 1 : 0}${options.throughConversions ? 1 : 0}${options.resolverArguments ? 1 : 0}${options.sink ?? ''}`;
}

/**
 * Whether an expression derives from client data: a request source, or a value computed from one
 * through variables, destructuring, member access, concatenation, templates, string methods,
 * `await`, spreads and object/array literals. Sanitizers (numeric conversion, schema validation,
 * `matchedData`) end it. Intra-file and flow-insensitive: a variable is tainted when any
 * assignment to it is. Cached per file.
 */
export function taintOf(node: Node, sourceCode: SourceCode, options: TaintOptions = {}): Taint | null {
  if (!options.resolverArguments && !mayHoldClientData(sourceCode, options.sink)) return null;
  const all = caches(sourceCode);
  const key = optionKey(options);
  let frame = all.get(key);
  if (frame === undefined) {
    frame = newFrame(null, null, null);
    all.set(key, frame);
  }
  return visit(node, sourceCode, options, { frame, active: new Map(), provisional: new Set(), lowest: Infinity }, 0);
}

/**
 * Whether any source taint knows can stand in the file: a function that can receive a request (or
 * a GraphQL resolver's arguments, as the request parameters count them), a socket message handler,
 * a server action, or, for path sinks, an upload parser's file name. Each is checked where its
 * sources are read; together they let a file with none skip every walk. (`resolverArguments` reads
 * more resolver shapes than that, so queries with it are not gated.) A rule whose every report needs
 * such taint can skip a file where this is false before it registers a listener.
 */
export function mayHoldClientData(sourceCode: SourceCode, sink: SinkKind | undefined): boolean {
  return (
    mayReadRequestInFile(sourceCode) ||
    mayHaveSockets(sourceCode) ||
    mayHaveActions(sourceCode) ||
    (sink === 'path' && mayParseMultipart(sourceCode))
  );
}

/**
 * One query's walk. `cache` holds final answers for the file. A node whose walk ran into a node
 * still being computed higher up (a cycle: `x = y + …; y = x`) may have missed taint that
 * arrives later through that node, so its clean answer is kept only for this query (`provisional`).
 */
interface Walk {
  /** Where the walk is; its cache holds final answers there. */
  frame: Frame;
  /** Nodes being computed, with their depth. */
  active: Map<Node, number>;
  provisional: Set<Node>;
  /** The lowest depth of an active node reached since the current node started. */
  lowest: number;
}

export function isTainted(node: Node, sourceCode: SourceCode, options: TaintOptions = {}): boolean {
  return taintOf(node, sourceCode, options) !== null;
}

function visit(raw: Node, sourceCode: SourceCode, options: TaintOptions, walk: Walk, depth: number): Taint | null {
  const node = unwrap(raw);
  if (depth > MAX_DEPTH) {
    walk.lowest = -1; // cut short: nothing above may be remembered as clean
    return null;
  }
  const cache = walk.frame.cache;
  if (cache.has(node)) return cache.get(node) ?? null;
  if (walk.provisional.has(node)) return null;
  const active = walk.active.get(node);
  if (active !== undefined) {
    // A value that depends on itself adds nothing by that path.
    walk.lowest = Math.min(walk.lowest, active);
    return null;
  }
  walk.active.set(node, depth);
  const outerLowest = walk.lowest;
  walk.lowest = Infinity;
  const result = compute(node, sourceCode, options, walk, depth);
  walk.active.delete(node);
  // Taint found is final; a clean answer is final unless a cycle reached above this node.
  if (result || walk.lowest >= depth) cache.set(node, result);
  else walk.provisional.add(node);
  walk.lowest = Math.min(outerLowest, walk.lowest);
  return result;
}

function compute(
  node: Node,
  sourceCode: SourceCode,
  options: TaintOptions,
  walk: Walk,
  depth: number,
): Taint | null {
  const next = (child: Node | null | undefined): Taint | null =>
    child ? visit(child, sourceCode, options, walk, depth + 1) : null;

  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const source =
        requestSource(node, sourceCode) ??
        (options.resolverArguments ? resolverArgumentSource(node, sourceCode) : null) ??
        socketMessageSource(node, sourceCode) ??
        serverActionSource(node, sourceCode);
      if (source) return { source };
      // An uploaded file's name as the client sent it (busboy, formidable, @fastify/multipart): client text for paths.
      if (options.sink === 'path') {
        const name = uploadNameSource(node, sourceCode);
        if (name) return { source: name };
      }
      if (options.sink && cleanedInPlace(node, sourceCode)) return null;
      return identifierTaint(node, sourceCode, next, walk, (child, frame) => {
        const here = walk.frame;
        walk.frame = frame;
        try {
          return visit(child, sourceCode, options, walk, depth + 1);
        } finally {
          walk.frame = here;
        }
      });
    }
    case AST_NODE_TYPES.MemberExpression: {
      const field = memberName(node);
      if (field !== null && SERVER_UPLOAD_FIELDS.has(field) && isUploadRead(node.object)) return null;
      const source = requestSource(node, sourceCode) ?? (options.resolverArguments ? resolverArgumentSource(node, sourceCode) : null);
      if (source) return { source };
      if (options.sink === 'path') {
        const name = uploadNameSource(node, sourceCode);
        if (name) return { source: name };
      }
      const member = memberName(node);
      if (member === 'length') return null;
      const t = next(node.object);
      // `req.file.path`, `files.upload.filepath`: where the upload middleware stored the file, a
      // name the server chose (the client's own name is `originalname` / `originalFilename`).
      if (t && member !== null && SERVER_UPLOAD_FIELDS.has(member) && isUploadRead(t.source.node)) return null;
      return t;
    }
    case AST_NODE_TYPES.CallExpression: {
      const source = requestSource(node, sourceCode);
      if (source) return { source };
      return callTaint(node, sourceCode, options, next) ?? localCallTaint(node, sourceCode, options, walk, depth);
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'URL' || callee.name === 'URLSearchParams')) {
        return next(node.arguments[0]);
      }
      // `new Request(url, init)`: the Web request carries its URL.
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Request' && !findVar(sourceCode, callee)?.defs.length) return next(node.arguments[0]);
      // `new ObjectId(id)`, `new mongoose.Types.ObjectId(id)`: the same id the client chose.
      const ctor = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
      if (options.throughConversions && (ctor === 'ObjectId' || ctor === 'ObjectID')) return next(node.arguments[0]);
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
    case AST_NODE_TYPES.UnaryExpression:
      return options.throughConversions && (node.operator === '+' || node.operator === '-') ? next(node.argument) : null;
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

/** For a name bound by destructuring `writeExpr` (`const { a: { b } } = x`), the keys to it; else null. */
function destructuredPath(identifier: TSESTree.Identifier, writeExpr: Node): string[] | null {
  let child: Node = identifier;
  let parent = identifier.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.ObjectPattern ||
      parent.type === AST_NODE_TYPES.ArrayPattern ||
      parent.type === AST_NODE_TYPES.RestElement ||
      (parent.type === AST_NODE_TYPES.Property && parent.value === child) ||
      (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === child))
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (child === identifier || !parent) return null;
  const bound =
    (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === child && parent.init === writeExpr) ||
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === child && parent.right === writeExpr);
  if (!bound) return null;
  const { path } = bindingPath(identifier, child);
  return path.every((p): p is string => p !== null) ? (path as string[]) : null;
}

/** The taint of a result of one of the file's own functions: its returned expressions read with its parameters standing for this call's arguments. */
function localCallTaint(node: TSESTree.CallExpression, sourceCode: SourceCode, options: TaintOptions, walk: Walk, depth: number): Taint | null {
  const here = walk.frame;
  if (here.level >= MAX_FRAMES) return null;
  const fn = localFunction(node.callee, sourceCode);
  if (!fn) return null;
  const returned = returnedExpressions(fn, sourceCode);
  if (!returned || returned.length === 0) return null;
  let frame = here.children.get(node);
  if (!frame) {
    frame = newFrame(fn, node, here);
    here.children.set(node, frame);
  }
  walk.frame = frame;
  try {
    for (const expr of returned) {
      const t = visit(expr, sourceCode, options, walk, depth + 1);
      if (t) return t.through ? t : { ...t, through: functionName(fn) };
    }
    return null;
  } finally {
    walk.frame = here;
  }
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition || (parent?.type === AST_NODE_TYPES.Property && parent.value === fn)) {
    return propertyName(parent) ?? undefined;
  }
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

/** The taint a parameter of one of the file's functions gets from the calls of it in the file (or, in a call's frame, from that call). */
function parameterTaint(
  name: Node,
  fn: FunctionNode,
  walk: Walk,
  visitIn: (child: Node, frame: Frame) => Taint | null,
): Taint | null {
  const index = parameterIndex(fn, name);
  if (index < 0) return null;
  // Inside a call's frame, the parameter is that call's argument, read where the call is.
  for (let frame: Frame | null = walk.frame; frame; frame = frame.parent) {
    if (frame.fn === fn && frame.call && frame.parent) {
      for (const arg of argumentsFor(fn, frame.call, index)) {
        const t = visitIn(arg, frame.parent);
        if (t) return t;
      }
      return null;
    }
  }
  return null;
}

/** Fields of an uploaded file object that the upload middleware sets itself (multer, formidable, koa-body, express-fileupload). */
const SERVER_UPLOAD_FIELDS = new Set(['path', 'filepath', 'destination', 'tempFilePath', 'size']);
const UPLOAD_CONTAINERS = new Set(['file', 'files']);
const CLIENT_CONTAINERS = new Set(['body', 'query', 'params', 'headers', 'cookies']);

/** Whether a request read is an uploaded file object: `req.file`, `req.files.avatar`, `ctx.request.files?.file`. */
function isUploadRead(node: Node): boolean {
  let upload = false;
  for (let current: Node = unwrap(node); current.type === AST_NODE_TYPES.MemberExpression; current = unwrap(current.object)) {
    const name = memberName(current);
    // `req.body.file.path` is JSON the client wrote.
    if (name !== null && CLIENT_CONTAINERS.has(name)) return false;
    if (name !== null && UPLOAD_CONTAINERS.has(name)) upload = true;
  }
  return upload;
}

/** Names of the application's own cleaning functions: `sanitizePathname`, `safeJoin`, `cleanPath`. */
const CLEANER_NAME = /^(?:sanitize|safe|clean)[A-Z_]|^(?:sanitize|clean)$/;

/**
 * Whether the variable `node` reads is passed through one of the application's own cleaners and
 * written back (`filename = sanitizePathname(filename)`): what a sink receives after that is the
 * cleaned value. Asked only for a named sink, whose cleaners the application knows best.
 */
function cleanedInPlace(node: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = findVar(sourceCode, node);
  if (!variable) return false;
  for (const ref of variable.references) {
    const write = ref.writeExpr ? unwrap(ref.writeExpr as Node) : null;
    const call = write?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(write.argument) : write;
    if (!ref.isWrite() || call?.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrap(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
    if (name === null || !CLEANER_NAME.test(name)) continue;
    if (call.arguments.some((arg) => arg.type === AST_NODE_TYPES.Identifier && findVar(sourceCode, arg) === variable)) return true;
  }
  return false;
}

function identifierTaint(
  node: TSESTree.Identifier,
  sourceCode: SourceCode,
  next: (child: Node | null | undefined) => Taint | null,
  walk: Walk,
  visitIn: (child: Node, frame: Frame) => Taint | null,
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

    // `const { body } = req`, `const { params } = context`: the request object itself is not
    // client data, the destructured property is.
    const path = destructuredPath(ref.identifier as TSESTree.Identifier, ref.writeExpr as Node);
    if (path) {
      const source = requestSourceAtPath(ref.writeExpr as Node, path, sourceCode);
      if (source) return { source };
    }
  }
  const def = variable.defs[0];
  if (def?.type === 'Parameter') {
    const fn = def.node;
    if (!isFunction(fn)) return null;
    // `.forEach((item) => …)`, `.map(([key, value]) => …)`, `.then((body) => …)` callbacks over request data.
    const call = fn.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === fn &&
      parameterIndex(fn, def.name) === 0 &&
      ITERATING_METHODS.has(calleeName(call) ?? '')
    ) {
      const callee = unwrap(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) return next(callee.object);
    }
    // A parameter of one of the file's functions: what its calls pass.
    const inFrame = parameterTaint(def.name, fn, walk, visitIn);
    if (inFrame) return inFrame;
    if (walk.frame.fn === fn) return null;
    const index = parameterIndex(fn, def.name);
    if (index < 0) return null;
    for (const site of callSites(fn, sourceCode)) {
      for (const arg of argumentsFor(fn, site, index)) {
        const t = next(arg);
        if (t) return t.through ? t : { ...t, through: functionName(fn) };
      }
    }
    return null;
  }
  // `parts.push(req.query.a)`: an array the file fills with request data.
  for (const ref of variable.references) {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    const method = memberName(member);
    if (method !== 'push' && method !== 'unshift') continue;
    for (const arg of call.arguments) {
      const t = next(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
      if (t) return t;
    }
  }
  return null;
}

const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((step, i) => step === b[i]);

/** The sinks calling `callee` sanitizes a value for (catalog/sanitizers.ts), or null when it is no sanitizer. */
function sanitizerCall(callee: Node, sourceCode: SourceCode): readonly SinkKind[] | null {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const sinks = GLOBAL_SANITIZERS.get(callee.name);
    if (sinks && !findVar(sourceCode, callee)?.defs.length) return sinks;
  } else if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const ref = resolveModule(callee, sourceCode);
  if (!ref) return null;
  const sinks = SANITIZERS.filter((row) => row.modules.includes(ref.module) && samePath(row.path, ref.path)).flatMap((row) => row.sinks);
  return sinks.length > 0 ? sinks : null;
}

/** Whether `callee` is a module function whose result carries its arguments' text (`path.join`, `util.format`). */
function propagatesArguments(callee: Node, sourceCode: SourceCode): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const ref = resolveModule(callee, sourceCode);
  return !!ref && PROPAGATORS.some((row) => row.modules.includes(ref.module) && samePath(row.path, ref.path));
}

function isParser(callee: Node, sourceCode: SourceCode): boolean {
  const ref = resolveModule(callee, sourceCode);
  return fromModule(ref, PARSER_MODULES) && ref.path.length === 1 && ref.path[0] === 'parse';
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
  const sanitizer = sanitizerCall(callee, sourceCode);
  if (sanitizer) {
    // Safe for its own sinks; for every other sink the result is still the client's text.
    if (options.sink && sanitizer.includes(options.sink)) return null;
    return options.stringCoercionSanitizes ? null : next(argNode);
  }
  if (propagatesArguments(callee, sourceCode)) {
    for (const arg of node.arguments) {
      const t = next(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
      if (t) return t;
    }
    return null;
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const name = callee.name;
    const declared = findVar(sourceCode, callee)?.defs.length;
    if (options.throughConversions && (CHOICE_CONVERSIONS.has(name) || VALIDATED_FUNCTIONS.has(name))) return next(argNode);
    if (!declared && NUMERIC_SANITIZERS.has(name)) return null;
    if (!declared && name === 'String') return options.stringCoercionSanitizes ? null : next(argNode);
    if (VALIDATED_FUNCTIONS.has(name)) return null;
    if (!declared && PROPAGATING_FUNCTIONS.has(name)) return next(argNode);
    if (declared && isParser(callee, sourceCode)) return next(argNode);
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const object = unwrap(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const qualified = `${object.name}.${method}`;
    if (options.throughConversions && object.name === 'Number' && (method === 'parseInt' || method === 'parseFloat')) return next(argNode);
    if (object.name === 'Math' || object.name === 'Number') return null;
    if (PROPAGATING_STATICS.has(qualified)) {
      for (const arg of node.arguments) {
        const t = next(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
        if (t) return t;
      }
      return null;
    }
  }
  if (options.throughConversions) {
    if (method === 'ObjectId' || method === 'createFromHexString' || method === 'createFromBase64') return next(argNode);
    if (VALIDATION_METHODS.has(method)) return next(argNode);
    // Hono `c.req.valid('param')`: validated, but still the client's choice.
    if (method === 'valid' && object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'req') {
      return { source: { role: 'hono', text: shortText(sourceCode, node), node } };
    }
  }
  // `qs.parse(str)`, `querystring.parse(str)`, `url.parse(req.url, true)`: parsers, not validators.
  if (method === 'parse' && isParser(callee, sourceCode)) return next(argNode);
  if (VALIDATION_METHODS.has(method) || method === 'valid') return null;
  if (PROPAGATING_METHODS.has(method)) {
    const t = next(callee.object);
    if (t || !ARGUMENT_PROPAGATING_METHODS.has(method)) return t;
    for (const arg of node.arguments) {
      const value = arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg;
      // A replacer function's result is not the argument itself.
      if (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression) continue;
      const argTaint = next(value);
      if (argTaint) return argTaint;
    }
  }
  return null;
}
