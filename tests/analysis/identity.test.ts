import { describe, expect, it } from 'vitest';
import { isCallerIdentity, mentionsCaller, type IdentityOptions } from '../../src/analysis/http/identity.js';
import { probe, type Language } from './harness.js';

const check = (code: string, language: Language = 'esm', options: IdentityOptions = {}) =>
  probe(code, (node, sc) => isCallerIdentity(node, sc, options), { language });

describe('isCallerIdentity', () => {
  it('recognises Express, Fastify and Passport request identities', () => {
    expect(
      check(`
        app.get('/x', (req, res) => {
          probe(req.user); probe(req.user.id); probe(req.auth.sub); probe(req.session.userId);
          probe(req.session.passport.user); probe(res.locals.user._id); probe(req.userId);
          probe(req.params.id); probe(req.body.userId); probe(req.session.cart);
        });
        fastify.get('/y', async (request, reply) => { probe(request.user.id); probe(request.query.id); });
      `),
    ).toEqual([true, true, true, true, true, true, true, false, false, false, true, false]);
  });
  it('follows variables and destructuring', () => {
    expect(
      check(`
        router.put('/x', async (req, res) => {
          const user = req.user; const { id: me } = req.user; const { user: u2 } = req;
          const other = req.params;
          probe(user.id); probe(me); probe(u2._id); probe(other.id);
        });
        router.get('/z', ({ user }, res) => { probe(user.id); });
      `),
    ).toEqual([true, true, true, false, true]);
  });
  it('recognises Koa and Hono', () => {
    expect(
      check(`
        router.get('/k', async (ctx) => { probe(ctx.state.user.id); probe(ctx.params.id); });
        app.get('/h', (c) => { probe(c.get('jwtPayload').sub); probe(c.var.user); probe(c.req.param('id')); });
      `),
    ).toEqual([true, false, true, true, false]);
  });
  it('recognises NestJS decorators, configurable', () => {
    const code = `
      class C {
        @Get(':id') find(@Param('id') id: string, @CurrentUser() user: User, @Me() me: User, @Req() req: Request) {
          probe(user.id); probe(id); probe(me.id); probe(req.user.id);
        }
      }`;
    expect(check(code, 'ts')).toEqual([true, false, false, true]);
    expect(check(code, 'ts', { currentUserDecorators: ['Me'] })).toEqual([false, false, true, true]);
  });
  it('recognises Next.js session helpers', () => {
    expect(
      check(`
        import { auth } from '@/auth';
        import { getServerSession } from 'next-auth';
        export async function GET(request, { params }) {
          const session = await auth(); const s2 = await getServerSession(opts); const { userId } = await auth();
          probe(session.user.id); probe(s2?.user?.email); probe(userId); probe(params.id);
        }
      `),
    ).toEqual([true, true, true, false]);
  });
  it('does not count unrelated things named user or auth', () => {
    expect(
      check(`
        function f(post, user) { probe(post.user); probe(user.id); }
        const auth = 1; function g() { probe(auth); }
        app.get('/x', (req, res) => { const post = {}; probe(post.userId); probe(req.params.user); });
      `),
    ).toEqual([false, false, false, false, false]);
  });
  it('accepts extra caller expressions', () => {
    expect(
      check(`app.get('/x', (req, res) => { probe(req.account.id); probe(this.currentUser.id); });`, 'esm', {
        callerExpressions: ['req.account', 'this.currentUser'],
      }),
    ).toEqual([true, true]);
  });
});

describe('mentionsCaller', () => {
  it('finds the caller inside filters and conditions', () => {
    expect(
      probe(
        `
        app.get('/x', (req, res) => {
          const where = { id: req.params.id, ownerId: req.user.id };
          probe({ id: req.params.id, userId: req.user.id }); probe(and(eq(t.id, id), eq(t.ownerId, req.user.id)));
          probe(where); probe({ id: req.params.id }); probe(\`\${req.user.id}\`);
        });
      `,
        (node, sc) => mentionsCaller(node, sc),
      ),
    ).toEqual([true, true, true, false, true]);
  });
});

describe('isCallerIdentity: GraphQL resolver contexts', () => {
  it('reads the caller from the context of resolver maps and decorated resolvers', () => {
    expect(check('export default { Query: { q: (_, args, { user }) => probe(user.id), r: (_, a, context) => probe(context.currentUser) } };')).toEqual([true, true]);
    expect(check('export default { Query: { q: (_, args, ctx) => probe(ctx.req.user.id) } };')).toEqual([true]);
    expect(check("import { Ctx } from 'type-graphql';\nclass R { q(@Ctx() { user }: C) { return probe(user); } }", 'ts')).toEqual([true]);
    expect(check("import { Context } from '@nestjs/graphql';\nclass R { q(@Context() gql: C) { return probe(gql.user); } }", 'ts')).toEqual([true]);
  });

  it('does not take a resolver’s parent or arguments, or other functions’ third parameter, for the caller', () => {
    expect(check('export default { Query: { q: (parent, { user }) => probe(user), r: (user) => probe(user.id) } };')).toEqual([false, false]);
    expect(check('function f(a, b, { user }) { return probe(user); }')).toEqual([false]);
  });
});
