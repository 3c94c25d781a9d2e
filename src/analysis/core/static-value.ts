import { getStaticValue } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, childNodes, findVar, isFunction, memberName, singleValue, unwrap, writtenValues } from './ast.js';
import { perFileCache, type SourceCode } from './cache.js';
import { isModulePath, resolveModule } from './modules.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/**
 * Answers of {@link staticValue} already given in the file, by node: unknown (`null`) or a
 * primitive value (`{ value }`; an object or array is computed afresh each time, so no caller can
 * change another's value).
 */
const knownValues = perFileCache(() => new Map<Node, { readonly value: unknown } | null>());

/** What a node evaluates to when that is known without running the program; `undefined` when unknown. */
export function staticValue(node: Node, sourceCode: SourceCode): { value: unknown } | undefined {
  const known = knownValues(sourceCode);
  const cached = known.get(node);
  if (cached !== undefined) return cached === null ? undefined : { value: cached.value };
  const result = computeStaticValue(node, sourceCode);
  if (result === undefined) known.set(node, null);
  else if (result.value === null || (typeof result.value !== 'object' && typeof result.value !== 'function')) known.set(node, { value: result.value });
  return result;
}

function computeStaticValue(node: Node, sourceCode: SourceCode): { value: unknown } | undefined {
  const result = getStaticValue(unwrap(node) as never, sourceCode.getScope(node) as never);
  if (!result) return undefined;
  // `const parts = []` evaluates to `[]` even when `parts` is filled later (`addFilters(parts)`):
  // a value read through an array or object literal that is changed anywhere is not constant.
  if (readsMutatedLiteral(unwrap(node), sourceCode)) return undefined;
  return { value: result.value };
}

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'delete', 'add', 'clear']);

/** Read-only functions that may be handed a literal without changing it. */
export const NON_MUTATING_CALLS = new Set(['Object.keys', 'Object.values', 'Object.entries', 'Object.freeze', 'JSON.stringify', 'Array.isArray', 'Array.from', 'structuredClone']);

/** True when the expression reads (anywhere inside it) a variable bound to an array or object literal that is changed somewhere. */
function readsMutatedLiteral(node: Node, sourceCode: SourceCode): boolean {
  const stack: Node[] = [node];
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited > 200) return true;
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.Identifier) {
      if (isMutatedLiteral(current, sourceCode)) return true;
      continue;
    }
    if (isFunction(current)) continue;
    for (const child of childNodes(current)) {
      // Property names are not variable reads.
      if (current.type === AST_NODE_TYPES.MemberExpression && child === current.property && !current.computed) continue;
      if (current.type === AST_NODE_TYPES.Property && child === current.key && !current.computed) continue;
      stack.push(child);
    }
  }
  return false;
}

export function isMutatedLiteral(root: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = findVar(sourceCode, root);
  const single = variable && singleValue(variable);
  if (!variable || !single) return false;
  const init = unwrap(single.init);
  if (init.type !== AST_NODE_TYPES.ArrayExpression && init.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return variable.references.some((ref) => {
    if (ref.init) return false;
    const id = ref.identifier;
    const parent = id.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
      const grand = parent.parent;
      // `parts[0] = x`, `obj.key = x`, `delete obj.key`, `obj.n++`
      if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) return true;
      if (grand?.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') return true;
      const name = memberName(parent);
      return grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent && name !== null && MUTATING_METHODS.has(name);
    }
    // Handed to a call that may fill it (`addFilters(parts)`, `Object.assign(obj, …)`), or aliased.
    if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(id as never)) {
      return !NON_MUTATING_CALLS.has(sourceCode.getText(parent.callee));
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === id) return true;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === id) return true;
    return false;
  });
}

/** The constant string (or number, written as text) a node evaluates to, or null. */
export function staticString(node: Node, sourceCode: SourceCode): string | null {
  const result = staticValue(node, sourceCode);
  if (!result) return null;
  const { value } = result;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}

export interface StaticPart {
  kind: 'static';
  value: string;
  /** The node the text came from (a literal, a quasi, or a constant's reference). */
  node: Node;
}

