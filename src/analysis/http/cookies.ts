/**
 * Cookie writes and session middleware: which call writes which cookie, with which options, and
 * whether each protecting attribute (`httpOnly`, `secure`, `sameSite`) is set, turned off, left
 * out or not known; whether the cookie is a session or authentication cookie.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, getProperty, memberName, propertyName, unwrap, wrappedParent } from '../core/ast.js';
import { perNodeCache, type SourceCode } from '../core/cache.js';
import { isEnvironmentTest } from '../core/environment.js';
import { fromModule, resolveModule, type ModuleRef } from '../core/modules.js';
import { isTokenName, nameWords } from '../core/names.js';
import { assignedMembers, isObjectOpen, resolveObject, resolveValueNode } from '../core/object-values.js';
import { quotedAny } from '../core/source-text.js';
import { staticString, staticValue, stringComposition } from '../core/static-value.js';
import {
  COOKIE_SERIALIZE_MODULES,
  COOKIE_WRITE_METHODS,
  COOKIE_WRITERS,
  COOKIES_PACKAGE_MODULES,
  HEADER_WRITE_METHODS,
  HEADERS_OBJECT_METHODS,
  HONO_COOKIE_FUNCTIONS,
  HONO_COOKIE_MODULES,
  NEXT_COOKIE_MODULES,
  PREFERENCE_COOKIE_WORDS,
  COOKIE_NAME_QUALIFIERS,
  RESPONSE_NAMES,
  SESSION_COOKIE_ANYWHERE,
  SESSION_COOKIE_HEADS,
  SESSION_MODULES,
  type CookieAttribute,
  type CookieDefaults,
  type CookieWriter,
  type SessionModule,
} from '../../catalog/cookies.js';

type Node = TSESTree.Node;

/**
 * What the options say about one attribute:
 * - `on`: set (a true value, a non-`none` `sameSite`, `secure: 'auto'`, or a value that depends on
 *   the deployment environment: `secure: process.env.NODE_ENV === 'production'`);
 * - `off`: set to `false` (or `undefined`/`null`);
 * - `absent`: not among the options, which are all visible;
 * - `unknown`: computed, or the options may hold keys this file does not show.
 */
export type AttributeState = 'on' | 'off' | 'absent' | 'unknown';

export const COOKIE_ATTRIBUTES: readonly CookieAttribute[] = ['httpOnly', 'secure', 'sameSite'];

export interface CookieOptions {
  /** The object literal the options are read from; null when none was given or it is not visible. */
  object: TSESTree.ObjectExpression | null;
  states: Record<CookieAttribute, AttributeState>;
  /** The property written for each attribute, when it is written in `object` itself. */
  properties: Record<CookieAttribute, TSESTree.Property | null>;
  /** `sameSite: 'none'`. */
  sameSiteNone: boolean;
  /** `maxAge: 0`, `expires: new Date(0)`: the write removes the cookie. */
  clears: boolean;
}

export interface CookieWrite {
  writer: CookieWriter;
  call: TSESTree.CallExpression;
  /** The call as written, for messages: `res.cookie()`, `ctx.cookies.set()`. */
  label: string;
  /** The cookie name: an expression, or the static text of a `Set-Cookie` header. */
  name: Node | null;
  nameText: string | null;
  value: Node | null;
  /** The options argument, when the call has one. */
  optionsArg: Node | null;
  /** Where a missing options argument goes (its index), or -1 when one cannot be added. */
  optionsIndex: number;
  options: CookieOptions | null;
  /** For a `Set-Cookie` header written as one literal or template: the node and its text. */
  headerText?: { node: TSESTree.Literal | TSESTree.TemplateLiteral };
}

const EMPTY_STATES = (): Record<CookieAttribute, AttributeState> => ({ httpOnly: 'absent', secure: 'absent', sameSite: 'absent' });
const NO_PROPERTIES = (): Record<CookieAttribute, TSESTree.Property | null> => ({ httpOnly: null, secure: null, sameSite: null });

function isMember(node: Node): node is TSESTree.MemberExpression {
  return node.type === AST_NODE_TYPES.MemberExpression;
}

