import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, singleValue, unwrap } from './ast.js';
import { perFileCache, type SourceCode } from './cache.js';
import { includesAny, textGate } from './source-text.js';

type Node = TSESTree.Node;

/**
 * Where a value comes from: a module and the steps taken from its export.
 * Steps are property names, `()` for a call and `new` for a construction:
 * `const pool = new (require('pg').Pool)(); pool.query` is `{ module: 'pg', path: ['Pool', 'new', 'query'] }`.
 */
export interface ModuleRef {
  module: string;
  path: readonly string[];
}

export const CALL = '()';
export const NEW = 'new';

const MAX_DEPTH = 24;

/** Built-ins that exist only with the `node:` prefix (the bare names are unrelated npm packages). */
const PREFIX_ONLY_BUILTINS = new Set(['node:sqlite', 'node:test', 'node:sea']);

/** `node:fs` → `fs`; leaves other specifiers (and prefix-only built-ins such as `node:sqlite`) as they are. */
export function normalizeModule(specifier: string): string {
  if (PREFIX_ONLY_BUILTINS.has(specifier)) return specifier;
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

const getCache = perFileCache(() => new Map<Node, ModuleRef | null>());

/**
 * Which module (and which export path of it) an expression evaluates to, following
 * `import` (default, named, namespace), `require` (plain, destructured, member),
 * `import x = require()`, `await import()`, `process.getBuiltinModule()`, `createRequire`,
 * constants, calls, `new` and `await`. Returns null when the value does not come from a module
 * this file names — unknown is its own answer.
 */
export function resolveModule(node: Node, sourceCode: SourceCode): ModuleRef | null {
  return resolve(node, sourceCode, 0);
}

function resolve(node: Node, sourceCode: SourceCode, depth: number): ModuleRef | null {
  if (depth > MAX_DEPTH) return null;
  const cache = getCache(sourceCode);
  const target = unwrap(node);
  if (cache.has(target)) return cache.get(target) ?? null;
  cache.set(target, null); // cycle guard
  const result = compute(target, sourceCode, depth);
  cache.set(target, result);
  return result;
}

function extend(ref: ModuleRef | null, ...steps: string[]): ModuleRef | null {
  if (!ref) return null;
  const path = [...ref.path, ...steps];
  // `(await import('m')).default` and `require('m').default` are the module itself for CommonJS packages.
  if (path[0] === 'default') path.shift();
  return { module: ref.module, path };
}

function compute(node: Node, sourceCode: SourceCode, depth: number): ModuleRef | null {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(node, sourceCode, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(node);
      if (name === null) return null;
      return extend(resolve(node.object, sourceCode, depth + 1), name);
    }
    case AST_NODE_TYPES.CallExpression: {
      const required = requiredModule(node, sourceCode);
      if (required !== null) return { module: required, path: [] };
      return extend(resolve(node.callee, sourceCode, depth + 1), CALL);
    }
    case AST_NODE_TYPES.NewExpression:
      return extend(resolve(node.callee, sourceCode, depth + 1), NEW);
    case AST_NODE_TYPES.AwaitExpression:
      return resolve(node.argument, sourceCode, depth + 1);
    case AST_NODE_TYPES.ImportExpression: {
      const source = unwrap(node.source);
      if (source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') {
        return { module: normalizeModule(source.value), path: [] };
      }
      return null;
    }
    default:
      return null;
  }
}

function resolveIdentifier(node: TSESTree.Identifier, sourceCode: SourceCode, depth: number): ModuleRef | null {
  const variable = findVar(sourceCode, node);
  if (!variable) return null;
  return resolveVariable(variable, sourceCode, depth);
}

function resolveVariable(variable: TSESLint.Scope.Variable, sourceCode: SourceCode, depth: number): ModuleRef | null {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return null;
  if (def.type === 'ImportBinding') {
    if (def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = def.node.moduleReference;
      if (ref.type === AST_NODE_TYPES.TSExternalModuleReference && ref.expression.type === AST_NODE_TYPES.Literal) {
        return { module: normalizeModule(String(ref.expression.value)), path: [] };
      }
      return null;
    }
    const declaration = def.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const module = normalizeModule(declaration.source.value);
    const spec = def.node;
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
      return imported === 'default' ? { module, path: [] } : { module, path: [imported] };
    }
    return { module, path: [] };
  }
  if (def.type !== 'Variable') return null;
  const value = singleValue(variable);
  if (!value) return null;
  let ref = resolve(value.init, sourceCode, depth + 1);
  for (const key of value.path) {
    if (key === null) return null;
    ref = extend(ref, key);
  }
  return ref;
}

/**
 * The module a `require('m')`-like call loads, or null. `require` counts when the file does not
 * declare it (CommonJS files linted as modules have it undeclared) or declares it from `createRequire`.
 */
