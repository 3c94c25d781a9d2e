import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { describeOrm, ormCall, ormLibraryName, ormNew } from '../../src/analysis/domains/orm.js';
import { findsAccount, includedAccount, isAccountEntity, isAccountName, isGenericRecordName } from '../../src/analysis/domains/orm-entities.js';
import { probe, type Language } from './harness.js';

interface Summary {
  library: string;
  operation: string;
  method: string;
  id?: string;
  filter?: string;
  data?: string;
  projection?: string;
}

/** Every ORM call in `code`, summarised with the text of its parts. */
function calls(code: string, language: Language = 'esm'): Summary[] {
  const found = probe(
    code,
    (node, sc) => {
      const call = ormCall(node as TSESTree.CallExpression, sc);
      if (!call) return null;
      const s: Summary = { library: call.library, operation: call.operation, method: call.method };
      if (call.idArg) s.id = sc.getText(call.idArg);
      if (call.filterArg) s.filter = sc.getText(call.filterArg);
      if (call.dataArg) s.data = sc.getText(call.dataArg);
      if (call.projection) s.projection = call.projection;
      return s;
    },
    { language, select: { selector: 'CallExpression', pick: (n) => n } },
  );
  return found.filter((s): s is Summary => s !== null);
}

const one = (code: string, language: Language = 'esm') => {
  const found = calls(code, language);
  if (found.length !== 1) throw new Error(`expected one ORM call, found ${JSON.stringify(found)}`);
  return found[0]!;
};

describe('Prisma', () => {
  it('recognises a resolved client', () => {
    expect(
      one(`import { PrismaClient } from '@prisma/client'; const p = new PrismaClient(); p.post.findUnique({ where: { id } });`),
    ).toEqual({ library: 'prisma', operation: 'find', method: 'findUnique', filter: '{ id }', projection: 'none' });
  });
  it('recognises a client from a local module by shape', () => {
    expect(one(`import { db } from './db'; db.post.update({ where: { id }, data: body, select: { id: true } });`)).toEqual({
      library: 'prisma',
      operation: 'update',
      method: 'update',
      filter: '{ id }',
      data: 'body',
      projection: 'explicit',
    });
    expect(one(`this.prisma.user.findMany();`, 'ts')).toMatchObject({ library: 'prisma', operation: 'findMany' });
    expect(one(`tx.user.deleteMany({ where: { orgId } })`)).toMatchObject({ operation: 'delete', filter: '{ orgId }' });
  });
  it('takes the create branch of upsert as data', () => {
    expect(one(`prisma.user.upsert({ where: { email }, create: a, update: b })`)).toMatchObject({ operation: 'upsert', data: 'a' });
  });
  it('ignores look-alikes', () => {
    expect(calls(`this.cache.create({ name: 'x' }); req.session.update(x); map.delete(key); obj.user.create(x, y);`)).toEqual([]);
  });
});

