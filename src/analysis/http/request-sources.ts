import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  bindingPath,
  enclosingFunction,
  findVar,
  isFunction,
  memberName,
  paramName,
  shortText,
  singleValue,
  unwrap,
  type FunctionNode,
} from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
import { isResolverArguments } from './graphql.js';

type Node = TSESTree.Node;

/**
 * How a handler parameter carries client data:
 * - `node`: Express/Connect `req`, Fastify `request`, Next.js Pages `req`, and the Web `Request`
 *   of Next.js App Router handlers (`request.json()`, `request.nextUrl.searchParams`);
 * - `koa`: Koa `ctx` (`ctx.request.body`, `ctx.query`, `ctx.params`, `ctx.get()`, `ctx.cookies.get()`);
 * - `hono`: Hono `c` (`c.req.param()`, `c.req.json()` …; `c.req.valid()` is validated data);
 * - `route-context`: the second parameter of a Next.js App Router handler (`{ params }`);
 * - `value`: a NestJS parameter decorated `@Body() @Query() @Param() @Headers()`: the whole value;
 * - `graphql`: a GraphQL resolver's arguments (`args`, `@Args()`), reported only to callers that
 *   ask for them (taint's `resolverArguments`); never returned by `requestSource`.
 */
export type RequestRole = 'node' | 'koa' | 'hono' | 'route-context' | 'value' | 'graphql';

export interface RequestSource {
  /** The framework family the source was recognised as. */
  role: RequestRole;
  /** Source text of the expression, shortened, for messages (`req.params.id`). */
  text: string;
  node: Node;
}

interface Step {
  name: string;
  call: boolean;
}

export const NODE_PROPERTIES: ReadonlySet<string> = new Set([
  'body',
  'query',
  'params',
  'headers',
  'cookies',
  'signedCookies',
  'file',
  'files',
  'url',
  'originalUrl',
]);
const NODE_METHODS = new Set(['get', 'header', 'param', 'json', 'formData', 'text']);
const KOA_PROPERTIES = new Set(['query', 'params', 'headers', 'header', 'querystring', 'url', 'originalUrl', 'href']);
const KOA_REQUEST_PROPERTIES = new Set([
  'body',
  'query',
  'params',
  'headers',
  'header',
  'files',
  'file',
  'querystring',
  'url',
  'href',
  'rawBody',
]);
const HONO_METHODS = new Set(['param', 'query', 'queries', 'json', 'parseBody', 'header', 'formData', 'text', 'arrayBuffer', 'blob']);
const NEST_VALUE_DECORATORS = new Set(['Body', 'Query', 'Param', 'Headers', 'UploadedFile', 'UploadedFiles', 'HostParam']);
const NEST_REQUEST_DECORATORS = new Set(['Req', 'Request']);
/** Methods that register route handlers or middleware across Express, Fastify, Koa and Hono. */
export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'route', 'on']);
export const NEXT_ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * Whether `node` reads client data directly from a request: `req.body`, `req.params.id`,
 * `request.headers['x-id']`, `ctx.request.body`, `c.req.param('id')`, `await request.json()`,
 * a NestJS `@Body()` parameter… Propagation through variables is `taint.ts`'s job.
 */
export function requestSource(node: Node, sourceCode: SourceCode): RequestSource | null {
  return sourceAt(node, [], sourceCode);
}

/**
 * Whether the value reached from `node` through the property `path` is a request source:
 * `const { body } = req` is `requestSourceAtPath(req, ['body'])`. The source's node is `node`.
 */
export function requestSourceAtPath(node: Node, path: readonly string[], sourceCode: SourceCode): RequestSource | null {
  const source = sourceAt(node, path, sourceCode);
  if (!source || path.length === 0) return source;
  return { ...source, text: `${source.text}.${path.join('.')}` };
}

