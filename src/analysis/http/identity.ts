import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, memberName, singleValue, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { resolveModule } from '../core/modules.js';
import { isResolverContext } from './graphql.js';
import { roleOfParameter, type RequestRole } from './request-sources.js';

type Node = TSESTree.Node;

/**
 * Who is calling: expressions that hold the authenticated caller (or a part of it, such as its id).
 *
 * - Express/Connect, Fastify, Next.js Pages: `req.user`, `req.auth` (express-jwt), `req.userId`,
 *   `req.currentUser`, `req.session.user`, `req.session.userId`, `req.session.passport.user`,
 *   `request.user` (@fastify/jwt); `res.locals.user`, `res.locals.userId`…;
 * - Koa: `ctx.state.user` (koa-jwt, koa-passport), `ctx.state.auth`, `ctx.session.user(Id)`, `ctx.user`;
 * - Hono: `c.get('user')`, `c.get('jwtPayload')`, `c.var.user`;
 * - GraphQL resolvers: the context (`(parent, args, context)` of resolver maps and graphql-js
 *   `resolve`, `@Context()` of @nestjs/graphql, `@Ctx()` of type-graphql): `context.user`,
 *   `context.currentUser`, `context.req.user`, `ctx.state.user`, a destructured `{ user }`;
 * - NestJS: parameters decorated with a current-user decorator (`@CurrentUser()`, `@User()`,
 *   `@GetUser()`, `@AuthUser()`, `@ReqUser()`… — configurable), and `@Req() req` → `req.user`;
 * - Next.js / Auth.js / Clerk / Kinde: results of `auth()`, `getServerSession()`, `getSession()`,
 *   `currentUser()`, `getAuth(req)`, `getToken()`, `getUser()` of `getKindeServerSession()`;
 * - anything read from those through variables, destructuring and member access (`req.user.id`,
 *   `const { id: me } = req.user`, `session.user.id`).
 */
export interface IdentityOptions {
  /** Extra caller expressions as dotted text: `req.account`, `ctx.state.member`, `res.locals.principal`. */
  callerExpressions?: readonly string[];
  /** Names of NestJS parameter decorators that inject the current user. */
  currentUserDecorators?: readonly string[];
}

export const DEFAULT_CURRENT_USER_DECORATORS: readonly string[] = [
  'CurrentUser',
  'User',
  'AuthUser',
  'GetUser',
  'ReqUser',
  'RequestUser',
  'UserId',
  'CurrentUserId',
  'Principal',
  'AuthenticatedUser',
  'Session',
  'Auth',
];

