/** Whether a client value comes from the URL (path or query) and which path parameter names a parent resource. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import type { Taint } from './taint.js';

type Node = TSESTree.Node;

/**
 * True when `name` is a path parameter followed by more static path, so it addresses a parent
 * resource: `postId` in `/posts/:postId/comments`.
 */
export function isParentParam(path: string | null, name: string | null): boolean {
  if (!path || !name) return false;
  const segments = path.split('/').filter((s) => s !== '');
  const index = segments.findIndex((s) => s.replace(/[?*+]$/, '').replace(/\(.*\)$/, '') === `:${name}` || s === `{${name}}`);
  return index >= 0 && index < segments.length - 1;
}

/** Whether a client value comes from the URL (path or query), not from the body or headers. */
export function fromUrl(taint: Taint, sourceCode: SourceCode): boolean {
  const source = taint.source;
  if (source.role === 'route-context' || source.role === 'graphql') return true;
  if (source.role === 'value') return decoratedFromUrl(source.node, sourceCode);
  return /\bparams?\b|\bquery\b|searchParams|\.param\(|\.query\(|\bqueries\(|valid\((['"])(param|query)\1\)/.test(source.text);
}

/** A NestJS parameter decorated `@Param()` or `@Query()`. */
function decoratedFromUrl(node: Node, sourceCode: SourceCode): boolean {
  let root = unwrap(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, root)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  let target: Node | undefined = def.name;
  while (target && target.type !== AST_NODE_TYPES.TSParameterProperty && !isFunction(target.parent)) target = target.parent;
  const decorators = target && 'decorators' in target ? ((target as { decorators?: TSESTree.Decorator[] }).decorators ?? []) : [];
  const own = def.name.type === AST_NODE_TYPES.Identifier ? (def.name.decorators ?? []) : [];
  return [...decorators, ...own].some((d) => {
    const expr = unwrap(d.expression);
    const callee = expr.type === AST_NODE_TYPES.CallExpression ? unwrap(expr.callee) : expr;
    return callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'Param' || callee.name === 'Query');
  });
}
