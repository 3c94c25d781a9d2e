import { getStaticValue } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { bindingPath, calleeName, childNodes, findVar, isFunction, memberName, singleValue, unwrap, writtenValues } from './ast.js';
import { perFileCache, type SourceCode } from './cache.js';
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
 * True when an expression can only be one of a fixed set of constant strings, or text the program
 * makes itself with no room for anything else:
 * `ALLOWED.includes(x) ? x : 'id'`, `COLUMNS[x]` / `COLUMNS[x] ?? 'id'` over a constant object literal,
 * `x === 'asc' ? 'ASC' : 'DESC'`, `ids.map(() => '?').join(',')` placeholder lists, a property of a
 * constant object literal (`filter.sql`), the element of a loop or callback over a constant array
 * (`for (const [table, column] of [['a', 'b'], …])`, `TABLES.forEach((t) => …)`), a class field
 * written only such values, and generated text (`randomBytes(8).toString('hex')`,
 * `new Date().toISOString()`, `randomUUID()`).
 */
export function isConstrainedChoice(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  if (depth > MAX_CONSTRAINT_DEPTH) return false;
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
      if (target.computed) return isConstantStringTable(target.object, sourceCode);
      return (
        isConstrainedProperty(target, sourceCode, depth) || isConstrainedThisField(target, sourceCode, depth) || isRuntimeSetting(target, sourceCode)
      );
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, target);
      if (!variable) return false;
      if (isConstantElement(variable, sourceCode, depth)) return true;
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
    case AST_NODE_TYPES.NewExpression:
      return (
        isGeneratedText(target, sourceCode, depth) ||
        (target.type === AST_NODE_TYPES.CallExpression &&
          (isPlaceholderList(target, sourceCode) || isAllowListPick(target, sourceCode) || isConstrainedJoin(target, sourceCode, depth)))
      );
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      // `'WHERE ' + conditions.join(' AND ')`
      return isConstrainedText(target, sourceCode, depth + 1, NO_PARAMS);
    default:
      return false;
  }
}

const NO_PARAMS: ReadonlySet<string> = new Set();
/** How deep the constraint checks follow values into values (each step is a different node). */
const MAX_CONSTRAINT_DEPTH = 16;
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
  if (depth > MAX_CONSTRAINT_DEPTH) return false;
  return stringComposition(node, sourceCode).parts.every(
    (p) => p.kind === 'static' || isConstrainedValue(p.node, sourceCode, depth + 1, params),
  );
}

function isConstrainedValue(node: Node, sourceCode: SourceCode, depth: number, params: ReadonlySet<string>): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier && params.has(target.name)) return true;
  if (isNumericExpression(target, sourceCode) || isLocalArrayLength(target, sourceCode)) return true;
  if (isGeneratedText(target, sourceCode, depth)) return true;
  if (target.type === AST_NODE_TYPES.BinaryExpression && target.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    if (['+', '-', '*'].includes(target.operator)) {
      return isConstrainedValue(target.left, sourceCode, depth + 1, params) && isConstrainedValue(target.right, sourceCode, depth + 1, params);
    }
    return false;
  }
  return isConstrainedChoice(target, sourceCode, depth + 1);
}

/** `filter.sql` where `filter` is a constant object literal, never changed, whose `sql` is constrained. */
function isConstrainedProperty(node: TSESTree.MemberExpression, sourceCode: SourceCode, depth: number): boolean {
  const value = literalProperty(node, sourceCode);
  return value !== null && isConstrainedChoice(value, sourceCode, depth + 1);
}

function propertyKeyName(key: Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return null;
}

/** Array methods that call their callback with each element (and its index). */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast']);

/**
 * A loop variable or callback parameter that takes the elements of a constant array:
 * `for (const t of TABLES)`, `for (const [table, column] of [['a', 'b'], ['c', 'd']])`,
 * `TABLES.forEach((t) => …)`, `PAIRS.map(([a, b]) => …)`; a callback's index is a number.
 */
