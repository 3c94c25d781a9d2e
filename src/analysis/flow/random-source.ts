/**
 * Does this value derive from `Math.random()`? Intra-file, flow-insensitive, backwards: through
 * arithmetic, `Math.floor`/`round`, `toString(36)`, `slice`/`substring`, templates, `+` and `+=`
 * string building in loops, characters picked from an alphabet (`chars[Math.floor(Math.random() *
 * chars.length)]`, `chars.charAt(i)`), arrays joined (`Array.from({ length }, pick).join('')`,
 * `.map(pick).join('')`, `.push()` then `.join()`), `.replace(/x/g, pick)` templates, aliases of
 * `Math.random` and the functions of the file that return such a value.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { childNodes, findVar, isFunction, memberName, singleValue, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';

type Node = TSESTree.Node;

/** `Math` functions whose result is computed from their arguments. */
const MATH_FUNCTIONS = new Set(['floor', 'ceil', 'round', 'trunc', 'abs', 'min', 'max', 'pow', 'fround', 'sign']);
/** Global conversions whose result carries their argument. */
const CONVERSIONS = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'BigInt', 'encodeURIComponent', 'btoa']);
/** Methods whose result is made from their receiver: `x.toString(36).slice(2)`, `s.toUpperCase()`. */
const RECEIVER_METHODS = new Set([
  'toString', 'toFixed', 'toPrecision', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'toUpperCase',
  'toLowerCase', 'replace', 'replaceAll', 'repeat', 'concat', 'join', 'split', 'trim', 'at', 'valueOf', 'reverse',
  'toLocaleString',
]);
/** Methods whose argument picks or adds what the result holds: `chars.charAt(i)`, `s.concat(x)`, `a.padStart(8, x)`. */
const ARGUMENT_METHODS = new Set(['charAt', 'at', 'charCodeAt', 'codePointAt', 'concat', 'padStart', 'padEnd']);
/** Methods whose callback's result makes the result: `.map(pick)`, `.replace(/x/g, pick)`, `Array.from(x, pick)`. */
const CALLBACK_METHODS = new Set(['map', 'flatMap', 'replace', 'replaceAll', 'from', 'reduce']);
/** Operators whose result is a number or text computed from both sides (not comparisons). */
const VALUE_OPERATORS = new Set(['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);

const MAX_DEPTH = 24;
const MAX_RETURN_SCAN = 2000;

/**
 * The file may call `Math.random`: it refers to the global `Math` other than as `Math.<not random>`
 * (`Math.floor`, `Math[i]`). Without such a reference no expression of the file is `Math.random`
 * or an alias of it (see `isMathRandomFunction`), so nothing derives from it. Answered from the
 * scope manager's references to `Math` (escapes in names are already decoded there), without
 * reading the text; once per file.
 */
export const mayCallMathRandom = perFileCache((sourceCode): boolean => {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return true;
  const declared = globalScope.set.get('Math');
  if (declared && declared.defs.length === 0 && declared.references.some((ref) => refersToRandom(ref.identifier))) return true;
  return globalScope.through.some((ref) => ref.identifier.name === 'Math' && refersToRandom(ref.identifier));
});

/** Whether a reference to `Math` may be part of `Math.random` (anything but `Math.floor`, `Math.max`, `Math[i]`…). */
function refersToRandom(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const parent = identifier.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) return true;
  return memberName(parent) === 'random';
}

const cache = perFileCache(() => ({ values: new Map<Node, Node | null>(), returns: new Map<FunctionNode, Node[]>() }));

/**
 * The `Math.random()` call (or call of an alias of it) the value of `node` is computed from, or
 * null when it is not (or cannot be followed there). Cached per file.
 */
export function mathRandomSource(node: Node, sourceCode: SourceCode): Node | null {
  if (!mayCallMathRandom(sourceCode)) return null;
  return visit(node, sourceCode, 0);
}

/** True when `node` is `Math.random` itself (the global, not a local `Math`), or a name bound to it. */
export function isMathRandomFunction(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(target.object);
    return memberName(target) === 'random' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Math' && isGlobal(object, sourceCode);
  }
  if (target.type !== AST_NODE_TYPES.Identifier || depth > 4) return false;
  const variable = findVar(sourceCode, target);
  const value = variable && singleValue(variable);
  if (!value) return false;
  // `const rand = Math.random`, `const { random } = Math`.
  if (value.path.length === 0) return isMathRandomFunction(value.init, sourceCode, depth + 1);
  const init = unwrap(value.init);
  return (
    value.path.length === 1 &&
    value.path[0] === 'random' &&
    init.type === AST_NODE_TYPES.Identifier &&
    init.name === 'Math' &&
    isGlobal(init, sourceCode)
  );
}

function isGlobal(node: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = findVar(sourceCode, node);
  return !variable || variable.defs.length === 0;
}

function visit(raw: Node, sourceCode: SourceCode, depth: number): Node | null {
  const node = unwrap(raw);
  if (depth > MAX_DEPTH) return null;
  const values = cache(sourceCode).values;
  if (values.has(node)) return values.get(node) ?? null;
  values.set(node, null); // cycle guard: a value built from itself adds nothing by that path
  const result = compute(node, sourceCode, depth);
  values.set(node, result);
  return result;
}

