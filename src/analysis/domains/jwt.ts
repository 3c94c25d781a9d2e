import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { ancestorOfType, calleeName, findVar, getProperty, hasSpread, isFunction, memberName, propertyName, singleValue, unwrap } from '../core/ast.js';
import { perFileCache, perNodeCache, type SourceCode } from '../core/cache.js';

import { CALL, NEW, fromModule, isModulePath, promisifiedFunction, resolveModule, type ModuleRef } from '../core/modules.js';

import { includesAny, textGate } from '../core/source-text.js';

import { staticString, staticValue } from '../core/static-value.js';

import { ASYMMETRIC_ALGORITHMS, HMAC_ALGORITHMS, JWT_ENTRIES, type JwtEntry, type JwtEntryOperation } from '../../catalog/jwt.js';
import { resolveObject, hasMember, memberValue, returnedExpression, isObjectOpen, resolveValueNode, hasUnknownKey } from '../core/object-values.js';


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

const matchCached = perNodeCache(match);

/** `util.promisify` / bluebird `promisify` can only be reached in a file that spells the name. */

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
  return matchCached(node, sourceCode);
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

export function argAt(node: TSESTree.CallExpression | TSESTree.NewExpression, index: number | undefined): Node | undefined {
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
