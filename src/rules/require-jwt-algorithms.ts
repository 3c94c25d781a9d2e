import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  describeJwtCall,
  addOptionFix,
  algorithmList,
  classifyJwtKey,
  isAsymmetricAlgorithm,
  isHmacAlgorithm,
  isNoneAlgorithm,
  isOptionAbsent,
  jwtCall,
  jwtOption,
  looksLikeAsymmetricKey,
  mayUseJwt,
  namedSignAlgorithm,
  type JwtCall,
} from '../analysis/jwt.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'missingAlgorithms' | 'noneAlgorithm' | 'mixedAlgorithms' | 'unsecuredJwt' | 'addAlgorithms';

/** Where each library takes the verification allow-list, and whether leaving it out is reported. */
function allowListPath(call: JwtCall): { path: string[]; required: boolean } | null {
  switch (call.operation) {
    case 'verify':
      if (call.library === 'hono/jwt') return null;
      return { path: ['algorithms'], required: call.library === 'jsonwebtoken' };
    case 'middleware':
      return call.library === 'express-jwt' ? { path: ['algorithms'], required: true } : null;
    case 'strategy':
      return { path: ['algorithms'], required: true };
    case 'module-config':
      return { path: ['verifyOptions', 'algorithms'], required: false };
    case 'plugin-register':
      return { path: ['verify', 'algorithms'], required: false };
    default:
      return null;
  }
}

export default createRule<[], MessageIds>({
  name: 'require-jwt-algorithms',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an explicit JWT algorithm allow-list when verifying tokens, and disallow `none` and mixed HMAC/public-key lists',
      recommended: 'recommended',
      cwe: 'CWE-347',
      owasp: ['API2:2023'],
    },
    hasSuggestions: true,
    messages: {
      missingAlgorithms:
        '{{call}} has no `algorithms` allow-list, so the token header chooses how it is checked (algorithm confusion). Pass `algorithms: [{{alg}}]` with the algorithm your tokens are signed with.',
      noneAlgorithm:
        '{{call}} allows the `none` algorithm: tokens without a signature would be made or accepted, so anyone can forge them. Remove `none` and name a signing algorithm such as `HS256` or `RS256`.',
      mixedAlgorithms:
        '{{call}} mixes HMAC ({{hmac}}) and public-key ({{publicKey}}) algorithms in one allow-list, so a token signed with the public key as an HMAC secret can pass. Keep only the family of your key.',
      unsecuredJwt:
        'jose `UnsecuredJWT` makes and reads tokens with `alg: "none"` that anyone can forge. Use `SignJWT` and `jwtVerify` with a key instead.',
      addAlgorithms: 'Add `algorithms: [{{alg}}]` to the options.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // No JWT library can be loaded here: nothing in the file is a JWT call.
    if (!mayUseJwt(sourceCode)) return {};
    const missing: JwtCall[] = [];
    const signAlgorithms: string[] = [];
    let hmacByStringKey = false;

    function checkList(call: JwtCall, path: string[]): void {
      const prop = jwtOption(call, path, sourceCode);
      if (!prop) return;
      const list = algorithmList(prop.value, sourceCode);
      if (!list) return;
      const noneIndex = list.names.findIndex(isNoneAlgorithm);
      if (noneIndex >= 0) {
        const node = list.nodes[noneIndex] ?? prop.value;
        context.report({ node, messageId: 'noneAlgorithm', data: { call: describeJwtCall(call, ' options') } });
        return;
      }
      const hmac = list.names.filter(isHmacAlgorithm);
      const publicKey = list.names.filter(isAsymmetricAlgorithm);
      if (hmac.length > 0 && publicKey.length > 0) {
        context.report({
          node: prop.value,
          messageId: 'mixedAlgorithms',
          data: { call: describeJwtCall(call, ' options'), hmac: hmac.join(', '), publicKey: publicKey.join(', ') },
        });
      }
    }

    function checkSign(call: JwtCall): void {
      const alg = namedSignAlgorithm(call, sourceCode);
      if (!alg) {
        if (call.library === 'jsonwebtoken' && call.operation === 'sign' && call.key) {
          const key = classifyJwtKey(call.key, sourceCode);
          if ((key.kind === 'literal' || key.kind === 'fallback') && !looksLikeAsymmetricKey(key.value ?? '')) {
            hmacByStringKey = true;
          }
        }
        return;
      }
      if (isNoneAlgorithm(alg.name)) {
        context.report({ node: alg.node, messageId: 'noneAlgorithm', data: { call: describeJwtCall(call, ' options') } });
        return;
      }
      signAlgorithms.push(alg.name);
    }

    /** The algorithm to suggest: an HMAC string key says HS256; else what this file signs with; else by key name; else RS256. */
    function suggestedAlgorithm(call: JwtCall): string {
      const key = call.key ? classifyJwtKey(call.key, sourceCode) : null;
      if (key && (key.kind === 'literal' || key.kind === 'fallback') && !looksLikeAsymmetricKey(key.value ?? '')) {
        return 'HS256';
      }
      const signed = signAlgorithms.find((a) => isHmacAlgorithm(a) || isAsymmetricAlgorithm(a));
      if (signed) return signed;
      const names = key ? key.names.join(' ') : '';
      if (/public|pem|cert|rsa|ecdsa|jwks|spki/i.test(names) || key?.kind === 'secret-store' || key?.kind === 'key-object') {
        return 'RS256';
      }
      if (/secret|hmac/i.test(names) || hmacByStringKey) return 'HS256';
      return 'RS256';
    }

    function visit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const call = jwtCall(node, sourceCode);
      if (!call) return;
      if (call.entry.unsecured) {
        context.report({ node, messageId: 'unsecuredJwt' });
        return;
      }
      if (call.operation === 'sign' || call.operation === 'module-config' || call.operation === 'plugin-register') {
        checkSign(call);
      }
      const allowList = allowListPath(call);
      if (!allowList) return;
      checkList(call, allowList.path);
      if (!allowList.required) return;
      if (call.library === 'jsonwebtoken' && node.arguments.length < 2) return;
      if (call.operation !== 'verify' && !call.options) return;
      if (isOptionAbsent(call, allowList.path, sourceCode)) missing.push(call);
    }

    return {
      CallExpression: visit,
      NewExpression: visit,
      'Program:exit'() {
        for (const call of missing) {
          const alg = `'${suggestedAlgorithm(call)}'`;
          const fix = addOptionFix(call, ['algorithms'], `[${alg}]`, sourceCode);
          const node = call.node.type === AST_NODE_TYPES.NewExpression ? call.node : call.node.callee;
          context.report({
            node,
            messageId: 'missingAlgorithms',
            data: { call: describeJwtCall(call, ' options'), alg },
            suggest: fix ? [{ messageId: 'addAlgorithms', data: { alg }, fix }] : [],
          });
        }
      },
    };
  },
});
