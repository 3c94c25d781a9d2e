/**
 * Which parts of a MongoDB filter carry request data that can change the query: the whole filter
 * (`find(req.body)`), a field's value that may be an object (`{ password: req.body.password }`
 * receives `{ "$ne": null }`), JavaScript for `$where` / `$function` / `$accumulator`, a pattern
 * for `$regex` or `new RegExp()`, a field name chosen by the client. Values coerced to strings,
 * compared with `$eq`, checked with `typeof x === 'string'`, validated or sanitized are not.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, findVar, propertyName, singleValue, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { resolveModule } from '../core/modules.js';
import { assignedMembers, resolveObject } from '../core/object-values.js';
import { taintOf, type Taint } from '../flow/taint.js';
import { mayHoldObject, type RequestShapeOptions } from '../http/request-shapes.js';
import { CODE_OPERATORS, MATCH_STAGE, NESTING_OPERATORS, REGEX_ESCAPERS, REGEX_ESCAPER_NAME, REGEX_OPERATOR } from '../../catalog/nosql.js';

type Node = TSESTree.Node;

/**
 * - `filter`: the whole filter (or a spread into it) is request data;
 * - `value`: a field's value is a request value that may be an object;
 * - `code`: JavaScript run by the server is built from request data;
 * - `regex`: a pattern is built from request data;
 * - `key`: a field name (which may be `$where`) is request data.
 */
export type FilterFindingKind = 'filter' | 'value' | 'code' | 'regex' | 'key';

export interface FilterFinding {
  kind: FilterFindingKind;
  node: Node;
  taint: Taint;
  /** The operator or field the value stands under (`$where`, `email`), when known. */
  key: string | null;
}

export interface FilterOptions extends RequestShapeOptions {
  /** Whether operator injection through values is possible (false when the file or query sanitizes filters). */
  operatorInjection: boolean;
}

const MAX_DEPTH = 6;

/** The findings in a filter argument. */
export function filterFindings(filter: Node, sourceCode: SourceCode, options: FilterOptions): FilterFinding[] {
  const findings: FilterFinding[] = [];
  walkFilter(filter, sourceCode, options, findings, 0);
  return findings;
}

/** The findings in an aggregation pipeline (`$match` stages are filters). */
export function pipelineFindings(pipeline: Node, sourceCode: SourceCode, options: FilterOptions): FilterFinding[] {
  const findings: FilterFinding[] = [];
  const array = unwrap(pipeline);
  if (array.type !== AST_NODE_TYPES.ArrayExpression) return findings;
  for (const element of array.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
    const stage = resolveObject(element, sourceCode);
    if (!stage) continue;
    for (const prop of stage.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) continue;
      if (propertyName(prop) === MATCH_STAGE) walkFilter(prop.value, sourceCode, options, findings, 1);
    }
  }
  return findings;
}

/** A record id judged as a filter value (`findById(id)` becomes `{ _id: id }`). */
export function idFindings(id: Node, sourceCode: SourceCode, options: FilterOptions): FilterFinding[] {
  const findings: FilterFinding[] = [];
  valueFinding(id, '_id', sourceCode, options, findings);
  return findings;
}

/** Request data in JavaScript the server runs (`mapReduce(map, reduce)` as strings). */
export function codeFinding(node: Node, key: string | null, sourceCode: SourceCode): FilterFinding | null {
  const taint = taintOf(node, sourceCode, { sink: 'code' });
  return taint ? { kind: 'code', node, taint, key } : null;
}

function walkFilter(filter: Node, sourceCode: SourceCode, options: FilterOptions, findings: FilterFinding[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const node = unwrap(filter);
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of node.elements) {
      if (element && element.type !== AST_NODE_TYPES.SpreadElement) walkFilter(element, sourceCode, options, findings, depth + 1);
    }
    return;
  }
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    walkFilter(node.consequent, sourceCode, options, findings, depth + 1);
    walkFilter(node.alternate, sourceCode, options, findings, depth + 1);
    return;
  }
  const object = node.type === AST_NODE_TYPES.ObjectExpression ? node : node.type === AST_NODE_TYPES.Identifier ? resolveObject(node, sourceCode) : null;
  if (!object) {
    wholeFinding(node, null, sourceCode, options, findings);
    return;
  }
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) {
      wholeFinding(prop.argument, null, sourceCode, options, findings);
      continue;
    }
    const key = propertyName(prop);
    if (key === null) {
      if (prop.computed) {
        const taint = taintOf(prop.key, sourceCode);
        if (taint) findings.push({ kind: 'key', node: prop.key, taint, key: null });
      }
      continue;
    }
    memberFinding(key, prop.value, sourceCode, options, findings, depth);
  }
  // Members written after the literal: `const query = {}; query.name = req.query.name;`.
  for (const [key, value] of assignedMembers(object, sourceCode).members) {
    if (value) memberFinding(key, value, sourceCode, options, findings, depth);
  }
}