export interface DynamicPart {
  kind: 'dynamic';
  /** The expression whose value is inserted into the text. */
  node: Expression;
  /**
   * Names of the variables read to reach `node` whose whole value it is (`const whereSql = build()`
   * gives `build()` with `via: ['whereSql']`): what the code calls the value.
   */
  via?: string[];
}

export type StringPart = StaticPart | DynamicPart;

export interface StringComposition {
  parts: StringPart[];
  /**
   * True when the parts are the exact, complete text in order: a literal, template or `+` chain,
   * possibly through single-assignment constants. False when the text was assembled through
   * `+=`, reassignment or branches — then the parts say what may be inserted, not where.
   */
  exact: boolean;
  /** True when every part comes from the expression itself (no variable was followed). */
  inline: boolean;
}

const MAX_DEPTH = 16;

/**
 * Breaks a string-valued expression into the constant text and the dynamic values inserted in it,
 * seeing through `const` variables, `+`, template literals, `+=` building, `.concat()`,
 * `[...].join()` and `util.format()`.
 */
export function stringComposition(node: Node, sourceCode: SourceCode): StringComposition {
  const state: State = { exact: true, inline: true, seen: new Set<Node>(), nonText: new WeakSet(), building: new Map() };
  const parts = compose(node as Expression, sourceCode, state, 0);
  return { parts: mergeStatic(parts), exact: state.exact, inline: state.inline };
}

/** The dynamic parts of a string expression, or an empty list when it is constant. */
export function dynamicParts(node: Node, sourceCode: SourceCode): DynamicPart[] {
  return stringComposition(node, sourceCode).parts.filter((p): p is DynamicPart => p.kind === 'dynamic');
}

/** True when the string expression has any non-constant part. */
export function hasDynamicParts(node: Node, sourceCode: SourceCode): boolean {
  return dynamicParts(node, sourceCode).length > 0;
}

/** The constant text of a composition, with a marker standing for each dynamic part. */
export function compositionText(parts: readonly StringPart[], marker = '\u0000'): string {
  return parts.map((p) => (p.kind === 'static' ? p.value : marker)).join('');
}

interface State {
  exact: boolean;
  inline: boolean;
  seen: Set<Node>;
  /** Static parts that are numbers or booleans: constant, but not text, so `n + 1` stays arithmetic. */
  nonText: WeakSet<StringPart>;
  /** Variables whose writes are being expanded, and whether their first value is text. */
  building: Map<unknown, boolean>;
}

function mergeStatic(parts: StringPart[]): StringPart[] {
  const merged: StringPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'static' && last?.kind === 'static') {
      merged[merged.length - 1] = { kind: 'static', value: last.value + part.value, node: last.node };
    } else {
      merged.push(part);
    }
  }
  return merged;
}

function dynamic(node: Expression): StringPart[] {
  return [{ kind: 'dynamic', node }];
}

/** True when the parts certainly make text: some constant part is a string (not a number or boolean). */
function isStringy(parts: StringPart[], state?: State): boolean {
  return parts.some((p) => p.kind === 'static' && !state?.nonText.has(p));
}

function staticPart(value: unknown, node: Node, state: State): StaticPart {
  const part: StaticPart = { kind: 'static', value: String(value), node };
  if (typeof value !== 'string') state.nonText.add(part);
  return part;
}

