import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isGlobalReference, memberName, singleValue, unwrap, wrappedParent } from '../core/ast.js';
import { perNodeCache, type SourceCode } from '../core/cache.js';
import { isModulePath, resolveModule, type ModuleRef } from '../core/modules.js';
import { includesAny, quotedAny, textGate } from '../core/source-text.js';
import { CRYPTO_CALL_NAMES, CRYPTO_ENTRIES, type CryptoEntry } from '../../catalog/crypto.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** A call of a cryptography library function listed in `catalog/crypto.ts`. */
export interface CryptoCall {
  node: TSESTree.CallExpression;
  entry: CryptoEntry;
  /** The module the function was resolved to (`crypto` for `node:crypto` and the Web Crypto global). */
  module: string;
  /** The function's export path in the module (`['createHash']`, `['AES', 'encrypt']`, `[]`). */
  path: readonly string[];
  /** The arguments up to the first spread: what sits at each position is known only before it. */
  args: readonly Expression[];
  /** True when the function is the Web Crypto global (`crypto.subtle`), not an import. */
  global: boolean;
}

/**
 * Every module an entry names, also with the `node:` prefix `normalizeModule` drops: a call
 * resolves to one only when the file spells its name as a whole string literal (an import source,
 * `require('…')`, `import('…')`, `getBuiltinModule('…')`).
 */
const CRYPTO_MODULES = [...new Set(CRYPTO_ENTRIES.flatMap((entry) => entry.modules))];
const quotesCryptoModule = quotedAny([...CRYPTO_MODULES, ...CRYPTO_MODULES.map((name) => `node:${name}`)]);
/** The Web Crypto global's `subtle` (`crypto.subtle.digest`), which needs no import. */
const mayNameSubtle = textGate(includesAny(['subtle']));

/** False when nothing in the file can load a cryptography library this module knows: no quoted crypto module, no `subtle`. */
export function mayUseCrypto(sourceCode: SourceCode): boolean {
  return quotesCryptoModule(sourceCode) || mayNameSubtle(sourceCode);
}

/**
 * The calls `cryptoCall` can match, as an ESLint selector: a plain function (`md5(x)`, a
 * destructured `createHash`), a method named like a catalogue entry's function, a computed or
 * private member, and any callee `unwrap` has to see through. Listening on it instead of every
 * `CallExpression` leaves the answers as they are.
 */
export const CRYPTO_CALL_SELECTOR =
  'CallExpression:matches(' +
  '[callee.type="Identifier"], ' +
  `[callee.type="MemberExpression"][callee.property.name=/^(?:${[...CRYPTO_CALL_NAMES].join('|')})$/], ` +
  '[callee.type="MemberExpression"][callee.computed=true], ' +
  '[callee.type="MemberExpression"]:not([callee.property.type="Identifier"]), ' +
  ':not([callee.type="Identifier"]):not([callee.type="MemberExpression"]))';

const matchCached = perNodeCache(match);

/**
 * Is this a call of node `crypto` (also `node:crypto`, `crypto.webcrypto` and the Web Crypto
 * global's `crypto.subtle.digest`), bcrypt, argon2, crypto-js or a digest package, resolved by
 * import? Functions wrapped in `util.promisify` are followed. Null for anything else.
 */
export function cryptoCall(node: TSESTree.CallExpression, sourceCode: SourceCode): CryptoCall | null {
  return matchCached(node, sourceCode);
}

function match(node: TSESTree.CallExpression, sourceCode: SourceCode): CryptoCall | null {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name === null || !CRYPTO_CALL_NAMES.has(name)) return null;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  let ref = resolveModule(callee, sourceCode);
  let global = false;
  const webCrypto = ref ? null : webCryptoMethod(callee, sourceCode);
  if (webCrypto) {
    ref = { module: 'crypto', path: ['subtle', webCrypto] };
    global = true;
  }
  if (!ref || isModulePath(ref, ['util'], ['promisify', '()'])) ref = promisified(callee, sourceCode);
  if (!ref) return null;
  const entry = entryFor(ref);
  if (!entry) return null;
  const args: Expression[] = [];
  for (const arg of node.arguments) {
    if (arg.type === AST_NODE_TYPES.SpreadElement) break;
    args.push(arg);
  }
  return { node, entry, module: ref.module, path: ref.path, args, global };
}

