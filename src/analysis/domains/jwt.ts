import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  childNodes,
  ancestorOfType,
  calleeName,
  findVar,
  getProperty,
  hasSpread,
  isFunction,
  memberName,
  propertyName,
  singleValue,
  unwrap,
  wrappedParent,
} from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { declarationAtLeast, declaredDependency } from '../core/dependencies.js';
import { CALL, NEW, fromModule, isModulePath, resolveModule, type ModuleRef } from '../core/modules.js';
import { nameWords } from '../core/names.js';
import { includesAny, textGate } from '../core/source-text.js';
import { staticString, staticValue } from '../core/static-value.js';
import {
  ASYMMETRIC_ALGORITHMS,
  FILE_READERS,
  HMAC_ALGORITHMS,
  JWT_ENTRIES,
  KEY_OBJECT_FACTORIES,
  SECRET_READER_NAMES,
  SECRET_SOURCES,
  type JwtEntry,
  type JwtEntryOperation,
} from '../../catalog/jwt.js';

type Node = TSESTree.Node;

export type JwtOperation = JwtEntryOperation;

export interface JwtCall {
  /** 'jsonwebtoken' | 'jose' | 'express-jwt' | 'passport-jwt' | '@nestjs/jwt' | '@fastify/jwt' | 'hono/jwt' */
  library: string;
  operation: JwtOperation;
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** Sign payload: jsonwebtoken `sign` arg 0, jose `new SignJWT(arg0)`, `JwtService.sign` arg 0, fastify `reply.jwtSign`/`fastify.jwt.sign` arg 0, hono `sign(arg0, …)`. */
  payload?: Node;
  /** The secret/key expression when it is given in the call or in its options object. */
  key?: Node;
  /** The options object expression (resolved through a const identifier to its object literal when possible). */
  options?: Node;
  /** verify/decode: the token argument. */
  token?: Node;
  /** The catalog row that matched. */
  entry: JwtEntry;
  /** The argument written in the options position, as written (may be an identifier); absent when not given. */
  optionsArg?: Node;
  /** jsonwebtoken-style callback given where the options would go (`verify(token, key, cb)`). */
  callback?: Node;
  /** A positional algorithm argument (hono/jwt `sign(payload, secret, 'HS256')`). */
  algorithm?: Node;
  /** jose chains: the method calls between `new SignJWT()` and `.sign()`, outermost last. */
  chain?: TSESTree.CallExpression[];
  /** jose chains: the `new SignJWT(...)` expression, when found. */
  chainRoot?: TSESTree.NewExpression;
  /** The options property the key was read from (`secretOrKey`), when the key sits in the options. */
  keyOption?: string;
  /**
   * The argument that turned verification off (jwt-simple `decode(token, key, true)`): the call is
   * then a `decode` although its catalog row verifies.
   */
  noVerify?: Node;
}

/** Method names through which any catalogued member call is reached: the cheap first test. */
const MEMBER_NAMES = new Set<string>([
  ...JWT_ENTRIES.filter((e) => e.kind === 'call' && e.path.length > 0).map((e) => e.path[e.path.length - 1]!),
  ...JWT_ENTRIES.flatMap((e) => e.methods ?? []),
  'register',
]);

const JWT_MODULES = new Set(JWT_ENTRIES.flatMap((e) => e.modules));

/**
 * Text that every JWT module specifier contains (`jwt`, or the whole name for `jose` and
 * `jsonwebtoken`): a file whose text holds none of them loads no JWT library.
 */
const mayLoadJwtModule = textGate(includesAny([...new Set([...JWT_MODULES].map((m) => (m.includes('jwt') ? 'jwt' : m)))]));

const cache = perFileCache(() => new Map<Node, JwtCall | null>());

/** `util.promisify` / bluebird `promisify` can only be reached in a file that spells the name. */
const mayPromisify = textGate(includesAny(['promisify']));

/**
 * False when the file cannot load any JWT library (no module specifier of one can be spelled in
 * it), so no call in it is a JWT call: rules may skip the file. Every match of `jwtCall` rests on
 * an expression resolved to a catalogued module or on `fileLoadsModule`, both needing the name.
 */
export function mayUseJwt(sourceCode: SourceCode): boolean {
  return mayLoadJwtModule(sourceCode);
}

/**
 * Recognises a JSON Web Token library call (sign, verify, decode, middleware, passport strategy,
 * NestJS module config, Fastify plugin registration) and says where its payload, key, options and
 * token are. Returns null for anything else.
 */
export function jwtCall(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): JwtCall | null {
  // Cheapest first: a method call is only a candidate under a catalogued method name.
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name === null || !MEMBER_NAMES.has(name)) return null;
    }
  }
  if (!mayUseJwt(sourceCode)) return null;
  const map = cache(sourceCode);
  const known = map.get(node);
  if (known !== undefined) return known;
  let result: JwtCall | null = null;
  try {
    result = match(node, sourceCode);
  } catch {
    result = null;
  }
  map.set(node, result);
  return result;
}

function match(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): JwtCall | null {
  const callee = unwrap(node.callee);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const ref = resolveModule(callee, sourceCode);
    if (!ref || !JWT_MODULES.has(ref.module)) return null;
    for (const entry of JWT_ENTRIES) {
      if (entry.kind === 'new' && isModulePath(ref, entry.modules, entry.path)) return build(entry, node, sourceCode);
    }
    return null;
  }
  if (callee.type === AST_NODE_TYPES.Super) return matchSuper(node, sourceCode);
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression) {
    // `promisify(jwt.verify)(token, key, options)`: the same arguments, with no callback.
    const wrapped = promisifiedFunction(callee, sourceCode);
    const ref = wrapped ? resolveModule(wrapped, sourceCode) : null;
    if (ref) {
      for (const entry of JWT_ENTRIES) {
        if (entry.kind === 'call' && entry.args.optionsMayBeCallback && isModulePath(ref, entry.modules, entry.path)) {
          return build(entry, node, sourceCode);
        }
      }
    }
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name === null || !MEMBER_NAMES.has(name)) return null;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const name = calleeName(node);
  const ref = resolveModule(callee, sourceCode);
  if (ref && JWT_MODULES.has(ref.module)) {
    for (const entry of JWT_ENTRIES) {
      if (!fromModule(ref, entry.modules)) continue;
      if (entry.kind === 'call' && isModulePath(ref, entry.modules, entry.path)) return build(entry, node, sourceCode);
      if (entry.kind === 'chain' && name !== null && entry.methods?.includes(name) && isChainPath(ref, entry)) {
        return build(entry, node, sourceCode);
      }
      if (
        entry.kind === 'instance' &&
        name !== null &&
        entry.methods?.includes(name) &&
        ref.path.length === entry.path.length + 2 &&
        entry.path.every((s, i) => ref.path[i] === s) &&
        ref.path[entry.path.length] === NEW
      ) {
        return build(entry, node, sourceCode);
      }
    }
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || name === null) return null;
  if (name === 'register') return matchPlugin(node, sourceCode);
  // Methods of an instance known from a type annotation (NestJS-injected `JwtService`).
  const typeRef = ref ? null : instanceType(callee.object, sourceCode);
  if (typeRef) {
    for (const entry of JWT_ENTRIES) {
      if (entry.kind === 'instance' && entry.methods?.includes(name) && isModulePath(typeRef, entry.modules, entry.path)) {
        return build(entry, node, sourceCode);
      }
    }
    // Typed as something else from a JWT module: not a method we know.
    if (JWT_MODULES.has(typeRef.module)) return null;
  }
  for (const entry of JWT_ENTRIES) {
    if (entry.kind !== 'decorator' || !entry.methods?.includes(name)) continue;
    if (entry.namespace) {
      const object = unwrap(callee.object);
      if (object.type !== AST_NODE_TYPES.MemberExpression || memberName(object) !== entry.namespace) continue;
    }
    if (!fileLoadsModule(sourceCode, entry.modules)) continue;
    return build(entry, node, sourceCode);
  }
  return null;
}

function isChainPath(ref: ModuleRef, entry: JwtEntry): boolean {
  const n = entry.path.length;
  if (ref.path.length < n + 2) return false;
  if (!entry.path.every((s, i) => ref.path[i] === s) || ref.path[n] !== NEW) return false;
  // Between `new` and the final method: only method calls (`name`, `()`) on the builder.
  for (let i = n + 1; i < ref.path.length - 1; i++) {
    const step = ref.path[i]!;
    if (step === NEW) return false;
    if (step !== CALL && ref.path[i + 1] !== CALL) return false;
  }
  return true;
}

/**
 * `super(options)` in a class extending a catalogued constructor, directly
 * (`class S extends Strategy`) or through a mixin (`class S extends PassportStrategy(Strategy)`, NestJS).
 */
function matchSuper(node: TSESTree.CallExpression, sourceCode: SourceCode): JwtCall | null {
  const classNode = ancestorOfType(node, AST_NODE_TYPES.ClassBody)?.parent;
  if (!classNode || (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression)) {
    return null;
  }
  if (!classNode.superClass) return null;
  const superClass = unwrap(classNode.superClass);
  const candidates: Node[] = [superClass];
  if (superClass.type === AST_NODE_TYPES.CallExpression) {
    const first = superClass.arguments[0];
    if (first && first.type !== AST_NODE_TYPES.SpreadElement) candidates.push(first);
  }
  for (const candidate of candidates) {
    const ref = resolveModule(candidate, sourceCode);
    if (!ref) continue;
    for (const entry of JWT_ENTRIES) {
      if (entry.kind === 'new' && isModulePath(ref, entry.modules, entry.path)) return build(entry, node, sourceCode);
    }
  }
  return null;
}