/** `res`, `response`, `ctx.res`, `this.res`, `res.status(200)`: an object named like a response, through chained setters. */
function isResponseObject(node: Node): boolean {
  let current = unwrap(node);
  for (let steps = 0; current.type === AST_NODE_TYPES.CallExpression && steps < 8; steps++) {
    const callee = unwrap(current.callee);
    if (!isMember(callee)) return false;
    current = unwrap(callee.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) return RESPONSE_NAMES.has(current.name);
  if (isMember(current)) {
    const name = memberName(current);
    return name !== null && RESPONSE_NAMES.has(name);
  }
  return false;
}

function argument(call: TSESTree.CallExpression, index: number): Node | null {
  const arg = call.arguments[index];
  return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : null;
}

/** True when a spread comes before `index` in the argument list: positions are not known. */
function spreadBefore(call: TSESTree.CallExpression, index: number): boolean {
  return call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement);
}

/** Files that may load a writer resolved by import: only these pay for `resolveModule` on `set()` calls and bare calls. */
const mayLoadFunctionWriter = quotedAny([...HONO_COOKIE_MODULES, ...COOKIE_SERIALIZE_MODULES]);
const mayLoadCookieStore = quotedAny([...NEXT_COOKIE_MODULES, ...COOKIES_PACKAGE_MODULES]);

function pathEndsWith(ref: ModuleRef | null, last: string): boolean {
  return !!ref && ref.path[ref.path.length - 1] === last;
}

/**
 * Which writer a call is, from its callee: `res.cookie`, `reply.setCookie`, `ctx.cookies.set`,
 * `cookies().set` / `response.cookies.set` (Next.js, by import), `new Cookies(req, res).set`,
 * `setCookie(c, …)` (hono/cookie), `serialize(…)` (cookie). Positions: name, value, options.
 */
function writerOf(call: TSESTree.CallExpression, sourceCode: SourceCode): { writer: CookieWriter; at: [number, number, number]; label: string; object?: boolean } | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!COOKIE_WRITE_METHODS.has(callee.name) || !mayLoadFunctionWriter(sourceCode)) return null;
    const ref = resolveModule(callee, sourceCode);
    if (!ref || ref.path.length !== 1) return null;
    const hono = HONO_COOKIE_FUNCTIONS.get(ref.path[0]!);
    if (hono !== undefined && fromModule(ref, HONO_COOKIE_MODULES)) return { writer: COOKIE_WRITERS.hono, at: [1, 2, hono], label: `${callee.name}()` };
    if (ref.path[0] === 'serialize' && fromModule(ref, COOKIE_SERIALIZE_MODULES)) return { writer: COOKIE_WRITERS.cookie, at: [0, 1, 2], label: `${callee.name}()` };
    return null;
  }
  if (!isMember(callee)) return null;
  const method = memberName(callee);
  if (method === null || !COOKIE_WRITE_METHODS.has(method)) return null;
  const receiver = unwrap(callee.object);
  if (method === 'cookie') return isResponseObject(receiver) ? { writer: COOKIE_WRITERS.express, at: [0, 1, 2], label: `${shortName(receiver)}.cookie()` } : null;
  if (method === 'setCookie') return isResponseObject(receiver) ? { writer: COOKIE_WRITERS.fastify, at: [0, 1, 2], label: `${shortName(receiver)}.setCookie()` } : null;
  if (method === 'serialize') {
    if (!mayLoadFunctionWriter(sourceCode)) return null;
    const ref = resolveModule(callee, sourceCode);
    return fromModule(ref, COOKIE_SERIALIZE_MODULES) && ref.path.length === 1 ? { writer: COOKIE_WRITERS.cookie, at: [0, 1, 2], label: 'cookie.serialize()' } : null;
  }
  if (method !== 'set') return null;
  const ref = mayLoadCookieStore(sourceCode) ? resolveModule(callee, sourceCode) : null;
  if (fromModule(ref, NEXT_COOKIE_MODULES) && ref.path.includes('cookies') && pathEndsWith(ref, 'set')) {
    return { writer: COOKIE_WRITERS.next, at: [0, 1, 2], label: ref.path[0] === 'cookies' ? 'cookies().set()' : 'response.cookies.set()', object: true };
  }
  if (fromModule(ref, COOKIES_PACKAGE_MODULES) && ref.path.includes('new') && pathEndsWith(ref, 'set')) {
    return { writer: COOKIE_WRITERS.koa, at: [0, 1, 2], label: 'cookies.set()' };
  }
  // Koa: `ctx.cookies.set(…)`.
  if (isMember(receiver) && memberName(receiver) === 'cookies') {
    const owner = unwrap(receiver.object);
    if (owner.type === AST_NODE_TYPES.Identifier && (owner.name === 'ctx' || owner.name === 'context') && !ref) {
      return { writer: COOKIE_WRITERS.koa, at: [0, 1, 2], label: `${owner.name}.cookies.set()` };
    }
  }
  return null;
}

