import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-ownership-check.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

type Options = Parameters<typeof rule.create>[0]['options'];
type MessageIds = 'missingOwnershipCheck' | 'missingOwnershipCheckSql';

const ruleTester = new RuleTester();

/**
 * Updates and deletes in handlers whose route is registered in another file, with no caller in
 * sight: reported only with `reportUnroutedWrites` (the `strict` and `all` configs), and valid with
 * the default options (the routes file may put an authorization middleware in front of them).
 */
const UNROUTED_OPTIONS = [{ reportUnroutedWrites: true }] as const;
const unroutedCases: { code: string; languageOptions?: unknown }[] = [];
function unrouted<T extends { code: string; languageOptions?: unknown }>(c: T): T & { options: typeof UNROUTED_OPTIONS } {
  unroutedCases.push({ code: c.code, languageOptions: c.languageOptions });
  return { ...c, options: UNROUTED_OPTIONS };
}

const EXPRESS = "import express from 'express';\nimport { Post, User } from './models.js';\nconst router = express.Router();\n";
const EXPRESS_CJS = "const express = require('express');\nconst { Post, User } = require('./models');\nconst router = express.Router();\n";
const PRISMA = "import { Router } from 'express';\nimport { prisma } from '../db';\nconst router = Router();\n";
const SEQUELIZE = "import { Router } from 'express';\nimport db from '../models/index.js';\nconst { Post } = db;\nconst router = Router();\n";
const NEST =
  "import { Controller, Get, Delete, Patch, Param, Body, UseGuards } from '@nestjs/common';\nimport { InjectRepository } from '@nestjs/typeorm';\nimport { Repository } from 'typeorm';\n";