function matchPlugin(node: TSESTree.CallExpression, sourceCode: SourceCode): JwtCall | null {
  const plugin = node.arguments[0];
  if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement) return null;
  const ref = resolveModule(plugin, sourceCode);
  if (!ref) return null;
  for (const entry of JWT_ENTRIES) {
    if (entry.kind === 'plugin' && isModulePath(ref, entry.modules, entry.path)) return build(entry, node, sourceCode);
  }
  return null;
}

function argAt(node: TSESTree.CallExpression | TSESTree.NewExpression, index: number | undefined): Node | undefined {
  if (index === undefined) return undefined;
  // A spread before or at the position hides which value lands there.
  for (let i = 0; i <= index && i < node.arguments.length; i++) {
    if (node.arguments[i]!.type === AST_NODE_TYPES.SpreadElement) return undefined;
  }
  return node.arguments[index];
}

/** A function written in place, or a name bound to one (`function onVerified(err, claims) {…}`): a Node-style callback. */
function isCallbackValue(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (isFunction(target)) return true;
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, target);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName') return true;
  const value = variable ? singleValue(variable) : null;
  return !!value && value.path.length === 0 && isFunction(unwrap(value.init));
}

/**
 * The function a promisified callee wraps: `util.promisify(jwt.verify)(…)`, or
 * `const verifyAsync = promisify(jwt.verify); verifyAsync(…)` → `jwt.verify`. Null otherwise.
 */
function promisifiedFunction(callee: Node, sourceCode: SourceCode): Node | null {
  if (!mayPromisify(sourceCode)) return null;
  let target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable ? singleValue(variable) : null;
    if (!value || value.path.length > 0) return null;
    target = unwrap(value.init);
  }
  if (target.type !== AST_NODE_TYPES.CallExpression || target.arguments.length !== 1) return null;
  const wrapped = target.arguments[0]!;
  if (wrapped.type === AST_NODE_TYPES.SpreadElement) return null;
  const ref = resolveModule(unwrap(target.callee), sourceCode);
  const promisify = isModulePath(ref, ['util'], ['promisify']) || isModulePath(ref, ['bluebird'], ['promisify']);
  return promisify ? wrapped : null;
}

function build(entry: JwtEntry, node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): JwtCall {
  const call: JwtCall = { library: entry.library, operation: entry.operation, node, entry };
  const { args } = entry;
  if (entry.kind === 'chain') {
    const chain = chainOf(node);
    call.chain = chain.calls;
    chain.root ??= builderRoot(node, sourceCode);
    if (chain.root) {
      call.chainRoot = chain.root;
      const payload = argAt(chain.root, args.payload);
      if (payload) call.payload = payload;
    }
    if (!entry.unsecured) {
      const key = argAt(node, args.key);
      if (key) call.key = key;
    }
    return call;
  }
  const payload = argAt(node, args.payload);
  if (payload) call.payload = payload;
  if (entry.noVerifyArg !== undefined) {
    // `decode(token, key, true)`, `decode(token, key, 'none')`: any truthy constant skips verification.
    const flag = argAt(node, entry.noVerifyArg);
    const known = flag && flag.type !== AST_NODE_TYPES.SpreadElement ? staticValue(flag, sourceCode) : null;
    if (flag && known && known.value) {
      call.operation = 'decode';
      call.noVerify = flag;
    }
  }
  const token = argAt(node, args.token);
  if (token) call.token = token;
  const key = argAt(node, args.key);
  if (key) call.key = key;
  const algorithm = argAt(node, args.algorithm);
  if (algorithm) {
    // hono/jwt `verify(token, secret, { alg, … })` in newer versions takes an options object here.
    const object = resolveObject(algorithm, sourceCode);
    if (object) {
      call.options = object;
      call.optionsArg = algorithm;
    } else {
      call.algorithm = algorithm;
    }
  }
  let optionsArg = argAt(node, args.options);
  if (optionsArg && args.optionsMayBeCallback && isCallbackValue(optionsArg, sourceCode)) {
    call.callback = optionsArg;
    optionsArg = undefined;
  }
  if (optionsArg) {
    call.optionsArg = optionsArg;
    let options: Node | null = resolveObject(optionsArg, sourceCode);
    if (entry.optionsFromFactory) {
      // `registerAsync({ useClass })` or a factory we cannot read: the options are unknown.
      options = options ? factoryResult(options, sourceCode) : null;
      if (options) call.options = options;
    } else {
      call.options = options ?? optionsArg;
    }
    if (options && options.type === AST_NODE_TYPES.ObjectExpression && entry.keyOptions && !call.key) {
      for (const name of entry.keyOptions) {
        if (!hasMember(options, name, sourceCode)) continue;
        const value = memberValue(options, name, sourceCode);
        if (value) {
          call.key = value;
          call.keyOption = name;
        }
        break;
      }
    }
  }
  return call;
}

/** The calls of a builder chain ending at `node` (`new SignJWT(p).a().b().sign()`), and its `new` root. */
function chainOf(node: TSESTree.CallExpression | TSESTree.NewExpression): {
  calls: TSESTree.CallExpression[];
  root: TSESTree.NewExpression | null;
} {
  const calls: TSESTree.CallExpression[] = [];
  let current: Node = unwrap(node.callee);
  for (let i = 0; i < 64; i++) {
    if (current.type !== AST_NODE_TYPES.MemberExpression) break;
    const object = unwrap(current.object);
    if (object.type === AST_NODE_TYPES.CallExpression) {
      calls.unshift(object);
      current = unwrap(object.callee);
      continue;
    }
    if (object.type === AST_NODE_TYPES.NewExpression) return { calls, root: object };
    break;
  }
  return { calls, root: null };
}

/** The `new X(...)` a builder kept in a variable was made with: `const b = new SignJWT(p).setIssuedAt(); b.sign(k)`. */
function builderRoot(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): TSESTree.NewExpression | null {
  let current: Node = unwrap(node.callee);
  for (let i = 0; i < 64 && current.type === AST_NODE_TYPES.MemberExpression; i++) {
    const object = unwrap(current.object);
    current = object.type === AST_NODE_TYPES.CallExpression ? unwrap(object.callee) : object;
  }
  for (let depth = 0; depth < 8 && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const variable = findVar(sourceCode, current);
    const value = variable ? singleValue(variable) : null;
    if (!value || value.path.length > 0) return null;
    let init: Node = unwrap(value.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrap(init.argument);
    for (let i = 0; i < 64 && init.type === AST_NODE_TYPES.CallExpression; i++) {
      const callee = unwrap(init.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      init = unwrap(callee.object);
    }
    if (init.type === AST_NODE_TYPES.NewExpression) return init;
    current = init;
  }
  return null;
}

/** `useFactory: () => ({...})` / `useFactory() { return {...} }` of a NestJS async module options object. */
function factoryResult(options: Node, sourceCode: SourceCode): TSESTree.ObjectExpression | null {
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const prop = getProperty(options, 'useFactory');
  if (!prop) return null;
  let fn: Node = unwrap(prop.value);
  if (fn.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, fn);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'FunctionName' && isFunction(def.node)) fn = def.node;
    else if (variable) {
      const value = singleValue(variable);
      if (value && value.path.length === 0) fn = unwrap(value.init);
    }
  }
  if (!isFunction(fn)) return null;
  const returned = returnedExpression(fn);
  return returned ? resolveObject(returned, sourceCode) : null;
}

/** The single value a function returns: its expression body, or the argument of its last top-level `return`. */
export function returnedExpression(fn: TSESTree.FunctionLike | Node): Node | null {
  if (!isFunction(fn)) return null;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const returns = fn.body.body.filter((s): s is TSESTree.ReturnStatement => s.type === AST_NODE_TYPES.ReturnStatement);
  const last = returns[returns.length - 1];
  // Other `return`s in branches may return something else: then the value is not known.
  if (!last || countReturns(fn.body) !== 1) return null;
  return last.argument ?? null;
}

const MAX_RETURN_SCAN = 2000;

/** The `return` statements of a function body, not counting nested functions (bounded). */
function countReturns(body: TSESTree.BlockStatement): number {
  let count = 0;
  const stack: Node[] = [body];
  for (let visited = 0; stack.length > 0 && visited < MAX_RETURN_SCAN; visited++) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ReturnStatement) count++;
    if (node !== body && (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody)) continue;
    stack.push(...childNodes(node));
  }
  return stack.length > 0 ? Infinity : count;
}

const MAX_DEPTH = 12;

/**
 * The object literal an expression evaluates to: itself, a `const` bound to one, a property of one
 * (`config.jwt`), or a destructured binding from one. Null when unknown.
 */
export function resolveObject(node: Node, sourceCode: SourceCode, depth = 0): TSESTree.ObjectExpression | null {
  const value = resolveValueNode(node, sourceCode, depth);
  return value?.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

/**
 * The expression a value comes from, following `const`s, never-reassigned `let`s, destructuring and
 * member access into object literals. Returns the input (unwrapped) when it cannot be followed.
 */
export function resolveValueNode(node: Node, sourceCode: SourceCode, depth = 0): Node | null {
  const target = unwrap(node);
  if (depth > MAX_DEPTH) return null;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    if (!variable) return target;
    const value = singleValue(variable);
    if (!value) return target;
    let current: Node | null = value.init;
    for (const key of value.path) {
      if (key === null) return target;
      const object: TSESTree.ObjectExpression | null = current ? resolveObject(current, sourceCode, depth + 1) : null;
      if (!object || hasSpread(object)) return target;
      if (!hasMember(object, key, sourceCode)) return isObjectOpen(object, sourceCode) ? target : value.defaultValue ?? target;
      current = memberValue(object, key, sourceCode);
      if (!current) return target;
    }
    return current ? resolveValueNode(current, sourceCode, depth + 1) : target;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    if (name === null) return target;
    const object = resolveObject(target.object, sourceCode, depth + 1);
    if (!object) return target;
    const value = memberValue(object, name, sourceCode);
    if (!value) return target;
    return resolveValueNode(value, sourceCode, depth + 1);
  }
  return target;
}

