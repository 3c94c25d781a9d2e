import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findVar, getProperty, isFunction, memberName, shortText, singleValue, unwrap, writtenValues } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
import { isResolverArguments, isRootResolver, resolverOf, schemaInFile } from '../http/graphql.js';
import { NODE_PROPERTIES, requestSource, roleOfParameter, type RequestSource } from '../http/request-sources.js';
import { routeRegistration } from '../http/responses.js';
import { identifierWords, routesOfHandler } from '../http/routes.js';

type Node = TSESTree.Node;

/**
 * Whether an expression is a client-supplied object passed on whole (every key the client chose),
 * rather than fields picked from it or a validated result:
 * - a request container: `req.body`, `req.query`, `req.body.user`, `ctx.request.body`,
 *   `await request.json()` (Next.js), `await c.req.json()` / `c.req.parseBody()` (Hono);
 * - a NestJS `@Body()` / `@Query()` parameter whose type is not a class (no type, `any`,
 *   `Record<…>`, an interface, a type literal, `Partial<Dto>`, a type-only import). A class-typed
 *   DTO is assumed to be checked by `ValidationPipe` with `whitelist`, so it does not count;
 * - a variable bound to one of those (`const data = req.body`), a rest binding of one
 *   (`const { role, ...rest } = req.body`), or a nested object of one (`const { user } = req.body`);
 * - a copy of one: `{ ...req.body }`, `{ ...req.body, ownerId }`, `Object.assign({}, req.body)`,
 *   `structuredClone(req.body)`, `JSON.parse(JSON.stringify(req.body))`, `Object.fromEntries(formData)`,
 *   lodash `clone`/`merge`…;
 * - `req.body || {}`, `cond ? req.body : x`.
 * A Fastify `request.body` of a route whose options declare `schema.body` is validated and does not count;
 * nor does a container that the same function passes to a validation gate (`validateUser(req.body)`).
 * Anything else — `schema.parse(req.body)`, `_.pick(req.body, …)`, `{ name: req.body.name }`,
 * `matchedData(req)`, `c.req.valid('json')` — is not whole request data.
 */
export function wholeRequestObject(node: Node, sourceCode: SourceCode): RequestSource | null {
  const cache = getCache(sourceCode);
  return visit(node, sourceCode, cache, 0);
}

const getCache = perFileCache(() => new Map<Node, RequestSource | null>());
const MAX_DEPTH = 16;
/**
 * Request properties that hold an object whose keys the client chooses. Route `params` are not
 * among them: their keys come from the route pattern.
 */
const CONTAINERS = new Set(['body', 'query']);
/** Request methods that return such an object: `request.json()`, Hono `c.req.parseBody()`, `c.req.query()` without a key. */
const CONTAINER_METHODS = new Set(['json', 'parseBody', 'formData']);
const KEYED_CONTAINER_METHODS = new Set(['query', 'queries']);
/** Global functions that copy their argument. */
const COPYING_FUNCTIONS = new Set(['structuredClone']);
/** lodash/underscore functions whose result carries every key of the sources. */
const LODASH_COPIES = new Set(['clone', 'cloneDeep', 'merge', 'mergeWith', 'assign', 'assignIn', 'assignWith', 'extend', 'extendWith', 'defaults', 'defaultsDeep', 'toPlainObject']);
const LODASH_MODULES = ['lodash', 'lodash-es', 'underscore'];

function visit(raw: Node, sourceCode: SourceCode, cache: Map<Node, RequestSource | null>, depth: number): RequestSource | null {
  const node = unwrap(raw);
  if (depth > MAX_DEPTH) return null;
  if (cache.has(node)) return cache.get(node) ?? null;
  cache.set(node, null);
  const result = compute(node, sourceCode, cache, depth);
  cache.set(node, result);
  return result;
}

