/**
 * Request handlers whose route is registered in another file: is this function a handler even
 * though this file does not show `router.get(path, fn)`?
 *
 * Controllers usually live apart from their routes (`router.get('/notes/:id', auth, notes.read)`
 * in `routes/notes.js`, the handler in `controllers/notes.js`). A function is a handler in its own
 * file when both hold:
 *
 * 1. **It is exported**, directly or as a member of something exported: `module.exports = { read:
 *    async (req, res) => … }`, `exports.remove = function (req, res) {…}`, `module.exports.update =
 *    …`, `export const` / `export function` / `export default`, `export { read }`, a method or
 *    class-field arrow of an exported class (`export class NotesController`, `module.exports = new
 *    NotesController()`), a property of an exported object literal. One wrapper call around the
 *    function counts (`exports.read = asyncHandler(async (req, res) => …)`).
 * 2. **Its parameters are a framework's handler parameters, and the body uses them that way**:
 *    - Express/Connect `(req, res)` / `(req, res, next)`: `res` (or `response`) is used as an object
 *      (`res.json()`, `res.status()`, handed on) or `req` reads request data (`req.params`, `req.body`…);
 *    - Fastify `(request, reply)`: the same, with `reply`;
 *    - Koa `(ctx)` / `(ctx, next)`: the body reads or sets a Koa context member (`ctx.params`,
 *      `ctx.request`, `ctx.query`, `ctx.state`, `ctx.body =`, `ctx.throw()`, `ctx.status =`);
 *    - Hono `(c)`: the name alone is too common (canvas contexts, counters), so the body must use a
 *      Hono context member: `c.req`, `c.json()`, `c.text()`, `c.html()`, `c.body()`, `c.get()`,
 *      `c.var`, `c.redirect()`, `c.notFound()`, `c.header()`, `c.status()`.
 *    A TypeScript annotation that names something else (`res: number`, `req: string`, `c: Canvas`)
 *    rules the parameter out.
 *
 * Not handlers: a middleware (a function that calls its `next()` with no argument, passing the
 * request on: the handler after it may check what it loaded), an error handler
 * `(err, req, res, next)`, a middleware factory's returned function (the factory is exported, the
 * function it returns is not), a function that is not exported (a local helper or a test double).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, memberName, paramName, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { resolverOf } from './graphql.js';
import { middlewareName, routesOfHandler } from './routes.js';

type Node = TSESTree.Node;

export type HandlerFramework = 'express' | 'fastify' | 'koa' | 'hono';

export interface ExportedHandler {
  framework: HandlerFramework;
  fn: FunctionNode;
  /** The exported object literal or class the handler is a member of; null for a handler exported on its own. */
  container: Node | null;
}

const REQUEST_NAMES = new Set(['req', 'request']);
const RESPONSE_NAMES = new Set(['res', 'response']);
const KOA_NAMES = new Set(['ctx', 'context']);
/** Request members that carry client data or the caller: evidence that `req` is a request. */
const REQUEST_MEMBERS = new Set(['params', 'body', 'query', 'headers', 'cookies', 'user', 'auth', 'session', 'file', 'files', 'get', 'header', 'ip', 'method', 'url', 'originalUrl', 'path', 'signedCookies', 'userId', 'raw', 'hostname']);
const KOA_MEMBERS = new Set(['params', 'request', 'query', 'state', 'body', 'throw', 'status', 'cookies', 'response', 'redirect', 'set', 'assert', 'session', 'querystring', 'href', 'headers', 'header']);
const HONO_MEMBERS = new Set(['req', 'json', 'text', 'html', 'body', 'get', 'var', 'redirect', 'notFound', 'header', 'status', 'env', 'executionCtx']);
/** Type names a request / response / context parameter may be annotated with. */
const REQUEST_TYPE = /Req(uest)?\b|Request|IncomingMessage|Context|Ctx/;
const RESPONSE_TYPE = /Res(ponse)?\b|Response|Reply|ServerResponse/;
const CONTEXT_TYPE = /Context|Ctx/;

const handlerCache = perFileCache(() => new Map<FunctionNode, ExportedHandler | null>());

/**
 * The framework handler `fn` is, when the file exports it (or an object or class holding it) and
 * its parameters are used as a handler's; null otherwise. Cached per function.
 */