describe('Mongoose', () => {
  it('recognises distinctive statics on any receiver', () => {
    expect(one(`import { Post } from './models'; Post.findById(req.params.id);`)).toEqual({
      library: 'mongoose',
      operation: 'find',
      method: 'findById',
      id: 'req.params.id',
      projection: 'none',
    });
    expect(one(`this.postModel.findByIdAndUpdate(id, dto, { new: true })`, 'ts')).toMatchObject({
      operation: 'update',
      id: 'id',
      data: 'dto',
    });
    expect(one(`Post.findByIdAndDelete(id)`)).toMatchObject({ operation: 'delete', id: 'id' });
  });
  it('reads filters and projections', () => {
    expect(one(`const User = mongoose.model('User', s); import mongoose from 'mongoose'; User.findOne({ email }, 'name')`)).toMatchObject({
      library: 'mongoose',
      filter: '{ email }',
      projection: 'explicit',
    });
    expect(calls(`Post.findById(id).select('-secret').lean()`)[0]).toMatchObject({ projection: 'explicit' });
    expect(calls(`Post.findOne({ slug }, (err, post) => done(post))`)[0]).toMatchObject({ projection: 'none' });
    expect(calls(`Post.findById(id, function (err, post) {})`)[0]).toMatchObject({ projection: 'none' });
    expect(one(`Post.updateOne({ _id: id }, { $set: x })`)).toMatchObject({ operation: 'update', filter: '{ _id: id }', data: '{ $set: x }' });
    expect(one(`Post.create(req.body)`)).toMatchObject({ library: 'mongoose', operation: 'create', data: 'req.body' });
  });
  it('follows documents to their instance methods', () => {
    const found = calls(`async function f() { const doc = await Post.findById(id); doc.set(body); await doc.save(); }`);
    expect(found.map((c) => c.method)).toEqual(['findById', 'set', 'save']);
    expect(found[1]).toMatchObject({ operation: 'assign', data: 'body' });
  });
  it('recognises new Model(data) only for models', () => {
    const made = probe(
      `import mongoose from 'mongoose'; const User = mongoose.model('User', s); new User(body); new Error('x'); new Thing(a); const t = new Post(b); t.save();`,
      (node, sc) => ormNew(node as TSESTree.NewExpression, sc)?.dataArg,
      { select: { selector: 'NewExpression', pick: (n) => n } },
    );
    expect(made.map((n) => (n ? (n as TSESTree.Identifier).name : null))).toEqual(['body', null, null, 'b']);
  });
  it('recognises new Model(data) assigned to an existing variable and saved', () => {
    const made = probe(
      `async function f() { let user = await User.findOne({ email }); user = new User(data); await user.save(); let e; e = new Thing(x); }`,
      (node, sc) => ormNew(node as TSESTree.NewExpression, sc)?.dataArg,
      { select: { selector: 'NewExpression', pick: (n) => n } },
    );
    expect(made.map((n) => (n ? (n as TSESTree.Identifier).name : null))).toEqual(['data', null]);
  });
  it('ignores arrays and globals', () => {
    expect(calls(`items.find((i) => i.id === id); Object.create(null); list.findOne; posts.find(x => x)`)).toEqual([]);
  });
});

describe('Sequelize', () => {
  it('recognises statics', () => {
    expect(one(`const { Post } = require('../models'); Post.findByPk(id, { attributes: ['id'] })`, 'cjs')).toEqual({
      library: 'sequelize',
      operation: 'find',
      method: 'findByPk',
      id: 'id',
      projection: 'explicit',
    });
    expect(one(`db.Post.findOne({ where: { id, userId } })`)).toMatchObject({ library: 'sequelize', filter: '{ id, userId }' });
    expect(one(`Post.update(body, { where: { id } })`)).toMatchObject({ library: 'sequelize', operation: 'update', data: 'body', filter: '{ id }' });
    expect(one(`Post.destroy({ where: { id } })`)).toMatchObject({ library: 'sequelize', operation: 'delete', filter: '{ id }' });
    expect(one(`Post.bulkCreate(rows)`)).toMatchObject({ operation: 'create', data: 'rows' });
  });
  it('follows instances', () => {
    const found = calls(`async function f() { const post = await Post.findByPk(id); await post.update(body); }`);
    expect(found[1]).toMatchObject({ library: 'sequelize', operation: 'update', data: 'body' });
  });
  it('ignores express-session destroy', () => {
    expect(calls(`req.session.destroy(() => {}); session.destroy();`)).toEqual([]);
  });
});

describe('TypeORM', () => {
  it('recognises repositories', () => {
    expect(one(`this.postRepository.findOne({ where: { id }, select: ['id'] })`, 'ts')).toEqual({
      library: 'typeorm',
      operation: 'find',
      method: 'findOne',
      filter: '{ id }',
      projection: 'explicit',
    });
    expect(one(`postRepo.findOneBy({ id })`)).toMatchObject({ filter: '{ id }' });
    expect(one(`repo.findOne(id)`)).toMatchObject({ id: 'id' });
    expect(one(`this.repo.update(id, dto)`, 'ts')).toMatchObject({ operation: 'update', id: 'id', data: 'dto' });
    expect(one(`this.repo.update({ id, ownerId }, dto)`, 'ts')).toMatchObject({ filter: '{ id, ownerId }' });
    expect(one(`AppDataSource.getRepository(Post).delete(id)`)).toMatchObject({ operation: 'delete', id: 'id' });
    expect(one(`repo.merge(post, body)`)).toMatchObject({ operation: 'assign', data: 'body' });
  });
  it('recognises entity managers', () => {
    expect(one(`manager.findOneBy(Post, { id })`)).toMatchObject({ library: 'typeorm', filter: '{ id }' });
  });
  it('recognises query builders once, on the outermost call', () => {
    expect(
      calls(`repo.createQueryBuilder('p').where('p.id = :id', { id }).andWhere('p.ownerId = :me', { me }).getOne()`),
    ).toEqual([{ library: 'typeorm', operation: 'find', method: 'getOne', filter: '{ id }', projection: 'none' }]);
    expect(
      calls(`dataSource.createQueryBuilder().update(Post).set(body).where('id = :id', { id }).execute()`)[0],
    ).toMatchObject({ operation: 'update', data: 'body' });
  });
});