function memberFinding(key: string, value: Node, sourceCode: SourceCode, options: FilterOptions, findings: FilterFinding[], depth: number): void {
  if (CODE_OPERATORS.has(key)) {
    const object = unwrap(value);
    const parts = object.type === AST_NODE_TYPES.ObjectExpression ? object.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? p.value : p.argument)) : [value];
    for (const part of parts) {
      const found = codeFinding(part, key, sourceCode);
      if (found) findings.push(found);
    }
    return;
  }
  if (key === REGEX_OPERATOR) {
    regexFinding(value, key, sourceCode, findings);
    return;
  }
  if (NESTING_OPERATORS.has(key)) {
    walkFilter(value, sourceCode, options, findings, depth + 1);
    return;
  }
  // `$eq`, `$in`, `$gt`…: their operand is compared as a value, whatever its shape.
  if (key.startsWith('$')) return;
  const inner = unwrap(value);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    walkFilter(inner, sourceCode, options, findings, depth + 1);
    return;
  }
  if ((inner.type === AST_NODE_TYPES.NewExpression || inner.type === AST_NODE_TYPES.CallExpression) && calleeName(inner) === 'RegExp' && unwrap(inner.callee).type === AST_NODE_TYPES.Identifier) {
    const pattern = inner.arguments[0];
    if (pattern && pattern.type !== AST_NODE_TYPES.SpreadElement) regexFinding(pattern, key, sourceCode, findings);
    return;
  }
  valueFinding(value, key, sourceCode, options, findings);
}

/** A whole filter, or a part spread into one. */
function wholeFinding(node: Node, key: string | null, sourceCode: SourceCode, options: FilterOptions, findings: FilterFinding[]): void {
  if (!options.operatorInjection) return;
  const taint = taintOf(node, sourceCode, { sink: 'nosql', stringCoercionSanitizes: true });
  if (taint && mayHoldObject(taint.source, sourceCode, options) && !isTypeChecked(node, taint, sourceCode)) {
    findings.push({ kind: 'filter', node, taint, key });
  }
}

/** String methods whose result is a string (an object has none of them, so the call throws instead). */
const STRING_RESULT_METHODS = new Set([
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'trimLeft',
  'trimRight',
  'normalize',
  'replace',
  'replaceAll',
  'padStart',
  'padEnd',
  'substring',
  'substr',
  'charAt',
  'repeat',
  'toString',
]);

/** Whether a value is the result of a string method (`email.trim().toLowerCase()`), directly or through a `const`. */
function isStringResult(value: Node, sourceCode: SourceCode, depth = 0): boolean {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && STRING_RESULT_METHODS.has(calleeName(node) ?? '');
  }
  if (node.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const variable = findVar(sourceCode, node);
    const single = variable && singleValue(variable);
    return !!single && single.path.length === 0 && isStringResult(single.init, sourceCode, depth + 1);
  }
  return false;
}

function valueFinding(value: Node, key: string, sourceCode: SourceCode, options: FilterOptions, findings: FilterFinding[]): void {
  if (!options.operatorInjection || isStringResult(value, sourceCode)) return;
  const taint = taintOf(value, sourceCode, { sink: 'nosql', stringCoercionSanitizes: true });
  if (taint && mayHoldObject(taint.source, sourceCode, options) && !isTypeChecked(value, taint, sourceCode)) {
    findings.push({ kind: 'value', node: value, taint, key });
  }
}

function regexFinding(value: Node, key: string, sourceCode: SourceCode, findings: FilterFinding[]): void {
  if (isEscapedPattern(value, sourceCode, 0)) return;
  const taint = taintOf(value, sourceCode);
  if (taint) findings.push({ kind: 'regex', node: value, taint, key });
}

/**
 * Whether a pattern is escaped: an escaper call (escape-string-regexp, lodash `escapeRegExp`, a
 * project function named like `escapeRegex`), or `.replace(…, '\\$&')`, on the way from its variable.
 */
function isEscapedPattern(value: Node, sourceCode: SourceCode, depth: number): boolean {
  if (depth > 4) return false;
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(node);
    if (name && REGEX_ESCAPER_NAME.test(name)) return true;
    const ref = resolveModule(unwrap(node.callee), sourceCode);
    if (ref && REGEX_ESCAPERS.some((row) => row.modules.includes(ref.module) && row.path.length === ref.path.length && row.path.every((p, i) => p === ref.path[i]))) return true;
    if ((name === 'replace' || name === 'replaceAll') && /\$&/.test(sourceCode.getText(node.arguments[1] ?? node))) return true;
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) return isEscapedPattern(callee.object, sourceCode, depth + 1);
    return false;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length > 0 && node.expressions.every((e) => isEscapedPattern(e, sourceCode, depth + 1));
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    return [node.left, node.right].every((side) => side.type === AST_NODE_TYPES.Literal || isEscapedPattern(side, sourceCode, depth + 1));
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, node);
    const single = variable && singleValue(variable);
    return !!single && single.path.length === 0 && isEscapedPattern(single.init, sourceCode, depth + 1);
  }
  return false;
}

/**
 * Whether the function holding `node` checks the value's type (`typeof email !== 'string'`,
 * `typeof req.body.email === 'string'`): then it is text when it reaches the query.
 */
function isTypeChecked(node: Node, taint: Taint, sourceCode: SourceCode): boolean {
  const fn = enclosingFunction(node);
  const scope = fn ?? sourceCode.ast;
  const text = sourceCode.getText(scope);
  if (!text.includes('typeof')) return false;
  const names = new Set([sourceCode.getText(unwrap(node)), taint.source.text, sourceCode.getText(taint.source.node)]);
  for (const name of names) {
    if (name.length === 0) continue;
    if (text.includes(`typeof ${name}`) || text.includes(`typeof(${name})`)) return true;
  }
  return false;
}