function compose(raw: Expression, sourceCode: SourceCode, state: State, depth: number): StringPart[] {
  const node = unwrap(raw) as Expression;
  if (depth > MAX_DEPTH || state.seen.has(node)) return dynamic(node);

  if (node.type === AST_NODE_TYPES.Literal) {
    if (node.value === null || node.value instanceof RegExp) return dynamic(node);
    return [staticPart(node.value, node, state)];
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const parts: StringPart[] = [];
    node.quasis.forEach((quasi, i) => {
      parts.push({ kind: 'static', value: quasi.value.cooked ?? quasi.value.raw, node: quasi });
      const expr = node.expressions[i];
      if (expr) parts.push(...compose(expr, sourceCode, state, depth + 1));
    });
    return parts;
  }

  state.seen.add(node);
  try {
    const known = staticValue(node, sourceCode);
    const value = known?.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      if (!isWrittenOut(node)) state.inline = false;
      return [staticPart(value, node, state)];
    }

    switch (node.type) {
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.operator !== '+') return dynamic(node);
        const left = compose(node.left, sourceCode, state, depth + 1);
        const right = compose(node.right, sourceCode, state, depth + 1);
        // `a + b` with no text on either side is arithmetic or an unknown concatenation: one value.
        // A number on one side (`page + 1`) does not make it text.
        if (!isStringy(left, state) && !isStringy(right, state)) return dynamic(node);
        return [...left, ...right];
      }
      case AST_NODE_TYPES.Identifier:
        return composeIdentifier(node, sourceCode, state, depth);
      case AST_NODE_TYPES.ConditionalExpression: {
        const a = compose(node.consequent, sourceCode, state, depth + 1);
        const b = compose(node.alternate, sourceCode, state, depth + 1);
        const aStatic = a.every((p) => p.kind === 'static');
        const bStatic = b.every((p) => p.kind === 'static');
        // `asc ? 'ASC' : 'DESC'` chooses between constants: no outside text enters.
        if (aStatic && bStatic) {
          state.exact = false;
          return a;
        }
        return dynamic(node);
      }
      case AST_NODE_TYPES.CallExpression:
        return composeCall(node, sourceCode, state, depth) ?? dynamic(node);
      default:
        return dynamic(node);
    }
  } finally {
    state.seen.delete(node);
  }
}

/** True when the expression is made of literals only (`'a' + 'b'`), so no variable was followed. */
function isWrittenOut(raw: Node): boolean {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.Literal) return true;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.every(isWrittenOut);
  if (node.type === AST_NODE_TYPES.BinaryExpression) return isWrittenOut(node.left) && isWrittenOut(node.right);
  return false;
}

function composeIdentifier(node: TSESTree.Identifier, sourceCode: SourceCode, state: State, depth: number): StringPart[] {
  const variable = findVar(sourceCode, node);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return dynamic(node);
  // `q = q + ' AND b = ' + b` while expanding `q`: the text so far is already listed, so the
  // reference adds nothing (and following it again would grow exponentially with the writes).
  const building = state.building.get(variable);
  if (building !== undefined) {
    const part: StaticPart = { kind: 'static', value: '', node };
    if (!building) state.nonText.add(part);
    return [part];
  }
  const single = singleValue(variable);
  if (single) {
    if (single.path.length > 0) return dynamic(node);
    const parts = compose(single.init, sourceCode, state, depth + 1);
    state.inline = false;
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only?.kind === 'dynamic') return [{ ...only, via: [...(only.via ?? []), node.name] }];
    return parts;
  }
  // Built up with `+=` (or reassigned): the parts of every write, in source order.
  const writes = writtenValues(variable);
  if (writes.length === 0 || writes.some((w) => w.path.length > 0 || (w.operator !== '=' && w.operator !== '+='))) {
    return dynamic(node);
  }
  state.exact = false;
  state.inline = false;
  const parts: StringPart[] = [];
  state.building.set(variable, false);
  try {
    writes.forEach((write, i) => {
      parts.push(...compose(write.expr, sourceCode, state, depth + 1));
      if (i === 0) state.building.set(variable, isStringy(parts, state));
    });
  } finally {
    state.building.delete(variable);
  }
  return isStringy(parts, state) ? parts : dynamic(node);
}

