/**
 * Can a value read from a request be something other than a string? Route and path parameters,
 * headers and URL search parameters are always strings (or arrays of strings); a parsed JSON body,
 * an Express (`qs`) query string and `cookie-parser`'s `j:` cookies can hold objects such as
 * `{ "$ne": null }`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import type { RequestSource } from './request-sources.js';

type Node = TSESTree.Node;

export interface RequestShapeOptions {
  /**
   * Whether a NestJS `@Body()` / `@Query()` parameter typed with a class (a DTO) counts as
   * validated: with the usual global `ValidationPipe`, class-validator rejects a non-string where
   * the DTO declares `@IsString()`.
   */
  trustTypedBodies?: boolean;
}

/** Express/Fastify/Next.js reads whose value may be an object: JSON bodies, `qs` query strings, JSON cookies, form data. */
const NODE_OBJECT_READ = /^[^.]*(?:\.(?:body|query|cookies|signedCookies|files?)\b|\.(?:json|formData)\(\))/;
/** Koa reads whose value may be an object: only the parsed body (Koa parses query strings with `querystring`). */
const KOA_OBJECT_READ = /^[^.]*\.request\.(?:body|files?)\b|^[^.]*\.req\.(?:json|parseBody|formData)\(/;
/** Hono reads whose value may be an object. */
const HONO_OBJECT_READ = /\.req\.(?:json|parseBody|formData)\(/;
/** NestJS decorators whose values are strings. */
const NEST_STRING_DECORATORS = new Set(['Param', 'Headers', 'HostParam']);
/** Type names that do not describe a validated class. */
const LOOSE_TYPES = new Set(['Record', 'Partial', 'Object', 'Array', 'Map', 'Request', 'any', 'unknown']);

/** Whether the request value `source` names may be an object (or array of objects) rather than text. */
export function mayHoldObject(source: RequestSource, sourceCode: SourceCode, options: RequestShapeOptions = {}): boolean {
  const text = source.text.replace(/^\(?await\s+/, '').replace(/\?\./g, '.');
  switch (source.role) {
    case 'route-context':
    case 'graphql':
      return false;
    case 'koa':
      return KOA_OBJECT_READ.test(text);
    case 'hono':
      return HONO_OBJECT_READ.test(text);
    case 'node':
      return NODE_OBJECT_READ.test(text);
    case 'value':
      return nestValueMayHoldObject(source.node, sourceCode, options);
  }
}

function rootIdentifier(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  for (let i = 0; i < 20; i++) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
    else return null;
  }
  return null;
}

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? unwrap(expression.callee) : expression;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return null;
}

/** A NestJS parameter: `@Param()` and `@Headers()` give strings; `@Body() dto: CreateDto` is validated when trusted. */
function nestValueMayHoldObject(node: Node, sourceCode: SourceCode, options: RequestShapeOptions): boolean {
  const root = rootIdentifier(node);
  const def = root && findVar(sourceCode, root)?.defs[0];
  if (!def || def.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return true;
  const param = def.name;
  const decorators = param.decorators ?? [];
  const names = decorators.map(decoratorName);
  if (names.some((n) => n !== null && NEST_STRING_DECORATORS.has(n))) return false;
  const decorator = decorators[0];
  const expression = decorator && unwrap(decorator.expression);
  // `@Body('email') email: string`: one field, typed but not checked by any pipe.
  const picksField = expression?.type === AST_NODE_TYPES.CallExpression && expression.arguments.length > 0;
  if (options.trustTypedBodies && !picksField) {
    const type = param.typeAnnotation?.typeAnnotation;
    if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) {
      const name = type.typeName.name;
      if (!LOOSE_TYPES.has(name) && /^[A-Z]/.test(name)) return false;
    }
  }
  return true;
}