interface AssignedMembers {
  /** Members written by name after the literal was made; `null` when written more than once or with `+=`, `??=`… */
  members: Map<string, Node | null>;
  /** A write whose key is not known (`opts[k] = v`, `Object.assign(opts, extra)`): any key may be present. */
  open: boolean;
}

const assignedMembersCache = perFileCache(() => new Map<TSESTree.ObjectExpression, AssignedMembers>());

/**
 * Members written to an object literal through the variable it is bound to, the way options are
 * often built: `const opts = {}; opts.secretOrKey = key; opts.algorithms = ['RS256']`.
 */
export function assignedMembers(object: TSESTree.ObjectExpression, sourceCode: SourceCode): AssignedMembers {
  const cache = assignedMembersCache(sourceCode);
  const cached = cache.get(object);
  if (cached) return cached;
  const result: AssignedMembers = { members: new Map(), open: false };
  cache.set(object, result);
  const declarator = wrappedParent(object);
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    !declarator.init ||
    unwrap(declarator.init) !== object
  ) {
    return result;
  }
  const variable = findVar(sourceCode, declarator.id);
  for (const ref of variable?.references ?? []) {
    const id = ref.identifier;
    const parent = wrappedParent(id);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === id) {
      const outer = wrappedParent(parent);
      const written =
        (outer?.type === AST_NODE_TYPES.AssignmentExpression && unwrap(outer.left) === parent) ||
        (outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete');
      if (!written) continue;
      const name = memberName(parent);
      if (name === null) {
        result.open = true;
        continue;
      }
      const single = outer.type === AST_NODE_TYPES.AssignmentExpression && outer.operator === '=' && !result.members.has(name) && !getProperty(object, name);
      result.members.set(name, single ? outer.right : null);
    } else if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] !== undefined &&
      unwrap(parent.arguments[0]) === id &&
      calleeName(parent) === 'assign'
    ) {
      result.open = true;
    }
  }
  return result;
}

/** Whether an object literal has (or is later given) a member of that name. */
export function hasMember(object: TSESTree.ObjectExpression, name: string, sourceCode: SourceCode): boolean {
  return !!getProperty(object, name) || assignedMembers(object, sourceCode).members.has(name);
}

/** The value of a member of an object literal, also when assigned later through its variable; null when absent or not known. */
export function memberValue(object: TSESTree.ObjectExpression, name: string, sourceCode: SourceCode): Node | null {
  const assigned = assignedMembers(object, sourceCode).members;
  if (assigned.has(name)) return assigned.get(name) ?? null;
  return getProperty(object, name)?.value ?? null;
}

/** Whether keys an object literal does not list may still be present: spreads, computed keys, writes by unknown key. */
export function isObjectOpen(object: TSESTree.ObjectExpression, sourceCode: SourceCode): boolean {
  return hasSpread(object) || hasUnknownKey(object) || assignedMembers(object, sourceCode).open;
}

/** An options property by path (`['verify', 'algorithms']`), seeing through constants; null when absent or unknown. */
export function jwtOption(call: JwtCall, path: readonly string[], sourceCode: SourceCode): { value: Node } | null {
  let object: TSESTree.ObjectExpression | null =
    call.options?.type === AST_NODE_TYPES.ObjectExpression ? call.options : null;
  let value: Node | null = null;
  for (const key of path) {
    if (!object) return null;
    value = memberValue(object, key, sourceCode);
    if (!value) return null;
    object = resolveObject(value, sourceCode);
  }
  return value ? { value } : null;
}

/** A verification option that lets tokens through after their `exp`. */
export type ExpiryOverride =
  | { kind: 'ignored'; path: readonly string[]; node: Node }
  | { kind: 'tolerance'; path: readonly string[]; node: Node; seconds: number };

/**
 * What a verification (or a strategy, module or middleware configuration) says about accepting
 * expired tokens, from the catalog row's `expiryOptions`: an `ignore` option whose constant value is
 * `true` (`ignoreExpiration: true`, jose 1.x/2.x `ignoreExp: true`), and a constant clock tolerance
 * in seconds (numbers are seconds; strings are durations: `'2 hours'`, `'90s'`). Options objects are
 * followed through constants; values that are not constants say nothing.
 */
export function expiryOverrides(call: JwtCall, sourceCode: SourceCode): ExpiryOverride[] {
  const rows = call.entry.expiryOptions;
  if (!rows || call.options?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const found: ExpiryOverride[] = [];
  for (const path of rows.ignore ?? []) {
    const option = jwtOption(call, path, sourceCode);
    if (option && staticValue(option.value, sourceCode)?.value === true) found.push({ kind: 'ignored', path, node: option.value });
  }
  for (const path of rows.tolerance ?? []) {
    const option = jwtOption(call, path, sourceCode);
    const known = option ? staticValue(option.value, sourceCode) : null;
    const seconds = known ? durationSeconds(known.value, 's') : null;
    if (option && seconds !== null) found.push({ kind: 'tolerance', path, node: option.value, seconds });
  }
  return found;
}

/** True when a spread argument sits at or before `index`, hiding which value lands there. */
function spreadHides(node: TSESTree.CallExpression | TSESTree.NewExpression, index: number | undefined): boolean {
  if (index === undefined) return false;
  return node.arguments.some((a, i) => i <= index && a.type === AST_NODE_TYPES.SpreadElement);
}

/**
 * Whether an options path is known to be absent: every object on the way is a literal without
 * spreads and the last key is missing. False when present or when it cannot be told.
 */
export function isOptionAbsent(call: JwtCall, path: readonly string[], sourceCode: SourceCode): boolean {
  if (!call.optionsArg) return call.options === undefined && !spreadHides(call.node, call.entry.args.options);
  let object: TSESTree.ObjectExpression | null =
    call.options?.type === AST_NODE_TYPES.ObjectExpression ? call.options : null;
  for (const key of path) {
    if (!object || isObjectOpen(object, sourceCode)) return false;
    if (!hasMember(object, key, sourceCode)) return true;
    const value = memberValue(object, key, sourceCode);
    object = value ? resolveObject(value, sourceCode) : null;
    if (!object) return false;
  }
  return false;
}

/** True when an object literal has a computed key whose name is not known. */
export function hasUnknownKey(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === null);
}

/** Algorithm names listed in an `algorithms` option (array of constants), or null when unknown. */
export function algorithmList(node: Node, sourceCode: SourceCode): { names: string[]; nodes: Node[] } | null {
  const value = resolveValueNode(node, sourceCode);
  if (!value || value.type !== AST_NODE_TYPES.ArrayExpression) {
    const known = staticValue(node, sourceCode);
    if (known && Array.isArray(known.value) && known.value.every((v) => typeof v === 'string')) {
      return { names: known.value as string[], nodes: [node] };
    }
    return null;
  }
  const names: string[] = [];
  const nodes: Node[] = [];
  for (const element of value.elements) {
    if (!element) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) return null;
    const name = staticString(element, sourceCode);
    if (name === null) return null;
    names.push(name);
    nodes.push(element);
  }
  return { names, nodes };
}

export function isHmacAlgorithm(name: string): boolean {
  return HMAC_ALGORITHMS.includes(name.toUpperCase());
}

export function isAsymmetricAlgorithm(name: string): boolean {
  return ASYMMETRIC_ALGORITHMS.some((a) => a.toUpperCase() === name.toUpperCase());
}

export function isNoneAlgorithm(name: string): boolean {
  return name.toLowerCase() === 'none';
}

/**
 * The algorithm a sign call (or a module/plugin configuration) names, with the node that names it:
 * jsonwebtoken `algorithm`, jose `setProtectedHeader({ alg })`, @nestjs/jwt `signOptions.algorithm`,
 * @fastify/jwt `sign.algorithm`, hono `sign(p, k, alg)` / `jwt({ alg })`. Null when none is named.
 */
export function namedSignAlgorithm(call: JwtCall, sourceCode: SourceCode): { name: string; node: Node } | null {
  const found = (node: Node | undefined): { name: string; node: Node } | null => {
    if (!node) return null;
    const name = staticString(node, sourceCode);
    return name === null ? null : { name, node };
  };
  // A positional algorithm (hono/jwt `sign(p, k, 'HS256')`, jwt-simple `encode(p, k, 'HS512')`).
  if (call.algorithm) return found(call.algorithm);
  switch (call.library) {
    case 'jose': {
      if (call.entry.kind !== 'chain') {
        // jose 1.x/2.x `JWT.sign(payload, key, { algorithm })` or `{ header: { alg } }`
        return found(jwtOption(call, ['algorithm'], sourceCode)?.value ?? jwtOption(call, ['header', 'alg'], sourceCode)?.value);
      }
      for (const step of call.chain ?? []) {
        if (calleeName(step) !== 'setProtectedHeader') continue;
        const header = step.arguments[0] ? resolveObject(step.arguments[0], sourceCode) : null;
        const alg = header ? getProperty(header, 'alg') : null;
        return found(alg?.value);
      }
      return null;
    }
    case 'hono/jwt':
      return found(jwtOption(call, ['alg'], sourceCode)?.value);
    case '@nestjs/jwt':
      return found(
        jwtOption(call, call.operation === 'module-config' ? ['signOptions', 'algorithm'] : ['algorithm'], sourceCode)?.value,
      );
    case '@fastify/jwt':
      return found(
        jwtOption(call, call.operation === 'plugin-register' ? ['sign', 'algorithm'] : ['algorithm'], sourceCode)?.value ??
          jwtOption(call, ['sign', 'algorithm'], sourceCode)?.value,
      );
    default:
      return found(jwtOption(call, ['algorithm'], sourceCode)?.value);
  }
}