function compute(node: Node, sourceCode: SourceCode, cache: Map<Node, RequestSource | null>, depth: number): RequestSource | null {
  const next = (child: Node | null | undefined): RequestSource | null => (child ? visit(child, sourceCode, cache, depth + 1) : null);
  switch (node.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const source = requestSource(node, sourceCode);
      if (source) return isContainerRead(node, source, sourceCode) ? source : null;
      // A nested object of whole request data: `data.user` where `data = req.body`.
      return next(node.object);
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.AwaitExpression: {
      const source = requestSource(node, sourceCode);
      if (source) return isContainerCall(node) ? source : null;
      if (node.type === AST_NODE_TYPES.AwaitExpression) return next(node.argument);
      return copiedSource(node, sourceCode, next);
    }
    case AST_NODE_TYPES.Identifier:
      return identifierSource(node, sourceCode, next);
    case AST_NODE_TYPES.ObjectExpression:
      for (const prop of node.properties) {
        if (prop.type === AST_NODE_TYPES.SpreadElement) {
          const source = next(prop.argument);
          if (source) return source;
        }
      }
      return null;
    case AST_NODE_TYPES.LogicalExpression:
      return next(node.left) ?? next(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(node.consequent) ?? next(node.alternate);
    case AST_NODE_TYPES.SequenceExpression:
      return next(node.expressions[node.expressions.length - 1]);
    default:
      return null;
  }
}

/** `req.body`, `req.body.user`, `ctx.request.body` — not `req.params.id`, `req.headers.host`, `req.query.page`. */
function isContainerRead(node: TSESTree.MemberExpression, source: RequestSource, sourceCode: SourceCode): boolean {
  if (source.role === 'value') return !isValidatedNestParameter(node, sourceCode);
  const names: string[] = [];
  let current: Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    names.unshift(memberName(current) ?? '[]');
    current = unwrap(current.object);
  }
  const start = names[0] === 'request' && source.role === 'koa' ? 1 : 0;
  const container = names[start];
  if (!container || !CONTAINERS.has(container)) return false;
  // `req.body` and `req.body.user` are client objects; `req.query.page` or `req.params.id` are single values.
  if (container !== 'body' && names.length > start + 1) return false;
  if (container === 'body' && source.role === 'node' && fastifyBodySchema(node, sourceCode)) return false;
  if (container === 'body' && validatedByRouteMiddleware(node, sourceCode)) return false;
  return !isValidationGated(node, sourceCode);
}

/** Gate calls whose schema libraries reject unknown keys by default (joi `validate`, superstruct `assert`). */
const GATE_FUNCTION = /^(validate|assert)/i;

/**
 * Whether the same request container is checked by a validation gate in the same function:
 * `const { error } = validateUser(req.body); if (error) …; new User(req.body)`. Joi objects reject
 * keys the schema does not declare unless `.unknown()` is set, so the body that passes holds only
 * declared fields. (zod's `parse` only strips keys from its result, so it is not a gate for the original.)
 */
function isValidationGated(node: TSESTree.MemberExpression, sourceCode: SourceCode): boolean {
  let root: Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, root);
  if (!variable) return false;
  const text = sourceCode.getText(node);
  const fn = enclosingFunction(node);
  return variable.references.some((ref) => {
    let member: Node = ref.identifier;
    while (member.parent?.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member) member = member.parent;
    if (member === node || sourceCode.getText(member) !== text) return false;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(member as TSESTree.Expression)) return false;
    const callee = unwrap(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
    return !!name && GATE_FUNCTION.test(name) && enclosingFunction(call) === fn;
  });
}

/** `await request.json()`, `c.req.json()`, `c.req.parseBody()`, `req.formData()`. */
function isContainerCall(node: TSESTree.CallExpression | TSESTree.AwaitExpression): boolean {
  const call = node.type === AST_NODE_TYPES.AwaitExpression ? unwrap(node.argument) : node;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee) ?? '';
  return CONTAINER_METHODS.has(method) || (KEYED_CONTAINER_METHODS.has(method) && call.arguments.length === 0);
}

function identifierSource(
  node: TSESTree.Identifier,
  sourceCode: SourceCode,
  next: (child: Node | null | undefined) => RequestSource | null,
): RequestSource | null {
  const source = requestSource(node, sourceCode);
  if (source) {
    if (source.role === 'value') return isValidatedNestParameter(node, sourceCode) ? null : source;
    return null;
  }
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length === 0) return null;
  for (const write of writtenValues(variable)) {
    // `const { name, email } = req.body` binds single fields; `const { user } = req.body` a nested object,
    // `const { role, ...rest } = req.body` every other key.
    if (write.path.length > 0 && !write.path.includes(null) && !bindsObject(variable)) continue;
    const found = next(write.expr);
    if (found) return found;
  }
  return null;
}

