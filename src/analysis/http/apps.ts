/**
 * Which HTTP app and router objects a file creates (Express, Fastify, Koa, NestJS, Hono), resolved
 * by import, and what the file does with each: what is mounted on it and in which order, with which
 * options, which settings it changes, whether it is started or exported, and whether it is handed
 * to code elsewhere that may configure it further.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, memberName, singleValue, unwrap } from '../core/ast.js';
import { perFileCache, perNodeCache, type SourceCode } from '../core/cache.js';
import { resolveModule, type ModuleRef } from '../core/modules.js';
import { resolveObject } from '../core/object-values.js';
import { staticString } from '../core/static-value.js';
import { quotedAny } from '../core/source-text.js';
import { APP_FACTORIES, APP_MODULES, MIDDLEWARE, type AppFactoryRow, type MiddlewareKind } from '../../catalog/middleware.js';

type Node = TSESTree.Node;

export type AppFramework = AppFactoryRow['framework'];

export interface ResolvedMiddleware {
  /** The module the middleware comes from, by import (`./security` for a local module). */
  module: string;
  /** Export path below the module (`['()']` for `helmet()`, `['json', '()']` for `express.json()`). */
  path: readonly string[];
  kind: MiddlewareKind | null;
  /** The module is one of the project's own files (`./security`, `../middleware`). */
  local: boolean;
  /** The options object the middleware was made with (`helmet({…})`, `register(plugin, {…})`). */
  options: TSESTree.ObjectExpression | null;
}

export interface Mount {
  /** The `use` / `register` / `addHook` call. */
  node: TSESTree.CallExpression;
  method: 'use' | 'register' | 'addHook';
  /** The mounted expression (one middleware; arrays are flattened). */
  expression: Node;
  /** The constant path prefix (`app.use('/api', …)`), null when none or not constant. */
  path: string | null;
  middleware: ResolvedMiddleware | null;
  /** Another app or router of this file mounted here (`app.use('/auth', authRouter)`, `router.routes()`). */
  child: App | null;
  /** Position among the app's mounts, in source order. */
  order: number;
}

export interface Setting {
  /** The `set`/`enable`/`disable` call or the assignment. */
  node: Node;
  /** `trust proxy`, `x-powered-by`, `proxy`, `maxIpsCount`…; null when not constant. */
  name: string | null;
  how: 'set' | 'enable' | 'disable' | 'assign';
  /** The value written (`set` and assignments); null for `enable`/`disable`. */
  value: Node | null;
}

export interface App {
  /** The creating call or `new` expression. */
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The variable the app is held in. */
  id: TSESTree.Identifier;
  framework: AppFramework;
  /** An Express/Koa router rather than an application. */
  router: boolean;
  /** Constructor options (`fastify({…})`, `new Koa({…})`, `NestFactory.create(M, {…})`). */
  options: TSESTree.ObjectExpression | null;
  mounts: Mount[];
  settings: Setting[];
  /** `listen()`, `createServer(app)`, `app.callback()`, `app.fetch`. */
  started: boolean;
  /** `module.exports = app`, `export default app`, `export { app }`, `module.exports = { app }`. */
  exported: boolean;
  /** Returned from the function that creates it (`return app`): its caller may configure it further. */
  returned: boolean;
  /** Where this router is mounted on another app of the file. */
  mountedOn: { app: App; mount: Mount }[];
  /**
   * Calls that hand the app to other code (`configure(app)`, `require('./routes')(app)`), which
   * may mount middleware the file does not show.
   */
  handedOver: Node[];
}

/** Callees that start a server with an app. */
const SERVER_STARTERS = new Set(['createServer', 'createSecureServer', 'serve', 'serverless', 'handle', 'listen', 'request', 'supertest']);
const SETTING_METHODS = new Set(['set', 'enable', 'disable']);
const APP_PROPERTIES = new Set(['proxy', 'maxIpsCount', 'proxyIpHeader', 'keys', 'subdomainOffset']);

/** False when the file names no module an app or router is created from (`'express'`, `'koa'`…): then it creates none. */
export const mayCreateApp = quotedAny(APP_MODULES);

