/**
 * Archive entry names (zip slip): is this expression the name of an entry read from an archive by
 * a library of `catalog/archives.ts`, resolved by import? adm-zip `getEntries()` entries'
 * `entryName`, yauzl `entry.fileName`, unzipper `entry.path` (`Parse()` streams, `Open` directories), tar-stream `header.name`, node-tar
 * `entry.path` (parser streams, `onentry` and `filter` options), jszip `forEach((relativePath, file))`.
 * Only the shapes these libraries hand out are recognised; a name the code does not show coming
 * from one of them is no entry name.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { bindingPath, findVar, getProperty, isFunction, memberName, propertyName, singleValue, unwrap, type FunctionNode } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { resolveModule, type ModuleRef } from '../core/modules.js';
import { resolveObject } from '../core/object-values.js';
import { staticValue } from '../core/static-value.js';
import { ENTRY_CALLBACKS, ENTRY_EVENTS, ENTRY_LISTS, ENTRY_NAME_PROPERTIES } from '../../catalog/archives.js';

type Node = TSESTree.Node;

export interface ArchiveEntryName {
  /** The library the entry comes from, for messages (`yauzl`). */
  library: string;
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener']);
const MAX_DEPTH = 4;

function samePath(ref: ModuleRef | null, modules: readonly string[], path: readonly string[]): boolean {
  return !!ref && modules.includes(ref.module) && ref.path.length === path.length && ref.path.every((step, i) => step === path[i]);
}

/**
 * Whether `node` is an archive entry's name: `entry.fileName`, a name destructured from an entry
 * (`const { entryName } = entry`, `({ path }) => …`), or a callback parameter that is the name itself.
 */
export function archiveEntryName(node: Node, sourceCode: SourceCode): ArchiveEntryName | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const property = memberName(target);
    if (property === null || !ENTRY_NAME_PROPERTIES.has(property)) return null;
    const object = unwrap(target.object);
    return object.type === AST_NODE_TYPES.Identifier ? entryVariable(object, property, sourceCode) : null;
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVar(sourceCode, target);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  if (def.type === 'Variable') {
    // `const { entryName } = entry`, `for (const { fileName } of zip.getEntries())`.
    const value = singleValue(variable);
    if (value) {
      const init = unwrap(value.init);
      const [property] = value.path;
      if (value.path.length !== 1 || typeof property !== 'string' || !ENTRY_NAME_PROPERTIES.has(property)) return null;
      return init.type === AST_NODE_TYPES.Identifier ? entryVariable(init, property, sourceCode) : null;
    }
    const declarator = def.node;
    // `for (const name of Object.keys(zip.files))`
    if (declarator.id === def.name) return forOfEntry(declarator, null, sourceCode);
    if (declarator.id.type === AST_NODE_TYPES.Identifier) return null;
    const { path } = bindingPath(def.name as TSESTree.Identifier, declarator.id);
    const [property] = path;
    if (path.length !== 1 || typeof property !== 'string' || !ENTRY_NAME_PROPERTIES.has(property)) return null;
    return forOfEntry(declarator, property, sourceCode);
  }
  if (def.type !== 'Parameter' || !isFunction(def.node)) return null;
  const fn = def.node;
  const declared = def.name;
  const index = fn.params.findIndex((p) => p.range[0] <= declared.range[0] && declared.range[1] <= p.range[1]);
  const param = fn.params[index];
  if (!param) return null;
  if (unwrap(param) === def.name) return callbackParameter(fn, index, null, sourceCode);
  // `({ fileName }) => …`
  const { path } = bindingPath(def.name as TSESTree.Identifier, param);
  const [property] = path;
  if (path.length !== 1 || typeof property !== 'string' || !ENTRY_NAME_PROPERTIES.has(property)) return null;
  return callbackParameter(fn, index, property, sourceCode);
}

