import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, findVar, isFunction, memberName, paramName, propertyName, singleValue, unwrap, type FunctionNode } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
import { functionOf } from './routes.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * Where a caught error comes from:
 * - `catch`: a `catch (err)` clause parameter;
 * - `promise-catch`: the parameter of a `.catch((err) => …)` callback;
 * - `callback`: the first parameter of an error-first callback (`(err, rows) => …`);
 * - `middleware`: an Express/Connect error handler `(err, req, res, next)`;
 * - `fastify`: a Fastify `setErrorHandler((error, request, reply) => …)` handler;
 * - `hono`: a Hono `app.onError((err, c) => …)` handler;
 * - `nestjs`: the `catch(exception, host)` method of a NestJS `@Catch()` exception filter.
 */
export type CaughtErrorSource = 'catch' | 'promise-catch' | 'callback' | 'middleware' | 'fastify' | 'hono' | 'nestjs';

export interface CaughtError {
  source: CaughtErrorSource;
  /** The variable holding the error. */
  variable: Variable;
  /**
   * True when the handler sees every error the application throws (error middleware, error
   * handler registrations, `@Catch()` without arguments), as opposed to errors of a block it wraps.
   */
  global: boolean;
  /** True when the handler only receives errors of classes it names (`@Catch(HttpException)`). */
  filtered: boolean;
  /** The function or catch clause the error is handled in: guards are looked for up to it. */
  scope: Node;
}

const ERROR_PARAM_NAMES = new Set(['err', 'error', 'er']);
const REQUEST_NAMES = new Set(['req', 'request']);
const RESPONSE_NAMES = new Set(['res', 'response']);
/** Array, iteration and promise methods whose callbacks receive elements or results, not errors. */
const ELEMENT_CALLBACK_METHODS = new Set([
  'map',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'flatMap',
  'sort',
  'then',
  'finally',
  'emit',
]);

function parameterVariable(fn: FunctionNode, index: number, sourceCode: SourceCode): Variable | null {
  const param = fn.params[index];
  if (!param) return null;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  return sourceCode.getDeclaredVariables(fn).find((v) => v.name === target.name) ?? null;
}

/** The variables a catch clause binds: `catch (err)` gives `err`; `catch ({ message })` gives `message`. */
export function catchClauseVariables(node: TSESTree.CatchClause, sourceCode: SourceCode): Variable[] {
  if (!node.param) return [];
  // A thrown array (`catch ([first])`) is not an error; `catch ({ message })` binds parts of one.
  if (node.param.type !== AST_NODE_TYPES.Identifier && node.param.type !== AST_NODE_TYPES.ObjectPattern) return [];
  return [...sourceCode.getDeclaredVariables(node)];
}

/**
 * Whether `fn` is an Express/Connect error handler: four parameters, the second named like a
 * request and the third like a response (`(err, req, res, next)`), or typed `ErrorRequestHandler`.
 */
export function isErrorMiddleware(fn: FunctionNode): boolean {
  if (fn.params.length !== 4) return false;
  if (paramName(fn.params[0]) === null) return false;
  const req = paramName(fn.params[1]);
  const res = paramName(fn.params[2]);
  if (req !== null && res !== null && REQUEST_NAMES.has(req) && RESPONSE_NAMES.has(res)) return true;
  const declarator = fn.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const annotation = declarator.id.typeAnnotation?.typeAnnotation;
    if (annotation?.type === AST_NODE_TYPES.TSTypeReference) {
      const name = annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName ? annotation.typeName.right.name : '';
      return name === 'ErrorRequestHandler';
    }
  }
  return false;
}

/** The caught error of an Express/Connect error handler function, or null. */
export function middlewareError(fn: FunctionNode, sourceCode: SourceCode): CaughtError | null {
  if (!isErrorMiddleware(fn)) return null;
  const variable = parameterVariable(fn, 0, sourceCode);
  return variable ? { source: 'middleware', variable, global: true, filtered: false, scope: fn } : null;
}

/**
 * The caught errors a call hands to a function argument: Fastify `setErrorHandler(fn)`, Hono
 * `onError(fn)`, a promise's `.catch(fn)`, and error-first callbacks passed last to a call
 * (`db.query(sql, (err, rows) => …)`, `user.save(function (err) {…})`).
 */
