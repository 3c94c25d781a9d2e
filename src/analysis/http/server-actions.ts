/**
 * Next.js server actions: functions marked `'use server'` (in their body, or exported from a file
 * that starts with the directive) run on the server when a client calls them, so every argument —
 * the `FormData` of a form action included — is whatever the client sent.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { quotedAny } from '../core/source-text.js';
import type { RequestSource } from './request-sources.js';

type Node = TSESTree.Node;

/** Whether the file spells the `'use server'` directive: otherwise it holds no server action. */
export const mayHaveActions = quotedAny(['use server']);

function hasUseServer(body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[]): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !('directive' in statement) || typeof statement.directive !== 'string') return false;
    if (statement.directive === 'use server') return true;
  }
  return false;
}

const fileIsActions = perFileCache((sourceCode) => hasUseServer(sourceCode.ast.body));

/** Whether `fn` is exported from the file (`export async function f`, `export const f = async () => …`, `export default`). */
function isExported(fn: FunctionNode): boolean {
  let node: Node | undefined = fn.parent;
  if (node?.type === AST_NODE_TYPES.VariableDeclarator) node = node.parent?.parent;
  return node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** A parameter of a server action: client data. */
export function serverActionSource(node: TSESTree.Identifier, sourceCode: SourceCode): RequestSource | null {
  if (!mayHaveActions(sourceCode)) return null;
  const variable = findVar(sourceCode, node);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Parameter' || variable!.defs.length !== 1) return null;
  const fn = def.node as Node;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return null;
  if (!fn.async) return null;
  const marked = (fn.body.type === AST_NODE_TYPES.BlockStatement && hasUseServer(fn.body.body)) || (fileIsActions(sourceCode) && isExported(fn));
  return marked ? { role: 'value', text: node.name, node } : null;
}
