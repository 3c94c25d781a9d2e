import { getStaticValue } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, childNodes, findVar, isFunction, memberName, singleValue, unwrap, writtenValues } from './ast.js';
import type { SourceCode } from './cache.js';
import { fromModule, isModulePath, resolveModule } from './modules.js';
import { isTainted } from './taint.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** What a node evaluates to when that is known without running the program; `undefined` when unknown. */
export function staticValue(node: Node, sourceCode: SourceCode): { value: unknown } | undefined {
  const result = getStaticValue(unwrap(node) as never, sourceCode.getScope(node) as never);
  if (!result) return undefined;
  // `const parts = []` evaluates to `[]` even when `parts` is filled later (`addFilters(parts)`):
  // a value read through an array or object literal that is changed anywhere is not constant.
  if (readsMutatedLiteral(unwrap(node), sourceCode)) return undefined;
  return { value: result.value };
}

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'delete', 'add', 'clear']);

/** Read-only functions that may be handed a literal without changing it. */
const NON_MUTATING_CALLS = new Set(['Object.keys', 'Object.values', 'Object.entries', 'Object.freeze', 'JSON.stringify', 'Array.isArray', 'Array.from', 'structuredClone']);

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

function isMutatedLiteral(root: TSESTree.Identifier, sourceCode: SourceCode): boolean {
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
    state.exact = false;
    const parts = compose(format, sourceCode, state, depth + 1);
    for (const arg of args) parts.push(...dynamic(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg));
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

const NUMERIC_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Math.abs', 'Math.min', 'Math.max', 'Number.parseInt', 'Number.parseFloat']);
const ARITHMETIC = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);

/**
 * True when an expression certainly evaluates to a number (or NaN): numeric literals,
 * `Number(x)`, `parseInt(x)`, `Math.*`, unary `+x`/`-x`, arithmetic other than `+`, `.length`.
 * Such a value can never carry quotes, keywords or operators into text.
 */
export function isNumericExpression(node: Node, sourceCode: SourceCode): boolean {
  return numeric(node, sourceCode, new Set());
}

const NEST_NUMERIC_PIPES = new Set(['ParseIntPipe', 'ParseFloatPipe']);

/** A NestJS parameter converted by a numeric pipe: `@Param('id', ParseIntPipe) id`, `@Query('n', new ParseIntPipe()) n`. */
function isNumericPipeParameter(variable: TSESLint.Scope.Variable, sourceCode: SourceCode): boolean {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Parameter') return false;
  const param = def.name.parent;
  const holder =
    param?.type === AST_NODE_TYPES.TSParameterProperty || (param?.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name)
      ? param
      : def.name;
  const decorators = 'decorators' in holder ? (holder.decorators as TSESTree.Decorator[] | undefined) : undefined;
  return !!decorators?.some((decorator) => {
    const expr = unwrap(decorator.expression);
    if (expr.type !== AST_NODE_TYPES.CallExpression) return false;
    return expr.arguments.some((arg) => {
      const pipe = unwrap(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
      const ref = resolveModule(pipe.type === AST_NODE_TYPES.NewExpression ? pipe.callee : pipe, sourceCode);
      return fromModule(ref, ['@nestjs/common']) && ref.path.length === 1 && NEST_NUMERIC_PIPES.has(ref.path[0]!);
    });
  });
}

/** Compound assignments whose result is always a number. */
const ARITHMETIC_ASSIGNMENT = new Set(['-=', '*=', '/=', '%=', '**=', '|=', '&=', '^=', '<<=', '>>=', '>>>=']);

function numeric(node: Node, sourceCode: SourceCode, building: Set<unknown>): boolean {
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return typeof target.value === 'number' || typeof target.value === 'bigint';
    case AST_NODE_TYPES.UnaryExpression:
      return target.operator === '+' || target.operator === '-' || target.operator === '~';
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      if (ARITHMETIC.has(target.operator)) return true;
      return (
        target.operator === '+' &&
        numeric(target.left, sourceCode, building) &&
        numeric(target.right, sourceCode, building)
      );
    // `Number(x) || 10`, `n ?? 0`, `big ? 100 : n`
    case AST_NODE_TYPES.LogicalExpression:
      return numeric(target.left, sourceCode, building) && numeric(target.right, sourceCode, building);
    case AST_NODE_TYPES.ConditionalExpression:
      return numeric(target.consequent, sourceCode, building) && numeric(target.alternate, sourceCode, building);
    case AST_NODE_TYPES.MemberExpression:
      // Client data can be an object with any `length` (`{"ids": {"length": "1 OR 1=1"}}`, `?ids[length]=…`).
      return memberName(target) === 'length' && !isTainted(target.object, sourceCode);
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      let name: string | null = null;
      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (findVar(sourceCode, callee)?.defs.length) return false;
        name = callee.name;
      } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = unwrap(callee.object);
        if (object.type === AST_NODE_TYPES.Identifier && !findVar(sourceCode, object)?.defs.length) {
          name = `${object.name}.${memberName(callee) ?? ''}`;
        }
      }
      return name !== null && NUMERIC_FUNCTIONS.has(name);
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, target);
      if (!variable) return false;
      if (isNumericPipeParameter(variable, sourceCode)) return true;
      // While deciding `n`, `n = n + 1` may assume `n` is a number: every value it ever holds then is.
      if (building.has(variable)) return true;
      const single = singleValue(variable);
      if (single) return single.path.length === 0 && numeric(single.init, sourceCode, building);
      // `let limit = Number(q) || 10; if (limit > 100) limit = 100;`: every write is a number.
      if (variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return false;
      const writes = writtenValues(variable);
      if (writes.length === 0) return false;
      building.add(variable);
      try {
        return writes.every(
          (w) =>
            w.path.length === 0 &&
            (ARITHMETIC_ASSIGNMENT.has(w.operator) ||
              (['=', '+=', '||=', '&&=', '??='].includes(w.operator) && numeric(w.expr, sourceCode, building))),
        );
      } finally {
        building.delete(variable);
      }
    }
    default:
      return typeof staticValue(target, sourceCode)?.value === 'number';
  }
}