/**
 * Whether a destructured variable is used as an object (spread, passed on whole) rather than a field:
 * decided by the name (`user`, `data`, `profile`, `attrs`, `fields`, `input`, `payload`, `updates`).
 */
function bindsObject(variable: TSESLint.Scope.Variable): boolean {
  return /^(data|attrs|attributes|fields|input|payload|updates?|changes|values|props|params|body|dto|user|profile|account|settings|record|entity|item)$/i.test(
    variable.name,
  );
}

function copiedSource(
  node: TSESTree.CallExpression,
  sourceCode: SourceCode,
  next: (child: Node | null | undefined) => RequestSource | null,
): RequestSource | null {
  const callee = unwrap(node.callee);
  const args = node.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a));
  const anyArg = (): RequestSource | null => {
    for (const arg of args) {
      const found = next(arg);
      if (found) return found;
    }
    return null;
  };
  if (callee.type === AST_NODE_TYPES.Identifier && COPYING_FUNCTIONS.has(callee.name) && !findVar(sourceCode, callee)?.defs.length) {
    return next(args[0]);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    const method = memberName(callee);
    if (object.type === AST_NODE_TYPES.Identifier && !findVar(sourceCode, object)?.defs.length) {
      if (object.name === 'Object' && method === 'assign') return anyArg();
      // `Object.fromEntries(await request.formData())`
      if (object.name === 'Object' && method === 'fromEntries') return next(args[0]);
      // `JSON.parse(JSON.stringify(x))`
      if (object.name === 'JSON' && method === 'parse') {
        const inner = args[0] && unwrap(args[0]);
        if (inner?.type === AST_NODE_TYPES.CallExpression) {
          const innerCallee = unwrap(inner.callee);
          if (innerCallee.type === AST_NODE_TYPES.MemberExpression && memberName(innerCallee) === 'stringify') {
            return next(inner.arguments[0]);
          }
        }
        return null;
      }
    }
  }
  if (isLodashCopy(callee, sourceCode)) return anyArg();
  return null;
}

/** `_.merge`, `lodash.cloneDeep`, `merge` from `lodash/merge` or `lodash.merge`, `{ merge } from 'lodash-es'`. */
export function lodashFunction(callee: Node, sourceCode: SourceCode): string | null {
  // Every lodash/underscore module specifier contains one of these words: a file without them imports none.
  if (!mentionsLodash(sourceCode)) return null;
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) {
    // Only a name bound once, by an import or a variable, can hold a module's export (not a parameter or a local function).
    const variable = findVar(sourceCode, target);
    const def = variable?.defs[0];
    if (!def || variable.defs.length !== 1 || (def.type !== 'ImportBinding' && def.type !== 'Variable')) return null;
  }
  const ref = resolveModule(callee, sourceCode);
  if (!ref) return null;
  if (fromModule(ref, LODASH_MODULES) && ref.path.length === 1) return ref.path[0]!;
  const single = /^(?:lodash[./]|lodash-es\/)(\w+)$/.exec(ref.module);
  if (single && ref.path.length === 0) return single[1]!;
  return null;
}

const mentionsLodash = perFileCache((sourceCode) => sourceCode.text.includes('lodash') || sourceCode.text.includes('underscore'));

function isLodashCopy(callee: Node, sourceCode: SourceCode): boolean {
  const name = lodashFunction(callee, sourceCode);
  if (!name) return false;
  // `lodash.merge` is the package name; map the lower-case package to the function.
  const normalized = LODASH_COPIES.has(name) ? name : [...LODASH_COPIES].find((f) => f.toLowerCase() === name.toLowerCase());
  return !!normalized;
}

/**
 * A NestJS `@Body()` / `@Query()` parameter typed with a class: `ValidationPipe` (with `whitelist`)
 * strips keys the DTO does not declare. `@Body('field') x: string` is a single field.
 */
function isValidatedNestParameter(node: Node, sourceCode: SourceCode): boolean {
  let root = unwrap(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, root);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Parameter' || !isFunction(def.node)) return false;
  const param = def.name as TSESTree.Identifier;
  const annotation = param.typeAnnotation?.typeAnnotation;
  if (annotation && isPrimitiveType(annotation)) return true;
  if (!annotation) return false;
  return isClassType(annotation, sourceCode);
}