export function callbackError(call: TSESTree.CallExpression, sourceCode: SourceCode): CaughtError | null {
  const method = calleeName(call);
  const last = call.arguments[call.arguments.length - 1];
  if (!last || last.type === AST_NODE_TYPES.SpreadElement) return null;
  if (method === 'setErrorHandler' || method === 'onError') {
    const fn = functionOf(last, sourceCode);
    if (!fn || fn.params.length < 2) return null;
    const variable = parameterVariable(fn, 0, sourceCode);
    if (!variable) return null;
    return { source: method === 'onError' ? 'hono' : 'fastify', variable, global: true, filtered: false, scope: fn };
  }
  const fn = unwrap(last);
  if (!isFunction(fn)) return null;
  if (method === 'catch' && call.arguments.length === 1 && unwrap(call.callee).type === AST_NODE_TYPES.MemberExpression) {
    const variable = parameterVariable(fn, 0, sourceCode);
    return variable ? { source: 'promise-catch', variable, global: false, filtered: false, scope: fn } : null;
  }
  if (method !== null && ELEMENT_CALLBACK_METHODS.has(method)) return null;
  const name = paramName(fn.params[0]);
  if (name === null || !ERROR_PARAM_NAMES.has(name)) return null;
  // A four-parameter function is an error middleware, handled as such.
  if (isErrorMiddleware(fn)) return null;
  const variable = parameterVariable(fn, 0, sourceCode);
  return variable ? { source: 'callback', variable, global: false, filtered: false, scope: fn } : null;
}

/** `@Catch()` / `@Catch(HttpException)` from `@nestjs/common` on the class of `method`: its arguments, or null. */
function nestCatchArguments(method: TSESTree.MethodDefinition, sourceCode: SourceCode): TSESTree.CallExpressionArgument[] | null {
  const classNode = method.parent.parent;
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return null;
  for (const decorator of classNode.decorators ?? []) {
    const expr = unwrap(decorator.expression);
    if (expr.type !== AST_NODE_TYPES.CallExpression) continue;
    const ref = resolveModule(expr.callee, sourceCode);
    if (fromModule(ref, ['@nestjs/common']) && ref.path.length === 1 && ref.path[0] === 'Catch') return expr.arguments;
  }
  return null;
}

/** The exception of a NestJS exception filter's `catch(exception, host)` method, or null. */
export function nestFilterError(method: TSESTree.MethodDefinition, sourceCode: SourceCode): CaughtError | null {
  if (method.kind !== 'method' || method.static || propertyName(method) !== 'catch') return null;
  const fn = method.value;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || fn.params.length < 1) return null;
  const catches = nestCatchArguments(method, sourceCode);
  if (!catches) return null;
  const variable = parameterVariable(fn, 0, sourceCode);
  if (!variable) return null;
  return { source: 'nestjs', variable, global: catches.length === 0, filtered: catches.length > 0, scope: fn };
}

/** Response methods of Express and Fastify that return the response, so a send can be chained after them. */
const CHAINABLE = new Set(['status', 'code', 'type', 'set', 'header', 'setHeader', 'contentType']);

/**
 * The response object of a NestJS exception filter: `const response = host.switchToHttp().getResponse()`
 * (or `ctx.getResponse<Response>()`), or the `getResponse()` call itself.
 */
function isFilterResponse(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.CallExpression) return calleeName(target) === 'getResponse' && target.arguments.length === 0;
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, target);
  const value = variable && singleValue(variable);
  if (!value || value.path.length > 0) return false;
  const init = unwrap(value.init);
  return init.type === AST_NODE_TYPES.CallExpression && calleeName(init) === 'getResponse' && init.arguments.length === 0;
}

export interface FilterResponse {
  /** The call that sends the body; null for a value returned from a Fastify error handler. */
  call: TSESTree.CallExpression | null;
  /** The status argument, when the call names one (`response.status(s).json(body)`, `httpAdapter.reply(res, body, status)`). */
  statusArgument: Node | null;
  /** How the body is sent, for messages. */
  via: string;
}

/**
 * Whether `node` is the body an error handler sends through its own response parameter, which
 * `responseBody` does not know by position:
 * - a NestJS exception filter: `response.status(s).json(node)`, `response.send(node)` or
 *   `httpAdapter.reply(ctx.getResponse(), node, status)`, the response coming from `getResponse()`;
 * - a Fastify `setErrorHandler` handler: `reply.code(s).send(node)`, or `return node`;
 * - a Hono `onError` handler: `c.json(node, status)`, `c.text(node, status)`.
 */
