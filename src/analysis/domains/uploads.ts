/**
 * Request bodies and uploaded files: which calls configure a body parser or an upload parser (rows
 * of `catalog/uploads.ts`, resolved by import), the size limit such a call sets (in bytes, the
 * library default, unlimited or unknown), and whether a stored file is named with the name the
 * client sent.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, singleValue, unwrap, wrappedParent } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { NEW, resolveCompiledModule, type ModuleRef } from '../core/modules.js';
import { isObjectOpen, memberValue, resolveObject, resolveValueNode } from '../core/object-values.js';
import { staticString, staticValue, stringComposition, type DynamicPart } from '../core/static-value.js';
import { CLIENT_FILE_NAME_PROPERTIES } from '../../catalog/filesystem.js';
import {
  BODY_PARSERS,
  UPLOAD_PARSERS,
  type BodyParserRow,
  type SizeOption,
  type SizeUnit,
  type UploadRow,
} from '../../catalog/uploads.js';

type Node = TSESTree.Node;

/** The `bytes` package's units (1024-based), as body-parser, raw-body, koa-body and Next.js read them. */
const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };
const SIZE_TEXT = /^([-+]?\d+(?:\.\d+)?) *(b|kb|mb|gb|tb|pb)$/i;

/** What a size value means: a number of bytes, no limit at all, or not known. */
export type ParsedSize = { kind: 'bytes'; bytes: number } | { kind: 'unlimited' } | { kind: 'unknown' };

/**
 * Reads a size the way the library does: numbers are bytes, and for `bytes-string` options a
 * string `'50mb'`, `'1 GB'`, `'512kb'` or a plain number of bytes (`'1048576'`). `Infinity` (number
 * or text) means no limit. Text the library would not read as a size is unknown.
 */
export function parseSize(value: unknown, unit: SizeUnit): ParsedSize {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { kind: 'unknown' };
    if (value === Infinity) return { kind: 'unlimited' };
    return value >= 0 ? { kind: 'bytes', bytes: value } : { kind: 'unknown' };
  }
  if (typeof value !== 'string' || unit !== 'bytes-string') return { kind: 'unknown' };
  const text = value.trim();
  if (text === 'Infinity') return { kind: 'unlimited' };
  const match = SIZE_TEXT.exec(text);
  if (match) {
    const bytes = Math.floor(Number.parseFloat(match[1]!) * UNITS[match[2]!.toLowerCase()]!);
    return bytes >= 0 ? { kind: 'bytes', bytes } : { kind: 'unknown' };
  }
  return /^\d+$/.test(text) ? { kind: 'bytes', bytes: Number.parseInt(text, 10) } : { kind: 'unknown' };
}

/** A size as people write it: `50 MB`, `100 KB`, `1.5 GB`. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/** The limit an options object sets for one size option. */
export interface SizeSetting {
  option: SizeOption;
  /** `default`: the option is absent (the library's default applies). */
  kind: 'bytes' | 'unlimited' | 'unknown' | 'default';
  bytes: number;
  /** The value written in the code, when there is one. */
  node: Node | null;
}

/** The object at `path` inside an options object, following constants; null when not a known literal. */
function objectAt(options: TSESTree.ObjectExpression, path: readonly string[], sourceCode: SourceCode): TSESTree.ObjectExpression | null | 'absent' {
  let current: TSESTree.ObjectExpression = options;
  for (const key of path) {
    const value = memberValue(current, key, sourceCode);
    if (!value) return isObjectOpen(current, sourceCode) ? null : 'absent';
    const next = resolveObject(value, sourceCode);
    if (!next) return null;
    current = next;
  }
  return current;
}

/**
 * The size limit `options` sets for `option`: bytes, unlimited, unknown (configuration, spreads,
 * computed values) or the library default when the key is absent. `options` null means the call
 * has no options argument.
 */