/** The entry `name` holds, read through `property`: a listener's or callback's parameter, or a `for…of` variable. */
function entryVariable(name: TSESTree.Identifier, property: string, sourceCode: SourceCode): ArchiveEntryName | null {
  const variable = findVar(sourceCode, name);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  if (def.type === 'Parameter' && isFunction(def.node)) {
    const fn = def.node;
    const index = fn.params.findIndex((p) => unwrap(p) === def.name);
    return index < 0 ? null : callbackParameter(fn, index, property, sourceCode);
  }
  if (def.type === 'Variable' && def.node.id === def.name) return forOfEntry(def.node, property, sourceCode);
  return null;
}

/**
 * `for (const entry of zip.getEntries())`, `for await (const entry of stream.pipe(unzipper.Parse({ forceStream: true })))`;
 * `property` null: the loop variable is the name itself (`for (const name of Object.keys(zip.files))`).
 */
function forOfEntry(declarator: TSESTree.VariableDeclarator, property: string | null, sourceCode: SourceCode): ArchiveEntryName | null {
  const declaration = declarator.parent;
  const loop = declaration?.parent;
  if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.left !== declaration) return null;
  const listed = listOf(loop.right, property, sourceCode);
  if (listed || property === null) return listed;
  return loop.await ? entryEmitter(loop.right, property, sourceCode, 0) : null;
}

/**
 * A list of entries whose items have `property` as their name (adm-zip's `getEntries()`, unzipper's
 * `Open` directories, `Object.values(zip.files)` of jszip), or with `property` null a list of
 * names (`Object.keys(zip.files)`).
 */
function listOf(list: Node, property: string | null, sourceCode: SourceCode): ArchiveEntryName | null {
  const target = unwrap(list);
  const files = objectListOf(target, property);
  if (files) {
    const ref = resolveModule(unwrap(files.object), sourceCode);
    const row = ENTRY_CALLBACKS.find((r) => r.filesProperty === memberName(files) && ref !== null && r.modules.includes(ref.module));
    return row ? { library: row.library } : null;
  }
  if (property === null) return null;
  const ref = resolveModule(target, sourceCode);
  const row = ENTRY_LISTS.find((r) => r.nameProperty === property && r.lists.some((path) => samePath(ref, r.modules, path)));
  return row ? { library: row.library } : null;
}

/**
 * The entry (with `property`) or the name (`property` null) that parameter `index` of `fn`
 * receives: an `entry` listener, a callback over a list of entries, a jszip `forEach`, a node-tar
 * `onentry`/`filter` option.
 */
function callbackParameter(fn: FunctionNode, index: number, property: string | null, sourceCode: SourceCode): ArchiveEntryName | null {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.Expression)) {
    const callee = unwrap(parent.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = memberName(callee);
    if (method === null) return null;
    if (LISTENER_METHODS.has(method)) {
      if (index !== 0 || property === null || parent.arguments[1] !== fn) return null;
      const event = parent.arguments[0] && unwrap(parent.arguments[0]);
      if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'entry') return null;
      return entryEmitter(callee.object, property, sourceCode, 0);
    }
    if (method === 'forEach' || method === 'map' || method === 'filter') {
      // `zip.getEntries().forEach((entry) => …)`
      if (index === 0 && parent.arguments[0] === fn) {
        const listed = listOf(callee.object, property, sourceCode);
        if (listed) return listed;
      }
      if (method !== 'forEach') return null;
      const ref = resolveModule(unwrap(callee.object), sourceCode);
      if (!ref) return null;
      const row = ENTRY_CALLBACKS.find((r) => r.method === method && r.modules.includes(ref.module));
      return row && parameterMatches(row, index, property) ? { library: row.library } : null;
    }
    return null;
  }
  // `tar.x({ onentry: (entry) => … })`, `tar.x({ filter(path, entry) { … } })`.
  const prop = parent?.type === AST_NODE_TYPES.Property && parent.value === fn ? parent : null;
  const options = prop?.parent;
  const call = options?.parent;
  if (!prop || options?.type !== AST_NODE_TYPES.ObjectExpression || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== options) return null;
  const option = propertyName(prop);
  const ref = resolveModule(unwrap(call.callee), sourceCode);
  if (!ref || ref.path.length !== 1) return null;
  const row = ENTRY_CALLBACKS.find((r) => r.method === null && r.option === option && r.modules.includes(ref.module) && r.functions?.includes(ref.path[0]!));
  return row && parameterMatches(row, index, property) ? { library: row.library } : null;
}

