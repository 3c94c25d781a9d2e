import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  findVar,
  getProperty,
  isFunction,
  memberName,
  propertyName,
  shortText,
  unwrap,
  writtenValues,
} from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { includesAny, textGate } from '../analysis/core/source-text.js';
import { nameWords, isSensitiveFieldName } from '../analysis/core/names.js';
import { describeOrm, ormCall, ormNew } from '../analysis/domains/orm.js';
import { holdsRequestUser, isRequestUser, lodashFunction } from '../analysis/flow/request-objects.js';
import {
  RESPONSE_SEND_METHODS,
  responseBodyOfAssignment,
  responseBodyOfCall,
  responseBodyOfReturn,
  type ResponseBody,
} from '../analysis/http/responses.js';
import { staticValue } from '../analysis/core/static-value.js';
import { MONGOOSE_PROJECTION_METHODS, MONGOOSE_QUERY_METHODS } from '../catalog/orm.js';
import { createRule } from '../util/create-rule.js';
import { entityNames, findsAccount, hidesFieldsInFile, includedAccount, isAccountName, isGenericRecordName } from '../analysis/domains/orm-entities.js';

type Node = TSESTree.Node;
type Options = [{ sensitiveFields?: string[] }];
type MessageIds = 'wholeRecord' | 'spreadRecord' | 'sensitiveField';

/** ORM operations whose result is a stored record (or list of records). */
const RECORD_OPERATIONS = new Set(['find', 'findMany', 'create', 'update', 'upsert', 'save']);
/** Libraries whose results are plain objects: a NestJS class serializer cannot strip their fields. */
const PLAIN_RESULT_LIBRARIES = new Set(['prisma', 'knex', 'drizzle']);
/** Methods of a query chain that keep the records as they are (`User.findById(id).lean()`); a projection ends the chain. */
const KEEPING_CHAIN_METHODS = new Set(MONGOOSE_QUERY_METHODS.filter((m) => !MONGOOSE_PROJECTION_METHODS.includes(m)));
/** Key words of a sensitive field that may legitimately be issued once (a new API key): reported only when read from a stored record. */
const ISSUED_HEADS = new Set(['secret', 'secrets', 'key', 'keys']);
const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'instanceof']);
/** Functions whose result hides a value (`{ cardNumber: mask(card) }`). */
const MASKING = /mask|redact|obfuscat|last4|lastFour|truncat|hide|censor/i;
const MAX_DEPTH = 4;
/** Calls that make a new secret or key: `generateSecret()`, `paymentIntents.create()`, `issueApiKey()`. */
const ISSUING = /^(create|generate|issue|mint|rotate|regenerate|make|new)/i;
/** Read methods whose result is a number, a flag or an aggregate, not records. */
const COUNTING_METHOD = /^(count|exists|aggregate|groupBy|distinct|estimatedDocumentCount)/;

/*
 * Per-file gates, one per way a body is sent (a file that spells none of the words sends no body
 * that way): a send method (`res.json()`, `reply.send()`, `res.end()`, `Response.json()`), a
 * `new Response()`/`new NextResponse()`, a Koa `ctx.body =`, and a value returned from a NestJS
 * route method (decorators from `@nestjs/common`) or a Fastify handler (`reply`, `fastify`, the
 * `fastify` module).
 */
const maySendByCall = textGate((text) => hasWord(text, 'json') || hasWord(text, 'send') || hasWord(text, 'end') || hasWord(text, 'jsonp'));
const mayConstructResponse = textGate(includesAny(['Response']));
const mayAssignBody = textGate((text) => hasWord(text, 'body'));
const mayReturnBody = textGate(includesAny(['nestjs', 'reply', 'fastify']));
/** Whether `word` occurs in `text` between non-word characters (as `/\bword\b/` tests, without a regular expression). */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!isWordCode(text.charCodeAt(at - 1)) && !isWordCode(text.charCodeAt(at + word.length))) return true;
  }
  return false;
}

/** `[A-Za-z0-9_]`, the characters `\b` counts as word characters; NaN (outside the text) is none. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** `new Response(…)`, `new NextResponse(…)`. */
const RESPONSE_CLASS = /Response$/;


