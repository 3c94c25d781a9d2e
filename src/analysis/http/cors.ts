/**
 * The CORS policy code sets: which origins a CORS middleware's options allow (`cors`,
 * `@fastify/cors`, `@koa/cors`, `koa2-cors`, `hono/cors`, NestJS `enableCors` / `NestFactory.create`
 * `cors`), resolved by import, with or without credentials; and the CORS headers a handler writes
 * by hand (`res.setHeader('Access-Control-Allow-Origin', req.headers.origin)`), whether they echo
 * the request's `Origin` and whether an allow-list check guards them.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, childNodes, enclosingFunction, findVar, isFunction, memberName, paramName, propertyName, singleValue, unwrap, wrappedParent, type FunctionNode } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { isEnvironmentTest } from '../core/environment.js';
import { CALL, resolveCompiledModule, type ModuleRef } from '../core/modules.js';
import { hasMember, isObjectOpen, memberValue, resolveObject, resolveValueNode } from '../core/object-values.js';
import { staticString, staticValue } from '../core/static-value.js';
import {
  CORS_LIBRARIES,
  NEST_APPLICATION_TYPES,
  NEST_CORE_MODULE,
  NEST_ENABLE_CORS,
  NEST_FACTORY_PATH,
  NEST_TYPE_MODULES,
  ORIGIN_CHECK_METHODS,
  type CorsLibrary,
  type OriginFunctionStyle,
} from '../../catalog/cors.js';
import { requestSource } from './request-sources.js';
import { functionOf } from './routes.js';
import { weakOriginPattern, type WeakPattern } from './origin-patterns.js';

type Node = TSESTree.Node;

/**
 * What one allowed origin (or the whole `origin` option) lets through:
 * - `wildcard`: `Access-Control-Allow-Origin: *` sent as such;
 * - `reflect`: the request's own `Origin` sent back, whatever it is (`how` says why);
 * - `null`: the origin `null` (sandboxed iframes, `file:` pages, redirects: any page can send it);
 * - `weak-pattern`: a regular expression an attacker's registrable domain passes.
 */
export type OriginAllowance =
  | { kind: 'wildcard'; node: Node; byDefault: boolean }
  | { kind: 'reflect'; node: Node; how: ReflectHow }
  | { kind: 'null'; node: Node }
  | { kind: 'weak-pattern'; node: Node; pattern: string; weakness: WeakPattern };

export type ReflectHow = 'true' | 'callback-allows' | 'function-echoes' | 'wildcard-with-credentials' | 'default-with-credentials' | 'default-reflects';

export interface CorsConfiguration {
  /** The library's name, as resolved by import (`cors`, `@fastify/cors`, `NestJS`). */
  library: string;
  call: TSESTree.CallExpression;
  /** The options object, when the call has one that was followed to its literal. */
  options: TSESTree.ObjectExpression | null;
  /** What the `origin` option lets through; empty when it allows only listed origins, or is not known. */
  allowances: OriginAllowance[];
  /** `credentials: true` (true), absent or false (false), not known (null). */
  credentials: boolean | null;
}

/** How a NestJS application reads `cors` options: as the `cors` package does. */
const NEST_LIBRARY: CorsLibrary = {
  modules: [NEST_CORE_MODULE],
  name: 'NestJS',
  factories: [],
  trueReflects: true,
  wildcardReflectsWithCredentials: false,
  originFunction: 'callback',
};

function samePath(path: readonly string[], expected: readonly string[]): boolean {
  return path.length === expected.length && path.every((s, i) => s === expected[i]);
}

function libraryOf(ref: ModuleRef | null, plugin: boolean): CorsLibrary | null {
  if (!ref) return null;
  for (const library of CORS_LIBRARIES) {
    if (!library.modules.includes(ref.module) || !!library.plugin !== plugin) continue;
    if (library.factories.some((f) => samePath(ref.path, f))) return library;
  }
  return null;
}

/** The arguments of a call, or null when one is spread (positions are then unknown). */
function plainArguments(call: TSESTree.CallExpression): TSESTree.Expression[] | null {
  const args: TSESTree.Expression[] = [];
  for (const arg of call.arguments) {
    if (arg.type === AST_NODE_TYPES.SpreadElement) return null;
    args.push(arg);
  }
  return args;
}

