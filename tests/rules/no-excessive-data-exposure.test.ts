import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-excessive-data-exposure.js';
import { cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

/** One error of `messageId` at `needle`. */
function one(code: string, messageId: 'wholeRecord' | 'spreadRecord' | 'sensitiveField', needle: string, languageOptions: unknown) {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test setup: ${needle} not in code`);
  const before = code.slice(0, index);
  return { code, languageOptions, errors: [{ messageId, line: before.split('\n').length, column: index - before.lastIndexOf('\n') }] } as never;
}

const CONTROLLER_CJS = `const User = require('../models/user');
module.exports = {
  me: async (req, res) => {
    const user = await User.findById(req.user.id);
    res.json(user);
  },
};`;
const CONTROLLER_ESM = `import { User } from '../models/user.js';
export class UsersController {
  async me(req, res) {
    const user = await User.findById(req.user.id);
    return res.json(user);
  }
}`;

const mongooseUser = "import mongoose from 'mongoose';\nconst User = mongoose.model('User', userSchema);\n";

ruleTester.run('no-excessive-data-exposure', rule, {
  valid: [
    // careful code: the model's toJSON transform is declared after the route, at the end of the file
    {
      name: 'field hiding declared below the handler',
      code: `const mongoose = require('mongoose');
const userSchema = new mongoose.Schema({ email: String, passwordHash: String });
const User = mongoose.model('User', userSchema);
exports.me = async (req, res) => res.json(await User.findById(req.user.id));
userSchema.set('toJSON', { transform: (doc, ret) => { delete ret.passwordHash; return ret; } });`,
      languageOptions: cjs,
    },
    // careful code: a compound assignment of a toJSON method also hides fields
    {
      name: 'toJSON method assigned with ||=',
      code: `const mongoose = require('mongoose');
const schema = new mongoose.Schema({ email: String, password: String });
schema.methods.toJSON ||= function () { const { password, ...rest } = this.toObject(); return rest; };
const User = mongoose.model('User', schema);
exports.show = async (req, res) => res.json(await User.findById(req.user.id));`,
      languageOptions: cjs,
    },
    // --- Controller modules and GraphQL resolvers
    {
      name: 'controller module picking the fields it sends',
      code: `const User = require('../models/user');
exports.me = async (req, res) => {
  const user = await User.findById(req.user.id).select('name email avatar');
  res.json(user);
};`,
      languageOptions: cjs,
    },
    {
      name: 'a TypeScript helper whose res parameter is not a response',
      code: `import { User } from '../models/user.js';
export async function snapshot(req: string, res: ReportWriter) {
  const user = await User.findById(req);
  res.send(user);
}`,
      languageOptions: ts,
    },
    {
      name: 'a GraphQL resolver returning a whole record: the schema type selects the fields sent',
      code: `import { User } from './models.js';
export const resolvers = {
  Query: { me: (_, __, { user }) => User.findById(user.id), user: (_, { id }) => User.findById(id) },
};`,
      languageOptions: esm,
    },
    {
      name: 'a NestJS resolver returning the current user',
      code: `import { Resolver, Query } from '@nestjs/graphql';
import { PrismaService } from './prisma.service';
@Resolver()
export class MeResolver {
  constructor(private readonly prisma: PrismaService) {}
  @Query(() => User)
  me(@CurrentUser() user: User) {
    return this.prisma.user.findUnique({ where: { id: user.id } });
  }
}`,
      languageOptions: ts,
    },
    // realworld: koa service finder named for what it returns
    // A Koa controller sends what a service helper (in another file) returns; the helper's name and
    // the variable say it is registration info, not a user record, whatever the service is called.
    {
      code: `module.exports = {
  async registrationInfo(ctx) {
    const { registrationToken } = ctx.request.query;
    const registrationInfo = await strapi.admin.services.user.findRegistrationInfo(registrationToken);
    if (!registrationInfo) return ctx.badRequest('Invalid registrationToken');
    ctx.body = { data: registrationInfo };
  },
};`,
      languageOptions: cjs,
    },
    // realworld: role service with a users count
    // Roles with a count of their users: the method counts users, it does not load them.
    {
      code: `module.exports = {
  async findOne(ctx) {
    const { id } = ctx.params;
    const role = await getService('role').findOneWithUsersCount({ id });
    if (!role) return ctx.notFound('role.notFound');
    ctx.body = { data: role };
  },
  async findAll(ctx) {
    const roles = await getService('role').findAllWithUsersCount();
    ctx.body = { data: roles };
  },
};`,
      languageOptions: cjs,
    },
    // Express: a user service's finder whose result is named for what it is (a summary).
    {
      code: `const usersService = require('../services/users');
router.get('/users/:id/summary', async (req, res) => {
  const summary = await usersService.findSummary(req.params.id);
  res.json(summary);
});`,
      languageOptions: cjsAsModule,
    },
    // Express + Mongoose: explicit picks.
    {
      code: `${mongooseUser}app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.sendStatus(404);
  res.json({ id: user.id, name: user.name, email: user.email });
});`,
      languageOptions: esm,
    },
    // A DTO mapper and a serializer.
    {
      code: `${mongooseUser}import { toPublicUser } from './dto.js';
