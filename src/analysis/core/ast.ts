import { findVariable } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from './cache.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** Strips wrappers that do not change a value: TS assertions, `!`, `satisfies`, optional chains. */
export function unwrap(node: Node): Node {
  let current: Node = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent of a node, skipping the wrappers `unwrap` removes. */
export function wrappedParent(node: Node): Node | undefined {
  let current = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.TSInstantiationExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = parent;
    parent = current.parent;
  }
  return parent;
}

/** The static name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`, `` a[`b`] ``. */
export function staticKeyName(key: Node, computed: boolean): string | null {
  if (!computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return null;
  }
  if (key.type === AST_NODE_TYPES.Literal) {
    return typeof key.value === 'string' || typeof key.value === 'number' ? String(key.value) : null;
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

export function memberName(node: TSESTree.MemberExpression): string | null {
  return staticKeyName(node.property, node.computed);
}

export function propertyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | null {
  return staticKeyName(node.key, node.computed);
}

/** `foo()` → `foo`; `a.b.foo()` → `foo`; anything else → null. */
export function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return null;
}

/** The object a method is called on: `a.b.foo()` → `a.b`. */
export function calleeObject(node: TSESTree.CallExpression | TSESTree.NewExpression): Expression | null {
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null;
}

export function findVar(sourceCode: SourceCode, node: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return findVariable(sourceCode.getScope(node) as never, node) as TSESLint.Scope.Variable | null;
}

/** True when `name` at `node` refers to no variable the file declares (an implicit or configured global). */
export function isGlobalReference(sourceCode: SourceCode, node: TSESTree.Identifier): boolean {
  const variable = findVar(sourceCode, node);
  return !variable || variable.defs.length === 0;
}

/** A property of an object literal by static name; the last one wins, as at run time. */
export function getProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  let found: TSESTree.Property | null = null;
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyName(prop) === name) found = prop;
  }
  return found;
}

/** True when the object literal has a spread, so keys it does not list may still be present. */
export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
}

export interface BindingPath {
  /** Keys from the initializer down to the bound name; `null` for a step that cannot be named (rest, computed). */
  path: (string | null)[];
  /** Default value given in the pattern, if any (`const { a = 'x' } = obj`). */
  defaultValue: Expression | null;
}

/**
 * For an identifier bound inside a destructuring pattern, the keys from the pattern's root to it:
 * `const { a: { b } } = x` gives `['a', 'b']` for `b`.
 */
export function bindingPath(name: TSESTree.Identifier, root: Node): BindingPath {
  const path: (string | null)[] = [];
  let defaultValue: Expression | null = null;
  let child: Node = name;
  let parent = name.parent;
  while (parent && child !== root) {
    if (parent.type === AST_NODE_TYPES.Property && parent.value === child) {
      path.unshift(propertyName(parent));
    } else if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      path.unshift(String(parent.elements.indexOf(child as TSESTree.DestructuringPattern)));
    } else if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === child) {
      defaultValue ??= parent.right;
    } else if (parent.type === AST_NODE_TYPES.RestElement) {
      path.unshift(null);
    } else if (parent.type !== AST_NODE_TYPES.ObjectPattern) {
      break;
    }
    if (parent === root) break;
    child = parent;
    parent = parent.parent;
  }
  return { path, defaultValue };
}

export interface VariableValue {
  /** The expression the variable is bound from (the whole initializer for destructuring). */
  init: Expression;
  /** Keys into `init` for destructured bindings; empty for `const x = init`. */
  path: (string | null)[];
  /** Default value from the pattern, if any. */
  defaultValue: Expression | null;
}

/**
 * The single value a variable is bound to: `const`, or `let`/`var` never written again.
 * Returns null for parameters, imports, reassigned variables and anything else.
 */
export function singleValue(variable: TSESLint.Scope.Variable): VariableValue | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return null;
  const declarator = def.node;
  if (!declarator.init) return null;
  // The declaration itself is the only write. A pattern default (`const { a = 'x' } = obj`) is a
  // second write reference at the same identifier; it is reported as `defaultValue`.
  const writes = variable.references.filter((r) => r.isWrite());
  if (writes.length === 0 || writes.some((r) => r.identifier !== def.name)) return null;
  if (!writes.some((r) => r.writeExpr === declarator.init)) return null;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    return { init: declarator.init, path: [], defaultValue: null };
  }
  const { path, defaultValue } = bindingPath(def.name, declarator.id);
  return { init: declarator.init, path, defaultValue };
}