export function sizeSetting(options: TSESTree.ObjectExpression | null, option: SizeOption, sourceCode: SourceCode): SizeSetting {
  const unknown: SizeSetting = { option, kind: 'unknown', bytes: NaN, node: null };
  const fallback: SizeSetting = { option, kind: option.defaultBytes === Infinity ? 'unlimited' : 'default', bytes: option.defaultBytes, node: null };
  if (!options) return fallback;
  const parent = objectAt(options, option.path.slice(0, -1), sourceCode);
  if (parent === 'absent') return fallback;
  if (!parent) return unknown;
  const key = option.path[option.path.length - 1]!;
  const value = memberValue(parent, key, sourceCode);
  if (!value) return isObjectOpen(parent, sourceCode) ? unknown : fallback;
  const resolved = staticValue(value, sourceCode);
  if (!resolved) return { ...unknown, node: value };
  if (resolved.value === undefined) return fallback;
  const parsed = parseSize(resolved.value, option.unit);
  if (parsed.kind === 'bytes') return { option, kind: 'bytes', bytes: parsed.bytes, node: value };
  if (parsed.kind === 'unlimited') return { option, kind: 'unlimited', bytes: Infinity, node: value };
  return { ...unknown, node: value };
}

function samePath(ref: ModuleRef, module: string, path: readonly string[]): boolean {
  return ref.module === module && ref.path.length === path.length && ref.path.every((step, i) => step === path[i]);
}

/** Where a call's callee comes from, with `new` as the last step of a construction. */
export function calleeRef(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): ModuleRef | null {
  const ref = resolveCompiledModule(node.callee, sourceCode);
  if (!ref) return null;
  return node.type === AST_NODE_TYPES.NewExpression ? { module: ref.module, path: [...ref.path, NEW] } : ref;
}

/** The options argument of a call as an object literal: null when absent, `'unknown'` when not a known literal. */
export function optionsObject(node: TSESTree.CallExpression | TSESTree.NewExpression, index: number, sourceCode: SourceCode): TSESTree.ObjectExpression | null | 'unknown' {
  if (node.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return 'unknown';
  const arg = node.arguments[index];
  if (!arg) return null;
  const value = unwrap(arg);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return null;
  return resolveObject(arg, sourceCode) ?? 'unknown';
}

export interface ParserCall<Row> {
  row: Row;
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  options: TSESTree.ObjectExpression | null;
}

/** Is this call a request body parser of `catalog/uploads.ts`, resolved by import, with options that can be read? */
export function bodyParserCall(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): ParserCall<BodyParserRow> | null {
  const ref = calleeRef(node, sourceCode);
  if (!ref) return null;
  const row = BODY_PARSERS.find((r) => samePath(ref, r.module, r.callee));
  if (!row) return null;
  if (row.firstArgIn) {
    const first = node.arguments[0];
    const kind = first ? staticString(first, sourceCode) : null;
    if (kind === null || !row.firstArgIn.includes(kind)) return null;
  }
  const options = optionsObject(node, row.optionsArg, sourceCode);
  if (options === 'unknown') return null;
  return { row, node, options };
}

/** Is this call an upload parser of `catalog/uploads.ts`, resolved by import, with options that can be read? */
export function uploadCall(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): ParserCall<UploadRow> | null {
  const ref = calleeRef(node, sourceCode);
  if (!ref) return null;
  const row = UPLOAD_PARSERS.find((r) => samePath(ref, r.module, r.callee));
  if (!row) return null;
  const options = optionsObject(node, row.optionsArg, sourceCode);
  if (options === 'unknown') return null;
  if (row.requires) {
    const flag = options ? memberValue(options, row.requires, sourceCode) : null;
    if (!flag || staticValue(flag, sourceCode)?.value !== true) return null;
  }
  return { row, node, options };
}

/** Whether an options object has a key, or may have it (spreads, unknown keys). */
export function mayHaveOption(options: TSESTree.ObjectExpression | null, key: string, sourceCode: SourceCode): boolean {
  if (!options) return false;
  return memberValue(options, key, sourceCode) !== null || isObjectOpen(options, sourceCode);
}

/** The string argument a route or mount call starts with (`app.post('/webhooks/stripe', …)`), for the parser passed to it. */
export function mountPathOf(node: Node, sourceCode: SourceCode): string | null {
  const parent = wrappedParent(node);
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === node) return null;
  const first = parent.arguments[0];
  if (!first || first === node) return null;
  return staticString(first, sourceCode);
}

