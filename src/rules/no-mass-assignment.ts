import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, memberName, shortText, unwrap } from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { describeOrm, mayBeOrmCall, ormCall, ormNew, type OrmOperation } from '../analysis/domains/orm.js';
import { isRequestUser, lodashFunction, wholeRequestObject, wholeResolverInput } from '../analysis/flow/request-objects.js';
import { mayReadRequest, mayReadRequestInFile, type RequestSource } from '../analysis/http/request-sources.js';
import { createRule } from '../util/create-rule.js';
import { isWrittenBack } from '../analysis/domains/orm-entities.js';
import { recordOrigin } from '../analysis/domains/orm-shapes.js';

type Node = TSESTree.Node;
type MessageIds = 'massAssignment' | 'massMerge';

/** ORM operations that write the data they are given. */
const WRITE_OPERATIONS = new Set(['create', 'update', 'upsert', 'save', 'assign']);
/** lodash/underscore functions that copy every key of the sources into the target. */
const LODASH_MERGES = new Set(['merge', 'mergewith', 'assign', 'assignin', 'assignwith', 'extend', 'extendwith', 'defaults', 'defaultsdeep']);
/** Methods that persist a record changed in memory. */
const PERSIST_METHODS = new Set(['save', 'update', 'persist', 'persistAndFlush', 'flush']);
const SAVE_OPERATIONS = new Set<OrmOperation>(['save', 'update']);

export default createRule<[], MessageIds>({
  name: 'no-mass-assignment',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passing whole request bodies into ORM create/update calls or merging them into records',
      recommended: 'recommended',
      cwe: 'CWE-915',
      owasp: ['API3:2023'],
    },
    messages: {
      massAssignment:
        '`{{source}}` is request data passed whole to `{{target}}` ({{kind}}), so a client can set any field it names, such as `role`, `isAdmin` or `ownerId`. Pick the allowed fields (`{ name: body.name }`) or pass the result of a schema validation that strips unknown keys.',
      massMerge:
        '`{{source}}` is request data merged whole into the record `{{record}}` by `{{target}}`, so a client can overwrite any field, such as `role` or `isAdmin`. Copy only the allowed fields, or merge a validated object that strips unknown keys.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Every finding is request data: a file where no function can read a request has none.
    if (!mayReadRequestInFile(sourceCode)) return {};
    const reported = new Set<Node>();

    function report(node: Node, messageId: MessageIds, source: RequestSource, data: Record<string, string>): void {
      const target = unwrap(node);
      if (reported.has(target)) return;
      reported.add(target);
      context.report({ node: target, messageId, data: { source: source.text, ...data } });
    }

    /** `kind` says what the write is, naming the library only when it is resolved by import ("a Prisma create", "looks like an ORM create"). */
    function checkData(nodes: readonly Node[], target: string, kind: string): void {
      for (const data of nodes) {
        const found = dataSource(data, sourceCode);
        if (found) report(found.node, 'massAssignment', found.source, { target, kind });
      }
    }

    function checkMerge(node: TSESTree.CallExpression, target: string): void {
      const [first, ...rest] = node.arguments;
      if (!first || first.type === AST_NODE_TYPES.SpreadElement || !isRecord(first, sourceCode)) return;
      for (const arg of rest) {
        if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
        const source = wholeRequestObject(arg, sourceCode) ?? wholeResolverInput(arg, sourceCode);
        if (source) report(arg, 'massMerge', source, { target, record: shortText(sourceCode, first) });
      }
    }

    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        // A call without arguments can still end a builder chain that writes: `db.insert(t).values(body).returning()`.
        if (node.arguments.length === 0 && !(callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.CallExpression)) {
          return;
        }
        const member = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
        const objectAssign = member === 'assign' && isObjectGlobal((callee as TSESTree.MemberExpression).object);
        const mergeLike = !objectAssign && (callee.type !== AST_NODE_TYPES.MemberExpression || mayBeLodashMergeName(member));
        // Cheapest first: only merges and calls an ORM table names, and only where a request can be read.
        if (!objectAssign && !mergeLike && !mayBeOrmCall(node)) return;
        if (!mayReadRequest(node, sourceCode)) return;
        const method = calleeName(node);
        // Object.assign(record, req.body)
        if (objectAssign) {
          checkMerge(node, 'Object.assign()');
          return;
        }
        // lodash merge/assign/extend/defaults(record, req.body); a method call must be named like one.
        const lodash = mergeLike ? lodashFunction(callee, sourceCode) : null;
        if (lodash && LODASH_MERGES.has(lodash.toLowerCase())) {
          checkMerge(node, `${shortText(sourceCode, callee, 30)}()`);
          return;
        }
        if (method === null) return;
        const orm = ormCall(node, sourceCode);
        if (!orm || !WRITE_OPERATIONS.has(orm.operation)) return;
        if (restrictsFields(node)) return;
        checkData(orm.dataArgs, `${shortText(sourceCode, callee, 40)}()`, describeOrm(orm, 'kind'));
      },
      NewExpression(node) {
        if (node.arguments.length === 0 || !mayReadRequest(node, sourceCode)) return;
        const made = ormNew(node, sourceCode);
        if (made) checkData(made.dataArgs, `new ${shortText(sourceCode, node.callee, 30)}()`, describeOrm(made, 'kind'));
      },
    };
  },
});

