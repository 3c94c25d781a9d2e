import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findVar, getProperty, isJsonStringify, isValueKeepingWrapper, memberName, singleValue, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { staticValue } from '../core/static-value.js';
import type { ResponseBody } from './responses.js';

type Node = TSESTree.Node;

/**
 * The status class of a response, as far as the code shows it:
 * - `server-error`: a constant 5xx (`res.status(500)`, `HttpStatus.INTERNAL_SERVER_ERROR`);
 * - `maybe-server-error`: computed, with a 5xx fallback (`err.status || 500`);
 * - `client-error`: a constant 4xx;
 * - `success`: a constant below 400;
 * - `computed`: computed with no visible 5xx (`res.status(err.status)`);
 * - `default`: no status set, so the framework's default (200) applies.
 */
export type StatusClass = 'server-error' | 'maybe-server-error' | 'client-error' | 'success' | 'computed' | 'default';

export interface ResponseStatus {
  status: StatusClass;
  /** The status expression, when there is one. */
  node: Node | null;
}

const SERVER_ERROR_NAMES = /^(?:INTERNAL_SERVER_ERROR|InternalServerError|INTERNAL_ERROR|SERVICE_UNAVAILABLE|ServiceUnavailable|BAD_GATEWAY|BadGateway|GATEWAY_TIMEOUT|NOT_IMPLEMENTED)$/;
const CLIENT_ERROR_NAMES =
  /^(?:BAD_REQUEST|BadRequest|UNAUTHORIZED|Unauthorized|FORBIDDEN|Forbidden|NOT_FOUND|NotFound|CONFLICT|Conflict|UNPROCESSABLE_ENTITY|UnprocessableEntity|TOO_MANY_REQUESTS|TooManyRequests|GONE|METHOD_NOT_ALLOWED|NOT_ACCEPTABLE|PAYLOAD_TOO_LARGE|PRECONDITION_FAILED|REQUEST_TIMEOUT|UNSUPPORTED_MEDIA_TYPE)$/;
const STATUS_SETTERS = new Set(['status', 'code', 'sendStatus', 'writeHead']);
const STATUS_PROPERTIES = new Set(['status', 'statusCode']);

/** The class of a status expression: `500`, `HttpStatus.BAD_REQUEST`, `err.status || 500`. */
export function statusClass(node: Node, sourceCode: SourceCode, depth = 0): StatusClass {
  const value = staticValue(node, sourceCode)?.value;
  const code = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : null;
  if (code !== null) return code >= 500 ? 'server-error' : code >= 400 ? 'client-error' : 'success';
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier && depth < 3) {
    // `const statusCode = err.statusCode || 500; res.status(statusCode)`
    const variable = findVar(sourceCode, target);
    const value = variable && singleValue(variable);
    if (value && value.path.length === 0) return statusClass(value.init, sourceCode, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target) ?? '';
    if (SERVER_ERROR_NAMES.test(name)) return 'server-error';
    if (CLIENT_ERROR_NAMES.test(name)) return 'client-error';
  }
  for (const token of sourceCode.getTokens(target)) {
    if (token.type === 'Numeric' && /^5\d\d$/.test(token.value)) return 'maybe-server-error';
    if (token.type === 'Identifier' && SERVER_ERROR_NAMES.test(token.value)) return 'maybe-server-error';
  }
  return 'computed';
}

/** Steps from a body as written to the node that sends it (the call, the assignment, the return). */
function sendingNode(body: ResponseBody): Node | null {
  let child: Node = body.node;
  let parent: Node | undefined = child.parent;
  while (parent) {
    if (isValueKeepingWrapper(parent) || (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === child && isJsonStringify(parent))) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    return parent;
  }
  return null;
}

/**
 * The status a response body is sent with: the setter chained before the send
 * (`res.status(500).json(…)`, `reply.code(500).send(…)`), an earlier `res.status(…)` /
 * `res.statusCode =` / `ctx.status =` / `c.status(…)` in the same function, Hono's
 * `c.json(body, 500)`, or the `{ status }` init of `Response.json(body, init)` / `new Response(…)`.
 */