function composeCall(
  node: TSESTree.CallExpression,
  sourceCode: SourceCode,
  state: State,
  depth: number,
): StringPart[] | null {
  const callee = unwrap(node.callee);
  const name = calleeName(node);
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'concat') {
    const base = compose(callee.object, sourceCode, state, depth + 1);
    if (!isStringy(base, state)) return null;
    const parts = [...base];
    for (const arg of node.arguments) {
      if (arg.type === AST_NODE_TYPES.SpreadElement) return null;
      parts.push(...compose(arg, sourceCode, state, depth + 1));
    }
    return parts;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'join') {
    const array = unwrap(callee.object);
    if (array.type !== AST_NODE_TYPES.ArrayExpression) return null;
    const sepArg = node.arguments[0];
    const separator = sepArg ? staticString(sepArg, sourceCode) : ',';
    if (separator === null) return null;
    const parts: StringPart[] = [];
    array.elements.forEach((element, i) => {
      if (i > 0) parts.push({ kind: 'static', value: separator, node: sepArg ?? node });
      if (!element) return;
      if (element.type === AST_NODE_TYPES.SpreadElement) parts.push(...dynamic(element.argument));
      else parts.push(...compose(element, sourceCode, state, depth + 1));
    });
    return isStringy(parts) ? parts : null;
  }
  if (isModulePath(resolveModule(callee, sourceCode), ['util'], ['format'])) {
    const [format, ...args] = node.arguments;
    if (!format || format.type === AST_NODE_TYPES.SpreadElement) return null;
    const values = args.map((arg) => dynamic(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg)[0]!);
    const pattern = staticString(format, sourceCode);
    if (pattern !== null && !args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) {
      // Each `%s`, `%d`, `%i`, `%f`, `%j`, `%o`, `%O` takes the next value where it stands; `%%` is a
      // percent sign; values left over follow, separated by spaces.
      const parts: StringPart[] = [];
      let text = '';
      let next = 0;
      for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i]!;
        const spec = pattern[i + 1];
        if (ch === '%' && spec === '%') {
          text += '%';
          i++;
        } else if (ch === '%' && spec !== undefined && 'sdifjoOc'.includes(spec) && next < values.length) {
          if (text) parts.push({ kind: 'static', value: text, node: format });
          text = '';
          if (spec !== 'c') parts.push(values[next]!);
          next++;
          i++;
        } else {
          text += ch;
        }
      }
      if (text) parts.push({ kind: 'static', value: text, node: format });
      for (const value of values.slice(next)) parts.push({ kind: 'static', value: ' ', node: format }, value);
      return parts;
    }
    state.exact = false;
    const parts = compose(format, sourceCode, state, depth + 1);
    parts.push(...values);
    return parts;
  }
  return null;
}

/** True when an expression certainly evaluates to a string (so `String(x)` around it changes nothing). */
export function isCertainlyString(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'string';
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(target.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String') {
      return findVar(sourceCode, callee)?.defs.length ? false : true;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(callee);
      if (method === null) return false;
      if (STRING_ONLY_METHODS.has(method)) return true;
      return STRING_PRESERVING_METHODS.has(method) && isCertainlyString(callee.object, sourceCode);
    }
  }
  return typeof staticValue(target, sourceCode)?.value === 'string';
}

/** Methods that only strings (or numbers, for `toFixed`) have and that return a string. */
const STRING_ONLY_METHODS = new Set([
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'normalize',
  'padStart',
  'padEnd',
  'substring',
  'repeat',
  'toFixed',
  'toPrecision',
  'toISOString',
  'toString',
]);

/**
 * Methods that return a string when called on a string, but exist on other types too.
 * (Not `at`: `'ab'.at(5)` is `undefined`.)
 */
const STRING_PRESERVING_METHODS = new Set(['slice', 'replace', 'replaceAll', 'concat', 'substr']);

export function propertyKeyName(key: Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return null;
}

/** The value of `obj.key` where `obj` is a constant, never changed object literal with that key. */
export function literalProperty(node: TSESTree.MemberExpression, sourceCode: SourceCode): Expression | null {
  const object = unwrap(node.object);
  const name = memberName(node);
  if (node.computed || object.type !== AST_NODE_TYPES.Identifier || name === null) return null;
  const variable = findVar(sourceCode, object);
  const single = variable && singleValue(variable);
  if (!single || single.path.length > 0) return null;
  const init = unwrap(single.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression || init.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return null;
  if (isMutatedLiteral(object, sourceCode)) return null;
  const matches = init.properties.filter(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && propertyKeyName(p.key) === name,
  );
  const prop = matches[0];
  if (matches.length !== 1 || !prop || prop.kind !== 'init') return null;
  const value = prop.value;
  if (value.type === AST_NODE_TYPES.AssignmentPattern || value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression || isFunction(value)) return null;
  return value as Expression;
}
