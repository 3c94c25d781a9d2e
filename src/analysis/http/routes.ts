import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, memberName, propertyName, singleValue, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { resolveModule } from '../core/modules.js';
import { NEXT_ROUTE_EXPORTS } from './request-sources.js';

type Node = TSESTree.Node;

export type Framework = 'express' | 'fastify' | 'koa' | 'hono' | 'nestjs' | 'next';

export interface Route {
  framework: Framework;
  /** Lower-case HTTP method (`get`, `post`…), `all` for catch-alls and Next.js Pages API handlers. */
  method: string;
  /** The path as written (`/posts/:id`), joined with its NestJS controller prefix; null when not constant. */
  path: string | null;
  /**
   * Names of the middleware that run before the handler, in order: app/router-level `use()`
   * registered above the route (and above the router's mount), mount-point middleware
   * (`app.use('/admin', requireAdmin, router)`), then the route's own chain. Calls give their
   * callee (`requireRole('admin')` → `requireRole`), members their text (`passport.authenticate`).
   */
  middlewareNames: string[];
  /** The same middleware as nodes, where the file shows them. */
  middleware: Node[];
  /**
   * NestJS `@UseGuards()` classes (method and controller), Fastify `preHandler`/`onRequest`/
   * `preValidation` hooks (route options and `addHook` on the instance); names as for middleware.
   */
  guards: string[];
  /** NestJS method and class decorator names (`Roles`, `Public`, `CheckPolicies`…). */
  decorators: string[];
  handler: FunctionNode | null;
  /** The registration: the route call, the controller method, or the exported handler. */
  node: Node;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'any']);
const NEST_METHOD_DECORATORS = new Map([
  ['Get', 'get'],
  ['Post', 'post'],
  ['Put', 'put'],
  ['Patch', 'patch'],
  ['Delete', 'delete'],
  ['All', 'all'],
  ['Options', 'options'],
  ['Head', 'head'],
]);
const FASTIFY_HOOKS = new Set(['preHandler', 'onRequest', 'preValidation', 'preParsing']);
const MAX_DEPTH = 6;

interface FileRoutes {
  routes: Route[];
  byHandler: Map<Node, Route[]>;
}

const getRoutes = perFileCache((sourceCode): FileRoutes => {
  const routes = collect(sourceCode);
  const byHandler = new Map<Node, Route[]>();
  for (const route of routes) {
    if (!route.handler) continue;
    const list = byHandler.get(route.handler) ?? [];
    list.push(route);
    byHandler.set(route.handler, list);
  }
  return { routes, byHandler };
});

/** Every route registration the file shows. Cached per file. */
export function routesInFile(sourceCode: SourceCode): readonly Route[] {
  return getRoutes(sourceCode).routes;
}

/** The routes whose final handler is `fn` (a function registered in this file). */
export function routesOfHandler(fn: FunctionNode, sourceCode: SourceCode): readonly Route[] {
  return getRoutes(sourceCode).byHandler.get(fn) ?? [];
}

/** The first route whose final handler is `fn`, or null when the file does not register it. */
/**
 * The identifier a route call is registered on: `router` in `router.post(…)`,
 * `router.route('/x').post(…)` and `app.get(…).post(…)`; null for controller methods, exported
 * handlers and receivers that are not a plain name.
 */
export function routeReceiver(route: Route): TSESTree.Identifier | null {
  if (route.node.type !== AST_NODE_TYPES.CallExpression) return null;
  let current: Node = unwrap(route.node.callee);
  for (let i = 0; i < 6; i++) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else break;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}

export function routeOfHandler(fn: FunctionNode, sourceCode: SourceCode): Route | null {
  return routesOfHandler(fn, sourceCode)[0] ?? null;
}

