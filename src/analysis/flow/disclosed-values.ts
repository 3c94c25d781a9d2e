/**
 * What a value written out as text or structured data discloses: credentials and sensitive fields
 * by name (`password`, `user.apiKey`, `{ token }`, `req.headers.authorization`,
 * `req.get('authorization')`), and whole client request containers (`req.body`, `req.headers`,
 * `req.cookies`), seen through templates, concatenation, object and array literals, spreads,
 * `JSON.stringify`, `String()`, `util.inspect`/`format` and `const` variables. Quantities, flags and
 * derived values (`password.length`, `!!token`, `token.type`, `mask(token)`, `token.slice(0, 4)`)
 * disclose nothing.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, isGlobalReference, memberName, propertyName, shortText, singleValue, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { resolveModule } from '../core/modules.js';
import { isDisclosingName, nameWords } from '../core/names.js';
import { staticString } from '../core/static-value.js';
import { requestSource } from '../http/request-sources.js';
import { hasNonTextType, isNumericExpression } from './numeric-value.js';

type Node = TSESTree.Node;

export interface DisclosedValue {
  /** `secret`: a credential or sensitive field by name; `request`: a whole request container. */
  kind: 'secret' | 'request';
  /** Where the value is written (the expression, or the property holding it). */
  node: Node;
  /** Source text naming it, for messages: `password`, `req.headers.authorization`, `req.body`. */
  text: string;
  /**
   * The object keys from the written value down to this one (`{ user: { password } }` gives
   * `['user', 'password']`, the value itself `[]`), or null when it is inserted into text, where
   * no key-based redaction can reach it.
   */
  path: readonly string[] | null;
}

/** Request properties that hold everything the client sent in one part of the request. */
const REQUEST_CONTAINERS = new Set(['body', 'headers', 'header', 'cookies', 'signedCookies', 'rawHeaders']);
/** Request methods that return the whole body (Next.js / Web `request.json()`, Hono `c.req.parseBody()`). */
const BODY_METHODS = new Set(['json', 'formData', 'parseBody', 'text']);
/** Header getters: `req.get('authorization')`, `req.header('cookie')`, `headers.get('x-api-key')`, `ctx.get(…)`. */
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);
/** Methods that return their receiver's text unchanged in substance. */
const TEXT_PRESERVING_METHODS = new Set(['toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'valueOf', 'normalize', 'toJSON']);
/** Functions that write their arguments out whole: `JSON.stringify(x)`, `String(x)`, `util.inspect(x)`, `util.format(f, …)`, `Buffer.from(x)`. */
const WRITING_FUNCTIONS = new Set(['stringify', 'String', 'inspect', 'format', 'from', 'concat']);
/** Properties of a value that are quantities or descriptions of it, never its content. */
const DESCRIPTIVE_PROPERTIES = new Set(['length', 'size', 'byteLength', 'type', 'name', 'constructor', 'prototype']);
const MAX_DEPTH = 8;

/**
 * The credentials, sensitive fields and whole request containers `node` writes when it is output,
 * in source order. Empty when it discloses none of them, or when its shape is unknown.
 */
export function disclosedValues(node: Node, sourceCode: SourceCode): DisclosedValue[] {
  const found: DisclosedValue[] = [];
  visit(node, sourceCode, [], 0, found);
  return found;
}

function visit(raw: Node, sourceCode: SourceCode, path: readonly string[] | null, depth: number, out: DisclosedValue[]): void {
  if (depth > MAX_DEPTH) return;
  const node = unwrap(raw);
  const next = (child: Node | null | undefined, childPath: readonly string[] | null = path): void => {
    if (child && child.type !== AST_NODE_TYPES.SpreadElement) visit(child, sourceCode, childPath, depth + 1, out);
  };
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      for (const expression of node.expressions) next(expression, null);
      return;
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator === '+') {
        next(node.left, null);
        next(node.right, null);
      }
      return;
    case AST_NODE_TYPES.LogicalExpression:
      // `a && b` is `a` only when `a` is falsy, which discloses nothing.
      if (node.operator !== '&&') next(node.left);
      next(node.right);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      next(node.consequent);
      next(node.alternate);
      return;
    case AST_NODE_TYPES.AwaitExpression:
      next(node.argument);
      return;
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of node.elements) next(element, path && [...path, '*']);
      return;
    case AST_NODE_TYPES.ObjectExpression:
      objectValues(node, sourceCode, path, depth, out);
      return;
    case AST_NODE_TYPES.Identifier:
      identifierValue(node, sourceCode, path, depth, out);
      return;
    case AST_NODE_TYPES.MemberExpression:
      memberValue(node, sourceCode, path, out);
      return;
    case AST_NODE_TYPES.CallExpression:
      callValue(node, sourceCode, path, depth, out);
      return;
    default:
      return;
  }
}