function sourceAt(node: Node, path: readonly string[], sourceCode: SourceCode): RequestSource | null {
  const flat = flatten(node);
  if (!flat.root) return null;
  const found = roleAt(flat.root, [...flat.steps, ...path.map((name) => ({ name, call: false }))], sourceCode, 0);
  if (!found) return null;
  // Through an alias (`const { query } = req; query.q`), name the read from the request itself.
  const text = found.aliased ? stepsText(found.root, found.steps) : shortText(sourceCode, node);
  return { role: found.role, text, node };
}

function stepsText(root: string, steps: readonly Step[]): string {
  const text = steps.map((s) => (s.name === '[]' ? '[…]' : `.${s.name}${s.call ? '()' : ''}`)).join('');
  return `${root}${text}`.length > 40 ? `${`${root}${text}`.slice(0, 39)}…` : `${root}${text}`;
}

interface FoundRole {
  role: RequestRole;
  /** The parameter's name and the steps from it, when an alias was followed to reach it. */
  root: string;
  steps: Step[];
  aliased: boolean;
}

/** The role of the request object `root` when `steps` read client data from it, or null. */
function roleAt(root: TSESTree.Identifier, steps: Step[], sourceCode: SourceCode, depth: number): FoundRole | null {
  const variable = findVar(sourceCode, root);
  const def = variable?.defs[0];
  if (variable && def?.type === 'Variable' && depth < 4) {
    // An alias of the request object: `const r = req`, `const { request } = ctx`, `const { req } = c`.
    const value = singleValue(variable);
    const init = value && unwrap(value.init);
    if (!value || init?.type !== AST_NODE_TYPES.Identifier || value.path.some((p) => p === null)) return null;
    const found = roleAt(init, [...value.path.map((name) => ({ name: name!, call: false })), ...steps], sourceCode, depth + 1);
    return found && { ...found, aliased: true };
  }
  if (!def || def.type !== 'Parameter' || !isFunction(def.node) || def.name.type !== AST_NODE_TYPES.Identifier) return null;
  const name = def.name;
  const fn = def.node;
  const index = fn.params.findIndex((p) => contains(p, name));
  if (index < 0) return null;
  const param = fn.params[index]!;

  let fullSteps = steps;
  let role: RequestRole | null;
  if (unwrapParam(param) === name) {
    role = roleOfParameter(fn, index, name.name, param, sourceCode);
  } else {
    // Destructured: `({ body }, res) => …`, `async (req, { params }) => …`.
    const pattern = unwrapParam(param);
    const { path } = bindingPath(name, pattern);
    if (path.some((p) => p === null)) return null;
    fullSteps = [...path.map((name) => ({ name: name!, call: false })), ...steps];
    role = roleOfParameter(fn, index, null, param, sourceCode);
  }
  if (!role || !matches(role, fullSteps)) return null;
  return { role, root: name.name, steps, aliased: false };
}

function unwrapParam(param: TSESTree.Parameter): Node {
  if (param.type === AST_NODE_TYPES.AssignmentPattern) return param.left;
  if (param.type === AST_NODE_TYPES.TSParameterProperty) return param.parameter;
  return param;
}

function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function flatten(node: Node): { root: TSESTree.Identifier | null; steps: Step[] } {
  const steps: Step[] = [];
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      steps.unshift({ name: name ?? '[]', call: false });
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return { root: null, steps };
      const name = memberName(callee);
      if (name === null) return { root: null, steps };
      steps.unshift({ name, call: true });
      current = unwrap(callee.object);
    } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = unwrap(current.argument);
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      return { root: current, steps };
    } else {
      return { root: null, steps };
    }
  }
}