/** Properties of a request that carry the authenticated caller. */
const REQUEST_IDENTITY = new Set(['user', 'auth', 'userId', 'currentUser', 'uid', 'principal', 'identity', 'jwtPayload', 'kauth', 'authUser', 'me']);
/** Properties of a session that carry the caller. */
const SESSION_IDENTITY = new Set(['user', 'userId', 'uid', 'passport', 'currentUser', 'account', 'accountId']);
/** `res.locals.<name>` and `ctx.state.<name>` names that carry the caller. */
const LOCALS_IDENTITY = new Set(['user', 'userId', 'currentUser', 'auth', 'session', 'principal', 'jwtPayload', 'jwtdata', 'account', 'me', 'authUser']);
/** Hono `c.get(<key>)` / `c.var.<key>` keys. */
const HONO_IDENTITY = new Set(['user', 'userId', 'jwtPayload', 'session', 'auth', 'currentUser', 'authUser', 'clerkAuth']);
/** Calls whose result is the signed-in caller or their session. */
const SESSION_FUNCTIONS = new Set([
  'auth',
  'getServerSession',
  'getSession',
  'unstable_getServerSession',
  'currentUser',
  'getAuth',
  'getToken',
  'getCurrentUser',
  'requireUser',
  'getUserFromSession',
  'validateRequest',
  'getKindeServerSession',
]);
const REQUEST_NAMES = new Set(['req', 'request']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply']);
const KOA_NAMES = new Set(['ctx', 'context']);

interface Step {
  name: string | null;
  call: boolean;
  /** Static first argument of a call step (`c.get('user')`). */
  arg?: string | null;
}

const MAX_DEPTH = 12;

/** Whether `node` is the caller's identity or part of it. */
export function isCallerIdentity(node: Node, sourceCode: SourceCode, options: IdentityOptions = {}): boolean {
  return chainIsIdentity(unwrap(node), sourceCode, options, [], 0);
}

/**
 * Whether `node` mentions the caller anywhere inside it (`{ id, userId: req.user.id }`,
 * `and(eq(t.id, id), eq(t.ownerId, me))`, `` `${req.user.id}` ``). Shallow-walks the expression.
 */
export function mentionsCaller(node: Node, sourceCode: SourceCode, options: IdentityOptions = {}, budget = { left: 200 }): boolean {
  if (budget.left-- <= 0) return false;
  const n = unwrap(node);
  if (isCallerIdentity(n, sourceCode, options)) return true;
  switch (n.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return n.properties.some((p) =>
        p.type === AST_NODE_TYPES.SpreadElement ? mentionsCaller(p.argument, sourceCode, options, budget) : mentionsCaller(p.value, sourceCode, options, budget),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return n.elements.some((e) => !!e && mentionsCaller(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e, sourceCode, options, budget));
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return n.arguments.some((a) => mentionsCaller(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a, sourceCode, options, budget));
    case AST_NODE_TYPES.TemplateLiteral:
      return n.expressions.some((e) => mentionsCaller(e, sourceCode, options, budget));
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return mentionsCaller(n.left, sourceCode, options, budget) || mentionsCaller(n.right, sourceCode, options, budget);
    case AST_NODE_TYPES.ConditionalExpression:
      return mentionsCaller(n.consequent, sourceCode, options, budget) || mentionsCaller(n.alternate, sourceCode, options, budget);
    case AST_NODE_TYPES.AwaitExpression:
      return mentionsCaller(n.argument, sourceCode, options, budget);
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return n.body.type !== AST_NODE_TYPES.BlockStatement && mentionsCaller(n.body, sourceCode, options, budget);
    case AST_NODE_TYPES.Identifier: {
      // `const where = { id, ownerId: req.user.id }` used by name.
      const variable = findVar(sourceCode, n);
      const value = variable && singleValue(variable);
      if (value && value.path.length === 0) {
        const init = unwrap(value.init);
        if (init.type === AST_NODE_TYPES.ObjectExpression || init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.ArrayExpression) {
          return mentionsCaller(init, sourceCode, options, budget);
        }
      }
      return false;
    }
    default:
      return false;
  }
}

function flatten(node: Node): { root: Node; steps: Step[] } {
  const steps: Step[] = [];
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      steps.unshift({ name: memberName(current), call: false });
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      const first = current.arguments[0] && unwrap(current.arguments[0]);
      const arg = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : null;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        steps.unshift({ name: memberName(callee), call: true, arg });
        current = unwrap(callee.object);
      } else {
        return { root: current, steps };
      }
    } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = unwrap(current.argument);
    } else {
      return { root: current, steps };
    }
  }
}

function chainIsIdentity(node: Node, sourceCode: SourceCode, options: IdentityOptions, suffix: Step[], depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const { root, steps: own } = flatten(node);
  const steps = [...own, ...suffix];
  if (root.type === AST_NODE_TYPES.CallExpression) {
    return callIsSession(root, sourceCode);
  }
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    return extraMatches(['this', ...steps.map((s) => s.name)], options);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, root);
  const def = variable?.defs[0];
  if (extraMatches([root.name, ...steps.map((s) => s.name)], options)) return true;
  if (!variable || !def) return false;
  if (def.type === 'Parameter' && isFunction(def.node)) {
    const fn = def.node;
    const index = fn.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
    const param = fn.params[index];
    if (!param) return false;
    if (hasCurrentUserDecorator(param, options)) return true;
    const bare = unwrapParam(param);
    let full = steps;
    if (bare !== def.name) {
      const path = def.name.type === AST_NODE_TYPES.Identifier ? patternPath(def.name, bare) : null;
      if (!path) return false;
      full = [...path.map((name) => ({ name, call: false })), ...steps];
    }
    // A GraphQL resolver's context (`(parent, args, context)`, `@Context()`, `@Ctx()`): `context.user`, `{ user }`, `ctx.req.user`.
    if (isResolverContext(fn, index, param, sourceCode)) return paramChainIsIdentity('context', 'koa', full);
    const role = roleOfParameter(fn, index, paramName(bare), param, sourceCode);
    return paramChainIsIdentity(paramName(bare) ?? '', role, full);
  }
  if (def.type === 'Variable') {
    const value = singleValue(variable);
    if (!value) return false;
    if (value.path.some((p) => p === null)) return false;
    const pathSteps = value.path.map((name) => ({ name, call: false }));
    return chainIsIdentity(value.init, sourceCode, options, [...pathSteps, ...steps], depth + 1);
  }
  return false;
}

