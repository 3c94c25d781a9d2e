/**
 * Is this call a deserializer that can run code, and is it unsafe as called? node-serialize
 * `unserialize`, funcster, cryo (always), js-yaml `load` / `loadAll` (with the full schema, which
 * is the default before js-yaml 4: read from the project's declared version, or an explicit
 * `schema: DEFAULT_FULL_SCHEMA`). Resolved by import.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, getProperty, memberName, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { declarationAtLeast, declaredDependency } from '../core/dependencies.js';
import { resolveModule } from '../core/modules.js';
import { resolveObject } from '../core/object-values.js';
import { DESERIALIZER_METHODS, DESERIALIZERS, JS_YAML_SAFE_SINCE, SAFE_YAML_SCHEMAS, UNSAFE_YAML_SCHEMAS, type Deserializer } from '../../catalog/deserialization.js';

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