export function errorHandlerResponseBody(node: Node, caught: CaughtError, sourceCode: SourceCode): FilterResponse | null {
  const parent = node.parent;
  if (caught.source === 'fastify' && parent?.type === AST_NODE_TYPES.ReturnStatement && isFunction(caught.scope) && enclosingFunction(parent) === caught.scope) {
    return { call: null, statusArgument: null, via: 'the Fastify error handler' };
  }
  if (caught.source === 'fastify' && parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent === caught.scope && parent.body === node) {
    return { call: null, statusArgument: null, via: 'the Fastify error handler' };
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (caught.source === 'nestjs' && method === 'reply' && parent.arguments[1] === node && parent.arguments[0] && isFilterResponse(parent.arguments[0], sourceCode)) {
    return { call: parent, statusArgument: parent.arguments[2] ?? null, via: 'httpAdapter.reply()' };
  }
  if (parent.arguments[0] !== node || method === null) return null;
  let receiver = unwrap(callee.object);
  let statusArgument: Node | null = null;
  while (receiver.type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrap(receiver.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = memberName(inner);
    if (name === 'getResponse') break;
    if (name === null || !CHAINABLE.has(name)) return null;
    if ((name === 'status' || name === 'code') && receiver.arguments[0]) statusArgument = receiver.arguments[0];
    receiver = unwrap(inner.object);
  }
  const scope = caught.scope;
  switch (caught.source) {
    case 'nestjs':
      if ((method !== 'json' && method !== 'send') || !isFilterResponse(receiver, sourceCode)) return null;
      return { call: parent, statusArgument, via: `response.${method}()` };
    case 'fastify':
      if (method !== 'send' || !isFunction(scope) || !isParameter(receiver, scope, 2, sourceCode)) return null;
      return { call: parent, statusArgument, via: `${(receiver as TSESTree.Identifier).name}.send()` };
    case 'hono': {
      if ((method !== 'json' && method !== 'text') || !isFunction(scope) || !isParameter(receiver, scope, 1, sourceCode)) return null;
      const status = parent.arguments[1];
      return { call: parent, statusArgument: status && status.type !== AST_NODE_TYPES.SpreadElement ? status : null, via: `${(receiver as TSESTree.Identifier).name}.${method}()` };
    }
    default:
      return null;
  }
}

/** Whether `node` is the identifier of `fn`'s parameter at `index`. */
function isParameter(node: Node, fn: FunctionNode, index: number, sourceCode: SourceCode): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, node);
  const def = variable?.defs[0];
  return !!def && def.type === 'Parameter' && def.node === fn && paramName(fn.params[index]) === node.name;
}

/** Built-in classes an `instanceof` test narrows a type with, not a kind of error meant for the client. */
const TYPE_NARROWING_CLASSES = new Set(['Error', 'Object', 'String', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'AggregateError', 'EvalError', 'URIError', 'DOMException']);
/** Properties that tell one kind of error from another: `err.status < 500`, `err.expose`, `err.name === 'ValidationError'`. */
const ERROR_KIND_PROPERTIES = new Set([
  'status',
  'statusCode',
  'status_code',
  'httpStatus',
  'httpStatusCode',
  'httpCode',
  'code',
  'errorCode',
  'errno',
  'name',
  'expose',
  'isBoom',
  'isJoi',
  'isOperational',
  'isPublic',
  'public',
  'userFacing',
  'isUserError',
  'isAxiosError',
  'isHttpError',
  'type',
  'kind',
  'errorType',
  'errors',
  'details',
  'response',
]);
/** Bare names that carry an error's class or status: `status < 500`, `expose`, `isClientError`. */
const ERROR_KIND_NAMES = new Set(['status', 'statusCode', 'httpStatus', 'code', 'errorCode', 'expose', 'isClientError', 'isOperational', 'isHttpError', 'isPublic']);
/** Predicates over an error's class: `isHttpError(err)`, `isCelebrateError(err)`, `axios.isAxiosError(err)`, `isBoom(err)`. */
const ERROR_KIND_PREDICATE = /^is[A-Z]\w*(?:Error|Exception)$|^isBoom$/;

/**
 * Whether a condition tells which kind of error it has, so the branch it guards handles errors the
 * code made for the client: `err instanceof HttpError` (any class but the built-in ones),
 * `err.status < 500`, `err.expose`, `err.name === 'ValidationError'`, `status < 500`,
 * `isHttpError(err)`. A bare `err`, `err.message` or `err instanceof Error` does not.
 */
export function isErrorKindTest(test: TSESTree.Node, sourceCode: SourceCode): boolean {
  const tokens = sourceCode.getTokens(test);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'Keyword' && token.value === 'instanceof') {
      const next = tokens[i + 1];
      if (next?.type === 'Identifier' && !TYPE_NARROWING_CLASSES.has(next.value)) return true;
      continue;
    }
    if (token.type !== 'Identifier') continue;
    const previous = tokens[i - 1];
    const afterDot = previous?.type === 'Punctuator' && (previous.value === '.' || previous.value === '?.');
    if (afterDot && ERROR_KIND_PROPERTIES.has(token.value)) return true;
    if (!afterDot && ERROR_KIND_NAMES.has(token.value)) return true;
    if (ERROR_KIND_PREDICATE.test(token.value)) return true;
  }
  return false;
}
