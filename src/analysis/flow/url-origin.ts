/**
 * Which part of a URL built from text is fixed by the code: whether the constant text before the
 * first inserted value already settles the scheme and host (`https://api.example.com/…`) or the
 * path of a relative URL (`/users/…`), so that nothing inserted after it can send the request or
 * the browser to another origin.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isGlobalReference, memberName, propertyName, unwrap, wrappedParent, writtenValues } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { assignedMembers, resolveObject } from '../core/object-values.js';
import { staticString, stringComposition, type DynamicPart } from '../core/static-value.js';
import { HOST_KEYS, URL_KEYS } from '../../catalog/http-clients.js';
import type { SinkKind } from '../../catalog/sanitizers.js';
import { isConstrainedChoice } from './constrained-value.js';
import { localFunction, returnedExpressions } from './local-functions.js';
import { isNumericExpression } from './numeric-value.js';
import { taintOf, type Taint } from './taint.js';

type Node = TSESTree.Node;

/** `scheme://host` followed by a path, query or fragment character: the origin is settled. */
const ABSOLUTE_FIXED = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]+[/?#]/i;
/** `scheme://host` or `scheme:` (or less) with nothing after it: what follows may still change the host. */
const SCHEME_START = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Whether constant text at the start of a URL fixes its origin whatever follows:
 * - an absolute URL whose host is followed by `/`, `?` or `#` (`https://app.example.com/`);
 * - a relative path whose first `/` is followed by a character other than `/` or `\`
 *   (`/users/`, `/?q=`; not `/` alone, since `/` + `/evil.com` is `//evil.com`);
 * - a query or fragment (`?next=`, `#`), or a relative path segment (`users/`).
 */
export function prefixFixesOrigin(prefix: string): boolean {
  if (prefix === '') return false;
  if (ABSOLUTE_FIXED.test(prefix)) return true;
  if (SCHEME_START.test(prefix)) return false;
  const first = prefix[0]!;
  if (first === '?' || first === '#') return true;
  if (first === '/' || first === '\\') {
    if (prefix.length < 2) return false;
    const second = prefix[1]!;
    return second !== '/' && second !== '\\';
  }
  // `users/` + x, `page?id=` + x: a relative reference whose first segment is constant. Without any
  // `/`, `?` or `#` the inserted text may still complete a scheme (`java` + `script:`).
  return /[/?#]/.test(prefix) && !prefix.includes(':');
}

export interface OriginTaint {
  /** The value inserted where the origin (or the start of a relative path) goes. */
  node: Node;
  taint: Taint;
}

/**
 * The request-derived value that decides where a URL points: the first inserted value of the
 * composed text that stands before any constant text fixing the origin, when it derives from
 * request data. Null when the origin is fixed by constant text, or when what stands there is not
 * request data. `sink` selects the sanitizers (`encodeURIComponent` ends taint for both).
 */
export function originTaint(node: Node, sourceCode: SourceCode, sink: SinkKind, depth = 0): OriginTaint | null {
  if (depth > MAX_DEPTH) return null;
  const composition = stringComposition(node, sourceCode);
  let prefix = '';
  for (const part of composition.parts) {
    if (part.kind === 'static') {
      prefix += part.value;
      continue;
    }
    if (composition.exact && prefixFixesOrigin(prefix)) return null;
    const found = partTaint(part, sourceCode, sink, depth);
    if (found) return found;
    // A value the code supplies (configuration, a constant base) that is not request data: what
    // follows it is appended to a base the code chose. Stop when the composition is exact.
    if (composition.exact) return null;
  }
  return null;
}

/** Methods whose result starts as their receiver starts (`url.replace(…)`, `url.trim()`). */
const START_KEEPING_METHODS = new Set(['replace', 'replaceAll', 'trim', 'trimEnd', 'toString', 'concat', 'padEnd', 'normalize', 'valueOf']);
const MAX_DEPTH = 6;

function partTaint(part: DynamicPart, sourceCode: SourceCode, sink: SinkKind, depth: number): OriginTaint | null {
  const target = unwrap(part.node);
  // A variable written several times (`let url = link.href; url = url.replace(…)`): each value.
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    if (variable && variable.defs.length === 1 && variable.defs[0]!.type === 'Variable') {
      const writes = writtenValues(variable);
      if (writes.length > 1 && writes.every((w) => w.path.length === 0 && (w.operator === '=' || w.operator === '+='))) {
        for (const write of writes) {
          if (write.operator !== '=') continue;
          const found = originTaint(write.expr, sourceCode, sink, depth + 1);
          if (found) return found;
        }
        return null;
      }
    }
  }
  // `x.replace(a, b)`: the result starts as `x` starts.
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(target.callee);
    if (method !== null && START_KEEPING_METHODS.has(method)) return originTaint(target.callee.object, sourceCode, sink, depth + 1);
  }
  if (isConstrainedChoice(target, sourceCode)) return null;
  // `new URL(path, base)`: the path decides the origin when it is absolute, so only its taint counts.
  // `new Request(url, init)`: the request goes where its first argument points.
  if (
    target.type === AST_NODE_TYPES.NewExpression &&
    target.callee.type === AST_NODE_TYPES.Identifier &&
    (target.callee.name === 'URL' || (target.callee.name === 'Request' && isGlobalReference(sourceCode, target.callee)))
  ) {
    const [input] = target.arguments;
    if (!input || input.type === AST_NODE_TYPES.SpreadElement) return null;
    return originTaint(input, sourceCode, sink, depth + 1);
  }
  // An options object held in a variable (`const opts = { url }; axios(opts)`): only its URL and host keys say where the request goes.
  if (sink === 'url') {
    const object = resolveObject(target, sourceCode);
    if (object) return optionsTaint(object, sourceCode, depth + 1);
    // Options a function of the file builds (`axios(options(req.body))`): the objects it returns.
    const built = target.type === AST_NODE_TYPES.CallExpression ? builtOptions(target, sourceCode) : null;
    if (built) {
      for (const returned of built) {
        const found = optionsTaint(returned, sourceCode, depth + 1);
        if (found) return found;
      }
      return null;
    }
  }
  // `config.base + path`, which the composition could not read as text: the left side starts the URL.
  if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '+') {
    const left = originTaint(target.left, sourceCode, sink, depth + 1);
    if (left || staticString(target.left, sourceCode) === null) return left;
  }
  const taint = taintOf(target, sourceCode, { sink });
  // For a redirect the victim's browser sends the request, and its own Host; for an outbound
  // request the client sending it can write any Host header.
  if (!taint || (sink === 'redirect' && (isOwnHostSource(taint) || isOwnPathSource(taint)))) return null;
  return { node: target, taint };
}