app.get('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  res.json(toPublicUser(user));
});
app.get('/users/:id', async (req, res) => res.json(serialize(await User.findById(req.params.id))));`,
      languageOptions: esm,
    },
    // Mongoose projections: select('-password'), a projection argument, select() after lean().
    {
      code: `${mongooseUser}app.get('/a', async (req, res) => {
  const user = await User.findById(req.params.id).select('-password -__v');
  res.json(user);
});
app.get('/b', async (req, res) => res.json(await User.findById(req.params.id, 'name email')));
app.get('/c', async (req, res) => res.json(await User.find().lean().select({ name: 1 })));`,
      languageOptions: esm,
    },
    // Prisma select / omit.
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
app.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id }, select: { id: true, email: true, name: true } });
  res.json({ user });
});
app.get('/users', async (req, res) => {
  const users = await prisma.user.findMany({ omit: { password: true } });
  res.json(users);
});`,
      languageOptions: ts,
    },
    // Sequelize attributes (CommonJS).
    {
      code: `const { User } = require('./models');
router.get('/users/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id, { attributes: ['id', 'name'] });
  res.status(200).json(user);
});`,
      languageOptions: cjs,
    },
    // TypeORM select.
    {
      code: `app.get('/users/:id', async (req: Request, res: Response) => {
  const user = await userRepository.findOne({ where: { id: req.params.id }, select: { id: true, name: true } });
  res.json(user);
});`,
      languageOptions: ts,
    },
    // Lists mapped to DTOs.
    {
      code: `${mongooseUser}app.get('/users', async (req, res) => {
  const users = await User.find();
  res.json(users.map(toUserDto));
  res.json({ data: users.map((u) => ({ id: u.id, name: u.name })) });
});`,
      languageOptions: esm,
    },
    // Unknown values are not reported.
    `app.get('/report', async (req, res) => { const result = await reports.build(req.query); res.json(result); });`,
    // Records of entities that are not accounts.
    {
      code: `${mongooseUser}const Post = mongoose.model('Post', postSchema);
app.get('/posts/:id', async (req, res) => { const post = await Post.findById(req.params.id); res.json(post); });
app.get('/posts', async (req, res) => res.json({ data: await Post.find({ author: req.user.id }) }));`,
      languageOptions: esm,
    },
    // Login responses carry the issued token.
    {
      code: `${mongooseUser}app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) }).select('+password');
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);
  res.json({ token, accessToken: token, refreshToken, user: { id: user.id, name: user.name } });
});`,
      languageOptions: esm,
    },
    // Sensitive keys holding flags or constants.
    {
      code: `app.get('/me/security', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.user.id } , select: { password: true } });
  res.json({ passwordSet: true, hasPassword: !!user.password, password: null, salt: undefined, secret: '***' });
});`,
      languageOptions: esm,
    },
    // Rest destructuring that leaves the password out.
    {
      code: `${mongooseUser}app.get('/me', async (req, res) => {
  const { password, resetToken, ...profile } = (await User.findById(req.user.id)).toObject();
  res.json(profile);
});`,
      languageOptions: esm,
    },
    // Sensitive fields removed on purpose.
    {
      code: `${mongooseUser}app.get('/a', async (req, res) => {
  const user = await User.findById(req.params.id).lean();
  delete user.password;
  res.json(user);
});
app.get('/b', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json({ ...user.toObject(), password: undefined });
});`,
      languageOptions: esm,
    },
    // Counts and existence checks.
    {
      code: `${mongooseUser}app.get('/stats', async (req, res) => res.json({ users: await User.countDocuments(), exists: await User.exists({ email: 'a@b.c' }) }));`,
      languageOptions: esm,
    },
    // A freshly issued API key is shown once.
    {
      code: `import { randomBytes } from 'node:crypto';
app.post('/api-keys', async (req, res) => {
  const apiKey = randomBytes(32).toString('hex');
  await ApiKey.create({ owner: req.user.id, hash: sha256(apiKey) });
  res.status(201).json({ apiKey });
});`,
      languageOptions: esm,
    },
    // Masked values.
    `app.get('/card', async (req, res) => { const card = await cards.get(req.user.id); res.json({ cardNumber: maskCardNumber(card.number) }); });`,
    // In-memory arrays are not stored records.
    `const users = [{ id: 1, name: 'a' }]; app.get('/u/:id', (req, res) => { const user = users.find((u) => u.id === Number(req.params.id)); res.json(user); });`,
    // lodash lookups in memory; public profiles.
    {
      code: `import _ from 'lodash';
app.get('/u/:id', (req, res) => { const user = _.find(users, { id: Number(req.params.id) }); res.json(user); });
app.get('/profile/:id', async (req, res) => { const profile = await Profile.findOne({ user: req.params.id }).populate('user', ['name', 'avatar']); res.json(profile); });`,
      languageOptions: esm,
    },
    // Callback parameters of other calls, and callbacks that pick.
    `app.get('/x', (req, res) => { cache.get(key, (err, user) => res.json(user)); load().then((user) => res.json(user)); });
app.get('/y', (req, res) => { User.findById(req.params.id).then((user) => res.json({ id: user.id })); });`,
    // Picks from req.user.
    `app.get('/me', (req, res) => res.json({ id: req.user.id, email: req.user.email }));`,
    // Returning a record from a plain function or an Express handler is not a response.
    {
      code: `${mongooseUser}export async function loadUser(id) { return User.findById(id); }
app.get('/x', async (req, res) => { return User.findById(req.params.id); });`,
      languageOptions: esm,
    },
    // NestJS: DTO conversion, services, and entity instances (class-transformer serialization with @Exclude()).
    {
      code: `import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly usersRepository: Repository<User>, private readonly usersService: UsersService) {}
  @Get(':id')
  async findOne(@Param('id') id: string) {
    const user = await this.usersRepository.findOneBy({ id });
    return plainToInstance(UserDto, user);
  }
  @Get()
  list() { return this.usersService.findAll(); }
  @Get('entity/:id')
  entity(@Param('id') id: string) { return this.usersRepository.findOneBy({ id }); }
  private async raw(id: string) { return this.prisma.user.findUnique({ where: { id } }); }
}`,
      languageOptions: ts,
    },
    // Token claims on the request (NestJS JwtStrategy.validate, @fastify/jwt, koa-jwt) are not account records.
    {
      code: `import { Controller, Get, Request, UseGuards } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @UseGuards(JwtAuthGuard)
  @Get('profile')
  getProfile(@Request() req) { return req.user; }
}
fastify.get('/me', { onRequest: [fastify.authenticate] }, async (request, reply) => request.user);
router.get('/me', async (ctx) => { ctx.body = ctx.state.user; });`,
      languageOptions: ts,
    },
    // Fastify with a response schema: only declared fields are serialized.
    {
      code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/users/:id', { schema: { response: { 200: PublicUser } } }, async (request) => {
  return prisma.user.findUnique({ where: { id: request.params.id } });
});`,
      languageOptions: esm,
    },
    // Koa, Hono and Next.js with picks and DTOs.
    {
      code: `router.get('/users/:id', async (ctx) => {
  const user = await prisma.user.findUnique({ where: { id: ctx.params.id } });
  ctx.body = { id: user.id, name: user.name };
});`,
      languageOptions: esm,
    },
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/users/:id', async (c) => {
  const user = await prisma.user.findUnique({ where: { id: c.req.param('id') }, select: { id: true, name: true } });
  return c.json(user);
});`,
      languageOptions: ts,
    },
    {
      code: `import { NextResponse } from 'next/server';
export async function GET(request: Request, { params }: { params: { id: string } }) {
  const user = await prisma.user.findUnique({ where: { id: params.id } });
  return NextResponse.json(UserDto.from(user));
}`,
      languageOptions: ts,
    },
    // Strange code: no argument, spread arguments, computed keys, optional chaining.
    {
      code: `${mongooseUser}app.get('/x', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json();
  res.json(...[user]);
  res?.json?.(user?.name);
  res.json({ [field]: user[field] });
  res.json(user.id);
});`,
      languageOptions: esm,
    },
    // A sensitive key name that is not a credential.
    `app.get('/policy', (req, res) => res.json({ passwordPolicy: policy, fileHash: file.hash, tokenCount: n }));`,
    // A CommonJS module that requires the ORM and picks fields.
    {
      code: `const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient();
module.exports = async function show(req, res) {
  const account = await prisma.account.findUnique({ where: { id: req.params.id } });
  res.send({ id: account.id, plan: account.plan });
};`,
      languageOptions: cjsAsModule,
    },
    // Field hiding declared in the same file: a Mongoose toJSON transform, TypeORM select: false, Sequelize defaultScope.
    {
      code: `import mongoose from 'mongoose';
const userSchema = new mongoose.Schema({ email: String, password: { type: String } }, {
  toJSON: { transform(doc, ret) { delete ret.password; return ret; } },
});
const User = mongoose.model('User', userSchema);
app.get('/users/:id', async (req, res) => res.json(await User.findById(req.params.id)));`,
      languageOptions: esm,
    },
    {
      code: `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ select: false }) password!: string;
}
app.get('/users/:id', async (req: Request, res: Response) => res.json(await userRepository.findOneBy({ id: Number(req.params.id) })));`,
      languageOptions: ts,
    },
    {
      code: `const User = sequelize.define('User', { email: DataTypes.STRING, password: DataTypes.STRING }, {
  defaultScope: { attributes: { exclude: ['password'] } },
});
router.get('/users/:id', async (req, res) => res.json(await User.findByPk(req.params.id)));`,
      languageOptions: cjs,
    },
    // Mongoose toJSON with virtuals only still hides nothing, but a picked response is fine.
    {
      code: `${mongooseUser}const s = new mongoose.Schema({}, { toJSON: { virtuals: true } });
app.get('/me', async (req, res) => { const user = await User.findById(req.user.id); res.json({ id: user.id, createdAt: user.createdAt }); });`,
      languageOptions: esm,
    },
    // DTOs held in variables, counts, and messages.
    {
      code: `app.get('/me', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.user.id } });
  const userDto = toUserDto(user);
  res.json({ user: userDto, total: await prisma.user.count(), message: 'Password updated' });
});`,
      languageOptions: esm,
    },
    // Koa and Hono lists mapped to public shapes; Fastify returning picks; Response.json with picks.
    `router.get('/users', async (ctx) => { const users = await prisma.user.findMany(); ctx.body = { data: users.map(publicUser) }; });`,
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/users', async (c) => {
  const users = await prisma.user.findMany();
  return c.json(users.map(({ id, name }) => ({ id, name })));
});`,
      languageOptions: ts,
    },
    {
      code: `fastify.get('/me', async (request, reply) => {
  const user = await prisma.user.findUnique({ where: { id: request.user.id } });
  return { id: user.id, name: user.name };
});`,
      languageOptions: esm,
    },
    `export async function GET() { const user = await prisma.user.findFirst(); return Response.json({ id: user.id }); }`,
    // JSON.stringify of picks; error handler.
    `app.get('/u', async (req, res) => { const user = await prisma.user.findFirst(); res.send(JSON.stringify({ id: user.id })); });