export function exportedHandler(fn: FunctionNode, sourceCode: SourceCode): ExportedHandler | null {
  const cache = handlerCache(sourceCode);
  if (cache.has(fn)) return cache.get(fn) ?? null;
  let result: ExportedHandler | null = null;
  const framework = handlerParameters(fn, sourceCode);
  if (framework) {
    const exported = exportPosition(fn, sourceCode);
    if (exported) result = { framework, fn, container: exported.container };
  }
  cache.set(fn, result);
  return result;
}

/** Every exported handler of the file (functions only; cheap to ask again). */
export const exportedHandlersInFile = perFileCache((sourceCode): ExportedHandler[] => {
  const found: ExportedHandler[] = [];
  const visit = (node: Node, depth: number): void => {
    if (depth > 6) return;
    if (isFunction(node)) {
      const handler = exportedHandler(node, sourceCode);
      if (handler) found.push(handler);
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        if (node.declaration) visit(node.declaration, depth + 1);
        return;
      case AST_NODE_TYPES.ExpressionStatement:
        visit(node.expression, depth + 1);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        visit(node.right, depth + 1);
        return;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const d of node.declarations) if (d.init) visit(d.init, depth + 1);
        return;
      case AST_NODE_TYPES.ObjectExpression:
        for (const p of node.properties) if (p.type === AST_NODE_TYPES.Property) visit(p.value, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression:
        for (const a of node.arguments) if (a.type !== AST_NODE_TYPES.SpreadElement) visit(a, depth + 1);
        return;
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        for (const m of node.body.body) {
          if ((m.type === AST_NODE_TYPES.MethodDefinition || m.type === AST_NODE_TYPES.PropertyDefinition) && m.value) visit(m.value, depth + 1);
        }
        return;
      default:
        return;
    }
  };
  for (const statement of sourceCode.ast.body) visit(statement, 0);
  return found;
});

// ------------------------------------------------------------------------------------------------
// Parameters

function typeName(param: TSESTree.Parameter): { keyword: boolean; text: string } | null {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const annotation = 'typeAnnotation' in target ? target.typeAnnotation : undefined;
  const type = annotation && 'typeAnnotation' in annotation ? (annotation.typeAnnotation as TSESTree.TypeNode) : undefined;
  if (!type) return null;
  if (type.type === AST_NODE_TYPES.TSAnyKeyword || type.type === AST_NODE_TYPES.TSUnknownKeyword) return null;
  if (type.type === AST_NODE_TYPES.TSTypeReference) {
    const name = type.typeName;
    const text = name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : '';
    return { keyword: false, text };
  }
  return { keyword: true, text: '' };
}

/** A parameter's annotation, if any, agrees with the role: no annotation, `any`, or a type named like one. */
function annotationFits(param: TSESTree.Parameter, pattern: RegExp): boolean {
  const type = typeName(param);
  return !type || (!type.keyword && pattern.test(type.text));
}

function paramVariable(fn: FunctionNode, index: number, sourceCode: SourceCode): TSESLint.Scope.Variable | null {
  const param = fn.params[index];
  const name = paramName(param);
  if (!param || !name) return null;
  return sourceCode.getDeclaredVariables(fn).find((v) => v.name === name) ?? null;
}

/** The member names read from a parameter (`res.json` → `json`), and whether it is handed on whole. */
function uses(variable: TSESLint.Scope.Variable | null): { members: Set<string>; passed: boolean; assigned: Set<string> } {
  const members = new Set<string>();
  const assigned = new Set<string>();
  let passed = false;
  for (const ref of variable?.references ?? []) {
    const id = ref.identifier as Node;
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
      const name = memberName(parent);
      if (name) members.add(name);
      const outer = parent.parent;
      if (name && outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) assigned.add(name);
    } else if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(id as TSESTree.Expression)) {
      passed = true;
    }
  }
  return { members, passed, assigned };
}

/** Whether the function calls its `next` parameter with no argument: a middleware passing the request on. */
function callsNext(fn: FunctionNode, index: number, sourceCode: SourceCode): boolean {
  const variable = paramVariable(fn, index, sourceCode);
  return !!variable?.references.some((ref) => {
    const call = ref.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier && call.arguments.length === 0;
  });
}