describe('Drizzle', () => {
  it('recognises builder chains', () => {
    expect(calls(`import { eq } from 'drizzle-orm'; db.select().from(posts).where(eq(posts.id, id));`)).toEqual([
      { library: 'drizzle', operation: 'findMany', method: 'select', filter: 'eq(posts.id, id)', projection: 'none' },
    ]);
    expect(calls(`db.update(posts).set(body).where(eq(posts.id, id))`)[0]).toMatchObject({ operation: 'update', data: 'body' });
    expect(calls(`db.insert(posts).values(body).returning()`)[0]).toMatchObject({ operation: 'create', data: 'body' });
    expect(calls(`db.delete(posts).where(eq(posts.id, id))`)[0]).toMatchObject({ operation: 'delete' });
    expect(calls(`db.select({ id: posts.id }).from(posts)`)[0]).toMatchObject({ projection: 'explicit' });
  });
  it('recognises relational queries', () => {
    expect(one(`db.query.posts.findFirst({ where: eq(posts.id, id), columns: { id: true } })`)).toMatchObject({
      library: 'drizzle',
      operation: 'find',
      filter: 'eq(posts.id, id)',
      projection: 'explicit',
    });
  });
  it('ignores maps and sets', () => {
    expect(calls(`cache.delete(key); seen.delete(id);`)).toEqual([]);
  });
});

describe('Knex', () => {
  it('recognises chains on a table call', () => {
    expect(calls(`import knex from 'knex'; const k = knex({}); k('posts').where({ id }).first();`)).toEqual([
      { library: 'knex', operation: 'find', method: 'first', filter: '{ id }', projection: 'none' },
    ]);
    expect(calls(`db('posts').where('id', id).update(body)`)[0]).toMatchObject({ library: 'knex', operation: 'update', data: 'body', filter: 'id' });
    expect(calls(`knex('posts').where({ id }).del()`)[0]).toMatchObject({ operation: 'delete' });
    expect(calls(`knex('posts').insert(body).returning('id')`)[0]).toMatchObject({ operation: 'create', data: 'body', projection: 'explicit' });
    expect(calls(`knex('posts').select('id', 'title').where({ id })`)[0]).toMatchObject({ projection: 'explicit' });
  });
  it('ignores unrelated calls named like tables', () => {
    expect(calls(`t('welcome').replace('a', 'b'); fetch('/x').then((r) => r.json());`)).toEqual([]);
  });
});

describe('MikroORM', () => {
  it('recognises the entity manager', () => {
    expect(one(`em.findOne(Post, id)`)).toMatchObject({ library: 'mikro-orm', operation: 'find', id: 'id' });
    expect(one(`em.findOne(Post, { id, author: me })`)).toMatchObject({ filter: '{ id, author: me }' });
    expect(one(`this.em.assign(post, body)`, 'ts')).toMatchObject({ operation: 'assign', data: 'body' });
    expect(one(`em.create(Post, body)`)).toMatchObject({ operation: 'create', data: 'body' });
    expect(one(`em.nativeDelete(Post, { id })`)).toMatchObject({ operation: 'delete', filter: '{ id }' });
  });
});

