/**
 * Is this call a deserializer that can run code, and is it unsafe as called? node-serialize
 * `unserialize`, funcster, cryo (always), js-yaml `load` / `loadAll` (with the full schema, which
 * is the default before js-yaml 4: read from the project's declared version, or an explicit
 * `schema: DEFAULT_FULL_SCHEMA`). Resolved by import.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, getProperty, isFunction, isGlobalReference, memberName, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { declarationAtLeast, declaredDependency } from '../core/dependencies.js';
import { resolveModule } from '../core/modules.js';
import { resolveObject } from '../core/object-values.js';
import { staticValue, stringComposition } from '../core/static-value.js';
import { argumentsFor, callSites, parameterIndex } from '../flow/local-functions.js';
import { DESERIALIZER_METHODS, DESERIALIZERS, EVAL_FUNCTIONS, EVAL_SERIALIZER_MODULES, JS_YAML_SAFE_SINCE, SAFE_YAML_SCHEMAS, UNSAFE_YAML_SCHEMAS, type Deserializer } from '../../catalog/deserialization.js';

type Node = TSESTree.Node;

export interface UnsafeDeserialization {
  row: Deserializer;
  module: string;
  /** The serialized input. */
  input: Node;
  /** For js-yaml: why the call is unsafe. */
  yamlReason?: 'schema' | 'version';
}

/**
 * The unsafe deserialization `node` performs, or null (not a deserializer, a safe schema, or a
 * js-yaml whose declared version is 4 or later or unknown). `filename` is the linted file's path,
 * to find the `package.json` declaring js-yaml.
 */
export function unsafeDeserialization(node: TSESTree.CallExpression, sourceCode: SourceCode, filename: string): UnsafeDeserialization | null {
  const name = calleeName(node);
  if (name === null || !DESERIALIZER_METHODS.has(name)) return null;
  const ref = resolveModule(unwrap(node.callee), sourceCode);
  if (!ref) return null;
  const row = DESERIALIZERS.find((d) => d.modules.includes(ref.module) && d.path.length === ref.path.length && d.path.every((p, i) => p === ref.path[i]));
  if (!row) return null;
  const input = node.arguments[row.argument];
  if (!input || input.type === AST_NODE_TYPES.SpreadElement) return null;
  if (row.danger === 'always') return { row, module: ref.module, input };
  // `load(text, options)`; `loadAll(text, iterator, options)` or `loadAll(text, options)`.
  let optionsArg = node.arguments[row.argument + 1];
  if (optionsArg && (optionsArg.type === AST_NODE_TYPES.ArrowFunctionExpression || optionsArg.type === AST_NODE_TYPES.FunctionExpression)) {
    optionsArg = node.arguments[row.argument + 2];
  }
  const options = optionsArg && optionsArg.type !== AST_NODE_TYPES.SpreadElement ? resolveObject(optionsArg, sourceCode) : null;
  const schema = options && getProperty(options, 'schema');
  if (schema) {
    const schemaName = nameOf(schema.value);
    if (schemaName && UNSAFE_YAML_SCHEMAS.has(schemaName)) return { row, module: ref.module, input, yamlReason: 'schema' };
    return null; // a safe or custom schema
  }
  if (optionsArg && !options) return null; // options not known
  const atLeast = declarationAtLeast(declaredDependency(sourceCode, filename, 'js-yaml'), JS_YAML_SAFE_SINCE);
  return atLeast === false ? { row, module: ref.module, input, yamlReason: 'version' } : null;
}

function nameOf(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return memberName(n);
  return null;
}

/** Whether a js-yaml schema name is one without JavaScript types. */
export function isSafeYamlSchema(name: string): boolean {
  return SAFE_YAML_SCHEMAS.has(name);
}

/** `(` before and `)` after a value: an object literal evaluated as an expression. */
const EVAL_OPEN = /^\s*\(\s*$/;
const EVAL_CLOSE = /^\s*\)\s*;?\s*$/;
/** `return ` (after an optional `'use strict';`, with an optional `(`) before a value, for `new Function`. */
const RETURN_OPEN = /^\s*(?:(['"])use strict\1;?\s*)?return\s*\(?\s*$/;
const RETURN_CLOSE = /^\s*\)?\s*;?\s*$/;

/**
 * The serialized text revived by evaluating it, the way serialize-javascript's output is read back:
 * `eval('(' + text + ')')`, `` eval(`(${text})`) ``, `new Function('return ' + text)` or
 * `Function('"use strict"; return (' + text + ')')`, on the global `eval`/`Function`. Null for any
 * other code: the caller decides whether the file serializes with such a library.
 */
export function serializedRevival(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): Node | null {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !EVAL_FUNCTIONS.has(callee.name) || !isGlobalReference(sourceCode, callee)) return null;
  if (callee.name === 'eval' && node.type === AST_NODE_TYPES.NewExpression) return null;
  const code = callee.name === 'eval' ? node.arguments[0] : node.arguments[node.arguments.length - 1];
  if (!code || code.type === AST_NODE_TYPES.SpreadElement) return null;
  const composition = stringComposition(code, sourceCode);
  if (!composition.exact) return null;
  const dynamic = composition.parts.filter((p) => p.kind === 'dynamic');
  if (dynamic.length !== 1) return null;
  const index = composition.parts.indexOf(dynamic[0]!);
  const before = composition.parts.slice(0, index).map((p) => (p.kind === 'static' ? p.value : '')).join('');
  const after = composition.parts.slice(index + 1).map((p) => (p.kind === 'static' ? p.value : '')).join('');
  const [open, close] = callee.name === 'eval' ? [EVAL_OPEN, EVAL_CLOSE] : [RETURN_OPEN, RETURN_CLOSE];
  return open.test(before) && close.test(after) ? dynamic[0]!.node : null;
}

/**
 * Whether revived text is the file's own serialization (`eval('(' + serialize(state) + ')')`, a deep
 * copy), directly or through a parameter of a helper of the file that every call feeds with one
 * (or with a constant). A helper no call of the file reaches is not known to be.
 */
export function isOwnSerialization(input: Node, sourceCode: SourceCode, depth = 0): boolean {
  const target = unwrap(input);
  if (staticValue(target, sourceCode) !== undefined) return true;
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const ref = resolveModule(unwrap(target.callee), sourceCode);
    return !!ref && EVAL_SERIALIZER_MODULES.includes(ref.module);
  }
  if (target.type !== AST_NODE_TYPES.Identifier || depth > 2) return false;
  const def = findVar(sourceCode, target)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const fn = def.node;
  if (!isFunction(fn)) return false;
  const index = parameterIndex(fn, def.name);
  const sites = callSites(fn, sourceCode);
  if (index < 0 || sites.length === 0) return false;
  return sites.every((call) => {
    const args = argumentsFor(fn, call, index);
    return args.length > 0 && args.every((arg) => isOwnSerialization(arg, sourceCode, depth + 1));
  });
}
