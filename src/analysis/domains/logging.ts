/**
 * Log calls: is this call writing a log line, with which logger (`console`, a library of
 * `catalog/logging.ts` resolved by import, or a receiver named like a logger), and does the file
 * configure key-based redaction for its loggers?
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isGlobalReference, memberName, propertyName, shortText, staticKeyName, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { NEW, resolveCompiledModule, type ModuleRef } from '../core/modules.js';
import { nameWords } from '../core/names.js';
import { staticString } from '../core/static-value.js';
import { includesAny, quotedAny, textGate } from '../core/source-text.js';
import {
  CONSOLE_METHODS,
  LOG_METHODS,
  LOGGER_LIBRARIES,
  LOGGER_NAME_HEADS,
  REDACTING_OPTIONS,
  type LoggerLibrary,
} from '../../catalog/logging.js';

type Node = TSESTree.Node;

export interface LogCall {
  node: TSESTree.CallExpression;
  /**
   * How the logger was recognised: `console` (the global), a library name from the catalog
   * (resolved by import), or null for a receiver recognised by its name only (`logger.info`).
   */
  library: string | null;
  /** The callee as written, shortened: `logger.info`, `this.logger.warn`, `debug`. */
  callee: string;
  /** The arguments written to the line (spread arguments left out). */
  args: TSESTree.Expression[];
  /**
   * Whether redaction configured on a logger of the file may apply to this call's structured
   * arguments: pino-style loggers and loggers known by name only; never `console` or `debug`.
   */
  redactable: boolean;
}

/** Every method name a log call can end with: the first, cheap test. */
const ANY_LOG_METHOD: ReadonlySet<string> = new Set([...CONSOLE_METHODS, ...LOG_METHODS, ...LOGGER_LIBRARIES.flatMap((l) => [...l.methods])]);
/** Libraries whose loggers are called directly (`debug('x %o', v)`). */
const CALLABLE_MODULES = LOGGER_LIBRARIES.filter((l) => l.callable).flatMap((l) => l.modules);
const mayCallLoggerFunction = quotedAny(CALLABLE_MODULES);
/** Libraries that apply no key-based redaction. */
const UNREDACTED_LIBRARIES = new Set(['console', 'debug', 'log4js', 'consola', 'signale', 'loglevel']);

/** The logging libraries' module names. */
const LOGGER_MODULES = LOGGER_LIBRARIES.flatMap((l) => l.modules);
/**
 * Whether the file can load a logging library (`core/modules.ts` takes a module's name from a
 * string literal only, `node:` prefix dropped): where none can be, no receiver resolves to one.
 */
const mayLoadLogger = quotedAny([...LOGGER_MODULES, ...LOGGER_MODULES.map((m) => `node:${m}`)]);

/** Words a file that may log holds; those holding another (`pino-http` holds `pino`, `log4js` holds `log`) left out, one scan finds them all. */
const LOG_WORDS = ['log', 'Log', 'console', ...LOGGER_MODULES];

/** False when nothing in the file can be a log call: it never mentions `console`, `log`, nor a logging library. */
export const mayLog = textGate(includesAny(LOG_WORDS.filter((m) => !LOG_WORDS.some((o) => o !== m && m.includes(o)))));

/**
 * A cheap test, on the call's shape alone, for the calls `logCall` may accept: some argument, and
 * a callee that is a member named like a log method (`logger.info(…)`, `log['warn'](…)`, a template
 * key), a wrapped callee it unwraps first (`(logger.info as Fn)(…)`, `(log?.warn)(…)`), or — only
 * when `bareNames` (the file may load a logger called directly) — a plain name (`debug('x %o', v)`).
 */
export function mayBeLogCall(node: TSESTree.CallExpression, bareNames: boolean): boolean {
  if (node.arguments.length === 0) return false;
  const callee = node.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return bareNames;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = callee.property;
    if (property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier) return ANY_LOG_METHOD.has(property.name);
    if (property.type === AST_NODE_TYPES.Literal) return typeof property.value === 'string' && ANY_LOG_METHOD.has(property.value);
    return property.type === AST_NODE_TYPES.TemplateLiteral;
  }
  return callee.type.startsWith('TS') || callee.type === AST_NODE_TYPES.ChainExpression;
}

/** The callable loggers' module names, less those holding another (`@tryghost/debug` holds `debug`): one scan finds them all. */
const mayMentionCallableLogger = textGate(includesAny(CALLABLE_MODULES.filter((m) => !CALLABLE_MODULES.some((o) => o !== m && m.includes(o)))));

/**
 * False when no call of a bare name can be a log call (`logCall` requires the file to quote the
 * name of a logger that is called directly, `'debug'`): a few lookups among the file's strings first, the scan after.
 */
export function mayLoadCallableLogger(sourceCode: SourceCode): boolean {
  return mayCallLoggerFunction(sourceCode) && mayMentionCallableLogger(sourceCode);
}

