import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-mass-assignment.js';
import { cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

/** Line and column (1-based) of the first occurrence of `needle` in `code`. */
function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test setup: ${needle} not in code`);
  const before = code.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** One error of `messageId` at `needle`, for a case built from `code`. */
function one(code: string, messageId: 'massAssignment' | 'massMerge', needle: string, languageOptions: unknown) {
  return { code, languageOptions, errors: [{ messageId, ...at(code, needle) }] } as never;
}

const GQL_CREATE = `import mongoose from 'mongoose';
const Note = mongoose.model('Note', noteSchema);
export const resolvers = {
  Mutation: { createNote: (_, { input }, { user }) => Note.create({ ...input, owner: user.id }) },
};`;

const mongooseUser = "import mongoose from 'mongoose';\nconst User = mongoose.model('User', userSchema);\n";
const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";

ruleTester.run('no-mass-assignment', rule, {
  valid: [
    // --- Controller modules
    {
      name: 'controller module picking the fields it writes',
      code: `const Note = require('../models/note');
module.exports = {
  create: async (req, res) => {
    const { title, body } = req.body;
    const note = await Note.create({ title, body, owner: req.user.id });
    res.status(201).json({ id: note.id });
  },
};`,
      languageOptions: cjs,
    },
    {
      name: 'a TypeScript function whose req is declared an array is not a request',
      code: `${prisma}export async function seed(req: string[], res: number) {
  for (const body of req) await prisma.note.create({ data: JSON.parse(body) });
  return res;
}`,
      languageOptions: ts,
    },
    // zod / joi / express-validator results.
    {
      code: `${mongooseUser}import { z } from 'zod';
const CreateUser = z.object({ name: z.string(), email: z.string().email() });
app.post('/users', async (req, res) => {
  const data = CreateUser.parse(req.body);
  res.status(201).json(await User.create(data));
});`,
      languageOptions: esm,
    },
    {
      code: `${mongooseUser}app.post('/users', async (req, res) => {
  const { value, error } = userSchema.validate(req.body, { stripUnknown: true });
  if (error) return res.status(400).end();
  await User.create(value);
});
app.put('/users/:id', async (req, res) => {
  await User.findByIdAndUpdate(req.params.id, matchedData(req), { new: true });
});`,
      languageOptions: esm,
    },
    // Explicit picks, destructured fields, _.pick.
    {
      code: `${mongooseUser}import _ from 'lodash';
app.post('/users', async (req, res) => {
  await User.create({ name: req.body.name, email: req.body.email });
  const { name, email } = req.body;
  await User.create({ name, email, role: 'user' });
  await User.create(_.pick(req.body, ['name', 'email']));
});`,
      languageOptions: esm,
    },
    {
      code: `${prisma}app.post('/users', async (req, res) => {
  const { name, email } = req.body;
  await prisma.user.create({ data: { name, email } });
  await prisma.user.update({ where: { id: req.user.id }, data: { bio: String(req.body.bio) } });
});`,
      languageOptions: ts,
    },
    // NestJS: class-typed DTOs (validated by ValidationPipe) and single fields.
    {
      code: `import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { CreateUserDto, UpdateUserDto } from './dto';
@Controller('users')
export class UsersController {
  constructor(private readonly prisma: PrismaService, private readonly usersRepository: Repository<User>) {}
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.prisma.user.create({ data: dto });
  }
  @Patch(':id')
  update(@Param('id') id: string, @Body() dto: UpdateUserDto, @Body('email') email: string) {
    return this.usersRepository.update(id, { ...dto, email });
  }
}`,
      languageOptions: ts,
    },
    {
      code: `import { Body, Controller, Post } from '@nestjs/common';