interface RecordInfo {
  /** What the record is, for messages. */
  description: string;
  /** `orm`: an ORM result as loaded (a class instance for TypeORM/Sequelize/Mongoose/MikroORM). */
  kind: 'orm' | 'copy' | 'request-user' | 'found';
  library?: string;
  /** For a record of another entity: the relation loaded whole with it (`include: { author: true }`). */
  relation?: string;
}

export default createRule<Options, MessageIds>({
  name: 'no-excessive-data-exposure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending whole user records or credential fields in API responses',
      recommended: 'recommended',
      cwe: 'CWE-213',
      owasp: ['API3:2023'],
    },
    messages: {
      wholeRecord:
        '{{what}} is sent whole in the response ({{via}}), so every stored field, such as the password hash and internal flags, reaches the client. Pick the fields the client needs (`{ id: user.id, name: user.name }`) or map the record through a DTO/serializer.',
      spreadRecord:
        'Spreading {{what}} into the response ({{via}}) copies every stored field, such as the password hash, to the client. Pick the fields the client needs instead of spreading the record.',
      sensitiveField:
        'The response ({{via}}) includes `{{key}}`, a field that must not leave the server. Remove it and pick only the fields the client needs.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          sensitiveFields: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More field names (compared case-insensitively) that must never appear in a response, in addition to the built-in vocabulary (password, passwordHash, salt, secret, apiKey, ssn, resetToken…).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sensitiveFields: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const byCall = maySendByCall(sourceCode);
    const byNew = mayConstructResponse(sourceCode);
    const byAssignment = mayAssignBody(sourceCode);
    const byReturn = mayReturnBody(sourceCode);
    // A file that spells no way of sending a body has nothing to report.
    if (!byCall && !byNew && !byAssignment && !byReturn) return {};
    const extraFields = new Set((options.sensitiveFields ?? []).map((f) => f.toLowerCase()));
    const reported = new Set<Node>();

    function isSensitiveKey(key: string): boolean {
      return isSensitiveFieldName(key) || extraFields.has(key.toLowerCase());
    }

    /** Whole-record findings wait for the end of the file: a model defined here may hide its fields. */
    const pendingRecords: { node: Node; messageId: MessageIds; data: Record<string, string> }[] = [];

    function report(node: Node, messageId: MessageIds, data: Record<string, string>, record?: RecordInfo): void {
      if (reported.has(node)) return;
      reported.add(node);
      if (record && record.kind !== 'request-user') pendingRecords.push({ node, messageId, data });
      else context.report({ node, messageId, data });
    }

    function check(body: ResponseBody | null): void {
      if (!body || body.schemaFiltered) return;
      inspect(body.value, body, 0);
    }

    /** Looks through the body for whole records, spread records and sensitive keys. */
    function inspect(raw: Node, body: ResponseBody, depth: number): void {
      if (depth > MAX_DEPTH) return;
      const node = unwrap(raw);
      const record = recordOf(node, sourceCode, isSensitiveKey, null, 0);
      if (record) {
        if (reportable(record, body)) report(node, 'wholeRecord', { what: record.description, via: body.via }, record);
        return;
      }
      switch (node.type) {
        case AST_NODE_TYPES.ObjectExpression:
          inspectObject(node, body, depth);
          return;
        case AST_NODE_TYPES.ArrayExpression:
          for (const element of node.elements) {
            if (element && element.type !== AST_NODE_TYPES.SpreadElement) inspect(element, body, depth + 1);
          }
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          inspect(node.consequent, body, depth + 1);
          inspect(node.alternate, body, depth + 1);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          inspect(node.left, body, depth + 1);
          inspect(node.right, body, depth + 1);
          return;
        case AST_NODE_TYPES.AwaitExpression:
          inspect(node.argument, body, depth + 1);
          return;
        case AST_NODE_TYPES.Identifier: {
          // `const payload = { ...user, token }; res.json(payload)`
          const variable = findVar(sourceCode, node);
          if (!variable) return;
          const writes = writtenValues(variable);
          if (writes.length !== 1 || writes[0]!.path.length > 0) return;
          const init = unwrap(writes[0]!.expr);
          if (init.type === AST_NODE_TYPES.ObjectExpression) inspectObject(init, body, depth + 1);
          return;
        }
        default:
          return;
      }
    }

    function inspectObject(object: TSESTree.ObjectExpression, body: ResponseBody, depth: number): void {
      // `{ ...user, password: undefined }` removes the field on purpose.
      const removesSensitive = object.properties.some(
        (p) => p.type === AST_NODE_TYPES.Property && isSensitiveKey(propertyName(p) ?? '') && isNothing(p.value),
      );
      for (const prop of object.properties) {
        if (prop.type === AST_NODE_TYPES.SpreadElement) {
          if (removesSensitive) continue;
          const record = recordOf(prop.argument, sourceCode, isSensitiveKey, null, 0);
          // `{ ...post, author: { id: post.author.id, name: post.author.name } }` replaces the included record.
          const replaced =
            record?.relation !== undefined &&
            object.properties.some((p) => p.type === AST_NODE_TYPES.Property && p.range[0] > prop.range[0] && propertyName(p) === record.relation);
          if (record && !replaced && reportable({ ...record, kind: record.kind === 'orm' ? 'copy' : record.kind }, body)) {
            report(prop, 'spreadRecord', { what: record.description, via: body.via }, record);
          }
          continue;
        }
        const key = propertyName(prop);
        if (key !== null && isSensitiveKey(key)) {
          if (exposesValue(key, prop.value as Node)) report(prop, 'sensitiveField', { key, via: body.via });
          continue;
        }
        // `{ token: user.verificationToken }`: a stored credential under a harmless key.
        const value = unwrap(prop.value as Node);
        const field = value.type === AST_NODE_TYPES.MemberExpression ? memberName(value) : null;
        if (field !== null && isTellingField(field) && isSensitiveKey(field) && exposesValue(field, value)) {
          report(prop, 'sensitiveField', { key: field, via: body.via });
          continue;
        }
        inspect(prop.value, body, depth + 1);
      }
    }

    /** Whether a sensitive key's value carries the secret (not a constant, a flag or a masked form). */
    function exposesValue(key: string, raw: Node): boolean {
      const value = unwrap(raw);
      if (isNothing(value) || isFlagOrConstant(value)) return false;
      const words = nameWords(key);
      const issued = ISSUED_HEADS.has(words[words.length - 1] ?? '');
      if (value.type === AST_NODE_TYPES.MemberExpression) return !(issued && freshlyIssued(value));
      if (value.type === AST_NODE_TYPES.Identifier) {
        const variable = findVar(sourceCode, value);
        if (!variable || variable.defs.length === 0) return false;
        const writes = writtenValues(variable);
        // A freshly issued key or secret (`const apiKey = randomBytes(32)…`) is meant to be shown once;
        // one read from a stored record (`const { apiKey } = user`) is not.
        if (issued) return writes.some((w) => w.path.length > 0 || unwrap(w.expr).type === AST_NODE_TYPES.MemberExpression);
        if (writes.length === 0) return true;
        return writes.some((w) => {
          const init = unwrap(w.expr);
          if (isFlagOrConstant(init) || isNothing(init)) return false;
          const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
          return !(call.type === AST_NODE_TYPES.CallExpression && MASKING.test(calleeName(call) ?? ''));
        });
      }
      return false;
    }

    /**
     * A field of an object the handler has just made by a call that issues it: `secret.base32` of
     * `speakeasy.generateSecret()`, `paymentIntent.client_secret` of `stripe.paymentIntents.create()`,
     * `apiKey.key` of `ApiKey.create(…)`. A key shown once on creation is the point of the endpoint.
     */
    function freshlyIssued(member: TSESTree.MemberExpression): boolean {
      let root: Node = member;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVar(sourceCode, root);
      if (!variable || variable.defs.length === 0) return false;
      const writes = writtenValues(variable);
      return (
        writes.length > 0 &&
        writes.every((w) => {
          const init = unwrap(w.expr);
          const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
          return w.path.length === 0 && call.type === AST_NODE_TYPES.CallExpression && ISSUING.test(calleeName(call) ?? '');
        })
      );
    }

    function isFlagOrConstant(node: Node): boolean {
      // `!!user.password`, `typeof x`, `user.passwordHash != null`: a flag, not the value.
      if (node.type === AST_NODE_TYPES.UnaryExpression || node.type === AST_NODE_TYPES.Literal) return true;
      if (node.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(node.operator)) return true;
      return staticValue(node, sourceCode) !== undefined;
    }

    const listeners: TSESLint.RuleListener = {};
    if (byCall) {
      listeners.CallExpression = (node) => {
        const method = calleeName(node);
        if (method === null) return;
        if (!RESPONSE_SEND_METHODS.has(method)) return;
        check(responseBodyOfCall(node, sourceCode));
      };
    }
    if (byNew) {
      listeners.NewExpression = (node) => {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier || !RESPONSE_CLASS.test(callee.name)) return;
        check(responseBodyOfCall(node, sourceCode));
      };
    }
    if (byAssignment) {
      listeners.AssignmentExpression = (node) => {
        if (node.operator !== '=') return;
        const left = unwrap(node.left);
        if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== 'body') return;
        check(responseBodyOfAssignment(node, sourceCode));
      };
    }
    if (byReturn) {
      listeners.ReturnStatement = (node) => {
        if (node.argument) check(responseBodyOfReturn(node, sourceCode));
      };
      listeners.ArrowFunctionExpression = (node) => {
        if (node.expression) check(responseBodyOfReturn(node, sourceCode));
      };
    }
    listeners['Program:exit'] = () => {
      if (pendingRecords.length === 0 || hidesFieldsInFile(sourceCode)) return;
      for (const pending of pendingRecords) context.report(pending);
    };
    return listeners;
  },
});