function isConstantElement(variable: TSESLint.Scope.Variable, sourceCode: SourceCode, depth: number): boolean {
  if (variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type === 'Variable') {
    const declaration = def.node.parent;
    const loop = declaration?.parent;
    if (def.node.init || loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.left !== declaration) return false;
    if (variable.references.some((r) => r.isWrite() && r.identifier !== def.name)) return false;
    return constantElementsAt(loop.right, bindingPath(def.name as TSESTree.Identifier, def.node.id).path, sourceCode, depth);
  }
  if (def.type !== 'Parameter') return false;
  const fn = def.node;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn || !ELEMENT_CALLBACKS.has(calleeName(call) ?? '')) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (variable.references.some((r) => r.isWrite())) return false;
  const [element, index] = fn.params;
  if (index && index === def.name) return true;
  if (!element) return false;
  const path = element === def.name ? [] : bindingPath(def.name as TSESTree.Identifier, element).path;
  if (path.length === 0 && element !== def.name) return false;
  return constantElementsAt(callee.object, path, sourceCode, depth);
}

/** True when every element of a constant array, followed down `path`, is a string or number. */
function constantElementsAt(array: Node, path: readonly (string | null)[], sourceCode: SourceCode, depth: number): boolean {
  if (path.length === 0 && isConstantCollection(array, sourceCode)) return true;
  if (path.length === 0 && isConstrainedArray(array, sourceCode, depth + 1)) return true;
  const value = staticValue(array, sourceCode)?.value;
  if (!Array.isArray(value) || path.some((k) => k === null)) return false;
  return value.every((element) => {
    let current: unknown = element;
    for (const key of path) {
      if (typeof current !== 'object' || current === null) return false;
      current = (current as Record<string, unknown>)[key!];
    }
    return typeof current === 'string' || typeof current === 'number';
  });
}

const classFieldWrites = perFileCache(() => new Map<TSESTree.ClassBody, Map<string, Expression[] | null>>());

/**
 * `this.tableName` in a class that writes it only constrained or generated values
 * (`this.tableName = `${PREFIX}_${stamp}_${randomBytes(4).toString('hex')}``): every write in the
 * class is checked, a write the class cannot see (`obj.tableName = …` elsewhere in the file,
 * `Object.assign(this, …)`) makes it unknown.
 */
function isConstrainedThisField(node: TSESTree.MemberExpression, sourceCode: SourceCode, depth: number): boolean {
  if (node.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const key = fieldKey(node);
  if (key === null) return false;
  const body = thisClass(node);
  if (!body) return false;
  const writes = fieldWrites(body, sourceCode).get(key);
  if (!writes || writes.length === 0) return false;
  if (!key.startsWith('#')) {
    // Another object may set a public field: any `.name =` outside the class rules it out.
    const text = sourceCode.getText(body);
    if (/\bObject\.(?:assign|defineProperty|defineProperties)\s*\(\s*this\b/.test(text)) return false;
    const assignments = new RegExp(`\\.\\s*${key.replace(/\$/g, '\\$')}\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?!=)`, 'g');
    const inFile = sourceCode.text.match(assignments)?.length ?? 0;
    const inClass = text.match(assignments)?.length ?? 0;
    if (inFile !== inClass) return false;
  }
  return writes.every((w) => isConstrainedChoice(w, sourceCode, depth + 1) || isConstrainedText(w, sourceCode, depth + 1, NO_PARAMS));
}

function fieldKey(node: TSESTree.MemberExpression): string | null {
  if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return null;
  return node.property.name;
}

/** The class body whose instance `this` is at `node` (through arrow functions, not other functions). */
function thisClass(node: Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const owner = current.parent;
      if (owner?.type !== AST_NODE_TYPES.MethodDefinition || owner.static) return null;
      return owner.parent.type === AST_NODE_TYPES.ClassBody ? owner.parent : null;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      return current.static || current.parent.type !== AST_NODE_TYPES.ClassBody ? null : current.parent;
    }
    if (current.type === AST_NODE_TYPES.ClassBody) return null;
  }
  return null;
}

