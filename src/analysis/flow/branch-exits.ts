/**
 * Control flow inside a handler, read from its syntax: whether a branch leaves the function before
 * another node runs, and whether a value only chooses between paths.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../core/ast.js';

type Node = TSESTree.Node;

/**
 * Whether `node` sits in an `if` branch or `switch` case that ends by leaving the function (or the
 * `switch`) and does not contain `target`, so `target` never runs after it: the `GET` branch of a
 * handler that also serves `DELETE`.
 */
export function exitsBefore(node: Node, target: Node, handler: FunctionNode, refusal = false): boolean {
  const contains = (outer: Node, inner: Node) => inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
  // A refusal (`if (!member) return c.json(…, 403)`) exits by design: its own branch is the check.
  let ownBranch = refusal;
  let child: Node = node;
  for (let parent = node.parent; parent && parent !== handler; child = parent, parent = parent.parent) {
    if (contains(parent, target)) {
      // The two sit in different arms of the same `if`/`?:`.
      if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) {
        return !contains(child, target);
      }
      return false;
    }
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
      if (ownBranch) ownBranch = false;
      else if (endsWithExit(child)) return true;
    }
    if (parent.type === AST_NODE_TYPES.SwitchCase && endsWithExit(parent)) return true;
  }
  return false;
}

/**
 * `req.user ? favorite(req.user.id) : null`, `req.user && track(req.user.id)`, `if (req.user) { … }`
 * without leaving: the handler serves anonymous callers too.
 */
export function isPresenceChoice(node: Node): boolean {
  let n: Node = node;
  while (n.parent && (n.parent.type === AST_NODE_TYPES.ChainExpression || n.parent.type === AST_NODE_TYPES.TSNonNullExpression)) n = n.parent;
  const parent = n.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ConditionalExpression) return parent.test === n;
  if (parent.type === AST_NODE_TYPES.LogicalExpression) return parent.operator === '&&' && parent.left === n && parent.parent?.type !== AST_NODE_TYPES.IfStatement;
  if (parent.type === AST_NODE_TYPES.IfStatement) return parent.test === n && !parent.alternate && !endsWithExit(parent.consequent);
  return false;
}

/** Whether a call's result is used (assigned, tested, returned), not discarded as a statement. */
export function resultUsed(node: Node): boolean {
  let n: Node = node;
  while (n.parent && (n.parent.type === AST_NODE_TYPES.AwaitExpression || n.parent.type === AST_NODE_TYPES.TSNonNullExpression)) n = n.parent;
  return n.parent?.type !== AST_NODE_TYPES.ExpressionStatement;
}

/** A branch whose last statement returns, throws or breaks out. */
export function endsWithExit(branch: Node): boolean {
  const statements = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : branch.type === AST_NODE_TYPES.SwitchCase ? branch.consequent : [branch];
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (last.type === AST_NODE_TYPES.BlockStatement) return endsWithExit(last);
  return last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement || last.type === AST_NODE_TYPES.BreakStatement;
}