// ---------------------------------------------------------------------------------------------
// Keys

/**
 * Where a key comes from:
 * - `literal`: a string written in the code (directly or through constants / config object literals);
 * - `fallback`: an environment/config value with a literal fallback (`||`, `??`, a default, a branch);
 * - `env`: an environment or configuration value with no fallback;
 * - `secret-store`: a secret manager / KMS call or a file read;
 * - `key-object`: a KeyObject, JWK, key pair or key set (or a `{ key, passphrase }` object);
 * - `function`: a callback that supplies the key per token;
 * - `unknown`: anything else.
 */
export type JwtKeyKind = 'literal' | 'fallback' | 'env' | 'secret-store' | 'key-object' | 'function' | 'unknown';

export interface JwtKeyInfo {
  kind: JwtKeyKind;
  /** The literal text, for `literal` and `fallback`. */
  value?: string;
  /** The literal node (the fallback's literal for `fallback`). */
  literal?: Node;
  /** For `fallback`: the whole expression with the fallback (`process.env.X || 'dev'`). */
  expression?: Node;
  /** For `env` / `fallback`: the environment variable name when known. */
  envName?: string;
  /** Variable and property names on the way from the call to the value, nearest last. */
  names: string[];
  /** True when the key was a constant/variable rather than written in the call. */
  throughConstant: boolean;
}

/** Classifies where a key expression comes from. */
export function classifyJwtKey(node: Node, sourceCode: SourceCode): JwtKeyInfo {
  const info: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
  classify(node, sourceCode, info, 0);
  return info;
}

function isProcessEnv(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'env') {
    const object = unwrap(target.object);
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'process' || object.name === 'Bun')) {
      const variable = findVar(sourceCode, object);
      return !variable || variable.defs.length === 0 || isModulePath(resolveModule(object, sourceCode), ['process'], []);
    }
    if (object.type === AST_NODE_TYPES.MetaProperty) return true;
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    // `const { env } = process` / `import { env } from 'process'`
    const ref = resolveModule(target, sourceCode);
    if (isModulePath(ref, ['process'], ['env'])) return true;
    const variable = findVar(sourceCode, target);
    const value = variable ? singleValue(variable) : null;
    if (value && value.path.length === 0 && unwrap(value.init) !== target) return isProcessEnv(value.init, sourceCode);
    if (value && value.path.length === 1 && value.path[0] === 'env') {
      const init = unwrap(value.init);
      return init.type === AST_NODE_TYPES.Identifier && init.name === 'process';
    }
  }
  return false;
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `const { X } = process.env`: the name X; else null. */
export function envVariableName(node: Node, sourceCode: SourceCode): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression && isProcessEnv(target.object, sourceCode)) {
    return memberName(target) ?? '';
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable ? singleValue(variable) : null;
    if (value && value.path.length === 1 && value.path[0] !== null && isProcessEnv(value.init, sourceCode)) {
      return value.path[0] ?? null;
    }
  }
  return null;
}

const CONFIG_GETTERS = new Set(['get', 'getOrThrow', 'getString', 'require', 'required']);

function classify(raw: Node, sourceCode: SourceCode, info: JwtKeyInfo, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string') {
        info.kind = 'literal';
        info.value = node.value;
        info.literal = node;
      }
      return;
    case AST_NODE_TYPES.TemplateLiteral: {
      const text = staticString(node, sourceCode);
      if (text !== null) {
        info.kind = 'literal';
        info.value = text;
        info.literal = node;
      }
      return;
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      info.kind = 'function';
      return;
    case AST_NODE_TYPES.AwaitExpression:
      classify(node.argument, sourceCode, info, depth + 1);
      return;
    case AST_NODE_TYPES.ObjectExpression:
      // `{ key, passphrase }`, `{ private, public }`, a JWK: not a plain shared secret string.
      info.kind = 'key-object';
      return;
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '&&') return;
      const right: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
      classify(node.right, sourceCode, right, depth + 1);
      const left: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
      classify(node.left, sourceCode, left, depth + 1);
      if (right.kind === 'literal' && left.kind !== 'literal') {
        info.kind = 'fallback';
        info.value = right.value!;
        info.literal = right.literal!;
        info.expression = node;
        if (left.envName !== undefined) info.envName = left.envName;
        info.names.push(...left.names, ...right.names);
        info.throughConstant ||= right.throughConstant;
        return;
      }
      Object.assign(info, left, { names: [...info.names, ...left.names] });
      return;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const a: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
      const b: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
      classify(node.consequent, sourceCode, a, depth + 1);
      classify(node.alternate, sourceCode, b, depth + 1);
      const literal = a.kind === 'literal' ? a : b.kind === 'literal' ? b : null;
      const other = literal === a ? b : a;
      if (literal && other.kind !== 'literal' && other.kind !== 'unknown') {
        info.kind = 'fallback';
        info.value = literal.value!;
        info.literal = literal.literal!;
        info.expression = node;
        if (other.envName !== undefined) info.envName = other.envName;
        info.names.push(...other.names);
        return;
      }
      if (a.kind === 'literal' && b.kind === 'literal') Object.assign(info, a);
      return;
    }
    case AST_NODE_TYPES.Identifier: {
      const env = envVariableName(node, sourceCode);
      if (env !== null && !hasDefault(node, sourceCode)) {
        info.kind = 'env';
        info.envName = env;
        info.names.push(env);
        return;
      }
      const variable = findVar(sourceCode, node);
      if (!variable || variable.defs.length !== 1) return;
      const def = variable.defs[0]!;
      info.names.push(node.name);
      if (def.type === 'Parameter') {
        // `function sign(user, secret = 'dev-secret')`
        const param = def.name.parent;
        if (param?.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name) {
          const fallback: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
          classify(param.right, sourceCode, fallback, depth + 1);
          if (fallback.kind === 'literal') {
            info.kind = 'fallback';
            info.value = fallback.value!;
            info.literal = fallback.literal!;
            info.expression = param.right;
          } else if (fallback.kind === 'fallback') {
            // `secret = process.env.JWT_SECRET ?? 'dev'`: the default itself falls back to a literal.
            Object.assign(info, fallback, { names: [...info.names, ...fallback.names] });
          }
        }
        return;
      }
      const value = singleValue(variable);
      if (!value) return;
      info.throughConstant = true;
      if (value.path.length === 0) {
        classify(value.init, sourceCode, info, depth + 1);
        return;
      }
      // `const { JWT_SECRET = 'dev' } = process.env` / `const { secret } = config`
      if (value.path.length === 1 && isProcessEnv(value.init, sourceCode)) {
        const name = value.path[0] ?? '';
        if (value.defaultValue) {
          const fallback: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
          classify(value.defaultValue, sourceCode, fallback, depth + 1);
          if (fallback.kind === 'literal') {
            info.kind = 'fallback';
            info.value = fallback.value!;
            info.literal = fallback.literal!;
            info.expression = value.defaultValue;
            info.envName = name;
            return;
          }
        }
        info.kind = 'env';
        info.envName = name;
        return;
      }
      const resolved = resolveValueNode(node, sourceCode);
      if (resolved && resolved !== node) {
        classify(resolved, sourceCode, info, depth + 1);
      } else if (value.defaultValue) {
        classify(value.defaultValue, sourceCode, info, depth + 1);
      }
      return;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const env = envVariableName(node, sourceCode);
      if (env !== null) {
        info.kind = 'env';
        info.envName = env;
        info.names.push(env);
        return;
      }
      const name = memberName(node);
      if (name === null) return;
      if (unwrap(node.object).type === AST_NODE_TYPES.ThisExpression) {
        // `private readonly secret = 'dev'` in the class whose method signs
        const field = readonlyField(node, name);
        if (field) {
          info.names.push(name);
          info.throughConstant = true;
          classify(field, sourceCode, info, depth + 1);
        }
        return;
      }
      const object = resolveObject(node.object, sourceCode);
      if (!object) return;
      const value = memberValue(object, name, sourceCode);
      if (!value) return;
      info.names.push(...memberNames(node), name);
      info.throughConstant = true;
      classify(value, sourceCode, info, depth + 1);
      return;
    }
    case AST_NODE_TYPES.NewExpression:
      if (calleeName(node) === 'Uint8Array' || calleeName(node) === 'Buffer') return;
      info.kind = 'unknown';
      return;
    case AST_NODE_TYPES.CallExpression:
      classifyCall(node, sourceCode, info, depth);
      return;
    default:
      return;
  }
}

/** The initializer of a `readonly` instance field of the class around `node` (it cannot be written elsewhere). */
function readonlyField(node: Node, name: string): Node | null {
  const body = ancestorOfType(node, AST_NODE_TYPES.ClassBody);
  if (!body) return null;
  for (const member of body.body) {
    if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.static || !member.readonly || member.computed) continue;
    if (propertyName(member) === name) return member.value;
  }
  return null;
}

function hasDefault(node: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = findVar(sourceCode, node);
  const value = variable ? singleValue(variable) : null;
  return !!value?.defaultValue;
}

/** Names along a member chain: `config.jwt.secret` → `['config', 'jwt']` (the object part). */
function memberNames(node: TSESTree.MemberExpression): string[] {
  const names: string[] = [];
  let current: Node = unwrap(node.object);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (name !== null) names.unshift(name);
    current = unwrap(current.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) names.unshift(current.name);
  return names;
}