/** Whether the receiver of `app.enableCors()` is a NestJS application: made by `NestFactory.create`, or typed as one. */
function isNestApplication(receiver: Node, sourceCode: SourceCode): boolean {
  const ref = resolveCompiledModule(receiver, sourceCode);
  if (ref) return ref.module === NEST_CORE_MODULE && ref.path.length >= 3 && samePath(ref.path.slice(0, 3), [...NEST_FACTORY_PATH, CALL]);
  const target = unwrap(receiver);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, target)?.defs[0];
  const id = def?.name;
  const annotation = id?.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const typeName = annotation.typeName;
  if (!NEST_APPLICATION_TYPES.has(typeName.name)) return false;
  const typeDef = findVar(sourceCode, typeName)?.defs[0];
  if (typeDef?.type !== 'ImportBinding') return false;
  const declaration = typeDef.parent;
  return declaration?.type === AST_NODE_TYPES.ImportDeclaration && NEST_TYPE_MODULES.includes(declaration.source.value);
}

/**
 * The CORS configuration a call sets up, when it is a CORS middleware factory, a CORS plugin
 * registration or a NestJS `enableCors` / `NestFactory.create(…, { cors })` resolved by import;
 * null otherwise, and when the options are not an object literal this file holds.
 */
export function corsConfiguration(call: TSESTree.CallExpression, sourceCode: SourceCode): CorsConfiguration | null {
  const args = plainArguments(call);
  if (!args) return null;
  const callee = unwrap(call.callee);
  const name = calleeName(call);
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'register' && args[0]) {
    const library = libraryOf(resolveCompiledModule(args[0], sourceCode), true);
    return library ? configure(library, call, args[1] ?? null, sourceCode) : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === NEST_ENABLE_CORS) {
    if (!isNestApplication(callee.object, sourceCode)) return null;
    return configure(NEST_LIBRARY, call, args[0] ?? null, sourceCode);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'create' && args.length >= 2) {
    const ref = resolveCompiledModule(callee, sourceCode);
    if (!ref || ref.module !== NEST_CORE_MODULE || !samePath(ref.path, NEST_FACTORY_PATH)) return null;
    for (const arg of args.slice(1)) {
      const object = resolveObject(arg, sourceCode);
      if (!object || !hasMember(object, 'cors', sourceCode)) continue;
      const cors = memberValue(object, 'cors', sourceCode);
      if (!cors) return null;
      const value = staticValue(cors, sourceCode);
      if (value?.value === false) return null;
      return configure(NEST_LIBRARY, call, value?.value === true ? null : cors, sourceCode);
    }
    return null;
  }
  if (!mayBeFactory(callee, sourceCode)) return null;
  const library = libraryOf(resolveCompiledModule(callee, sourceCode), false);
  return library ? configure(library, call, args[0] ?? null, sourceCode) : null;
}

/**
 * A cheap test before resolving a callee: a middleware factory is called through a binding the
 * file imports or declares (`cors(…)`), `require('cors')(…)` or a compiled `(0, m.default)(…)`;
 * never through a method (`app.use(…)`), a parameter or a global.
 */
function mayBeFactory(callee: Node, sourceCode: SourceCode): boolean {
  if (callee.type === AST_NODE_TYPES.CallExpression || callee.type === AST_NODE_TYPES.SequenceExpression) return true;
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, callee)?.defs[0];
  return def?.type === 'ImportBinding' || def?.type === 'Variable';
}

type Member = { present: true; value: Node } | { present: false } | null;

/** A member of the options: present with its value, absent, or not known (null). */
function option(options: TSESTree.ObjectExpression | null, name: string, sourceCode: SourceCode): Member {
  if (!options) return { present: false };
  if (hasMember(options, name, sourceCode)) {
    const value = memberValue(options, name, sourceCode);
    return value ? { present: true, value } : null;
  }
  return isObjectOpen(options, sourceCode) ? null : { present: false };
}