/** Name of a middleware / guard expression for matching: `requireRole('admin')` → `requireRole`. */
export function middlewareName(node: Node, sourceCode: SourceCode): string {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.CallExpression) return middlewareName(n.callee, sourceCode);
  if (n.type === AST_NODE_TYPES.NewExpression) return middlewareName(n.callee, sourceCode);
  if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) {
    return sourceCode.getText(n).replace(/\s+/g, '').replace(/\?\./g, '.');
  }
  if (isFunction(n)) {
    if (n.type !== AST_NODE_TYPES.ArrowFunctionExpression && n.id) return n.id.name;
    return '';
  }
  return '';
}

// ------------------------------------------------------------------------------------------------

function collect(sourceCode: SourceCode): Route[] {
  const routes: Route[] = [];
  const seen = new Set<Node>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const ref of scope.references) {
      const id = ref.identifier as Node;
      const member = id.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) continue;
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
      collectFromCall(call, id as TSESTree.Identifier, sourceCode, routes, seen);
    }
  }
  for (const statement of sourceCode.ast.body) {
    collectFromStatement(statement, sourceCode, routes);
  }
  routes.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return routes;
}

function collectFromCall(
  call: TSESTree.CallExpression,
  receiver: TSESTree.Identifier,
  sourceCode: SourceCode,
  routes: Route[],
  seen: Set<Node>,
): void {
  // The name first: most calls on a name are no route, and need no entry in `seen`.
  const method = memberName(call.callee as TSESTree.MemberExpression);
  if (!method || (method !== 'route' && !HTTP_METHODS.has(method))) return;
  if (seen.has(call)) return;
  seen.add(call);
  if (HTTP_METHODS.has(method)) {
    const route = fromMethodCall(call, method, receiver, null, sourceCode);
    if (route) routes.push(route);
    return;
  }
  if (method === 'route') {
    const first = call.arguments[0] && unwrap(call.arguments[0]);
    if (first?.type === AST_NODE_TYPES.ObjectExpression) {
      const route = fromFastifyRoute(call, first, receiver, sourceCode);
      if (route) routes.push(route);
      return;
    }
    // `router.route('/x').get(a).post(b)`
    const path = first ? staticPath(first, sourceCode) : null;
    let current: Node = call;
    for (;;) {
      const m: Node | undefined = current.parent;
      if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== current) break;
      const outer: Node | undefined = m.parent;
      if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== m) break;
      const name = memberName(m);
      if (!name || !HTTP_METHODS.has(name)) break;
      const route = fromMethodCall(outer, name, receiver, path, sourceCode);
      if (route) routes.push(route);
      current = outer;
    }
  }
}

function frameworkOf(receiver: TSESTree.Identifier, handler: FunctionNode | null, sourceCode: SourceCode): Framework {
  const ref = resolveModule(receiver, sourceCode);
  const module = ref?.module ?? '';
  if (module === 'express' || module === 'router') return 'express';
  if (module.startsWith('fastify')) return 'fastify';
  if (module === 'koa' || module === '@koa/router' || module === 'koa-router') return 'koa';
  if (module === 'hono' || module.startsWith('hono/') || module.startsWith('@hono/')) return 'hono';
  const params = handler?.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : '')) ?? [];
  if (params[1] === 'reply' || receiver.name === 'fastify' || receiver.name === 'server' && params[0] === 'request') return 'fastify';
  if (params[0] === 'ctx' && params.length <= 2 && params[1] !== 'res') return 'koa';
  if (params[0] === 'c' && params.length <= 2) return 'hono';
  return 'express';
}

function staticPath(node: Node, sourceCode: SourceCode): string | null {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value;
  if (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? null;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, n);
    const value = variable && singleValue(variable);
    if (value && value.path.length === 0) return staticPath(value.init, sourceCode);
  }
  return null;
}