app.use((err, req, res, next) => res.status(500).json({ error: 'Internal error' }));`,
    // A secret issued by this request: a TOTP enrollment and a Stripe PaymentIntent's client secret.
    {
      code: `import speakeasy from 'speakeasy';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
app.post('/security/totp', requireAuth, async (req, res) => {
  const secret = speakeasy.generateSecret({ name: 'Acme' });
  await savePendingSecret(req.user.id, secret.base32);
  res.json({ otpauthUrl: secret.otpauth_url, secret: secret.base32 });
});
app.post('/checkout', requireAuth, async (req, res) => {
  const paymentIntent = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
  res.send({ clientSecret: paymentIntent.client_secret });
});`,
      languageOptions: esm,
    },
    // Field hiding declared where the query runs: a Sequelize named scope, a Prisma client-level omit.
    {
      code: `import Router from '@koa/router';
import { PrismaClient } from '@prisma/client';
import { Member } from '../models';
const prisma = new PrismaClient({ omit: { user: { passwordHash: true } } });
const router = new Router();
router.get('/members', async (ctx) => {
  ctx.body = { members: await Member.scope('public').findAll({ where: { orgId: ctx.state.user.orgId } }) };
});
router.get('/users/me', async (ctx) => {
  ctx.body = await prisma.user.findUnique({ where: { id: ctx.state.user.sub } });
});`,
      languageOptions: ts,
    },
    // A response DTO class built from the record.
    {
      code: `${mongooseUser}import { UserResponse } from './responses.js';