describe('strange code', () => {
  it('never throws', () => {
    expect(() =>
      calls(
        `Post[method](id); Post.findById(...args); Post?.findById?.(id); (0, Post.findOne)(); prisma.user[op]({ where }); db?.post.findUnique({ where: { id } }); knex('t')[m]();`,
        'ts',
      ),
    ).not.toThrow();
    expect(calls(`db?.post.findUnique({ where: { id } })`, 'ts')).toHaveLength(1);
  });
});

describe('injected class members', () => {
  it('recognises members typed as repositories and models', () => {
    const found = calls(
      `class S {
        constructor(private readonly posts: Repository<Post>, @InjectModel(Cat.name) private cats: Model<Cat>, private http: HttpService) {}
        private users: Repository<User>;
        a() { this.posts.findOneBy({ id }); this.cats.findOne({ name }); this.users.delete(id); this.http.delete(url); this.http.find(x); }
      }`,
      'ts',
    );
    expect(found.map((c) => [c.library, c.method])).toEqual([
      ['typeorm', 'findOneBy'],
      ['mongoose', 'findOne'],
      ['typeorm', 'delete'],
    ]);
  });
});

describe('account entities', () => {
  it('recognises account-like names', () => {
    expect(['user', 'User', 'usersRepository', 'UserModel', 'customers', 'currentUser', 'me', 'staff'].map(isAccountName)).toEqual(
      Array(8).fill(true),
    );
    expect(['post', 'orders', 'userSettings', 'product', 'meta', null].map(isAccountName)).toEqual(Array(6).fill(false));
  });
  it('reads the entity along the call', () => {
    const accounts = (code: string, language: Language = 'esm') =>
      probe(
        code,
        (node, sc) => {
          const call = ormCall(node as TSESTree.CallExpression, sc);
          return call ? isAccountEntity(call) : null;
        },
        { language, select: { selector: 'CallExpression', pick: (n) => n } },
      ).filter((x) => x !== null);
    expect(accounts("prisma.user.findUnique({ where: { id } }); prisma.post.findUnique({ where: { id } });")).toEqual([true, false]);
    expect(accounts("import knex from 'knex'; const db = knex({}); db('users').where({ id }).first(); db('orders').where({ id }).first();")).toEqual([
      true,
      false,
    ]);
    expect(
      accounts('class S { constructor(private readonly usersRepository: Repository<User>) {} f(id) { return this.usersRepository.findOneBy({ id }); } }', 'ts'),
    ).toEqual([true]);
  });
});

describe('MikroORM wrap()', () => {
  it('recognises wrap(entity).assign(data)', () => {
    expect(one("import { wrap } from '@mikro-orm/core'; wrap(book).assign(data);")).toEqual({
      library: 'mikro-orm',
      operation: 'assign',
      method: 'assign',
      data: 'data',
    });
    expect(calls("const wrap = (x) => x; wrap(book).assign(data); Object.assign(wrap(a), b);")).toEqual([]);
  });
});

describe('projections declared outside the call', () => {
  it('Sequelize named scopes and Prisma client-level omit', () => {
    expect(one("import { User } from './models'; User.scope('public').findAll({ where: { orgId } });").projection).toBe('explicit');
    expect(one("import { User } from './models'; User.unscoped().findAll({ where: { orgId } });").projection).toBe('none');
    expect(
      one("import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient({ omit: { user: { password: true } } }); prisma.user.findUnique({ where: { id } });")
        .projection,
    ).toBe('explicit');
    expect(
      one("import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient({ omit: { user: { password: true } } }); prisma.post.findUnique({ where: { id } });")
        .projection,
    ).toBe('none');
  });
});

describe('includedAccount', () => {
  const included = (code: string) =>
    probe(
      code,
      (node, sc) => {
        const call = ormCall(node as TSESTree.CallExpression, sc);
        return call ? includedAccount(call, sc) : undefined;
      },
      { language: 'ts', select: { selector: 'CallExpression', pick: (n) => n } },
    ).filter((x) => x !== undefined);
  it('relations to people loaded whole', () => {
    expect(included('prisma.post.findMany({ include: { author: true, tags: true } });')).toEqual(['author']);
    expect(included('prisma.post.findMany({ include: { author: { select: { name: true } } } });')).toEqual([null]);
    expect(included("import mongoose from 'mongoose'; const Post = mongoose.model('Post'); Post.findById(id).populate('owner').lean();")).toEqual([
      'owner',
    ]);
    expect(included("import mongoose from 'mongoose'; const Post = mongoose.model('Post'); Post.findById(id).populate('owner', 'name');")).toEqual([
      null,
    ]);
  });
});

