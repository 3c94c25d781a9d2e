import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { ormCall, ormNew } from '../../src/analysis/domains/orm.js';
import { probe } from './harness.js';

/** Method names of every ORM call in `code`. */
function methods(code: string): string[] {
  const found = probe(code, (node, sc) => ormCall(node as TSESTree.CallExpression, sc)?.method ?? null, {
    language: 'esm',
    select: { selector: 'CallExpression', pick: (n) => n },
  });
  return found.filter((m): m is string => m !== null);
}

describe('ormCall cheap gates', () => {
  it('ignores inherited object members used as method names', () => {
    expect(methods('import { PrismaClient } from "@prisma/client"; const prisma = new PrismaClient(); prisma.user.toString({ where: { id } });')).toEqual([]);
    expect(methods('db.users.hasOwnProperty({ where: { id } }); User.constructor(id); knex("users").valueOf();')).toEqual([]);
  });

  it('still recognises calls by method name, chain and import', () => {
    expect(methods('import { PrismaClient } from "@prisma/client"; const prisma = new PrismaClient(); prisma.user.findUnique({ where: { id } });')).toEqual(['findUnique']);
    expect(methods('knex("users").where({ id }).first();')).toEqual(['first']);
    expect(methods('const rows = await knex("users").where("id", id).then((r) => r);')).toEqual(['then']);
  });

  it('resolves libraries only in files that name an ORM package', () => {
    // `repo` is not named like a repository and nothing imports TypeORM: no call.
    expect(methods('const store = makeStore(); store.findOneBy({ id });')).toEqual([]);
    expect(methods('import { getRepository } from "typeorm"; const store = getRepository(User); store.findOneBy({ id });')).toEqual(['findOneBy']);
  });
});

describe('ormNew cheap gates', () => {
  it('recognises a saved local model and a Mongoose model by import', () => {
    const made = (code: string) =>
      probe(code, (node, sc) => ormNew(node as TSESTree.NewExpression, sc)?.library ?? null, {
        language: 'esm',
        select: { selector: 'NewExpression', pick: (n) => n },
      }).filter((l) => l !== null);
    expect(made('const doc = new User(body); await doc.save();')).toEqual(['mongoose']);
    expect(made('const e = new Error(message); throw e;')).toEqual([]);
    expect(made('import mongoose from "mongoose"; const Cat = mongoose.model("Cat", schema); new Cat(body);')).toEqual(['mongoose']);
  });
});