function isPrimitiveType(type: TSESTree.TypeNode): boolean {
  return (
    type.type === AST_NODE_TYPES.TSStringKeyword ||
    type.type === AST_NODE_TYPES.TSNumberKeyword ||
    type.type === AST_NODE_TYPES.TSBooleanKeyword ||
    type.type === AST_NODE_TYPES.TSBigIntKeyword ||
    type.type === AST_NODE_TYPES.TSLiteralType ||
    (type.type === AST_NODE_TYPES.TSArrayType && isPrimitiveType(type.elementType))
  );
}

/** A type reference to a class (declared here, or imported as a value), without type arguments. */
function isClassType(type: TSESTree.TypeNode, sourceCode: SourceCode): boolean {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeArguments) return false;
  if (type.typeName.type !== AST_NODE_TYPES.Identifier) return type.typeName.type === AST_NODE_TYPES.TSQualifiedName;
  const name = type.typeName.name;
  if (name === 'Record' || name === 'Object' || name === 'Partial') return false;
  const scope = sourceCode.getScope(type);
  let variable: TSESLint.Scope.Variable | null = null;
  for (let s: TSESLint.Scope.Scope | null = scope as TSESLint.Scope.Scope; s && !variable; s = s.upper) {
    variable = s.set.get(name) ?? null;
  }
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'ClassName') return true;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration?.type === AST_NODE_TYPES.ImportDeclaration && declaration.importKind === 'type') return false;
    if (def.node.type === AST_NODE_TYPES.ImportSpecifier && def.node.importKind === 'type') return false;
    return true;
  }
  return false;
}

/** A Fastify route whose options declare `schema.body`: Fastify validates (and by default strips) the body. */
function fastifyBodySchema(node: Node, sourceCode: SourceCode): boolean {
  let root = unwrap(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, root)?.defs[0];
  if (!def || def.type !== 'Parameter' || !isFunction(def.node)) return false;
  const registration = routeRegistration(def.node);
  const options = registration?.options;
  if (!options) return false;
  const schema = getProperty(options, 'schema');
  const value = schema && unwrap(schema.value);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return !!value && value.type === AST_NODE_TYPES.Identifier;
  return getProperty(value, 'body') !== null;
}

/** Words of body-validation middleware names: `validate(schema)`, `validateBody(Dto)`, `celebrate({…})`, `validator.body(schema)`. */
const VALIDATION_WORDS = new Set(['validate', 'validator', 'validation', 'validates', 'celebrate']);
/** Words of validators that check something other than the body: `validateObjectId('id')`, `validateParams(schema)`, `validateToken`. */
const NOT_BODY_WORDS = new Set(['param', 'params', 'query', 'id', 'ids', 'objectid', 'uuid', 'header', 'headers', 'cookie', 'cookies', 'token', 'jwt', 'session', 'auth', 'captcha']);

/**
 * Whether the route that `node`'s handler serves runs a validation middleware given a schema
 * (`router.post('/x', validate(CreatePost), handler)`, celebrate): like a validation gate in the
 * handler, joi-style schemas reject keys they do not declare. express-validator chains do not
 * strip or reject unknown keys and do not count.
 */
function validatedByRouteMiddleware(node: Node, sourceCode: SourceCode): boolean {
  let root = unwrap(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, root)?.defs[0];
  if (!def || def.type !== 'Parameter' || !isFunction(def.node)) return false;
  return routesOfHandler(def.node, sourceCode).some((route) =>
    route.middleware.some((mw) => {
      const call = unwrap(mw);
      if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length === 0) return false;
      if (resolveModule(call.callee, sourceCode)?.module === 'express-validator') return false;
      const callee = unwrap(call.callee);
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : callee.type === AST_NODE_TYPES.MemberExpression
            ? `${sourceCode.getText(callee.object)}.${memberName(callee) ?? ''}`
            : '';
      const words = identifierWords(name);
      return words.some((w) => VALIDATION_WORDS.has(w)) && !words.some((w) => NOT_BODY_WORDS.has(w));
    }),
  );
}

/**
 * `req.user`, `request.user` (Express/Fastify/NestJS `@Req()`), `ctx.state.user` (Koa): the
 * authenticated user that authentication middleware attached to the request. Passport puts the
 * deserialized account record there; JWT middleware (`@fastify/jwt`, NestJS `JwtStrategy`, koa-jwt)
 * puts the token's claims.
 */
