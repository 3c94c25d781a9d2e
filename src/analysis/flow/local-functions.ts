/**
 * Functions of the file called by name: which function a call runs (`readReport(name)` with
 * `function readReport(file) {…}` or `const readReport = (file) => …` in the file; `svc.load(x)`
 * with `const svc = { load(name) {…} }`; `this.load(x)` in a method of a class that declares
 * `load`; `this.files.load(x)` when the class types its `files` property, or the constructor
 * parameter that sets it, with a class declared in the file), where in the file a function is
 * called, which argument feeds a parameter, and what it returns. For following data into and out
 * of the file's own helpers.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { childNodes, EXPRESSION_WRAPPERS, findVar, isFunction, parameterIndex, memberName, propertyName, unwrap, type FunctionNode } from '../core/ast.js';
import { perFileCache, perNodeCache, type SourceCode } from '../core/cache.js';
import { assignedMembers, isObjectOpen, resolveObject } from '../core/object-values.js';

export { parameterIndex };

type Node = TSESTree.Node;

/** Most `return` statements, nodes and call sites read per function; beyond that the function is not followed. */
const MAX_SCAN = 4000;
const MAX_CALL_SITES = 50;

const cache = perFileCache(() => ({
  returns: new Map<FunctionNode, readonly Node[] | null>(),
  sites: new Map<FunctionNode, readonly TSESTree.CallExpression[]>(),
  /** Calls of a member by the member's name (`x.load(…)` under `load`), read once when a method's callers are first asked for. */
  memberCalls: new Map<string, readonly TSESTree.CallExpression[]>(),
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

/** The function of this file that calling `callee` runs, when it is called by a name bound once to it, or as a method of an object literal or class of the file. */
export function localFunction(callee: Node, sourceCode: SourceCode): FunctionNode | null {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.MemberExpression) return localMethod(target, sourceCode);
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

/** Functions a method may be written as: `load(x) {…}`, `load: function (x) {…}`, `load: (x) => …`. */
function methodValue(value: Node | null | undefined): FunctionNode | null {
  const fn = value ? unwrap(value) : null;
  return isFunction(fn) ? fn : null;
}

/** `svc.load`, `this.load`, `this.files.load`: the method of the file's object literal or class that the member names. */
const localMethod = perNodeCache((member: TSESTree.MemberExpression, sourceCode: SourceCode): FunctionNode | null => findMethod(member, sourceCode));

function findMethod(member: TSESTree.MemberExpression, sourceCode: SourceCode): FunctionNode | null {
  const name = memberName(member);
  if (name === null) return null;
  const object = unwrap(member.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const own = thisClass(object);
    return own ? classMethod(own.body, name, own.isStatic) : null;
  }
  if (object.type === AST_NODE_TYPES.MemberExpression && unwrap(object.object).type === AST_NODE_TYPES.ThisExpression) {
    const own = thisClass(unwrap(object.object) as TSESTree.ThisExpression);
    const field = memberName(object);
    if (!own || own.isStatic || field === null) return null;
    const other = fieldClass(own.body, field, sourceCode);
    return other ? classMethod(other.body, name, false) : null;
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const literal = resolveObject(object, sourceCode);
  // A method that may be replaced, or keys that may be added, can run something else.
  if (!literal || isObjectOpen(literal, sourceCode) || assignedMembers(literal, sourceCode).members.has(name)) return null;
  let found: FunctionNode | null = null;
  for (const prop of literal.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyName(prop) === name) found = prop.kind === 'init' ? methodValue(prop.value) : null;
  }
  return found;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class whose instance (or, in a static method, constructor) `this` is: `this` in a method or field of it, arrows in between. */
function thisClass(node: TSESTree.ThisExpression): { body: TSESTree.ClassBody; isStatic: boolean } | null {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const method = current.parent;
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== current) return null;
      return method.parent.type === AST_NODE_TYPES.ClassBody ? { body: method.parent, isStatic: method.static } : null;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return { body: current.parent as TSESTree.ClassBody, isStatic: current.static };
    if (current.type === AST_NODE_TYPES.ClassBody || current.type === AST_NODE_TYPES.Program) return null;
    current = current.parent;
  }
  return null;
}

/** The method `name` a class body declares (a method, or a field holding a function), static or not. */
function classMethod(body: TSESTree.ClassBody, name: string, isStatic: boolean): FunctionNode | null {
  let found: FunctionNode | null = null;
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && member.static === isStatic && propertyName(member) === name) {
      // Overloads (`TSEmptyBodyFunctionExpression`) carry no body.
      if (isFunction(member.value)) found = found ? null : member.value;
    } else if (member.type === AST_NODE_TYPES.PropertyDefinition && member.static === isStatic && propertyName(member) === name) {
      return methodValue(member.value);
    }
  }
  return found;
}

/**
 * The class of the file that a property of instances of `body`'s class holds, read from the type
 * it is declared with: `private files: FileStore` or the constructor's `private readonly files:
 * FileStore`. Null when the type is not one class declared in the file.
 */
function fieldClass(body: TSESTree.ClassBody, field: string, sourceCode: SourceCode): ClassNode | null {
  let annotation: TSESTree.TypeNode | undefined;
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && propertyName(member) === field) annotation = member.typeAnnotation?.typeAnnotation;
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
        if (inner.type === AST_NODE_TYPES.Identifier && inner.name === field) annotation = inner.typeAnnotation?.typeAnnotation;
      }
    }
  }
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier || annotation.typeArguments) return null;
  const variable = findVar(sourceCode, annotation.typeName);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'ClassName') return null;
  const node = def.node as Node;
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression ? node : null;
}