class CreatePostDto { title!: string; }
@Controller('posts')
export class PostsController {
  @Post()
  create(@Body() body: CreatePostDto) { return this.postsRepository.save(body); }
}`,
      languageOptions: ts,
    },
    // Object.assign into a fresh object or a plain options object; into a record with picked fields.
    {
      code: `${mongooseUser}app.patch('/me', async (req, res) => {
  const options = Object.assign({}, defaults);
  Object.assign(options, req.query);
  const user = await User.findById(req.user.id);
  Object.assign(user, { name: req.body.name });
  await user.save();
});`,
      languageOptions: esm,
    },
    // $set with picked fields.
    {
      code: `${mongooseUser}app.put('/users/:id', async (req, res) => {
  await User.findByIdAndUpdate(req.params.id, { $set: { name: req.body.name } });
});`,
      languageOptions: esm,
    },
    // Fastify validates (and strips) bodies against schema.body.
    {
      code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.post('/users', { schema: { body: CreateUserSchema } }, async (request) => {
  return prisma.user.create({ data: request.body });
});`,
      languageOptions: esm,
    },
    // Reads are another rule's concern.
    {
      code: `${mongooseUser}app.get('/users', async (req, res) => res.json(await User.find({ name: String(req.query.name) })));`,
      languageOptions: esm,
    },
    // Sequelize `fields` limits the written attributes.
    {
      code: `const { User } = require('../models');
router.post('/users', async (req, res) => {
  await User.create(req.body, { fields: ['name', 'email'] });
  await User.update({ name: req.body.name }, { where: { id: req.params.id } });
});`,
      languageOptions: cjs,
    },
    // Koa with picks.
    `router.post('/users', async (ctx) => { const { name } = ctx.request.body; ctx.body = await User.create({ name }); });`,
    // Next.js with a schema.
    {
      code: `${prisma}export async function POST(request: Request) {
  const body = CreatePost.parse(await request.json());
  return Response.json(await prisma.post.create({ data: body }));
}`,
      languageOptions: ts,
    },
    // Hono validated input.
    {
      code: `import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
const app = new Hono();
app.post('/users', zValidator('json', schema), async (c) => {
  const data = c.req.valid('json');
  await db.insert(users).values(data);
  return c.json({ ok: true });
});`,
      languageOptions: ts,
    },
    // class-transformer + class-validator.
    {
      code: `app.post('/users', async (req, res) => {
  const dto = plainToInstance(CreateUserDto, req.body, { excludeExtraneousValues: true });
  await validateOrReject(dto);
  await userRepository.save(dto);
});`,
      languageOptions: ts,
    },
    // Instance methods with picked data; constructors with picked data.
    {
      code: `${mongooseUser}app.patch('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  user.set({ bio: req.body.bio });
  await user.save();
  await new User({ name: req.body.name }).save();
});`,
      languageOptions: esm,
    },
    // A locally built object with defaults and one request field.
    {
      code: `${mongooseUser}app.post('/posts', async (req, res) => {
  const data = { ...defaults, title: req.body.title, author: req.user.id };
  await User.create(data);
});`,
      languageOptions: esm,
    },
    // lodash merge of non-request values.
    {
      code: `import merge from 'lodash/merge';
const config = merge({}, defaults, overrides);
export function apply(user) { merge(user, config); }`,
      languageOptions: esm,
    },
    // TypeORM merge with an allow-list.
    {
      code: `app.patch('/users/:id', async (req: Request, res: Response) => {
  const user = await userRepository.findOneBy({ id: req.params.id });
  userRepository.merge(user, pick(req.body, ALLOWED_FIELDS));
  await userRepository.save(user);
});`,
      languageOptions: ts,
    },
    // Strange code: no arguments, spread arguments, computed keys, optional calls.
    {
      code: `${mongooseUser}app.post('/x', async (req, res) => {
  await User.create();
  await User.create(...items);
  await User.create({ [field]: req.body[field] });
  await User?.create?.({ name: req.body?.name });
  Object.assign();
});`,
      languageOptions: esm,
    },
    // Unrelated create methods.
    `app.post('/x', (req, res) => { const element = document.createElement(req.body.tag); Object.create(req.body); });`,
    // Non-request data.
    {
      code: `${prisma}export async function seed(rows) { for (const row of rows) await prisma.user.create({ data: row }); }`,
      languageOptions: ts,
    },
    // A CommonJS handler that picks.
    {
      code: `const User = require('../models/user');
exports.update = async (req, res) => {
  const user = await User.findById(req.params.id);
  user.name = req.body.name;
  await user.save();
  res.json({ ok: true });
};`,
      languageOptions: cjsAsModule,
    },
    // Picks and validated values merged into records.
    {
      code: `${mongooseUser}import _ from 'lodash';
app.patch('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  Object.assign(user, _.pick(req.body, ['bio', 'avatar']));
  _.merge(user, UpdateProfile.parse(req.body));
  await user.save();
  await User.create({ ..._.pick(req.body, ['name']), owner: req.user.id });
});`,
      languageOptions: esm,
    },
    {
      code: `${prisma}app.patch('/users/:id', async (req, res) => {
  const { name } = UpdateSchema.parse(req.body);
  await prisma.user.update({ where: { id: req.params.id }, data: { name } });
});`,
      languageOptions: ts,
    },
    // Koa with joi validateAsync; Next.js with safeParse.
    {
      code: `${mongooseUser}router.post('/users', async (ctx) => {
  const data = await schema.validateAsync(ctx.request.body, { stripUnknown: true });
  ctx.body = await User.create(data);
});`,
      languageOptions: esm,
    },
    {
      code: `${prisma}export async function POST(req: Request) {
  const parsed = CreateUser.safeParse(await req.json());
  if (!parsed.success) return Response.json(parsed.error, { status: 400 });
  return Response.json(await prisma.user.create({ data: parsed.data }));
}`,
      languageOptions: ts,
    },
    // Writing into the request object, not a record.
    `app.post('/x', (req, res, next) => { Object.assign(req.body, { userId: req.user.id }); next(); });`,
    // Field-by-field assignment on a new record.
    {
      code: `${mongooseUser}app.post('/users', async (req, res) => {
  const user = new User();
  user.name = req.body.name;
  user.email = req.body.email;
  await user.save();
});`,
      languageOptions: esm,
    },
    // Fastify schema held in a constant.
    {
      code: `const createUser = { body: CreateUserBody, response: { 201: UserReply } };
fastify.post('/users', { schema: createUser }, async (request, reply) => User.create(request.body));`,
      languageOptions: esm,
    },
    // Request data stored as one JSON field, not spread into columns.
    {
      code: `${mongooseUser}app.post('/audit', async (req, res) => {
  await User.create({ name: 'audit', meta: JSON.stringify(req.query), path: req.path });
});`,
      languageOptions: esm,
    },
    // Merges into plain objects and into the request itself; a helper's own parameter.
    {
      code: `import _ from 'lodash';
app.get('/search', (req, res) => {
  const filters = {};
  Object.assign(filters, req.query);
  const q = _.defaults(req.query, { page: 1 });
  res.json(search(filters, q));
});
export function createUser(body) { return User.create(body); }`,
      languageOptions: esm,
    },
    // A validated value with a type assertion.
    {
      code: `${prisma}app.post('/users', async (req: Request, res: Response) => {
  const parsed = await CreateUser.parseAsync(req.body);
  await prisma.user.create({ data: parsed as Prisma.UserCreateInput });
});`,
      languageOptions: ts,
    },
    // A validation middleware given a schema in the route chain: joi-style schemas reject undeclared keys.
    {
      code: `${mongooseUser}import { validate } from '../middleware/validate.js';
router.post('/subscriptions', requireAuth, validate(CreateSubscription), async (req, res) => {
  const subscription = await User.create({ ...req.body, owner: req.user._id });
  res.status(201).json({ id: subscription.id });
});`,
      languageOptions: esm,
    },
    {
      code: `const { celebrate, Joi, Segments } = require('celebrate');
const User = require('../models/user');
router.put(
  '/me',
  celebrate({ [Segments.BODY]: Joi.object({ name: Joi.string().max(80) }) }),
  async (req, res) => {
    await User.updateOne({ _id: req.user.id }, { $set: req.body });
    res.sendStatus(204);
  },
);`,
      languageOptions: cjs,
    },
    // wrap(entity).assign() with picked fields; a local `wrap` that is not MikroORM's.
    {
      code: `import { wrap } from '@mikro-orm/core';
app.patch('/bookings/:id', async (req, res) => {
  const booking = await em.findOneOrFail(Booking, { id: req.params.id, guest: req.user.id });
  wrap(booking).assign({ note: String(req.body.note) });
  await em.flush();
  res.json({ id: booking.id });
});
const local = { wrap: (x) => x };
app.post('/x', (req, res) => res.json(local.wrap(req.body).assign(req.body)));`,
      languageOptions: esm,
    },
    // Data-access wrappers from local modules, given picked or validated fields.
    {
      code: `const tasksRepository = require('./tasks-repository');
router.post('/tasks', async (req, res) => {
  const { title, dueDate } = req.body;
  res.status(201).json(await tasksRepository.create({ title, dueDate, ownerId: req.user.id }));
});
router.patch('/tasks/:id', async (req, res) => {
  await tasksRepository.update(req.params.id, { title: String(req.body.title) });
  res.sendStatus(204);
});`,
      languageOptions: cjs,
    },
    {
      code: `import { TasksRepository } from '../repositories/tasks-repository';
import { taskInput } from '../schemas';
const tasksRepository = new TasksRepository(db);
router.post('/tasks', async (req, res) => {
  const input = taskInput.parse(req.body);
  res.status(201).json(await tasksRepository.create(input));
});`,
      languageOptions: ts,
    },
    // --- GraphQL: the schema in the file restricts the input
    {
      name: 'SDL in the file declares the input type without privileged fields',
      code: `${mongooseUser}const Note = mongoose.model('Note', noteSchema);
export const typeDefs = gql\`
  input NoteInput { title: String!, body: String }
  type Mutation { createNote(input: NoteInput!): Note }
\`;
export const resolvers = {
  Mutation: { createNote: (_, { input }, { user }) => Note.create({ ...input, owner: user.id }) },
};`,
      languageOptions: esm,
    },
    {
      name: 'NestJS @Args typed with an input class declared in another file',
      code: `import { Resolver, Mutation, Args } from '@nestjs/graphql';
import { CreateNoteInput } from './dto/create-note.input';
${prisma}@Resolver()
export class NotesResolver {
  @Mutation(() => Note)
  createNote(@Args('input') input: CreateNoteInput) {
    return prisma.note.create({ data: input });
  }
}`,
      languageOptions: ts,
    },
    {
      name: 'type-graphql @Arg typed with an input class the file declares without privileged fields',
      code: `import { Resolver, Mutation, Arg, InputType, Field } from 'type-graphql';
${prisma}@InputType()
class NoteInput {
  @Field() title!: string;
  @Field({ nullable: true }) body?: string;
}
@Resolver()
export class NoteResolver {
  @Mutation(() => Boolean)
  async addNote(@Arg('data') data: NoteInput) {
    await prisma.note.create({ data });
    return true;
  }
}`,
      languageOptions: ts,
    },
    {
      name: 'graphql-js field whose args are declared beside the resolver',
      code: `import { GraphQLObjectType, GraphQLNonNull } from 'graphql';
${prisma}export const Mutation = new GraphQLObjectType({
  name: 'Mutation',
  fields: {
    createNote: { type: NoteType, args: { input: { type: new GraphQLNonNull(NoteInputType) } }, resolve: (_, args) => prisma.note.create({ data: args.input }) },
  },
});`,
      languageOptions: esm,
    },
    {
      name: 'resolver picking fields of its input',
      code: `const { Note } = require('./models');
module.exports = {
  Mutation: {
    createNote: (_, { input }, { user }) => Note.create({ title: input.title, body: input.body, owner: user.id }),
    renameNote: (_, args, { user }) => Note.updateOne({ _id: args.id, owner: user.id }, { title: args.title }),
  },
};`,
      languageOptions: cjs,
    },
    {
      name: 'a field resolver’s parent is not client input',
      code: `${prisma}export const resolvers = { Note: { author: (note) => prisma.user.findUnique({ where: { id: note.authorId } }) } };`,
      languageOptions: esm,
    },
  ],
  invalid: [
    // --- Handlers exported from controller modules
    one(`const Note = require('../models/note');
module.exports = { create: async (req, res) => res.status(201).json(await Note.create(req.body)) };`, 'massAssignment', 'req.body', cjs),
    one(`const Note = require('../models/note');
module.exports = { create: async (req, res) => res.status(201).json(await Note.create(req.body)) };`, 'massAssignment', 'req.body', ts),
    one(`import { Note } from '../models/note.js';
export class NotesController {
  update = async (req, res) => {
    const note = await Note.findOne({ _id: req.params.id, owner: req.user.id });
    note.set(req.body);
    await note.save();
    res.json({ id: note.id });
  };
}`, 'massAssignment', 'req.body', esm),
    // --- GraphQL: input written whole where the schema cannot be seen to restrict it
    one(GQL_CREATE, 'massAssignment', '{ ...input', esm),
    one(GQL_CREATE, 'massAssignment', '{ ...input', ts),
    one(
      `const { Note } = require('./models');
module.exports = {
  Mutation: {
    updateNote: async (_, args, { user }) => {
      const note = await Note.findOne({ _id: args.id, owner: user.id });
      Object.assign(note, args.input);
      await note.save();
      return note;
    },
  },
};`,
      'massMerge',
      'args.input',
      cjs,
    ),
    one(
      `${mongooseUser}export const typeDefs = gql\`
  input UpdateProfileInput { name: String, role: String }
  type Mutation { updateProfile(input: UpdateProfileInput!): User }
\`;
export const resolvers = {
  Mutation: { updateProfile: (_, { input }, { user }) => User.findByIdAndUpdate(user.id, input, { new: true }) },
};`,
      'massAssignment',
      'input, { new',
      esm,
    ),
    one(
      `import { Resolver, Mutation, Args } from '@nestjs/graphql';
${prisma}@Resolver()
export class NotesResolver {
  @Mutation(() => Note)
  createNote(@Args('input') input: Record<string, unknown>) {
    return prisma.note.create({ data: input });
  }
}`,
      'massAssignment',
      'input });',
      ts,
    ),
    one(
      `import { Resolver, Mutation, Arg, InputType, Field } from 'type-graphql';
${prisma}@InputType()
class ProfileInput {
  @Field() name!: string;
  @Field() isAdmin!: boolean;
}
@Resolver()
export class ProfileResolver {
  @Mutation(() => Boolean)
  async updateProfile(@Arg('data') data: ProfileInput) {
    await prisma.user.update({ where: { id: 1 }, data });
    return true;
  }
}`,
      'massAssignment',
      'data });',
      ts,
    ),
    // MikroORM wrap(entity).assign(data).
    {
      code: `import { wrap } from '@mikro-orm/core';
app.patch('/bookings/:id', async (req, res) => {
  const booking = await em.findOneOrFail(Booking, { id: req.params.id, guest: req.user.id });
  wrap(booking).assign(req.body);
  await em.flush();
  res.json({ id: booking.id });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'massAssignment', line: 4, column: 24 }],
    },
    // A Drizzle write chain that ends with an argument-less call.
    {
      code: `import { Hono } from 'hono';
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(pool);
const app = new Hono();
app.post('/notes', async (c) => {
  const body = await c.req.json();
  const [note] = await db.insert(notes).values({ ...body, ownerId: c.get('jwtPayload').sub }).returning();
  return c.json(note, 201);
});`,
      languageOptions: ts,
      errors: [{ messageId: 'massAssignment', line: 7, column: 48 }],
    },
    // express-validator chains check single fields; they neither strip nor reject other keys.
    {
      code: `${mongooseUser}import { body } from 'express-validator';
router.post('/users', body('email').isEmail(), async (req, res) => {
  const user = await User.create(req.body);
  res.status(201).json({ id: user.id });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'massAssignment', line: 5, column: 34 }],
    },
    // Mongoose create with the body.
    {
      code: `${mongooseUser}app.post('/users', async (req, res) => {
  const user = await User.create(req.body);
  res.status(201).json({ id: user.id });
});`,
      languageOptions: esm,
      errors: [{ messageId: 'massAssignment', line: 4, column: 34, endColumn: 42 }],
    },
    // Prisma data, TypeScript.
    {
      code: `${prisma}app.post('/users', async (req: Request, res: Response) => {
  await prisma.user.create({ data: req.body });
});`,
      languageOptions: ts,
      errors: [{ messageId: 'massAssignment', line: 4, column: 36 }],
    },
    // findByIdAndUpdate, CommonJS.
    {
      code: `const User = require('../models/user');
router.put('/users/:id', async (req, res) => {
  const user = await User.findByIdAndUpdate(req.params.id, req.body, { new: true });
  res.json({ id: user.id });
});`,
      languageOptions: cjs,
      errors: [{ messageId: 'massAssignment', line: 3, column: 60 }],
    },
    // Object.assign into a loaded record, then saved; entity.set().
    {
      code: `${mongooseUser}app.patch('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  Object.assign(user, req.body);
  await user.save();
});
app.patch('/users/:id', async (req, res) => {
  const doc = await User.findById(req.params.id);
  doc.set(req.body);
  await doc.save();
});`,
      languageOptions: esm,
      errors: [
        { messageId: 'massMerge', line: 5, column: 23 },
        { messageId: 'massAssignment', line: 10, column: 11 },
      ],
    },
    // TypeORM save with a spread, merge.
    {
      code: `app.post('/users', async (req: Request, res: Response) => {
  await userRepository.save({ ...req.body, ownerId: req.user.id });
});
app.patch('/users/:id', async (req: Request, res: Response) => {
  const user = await userRepository.findOneBy({ id: req.params.id });
  userRepository.merge(user, req.body);
});`,
      languageOptions: ts,
      errors: [
        { messageId: 'massAssignment', line: 2, column: 29 },
        { messageId: 'massAssignment', line: 6, column: 30 },
      ],
    },
    // MikroORM assign.
    {
      code: `import { MikroORM } from '@mikro-orm/core';
app.patch('/users/:id', async (req, res) => {
  const user = await em.findOneOrFail(User, req.params.id);
  em.assign(user, req.body);
  await em.flush();
});`,
      languageOptions: ts,
      errors: [{ messageId: 'massAssignment', line: 4, column: 19 }],
    },
    // lodash: namespace, per-method module, per-method package.
    {
      code: `${mongooseUser}import _ from 'lodash';
import merge from 'lodash/merge';
app.patch('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  _.merge(user, req.body);
  merge(user, req.body.profile);
  await user.save();
});`,
      languageOptions: esm,
      errors: [
        { messageId: 'massMerge', line: 7, column: 17 },
        { messageId: 'massMerge', line: 8, column: 15 },
      ],
    },
    {
      code: `const extend = require('lodash.assign');
const User = require('./user');
router.put('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  extend(user, req.body);
  await user.save();
});`,
      languageOptions: cjs,
      errors: [{ messageId: 'massMerge', line: 5, column: 16 }],
    },
    // Through a variable and a rest binding.
    {
      code: `${mongooseUser}app.post('/a', async (req, res) => {
  const data = req.body;
  await User.create(data);
});
app.post('/b', async (req, res) => {
  const { ...rest } = req.body;
  await User.create({ ...rest, createdBy: req.user.id });
});`,
      languageOptions: esm,
      errors: [
        { messageId: 'massAssignment', line: 5, column: 21 },
        { messageId: 'massAssignment', line: 9, column: 21 },
      ],
    },
    // NestJS bodies that no DTO class validates.
    {
      code: `import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import type { UpdateUserInput } from './types';
@Controller('users')
export class UsersController {
  constructor(private readonly prisma: PrismaService, private readonly usersRepository: Repository<User>) {}
  @Post()
  create(@Body() body: any) {
    return this.prisma.user.create({ data: body });
  }
  @Patch(':id')
  update(@Param('id') id: string, @Body() body) {
    return this.usersRepository.update(id, body);
  }
  @Patch(':id/profile')
  profile(@Param('id') id: string, @Body() input: UpdateUserInput) {
    return this.usersRepository.update(id, input);
  }
  @Post('partial')
  partial(@Body() dto: Partial<User>) {
    return this.usersRepository.save(dto);
  }
}`,
      languageOptions: ts,
      errors: [
        { messageId: 'massAssignment', line: 8, column: 44 },
        { messageId: 'massAssignment', line: 12, column: 44 },
        { messageId: 'massAssignment', line: 16, column: 44 },
        { messageId: 'massAssignment', line: 20, column: 38 },
      ],
    },
    // Koa.
    {
      code: `${mongooseUser}router.post('/users', async (ctx) => {
  ctx.body = await User.create(ctx.request.body);
});`,
      languageOptions: esm,
      errors: [{ messageId: 'massAssignment', line: 4, column: 32 }],
    },
    // Hono + Drizzle.
    {
      code: `import { Hono } from 'hono';
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(pool);
const app = new Hono();
app.post('/users', async (c) => {
  const body = await c.req.json();
  await db.insert(users).values(body);
  return c.json({ ok: true });
});`,
      languageOptions: ts,
      errors: [{ messageId: 'massAssignment', line: 7, column: 33 }],
    },
    // Next.js route handler.
    {
      code: `${prisma}export async function PATCH(request: Request, { params }: { params: { id: string } }) {
  const body = await request.json();
  return Response.json(await prisma.user.update({ where: { id: params.id }, data: body }));
}`,
      languageOptions: ts,
      errors: [{ messageId: 'massAssignment', line: 5, column: 83 }],
    },
    // Fastify without a body schema; Mongoose constructor; $set.
    {
      code: `${mongooseUser}export default async function routes(fastify) {
  fastify.post('/users', async (request, reply) => {
    const user = new User(request.body);
    await user.save();
    await User.findOneAndUpdate({ _id: user.id }, { $set: request.body });
    return { id: user.id };
  });
}`,
      languageOptions: esm,
      errors: [
        { messageId: 'massAssignment', line: 5, column: 27 },
        { messageId: 'massAssignment', line: 7, column: 59 },
      ],
    },
    // Knex and Sequelize update.
    {
      code: `const knex = require('knex')(config);
const { User } = require('../models');
router.post('/users', async (req, res) => {
  await knex('users').insert(req.body);
  await User.update(req.body, { where: { id: req.params.id } });
});`,
      languageOptions: cjsAsModule,
      errors: [
        { messageId: 'massAssignment', line: 4, column: 30 },
        { messageId: 'massAssignment', line: 5, column: 21 },
      ],
    },
    // Messages name a library only when the write is resolved by import.
    {
      code: `const tasksRepository = require('./tasks-repository');
router.post('/tasks', async (req, res) => {
  res.status(201).json(await tasksRepository.create(req.body));
});`,
      languageOptions: cjs,
      errors: [
        {
          messageId: 'massAssignment',
          data: { source: 'req.body', target: 'tasksRepository.create()', kind: 'looks like an ORM create' },
          line: 3,
          column: 53,
        },
      ],
    },
    {
      code: `import { prisma } from '../db';
router.patch('/users/:id', async (req, res) => {
  await prisma.user.update({ where: { id: req.params.id }, data: req.body });
});`,
      languageOptions: ts,
      errors: [
        {
          messageId: 'massAssignment',
          data: { source: 'req.body', target: 'prisma.user.update()', kind: 'looks like an ORM update' },
          line: 3,
          column: 66,
        },
      ],
    },
    {
      code: `const User = require('../models/user');
router.post('/users', async (req, res) => {
  const user = new User(req.body);
  await user.save();
  res.status(201).json({ id: user.id });
});`,
      languageOptions: cjs,
      errors: [
        {
          messageId: 'massAssignment',
          data: { source: 'req.body', target: 'new User()', kind: 'looks like a new ORM record' },
          line: 3,
          column: 25,
        },
      ],
    },
    {
      code: `${prisma}router.post('/users', async (req, res) => {
  await prisma.user.create({ data: req.body });
});`,
      languageOptions: ts,
      errors: [
        { messageId: 'massAssignment', data: { source: 'req.body', target: 'prisma.user.create()', kind: 'a Prisma create' }, line: 4, column: 36 },
      ],
    },
    {
      code: `${mongooseUser}router.post('/users', async (req, res) => {
  const user = new User(req.body);
  await user.save();
});
router.patch('/users/:id', async (req, res) => {
  const doc = await User.findById(req.params.id);
  doc.set(req.body);
  await doc.save();
});`,
      languageOptions: esm,
      errors: [
        { messageId: 'massAssignment', data: { source: 'req.body', target: 'new User()', kind: 'a new Mongoose record' }, line: 4, column: 25 },
        { messageId: 'massAssignment', data: { source: 'req.body', target: 'doc.set()', kind: 'a Mongoose assignment' }, line: 9, column: 11 },
      ],
    },
    {
      code: `import { Body, Controller, Param, Patch } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly usersRepository: Repository<User>) {}
  @Patch(':id')
  update(@Param('id') id: string, @Body() body) {
    return this.usersRepository.update(id, body);
  }
}`,
      languageOptions: ts,
      errors: [
        {
          messageId: 'massAssignment',
          data: { source: 'body', target: 'this.usersRepository.update()', kind: 'a TypeORM update' },
          line: 9,
          column: 44,
        },
      ],
    },
  ],
});