function configure(library: CorsLibrary, call: TSESTree.CallExpression, optionsArg: Node | null, sourceCode: SourceCode): CorsConfiguration | null {
  let options: TSESTree.ObjectExpression | null = null;
  if (optionsArg) {
    options = resolveObject(optionsArg, sourceCode);
    if (!options) return null;
  }
  const credentialsMember = option(options, 'credentials', sourceCode);
  let credentials: boolean | null = null;
  if (credentialsMember && !credentialsMember.present) credentials = false;
  else if (credentialsMember?.present) {
    const value = staticValue(credentialsMember.value, sourceCode);
    if (value) credentials = value.value === true;
  }
  const originMember = option(options, 'origin', sourceCode);
  const allowances: OriginAllowance[] = [];
  const at = options ?? call;
  if (originMember && !originMember.present) {
    if (library.defaultReflects) allowances.push({ kind: 'reflect', node: at, how: 'default-reflects' });
    else if (library.wildcardReflectsWithCredentials && credentials === true) allowances.push({ kind: 'reflect', node: at, how: 'default-with-credentials' });
    else allowances.push({ kind: 'wildcard', node: at, byDefault: true });
  } else if (originMember?.present) {
    allowances.push(...originAllowances(originMember.value, library, credentials, sourceCode));
  }
  return { library: library.name, call, options, allowances, credentials };
}

/** What an `origin` option value lets through. */
function originAllowances(value: Node, library: CorsLibrary, credentials: boolean | null, sourceCode: SourceCode): OriginAllowance[] {
  const resolved = resolveValueNode(value, sourceCode) ?? unwrap(value);
  // Shown where the option is written: the property, not a constant defined elsewhere.
  const at = value;
  if (resolved.type === AST_NODE_TYPES.ArrayExpression) {
    const result: OriginAllowance[] = [];
    for (const element of resolved.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
      const item = listedOrigin(element, sourceCode);
      if (item) result.push(item);
    }
    return result;
  }
  const fn = isFunction(resolved) ? resolved : functionOf(value, sourceCode);
  if (fn) return originFunctionAllows(fn, library.originFunction, library.wildcardReflectsWithCredentials && credentials === true, sourceCode) ? [{ kind: 'reflect', node: at, how: fn.params.length > 0 && library.originFunction === 'callback' ? 'callback-allows' : 'function-echoes' }] : [];
  const constant = staticValue(resolved, sourceCode);
  if (constant?.value === true) return library.trueReflects ? [{ kind: 'reflect', node: at, how: 'true' }] : [];
  if (constant?.value === '*') {
    if (library.wildcardDropsCredentials) return credentials === true ? [] : [{ kind: 'wildcard', node: at, byDefault: false }];
    return library.wildcardReflectsWithCredentials && credentials === true
      ? [{ kind: 'reflect', node: at, how: 'wildcard-with-credentials' }]
      : [{ kind: 'wildcard', node: at, byDefault: false }];
  }
  const item = listedOrigin(resolved, sourceCode, at);
  return item ? [item] : [];
}

/** A single listed origin that lets more through than it says: `'null'` or a weak pattern. */
function listedOrigin(element: Node, sourceCode: SourceCode, at: Node = element): OriginAllowance | null {
  const target = resolveValueNode(element, sourceCode) ?? unwrap(element);
  const pattern = patternSource(target, sourceCode);
  if (pattern !== null) {
    const weakness = weakOriginPattern(pattern);
    return weakness ? { kind: 'weak-pattern', node: at, pattern, weakness } : null;
  }
  const text = staticString(target, sourceCode);
  return text !== null && text.trim().toLowerCase() === 'null' ? { kind: 'null', node: at } : null;
}

/** The source of a regular expression literal or of `new RegExp('…')` / `RegExp('…')` with constant text. */
export function patternSource(node: Node, sourceCode: SourceCode): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal && 'regex' in target && target.regex) return target.regex.pattern;
  if ((target.type === AST_NODE_TYPES.NewExpression || target.type === AST_NODE_TYPES.CallExpression) && target.callee.type === AST_NODE_TYPES.Identifier && target.callee.name === 'RegExp') {
    const first = target.arguments[0];
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
    return staticString(first, sourceCode);
  }
  return null;
}

const MAX_RETURNS_SCAN = 2000;

/** The `return` arguments of a function, not of the functions inside it; null when one is bare or the body is too large. */
function ownReturns(fn: FunctionNode): Node[] | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: Node[] = [];
  const stack: Node[] = [fn.body];
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited > MAX_RETURNS_SCAN) return null;
    const node = stack.pop()!;
    if (node !== fn.body && (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody)) continue;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (!node.argument) return null;
      values.push(node.argument);
    }
    stack.push(...childNodes(node));
  }
  return values;
}