function classifyCall(node: TSESTree.CallExpression, sourceCode: SourceCode, info: JwtKeyInfo, depth: number): void {
  const callee = unwrap(node.callee);
  const name = calleeName(node);
  const first = node.arguments[0];
  const firstArg = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null;
  const ref = resolveModule(callee, sourceCode);
  // Pass-through encoders: `new TextEncoder().encode(s)`, `Buffer.from(s)`, `s.trim()`, `String(s)`.
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    if (name === 'encode' && object.type === AST_NODE_TYPES.NewExpression && calleeName(object) === 'TextEncoder' && firstArg) {
      classify(firstArg, sourceCode, info, depth + 1);
      return;
    }
    if (name === 'from' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Buffer' && firstArg) {
      classify(firstArg, sourceCode, info, depth + 1);
      return;
    }
    if ((name === 'trim' || name === 'toString') && node.arguments.length <= 1) {
      const inner: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
      classify(object, sourceCode, inner, depth + 1);
      if (inner.kind !== 'unknown') Object.assign(info, inner, { names: [...info.names, ...inner.names] });
      return;
    }
    if (name !== null && CONFIG_GETTERS.has(name) && firstArg && !ref) {
      // NestJS `configService.get('JWT_SECRET')`, convict/nconf `config.get('jwt.secret')`.
      const key = staticString(firstArg, sourceCode);
      if (key !== null) {
        info.kind = 'env';
        info.envName = key;
        info.names.push(key);
        const fallback = node.arguments[1];
        if (fallback && fallback.type !== AST_NODE_TYPES.SpreadElement && name === 'get') {
          const inner: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
          classify(fallback, sourceCode, inner, depth + 1);
          if (inner.kind === 'literal') {
            info.kind = 'fallback';
            info.value = inner.value!;
            info.literal = inner.literal!;
            info.expression = fallback;
          }
        }
        return;
      }
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && firstArg && !findVar(sourceCode, callee)?.defs.length) {
    classify(firstArg, sourceCode, info, depth + 1);
    return;
  }
  if (ref) {
    for (const reader of FILE_READERS) {
      if (isModulePath(ref, reader.modules, reader.path)) {
        info.kind = 'secret-store';
        return;
      }
    }
    for (const factory of KEY_OBJECT_FACTORIES) {
      if (!isModulePath(ref, factory.modules, factory.path)) continue;
      if (factory.secret && firstArg) {
        // `createSecretKey(Buffer.from('dev'))` is still a hardcoded secret.
        const inner: JwtKeyInfo = { kind: 'unknown', names: [], throughConstant: false };
        classify(firstArg, sourceCode, inner, depth + 1);
        if (inner.kind === 'literal' || inner.kind === 'fallback') {
          Object.assign(info, inner, { names: [...info.names, ...inner.names] });
          return;
        }
      }
      info.kind = 'key-object';
      return;
    }
    for (const source of SECRET_SOURCES) {
      if (fromModule(ref, source.modules) && name !== null && source.methods.includes(name)) {
        info.kind = 'secret-store';
        return;
      }
    }
  }
  if (name !== null && SECRET_READER_NAMES.includes(name)) {
    info.kind = 'secret-store';
  }
}

/** True when the key text reads as a PEM/JWK/public key rather than a shared secret. */
export function looksLikeAsymmetricKey(text: string): boolean {
  return /-----BEGIN [A-Z ]*KEY-----|-----BEGIN CERTIFICATE-----|^\s*\{\s*"kty"/.test(text);
}

/** UTF-8 byte length of a string. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

// ---------------------------------------------------------------------------------------------
// Files and instances

const loadedModules = perFileCache((sourceCode) => {
  const found = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) found.add(statement.source.value);
  }
  const text = sourceCode.text;
  const pattern = /\b(?:require|import)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g;
  for (const m of text.matchAll(pattern)) found.add(m[1]!);
  for (const m of text.matchAll(/import\s+\w+\s*=\s*require\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]!);
  return found;
});

/** True when the file imports or requires one of `modules` (also `import '@fastify/jwt'` type augmentation). */
export function fileLoadsModule(sourceCode: SourceCode, modules: readonly string[]): boolean {
  const found = loadedModules(sourceCode);
  return modules.some((m) => found.has(m));
}

/**
 * The class an instance belongs to when a type annotation or a `new` says so:
 * `this.jwtService` with `constructor(private jwtService: JwtService)`, a property
 * `jwtService: JwtService`, or a parameter `(jwt: JwtService)`. Returns the class's module path.
 */
export function instanceType(node: Node, sourceCode: SourceCode): ModuleRef | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression && unwrap(target.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(target);
    if (name === null) return null;
    const body = ancestorOfType(target, AST_NODE_TYPES.ClassBody);
    if (!body) return null;
    for (const member of body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && propertyName(member) === name) {
        if (member.typeAnnotation) return typeRef(member.typeAnnotation.typeAnnotation, sourceCode);
        if (member.value) return newTypeRef(member.value, sourceCode);
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
          if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name && inner.typeAnnotation) {
            return typeRef(inner.typeAnnotation.typeAnnotation, sourceCode);
          }
        }
      }
    }
    return null;
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier && def.name.typeAnnotation) {
      return typeRef(def.name.typeAnnotation.typeAnnotation, sourceCode);
    }
  }
  return null;
}

function typeRef(type: TSESTree.TypeNode, sourceCode: SourceCode): ModuleRef | null {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return resolveModule(name, sourceCode);
  if (name.type === AST_NODE_TYPES.TSQualifiedName && name.left.type === AST_NODE_TYPES.Identifier) {
    const ref = resolveModule(name.left, sourceCode);
    return ref ? { module: ref.module, path: [...ref.path, name.right.name] } : null;
  }
  return null;
}

function newTypeRef(value: Node, sourceCode: SourceCode): ModuleRef | null {
  const ref = resolveModule(value, sourceCode);
  if (!ref || ref.path[ref.path.length - 1] !== NEW) return null;
  return { module: ref.module, path: ref.path.slice(0, -1) };
}

// ---------------------------------------------------------------------------------------------
// Chains, payloads and lifetimes

/**
 * The builder-method calls made on a jose `SignJWT` (or `UnsecuredJWT`) before `.sign()`: the
 * calls in the chain itself, and calls on the variable the builder is kept in
 * (`const b = new SignJWT(p); b.setExpirationTime('1h'); b.sign(k)`).
 */
export function builderCalls(call: JwtCall, sourceCode: SourceCode): TSESTree.CallExpression[] {
  const found = [...(call.chain ?? [])];
  let current: Node = unwrap(call.node.callee);
  // Walk down to the first object of the chain.
  for (let i = 0; i < 64 && current.type === AST_NODE_TYPES.MemberExpression; i++) {
    const object = unwrap(current.object);
    current = object.type === AST_NODE_TYPES.CallExpression ? unwrap(object.callee) : object;
  }
  const seen = new Set<Node>();
  for (let depth = 0; depth < 8 && current.type === AST_NODE_TYPES.Identifier && !seen.has(current); depth++) {
    seen.add(current);
    const variable = findVar(sourceCode, current);
    if (!variable) break;
    for (const ref of variable.references) {
      const parent = ref.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier) {
        let outer: Node | undefined = parent.parent;
        while (outer?.type === AST_NODE_TYPES.ChainExpression) outer = outer.parent;
        if (outer?.type === AST_NODE_TYPES.CallExpression && unwrap(outer.callee) === parent) found.push(outer);
      }
    }
    const value = singleValue(variable);
    if (!value || value.path.length > 0) break;
    // The initializer's own chain (`const b = new SignJWT(p).setIssuedAt()`).
    let init: Node = unwrap(value.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrap(init.argument);
    while (init.type === AST_NODE_TYPES.CallExpression) {
      found.push(init);
      const callee = unwrap(init.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
      init = unwrap(callee.object);
    }
    current = init;
  }
  return found;
}

/**
 * Whether a payload carries an `exp` claim:
 * - `yes`: an object literal with `exp`, or a variable bound to one that gets `.exp =` later;
 * - `no`: an object literal (possibly through constants) with neither `exp` nor spreads;
 * - `string`: a string payload (no claims at all);
 * - `unknown`: anything else.
 */
export function payloadHasExp(payload: Node | undefined, sourceCode: SourceCode): 'yes' | 'no' | 'string' | 'unknown' {
  if (!payload) return 'unknown';
  const target = unwrap(payload);
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return 'string';
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return 'string';
  const object = resolveObject(target, sourceCode);
  if (!object) return 'unknown';
  if (getProperty(object, 'exp')) return 'yes';
  if (hasSpread(object) || hasUnknownKey(object)) {
    return 'unknown';
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    for (const ref of variable?.references ?? []) {
      const parent = ref.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) continue;
      // `payload.exp = …`, `Object.assign(payload, …)` or a call that may add claims: be careful.
      if (parent.parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent) {
        if (memberName(parent) === 'exp' || memberName(parent) === null) return 'yes';
      }
    }
    for (const ref of variable?.references ?? []) {
      const parent = ref.identifier.parent;
      // `Object.assign(payload, { exp })` may add the claim.
      if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        calleeName(parent) === 'assign' &&
        parent.arguments[0] === ref.identifier
      ) {
        return 'unknown';
      }
    }
  }
  return 'no';
}

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  msec: 0.001,
  msecs: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
  y: 31557600,
  yr: 31557600,
  yrs: 31557600,
  year: 31557600,
  years: 31557600,
};

/**
 * A duration in seconds: numbers count as seconds; strings use `ms`/jose notation (`'15m'`,
 * `'2 hours'`, `'7d'`). A string of digits only counts as `bareStringUnit` (jsonwebtoken reads
 * `'120'` as milliseconds). Null when it cannot be read.
 */
export function durationSeconds(value: unknown, bareStringUnit: 'ms' | 's' = 'ms'): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(-?\d*\.?\d+)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return null;
  const amount = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === '') return bareStringUnit === 'ms' ? amount / 1000 : amount;
  const factor = UNIT_SECONDS[unit];
  return factor === undefined ? null : amount * factor;
}

/**
 * The lifetime an `exp` claim expression sets, in seconds, when it reads `now + N`
 * (`Math.floor(Date.now() / 1000) + 60 * 60`, `now + 3600`). Null otherwise.
 */
