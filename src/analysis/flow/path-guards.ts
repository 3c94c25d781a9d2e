/**
 * Checks that stop a value before it reaches a sink: an early exit when a value is not on an
 * allow-list or does not match an anchored pattern (`if (!ALLOWED.has(x)) return`,
 * `if (!/^[\w-]+$/.test(x)) throw …`), and a containment check of a resolved path
 * (`if (!p.startsWith(root)) return`, `if (path.relative(root, p).startsWith('..')) throw …`).
 * Read from the syntax of the enclosing function; a check the code does not show is no check.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, findVar, isFunction, singleValue, unwrap, type FunctionNode } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { endsWithExit } from './branch-exits.js';

type Node = TSESTree.Node;

const MEMBERSHIP_METHODS = new Set(['has', 'includes']);
const MAX_GUARD_DEPTH = 6;

function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function textOf(node: Node, sourceCode: SourceCode): string {
  return sourceCode.getText(unwrap(node));
}

/** A check in a test: the checked value's text, and whether the test holds when the check passes. */
interface Check {
  value: string;
  /** True when the test is true for a value that passes the check. */
  passing: boolean;
}

type CheckReader = (call: TSESTree.CallExpression, sourceCode: SourceCode) => string[];

/** `SET.has(x)`, `LIST.includes(x)`, `/^…$/.test(x)`: the checked values. */
const allowListValues: CheckReader = (call, sourceCode) => {
  const name = calleeName(call);
  const callee = unwrap(call.callee);
  const arg = call.arguments[0];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement || callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  if (name !== null && MEMBERSHIP_METHODS.has(name)) return [textOf(arg, sourceCode)];
  if (name === 'test') {
    const pattern = unwrap(callee.object);
    if (pattern.type === AST_NODE_TYPES.Literal && 'regex' in pattern && pattern.regex) {
      const source = pattern.regex.pattern;
      if (source.startsWith('^') && source.endsWith('$')) return [textOf(arg, sourceCode)];
    }
  }
  return [];
};

/** `p.startsWith(root)`, `p.indexOf(root) === 0`: the checked path. */
const prefixValues: CheckReader = (call, sourceCode) => {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  if (calleeName(call) !== 'startsWith') return [];
  return [textOf(callee.object, sourceCode)];
};

/** `path.relative(root, p).startsWith('..')` and `rel.startsWith('..')`: true when the path escapes. */
function escapesValues(call: TSESTree.CallExpression, sourceCode: SourceCode): string[] {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || calleeName(call) !== 'startsWith') return [];
  const arg = call.arguments[0];
  const prefix = arg && unwrap(arg);
  if (!prefix || prefix.type !== AST_NODE_TYPES.Literal || typeof prefix.value !== 'string' || !prefix.value.startsWith('..')) return [];
  let receiver = unwrap(callee.object);
  const values = [textOf(receiver, sourceCode)];
  // `const rel = path.relative(root, p); if (rel.startsWith('..')) …`
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, receiver);
    const written = variable ? singleValue(variable) : null;
    if (written && written.path.length === 0) receiver = unwrap(written.init);
  }
  if (receiver.type === AST_NODE_TYPES.CallExpression && calleeName(receiver) === 'relative') {
    for (const a of receiver.arguments) values.push(textOf(a, sourceCode));
  }
  return values;
}

/**
 * `name.includes('..')`, `name.split('/').includes('..')`, `/\.\./.test(name)`: true when the
 * value may climb out of its folder.
 */
const climbsValues: CheckReader = (call, sourceCode) => {
  const callee = unwrap(call.callee);
  const arg = call.arguments[0];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement || callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const name = calleeName(call);
  const value = unwrap(arg);
  if (name === 'includes' && value.type === AST_NODE_TYPES.Literal && value.value === '..') {
    const receiver = unwrap(callee.object);
    const values = [textOf(receiver, sourceCode)];
    // `name.split('/').includes('..')`, `name.split(path.sep).includes('..')`
    if (receiver.type === AST_NODE_TYPES.CallExpression && calleeName(receiver) === 'split') {
      const splitCallee = unwrap(receiver.callee);
      if (splitCallee.type === AST_NODE_TYPES.MemberExpression) values.push(textOf(splitCallee.object, sourceCode));
    }
    return values;
  }
  if (name === 'test') {
    const pattern = unwrap(callee.object);
    if (pattern.type === AST_NODE_TYPES.Literal && 'regex' in pattern && pattern.regex && pattern.regex.pattern.includes('\\.\\.')) return [textOf(value, sourceCode)];
  }
  return [];
};