/**
 * True when an expression can only be one of a fixed set of constant strings:
 * `ALLOWED.includes(x) ? x : 'id'`, `COLUMNS[x]` / `COLUMNS[x] ?? 'id'` over a constant object literal,
 * `x === 'asc' ? 'ASC' : 'DESC'`, and `ids.map(() => '?').join(',')` placeholder lists.
 */
export function isConstrainedChoice(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  if (depth > 6) return false;
  const target = unwrap(node);
  if (staticString(target, sourceCode) !== null) return true;
  switch (target.type) {
    case AST_NODE_TYPES.ConditionalExpression: {
      // The guard constrains its value only in the branch where the test holds:
      // `LIST.includes(x) ? x : 'id'`, `!LIST.includes(x) ? 'id' : x`.
      const guard = allowListGuard(target.test, sourceCode);
      const ok = (branch: Node, guarded: Node | null) =>
        (guarded !== null && sameExpression(branch, guarded, sourceCode)) || isConstrainedChoice(branch, sourceCode, depth + 1);
      return (
        ok(target.consequent, guard && !guard.negated ? guard.value : null) &&
        ok(target.alternate, guard?.negated ? guard.value : null)
      );
    }
    case AST_NODE_TYPES.LogicalExpression:
      return isConstrainedChoice(target.left, sourceCode, depth + 1) && isConstrainedChoice(target.right, sourceCode, depth + 1);
    case AST_NODE_TYPES.MemberExpression:
      return target.computed && isConstantStringTable(target.object, sourceCode);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, target);
      if (!variable) return false;
      const single = singleValue(variable);
      if (single) return single.path.length === 0 && isConstrainedChoice(single.init, sourceCode, depth + 1);
      // `let dir = 'ASC'; if (desc) dir = 'DESC';`: every value ever assigned is a constrained choice.
      if (variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return false;
      const writes = writtenValues(variable);
      return (
        writes.length > 0 &&
        writes.every((w) => w.operator === '=' && w.path.length === 0 && isConstrainedChoice(w.expr, sourceCode, depth + 1))
      );
    }
    case AST_NODE_TYPES.CallExpression:
      return isPlaceholderList(target, sourceCode) || isAllowListPick(target, sourceCode) || isConstrainedJoin(target, sourceCode, depth);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      // `'WHERE ' + conditions.join(' AND ')`
      return isConstrainedText(target, sourceCode, depth + 1, NO_PARAMS);
    default:
      return false;
  }
}

const NO_PARAMS: ReadonlySet<string> = new Set();
/** Array methods that only read the array (or return a new one). */
const ARRAY_READS = new Set(['length', 'join', 'map', 'filter', 'forEach', 'slice', 'includes', 'some', 'every', 'find', 'indexOf', 'concat', 'flatMap', 'reduce']);
/** Calls whose result is always a real array (so its `.length` is a number). */
const ARRAY_PRODUCERS = new Set(['map', 'filter', 'slice', 'concat', 'split', 'flatMap', 'keys', 'values', 'entries', 'from']);