export function isRequestUser(node: TSESTree.MemberExpression, sourceCode: SourceCode): boolean {
  return memberName(node) === 'user' && holdsRequestUser(node.object, sourceCode);
}

/** Request properties that carry what the client sent, or framework plumbing: never state a middleware attached. */
const CLIENT_PROPERTIES = new Set([
  ...NODE_PROPERTIES,
  'nextUrl',
  'geo',
  'path',
  'method',
  'ip',
  'ips',
  'hostname',
  'host',
  'protocol',
  'request',
  'req',
  'res',
  'response',
  'raw',
  'app',
  'socket',
]);

/**
 * Whether `node` reads state that middleware attached to the request: `req.project._id` after a
 * `router.param()` loader, `req.tenant.id`, Koa `ctx.state.project.id`. The server chose these
 * values; they are not client data and not the caller.
 */
export function isRequestContextValue(raw: Node, sourceCode: SourceCode): boolean {
  const names: string[] = [];
  let object = unwrap(raw);
  while (object.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(object);
    if (name === null) return false;
    names.unshift(name);
    object = unwrap(object.object);
  }
  if (names.length === 0 || object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVar(sourceCode, object)?.defs[0];
  if (!def || def.type !== 'Parameter' || !isFunction(def.node)) return false;
  const fn = def.node;
  const index = fn.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
  const param = fn.params[index];
  if (!param || unwrap(param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param) !== def.name) return false;
  const role = roleOfParameter(fn, index, object.name, param, sourceCode);
  const attached = role === 'koa' && names[0] === 'state' ? names.slice(1) : role === 'node' ? names : [];
  return attached.length > 0 && !CLIENT_PROPERTIES.has(attached[0]!) && attached[0] !== 'state';
}

/** Whether `.user` of this object is the request's authenticated user: `req`, `request`, Koa `ctx.state`. */
export function holdsRequestUser(raw: Node, sourceCode: SourceCode): boolean {
  let object = unwrap(raw);
  let koaState = false;
  if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'state') {
    koaState = true;
    object = unwrap(object.object);
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, object);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Parameter' || !isFunction(def.node)) return false;
  const fn = def.node;
  const declared = def.name;
  const index = fn.params.findIndex((p) => p.range[0] <= declared.range[0] && declared.range[1] <= p.range[1]);
  const param = fn.params[index];
  if (!param || unwrap(param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param) !== declared) return false;
  const role = roleOfParameter(fn, index, object.name, param, sourceCode);
  return koaState ? role === 'koa' : role === 'node';
}

// ------------------------------------------------------------------------------------------------
// GraphQL resolver inputs written whole

/** Input fields a client must not set on its own: privilege, ownership, verification, money. */
const PRIVILEGED_INPUT_FIELDS =
  /^(role|roles|isAdmin|admin|permissions?|scopes?|owner|ownerId|user|userId|author|authorId|tenant|tenantId|orgId|organizationId|customer|customerId|account|accountId|team|teamId|workspace|workspaceId|isVerified|verified|emailVerified|balance|credits?|plan|isStaff|staff|superuser|isSuperuser|createdBy|approved|isApproved)$/i;
/** Names of an argument that holds an object of fields (`args.input`, `{ data }`, `@Args('input')`). */
const INPUT_NAMES = /^(input|data|attributes|attrs|fields|values|patch|changes|update|updates|payload|body|record|params)$|Input$/;

/**
 * Whether `node` is a GraphQL resolver's input written whole, where the schema cannot be seen to
 * restrict it: `args`, `args.input`, a destructured `{ input }` (or a spread or copy of one) of a
 * resolver whose field's input type this file does not declare, or declares with a privileged field
 * (`role`, `isAdmin`, `ownerId`…); a NestJS `@Args()` / type-graphql `@Arg()` parameter that is not
 * typed with an input class, or typed with a class this file declares with such a field. An input
 * class declared elsewhere, a graphql-js field (its `args` are declared beside it) and SDL in the file
 * that declares the input type without privileged fields restrict what the client can send: GraphQL
 * rejects unknown fields.
 */
