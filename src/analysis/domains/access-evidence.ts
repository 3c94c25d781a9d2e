import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { forEachDescendant, memberName, unwrap } from '../core/ast.js';
import { perNodeCache, type SourceCode } from '../core/cache.js';
import { mayReadRequest } from '../http/request-sources.js';
import { mayBeOrmCall, ormCall } from './orm.js';

type Node = TSESTree.Node;

/** Raw SQL methods of pg, mysql/mysql2, sqlite, better-sqlite3 statements, pg-promise, Sequelize, Knex, TypeORM. */
export const SQL_METHODS: ReadonlySet<string> = new Set(['query', 'execute', 'run', 'get', 'all', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'none', 'raw']);
/** Methods that compare a stored owner with the caller: `doc.userId.equals(req.user._id)`, `members.includes(me)`. */
export const COMPARE_METHODS: ReadonlySet<string> = new Set(['equals', 'includes', 'some', 'has', 'isEqual', 'compare', 'every', 'find', 'indexOf', 'eq', 'contains']);
/** Methods that may list a model's records, read even outside request handlers. */
export const LIST_METHODS: ReadonlySet<string> = new Set(['find', 'findAll', 'findMany', 'findAndCountAll', 'getMany']);

/** Names in a handler that show a refusal path exists: `ForbiddenException`, `ForbiddenError`, `forbidden()`. */
const FORBIDDEN = /forbidden/i;
/** `FORBIDDEN.test(name)`, skipping the regular expression for names too short to contain the word. */
function mayBeForbidden(name: string): boolean {
  return name.length >= 9 && FORBIDDEN.test(name);
}

/** Member and binding names worth testing as caller identities (cheap pre-filter). */
const IDENTITY_PROPERTIES: ReadonlySet<string> = new Set([
  'user',
  'auth',
  'userId',
  'currentUser',
  'session',
  'locals',
  'state',
  'jwtPayload',
  'uid',
  'principal',
  'var',
]);

/**
 * The nodes of a function (or file) that may show an access decision, found by syntax alone; the
 * rule asking judges each one (is the comparison about the caller, is the call an authorization
 * step) with its own options.
 */
export interface AccessEvidence {
  /** Comparisons (`===`, `!==`, `==`, `!=`), compare calls (`.equals()`, `.includes()`), a `403`, `Forbidden…` names. */
  checks: Node[];
  /** Reads that may hold the caller: members and bindings named like one (`req.user`, `{ user }`), `x.get(k)`, plain calls. */
  callers: Node[];
  /** Calls other than the ORM queries the rule records, whose callee name may read as an authorization step. */
  namedCalls: TSESTree.CallExpression[];
}

/**
 * Whether the member call is an ORM query the ownership rule records (and so not a named step):
 * the same test, in the same order, as the rule's own listener, so both agree on every call.
 */
function isRecordedQuery(node: TSESTree.CallExpression, name: string, sourceCode: SourceCode): boolean {
  if (!SQL_METHODS.has(name) && !mayBeOrmCall(node)) return false;
  const requestScope = mayReadRequest(node, sourceCode);
  return (requestScope || LIST_METHODS.has(name)) && ormCall(node, sourceCode) !== null;
}

function collect(root: Node, sourceCode: SourceCode): AccessEvidence {
  const checks: Node[] = [];
  const callers: Node[] = [];
  const namedCalls: TSESTree.CallExpression[] = [];
  forEachDescendant(root, sourceCode, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const name = memberName(callee);
          if (name === null) return;
          const object = unwrap(callee.object);
          // `ForbiddenError.from(ability)`, `createError.Forbidden()`.
          if ((object.type === AST_NODE_TYPES.Identifier && mayBeForbidden(object.name)) || mayBeForbidden(name)) checks.push(object);
          if (COMPARE_METHODS.has(name)) checks.push(node);
          if (name === 'get' && node.arguments.length === 1) callers.push(node);
          if (!isRecordedQuery(node, name, sourceCode)) namedCalls.push(node);
        } else if (callee.type === AST_NODE_TYPES.Identifier) {
          callers.push(node);
          if (mayBeForbidden(callee.name)) checks.push(callee);
          namedCalls.push(node);
        }
        return;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator === '===' || node.operator === '!==' || node.operator === '==' || node.operator === '!=') checks.push(node);
        return;
      case AST_NODE_TYPES.MemberExpression: {
        // `req.user`, `req['user']`, `` req[`auth`] ``.
        const property = node.property;
        if (node.computed && property.type !== AST_NODE_TYPES.Literal && property.type !== AST_NODE_TYPES.TemplateLiteral) return;
        const name = memberName(node);
        if (name !== null && IDENTITY_PROPERTIES.has(name)) callers.push(node);
        return;
      }
      case AST_NODE_TYPES.Identifier: {
        // A caller bound by destructuring: `({ user }) =>` of a resolver context, `const { user } = req`.
        if (!IDENTITY_PROPERTIES.has(node.name)) return;
        const parent = node.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
        if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && parent.value !== node) return;
        if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectPattern) return;
        if (parent?.type === AST_NODE_TYPES.ObjectPattern || (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node)) return;
        callers.push(node);
        return;
      }
      case AST_NODE_TYPES.Literal:
        if (node.value === 403) checks.push(node);
        return;
      case AST_NODE_TYPES.NewExpression: {
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && mayBeForbidden(callee.name)) checks.push(callee);
        return;
      }
      default:
        return;
    }
  });
  return { checks, callers, namedCalls };
}

/**
 * The access evidence inside `root` (a handler, or the whole `Program`), gathered by one walk of
 * that subtree the first time it is asked for, and kept for the file. Asked only about handlers
 * that already hold a query worth checking, so files without one cost nothing.
 */
export const accessEvidence = perNodeCache<Node, AccessEvidence>(collect);