const NAME_KEEPING_CALLS = new Set(['basename', 'toLowerCase', 'toUpperCase', 'trim', 'normalize', 'decodeURIComponent', 'decodeURI', 'String', 'toString']);

const MAX_NAME_DEPTH = 8;

/**
 * Is this expression the file name an upload's client sent: `file.originalname` (multer),
 * `file.originalFilename` (formidable), `extraNames` (express-fileupload's `file.name` for the file
 * being moved), through constants, destructuring and calls that keep the name (`path.basename`,
 * `toLowerCase()`, `decodeURIComponent`). `path.extname(…)` and sanitisers are not the name.
 */
export function isClientFileName(node: Node, sourceCode: SourceCode, extraNames: (node: Node) => boolean = () => false, depth = 0): boolean {
  if (depth > MAX_NAME_DEPTH) return false;
  const target = unwrap(node);
  if (extraNames(target)) return true;
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    return name !== null && CLIENT_FILE_NAME_PROPERTIES.has(name);
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable ? singleValue(variable) : null;
    if (!value) return false;
    const last = value.path[value.path.length - 1];
    if (value.path.length > 0) return typeof last === 'string' && CLIENT_FILE_NAME_PROPERTIES.has(last);
    return isClientFileName(value.init, sourceCode, extraNames, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(target.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
    if (name === null || !NAME_KEEPING_CALLS.has(name)) return false;
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== 'basename') {
      return isClientFileName(callee.object, sourceCode, extraNames, depth + 1);
    }
    const arg = target.arguments[0];
    return !!arg && arg.type !== AST_NODE_TYPES.SpreadElement && isClientFileName(arg, sourceCode, extraNames, depth + 1);
  }
  return false;
}

const PATH_JOINERS = new Set(['join', 'resolve', 'posix.join', 'win32.join', 'posix.resolve', 'win32.resolve']);

/** The parts of a path expression that make its last segment, the file's own name. */
export function fileNameParts(node: Node, sourceCode: SourceCode, depth = 0): { dynamic: DynamicPart[]; text: string } | null {
  if (depth > MAX_NAME_DEPTH) return null;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const value = resolveValueNode(target, sourceCode);
    if (value && value !== target) return fileNameParts(value, sourceCode, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const ref = resolveCompiledModule(target.callee, sourceCode);
    if (ref && ref.module === 'path' && PATH_JOINERS.has(ref.path.join('.'))) {
      const last = target.arguments[target.arguments.length - 1];
      if (!last || last.type === AST_NODE_TYPES.SpreadElement) return null;
      return fileNameParts(last, sourceCode, depth + 1);
    }
  }
  const parts = stringComposition(target, sourceCode).parts;
  let start = 0;
  let text = '';
  parts.forEach((part, i) => {
    if (part.kind !== 'static') return;
    const cut = Math.max(part.value.lastIndexOf('/'), part.value.lastIndexOf('\\'));
    if (cut >= 0) {
      start = i + 1;
      text = part.value.slice(cut + 1);
    }
  });
  const tail = parts.slice(start);
  for (const part of tail) if (part.kind === 'static') text += part.value;
  return { dynamic: tail.filter((p): p is DynamicPart => p.kind === 'dynamic'), text };
}

/**
 * Is a stored file named by the client's file name: the last segment of `path` is made of that
 * name (and constant text) only, with no generated or other program-chosen part beside it.
 * Returns the client name's node, or null.
 */
export function clientNamedPath(path: Node, sourceCode: SourceCode, extraNames: (node: Node) => boolean = () => false): Node | null {
  const parts = fileNameParts(path, sourceCode);
  if (!parts || parts.dynamic.length !== 1) return null;
  const only = parts.dynamic[0]!.node;
  return isClientFileName(only, sourceCode, extraNames) ? only : null;
}