/** Every value written to each `this.<field>` in a class body; null for a field written some other way (`+=`, `++`, destructuring). */
function fieldWrites(body: TSESTree.ClassBody, sourceCode: SourceCode): Map<string, Expression[] | null> {
  const cache = classFieldWrites(sourceCode);
  let writes = cache.get(body);
  if (writes) return writes;
  const found = new Map<string, Expression[] | null>();
  const add = (key: string, value: Expression | null) => {
    const list = found.get(key);
    if (list === null) return;
    if (value === null) found.set(key, null);
    else found.set(key, [...(list ?? []), value]);
  };
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && !member.computed && member.value) {
      const key = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : propertyKeyName(member.key);
      if (key !== null) add(key, member.value);
    }
  }
  const stack: Node[] = [body];
  for (let visited = 0; stack.length > 0 && visited < 20_000; visited++) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.MemberExpression && current.object.type === AST_NODE_TYPES.ThisExpression) {
      const key = fieldKey(current);
      const parent = current.parent;
      if (key !== null && parent) {
        if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === current) {
          add(key, parent.operator === '=' ? parent.right : null);
        } else if (
          parent.type === AST_NODE_TYPES.UpdateExpression ||
          (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') ||
          parent.type === AST_NODE_TYPES.ArrayPattern ||
          parent.type === AST_NODE_TYPES.RestElement ||
          (parent.type === AST_NODE_TYPES.AssignmentPattern && (parent.left as Node) === current) ||
          (parent.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent.type === AST_NODE_TYPES.ObjectPattern) ||
          ((parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) && parent.left === current)
        ) {
          add(key, null);
        }
      }
    }
    stack.push(...childNodes(current));
  }
  if (stack.length > 0) for (const key of found.keys()) found.set(key, null);
  writes = found;
  cache.set(body, writes);
  return writes;
}

const CRYPTO = ['crypto'];
/** Encodings of random bytes that are letters, digits and `+/=-_` only. */
const SAFE_ENCODINGS = new Set(['hex', 'base64', 'base64url']);
/** Methods of a generated string that keep it generated when their arguments are constants. */
const GENERATED_PRESERVING = new Set(['replace', 'replaceAll', 'slice', 'substring', 'substr', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'trim']);
/** `Date` methods whose text is digits, letters and `-:.TZ` only. */
const DATE_TEXT = new Set(['toISOString', 'toJSON', 'getTime', 'valueOf', 'getFullYear', 'getMonth', 'getDate', 'getHours', 'getMinutes', 'getSeconds']);

/**
 * Text the program generates with no room for outside input: `randomBytes(n).toString('hex')`,
 * `randomUUID()` (node:crypto, resolved by import), `Date.now()`, `new Date(…).toISOString()`, and
 * `.replace(/-/g, '')`, `.slice(0, 8)` … of those with constant arguments.
 */
function isGeneratedText(node: Node, sourceCode: SourceCode, depth: number): boolean {
  if (depth > 10) return false;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.NewExpression) return false;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const single = variable && singleValue(variable);
    return !!single && single.path.length === 0 && isGeneratedText(single.init, sourceCode, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) return isRuntimeSetting(target, sourceCode);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(target.callee);
  if (isModulePath(resolveModule(callee, sourceCode), CRYPTO, ['randomUUID'])) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  const receiver = unwrap(callee.object);
  const constantArgs = () =>
    target.arguments.every(
      (a) =>
        a.type !== AST_NODE_TYPES.SpreadElement &&
        ((a.type === AST_NODE_TYPES.Literal && a.value instanceof RegExp) || staticValue(a, sourceCode) !== undefined),
    );
  if (method === 'now' && receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'Date' && !findVar(sourceCode, receiver)?.defs.length) {
    return true;
  }
  if (method === 'toString' && receiver.type === AST_NODE_TYPES.CallExpression) {
    const encoding = target.arguments[0] ? staticString(target.arguments[0], sourceCode) : null;
    return encoding !== null && SAFE_ENCODINGS.has(encoding) && isModulePath(resolveModule(receiver.callee, sourceCode), CRYPTO, ['randomBytes']);
  }
  if (method !== null && DATE_TEXT.has(method) && receiver.type === AST_NODE_TYPES.NewExpression) {
    const ctor = unwrap(receiver.callee);
    return ctor.type === AST_NODE_TYPES.Identifier && ctor.name === 'Date' && !findVar(sourceCode, ctor)?.defs.length;
  }
  if (method !== null && GENERATED_PRESERVING.has(method)) return constantArgs() && isGeneratedText(receiver, sourceCode, depth + 1);
  return false;
}

