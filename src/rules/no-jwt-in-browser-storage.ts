import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  enclosingFunction,
  findVar,
  getProperty,
  isGlobalReference,
  memberName,
  propertyName,
  singleValue,
  unwrap,
  type FunctionNode,
} from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { fromModule, resolveModule, type ModuleRef } from '../analysis/core/modules.js';
import { isTokenName, nameWords } from '../analysis/core/names.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import { staticString } from '../analysis/core/static-value.js';
import { GLOBAL_OBJECTS, STORAGE_MEMBERS, STORAGE_WRITERS, WEB_STORAGE_GLOBALS, type StorageWriter } from '../catalog/browser-storage.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageIds = 'tokenInStorage';

const WRITER_NAMES = new Set<string>([
  'setItem',
  ...STORAGE_WRITERS.flatMap((w) => w.methods ?? []),
  ...STORAGE_WRITERS.filter((w) => !w.methods).map((w) => w.path[w.path.length - 1] ?? ''),
]);
const STORAGE_GLOBALS = new Set(WEB_STORAGE_GLOBALS);
// Text a file must hold for any write here to be found: a Web Storage global's name (one search for
// the part they all share, `Storage`), or a storage library's module specifier as a string literal
// (the only form a module is resolved from).
const hasStorageGlobal = includesAny(WEB_STORAGE_GLOBALS.every((g) => g.includes('Storage')) ? ['Storage'] : WEB_STORAGE_GLOBALS);
const mayNameStorageGlobal = textGate(hasStorageGlobal);
const mayLoadStorageModule = quotedAny([...new Set(STORAGE_WRITERS.flatMap((w) => w.modules))]);
const STORAGE_MEMBER_SET = new Set(STORAGE_MEMBERS);
const MAX_DEPTH = 6;
/** Words that make a key about tokens of some kind. */
const TOKEN_WORDS = new Set(['token', 'tokens', 'jwt', 'jwts', 'bearer']);

/** Anti-forgery tokens are meant to be readable by the page's own scripts. */
function isAntiForgery(name: string): boolean {
  return nameWords(name).some((w) => w === 'csrf' || w === 'xsrf');
}

function isCredentialName(name: string | null): name is string {
  return name !== null && isTokenName(name) && !isAntiForgery(name);
}

/** `TOKEN_KEY`, `AUTH_TOKEN_STORAGE_KEY`, `jwtKeyName`: a constant that names where a token is stored. */
function isTokenKeyConstantName(name: string): boolean {
  const words = nameWords(name);
  let end = words.length;
  while (end > 1 && ['key', 'name', 'storage', 'item', 'field', 'id'].includes(words[end - 1]!)) end--;
  if (end === words.length) return false;
  return isCredentialName(words.slice(0, end).join('_'));
}

/** The name of the storage a node evaluates to (`localStorage`, `window.sessionStorage`), or null. */
function webStorageName(node: Node, sourceCode: SourceCode, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    if (STORAGE_GLOBALS.has(target.name) && isGlobalReference(sourceCode, target)) return target.name;
    const variable = findVar(sourceCode, target);
    const value = variable && singleValue(variable);
    if (!value || value.path.some((k) => k === null)) return null;
    // `const { localStorage } = window`
    if (value.path.length === 1) {
      const key = value.path[0]!;
      return STORAGE_GLOBALS.has(key) && isGlobalObject(value.init, sourceCode) ? key : null;
    }
    return value.path.length === 0 ? webStorageName(value.init, sourceCode, depth + 1) : null;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    return name !== null && STORAGE_GLOBALS.has(name) && isGlobalObject(target.object, sourceCode) ? name : null;
  }
  if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    const a = webStorageName(target.consequent, sourceCode, depth + 1);
    const b = webStorageName(target.alternate, sourceCode, depth + 1);
    return a && b ? (a === b ? a : 'Web Storage') : null;
  }
  return null;
}

function isGlobalObject(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.includes(target.name) && isGlobalReference(sourceCode, target);
}

