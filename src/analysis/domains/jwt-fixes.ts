/** Wording and fixes for JWT findings: how a call is named, option fixes, env-variable names for secrets. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getProperty, isFunction, memberName, propertyName, unwrap } from '../core/ast.js';
import { type SourceCode } from '../core/cache.js';
import { type JwtCall } from './jwt.js';


type Node = TSESTree.Node;

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