const build = perFileCache((sourceCode): App[] => {
  if (!mayCreateApp(sourceCode)) return [];
  try {
    return collect(sourceCode);
  } catch {
    return [];
  }
});

/** The apps and routers the file creates, in source order, with what is mounted on them. Cached per file. */
export function appsInFile(sourceCode: SourceCode): readonly App[] {
  return build(sourceCode);
}

/** The app or router of this file an identifier refers to. */
export function appOf(node: Node, sourceCode: SourceCode): App | null {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const apps = build(sourceCode);
  if (apps.length === 0) return null;
  const variable = findVar(sourceCode, n);
  return variable ? apps.find((app) => variable.defs[0]?.name === app.id) ?? null : null;
}

const resolveMiddlewareCached = perNodeCache((node: Node, sourceCode: SourceCode): ResolvedMiddleware | null => resolveMiddleware(node, sourceCode));

/** What a middleware expression is, by import: module, export path, kind and options. */
export function middlewareOf(node: Node, sourceCode: SourceCode): ResolvedMiddleware | null {
  return resolveMiddlewareCached(unwrap(node), sourceCode);
}

/** The kind of a middleware expression resolved by import (`helmet()`, `rateLimit({…})`, `limiter`), or null. */
export function middlewareKind(node: Node, sourceCode: SourceCode): MiddlewareKind | null {
  return middlewareOf(node, sourceCode)?.kind ?? null;
}

/** The catalog kind of a module reference. */
export function kindOfRef(ref: ModuleRef | null): MiddlewareKind | null {
  if (!ref) return null;
  for (const row of MIDDLEWARE) {
    if (row.module !== ref.module) continue;
    if (!row.exports || (ref.path[0] !== undefined && row.exports.includes(ref.path[0]))) return row.kind;
  }
  return null;
}

/** Whether a middleware, guard or hook name reads as a rate limiter: `loginLimiter`, `rateLimit`, `throttle`, `bruteforce.prevent`, `slowDown`. */
export function isRateLimiterName(name: string): boolean {
  return /limit|throttl|brute|slow.?down/i.test(name);
}

// ------------------------------------------------------------------------------------------------

function resolveMiddleware(node: Node, sourceCode: SourceCode): ResolvedMiddleware | null {
  const ref = resolveModule(node, sourceCode);
  if (!ref) return null;
  return {
    module: ref.module,
    path: ref.path,
    kind: kindOfRef(ref),
    local: ref.module.startsWith('.') || ref.module.startsWith('/') || ref.module.startsWith('@/') || ref.module.startsWith('~/'),
    options: optionsOfFactory(node, sourceCode),
  };
}

/** The options object of `factory({…})`, directly or through a constant holding the call. */
function optionsOfFactory(node: Node, sourceCode: SourceCode, depth = 0): TSESTree.ObjectExpression | null {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
    const arg = n.arguments[0];
    return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? resolveObject(arg, sourceCode) : null;
  }
  if (n.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const variable = findVar(sourceCode, n);
    const value = variable && singleValue(variable);
    if (value && value.path.length === 0) return optionsOfFactory(value.init, sourceCode, depth + 1);
  }
  return null;
}

function factoryOf(init: Node, sourceCode: SourceCode): AppFactoryRow | null {
  let n = unwrap(init);
  if (n.type === AST_NODE_TYPES.AwaitExpression) n = unwrap(n.argument);
  if (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression) return null;
  const ref = resolveModule(n, sourceCode);
  if (!ref) return null;
  return APP_FACTORIES.find((row) => row.module === ref.module && row.path.length === ref.path.length && row.path.every((s, i) => s === ref.path[i])) ?? null;
}

function creationNode(init: Node): TSESTree.CallExpression | TSESTree.NewExpression {
  let n = unwrap(init);
  if (n.type === AST_NODE_TYPES.AwaitExpression) n = unwrap(n.argument);
  return n as TSESTree.CallExpression | TSESTree.NewExpression;
}