/** The name the value is known by, when it reads as a token: `token`, `res.data.accessToken`, `getJwt()`. */
function tokenValueName(node: Node, sourceCode: SourceCode, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier: {
      if (isCredentialName(target.name)) return target.name;
      const variable = findVar(sourceCode, target);
      const value = variable && singleValue(variable);
      if (!value) return null;
      const last = value.path[value.path.length - 1];
      if (last !== undefined) return isCredentialName(last) ? last : null;
      return tokenValueName(value.init, sourceCode, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(target);
      return isCredentialName(name) ? name : null;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return tokenValueName(target.argument, sourceCode, depth + 1);
    case AST_NODE_TYPES.TemplateLiteral:
      for (const expression of target.expressions) {
        const name = tokenValueName(expression, sourceCode, depth + 1);
        if (name) return name;
      }
      return null;
    case AST_NODE_TYPES.BinaryExpression:
      if (target.operator !== '+') return null;
      return tokenValueName(target.left, sourceCode, depth + 1) ?? tokenValueName(target.right, sourceCode, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return tokenValueName(target.left, sourceCode, depth + 1) ?? tokenValueName(target.right, sourceCode, depth + 1);
    case AST_NODE_TYPES.ObjectExpression:
      // `JSON.stringify({ token, user })`: an object carrying a token under a token-named key.
      for (const prop of target.properties) {
        if (prop.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyName(prop);
        if (isCredentialName(key)) return key;
      }
      return null;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      const name = calleeName(target);
      // `JSON.stringify(x)`, `String(x)`, `btoa(x)`, `encodeURIComponent(x)`: the same data in another form.
      const isWrapper =
        (callee.type === AST_NODE_TYPES.MemberExpression && name === 'stringify') ||
        (callee.type === AST_NODE_TYPES.Identifier && ['String', 'btoa', 'encodeURIComponent', 'encodeURI'].includes(callee.name));
      const first = target.arguments[0];
      if (isWrapper && first && first.type !== AST_NODE_TYPES.SpreadElement) {
        return tokenValueName(first, sourceCode, depth + 1);
      }
      // `getToken()`, `auth.getAccessToken()`
      if (name !== null && /^get/.test(name) && isCredentialName(name)) return name;
      return null;
    }
    default:
      return null;
  }
}

interface KeyInfo {
  /** Text to show for the key. */
  text: string;
  token: boolean;
}

function keyInfo(node: Node, sourceCode: SourceCode): KeyInfo | null {
  const value = staticString(node, sourceCode);
  if (value !== null) return { text: `'${value}'`, token: isCredentialName(value) };
  const target = unwrap(node);
  const name =
    target.type === AST_NODE_TYPES.Identifier
      ? target.name
      : target.type === AST_NODE_TYPES.MemberExpression
        ? memberName(target)
        : null;
  if (name !== null && isTokenKeyConstantName(name)) return { text: sourceCode.getText(target), token: true };
  // `${APP}_token`, `prefix + ':accessToken'`: a namespaced key whose own name is a token's.
  const suffix =
    target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length > 0
      ? target.quasis[target.quasis.length - 1]!.value.cooked
      : target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '+'
        ? staticString(target.right, sourceCode)
        : null;
  if (suffix && /^[^A-Za-z0-9]/.test(suffix) && isCredentialName(suffix)) return { text: sourceCode.getText(target), token: true };
  return null;
}

function hasTokenLiteralKey(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && isCredentialName(first.value);
}

interface Finding {
  node: Node;
  storage: string;
  what: string;
}

/** Decides whether a write of `value` under `key` stores a token; the description for the message, or null. */
function describeTokenWrite(key: Node | null, value: Node | null, sourceCode: SourceCode, keyName: string | null = null): string | null {
  const info = key ? keyInfo(key, sourceCode) : null;
  if (info?.token) return `a token (key ${info.text})`;
  // A key that names some other kind of token (`designTokens`, `csrfToken`, `tokenExpiry`) says what
  // the value is, whatever the variable holding it is called.
  const name = keyName ?? (key ? staticString(key, sourceCode) : null);
  if (name !== null && nameWords(name).some((w) => TOKEN_WORDS.has(w))) return null;
  const valueName = value ? tokenValueName(value, sourceCode) : null;
  if (valueName) return `a token (\`${valueName}\`)`;
  return null;
}

function argument(call: TSESTree.CallExpression, index: number | undefined): Node | null {
  if (index === undefined) return null;
  const arg = call.arguments[index];
  return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : null;
}

function matchWriter(call: TSESTree.CallExpression, ref: ModuleRef | null, calleeRef: ModuleRef | null): StorageWriter | null {
  for (const writer of STORAGE_WRITERS) {
    if (writer.methods) {
      const method = calleeName(call);
      if (method === null || !writer.methods.includes(method) || !fromModule(ref, writer.modules)) continue;
      if (ref.path.length === writer.path.length && ref.path.every((s, i) => s === writer.path[i])) return writer;
    } else if (fromModule(calleeRef, writer.modules)) {
      if (calleeRef.path.length === writer.path.length && calleeRef.path.every((s, i) => s === writer.path[i])) return writer;
    }
  }
  return null;
}

/** The parameter index a node is, when it is a plain parameter of `fn` (also inside `JSON.stringify(p)` / `String(p)`). */
function parameterIndex(node: Node, fn: FunctionNode): number {
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 1) {
    const name = calleeName(target);
    if (name === 'stringify' || name === 'String') target = unwrap(target.arguments[0]!);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return -1;
  return fn.params.findIndex((p) => {
    const param = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
    return param.type === AST_NODE_TYPES.Identifier && param.name === target.name;
  });
}

/**
 * The calls of a wrapper function declared in this file: `function save(k, v) {…}`,
 * `const save = (k, v) => …`, or a method of a `const` object literal (`storage.set(k, v)`).
 */
function wrapperCalls(fn: FunctionNode, sourceCode: SourceCode): TSESTree.CallExpression[] {
  let variable: TSESLint.Scope.Variable | null = null;
  let method: string | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    variable = findVar(sourceCode, fn.id);
  } else {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      variable = findVar(sourceCode, parent.id);
    } else if (
      parent?.type === AST_NODE_TYPES.Property &&
      parent.value === fn &&
      parent.parent.type === AST_NODE_TYPES.ObjectExpression &&
      parent.parent.parent.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.parent.parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      method = propertyName(parent);
      if (method !== null && getProperty(parent.parent, method) === parent) variable = findVar(sourceCode, parent.parent.parent.id);
    }
  }
  if (!variable) return [];
  // Only a binding that is never reassigned: then every call through it reaches this function.
  const writes = variable.references.filter((r) => r.isWrite());
  const bound = method !== null ? fn.parent?.parent : fn;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration ? writes.length > 0 : writes.length !== 1 || writes[0]!.writeExpr !== bound) {
    return [];
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    let callee: Node = ref.identifier;
    if (method !== null) {
      const member = callee.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== callee || memberName(member) !== method) continue;
      callee = member;
    }
    const call = callee.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) calls.push(call);
  }
  return calls;
}

