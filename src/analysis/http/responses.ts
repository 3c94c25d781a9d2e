import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  enclosingFunction,
  findVar,
  getProperty,
  isFunction,
  isGlobalReference,
  isJsonStringify,
  memberName,
  paramName,
  propertyName,
  unwrap,
  type FunctionNode,
} from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { fromModule, isModulePath, resolveModule } from '../core/modules.js';
import { isNextRouteHandler, isRouteCallback, ROUTE_METHODS, roleOfParameter } from './request-sources.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/**
 * The framework a response is sent through:
 * - `express`: Express/Connect `res` (also Next.js Pages API `res` and NestJS `@Res()`);
 * - `fastify`: `reply.send()` and values returned from Fastify route handlers;
 * - `koa`: `ctx.body =` / `ctx.response.body =`;
 * - `hono`: `c.json()`;
 * - `next`: `NextResponse.json()` / `new NextResponse()` from `next/server`;
 * - `fetch`: the Web `Response` (`Response.json()`, `new Response()`), used by Next.js App Router,
 *   Hono, Bun and edge runtimes;
 * - `nestjs`: values returned from a NestJS controller route method.
 */
export type ResponseFramework = 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'fetch' | 'nestjs';

export interface ResponseBody {
  framework: ResponseFramework;
  /** The body expression as written: the argument, the assigned value or the returned value. */
  node: Expression;
  /** The value the client receives serialized: `node` without a `JSON.stringify(…)` wrapper. */
  value: Expression;
  /** How the body is sent, for messages: `res.json()`, `ctx.body`, `a NestJS route method`. */
  via: string;
  /**
   * True when the framework itself filters the body to declared fields: a Fastify route with a
   * `schema.response` (fast-json-stringify writes only the properties the schema lists).
   */
  schemaFiltered: boolean;
}

/** Express/Connect response methods that return the response, so calls can be chained before sending. */
const EXPRESS_CHAINABLE = new Set([
  'status',
  'type',
  'set',
  'header',
  'append',
  'vary',
  'location',
  'links',
  'cookie',
  'clearCookie',
  'attachment',
  'contentType',
  'setHeader',
]);
/** Fastify reply methods that return the reply. */
const FASTIFY_CHAINABLE = new Set(['code', 'status', 'header', 'headers', 'type', 'removeHeader', 'serializer', 'setCookie', 'clearCookie', 'hijack']);
const EXPRESS_SEND = new Set(['json', 'send', 'jsonp', 'end']);
const RESPONSE_PARAM_NAMES = new Set(['res', 'response', 'reply']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search']);
const NEST_RESPONSE_DECORATORS = new Set(['Res', 'Response', 'Next']);

/** Method names that can send a body; a cheap first test before `responseBodyOfCall`. */
export const RESPONSE_SEND_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'jsonp', 'end']);

/**
 * Whether `node` (an expression) is the body of an HTTP response: the argument of a send call,
 * the value assigned to `ctx.body`, or a value returned from a Fastify/NestJS route handler.
 */
export function responseBody(node: Node, sourceCode: SourceCode): ResponseBody | null {
  let child: Node = node;
  let parent = node.parent;
  // Step out of wrappers that keep the value: `x as T`, `x!`, `(await x)`, `JSON.stringify(x)`.
  while (parent) {
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression
    ) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === child && isJsonStringify(parent)) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    break;
  }
  if (!parent) return null;
  let body: ResponseBody | null = null;
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments[0] === child) {
    body = responseBodyOfCall(parent, sourceCode);
  } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child) {
    body = responseBodyOfAssignment(parent, sourceCode);
  } else if (parent.type === AST_NODE_TYPES.ReturnStatement && parent.argument === child) {
    body = responseBodyOfReturn(parent, sourceCode);
  } else if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === child) {
    body = responseBodyOfReturn(parent, sourceCode);
  }
  return body;
}

/**
 * The body sent by a call or construction: `res.json(x)`, `res.status(201).send(x)`,
 * `reply.code(200).send(x)`, `c.json(x)`, `Response.json(x)`, `NextResponse.json(x)`,
 * `new Response(JSON.stringify(x))`. Null when the call sends nothing this module recognises.
 */
