/**
 * Node's `crypto` module as a file uses it: is a value an HMAC digest (`createHmac(…).update(…)
 * .digest('hex')`, followed through variables, concatenation and `Buffer.from`), and by which local
 * name can the file already reach `timingSafeEqual`?
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, memberName, unwrap, writtenValues } from '../core/ast.js';
import { perFileCache, type SourceCode } from '../core/cache.js';
import { resolveModule, type ModuleRef } from '../core/modules.js';
import { includesAnyCase, textGate } from '../core/source-text.js';

type Node = TSESTree.Node;

const MAX_DEPTH = 8;

/** The file names an HMAC function (`createHmac`, crypto-js `HmacSHA256`, `crypto-js/hmac-sha256`): `isHmacDigest` is false in any other. */
export const mayComputeHmac = textGate(includesAnyCase(['hmac']));

/** `crypto` (also written `node:crypto`) and `crypto-js`'s `HmacSHA256(…)` family. */
function isHmacRef(ref: ModuleRef | null): boolean {
  if (!ref) return false;
  if (ref.module === 'crypto') return ref.path[0] === 'createHmac' && ref.path.includes('digest');
  if (ref.module === 'crypto-js' || ref.module.startsWith('crypto-js/')) {
    return ref.path.some((step) => step.startsWith('Hmac')) || ref.module.startsWith('crypto-js/hmac');
  }
  return false;
}

/**
 * True when the value is an HMAC computed in this file: `crypto.createHmac(alg, key).update(body)
 * .digest('hex')`, a variable holding one (`const expected = hmac.digest('base64')`), text built
 * around one (`'sha256=' + hmac.digest('hex')`), `Buffer.from(digest)`, `.toString()` of it, and
 * crypto-js `HmacSHA256(body, key).toString()`. Resolved by import.
 */
export function isHmacDigest(node: Node, sourceCode: SourceCode, depth = 0): boolean {
  if (depth > MAX_DEPTH || !mayComputeHmac(sourceCode)) return false;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(callee);
        if (method === 'digest' || method === 'toString') {
          if (isHmacRef(resolveModule(target, sourceCode))) return true;
        }
        if (method === 'toString' || method === 'toLowerCase' || method === 'trim') return isHmacDigest(callee.object, sourceCode, depth + 1);
        if (method === 'from' && unwrap(callee.object).type === AST_NODE_TYPES.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Buffer') {
          return !!target.arguments[0] && isHmacDigest(target.arguments[0], sourceCode, depth + 1);
        }
      }
      return false;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return target.operator === '+' && (isHmacDigest(target.left, sourceCode, depth + 1) || isHmacDigest(target.right, sourceCode, depth + 1));
    case AST_NODE_TYPES.TemplateLiteral:
      return target.expressions.some((e) => isHmacDigest(e, sourceCode, depth + 1));
    case AST_NODE_TYPES.AwaitExpression:
      return isHmacDigest(target.argument, sourceCode, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, target);
      if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return false;
      const writes = writtenValues(variable);
      return writes.length > 0 && writes.every((w) => w.path.length === 0) && writes.some((w) => isHmacDigest(w.expr, sourceCode, depth + 1));
    }
    default:
      return false;
  }
}

/** How code of this file can call `crypto.timingSafeEqual`: the text of the callee, or null when no binding exists. */
export interface TimingSafeEqualAccess {
  /** `timingSafeEqual`, `crypto.timingSafeEqual`, `nodeCrypto.timingSafeEqual`. */
  callee: string;
}

/**
 * The local binding through which the file already reaches `timingSafeEqual`: a named import or
 * destructured `require` of it, or the module itself bound at top level (`import crypto from
 * 'crypto'`, `import * as c from 'node:crypto'`, `const crypto = require('crypto')`). Null when
 * the file binds neither. Top-level statements only; cached per file.
 */
export const timingSafeEqualAccess = perFileCache((sourceCode): TimingSafeEqualAccess | null => {
  let moduleName: string | null = null;
  const consider = (id: TSESTree.Identifier): string | null => {
    const ref = resolveModule(id, sourceCode);
    if (!ref || ref.module !== 'crypto') return null;
    if (ref.path.length === 1 && ref.path[0] === 'timingSafeEqual') return id.name;
    if (ref.path.length === 0 && moduleName === null) moduleName = id.name;
    return null;
  };
  for (const statement of sourceCode.ast.body) {
    const ids: TSESTree.Identifier[] = [];
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      for (const spec of statement.specifiers) {
        if (spec.type === AST_NODE_TYPES.ImportSpecifier && spec.importKind === 'type') continue;
        ids.push(spec.local);
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) ids.push(declarator.id);
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const prop of declarator.id.properties) {
            if (prop.type === AST_NODE_TYPES.Property && prop.value.type === AST_NODE_TYPES.Identifier) ids.push(prop.value);
          }
        }
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      ids.push(statement.id);
    }
    for (const id of ids) {
      const direct = consider(id);
      if (direct) return { callee: direct };
    }
  }
  return moduleName === null ? null : { callee: `${moduleName as string}.timingSafeEqual` };
});

/**
 * True when `name` is visible at `at` or declared at the file's top level (so a helper declared
 * under that name at top level would clash or be shadowed), or read as an undeclared global.
 */
export function isNameTaken(sourceCode: SourceCode, name: string, at: Node): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return true;
  if (globalScope.through.some((r) => r.identifier.name === name)) return true;
  for (let scope: ReturnType<SourceCode['getScope']> | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    if (scope.set.has(name)) return true;
  }
  return globalScope.childScopes.some((s) => (s.type === 'module' || s.block === sourceCode.ast) && s.set.has(name));
}