function parameterVariable(fn: FunctionNode, index: number, sourceCode: SourceCode) {
  const param = fn.params[index];
  const name = paramName(param);
  if (!param || !name) return null;
  const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return id.type === AST_NODE_TYPES.Identifier ? findVar(sourceCode, id) : null;
}

/** Whether `node` is (a constant holding) the value of parameter `variable`. */
function isParameterValue(node: Node, variable: ReturnType<typeof findVar>, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (!variable || target.type !== AST_NODE_TYPES.Identifier) return false;
  const found = findVar(sourceCode, target);
  if (found === variable) return true;
  const value = found && singleValue(found);
  return !!value && value.path.length === 0 && isParameterValue(value.init, variable, sourceCode);
}

/**
 * Whether an `origin` function allows every origin: a `(origin, callback)` function whose every
 * call of its callback is `callback(null, true)` or `callback(null, origin)`; a Koa `(ctx)` or Hono
 * `(origin, c)` function whose every `return` is the request's origin (`ctx.get('Origin')`, the
 * `origin` parameter), possibly with a fallback, or `'*'` where the library turns it into the request's
 * origin (`wildcardReflects`, @koa/cors with credentials).
 */
function originFunctionAllows(fn: FunctionNode, style: OriginFunctionStyle, wildcardReflects: boolean, sourceCode: SourceCode): boolean {
  if (style === 'callback') {
    const origin = parameterVariable(fn, 0, sourceCode);
    const callback = parameterVariable(fn, 1, sourceCode);
    if (!callback || callback.references.length === 0) return false;
    for (const ref of callback.references) {
      const call = ref.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier || enclosingFunction(call) !== fn) return false;
      const [error, allowed] = call.arguments;
      if (!error || !allowed || error.type === AST_NODE_TYPES.SpreadElement || allowed.type === AST_NODE_TYPES.SpreadElement) return false;
      const errorValue = staticValue(error, sourceCode);
      if (!errorValue || (errorValue.value !== null && errorValue.value !== undefined)) return false;
      const allowedValue = staticValue(allowed, sourceCode);
      if (allowedValue?.value !== true && !isParameterValue(allowed, origin, sourceCode)) return false;
    }
    return true;
  }
  const returns = ownReturns(fn);
  if (!returns || returns.length === 0) return false;
  const origin = style === 'value' ? parameterVariable(fn, 0, sourceCode) : null;
  return returns.every((value) => echoesOrigin(value, sourceCode, origin, wildcardReflects, 0));
}

/** Whether a returned value is the request's origin (or `'*'`, when `wildcardReflects`), whatever the request. */
function echoesOrigin(node: Node, sourceCode: SourceCode, originParam: ReturnType<typeof findVar>, wildcardReflects: boolean, depth: number): boolean {
  const target = unwrap(node);
  if (depth > 4) return false;
  const echoes = (inner: Node): boolean => echoesOrigin(inner, sourceCode, originParam, wildcardReflects, depth + 1);
  if (wildcardReflects && staticValue(target, sourceCode)?.value === '*') return true;
  if (target.type === AST_NODE_TYPES.AwaitExpression) return echoes(target.argument);
  if (target.type === AST_NODE_TYPES.LogicalExpression && target.operator !== '&&') {
    return echoes(target.left) && (staticValue(target.right, sourceCode) !== undefined || echoes(target.right));
  }
  if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    return !checksOrigin(target.test, sourceCode) && echoes(target.consequent) && echoes(target.alternate);
  }
  if (originParam && isParameterValue(target, originParam, sourceCode)) return true;
  return requestOrigin(target, sourceCode) !== null;
}

/** The root identifier of a member/call chain (`req` in `req.headers.origin`, `ctx` in `ctx.get('Origin')`). */
function chainRoot(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  for (let i = 0; i < 8; i++) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else return null;
  }
  return null;
}

/** Whether the chain starts at a function parameter (a handler's `req`, `ctx`, `c`, `request`), directly or through a constant. */
function fromParameter(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  const root = chainRoot(node);
  const variable = root && findVar(sourceCode, root);
  const def = variable?.defs[0];
  if (!variable || !def) return false;
  if (def.type === 'Parameter') return true;
  const value = depth < 3 ? singleValue(variable) : null;
  return !!value && fromParameter(value.init, sourceCode, depth + 1);
}

