/**
 * GraphQL resolvers: which values are the arguments a client sends to a resolver? Resolver maps
 * (`Query` / `Mutation` / `Subscription` objects of `(parent, args, context, info)` functions) and
 * resolver classes whose parameters carry an argument decorator resolved by import
 * (@nestjs/graphql `@Args()`, type-graphql `@Arg()`/`@Args()`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, shortText, singleValue, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
import type { RequestSource } from './request-sources.js';

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
/** Names of a resolver's first parameter: the parent value. */
const RESOLVER_PARENT_NAMES = /^(?:_+\w*|parent|root|obj|source|src|prev|rootValue)$/;

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
  if (isFunction(fn) && (isRootResolver(fn) || resolverOf(fn, sourceCode))) return shortText(sourceCode, node, 32);
  // A resolver defined apart from its map: `(parent, args, context) => …`. The name `args` alone is
  // not enough (`function run(cmd, args)`): the first parameter must read as the parent, or the
  // function must take the context after it.
  const named = param.type === AST_NODE_TYPES.Identifier && param.name === 'args';
  const first = fn.params[0];
  const parentLike = first?.type === AST_NODE_TYPES.Identifier && RESOLVER_PARENT_NAMES.test(first.name);
  return named && (parentLike || fn.params.length >= 3) ? shortText(sourceCode, node, 32) : null;
}

/** `resolverArgument` as a request source of role `graphql`, for taint's `resolverArguments` option. */
export function resolverArgumentSource(node: TSESTree.Node, sourceCode: SourceCode): RequestSource | null {
  const text = resolverArgument(node, sourceCode);
  return text === null ? null : { role: 'graphql', text, node };
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

// ------------------------------------------------------------------------------------------------
// Resolvers as handlers: which functions answer a client's query, and which parameter is the context

/** Context decorators of class-based GraphQL servers, resolved by import. */
export const CONTEXT_DECORATORS: readonly { modules: readonly string[]; names: readonly string[] }[] = [
  { modules: ['@nestjs/graphql'], names: ['Context'] },
  { modules: ['type-graphql'], names: ['Ctx'] },
];
/** Method decorators that make a class method an operation or field resolver. */
const OPERATION_DECORATORS: readonly { modules: readonly string[]; names: readonly string[] }[] = [
  { modules: ['@nestjs/graphql'], names: ['Query', 'Mutation', 'Subscription', 'ResolveField'] },
  { modules: ['type-graphql'], names: ['Query', 'Mutation', 'Subscription', 'FieldResolver'] },
];

export interface Resolver {
  fn: FunctionNode;
  /** `map`: a `Query`/`Mutation` field of a resolver map or a graphql-js `resolve`; `class`: a decorated method. */
  kind: 'map' | 'class';
  /** `query`, `mutation`, `subscription`, or null for a field resolver whose root is not known. */
  operation: 'query' | 'mutation' | 'subscription' | null;
  /** The resolver's field name (`deleteNote`). */
  name: string | null;
}

function decoratorMatches(
  decorators: readonly TSESTree.Decorator[] | undefined,
  table: readonly { modules: readonly string[]; names: readonly string[] }[],
  sourceCode: SourceCode,
): string | null {
  for (const decorator of decorators ?? []) {
    const expr = unwrap(decorator.expression);
    const ref = resolveModule(expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr, sourceCode);
    const entry = table.find((d) => fromModule(ref, d.modules) && ref.path.length === 1 && d.names.includes(ref.path[0]!));
    if (entry) return ref!.path[0]!;
  }
  return null;
}

const OPERATIONS: Record<string, Resolver['operation']> = { Query: 'query', Mutation: 'mutation', Subscription: 'subscription' };

/**
 * Whether `fn` is a GraphQL resolver a client reaches: a field of `Query` / `Mutation` /
 * `Subscription` in a resolver map (Apollo Server, graphql-yoga, Mercurius, graphql-tools), the
 * `resolve` of a field of a graphql-js `new GraphQLObjectType({ name: 'Mutation', fields })`, or a
 * method decorated `@Query()`/`@Mutation()` (@nestjs/graphql, type-graphql, resolved by import).
 */
export function resolverOf(fn: FunctionNode, sourceCode: SourceCode): Resolver | null {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn) {
    const decorator = decoratorMatches(parent.decorators, OPERATION_DECORATORS, sourceCode);
    if (!decorator) return null;
    const name = parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : null;
    return { fn, kind: 'class', operation: OPERATIONS[decorator] ?? null, name };
  }
  if (isRootResolver(fn)) {
    const prop = fn.parent as TSESTree.Property;
    const holder = prop.parent.parent as TSESTree.Property;
    const root = (holder.key as TSESTree.Identifier).name;
    return { fn, kind: 'map', operation: OPERATIONS[root] ?? null, name: propName(prop) };
  }
  const field = graphqlJsField(fn, sourceCode);
  return field ? { fn, kind: 'map', operation: field.operation, name: field.name } : null;
}

function propName(prop: TSESTree.Property): string | null {
  if (!prop.computed && prop.key.type === AST_NODE_TYPES.Identifier) return prop.key.name;
  return prop.key.type === AST_NODE_TYPES.Literal && typeof prop.key.value === 'string' ? prop.key.value : null;
}