export function requiredModule(node: TSESTree.CallExpression, sourceCode: SourceCode): string | null {
  const arg = node.arguments[0];
  if (!arg) return null;
  const source = unwrap(arg);
  if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return null;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
    const variable = findVar(sourceCode, callee);
    if (variable && variable.defs.length > 0) {
      const value = singleValue(variable);
      if (!value || value.path.length > 0) return null;
      const init = unwrap(value.init);
      if (init.type !== AST_NODE_TYPES.CallExpression) return null;
      const creator = resolve(init.callee, sourceCode, 1);
      if (!creator || creator.module !== 'module' || creator.path.join('.') !== 'createRequire') return null;
    }
    return normalizeModule(source.value);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'getBuiltinModule') {
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'process' && !findVar(sourceCode, object)?.defs.length) {
      return normalizeModule(source.value);
    }
    return null;
  }
  // `const load = createRequire(import.meta.url); load('pg')` and `createRequire(url)('pg')`.
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression) {
    const loader = resolve(callee, sourceCode, 1);
    if (loader && loader.module === 'module' && loader.path.length === 2 && loader.path[0] === 'createRequire' && loader.path[1] === CALL) {
      return normalizeModule(source.value);
    }
  }
  return null;
}

/** True when `ref` comes from one of `modules`. */
export function fromModule(ref: ModuleRef | null, modules: readonly string[]): ref is ModuleRef {
  return !!ref && modules.includes(ref.module);
}

/** True when `ref` is exactly `module` + `path` (e.g. `crypto` + `['createHash']`). */
export function isModulePath(ref: ModuleRef | null, modules: readonly string[], path: readonly string[]): boolean {
  return fromModule(ref, modules) && ref.path.length === path.length && ref.path.every((s, i) => s === path[i]);
}

/** The module path as text for messages: `pg.Pool().query`. */
export function describeRef(ref: ModuleRef): string {
  let text = ref.module;
  for (const step of ref.path) {
    if (step === CALL) text += '()';
    else if (step === NEW) text = `new ${text}`;
    else text += `.${step}`;
  }
  return text;
}

/** Helpers that Babel and TypeScript emit around `require()` in compiled ES modules. */
const INTEROP_HELPERS = /^_*interopRequire(?:Default|Wildcard)$|^__import(?:Default|Star)$/;

/**
 * `resolveModule`, also through the shapes compilers emit for ES imports: `_interopRequireDefault(require('m'))`,
 * `__importDefault(require('m'))`, `__importStar(…)` and calls through `(0, m_1.default)(…)`. For code
 * published compiled (`dist/`, `build/`); the result is the same `ModuleRef` the source would give.
 */
export function resolveCompiledModule(node: Node, sourceCode: SourceCode): ModuleRef | null {
  return resolveModule(node, sourceCode) ?? compiled(node, sourceCode, 0);
}

function compiled(raw: Node, sourceCode: SourceCode, depth: number): ModuleRef | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(raw);
  const direct = depth > 0 ? resolveModule(node, sourceCode) : null;
  if (direct) return direct;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, node);
      const value = variable ? singleValue(variable) : null;
      if (!value) return null;
      let ref = compiled(value.init, sourceCode, depth + 1);
      for (const key of value.path) {
        if (key === null) return null;
        ref = extend(ref, key);
      }
      return ref;
    }
    case AST_NODE_TYPES.SequenceExpression: {
      const last = node.expressions[node.expressions.length - 1];
      return last ? compiled(last, sourceCode, depth + 1) : null;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(node);
      return name === null ? null : extend(compiled(node.object, sourceCode, depth + 1), name);
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      const first = node.arguments[0];
      if (callee.type === AST_NODE_TYPES.Identifier && INTEROP_HELPERS.test(callee.name) && first) {
        const inner = unwrap(first);
        const module = inner.type === AST_NODE_TYPES.CallExpression ? requiredModule(inner, sourceCode) : null;
        return module === null ? null : { module, path: [] };
      }
      return extend(compiled(node.callee, sourceCode, depth + 1), CALL);
    }
    case AST_NODE_TYPES.NewExpression:
      return extend(compiled(node.callee, sourceCode, depth + 1), NEW);
    case AST_NODE_TYPES.AwaitExpression:
      return compiled(node.argument, sourceCode, depth + 1);
    default:
      return null;
  }
}

const mayPromisify = textGate(includesAny(['promisify']));

/**
 * The function a promisified callee wraps: `util.promisify(jwt.verify)(…)`, or
 * `const verifyAsync = promisify(jwt.verify); verifyAsync(…)` → `jwt.verify` (util or bluebird
 * `promisify`, resolved by import). Null otherwise.
 */
export function promisifiedFunction(callee: Node, sourceCode: SourceCode): Node | null {
  if (!mayPromisify(sourceCode)) return null;
  let target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable ? singleValue(variable) : null;
    if (!value || value.path.length > 0) return null;
    target = unwrap(value.init);
  }
  if (target.type !== AST_NODE_TYPES.CallExpression || target.arguments.length !== 1) return null;
  const wrapped = target.arguments[0]!;
  if (wrapped.type === AST_NODE_TYPES.SpreadElement) return null;
  const ref = resolveModule(unwrap(target.callee), sourceCode);
  const promisify = isModulePath(ref, ['util'], ['promisify']) || isModulePath(ref, ['bluebird'], ['promisify']);
  return promisify ? wrapped : null;
}