/** Settings of the runtime's own `Intl` formatters: IANA zone and BCP 47 names. */
const INTL_SETTINGS = new Set(['timeZone', 'locale', 'calendar', 'numberingSystem']);

/** `Intl.DateTimeFormat().resolvedOptions().timeZone`: the server's own zone name. */
function isRuntimeSetting(node: TSESTree.MemberExpression, sourceCode: SourceCode): boolean {
  if (!INTL_SETTINGS.has(memberName(node) ?? '')) return false;
  const options = unwrap(node.object);
  if (options.type !== AST_NODE_TYPES.CallExpression || calleeName(options) !== 'resolvedOptions' || options.arguments.length > 0) return false;
  const optionsCallee = unwrap(options.callee);
  if (optionsCallee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const formatter = unwrap(optionsCallee.object);
  const ctor = formatter.type === AST_NODE_TYPES.CallExpression || formatter.type === AST_NODE_TYPES.NewExpression ? unwrap(formatter.callee) : null;
  if (ctor?.type !== AST_NODE_TYPES.MemberExpression) return false;
  const intl = unwrap(ctor.object);
  return intl.type === AST_NODE_TYPES.Identifier && intl.name === 'Intl' && !findVar(sourceCode, intl)?.defs.length;
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
  if (depth > MAX_CONSTRAINT_DEPTH) return false;
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

/**
 * True when TypeScript declares the variable or parameter a `number`, `bigint`, `boolean`, `Date`,
 * or a union of those and plain literals (`hours: number`, `dir: 'asc' | 'desc'`): its text can
 * hold no quote or keyword. A declaration is not a check — a caller decides when to trust it
 * (never for client data, whose declared type the framework does not enforce).
 */
export function hasNonTextType(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, target);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  const id = def.name as TSESTree.Identifier;
  if (def.type === 'Variable') {
    if (def.node.id !== id) return false;
  } else if (def.type === 'Parameter') {
    const parent = id.parent;
    const direct =
      def.node.params.includes(id) ||
      (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === id) ||
      parent?.type === AST_NODE_TYPES.TSParameterProperty;
    if (!direct) return false;
  } else {
    return false;
  }
  const annotation = id.typeAnnotation?.typeAnnotation;
  return !!annotation && isNonTextType(annotation);
}

function isNonTextType(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
      return true;
    case AST_NODE_TYPES.TSLiteralType: {
      const literal = type.literal;
      if (literal.type === AST_NODE_TYPES.UnaryExpression) return true;
      if (literal.type !== AST_NODE_TYPES.Literal) return false;
      return typeof literal.value !== 'string' || /^[\w .:-]*$/.test(literal.value);
    }
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every(
        (t) => t.type === AST_NODE_TYPES.TSNullKeyword || t.type === AST_NODE_TYPES.TSUndefinedKeyword || isNonTextType(t),
      );
    case AST_NODE_TYPES.TSTypeReference:
      return type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Date' && !type.typeArguments;
    default:
      return false;
  }
}

/** The text pieces a value is assembled from, when it is assembled in this file. */
export interface TextPieces {
  /** String expressions whose text makes up the value (each may appear once, many times, or not at all). */
  pieces: Expression[];
  /** Calls an array of pieces was handed to (`addFilters(parts, query)`): they may add text not seen here. */
  handedTo: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** True when some of the text comes from somewhere not followed (a parameter, an unknown call). */
  opaque: boolean;
}

