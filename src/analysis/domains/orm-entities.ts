/**
 * Which entities an ORM call touches, and whether a name denotes an account-like entity (`user`,
 * `usersRepository`, `customers`) or a finder that loads one (`findUserById`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { ACCOUNT_ENTITY_NOUNS, DATA_ACCESS_SUFFIXES, PRISMA_PROJECTION_KEYS, type OrmOperation } from '../../catalog/orm.js';
import { calleeName, forEachDescendant, getProperty, isFunction, memberName, propertyName, unwrap } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { nameWords } from '../core/names.js';

import { type OrmCall, objectLiteralOf, propValue, hasAnyKey, ormCall } from './orm.js';


export type { OrmOperation, OrmLibrary } from '../../catalog/orm.js';


type Node = TSESTree.Node;

// ---------------------------------------------------------------- entities

const ACCOUNT_NOUNS = new Set(ACCOUNT_ENTITY_NOUNS);
const ACCESS_SUFFIXES = new Set(DATA_ACCESS_SUFFIXES);
/** Builder methods whose first argument names the table. */
const TABLE_METHODS = new Set(['from', 'into', 'table', 'insert', 'update']);

/**
 * Whether a name (variable, model, repository, Prisma delegate, table) denotes an account-like
 * entity: `user`, `User`, `usersRepository`, `UserModel`, `customers`, `currentUser`, `me`.
 */
export function isAccountName(name: string | null | undefined): boolean {
  if (!name) return false;
  let words = nameWords(name);
  while (words.length > 1 && ACCESS_SUFFIXES.has(words[words.length - 1]!)) words = words.slice(0, -1);
  const head = words[words.length - 1];
  if (!head) return false;
  if (head === 'me') return words.length === 1;
  const singular = head.endsWith('s') && head !== 'staff' ? head.slice(0, -1) : head;
  return ACCOUNT_NOUNS.has(head) || ACCOUNT_NOUNS.has(singular);
}

/** Words that end the entity part of a finder's name: `findUserById`, `findOneWithUsersCount`. */
const FINDER_QUALIFIERS = new Set(['by', 'with', 'for', 'and', 'or', 'count', 'including', 'where', 'from', 'in', 'of']);

/**
 * Whether a finder's name (`findUserById`, `findAllUsers`, `findOneAccount`) says it loads
 * account-like records. Only the words before a qualifier count, so `findOneWithUsersCount` (roles
 * with a count of their users) and `findByUserId` (records owned by a user) do not.
 */
export function findsAccount(method: string): boolean {
  const words = nameWords(method);
  if (words[0] !== 'find') return false;
  const entity: string[] = [];
  for (const word of words.slice(1)) {
    if (FINDER_QUALIFIERS.has(word)) break;
    entity.push(word);
  }
  return entity.some((word) => isAccountName(word));
}

/** Names that say nothing about what a value holds (`result`, `data`, `doc`). */
const GENERIC_RECORD_NAMES = new Set(['result', 'results', 'data', 'doc', 'docs', 'document', 'record', 'records', 'row', 'rows', 'item', 'items', 'entity', 'entities', 'found', 'res', 'response', 'payload', 'value', 'obj', 'object']);

/** Whether a binding name is generic, so that it neither confirms nor denies what the value is. */
export function isGenericRecordName(name: string | null | undefined): boolean {
  return !name || GENERIC_RECORD_NAMES.has(name.toLowerCase());
}

/**
 * Names along an ORM call's receiver chain and its entity argument: `prisma.user`,
 * `this.userRepository`, `em.findOne(User, …)`, `knex('users')`, `db.select().from(users)`.
 */
export function entityNames(call: OrmCall): string[] {
  const names: string[] = [];
  let current: Node = call.node;
  for (let i = 0; i < 12; i++) {
    const node = unwrap(current);
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const first = node.arguments[0] && unwrap(node.arguments[0]);
      if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') names.push(first.value);
      // An entity class (`em.findOne(User, id)`) or a Drizzle table (`db.select().from(users)`).
      if (first?.type === AST_NODE_TYPES.Identifier && (/^[A-Z]/.test(first.name) || TABLE_METHODS.has(calleeName(node) ?? ''))) {
        names.push(first.name);
      }
      current = node.callee;
    } else if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(node);
      if (name && node !== unwrap(call.node.callee)) names.push(name);
      current = node.object;
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      names.push(node.name);
      break;
    } else {
      break;
    }
  }
  return names;
}

/** Whether the call reads or writes an account-like entity (`prisma.user`, `User`, `usersRepository`, `knex('users')`). */
export function isAccountEntity(call: OrmCall): boolean {
  return entityNames(call).some(isAccountName);
}

/** Relation names that hold a person's record: `include: { author: true }`, `.populate('owner')`. */
const ACCOUNT_RELATIONS = /^(author|authors|creator|assignee|assignees|reporter|sender|recipient|recipients|createdBy|updatedBy|buyer|seller)$/;

/**
 * The name of a relation to an account-like entity that the query loads whole: Prisma
 * `include: { author: true }` (or an include without `select`/`omit`), Mongoose `.populate('author')`
 * without a field selection. Null when there is none.
 */