app.get('/people/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(new UserResponse(user));
});`,
      languageOptions: esm,
    },
    // Relations loaded with a field list, or relations that are not people.
    {
      code: `import { prisma } from '../db';
app.get('/feed', async (req, res) => {
  const feed = await prisma.post.findMany({ include: { author: { select: { id: true, name: true } }, tags: true } });
  res.json(feed);
});`,
      languageOptions: ts,
    },
    {
      code: `import mongoose from 'mongoose';
const Post = mongoose.model('Post', postSchema);
app.get('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id).populate('author', 'displayName avatarUrl').populate('category');
  res.json({ post, author: post.author });
});
app.get('/posts/:id/author', async (req, res) => {
  const post = await Post.findById(req.params.id).populate({ path: 'author', select: 'displayName' });
  res.json(post);
});`,
      languageOptions: esm,
    },
    {
      code: `import { prisma } from '../db';
app.get('/orders/:id', async (req, res) => {
  const order = await prisma.order.findFirst({ where: { id: req.params.id, userId: req.user.id }, include: { items: true } });
  res.json({ order, items: order.items });
});`,
      languageOptions: ts,
    },
    // The included person replaced by a pick after the spread.
    {
      code: `import { prisma } from '../db';
app.get('/posts/:id', async (req, res) => {
  const post = await prisma.post.findUnique({ where: { id: req.params.id }, include: { author: true } });
  res.json({ ...post, author: { id: post.author.id, name: post.author.name } });
});`,
      languageOptions: ts,
    },
    // A checksum under a bare `hash` member is not a password hash.
    {
      code: `app.get('/files/:id', async (req, res) => {
  const file = await loadFile(req.params.id);
  res.json({ id: file.id, etag: file.hash, digest: file.contentHash });
});`,
      languageOptions: esm,
    },
    // Data-access wrappers from local modules, used carefully: picked fields, a public-profile mapper.
    {
      code: `import { usersRepository } from '../repositories/users.js';