/** Every expression written to a variable (initializer and assignments), in source order. */
export function writtenValues(
  variable: TSESLint.Scope.Variable,
): { expr: Expression; operator: string; path: (string | null)[] }[] {
  const values: { expr: Expression; operator: string; path: (string | null)[] }[] = [];
  for (const ref of variable.references) {
    if (!ref.isWrite() || !ref.writeExpr) continue;
    const parent = ref.identifier.parent;
    let operator = '=';
    let path: (string | null)[] = [];
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) {
      operator = parent.operator;
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === ref.identifier) {
      operator = '=';
    } else if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === ref.identifier && parent.right === ref.writeExpr) {
      // The default of a pattern (`const { a = 'x' } = obj`) is the value itself, not a key of it.
      operator = '=';
    } else {
      const declarator = ancestorOfType(ref.identifier, AST_NODE_TYPES.VariableDeclarator);
      path =
        declarator && ref.identifier.type === AST_NODE_TYPES.Identifier
          ? bindingPath(ref.identifier, declarator.id).path
          : [null];
    }
    values.push({ expr: ref.writeExpr as Expression, operator, path });
  }
  return values;
}

export function ancestorOfType<T extends AST_NODE_TYPES>(
  node: Node,
  type: T,
): Extract<Node, { type: T }> | null {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === type) return current as Extract<Node, { type: T }>;
    current = current.parent;
  }
  return null;
}

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression)
  );
}

export function enclosingFunction(node: Node): FunctionNode | null {
  let current: Node | undefined = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return null;
}

/**
 * Whether `node` reads a parameter of a function whose callers supply it: a plain parameter
 * (`function orderBy(column)`, `(name, sql = '') =>`, a method's `table: string`), not a
 * parameter of a callback handed to a call (`cols.forEach((col) => …)`, `rows.map(([id]) => …)`),
 * whose values come from what it iterates.
 */
export function isCallerParameter(node: Node, sourceCode: SourceCode): boolean {
  const id = unwrap(node);
  if (id.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, id)?.defs[0];
  if (!def || def.type !== 'Parameter') return false;
  const fn = def.node as Node;
  if (!isFunction(fn)) return false;
  const parent = wrappedParent(fn);
  return !(parent && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== fn);
}

/** The plain identifier name of a parameter (`x`, `x = 1`, `x: T`, `private x`), or null for patterns. */
export function paramName(param: TSESTree.Parameter | undefined): string | null {
  if (!param) return null;
  if (param.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) {
    return param.left.name;
  }
  if (param.type === AST_NODE_TYPES.TSParameterProperty) {
    const inner = param.parameter;
    if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  }
  return null;
}

/** Short source text for messages: whitespace folded, long text cut in the middle. */
export function shortText(sourceCode: SourceCode, node: Node, max = 40): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The direct child nodes of a node, in no particular order (every key but `parent`). */
export function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === 'object' && 'type' in item) children.push(item as TSESTree.Node);
    } else if (child && typeof child === 'object' && 'type' in child) {
      children.push(child as TSESTree.Node);
    }
  }
  return children;
}

/**
 * Wrappers that keep the value they hold: TS assertions (`x as T`, `<T>x`, `x!`, `x satisfies T`),
 * optional chains and `await`.
 */
export function isValueKeepingWrapper(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.ChainExpression ||
    node.type === AST_NODE_TYPES.AwaitExpression
  );
}

/** `JSON.stringify(…)` (the global `JSON` by name). */
export function isJsonStringify(node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'stringify' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON'
  );
}

/**
 * Calls `visit` on `root` and every node below it (any order), following the parser's visitor keys.
 * For analyses asked rarely, about one function or file that a rule has already found worth it: a
 * rule that would otherwise listen on every identifier or member expression of every file walks
 * only the subtree it asks about, only when it asks. Iterative, so deep trees cannot overflow the stack.
 */
export function forEachDescendant(root: Node, sourceCode: SourceCode, visit: (node: Node) => void): void {
  const keys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const childKeys = keys[node.type];
    if (!childKeys) continue;
    for (const key of childKeys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Expressions that stand for the expression they wrap (`x as T`, `x!`, `x satisfies T`, `<T>x`, `f<T>`, `a?.b`). */
export const EXPRESSION_WRAPPERS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
  AST_NODE_TYPES.ChainExpression,
]);

/** The index of the parameter of `fn` that binds `name` (directly, with a default, by destructuring or as a rest), or -1. */
export function parameterIndex(fn: FunctionNode, name: Node): number {
  for (let i = 0; i < fn.params.length; i++) {
    const param = fn.params[i]!;
    if (param.range[0] <= name.range[0] && name.range[1] <= param.range[1]) return i;
  }
  return -1;
}

/**
 * The function and position of the parameter a variable is, when its one definition is a
 * parameter: `whole` when the parameter is the name itself, not a pattern holding it.
 */
export function parameterOf(variable: TSESLint.Scope.Variable): { fn: FunctionNode; index: number; whole: boolean } | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Parameter') return null;
  const fn = def.node as Node;
  if (!isFunction(fn)) return null;
  const index = parameterIndex(fn, def.name as Node);
  return index < 0 ? null : { fn, index, whole: fn.params[index] === def.name };
}
