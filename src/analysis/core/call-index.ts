import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName } from './ast.js';
import { perFileCache, type SourceCode } from './cache.js';

type CallExpression = TSESTree.CallExpression;

/** The file's calls grouped by callee name, read once per file. */
interface CallIndex {
  /** Calls by `calleeName()`: `foo()` and `a.b.foo()` under `foo`, `a['foo']()` too. */
  named: ReadonlyMap<string, readonly CallExpression[]>;
  /**
   * Calls whose callee is not a plain name or a plain `.name` member (`a[b]()`, `(0, f)()`,
   * `f()()`, `(x as T)()`, `a['foo']()`): rules that read the callee's shape themselves look at
   * these too.
   */
  irregular: readonly CallExpression[];
}

/** One step of ESLint's traversal of the file, as `SourceCode#traverse()` gives it. */
interface TraversalStep {
  kind?: unknown;
  phase?: unknown;
  target?: unknown;
}

function isPlainCallee(callee: TSESTree.Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.Identifier ||
    (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier)
  );
}

function addCall(node: CallExpression, named: Map<string, CallExpression[]>, irregular: CallExpression[]): void {
  const name = calleeName(node);
  if (name !== null) {
    const list = named.get(name);
    if (list) list.push(node);
    else named.set(name, [node]);
  }
  if (name === null || !isPlainCallee(node.callee)) irregular.push(node);
}

/**
 * The file's calls in traversal order. ESLint traverses the file once before any rule runs and
 * keeps the steps on the `SourceCode` (`traverse()`, ESLint 9 and 10): reading them costs a
 * fraction of a walk of our own, which is the fallback for a `SourceCode` without them.
 */
const callIndex = perFileCache((sourceCode): CallIndex => {
  const named = new Map<string, CallExpression[]>();
  const irregular: CallExpression[] = [];
  const traverse = (sourceCode as { traverse?: () => unknown }).traverse;
  const steps = typeof traverse === 'function' ? (traverse.call(sourceCode) as unknown) : null;
  if (Array.isArray(steps) && steps.length > 0 && (steps[0] as TraversalStep).kind === 1) {
    const list = steps as readonly TraversalStep[];
    for (let i = 0; i < list.length; i++) {
      const step = list[i]!;
      // Phase 1 is a node's entry (2 its exit; code-path events have no phase).
      if (step.phase !== 1) continue;
      const node = step.target as TSESTree.Node;
      if (node.type === AST_NODE_TYPES.CallExpression) addCall(node, named, irregular);
    }
    return { named, irregular };
  }
  const keys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const stack: TSESTree.Node[] = [sourceCode.ast];
  const found: CallExpression[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression) found.push(node);
    const childKeys = keys[node.type];
    if (!childKeys) continue;
    for (let i = childKeys.length - 1; i >= 0; i--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[i]!];
      if (Array.isArray(value)) {
        for (let j = value.length - 1; j >= 0; j--) {
          const child = value[j] as TSESTree.Node | null;
          if (child && typeof child.type === 'string') stack.push(child);
        }
      } else if (value && typeof (value as TSESTree.Node).type === 'string') {
        stack.push(value as TSESTree.Node);
      }
    }
  }
  for (const node of found) addCall(node, named, irregular);
  return { named, irregular };
});

const selections = perFileCache(() => new Map<ReadonlySet<string>, readonly CallExpression[]>());
const selectionsWithIrregular = perFileCache(() => new Map<ReadonlySet<string>, readonly CallExpression[]>());

/**
 * The file's calls whose callee name (`calleeName()`) is one of `names`, in source order; with
 * `irregular`, also every call whose callee is not a plain name or `.name` member. A rule that
 * looks only at calls of known names visits these once (from its `Program` listener) instead of
 * listening on every `CallExpression` of every file. Pass a `Set` made once at module level: the
 * answer is kept per file and per set.
 */
export function callsNamed(sourceCode: SourceCode, names: ReadonlySet<string>, irregular = false): readonly CallExpression[] {
  const cache = (irregular ? selectionsWithIrregular : selections)(sourceCode);
  const known = cache.get(names);
  if (known) return known;
  const index = callIndex(sourceCode);
  const found: CallExpression[] = [];
  for (const name of names) {
    const list = index.named.get(name);
    if (list) for (const call of list) found.push(call);
  }
  if (irregular && index.irregular.length > 0) {
    const seen = new Set(found);
    for (const call of index.irregular) if (!seen.has(call)) found.push(call);
  }
  found.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  cache.set(names, found);
  return found;
}