/** Line and column (1-based) of the first occurrence of `needle` in `code`. */
function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test setup: ${needle} not in code`);
  const before = code.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

function invalid(
  code: string,
  needle: string,
  rest: Partial<InvalidTestCase<MessageIds, Options>> & { messageId?: MessageIds } = {},
): InvalidTestCase<MessageIds, Options> {
  const { messageId = 'missingOwnershipCheck', ...others } = rest;
  return { code, ...others, errors: [{ messageId, ...at(code, needle) }] };
}

/** The same invalid case under ESM, TypeScript and (with `cjsCode`) CommonJS. */
function everywhere(code: string, needle: string, cjsCode?: string, messageId: MessageIds = 'missingOwnershipCheck') {
  const cases = [
    invalid(code, needle, { messageId, languageOptions: esm }),
    invalid(code, needle, { messageId, languageOptions: ts }),
  ];
  if (cjsCode) {
    cases.push(invalid(cjsCode, needle, { messageId, languageOptions: cjs }));
    cases.push(invalid(cjsCode, needle, { messageId, languageOptions: cjsAsModule }));
  }
  return cases;
}

/** An invalid case whose message is asserted in full (`messageId` and every `data` value). */
function message(
  code: string,
  needle: string,
  data: { query: string; operation: string; source: string; example: string },
  languageOptions = ts,
): InvalidTestCase<MessageIds, Options> {
  return { code, languageOptions, errors: [{ messageId: 'missingOwnershipCheck', data, ...at(code, needle) }] };
}

/** The example a message gives when the library is not known by import. */
const GENERIC_EXAMPLE = 'where: { id, ownerId: callerId }';

const valid: ValidTestCase<Options>[] = [
  // --- Express + Mongoose: careful handlers
  {
    name: 'Mongoose query scoped by the caller',
    code: `${EXPRESS}router.get('/posts/:id', authenticate, async (req, res) => {
  const post = await Post.findOne({ _id: req.params.id, author: req.user._id });
  if (!post) return res.sendStatus(404);
  res.json(post);
});`,
    languageOptions: esm,
  },
  {
    name: 'ownership compared with equals() after loading',
    code: `${EXPRESS}router.patch('/posts/:id', authenticate, async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (!post) return res.sendStatus(404);
  if (!post.author.equals(req.user._id)) return res.sendStatus(403);
  post.set({ title: req.body.title });
  await post.save();
  res.json(post);
});`,
    languageOptions: esm,
  },
  {
    name: 'ownership compared with toString() after loading (CommonJS)',
    code: `${EXPRESS_CJS}router.delete('/posts/:id', protect, async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.user.toString() !== req.user.id) {
    return res.status(401).json({ msg: 'User not authorized' });
  }
  await post.deleteOne();
  res.json({ msg: 'Post removed' });
});`,
    languageOptions: cjs,
  },
  {
    name: 'admin route behind role middleware',
    code: `${EXPRESS}router.delete('/users/:id', authenticate, requireRole('admin'), async (req, res) => {
  await User.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  {
    name: 'admin router with role middleware registered above the routes',
    code: `${EXPRESS}router.use(authenticate, isAdmin);
router.put('/users/:id', async (req, res) => {
  const user = await User.findByIdAndUpdate(req.params.id, { role: req.body.role }, { new: true });
  res.json(user);
});`,
    languageOptions: esm,
  },
  {
    name: 'admin router mounted behind role middleware',
    code: `${EXPRESS}const app = express();
const admin = express.Router();
admin.delete('/users/:id', async (req, res) => {
  await User.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});
app.use('/admin', authenticate, authorize('admin'), admin);`,
    languageOptions: esm,
  },
  {
    name: 'ownership middleware in the chain',
    code: `${EXPRESS}router.put('/posts/:id', protect, checkOwnership(Post), async (req, res) => {
  const post = await Post.findByIdAndUpdate(req.params.id, { title: req.body.title });
  res.json(post);
});`,
    languageOptions: esm,
  },
  {
    name: 'the caller’s own record',
    code: `${EXPRESS}router.get('/me', authenticate, async (req, res) => {
  const user = await User.findById(req.user.id).select('-password');
  res.json(user);
});`,
    languageOptions: esm,
  },
  {
    name: 'public catalogue read without authentication',
    code: `${EXPRESS}router.get('/products/:id', async (req, res) => {
  const product = await Post.findById(req.params.id);
  res.json(product);
});`,
    languageOptions: esm,
  },
  {
    name: 'public article read by slug (slugs name public content)',
    code: `${EXPRESS}router.get('/articles/:slug', optionalAuth, async (req, res) => {
  const article = await Post.findOne({ slug: req.params.slug });
  res.json({ article, viewer: req.user?.id });
});`,
    languageOptions: esm,
  },
  {
    name: 'login looks a user up by email, not by id',
    code: `${EXPRESS}router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  res.json({ ok: !!user });
});`,
    languageOptions: esm,
  },
  {
    name: 'password reset updates by token, not by id',
    code: `${EXPRESS}router.post('/reset', async (req, res) => {
  await User.findOneAndUpdate({ resetToken: String(req.body.token) }, { password: hash });
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  {
    name: 'lists are not single-record lookups',
    code: `${EXPRESS}router.get('/users/:userId/posts', authenticate, async (req, res) => {
  res.json(await Post.find({ author: req.params.userId, published: true }));
});`,
    languageOptions: esm,
  },
  {
    name: 'create attaches the caller',
    code: `${EXPRESS}router.post('/posts', authenticate, async (req, res) => {
  const post = await Post.create({ title: req.body.title, author: req.user.id });
  res.status(201).json(post);
});`,
    languageOptions: esm,
  },
  {
    name: 'role check inside the handler',
    code: `${EXPRESS}router.delete('/users/:id', authenticate, async (req, res) => {
  if (req.user.role !== 'admin') return res.sendStatus(403);
  await User.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  {
    name: 'authorization helper (CASL) after loading',
    code: `${EXPRESS}router.put('/posts/:id', authenticate, async (req, res) => {
  const post = await Post.findById(req.params.id);
  ForbiddenError.from(req.ability).throwUnlessCan('update', post);
  await Post.updateOne({ _id: post._id }, { title: req.body.title });
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  {
    name: 'res.locals caller compared',
    code: `${EXPRESS}router.get('/notes/:id', requireAuth, async (req, res) => {
  const note = await Post.findById(req.params.id);
  if (!note || !note.owner.equals(res.locals.user._id)) return res.sendStatus(404);
  res.json(note);
});`,
    languageOptions: esm,
  },
  {
    name: 'tenant scoping by a server-side value',
    code: `${EXPRESS}router.get('/invoices/:id', authenticate, async (req, res) => {
  const invoice = await Post.findOne({ _id: req.params.id, tenantId: req.tenant.id });
  res.json(invoice);
});`,
    languageOptions: esm,
  },
  {
    name: 'parent resource looked up on a nested route',
    code: `${EXPRESS}router.post('/posts/:postId/comments', authenticate, async (req, res) => {
  const post = await Post.findById(req.params.postId);
  if (!post) return res.sendStatus(404);
  const comment = await Post.create({ text: req.body.text, post: post._id, author: req.user.id });
  res.status(201).json(comment);
});`,
    languageOptions: esm,
  },
  {
    name: 'record referenced from the body to attach to (read)',
    code: `${EXPRESS}router.post('/likes', authenticate, async (req, res) => {
  const post = await Post.findById(req.body.postId);
  await User.updateOne({ _id: req.user.id }, { $addToSet: { likes: post._id } });
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  {
    name: 'membership lookup keyed by the same id is the access check',
    code: `${EXPRESS}router.get('/projects/:id', authenticate, async (req, res) => {
  const membership = await User.findOne({ project: req.params.id, user: req.user.id });
  if (!membership) return res.sendStatus(404);
  res.json(await Post.findById(req.params.id));
});`,
    languageOptions: esm,
  },
  {
    name: 'organization scoping by a server-side value',
    code: `${EXPRESS}router.delete('/projects/:id', authenticate, async (req, res) => {
  await Post.deleteOne({ _id: req.params.id, organization: req.org._id });
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  // --- Prisma
  {
    name: 'Prisma where with the caller',
    code: `${PRISMA}router.get('/todos/:id', requireAuth, async (req, res) => {
  const todo = await prisma.todo.findFirst({ where: { id: Number(req.params.id), userId: req.user.id } });
  res.json(todo);
});`,
    languageOptions: ts,
  },
  {
    name: 'Prisma caller id held in a variable',
    code: `${PRISMA}router.delete('/todos/:id', requireAuth, async (req, res) => {
  const { id: userId } = req.user;
  await prisma.todo.deleteMany({ where: { id: req.params.id, userId } });
  res.sendStatus(204);
});`,
    languageOptions: ts,
  },
  {
    name: 'Prisma compound unique key with the caller',
    code: `${PRISMA}router.patch('/todos/:id', requireAuth, async (req, res) => {
  const where = { id_ownerId: { id: req.params.id, ownerId: req.user.id } };
  res.json(await prisma.todo.update({ where, data: { done: true } }));
});`,
    languageOptions: ts,
  },
  // --- Sequelize
  {
    name: 'Sequelize findOne scoped by the session user',
    code: `${SEQUELIZE}router.get('/posts/:id', async (req, res) => {
  const post = await Post.findOne({ where: { id: req.params.id, userId: req.session.userId } });
  res.json(post);
});`,
    languageOptions: esm,
  },
  {
    name: 'Sequelize update scoped by the caller',
    code: `${SEQUELIZE}router.put('/posts/:id', auth, async (req, res) => {
  await Post.update({ title: req.body.title }, { where: { id: req.params.id, authorId: req.user.id } });
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  {
    name: 'Sequelize instance compared after findByPk',
    code: `${SEQUELIZE}router.delete('/posts/:id', auth, async (req, res) => {
  const post = await Post.findByPk(req.params.id);
  if (post.userId !== req.user.id) return res.status(403).end();
  await post.destroy();
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  // --- Raw SQL
  {
    name: 'SQL scoped by the caller',
    code: `import { Pool } from 'pg';
import express from 'express';
const pool = new Pool();
const app = express();
app.get('/orders/:id', authenticate, async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1 AND user_id = $2', [req.params.id, req.user.id]);
  res.json(rows[0]);
});`,
    languageOptions: esm,
  },
  {
    name: 'SQL reading the caller’s own row',
    code: `import express from 'express';
import { db } from './db.js';
const app = express();
app.get('/me', authenticate, async (req, res) => {
  res.json(await db.query('SELECT id, name FROM users WHERE id = $1', [req.user.id]));
});`,
    languageOptions: esm,
  },
  // --- Knex, TypeORM, Drizzle, MikroORM
  {
    name: 'Knex scoped by the caller',
    code: `import knex from 'knex';
const db = knex(config);
router.get('/invoices/:id', authenticate, async (req, res) => {
  res.json(await db('invoices').where({ id: req.params.id, user_id: req.user.id }).first());
});`,
    languageOptions: esm,
  },
  {
    name: 'TypeORM query builder scoped by the caller',
    code: `router.get('/posts/:id', authenticate, async (req, res) => {
  const post = await postRepository
    .createQueryBuilder('post')
    .where('post.id = :id', { id: req.params.id })
    .andWhere('post.authorId = :uid', { uid: req.user.id })
    .getOne();
  res.json(post);
});`,
    languageOptions: ts,
  },
  {
    name: 'Drizzle and(eq(id), eq(owner))',
    code: `import { and, eq } from 'drizzle-orm';
app.delete('/notes/:id', authMiddleware, async (c) => {
  const user = c.get('user');
  await db.delete(notes).where(and(eq(notes.id, c.req.param('id')), eq(notes.ownerId, user.id)));
  return c.body(null, 204);
});`,
    languageOptions: ts,
  },
  {
    name: 'MikroORM filter with the caller',
    code: `router.get('/posts/:id', authenticate, async (req, res) => {
  res.json(await em.findOne(Post, { id: req.params.id, author: req.user.id }));
});`,
    languageOptions: ts,
  },
  // --- Koa, Fastify
  {
    name: 'Koa scoped by ctx.state.user',
    code: `import Router from '@koa/router';
import { Post } from './models.js';
const router = new Router();
router.get('/posts/:id', jwt({ secret }), async (ctx) => {
  ctx.body = await Post.findOne({ _id: ctx.params.id, owner: ctx.state.user.id });
});`,
    languageOptions: esm,
  },
  {
    name: 'Fastify ownership hook in preHandler',
    code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/orders/:id', { preHandler: [fastify.authenticate, fastify.verifyOrderOwner] }, async (request) => {
  return Order.findByPk(request.params.id);
});`,
    languageOptions: esm,
  },
  {
    name: 'Fastify scoped by request.user',
    code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.delete('/orders/:id', { onRequest: [fastify.authenticate] }, async (request, reply) => {
  await Order.destroy({ where: { id: request.params.id, userId: request.user.id } });
  return reply.code(204).send();
});`,
    languageOptions: esm,
  },
  // --- Data-access wrappers from local modules (named like repositories, not resolved to a library)
  {
    name: 'a local Knex repository wrapper scoped by the caller',
    code: `const express = require('express');
const tasksRepository = require('./tasks-repository');
const router = express.Router();
router.patch('/tasks/:id', authenticate, async (req, res) => {
  await tasksRepository.update({ id: req.params.id, userId: req.user.id }, { title: String(req.body.title) });
  res.sendStatus(204);
});`,
    languageOptions: cjs,
  },
  {
    name: 'a local repository class instance whose read is compared with the caller',
    code: `import { Router } from 'express';
import { TasksRepository } from '../repositories/tasks-repository';
import { db } from '../db';
const router = Router();
const tasksRepository = new TasksRepository(db);
router.get('/tasks/:id', requireAuth, async (req, res) => {
  const task = await tasksRepository.findOne(req.params.id);
  if (!task || task.userId !== req.user.id) return res.sendStatus(404);
  res.json(task);
});`,
    languageOptions: ts,
  },
  {
    name: 'a Knex-backed repository made in the router factory, scoped by the caller',
    code: `import type { Knex } from 'knex';
import { Router } from 'express';
export function tasksRouter(knex: Knex) {
  const tasksRepository = createTasksRepository(knex);
  const router = Router();
  router.delete('/tasks/:id', requireAuth, async (req, res) => {
    await tasksRepository.delete({ id: req.params.id, userId: req.user.id });
    res.sendStatus(204);
  });
  return router;
}`,
    languageOptions: ts,
  },
  // --- NestJS
  {
    name: 'NestJS controller with a policies guard',
    code: `${NEST}@Controller('posts')
@UseGuards(JwtAuthGuard, PoliciesGuard)
export class PostsController {
  constructor(@InjectRepository(Post) private readonly posts: Repository<Post>) {}
  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.posts.findOneBy({ id });
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'NestJS admin endpoint with a roles guard and decorator',
    code: `${NEST}@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly usersRepository: Repository<User>) {}
  @Delete(':id')
  @UseGuards(AuthGuard('jwt'), RolesGuard)
  @Roles(Role.Admin)
  remove(@Param('id') id: string) {
    return this.usersRepository.delete(id);
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'NestJS controller delegating to a service with the caller',
    code: `${NEST}@Controller('posts')
@UseGuards(JwtAuthGuard)
export class PostsController {
  constructor(private readonly postsService: PostsService) {}
  @Patch(':id')
  update(@Param('id') id: string, @Body() dto: UpdatePostDto, @CurrentUser() user: User) {
    return this.postsService.update(id, user.id, dto);
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'NestJS service comparing owner ids',
    code: `import { ForbiddenException, Injectable } from '@nestjs/common';
@Injectable()
export class PostsService {
  constructor(private readonly postRepository: Repository<Post>) {}
  async update(id: string, userId: string, dto: UpdatePostDto) {
    const post = await this.postRepository.findOneBy({ id });
    if (post.ownerId !== userId) throw new ForbiddenException();
    return this.postRepository.save({ ...post, ...dto });
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'NestJS controller scoping by the current user',
    code: `${NEST}@Controller('notes')
@UseGuards(JwtAuthGuard)
export class NotesController {
  constructor(private readonly notesRepository: Repository<Note>) {}
  @Get(':id')
  findOne(@Param('id') id: string, @CurrentUser() user: User) {
    return this.notesRepository.findOne({ where: { id, owner: { id: user.id } } });
  }
}`,
    languageOptions: ts,
  },
  // --- Next.js
  {
    name: 'Next.js App Router handler scoped by the session',
    code: `import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';
export async function GET(request, { params }) {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  const doc = await prisma.document.findFirst({ where: { id: params.id, authorId: session.user.id } });
  return Response.json(doc);
}`,
    languageOptions: ts,
  },
  {
    name: 'Next.js App Router handler comparing after loading',
    code: `import { getServerSession } from 'next-auth';
import { NextResponse } from 'next/server';
export const DELETE = async (req, { params }) => {
  const session = await getServerSession(authOptions);
  const doc = await prisma.document.findUnique({ where: { id: params.id } });
  if (doc?.authorId !== session?.user?.id) return NextResponse.json({ error: 'Forbidden' }, { status: 403 });
  await prisma.document.delete({ where: { id: doc.id } });
  return new NextResponse(null, { status: 204 });
};`,
    languageOptions: ts,
  },
  // --- options
  {
    name: 'custom caller expression',
    code: `${EXPRESS}router.get('/posts/:id', authenticate, async (req, res) => {
  res.json(await Post.findOne({ _id: req.params.id, account: req.account.id }));
});`,
    options: [{ callerExpressions: ['req.account'] }],
    languageOptions: esm,
  },
  {
    name: 'custom owner field filled by a service value',
    code: `${EXPRESS}router.get('/docs/:id', authenticate, async (req, res) => {
  res.json(await Post.findOne({ _id: req.params.id, workspace: currentWorkspace(req) }));
  void req.user;
});`,
    options: [{ ownerFields: ['workspace'] }],
    languageOptions: esm,
  },
  {
    name: 'custom authorization middleware name',
    code: `${EXPRESS}router.get('/docs/:id', authenticate, mustBeMember, async (req, res) => {
  res.json(await Post.findById(req.params.id));
  void req.user;
});`,
    options: [{ authorizationMiddleware: ['^mustBe'] }],
    languageOptions: esm,
  },
  // --- strange code
  {
    name: 'computed method, spread and missing arguments',
    code: `${EXPRESS}router.get('/x/:id', authenticate, async (req, res) => {
  await Post[method](req.params.id);
  await Post.findById(...ids);
  await Post.findById();
  await prisma?.post?.findUnique?.({ where: { id: req.params.id, userId: req.user?.id } });
  res.end();
});`,
    languageOptions: ts,
  },
  {
    name: 'no handler at all',
    code: `const post = await Post.findById(id); export default post;`,
    languageOptions: esm,
  },
  {
    name: 'Hono + Drizzle membership lookup, then a refusal, then the read',
    code: `import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { db } from './db';
const app = new Hono();
app.get('/teams/:teamId', async (c) => {
  const user = c.get('user');
  if (!user) return c.json({ error: 'Unauthorized' }, 401);
  const membership = await db.query.teamMembers.findFirst({ where: and(eq(teamMembers.teamId, c.req.param('teamId')), eq(teamMembers.userId, user.id)) });
  if (!membership) return c.json({ error: 'Forbidden' }, 403);
  return c.json(await db.query.teams.findFirst({ where: eq(teams.id, c.req.param('teamId')) }));
});`,
    languageOptions: ts,
  },
  {
    name: 'Fastify @fastify/auth combining authentication with an ownership check',
    code: `import Fastify from 'fastify';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const fastify = Fastify();
fastify.put('/profiles/:id', { onRequest: [fastify.authenticate], preHandler: fastify.auth([fastify.isSelfOrAdmin]) }, async (request) => {
  await prisma.user.update({ where: { id: request.params.id }, data: { displayName: String(request.body.displayName) } });
  return { ok: true };
});`,
    languageOptions: esm,
  },
  {
    name: 'queries scoped by a project a router.param() loader checked',
    code: `${EXPRESS}router.param('projectId', async (req, res, next, projectId) => {
  req.project = await Project.findOne({ _id: projectId, members: req.user._id });
  if (!req.project) return res.sendStatus(404);
  next();
});
router.delete('/projects/:projectId/tasks/:taskId', requireAuth, async (req, res) => {
  await Task.deleteOne({ _id: req.params.taskId, project: req.project._id });
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  {
    name: 'the owner field compared with a caller id from a local helper',
    code: `import { requireUserId } from '@/lib/session';
import { db } from '@/lib/db';
export async function DELETE(request: Request, { params }: { params: { id: string } }) {
  const userId = await requireUserId(request);
  const note = await db.note.findUnique({ where: { id: params.id }, select: { ownerId: true } });
  if (note?.ownerId !== userId) return new Response(null, { status: 404 });
  await db.note.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
}`,
    languageOptions: ts,
  },
  {
    name: 'a scoped write whose count gates the next query',
    code: `${PRISMA}router.post('/posts/:id/publish', requireAuth, async (req, res) => {
  const { count } = await prisma.post.updateMany({ where: { id: req.params.id, authorId: req.user.id }, data: { published: true } });
  if (!count) return res.sendStatus(404);
  await prisma.post.update({ where: { id: req.params.id }, data: { publishedAt: new Date() } });
  res.sendStatus(204);
});`,
    languageOptions: ts,
  },
  {
    name: 'a parent loaded by a path id only to attach a child to it',
    code: `${EXPRESS}router.post('/posts/:postId/comments', requireAuth, async (req, res) => {
  const post = await Post.findById(req.params.postId);
  if (!post) return res.sendStatus(404);
  const comment = await Comment.create({ post: post._id, author: req.user._id, body: String(req.body.body) });
  res.status(201).json({ id: comment.id });
});`,
    languageOptions: esm,
  },
  {
    name: 'Sequelize include with a where on the owner scopes the row',
    code: `${SEQUELIZE}router.get('/tasks/:id', ensureLoggedIn, async (req, res) => {
  const task = await Post.findOne({
    where: { id: req.params.id },
    include: [{ model: Project, where: { ownerId: req.user.id }, required: true }],
  });
  res.json(task);
});`,
    languageOptions: esm,
  },
  {
    name: 'a user profile read by id with a chosen field list is a directory lookup',
    code: `${EXPRESS}router.get('/users/:id', requireAuth, async (req, res) => {
  const user = await User.findById(req.params.id).select('displayName bio avatarUrl');
  if (!user) return res.sendStatus(404);
  res.json(user);
});`,
    languageOptions: esm,
  },
  {
    name: 'Prisma user profile with select in a signed-in Pages API handler',
    code: `import { getSession } from 'next-auth/react';
import prisma from '../../../lib/prisma';
export default async function handler(req, res) {
  const session = await getSession({ req });
  if (!session) return res.status(401).end();
  const user = await prisma.user.findUnique({ where: { id: String(req.query.id) }, select: { id: true, name: true, image: true } });
  res.json(user);
}`,
    languageOptions: ts,
  },
  {
    name: 'optional authentication: the route also serves anonymous visitors',
    code: `${EXPRESS}router.get('/products/:id', optionalAuth, async (req, res) => {
  const product = await Post.findById(req.params.id).lean();
  const favorite = req.user ? await Favorite.exists({ user: req.user._id, product: product._id }) : false;
  res.json({ ...product, favorite });
});`,
    languageOptions: esm,
  },
  {
    name: 'an ownership comparison in the same branch as the delete',
    code: `import prisma from '../../../lib/prisma';
export default async function handler(req, res) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end();
  if (req.method === 'DELETE') {
    const post = await prisma.post.findUnique({ where: { id: String(req.query.id) } });
    if (post?.authorId !== session.user.id) return res.status(403).end();
    await prisma.post.delete({ where: { id: String(req.query.id) } });
    return res.status(204).end();
  }
  return res.status(405).end();
}
import { getServerSession } from 'next-auth/next';`,
    languageOptions: ts,
  },
];


// --- Handlers exported from controller modules (routes registered in another file)
const MODELS_ESM = "import { Note, Post, Product, Invitation } from '../models/index.js';\n";
const MODELS_CJS = "const { Note, Post, Product, Invitation } = require('../models');\n";

const controllerValid: ValidTestCase<Options>[] = [
  {
    name: 'controller module: every handler scopes by the caller or compares the owner',
    code: `${MODELS_CJS}module.exports = {
  readNote: async (req, res) => {
    const note = await Note.findOne({ _id: req.params.id, owner: req.user.id });
    if (!note) return res.sendStatus(404);
    res.json(note);
  },
  removeNote: async (req, res) => {
    const note = await Note.findById(req.params.id);
    if (!note) return res.sendStatus(404);
    if (!note.owner.equals(req.user._id)) return res.sendStatus(403);
    await note.deleteOne();
    res.sendStatus(204);
  },
};`,
    languageOptions: cjs,
  },
  {
    name: 'exports.x handler that deletes only the caller’s own record',
    code: `${MODELS_CJS}exports.remove = async function (req, res) {
  const deleted = await Note.findOneAndDelete({ _id: req.params.id, owner: req.user._id });
  if (!deleted) return res.sendStatus(404);
  res.sendStatus(204);
};`,
    languageOptions: cjs,
  },
  {
    name: 'a middleware that loads the record and passes on with next() is not the final handler',
    code: `${MODELS_CJS}exports.loadNote = async (req, res, next) => {
  req.note = await Note.findById(req.params.id);
  if (!req.note) return res.sendStatus(404);
  next();
};
exports.list = async (req, res) => res.json(await Note.find({ owner: req.user.id }));`,
    languageOptions: cjs,
  },
  {
    name: 'a middleware factory: the function it returns is not exported',
    code: `${MODELS_ESM}export const loadRecord = (Model) => async (req, res, next) => {
  const record = await Model.findByIdAndUpdate(req.params.id, { lastSeenAt: new Date() });
  if (!record) return res.sendStatus(404);
  req.record = record;
  return next();
};`,
    languageOptions: esm,
  },
  {
    name: 'a local (req, res) helper that is not exported and not routed',
    code: `${MODELS_ESM}async function removeNote(req, res) {
  await Note.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
}
export default { list: async (req, res) => res.json(await Note.find({ owner: req.user.id })) };`,
    languageOptions: esm,
  },
  {
    name: 'parameters named req/res that TypeScript types as something else',
    code: `${MODELS_ESM}export const purge = async (req: { params: { id: string } }, res: number) => {
  await Note.findByIdAndDelete(req.params.id);
  return res + 1;
};`,
    languageOptions: ts,
  },
  {
    name: 'a (req, res) function whose res is not a response and req is never read as a request',
    code: `${MODELS_CJS}exports.add = (req, res) => req + res;
exports.remove = async (id, user) => Note.deleteOne({ _id: id, owner: user.id });`,
    languageOptions: cjs,
  },
  {
    name: 'a (c) function without any Hono context use is not a handler',
    code: `${MODELS_ESM}export async function clear(c) {
  await Note.findByIdAndDelete(c.noteId);
  return c.count + 1;
}`,
    languageOptions: esm,
  },
  {
    name: 'public post read by slug with a publication filter, in a controller whose other handlers read the caller',
    code: `${MODELS_ESM}export const show = async (req, res) => {
  const post = await Post.findOne({ slug: req.params.slug, status: 'published' });
  if (!post) return res.sendStatus(404);
  res.json(post);
};
export const create = async (req, res) => {
  const post = await Post.create({ title: req.body.title, author: req.user.id });
  res.status(201).json({ id: post.id });
};`,
    languageOptions: esm,
  },
  {
    name: 'public article read by its slug (RealWorld shape) in a controller whose other handlers read the caller',
    code: `${MODELS_CJS}exports.getArticle = async (req, res) => {
  const article = await Post.findOne({ slug: req.params.slug }).populate('author', 'username bio image');
  if (!article) return res.sendStatus(404);
  res.json({ article });
};
exports.favorite = async (req, res) => {
  const article = await Post.findOne({ slug: req.params.slug });
  await req.user.favorite(article._id);
  res.json({ article });
};`,
    languageOptions: cjs,
  },
  {
    name: 'public catalogue: the controller lists the model for everyone, so reading one by id is public',
    code: `${MODELS_ESM}export const listProducts = async (req, res) => res.json(await Product.find({}).limit(50));
export const getProduct = async (req, res) => {
  const product = await Product.findById(req.params.id);
  if (!product) return res.sendStatus(404);
  res.json(product);
};
export const createProduct = async (req, res) => {
  const product = await Product.create({ name: req.body.name, seller: req.user.id });
  res.status(201).json({ id: product.id });
};`,
    languageOptions: esm,
  },
  {
    name: 'an invitation accepted by its secret token: knowing the token is the permission',
    code: `${MODELS_CJS}exports.accept = async (req, res) => {
  const invitation = await Invitation.findOne({ token: req.params.token, acceptedAt: null });
  if (!invitation) return res.sendStatus(404);
  invitation.acceptedAt = new Date();
  await invitation.save();
  res.json({ ok: true });
};
exports.mine = async (req, res) => res.json(await Invitation.find({ invitedBy: req.user.id }));`,
    languageOptions: cjs,
  },
  {
    name: 'a read by id in a controller that never shows a caller stays unreported',
    code: `${MODELS_CJS}exports.show = async (req, res) => {
  const note = await Note.findById(req.params.id);
  res.json(note);
};`,
    languageOptions: cjs,
  },
  {
    name: 'a routes file whose public GET has no middleware while the write routes authenticate',
    code: `${EXPRESS}router.get('/posts/:id', async (req, res) => {
  res.json(await Post.findById(req.params.id));
});
router.post('/posts', requireAuth, async (req, res) => {
  res.json(await Post.create({ title: req.body.title, author: req.user.id }));
});`,
    languageOptions: esm,
  },
  {
    name: 'a caller read with optional chaining elsewhere does not make the file authenticated',
    code: `${EXPRESS}router.get('/posts/:id', async (req, res) => {
  res.json(await Post.findById(req.params.id));
});
router.get('/feed', async (req, res) => {
  res.json(await Post.find({ hiddenFor: { $ne: req.user?.id } }).limit(20));
});`,
    languageOptions: esm,
  },
  {
    name: 'a controller exported from a file that mounts an admin middleware',
    code: `import { Router } from 'express';
${MODELS_ESM}export const router = Router();
router.use(requireAdmin);
export const remove = async (req, res) => {
  await Note.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
};`,
    languageOptions: esm,
  },
  {
    name: 'controller class whose methods check ownership',
    code: `${MODELS_ESM}export class NotesController {
  async update(req: Request, res: Response) {
    const note = await Note.findById(req.params.id);
    if (!note) return res.sendStatus(404);
    if (String(note.owner) !== String(req.user.id)) return res.sendStatus(403);
    note.title = req.body.title;
    await note.save();
    res.json({ id: note.id });
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'a write keyed by a name that comes from the body, not the URL, is not an id the client addresses',
    code: `${MODELS_CJS}exports.rename = async (req, res) => {
  await Note.updateOne({ name: req.body.name, owner: req.user.id }, { title: req.body.title });
  res.sendStatus(204);
};`,
    languageOptions: cjs,
  },
  {
    name: 'Koa controller method scoped by ctx.state.user',
    code: `${MODELS_ESM}export default {
  async remove(ctx) {
    const count = await Note.destroy({ where: { id: ctx.params.id, userId: ctx.state.user.id } });
    ctx.status = count ? 204 : 404;
  },
};`,
    languageOptions: esm,
  },
];

const controllerInvalid: InvalidTestCase<MessageIds, Options>[] = [
  // Object of handlers: a read by client id, the caller known from the sibling handler, the model not listed for everyone.
  ...acrossParsers(
    [
      invalid(
        `${MODELS_CJS}module.exports = {
  readNote: async (req, res) => {
    const note = await Note.findById(req.params.id);
    res.json(note);
  },
  listNotes: async (req, res) => res.json(await Note.find({ owner: req.user.id })),
};`,
        'Note.findById',
      ),
    ],
    [cjs, ts],
  ),
  ...acrossParsers(
    [
      invalid(
        `${MODELS_ESM}export default {
  readNote: async (req, res) => {
    const note = await Note.findById(req.params.id);
    res.json(note);
  },
  listNotes: async (req, res) => res.json(await Note.find({ owner: req.user.id })),
};`,
        'Note.findById',
      ),
    ],
    [esm, ts],
  ),
  // exports.x = function (req, res): a delete by client id in an exported handler.
  ...acrossParsers(
    [
      unrouted(invalid(
        `${MODELS_CJS}exports.remove = function (req, res) {
  return Note.findByIdAndDelete(req.params.id).then(() => res.sendStatus(204));
};`,
        'Note.findByIdAndDelete',
      )),
    ],
    [cjs, ts],
  ),
  ...acrossParsers(
    [
      unrouted(invalid(
        `${MODELS_CJS}module.exports.update = async (req, res) => {
  await Note.updateOne({ _id: req.params.id }, { title: req.body.title });
  res.sendStatus(204);
};`,
        'Note.updateOne',
      )),
    ],
    [cjs, ts],
  ),
  // export const / export function, with a wrapper.
  ...acrossParsers(
    [
      unrouted(invalid(
        `${MODELS_ESM}import asyncHandler from 'express-async-handler';
export const remove = asyncHandler(async (req, res) => {
  await Note.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`,
        'Note.findByIdAndDelete',
      )),
      unrouted(invalid(
        `${MODELS_ESM}export async function remove(req, res) {
  await Note.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
}`,
        'Note.deleteOne',
      )),
    ],
    [esm, ts],
  ),
  // Controller classes: a method, a class-field arrow, an instance exported.
  ...acrossParsers(
    [
      unrouted(invalid(
        `${MODELS_CJS}class NotesController {
  async remove(req, res) {
    await Note.findByIdAndDelete(req.params.id);
    res.sendStatus(204);
  }
}
module.exports = new NotesController();`,
        'Note.findByIdAndDelete',
      )),
    ],
    [cjs, ts],
  ),
  unrouted(invalid(
    `${MODELS_ESM}import type { Request, Response } from 'express';
export class NotesController {
  remove = async (req: Request, res: Response) => {
    await Note.findByIdAndDelete(req.params.id);
    res.sendStatus(204);
  };
}`,
    'Note.findByIdAndDelete',
    { languageOptions: ts },
  )),
  // Fastify (request, reply), Koa (ctx), Hono (c) handlers exported from their own file.
  ...acrossParsers(
    [
      unrouted(invalid(
        `import { prisma } from '../db.js';
export async function deleteNote(request, reply) {
  await prisma.note.delete({ where: { id: request.params.id } });
  return reply.code(204).send();
}`,
        'prisma.note.delete',
      )),
      unrouted(invalid(
        `${MODELS_ESM}export default {
  async remove(ctx) {
    await Note.destroy({ where: { id: ctx.params.id } });
    ctx.status = 204;
  },
};`,
        'Note.destroy',
      )),
      unrouted(invalid(
        `import { prisma } from '../db.js';
export const removeNote = async (c) => {
  await prisma.note.delete({ where: { id: c.req.param('id') } });
  return c.json({ ok: true });
};`,
        'prisma.note.delete',
      )),
    ],
    [esm, ts],
  ),
  unrouted(invalid(
    `const { prisma } = require('../db');
exports.deleteNote = async (request, reply) => {
  await prisma.note.delete({ where: { id: request.params.id } });
  reply.code(204).send();
};`,
    'prisma.note.delete',
    { languageOptions: cjs },
  )),
  // Ownership filters keyed by anything.
  ...acrossParsers(
    [
      unrouted(invalid(
        `${MODELS_CJS}exports.remove = async (req, res) => {
  await Note.deleteOne({ name: req.params.noteId });
  res.sendStatus(204);
};`,
        'Note.deleteOne',
      )),
      invalid(
        `${MODELS_CJS}exports.read = async (req, res) => {
  const note = await Note.findOne({ slug: req.params.noteId });
  res.json(note);
};
exports.list = async (req, res) => res.json(await Note.find({ user: req.user.id }));`,
        'Note.findOne',
      ),
    ],
    [cjs, ts],
  ),
  ...acrossParsers(
    [
      invalid(
        `import { prisma } from '../db.js';
export const getInvoice = async (req, res) => {
  const invoice = await prisma.invoice.findFirst({ where: { number: req.params.number } });
  res.json(invoice);
};
export const listInvoices = async (req, res) => res.json(await prisma.invoice.findMany({ where: { customerId: req.user.id } }));`,
        'prisma.invoice.findFirst',
      ),
    ],
    [esm, ts],
  ),
  // A routes file whose handlers read the caller (authentication mounted elsewhere) and that scopes
  // the same entity to its owner elsewhere: the read that does not check.
  invalid(
    `${EXPRESS}router.get('/notes/:id', async (req, res) => {
  res.json(await Post.findById(req.params.id));
});
router.get('/notes', async (req, res) => {
  res.json(await Post.find({ author: req.user.id }));
});`,
    'Post.findById',
    { languageOptions: esm },
  ),
  // Authentication mounted on the router of the file, exported handler without a caller read of its own.
  invalid(
    `import { Router } from 'express';
${MODELS_ESM}export const router = Router();
router.use(requireAuth);
export const read = async (req, res) => {
  res.json(await Note.findById(req.params.id));
};`,
    'Note.findById',
    { languageOptions: esm },
  ),
];

// --- GraphQL resolvers: args are client input, context.user / @CurrentUser() the caller
const GQL_MODELS = "import { Note, Product } from './models.js';\n";
const NEST_GQL =
  "import { Resolver, Query, Mutation, Args, Context } from '@nestjs/graphql';\nimport { UseGuards } from '@nestjs/common';\n";

const graphqlValid: ValidTestCase<Options>[] = [
  {
    name: 'resolver map scoping every query by context.user',
    code: `${GQL_MODELS}export const resolvers = {
  Query: {
    note: (_, { id }, { user }) => Note.findOne({ _id: id, owner: user.id }),
    notes: (_, __, { user }) => Note.find({ owner: user.id }),
  },
  Mutation: {
    deleteNote: async (_, { id }, context) => {
      const note = await Note.findById(id);
      if (!note || String(note.owner) !== String(context.user.id)) throw new ForbiddenError('Not yours');
      await note.deleteOne();
      return true;
    },
  },
};`,
    languageOptions: esm,
  },
  {
    name: 'resolver map of a public catalogue: products are listed for everyone',
    code: `const { Product, Review } = require('./models');
module.exports = {
  Query: {
    products: () => Product.find({}),
    product: (_, args) => Product.findById(args.id),
  },
  Mutation: {
    review: (_, args, ctx) => Review.create({ product: args.productId, by: ctx.user.id, text: args.text }),
  },
};`,
    languageOptions: cjs,
  },
  {
    name: 'a read by args.id in a resolver map that never shows a caller',
    code: `${GQL_MODELS}export const resolvers = { Query: { note: (_, args) => Note.findById(args.id) } };`,
    languageOptions: esm,
  },
  {
    name: 'NestJS resolver scoping by @CurrentUser()',
    code: `${NEST_GQL}@Resolver()
export class NotesResolver {
  constructor(private readonly notes: NotesRepository) {}
  @Mutation(() => Boolean)
  @UseGuards(GqlAuthGuard)
  removeNote(@Args('id') id: string, @CurrentUser() user: User) {
    return this.notes.delete({ id, ownerId: user.id });
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'NestJS resolver guarded by a roles guard',
    code: `${NEST_GQL}@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class AdminNotesResolver {
  constructor(private readonly notesRepository: NotesRepository) {}
  @Mutation(() => Boolean)
  removeNote(@Args('id') id: string) {
    return this.notesRepository.delete(id);
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'type-graphql resolver comparing the owner from @Ctx()',
    code: `import { Resolver, Mutation, Arg, Ctx } from 'type-graphql';
${GQL_MODELS}@Resolver()
export class NoteResolver {
  @Mutation(() => Boolean)
  async deleteNote(@Arg('id') id: string, @Ctx() { user }: Context) {
    const note = await Note.findById(id);
    if (note?.owner !== user.id) throw new ForbiddenError();
    await note.deleteOne();
    return true;
  }
}`,
    languageOptions: ts,
  },
  {
    name: 'a field resolver loading the parent’s relation is not client-addressed',
    code: `${GQL_MODELS}export const resolvers = { Note: { author: (note, _args, { loaders }) => loaders.user.load(note.authorId) } };`,
    languageOptions: esm,
  },
];

const graphqlInvalid: InvalidTestCase<MessageIds, Options>[] = [
  ...acrossParsers(
    [
      invalid(
        `${GQL_MODELS}export const resolvers = {
  Query: {
    notes: (_, __, { user }) => Note.find({ owner: user.id }),
    note: (_, { id }) => Note.findById(id),
  },
};`,
        'Note.findById',
      ),
      unrouted(invalid(
        `${GQL_MODELS}export const resolvers = {
  Mutation: {
    deleteNote: (parent, args, context, info) => Note.findByIdAndDelete(args.id),
  },
};`,
        'Note.findByIdAndDelete',
      )),
    ],
    [esm, ts],
  ),
  unrouted(invalid(
    `const { Note } = require('./models');
module.exports = {
  Mutation: {
    updateNote: async (_, { id, title }) => Note.findByIdAndUpdate(id, { title }, { new: true }),
  },
};`,
    'Note.findByIdAndUpdate',
    { languageOptions: cjs },
  )),
  unrouted(invalid(
    `import { GraphQLObjectType, GraphQLID, GraphQLBoolean } from 'graphql';
${GQL_MODELS}export const Mutation = new GraphQLObjectType({
  name: 'Mutation',
  fields: {
    deleteNote: { type: GraphQLBoolean, args: { id: { type: GraphQLID } }, resolve: (_, args) => Note.deleteOne({ _id: args.id }) },
  },
});`,
    'Note.deleteOne',
    { languageOptions: esm },
  )),
  invalid(
    `${NEST_GQL}@Resolver()
@UseGuards(GqlAuthGuard)
export class NotesResolver {
  constructor(private readonly notesRepository: NotesRepository) {}
  @Mutation(() => Boolean)
  removeNote(@Args('id') id: string) {
    return this.notesRepository.delete(id);
  }
}`,
    'this.notesRepository.delete',
    { languageOptions: ts },
  ),
  invalid(
    `import { Resolver, Query, Arg, Ctx } from 'type-graphql';
${GQL_MODELS}@Resolver()
export class NoteResolver {
  @Query(() => Note)
  note(@Arg('id') id: string, @Ctx() ctx: Context) {
    ctx.logger.info(ctx.user.id);
    return Note.findById(id);
  }
}`,
    'Note.findById',
    { languageOptions: ts },
  ),
];

const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  ...everywhere(
    `${EXPRESS}router.get('/posts/:id', authenticate, async (req, res) => {
  const post = await Post.findById(req.params.id);
  res.json(post);
});`,
    'Post.findById(req',
    `${EXPRESS_CJS}router.get('/posts/:id', authenticate, async (req, res) => {
  const post = await Post.findById(req.params.id);
  res.json(post);
});`,
  ),
  invalid(
    `${EXPRESS}router.delete('/posts/:id', async (req, res) => {
  await Post.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`,
    'Post.findByIdAndDelete',
    { languageOptions: esm },
  ),
  invalid(
    `${EXPRESS}router.patch('/posts/:id', requireAuth, updatePost);
async function updatePost(req, res) {
  const { id } = req.params;
  const post = await Post.findOneAndUpdate({ _id: id }, { title: req.body.title, editedBy: req.user.id }, { new: true });
  res.json(post);
}`,
    'Post.findOneAndUpdate',
    { languageOptions: esm },
  ),
  invalid(
    `${PRISMA}router.put('/todos/:id', requireAuth, async (req, res) => {
  const todo = await prisma.todo.update({ where: { id: Number(req.params.id) }, data: { title: req.body.title, updatedBy: req.user.id } });
  res.json(todo);
});`,
    'prisma.todo.update',
    { languageOptions: ts },
  ),
  invalid(
    `${SEQUELIZE}router.get('/invoices/:id', protect, async (req, res) => {
  const invoice = await Post.findByPk(req.params.id);
  res.json(invoice);
});`,
    'Post.findByPk',
    { languageOptions: esm },
  ),
  invalid(
    `${SEQUELIZE}router.delete('/invoices/:id', isAuthenticated, async (req, res) => {
  await Post.destroy({ where: { id: req.params.id } });
  res.sendStatus(204);
});`,
    'Post.destroy',
    { languageOptions: esm },
  ),
  invalid(
    `import passport from 'passport';
import { AppDataSource } from './data-source';
const repo = AppDataSource.getRepository(Order);
app.get('/orders/:id', passport.authenticate('jwt', { session: false }), async (req, res) => {
  res.json(await repo.findOneBy({ id: Number(req.params.id) }));
});`,
    'repo.findOneBy',
    { languageOptions: ts },
  ),
  invalid(
    `${NEST}@Controller('posts')
@UseGuards(JwtAuthGuard)
export class PostsController {
  constructor(@InjectRepository(Post) private readonly postRepository: Repository<Post>) {}
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.postRepository.delete(id);
  }
}`,
    'this.postRepository.delete',
    { languageOptions: ts },
  ),
  invalid(
    `${NEST}@Controller('notes')
export class NotesController {
  constructor(private readonly notesRepository: Repository<Note>) {}
  @Get(':id')
  async findOne(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: User) {
    const note = await this.notesRepository.findOne({ where: { id } });
    return { note, viewer: user.id };
  }
}`,
    'this.notesRepository.findOne',
    { languageOptions: ts },
  ),
  invalid(
    `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { eq } from 'drizzle-orm';
const app = new Hono();
app.use('/api/*', jwt({ secret: env.SECRET }));
app.delete('/api/notes/:id', async (c) => {
  await db.delete(notes).where(eq(notes.id, c.req.param('id')));
  return c.body(null, 204);
});`,
    'db.delete(notes)',
    { languageOptions: ts },
  ),
  invalid(
    `import Router from '@koa/router';
const router = new Router();
router.get('/invoices/:id', async (ctx) => {
  const invoice = await knex('invoices').where({ id: ctx.params.id }).first();
  ctx.body = { invoice, viewer: ctx.state.user.id };
});`,
    "knex('invoices')",
    { languageOptions: esm },
  ),
  ...everywhere(
    `import { Pool } from 'pg';
import express from 'express';
const pool = new Pool();
const app = express();
app.get('/orders/:id', authenticate, async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});`,
    'pool.query',
    undefined,
    'missingOwnershipCheckSql',
  ),
  invalid(
    `import mysql from 'mysql2/promise';
import express from 'express';
const app = express();
const conn = await mysql.createConnection(config);
app.delete('/notes/:id', async (req, res) => {
  await conn.execute('DELETE FROM notes WHERE id = ?', [req.params.id]);
  res.sendStatus(204);
});`,
    'conn.execute',
    { messageId: 'missingOwnershipCheckSql', languageOptions: esm },
  ),
  invalid(
    `import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';
export async function GET(request, { params }) {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  const doc = await prisma.document.findUnique({ where: { id: params.id } });
  return Response.json(doc);
}`,
    'prisma.document.findUnique',
    { languageOptions: ts },
  ),
  invalid(
    `import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/orders/:id', { onRequest: [fastify.authenticate] }, async (request) => {
  return Order.findByPk(request.params.id);
});`,
    'Order.findByPk',
    { languageOptions: esm },
  ),
  invalid(
    `router.get('/posts/:id', authenticate, async (req, res) => {
  res.json(await em.findOne(Post, req.params.id));
});`,
    'em.findOne',
    { languageOptions: ts },
  ),
  invalid(
    `${EXPRESS}router.get('/notes/:id', async (req, res) => {
  if (req.user == null) return res.sendStatus(401);
  res.json(await Post.findById(req.params.id));
});`,
    'Post.findById',
    { languageOptions: esm },
  ),
  invalid(
    `const Post = require('../models/post');
exports.updatePost = async (req, res) => {
  const post = await Post.findByIdAndUpdate(req.params.id, { ...req.body, updatedBy: req.user.id }, { new: true });
  res.json(post);
};`,
    'Post.findByIdAndUpdate',
    { languageOptions: cjsAsModule },
  ),
  invalid(
    `export default async function handler(req, res) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end();
  const order = await prisma.order.findUnique({ where: { id: String(req.query.id) } });
  res.json(order);
}
import { getServerSession } from 'next-auth/next';`,
    'prisma.order.findUnique',
    { languageOptions: ts },
  ),
  invalid(
    `import prisma from '../../../lib/prisma';
export default async function handler(req, res) {
  const id = String(req.query.id);
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end();
  if (req.method === 'GET') {
    const post = await prisma.post.findFirst({ where: { id, authorId: session.user.id } });
    return res.json(post);
  }
  switch (req.method) {
    case 'DELETE':
      await prisma.post.delete({ where: { id } });
      return res.status(204).end();
  }
}
import { getServerSession } from 'next-auth/next';`,
    'prisma.post.delete',
    { languageOptions: ts },
  ),
  invalid(
    `import { Router } from 'express';
import { AppDataSource } from './data-source';
import { Order } from './entity/Order';
const router = Router();
const orders = AppDataSource.getRepository(Order);
router.post('/orders/:id/coupon', requireSession, async (req, res) => {
  const order = await orders.findOneBy({ id: Number(req.params.id) });
  order.couponCode = String(req.body.code);
  await orders.save(order);
  res.json({ id: order.id });
});`,
    'orders.findOneBy',
    { languageOptions: ts },
  ),
  invalid(
    `import { Bookmark, Folder } from '../models/mongoose.js';
export default async function routes(fastify) {
  fastify.addHook('preHandler', fastify.authenticate);
  fastify.delete('/folders/:id', async (request, reply) => {
    await Bookmark.deleteMany({ folder: request.params.id, owner: request.user.id });
    await Folder.findByIdAndDelete(request.params.id);
    return reply.code(204).send();
  });
}`,
    'Folder.findByIdAndDelete',
    { languageOptions: esm },
  ),
  invalid(
    `${EXPRESS}router.delete('/notes/:id', async (req, res) => {
  const note = await Post.findById(req.params.id);
  if (note.ownerId !== req.query.ownerId) return res.sendStatus(404);
  await note.deleteOne();
  res.sendStatus(204);
});`,
    'Post.findById',
    { languageOptions: esm },
  ),
  invalid(
    `${SEQUELIZE}router.get('/tasks/:id', ensureLoggedIn, async (req, res) => {
  const task = await Post.findOne({ where: { id: req.params.id }, include: [{ model: Project, where: { archived: false } }] });
  res.json({ task, me: req.user.id });
});`,
    'Post.findOne',
    { languageOptions: esm },
  ),
  invalid(
    `${EXPRESS}router.put('/users/:id', requireAuth, async (req, res) => {
  const user = await User.findByIdAndUpdate(req.params.id, { bio: String(req.body.bio) }).select('bio');
  res.json(user);
});`,
    'User.findByIdAndUpdate',
    { languageOptions: esm },
  ),
  // --- Messages name a library only when the receiver is resolved by import.
  message(
    `const express = require('express');
const tasksRepository = require('./tasks-repository');
const router = express.Router();
router.patch('/tasks/:id', authenticate, async (req, res) => {
  await tasksRepository.update(req.params.id, { title: String(req.body.title) });
  res.sendStatus(204);
});`,
    'tasksRepository.update',
    { query: '`update()` (looks like an ORM update)', operation: 'updates', source: 'req.params.id', example: GENERIC_EXAMPLE },
    cjs,
  ),
  message(
    `import type { Knex } from 'knex';
import { Router } from 'express';
export function tasksRouter(knex: Knex) {
  const tasksRepository = createTasksRepository(knex);
  const router = Router();
  router.delete('/tasks/:id', requireAuth, async (req, res) => {
    await tasksRepository.delete(req.params.id);
    res.sendStatus(204);
  });
  return router;
}`,
    'tasksRepository.delete',
    { query: '`delete()` (looks like an ORM delete)', operation: 'deletes', source: 'req.params.id', example: GENERIC_EXAMPLE },
  ),
  message(
    `import { Router } from 'express';
import { TasksRepository } from '../repositories/tasks-repository';
import { db } from '../db';
const router = Router();
const tasksRepository = new TasksRepository(db);
router.get('/tasks/:id', requireAuth, async (req, res) => {
  const task = await tasksRepository.findOne(req.params.id);
  res.json({ task, viewer: req.user.id });
});`,
    'tasksRepository.findOne',
    { query: '`findOne()` (looks like an ORM query)', operation: 'reads', source: 'req.params.id', example: GENERIC_EXAMPLE },
  ),
  message(
    `import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';
export async function DELETE(request, { params }) {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  await prisma.document.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
}`,
    'prisma.document.delete',
    { query: '`delete()` (looks like an ORM delete)', operation: 'deletes', source: 'params.id', example: GENERIC_EXAMPLE },
  ),
  message(
    `const Post = require('../models/post');
exports.updatePost = async (req, res) => {
  const post = await Post.findByIdAndUpdate(req.params.id, { ...req.body, updatedBy: req.user.id }, { new: true });
  res.json(post);
};`,
    'Post.findByIdAndUpdate',
    { query: '`findByIdAndUpdate()` (looks like an ORM update)', operation: 'updates', source: 'req.params.id', example: GENERIC_EXAMPLE },
    cjsAsModule,
  ),
  message(
    `${NEST}@Controller('tasks')
@UseGuards(JwtAuthGuard)
export class TasksController {
  constructor(@InjectRepository(Task) private readonly tasksRepository: Repository<Task>) {}
  @Patch(':id')
  update(@Param('id') id: string, @Body() dto: UpdateTaskDto) {
    return this.tasksRepository.update(id, { title: dto.title });
  }
}`,
    'this.tasksRepository.update',
    { query: 'TypeORM `update()`', operation: 'updates', source: 'id', example: 'findOneBy({ id, ownerId: user.id })' },
  ),
  message(
    `import { Controller, Delete, Param, UseGuards } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
@Controller('tasks')
@UseGuards(JwtAuthGuard)
export class TasksController {
  constructor(@InjectRepository(Task) private readonly tasksRepository) {}
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.tasksRepository.delete(id);
  }
}`,
    'this.tasksRepository.delete',
    { query: 'TypeORM `delete()`', operation: 'deletes', source: 'id', example: 'findOneBy({ id, ownerId: user.id })' },
  ),
  message(
    `import { PrismaClient } from '@prisma/client';
import express from 'express';
const prisma = new PrismaClient();
const app = express();
app.get('/invoices/:id', authenticate, async (req, res) => {
  const invoice = await prisma.invoice.findUnique({ where: { id: req.params.id } });
  res.json(invoice);
});`,
    'prisma.invoice.findUnique',
    { query: 'Prisma `findUnique()`', operation: 'reads', source: 'req.params.id', example: 'where: { id, userId: req.user.id }' },
  ),
  message(
    `import mongoose from 'mongoose';
import express from 'express';
const Post = mongoose.model('Post', postSchema);
const router = express.Router();
router.delete('/posts/:id', authenticate, async (req, res) => {
  await Post.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`,
    'Post.findByIdAndDelete',
    { query: 'Mongoose `findByIdAndDelete()`', operation: 'deletes', source: 'req.params.id', example: 'findOne({ _id: id, owner: req.user._id })' },
    esm,
  ),
];

/** The unrouted writes, valid with the default options. */
function unroutedValid(): ValidTestCase<Options>[] {
  return unroutedCases.map((c) => ({ code: c.code, ...(c.languageOptions ? { languageOptions: c.languageOptions as ValidTestCase<Options>['languageOptions'] } : {}) }));
}

/** Careful code the first version of the controller and resolver support reported (found by review). */
const reviewValid: ValidTestCase<Options>[] = [
  // The owner check sits in a nested callback and a helper's result inside the handler; the refusal is
  // a `ForbiddenException` thrown from a deeper block. All of it is inside the handler that queries.
  ...acrossParsers([
    {
      code: `const express = require('express');
const Note = require('./models/note');
const router = express.Router();
router.put('/notes/:id', requireAuth, async (req, res) => {
  const note = await Note.findById(req.params.id);
  const allowed = [note.owner].some((owner) => owner.equals(req.user._id));
  if (!allowed) { if (note) { return res.status(403).json({ error: 'Not yours' }); } }
  await Note.findByIdAndUpdate(req.params.id, { title: req.body.title });
  res.json({ ok: true });
});
module.exports = router;`,
    },
  ], [cjs, cjsAsModule]),
  // An admin controller: its authorization sits in the routes file (`router.delete('/:id', protect, authorize('admin'), deleteUser)`),
  // and nothing in this file shows a signed-in caller.
  ...acrossParsers([
    {
      code: `const asyncHandler = require('express-async-handler');
const User = require('../models/User');
exports.deleteUser = asyncHandler(async (req, res) => { await User.findByIdAndDelete(req.params.id); res.json({}); });
exports.updateUser = asyncHandler(async (req, res) => { res.json(await User.findByIdAndUpdate(req.params.id, { name: req.body.name })); });`,
    },
  ], [cjs, cjsAsModule]),
  // Public posts read by id in a controller whose create handler records the author: nothing in the file
  // scopes posts to their author, so the read is not a missing ownership check.
  {
    code: `const Post = require('../models/Post');
exports.getPost = async (req, res) => { const p = await Post.findById(req.params.id); if (!p) return res.status(404).end(); res.json(p); };
exports.createPost = async (req, res) => res.status(201).json(await Post.create({ title: req.body.title, author: req.user.id }));`,
    languageOptions: cjs,
  },
  // A routes file whose create handler records the author; posts are read by id by everyone.
  {
    code: `${EXPRESS}router.get('/posts/:id', async (req, res) => {
  res.json(await Post.findById(req.params.id));
});
router.post('/posts', async (req, res) => {
  res.json(await Post.create({ title: req.body.title, author: req.user.id }));
});`,
    languageOptions: esm,
  },
  // A resolver map with a `me` query and a public product query.
  {
    code: `const Product = require('./models/product');
module.exports = { Query: { me: (_, __, { user }) => user, product: (_, { id }) => Product.findById(id) } };`,
    languageOptions: cjs,
  },
  // The owner added to the filter after it is declared.
  {
    code: `${EXPRESS}import { Note } from './note.js';
router.patch('/notes/:id', requireAuth, async (req, res) => {
  const where = { _id: req.params.id };
  where.owner = req.user._id;
  await Note.updateOne(where, { text: String(req.body.text) });
  res.sendStatus(204);
});`,
    languageOptions: esm,
  },
  // A shared record read by id, marked shared in the filter.
  {
    code: `const Note = require('./models/note');
module.exports = { Query: { me: (_, __, { user }) => user, sharedNote: (_, { id }) => Note.findOne({ _id: id, shared: true }) } };`,
    languageOptions: cjs,
  },
];

ruleTester.run('require-ownership-check', rule, { valid: [...valid, ...controllerValid, ...graphqlValid, ...reviewValid, ...unroutedValid()], invalid: [...invalidCases, ...controllerInvalid, ...graphqlInvalid] });