function objectValues(
  node: TSESTree.ObjectExpression,
  sourceCode: SourceCode,
  path: readonly string[] | null,
  depth: number,
  out: DisclosedValue[],
): void {
  for (const prop of node.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) {
      visit(prop.argument, sourceCode, path, depth + 1, out);
      continue;
    }
    const key = propertyName(prop);
    const childPath = path && key !== null ? [...path, key] : null;
    const before = out.length;
    visit(prop.value, sourceCode, childPath, depth + 1, out);
    if (out.length > before || key === null || !isDisclosingName(key)) continue;
    // `{ token: t }`, `{ password: input.pw }`: the key says what the value is. Literals, flags,
    // quantities and computed results (`{ token: '***' }`, `{ token: !!t }`, `{ token: mask(t) }`) are not it.
    const value = unwrap(prop.value);
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
      if (isNumericExpression(value, sourceCode) || hasNonTextType(value, sourceCode) || isDescriptive(value)) continue;
      if (namesDescriptor(value)) continue;
      if (value.type === AST_NODE_TYPES.Identifier && (value.name === 'undefined' || isModuleValue(value, sourceCode))) continue;
      out.push({ kind: 'secret', node: prop, text: key, path: childPath });
    }
  }
}

function identifierValue(
  node: TSESTree.Identifier,
  sourceCode: SourceCode,
  path: readonly string[] | null,
  depth: number,
  out: DisclosedValue[],
): void {
  const variable = findVar(sourceCode, node);
  const value = variable ? singleValue(variable) : null;
  if (isDisclosingName(node.name)) {
    if (hasNonTextType(node, sourceCode) || isModuleValue(node, sourceCode)) return;
    // `const token = mask(raw)`, `const password = '***'`, `const token = !!header`: named so, but not the value.
    if (value && value.path.length === 0 && !carriesValue(value.init, sourceCode)) return;
    out.push({ kind: 'secret', node, text: node.name, path });
    return;
  }
  if (!value || value.path.length > 0) return;
  // `const msg = \`token ${token}\``, `const meta = { password }`, `const body = req.body`: judged by what it holds.
  const before = out.length;
  visit(value.init, sourceCode, path, depth + 1, out);
  for (let i = before; i < out.length; i++) out[i] = { ...out[i]!, node };
}

/**
 * Whether a value bound to a credential's name is the credential itself, not a quantity, flag,
 * literal or transformed copy of it: `req.body.password`, `await getToken()`, `jwt.sign(p, k)`,
 * `header.split(' ')[1]` are; `'***'`, `!!t`, `t.length`, `mask(t)`, `hash(p)` are not.
 */
function carriesValue(init: Node, sourceCode: SourceCode): boolean {
  const node = unwrap(init);
  if (isNumericExpression(node, sourceCode)) return false;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length > 0;
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+';
    case AST_NODE_TYPES.MemberExpression:
      return !isNumericExpression(node, sourceCode) && !isDescriptive(node);
    case AST_NODE_TYPES.AwaitExpression:
      return carriesValue(node.argument, sourceCode);
    case AST_NODE_TYPES.CallExpression: {
      const name = calleeName(node);
      return name === null || !nameWords(name).some((word) => TRANSFORMING_WORDS.has(word));
    }
    default:
      return true;
  }
}