app.get('/users/:id', async (req, res) => {
  const user = await usersRepository.findOne(req.params.id);
  if (!user) return res.sendStatus(404);
  res.json({ id: user.id, name: user.name });
});`,
      languageOptions: esm,
    },
    {
      code: `const usersRepository = require('./users-repository');
router.get('/users/:id', async (req, res) => {
  const user = await usersRepository.findOne(req.params.id);
  res.json(toPublicProfile(user));
});`,
      languageOptions: cjs,
    },
  ],
  invalid: [
    // --- Handlers exported from controller modules
    one(CONTROLLER_CJS, 'wholeRecord', 'user);', cjs),
    one(CONTROLLER_CJS, 'wholeRecord', 'user);', ts),
    one(CONTROLLER_ESM, 'wholeRecord', 'user);', esm),
    one(CONTROLLER_ESM, 'wholeRecord', 'user);', ts),
    // The first row of a Drizzle select of users.
    {
      code: `import { Hono } from 'hono';
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(pool);
const app = new Hono();
app.get('/people/:id', async (c) => {
  const person = await db.select().from(users).where(eq(users.id, c.req.param('id')));
  return c.json(person[0] ?? null);
});`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', line: 7, column: 17 }],
    },
    // A record of another entity that carries its author's whole record.
    {
      code: `import { prisma } from '../db';