/** Lengths and first letters (lower case) of the names in `LODASH_MERGES`, and `default`. */
const MERGE_NAME_LENGTHS: ReadonlySet<number> = new Set([...LODASH_MERGES, 'default'].map((name) => name.length));
const MERGE_NAME_INITIALS: ReadonlySet<number> = new Set([...LODASH_MERGES, 'default'].map((name) => name.charCodeAt(0)));

/**
 * Cheap test before resolving a callee as a lodash function: a method call (`_.merge`) must be
 * named like one of the merges (or `default`, which resolution strips); other callees (`merge`,
 * `require('lodash/merge')`) can only be told by resolving them. `name` is the method's name.
 */
function mayBeLodashMergeName(name: string | null): boolean {
  if (name === null || !MERGE_NAME_LENGTHS.has(name.length)) return false;
  // `| 32` folds an ASCII capital to its lower case: only names that may match in any case are lowered.
  if (!MERGE_NAME_INITIALS.has(name.charCodeAt(0) | 32)) return false;
  return name === 'default' || LODASH_MERGES.has(name.toLowerCase());
}

/** `Object`, as in `Object.assign()`. */
function isObjectGlobal(object: Node): boolean {
  const target = unwrap(object);
  return target.type === AST_NODE_TYPES.Identifier && target.name === 'Object';
}

/**
 * The request object written by a data argument: the argument itself (`create(req.body)`), a spread
 * in it (`save({ ...req.body })`), or a MongoDB update operator's value (`{ $set: req.body }`).
 */
function dataSource(raw: Node, sourceCode: SourceCode): { source: RequestSource; node: Node } | null {
  const node = unwrap(raw);
  const whole = wholeRequestObject(node, sourceCode) ?? wholeResolverInput(node, sourceCode);
  if (whole) return { source: whole, node };
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    for (const prop of node.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) continue;
      const key = prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : prop.key.type === AST_NODE_TYPES.Literal ? String(prop.key.value) : '';
      if (key === '$set' || key === '$setOnInsert') {
        const source = wholeRequestObject(prop.value, sourceCode) ?? wholeResolverInput(prop.value, sourceCode);
        if (source) return { source, node: prop.value };
      }
    }
  }
  return null;
}

/** Sequelize `create(data, { fields: ['name'] })` / `update(data, { fields, where })`: only the listed attributes are written. */
function restrictsFields(node: TSESTree.CallExpression): boolean {
  return node.arguments.slice(1).some((arg) => {
    const options = unwrap(arg);
    return (
      options.type === AST_NODE_TYPES.ObjectExpression &&
      options.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'fields')
    );
  });
}

/**
 * Whether a merge target is a stored record: loaded by a recognised ORM call, persisted afterwards
 * (`user.save()`), or the signed-in user (`req.user`).
 */
function isRecord(raw: Node, sourceCode: SourceCode): boolean {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.MemberExpression) return isRequestUser(node, sourceCode);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  if (recordOrigin(node, sourceCode)) return true;
  const variable = findVar(sourceCode, node);
  if (!variable) return false;
  return isWrittenBack(variable, sourceCode, PERSIST_METHODS, SAVE_OPERATIONS);
}