/**
 * Text whose every inserted value is constrained: a constant choice, a number, the `.length` of a
 * local array, or a callback parameter known to hold a constrained element or an index
 * (`name = $${values.length}`, `${column} = $${i + 1}` over an allow-listed column list).
 */
function isConstrainedText(node: Node, sourceCode: SourceCode, depth: number, params: ReadonlySet<string>): boolean {
  if (depth > 8) return false;
  return stringComposition(node, sourceCode).parts.every(
    (p) => p.kind === 'static' || isConstrainedValue(p.node, sourceCode, depth + 1, params),
  );
}

function isConstrainedValue(node: Node, sourceCode: SourceCode, depth: number, params: ReadonlySet<string>): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier && params.has(target.name)) return true;
  if (isNumericExpression(target, sourceCode) || isLocalArrayLength(target, sourceCode)) return true;
  if (target.type === AST_NODE_TYPES.BinaryExpression && target.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    if (['+', '-', '*'].includes(target.operator)) {
      return isConstrainedValue(target.left, sourceCode, depth + 1, params) && isConstrainedValue(target.right, sourceCode, depth + 1, params);
    }
    return false;
  }
  return isConstrainedChoice(target, sourceCode, depth + 1);
}

/** `values.length` where `values` is a local array (`[]`, a literal, or the result of `map/filter/…`). */
function isLocalArrayLength(node: Node, sourceCode: SourceCode): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== 'length') return false;
  const object = unwrap(node.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, object);
  const single = variable && singleValue(variable);
  if (!single || single.path.length > 0) return false;
  const init = unwrap(single.init);
  if (init.type === AST_NODE_TYPES.ArrayExpression) return true;
  return init.type === AST_NODE_TYPES.CallExpression && ARRAY_PRODUCERS.has(calleeName(init) ?? '');
}

/** `parts.join(' AND ')` over an array whose every element is constrained text. */
function isConstrainedJoin(node: TSESTree.CallExpression, sourceCode: SourceCode, depth: number): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'join') return false;
  const sep = node.arguments[0];
  if (sep && (sep.type === AST_NODE_TYPES.SpreadElement || staticString(sep, sourceCode) === null)) return false;
  return isConstrainedArray(callee.object, sourceCode, depth + 1);
}

/**
 * An array whose every element is constrained text: a literal of such, a constant collection,
 * `.filter/.slice` of one, `.map(fn)` whose callback returns constrained text (its element
 * parameter counts as constrained only over a constrained array; its index is a number), or a local
 * array only ever `.push`ed / `.unshift`ed constrained text and otherwise only read.
 */
function isConstrainedArray(node: Node, sourceCode: SourceCode, depth: number): boolean {
  if (depth > 8) return false;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.every(
        (e) =>
          e !== null &&
          (e.type === AST_NODE_TYPES.SpreadElement
            ? isConstrainedArray(e.argument, sourceCode, depth + 1)
            : isConstrainedText(e, sourceCode, depth + 1, NO_PARAMS)),
      );
    case AST_NODE_TYPES.CallExpression: {
      if (isConstantCollection(target, sourceCode)) return true;
      const callee = unwrap(target.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = memberName(callee);
      if (method === 'filter' || method === 'slice') return isConstrainedArray(callee.object, sourceCode, depth + 1);
      if (method !== 'map') return false;
      const fn = target.arguments[0];
      if (!fn || (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression)) return false;
      const result = callbackResult(fn);
      if (!result) return false;
      const params = new Set<string>();
      const [element, index] = fn.params;
      if (index?.type === AST_NODE_TYPES.Identifier) params.add(index.name);
      if (element?.type === AST_NODE_TYPES.Identifier && isConstrainedArray(callee.object, sourceCode, depth + 1)) params.add(element.name);
      return isConstrainedText(result, sourceCode, depth + 1, params);
    }
    case AST_NODE_TYPES.Identifier: {
      // Not `isConstantCollection` here: `const parts = []` is constant only until something is pushed.
      const variable = findVar(sourceCode, target);
      const single = variable && singleValue(variable);
      if (!variable || !single || single.path.length > 0) return false;
      if (!isConstrainedArray(single.init, sourceCode, depth + 1)) return false;
      return variable.references.every((ref) => {
        if (ref.init) return true;
        const member = ref.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
        const name = memberName(member);
        if (name === null) return false;
        if (ARRAY_READS.has(name)) return true;
        if (name !== 'push' && name !== 'unshift') return false;
        const call = member.parent;
        return (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === member &&
          call.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement && isConstrainedText(a, sourceCode, depth + 1, NO_PARAMS))
        );
      });
    }
    default:
      return false;
  }
}

