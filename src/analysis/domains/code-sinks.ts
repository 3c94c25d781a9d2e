/**
 * Does this call run or compile its argument as code? Global `eval` and `Function` (called or
 * constructed, also through `globalThis`), `vm` scripts and contexts, `require()` / `import()` of a
 * computed specifier, and template compilers whose templates can hold JavaScript (ejs, pug,
 * Handlebars, nunjucks, lodash/underscore `template`, doT), resolved by import.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { NEW, resolveModule } from '../core/modules.js';
import { CODE_SINK_METHODS, CODE_SINKS, GLOBAL_CODE_FUNCTIONS, GLOBAL_OBJECTS } from '../../catalog/code-sinks.js';

type Node = TSESTree.Node;

export interface CodeSinkCall {
  /** `code`: evaluated as JavaScript; `module`: a module specifier loaded and run; `template`: compiled as a template. */
  kind: 'code' | 'module' | 'template';
  /** The arguments holding the code, specifier or template text. */
  inputs: Node[];
  /** The module the sink was resolved to, or null for globals. */
  module: string | null;
}

function isGlobal(node: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  return !findVar(sourceCode, node)?.defs.length;
}

/** `eval`, `Function`, `globalThis.eval`: the global function's name, or null. */
function globalName(callee: Node, sourceCode: SourceCode): string | null {
  const c = unwrap(callee);
  if (c.type === AST_NODE_TYPES.Identifier) return isGlobal(c, sourceCode) ? c.name : null;
  if (c.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(c.object);
    if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && isGlobal(object, sourceCode)) return memberName(c);
  }
  return null;
}

function plainArgs(node: TSESTree.CallExpression | TSESTree.NewExpression): Node[] {
  return node.arguments.filter((a) => a.type !== AST_NODE_TYPES.SpreadElement);
}

/** Cheap pre-check on the callee's name alone. */
export function mayBeCodeSink(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(node.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
  return name !== null && (GLOBAL_CODE_FUNCTIONS.has(name) || name === 'require' || CODE_SINK_METHODS.has(name) || name === 'Script' || name === 'SourceTextModule');
}

/** The code sink `node` is, or null. */
export function codeSink(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression, sourceCode: SourceCode): CodeSinkCall | null {
  if (node.type === AST_NODE_TYPES.ImportExpression) return { kind: 'module', inputs: [node.source], module: null };
  if (!mayBeCodeSink(node)) return null;
  const global = globalName(node.callee, sourceCode);
  if (global !== null && GLOBAL_CODE_FUNCTIONS.has(global)) {
    const args = plainArgs(node);
    // `eval(text)` evaluates its first argument; `Function(a, b, body)` compiles every argument.
    return { kind: 'code', inputs: global === 'eval' ? args.slice(0, 1) : args, module: null };
  }
  if (global === 'require' && node.type === AST_NODE_TYPES.CallExpression) {
    const first = node.arguments[0];
    return first && first.type !== AST_NODE_TYPES.SpreadElement ? { kind: 'module', inputs: [first], module: null } : null;
  }
  const ref = resolveModule(unwrap(node.callee), sourceCode);
  if (!ref) return null;
  const path = node.type === AST_NODE_TYPES.NewExpression ? [...ref.path, NEW] : ref.path;
  const row = CODE_SINKS.find((s) => s.modules.includes(ref.module) && s.path.length === path.length && s.path.every((p, i) => p === path[i]));
  if (!row) return null;
  const input = node.arguments[row.argument];
  if (!input || input.type === AST_NODE_TYPES.SpreadElement) return null;
  return { kind: row.kind, inputs: [input], module: ref.module };
}
