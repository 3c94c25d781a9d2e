/**
 * Functions of the file called by name: which function a call runs (`readReport(name)` with
 * `function readReport(file) {…}` or `const readReport = (file) => …` in the file), where in the
 * file a function is called, which argument feeds a parameter, and what it returns. For following
 * data into and out of the file's own helpers.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { childNodes, findVar, isFunction, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';

type Node = TSESTree.Node;

/** Most `return` statements, nodes and call sites read per function; beyond that the function is not followed. */
const MAX_SCAN = 4000;
const MAX_CALL_SITES = 50;

const cache = perFileCache(() => ({
  returns: new Map<FunctionNode, readonly Node[] | null>(),
  sites: new Map<FunctionNode, readonly TSESTree.CallExpression[]>(),
}));

/** The variable a function is bound to by name: its declaration's id, or the `const` it is the initializer of. */
function bindingOf(fn: FunctionNode, sourceCode: SourceCode): TSESLint.Scope.Variable | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ? findVar(sourceCode, fn.id) : null;
  let child: Node = fn;
  let parent = fn.parent;
  while (parent && (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVar(sourceCode, parent.id);
  // Reassigned names may run something else.
  if (!variable || variable.references.some((ref) => ref.isWrite() && ref.writeExpr !== parent.init)) return null;
  return variable;
}

/** The function of this file that calling `callee` runs, when it is called by a name bound once to it. */
export function localFunction(callee: Node, sourceCode: SourceCode): FunctionNode | null {
  const target = unwrap(callee);
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVar(sourceCode, target);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  let fn: Node | null | undefined = null;
  if (def.type === 'FunctionName') fn = def.node;
  else if (def.type === 'Variable' && def.node.init) fn = unwrap(def.node.init);
  if (!isFunction(fn)) return null;
  return bindingOf(fn, sourceCode) === variable ? fn : null;
}

/** The calls of `fn` by its name in this file (`readReport(x)`), up to a bound; empty when it has no name. */
export function callSites(fn: FunctionNode, sourceCode: SourceCode): readonly TSESTree.CallExpression[] {
  const sites = cache(sourceCode).sites;
  let result = sites.get(fn);
  if (result) return result;
  const found: TSESTree.CallExpression[] = [];
  const variable = bindingOf(fn, sourceCode);
  for (const ref of variable?.references ?? []) {
    let child: Node = ref.identifier as Node;
    let parent = child.parent;
    while (parent && (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression)) {
      child = parent;
      parent = parent.parent;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child) found.push(parent);
    if (found.length >= MAX_CALL_SITES) break;
  }
  result = found;
  sites.set(fn, result);
  return result;
}

/** The index of the parameter of `fn` that binds `name` (directly, with a default, by destructuring or as a rest), or -1. */
export function parameterIndex(fn: FunctionNode, name: Node): number {
  for (let i = 0; i < fn.params.length; i++) {
    const param = fn.params[i]!;
    if (param.range[0] <= name.range[0] && name.range[1] <= param.range[1]) return i;
  }
  return -1;
}

/**
 * The arguments of `call` that feed parameter `index` of the function it runs: the argument at
 * that position (all from there on for a rest parameter), or the parameter's default when the call
 * passes none; empty when unknown (a spread before it).
 */
export function argumentsFor(fn: FunctionNode, call: TSESTree.CallExpression, index: number): Node[] {
  const param = fn.params[index];
  if (!param) return [];
  for (let i = 0; i < index && i < call.arguments.length; i++) if (call.arguments[i]!.type === AST_NODE_TYPES.SpreadElement) return [];
  const value = (arg: TSESTree.CallExpressionArgument): Node => (arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
  if (param.type === AST_NODE_TYPES.RestElement) return call.arguments.slice(index).map(value);
  const arg = call.arguments[index];
  if (arg) return [value(arg)];
  return param.type === AST_NODE_TYPES.AssignmentPattern ? [param.right] : [];
}

/** The expressions `fn` returns: its expression body, or the arguments of its `return` statements (nested functions aside); null when too large to read. */
export function returnedExpressions(fn: FunctionNode, sourceCode: SourceCode): readonly Node[] | null {
  const returns = cache(sourceCode).returns;
  if (returns.has(fn)) return returns.get(fn) ?? null;
  let result: Node[] | null = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) result.push(fn.body);
  else {
    const stack: Node[] = [fn.body];
    let visited = 0;
    while (stack.length > 0) {
      if (++visited > MAX_SCAN) {
        result = null;
        break;
      }
      const node = stack.pop()!;
      if (node.type === AST_NODE_TYPES.ReturnStatement) {
        if (node.argument) result.push(node.argument);
        continue;
      }
      if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
      // Expressions hold no `return`: only statements need reading.
      if (node.type.endsWith('Expression') || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal) continue;
      stack.push(...childNodes(node));
    }
  }
  returns.set(fn, result);
  return result;
}