function shortName(node: Node): string {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (isMember(target)) {
    const name = memberName(target);
    if (name !== null && RESPONSE_NAMES.has(name)) return name;
  }
  return 'res';
}

/** The attribute states an object of cookie options gives; `null` when the object is not visible. */
export function readCookieOptions(node: Node | null, sourceCode: SourceCode): CookieOptions | null {
  if (!node) return { object: null, states: EMPTY_STATES(), properties: NO_PROPERTIES(), sameSiteNone: false, clears: false };
  const object = resolveObject(node, sourceCode);
  if (!object) {
    const value = staticValue(node, sourceCode);
    // `undefined` / `null` options are no options.
    if (value && value.value == null) return readCookieOptions(null, sourceCode);
    return null;
  }
  return readObject(object, sourceCode);
}

function readObject(object: TSESTree.ObjectExpression, sourceCode: SourceCode): CookieOptions {
  const states = EMPTY_STATES();
  const properties = NO_PROPERTIES();
  let sameSiteNone = false;
  for (const attribute of COOKIE_ATTRIBUTES) {
    const found = attributeValue(object, attribute, sourceCode);
    if (found === 'unknown') {
      states[attribute] = 'unknown';
      continue;
    }
    if (!found) continue;
    properties[attribute] = found.property;
    const judged = judge(attribute, found.value, sourceCode);
    states[attribute] = judged.state;
    if (judged.none) sameSiteNone = true;
  }
  // Hono's `prefix: 'secure' | 'host'` makes the cookie `Secure`.
  if (states.secure !== 'on' && getProperty(object, 'prefix')) states.secure = 'on';
  return { object, states, properties, sameSiteNone, clears: clearsCookie(object, sourceCode) };
}

/** The value written for an attribute: its property (last wins), a later assignment, `unknown` when a spread may override it. */
function attributeValue(object: TSESTree.ObjectExpression, name: string, sourceCode: SourceCode): { property: TSESTree.Property | null; value: Node } | 'unknown' | null {
  const assigned = assignedMembers(object, sourceCode);
  if (assigned.members.has(name)) {
    const value = assigned.members.get(name);
    return value ? { property: null, value } : 'unknown';
  }
  const props = object.properties;
  let index = -1;
  for (let i = props.length - 1; i >= 0; i--) {
    const prop = props[i]!;
    if (prop.type === AST_NODE_TYPES.Property && propertyName(prop) === name) {
      index = i;
      break;
    }
  }
  if (index < 0) return isObjectOpen(object, sourceCode) ? 'unknown' : null;
  for (let i = index + 1; i < props.length; i++) {
    const prop = props[i]!;
    if (prop.type === AST_NODE_TYPES.SpreadElement || (prop.type === AST_NODE_TYPES.Property && propertyName(prop) === null)) return 'unknown';
  }
  if (assigned.open) return 'unknown';
  const property = props[index] as TSESTree.Property;
  if (property.kind !== 'init' || property.method) return 'unknown';
  return { property, value: property.value };
}

function judge(attribute: CookieAttribute, value: Node, sourceCode: SourceCode): { state: AttributeState; none: boolean } {
  const known = staticValue(value, sourceCode);
  if (!known) {
    // `secure: process.env.NODE_ENV === 'production'`, `secure: !isDev`, `sameSite: isProd ? 'none' : 'lax'`.
    if (isEnvironmentTest(value, sourceCode)) return { state: 'on', none: false };
    return { state: 'unknown', none: false };
  }
  const v = known.value;
  if (v === false || v === null || v === undefined || v === 0 || v === '') return { state: 'off', none: false };
  if (attribute === 'sameSite' && typeof v === 'string' && v.toLowerCase() === 'none') return { state: 'on', none: true };
  return { state: 'on', none: false };
}

