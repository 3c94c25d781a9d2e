/**
 * File names a client sends with a multipart upload, as multipart parsers resolved by import hand
 * them over (`catalog/uploads.ts` `MULTIPART_FILE_NAMES`): busboy's `'file'` listener (`info.filename`,
 * or the 0.x `filename` parameter), formidable's parsed files (`originalFilename`, 1.x `name`) and
 * @fastify/multipart parts (`filename`). For path sinks: the name is the client's text.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, parameterOf, shortText, singleValue, unwrap, wrappedParent, type FunctionNode } from '../core/ast.js';
import { perNodeCache, type SourceCode } from '../core/cache.js';
import { CALL, NEW, fromModule, resolveCompiledModule } from '../core/modules.js';
import { quotedAny } from '../core/source-text.js';
import { MULTIPART_FILE_NAMES as NAMES } from '../../catalog/uploads.js';
import { requestSourceAtPath, type RequestSource } from './request-sources.js';

type Node = TSESTree.Node;

/** Whether the file can load busboy, formidable or @fastify/multipart: otherwise no upload name is read in it. */
export const mayParseMultipart = quotedAny([...NAMES.busboyModules, ...NAMES.connectBusboyModules, ...NAMES.formidableModules, ...NAMES.fastifyModules]);
const mayHaveFastifyMultipart = quotedAny(NAMES.fastifyModules);
const mayHaveConnectBusboy = quotedAny(NAMES.connectBusboyModules);
const FORMIDABLE_NAMES: ReadonlySet<string> = new Set(NAMES.formidableNames);
const FASTIFY_NAMES: ReadonlySet<string> = new Set(NAMES.fastifyNames);
const FASTIFY_FILE: ReadonlySet<string> = new Set(NAMES.fastifyFileMethods);
const FASTIFY_FILES: ReadonlySet<string> = new Set(NAMES.fastifyFilesMethods);
const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener']);
const MAX_DEPTH = 6;

/**
 * Whether `node` is an uploaded file's name as the client sent it: a busboy `'file'` listener's
 * third parameter (or a name destructured from it), `files.avatar.originalFilename` of files
 * formidable parsed, `part.filename` of a @fastify/multipart part.
 */
export function uploadNameSource(node: TSESTree.Identifier | TSESTree.MemberExpression, sourceCode: SourceCode): RequestSource | null {
  if (!mayParseMultipart(sourceCode)) return null;
  return cachedSource(node, sourceCode);
}

const cachedSource = perNodeCache((node: TSESTree.Identifier | TSESTree.MemberExpression, sourceCode: SourceCode): RequestSource | null => {
  const found = node.type === AST_NODE_TYPES.Identifier ? identifierName(node, sourceCode) : memberNameRead(node, sourceCode);
  return found ? { role: 'value', text: shortText(sourceCode, node), node } : null;
});

/** A busboy name parameter, or a variable holding a file-name property of an upload object (`const { filename } = await request.file()`). */
function identifierName(node: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length !== 1) return false;
  if (variable.defs[0]!.type === 'Parameter') {
    const param = parameterOf(variable);
    return !!param && param.index === NAMES.busboyNameParameter && isBusboyFileListener(param.fn, sourceCode);
  }
  const value = singleValue(variable);
  if (!value || value.path.length === 0) return false;
  const last = value.path[value.path.length - 1];
  if (typeof last !== 'string') return false;
  const owner = value.path.length === 1 ? value.init : null;
  if (FORMIDABLE_NAMES.has(last) && owner && formidableFile(owner, sourceCode, 0)) return true;
  return FASTIFY_NAMES.has(last) && !!owner && fastifyPart(owner, sourceCode, 0);
}

function memberNameRead(node: TSESTree.MemberExpression, sourceCode: SourceCode): boolean {
  const name = memberName(node);
  if (name === null) return false;
  // `info.filename` of busboy's `info` parameter: name the read itself.
  const object = unwrap(node.object);
  if (name === 'filename' && object.type === AST_NODE_TYPES.Identifier && identifierName(object, sourceCode)) return true;
  if (FORMIDABLE_NAMES.has(name) && formidableFile(node.object, sourceCode, 0)) return true;
  return FASTIFY_NAMES.has(name) && fastifyPart(node.object, sourceCode, 0);
}

/** The call `fn` is the listener of, with its event name, when it is `x.on('<event>', fn)`. */
function listenerCall(fn: FunctionNode): { event: string; receiver: Node } | null {
  const call = wrappedParent(fn);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 2 || unwrap(call.arguments[1]!) !== fn) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTEN_METHODS.has(memberName(callee) ?? '')) return null;
  const event = unwrap(call.arguments[0]!);
  if (event.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string') return null;
  return { event: event.value, receiver: unwrap(callee.object) };
}

