/** Is the key of a JWT call a weak HMAC secret: a hardcoded literal or a literal fallback used to sign or verify with HMAC? */
import type { TSESTree } from '@typescript-eslint/utils';
import { type SourceCode } from '../core/cache.js';
import { staticString } from '../core/static-value.js';
import { algorithmList, isAsymmetricAlgorithm, isHmacAlgorithm, jwtOption, namedSignAlgorithm, type JwtCall } from './jwt.js';
import { classifyJwtKey, looksLikeAsymmetricKey, type JwtKeyInfo } from './jwt-keys.js';

/** Algorithm names the call declares, for signing and verifying; empty when none are named. */
export function declaredAlgorithms(call: JwtCall, sourceCode: SourceCode): string[] {
  const names: string[] = [];
  const signAlg = namedSignAlgorithm(call, sourceCode);
  if (signAlg) names.push(signAlg.name);
  const listPaths: string[][] =
    call.operation === 'module-config'
      ? [['verifyOptions', 'algorithms']]
      : call.operation === 'plugin-register'
        ? [['verify', 'algorithms']]
        : [['algorithms']];
  for (const path of listPaths) {
    const prop = jwtOption(call, path, sourceCode);
    const list = prop ? algorithmList(prop.value, sourceCode) : null;
    if (list) names.push(...list.names);
  }
  if (call.library === 'hono/jwt' && call.operation === 'middleware') {
    const alg = jwtOption(call, ['alg'], sourceCode);
    const name = alg ? staticString(alg.value, sourceCode) : null;
    if (name !== null) names.push(name);
  }
  return names;
}

/** Whether the key is used as an HMAC secret: no declared algorithm, or only HMAC ones. */
export function usesHmac(call: JwtCall, sourceCode: SourceCode): boolean {
  const algorithms = declaredAlgorithms(call, sourceCode);
  if (algorithms.length === 0) return true;
  return algorithms.some(isHmacAlgorithm) && !algorithms.every(isAsymmetricAlgorithm);
}

/** Operations whose key signs or verifies. */
const KEYED_OPERATIONS = new Set(['sign', 'verify', 'middleware', 'strategy', 'module-config', 'plugin-register']);

/**
 * The key of a JWT call when it is a hardcoded HMAC secret: a non-empty literal (`kind: 'literal'`)
 * or a literal fallback of a configured value (`kind: 'fallback'`), not a PEM/JWK text, used with
 * HMAC. `literal` is the string node that holds the secret. Null for anything else.
 */
export function weakHmacSecret(call: JwtCall, sourceCode: SourceCode): (JwtKeyInfo & { literal: TSESTree.Node }) | null {
  if (!call.key || !KEYED_OPERATIONS.has(call.operation)) return null;
  const info = classifyJwtKey(call.key, sourceCode);
  if (info.kind !== 'literal' && info.kind !== 'fallback') return null;
  // An empty key is refused by every library at run time (`?? ''` only quiets the type checker).
  if ((info.value ?? '').trim() === '') return null;
  if (looksLikeAsymmetricKey(info.value ?? '')) return null;
  if (!usesHmac(call, sourceCode)) return null;
  const target = info.kind === 'fallback' ? info.expression : info.literal;
  if (!target || !info.literal) return null;
  return info as JwtKeyInfo & { literal: TSESTree.Node };
}