function isPathArgument(node: Node, sourceCode: SourceCode): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal) {
    return (typeof n.value === 'string' && /^[/*]/.test(n.value)) || 'regex' in n;
  }
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.quasis[0]?.value.cooked?.startsWith('/') ?? false;
  if (n.type === AST_NODE_TYPES.ArrayExpression) return n.elements.every((e) => !!e && isPathArgument(e, sourceCode));
  if (n.type === AST_NODE_TYPES.Identifier) return /^\/|^\*/.test(staticPath(n, sourceCode) ?? '');
  return false;
}

/** The final argument of a route can be a handler: a function, or a name/member/call that may stand for one. */
function isHandlerArgument(node: Node): boolean {
  const n = unwrap(node);
  return (
    isFunction(n) ||
    n.type === AST_NODE_TYPES.Identifier ||
    n.type === AST_NODE_TYPES.MemberExpression ||
    n.type === AST_NODE_TYPES.CallExpression
  );
}

/** A function node an argument stands for: inline, or a function declared/bound to a const in this file. */
export function functionOf(node: Node, sourceCode: SourceCode, depth = 0): FunctionNode | null {
  const n = unwrap(node);
  if (isFunction(n)) return n;
  if (depth > MAX_DEPTH) return null;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, n);
    const def = variable?.defs[0];
    if (!variable || !def) return null;
    if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
    const value = singleValue(variable);
    if (value && value.path.length === 0) return functionOf(value.init, sourceCode, depth + 1);
    return null;
  }
  // `asyncHandler(async (req, res) => …)`, `catchAsync(fn)`: a wrapper around one function.
  if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length === 1) {
    const arg = n.arguments[0]!;
    if (arg.type !== AST_NODE_TYPES.SpreadElement) {
      const inner = functionOf(arg, sourceCode, depth + 1);
      if (inner && inner.params.length >= 1) return inner;
    }
  }
  // `controller.getPost` where `const controller = { getPost(req, res) {…} }`.
  if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.Identifier) {
    const name = memberName(n);
    const variable = findVar(sourceCode, n.object);
    const value = variable && singleValue(variable);
    const init = value && value.path.length === 0 ? unwrap(value.init) : null;
    if (name && init?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const prop of init.properties) {
        if (prop.type === AST_NODE_TYPES.Property && propertyName(prop) === name) return functionOf(prop.value, sourceCode, depth + 1);
      }
    }
  }
  return null;
}

function fromMethodCall(
  call: TSESTree.CallExpression,
  method: string,
  receiver: TSESTree.Identifier,
  routePath: string | null,
  sourceCode: SourceCode,
): Route | null {
  const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
  let rest = args;
  let path = routePath;
  if (routePath === null) {
    if (!args[0] || !isPathArgument(args[0], sourceCode)) return null;
    path = staticPath(args[0], sourceCode);
    rest = args.slice(1);
  }
  if (rest.length === 0) return null;
  const last = rest[rest.length - 1]!;
  if (!isHandlerArgument(last)) return null;
  const handler = functionOf(last, sourceCode);
  const chain = rest.slice(0, -1);
  const guards: string[] = [];
  const middleware: Node[] = [];
  for (const arg of chain) {
    const a = unwrap(arg);
    if (a.type === AST_NODE_TYPES.ArrayExpression) {
      for (const e of a.elements) if (e && e.type !== AST_NODE_TYPES.SpreadElement) middleware.push(e);
    } else if (a.type === AST_NODE_TYPES.ObjectExpression) {
      // Fastify route options: `fastify.get(path, { preHandler: [auth] }, handler)`.
      guards.push(...fastifyHookNames(a, sourceCode));
    } else {
      middleware.push(a);
    }
  }
  const framework = frameworkOf(receiver, handler, sourceCode);
  const inherited = inheritedMiddleware(receiver, call, path, sourceCode, 0);
  if (framework === 'fastify') guards.push(...fastifyInstanceHooks(receiver, call, sourceCode));
  const all = [...inherited, ...middleware];
  return {
    framework,
    method: method === 'del' ? 'delete' : method === 'any' ? 'all' : method,
    path,
    middleware: all,
    middlewareNames: all.map((m) => middlewareName(m, sourceCode)).filter((n) => n !== ''),
    guards,
    decorators: [],
    handler,
    node: call,
  };
}