app.get('/feed', async (req, res) => {
  const feed = await prisma.post.findMany({ where: { published: true }, include: { author: true } });
  res.json(feed);
});`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', line: 4, column: 12 }],
    },
    {
      code: `import mongoose from 'mongoose';
const Comment = mongoose.model('Comment', commentSchema);
app.get('/comments/:id', async (req, res) => {
  const comment = await Comment.findById(req.params.id).populate('author').lean();
  res.json({ body: comment.body, author: comment.author });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', line: 5, column: 42 }],
    },
    // A stored single-use token under a harmless key.
    {
      code: `${mongooseUser}app.get('/auth/debug', async (req, res) => {
  const user = await User.findOne({ email: String(req.query.email) });
  res.json({ id: user?.id, token: user?.verificationToken });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'sensitiveField', line: 5, column: 28 }],
    },
    // `hidden: true` written to a record is data, not MikroORM field hiding.
    {
      code: `import { prisma } from '../db';
app.post('/comments/:id/hide', async (req, res) => {
  await prisma.comment.update({ where: { id: req.params.id }, data: { hidden: true } });
  res.sendStatus(204);
});
app.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.json(user);
});`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', line: 8, column: 12 }],
    },
    // A stored key read back from the account is not freshly issued.
    {
      code: `app.get('/account/key', async (req, res) => {
  const account = await Account.findById(req.user.id);
  res.json({ apiKey: account.apiKey });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'sensitiveField', line: 3, column: 14 }],
    },
    // Express + Mongoose: the loaded record as-is.
    {
      code: `${mongooseUser}app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user);
});`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', line: 5, column: 12, endColumn: 16 }],
    },
    // `{ user }` wrapping, chained status(), CommonJS Sequelize.
    {
      code: `const { User } = require('./models');
router.get('/users/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  res.status(200).json({ user });
});`,
      languageOptions: cjs,
      errors: [{ messageId: 'wholeRecord', line: 4, column: 26 }],
    },
    // `{ data: user }` with Prisma, TypeScript.
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
app.get('/users/:id', async (req: Request, res: Response) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.json({ ok: true, data: user });
});`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', line: 5, column: 30 }],
    },
    // Spreading a record.
    {
      code: `${mongooseUser}app.get('/me', async (req, res) => {
  const user = await User.findOne({ _id: req.user.id }).lean();
  res.send({ ...user, role: 'member' });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'spreadRecord', line: 5, column: 14 }],
    },
    // req.user sent as it is.
    {
      code: `app.get('/me', (req, res) => res.json(req.user));`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', line: 1, column: 39 }],
    },
    // Plain copies: toObject(), get({ plain: true }).
    {
      code: `${mongooseUser}app.get('/a', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user.toObject());
});
app.get('/b', async (req, res) => {
  const user = await db.User.findByPk(req.params.id);
  res.json(user.get({ plain: true }));
});`,
      languageOptions: esm,
      errors: [
        { messageId: 'wholeRecord', line: 5, column: 12 },
        { messageId: 'wholeRecord', line: 9, column: 12 },
      ],
    },
    // A credential field picked into the response.
    {
      code: `app.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id }, select: { id: true, passwordHash: true } });
  res.json({ id: user.id, passwordHash: user.passwordHash });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'sensitiveField', line: 3, column: 27 }],
    },
    // Fastify: returned Prisma record and reply.send().
    {
      code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/users/:id', async (request) => prisma.user.findUnique({ where: { id: request.params.id } }));
fastify.get('/me', async (request, reply) => {
  const account = await prisma.account.findFirst({ where: { ownerId: request.user.id } });
  reply.code(200).send(account);
});`,
      languageOptions: esm,
      errors: [
        { messageId: 'wholeRecord', line: 3, column: 46 },
        { messageId: 'wholeRecord', line: 6, column: 24 },
      ],
    },
    // Koa.
    {
      code: `${mongooseUser}router.get('/users/:id', async (ctx) => {
  const user = await User.findById(ctx.params.id);
  ctx.body = user;
});`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', line: 5, column: 14 }],
    },
    // Hono.
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/users/:id', async (c) => {
  const user = await prisma.user.findUnique({ where: { id: c.req.param('id') } });
  return c.json({ user });
});`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', line: 5, column: 19 }],
    },
    // Next.js: NextResponse.json and new Response(JSON.stringify()).
    {
      code: `import { NextResponse } from 'next/server';