function compute(node: Node, sourceCode: SourceCode, depth: number): Node | null {
  const next = (child: Node | null | undefined): Node | null => (child ? visit(child, sourceCode, depth + 1) : null);
  const first = (children: readonly (Node | null | undefined)[]): Node | null => {
    for (const child of children) {
      const found = next(child && child.type === AST_NODE_TYPES.SpreadElement ? child.argument : child);
      if (found) return found;
    }
    return null;
  };
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return callSource(node, sourceCode, next, first);
    case AST_NODE_TYPES.BinaryExpression:
      return VALUE_OPERATORS.has(node.operator) ? next(node.left) ?? next(node.right) : null;
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '-' || node.operator === '+' || node.operator === '~' ? next(node.argument) : null;
    case AST_NODE_TYPES.TemplateLiteral:
      return first(node.expressions);
    case AST_NODE_TYPES.MemberExpression:
      // `chars[Math.floor(Math.random() * chars.length)]`: a random pick from an alphabet;
      // `Math.random().toString(36)[2]`: a character of random text.
      return node.computed ? next(node.property) ?? next(node.object) : null;
    case AST_NODE_TYPES.ConditionalExpression:
      return next(node.consequent) ?? next(node.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return next(node.left) ?? next(node.right);
    case AST_NODE_TYPES.AwaitExpression:
      return next(node.argument);
    case AST_NODE_TYPES.SequenceExpression:
      return next(node.expressions[node.expressions.length - 1]);
    case AST_NODE_TYPES.AssignmentExpression:
      return next(node.right);
    case AST_NODE_TYPES.ArrayExpression:
      return first(node.elements);
    case AST_NODE_TYPES.Identifier:
      return identifierSource(node, sourceCode, next);
    default:
      return null;
  }
}

function callSource(
  node: TSESTree.CallExpression,
  sourceCode: SourceCode,
  next: (child: Node | null | undefined) => Node | null,
  first: (children: readonly (Node | null | undefined)[]) => Node | null,
): Node | null {
  const callee = unwrap(node.callee);
  if (isMathRandomFunction(callee, sourceCode)) return node;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (CONVERSIONS.has(callee.name) && isGlobal(callee, sourceCode)) return first(node.arguments.slice(0, 1));
    const fn = localFunction(callee, sourceCode);
    return fn ? first(returnedValues(fn, sourceCode)) : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const object = unwrap(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && isGlobal(object, sourceCode)) {
    if (object.name === 'Math') return MATH_FUNCTIONS.has(method) ? first(node.arguments) : null;
    if (object.name === 'String' && (method === 'fromCharCode' || method === 'fromCodePoint')) return first(node.arguments);
    if (object.name === 'Number' && (method === 'parseInt' || method === 'parseFloat')) return first(node.arguments.slice(0, 1));
    if (object.name === 'Array' && method === 'from') return callbackResult(node.arguments[1]) ?? null;
    if (object.name === 'Buffer' && method === 'from') return first(node.arguments.slice(0, 1));
  }
  if (CALLBACK_METHODS.has(method)) {
    const callback = node.arguments.find((a) => isFunction(a));
    const found = callback ? callbackResult(callback) : null;
    if (found) return found;
  }
  if (ARGUMENT_METHODS.has(method)) {
    const found = first(node.arguments);
    if (found) return found;
  }
  return RECEIVER_METHODS.has(method) ? next(object) : null;

  function callbackResult(arg: Node | undefined): Node | null {
    if (!arg || !isFunction(arg)) return null;
    return first(returnedValues(arg, sourceCode));
  }
}

function identifierSource(
  node: TSESTree.Identifier,
  sourceCode: SourceCode,
  next: (child: Node | null | undefined) => Node | null,
): Node | null {
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length === 0) return null;
  for (const ref of variable.references) {
    if (ref.isWrite() && ref.writeExpr) {
      const found = next(ref.writeExpr as Node);
      if (found) return found;
      continue;
    }
    // `parts.push(chars[…])` before `parts.join('')`.
    const parent = ref.identifier.parent;
    const call = parent?.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === ref.identifier &&
      (memberName(parent) === 'push' || memberName(parent) === 'unshift') &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === parent
    ) {
      for (const arg of call.arguments) {
        const found = next(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
        if (found) return found;
      }
    }
  }
  return null;
}

/** The function a called name is bound to in this file: a declaration or a `const` function. */
function localFunction(callee: TSESTree.Identifier, sourceCode: SourceCode): FunctionNode | null {
  const variable: TSESLint.Scope.Variable | null = findVar(sourceCode, callee);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
  const value = singleValue(variable);
  if (!value || value.path.length > 0) return null;
  const init = unwrap(value.init);
  return isFunction(init) ? init : null;
}

/** What a function returns: its expression body, or the arguments of its `return`s (nested functions aside; bounded). */
export function returnedValues(fn: FunctionNode, sourceCode: SourceCode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returns = cache(sourceCode).returns;
  const known = returns.get(fn);
  if (known) return known;
  const found: Node[] = [];
  const stack: Node[] = [fn.body];
  for (let visited = 0; stack.length > 0 && visited < MAX_RETURN_SCAN; visited++) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.ReturnStatement) {
      if (current.argument) found.push(current.argument);
      continue;
    }
    if (isFunction(current) || current.type === AST_NODE_TYPES.ClassBody) continue;
    // A `return` sits in statements only: expressions (nested functions aside) hold none.
    if (current.type.endsWith('Expression')) continue;
    stack.push(...childNodes(current));
  }
  returns.set(fn, found);
  return found;
}