function fromFastifyRoute(
  call: TSESTree.CallExpression,
  options: TSESTree.ObjectExpression,
  receiver: TSESTree.Identifier,
  sourceCode: SourceCode,
): Route | null {
  let handlerNode: Node | null = null;
  let method = 'all';
  let path: string | null = null;
  for (const prop of options.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyName(prop);
    if (key === 'handler') handlerNode = prop.value;
    else if (key === 'url' || key === 'path') path = staticPath(prop.value, sourceCode);
    else if (key === 'method') {
      const v = unwrap(prop.value);
      if (v.type === AST_NODE_TYPES.Literal && typeof v.value === 'string') method = v.value.toLowerCase();
    }
  }
  if (prop(options, 'handler') === null && !handlerNode) return null;
  const handler = handlerNode ? functionOf(handlerNode, sourceCode) : null;
  const guards = [...fastifyHookNames(options, sourceCode), ...fastifyInstanceHooks(receiver, call, sourceCode)];
  const inherited = inheritedMiddleware(receiver, call, path, sourceCode, 0);
  return {
    framework: 'fastify',
    method,
    path,
    middleware: inherited,
    middlewareNames: inherited.map((m) => middlewareName(m, sourceCode)).filter((n) => n !== ''),
    guards,
    decorators: [],
    handler,
    node: call,
  };
}

function prop(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  for (const p of object.properties) if (p.type === AST_NODE_TYPES.Property && propertyName(p) === name) return p;
  return null;
}

function fastifyHookNames(options: TSESTree.ObjectExpression, sourceCode: SourceCode): string[] {
  const names: string[] = [];
  for (const p of options.properties) {
    if (p.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyName(p);
    if (!key || !FASTIFY_HOOKS.has(key)) continue;
    const v = unwrap(p.value);
    const items = v.type === AST_NODE_TYPES.ArrayExpression ? v.elements : [v];
    for (const item of items) {
      if (!item || item.type === AST_NODE_TYPES.SpreadElement) continue;
      names.push(...hookNames(item, sourceCode));
    }
  }
  return names;
}

/**
 * The names of one Fastify hook: its own, plus for `@fastify/auth` (`fastify.auth([fastify.verifyJWT,
 * fastify.isOwner])`) the names of the functions it combines.
 */
function hookNames(item: Node, sourceCode: SourceCode): string[] {
  const names = [middlewareName(item, sourceCode) || '<inline>'];
  const call = unwrap(item);
  if (call.type === AST_NODE_TYPES.CallExpression && calleeMember(call) === 'auth') {
    const list = call.arguments[0] && unwrap(call.arguments[0]);
    if (list?.type === AST_NODE_TYPES.ArrayExpression) {
      for (const e of list.elements) if (e && e.type !== AST_NODE_TYPES.SpreadElement) names.push(middlewareName(e, sourceCode) || '<inline>');
    }
  }
  return names;
}

function calleeMember(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
}

/** `fastify.addHook('preHandler', fastify.authenticate)` on the same instance, before the route. */
function fastifyInstanceHooks(receiver: TSESTree.Identifier, call: Node, sourceCode: SourceCode): string[] {
  const variable = findVar(sourceCode, receiver);
  if (!variable) return [];
  const names: string[] = [];
  for (const ref of variable.references) {
    const m = ref.identifier.parent;
    if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== ref.identifier || memberName(m) !== 'addHook') continue;
    const c = m.parent;
    if (c?.type !== AST_NODE_TYPES.CallExpression || c.range[0] > call.range[0]) continue;
    const hook = c.arguments[0] && unwrap(c.arguments[0]);
    if (hook?.type !== AST_NODE_TYPES.Literal || typeof hook.value !== 'string' || !FASTIFY_HOOKS.has(hook.value)) continue;
    const fn = c.arguments[1];
    if (fn && fn.type !== AST_NODE_TYPES.SpreadElement) names.push(...hookNames(fn, sourceCode));
  }
  return names;
}

