import { describe, expect, it } from 'vitest';
import { resolverArgument } from '../../src/analysis/http/graphql.js';
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

  it('is null for parents, contexts, other functions and look-alike decorators', () => {
    expect(ask('export const resolvers = { Query: { user: (parent, args, context) => probe(context.user.id) } };')).toEqual([null]);
    expect(ask('export const resolvers = { Query: { user: (parent) => probe(parent.id) } };')).toEqual([null]);
    expect(ask('function handler(req, res) { return probe(res.locals); }')).toEqual([null]);
    expect(ask("import { Args } from './decorators';\nclass R { post(@Args('id') id: string) { return probe(id); } }", 'ts')).toEqual([null]);
  });
});
