import { describe, expect, it } from 'vitest';
import { isFunction, type FunctionNode } from '../../src/analysis/core/ast.js';
import { isResolverContext, resolverArgument, resolverOf, schemaInFile } from '../../src/analysis/http/graphql.js';
import { probe } from './harness.js';

const ask = (code: string, language: 'esm' | 'ts' = 'esm') => probe(code, (node, sc) => resolverArgument(node, sc), { language });

describe('resolverArgument', () => {
  it('reads args of resolver maps, by position under Query/Mutation or by the name args', () => {
    expect(ask('export const resolvers = { Query: { user: (parent, { id }) => probe(id) } };')).toEqual(['id']);
    expect(ask('export const resolvers = { Mutation: { rename(_, input) { return probe(input.name); } } };')).toEqual(['input.name']);
    expect(ask('const user = (parent, args) => probe(args.id);')).toEqual(['args.id']);
    expect(ask('const resolvers = { Query: { me: (parent, args) => { const id = args.id; return probe(id); } } };')).toEqual(['id']);
  });

  it('reads parameters decorated @Args() from @nestjs/graphql or @Arg() from type-graphql', () => {
    const nest = "import { Args, Resolver } from '@nestjs/graphql';\n@Resolver() class R { post(@Args('id') id: string) { return probe(id); } }";
    const typeGraphql = "import { Arg } from 'type-graphql';\nclass R { post(@Arg('id') id: string) { return probe(id); } }";
    expect(ask(nest, 'ts')).toEqual(['id']);
    expect(ask(typeGraphql, 'ts')).toEqual(['id']);
  });

  it('is null for a helper whose second parameter happens to be called args', () => {
    expect(ask('function run(cmd, args) { return probe(args.join(" ")); }')).toEqual([null]);
    expect(ask('export const exec = (sql, args) => probe(args[0]);')).toEqual([null]);
    expect(ask('const user = (_, args, context) => probe(args.id);')).toEqual(['args.id']);
  });

  it('is null for parents, contexts, other functions and look-alike decorators', () => {
    expect(ask('export const resolvers = { Query: { user: (parent, args, context) => probe(context.user.id) } };')).toEqual([null]);
    expect(ask('export const resolvers = { Query: { user: (parent) => probe(parent.id) } };')).toEqual([null]);
    expect(ask('function handler(req, res) { return probe(res.locals); }')).toEqual([null]);
    expect(ask("import { Args } from './decorators';\nclass R { post(@Args('id') id: string) { return probe(id); } }", 'ts')).toEqual([null]);
  });
});

describe('resolvers as handlers', () => {
  const fnOf = (n: import('@typescript-eslint/utils').TSESTree.Node) => {
    let fn: import('@typescript-eslint/utils').TSESTree.Node | undefined = n;
    while (fn && !isFunction(fn)) fn = fn.parent;
    return fn as FunctionNode;
  };
  const resolver = (code: string, language: 'esm' | 'ts' = 'esm') =>
    probe(code, (n, sc) => resolverOf(fnOf(n), sc)?.operation ?? null, { language, select: { selector: 'CallExpression[callee.name="probe"]', pick: (n) => n } });

  it('recognises resolver maps, graphql-js fields and decorated methods', () => {
    expect(resolver('export default { Mutation: { del: (_, a) => probe() }, Query: { q() { return probe(); } } };')).toEqual(['mutation', 'query']);
    expect(resolver("import { GraphQLObjectType } from 'graphql';\nnew GraphQLObjectType({ name: 'Mutation', fields: () => ({ del: { resolve: (_, a) => probe() } }) });")).toEqual(['mutation']);
    expect(resolver("import { Resolver, Mutation } from '@nestjs/graphql';\n@Resolver() class R { @Mutation(() => Boolean) del() { return probe(); } }", 'ts')).toEqual(['mutation']);
    expect(resolver("import { Query } from 'type-graphql';\nclass R { @Query(() => String) q() { return probe(); } }", 'ts')).toEqual(['query']);
    expect(resolver("import { Mutation } from './decorators';\nclass R { @Mutation() del() { return probe(); } }", 'ts')).toEqual([null]);
    expect(resolver('export default { Note: { author: (note) => probe() } };')).toEqual([null]);
  });

  it('tells the context parameter apart', () => {
    const ctx = (code: string, language: 'esm' | 'ts' = 'esm') =>
      probe(
        code,
        (n, sc) => {
          const fn = fnOf(n);
          return fn.params.map((p, i) => isResolverContext(fn, i, p, sc));
        },
        { language, select: { selector: 'CallExpression[callee.name="probe"]', pick: (n) => n } },
      );
    expect(ctx('export default { Query: { q: (p, a, c, i) => probe() } };')).toEqual([[false, false, true, false]]);
    expect(ctx("import { Ctx, Arg } from 'type-graphql';\nclass R { q(@Arg('id') id: string, @Ctx() c: C) { return probe(); } }", 'ts')).toEqual([[false, true]]);
  });

  it('reads the input types the SDL in the file declares', () => {
    const code = 'const typeDefs = gql`\n  input NoteInput { title: String!, role: String }\n  type Mutation { createNote(input: NoteInput!, draft: Boolean): Note }\n`;';
    const schema = probe(code, (_n, sc) => schemaInFile(sc), { select: { selector: 'Program', pick: (n) => n } })[0];
    expect(schema?.inputs.get('NoteInput')).toEqual(['title', 'role']);
    expect([...(schema?.fieldArguments.get('createNote') ?? [])]).toEqual([
      ['input', 'NoteInput'],
      ['draft', 'Boolean'],
    ]);
    expect(probe('const x = 1;', (_n, sc) => schemaInFile(sc), { select: { selector: 'Program', pick: (n) => n } })).toEqual([null]);
  });
});