/**
 * Middleware registered with `use()` on the same app/router before `before`, and — when the router
 * is mounted in this file — the mount's own middleware and what its parent registered before it.
 */
function inheritedMiddleware(
  receiver: TSESTree.Identifier,
  before: Node,
  path: string | null,
  sourceCode: SourceCode,
  depth: number,
): Node[] {
  if (depth > MAX_DEPTH) return [];
  const variable = findVar(sourceCode, receiver);
  if (!variable) return [];
  const found: Node[] = [];
  for (const ref of variable.references) {
    const m = ref.identifier.parent;
    if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== ref.identifier || memberName(m) !== 'use') continue;
    const c = m.parent;
    if (c?.type !== AST_NODE_TYPES.CallExpression || c.callee !== m || c.range[0] >= before.range[0]) continue;
    const args = c.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
    let rest = args;
    if (args[0] && isPathArgument(args[0], sourceCode)) {
      const usePath = staticPath(args[0], sourceCode);
      if (usePath !== null && path !== null && !pathUnder(path, usePath)) continue;
      rest = args.slice(1);
    }
    for (const arg of rest) {
      if (isRouterValue(arg, sourceCode)) continue;
      const a = unwrap(arg);
      if (a.type === AST_NODE_TYPES.ArrayExpression) {
        for (const e of a.elements) if (e && e.type !== AST_NODE_TYPES.SpreadElement) found.push(e);
      } else {
        found.push(a);
      }
    }
  }
  // Mounts of this router: `app.use('/admin', requireAdmin, receiver)`.
  for (const ref of variable.references) {
    const c = ref.identifier.parent;
    if (c?.type !== AST_NODE_TYPES.CallExpression || !c.arguments.includes(ref.identifier as TSESTree.Identifier)) continue;
    const callee = unwrap(c.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'use') continue;
    const parent = unwrap(callee.object);
    const args = c.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
    const index = args.indexOf(ref.identifier as TSESTree.Identifier);
    const start = args[0] && isPathArgument(args[0], sourceCode) ? 1 : 0;
    const mountPath = start === 1 ? staticPath(args[0]!, sourceCode) : null;
    const outer: Node[] =
      parent.type === AST_NODE_TYPES.Identifier ? inheritedMiddleware(parent, c, mountPath, sourceCode, depth + 1) : [];
    found.unshift(...outer, ...args.slice(start, index).map((a) => unwrap(a)));
  }
  return found;
}

function pathUnder(path: string, prefix: string): boolean {
  if (prefix === '/' || prefix === '') return true;
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** `express.Router()`, `new Router()`, `Router()` values passed to `use()` are mounts, not middleware. */
function isRouterValue(node: Node, sourceCode: SourceCode): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, n);
    const value = variable && singleValue(variable);
    if (value && value.path.length === 0) {
      const init = unwrap(value.init);
      if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression) {
        const name = unwrap(init.callee);
        const text = name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.MemberExpression ? memberName(name) : null;
        if (text === 'Router' || text === 'express' || text === 'Hono' || text === 'Koa') return true;
      }
    }
    return /router$/i.test(n.name) || /routes$/i.test(n.name);
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(n);
    return name === 'routes' || name === 'router';
  }
  return false;
}

// ---------------------------------------------------------------- NestJS and Next.js