/** The framework whose handler parameters `fn` takes and uses as such, or null. */
export function handlerParameters(fn: FunctionNode, sourceCode: SourceCode): HandlerFramework | null {
  const count = fn.params.length;
  if (count === 0 || count > 3) return null;
  const [p0, p1] = fn.params;
  const first = paramName(p0);
  const second = paramName(p1);
  if (!first) return null;
  if (REQUEST_NAMES.has(first) && second && (RESPONSE_NAMES.has(second) || second === 'reply')) {
    if (!annotationFits(p0!, REQUEST_TYPE) || !annotationFits(p1!, RESPONSE_TYPE)) return null;
    if (count === 3 && callsNext(fn, 2, sourceCode)) return null;
    const response = uses(paramVariable(fn, 1, sourceCode));
    const request = uses(paramVariable(fn, 0, sourceCode));
    const evidence = response.members.size > 0 || response.passed || [...request.members].some((m) => REQUEST_MEMBERS.has(m));
    if (!evidence) return null;
    return second === 'reply' ? 'fastify' : 'express';
  }
  if (count > 2) return null;
  if (count === 2 && paramName(p1) !== 'next') return null;
  const isKoaName = KOA_NAMES.has(first);
  if (!isKoaName && first !== 'c') return null;
  if (!annotationFits(p0!, CONTEXT_TYPE)) return null;
  const context = uses(paramVariable(fn, 0, sourceCode));
  if (count === 2 && callsNext(fn, 1, sourceCode)) return null;
  // Hono: `c.req.param()`, `c.json()`; Koa: `ctx.params`, `ctx.body = …`.
  if (context.members.has('req') || (first === 'c' && [...context.members].some((m) => HONO_MEMBERS.has(m)))) return 'hono';
  if (isKoaName && [...context.members].some((m) => KOA_MEMBERS.has(m))) return 'koa';
  return null;
}

// ------------------------------------------------------------------------------------------------
// Export positions

function isModuleGlobal(node: Node, name: string, sourceCode: SourceCode): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name && !findVar(sourceCode, node)?.defs.length;
}

/** `module.exports`, `exports` (not locally declared). */
function isExportsObject(node: Node, sourceCode: SourceCode): boolean {
  const n = unwrap(node);
  if (isModuleGlobal(n, 'exports', sourceCode)) return true;
  return n.type === AST_NODE_TYPES.MemberExpression && memberName(n) === 'exports' && isModuleGlobal(unwrap(n.object), 'module', sourceCode);
}

/** An assignment target that exports: `module.exports`, `module.exports.x`, `exports.x`. */
function isExportTarget(node: Node, sourceCode: SourceCode): boolean {
  const n = unwrap(node);
  if (isExportsObject(n, sourceCode)) return true;
  return n.type === AST_NODE_TYPES.MemberExpression && isExportsObject(n.object, sourceCode);
}

interface Position {
  container: Node | null;
}

/** Climbs from a value to where it is exported, through one wrapper call, object literals and classes. */
function exportPosition(fn: FunctionNode, sourceCode: SourceCode): Position | null {
  let node: Node = fn;
  // `asyncHandler(async (req, res) => …)`, `catchAsync(fn)`: one wrapper around the function.
  const wrapper = node.parent;
  if (wrapper?.type === AST_NODE_TYPES.CallExpression && wrapper.arguments.length === 1 && wrapper.arguments[0] === node) node = wrapper;
  return valueExported(node, null, sourceCode, 0);
}

function valueExported(node: Node, container: Node | null, sourceCode: SourceCode, depth: number): Position | null {
  if (depth > 6) return null;
  const parent = node.parent;
  if (!parent) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return valueExported(parent, container, sourceCode, depth + 1);
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return { container };
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return { container };
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node && isExportTarget(parent.left, sourceCode) ? { container } : null;
    case AST_NODE_TYPES.Property: {
      if (parent.value !== node) return null;
      const object = parent.parent;
      return object.type === AST_NODE_TYPES.ObjectExpression ? valueExported(object, container ?? object, sourceCode, depth + 1) : null;
    }
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition: {
      if (parent.value !== node || parent.static) return null;
      const cls = parent.parent.parent;
      return cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression ? classExported(cls, sourceCode, depth + 1) : null;
    }
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
      if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return { container };
      return bindingExported(parent.id, container, sourceCode, depth + 1);
    }
    default:
      if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) return bindingExported(node.id, container, sourceCode, depth + 1);
      return null;
  }
}