export function expClaimLifetime(node: Node, sourceCode: SourceCode): number | null {
  const target = unwrap(resolveValueNode(node, sourceCode) ?? node);
  if (target.type !== AST_NODE_TYPES.BinaryExpression || target.operator !== '+') return null;
  const right = staticValue(target.right, sourceCode);
  if (right && typeof right.value === 'number' && !staticValue(target.left, sourceCode)) return right.value;
  const left = staticValue(target.left, sourceCode);
  if (left && typeof left.value === 'number' && !staticValue(target.right, sourceCode)) return left.value;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Fixes

/**
 * A fix that adds `key: valueText` at `path` in a JWT call's options: into the options object
 * (or a nested object on the path, creating the missing levels), or as a new options argument
 * (before a Node-style callback, or after the last argument before the options position).
 * Null when the options cannot be edited safely (an unresolved identifier, spreads in the way).
 */
export function addOptionFix(
  call: JwtCall,
  path: readonly string[],
  valueText: string,
  sourceCode: SourceCode,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const wrap = (keys: readonly string[]): string =>
    keys.length === 1 ? `${keys[0]}: ${valueText}` : `${keys[0]}: { ${wrap(keys.slice(1))} }`;
  if (call.options?.type === AST_NODE_TYPES.ObjectExpression) {
    let object: TSESTree.ObjectExpression = call.options;
    let depth = 0;
    for (; depth < path.length - 1; depth++) {
      const prop = getProperty(object, path[depth]!);
      if (!prop) break;
      const inner = unwrap(prop.value);
      if (inner.type !== AST_NODE_TYPES.ObjectExpression) return null;
      object = inner;
    }
    return insertProperty(object, wrap(path.slice(depth)), sourceCode);
  }
  if (call.optionsArg) return null;
  const { args } = call.entry;
  if (args.options === undefined) return null;
  const text = `{ ${wrap(path)} }`;
  if (call.callback) {
    const callback = call.callback;
    return (fixer) => fixer.insertTextBefore(callback, `${text}, `);
  }
  const node = call.node;
  if (node.arguments.length !== args.options) return null;
  if (node.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const last = node.arguments[node.arguments.length - 1];
  if (!last) {
    const closing = sourceCode.getLastToken(node);
    if (!closing || closing.value !== ')') return null;
    return (fixer) => fixer.insertTextBefore(closing, text);
  }
  return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
}

/** A fix adding `propertyText` as the last property of an object literal. */
export function insertProperty(
  object: TSESTree.ObjectExpression,
  propertyText: string,
  sourceCode: SourceCode,
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    return (fixer) => fixer.replaceText(object, `{ ${propertyText} }`);
  }
  const after = sourceCode.getTokenAfter(last);
  if (after && after.value === ',') {
    return (fixer) => fixer.insertTextAfter(after, ` ${propertyText},`);
  }
  return (fixer) => fixer.insertTextAfter(last, `, ${propertyText}`);
}

/**
 * Names of the functions enclosing a node, innermost first: declarations, named expressions,
 * variables and properties functions are assigned to, class methods.
 */
export function enclosingFunctionNames(node: Node): string[] {
  const names: string[] = [];
  let current: Node | undefined = node.parent;
  while (current) {
    if (isFunction(current)) {
      if (current.id) names.push(current.id.name);
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
        names.push(parent.id.name);
      } else if (
        (parent?.type === AST_NODE_TYPES.Property ||
          parent?.type === AST_NODE_TYPES.MethodDefinition ||
          parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
        parent.value === current
      ) {
        const name = propertyName(parent);
        if (name !== null) names.push(name);
      } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current) {
        const left = unwrap(parent.left);
        if (left.type === AST_NODE_TYPES.Identifier) names.push(left.name);
        else if (left.type === AST_NODE_TYPES.MemberExpression) {
          const name = memberName(left);
          if (name !== null) names.push(name);
        }
      }
    }
    current = current.parent;
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Names

/** Names that say only "a secret" and need a prefix to become a useful environment variable name. */
const GENERIC_NAMES = new Set([
  'secret',
  'key',
  'secretkey',
  'privatekey',
  'signingkey',
  'secretorkey',
  'secretorprivatekey',
  'jwtsecret',
  'jwtkey',
  'tokensecret',
]);
const CONTAINER_NAMES = new Set(['config', 'conf', 'cfg', 'settings', 'options', 'opts', 'env', 'constants', 'default', 'defaults', 'app']);

function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/**
 * An environment variable name for a secret, from the names it was reached through:
 * `accessTokenSecret` → `ACCESS_TOKEN_SECRET`, `config.jwt.secret` → `JWT_SECRET`, `SECRET` → `JWT_SECRET`.
 */
export function inferEnvName(names: readonly string[]): string {
  const meaningful = names.filter((n) => !CONTAINER_NAMES.has(n.toLowerCase()));
  const last = meaningful[meaningful.length - 1];
  if (!last || !/secret|key|token|jwt/i.test(last)) return 'JWT_SECRET';
  const flat = last.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!GENERIC_NAMES.has(flat)) return constantCase(last);
  if (flat.startsWith('jwt') || flat.startsWith('token')) return constantCase(last);
  const prefix = meaningful[meaningful.length - 2];
  const tail = flat === 'secretorkey' || flat === 'secretorprivatekey' ? 'SECRET' : constantCase(last);
  return prefix ? `${constantCase(prefix)}_${tail}` : `JWT_${tail}`;
}


/**
 * How messages name a JWT call: `jsonwebtoken \`sign()\``, `jose \`SignJWT\``,
 * `@nestjs/jwt \`JwtService.verify()\``, `express-jwt middleware`, `@nestjs/jwt \`JwtModule\`` (plus
 * `configSuffix`, e.g. ` options`, for module and plugin configs).
 */
export function describeJwtCall(call: JwtCall, configSuffix = ''): string {
  switch (call.operation) {
    case 'middleware':
      return `${call.library} middleware`;
    case 'strategy':
      return `${call.library} \`Strategy\``;
    case 'module-config':
      return `${call.library} \`JwtModule\`${configSuffix}`;
    case 'plugin-register':
      return `${call.library} plugin${configSuffix}`;
    default:
      if (call.entry.label) return `${call.library} ${call.entry.label}`;
      if (call.library === 'jose' && call.operation === 'sign') return 'jose `SignJWT`';
      if (call.entry.kind === 'instance') return `${call.library} \`JwtService.${call.operation}()\``;
      return `${call.library} \`${call.entry.path[call.entry.path.length - 1] ?? call.operation}()\``;
  }
}

// ---------------------------------------------------------------------------------------------
// Which algorithms a key verifies: evidence from where the key comes from

const RSA_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const EC_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'ES512', 'ES256K'];
const EDDSA_ALGORITHMS: readonly string[] = ['EdDSA', 'Ed25519'];

/** Words of a name that say "a public or private key, a certificate or a key set". */
const ASYMMETRIC_WORDS = new Set(['public', 'private', 'pub', 'pem', 'cert', 'certs', 'certificate', 'jwks', 'jwk', 'spki', 'pkcs', 'keypair']);
/** Words of a name that say "a shared secret". */
const HMAC_WORDS = new Set(['secret', 'hmac']);
/** The libraries' own option names, which say nothing about the key they hold. */
const NEUTRAL_KEY_NAMES = new Set(['secretorkey', 'secretorpublickey', 'secretorprivatekey', 'secretorkeyprovider']);
/** Files that hold a PEM/DER key or a certificate. */
const KEY_FILE = /\.(?:pem|key|crt|cer|pub|der|p8)$/i;
/** Methods that hand the key text on unchanged in kind (`process.env.KEY.replace(/\\n/g, '\n')`). */
const KEY_PASS_THROUGH = new Set(['toString', 'trim', 'replace', 'replaceAll', 'normalize']);