/** A folder as written in the code: where it is anchored and its constant segments. */
export interface FolderPath {
  /** `cwd`: relative or `process.cwd()`; `dir`: `__dirname`; `abs`: an absolute path. */
  root: 'cwd' | 'dir' | 'abs';
  segments: string[];
}

function isDirname(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === '__dirname' && !findVar(sourceCode, target)?.defs.length;
  // `import.meta.dirname`
  return target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'dirname' && unwrap(target.object).type === AST_NODE_TYPES.MetaProperty;
}

function isCwd(node: Node): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression || target.arguments.length > 0) return false;
  const callee = unwrap(target.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'cwd' && unwrap(callee.object).type === AST_NODE_TYPES.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'process';
}

function addSegments(folder: FolderPath, text: string): void {
  for (const segment of text.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && folder.segments.length > 0 && folder.segments[folder.segments.length - 1] !== '..') folder.segments.pop();
    else folder.segments.push(segment);
  }
}

/**
 * The folder a path expression names, when it is constant text anchored at the working directory,
 * `__dirname` or the file-system root: `'public/uploads'`, `path.join(__dirname, 'public')`,
 * `` `${__dirname}/uploads` ``, `path.resolve('static')`. Null otherwise.
 */
export function folderPath(node: Node, sourceCode: SourceCode, depth = 0): FolderPath | null {
  if (depth > MAX_NAME_DEPTH) return null;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier && !isDirname(target, sourceCode)) {
    const value = resolveValueNode(target, sourceCode);
    return value && value !== target ? folderPath(value, sourceCode, depth + 1) : null;
  }
  if (target.type === AST_NODE_TYPES.CallExpression && !isCwd(target)) {
    const ref = resolveCompiledModule(target.callee, sourceCode);
    if (!ref || ref.module !== 'path' || !PATH_JOINERS.has(ref.path.join('.'))) return null;
    const [first, ...rest] = target.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
    const start = isDirname(first, sourceCode) || isCwd(first) ? null : staticString(first, sourceCode);
    const folder: FolderPath = isDirname(first, sourceCode) ? { root: 'dir', segments: [] } : isCwd(first) ? { root: 'cwd', segments: [] } : start !== null ? { root: start.startsWith('/') ? 'abs' : 'cwd', segments: [] } : (folderPath(first, sourceCode, depth + 1) ?? { root: 'cwd', segments: ['\u0000'] });
    if (folder.segments[0] === '\u0000') return null;
    if (start !== null) addSegments(folder, start);
    for (const arg of rest) {
      if (arg.type === AST_NODE_TYPES.SpreadElement) return null;
      const text = staticString(arg, sourceCode);
      if (text === null) return null;
      // `path.resolve(base, '/abs')` starts again at the root.
      if (text.startsWith('/') && ref.path.join('.').endsWith('resolve')) {
        folder.root = 'abs';
        folder.segments = [];
      }
      addSegments(folder, text);
    }
    return folder;
  }
  const parts = stringComposition(target, sourceCode).parts.filter((part) => part.kind !== 'static' || part.value !== '');
  const [head, ...tail] = parts;
  if (!head) return null;
  let folder: FolderPath;
  if (head.kind === 'dynamic') {
    if (isDirname(head.node, sourceCode)) folder = { root: 'dir', segments: [] };
    else if (isCwd(head.node)) folder = { root: 'cwd', segments: [] };
    else return null;
  } else {
    folder = { root: head.value.startsWith('/') ? 'abs' : 'cwd', segments: [] };
    addSegments(folder, head.value);
  }
  for (const part of tail) {
    if (part.kind !== 'static') return null;
    addSegments(folder, part.value);
  }
  return folder;
}

/** Whether `inner` is `outer` or a folder inside it. */
export function isInsideFolder(inner: FolderPath, outer: FolderPath): boolean {
  if (inner.root !== outer.root || outer.segments.length > inner.segments.length) return false;
  return outer.segments.every((segment, i) => segment === inner.segments[i]);
}