/** The checks a test makes, each with the polarity of the test when it passes. */
function checksIn(test: Node, reader: CheckReader, sourceCode: SourceCode, escapes: boolean, passing = true, depth = 0): Check[] {
  if (depth > MAX_GUARD_DEPTH) return [];
  const node = unwrap(test);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' ? checksIn(node.argument, reader, sourceCode, escapes, !passing, depth + 1) : [];
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return [];
      // Under a negation `||` acts as `&&` and the other way round. `!a || !b` (an either) holds
      // whenever one check fails: keep the checks true when failing. `a && b` (a both) holds only
      // when every check passes: keep the checks true when passing.
      const either = (node.operator === '||') === passing;
      const keep = (c: Check) => c.passing === !either;
      return [...checksIn(node.left, reader, sourceCode, escapes, passing, depth + 1), ...checksIn(node.right, reader, sourceCode, escapes, passing, depth + 1)].filter(keep);
    }
    case AST_NODE_TYPES.BinaryExpression: {
      // `p.indexOf(root) !== 0`, `list.indexOf(x) === -1`, `x.startsWith(root) === false`.
      const left = unwrap(node.left);
      const right = unwrap(node.right);
      if (right.type === AST_NODE_TYPES.Literal && typeof right.value === 'boolean' && (node.operator === '===' || node.operator === '==')) {
        return checksIn(left, reader, sourceCode, escapes, right.value ? passing : !passing, depth + 1);
      }
      if (left.type === AST_NODE_TYPES.CallExpression && calleeName(left) === 'indexOf' && right.type === AST_NODE_TYPES.Literal) {
        const callee = unwrap(left.callee);
        const arg = left.arguments[0];
        if (callee.type !== AST_NODE_TYPES.MemberExpression || !arg) return [];
        const equal = node.operator === '===' || node.operator === '==';
        if (right.value === 0 && reader === prefixValues) return [{ value: textOf(callee.object, sourceCode), passing: equal ? passing : !passing }];
        if (right.value === -1 && reader === allowListValues) return [{ value: textOf(arg, sourceCode), passing: equal ? !passing : passing }];
      }
      return [];
    }
    case AST_NODE_TYPES.CallExpression: {
      if (escapes) return reader(node, sourceCode).map((value) => ({ value, passing: !passing }));
      return reader(node, sourceCode).map((value) => ({ value, passing }));
    }
    default:
      return [];
  }
}

/**
 * Whether `value` (an expression at `sink`) is checked by `reader` before the sink runs: an `if`
 * earlier in the same function whose failing branch leaves it, or an `if`/`?:` whose passing branch
 * holds the sink.
 */
function guarded(value: Node | string, sink: Node, sourceCode: SourceCode, readers: { reader: CheckReader; escapes: boolean }[]): boolean {
  const text = typeof value === 'string' ? value : textOf(value, sourceCode);
  const fn = enclosingFunction(sink);
  const matches = (test: Node, wantPassing: boolean) =>
    readers.some(({ reader, escapes }) => checksIn(test, reader, sourceCode, escapes).some((c) => c.value === text && c.passing === wantPassing));
  // The sink inside the passing branch of an `if` or `?:`.
  for (let child: Node = sink, parent = sink.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) {
      if (child === parent.consequent && matches(parent.test, true)) return true;
      if (child === parent.alternate && matches(parent.test, false)) return true;
    }
  }
  // An earlier `if (fails) return/throw` in a block around the sink.
  for (let parent: Node | undefined = sink.parent; parent; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      for (const statement of parent.body) {
        if (statement.range[0] >= sink.range[0]) break;
        if (statement.type !== AST_NODE_TYPES.IfStatement || contains(statement, sink)) continue;
        if ((endsWithExit(statement.consequent) || endsWithContinue(statement.consequent)) && matches(statement.test, false)) return true;
      }
    }
    // A callback created after the check (`zipfile.openReadStream(entry, (e, s) => … dest …)`) is
    // never created when the check exits first; a declared function may run before it.
    if (isFunction(parent) && !isCallbackArgument(parent)) break;
  }
  return false;
}

/** Whether `value` (an expression, or a variable's name) is checked against an allow-list or an anchored pattern before `sink`. */
export function isAllowListGuarded(value: Node | string, sink: Node, sourceCode: SourceCode): boolean {
  return guarded(value, sink, sourceCode, [{ reader: allowListValues, escapes: false }]);
}

/**
 * Whether the path `value` is checked to stay inside a folder before `sink`: `startsWith(root)`,
 * `indexOf(root) === 0`, or `path.relative(root, value)` not starting with `..`.
 */
export function isPathContained(value: Node | string, sink: Node, sourceCode: SourceCode): boolean {
  return guarded(value, sink, sourceCode, [
    { reader: prefixValues, escapes: false },
    { reader: escapesValues, escapes: true },
    { reader: allowListValues, escapes: false },
  ]);
}

/**
 * Whether the name `value` is rejected before `sink` when it holds `..`: `if (name.includes('..')) continue`,
 * `if (name.split('/').includes('..') || path.isAbsolute(name)) throw …`, `if (/\.\./.test(name)) return`.
 */
export function isClimbRejected(value: Node | string, sink: Node, sourceCode: SourceCode): boolean {
  return guarded(value, sink, sourceCode, [{ reader: climbsValues, escapes: true }]);
}

function isCallbackArgument(fn: FunctionNode): boolean {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const parent = fn.parent;
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(fn);
}

/** A branch that ends with `continue`: inside a loop, it skips the rest of the iteration. */
function endsWithContinue(branch: Node): boolean {
  const statements = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (last.type === AST_NODE_TYPES.BlockStatement) return endsWithContinue(last);
  return last.type === AST_NODE_TYPES.ContinueStatement;
}