export function responseBodyOfCall(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: SourceCode,
): ResponseBody | null {
  const arg = node.arguments[0];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return null;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const framework = webResponseClass(node.callee, sourceCode);
    if (!framework) return null;
    // A `Response` body is text, a stream or bytes: only a JSON-serialized value is an object sent whole.
    const value = jsonStringifyArgument(arg);
    if (!value) return null;
    return make(framework, arg, value, framework === 'next' ? 'new NextResponse()' : 'new Response()', false);
  }
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;

  if (method === 'json') {
    const framework = webResponseClass(callee.object, sourceCode);
    if (framework) return make(framework, arg, arg, framework === 'next' ? 'NextResponse.json()' : 'Response.json()', false);
  }
  if (!RESPONSE_SEND_METHODS.has(method)) return null;

  const receiver = responseReceiver(callee.object, sourceCode);
  if (!receiver) return null;
  if (receiver.kind === 'hono') {
    if (method !== 'json') return null;
    return make('hono', arg, arg, `${receiver.name}.json()`, false);
  }
  if (receiver.kind === 'fastify') {
    if (method !== 'send') return null;
    const value = jsonStringifyArgument(arg) ?? arg;
    return make('fastify', arg, value, `${receiver.name}.send()`, fastifySchemaFiltered(receiver.fn));
  }
  if (!EXPRESS_SEND.has(method)) return null;
  const stringified = jsonStringifyArgument(arg);
  if (method === 'end' && !stringified) return null;
  return make('express', arg, stringified ?? arg, `${receiver.name}.${method}()`, false);
}

/** `ctx.body = x` and `ctx.response.body = x` in a Koa handler. */
export function responseBodyOfAssignment(node: TSESTree.AssignmentExpression, sourceCode: SourceCode): ResponseBody | null {
  if (node.operator !== '=') return null;
  const left = unwrap(node.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== 'body') return null;
  let object = unwrap(left.object);
  let via = 'ctx.body';
  if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'response') {
    object = unwrap(object.object);
    via = 'ctx.response.body';
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const param = parameterOf(object, sourceCode);
  if (!param) return null;
  if (roleOfParameter(param.fn, param.index, param.name, param.param, sourceCode) !== 'koa') return null;
  const value = jsonStringifyArgument(node.right) ?? node.right;
  return make('koa', node.right, value, via, false);
}

/**
 * The body sent by returning a value: a `return x` (or arrow expression body) of a Fastify route
 * handler, or of a NestJS controller route method (unless the method injects the raw response with
 * `@Res()` without `passthrough`, or renders a view with `@Render()`). Nested functions do not count.
 */
export function responseBodyOfReturn(
  node: TSESTree.ReturnStatement | TSESTree.ArrowFunctionExpression,
  sourceCode: SourceCode,
): ResponseBody | null {
  let fn: FunctionNode | null;
  let returned: Expression | null;
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    if (node.body.type === AST_NODE_TYPES.BlockStatement) return null;
    fn = node;
    returned = node.body;
  } else {
    fn = enclosingFunction(node);
    returned = node.argument ?? null;
  }
  if (!fn || !returned) return null;
  const kind = returnKind(fn, sourceCode);
  if (kind === 'nestjs') return make('nestjs', returned, returned, 'a NestJS route method', false);
  if (kind === 'fastify') return make('fastify', returned, returned, 'a Fastify route handler', false);
  if (kind === 'fastify-filtered') return make('fastify', returned, returned, 'a Fastify route handler', true);
  return null;
}

type ReturnKind = 'nestjs' | 'fastify' | 'fastify-filtered' | null;

/** What returning a value from `fn` sends, decided once per function (a handler has many returns). */
const returnKinds = perFileCache(() => new Map<FunctionNode, ReturnKind>());