/** Calls whose result is derived from the credential, not the credential: masking, hashing, checks, counts. */
const TRANSFORMING_WORDS = new Set(
  `mask masked redact redacted censor obfuscate anonymize anonymise truncate hide preview fingerprint digest hash hashed
  encrypt encrypted compare verify validate check is has count length boolean number require substring
  slice substr includes starts ends test sanitize sanitise strip shorten abbreviate`.split(/\s+/),
);

function memberValue(node: TSESTree.MemberExpression, sourceCode: SourceCode, path: readonly string[] | null, out: DisclosedValue[]): void {
  const name = memberName(node);
  if (name === null) return;
  if (name === 'env' && isProcessGlobal(node.object, sourceCode)) {
    // `process.env` whole: every secret the deployment configures.
    out.push({ kind: 'secret', node, text: 'process.env', path });
    return;
  }
  if (REQUEST_CONTAINERS.has(name) && requestSource(node, sourceCode)) {
    out.push({ kind: 'request', node, text: shortText(sourceCode, node), path });
    return;
  }
  if (!isDisclosingName(name) || isNumericExpression(node, sourceCode)) return;
  out.push({ kind: 'secret', node, text: shortText(sourceCode, node), path });
}

function callValue(node: TSESTree.CallExpression, sourceCode: SourceCode, path: readonly string[] | null, depth: number, out: DisclosedValue[]): void {
  const callee = unwrap(node.callee);
  const name = calleeName(node);
  if (name === null) return;
  const first = node.arguments[0];
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    if (HEADER_GETTERS.has(name) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
      // `req.get('authorization')`, `request.headers.get('cookie')`, `config.get('jwtSecret')`
      const key = staticString(first, sourceCode);
      if (key !== null && isDisclosingName(key)) out.push({ kind: 'secret', node, text: shortText(sourceCode, node), path });
      return;
    }
    if (BODY_METHODS.has(name) && node.arguments.length === 0 && requestSource(node, sourceCode)) {
      out.push({ kind: 'request', node, text: shortText(sourceCode, node), path });
      return;
    }
    if (TEXT_PRESERVING_METHODS.has(name)) {
      visit(callee.object, sourceCode, null, depth + 1, out);
      return;
    }
  }
  if (WRITING_FUNCTIONS.has(name)) {
    for (const arg of node.arguments) {
      if (arg.type !== AST_NODE_TYPES.SpreadElement) visit(arg, sourceCode, null, depth + 1, out);
    }
  }
}

/** Last words of a value's own name that make it a description of a credential: `{ token: tokenId }`, `{ key: keyPrefix }`. */
const DESCRIPTOR_HEADS = new Set(
  'id ids uuid guid count length size type kind name names prefix suffix hint preview masked expiry expires status state present enabled'.split(' '),
);

function namesDescriptor(node: Node): boolean {
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? memberName(node) : null;
  if (name === null) return false;
  const words = nameWords(name);
  return words.length > 0 && DESCRIPTOR_HEADS.has(words[words.length - 1]!);
}

/** `token.type`, `secret.name`, `password.length`: what the value is, not what it holds. */
function isDescriptive(node: Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && DESCRIPTIVE_PROPERTIES.has(memberName(node) ?? '');
}

function isProcessGlobal(node: Node, sourceCode: SourceCode): boolean {
  const object = unwrap(node);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'process' && isGlobalReference(sourceCode, object);
}

/** `const jwt = require('jsonwebtoken')`: a module, not a token. */
function isModuleValue(node: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const ref = resolveModule(node, sourceCode);
  return !!ref && ref.path.length === 0;
}