export function wholeResolverInput(raw: Node, sourceCode: SourceCode, depth = 0): RequestSource | null {
  if (depth > 6) return null;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    for (const prop of node.properties) {
      if (prop.type !== AST_NODE_TYPES.SpreadElement) continue;
      const found = wholeResolverInput(prop.argument, sourceCode, depth + 1);
      if (found) return found;
    }
    return null;
  }
  let root: Node = node;
  const path: string[] = [];
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(root);
    if (name === null) return null;
    path.unshift(name);
    root = unwrap(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier || path.length > 1) return null;
  const variable = findVar(sourceCode, root);
  const def = variable?.defs[0];
  if (!variable || !def) return null;
  if (def.type === 'Variable') {
    if (path.length > 0) return null;
    const value = singleValue(variable);
    if (!value || value.path.length > 1 || value.path.some((p) => p === null)) return null;
    const init = unwrap(value.init);
    if (value.path.length === 0) return wholeResolverInput(init, sourceCode, depth + 1);
    return wholeResolverInput(init, sourceCode, depth + 1) && INPUT_NAMES.test(value.path[0]!) ? inputSource(node, sourceCode) : null;
  }
  if (def.type !== 'Parameter' || !isFunction(def.node)) return null;
  const fn = def.node;
  const index = fn.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
  const param = fn.params[index];
  if (!param || !isResolverArguments(fn, index, param, sourceCode)) return null;
  const bare = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const resolver = resolverOf(fn, sourceCode);
  if (resolver?.kind === 'class' || bare.type === AST_NODE_TYPES.Identifier && hasDecorators(bare)) {
    if (path.length > 0 && !INPUT_NAMES.test(path[0]!)) return null;
    return decoratedInputRestricted(bare, sourceCode) ? null : inputSource(node, sourceCode);
  }
  // Resolver maps: which argument is written?
  let argument: string | null;
  if (bare === def.name) {
    argument = path[0] ?? null;
    if (argument !== null && !INPUT_NAMES.test(argument)) return null;
  } else {
    if (path.length > 0) return null;
    const key = def.name.parent;
    argument = key?.type === AST_NODE_TYPES.Property && key.parent === bare && !key.computed && key.key.type === AST_NODE_TYPES.Identifier ? key.key.name : null;
    if (argument === null || !INPUT_NAMES.test(argument)) return null;
  }
  if (!resolver) return null;
  if (!isRootResolver(fn)) return null; // a graphql-js field: its `args` are declared beside it
  return sdlRestricts(resolver.name, argument, sourceCode) ? null : inputSource(node, sourceCode);
}

function inputSource(node: Node, sourceCode: SourceCode): RequestSource {
  return { role: 'graphql', text: shortText(sourceCode, node), node };
}

function hasDecorators(node: Node): boolean {
  return 'decorators' in node && Array.isArray(node.decorators) && node.decorators.length > 0;
}

/** The SDL in the file declares the field's input type, without privileged fields (or the whole args, each a scalar or such a type). */
function sdlRestricts(field: string | null, argument: string | null, sourceCode: SourceCode): boolean {
  const schema = schemaInFile(sourceCode);
  const args = field ? schema?.fieldArguments.get(field) : undefined;
  if (!schema || !args) return false;
  const types = argument === null ? [...args.values()] : args.has(argument) ? [args.get(argument)!] : null;
  if (!types) return false;
  return types.every((type) => {
    const fields = schema.inputs.get(type);
    if (!fields) return /^(ID|String|Int|Float|Boolean)$/.test(type);
    return !fields.some((f) => PRIVILEGED_INPUT_FIELDS.test(f));
  });
}

/** `@Args('input') input: CreateNoteInput`: typed with a class; when the file declares it, none of its fields is privileged. */
function decoratedInputRestricted(param: Node, sourceCode: SourceCode): boolean {
  const annotation = 'typeAnnotation' in param ? (param.typeAnnotation as TSESTree.TSTypeAnnotation | undefined) : undefined;
  const type = annotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const name = type.typeName.name;
  if (/^(Record|Partial|Object|any|JSON|GraphQLJSON|JSONObject)$/.test(name)) return false;
  for (const statement of sourceCode.ast.body) {
    const decl = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (decl?.type !== AST_NODE_TYPES.ClassDeclaration || decl.id?.name !== name) continue;
    return !decl.body.body.some(
      (m) => m.type === AST_NODE_TYPES.PropertyDefinition && !m.computed && m.key.type === AST_NODE_TYPES.Identifier && PRIVILEGED_INPUT_FIELDS.test(m.key.name),
    );
  }
  return true;
}