function callbackResult(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const only = fn.body.body[0];
  return fn.body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : null;
}

/** `ALLOWED.find((c) => c === x)`: an element of a constant list, or undefined. */
function isAllowListPick(node: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return (method === 'find' || method === 'findLast') && isConstantCollection(callee.object, sourceCode);
}

/** `LIST.includes(x)` / `SET.has(x)` over constants (or their negation `!LIST.includes(x)`): returns `x`. */
function allowListGuard(test: Node, sourceCode: SourceCode): { value: Node; negated: boolean } | null {
  const target = unwrap(test);
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') {
    const inner = allowListGuard(target.argument, sourceCode);
    return inner && { value: inner.value, negated: !inner.negated };
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(target.callee);
    const arg = target.arguments[0];
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      (memberName(callee) === 'includes' || memberName(callee) === 'has') &&
      arg &&
      arg.type !== AST_NODE_TYPES.SpreadElement &&
      isConstantCollection(callee.object, sourceCode)
    ) {
      return { value: arg, negated: false };
    }
  }
  return null;
}

function isConstantCollection(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const single = variable && singleValue(variable);
    return !!single && single.path.length === 0 && isConstantCollection(single.init, sourceCode);
  }
  if (target.type === AST_NODE_TYPES.NewExpression) {
    // `new Set([...])` only: another class's `has()` may accept anything.
    const callee = unwrap(target.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Set' || findVar(sourceCode, callee)?.defs.length) return false;
    const arg = target.arguments[0];
    return !!arg && arg.type !== AST_NODE_TYPES.SpreadElement && isConstantCollection(arg, sourceCode);
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    // Object.keys(TABLE)
    const arg = target.arguments[0];
    return calleeName(target) === 'keys' && !!arg && arg.type !== AST_NODE_TYPES.SpreadElement && isConstantStringTable(arg, sourceCode);
  }
  const value = staticValue(target, sourceCode)?.value;
  return Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number');
}

function isConstantStringTable(node: Node, sourceCode: SourceCode): boolean {
  const value = staticValue(node, sourceCode)?.value;
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value as Record<string, unknown>).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

function sameExpression(a: Node, b: Node, sourceCode: SourceCode): boolean {
  return sourceCode.getText(unwrap(a)) === sourceCode.getText(unwrap(b));
}

/** `ids.map(() => '?').join(', ')`, `ids.map((_, i) => `$${i + 1}`).join(',')`, `Array(n).fill('?').join(',')`. */
function isPlaceholderList(node: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'join') return false;
  // The separator is text in the result too: `.join(req.query.sep)` is not a placeholder list.
  const separator = node.arguments[0];
  if (separator && (separator.type === AST_NODE_TYPES.SpreadElement || staticString(separator, sourceCode) === null)) return false;
  const inner = unwrap(callee.object);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const innerCallee = unwrap(inner.callee);
  if (innerCallee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(innerCallee);
  const arg = inner.arguments[0];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return false;
  if (method === 'fill') return staticString(arg, sourceCode) !== null;
  if (method !== 'map') return false;
  if (arg.type !== AST_NODE_TYPES.ArrowFunctionExpression && arg.type !== AST_NODE_TYPES.FunctionExpression) return false;
  let result: Node | null = null;
  if (arg.body.type !== AST_NODE_TYPES.BlockStatement) result = arg.body;
  else {
    const last = arg.body.body[arg.body.body.length - 1];
    if (arg.body.body.length === 1 && last?.type === AST_NODE_TYPES.ReturnStatement) result = last.argument;
  }
  if (!result) return false;
  const index = arg.params[1];
  const isIndex = (n: Node): boolean => {
    const t = unwrap(n);
    if (index?.type === AST_NODE_TYPES.Identifier && t.type === AST_NODE_TYPES.Identifier) return t.name === index.name;
    if (t.type === AST_NODE_TYPES.BinaryExpression && t.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
      const operand = (x: Node) => isIndex(x) || isNumericExpression(x, sourceCode);
      return ['+', '-', '*'].includes(t.operator) && operand(t.left) && operand(t.right);
    }
    return false;
  };
  return stringComposition(result, sourceCode).parts.every(
    (p) => p.kind === 'static' || isNumericExpression(p.node, sourceCode) || isIndex(p.node),
  );
}