/**
 * Whether `node` writes a log line: `console.log/info/warn/error/debug/trace(…)` on the global
 * console; a level method of a pino, winston, bunyan, log4js, NestJS, loglevel, consola or signale
 * logger resolved by import, through instances (`pino()`, `winston.createLogger()`, `new Logger()`),
 * children (`.child({…})`) and class fields (`this.logger` set to `new Logger(X.name)` or injected
 * with such a type); a `debug` logger (`require('debug')('app')(…)`); or a level method on a
 * receiver named like a logger (`logger.info`, `this.logger.warn`, `request.log.error`) that no
 * import resolves to something else.
 */
export function logCall(node: TSESTree.CallExpression, sourceCode: SourceCode): LogCall | null {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!mayCallLoggerFunction(sourceCode)) return null;
    const library = libraryOf(resolveCompiledModule(callee, sourceCode), true);
    return library ? makeLogCall(node, callee, library.name, sourceCode) : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null || !ANY_LOG_METHOD.has(method)) return null;
  const receiver = unwrap(callee.object);
  if (receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'console') {
    return CONSOLE_METHODS.has(method) && isGlobalReference(sourceCode, receiver) ? makeLogCall(node, callee, 'console', sourceCode) : null;
  }
  const ref = mayLoadLogger(sourceCode) ? receiverRef(receiver, sourceCode) : null;
  if (ref) {
    const library = libraryOf({ module: ref.module, path: [...ref.path, method] }, false);
    if (library) return makeLogCall(node, callee, library.name, sourceCode);
    if (LOGGER_MODULES.includes(ref.module)) return null;
  }
  return LOG_METHODS.has(method) && isLoggerName(receiver) ? makeLogCall(node, callee, null, sourceCode) : null;
}

function makeLogCall(node: TSESTree.CallExpression, callee: Node, library: string | null, sourceCode: SourceCode): LogCall {
  return {
    node,
    library,
    callee: shortText(sourceCode, callee),
    args: node.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement),
    redactable: library === null || !UNREDACTED_LIBRARIES.has(library),
  };
}

/** The catalogued library whose logger `ref` is a level method of (or, `callable`, a logger itself). */
function libraryOf(ref: ModuleRef | null, callable: boolean): LoggerLibrary | null {
  if (!ref) return null;
  for (const library of LOGGER_LIBRARIES) {
    if (!library.modules.includes(ref.module)) continue;
    if (callable) {
      if (library.callable && isLoggerPath(ref.path, library)) return library;
      continue;
    }
    const method = ref.path[ref.path.length - 1];
    if (method !== undefined && library.methods.has(method) && isLoggerPath(ref.path.slice(0, -1), library)) return library;
  }
  return null;
}

/** Whether `path` is one of the library's loggers followed by any number of child steps. */
function isLoggerPath(path: readonly string[], library: LoggerLibrary): boolean {
  return library.loggers.some((start) => startsWith(path, start) && onlyChildren(path.slice(start.length), library));
}

function onlyChildren(rest: readonly string[], library: LoggerLibrary): boolean {
  if (rest.length === 0) return true;
  return library.children.some((child) => startsWith(rest, child) && onlyChildren(rest.slice(child.length), library));
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}

/** Where a receiver comes from by import, seeing through `this.field` to the class field's value or declared type. */
function receiverRef(receiver: Node, sourceCode: SourceCode): ModuleRef | null {
  if (receiver.type === AST_NODE_TYPES.MemberExpression && unwrap(receiver.object).type === AST_NODE_TYPES.ThisExpression) {
    const field = fieldName(receiver);
    return field === null ? null : classFieldRef(receiver, field, sourceCode);
  }
  return resolveCompiledModule(receiver, sourceCode);
}

