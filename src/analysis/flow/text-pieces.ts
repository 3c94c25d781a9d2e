/** Which text pieces is a value assembled from, when it is assembled in this file? */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, singleValue, unwrap } from '../core/ast.js';
import { type SourceCode } from '../core/cache.js';
import { literalProperty, NON_MUTATING_CALLS } from '../core/static-value.js';
import { ARRAY_READS, callbackResult } from './constrained-value.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** The text pieces a value is assembled from, when it is assembled in this file. */
export interface TextPieces {
  /** String expressions whose text makes up the value (each may appear once, many times, or not at all). */
  pieces: Expression[];
  /** Calls an array of pieces was handed to (`addFilters(parts, query)`): they may add text not seen here. */
  handedTo: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** True when some of the text comes from somewhere not followed (a parameter, an unknown call). */
  opaque: boolean;
}

/** Methods that return a selection (or copy) of their receiver's elements. */
const ELEMENT_SELECTIONS = new Set(['filter', 'slice', 'reverse', 'sort', 'toSorted', 'toReversed', 'flat']);

/**
 * The pieces a text value is assembled from when it is assembled here: `parts.join(' AND ')` over
 * a local array (its literal elements and everything `push`ed or `unshift`ed), `.map(fn)` (what
 * `fn` returns), `cond ? a : b`, `a || b`, and `filter.sql` of a constant object literal. Null
 * when the value is not assembled in a way this can follow (a parameter, an unknown call).
 */
export function textPieces(node: Node, sourceCode: SourceCode): TextPieces | null {
  const target = unwrap(node);
  const result: TextPieces = { pieces: [], handedTo: [], opaque: false };
  switch (target.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'join') return null;
      arrayPieces(callee.object, sourceCode, result, 0);
      return result;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      result.pieces.push(target.consequent, target.alternate);
      return result;
    case AST_NODE_TYPES.LogicalExpression:
      result.pieces.push(target.left, target.right);
      return result;
    case AST_NODE_TYPES.MemberExpression: {
      const value = literalProperty(target, sourceCode);
      if (!value) return null;
      result.pieces.push(value);
      return result;
    }
    default:
      return null;
  }
}


function arrayPieces(node: Node, sourceCode: SourceCode, result: TextPieces, depth: number): void {
  if (depth > 8) {
    result.opaque = true;
    return;
  }
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of target.elements) {
        if (!element) continue;
        if (element.type === AST_NODE_TYPES.SpreadElement) arrayPieces(element.argument, sourceCode, result, depth + 1);
        else result.pieces.push(element);
      }
      return;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || method === null) break;
      if (ELEMENT_SELECTIONS.has(method)) {
        arrayPieces(callee.object, sourceCode, result, depth + 1);
        return;
      }
      if (method === 'concat') {
        arrayPieces(callee.object, sourceCode, result, depth + 1);
        for (const arg of target.arguments) arrayPieces(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, sourceCode, result, depth + 1);
        return;
      }
      if (method === 'map' || method === 'flatMap') {
        const fn = target.arguments[0];
        const returned =
          fn && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) ? callbackResult(fn) : null;
        if (returned && method === 'map') result.pieces.push(returned as Expression);
        else if (returned) arrayPieces(returned, sourceCode, result, depth + 1);
        else result.opaque = true;
        return;
      }
      break;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, target);
      const single = variable && singleValue(variable);
      if (!variable || !single || single.path.length > 0) break;
      arrayPieces(single.init, sourceCode, result, depth + 1);
      for (const ref of variable.references) {
        if (ref.init) continue;
        const id = ref.identifier;
        const parent = id.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
          const name = memberName(parent);
          const grand = parent.parent;
          if ((name === 'push' || name === 'unshift') && grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
            for (const arg of grand.arguments) {
              if (arg.type === AST_NODE_TYPES.SpreadElement) arrayPieces(arg.argument, sourceCode, result, depth + 1);
              else result.pieces.push(arg);
            }
          } else if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
            if (parent.computed) result.pieces.push(grand.right);
          } else if (name === null || !ARRAY_READS.has(name)) {
            result.opaque = true;
          }
        } else if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(id as never)) {
          if (!NON_MUTATING_CALLS.has(sourceCode.getText(parent.callee))) result.handedTo.push(parent);
        } else if (parent?.type !== AST_NODE_TYPES.SpreadElement) {
          result.opaque = true;
        }
      }
      return;
    }
    default:
      break;
  }
  result.opaque = true;
}