const isOriginName = (name: string | null): boolean => name !== null && name.toLowerCase() === 'origin';
const HEADER_OBJECTS = new Set(['headers', 'header']);
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);
/** How handlers name the request object (Express/Fastify `req`/`request`, Koa `ctx`/`context`, Hono `c`). */
const REQUEST_NAMES = new Set(['req', 'request', 'ctx', 'context', 'c']);

/**
 * Whether an expression reads the request's `Origin` header: `req.headers.origin`,
 * `req.headers['origin']`, `req.get('origin')`, `req.header('Origin')`, `ctx.get('Origin')`,
 * `ctx.request.header.origin`, `c.req.header('origin')`, `request.headers.get('origin')`, or a
 * constant holding one (`const { origin } = req.headers`). The chain must start at a function
 * parameter. Returns the read, or null.
 */
export function requestOrigin(node: Node, sourceCode: SourceCode, depth = 0): Node | null {
  const target = unwrap(node);
  if (depth > 4) return null;
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(target.object);
    if (isOriginName(memberName(target)) && object.type === AST_NODE_TYPES.MemberExpression && HEADER_OBJECTS.has(memberName(object) ?? '')) {
      return fromParameter(object, sourceCode) ? target : null;
    }
    return null;
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(target.callee);
    const [first] = target.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !first || first.type === AST_NODE_TYPES.SpreadElement) return null;
    if (!HEADER_GETTERS.has(memberName(callee) ?? '') || !isOriginName(staticString(first, sourceCode))) return null;
    if (!fromParameter(callee.object, sourceCode)) return null;
    // `settings.get('origin')` is not a header: the receiver must be a request or its headers.
    const receiver = unwrap(callee.object);
    const requestLike =
      (receiver.type === AST_NODE_TYPES.MemberExpression && HEADER_OBJECTS.has(memberName(receiver) ?? '')) ||
      REQUEST_NAMES.has(chainRoot(receiver)?.name ?? '') ||
      requestSource(target, sourceCode) !== null;
    return requestLike ? target : null;
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable && singleValue(variable);
    if (!value) return null;
    if (value.path.length === 0) return requestOrigin(value.init, sourceCode, depth + 1);
    // `const { origin } = req.headers`
    const init = unwrap(value.init);
    if (value.path.length === 1 && isOriginName(value.path[0] ?? null) && init.type === AST_NODE_TYPES.MemberExpression && HEADER_OBJECTS.has(memberName(init) ?? '')) {
      return fromParameter(init, sourceCode) ? target : null;
    }
  }
  return null;
}

/**
 * Whether a header value sends back the request's `Origin`: the read itself, a constant holding
 * it, or with a fallback (`req.headers.origin || '*'`). A conditional whose test checks the origin
 * (`allowed.includes(origin) ? origin : ''`) does not.
 */