function entryFor(ref: ModuleRef): CryptoEntry | null {
  for (const entry of CRYPTO_ENTRIES) {
    if (!entry.modules.includes(ref.module)) continue;
    if (entry.paths.some((path) => path.length === ref.path.length && path.every((step, i) => step === ref.path[i]))) return entry;
  }
  return null;
}

const WEB_CRYPTO_METHODS = new Set(['digest', 'deriveBits', 'deriveKey']);

/** `crypto.subtle.digest` (`deriveBits`, `deriveKey`), also on `globalThis.crypto`, with the global `crypto`: the method's name. */
function webCryptoMethod(callee: Node, sourceCode: SourceCode): string | null {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null || !WEB_CRYPTO_METHODS.has(method)) return null;
  const subtle = unwrap(callee.object);
  if (subtle.type !== AST_NODE_TYPES.MemberExpression || memberName(subtle) !== 'subtle') return null;
  const owner = unwrap(subtle.object);
  if (owner.type === AST_NODE_TYPES.Identifier) return owner.name === 'crypto' && isGlobalReference(sourceCode, owner) ? method : null;
  if (owner.type !== AST_NODE_TYPES.MemberExpression || memberName(owner) !== 'crypto') return null;
  const root = unwrap(owner.object);
  return root.type === AST_NODE_TYPES.Identifier && ['globalThis', 'window', 'self'].includes(root.name) && isGlobalReference(sourceCode, root) ? method : null;
}

/** `const pbkdf2 = util.promisify(crypto.pbkdf2)`: the function it wraps. */
function promisified(callee: Node, sourceCode: SourceCode): ModuleRef | null {
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVar(sourceCode, callee);
  const single = variable && singleValue(variable);
  if (!single || single.path.length > 0) return null;
  const init = unwrap(single.init);
  if (init.type !== AST_NODE_TYPES.CallExpression || init.arguments.length !== 1) return null;
  const wrapped = init.arguments[0]!;
  if (wrapped.type === AST_NODE_TYPES.SpreadElement) return null;
  if (!isModulePath(resolveModule(init.callee, sourceCode), ['util'], ['promisify'])) return null;
  return resolveModule(wrapped, sourceCode);
}

/** How a call is named in messages: `crypto.createHash`, `bcrypt.hash`, `CryptoJS.AES.encrypt`, `md5()`. */
export function describeCryptoCall(call: CryptoCall): string {
  if (call.global) return `crypto.${call.path.join('.')}`;
  const owner = call.module === 'crypto-js' || call.module.startsWith('crypto-js/') ? 'CryptoJS' : call.module;
  if (call.path.length === 0) return `${owner}()`;
  if (call.module.startsWith('crypto-js/')) return `${owner}.${call.module.slice('crypto-js/'.length)}.${call.path.join('.')}`;
  return `${owner}.${call.path.join('.')}`;
}

/**
 * The values a hash or HMAC object is fed: the arguments of `.update()` calls chained on the
 * call (`createHash('sha256').update(salt).update(password)`) or on the constant it is stored in
 * (`const h = createHash('md5'); h.update(password)`).
 */
export function hashUpdates(call: CryptoCall, sourceCode: SourceCode): Expression[] {
  const values: Expression[] = [];
  const follow = (start: Node): void => {
    let current: Node = start;
    for (let i = 0; i < 20; i++) {
      const member = wrappedParent(current);
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermost(current) || memberName(member) !== 'update') return;
      const update = wrappedParent(member);
      if (update?.type !== AST_NODE_TYPES.CallExpression || update.callee !== outermost(member)) return;
      const data = update.arguments[0];
      if (data && data.type !== AST_NODE_TYPES.SpreadElement) values.push(data);
      current = update;
    }
  };
  follow(call.node);
  const holder = wrappedParent(call.node);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && holder.init && unwrap(holder.init) === call.node) {
    const variable = sourceCode.getDeclaredVariables(holder)[0];
    for (const ref of variable?.references ?? []) {
      if (ref.identifier !== holder.id) follow(ref.identifier);
    }
  }
  return values;
}