/**
 * A field name that says what it holds on its own: `passwordHash`, `verificationToken`, `password`
 * — not bare `hash`, `token` or `key`, which also name checksums and cache keys (`file.hash`).
 */
function isTellingField(name: string): boolean {
  return nameWords(name).length > 1 || /^(password|passwd|salt|ssn|cvv)$/i.test(name);
}

/** `undefined`, `null`, `void 0`: a key set to nothing is dropped from (or empty in) the JSON. */
function isNothing(raw: Node): boolean {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined';
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null;
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void';
}

/**
 * Whether a record of this kind, sent through this framework, exposes every stored field. NestJS
 * routes commonly serialize entity class instances with `ClassSerializerInterceptor` and
 * `@Exclude()` (often registered globally), so loaded instances are left alone there; plain
 * copies and plain-object results (Prisma, Knex, Drizzle) are not protected by it.
 */
function reportable(record: RecordInfo, body: ResponseBody): boolean {
  // Passport puts the deserialized account record on Express's `req.user`; Fastify (`@fastify/jwt`),
  // NestJS (`JwtStrategy.validate`) and koa-jwt put the token's claims there, which the caller already holds.
  if (record.kind === 'request-user') return body.framework === 'express';
  if (body.framework !== 'nestjs') return true;
  if (record.kind === 'copy') return true;
  return record.kind === 'orm' && PLAIN_RESULT_LIBRARIES.has(record.library ?? '');
}