export function includedAccount(call: OrmCall, sourceCode: SourceCode): string | null {
  const isAccountRelation = (name: string) => ACCOUNT_RELATIONS.test(name) || isAccountName(name);
  if (call.library === 'prisma') {
    const include = objectLiteralOf(propValue(objectLiteralOf(call.node.arguments[0], sourceCode), 'include'), sourceCode);
    for (const prop of include?.properties ?? []) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
      const name = prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : null;
      if (!name || !isAccountRelation(name)) continue;
      const value = unwrap(prop.value);
      if (value.type === AST_NODE_TYPES.Literal && value.value === true) return name;
      if (value.type === AST_NODE_TYPES.ObjectExpression && !hasAnyKey(value, PRISMA_PROJECTION_KEYS)) return name;
    }
    return null;
  }
  if (call.library === 'mongoose') {
    // Walk the query chain outward: `Post.findById(id).populate('author').lean()`.
    let node: Node = call.node;
    while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node && node.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      const chained: TSESTree.CallExpression = node.parent.parent;
      if (memberName(node.parent) === 'populate' && chained.arguments.length === 1) {
        const path = unwrap(chained.arguments[0]!);
        if (path.type === AST_NODE_TYPES.Literal && typeof path.value === 'string' && path.value.split(/\s+/).some(isAccountRelation)) {
          return path.value.split(/\s+/).find(isAccountRelation)!;
        }
        const options = path.type === AST_NODE_TYPES.ObjectExpression ? path : null;
        const target = options && propValue(options, 'path');
        const targetValue = target && unwrap(target);
        if (
          targetValue?.type === AST_NODE_TYPES.Literal &&
          typeof targetValue.value === 'string' &&
          isAccountRelation(targetValue.value) &&
          !hasAnyKey(options, ['select'])
        ) {
          return targetValue.value;
        }
      }
      node = chained;
    }
  }
  return null;
}

/**
 * Whether a record held in `variable` is written back later: an instance method named in
 * `instanceMethods` (`user.save()`, `doc.deleteOne()`), or passed to an ORM call whose operation is
 * in `operations` (`repository.save(user)`, `em.assign(user, …)`).
 */
export function isWrittenBack(
  variable: TSESLint.Scope.Variable,
  sourceCode: SourceCode,
  instanceMethods: ReadonlySet<string>,
  operations: ReadonlySet<OrmOperation>,
): boolean {
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier) {
      const call = parent.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && instanceMethods.has(memberName(parent) ?? '');
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref.identifier as TSESTree.Expression)) {
      const orm = ormCall(parent, sourceCode);
      return !!orm && operations.has(orm.operation);
    }
    return false;
  });
}

const HIDING_KEYS: ReadonlySet<string> = new Set(['select', 'hidden', 'toJSON', 'toObject', 'defaultScope']);

/**
 * Whether an object literal defines a model field: the options of a decorator (`@Column({ select: false })`,
 * `@Property({ hidden: true })`) or a schema field with a `type` (`{ type: String, select: false }`).
 */
function isFieldDefinition(object: Node | undefined): boolean {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  if (getProperty(object, 'type') !== null) return true;
  const call = object.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.parent?.type === AST_NODE_TYPES.Decorator;
}

/** One piece of field hiding: a `select: false` field, a `toJSON` transform, a `defaultScope`, `@Exclude()`, `schema.set('toJSON', …)`. */
function hidesFields(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Property: {
      if (node.computed && node.key.type === AST_NODE_TYPES.Identifier) return false;
      const key = propertyName(node);
      if (key === null || !HIDING_KEYS.has(key)) return false;
      const value = unwrap(node.value);
      // Mongoose/TypeORM `select: false`, MikroORM `hidden: true` on a field definition — not
      // `data: { hidden: true }` written to a record.
      if (key === 'select' || key === 'hidden') return value.type === AST_NODE_TYPES.Literal && value.value === (key === 'hidden') && isFieldDefinition(node.parent);
      // `toJSON: { transform }` or a `toJSON()` method; not `toJSON: { virtuals: true }`.
      if (key === 'toJSON' || key === 'toObject') return value.type === AST_NODE_TYPES.ObjectExpression ? getProperty(value, 'transform') !== null : isFunction(value);
      return true; // Sequelize `defaultScope`
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      // `userSchema.methods.toJSON = function () { … }`
      const left = node.left;
      return left.type === AST_NODE_TYPES.MemberExpression && !left.computed && left.property.type === AST_NODE_TYPES.Identifier && left.property.name === 'toJSON';
    }
    case AST_NODE_TYPES.Decorator: {
      // class-transformer `@Exclude()` on an entity field
      const expr = unwrap(node.expression);
      const callee = expr.type === AST_NODE_TYPES.CallExpression ? unwrap(expr.callee) : expr;
      return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Exclude';
    }
    case AST_NODE_TYPES.CallExpression: {
      // `schema.set('toJSON', { transform })`
      if (calleeName(node) !== 'set') return false;
      const first = node.arguments[0] && unwrap(node.arguments[0]);
      const second = node.arguments[1] && unwrap(node.arguments[1]);
      return (
        first?.type === AST_NODE_TYPES.Literal &&
        (first.value === 'toJSON' || first.value === 'toObject') &&
        second?.type === AST_NODE_TYPES.ObjectExpression &&
        getProperty(second, 'transform') !== null
      );
    }
    default:
      return false;
  }
}

/**
 * Whether the file declares that its models hide fields from serialization (Mongoose `select: false`
 * and `toJSON` transforms, TypeORM/MikroORM column options, Sequelize `defaultScope`, class-transformer
 * `@Exclude()`): then a record sent whole may not carry its secrets. One walk of the file, made only
 * when a rule has a whole-record finding to confirm, and kept for the file.
 */
export const hidesFieldsInFile = perFileCache((sourceCode): boolean => {
  let found = false;
  forEachDescendant(sourceCode.ast, sourceCode, (node) => {
    if (!found && hidesFields(node)) found = true;
  });
  return found;
});