function returnKind(fn: FunctionNode, sourceCode: SourceCode): ReturnKind {
  // Cheapest first: a NestJS route is a decorated class method; a Fastify handler is a call
  // argument (`fastify.get(path, fn)`) or a `handler:` property. Anything else sends nothing.
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    if (!parent.decorators?.length) return null;
  } else if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.Property) {
    return null;
  }
  const cache = returnKinds(sourceCode);
  let kind = cache.get(fn);
  if (kind === undefined) {
    if (isNestRouteMethod(fn, sourceCode)) kind = 'nestjs';
    else if (isFastifyRouteHandler(fn, sourceCode)) kind = fastifySchemaFiltered(fn) ? 'fastify-filtered' : 'fastify';
    else kind = null;
    cache.set(fn, kind);
  }
  return kind;
}

function make(framework: ResponseFramework, node: Expression, value: Expression, via: string, schemaFiltered: boolean): ResponseBody {
  return { framework, node, value: unwrap(value) as Expression, via, schemaFiltered };
}

/** `JSON.stringify(x)` → `x`; anything else → null. */
function jsonStringifyArgument(node: Node): Expression | null {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression || !isJsonStringify(target)) return null;
  const arg = target.arguments[0];
  return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : null;
}

/** `Response` (the global) → `fetch`; `NextResponse` from `next/server` → `next`. */
function webResponseClass(node: Node, sourceCode: SourceCode): 'next' | 'fetch' | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier && target.name === 'Response' && isGlobalReference(sourceCode, target)) {
    return 'fetch';
  }
  const ref = resolveModule(target, sourceCode);
  if (isModulePath(ref, ['next/server', 'next/server.js'], ['NextResponse'])) return 'next';
  return null;
}

interface ParameterInfo {
  fn: FunctionNode;
  index: number;
  name: string;
  param: TSESTree.Parameter;
}

function parameterOf(node: TSESTree.Identifier, sourceCode: SourceCode): ParameterInfo | null {
  const variable = findVar(sourceCode, node);
  const def = variable?.defs[0];
  if (!def || variable.defs.length !== 1 || def.type !== 'Parameter' || !isFunction(def.node)) return null;
  const fn = def.node;
  const index = fn.params.findIndex((p) => paramName(p) === node.name);
  if (index < 0) return null;
  return { fn, index, name: node.name, param: fn.params[index]! };
}

interface Receiver {
  kind: 'express' | 'fastify' | 'hono';
  name: string;
  fn: FunctionNode;
}

/**
 * The response object a send method is called on, through chained setters (`res.status(404)`):
 * the second parameter of a route callback or of a `(req, res)` handler, the third of an Express
 * error handler, a NestJS `@Res()` parameter, or Hono's context `c`.
 */