function constructorOptions(node: TSESTree.CallExpression | TSESTree.NewExpression, row: AppFactoryRow, sourceCode: SourceCode): TSESTree.ObjectExpression | null {
  const index = row.framework === 'nestjs' ? 1 : 0;
  const arg = node.arguments[index];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return null;
  return resolveObject(arg, sourceCode);
}

function collect(sourceCode: SourceCode): App[] {
  const apps: App[] = [];
  const byVariable = new Map<TSESLint.Scope.Variable, App>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (!def || def.type !== 'Variable' || variable.defs.length !== 1) continue;
      const declarator = def.node;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      let init: Node = unwrap(declarator.init);
      let exported = false;
      // `const app = module.exports = express()`
      if (init.type === AST_NODE_TYPES.AssignmentExpression && init.operator === '=') {
        exported = isModuleExports(init.left);
        init = unwrap(init.right);
      }
      const inner = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
      if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression) continue;
      const writes = variable.references.filter((r) => r.isWrite());
      if (writes.length !== 1) continue;
      const row = factoryOf(init, sourceCode);
      if (!row) continue;
      const node = creationNode(init);
      const declaration = declarator.parent;
      if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) exported = true;
      const app: App = {
        node,
        id: declarator.id,
        framework: row.framework,
        router: row.router,
        options: constructorOptions(node, row, sourceCode),
        mounts: [],
        settings: [],
        started: false,
        exported,
        returned: false,
        mountedOn: [],
        handedOver: [],
      };
      apps.push(app);
      byVariable.set(variable, app);
    }
  }
  if (apps.length === 0) return apps;
  apps.sort((a, b) => a.node.range[0] - b.node.range[0]);
  const appOfIdentifier = (id: Node): App | null => {
    if (id.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = findVar(sourceCode, id);
    return variable ? byVariable.get(variable) ?? null : null;
  };
  for (const [variable, app] of byVariable) {
    for (const ref of variable.references) {
      if (ref.isWrite()) continue;
      readReference(app, ref.identifier as TSESTree.Identifier, sourceCode, appOfIdentifier);
    }
  }
  for (const app of apps) app.mounts.sort((a, b) => a.node.range[0] - b.node.range[0] || a.expression.range[0] - b.expression.range[0]);
  for (const app of apps) app.mounts.forEach((m, i) => (m.order = i));
  for (const app of apps) {
    for (const mount of app.mounts) if (mount.child && mount.child !== app) mount.child.mountedOn.push({ app, mount });
  }
  return apps;
}

function isModuleExports(node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(n.object);
  if (object.type === AST_NODE_TYPES.Identifier) return (object.name === 'module' && memberName(n) === 'exports') || object.name === 'exports';
  return isModuleExports(object);
}