/**
 * Whether `raw` evaluates to a whole stored record of an account-like entity: an ORM find/create
 * result without a projection, `req.user`, a plain copy of such a record (`toObject()`, `toJSON()`,
 * `get({ plain: true })`, `structuredClone`), or a variable holding one. `hint` is the name the value
 * was bound to (`const user = …`).
 */
function recordOf(
  raw: Node,
  sourceCode: SourceCode,
  isSensitiveKey: (key: string) => boolean,
  hint: string | null,
  depth: number,
): RecordInfo | null {
  if (depth > 8) return null;
  const node = unwrap(raw);
  const text = shortText(sourceCode, node);
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return recordOf(node.argument, sourceCode, isSensitiveKey, hint, depth + 1);
    case AST_NODE_TYPES.Identifier:
      return variableRecord(node, sourceCode, isSensitiveKey, depth);
    case AST_NODE_TYPES.MemberExpression: {
      if (isRequestUser(node, sourceCode)) return { description: `\`${text}\` (the signed-in user's record)`, kind: 'request-user' };
      // Sequelize `user.dataValues`
      if (memberName(node) === 'dataValues') {
        const inner = recordOf(node.object, sourceCode, isSensitiveKey, hint, depth + 1);
        return inner && { description: `\`${text}\``, kind: 'copy' };
      }
      // `comment.author` of `findUnique({ include: { author: true } })`.
      if (!node.computed && node.object.type !== AST_NODE_TYPES.ThisExpression) {
        const name = memberName(node);
        const variable = unwrap(node.object);
        if (name !== null && variable.type === AST_NODE_TYPES.Identifier) {
          const inner = recordOf(variable, sourceCode, isSensitiveKey, hint, depth + 1);
          if (inner?.relation === name) {
            return { description: `\`${text}\` (a whole \`${name}\` record loaded with the query)`, kind: inner.kind, library: inner.library };
          }
        }
      }
      // `rows[0]` of a list of records (`const rows = await db.select().from(users)…`).
      if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'number') {
        const inner = recordOf(node.object, sourceCode, isSensitiveKey, hint, depth + 1);
        return inner && { ...inner, description: `\`${text}\` (${describeSource(inner)})` };
      }
      return null;
    }
    case AST_NODE_TYPES.CallExpression:
      return callRecord(node, text, sourceCode, isSensitiveKey, hint, depth);
    case AST_NODE_TYPES.NewExpression: {
      // `new User({ email, password })`, saved: the whole document, password hash included.
      const made = ormNew(node, sourceCode);
      const model = unwrap(node.callee);
      if (!made || !(isAccountName(hint) || (model.type === AST_NODE_TYPES.Identifier && isAccountName(model.name)))) return null;
      return { description: `\`${text}\` (${describeOrm(made, 'result')})`, kind: 'orm', library: made.library };
    }
    default:
      return null;
  }
}

