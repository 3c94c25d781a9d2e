/**
 * What an object literal holds: identifiers followed to their literal, properties assigned after
 * it is declared, members by name, whether unlisted keys may still be present, and the single value
 * a function returns.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { childNodes, calleeName, findVar, getProperty, hasSpread, isFunction, memberName, propertyName, singleValue, unwrap, wrappedParent } from './ast.js';
import { perFileCache, type SourceCode } from './cache.js';



type Node = TSESTree.Node;

/** The single value a function returns: its expression body, or the argument of its last top-level `return`. */
export function returnedExpression(fn: TSESTree.FunctionLike | Node): Node | null {
  if (!isFunction(fn)) return null;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const returns = fn.body.body.filter((s): s is TSESTree.ReturnStatement => s.type === AST_NODE_TYPES.ReturnStatement);
  const last = returns[returns.length - 1];
  // Other `return`s in branches may return something else: then the value is not known.
  if (!last || countReturns(fn.body) !== 1) return null;
  return last.argument ?? null;
}

const MAX_RETURN_SCAN = 2000;

/** The `return` statements of a function body, not counting nested functions (bounded). */
function countReturns(body: TSESTree.BlockStatement): number {
  let count = 0;
  const stack: Node[] = [body];
  for (let visited = 0; stack.length > 0 && visited < MAX_RETURN_SCAN; visited++) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ReturnStatement) count++;
    if (node !== body && (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody)) continue;
    stack.push(...childNodes(node));
  }
  return stack.length > 0 ? Infinity : count;
}

export const MAX_DEPTH = 12;

/**
 * The object literal an expression evaluates to: itself, a `const` bound to one, a property of one
 * (`config.jwt`), or a destructured binding from one. Null when unknown.
 */
export function resolveObject(node: Node, sourceCode: SourceCode, depth = 0): TSESTree.ObjectExpression | null {
  const value = resolveValueNode(node, sourceCode, depth);
  return value?.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

/**
 * The expression a value comes from, following `const`s, never-reassigned `let`s, destructuring and
 * member access into object literals. Returns the input (unwrapped) when it cannot be followed.
 */
export function resolveValueNode(node: Node, sourceCode: SourceCode, depth = 0): Node | null {
  const target = unwrap(node);
  if (depth > MAX_DEPTH) return null;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    if (!variable) return target;
    const value = singleValue(variable);
    if (!value) return target;
    let current: Node | null = value.init;
    for (const key of value.path) {
      if (key === null) return target;
      const object: TSESTree.ObjectExpression | null = current ? resolveObject(current, sourceCode, depth + 1) : null;
      if (!object || hasSpread(object)) return target;
      if (!hasMember(object, key, sourceCode)) return isObjectOpen(object, sourceCode) ? target : value.defaultValue ?? target;
      current = memberValue(object, key, sourceCode);
      if (!current) return target;
    }
    return current ? resolveValueNode(current, sourceCode, depth + 1) : target;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    if (name === null) return target;
    const object = resolveObject(target.object, sourceCode, depth + 1);
    if (!object) return target;
    const value = memberValue(object, name, sourceCode);
    if (!value) return target;
    return resolveValueNode(value, sourceCode, depth + 1);
  }
  return target;
}

interface AssignedMembers {
  /** Members written by name after the literal was made; `null` when written more than once or with `+=`, `??=`… */
  members: Map<string, Node | null>;
  /** A write whose key is not known (`opts[k] = v`, `Object.assign(opts, extra)`): any key may be present. */
  open: boolean;
  /** Every value assigned to a member by name, in source order (`opts.url = a; opts.url = b`): what it may hold when written more than once. */
  writes: Map<string, Node[]>;
}

const assignedMembersCache = perFileCache(() => new Map<TSESTree.ObjectExpression, AssignedMembers>());

/**
 * Members written to an object literal through the variable it is bound to, the way options are
 * often built: `const opts = {}; opts.secretOrKey = key; opts.algorithms = ['RS256']`.
 */
export function assignedMembers(object: TSESTree.ObjectExpression, sourceCode: SourceCode): AssignedMembers {
  const cache = assignedMembersCache(sourceCode);
  const cached = cache.get(object);
  if (cached) return cached;
  const result: AssignedMembers = { members: new Map(), open: false, writes: new Map() };
  cache.set(object, result);
  const declarator = wrappedParent(object);
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    !declarator.init ||
    unwrap(declarator.init) !== object
  ) {
    return result;
  }
  const variable = findVar(sourceCode, declarator.id);
  for (const ref of variable?.references ?? []) {
    const id = ref.identifier;
    const parent = wrappedParent(id);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === id) {
      const outer = wrappedParent(parent);
      const written =
        (outer?.type === AST_NODE_TYPES.AssignmentExpression && unwrap(outer.left) === parent) ||
        (outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete');
      if (!written) continue;
      const name = memberName(parent);
      if (name === null) {
        result.open = true;
        continue;
      }
      const single = outer.type === AST_NODE_TYPES.AssignmentExpression && outer.operator === '=' && !result.members.has(name) && !getProperty(object, name);
      result.members.set(name, single ? outer.right : null);
      if (outer.type === AST_NODE_TYPES.AssignmentExpression) {
        const values = result.writes.get(name);
        if (values) values.push(outer.right);
        else result.writes.set(name, [outer.right]);
      }
    } else if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] !== undefined &&
      unwrap(parent.arguments[0]) === id &&
      calleeName(parent) === 'assign'
    ) {
      result.open = true;
    }
  }
  return result;
}

/** Whether an object literal has (or is later given) a member of that name. */
export function hasMember(object: TSESTree.ObjectExpression, name: string, sourceCode: SourceCode): boolean {
  return !!getProperty(object, name) || assignedMembers(object, sourceCode).members.has(name);
}

/** The value of a member of an object literal, also when assigned later through its variable; null when absent or not known. */
export function memberValue(object: TSESTree.ObjectExpression, name: string, sourceCode: SourceCode): Node | null {
  const assigned = assignedMembers(object, sourceCode).members;
  if (assigned.has(name)) return assigned.get(name) ?? null;
  return getProperty(object, name)?.value ?? null;
}

/** Whether keys an object literal does not list may still be present: spreads, computed keys, writes by unknown key. */
export function isObjectOpen(object: TSESTree.ObjectExpression, sourceCode: SourceCode): boolean {
  return hasSpread(object) || hasUnknownKey(object) || assignedMembers(object, sourceCode).open;
}

/** True when an object literal has a computed key whose name is not known. */
export function hasUnknownKey(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === null);
}