/** `maxAge: 0` (or negative), `expires: new Date(0)` / `new Date(1)`, `expires: 0`. */
function clearsCookie(object: TSESTree.ObjectExpression, sourceCode: SourceCode): boolean {
  const maxAge = getProperty(object, 'maxAge')?.value;
  if (maxAge) {
    const v = staticValue(maxAge, sourceCode);
    if (v && typeof v.value === 'number' && v.value <= 0) return true;
  }
  const expires = getProperty(object, 'expires')?.value;
  if (expires) {
    const target = unwrap(expires);
    if (target.type === AST_NODE_TYPES.NewExpression && target.callee.type === AST_NODE_TYPES.Identifier && target.callee.name === 'Date') {
      const first = target.arguments[0];
      const v = first ? staticValue(first, sourceCode) : undefined;
      if (v && typeof v.value === 'number' && v.value <= 1000) return true;
      if (v && typeof v.value === 'string' && /1970/.test(v.value)) return true;
    }
    const v = staticValue(expires, sourceCode);
    if (v && typeof v.value === 'number' && v.value <= 1000) return true;
  }
  return false;
}

/** Whether the written value removes the cookie: `''`, `null`, `undefined`. */
export function clearsByValue(value: Node | null, sourceCode: SourceCode): boolean {
  if (!value) return false;
  const v = staticValue(value, sourceCode);
  return !!v && (v.value === '' || v.value === null || v.value === undefined);
}

/**
 * The cookie writes of a call: a writer's call, or a `Set-Cookie` header set by name
 * (`res.setHeader('Set-Cookie', …)`, one per array element). Empty when the call writes no cookie.
 */
export const cookieWrites = perNodeCache((call: TSESTree.CallExpression, sourceCode: SourceCode): CookieWrite[] => {
  const header = headerWrites(call, sourceCode);
  if (header) return header;
  const found = writerOf(call, sourceCode);
  if (!found) return [];
  const [nameAt, valueAt, optionsAt] = found.at;
  if (spreadBefore(call, optionsAt)) return [];
  let name = argument(call, nameAt);
  let value = argument(call, valueAt);
  let optionsArg = argument(call, optionsAt);
  let optionsIndex = call.arguments.length === optionsAt ? optionsAt : optionsArg ? optionsAt : -1;
  let options = readCookieOptions(optionsArg, sourceCode);
  if (found.object && name && call.arguments.length === 1) {
    // Next.js `cookies().set({ name, value, httpOnly, … })`.
    const object = resolveObject(name, sourceCode);
    if (!object) return [];
    optionsArg = name;
    optionsIndex = -1;
    options = readObject(object, sourceCode);
    name = getProperty(object, 'name')?.value ?? null;
    value = getProperty(object, 'value')?.value ?? null;
  }
  if (!name || !value) return [];
  const nameText = staticString(name, sourceCode);
  return [{ writer: found.writer, call, label: found.label, name, nameText, value, optionsArg, optionsIndex, options }];
});

/**
 * `res.setHeader('Set-Cookie', 'sid=…; HttpOnly')`, `headers.append('Set-Cookie', …)`, and the
 * `Set-Cookie` key of `res.writeHead(200, { 'Set-Cookie': … })`: one write per cookie text.
 */
function headerWrites(call: TSESTree.CallExpression, sourceCode: SourceCode): CookieWrite[] | null {
  const callee = unwrap(call.callee);
  if (!isMember(callee)) return null;
  const method = memberName(callee);
  if (method === null) return null;
  if (HEADERS_OBJECT_METHODS.has(method)) {
    const cookieValue = setCookieInHeaders(call, sourceCode);
    return cookieValue ? cookieTexts(call, cookieValue, sourceCode) : null;
  }
  if (!HEADER_WRITE_METHODS.has(method)) return null;
  const first = argument(call, 0);
  const second = argument(call, 1);
  if (!first || !second || call.arguments.length !== 2) return null;
  const headerName = staticString(first, sourceCode);
  if (headerName === null || headerName.toLowerCase() !== 'set-cookie') return null;
  return cookieTexts(call, second, sourceCode);
}