export function responseStatus(body: ResponseBody, sourceCode: SourceCode): ResponseStatus {
  const sender = sendingNode(body);
  if (!sender) return { status: 'default', node: null };
  if (sender.type === AST_NODE_TYPES.CallExpression || sender.type === AST_NODE_TYPES.NewExpression) {
    if (body.framework === 'fetch' || body.framework === 'next') {
      const init = sender.arguments[1] && unwrap(sender.arguments[1]);
      const prop = init?.type === AST_NODE_TYPES.ObjectExpression ? getProperty(init, 'status') : null;
      return prop ? { status: statusClass(prop.value, sourceCode), node: prop.value } : { status: 'default', node: null };
    }
    if (body.framework === 'hono' && sender.arguments[1] && sender.arguments[1].type !== AST_NODE_TYPES.SpreadElement) {
      return { status: statusClass(sender.arguments[1], sourceCode), node: sender.arguments[1] };
    }
    if (sender.type !== AST_NODE_TYPES.CallExpression) return { status: 'default', node: null };
    const callee = unwrap(sender.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return { status: 'default', node: null };
    let receiver = unwrap(callee.object);
    while (receiver.type === AST_NODE_TYPES.CallExpression) {
      const inner = unwrap(receiver.callee);
      if (inner.type !== AST_NODE_TYPES.MemberExpression) break;
      const name = memberName(inner);
      const arg = receiver.arguments[0];
      if (name !== null && STATUS_SETTERS.has(name) && arg && arg.type !== AST_NODE_TYPES.SpreadElement) {
        return { status: statusClass(arg, sourceCode), node: arg };
      }
      receiver = unwrap(inner.object);
    }
    return receiver.type === AST_NODE_TYPES.Identifier ? earlierStatus(receiver, sender, sourceCode) : { status: 'default', node: null };
  }
  if (sender.type === AST_NODE_TYPES.AssignmentExpression) {
    let object = unwrap(sender.left);
    if (object.type !== AST_NODE_TYPES.MemberExpression) return { status: 'default', node: null };
    object = unwrap(object.object);
    if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'response') object = unwrap(object.object);
    return object.type === AST_NODE_TYPES.Identifier ? earlierStatus(object, sender, sourceCode) : { status: 'default', node: null };
  }
  return { status: 'default', node: null };
}

/**
 * A status set on the response object in the same function as the send: the last one written
 * before it, or else the first one written after it in the same function (`ctx.body = …; ctx.status = 500`).
 */
function earlierStatus(receiver: TSESTree.Identifier, sender: Node, sourceCode: SourceCode): ResponseStatus {
  const variable = findVar(sourceCode, receiver);
  if (!variable) return { status: 'default', node: null };
  const fn = enclosingFunction(sender);
  let before: Node | null = null;
  let after: Node | null = null;
  for (const ref of variable.references) {
    const id = ref.identifier;
    if (enclosingFunction(id) !== fn) continue;
    const value = statusWrite(id, sender);
    if (!value) continue;
    if (id.range[0] < sender.range[0]) before = value;
    else if (!after) after = value;
  }
  const found = before ?? after;
  return found ? { status: statusClass(found, sourceCode), node: found } : { status: 'default', node: null };
}

/**
 * The value of a statement `res.status(x)`, `res.statusCode = x`, `ctx.status = x` or
 * `ctx.response.status = x` starting at `id`, in a block that holds `sender` (not in a branch
 * that sent its own response).
 */
function statusWrite(id: Node, sender: Node): Node | null {
  let member = id.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) return null;
  if (memberName(member) === 'response' && member.parent?.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member) {
    member = member.parent;
  }
  const name = memberName(member);
  if (name === null) return null;
  const parent = member.parent;
  const statement = parent?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const block = statement.parent;
  if (!block || block.range[0] > sender.range[0] || block.range[1] < sender.range[1]) return null;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member && parent.operator === '=' && STATUS_PROPERTIES.has(name)) {
    return parent.right;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === member && STATUS_SETTERS.has(name)) {
    const arg = parent.arguments[0];
    return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : null;
  }
  return null;
}
