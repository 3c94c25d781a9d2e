import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, findVar, isFunction, memberName, propertyName, unwrap, type FunctionNode } from '../analysis/core/ast.js';
import { DEFAULT_CURRENT_USER_DECORATORS, isCallerIdentity, mentionsCaller, type IdentityOptions } from '../analysis/http/identity.js';
import { describeOrm, mayBeOrmCall, objectLiteralOf, ormCall, type OrmCall, ormLibraryName, type OrmOperation } from '../analysis/domains/orm.js';
import { handlerKind, handlerName, mountedMiddlewareNames, type HandlerKind } from '../analysis/http/handlers.js';
import { resolverDecorations } from '../analysis/http/graphql.js';
import { isAuthenticationName, isAuthorizationName, routesInFile, routesOfHandler, type Route } from '../analysis/http/routes.js';
import { assignedMembers } from '../analysis/core/object-values.js';
import { staticString } from '../analysis/core/static-value.js';
import { addressesRecord, entityKey, IDENTIFIER_KEYS, isCapability, isPublicMarker } from '../analysis/domains/record-filters.js';
import { isRequestContextValue } from '../analysis/flow/request-objects.js';
import { mayReadRequest, mayReadRequestInFile } from '../analysis/http/request-sources.js';
import { taintOf, type Taint } from '../analysis/flow/taint.js';
import { ID_KEYS } from '../catalog/orm.js';
import { createRule } from '../util/create-rule.js';
import { exitsBefore, isPresenceChoice, resultUsed } from '../analysis/flow/branch-exits.js';
import { fromUrl, isParentParam } from '../analysis/flow/url-sources.js';
import { accessEvidence, COMPARE_METHODS, LIST_METHODS, SQL_METHODS, type AccessEvidence } from '../analysis/domains/access-evidence.js';
import { isAccountEntity, isWrittenBack } from '../analysis/domains/orm-entities.js';
import { sqlConditions } from '../analysis/domains/orm-shapes.js';

type Node = TSESTree.Node;

type Options = [
  {
    ownerFields?: string[];
    callerExpressions?: string[];
    authorizationMiddleware?: string[];
    currentUserDecorators?: string[];
    reportUnroutedWrites?: boolean;
  },
];
type MessageIds = 'missingOwnershipCheck' | 'missingOwnershipCheckSql';

const DEFAULT_OWNER_FIELDS = [
  'userId',
  'ownerId',
  'authorId',
  'createdBy',
  'accountId',
  'tenantId',
  'orgId',
  'organizationId',
  'user',
  'owner',
  'author',
  'creator',
  'createdById',
  'customer',
  'customerId',
  'tenant',
  'organization',
  'team',
  'teamId',
  'workspace',
  'workspaceId',
  'members',
];

const DEFAULT_OWNER_FIELD_NAMES: ReadonlySet<string> = new Set(DEFAULT_OWNER_FIELDS);
const DEFAULT_OWNER_FIELD_KEYS: ReadonlySet<string> = new Set(DEFAULT_OWNER_FIELDS.map(normalizeField));

const CHECKED_OPERATIONS = new Set(['find', 'update', 'upsert', 'delete']);
const NO_EVIDENCE: AccessEvidence = { checks: [], callers: [], namedCalls: [] };
/** Instance methods that write a loaded record back (Mongoose, Sequelize, TypeORM active records, MikroORM). */
const PERSIST_METHODS = new Set(['save', 'update', 'destroy', 'remove', 'deleteOne', 'softRemove', 'increment', 'decrement', 'restore']);
const WRITE_BACK_OPERATIONS = new Set<OrmOperation>(['save', 'update', 'delete', 'assign']);
interface Candidate {
  node: Node;
  handler: FunctionNode;
  operation: string;
  /** How the message names the query: "Prisma `update()`", or "`update()` (looks like an ORM update)" for a shape match. */
  query: string;
  /** The filter the message suggests, in the library's own terms when it is known by import. */
  example: string;
  source: string;
  taint: Taint;
  /** The name the id value goes by (`postId` for `req.params.postId` or a `postId` variable). */
  idName: string | null;
  sql: boolean;
  /** The model or table the query reads, normalised (`invoice` for `Invoice`, `prisma.invoice`, `invoiceRepository`). */
  entity: string | null;
}