function matches(role: RequestRole, steps: Step[]): boolean {
  const [first, second] = steps;
  switch (role) {
    case 'value':
    case 'graphql':
      return true;
    case 'route-context':
      return !!first && !first.call && first.name === 'params';
    case 'node':
      if (!first) return false;
      if (first.call) return NODE_METHODS.has(first.name);
      if (first.name === 'nextUrl') return !!second && !second.call && second.name === 'searchParams';
      return NODE_PROPERTIES.has(first.name);
    case 'koa':
      if (!first) return false;
      if (first.call) return first.name === 'get';
      if (first.name === 'request') {
        // `ctx.request.body`, `ctx.request.get('x-forwarded-for')`
        return !!second && (second.call ? second.name === 'get' : KOA_REQUEST_PROPERTIES.has(second.name));
      }
      if (first.name === 'cookies') return !!second && second.call && second.name === 'get';
      if (first.name === 'req') return !!second && second.call && HONO_METHODS.has(second.name);
      return KOA_PROPERTIES.has(first.name);
    case 'hono':
      return !!first && !first.call && first.name === 'req' && !!second && second.call && HONO_METHODS.has(second.name);
  }
}

/** The role of a function's parameter, from its decorators, its name and the function's position. */
export function roleOfParameter(
  fn: FunctionNode,
  index: number,
  name: string | null,
  param: TSESTree.Parameter,
  sourceCode: SourceCode,
): RequestRole | null {
  const decorated = nestDecoratorRole(param, sourceCode);
  if (decorated) return decorated;
  if (hasPrimitiveAnnotation(param)) return null;
  if (name === 'req' || name === 'request') return 'node';
  if (name === 'ctx' || name === 'context') return isNextRouteHandler(fn) && index === 1 ? 'route-context' : 'koa';
  if (name === 'c' && index === 0 && fn.params.length <= 2) return 'hono';
  if (isNextRouteHandler(fn)) return index === 0 ? 'node' : index === 1 ? 'route-context' : null;
  if (index === 0 && (isRouteCallback(fn) || secondParamIsResponse(fn))) return 'node';
  return null;
}

/** `req: string`, `ctx: number`, `c: boolean[]`: a parameter TypeScript declares to be something no request is. */
function hasPrimitiveAnnotation(param: TSESTree.Parameter): boolean {
  const target = unwrapParam(param);
  const annotation = 'typeAnnotation' in target ? (target.typeAnnotation as TSESTree.TSTypeAnnotation | undefined) : undefined;
  const type = annotation?.typeAnnotation;
  if (!type) return false;
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSSymbolKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSVoidKeyword:
      return true;
    default:
      return false;
  }
}

function secondParamIsResponse(fn: FunctionNode): boolean {
  const second = paramName(fn.params[1]);
  return second === 'res' || second === 'reply' || second === 'response';
}

/** A function passed to `app.get(path, fn)`, `router.use(fn)`, `fastify.post(path, opts, fn)`… */
export function isRouteCallback(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.Expression)) return false;
  const callee = unwrap(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return method !== null && ROUTE_METHODS.has(method);
}

/** `export async function GET(request, { params })` and `export const POST = async (req) => …`. */
export function isNextRouteHandler(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return !!fn.id && NEXT_ROUTE_EXPORTS.has(fn.id.name) && fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  }
  const declarator = fn.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== fn) return false;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !NEXT_ROUTE_EXPORTS.has(declarator.id.name)) return false;
  return declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

function nestDecoratorRole(param: TSESTree.Parameter, sourceCode: SourceCode): RequestRole | null {
  const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param : unwrapParam(param);
  const decorators = 'decorators' in target ? (target.decorators as TSESTree.Decorator[] | undefined) : undefined;
  if (!decorators?.length) return null;
  for (const decorator of decorators) {
    const expr = unwrap(decorator.expression);
    const callee = expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr;
    const ref = resolveModule(callee, sourceCode);
    if (!fromModule(ref, ['@nestjs/common']) || ref.path.length !== 1) continue;
    const name = ref.path[0]!;
    if (NEST_VALUE_DECORATORS.has(name)) return 'value';
    if (NEST_REQUEST_DECORATORS.has(name)) return 'node';
  }
  return null;
}

