/**
 * GraphQL resolvers: which values are the arguments a client sends to a resolver? Resolver maps
 * (`Query` / `Mutation` / `Subscription` objects of `(parent, args, context, info)` functions) and
 * resolver classes whose parameters carry an argument decorator resolved by import
 * (@nestjs/graphql `@Args()`, type-graphql `@Arg()`/`@Args()`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, shortText, singleValue, unwrap, type FunctionNode } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';

/** Root object names of GraphQL resolver maps. */
export const RESOLVER_ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
/** Argument decorators of GraphQL servers, resolved by import. */
export const ARGUMENT_DECORATORS: readonly { modules: readonly string[]; names: readonly string[] }[] = [
  { modules: ['@nestjs/graphql'], names: ['Args'] },
  { modules: ['type-graphql'], names: ['Arg', 'Args'] },
];

/**
 * The text of a read from a GraphQL resolver's arguments: the second parameter of
 * `(parent, args, context, info)` when it is named `args` or the resolver sits under
 * `Query`/`Mutation`/`Subscription`, and parameters decorated `@Args()` (@nestjs/graphql) or
 * `@Arg()` (type-graphql). Followed through member reads, destructuring and single-value variables.
 */
export function resolverArgument(node: TSESTree.Node, sourceCode: SourceCode, depth = 0): string | null {
  if (depth > 8) return null;
  let target = unwrap(node);
  while (target.type === AST_NODE_TYPES.MemberExpression) target = unwrap(target.object);
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVar(sourceCode, target);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === 'Variable') {
    const single = singleValue(variable);
    return single && resolverArgument(single.init, sourceCode, depth + 1) !== null ? shortText(sourceCode, node, 32) : null;
  }
  if (def.type !== 'Parameter') return null;
  const fn = def.node;
  const index = fn.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
  const param = fn.params[index];
  if (!param) return null;
  if (hasArgumentDecorator(param, sourceCode)) return shortText(sourceCode, node, 32);
  if (index !== 1 || fn.params.length < 2) return null;
  const named = param.type === AST_NODE_TYPES.Identifier && param.name === 'args';
  return named || (isFunction(fn) && isRootResolver(fn)) ? shortText(sourceCode, node, 32) : null;
}

function hasArgumentDecorator(param: TSESTree.Parameter, sourceCode: SourceCode): boolean {
  const decorators = 'decorators' in param ? (param.decorators as TSESTree.Decorator[] | undefined) : undefined;
  return !!decorators?.some((decorator) => {
    const expr = unwrap(decorator.expression);
    const ref = resolveModule(expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr, sourceCode);
    return ARGUMENT_DECORATORS.some((d) => fromModule(ref, d.modules) && ref.path.length === 1 && d.names.includes(ref.path[0]!));
  });
}

/** A function that is a field of `Query: { … }`, `Mutation: { … }` or `Subscription: { … }`. */
export function isRootResolver(fn: FunctionNode): boolean {
  const prop = fn.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== fn) return false;
  const object = prop.parent;
  const holder = object?.parent;
  if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== object) return false;
  const key = holder.key;
  return !holder.computed && key.type === AST_NODE_TYPES.Identifier && RESOLVER_ROOTS.has(key.name);
}