function collectFromStatement(statement: TSESTree.ProgramStatement, sourceCode: SourceCode, routes: Route[]): void {
  let target: Node = statement;
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    if (!statement.declaration) return;
    target = statement.declaration;
  }
  if (target.type === AST_NODE_TYPES.ClassDeclaration) {
    collectNest(target, sourceCode, routes);
    return;
  }
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
    if (target.type === AST_NODE_TYPES.FunctionDeclaration && target.id && NEXT_ROUTE_EXPORTS.has(target.id.name)) {
      routes.push(nextRoute(target.id.name.toLowerCase(), target, target));
    } else if (target.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of target.declarations) {
        if (d.id.type !== AST_NODE_TYPES.Identifier || !NEXT_ROUTE_EXPORTS.has(d.id.name) || !d.init) continue;
        const fn = functionOf(d.init, sourceCode);
        if (fn) routes.push(nextRoute(d.id.name.toLowerCase(), fn, d));
      }
    }
  }
  if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    // Next.js Pages API: `export default function handler(req, res) {}`.
    const fn = functionOf(statement.declaration, sourceCode);
    if (fn && fn.params.length === 2) {
      const [a, b] = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : ''));
      if ((a === 'req' || a === 'request') && (b === 'res' || b === 'response')) routes.push(nextRoute('all', fn, statement));
    }
  }
}

function nextRoute(method: string, handler: FunctionNode, node: Node): Route {
  return { framework: 'next', method, path: null, middleware: [], middlewareNames: [], guards: [], decorators: [], handler, node };
}

function decoratorName(decorator: TSESTree.Decorator): { name: string | null; call: TSESTree.CallExpression | null } {
  const expr = unwrap(decorator.expression);
  const call = expr.type === AST_NODE_TYPES.CallExpression ? expr : null;
  const callee = call ? unwrap(call.callee) : expr;
  const name =
    callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
  return { name, call };
}

function collectNest(cls: TSESTree.ClassDeclaration, sourceCode: SourceCode, routes: Route[]): void {
  const classDecorators = cls.decorators ?? [];
  const controller = classDecorators.map(decoratorName).find((d) => d.name === 'Controller');
  if (!controller) return;
  const prefix = controllerPath(controller.call, sourceCode);
  const classGuards = guardNames(classDecorators, sourceCode);
  const classNames = classDecorators.map((d) => decoratorName(d).name).filter((n): n is string => !!n);
  for (const member of cls.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method') continue;
    const decorators = member.decorators ?? [];
    let method: string | null = null;
    let sub: string | null = '';
    for (const d of decorators) {
      const { name, call } = decoratorName(d);
      const m = name ? NEST_METHOD_DECORATORS.get(name) : undefined;
      if (!m) continue;
      method = m;
      const arg = call?.arguments[0];
      sub = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? staticPath(arg, sourceCode) : '';
    }
    if (!method) continue;
    const path = prefix === null || sub === null ? null : joinPath(prefix, sub);
    routes.push({
      framework: 'nestjs',
      method,
      path,
      middleware: [],
      middlewareNames: [],
      guards: [...classGuards, ...guardNames(decorators, sourceCode)],
      decorators: [...classNames, ...decorators.map((d) => decoratorName(d).name).filter((n): n is string => !!n)],
      handler: member.value as FunctionNode,
      node: member,
    });
  }
}

function controllerPath(call: TSESTree.CallExpression | null, sourceCode: SourceCode): string | null {
  const arg = call?.arguments[0];
  if (!arg) return '';
  if (arg.type === AST_NODE_TYPES.SpreadElement) return null;
  const a = unwrap(arg);
  if (a.type === AST_NODE_TYPES.ObjectExpression) {
    const p = prop(a, 'path');
    return p ? staticPath(p.value, sourceCode) : '';
  }
  return staticPath(a, sourceCode);
}

function joinPath(a: string, b: string): string {
  const parts = [a, b].map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '');
  return `/${parts.join('/')}`;
}

function guardNames(decorators: TSESTree.Decorator[], sourceCode: SourceCode): string[] {
  const names: string[] = [];
  for (const d of decorators) {
    const { name, call } = decoratorName(d);
    if (name !== 'UseGuards' || !call) continue;
    for (const arg of call.arguments) {
      if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
      names.push(guardText(arg, sourceCode));
    }
  }
  return names;
}