/** `bb.on('file', fn)` on `busboy({ headers })` / `new Busboy({ headers })`, or on connect-busboy's `req.busboy`. */
function isBusboyFileListener(fn: FunctionNode, sourceCode: SourceCode): boolean {
  const listener = listenerCall(fn);
  if (!listener || listener.event !== 'file') return false;
  const { receiver } = listener;
  const ref = resolveCompiledModule(receiver, sourceCode);
  if (fromModule(ref, NAMES.busboyModules)) return ref.path.length === 1 && (ref.path[0] === CALL || ref.path[0] === NEW);
  return (
    receiver.type === AST_NODE_TYPES.MemberExpression &&
    memberName(receiver) === 'busboy' &&
    mayHaveConnectBusboy(sourceCode) &&
    requestSourceAtPath(receiver.object, ['body'], sourceCode) !== null
  );
}

/** Whether `ref` is a form made by the formidable module. */
function isFormidableForm(node: Node, sourceCode: SourceCode): boolean {
  const ref = resolveCompiledModule(node, sourceCode);
  return fromModule(ref, NAMES.formidableModules) && NAMES.formidableForms.some((path) => path.length === ref.path.length && path.every((s, i) => s === ref.path[i]));
}

/** Whether `fn` is `form.parse(req, (err, fields, files) => …)` on a formidable form. */
function isFormidableParseCallback(fn: FunctionNode, sourceCode: SourceCode): boolean {
  const call = wrappedParent(fn);
  if (call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.arguments[1] ?? call) !== fn) return false;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'parse' && isFormidableForm(callee.object, sourceCode);
}

/**
 * Whether a value is a file formidable parsed (or the object of them it hands over): the third
 * parameter of a `form.parse()` callback, the second element of `await form.parse(req)`, the
 * second parameter of a `'file'` listener on a formidable form, and members and aliases of those.
 */
function formidableFile(raw: Node, sourceCode: SourceCode, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.MemberExpression) return formidableFile(node.object, sourceCode, depth + 1);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length !== 1) return false;
  if (variable.defs[0]!.type === 'Parameter') {
    const param = parameterOf(variable);
    if (!param?.whole) return false;
    if (param.index === 2 && isFormidableParseCallback(param.fn, sourceCode)) return true;
    const listener = param.index === 1 ? listenerCall(param.fn) : null;
    return !!listener && listener.event === 'file' && isFormidableForm(listener.receiver, sourceCode);
  }
  const value = singleValue(variable);
  if (!value) return false;
  const init = unwrap(value.init);
  // `const [fields, files] = await form.parse(req)`
  const parsed = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : null;
  if (parsed?.type === AST_NODE_TYPES.CallExpression && value.path.length >= 1 && value.path[0] === '1') {
    const callee = unwrap(parsed.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'parse' && isFormidableForm(callee.object, sourceCode)) return true;
  }
  return formidableFile(init, sourceCode, depth + 1);
}

/** `request.file()`, `request.parts()` …: a @fastify/multipart method called on a request. */
function fastifyCall(raw: Node, methods: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  const node = unwrap(raw);
  const call = node.type === AST_NODE_TYPES.AwaitExpression ? unwrap(node.argument) : node;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !methods.has(memberName(callee) ?? '')) return false;
  return requestSourceAtPath(callee.object, ['body'], sourceCode) !== null;
}

/**
 * Whether a value is a @fastify/multipart file part: `await request.file()`, an element of
 * `request.parts()` / `request.files()` (`for await (const part of …)`) or of
 * `await request.saveRequestFiles()`, and aliases of those. Only in files that load the plugin.
 */
/** A list of saved files: `await request.saveRequestFiles()`, or a variable holding only that. */
function filesListOf(node: Node, sourceCode: SourceCode): boolean {
  if (fastifyCall(node, FASTIFY_FILES, sourceCode)) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, node);
  const value = variable ? singleValue(variable) : null;
  return !!value && value.path.length === 0 && fastifyCall(value.init, FASTIFY_FILES, sourceCode);
}

function fastifyPart(raw: Node, sourceCode: SourceCode, depth: number): boolean {
  if (depth > MAX_DEPTH || !mayHaveFastifyMultipart(sourceCode)) return false;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.AwaitExpression) return fastifyCall(node, FASTIFY_FILE, sourceCode);
  // `files[0]` of `await request.saveRequestFiles()`
  if (node.type === AST_NODE_TYPES.MemberExpression && node.computed) {
    return filesListOf(unwrap(node.object), sourceCode);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return false;
  const declarator = def.node;
  const loop = declarator.parent?.parent;
  if (!declarator.init && loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent && declarator.id === def.name) {
    return filesListOf(unwrap(loop.right), sourceCode);
  }
  const value = singleValue(variable);
  if (!value || value.path.length !== 0) return false;
  return fastifyPart(value.init, sourceCode, depth + 1);
}