export async function GET(request: Request, { params }: { params: { id: string } }) {
  const user = await prisma.user.findUnique({ where: { id: params.id } });
  return NextResponse.json(user);
}
export async function POST(request: Request) {
  const customer = await prisma.customer.create({ data: await schema.parseAsync(await request.json()) });
  return new Response(JSON.stringify(customer), { status: 201 });
}`,
      languageOptions: ts,
      errors: [
        { messageId: 'wholeRecord', line: 4, column: 28 },
        { messageId: 'wholeRecord', line: 8, column: 38 },
      ],
    },
    // NestJS: Prisma results are plain objects; spreads lose the class serializer's @Exclude().
    {
      code: `import { Controller, Get, Param } from '@nestjs/common';
@Controller('users')
export class UsersController {
  constructor(private readonly prisma: PrismaService, private readonly usersRepository: Repository<User>) {}
  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.prisma.user.findUnique({ where: { id } });
  }
  @Get('copy/:id')
  async copy(@Param('id') id: string) {
    const user = await this.usersRepository.findOneBy({ id });
    return { ...user, links: [] };
  }
}`,
      languageOptions: ts,
      errors: [
        { messageId: 'wholeRecord', line: 7, column: 12 },
        { messageId: 'spreadRecord', line: 12, column: 14 },
      ],
    },
    // A user service's finder whose result is bound to a user-named variable.
    {
      code: `const usersService = require('../services/users');
router.get('/users/:id', async (req, res) => {
  const user = await usersService.findOne(req.params.id);
  res.json(user);
});`,
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'wholeRecord', data: { what: '`user` (a whole record from `findOne()`)', via: 'res.json()' }, line: 4, column: 12 }],
    },
    // A local data-access helper named for users.
    {
      code: `import { findUserById } from '../db/users.js';
export default async function handler(req, res) {
  const user = await findUserById(req.query.id);
  res.status(200).json(user);
}`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', line: 4, column: 24 }],
    },
    // A response object built in a variable first, and a list of records.
    {
      code: `const User = require('../models/user');
router.post('/signup', async (req, res) => {
  const user = await User.create({ email: req.body.email, password: await hash(req.body.password) });
  const payload = { ...user.toJSON(), token: sign(user.id) };
  res.status(201).json(payload);
});
router.get('/users', async (req, res) => {
  const users = await User.find({});
  res.json(users);
});`,
      languageOptions: cjsAsModule,
      errors: [
        { messageId: 'spreadRecord', line: 4, column: 21 },
        { messageId: 'wholeRecord', line: 9, column: 12 },
      ],
    },
    // Promise and Node-style callbacks.
    {
      code: `const User = require('../models/User');