export function reflectsRequestOrigin(value: Node, sourceCode: SourceCode, depth = 0): boolean {
  const target = unwrap(value);
  if (depth > 4) return false;
  if (target.type === AST_NODE_TYPES.LogicalExpression) {
    return target.operator !== '&&' && reflectsRequestOrigin(target.left, sourceCode, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    if (checksOrigin(target.test, sourceCode)) return false;
    return reflectsRequestOrigin(target.consequent, sourceCode, depth + 1) || reflectsRequestOrigin(target.alternate, sourceCode, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 1 && target.quasis.every((q) => q.value.cooked === '')) {
    return reflectsRequestOrigin(target.expressions[0]!, sourceCode, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const single = variable && singleValue(variable);
    if (single && single.path.length === 0) return reflectsRequestOrigin(single.init, sourceCode, depth + 1);
  }
  return requestOrigin(target, sourceCode) !== null;
}

/** Whether an expression holds the request's origin (a read of it, or a variable that is one). */
function isOriginValue(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier && isOriginName(target.name)) return true;
  if (target.type === AST_NODE_TYPES.MemberExpression && isOriginName(memberName(target))) return true;
  return requestOrigin(target, sourceCode) !== null || (target.type === AST_NODE_TYPES.Identifier && reflectsRequestOrigin(target, sourceCode));
}

const NOT_AN_ALLOW_LIST = new Set<unknown>([null, undefined, '', 'null', '*']);
const MAX_TEST_NODES = 200;
/** Array searches whose callback compares each allowed origin (`allowed.some((o) => o === origin)`). */
const ARRAY_SEARCH_METHODS = new Set(['some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'filter']);

/** The single constant value of a plain variable (`const ok = ALLOWED.includes(origin)`), or null. */
function constantInit(node: TSESTree.Identifier, sourceCode: SourceCode): { init: Node; path: readonly unknown[] } | null {
  const variable = findVar(sourceCode, node);
  const single = variable && singleValue(variable);
  return single ? { init: single.init, path: single.path } : null;
}

/** `new URL(origin)`: the request's origin, parsed. */
function isParsedOrigin(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  return (
    target.type === AST_NODE_TYPES.NewExpression &&
    target.callee.type === AST_NODE_TYPES.Identifier &&
    target.callee.name === 'URL' &&
    target.arguments[0] !== undefined &&
    target.arguments[0].type !== AST_NODE_TYPES.SpreadElement &&
    isOriginValue(target.arguments[0], sourceCode)
  );
}

/**
 * The origin or a part of it parsed with `new URL(origin)`: `new URL(origin).hostname`,
 * `url.hostname` with `const url = new URL(origin)`, or `hostname` from `const { hostname } = new URL(origin)`.
 */
function isOriginPart(node: Node, sourceCode: SourceCode): boolean {
  if (isOriginValue(node, sourceCode)) return true;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) return isParsedOrigin(target.object, sourceCode) || (target.object.type === AST_NODE_TYPES.Identifier && isOriginPart(target.object, sourceCode));
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const value = constantInit(target, sourceCode);
  return value !== null && value.path.length <= 1 && isParsedOrigin(value.init, sourceCode);
}

/**
 * Whether a condition checks the request's origin against something: an allow-list, a set, a
 * pattern or a helper (`allowed.includes(origin)`, `ALLOWED.has(origin)`, `re.test(origin)`,
 * `whitelist.indexOf(origin) !== -1`, `isAllowedOrigin(origin)`, `origin.endsWith('.example.com')`,
 * `origin === config.appUrl`, `origin in ORIGINS`). Presence tests (`if (origin)`, `origin !== 'null'`)
 * are not checks.
 */
export function checksOrigin(test: Node, sourceCode: SourceCode): boolean {
  const stack: Node[] = [test];
  for (let visited = 0; stack.length > 0 && visited < MAX_TEST_NODES; visited++) {
    const node = unwrap(stack.pop()!);
    if (isFunction(node)) continue;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
      if (node.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && isOriginValue(a, sourceCode))) return true;
      if (callee.type === AST_NODE_TYPES.MemberExpression && method && ORIGIN_CHECK_METHODS.has(method) && isOriginPart(callee.object, sourceCode)) return true;
      // `allowed.some((o) => o === origin)`: the comparison is in the callback.
      if (method && ARRAY_SEARCH_METHODS.has(method)) {
        for (const argument of node.arguments) if (isFunction(argument)) stack.push(argument.body);
      }
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      // `const allowed = ALLOWED.includes(origin); if (allowed)`: the check is the constant's value.
      if (!isOriginValue(node, sourceCode)) {
        const value = constantInit(node, sourceCode);
        if (value && value.path.length === 0) stack.push(value.init);
      }
    } else if (node.type === AST_NODE_TYPES.BinaryExpression) {
      if (node.operator === 'in' && isOriginValue(node.left, sourceCode)) return true;
      if (['===', '!==', '==', '!='].includes(node.operator)) {
        const [origin, other] = isOriginPart(node.left, sourceCode) ? [node.left, node.right] : isOriginPart(node.right, sourceCode) ? [node.right, node.left] : [null, null];
        if (origin && other) {
          const constant = staticValue(other, sourceCode);
          if (!constant || !NOT_AN_ALLOW_LIST.has(constant.value)) return true;
        }
      }
    } else if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && isOriginValue(node.property, sourceCode)) {
      return true;
    }
    stack.push(...childNodes(node));
  }
  return false;
}

/**
 * Whether a header write is guarded by a check of the origin in its own function: inside an `if`,
 * a conditional or an `&&` whose test checks it, or after an `if` that does (an early return), or
 * in a `switch` on the origin.
 */