/** The value of the `Set-Cookie` key (any case) of the headers object `writeHead(status, [message], headers)` is given. */
function setCookieInHeaders(call: TSESTree.CallExpression, sourceCode: SourceCode): Node | null {
  if (call.arguments.length < 2 || call.arguments.length > 3 || call.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const headers = resolveObject(call.arguments[call.arguments.length - 1]!, sourceCode);
  if (!headers) return null;
  for (const property of headers.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyName(property);
    if (key !== null && key.toLowerCase() === 'set-cookie') return property.value;
  }
  return null;
}

/** One write per cookie text of a `Set-Cookie` value: a text, or an array of them. */
function cookieTexts(call: TSESTree.CallExpression, second: Node, sourceCode: SourceCode): CookieWrite[] {
  const target = unwrap(second);
  const texts = target.type === AST_NODE_TYPES.ArrayExpression ? target.elements : [target];
  const writes: CookieWrite[] = [];
  for (const element of texts) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
    const write = headerWrite(call, element, sourceCode);
    if (write) writes.push(write);
  }
  return writes;
}

function headerWrite(call: TSESTree.CallExpression, text: Node, sourceCode: SourceCode): CookieWrite | null {
  const composition = stringComposition(text, sourceCode);
  if (!composition.exact || composition.parts.length === 0) return null;
  const firstPart = composition.parts[0]!;
  if (firstPart.kind !== 'static') return null;
  const eq = firstPart.value.indexOf('=');
  if (eq <= 0) return null;
  const nameText = firstPart.value.slice(0, eq).trim();
  const valueText = firstPart.value.slice(eq + 1);
  // The value: a dynamic part right after `name=`, when the static text holds nothing else before `;`.
  const second = composition.parts[1];
  const value = valueText.split(';')[0] === '' && second?.kind === 'dynamic' ? second.node : null;
  // Attributes: the static text after the value's `;`; a dynamic part among them may add any.
  const whole = composition.parts.map((p) => (p.kind === 'static' ? p.value : '\u0000')).join('');
  const semicolon = whole.indexOf(';');
  const attributes = semicolon < 0 ? '' : whole.slice(semicolon + 1);
  if (attributes.includes('\u0000')) return null;
  const lower = attributes.toLowerCase();
  const states = EMPTY_STATES();
  const pieces = lower.split(';').map((p) => p.trim());
  if (pieces.includes('httponly')) states.httpOnly = 'on';
  if (pieces.includes('secure')) states.secure = 'on';
  const sameSite = pieces.find((p) => p.startsWith('samesite'));
  if (sameSite) states.sameSite = 'on';
  const clears = pieces.some((p) => p === 'max-age=0' || /^max-age=-/.test(p) || (p.startsWith('expires=') && p.includes('1970')));
  const target = unwrap(text);
  const literal = target.type === AST_NODE_TYPES.Literal || target.type === AST_NODE_TYPES.TemplateLiteral ? target : null;
  return {
    writer: COOKIE_WRITERS.header,
    call,
    label: 'a Set-Cookie header',
    name: text,
    nameText,
    value: value ?? (valueText.split(';')[0] === '' ? null : text),
    optionsArg: null,
    optionsIndex: -1,
    options: { object: null, states, properties: NO_PROPERTIES(), sameSiteNone: !!sameSite && /samesite\s*=\s*none/.test(sameSite), clears: clears || (valueText.split(';')[0] === '' && !second) },
    ...(literal ? { headerText: { node: literal } } : {}),
  };
}

export type CookieKind = 'session' | 'preference' | 'unknown';

/** Whether the words of a name make the cookie a session/auth cookie (by its head word), a preference, or neither. */
function kindOfName(name: string): CookieKind {
  const words = nameWords(name);
  if (words.some((w) => PREFERENCE_COOKIE_WORDS.has(w))) return 'preference';
  if (words.some((w) => SESSION_COOKIE_ANYWHERE.has(w))) return 'session';
  let end = words.length;
  while (end > 1 && COOKIE_NAME_QUALIFIERS.has(words[end - 1]!)) end--;
  const head = words[end - 1];
  if ((head !== undefined && SESSION_COOKIE_HEADS.has(head)) || isTokenName(name)) return 'session';
  return 'unknown';
}

