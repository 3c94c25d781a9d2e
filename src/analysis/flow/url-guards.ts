/**
 * Checks a URL passed before it reaches a redirect or an outbound request: an allow-list lookup
 * (`ALLOWED.has(x)`), a relative-path test (`x.startsWith('/') && !x.startsWith('//')`,
 * `/^\/[^/\\]/.test(x)`), an origin or host comparison on a parsed URL
 * (`new URL(x, base).origin === base.origin`, `url.hostname === req.hostname`), or a call to a
 * function named as a check (`isSafeRedirect(x)`, `isValidUrl(x)`, `isRelativeUrl(x)`), guarding
 * the call: in the branch where the check held, or after a branch that leaves when it failed.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, forEachDescendant, isFunction, memberName, singleValue, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { endsWithExit } from './branch-exits.js';

type Node = TSESTree.Node;

/** Methods whose call on (or with) the URL checks it: allow-lists, prefixes, patterns. */
const CHECK_METHODS = new Set(['has', 'includes', 'startsWith', 'endsWith', 'test', 'match', 'some', 'every', 'indexOf']);
/** Parts of a parsed URL compared to decide where it points. */
const ORIGIN_PROPERTIES = new Set(['origin', 'host', 'hostname', 'protocol']);
/** Names of functions that check a URL (`isSafeRedirect`, `validateUrl`, `isAllowedHost`, `isRelativeUrl`). */
const CHECK_FUNCTION = /^(?:is|check|validate|verify|ensure|assert|has)?_?(?:safe|valid|allowed|trusted|relative|local|internal|same|whitelisted|allowlisted|permitted)/i;
const MAX_NAME_DEPTH = 4;

/**
 * Names of functions that check an identifier's format (`isUUID`, `uuidValidate`, `isValidObjectId`,
 * `isInt`, `isNumeric`, `isAlphanumeric`, `isMongoId`): a value they accept is one path segment.
 */
export const ID_CHECK_FUNCTION = /uuid|objectid|mongoid|^is_?(?:int|integer|numeric|alphanumeric|slug|hex(?:adecimal)?)$/i;

export interface GuardOptions {
  /** More check functions by name (an option of the rule). */
  guards?: readonly string[];
  /** More check functions recognised by a pattern of their name (`ID_CHECK_FUNCTION`). */
  namePattern?: RegExp;
  /** Whether a test of the first character (`x[0] === '-'`, `x.charAt(0) !== '-'`) counts. */
  firstCharacter?: boolean;
}