/** Key factories and what the key they make verifies; an algorithm or key type argument narrows it. */
const KEY_FACTORY_EVIDENCE: readonly {
  modules: readonly string[];
  path: readonly string[];
  algorithms: readonly string[];
  algorithmArg?: number;
  typeArg?: number;
  keyArg?: number;
}[] = [
  { modules: ['crypto'], path: ['createPublicKey'], algorithms: ASYMMETRIC_ALGORITHMS, keyArg: 0 },
  { modules: ['crypto'], path: ['createPrivateKey'], algorithms: ASYMMETRIC_ALGORITHMS, keyArg: 0 },
  { modules: ['crypto'], path: ['createSecretKey'], algorithms: HMAC_ALGORITHMS },
  { modules: ['crypto'], path: ['randomBytes'], algorithms: HMAC_ALGORITHMS },
  { modules: ['crypto'], path: ['generateKeyPairSync'], algorithms: ASYMMETRIC_ALGORITHMS, typeArg: 0 },
  { modules: ['jose'], path: ['importSPKI'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 1 },
  { modules: ['jose'], path: ['importPKCS8'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 1 },
  { modules: ['jose'], path: ['importX509'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 1 },
  { modules: ['jose'], path: ['importJWK'], algorithms: [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS], algorithmArg: 1, keyArg: 0 },
  { modules: ['jose'], path: ['generateKeyPair'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 0 },
  { modules: ['jose'], path: ['generateSecret'], algorithms: HMAC_ALGORITHMS, algorithmArg: 0 },
  { modules: ['jose'], path: ['createRemoteJWKSet'], algorithms: ASYMMETRIC_ALGORITHMS },
  { modules: ['jose'], path: ['createLocalJWKSet'], algorithms: ASYMMETRIC_ALGORITHMS },
  // jose 1.x/2.x: the key type follows the material (`JWK.asKey(secret)` is `oct`, PEM text asymmetric)
  { modules: ['jose'], path: ['JWK', 'asKey'], algorithms: [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS], keyArg: 0 },
  { modules: ['jwks-rsa'], path: ['expressJwtSecret'], algorithms: ASYMMETRIC_ALGORITHMS },
  { modules: ['jwks-rsa'], path: ['passportJwtSecret'], algorithms: ASYMMETRIC_ALGORITHMS },
];

/**
 * What is known about the algorithms a key can verify:
 * - `none`: nothing says;
 * - `conflict`: two pieces of evidence disagree (a `publicKey` holding `process.env.JWT_SECRET`);
 * - `algorithms`: the algorithms every piece of evidence allows.
 */
export type KeyAlgorithmEvidence =
  | { kind: 'none' }
  | { kind: 'conflict' }
  | { kind: 'algorithms'; algorithms: readonly string[] };

/** An algorithm named inside a name (`JWT_RS256_PUBLIC_KEY`, `jwtRS256.key`), canonical spelling. */
function algorithmInName(name: string): string | null {
  for (const m of name.matchAll(/(hs|rs|ps|es)(256|384|512)(?!\d)/gi)) {
    const before = m.index === 0 ? '' : name[m.index - 1]!;
    const upper = m[1] === m[1]!.toUpperCase();
    if (before === '' || !/[A-Za-z]/.test(before) || (upper && /[a-z]/.test(before))) return `${m[1]!.toUpperCase()}${m[2]}`;
  }
  return null;
}

/** What a name says about the key it holds (`publicKey`, `JWT_SECRET`, `config.jwt.secret` → `secret`). */
export function keyNameAlgorithms(name: string): readonly string[] | null {
  if (NEUTRAL_KEY_NAMES.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''))) return null;
  const named = algorithmInName(name);
  if (named) return [named];
  const words = nameWords(name);
  const hmac = words.some((w) => HMAC_WORDS.has(w));
  const rsa = words.includes('rsa');
  const ec = words.includes('ec') || words.includes('ecdsa');
  const ed = words.includes('eddsa');
  const asymmetric = rsa || ec || ed || words.some((w) => ASYMMETRIC_WORDS.has(w));
  if (hmac && asymmetric) return [];
  if (hmac) return HMAC_ALGORITHMS;
  if (rsa && !ec) return RSA_ALGORITHMS;
  if (ec && !rsa) return EC_ALGORITHMS;
  if (ed && !rsa && !ec) return EDDSA_ALGORITHMS;
  return asymmetric ? ASYMMETRIC_ALGORITHMS : null;
}

/** DER object identifiers (tag, length, value) of key types and EC curves. */
const OID_RSA = '06092a864886f70d010101';
const OID_EC = '06072a8648ce3d0201';
const OID_EDDSA = ['06032b6570', '06032b6571'];
const OID_CURVES: readonly [string, string][] = [
  ['06082a8648ce3d030107', 'ES256'],
  ['06052b81040022', 'ES384'],
  ['06052b81040023', 'ES512'],
  ['06052b8104000a', 'ES256K'],
];

/**
 * The algorithms a PEM (or JWK) key text verifies, read from its header and the key type inside:
 * RSA → the RS and PS algorithms, an EC key → the ES algorithm of its curve, Ed25519/Ed448 → EdDSA; any
 * public-key algorithm when the text cannot be read further; HMAC for a JWK of type `oct`.
 */
export function pemAlgorithms(text: string): readonly string[] {
  const kty = /"kty"\s*:\s*"(\w+)"/.exec(text)?.[1];
  if (kty !== undefined) {
    if (kty === 'oct') return HMAC_ALGORITHMS;
    if (kty === 'RSA') return RSA_ALGORITHMS;
    if (kty === 'EC') return EC_ALGORITHMS;
    if (kty === 'OKP') return EDDSA_ALGORITHMS;
  }
  if (/-----BEGIN RSA (?:PUBLIC|PRIVATE) KEY-----/.test(text)) return RSA_ALGORITHMS;
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return ASYMMETRIC_ALGORITHMS;
  const body = m[2]!
    .replace(/\\n/g, '\n')
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=]+$/.test(body)) return ASYMMETRIC_ALGORITHMS;
  const der = Buffer.from(body, 'base64');
  const has = (hex: string): boolean => der.indexOf(Buffer.from(hex, 'hex')) >= 0;
  const rsa = has(OID_RSA);
  const ec = has(OID_EC) || m[1] === 'EC PRIVATE KEY';
  const ed = OID_EDDSA.some(has);
  if (Number(rsa) + Number(ec) + Number(ed) !== 1) return ASYMMETRIC_ALGORITHMS;
  if (rsa) return RSA_ALGORITHMS;
  if (ed) return EDDSA_ALGORITHMS;
  for (const [oid, alg] of OID_CURVES) if (has(oid)) return [alg];
  return EC_ALGORITHMS;
}

/** A key written as text: a PEM/JWK says its type; any other string is a shared secret. */
function keyTextAlgorithms(text: string): readonly string[] {
  return looksLikeAsymmetricKey(text) ? pemAlgorithms(text) : HMAC_ALGORITHMS;
}

function canonicalAlgorithm(name: string): string | null {
  const upper = name.toUpperCase();
  return [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS].find((a) => a.toUpperCase() === upper) ?? null;
}

/**
 * What the key expression's provenance says about the algorithms it verifies: PEM text, a read of a
 * `*.pem`/`*.key`/`*.crt` file, a key factory (`createPublicKey`, `createSecretKey`, JWKS clients),
 * a JWK object, a string written in the code (a shared secret), and the names the value travels
 * through (`publicKey`, `privateKey`, `jwks`, `cert` → public-key algorithms; `secret`,
 * `JWT_SECRET`, `config.jwt.secret`, `user.jwtSecret` → HMAC). Names of containers are not
 * evidence: `secrets.jwtPublicKey` is a public key.
 */
export function keyAlgorithmEvidence(node: Node, sourceCode: SourceCode): KeyAlgorithmEvidence {
  const pieces: (readonly string[])[] = [];
  try {
    collectKeyEvidence(node, sourceCode, pieces, 0, new Set());
  } catch {
    return { kind: 'none' };
  }
  if (pieces.length === 0) return { kind: 'none' };
  let algorithms: readonly string[] = pieces[0]!;
  for (const piece of pieces.slice(1)) {
    algorithms = algorithms.filter((a) => piece.some((b) => b.toUpperCase() === a.toUpperCase()));
  }
  return algorithms.length === 0 ? { kind: 'conflict' } : { kind: 'algorithms', algorithms };
}

function collectKeyEvidence(raw: Node, sourceCode: SourceCode, out: (readonly string[])[], depth: number, seen: Set<Node>): void {
  if (depth > MAX_DEPTH || seen.has(raw)) return;
  seen.add(raw);
  const node = unwrap(raw);
  const add = (algorithms: readonly string[] | null): void => {
    if (algorithms) out.push(algorithms);
  };
  const next = (child: Node): void => collectKeyEvidence(child, sourceCode, out, depth + 1, seen);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string') add(keyTextAlgorithms(node.value));
      return;
    case AST_NODE_TYPES.TemplateLiteral: {
      const text = staticString(node, sourceCode);
      if (text !== null) {
        add(keyTextAlgorithms(text));
        return;
      }
      // `-----BEGIN PUBLIC KEY-----\n${process.env.KEY_BODY}\n-----END PUBLIC KEY-----`
      const quasis = node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('\n');
      if (/-----BEGIN RSA /.test(quasis)) add(RSA_ALGORITHMS);
      else if (/-----BEGIN EC /.test(quasis)) add(EC_ALGORITHMS);
      else if (/-----BEGIN [A-Z ]*(?:KEY|CERTIFICATE)-----/.test(quasis)) add(ASYMMETRIC_ALGORITHMS);
      return;
    }
    case AST_NODE_TYPES.AwaitExpression:
      next(node.argument);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      if (node.operator !== '&&') next(node.left);
      next(node.right);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      next(node.consequent);
      next(node.alternate);
      return;
    case AST_NODE_TYPES.ObjectExpression: {
      const kty = getProperty(node, 'kty');
      const type = kty ? staticString(kty.value, sourceCode) : null;
      if (type !== null) add(pemAlgorithms(`{"kty":"${type}"}`));
      if (getProperty(node, 'passphrase')) add(ASYMMETRIC_ALGORITHMS);
      const key = getProperty(node, 'key');
      if (key) next(key.value);
      return;
    }
    case AST_NODE_TYPES.Identifier: {
      const env = envVariableName(node, sourceCode);
      if (env !== null) {
        add(keyNameAlgorithms(env));
        return;
      }
      add(keyNameAlgorithms(node.name));
      const variable = findVar(sourceCode, node);
      if (!variable || variable.defs.length !== 1) return;
      const def = variable.defs[0]!;
      if (def.type === 'Parameter') {
        const param = def.name.parent;
        if (param?.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name) next(param.right);
        return;
      }
      const value = singleValue(variable);
      if (!value) return;
      if (value.path.length === 0) {
        next(value.init);
        return;
      }
      const resolved = resolveValueNode(node, sourceCode);
      if (resolved && resolved !== node) next(resolved);
      else if (value.defaultValue) next(value.defaultValue);
      else {
        // `const { publicKey } = generateKeyPairSync('ec', …)`, `= await generateKeyPair('ES256')`
        const init = unwrap(value.init);
        if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.AwaitExpression) next(init);
      }
      return;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const env = envVariableName(node, sourceCode);
      if (env !== null) {
        add(keyNameAlgorithms(env));
        return;
      }
      const name = memberName(node);
      if (name === null) return;
      add(keyNameAlgorithms(name));
      if (unwrap(node.object).type === AST_NODE_TYPES.ThisExpression) {
        const field = readonlyField(node, name);
        if (field) next(field);
        return;
      }
      const resolved = resolveValueNode(node, sourceCode);
      if (resolved && resolved !== node) next(resolved);
      return;
    }
    case AST_NODE_TYPES.CallExpression:
      callKeyEvidence(node, sourceCode, out, next);
      return;
    default:
      return;
  }
}