export function guardedByOriginCheck(node: Node, sourceCode: SourceCode): boolean {
  const fn = enclosingFunction(node);
  let child: Node = node;
  let parent = node.parent;
  while (parent && parent !== fn) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test && checksOrigin(parent.test, sourceCode)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right && checksOrigin(parent.left, sourceCode)) return true;
        break;
      case AST_NODE_TYPES.SwitchStatement:
        if (child !== parent.discriminant && isOriginValue(parent.discriminant, sourceCode)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
        for (const statement of parent.body) {
          if (statement === child) break;
          if (statement.type === AST_NODE_TYPES.IfStatement && checksOrigin(statement.test, sourceCode)) return true;
        }
        break;
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * Whether a node runs only under a condition on the deployment environment or a debug switch
 * (`if (process.env.NODE_ENV === 'development')`, `isDev && app.use(…)`): a development setup.
 */
export function underEnvironmentCondition(node: Node, sourceCode: SourceCode): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (parent) {
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test &&
      isEnvironmentTest(parent.test, sourceCode)
    ) {
      return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && isEnvironmentTest(parent.left, sourceCode)) return true;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** Calls that take an object of response headers: `res.writeHead(200, {…})`, `res.set({…})`, `reply.headers({…})`, Hono `c.json(body, 200, {…})`. */
const HEADER_OBJECT_CALLS = new Set(['writeHead', 'set', 'header', 'headers', 'setHeaders', 'append', 'json', 'text', 'body', 'html', 'newResponse']);
/** Web responses whose init takes `headers`: `new Response(body, { headers })`, `NextResponse.json(data, { headers })`. */
const RESPONSE_CLASSES = new Set(['Response', 'NextResponse']);

function isArgumentOf(node: Node, call: Node | undefined, notFirst: boolean): call is TSESTree.CallExpression | TSESTree.NewExpression {
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return false;
  const index = call.arguments.findIndex((a) => unwrap(a) === node);
  return index > (notFirst ? 0 : -1);
}

/** Whether a call or construction makes a Web response: `new Response(…)`, `Response.json(…)`, `NextResponse.next()`. */
function makesResponse(node: Node): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression && target.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = unwrap(target.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return target.type === AST_NODE_TYPES.NewExpression && RESPONSE_CLASSES.has(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && RESPONSE_CLASSES.has(callee.object.name);
}

/**
 * Whether an object literal holds the headers of a response, not of an outgoing request (an
 * axios or `fetch` config): an argument of a header-setting call (`res.writeHead(200, {…})`,
 * `res.set({…})`, `c.json(body, 200, {…})`), or the `headers` of a Web response's init
 * (`new Response(body, { headers: {…} })`, `NextResponse.json(data, { headers: {…} })`).
 */
export function isResponseHeaderObject(object: TSESTree.ObjectExpression, sourceCode: SourceCode): boolean {
  const parent = wrappedParent(object);
  // `const headers = { … }; res.writeHead(200, headers)`
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && parent.init && unwrap(parent.init) === object) {
    const variable = findVar(sourceCode, parent.id);
    return !!variable && variable.references.some((ref) => !ref.init && ref.identifier !== parent.id && headersAt(ref.identifier));
  }
  return headersAt(object);
}

function headersAt(object: Node): boolean {
  const parent = wrappedParent(object);
  if (parent?.type === AST_NODE_TYPES.CallExpression && isArgumentOf(object, parent, false)) {
    const name = calleeName(parent);
    if (!name || !HEADER_OBJECT_CALLS.has(name)) return false;
    const dataCall = name === 'json' || name === 'text' || name === 'body' || name === 'html' || name === 'newResponse';
    return !dataCall || isArgumentOf(object, parent, true);
  }
  if (parent?.type !== AST_NODE_TYPES.Property || propertyName(parent) !== 'headers' || unwrap(parent.value) !== object || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const init = parent.parent;
  const call = wrappedParent(init);
  return isArgumentOf(init, call, true) && makesResponse(call);
}

/**
 * Whether a header setter writes to a response: its receiver is a handler's parameter (`res`,
 * `ctx`, `reply`, `c`, also through `.headers`), or the headers of a Web response made in the file
 * (`const response = NextResponse.next(); response.headers.set(…)`). Not a `new Headers()` handed
 * to `fetch`.
 */
export function setsResponseHeader(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = chainRoot(callee.object);
  const variable = root && findVar(sourceCode, root);
  const def = variable?.defs[0];
  if (!variable || !def) return false;
  if (def.type === 'Parameter') return true;
  const value = singleValue(variable);
  return !!value && value.path.length === 0 && makesResponse(value.init);
}