/**
 * The request-derived value that decides where an options object sends a request: a URL key
 * (`url`, `baseURL`…) whose origin derives from request data, a host key (`host`, `hostname`) with
 * any request data, or a spread of request data (whose keys the client picks). Members assigned
 * after the literal (`opts.url = …`) count; data in other keys (`data`, `params`, `headers`) does not.
 */
export function optionsTaint(object: TSESTree.ObjectExpression, sourceCode: SourceCode, depth = 0): OriginTaint | null {
  if (depth > MAX_DEPTH) return null;
  const keyTaint = (key: string, value: Node): OriginTaint | null => {
    if (URL_KEYS.has(key)) return originTaint(value, sourceCode, 'url', depth + 1);
    if (!HOST_KEYS.has(key)) return null;
    const taint = taintOf(value, sourceCode, { sink: 'url' });
    return taint && { node: value, taint };
  };
  const { members: assigned, writes } = assignedMembers(object, sourceCode);
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) {
      const inner = resolveObject(prop.argument, sourceCode);
      const found = inner && inner !== object ? optionsTaint(inner, sourceCode, depth + 1) : spreadTaint(prop.argument, sourceCode);
      if (found) return found;
      continue;
    }
    const key = propertyName(prop);
    if (key === null) continue;
    // A key assigned later holds that value (read below), unless a write that may not run leaves this one.
    if (assigned.has(key) && (writes.get(key) ?? []).some((value) => alwaysRuns(value, object))) continue;
    const found = keyTaint(key, prop.value);
    if (found) return found;
  }
  for (const [key, value] of assigned) {
    for (const written of value ? [value] : (writes.get(key) ?? [])) {
      const found = keyTaint(key, written);
      if (found) return found;
    }
  }
  return null;
}

