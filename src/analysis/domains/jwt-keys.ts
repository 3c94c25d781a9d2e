/** What a JWT key or secret is and where it comes from: a literal, an env fallback, a secret store, a key object, a file. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { ancestorOfType, calleeName, findVar, memberName, propertyName, singleValue, unwrap } from '../core/ast.js';
import { type SourceCode } from '../core/cache.js';
import { fromModule, isModulePath, resolveModule } from '../core/modules.js';
import { staticString } from '../core/static-value.js';
import { FILE_READERS, KEY_OBJECT_FACTORIES, SECRET_READER_NAMES, SECRET_SOURCES } from '../../catalog/jwt.js';
import { MAX_DEPTH, resolveValueNode, resolveObject, memberValue } from '../core/object-values.js';


type Node = TSESTree.Node;

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

export const CONFIG_GETTERS = new Set(['get', 'getOrThrow', 'getString', 'require', 'required']);

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
export function readonlyField(node: Node, name: string): Node | null {
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