/** `JwtAuthGuard` → `JwtAuthGuard`; `AuthGuard('jwt')` → `AuthGuard('jwt')`; `new RolesGuard()` → `RolesGuard`. */
function guardText(node: Node, sourceCode: SourceCode): string {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.NewExpression) return middlewareName(n.callee, sourceCode);
  return sourceCode.getText(n).replace(/\s+/g, '');
}


// ---------------------------------------------------------------- middleware vocabularies

/** Words that make a middleware, guard or helper name an authorization step. */
const AUTHORIZATION_WORDS = new Set([
  'authorize',
  'authorise',
  'authorized',
  'authorised',
  'authorization',
  'authorisation',
  'authz',
  'can',
  'permit',
  'permits',
  'permitted',
  'allowed',
  'entitled',
  'entitlement',
  'entitlements',
  'permission',
  'permissions',
  'owner',
  'owners',
  'ownership',
  'owns',
  'policy',
  'policies',
  'acl',
  'acls',
  'rbac',
  'abac',
  'ability',
  'abilities',
  'admin',
  'admins',
  'administrator',
  'superuser',
  'role',
  'roles',
  'casl',
  'scope',
  'scopes',
  'guard',
  'guards',
  'access',
]);
/** Words that make an authentication step optional. */
const OPTIONAL_WORDS = new Set(['optional', 'optionally', 'anonymous', 'maybe', 'lenient']);
/** Words of authentication-only steps: a guard named only with these checks who, not what. */
const AUTHENTICATION_WORDS = new Set([
  'auth',
  'authenticate',
  'authenticated',
  'authentication',
  'jwt',
  'passport',
  'session',
  'token',
  'bearer',
  'login',
  'logged',
  'signed',
  'protect',
  'protected',
  'clerk',
  'firebase',
  'supabase',
  'cognito',
  'auth0',
  'local',
  'api',
  'key',
  'basic',
  'cookie',
  'gql',
  'throttler',
  'throttle',
  'rate',
  'limit',
  'limiter',
]);

/** Splits a name into lower-case words: `requireRole` → `require role`, `AuthGuard('jwt')` → `auth guard jwt`. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/**
 * Whether a middleware, guard or helper name reads as an authorization step: `authorize`,
 * `requireRole('admin')`, `isAdmin`, `canEditPost`, `checkPermissions`, `verifyOwner`, `RolesGuard`,
 * `PoliciesGuard`, `acl.middleware`. A guard whose other words are all authentication words
 * (`JwtAuthGuard`, `AuthGuard('jwt')`, `authGuard`, `ThrottlerGuard`) is not one; nor is `access`
 * next to `token` (`verifyAccessToken`). `extra` holds regular expressions tried on the whole name.
 */
export function isAuthorizationName(name: string, extra: readonly RegExp[] = []): boolean {
  if (extra.some((re) => re.test(name))) return true;
  const words = identifierWords(name);
  const strong = words.filter((w) => AUTHORIZATION_WORDS.has(w) && w !== 'guard' && w !== 'guards');
  if (strong.includes('access') && words.includes('token') && strong.length === 1) return false;
  if (strong.length > 0) return true;
  if (words.includes('guard') || words.includes('guards')) {
    return !words.some((w) => AUTHENTICATION_WORDS.has(w));
  }
  return false;
}

/** Whether a middleware or guard name reads as an authentication step (`authenticate`, `protect`, `JwtAuthGuard`, `passport.authenticate`). */
export function isAuthenticationName(name: string): boolean {
  const words = identifierWords(name);
  // `optionalAuth`, `authenticateIfPresent`: the route also serves anonymous callers.
  if (words.some((w) => OPTIONAL_WORDS.has(w))) return false;
  if (words.some((w) => AUTHENTICATION_WORDS.has(w) && !['api', 'key', 'local', 'basic', 'cookie', 'gql', 'throttler', 'throttle', 'rate', 'limit', 'limiter'].includes(w))) return true;
  const joined = words.join(' ');
  return /\b(require|ensure|verify|check|is) (user|logged|signed|authenticated)\b/.test(joined) || joined === 'can activate';
}
