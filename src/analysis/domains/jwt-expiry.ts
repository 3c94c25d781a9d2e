import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';

import { isExpiryTimeName, nameWords } from '../core/names.js';
import { staticValue } from '../core/static-value.js';
import { assignedMembers, resolveObject, resolveValueNode } from '../core/object-values.js';

type Node = TSESTree.Node;

/** A claim in a token payload that names an expiry the application keeps and checks itself. */
export interface AppExpiryClaim {
  /** The claim name as written (`expiresAt`, `expires_at`, `validUntil`). */
  name: string;
  /** Where it is written: the property of the payload literal, or the value assigned later (`payload.expiresAt = …`). */
  node: Node;
}

/** Words that make a value's own name a length of time rather than a moment: `ttl`, `expiresIn`, `JWT_EXPIRES_IN`. */
const DURATION_WORDS = new Set(['ttl', 'duration', 'lifetime', 'lifespan', 'period', 'timeout', 'validity']);

/** True when a name reads as a length of time (`ttl`, `expiresIn`, `JWT_EXPIRES_IN`, `maxAge`, `sessionDuration`). */
function isDurationName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((w) => DURATION_WORDS.has(w))) return true;
  for (let i = 1; i < words.length; i++) {
    if (words[i] === 'in' && /^exp/.test(words[i - 1]!)) return true;
    if (words[i] === 'age' && words[i - 1] === 'max') return true;
  }
  return false;
}

/** The name a value is read through: `ttl`, `config.expiresIn`, `process.env.JWT_EXPIRES_IN` (last segment). */
function readName(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  return null;
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);

/**
 * Whether a claim value can hold a moment in time computed when the token is made
 * (`Date.now() + TTL`, `new Date(…)`, `dayjs().add(1, 'h').unix()`, a parameter, a stored
 * `session.expiresAt`). Not: constants (`'1h'`, `3600`, `false` — a duration or a flag no library
 * reads as an expiry), objects, arrays, functions, templates, comparisons and negations, and values
 * read through a name that says duration (`ttl`, `config.expiresIn`).
 */
export function mayHoldMoment(value: Node, sourceCode: SourceCode): boolean {
  const resolved = unwrap(resolveValueNode(value, sourceCode) ?? value);
  switch (resolved.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      return false;
    case AST_NODE_TYPES.UnaryExpression:
      if (resolved.operator !== '+' && resolved.operator !== '-') return false;
      break;
    case AST_NODE_TYPES.BinaryExpression:
      if (!ARITHMETIC.has(resolved.operator)) return false;
      break;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const name = readName(resolved);
      if (name !== null && isDurationName(name)) return false;
      break;
    }
    default:
      break;
  }
  // `new Date()` has a static value (the time of linting): it stands for the moment of signing.
  if (/\bnew\s+Date\b/.test(sourceCode.getText(resolved))) return true;
  return !staticValue(resolved, sourceCode);
}

/**
 * The claim of a token payload that names an application-managed expiry (`expiresAt`, `expires`,
 * `expiry`, `validUntil`…, as `names.isExpiryTimeName`) and holds a computed moment, written in
 * the payload literal (also through constants) or assigned to it later. The standard `exp` claim is
 * not one of them. Null when there is none or the payload cannot be read.
 */
export function appExpiryClaim(payload: Node | undefined, sourceCode: SourceCode): AppExpiryClaim | null {
  if (!payload) return null;
  const object = resolveObject(payload, sourceCode);
  if (!object) return null;
  for (const prop of object.properties) {
    if (prop.type !== AST_NODE_TYPES.Property || prop.kind !== 'init') continue;
    const name = propertyName(prop);
    if (name === null || name === 'exp' || !isExpiryTimeName(name)) continue;
    if (mayHoldMoment(prop.value, sourceCode)) return { name, node: prop };
  }
  for (const [name, value] of assignedMembers(object, sourceCode).members) {
    if (name === 'exp' || !isExpiryTimeName(name) || !value) continue;
    if (mayHoldMoment(value, sourceCode)) return { name, node: value };
  }
  return null;
}
