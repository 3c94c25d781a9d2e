/** Can this value only be one of a fixed set of constant strings, or text the program makes itself? */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { bindingPath, calleeName, childNodes, findVar, memberName, singleValue, unwrap, writtenValues } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { isModulePath, resolveModule } from '../core/modules.js';
import { literalProperty, propertyKeyName, staticString, staticValue, stringComposition } from '../core/static-value.js';
import { isNumericExpression } from './numeric-value.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

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
export const ARRAY_READS = new Set(['length', 'join', 'map', 'filter', 'forEach', 'slice', 'includes', 'some', 'every', 'find', 'indexOf', 'concat', 'flatMap', 'reduce']);
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

export function callbackResult(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): Node | null {
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