function isPathArgument(node: Node, sourceCode: SourceCode): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal && 'regex' in n && n.regex) return true;
  if (n.type === AST_NODE_TYPES.ArrayExpression) return n.elements.length > 0 && n.elements.every((e) => !!e && e.type !== AST_NODE_TYPES.SpreadElement && isPathArgument(e, sourceCode));
  const text = staticString(n, sourceCode);
  return text !== null && /^[/*]/.test(text);
}

function readReference(app: App, id: TSESTree.Identifier, sourceCode: SourceCode, appOfIdentifier: (id: Node) => App | null): void {
  let node: Node = id;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) node = node.parent;
  const parent = node.parent;
  if (!parent) return;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const name = memberName(parent);
    const call = parent.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
      readMethodCall(app, name, call, sourceCode, appOfIdentifier);
      return;
    }
    if (call?.type === AST_NODE_TYPES.AssignmentExpression && call.left === parent) {
      if (name !== null && APP_PROPERTIES.has(name)) app.settings.push({ node: call, name, how: 'assign', value: call.right });
      return;
    }
    if (name === 'fetch' || name === 'callback' || name === 'server') app.started = true;
    return;
  }
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration || parent.type === AST_NODE_TYPES.ExportSpecifier) {
    app.exported = true;
    return;
  }
  if (parent.type === AST_NODE_TYPES.ReturnStatement || (isFunction(parent) && parent.body === node)) {
    app.returned = true;
    return;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
    if (isModuleExports(parent.left)) app.exported = true;
    return;
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === node) {
    // `module.exports = { app }`, `export default { fetch: app.fetch }`
    app.exported = true;
    return;
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== node) {
    const callee = unwrap(parent.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
    // Mounted on another app of the file: recorded from the parent's side.
    if (name === 'use' && callee.type === AST_NODE_TYPES.MemberExpression && appOfIdentifier(unwrap(callee.object))) return;
    if (name !== null && SERVER_STARTERS.has(name)) {
      app.started = true;
      return;
    }
    app.handedOver.push(parent);
  }
}

function readMethodCall(app: App, name: string | null, call: TSESTree.CallExpression, sourceCode: SourceCode, appOfIdentifier: (id: Node) => App | null): void {
  if (name === null) return;
  const args = call.arguments;
  if (name === 'listen' || name === 'callback' || name === 'handler') {
    app.started = true;
    return;
  }
  if (SETTING_METHODS.has(name)) {
    const first = args[0];
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
    const setting = staticString(first, sourceCode);
    const value = name === 'set' ? args[1] : undefined;
    // `app.set('x')` with one argument reads the setting.
    if (name === 'set' && !value) return;
    app.settings.push({
      node: call,
      name: setting,
      how: name as Setting['how'],
      value: value && value.type !== AST_NODE_TYPES.SpreadElement ? value : null,
    });
    return;
  }
  if (name === 'use') {
    let rest = args.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
    let path: string | null = null;
    if (rest[0] && isPathArgument(rest[0], sourceCode)) {
      path = staticString(rest[0], sourceCode);
      rest = rest.slice(1);
    }
    for (const arg of rest) {
      const a = unwrap(arg);
      const items = a.type === AST_NODE_TYPES.ArrayExpression ? a.elements : [a];
      for (const item of items) {
        if (!item || item.type === AST_NODE_TYPES.SpreadElement) continue;
        app.mounts.push(mountOf(call, 'use', unwrap(item), path, null, sourceCode, appOfIdentifier));
      }
    }
    return;
  }
  if (name === 'register') {
    const plugin = args[0];
    if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement) return;
    const opts = args[1];
    const options = opts && opts.type !== AST_NODE_TYPES.SpreadElement ? resolveObject(opts, sourceCode) : null;
    const prefix = options ? prefixOf(options, sourceCode) : null;
    app.mounts.push(mountOf(call, 'register', unwrap(plugin), prefix, options, sourceCode, appOfIdentifier));
    return;
  }
  if (name === 'addHook') {
    const fn = args[1];
    if (!fn || fn.type === AST_NODE_TYPES.SpreadElement) return;
    app.mounts.push(mountOf(call, 'addHook', unwrap(fn), null, null, sourceCode, appOfIdentifier));
  }
}

function prefixOf(options: TSESTree.ObjectExpression, sourceCode: SourceCode): string | null {
  for (const p of options.properties) {
    if (p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'prefix') return staticString(p.value, sourceCode);
  }
  return null;
}

function mountOf(
  call: TSESTree.CallExpression,
  method: Mount['method'],
  expression: Node,
  path: string | null,
  options: TSESTree.ObjectExpression | null,
  sourceCode: SourceCode,
  appOfIdentifier: (id: Node) => App | null,
): Mount {
  let child = appOfIdentifier(expression);
  // Koa routers: `app.use(router.routes())`, `app.use(router.middleware())`.
  if (!child && expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(expression.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && ['routes', 'middleware', 'allowedMethods'].includes(memberName(callee) ?? '')) {
      child = appOfIdentifier(unwrap(callee.object));
    }
  }
  let middleware: ResolvedMiddleware | null = null;
  if (!child && !isFunction(expression)) {
    const resolved = middlewareOf(expression, sourceCode);
    middleware = resolved && options ? { ...resolved, options } : resolved;
  }
  return { node: call, method, expression, path, middleware, child, order: 0 };
}