/** `new GraphQLObjectType({ name: 'Mutation', fields: { deleteNote: { resolve: fn } } })` (fields may be a thunk). */
function graphqlJsField(fn: FunctionNode, sourceCode: SourceCode): { operation: Resolver['operation']; name: string | null } | null {
  const prop = fn.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== fn || propName(prop) !== 'resolve') return null;
  const config = prop.parent;
  const fieldProp = config.parent;
  if (fieldProp?.type !== AST_NODE_TYPES.Property || fieldProp.value !== config) return null;
  let fields: TSESTree.Node | undefined = fieldProp.parent;
  // `fields: () => ({ … })`
  if (fields?.parent?.type === AST_NODE_TYPES.ArrowFunctionExpression) fields = fields.parent;
  const fieldsProp = fields?.parent;
  if (fieldsProp?.type !== AST_NODE_TYPES.Property || propName(fieldsProp) !== 'fields') return null;
  const typeConfig = fieldsProp.parent;
  if (typeConfig.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const construct = typeConfig.parent;
  if (construct?.type !== AST_NODE_TYPES.NewExpression) return null;
  const ref = resolveModule(construct.callee, sourceCode);
  if (!fromModule(ref, ['graphql']) || ref.path[0] !== 'GraphQLObjectType') return null;
  const nameProp = typeConfig.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propName(p) === 'name');
  const nameValue = nameProp && unwrap(nameProp.value);
  const typeName = nameValue?.type === AST_NODE_TYPES.Literal && typeof nameValue.value === 'string' ? nameValue.value : null;
  return { operation: typeName ? (OPERATIONS[typeName] ?? null) : null, name: propName(fieldProp) };
}

/**
 * Whether a parameter is a resolver's context: the third parameter of a resolver-map function or
 * graphql-js `resolve` (`(parent, args, context, info)`), or a parameter decorated `@Context()`
 * (@nestjs/graphql) or `@Ctx()` (type-graphql).
 */
export function isResolverContext(fn: FunctionNode, index: number, param: TSESTree.Parameter, sourceCode: SourceCode): boolean {
  const decorators = 'decorators' in param ? (param.decorators as TSESTree.Decorator[] | undefined) : undefined;
  if (decoratorMatches(decorators, CONTEXT_DECORATORS, sourceCode)) return true;
  if (index !== 2) return false;
  const resolver = resolverOf(fn, sourceCode);
  return resolver?.kind === 'map';
}

/** Whether a parameter is a resolver's arguments: decorated `@Args()`/`@Arg()`, or the second parameter of a resolver. */
export function isResolverArguments(fn: FunctionNode, index: number, param: TSESTree.Parameter, sourceCode: SourceCode): boolean {
  if (hasArgumentDecorator(param, sourceCode)) return true;
  return index === 1 && resolverOf(fn, sourceCode)?.kind === 'map';
}

// ------------------------------------------------------------------------------------------------
// Input types: can the file's schema be seen to restrict what an argument holds?

/**
 * The fields each `input` type declares in the GraphQL SDL the file holds (`gql`/`graphql` tagged
 * templates, `buildSchema('…')`, `typeDefs` strings): `input NoteInput { title: String! }` gives
 * `NoteInput → [title]`; and, per operation field, the input types of its arguments
 * (`createNote(input: NoteInput!)` gives `createNote → { input: NoteInput }`).
 */
export interface SchemaText {
  inputs: Map<string, string[]>;
  fieldArguments: Map<string, Map<string, string>>;
}

/** The SDL the file shows, or null when it shows none. Cached per file. */
export const schemaInFile = perFileCache((sourceCode): SchemaText | null => {
  const text = sourceCode.text;
  let result: SchemaText | null = null;
  if (/\b(input|type)\s+\w+\s*\{/.test(text) && /\btype\s+(Query|Mutation)\b|\bextend\s+type\b|\binput\s+\w+\s*\{/.test(text)) {
    const inputs = new Map<string, string[]>();
    for (const m of text.matchAll(/\binput\s+(\w+)\s*\{([^}]*)\}/g)) {
      inputs.set(m[1]!, [...m[2]!.matchAll(/(?:^|[,\n])\s*(\w+)\s*(?:\([^)]*\))?\s*:/g)].map((f) => f[1]!));
    }
    const fieldArguments = new Map<string, Map<string, string>>();
    for (const m of text.matchAll(/\b(?:type|extend\s+type)\s+(?:Query|Mutation|Subscription)\b[^{]*\{([^}]*)\}/g)) {
      for (const f of m[1]!.matchAll(/(\w+)\s*\(([^)]*)\)\s*:/g)) {
        const args = new Map<string, string>();
        for (const a of f[2]!.matchAll(/(\w+)\s*:\s*\[?\s*(\w+)/g)) args.set(a[1]!, a[2]!);
        fieldArguments.set(f[1]!, args);
      }
    }
    if (inputs.size > 0 || fieldArguments.size > 0) result = { inputs, fieldArguments };
  }
  return result;
});

/**
 * For a class-based resolver method: the names of its `@UseGuards()` guards and other decorators,
 * method and class (`GqlAuthGuard`, `RolesGuard`, `Roles`, `Authorized`). Empty for other functions.
 */
export function resolverDecorations(fn: FunctionNode): { guards: string[]; decorators: string[] } {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition) return { guards: [], decorators: [] };
  const cls = method.parent.parent;
  const all = [...((cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression ? cls.decorators : undefined) ?? []), ...(method.decorators ?? [])];
  const guards: string[] = [];
  const decorators: string[] = [];
  for (const decorator of all) {
    const expr = unwrap(decorator.expression);
    const call = expr.type === AST_NODE_TYPES.CallExpression ? expr : null;
    const callee = unwrap(call ? call.callee : expr);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (!name) continue;
    decorators.push(name);
    if (name !== 'UseGuards' || !call) continue;
    for (const arg of call.arguments) {
      const a = unwrap(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
      const target = a.type === AST_NODE_TYPES.NewExpression || a.type === AST_NODE_TYPES.CallExpression ? unwrap(a.callee) : a;
      if (target.type === AST_NODE_TYPES.Identifier) guards.push(target.name);
    }
  }
  return { guards, decorators };
}