interface HandlerFacts {
  /** Comparisons, check calls and refusals that involve the caller. */
  checks: Node[];
  /** The handler reads the caller. */
  usesCaller: boolean;
  /** The handler asks whether there is a caller and serves both cases (`req.user ? … : …`). */
  optionalCaller: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'require-ownership-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require handlers that load, change or delete a record by a client-supplied id to check that the caller may access it',
      recommended: 'recommended',
      cwe: 'CWE-639',
      owasp: ['API1:2023', 'A01:2021'],
    },
    messages: {
      missingOwnershipCheck:
        '{{query}} {{operation}} a record by the client-supplied id `{{source}}` without checking that it belongs to the caller, so any user can reach anyone’s record. Add the owner to the filter (e.g. `{{example}}`) or compare the owner with the caller after loading and refuse with 403.',
      missingOwnershipCheckSql:
        'This SQL {{operation}} a row by the client-supplied id `{{source}}` without checking that it belongs to the caller, so any user can reach anyone’s row. Add the owner to the WHERE clause (`AND user_id = $2` with the caller’s id) or compare the owner after loading and refuse with 403.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ownerFields: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Field names that hold a record’s owner; a filter on one of them counts as scoping the query. Added to the built-in list.',
          },
          callerExpressions: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Extra dotted expressions that hold the authenticated caller (`req.account`, `ctx.state.member`), added to the built-in ones (`req.user`, `req.auth`, `res.locals.user`, `ctx.state.user`…).',
          },
          authorizationMiddleware: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Regular expression sources matched against middleware, guard and helper names that perform authorization, added to the built-in vocabulary (authorize, can, permit, owner, policy, acl, guard, rbac, ability, admin, role).',
          },
          currentUserDecorators: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Names of NestJS parameter decorators that inject the current user, added to the built-in ones (`CurrentUser`, `User`, `GetUser`, `AuthUser`, `ReqUser`…).',
          },
          reportUnroutedWrites: {
            type: 'boolean',
            description:
              'Also report updates and deletes by a client id in handlers whose route is registered in another file (exported controllers, resolvers) when nothing in the file shows a signed-in caller: the routes file may or may not put an authorization middleware in front of them.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ownerFields: DEFAULT_OWNER_FIELDS, callerExpressions: [], authorizationMiddleware: [], currentUserDecorators: [], reportUnroutedWrites: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // A query is a candidate only where a request can be read: a file with no such function has none.
    if (!mayReadRequestInFile(sourceCode)) return {};
    const reportUnroutedWrites = options.reportUnroutedWrites === true;
    const extraOwnerFields = (options.ownerFields ?? []).filter((field) => !DEFAULT_OWNER_FIELD_NAMES.has(field));
    const ownerFields: ReadonlySet<string> =
      extraOwnerFields.length > 0 ? new Set([...DEFAULT_OWNER_FIELD_KEYS, ...extraOwnerFields.map(normalizeField)]) : DEFAULT_OWNER_FIELD_KEYS;
    const identity: IdentityOptions = {
      callerExpressions: options.callerExpressions ?? [],
      currentUserDecorators: [...DEFAULT_CURRENT_USER_DECORATORS, ...(options.currentUserDecorators ?? [])],
    };
    const extraAuthorization = (options.authorizationMiddleware ?? []).map((source) => new RegExp(source, 'i'));

    const candidates: Candidate[] = [];
    /** Models this file lists without narrowing to the caller (`Product.find()`): public records. */
    const publicLists = new Set<string>();
    /** Entities some query of the file narrows to the caller (`Note.find({ owner: req.user.id })`): owned per user. */
    const ownedEntities = new Set<string>();
    /** Caller-scoped queries keyed by client data, per handler: an access check of their own. */
    const scopedQueries = new Map<FunctionNode, Node[]>();
    /** Name classifications for this file: the same helper and middleware names recur. */
    const authorizationNames = new Map<string, boolean>();
    const authenticationNames = new Map<string, boolean>();
    const isAuthorization = (name: string): boolean => {
      let known = authorizationNames.get(name);
      if (known === undefined) {
        known = isAuthorizationName(name, extraAuthorization);
        authorizationNames.set(name, known);
      }
      return known;
    };
    const isAuthentication = (name: string): boolean => {
      let known = authenticationNames.get(name);
      if (known === undefined) {
        known = isAuthenticationName(name);
        authenticationNames.set(name, known);
      }
      return known;
    };

    const isOwnerField = (name: string): boolean => ownerFields.has(normalizeField(name));
    const isIdField = (name: string): boolean => {
      if (ID_KEYS.includes(name) || ID_KEYS.includes(name.toLowerCase())) return true;
      if (isOwnerField(name)) return false;
      return /[a-z0-9](Id|ID|_id|Uuid|_uuid)$/.test(name);
    };
    const clientValue = (node: Node): Taint | null => taintOf(node, sourceCode, { throughConversions: true, resolverArguments: true });

    /** Walks a filter: the client id it compares, and whether the caller or an owner field narrows it. */
    function readFilter(node: Node | undefined, state: FilterState, depth = 0): void {
      if (!node || depth > 6) return;
      const n = unwrap(node);
      if (mentionsCaller(n, sourceCode, identity)) {
        state.scoped = true;
        return;
      }
      const object = objectLiteralOf(n, sourceCode);
      if (object) {
        for (const prop of object.properties) {
          if (prop.type === AST_NODE_TYPES.SpreadElement) continue;
          const key = propertyName(prop);
          if (key === null) continue;
          if (key === 'AND' || key === '$and' || key === 'and') {
            readFilter(prop.value, state, depth + 1);
            continue;
          }
          if (key === 'OR' || key === '$or' || key === 'or' || key === 'NOT' || key === '$nor') continue;
          if (isOwnerField(key)) {
            // `userId: someone` chosen by the server (a service argument, a session value) scopes the query.
            if (!clientValue(prop.value)) state.scoped = true;
            continue;
          }
          if (isIdField(key) && !state.source) {
            const t = clientValue(prop.value);
            if (t) {
              state.source = t;
              state.value = prop.value;
              continue;
            }
          }
          // `published: true`, `status: 'published'`, `visibility: 'public'`: a record everyone may read.
          if (isPublicMarker(key, prop.value, sourceCode)) {
            state.public = true;
            continue;
          }
          // `{ slug: req.params.noteId }`, `{ number: req.params.number }`: a client-chosen key of any name selecting the record.
          if (!state.source && !state.other) {
            const t = clientValue(prop.value);
            if (t && addressesRecord(t) && !isCapability(key) && !isCapability(valueName(prop.value))) {
              state.other = { taint: t, value: prop.value, key };
              continue;
            }
          }
          // `project: req.project._id` set by a `router.param()` loader that checked membership.
          if (isRequestContextValue(prop.value, sourceCode) && !clientValue(prop.value) && !mentionsCaller(prop.value, sourceCode, identity)) {
            state.scoped = true;
          }
        }
        // `const where = { _id: id }; where.owner = req.user._id` (often under `if (!isAdmin)`).
        for (const [key, value] of assignedMembers(object, sourceCode).members) {
          if (value && (mentionsCaller(value, sourceCode, identity) || (isOwnerField(key) && !clientValue(value)))) state.scoped = true;
        }
        return;
      }
      if (n.type === AST_NODE_TYPES.ArrayExpression) {
        for (const e of n.elements) if (e && e.type !== AST_NODE_TYPES.SpreadElement) readFilter(e, state, depth + 1);
        return;
      }
      // Drizzle `and(eq(posts.id, id), eq(posts.ownerId, me))`, `eq(posts.id, id)`.
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(n);
        const args = n.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
        if (name === 'and') {
          for (const a of args) readFilter(a, state, depth + 1);
        } else if (name === 'eq' && args.length === 2) {
          const column = columnName(args[0]!);
          if (column && isOwnerField(column)) {
            if (!clientValue(args[1]!)) state.scoped = true;
          } else if (column && isIdField(column) && !state.source) {
            const t = clientValue(args[1]!);
            if (t) {
              state.source = t;
              state.value = args[1]!;
            }
          } else if (column && !state.source && !state.other) {
            const t = clientValue(args[1]!);
            if (t && addressesRecord(t) && !isCapability(column) && !isCapability(valueName(args[1]!))) state.other = { taint: t, value: args[1]!, key: column };
          }
        }
      }
    }

    function recordOrm(node: TSESTree.CallExpression, call: OrmCall): void {
      if (call.operation === 'findMany') {
        // A list of the model's records not narrowed to the caller: this file serves them to everyone.
        const state: FilterState = newFilterState();
        if (call.filterArg) readFilter(call.filterArg, state);
        for (const c of call.conditions) if (c !== call.filterArg) readFilter(c, state);
        const key = entityKey(call);
        if (!state.scoped && key) publicLists.add(key);
        if (state.scoped && key) ownedEntities.add(key);
        return;
      }
      if (!CHECKED_OPERATIONS.has(call.operation)) return;
      const state: FilterState = newFilterState();
      if (call.idArg) {
        if (mentionsCaller(call.idArg, sourceCode, identity)) return; // the caller's own record
        const t = clientValue(call.idArg);
        if (t) {
          state.source = t;
          state.value = call.idArg;
        }
      }
      if (call.filterArg) readFilter(call.filterArg, state);
      // Sequelize `include: [{ model: Project, where: { ownerId: req.user.id } }]`: an include with a `where` is an inner join that scopes the row.
      if (call.library === 'sequelize' && scopedByInclude(call)) state.scoped = true;
      // Builder chains: `.where('id', id)`, `.where({ id })`, `.andWhere('p.userId = :uid', { uid })`.
      for (let i = 0; i < call.conditions.length; i++) {
        const c = unwrap(call.conditions[i]!);
        if (c === call.filterArg || c === call.idArg) continue;
        const text = c.type === AST_NODE_TYPES.Literal && typeof c.value === 'string' ? c.value : null;
        if (text !== null) {
          const columns = text.split(/\s+(?:and|AND)\s+/).map((part) => /^\s*([\w."`]+)/.exec(part)?.[1]?.split('.').pop() ?? '');
          if (columns.some((col) => isOwnerField(col))) state.scoped = true;
          const next = call.conditions[i + 1];
          if (next && /^[\w."`]+$/.test(text.trim()) && isIdField(text.trim().split('.').pop()!) && !state.source) {
            const value = call.conditions[i + 2] && /^(=|==)$/.test(String((unwrap(next) as TSESTree.Literal).value)) ? call.conditions[i + 2]! : next;
            const t = clientValue(value);
            if (t) {
              state.source = t;
              state.value = value;
            }
          }
          continue;
        }
        readFilter(c, state);
      }
      if (state.scoped) {
        const key = entityKey(call);
        if (key) ownedEntities.add(key);
        // A membership or ownership query keyed by the same client value (`Membership.findOne({ project: id, user: me })`) is the check.
        const t = call.conditions.map((c) => clientValue(c)).find((x) => x !== null);
        const handler = t && requestHandlerOf(node, t);
        // A scoped write whose result is thrown away (`await Bookmark.deleteMany({ folder: id, owner: me })`) checks nothing.
        if (handler && (call.operation === 'find' || resultUsed(node))) scopedQueries.set(handler, [...(scopedQueries.get(handler) ?? []), node]);
        return;
      }
      // `const order = await Order.findByPk(id); order.status = 'paid'; await order.save()` changes the record.
      const operation = call.operation === 'find' && isPersistedLater(node) ? 'update' : call.operation;
      if (!state.source && state.other) {
        // A key of another name: a write by any client-chosen value in the URL or the GraphQL arguments;
        // a read only when the value is named as an id (`{ slug: req.params.noteId }`) or the key is an
        // identifier word (`number`), since slugs, usernames and names address public pages.
        const { taint, value, key } = state.other;
        const named = valueName(value);
        if (operation !== 'find' || (named !== null && isIdField(named)) || IDENTIFIER_KEYS.has(key.toLowerCase())) {
          state.source = taint;
          state.value = value;
        }
      }
      if (!state.source) return;
      if (operation === 'find' && state.public) return;
      // A user's public profile read with a chosen field list (`User.findById(id).select('name avatar')`) is a directory lookup.
      if (operation === 'find' && call.projection === 'explicit' && isAccountEntity(call)) return;
      const handler = requestHandlerOf(node, state.source);
      if (!handler) return;
      candidates.push({
        node,
        handler,
        operation,
        query: describeOrm(call, 'call'),
        example: example(call),
        source: state.source.source.text,
        taint: state.source,
        idName: valueName(state.value),
        sql: false,
        entity: entityKey(call),
      });
    }

    function scopedByInclude(call: OrmCall): boolean {
      return call.node.arguments.some((arg) => {
        const options = arg.type === AST_NODE_TYPES.SpreadElement ? null : objectLiteralOf(arg, sourceCode);
        const include = options?.properties.find((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === 'include');
        if (include?.type !== AST_NODE_TYPES.Property) return false;
        const includes = unwrap(include.value);
        const list = includes.type === AST_NODE_TYPES.ArrayExpression ? includes.elements : [includes];
        return list.some((element) => {
          const object = element && element.type !== AST_NODE_TYPES.SpreadElement ? objectLiteralOf(element, sourceCode) : null;
          const where = object?.properties.find((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === 'where');
          if (where?.type !== AST_NODE_TYPES.Property) return false;
          const state: FilterState = newFilterState();
          readFilter(where.value, state);
          return state.scoped;
        });
      });
    }

    /** Whether the record a find call loads is saved, updated or removed afterwards through its variable. */
    function isPersistedLater(node: TSESTree.CallExpression): boolean {
      let expr: Node = node;
      while (expr.parent && (expr.parent.type === AST_NODE_TYPES.AwaitExpression || expr.parent.type === AST_NODE_TYPES.TSNonNullExpression)) expr = expr.parent;
      const declarator = expr.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== expr || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVar(sourceCode, declarator.id);
      if (!variable) return false;
      return isWrittenBack(variable, sourceCode, PERSIST_METHODS, WRITE_BACK_OPERATIONS);
    }

    function recordSql(node: TSESTree.CallExpression): void {
      const first = node.arguments[0];
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
      let textNode: Node = first;
      let valuesNode: Node | undefined = node.arguments[1] as Node | undefined;
      // With one argument, only a config object (`{ text, values }`) can carry the values.
      if (!valuesNode && unwrap(first).type !== AST_NODE_TYPES.ObjectExpression && unwrap(first).type !== AST_NODE_TYPES.Identifier) return;
      const config = objectLiteralOf(first, sourceCode);
      if (config) {
        const text = config.properties.find((p) => p.type === AST_NODE_TYPES.Property && ['text', 'sql'].includes(propertyName(p) ?? ''));
        const values = config.properties.find((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === 'values');
        if (!text || text.type !== AST_NODE_TYPES.Property) return;
        textNode = text.value;
        if (values?.type === AST_NODE_TYPES.Property) valuesNode = values.value;
      }
      // Without values there is no client id to find: skip evaluating the text.
      if (!valuesNode) return;
      const text = sqlText(textNode);
      if (text === null) return;
      const parsed = sqlConditions(text);
      if (!parsed) return;
      // Sequelize `{ replacements }` / `{ bind }`.
      const options = objectLiteralOf(valuesNode, sourceCode);
      if (options) {
        const inner = options.properties.find(
          (p) => p.type === AST_NODE_TYPES.Property && ['replacements', 'bind', 'values'].includes(propertyName(p) ?? ''),
        );
        if (inner?.type === AST_NODE_TYPES.Property) valuesNode = inner.value;
      }
      if (!valuesNode) return;
      const values = unwrap(valuesNode);
      const valueAt = (placeholder: number | string): Node | undefined => {
        if (typeof placeholder === 'number') {
          if (values.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
          const e = values.elements[placeholder];
          return e && e.type !== AST_NODE_TYPES.SpreadElement ? e : undefined;
        }
        const object = objectLiteralOf(values, sourceCode);
        const prop = object?.properties.find((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === placeholder);
        return prop?.type === AST_NODE_TYPES.Property ? prop.value : undefined;
      };
      if (mentionsCaller(values, sourceCode, identity)) return;
      const whereColumns = [...parsed.whereText.matchAll(/([\w"`]+)\s*(?:=|\bin\b|\bis\b)/gi)].map((m) => m[1]!.replace(/[`"]/g, ''));
      if (whereColumns.some((c) => isOwnerField(c))) return;
      let source: Taint | null = null;
      let idName: string | null = null;
      for (const condition of parsed.conditions) {
        if (!isIdField(condition.column)) continue;
        const value = valueAt(condition.placeholder);
        const t = value && clientValue(value);
        if (t) {
          source = t;
          idName = valueName(value);
          break;
        }
      }
      if (!source) return;
      const handler = requestHandlerOf(node, source);
      if (!handler) return;
      candidates.push({
        node,
        handler,
        operation: parsed.statement === 'select' ? 'find' : parsed.statement,
        query: 'SQL',
        example: '',
        source: source.source.text,
        taint: source,
        idName,
        sql: true,
        entity: null,
      });
    }

    /**
     * The constant text of a query argument. Cheap cases first: a literal is its own value, and a
     * value that cannot be a constant string (a function, an array or object literal, a parameter or
     * other non-`const` binding) is not evaluated.
     */
    function sqlText(raw: Node): string | null {
      const node = unwrap(raw);
      if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
      if (isFunction(node) || node.type === AST_NODE_TYPES.ArrayExpression || node.type === AST_NODE_TYPES.ObjectExpression) return null;
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = findVar(sourceCode, node);
        if (variable && variable.defs.length > 0 && (variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable')) return null;
      }
      return staticString(raw, sourceCode);
    }

    /**
     * The handler the id reaches the query in: the function whose parameter the request value is
     * read from (`req`, `ctx`, `@Param()`), or else the outermost enclosing function with parameters.
     */
    function requestHandlerOf(node: Node, taint: Taint): FunctionNode | null {
      let root: Node = unwrap(taint.source.node);
      for (;;) {
        if (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
        else if (root.type === AST_NODE_TYPES.CallExpression) root = unwrap(root.callee);
        else if (root.type === AST_NODE_TYPES.AwaitExpression) root = unwrap(root.argument);
        else break;
      }
      if (root.type === AST_NODE_TYPES.Identifier) {
        const def = findVar(sourceCode, root)?.defs[0];
        if (def?.type === 'Parameter' && isFunction(def.node)) return def.node;
      }
      let fn = enclosingFunction(node);
      let found: FunctionNode | null = null;
      while (fn) {
        if (routesOfHandler(fn, sourceCode).length > 0) return fn;
        if (fn.params.length > 0) found = fn;
        fn = enclosingFunction(fn);
      }
      return found;
    }

    function factsOf(handler: FunctionNode, cache: Map<FunctionNode, HandlerFacts>): HandlerFacts {
      const known = cache.get(handler);
      if (known) return known;
      const evidence = accessEvidence(handler, sourceCode) ?? NO_EVIDENCE;
      const checks = evidence.checks.filter(isCheck);
      for (const n of evidence.namedCalls) if (isAuthorization(calleeText(n)) && isCheck(n)) checks.push(n);
      const callers = evidence.callers.filter((n) => isCallerIdentity(n, sourceCode, identity));
      const usesCaller = handler.params.some((p) => hasCurrentUserParam(p, identity)) || callers.length > 0;
      const optionalCaller = callers.some(isPresenceChoice);
      const facts = { checks, usesCaller, optionalCaller };
      cache.set(handler, facts);
      return facts;
    }

    function isCheck(n: Node): boolean {
      if (n.type === AST_NODE_TYPES.BinaryExpression) {
        // `req.user == null` asks whether someone is signed in, not who owns the record.
        if (isNothing(n.left) || isNothing(n.right)) return false;
        return (
          isCallerIdentity(n.left, sourceCode, identity) ||
          isCallerIdentity(n.right, sourceCode, identity) ||
          mentionsCallerShallow(n) ||
          comparesOwner(n.left, n.right) ||
          comparesOwner(n.right, n.left)
        );
      }
      if (n.type === AST_NODE_TYPES.Literal) return true; // a 403 status
      if (n.type === AST_NODE_TYPES.Identifier) return true; // ForbiddenException / ForbiddenError
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(n);
        if (!name) return false;
        if (COMPARE_METHODS.has(name)) {
          const callee = unwrap(n.callee);
          const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null;
          return (
            (!!receiver && isCallerIdentity(receiver, sourceCode, identity)) ||
            n.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && mentionsCaller(a, sourceCode, identity))
          );
        }
        return isAuthorization(calleeText(n));
      }
      return false;
    }

    /**
     * `note.ownerId !== userId`, `String(doc.createdBy) === me`: the record's owner field compared with
     * a value the server holds (a caller id from a helper the rule does not know), not a constant and
     * not client data.
     */
    function comparesOwner(ownerSide: Node, other: Node): boolean {
      let owner = unwrap(ownerSide);
      if (owner.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(owner.callee);
        const arg = owner.arguments[0];
        if (callee.type === AST_NODE_TYPES.MemberExpression && owner.arguments.length === 0) owner = unwrap(callee.object); // `.toString()`
        else if (callee.type === AST_NODE_TYPES.Identifier && arg && arg.type !== AST_NODE_TYPES.SpreadElement) owner = unwrap(arg); // `String(x)`
      }
      if (owner.type !== AST_NODE_TYPES.MemberExpression) return false;
      const field = memberName(owner);
      if (field === null || !isOwnerField(field) || clientValue(owner)) return false;
      const value = unwrap(other);
      if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return false;
      return !clientValue(value);
    }

    function mentionsCallerShallow(n: TSESTree.BinaryExpression): boolean {
      // `String(post.userId) === String(req.user.id)`, `post.owner.toString() !== req.user._id.toString()`.
      const side = (x: Node) => {
        const u = unwrap(x);
        if (u.type === AST_NODE_TYPES.CallExpression) {
          const callee = unwrap(u.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression) return isCallerIdentity(callee.object, sourceCode, identity);
          const arg = u.arguments[0];
          return !!arg && arg.type !== AST_NODE_TYPES.SpreadElement && isCallerIdentity(arg, sourceCode, identity);
        }
        return false;
      };
      return side(n.left) || side(n.right);
    }

    function calleeText(n: TSESTree.CallExpression): string {
      const callee = unwrap(n.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = unwrap(callee.object);
        const prop = memberName(callee) ?? '';
        const objectName =
          object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression ? memberName(object) ?? '' : '';
        // `ability.can('update', post)`, `policy.authorize()`, `this.postsPolicy.check()`
        return `${objectName}.${prop}`;
      }
      return '';
    }

    /** Handlers (other than the one asked about) that read the caller without asking whether there is one. */
    let callerHandlers: Set<FunctionNode> | null = null;

    /**
     * Whether the file shows that its handlers serve a signed-in caller, though `handler` itself does
     * not read one: another handler of the file reads the caller (`req.user`, `ctx.state.user`,
     * `context.user`) unconditionally, or the file mounts an authentication middleware on its app or
     * router (`router.use(requireAuth)`). A route registered in this file counts only when no route
     * of the file authenticates by its own chain, which would make the routes without it public.
     */
    function callerKnownInFile(handler: FunctionNode, kind: HandlerKind | null, routes: readonly Route[]): 'middleware' | 'sibling' | null {
      if (kind === null) return null;
      if (kind === 'route') {
        if (routes.some((r) => r.framework === 'next' || r.framework === 'nestjs')) return null;
        const all = routesInFile(sourceCode);
        if (all.some((r) => routeAuthenticates([r]))) return null;
        // Another route runs middleware this one does not: what sets the caller there may be missing here on purpose.
        const own = new Set(routes.flatMap((r) => r.middlewareNames));
        if (all.some((r) => r.middlewareNames.some((name) => !own.has(name)))) return null;
      }
      if (mountedMiddlewareNames(sourceCode).some(isAuthentication)) return 'middleware';
      if (!callerHandlers) {
        callerHandlers = new Set();
        for (const n of (accessEvidence(sourceCode.ast, sourceCode) ?? NO_EVIDENCE).callers) {
          // `req.user?.id` expects that there may be no caller.
          const parent = n.parent;
          if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === n && parent.optional) continue;
          if (isPresenceChoice(n) || !isCallerIdentity(n, sourceCode, identity)) continue;
          for (let fn = enclosingFunction(n); fn; fn = enclosingFunction(fn)) {
            if (handlerKind(fn, sourceCode) !== null) {
              callerHandlers.add(fn);
              break;
            }
          }
        }
      }
      return [...callerHandlers].some((fn) => fn !== handler) ? 'sibling' : null;
    }

    function routeAuthorizes(routes: readonly Route[]): boolean {
      return routes.some(
        (route) =>
          route.middlewareNames.some(isAuthorization) ||
          route.guards.some((name) => isAuthorization(name) || (route.framework === 'fastify' && name === '<inline>')) ||
          (route.framework === 'nestjs' &&
            route.decorators.some((name) => name !== 'UseGuards' && isAuthorization(name))),
      );
    }

    function routeAuthenticates(routes: readonly Route[]): boolean {
      return routes.some(
        (route) => route.middlewareNames.some(isAuthentication) || route.guards.some(isAuthentication),
      );
    }

    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = memberName(callee);
        // Cheapest first: only calls an ORM table or SQL sink names can be queries. (Checks and caller
        // reads are gathered later, by `accessEvidence`, only inside handlers that hold a candidate.)
        if (name === null || (!SQL_METHODS.has(name) && !mayBeOrmCall(node))) return;
        // Queries matter only where a request can be read (a client id needs one).
        const requestScope = mayReadRequest(node, sourceCode);
        // Lists read where no request is (`products: () => Product.find({})`) still say a model is public.
        const call = requestScope || LIST_METHODS.has(name) ? ormCall(node, sourceCode) : null;
        if (call && !requestScope) {
          if (call.operation === 'findMany') recordOrm(node, call);
          return;
        }
        if (call) {
          recordOrm(node, call);
          return;
        }
        if (requestScope && SQL_METHODS.has(name)) recordSql(node);
      },
      'Program:exit'() {
        const facts = new Map<FunctionNode, HandlerFacts>();
        const reported = new Set<FunctionNode>();
        for (const candidate of candidates) {
          if (reported.has(candidate.handler)) continue;
          // A check made in a branch that has already returned (another HTTP method of a Pages API handler) does not cover this query.
          const covers = (n: Node) => !exitsBefore(n, candidate.node, candidate.handler, isRefusal(n));
          if ((scopedQueries.get(candidate.handler) ?? []).some(covers)) continue;
          const routes = routesOfHandler(candidate.handler, sourceCode);
          if (routeAuthorizes(routes)) continue;
          const kind = handlerKind(candidate.handler, sourceCode);
          // A handler exported from a file that mounts an authorization middleware (`router.use(requireAdmin)`).
          if (kind !== 'route' && kind !== null && mountedMiddlewareNames(sourceCode).some(isAuthorization)) continue;
          // `exports.adminUpdate`, `removeAsOwner`: a handler named for its authorization is wired behind it in the routes file.
          if (kind === 'exported') {
            const name = handlerName(candidate.handler);
            if (name !== null && isAuthorization(name)) continue;
          }
          // A class resolver's `@UseGuards(RolesGuard)` / `@Authorized('ADMIN')`.
          const decorations = kind === 'resolver' ? resolverDecorations(candidate.handler) : null;
          if (decorations && (decorations.guards.some(isAuthorization) || decorations.decorators.some((d) => d !== 'UseGuards' && isAuthorization(d)))) continue;
          const f = factsOf(candidate.handler, facts);
          if (f.checks.some(covers)) continue;
          const write = candidate.operation !== 'find';
          let authenticated =
            (f.usesCaller && !f.optionalCaller) || routeAuthenticates(routes) || !!decorations?.guards.some(isAuthentication);
          // Reads: only the record the URL addresses, not a parent (`/posts/:postId/comments`) or a reference sent in the body.
          if (!write && (!fromUrl(candidate.taint, sourceCode) || routes.some((r) => isParentParam(r.path, candidate.idName)))) continue;
          const known = !authenticated && !f.optionalCaller ? callerKnownInFile(candidate.handler, kind, routes) : null;
          if (known) {
            // The caller is known from the rest of the file: an authentication middleware mounted on the
            // router, or another handler that reads the caller. A write then needs a check. A read does
            // unless the file lists the model for everyone; when the only evidence is a sibling handler
            // (`createPost` records the author), also only if the file narrows the same entity to its
            // owner elsewhere (`Note.find({ owner: me })`), since public records (posts, products) are
            // read by id in such files too.
            const entity = candidate.entity;
            const listed = entity !== null && publicLists.has(entity);
            const owned = entity !== null && ownedEntities.has(entity);
            authenticated = write || (known === 'middleware' ? !listed : owned && !listed);
          }
          // A write in a route registered here is reported on its own; a handler whose route is in another
          // file (an exported controller, a resolver) needs the file to show a caller, since the routes
          // file may put an authorization middleware in front of it.
          if (!authenticated && !(write && (kind === 'route' || (kind !== null && reportUnroutedWrites)))) continue;
          reported.add(candidate.handler);
          const operation = candidate.operation === 'find' ? 'reads' : candidate.operation === 'delete' ? 'deletes' : 'updates';
          if (candidate.sql) {
            context.report({ node: candidate.node, messageId: 'missingOwnershipCheckSql', data: { operation, source: candidate.source } });
          } else {
            context.report({
              node: candidate.node,
              messageId: 'missingOwnershipCheck',
              data: { query: candidate.query, operation, source: candidate.source, example: candidate.example },
            });
          }
        }
      },
    };
  },
});

/** A 403 status or a `Forbidden…` error: the refusal path of a check. */
function isRefusal(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.Identifier;
}

interface FilterState {
  source: Taint | null;
  value: Node | null;
  scoped: boolean;
  /** A client value under a key that is not an id field (`slug`, `name`, `number`). */
  other: { taint: Taint; value: Node; key: string } | null;
  /** The filter keeps to published or public records. */
  public: boolean;
}

function newFilterState(): FilterState {
  return { source: null, value: null, scoped: false, other: null, public: false };
}


/** The name an id value goes by: `postId` for `req.params.postId`, `postId` for a `postId` variable. */
function valueName(node: Node | null): string | null {
  if (!node) return null;
  let n = unwrap(node);
  while (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length >= 1 && n.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement) {
    // `Number(id)`, `new ObjectId(id)` are not member calls; `c.req.param('postId')` names the parameter.
    const callee = unwrap(n.callee);
    const arg = unwrap(n.arguments[0]!);
    if (callee.type === AST_NODE_TYPES.MemberExpression && arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') return arg.value;
    n = arg;
  }
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return memberName(n);
  return null;
}

function isNothing(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal) return n.value === null || typeof n.value === 'boolean';
  return n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined';
}

function normalizeField(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

/** `posts.ownerId` → `ownerId`; `'user_id'` → `user_id`. */
function columnName(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) return memberName(n);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value.split('.').pop() ?? null;
  return null;
}

function hasCurrentUserParam(param: TSESTree.Parameter, identity: IdentityOptions): boolean {
  const decorators = 'decorators' in param ? (param.decorators as TSESTree.Decorator[] | undefined) : undefined;
  if (!decorators?.length) return false;
  const names = identity.currentUserDecorators ?? DEFAULT_CURRENT_USER_DECORATORS;
  return decorators.some((d) => {
    const expr = unwrap(d.expression);
    const callee = expr.type === AST_NODE_TYPES.CallExpression ? unwrap(expr.callee) : expr;
    return callee.type === AST_NODE_TYPES.Identifier && names.includes(callee.name);
  });
}

/** A scoped filter in the library's own syntax when the library is known by import; a neutral one otherwise. */
function example(call: OrmCall): string {
  if (ormLibraryName(call) === null) return 'where: { id, ownerId: callerId }';
  switch (call.library) {
    case 'prisma':
      return 'where: { id, userId: req.user.id }';
    case 'mongoose':
      return 'findOne({ _id: id, owner: req.user._id })';
    case 'sequelize':
      return 'findOne({ where: { id, userId: req.user.id } })';
    case 'typeorm':
      return 'findOneBy({ id, ownerId: user.id })';
    case 'drizzle':
      return 'and(eq(t.id, id), eq(t.ownerId, user.id))';
    case 'knex':
      return 'where({ id, user_id: req.user.id })';
    case 'mikro-orm':
      return 'findOne(Entity, { id, owner: user.id })';
    default:
      return 'where: { id, ownerId: callerId }';
  }
}
