import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import rule from '../../src/rules/no-nosql-injection.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;
type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;

const ruleTester = new RuleTester();

const MONGOOSE = "import mongoose from 'mongoose';\nconst User = mongoose.model('User', new mongoose.Schema({ email: String }));\n";
const MONGOOSE_CJS = "const mongoose = require('mongoose');\nconst User = mongoose.model('User', new mongoose.Schema({ email: String }));\n";
const MONGODB = "import { MongoClient } from 'mongodb';\nconst client = new MongoClient(process.env.MONGO_URL);\nconst users = client.db('app').collection('users');\n";
const LOCAL_MODEL = "import User from '../models/user';\n";

function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test setup: ${needle} not in code`);
  const before = code.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** An invalid case; `value` findings carry the `String()` suggestion. */
function invalid(code: string, needle: string, messageId: MessageIds = 'requestValue', options?: Options): InvalidTestCase<MessageIds, Options> {
  const position = at(code, needle);
  const suggestions =
    messageId === 'requestValue'
      ? [{ messageId: 'wrapString' as const, data: { text: needle }, output: `${code.slice(0, code.indexOf(needle))}String(${needle})${code.slice(code.indexOf(needle) + needle.length)}` }]
      : undefined;
  return { code, ...(options ? { options } : {}), errors: [{ messageId, ...position, ...(suggestions ? { suggestions } : {}) }] };
}

const valid: (ValidTestCase<Options> | string)[] = [
  // Coerced to strings.
  `${MONGOOSE}app.post('/login', async (req, res) => { const user = await User.findOne({ email: String(req.body.email) }); res.json(user); });`,
  `${MONGOOSE}app.post('/login', async (req, res) => { const user = await User.findOne({ email: \`\${req.body.email}\` }); res.json(user); });`,
  // Compared with $eq: an object is compared as a value.
  `${MONGOOSE}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: { $eq: req.body.email } })); });`,
  // Checked with typeof first.
  `${MONGOOSE}app.post('/login', async (req, res) => {
  const { email } = req.body;
  if (typeof email !== 'string') return res.status(400).end();
  res.json(await User.findOne({ email }));
});`,
  // String methods: an object has none, so the call throws before any query.
  `${MONGOOSE}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email.trim().toLowerCase() })); });`,
  `${MONGOOSE}app.post('/login', async (req, res) => { const email = req.body.email?.toLowerCase(); res.json(await User.findOne({ email })); });`,
  // Numbers.
  `${MONGOOSE}app.get('/u', async (req, res) => { res.json(await User.find({ age: { $gte: Number(req.query.min) }, score: parseInt(req.query.score, 10) })); });`,
  // Path parameters are always strings.
  `${MONGOOSE}app.get('/users/:id', async (req, res) => { res.json(await User.findOne({ slug: req.params.slug })); });`,
  `${MONGOOSE}app.get('/users/:id', async (req, res) => { res.json(await User.findById(req.params.id)); });`,
  // Headers are strings.
  `${MONGODB}app.get('/me', async (req, res) => { res.json(await users.findOne({ apiKey: req.headers['x-api-key'] })); });`,
  // ObjectId conversion.
  `${MONGODB}import { ObjectId } from 'mongodb';\napp.post('/u', async (req, res) => { res.json(await users.findOne({ _id: new ObjectId(req.body.id) })); });`,
  // Sanitizing middleware in the file.
  `${MONGOOSE}import mongoSanitize from 'express-mongo-sanitize';\napp.use(mongoSanitize());\napp.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email })); });`,
  // mongo-sanitize on the value.
  `${MONGOOSE}import sanitize from 'mongo-sanitize';\napp.post('/login', async (req, res) => { res.json(await User.findOne({ email: sanitize(req.body.email) })); });`,
  // Mongoose sanitizeFilter, globally and per query.
  `${MONGOOSE}mongoose.set('sanitizeFilter', true);\napp.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email })); });`,
  `${MONGOOSE}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email }).setOptions({ sanitizeFilter: true })); });`,
  // Validated data.
  `${MONGOOSE}import { z } from 'zod';\nconst Login = z.object({ email: z.string() });\napp.post('/login', async (req, res) => { const { email } = Login.parse(req.body); res.json(await User.findOne({ email })); });`,
  // Operands of comparison operators are compared as values.
  `${MONGOOSE}app.post('/u', async (req, res) => { res.json(await User.find({ tags: { $in: req.body.tags }, role: { $ne: req.body.role } })); });`,
  // express-validator's validated data.
  `${MONGOOSE}import { matchedData } from 'express-validator';\napp.post('/login', async (req, res) => { const { email } = matchedData(req); res.json(await User.findOne({ email })); });`,
  // Sanitizing middleware loaded with require.
  `const mongoose = require('mongoose');\nconst mongoSanitize = require('express-mongo-sanitize');\nconst User = mongoose.model('User');\napp.use(mongoSanitize());\napp.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email })); });`,
  // A collection queried by a path parameter.
  `${MONGODB}app.get('/u/:name', async (req, res) => { res.json(await users.findOne({ name: req.params.name })); });`,
  // Not request data.
  `${MONGOOSE}export async function byEmail(email) { return User.findOne({ email }); }`,
  `${MONGOOSE}app.get('/admins', async (req, res) => { res.json(await User.find({ role: 'admin' })); });`,
  // Escaped patterns.
  `${MONGOOSE}import escapeStringRegexp from 'escape-string-regexp';\napp.get('/s', async (req, res) => { res.json(await User.find({ name: { $regex: escapeStringRegexp(req.query.q), $options: 'i' } })); });`,
  `${MONGOOSE}const escapeRegex = (s) => s.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');\napp.get('/s', async (req, res) => { res.json(await User.find({ name: new RegExp(escapeRegex(String(req.query.q)), 'i') })); });`,
  `${MONGOOSE}app.get('/s', async (req, res) => { const q = String(req.query.q).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'); res.json(await User.find({ name: { $regex: q } })); });`,
  // Look-alike methods on unrelated objects.
  `app.post('/x', (req, res) => { const item = req.body.items.find((i) => i.id === req.body.id); res.json(item); });`,
  `import { db } from './db';\napp.post('/x', async (req, res) => { res.json(await db.users.findOne({ where: { email: req.body.email } })); });`,
  `import { User } from '../models';\napp.post('/x', async (req, res) => { res.json(await User.findOne({ where: { email: req.body.email } })); });`,
  `import { Sequelize } from 'sequelize';\nimport { User } from '../models';\napp.post('/x', async (req, res) => { res.json(await User.findOne({ email: req.body.email })); });`,
  // realworld: a Bookshelf model's findOne with Bookshelf options (ghost)
  `const models = require('../../../models');
const authenticate = async function authenticate(req, res, next) {
  const key = req.query.key;
  const apiKey = await models.ApiKey.findOne({ secret: key }, { withRelated: ['integration'] });
  next(apiKey ? null : new Error('unknown key'));
};`,
  `import _ from 'lodash';\napp.post('/x', (req, res) => { res.json(_.find(list, { name: req.body.name })); });`,
  // NestJS DTO with ValidationPipe.
  {
    code: `import mongoose from 'mongoose';
import { Body, Controller, Post } from '@nestjs/common';
const User = mongoose.model('User', new mongoose.Schema({}));
@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Body() dto: LoginDto) { return User.findOne({ email: dto.email }); }
}`,
    languageOptions: ts,
  },
  // Hono path and query parameters are strings.
  `${MONGOOSE}app.get('/u/:id', async (c) => c.json(await User.findOne({ slug: c.req.param('id'), tag: c.req.query('tag') })));`,
  // Next.js search parameters are strings.
  `${MONGOOSE}export async function GET(request) { const q = request.nextUrl.searchParams.get('q'); return Response.json(await User.find({ name: q })); }`,
  // Koa query strings are parsed with querystring: strings.
  `${MONGOOSE}router.get('/s', async (ctx) => { ctx.body = await User.find({ tag: ctx.query.tag }); });`,
  // Strange code: no crash, no report.
  { code: `${MONGOOSE}const k = 'email';\nUser.findOne({ [k]: 1, ...{}, a: undefined });\nUser.find?.();\nUser.findOne(...args);`, languageOptions: esm },
  { code: `${MONGOOSE}app.post('/x', async (req, res) => { res.json(await User.findOne({ email: String(req.body.email) } satisfies object)); });`, languageOptions: ts },
];

const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  invalid(`${MONGOOSE}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email, password: String(req.body.password) })); });`, 'req.body.email'),
  invalid(`${MONGOOSE}app.get('/u', async (req, res) => { res.json(await User.find(req.query)); });`, 'req.query', 'requestFilter'),
  invalid(`${MONGODB}app.post('/login', async (req, res) => { res.json(await users.findOne({ username: req.body.username })); });`, 'req.body.username'),
  invalid(`${MONGODB}app.post('/s', async (req, res) => { res.json(await users.find({ $where: "this.name == '" + req.body.name + "'" }).toArray()); });`, '"this.name == \'" + req.body.name + "\'"', 'requestCode'),
  invalid(`${MONGOOSE}app.get('/s', async (req, res) => { res.json(await User.find({ name: { $regex: req.query.q } })); });`, 'req.query.q', 'requestRegex'),
  invalid(`${MONGOOSE}app.get('/s/:q', async (req, res) => { res.json(await User.find({ name: new RegExp(req.params.q, 'i') })); });`, 'req.params.q', 'requestRegex'),
  // A model from another file, used the Mongoose way.
  invalid(`${LOCAL_MODEL}export async function login(req, res) { const user = await User.findOne({ email: req.body.email }); res.json(user); }`, 'req.body.email'),
  // Filter built up after its declaration.
  invalid(`${MONGOOSE}app.get('/u', async (req, res) => { const query = {}; query.status = req.query.status; res.json(await User.find(query)); });`, 'req.query.status'),
  // findById with a body value.
  invalid(`${MONGOOSE}app.post('/u', async (req, res) => { res.json(await User.findById(req.body.id)); });`, 'req.body.id'),
  // Aggregation $match.
  invalid(`${MONGODB}app.post('/r', async (req, res) => { res.json(await users.aggregate([{ $match: { owner: req.body.owner } }]).toArray()); });`, 'req.body.owner'),
  // Next.js route handler: a JSON body.
  invalid(`${MONGOOSE}export async function POST(request) { const body = await request.json(); return Response.json(await User.findOne({ email: body.email })); }`, 'body.email'),
  // Koa body.
  invalid(`${MONGOOSE}router.post('/login', async (ctx) => { ctx.body = await User.findOne({ email: ctx.request.body.email }); });`, 'ctx.request.body.email'),
  // Spread of the body.
  invalid(`${MONGOOSE}app.post('/u', async (req, res) => { res.json(await User.find({ active: true, ...req.body })); });`, 'req.body', 'requestFilter'),
];

ruleTester.run('no-nosql-injection', rule, {
  valid,
  invalid: [
    ...acrossParsers(invalidCases),
    // CommonJS.
    invalid(`${MONGOOSE_CJS}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email })); });`, 'req.body.email'),
    { ...invalid(`${MONGOOSE_CJS}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email })); });`, 'req.body.email'), languageOptions: cjs },
  // NestJS body without a DTO class.
  { ...invalid(`${MONGOOSE}import { Body, Controller, Post } from '@nestjs/common';\n@Controller('auth')\nexport class AuthController {\n  @Post('login')\n  login(@Body() body) { return User.findOne({ email: body.email }); }\n}`, 'body.email'), languageOptions: ts },
    // NestJS body typed with a DTO: reported when DTOs are not trusted (strict).
    {
      ...invalid(
        `import mongoose from 'mongoose';
import { Body, Controller, Post } from '@nestjs/common';
const User = mongoose.model('User', new mongoose.Schema({}));
@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Body() dto: LoginDto) { return User.findOne({ email: dto.email }); }
}`,
        'dto.email',
        'requestValue',
        [{ trustTypedBodies: false }],
      ),
      languageOptions: ts,
    },
  ],
});

ruleTester.run('no-nosql-injection (messages)', rule, {
  valid: [],
  invalid: [
    {
      code: `${MONGOOSE}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: req.body.email })); });`,
      errors: [
        {
          messageId: 'requestValue',
          data: { sink: 'the Mongoose query `User.findOne()`', source: 'req.body.email', key: 'email' },
          suggestions: [
            {
              messageId: 'wrapString',
              data: { text: 'req.body.email' },
              output: `${MONGOOSE}app.post('/login', async (req, res) => { res.json(await User.findOne({ email: String(req.body.email) })); });`,
            },
          ],
        },
      ],
    },
    {
      code: `${MONGODB}app.post('/login', async (req, res) => { const { email } = req.body; res.json(await users.findOne({ email })); });`,
      errors: [
        {
          messageId: 'requestValue',
          data: { sink: 'the MongoDB query `users.findOne()`', source: 'email (from req.body)', key: 'email' },
          suggestions: [
            {
              messageId: 'wrapString',
              data: { text: 'email' },
              output: `${MONGODB}app.post('/login', async (req, res) => { const { email } = req.body; res.json(await users.findOne({ email: String(email) })); });`,
            },
          ],
        },
      ],
    },
    {
      code: `${LOCAL_MODEL}export async function search(req, res) { res.json(await User.find({ $where: 'this.n == ' + req.params.n })); }`,
      errors: [{ messageId: 'requestCode', data: { sink: '`User.find()`', source: 'req.params.n', key: '$where' } }],
    },
  ],
});