export default createRule<[], MessageIds>({
  name: 'no-jwt-in-browser-storage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow storing authentication tokens in localStorage or sessionStorage',
      recommended: 'recommended',
      cwe: 'CWE-922',
      owasp: ['API2:2023', 'A04:2021'],
    },
    messages: {
      tokenInStorage:
        'Storing {{what}} in {{storage}} lets any script on the page read it, so one XSS flaw leaks the session. Have the server set the token in an httpOnly, Secure, SameSite cookie instead.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Neither Web Storage nor a storage library can be reached from this file.
    const storageGlobals = mayNameStorageGlobal(sourceCode);
    if (!storageGlobals && !mayLoadStorageModule(sourceCode)) return {};
    const reported = new Set<Node>();

    function report(finding: Finding): void {
      if (reported.has(finding.node)) return;
      reported.add(finding.node);
      context.report({ node: finding.node, messageId: 'tokenInStorage', data: { what: finding.what, storage: finding.storage } });
    }

    /** A Web Storage write whose key is a parameter of its function: report the function's calls instead. */
    function checkWrapper(keyNode: Node, valueNode: Node | null, storage: string, at: Node): void {
      const fn = enclosingFunction(at);
      if (!fn) return;
      const keyIndex = parameterIndex(keyNode, fn);
      if (keyIndex < 0) return;
      const valueIndex = valueNode ? parameterIndex(valueNode, fn) : -1;
      for (const call of wrapperCalls(fn, sourceCode)) {
        const what = describeTokenWrite(argument(call, keyIndex), argument(call, valueIndex < 0 ? undefined : valueIndex), sourceCode);
        if (what) report({ node: call, storage, what });
      }
    }

    return {
      CallExpression(node) {
        const name = calleeName(node);
        if (name === null) return;
        const callee = unwrap(node.callee);
        // Writers called as the module itself (`store(key, value)`) can have any local name: check the key first.
        if (!WRITER_NAMES.has(name) && !(callee.type === AST_NODE_TYPES.Identifier && hasTokenLiteralKey(node))) return;
        const object = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null;
        if (name === 'setItem' && object && storageGlobals) {
          const storage = webStorageName(object, sourceCode);
          if (storage) {
            const key = argument(node, 0);
            const value = argument(node, 1);
            if (!key) return;
            const what = describeTokenWrite(key, value, sourceCode);
            if (what) report({ node, storage: `\`${storage}\``, what });
            else checkWrapper(key, value, `\`${storage}\``, node);
            return;
          }
        }
        // Writers of storage libraries: only in a file that names one of them.
        if (!mayLoadStorageModule(sourceCode)) return;
        const ref = object ? resolveModule(object, sourceCode) : null;
        const calleeRef = object ? null : resolveModule(callee, sourceCode);
        if (!ref && !calleeRef) return;
        const writer = matchWriter(node, ref, calleeRef);
        if (!writer) return;
        let key = argument(node, writer.key);
        if (key && writer.keyInOptions) {
          const options = unwrap(key);
          const prop = options.type === AST_NODE_TYPES.ObjectExpression ? getProperty(options, 'key') : null;
          key = prop ? prop.value : null;
        }
        if (!key) return;
        const what = describeTokenWrite(key, argument(node, writer.value), sourceCode);
        if (what) report({ node, storage: writer.library, what });
      },
      AssignmentExpression(node) {
        // Only Web Storage is written by assignment, and nothing in this file names a Web Storage global.
        if (!storageGlobals) return;
        const left = unwrap(node.left);
        if (left.type !== AST_NODE_TYPES.MemberExpression) return;
        const storage = webStorageName(left.object, sourceCode);
        if (!storage) return;
        const keyNode = left.computed ? left.property : null;
        const staticName = memberName(left);
        if (staticName !== null && STORAGE_MEMBER_SET.has(staticName)) return;
        const what =
          !left.computed && staticName !== null
            ? isCredentialName(staticName)
              ? `a token (key '${staticName}')`
              : describeTokenWrite(null, node.right, sourceCode, staticName)
            : describeTokenWrite(keyNode, node.right, sourceCode);
        if (what) report({ node, storage: `\`${storage}\``, what });
        else if (keyNode) checkWrapper(keyNode, node.right, `\`${storage}\``, node);
      },
    };
  },
});