function paramName(param: Node): string | null {
  return param.type === AST_NODE_TYPES.Identifier ? param.name : null;
}

function unwrapParam(param: Node): Node {
  if (param.type === AST_NODE_TYPES.AssignmentPattern) return param.left;
  if (param.type === AST_NODE_TYPES.TSParameterProperty) return param.parameter;
  return param;
}

/** The keys from a parameter pattern down to `name`: `({ user }) =>` gives `['user']`. */
function patternPath(name: TSESTree.Identifier, pattern: Node): string[] | null {
  const path: string[] = [];
  let child: Node = name;
  let parent = name.parent;
  while (parent && child !== pattern) {
    if (parent.type === AST_NODE_TYPES.Property && parent.value === child) {
      const key = parent.computed ? null : parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : null;
      if (!key) return null;
      path.unshift(key);
    } else if (parent.type !== AST_NODE_TYPES.ObjectPattern && parent.type !== AST_NODE_TYPES.AssignmentPattern) {
      return null;
    }
    child = parent;
    parent = parent.parent;
  }
  return path;
}

function paramChainIsIdentity(name: string, role: RequestRole | null, steps: Step[]): boolean {
  const [a, b] = steps;
  const isHono = role === 'hono' || name === 'c';
  const isKoa = role === 'koa' || KOA_NAMES.has(name);
  if (!a || a.call) {
    // Hono: `c.get('user')`.
    return !!a && a.call && a.name === 'get' && !!a.arg && HONO_IDENTITY.has(a.arg) && (isHono || isKoa);
  }
  const isRequest = role === 'node' || REQUEST_NAMES.has(name);
  if (isRequest || isKoa) {
    if (a.name && REQUEST_IDENTITY.has(a.name)) return true;
    if (a.name === 'session' && b && !b.call && b.name && SESSION_IDENTITY.has(b.name)) return true;
    // Koa `ctx.state.user`, `ctx.req.user`.
    if (a.name === 'state' && b && !b.call && b.name && LOCALS_IDENTITY.has(b.name)) return true;
    if (a.name === 'req' && b && !b.call && b.name && REQUEST_IDENTITY.has(b.name)) return true;
    if (a.name === 'request' && b && !b.call && b.name && REQUEST_IDENTITY.has(b.name)) return true;
    if (a.name === 'raw' && b && !b.call && b.name && REQUEST_IDENTITY.has(b.name)) return true;
  }
  if (RESPONSE_NAMES.has(name)) {
    if (a.name === 'locals' && b && !b.call && b.name && LOCALS_IDENTITY.has(b.name)) return true;
  }
  if (isHono || isKoa) {
    if (a.name === 'var' && b && !b.call && b.name && HONO_IDENTITY.has(b.name)) return true;
  }
  return false;
}

function extraMatches(names: (string | null)[], options: IdentityOptions): boolean {
  if (!options.callerExpressions?.length) return false;
  return options.callerExpressions.some((expr) => {
    const parts = expr.split('.');
    return parts.length <= names.length && parts.every((p, i) => names[i] === p);
  });
}

function hasCurrentUserDecorator(param: Node, options: IdentityOptions): boolean {
  const decorators = 'decorators' in param ? (param.decorators as TSESTree.Decorator[] | undefined) : undefined;
  if (!decorators?.length) return false;
  const names = options.currentUserDecorators ?? DEFAULT_CURRENT_USER_DECORATORS;
  return decorators.some((d) => {
    const expr = unwrap(d.expression);
    const callee = expr.type === AST_NODE_TYPES.CallExpression ? unwrap(expr.callee) : expr;
    return callee.type === AST_NODE_TYPES.Identifier && names.includes(callee.name);
  });
}

/** `auth()`, `getServerSession(authOptions)`, `getKindeServerSession().getUser()`, `clerk.currentUser()`. */
function callIsSession(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = unwrap(call.callee);
  let name: string | null = null;
  if (callee.type === AST_NODE_TYPES.Identifier) name = callee.name;
  else if (callee.type === AST_NODE_TYPES.MemberExpression) name = memberName(callee);
  if (!name || !SESSION_FUNCTIONS.has(name)) return false;
  if (name === 'auth' && callee.type === AST_NODE_TYPES.Identifier) {
    // `auth` is a common name for unrelated things; count it when imported (Auth.js, Clerk, a local `@/auth`) or declared locally by NextAuth().
    const ref = resolveModule(callee, sourceCode);
    const variable = findVar(sourceCode, callee);
    if (!ref && !variable?.defs.length) return false;
  }
  return true;
}