function classExported(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, sourceCode: SourceCode, depth: number): Position | null {
  const parent = cls.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration || parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return { container: cls };
  if (cls.type === AST_NODE_TYPES.ClassExpression) return valueExported(cls, cls, sourceCode, depth);
  return cls.id ? bindingExported(cls.id, cls, sourceCode, depth) : null;
}

/** Whether a declared name is exported: `export { name }`, `module.exports = name`, `{ name }` in an export, `new Name()` exported. */
function bindingExported(id: TSESTree.Identifier, container: Node | null, sourceCode: SourceCode, depth: number): Position | null {
  if (depth > 6 || !id.parent) return null;
  // The declaring node's variables: a class's name is bound both outside and inside its body.
  const references = sourceCode.getDeclaredVariables(id.parent).filter((v) => v.name === id.name).flatMap((v) => v.references);
  for (const ref of references) {
    const use = ref.identifier as Node;
    const parent = use.parent;
    if (!parent || ref.isWrite()) continue;
    if (parent.type === AST_NODE_TYPES.ExportSpecifier) return { container };
    if (parent.type === AST_NODE_TYPES.NewExpression && parent.callee === use) {
      const found = valueExported(parent, container, sourceCode, depth + 1);
      if (found) return found;
      continue;
    }
    const found = valueExported(use, container, sourceCode, depth + 1);
    if (found) return found;
  }
  return null;
}

// ------------------------------------------------------------------------------------------------
// Handlers of every kind, and what the file says about their callers

export type HandlerKind = 'route' | 'exported' | 'resolver';

/**
 * Whether `fn` answers client requests: the handler of a route registered in this file (or a
 * NestJS controller route, a Next.js route export), an exported handler (above), or a GraphQL
 * resolver (`resolverOf`). Null for anything else.
 */
export function handlerKind(fn: FunctionNode, sourceCode: SourceCode): HandlerKind | null {
  if (routesOfHandler(fn, sourceCode).length > 0) return 'route';
  if (resolverOf(fn, sourceCode)) return 'resolver';
  if (exportedHandler(fn, sourceCode)) return 'exported';
  return null;
}

/**
 * Names of the middleware the file mounts for whole apps or routers: every argument of an
 * `x.use(…)` call that is not a path or a router (`app.use(passport.authenticate('jwt'))`,
 * `router.use(requireAuth)`, `fastify.addHook('onRequest', fastify.authenticate)`).
 */
export const mountedMiddlewareNames = perFileCache((sourceCode): string[] => {
  const names: string[] = [];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const ref of scope.references) {
      const id = ref.identifier as Node;
      const member = id.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) continue;
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
      const method = memberName(member);
      let args = call.arguments;
      if (method === 'addHook') {
        const hook = args[0] && unwrap(args[0]);
        if (hook?.type !== AST_NODE_TYPES.Literal || !['onRequest', 'preHandler', 'preValidation'].includes(String(hook.value))) continue;
        args = args.slice(1);
      } else if (method !== 'use') {
        continue;
      }
      for (const arg of args) {
        if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
        const a = unwrap(arg);
        if (a.type === AST_NODE_TYPES.Literal || a.type === AST_NODE_TYPES.TemplateLiteral || isFunction(a)) continue;
        const name = middlewareName(a, sourceCode);
        if (name !== '' && !/(router|routes)$/i.test(name)) names.push(name);
      }
    }
  }
  return names;
});

/**
 * The name a handler goes by in its file: its function name, the variable or property it is bound
 * to (`exports.adminUpdate = …`, `{ readNote: … }`, `export const remove = …`), through one wrapper call.
 */
export function handlerName(fn: FunctionNode): string | null {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  let node: Node = fn;
  if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments.length === 1) node = node.parent;
  const parent = node.parent;
  if (!parent) return null;
  if ((parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) && !parent.computed) {
    return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : null;
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) return memberName(parent.left);
  return null;
}