function callRecord(
  node: TSESTree.CallExpression,
  text: string,
  sourceCode: SourceCode,
  isSensitiveKey: (key: string) => boolean,
  hint: string | null,
  depth: number,
): RecordInfo | null {
  const callee = unwrap(node.callee);
  const method = calleeName(node);
  const first = node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement ? node.arguments[0] : null;
  if (callee.type === AST_NODE_TYPES.MemberExpression && method !== null) {
    const object = callee.object;
    // Plain copies of a loaded record.
    if (method === 'toObject' || method === 'toJSON' || (method === 'get' && isPlainOption(first))) {
      const inner = recordOf(object, sourceCode, isSensitiveKey, hint, depth + 1);
      return inner && { description: `\`${text}\` (a plain copy of a whole record)`, kind: 'copy' };
    }
    if (method === 'assign' && unwrap(object).type === AST_NODE_TYPES.Identifier && (unwrap(object) as TSESTree.Identifier).name === 'Object') {
      const target = first && unwrap(first);
      if (target?.type !== AST_NODE_TYPES.ObjectExpression || target.properties.length > 0) return null;
      for (const arg of node.arguments.slice(1)) {
        if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
        const inner = recordOf(arg, sourceCode, isSensitiveKey, hint, depth + 1);
        if (inner) return { description: `\`${text}\` (a copy of a whole record)`, kind: 'copy' };
      }
      return null;
    }
    if (KEEPING_CHAIN_METHODS.has(method) && unwrap(object).type === AST_NODE_TYPES.CallExpression) {
      const inner = recordOf(object, sourceCode, isSensitiveKey, hint, depth + 1);
      if (inner) return method === 'lean' ? { ...inner, kind: 'copy' } : inner;
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'structuredClone' && first) {
    const inner = recordOf(first, sourceCode, isSensitiveKey, hint, depth + 1);
    return inner && { description: `\`${text}\` (a copy of a whole record)`, kind: 'copy' };
  }
  const orm = ormCall(node, sourceCode);
  if (orm) {
    if (!RECORD_OPERATIONS.has(orm.operation) || orm.projection === 'explicit') return null;
    if (COUNTING_METHOD.test(orm.method)) return null;
    if (!isAccountName(hint) && !entityNames(orm).some(isAccountName)) {
      // `prisma.post.findMany({ include: { author: true } })`: every post carries its author's whole record.
      const relation = includedAccount(orm, sourceCode);
      if (!relation) return null;
      return {
        description: `\`${text}\` (${describeOrm(orm, 'result')} that includes the whole \`${relation}\` record)`,
        kind: 'orm',
        library: orm.library,
        relation,
      };
    }
    return { description: `\`${text}\` (${describeOrm(orm, 'result')})`, kind: 'orm', library: orm.library };
  }
  // A local data-access helper or service: `findUserById(id)`, `usersService.findOne(id)`. What it
  // returns is decided in another file, so the names must agree: a result bound to a name that
  // says what it is (`registrationInfo`, `summary`) is not taken for a user record because the
  // service is the users service.
  if (method !== null && /^find(?![a-z])/.test(method) && !(first && isFunction(unwrap(first))) && !lodashFunction(callee, sourceCode)) {
    const receiverName = callee.type === AST_NODE_TYPES.MemberExpression ? nameOf(callee.object) : null;
    if (isAccountName(hint) || (isGenericRecordName(hint) && (isAccountName(receiverName) || findsAccount(method)))) {
      return { description: `\`${text}\` (a whole record from \`${method}()\`)`, kind: 'found' };
    }
  }
  return null;
}

function nameOf(raw: Node): string | null {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  return null;
}

/** `get({ plain: true })` (Sequelize). */
function isPlainOption(arg: Node | null): boolean {
  const object = arg && unwrap(arg);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const prop = getProperty(object, 'plain');
  const value = prop && unwrap(prop.value);
  return value?.type === AST_NODE_TYPES.Literal && value.value === true;
}

/** `delete user.password` or `user.password = undefined` somewhere in the file: the field is removed on purpose. */
function removesSensitiveField(variable: TSESLint.Scope.Variable, isSensitiveKey: (key: string) => boolean): boolean {
  return variable.references.some((ref) => {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
    const key = memberName(member);
    if (key === null || !isSensitiveKey(key)) return false;
    const parent = member.parent;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return true;
    return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member && isNothing(parent.right);
  });
}

function variableRecord(
  node: TSESTree.Identifier,
  sourceCode: SourceCode,
  isSensitiveKey: (key: string) => boolean,
  depth: number,
): RecordInfo | null {
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length === 0) return null;
  const def = variable.defs[0]!;
  if (def.type === 'Parameter') {
    const query = callbackQuery(def.node, def.name);
    if (!query || removesSensitiveField(variable, isSensitiveKey)) return null;
    const info = recordOf(query, sourceCode, isSensitiveKey, node.name, depth + 1);
    return info && { ...info, description: `\`${node.name}\` (${describeSource(info)})` };
  }
  const writes = writtenValues(variable).filter((w) => !isNothing(w.expr));
  if (writes.length === 0 || removesSensitiveField(variable, isSensitiveKey)) return null;
  let found: RecordInfo | null = null;
  for (const write of writes) {
    let info: RecordInfo | null;
    if (write.path.length === 0) {
      info = recordOf(write.expr, sourceCode, isSensitiveKey, node.name, depth + 1);
    } else if (write.path.includes(null)) {
      // `const { password, ...rest } = user`: the rest is a record only if nothing sensitive was taken out.
      const pattern = variable.defs[0]?.name.parent;
      const removed =
        pattern?.type === AST_NODE_TYPES.RestElement && pattern.parent?.type === AST_NODE_TYPES.ObjectPattern
          ? pattern.parent.properties.some((p) => p.type === AST_NODE_TYPES.Property && isSensitiveKey(propertyName(p) ?? ''))
          : true;
      info = removed || write.path.length !== 1 ? null : recordOf(write.expr, sourceCode, isSensitiveKey, node.name, depth + 1);
    } else if (write.path.length === 1 && write.path[0] === 'user') {
      // `const { user } = req`
      info = holdsRequestUser(write.expr, sourceCode)
        ? { description: `\`${node.name}\` (the signed-in user's record)`, kind: 'request-user' }
        : null;
    } else {
      info = null;
    }
    // Every value the variable may hold must be a record.
    if (!info) return null;
    found ??= info.description.startsWith(`\`${node.name}\``) ? info : { ...info, description: `\`${node.name}\` (${describeSource(info)})` };
  }
  return found;
}

/**
 * The query whose result a callback parameter receives: `User.findById(id).then((user) => …)`
 * (the first parameter) or the Node-style `User.findById(id, (err, user) => …)` (the second).
 */
function callbackQuery(fn: Node, param: Node): Node | null {
  if (!isFunction(fn)) return null;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return null;
  const index = fn.params.indexOf(param as TSESTree.Parameter);
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' && call.arguments[0] === fn && index === 0) {
    return callee.object;
  }
  if (call.arguments[call.arguments.length - 1] === fn && index === 1 && fn.params.length === 2) return call;
  return null;
}

function describeSource(info: RecordInfo): string {
  // "`user`, `await prisma.user.findUnique(…)` (a Prisma `findUnique()` result)" reads long; keep the parenthesis only.
  const paren = info.description.indexOf(' (');
  return paren >= 0 ? info.description.slice(paren + 2, -1) : info.description;
}