describe('how a call was recognised', () => {
  /** `[recognisedBy, library, call label]` of every ORM call and construction in `code`. */
  function provenance(code: string, language: Language = 'ts'): string[][] {
    const found = probe(
      code,
      (node, sc) => {
        const call = node.type === 'NewExpression' ? ormNew(node as TSESTree.NewExpression, sc) : ormCall(node as TSESTree.CallExpression, sc);
        return call ? [call.recognisedBy, call.library, describeOrm(call, 'call')] : null;
      },
      { language, select: { selector: 'CallExpression, NewExpression', pick: (n) => n } },
    );
    return found.filter((p): p is string[] => p !== null);
  }

  it('knows the library when the receiver resolves by import', () => {
    expect(provenance(`import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient(); prisma.user.update({ where: { id }, data });`)).toEqual([
      ['import', 'prisma', 'Prisma `update()`'],
    ]);
    expect(provenance(`import mongoose from 'mongoose'; const User = mongoose.model('User', s); User.findById(id); const u = new User(body);`)).toEqual([
      ['import', 'mongoose', 'Mongoose `findById()`'],
      ['import', 'mongoose', 'a new Mongoose record'],
    ]);
    expect(provenance(`import { getRepository } from 'typeorm'; const repo = getRepository(User); repo.delete(id);`)).toEqual([['import', 'typeorm', 'TypeORM `delete()`']]);
    expect(provenance(`const knex = require('knex')(config); knex('users').where({ id }).del();`, 'cjs')).toEqual([['import', 'knex', 'Knex `del()`']]);
    expect(provenance(`import { drizzle } from 'drizzle-orm/node-postgres'; const db = drizzle(pool); db.delete(users).where(eq(users.id, id));`)).toEqual([
      ['import', 'drizzle', 'Drizzle `delete()`'],
    ]);
  });

  it('knows the library of a class member typed or injected from the ORM module', () => {
    const nest = `import { InjectRepository } from '@nestjs/typeorm';
import { Repository, DataSource } from 'typeorm';
import { Model } from 'mongoose';
import { PrismaClient } from '@prisma/client';
class S {
  constructor(
    @InjectRepository(Post) private readonly posts: Repository<Post>,
    @InjectRepository(Tag) private readonly tagsRepository,
    private readonly catModel: Model<Cat>,
    private readonly prisma: PrismaClient,
    private readonly dataSource: DataSource,
  ) {}
  run() {
    this.posts.update(id, dto);
    this.tagsRepository.delete(id);
    this.catModel.findOne({ name });
    this.prisma.user.findMany();
    this.dataSource.getRepository(User).findOneBy({ id });
    this.posts.createQueryBuilder('p').where('p.id = :id', { id }).getOne();
  }
}`;
    expect(provenance(nest)).toEqual([
      ['import', 'typeorm', 'TypeORM `update()`'],
      ['import', 'typeorm', 'TypeORM `delete()`'],
      ['import', 'mongoose', 'Mongoose `findOne()`'],
      ['import', 'prisma', 'Prisma `findMany()`'],
      ['import', 'typeorm', 'TypeORM `findOneBy()`'],
      ['import', 'typeorm', 'TypeORM `getOne()`'],
    ]);
  });

  it('says a shape match only looks like an ORM call', () => {
    // The case that named TypeORM for a Knex wrapper: a local module named like a repository.
    expect(provenance(`const tasksRepository = require('./tasks-repository'); tasksRepository.update(id, data);`, 'cjs')).toEqual([
      ['repository', 'typeorm', '`update()` (looks like an ORM update)'],
    ]);
    expect(
      provenance(`import type { Knex } from 'knex';
import { TasksRepository } from './tasks-repository';
import { findsAccount, includedAccount, isAccountEntity, isAccountName, isGenericRecordName } from '../../src/analysis/domains/orm-entities.js';
class TasksController {
  constructor(private readonly tasksRepository: TasksRepository, private readonly knex: Knex) {}
  remove(id: string) { return this.tasksRepository.delete(id); }
}`),
    ).toEqual([['repository', 'typeorm', '`delete()` (looks like an ORM delete)']]);
    expect(provenance(`import { prisma } from '@/lib/prisma'; prisma.post.findUnique({ where: { id } });`)).toEqual([
      ['prisma-delegate', 'prisma', '`findUnique()` (looks like an ORM query)'],
    ]);
    expect(provenance(`import { Post } from './models'; Post.findByIdAndDelete(id);`)).toEqual([
      ['model-static', 'mongoose', '`findByIdAndDelete()` (looks like an ORM delete)'],
    ]);
    expect(provenance(`em.findOne(Post, id);`)).toEqual([['entity-manager', 'mikro-orm', '`findOne()` (looks like an ORM query)']]);
    expect(provenance(`db('tasks').where({ id }).update(data);`)).toEqual([['builder-chain', 'knex', '`update()` (looks like an ORM update)']]);
    expect(provenance(`db.query.users.findFirst({ where: eq(users.id, id) });`)).toEqual([['drizzle-query', 'drizzle', '`findFirst()` (looks like an ORM query)']]);
    expect(provenance(`const doc = new User(body); await doc.save();`)).toEqual([
      ['saved-model', 'mongoose', 'looks like a new ORM record'],
      ['saved-model', 'mongoose', '`save()` (looks like an ORM save)'],
    ]);
  });

  it('gives instance methods the provenance of the query that loaded the record', () => {
    expect(provenance(`import mongoose from 'mongoose'; const Post = mongoose.model('Post', s); const post = await Post.findById(id); post.set(body);`)).toEqual([
      ['import', 'mongoose', 'Mongoose `findById()`'],
      ['import', 'mongoose', 'Mongoose `set()`'],
    ]);
    expect(provenance(`import { Post } from './models'; const post = await Post.findById(id); post.set(body);`)).toEqual([
      ['model-static', 'mongoose', '`findById()` (looks like an ORM query)'],
      ['model-static', 'mongoose', '`set()` (looks like an ORM assignment)'],
    ]);
  });

  it('words kinds and results the same way', () => {
    const shaped = (code: string, form: 'kind' | 'result') =>
      probe(code, (node, sc) => {
        const call = ormCall(node as TSESTree.CallExpression, sc);
        return call ? [ormLibraryName(call), describeOrm(call, form)] : null;
      }, { language: 'ts', select: { selector: 'CallExpression', pick: (n) => n } }).filter((p) => p !== null);
    expect(shaped(`usersRepository.findOne(id);`, 'result')).toEqual([[null, 'looks like an ORM `findOne()` result']]);
    expect(shaped(`usersRepository.save(body);`, 'kind')).toEqual([[null, 'looks like an ORM save']]);
    const prisma = `import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient();`;
    expect(shaped(`${prisma} prisma.user.findUnique({ where: { id } });`, 'result')).toEqual([['Prisma', 'a Prisma `findUnique()` result']]);
    expect(shaped(`${prisma} prisma.user.create({ data });`, 'kind')).toEqual([['Prisma', 'a Prisma create']]);
  });
});

describe('finder names', () => {
  it.each(['findUserById', 'findAllUsers', 'findOneAccount', 'findCustomer', 'findMembersByTeam'])('%s loads account records', (name) => {
    expect(findsAccount(name)).toBe(true);
  });
  it.each(['findOneWithUsersCount', 'findAllWithUsersCount', 'findByUserId', 'findRegistrationInfo', 'findPostsForUser', 'findOne', 'finder', 'getUser'])(
    '%s does not',
    (name) => {
      expect(findsAccount(name)).toBe(false);
    },
  );
  it('tells generic binding names from telling ones', () => {
    for (const name of [null, 'result', 'data', 'doc', 'Row']) expect(isGenericRecordName(name)).toBe(true);
    for (const name of ['registrationInfo', 'summary', 'roles', 'user']) expect(isGenericRecordName(name)).toBe(false);
  });
});