const requestFunctions = perFileCache(() => new Map<FunctionNode, boolean>());

/** Parameter names `roleOfParameter` gives a role by name alone (`c` only in some positions). */
const REQUEST_PARAMETER_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx', 'context', 'c']);
const RESPONSE_PARAMETER_NAMES: ReadonlySet<string> = new Set(['res', 'reply', 'response']);

function hasDecorators(node: Node): boolean {
  const decorators = 'decorators' in node ? (node.decorators as TSESTree.Decorator[] | undefined) : undefined;
  return !!decorators?.length;
}

/**
 * A cheap test wider than `hasRequestParameter`'s: false only when no parameter of `fn` can get a
 * role from `roleOfParameter` or be a resolver's arguments (`isResolverArguments`): no parameter
 * is decorated or named like a request, the second is not named like a response, and `fn` is
 * neither a Next.js route export, a route callback nor a property's value (a resolver).
 */
function mayHaveRequestParameter(fn: FunctionNode): boolean {
  const params = fn.params;
  if (params.length === 0) return false;
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!;
    if (param.type === AST_NODE_TYPES.TSParameterProperty || hasDecorators(param)) return true;
    const target = unwrapParam(param);
    if (target !== param && hasDecorators(target)) return true;
    const name = paramName(param);
    if (name !== null && REQUEST_PARAMETER_NAMES.has(name)) return true;
  }
  if (params.length > 1) {
    const second = paramName(params[1]);
    if (second !== null && RESPONSE_PARAMETER_NAMES.has(second)) return true;
  }
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property) return params.length > 1;
  return isNextRouteHandler(fn) || isRouteCallback(fn);
}

function hasRequestParameter(fn: FunctionNode, sourceCode: SourceCode): boolean {
  // Most functions have no parameter a request can be: left without a lookup.
  if (!mayHaveRequestParameter(fn)) return false;
  const cache = requestFunctions(sourceCode);
  let known = cache.get(fn);
  if (known === undefined) {
    known = fn.params.some((param, index) => {
      const name = paramName(param);
      return roleOfParameter(fn, index, name, param, sourceCode) !== null || isResolverArguments(fn, index, param, sourceCode);
    });
    cache.set(fn, known);
  }
  return known;
}

/**
 * A cheap, sound pre-check for rules about request data: false when no function around `node`
 * has a parameter that can carry a request (by name, position, decorator or Next.js export) or a
 * GraphQL resolver's arguments, so no `requestSource` (nor, with taint's `resolverArguments`, a
 * resolver argument) can be found from here. Cached per function.
 */
export function mayReadRequest(node: Node, sourceCode: SourceCode): boolean {
  const fn = enclosingFunction(node);
  return fn !== null && inRequestScope(fn, sourceCode);
}

const requestScopes = perFileCache(() => new Map<FunctionNode, boolean>());

/** Whether `fn` or a function around it has a request parameter; memoised per function. */
function inRequestScope(fn: FunctionNode, sourceCode: SourceCode): boolean {
  const cache = requestScopes(sourceCode);
  let known = cache.get(fn);
  if (known === undefined) {
    const outer = enclosingFunction(fn);
    known = hasRequestParameter(fn, sourceCode) || (outer !== null && inRequestScope(outer, sourceCode));
    cache.set(fn, known);
  }
  return known;
}

/**
 * Whether some function of the file has a parameter that can carry a request or a resolver's
 * arguments: false means `mayReadRequest` is false for every node of the file, so a rule whose
 * every finding needs a request can skip the file. One look at each function's parameters (the
 * answers are the ones `mayReadRequest` keeps per function).
 */
export const mayReadRequestInFile = perFileCache((sourceCode): boolean => {
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.type !== 'function') continue;
    const fn = scope.block as Node;
    if (!isFunction(fn) || fn.params.length === 0) continue;
    if (hasRequestParameter(fn, sourceCode)) return true;
  }
  return false;
});