/** The node as its parent sees it: wrapped in the TS assertions and chains `unwrap` strips. */
function outermost(node: Node): Node {
  let current = node;
  while (current.parent && unwrap(current.parent) === unwrap(node) && current.parent !== current) current = current.parent;
  return current;
}

/** The data argument a one-call digest hashes: `md5(data)`, `crypto.hash(alg, data)`, `subtle.digest(alg, data)`. */
export function digestData(call: CryptoCall): Expression | null {
  if (call.entry.operation === 'digest') return (call.module === 'crypto' ? call.args[1] : call.args[0]) ?? null;
  if (call.entry.operation === 'subtle-digest') return call.args[1] ?? null;
  return null;
}

/** Methods of a cipher or decipher that return the object itself, so that calls chain on them. */
const CHAINING_METHODS = new Set(['setAAD', 'setAutoPadding', 'setAuthTag']);

/**
 * The methods called on the object a call returns (a decipher, say), when it is used right there
 * (`createDecipheriv(…).setAuthTag(tag)`) or stored in a never-reassigned variable of its own, and
 * whether it also escapes (is passed on, returned or stored elsewhere), so that rules can ask
 * whether `setAuthTag` is ever called. Null when the call is used in any other way.
 */
export function calledMethods(node: TSESTree.CallExpression, sourceCode: SourceCode): { methods: Set<string>; escapes: boolean } | null {
  const methods = new Set<string>();
  let escapes = false;
  const follow = (start: Node): void => {
    let current: Node = start;
    for (let i = 0; i < 20; i++) {
      const member = wrappedParent(current);
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermost(current)) {
        if (current === start) escapes = true;
        return;
      }
      const name = memberName(member);
      if (name === null) {
        escapes = true;
        return;
      }
      methods.add(name);
      const call = wrappedParent(member);
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermost(member) || !CHAINING_METHODS.has(name)) return;
      current = call;
    }
  };
  const holder = wrappedParent(node);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && holder.init && unwrap(holder.init) === node) {
    const variable = sourceCode.getDeclaredVariables(holder)[0];
    if (!variable || !singleValue(variable)) return null;
    for (const ref of variable.references) {
      if (ref.identifier !== holder.id) follow(ref.identifier);
    }
    return { methods, escapes };
  }
  if (holder?.type === AST_NODE_TYPES.MemberExpression) {
    follow(node);
    return { methods, escapes };
  }
  return null;
}

/** Methods of a hash object, and of a digest's result, that hand on the same digest. */
const DIGEST_CHAIN = new Set(['update', 'digest', 'toString', 'toUpperCase', 'toLowerCase']);

/**
 * The expression that holds a hash call's result: the end of its chain
 * (`createHash('sha256').update(x).digest('hex')`, `CryptoJS.SHA256(x).toString()`), and the
 * constant it is stored in, when there is one.
 */
export function digestResult(call: CryptoCall, sourceCode: SourceCode): { node: Node; variable: TSESLint.Scope.Variable | null } {
  let current: Node = call.node;
  for (let i = 0; i < 20; i++) {
    const member = wrappedParent(current);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermost(current)) break;
    const name = memberName(member);
    const next = wrappedParent(member);
    if (name === null || !DIGEST_CHAIN.has(name) || next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== outermost(member)) break;
    current = next;
  }
  const holder = wrappedParent(current);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && holder.init && unwrap(holder.init) === current) {
    return { node: current, variable: sourceCode.getDeclaredVariables(holder)[0] ?? null };
  }
  return { node: current, variable: null };
}