function callKeyEvidence(
  node: TSESTree.CallExpression,
  sourceCode: SourceCode,
  out: (readonly string[])[],
  next: (child: Node) => void,
): void {
  const callee = unwrap(node.callee);
  const name = calleeName(node);
  const arg = (i: number): Node | null => {
    const a = argAt(node, i);
    return a && a.type !== AST_NODE_TYPES.SpreadElement ? a : null;
  };
  const first = arg(0);
  const ref = resolveModule(callee, sourceCode);
  if (ref) {
    if (FILE_READERS.some((r) => isModulePath(ref, r.modules, r.path))) {
      if (first) keyFileEvidence(first, sourceCode, out, 0);
      return;
    }
    for (const row of KEY_FACTORY_EVIDENCE) {
      if (!isModulePath(ref, row.modules, row.path)) continue;
      let algorithms = row.algorithms;
      const alg = row.algorithmArg === undefined ? null : arg(row.algorithmArg);
      const named = alg ? staticString(alg, sourceCode) : null;
      const canonical = named === null ? null : canonicalAlgorithm(named);
      if (canonical) algorithms = [canonical];
      const typeNode = row.typeArg === undefined ? null : arg(row.typeArg);
      const type = typeNode ? staticString(typeNode, sourceCode) : null;
      if (type === 'rsa' || type === 'rsa-pss') algorithms = RSA_ALGORITHMS;
      else if (type === 'ec') algorithms = EC_ALGORITHMS;
      else if (type === 'ed25519' || type === 'ed448') algorithms = EDDSA_ALGORITHMS;
      out.push(algorithms);
      const key = row.keyArg === undefined ? null : arg(row.keyArg);
      if (key) next(key);
      return;
    }
    // A secret store may hold a key of any kind.
    if (SECRET_SOURCES.some((s) => fromModule(ref, s.modules) && name !== null && s.methods.includes(name))) return;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    if (name !== null && KEY_PASS_THROUGH.has(name)) {
      next(object);
      return;
    }
    if (name === 'from' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Buffer' && first) {
      next(first);
      return;
    }
    if (name === 'encode' && object.type === AST_NODE_TYPES.NewExpression && calleeName(object) === 'TextEncoder' && first) {
      next(first);
      return;
    }
    if (name !== null && CONFIG_GETTERS.has(name) && first) {
      // `configService.get('JWT_PUBLIC_KEY')`, `config.get('auth.jwt.secret')`: the last segment names it.
      const key = staticString(first, sourceCode);
      if (key !== null) {
        const segment = key.split(/[.:/]/).pop() ?? key;
        const found = keyNameAlgorithms(segment);
        if (found) out.push(found);
        const fallback = arg(1);
        if (fallback && name === 'get') next(fallback);
        return;
      }
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && !findVar(sourceCode, callee)?.defs.length && first) {
    next(first);
    return;
  }
  if (!ref && (name === 'readFileSync' || name === 'readFile') && first) {
    keyFileEvidence(first, sourceCode, out, 0);
    return;
  }
  // `getPublicKey()`, `loadJwtSecret()`: the function's name.
  if (name !== null) {
    const found = keyNameAlgorithms(name);
    if (found) out.push(found);
  }
}

/** Evidence from the path of a key file: its extension, its base name and the names that build it. */
function keyFileEvidence(raw: Node, sourceCode: SourceCode, out: (readonly string[])[], depth: number): void {
  if (depth > 4) return;
  const node = unwrap(raw);
  const text = staticString(node, sourceCode);
  if (text !== null) {
    const base = text.split(/[\\/]/).pop() ?? '';
    if (KEY_FILE.test(base)) out.push(ASYMMETRIC_ALGORITHMS);
    const named = keyNameAlgorithms(base.replace(/\.[^.]*$/, ''));
    if (named) out.push(named);
    return;
  }
  const again = (child: Node): void => keyFileEvidence(child, sourceCode, out, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      const last = node.quasis[node.quasis.length - 1];
      const tail = (last ? (last.value.cooked ?? last.value.raw) : '').split(/[\\/]/).pop() ?? '';
      if (KEY_FILE.test(tail)) out.push(ASYMMETRIC_ALGORITHMS);
      const named = tail.includes('.') ? keyNameAlgorithms(tail.replace(/\.[^.]*$/, '')) : null;
      if (named) out.push(named);
      for (const expression of node.expressions) again(expression);
      return;
    }
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator === '+') {
        again(node.left);
        again(node.right);
      }
      return;
    case AST_NODE_TYPES.CallExpression:
      // `path.join(__dirname, 'keys', 'public.pem')`: the last argument names the file.
      for (const a of node.arguments.slice(-1)) if (a.type !== AST_NODE_TYPES.SpreadElement) again(a);
      return;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const env = envVariableName(node, sourceCode);
      const name = env ?? (node.type === AST_NODE_TYPES.Identifier ? node.name : memberName(node));
      const found = name === null ? null : keyNameAlgorithms(name);
      if (found) out.push(found);
      return;
    }
    default:
      return;
  }
}

function isKnownAlgorithm(name: string): boolean {
  return isHmacAlgorithm(name) || isAsymmetricAlgorithm(name);
}

/**
 * The algorithm allow-list the evidence supports for a verification, or null when evidence is
 * missing or conflicting:
 * - the algorithms this file signs with, when they are of one family and the key allows them;
 * - otherwise the key's evidence: one algorithm when it names one, `HS256` for a shared secret,
 *   `RS256` for a public/private key of unknown type (RSA when nothing narrows it).
 */
export function evidencedAlgorithms(key: KeyAlgorithmEvidence, signed: readonly string[]): string[] | null {
  if (key.kind === 'conflict') return null;
  const distinct: string[] = [];
  for (const name of signed) {
    if (!isKnownAlgorithm(name) || distinct.some((d) => d.toUpperCase() === name.toUpperCase())) continue;
    distinct.push(name);
  }
  if (distinct.length > 0) {
    if (distinct.some(isHmacAlgorithm) && distinct.some(isAsymmetricAlgorithm)) return null;
    if (key.kind === 'algorithms' && !distinct.every((a) => key.algorithms.some((k) => k.toUpperCase() === a.toUpperCase()))) {
      return null;
    }
    return distinct;
  }
  if (key.kind !== 'algorithms') return null;
  const { algorithms } = key;
  if (algorithms.length === 1) return [algorithms[0]!];
  if (algorithms.every(isHmacAlgorithm) && algorithms.includes('HS256')) return ['HS256'];
  if (algorithms.every(isAsymmetricAlgorithm) && algorithms.includes('RS256')) return ['RS256'];
  return null;
}

// ---------------------------------------------------------------------------------------------
// Library versions

/**
 * The release from which each library verifies with jsonwebtoken 9, which — when `algorithms` is
 * not given — accepts only the algorithms that fit the key's type (HMAC for a secret, RSA/PSS for an
 * RSA key, ECDSA for an EC key) and never `none`. jsonwebtoken 8.5.1 and earlier defaulted to `none`
 * for an empty key and chose the list from the key's text (CVE-2022-23540, CVE-2022-23541).
 * passport-jwt 4.0.1 moved to jsonwebtoken 9 (4.0.0 used 8); @nestjs/jwt 10.0.0 did (9 used 8).
 * The range read is that of the library the call was resolved to by import.
 */
export const ALGORITHM_RESTRICTING_RELEASES: Readonly<Record<string, { since: string; via?: string }>> = {
  jsonwebtoken: { since: '9.0.0' },
  'passport-jwt': { since: '4.0.1', via: 'jsonwebtoken 9' },
  '@nestjs/jwt': { since: '10.0.0', via: 'jsonwebtoken 9' },
};

/**
 * Whether the library a verification runs in restricts algorithms to the key's type by itself,
 * judged by the range the project declares for it:
 * - `restricts`: every declared version does;
 * - `may-not-restrict`: the range admits an earlier version;
 * - `key-typed`: the entry point exists only in versions that accept only the key's own algorithms
 *   (jose 1.x/2.x `JWT.verify()`, whose `algorithms` default is "all algorithms of the key"); no
 *   `package.json` is read;
 * - `unknown`: no declaration found, or it cannot be read;
 * - `not-applicable`: the library has no such version boundary.
 * Reads `package.json` (once per file and package); call it only when the answer decides something.
 */
export function verifierRestrictsAlgorithms(
  call: JwtCall,
  sourceCode: SourceCode,
  filename: string,
):
  | { kind: 'restricts'; library: string; range: string; via?: string }
  | { kind: 'key-typed'; library: string; majors: string }
  | { kind: 'may-not-restrict' | 'unknown'; library: string }
  | { kind: 'not-applicable' } {
  // jose 1.x/2.x `JWT.verify()`: the API itself says the version, and it accepts only the key's algorithms.
  if (call.entry.algorithmsFromKey) return { kind: 'key-typed', library: call.library, majors: call.entry.majors ?? '' };
  const release = ALGORITHM_RESTRICTING_RELEASES[call.library];
  if (!release) return { kind: 'not-applicable' };
  const declaration = declaredDependency(sourceCode, filename, call.library);
  const atLeast = declarationAtLeast(declaration, release.since);
  if (atLeast === null || declaration.kind !== 'declared') return { kind: 'unknown', library: call.library };
  if (!atLeast) return { kind: 'may-not-restrict', library: call.library };
  const range = declaration.ranges.map((r) => r.range).join(', ');
  return release.via ? { kind: 'restricts', library: call.library, range, via: release.via } : { kind: 'restricts', library: call.library, range };
}