/** Methods that return a selection (or copy) of their receiver's elements. */
const ELEMENT_SELECTIONS = new Set(['filter', 'slice', 'reverse', 'sort', 'toSorted', 'toReversed', 'flat']);

/**
 * The pieces a text value is assembled from when it is assembled here: `parts.join(' AND ')` over
 * a local array (its literal elements and everything `push`ed or `unshift`ed), `.map(fn)` (what
 * `fn` returns), `cond ? a : b`, `a || b`, and `filter.sql` of a constant object literal. Null
 * when the value is not assembled in a way this can follow (a parameter, an unknown call).
 */
export function textPieces(node: Node, sourceCode: SourceCode): TextPieces | null {
  const target = unwrap(node);
  const result: TextPieces = { pieces: [], handedTo: [], opaque: false };
  switch (target.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'join') return null;
      arrayPieces(callee.object, sourceCode, result, 0);
      return result;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      result.pieces.push(target.consequent, target.alternate);
      return result;
    case AST_NODE_TYPES.LogicalExpression:
      result.pieces.push(target.left, target.right);
      return result;
    case AST_NODE_TYPES.MemberExpression: {
      const value = literalProperty(target, sourceCode);
      if (!value) return null;
      result.pieces.push(value);
      return result;
    }
    default:
      return null;
  }
}

/** The value of `obj.key` where `obj` is a constant, never changed object literal with that key. */
function literalProperty(node: TSESTree.MemberExpression, sourceCode: SourceCode): Expression | null {
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

function arrayPieces(node: Node, sourceCode: SourceCode, result: TextPieces, depth: number): void {
  if (depth > 8) {
    result.opaque = true;
    return;
  }
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of target.elements) {
        if (!element) continue;
        if (element.type === AST_NODE_TYPES.SpreadElement) arrayPieces(element.argument, sourceCode, result, depth + 1);
        else result.pieces.push(element);
      }
      return;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || method === null) break;
      if (ELEMENT_SELECTIONS.has(method)) {
        arrayPieces(callee.object, sourceCode, result, depth + 1);
        return;
      }
      if (method === 'concat') {
        arrayPieces(callee.object, sourceCode, result, depth + 1);
        for (const arg of target.arguments) arrayPieces(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, sourceCode, result, depth + 1);
        return;
      }
      if (method === 'map' || method === 'flatMap') {
        const fn = target.arguments[0];
        const returned =
          fn && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) ? callbackResult(fn) : null;
        if (returned && method === 'map') result.pieces.push(returned as Expression);
        else if (returned) arrayPieces(returned, sourceCode, result, depth + 1);
        else result.opaque = true;
        return;
      }
      break;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, target);
      const single = variable && singleValue(variable);
      if (!variable || !single || single.path.length > 0) break;
      arrayPieces(single.init, sourceCode, result, depth + 1);
      for (const ref of variable.references) {
        if (ref.init) continue;
        const id = ref.identifier;
        const parent = id.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
          const name = memberName(parent);
          const grand = parent.parent;
          if ((name === 'push' || name === 'unshift') && grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
            for (const arg of grand.arguments) {
              if (arg.type === AST_NODE_TYPES.SpreadElement) arrayPieces(arg.argument, sourceCode, result, depth + 1);
              else result.pieces.push(arg);
            }
          } else if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
            if (parent.computed) result.pieces.push(grand.right);
          } else if (name === null || !ARRAY_READS.has(name)) {
            result.opaque = true;
          }
        } else if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(id as never)) {
          if (!NON_MUTATING_CALLS.has(sourceCode.getText(parent.callee))) result.handedTo.push(parent);
        } else if (parent?.type !== AST_NODE_TYPES.SpreadElement) {
          result.opaque = true;
        }
      }
      return;
    }
    default:
      break;
  }
  result.opaque = true;
}