/** The method name a function is declared under in an object literal or class, or null. */
function methodName(fn: FunctionNode): string | null {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) return propertyName(parent);
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) return propertyName(parent);
  return null;
}


/**
 * The calls in the file of members named `name` (`svc.load(x)`, `this.load(x)`, `a['load'](x)`),
 * in source order. Found from the tokens spelling the name (`memberNameTokens`), not by a walk of
 * the tree; kept per file and name.
 */
function memberCallsNamed(name: string, sourceCode: SourceCode): readonly TSESTree.CallExpression[] {
  const state = cache(sourceCode);
  const known = state.memberCalls.get(name);
  if (known) return known;
  const found: TSESTree.CallExpression[] = [];
  for (const token of memberNameTokensOf(name, sourceCode)) {
    const key = sourceCode.getNodeByRangeIndex(token.range[0]) as Node | null;
    const member = key?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.property !== key || memberName(member) !== name) continue;
    let callee: Node = member;
    while (callee.parent && EXPRESSION_WRAPPERS.has(callee.parent.type)) callee = callee.parent;
    const call = callee.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) found.push(call);
  }
  state.memberCalls.set(name, found);
  return found;
}

/**
 * The tokens that can name the member `name`, in source order: the name after `.` or `?.`, a
 * string of it after `[`. Found where the name is spelled in the text (a search per name asked
 * for, a binary search of the tokens per place), and among the identifiers written with a `\u…`
 * escape (whose name is not spelled as such).
 */
function memberNameTokensOf(name: string, sourceCode: SourceCode): readonly TSESTree.Token[] {
  if (name === '') return memberNameTokens(sourceCode).get(name) ?? [];
  const text = sourceCode.text;
  const tokens = (sourceCode.ast.tokens as readonly TSESTree.Token[] | undefined) ?? [];
  const indexes: number[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    // The name itself as a token, or the inside of a string token starting just before it.
    const i = tokenStartingAt(tokens, at);
    if (i >= 0) {
      if (namesMember(tokens, i, name)) indexes.push(i);
      continue;
    }
    const j = tokenStartingAt(tokens, at - 1);
    if (j >= 0 && namesMember(tokens, j, name)) indexes.push(j);
  }
  const escaped = escapedIdentifiers(sourceCode);
  if (escaped.length === 0) return indexes.map((i) => tokens[i]!);
  for (const i of escaped) if (!indexes.includes(i) && namesMember(tokens, i, name)) indexes.push(i);
  return indexes.sort((a, b) => a - b).map((i) => tokens[i]!);
}

/** True when token `i` names the member `name`: the name after `.` or `?.`, or a string of it after `[`. */
function namesMember(tokens: readonly TSESTree.Token[], i: number, name: string): boolean {
  if (i === 0) return false;
  const token = tokens[i]!;
  const previous = tokens[i - 1]!.value;
  if (token.type === 'Identifier') return token.value === name && (previous === '.' || previous === '?.');
  return token.type === 'String' && previous === '[' && token.value.slice(1, -1) === name;
}

/** The index of the token starting at `offset`, or -1. */
function tokenStartingAt(tokens: readonly TSESTree.Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = tokens[mid]!.range[0];
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The indexes of the identifier tokens holding a `\u…` escape, in order (the only ones whose name may differ from their text). */
const escapedIdentifiers = perFileCache((sourceCode): readonly number[] => {
  const text = sourceCode.text;
  const tokens = (sourceCode.ast.tokens as readonly TSESTree.Token[] | undefined) ?? [];
  const found: number[] = [];
  for (let at = text.indexOf('\\u'); at >= 0; at = text.indexOf('\\u', at + 1)) {
    // The last token starting at or before the escape, if the escape is inside it.
    let low = 0;
    let high = tokens.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (tokens[mid]!.range[0] <= at) {
        last = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const token = last >= 0 ? tokens[last]! : null;
    if (token && token.type === 'Identifier' && at < token.range[1] && found[found.length - 1] !== last) found.push(last);
  }
  return found;
});

/**
 * The tokens that can name a member, by the name: a name after `.` or `?.`, a string after `[`.
 * One pass over the file's tokens, the first time a method's callers are asked for.
 */
const memberNameTokens = perFileCache((sourceCode): ReadonlyMap<string, readonly TSESTree.Token[]> => {
  const byName = new Map<string, TSESTree.Token[]>();
  const tokens = (sourceCode.ast.tokens as readonly TSESTree.Token[] | undefined) ?? [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1]!.value;
    let name: string | null = null;
    if (token.type === 'Identifier' && (previous === '.' || previous === '?.')) name = token.value;
    else if (token.type === 'String' && previous === '[') name = token.value.slice(1, -1);
    if (name === null) continue;
    const list = byName.get(name);
    if (list) list.push(token);
    else byName.set(name, [token]);
  }
  return byName;
});

/** The calls of `fn` in this file, by its name (`readReport(x)`) or as a method (`svc.load(x)`, `this.load(x)`), up to a bound; empty when it has no name. */
export function callSites(fn: FunctionNode, sourceCode: SourceCode): readonly TSESTree.CallExpression[] {
  const sites = cache(sourceCode).sites;
  let result = sites.get(fn);
  if (result) return result;
  const found: TSESTree.CallExpression[] = [];
  const method = methodName(fn);
  if (method !== null) {
    for (const call of memberCallsNamed(method, sourceCode)) {
      if (localMethod(unwrap(call.callee) as TSESTree.MemberExpression, sourceCode) !== fn) continue;
      found.push(call);
      if (found.length >= MAX_CALL_SITES) break;
    }
    sites.set(fn, found);
    return found;
  }
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