/** The words a name expression is written with: `SESSION_COOKIE`, `config.auth.cookieName`, `this.cookieName`. */
function expressionName(node: Node): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (isMember(target)) {
    const parts: string[] = [];
    let current: Node = target;
    while (isMember(current)) {
      const name = memberName(current);
      if (name === null) return null;
      parts.unshift(name);
      current = unwrap(current.object);
    }
    if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
    return parts.join('.');
  }
  return null;
}

const GENERATORS: readonly { modules: readonly string[]; names: ReadonlySet<string> }[] = [
  { modules: ['crypto'], names: new Set(['randomBytes', 'randomUUID']) },
  { modules: ['jsonwebtoken', '@nestjs/jwt'], names: new Set(['sign', 'signAsync']) },
  { modules: ['uuid'], names: new Set(['v4', 'v7']) },
  { modules: ['nanoid'], names: new Set(['nanoid']) },
];

/** Whether a value is a token or session id: named like one, signed with a JWT library, or random bytes / a UUID. */
function isTokenValue(value: Node, sourceCode: SourceCode): boolean {
  const name = expressionName(value)?.split('.').pop() ?? null;
  if (name !== null && kindOfName(name) === 'session') return true;
  const resolved = resolveValueNode(value, sourceCode);
  if (!resolved) return false;
  let target = unwrap(resolved);
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = unwrap(target.argument);
  // `randomBytes(32).toString('hex')`
  for (let steps = 0; target.type === AST_NODE_TYPES.CallExpression && steps < 4; steps++) {
    const callee = unwrap(target.callee);
    const ref = resolveModule(callee, sourceCode);
    if (ref) {
      const names = ref.path.filter((step) => step !== '()' && step !== 'new');
      return GENERATORS.some((g) => fromModule(ref, g.modules) && names.some((n) => g.names.has(n)));
    }
    if (!isMember(callee)) return false;
    // The Web Crypto global: `crypto.randomUUID()`.
    const object = unwrap(callee.object);
    if (memberName(callee) === 'randomUUID' && object.type === AST_NODE_TYPES.Identifier && object.name === 'crypto') return true;
    target = unwrap(callee.object);
  }
  return false;
}

/** Whether the cookie a write sets is a session or authentication cookie, by its name, else by its value. */
export function cookieKind(write: CookieWrite, sourceCode: SourceCode): CookieKind {
  if (write.nameText !== null) {
    const kind = kindOfName(write.nameText);
    if (kind !== 'unknown') return kind;
  } else if (write.name) {
    const name = expressionName(write.name);
    const kind = name === null ? 'unknown' : kindOfName(name);
    if (kind !== 'unknown') return kind;
  }
  if (write.value && write.value !== write.name && isTokenValue(write.value, sourceCode)) return 'session';
  return 'unknown';
}

/** The attributes a write leaves off: turned off, or left out where the writer does not set them. */
export function missingAttributes(options: CookieOptions, defaults: CookieDefaults, reportMissing: readonly CookieAttribute[] = COOKIE_ATTRIBUTES): CookieAttribute[] {
  const missing: CookieAttribute[] = [];
  for (const attribute of COOKIE_ATTRIBUTES) {
    const state = options.states[attribute];
    if (state === 'off') missing.push(attribute);
    else if (state === 'absent' && defaults[attribute] === 'off' && reportMissing.includes(attribute)) missing.push(attribute);
  }
  return missing;
}

/** `sameSite: 'none'` while `secure` is not on: browsers reject the cookie or send it cross-site over HTTP. */
export function noneWithoutSecure(options: CookieOptions, defaults: CookieDefaults): boolean {
  if (!options.sameSiteNone) return false;
  const secure = options.states.secure;
  return secure === 'off' || (secure === 'absent' && defaults.secure === 'off');
}

export interface SessionMiddleware {
  library: SessionModule;
  call: TSESTree.CallExpression;
  /** The options argument, when given. */
  optionsArg: Node | null;
  /** The visible options object; null when there is none (or it is not visible: then `visible` is false). */
  object: TSESTree.ObjectExpression | null;
  visible: boolean;
  /** The cookie options: under `cookie`, or the top level. Null when they are not visible. */
  cookie: CookieOptions | null;
  /** The `cookie` property's value, when it is an object written in the options. */
  cookieObject: TSESTree.ObjectExpression | null;
  /** Whether a name option is given (or may be). */
  named: boolean;
}