/** Whether the assignment whose value is `value` is a statement of the block that declares `object` (`const o = {…}; o.url = x;`), so it runs whenever the object is made. */
function alwaysRuns(value: Node, object: TSESTree.ObjectExpression): boolean {
  const declaration = wrappedParent(object)?.parent;
  const statement = value.parent?.parent;
  return !!declaration && statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent === declaration.parent;
}

/** The object literals a call of one of the file's functions returns, when it returns nothing else. */
function builtOptions(call: TSESTree.CallExpression, sourceCode: SourceCode): TSESTree.ObjectExpression[] | null {
  const fn = localFunction(call.callee, sourceCode);
  const returned = fn ? returnedExpressions(fn, sourceCode) : null;
  if (!returned || returned.length === 0) return null;
  const objects: TSESTree.ObjectExpression[] = [];
  for (const expr of returned) {
    const object = resolveObject(expr, sourceCode);
    if (!object) return null;
    objects.push(object);
  }
  return objects;
}

/** `{ ...req.body }`: the client chooses every key, the URL's among them. */
function spreadTaint(argument: Node, sourceCode: SourceCode): OriginTaint | null {
  const taint = taintOf(argument, sourceCode, { sink: 'url' });
  return taint && { node: argument, taint };
}

/**
 * The server's own host and scheme as the request states them (`req.headers.host`, `req.hostname`,
 * `req.protocol`, `ctx.origin`): the browser sends its own `Host`, so a link cannot choose it.
 * `https://${req.headers.host}${req.url}` is the upgrade-to-HTTPS redirect, not an open one.
 */
const OWN_HOST = /(?:\bhost(?:name)?\b|x-forwarded-(?:host|proto)|\bprotocol\b|\borigin\b|\bsecure\b)/i;

function isOwnHostSource(taint: Taint): boolean {
  return OWN_HOST.test(taint.source.text);
}

/**
 * The request's own path (`req.originalUrl`, `req.url`, `req.path`, `ctx.path`), not its query:
 * sending the browser back to the path it asked for (adding a trailing slash, dropping a segment)
 * keeps it on this origin.
 */
const OWN_PATH = /\.(?:originalUrl|url|path|baseUrl|pathname)\b/;
const URL_DATA = /searchParams|\bquery\b|\bparams?\b|\bbody\b|headers?\b|\bget\(/;

function isOwnPathSource(taint: Taint): boolean {
  const text = taint.source.text;
  return OWN_PATH.test(text) && !URL_DATA.test(text);
}

/**
 * The request-derived value inserted into the path of a URL whose origin the code fixes
 * (`` `https://api.example.com/users/${id}` ``, `` `${config.base}/users/${id}` ``, a relative
 * path sent to a client with a base, `{ host, path: '/users/' + id }`): `../admin` or an encoded
 * `/` there reaches other endpoints of the same service. Values after the first `?` or `#` are in
 * the query or fragment and do not count; numbers and values from a fixed set are safe, and
 * `encodeURIComponent` ends taint (`sink`). Null when the composition is not exact, or when a value
 * standing where the origin goes is not fixed text or a value the code supplies.
 */
export function pathTaint(node: Node, sourceCode: SourceCode, sink: SinkKind): OriginTaint | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.NewExpression && target.callee.type === AST_NODE_TYPES.Identifier && target.callee.name === 'URL') {
    const [input] = target.arguments;
    return input && input.type !== AST_NODE_TYPES.SpreadElement ? pathTaint(input, sourceCode, sink) : null;
  }
  const composition = stringComposition(target, sourceCode);
  if (!composition.exact) return null;
  let prefix = '';
  let based = false;
  for (const part of composition.parts) {
    if (part.kind === 'static') {
      prefix += part.value;
      if (/[?#]/.test(prefix)) return null;
      continue;
    }
    if (!based && !prefixFixesOrigin(prefix)) {
      // What stands where the origin goes: a base the code chose (`config.apiBase`) fixes it.
      if (prefix !== '' || taintOf(part.node, sourceCode, { sink })) return null;
      based = true;
      continue;
    }
    based = true;
    const value = unwrap(part.node);
    if (isNumericExpression(value, sourceCode) || isConstrainedChoice(value, sourceCode)) continue;
    const taint = taintOf(value, sourceCode, { sink });
    if (taint) return { node: value, taint };
  }
  return null;
}