/** `Object.keys(x.files)` (names, `property` null) or `Object.values(x.files)` (entries named by `name`): the `x.files`. */
function objectListOf(node: Node, property: string | null): TSESTree.MemberExpression | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(node.callee);
  const arg = node.arguments[0] && unwrap(node.arguments[0]);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || arg?.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = unwrap(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object') return null;
  const method = memberName(callee);
  if (!(method === 'keys' && property === null) && !(method === 'values' && property === 'name')) return null;
  return arg;
}

function parameterMatches(row: (typeof ENTRY_CALLBACKS)[number], index: number, property: string | null): boolean {
  if (property === null) return row.nameParameters.includes(index);
  return row.entryParameters.some((p) => p.index === index && p.property === property);
}

/**
 * Whether `node` emits archive entries whose name is `property`: `unzipper.Parse()` (also as the
 * argument of `.pipe()`), `tar.extract()`, `new tar.Parse()`, a constant holding one, or yauzl's
 * `zipfile` callback parameter.
 */
function entryEmitter(node: Node, property: string, sourceCode: SourceCode, depth: number): ArchiveEntryName | null {
  if (depth > MAX_DEPTH) return null;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(target.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
    // `source.pipe(unzipper.Parse())` is the parser; `emitter.on('error', …).on('entry', …)` is the emitter.
    if (method === 'pipe' && target.arguments[0]) return entryEmitter(target.arguments[0], property, sourceCode, depth + 1);
    if (method !== null && LISTENER_METHODS.has(method) && callee.type === AST_NODE_TYPES.MemberExpression) return entryEmitter(callee.object, property, sourceCode, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const def = variable?.defs[0];
    if (variable && def?.type === 'Parameter' && isFunction(def.node)) return yauzlZipfile(def.node, def.name as TSESTree.Identifier, property, sourceCode);
    const value = variable ? singleValue(variable) : null;
    const init = value && value.path.length === 0 ? unwrap(value.init) : null;
    if (init?.type === AST_NODE_TYPES.CallExpression && calleeMethod(init) === 'pipe') return entryEmitter(init, property, sourceCode, depth + 1);
  }
  const ref = resolveModule(target, sourceCode);
  const row = ENTRY_EVENTS.find((r) => r.parameter === undefined && r.nameProperty === property && r.source.some((path) => samePath(ref, r.modules, path)));
  return row ? { library: row.library } : null;
}

function calleeMethod(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
}

/** `yauzl.open(path, opts, (err, zipfile) => …)`: `zipfile` emits the entries. */
function yauzlZipfile(fn: FunctionNode, name: TSESTree.Identifier, property: string, sourceCode: SourceCode): ArchiveEntryName | null {
  const index = fn.params.findIndex((p) => unwrap(p) === name);
  const call = fn.parent;
  if (index < 0 || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[call.arguments.length - 1] !== fn) return null;
  const ref = resolveModule(unwrap(call.callee), sourceCode);
  const row = ENTRY_EVENTS.find((r) => r.parameter === index && r.nameProperty === property && r.source.some((path) => samePath(ref, r.modules, path)));
  if (!row) return null;
  if (row.validatedUnlessOff !== undefined && !turnsOff(call, row.validatedUnlessOff, sourceCode)) return null;
  return { library: row.library };
}

/**
 * Whether an options object among the call's arguments (before its callback) sets `option` to
 * `false`: `yauzl.open(file, { decodeStrings: false }, cb)`. Options the code does not show count as
 * the defaults.
 */
function turnsOff(call: TSESTree.CallExpression, option: string, sourceCode: SourceCode): boolean {
  for (const arg of call.arguments.slice(1, -1)) {
    if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
    const object = resolveObject(arg, sourceCode);
    const property = object && getProperty(object, option);
    if (property && staticValue(property.value, sourceCode)?.value === false) return true;
  }
  return false;
}