/**
 * A session middleware call: `session(opts)` of express-session, cookie-session or koa-session
 * (koa-session: `session(opts, app)` or `session(app, opts)`), or `app.register(plugin, opts)` of
 * @fastify/session and @fastify/secure-session; resolved by import.
 */
export const sessionMiddleware = perNodeCache((call: TSESTree.CallExpression, sourceCode: SourceCode): SessionMiddleware | null => {
  const callee = unwrap(call.callee);
  let library: SessionModule | undefined;
  let optionsArg: Node | null = null;
  if (isMember(callee) && memberName(callee) === 'register') {
    const plugin = argument(call, 0);
    if (!plugin) return null;
    const ref = resolveModule(plugin, sourceCode);
    library = SESSION_MODULES.find((m) => m.kind === 'plugin' && fromModule(ref, m.modules) && (ref!.path.length === 0 || (ref!.path.length === 1 && ref!.path[0] !== '()')));
    optionsArg = argument(call, 1);
  } else {
    const ref = resolveModule(callee, sourceCode);
    if (!ref || ref.path.length > 1 || (ref.path.length === 1 && ref.path[0] === '()')) return null;
    library = SESSION_MODULES.find((m) => m.kind === 'call' && fromModule(ref, m.modules));
    if (!library) return null;
    if (ref.path.length === 1 && !['default', 'session', 'cookieSession', 'createSession'].includes(ref.path[0]!)) return null;
    if (call.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
    // koa-session: `session(app)`, `session(opts, app)`, `session(app, opts)`.
    optionsArg = argument(call, 0);
    if (library.label === 'koa-session' && call.arguments.length === 2) {
      const first = optionsArg && resolveObject(optionsArg, sourceCode);
      optionsArg = first ? optionsArg : argument(call, 1);
    } else if (library.label === 'koa-session' && optionsArg && !resolveObject(optionsArg, sourceCode) && optionsArg.type === AST_NODE_TYPES.Identifier && optionsArg.name === 'app') {
      optionsArg = null;
    }
  }
  if (!library) return null;
  let object: TSESTree.ObjectExpression | null = null;
  if (optionsArg) {
    object = resolveObject(optionsArg, sourceCode);
    if (!object) return { library, call, optionsArg, object: null, visible: false, cookie: null, cookieObject: null, named: true };
  }
  const open = object ? isObjectOpen(object, sourceCode) : false;
  const named = !object ? false : open || library.nameOptions.some((n) => attributeValue(object, n, sourceCode) !== null);
  let cookie: CookieOptions | null;
  let cookieObject: TSESTree.ObjectExpression | null = null;
  if (library.cookie === 'top-level') {
    cookie = object ? readObject(object, sourceCode) : readCookieOptions(null, sourceCode);
  } else if (!object) {
    cookie = readCookieOptions(null, sourceCode);
  } else {
    const found = attributeValue(object, 'cookie', sourceCode);
    if (found === 'unknown') cookie = null;
    else if (!found) cookie = readCookieOptions(null, sourceCode);
    else if (writesInside(object, 'cookie', sourceCode)) cookie = null;
    else {
      cookieObject = resolveObject(found.value, sourceCode);
      cookie = readCookieOptions(found.value, sourceCode);
      if (cookieObject && found.property && unwrap(found.property.value) !== cookieObject) cookieObject = null;
    }
  }
  return { library, call, optionsArg, object, visible: true, cookie, cookieObject, named };
});

/**
 * Whether the options are changed through the variable they are bound to, inside one of their
 * members: `sess.cookie.secure = true` (the express-session documentation's production switch).
 */
function writesInside(object: TSESTree.ObjectExpression, key: string, sourceCode: SourceCode): boolean {
  const declarator = wrappedParent(object);
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, declarator.id);
  for (const ref of variable?.references ?? []) {
    const member = wrappedParent(ref.identifier);
    if (!member || !isMember(member) || unwrap(member.object) !== ref.identifier || memberName(member) !== key) continue;
    const inner = wrappedParent(member);
    if (!inner || !isMember(inner) || unwrap(inner.object) !== member) continue;
    const outer = wrappedParent(inner);
    if (outer?.type === AST_NODE_TYPES.AssignmentExpression && unwrap(outer.left) === inner) return true;
  }
  return false;
}
