/** Can this value only be a number, or a type whose text holds no quote or keyword? */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, singleValue, unwrap, writtenValues } from '../core/ast.js';
import { type SourceCode } from '../core/cache.js';
import { fromModule, resolveModule } from '../core/modules.js';
import { isTainted } from './taint.js';
import { staticValue } from '../core/static-value.js';

type Node = TSESTree.Node;

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