function responseReceiver(node: Node, sourceCode: SourceCode): Receiver | null {
  let current = unwrap(node);
  const chained: string[] = [];
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = memberName(callee);
    if (name === null) return null;
    chained.push(name);
    current = unwrap(callee.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return null;
  const param = parameterOf(current, sourceCode);
  if (!param) return null;
  const kind = receiverKind(param, sourceCode);
  if (!kind) return null;
  const chainable = kind === 'fastify' ? FASTIFY_CHAINABLE : kind === 'express' ? EXPRESS_CHAINABLE : null;
  if (chained.length > 0 && (!chainable || !chained.every((m) => chainable.has(m)))) return null;
  return { kind, name: current.name, fn: param.fn };
}

/**
 * Which framework's response object `node` is, for calls other than body sends (`res.sendFile()`,
 * `res.render()`, `ctx.render()`, `reply.sendFile()`): the response parameter of a handler as
 * `responseBodyOfCall` recognises it (the second parameter of a route callback or of a
 * `(req, res)` handler, the third of an Express error handler, a NestJS `@Res()`), or the context
 * parameter of a Koa or Hono handler. Null for anything else: a local variable, an import, a
 * parameter that holds no response.
 */
export function responseObjectKind(node: Node, sourceCode: SourceCode): 'express' | 'fastify' | 'koa' | 'hono' | null {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const param = parameterOf(target, sourceCode);
  if (!param) return null;
  const kind = receiverKind(param, sourceCode);
  if (kind !== 'hono' || param.index !== 0) return kind;
  // `receiverKind` answers `hono` for both contexts, as only Hono's sends a body with `json()`.
  return roleOfParameter(param.fn, param.index, param.name, param.param, sourceCode) === 'koa' ? 'koa' : 'hono';
}

function receiverKind(param: ParameterInfo, sourceCode: SourceCode): Receiver['kind'] | null {
  const { fn, index, name } = param;
  const decorated = nestDecorator(param.param, sourceCode);
  if (decorated && NEST_RESPONSE_DECORATORS.has(decorated)) return 'express';
  if (index === 0) {
    const role = roleOfParameter(fn, index, name, param.param, sourceCode);
    // Hono's `c` (also written `ctx`/`context`): Koa's context has no `json()` method.
    return role === 'hono' || (role === 'koa' && !isNextRouteHandler(fn)) ? 'hono' : null;
  }
  if (!annotationMayBeResponse(param.param)) return null;
  const isResponseSlot =
    (index === 1 && (RESPONSE_PARAM_NAMES.has(name) || isRouteCallback(fn))) ||
    (index === 2 && fn.params.length === 4 && RESPONSE_PARAM_NAMES.has(name));
  if (!isResponseSlot) return null;
  if (name === 'reply' || isFastifyRegistration(fn, sourceCode)) return 'fastify';
  return 'express';
}

/**
 * A parameter TypeScript declares as something other than a response (`res: number`,
 * `response: Writer`) is not one; no annotation, `any`, or a type named like a response
 * (`Response`, `NextApiResponse<T>`, `FastifyReply`, `express.Response`, `ServerResponse`) may be.
 */
function annotationMayBeResponse(param: TSESTree.Parameter): boolean {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const annotation = 'typeAnnotation' in target ? (target.typeAnnotation as TSESTree.TSTypeAnnotation | undefined) : undefined;
  const type = annotation?.typeAnnotation;
  if (!type || type.type === AST_NODE_TYPES.TSAnyKeyword || type.type === AST_NODE_TYPES.TSUnknownKeyword) return true;
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.right.name : '';
  return /Res|Reply|Response|Context|Ctx/.test(name);
}

function nestDecorator(param: TSESTree.Parameter, sourceCode: SourceCode): string | null {
  const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param : param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const decorators = 'decorators' in target ? (target.decorators as TSESTree.Decorator[] | undefined) : undefined;
  for (const decorator of decorators ?? []) {
    const name = nestDecoratorName(decorator, sourceCode);
    if (name) return name;
  }
  return null;
}

/** `@Get()` → `Get` when the decorator comes from `@nestjs/common`. */
function nestDecoratorName(decorator: TSESTree.Decorator, sourceCode: SourceCode): string | null {
  const expr = unwrap(decorator.expression);
  const callee = expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr;
  const ref = resolveModule(callee, sourceCode);
  if (!fromModule(ref, ['@nestjs/common']) || ref.path.length !== 1) return null;
  return ref.path[0]!;
}

/** A method of a `@Controller()` class with a route decorator, not handing the response to `@Res()`. */
function isNestRouteMethod(fn: FunctionNode, sourceCode: SourceCode): boolean {
  const method = fn.parent;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || method?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  if (method.kind !== 'method' || method.static) return false;
  const decorators = method.decorators ?? [];
  let routed = false;
  for (const decorator of decorators) {
    const name = nestDecoratorName(decorator, sourceCode);
    if (name === 'Render') return false;
    if (name && NEST_ROUTE_DECORATORS.has(name)) routed = true;
  }
  if (!routed) return false;
  const classNode = method.parent.parent;
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return false;
  if (!(classNode.decorators ?? []).some((d) => nestDecoratorName(d, sourceCode) === 'Controller')) return false;
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param : param;
    const paramDecorators = 'decorators' in target ? (target.decorators as TSESTree.Decorator[] | undefined) : undefined;
    for (const decorator of paramDecorators ?? []) {
      const name = nestDecoratorName(decorator, sourceCode);
      if (name && NEST_RESPONSE_DECORATORS.has(name) && !hasPassthrough(decorator)) return false;
    }
  }
  return true;
}