/** Whether `value` (what reaches the sink `call`) is checked by a guard of the enclosing function. */
export function isGuardedUrl(value: Node, call: Node, sourceCode: SourceCode, options: GuardOptions = {}): boolean {
  const names = relatedNames(value, sourceCode);
  const texts = new Set<string>([sourceCode.getText(unwrap(value))]);
  const { guards = [], namePattern, firstCharacter = false } = options;
  const isGuardName = (name: string): boolean => guards.includes(name) || (namePattern !== undefined && namePattern.test(name));
  const check = (test: Node): boolean => testChecks(test, names, texts, sourceCode, isGuardName, firstCharacter);
  let child: Node = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    if (isFunction(node)) break;
    switch (node.type) {
      case AST_NODE_TYPES.IfStatement:
        if (node.test !== child && check(node.test)) return true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (node.test !== child && check(node.test)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (node.right === child && check(node.left)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program: {
        // A branch before the call that leaves the function: `if (!isSafe(x)) return …`.
        const body = node.body as Node[];
        const index = body.indexOf(child);
        for (let i = 0; i < index; i++) {
          const statement = body[i]!;
          if (statement.type === AST_NODE_TYPES.IfStatement && endsWithExit(statement.consequent) && check(statement.test)) return true;
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

/**
 * The variable names that stand for the value: the identifiers in it, the variables it was read
 * from (`const next = req.query.next`), and the variables computed from those (`const url = new URL(next, base)`).
 */
function relatedNames(value: Node, sourceCode: SourceCode): Set<string> {
  const names = new Set<string>();
  const pending: { node: Node; depth: number }[] = [{ node: value, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    forEachDescendant(node, sourceCode, (n) => {
      if (n.type !== AST_NODE_TYPES.Identifier || names.has(n.name)) return;
      const parent = n.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === n && !parent.computed) return;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === n && !parent.computed && parent.value !== n) return;
      names.add(n.name);
      if (depth >= MAX_NAME_DEPTH) return;
      const variable = findVar(sourceCode, n);
      if (!variable) return;
      const bound = singleValue(variable);
      if (bound) pending.push({ node: bound.init, depth: depth + 1 });
      // Variables computed from this one: `const url = new URL(next, base)`.
      for (const ref of variable.references) {
        const declarator = enclosingDeclarator(ref.identifier as Node);
        if (declarator?.id.type === AST_NODE_TYPES.Identifier && !names.has(declarator.id.name)) names.add(declarator.id.name);
      }
    });
  }
  return names;
}

function enclosingDeclarator(node: Node): TSESTree.VariableDeclarator | null {
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.type === AST_NODE_TYPES.VariableDeclarator) return n.init === child ? n : null;
    if (isFunction(n) || n.type.endsWith('Statement')) return null;
  }
  return null;
}

/** Whether an expression mentions the value (one of its names, or its exact text). */
function mentions(node: Node, names: ReadonlySet<string>, texts: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  let found = false;
  forEachDescendant(node, sourceCode, (n) => {
    if (found) return;
    if (n.type === AST_NODE_TYPES.Identifier && names.has(n.name)) {
      const parent = n.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === n && !parent.computed) return;
      found = true;
    } else if (n.type === AST_NODE_TYPES.MemberExpression && texts.has(sourceCode.getText(n))) {
      found = true;
    }
  });
  return found;
}

/** Whether a condition holds a check of the value. */
function testChecks(
  test: Node,
  names: ReadonlySet<string>,
  texts: ReadonlySet<string>,
  sourceCode: SourceCode,
  isGuardName: (name: string) => boolean,
  firstCharacter: boolean,
): boolean {
  let found = false;
  forEachDescendant(test, sourceCode, (n) => {
    if (found) return;
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(n);
      if (name === null) return;
      const isCheck = CHECK_METHODS.has(name) || CHECK_FUNCTION.test(name) || isGuardName(name);
      if (!isCheck) return;
      const callee = n.callee.type === AST_NODE_TYPES.MemberExpression ? n.callee.object : null;
      if (n.arguments.some((a) => mentions(a, names, texts, sourceCode)) || (callee && mentions(callee, names, texts, sourceCode))) found = true;
      return;
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && ['===', '!==', '==', '!='].includes(n.operator)) {
      // `url.origin === base.origin`, `url.hostname !== req.hostname`, `next === '/home'`.
      for (const side of [n.left, n.right]) {
        const s = unwrap(side);
        if (s.type === AST_NODE_TYPES.MemberExpression && ORIGIN_PROPERTIES.has(memberName(s) ?? '') && mentions(s.object, names, texts, sourceCode)) {
          found = true;
        }
      }
      if (!found) {
        const other = (side: Node) => unwrap(side).type === AST_NODE_TYPES.Literal && typeof (unwrap(side) as TSESTree.Literal).value === 'string';
        if ((other(n.right) && mentions(n.left, names, texts, sourceCode) && isWholeValue(n.left, names, texts, sourceCode)) ||
          (other(n.left) && isWholeValue(n.right, names, texts, sourceCode))) found = true;
        // `x[0] === '-'`, `x.charAt(0) !== '/'`: the first character of the value is tested.
        if (firstCharacter && ((other(n.right) && isFirstCharacter(n.left, names, texts, sourceCode)) || (other(n.left) && isFirstCharacter(n.right, names, texts, sourceCode)))) found = true;
      }
    }
  });
  return found;
}

/** `next` or `req.query.next` itself (not `next.length`): compared with a constant, it is that constant. */
function isWholeValue(node: Node, names: ReadonlySet<string>, texts: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return names.has(target.name);
  return texts.has(sourceCode.getText(target));
}

/** `x[0]`, `x.at(0)` or `x.charAt(0)` of the value. */
function isFirstCharacter(node: Node, names: ReadonlySet<string>, texts: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  const isZero = (n: Node | undefined) => !!n && n.type === AST_NODE_TYPES.Literal && n.value === 0;
  if (target.type === AST_NODE_TYPES.MemberExpression && target.computed && isZero(target.property)) return isWholeValue(target.object, names, texts, sourceCode);
  if (target.type !== AST_NODE_TYPES.CallExpression || target.callee.type !== AST_NODE_TYPES.MemberExpression || target.arguments.length !== 1) return false;
  const method = memberName(target.callee);
  return (method === 'charAt' || method === 'at') && isZero(target.arguments[0]) && isWholeValue(target.callee.object, names, texts, sourceCode);
}