router.get('/:id', (req, res) => {
  User.findById(req.params.id).then((user) => res.json(user));
});
router.get('/by-email/:email', (req, res) => {
  User.findOne({ email: String(req.params.email) }, (err, user) => {
    if (err) return res.status(500).end();
    res.send({ user });
  });
});`,
      languageOptions: cjs,
      errors: [
        { messageId: 'wholeRecord', line: 3, column: 56 },
        { messageId: 'wholeRecord', line: 8, column: 16 },
      ],
    },
    // A reset token returned to whoever asked for it.
    {
      code: `app.post('/forgot-password', async (req, res) => {
  const resetToken = crypto.randomBytes(32).toString('hex');
  await saveResetToken(req.body.email, resetToken);
  res.json({ message: 'sent', resetToken });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'sensitiveField', line: 4, column: 31 }],
    },
    // sensitiveFields extends the vocabulary.
    {
      code: `app.get('/patients/:id', async (req, res) => {
  const record = await loadRecord(req.params.id);
  res.json({ id: record.id, diagnosis: record.diagnosis });
});`,
      options: [{ sensitiveFields: ['diagnosis'] }],
      languageOptions: esm,
      errors: [{ messageId: 'sensitiveField', line: 3, column: 29 }],
    },
    // Messages name a library only when the query is resolved by import.
    {
      code: `import { usersRepository } from '../repositories/users.js';
app.get('/users/:id', async (req, res) => {
  const user = await usersRepository.findOne(req.params.id);
  res.json(user);
});`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', data: { what: '`user` (looks like an ORM `findOne()` result)', via: 'res.json()' }, line: 4, column: 12 }],
    },
    {
      code: `import { prisma } from '@/lib/prisma';
app.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.json(user);
});`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', data: { what: '`user` (looks like an ORM `findUnique()` result)', via: 'res.json()' }, line: 4, column: 12 }],
    },
    {
      code: `const { User } = require('./models');
app.post('/users', async (req, res) => {
  const user = new User({ email: req.body.email, password: await hash(req.body.password) });
  await user.save();
  res.status(201).json(user);
});`,
      languageOptions: cjs,
      errors: [{ messageId: 'wholeRecord', data: { what: '`user` (looks like a new ORM record)', via: 'res.json()' }, line: 5, column: 24 }],
    },
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
app.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.json(user);
});`,
      languageOptions: ts,
      errors: [{ messageId: 'wholeRecord', data: { what: '`user` (a Prisma `findUnique()` result)', via: 'res.json()' }, line: 5, column: 12 }],
    },
    {
      code: `${mongooseUser}app.get('/users/:id', async (req, res) => {
  res.json(await User.findById(req.params.id));
});`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', data: { what: '`User.findById(req.params.id)` (a Mongoose `findById()` result)', via: 'res.json()' }, line: 4, column: 12 }],
    },
    {
      code: `${mongooseUser}app.post('/users', async (req, res) => {
  const user = new User({ email: req.body.email, password: await hash(req.body.password) });
  await user.save();
  res.status(201).json(user);
});`,
      languageOptions: esm,
      errors: [{ messageId: 'wholeRecord', data: { what: '`user` (a new Mongoose record)', via: 'res.json()' }, line: 6, column: 24 }],
    },
    {
      code: `import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly usersRepository: Repository<User>) {}
  @Get(':id')
  async findOne(@Param('id') id: string) {
    const user = await this.usersRepository.findOneBy({ id });
    return { ...user };
  }
}`,
      languageOptions: ts,
      errors: [{ messageId: 'spreadRecord', data: { what: '`user` (a TypeORM `findOneBy()` result)', via: 'a NestJS route method' }, line: 10, column: 14 }],
    },
  ],
});