/** `@Res({ passthrough: true })`: the framework still sends the returned value. */
function hasPassthrough(decorator: TSESTree.Decorator): boolean {
  const expr = unwrap(decorator.expression);
  if (expr.type !== AST_NODE_TYPES.CallExpression) return false;
  const options = expr.arguments[0] && unwrap(expr.arguments[0]);
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const prop = getProperty(options, 'passthrough');
  const value = prop && unwrap(prop.value);
  return value?.type === AST_NODE_TYPES.Literal && value.value === true;
}

/**
 * The route-registration call a handler belongs to, and its options object if one is passed:
 * `app.get(path, fn)`, `fastify.post(path, { schema }, fn)`, `fastify.route({ handler: fn })`.
 */
export function routeRegistration(fn: FunctionNode): { call: TSESTree.CallExpression; options: TSESTree.ObjectExpression | null } | null {
  if (isRouteCallback(fn)) {
    const call = fn.parent as TSESTree.CallExpression;
    const options = call.arguments.find((a): a is TSESTree.ObjectExpression => a.type === AST_NODE_TYPES.ObjectExpression) ?? null;
    return { call, options };
  }
  // `{ handler: fn }` passed to `fastify.route(…)` / `fastify.get(path, { handler })`.
  const prop = fn.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== fn || propertyName(prop) !== 'handler') return null;
  const object = prop.parent;
  const call = object.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression || call?.type !== AST_NODE_TYPES.CallExpression) return null;
  if (!call.arguments.includes(object)) return null;
  const method = calleeName(call);
  if (method === null || !(ROUTE_METHODS.has(method) || method === 'route')) return null;
  return { call, options: object };
}

/**
 * Whether a route registration is Fastify's: the app resolves to the `fastify` module, the
 * receiver is the conventional plugin parameter `fastify`, or the handler's second parameter is `reply`.
 */
function isFastifyRegistration(fn: FunctionNode, sourceCode: SourceCode): boolean {
  const registration = routeRegistration(fn);
  if (!registration) return false;
  if (paramName(fn.params[1]) === 'reply') return true;
  const callee = unwrap(registration.call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const app = unwrap(callee.object);
  if (app.type === AST_NODE_TYPES.Identifier && app.name === 'fastify') return true;
  return fromModule(resolveModule(app, sourceCode), ['fastify']);
}

/** A Fastify route handler, whose returned value (or resolved promise value) is sent as the reply. */
function isFastifyRouteHandler(fn: FunctionNode, sourceCode: SourceCode): boolean {
  return isFastifyRegistration(fn, sourceCode);
}

/** A Fastify route whose options declare `schema.response`: the reply is serialized to the declared fields only. */
function fastifySchemaFiltered(fn: FunctionNode): boolean {
  const registration = routeRegistration(fn);
  const options = registration?.options;
  if (!options) return false;
  const schema = getProperty(options, 'schema');
  const value = schema && unwrap(schema.value);
  return value?.type === AST_NODE_TYPES.ObjectExpression && getProperty(value, 'response') !== null;
}

/** Express/Node response methods that write text or bytes: `responseBody` leaves them out, as they cannot send an object whole. */
const TEXT_SEND_METHODS = new Set(['end', 'write', 'send']);

/**
 * The text a call writes to an Express/Connect/Node response, for rules about what text reaches the
 * client: `res.end(text)`, `res.write(text)`, `res.status(500).end(text)`, as well as every body
 * `responseBodyOfCall` recognises. The receiver is recognised as in `responseBodyOfCall`.
 */
export function responseTextOfCall(node: TSESTree.CallExpression, sourceCode: SourceCode): ResponseBody | null {
  const body = responseBodyOfCall(node, sourceCode);
  if (body) return body;
  const arg = node.arguments[0];
  const callee = unwrap(node.callee);
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement || callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null || !TEXT_SEND_METHODS.has(method)) return null;
  const receiver = responseReceiver(callee.object, sourceCode);
  if (receiver?.kind !== 'express') return null;
  return make('express', arg, arg, `${receiver.name}.${method}()`, false);
}