function fieldName(member: TSESTree.MemberExpression): string | null {
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.property.name}`;
  return memberName(member);
}

/**
 * What `this.<field>` holds, by import: a class field initialised with it (`logger = new Logger(X.name)`),
 * a constructor parameter property declared with its type (`private readonly logger: PinoLogger`),
 * or one assignment in the constructor (`this.logger = pino()`).
 */
function classFieldRef(member: TSESTree.MemberExpression, field: string, sourceCode: SourceCode): ModuleRef | null {
  let current: Node | undefined = member.parent;
  while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
  if (!current) return null;
  for (const element of current.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.value && !element.static && keyName(element.key, element.computed) === field) {
      return resolveCompiledModule(element.value, sourceCode);
    }
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') continue;
    for (const param of element.value.params) {
      if (param.type !== AST_NODE_TYPES.TSParameterProperty || param.parameter.type !== AST_NODE_TYPES.Identifier) continue;
      if (param.parameter.name !== field) continue;
      const type = param.parameter.typeAnnotation?.typeAnnotation;
      if (type?.type !== AST_NODE_TYPES.TSTypeReference) return null;
      const ref = resolveCompiledModule(type.typeName, sourceCode);
      return ref && { module: ref.module, path: [...ref.path, NEW] };
    }
    const assigned = constructorAssignment(element.value.body, field);
    if (assigned) return resolveCompiledModule(assigned, sourceCode);
  }
  return null;
}

function keyName(key: TSESTree.Expression | TSESTree.PrivateIdentifier, computed: boolean): string | null {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return staticKeyName(key, computed);
}

/** The one value a constructor assigns to `this.<field>` at its top level, or null. */
function constructorAssignment(body: TSESTree.BlockStatement | null | undefined, field: string): TSESTree.Expression | null {
  if (!body) return null;
  let found: TSESTree.Expression | null = null;
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
    const left = expression.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) continue;
    if (fieldName(left) !== field) continue;
    if (found) return null;
    found = expression.right;
  }
  return found;
}

/** Every name ending with a word of `LOGGER_NAME_HEADS` holds this. */
const MAY_NAME_LOGGER = /log/i;

/** `logger`, `appLogger`, `this.logger`, `this.#log`, `request.log`, `fastify.log`: a receiver whose name ends with `logger` or `log`. */
function isLoggerName(receiver: Node): boolean {
  let name: string | null = null;
  if (receiver.type === AST_NODE_TYPES.Identifier) name = receiver.name;
  else if (receiver.type === AST_NODE_TYPES.MemberExpression) {
    name = receiver.property.type === AST_NODE_TYPES.PrivateIdentifier ? receiver.property.name : memberName(receiver);
  }
  // The last word is `log` or `logger`: a piece of the name.
  if (name === null || !MAY_NAME_LOGGER.test(name)) return false;
  const words = nameWords(name);
  return words.length > 0 && LOGGER_NAME_HEADS.has(words[words.length - 1]!);
}

export interface Redaction {
  /** The redacted paths as written (`req.headers.authorization`, `*.password`), or null when they are not known here. */
  paths: readonly string[] | null;
}

/** False when the file configures no logger redaction: it never mentions `redact` or `serializers`. */
export const mayRedact = textGate(includesAny(['redact', 'serializers']));

/** Selector for the properties `redactionOf` may accept: keys named like a redacting option (template keys left to it). */
export const REDACTION_OPTION = `Property:matches(${[...REDACTING_OPTIONS]
  .flatMap((name) => [`[key.name="${name}"]`, `[key.value="${name}"]`])
  .concat('[key.type="TemplateLiteral"]')
  .join(', ')})`;

/** Keys of a `serializers` option whose serializer decides what is written of a request. */
const REQUEST_SERIALIZERS = new Set(['req', 'request', 'headers', 'body', 'user']);

/**
 * Whether a property configures a logger to remove fields before writing them: pino, pino-http and
 * Fastify `redact: ['req.headers.authorization', '*.password']` or `redact: { paths: […] }`
 * (paths unknown when they come from elsewhere), or `serializers: { req(req) { … } }` that decides
 * what is written of a request. Null for anything else.
 */
export function redactionOf(prop: TSESTree.Property, sourceCode: SourceCode): Redaction | null {
  if (prop.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const key = propertyName(prop);
  if (key === null || !REDACTING_OPTIONS.has(key)) return null;
  const value = unwrap(prop.value);
  if (key === 'serializers') {
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const strips = value.properties.some((p) => p.type === AST_NODE_TYPES.Property && REQUEST_SERIALIZERS.has(propertyName(p) ?? ''));
    return strips ? { paths: null } : null;
  }
  if (value.type === AST_NODE_TYPES.Literal) return null;
  let list: Node = value;
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const paths = value.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyName(p) === 'paths');
    if (!paths) return { paths: null };
    list = unwrap(paths.value);
  }
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return { paths: null };
  const paths: string[] = [];
  for (const element of list.elements) {
    const text = element && element.type !== AST_NODE_TYPES.SpreadElement ? staticString(element, sourceCode) : null;
    if (text === null) return { paths: null };
    paths.push(text);
  }
  return { paths };
}

/**
 * Whether the redactions cover a structured value at `path` (object keys from the logged
 * argument): a redacted path ends with its key or a wildcard, or the paths are not known. A whole
 * object (`req.body`) counts as covered by any redaction, whose paths are meant for what it holds.
 */
export function isRedacted(redactions: readonly Redaction[], path: readonly string[] | null, whole: boolean): boolean {
  if (path === null || redactions.length === 0) return false;
  if (whole) return true;
  const key = path[path.length - 1];
  if (key === undefined) return false;
  return redactions.some(
    (r) =>
      r.paths === null ||
      r.paths.some((p) => {
        const last = p.split(/[.[\]"']+/).filter(Boolean).pop();
        return last === '*' || last?.toLowerCase() === key.toLowerCase();
      }),
  );
}
