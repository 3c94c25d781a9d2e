import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { algorithmList, isAsymmetricAlgorithm, isHmacAlgorithm, isNoneAlgorithm, isOptionAbsent, jwtCall, jwtOption, mayUseJwt, namedSignAlgorithm, type JwtCall } from '../analysis/domains/jwt.js';
import { createRule } from '../util/create-rule.js';
import { describeJwtCall, addOptionFix } from '../analysis/domains/jwt-fixes.js';
import { evidencedAlgorithms, keyAlgorithmEvidence, verifierRestrictsAlgorithms } from '../analysis/domains/jwt-algorithms.js';

type MessageIds =
  | 'missingAlgorithms'
  | 'missingAlgorithmsDefenceInDepth'
  | 'missingAlgorithmsKeyTyped'
  | 'noneAlgorithm'
  | 'mixedAlgorithms'
  | 'unsecuredJwt'
  | 'addAlgorithms';

type Options = [{ reportWhenLibraryRestrictsAlgorithms?: boolean }];

/** Where each library takes the verification allow-list, and whether leaving it out is reported. */
function allowListPath(call: JwtCall): { path: string[]; required: boolean } | null {
  switch (call.operation) {
    case 'verify':
      if (call.library === 'hono/jwt') return null;
      return { path: ['algorithms'], required: call.library === 'jsonwebtoken' || call.entry.algorithmsFromKey === true };
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

export default createRule<Options, MessageIds>({
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
        '{{call}} has no `algorithms` allow-list, so the token header chooses how it is checked (algorithm confusion). Pass `algorithms` with the algorithm your tokens are signed with.',
      missingAlgorithmsDefenceInDepth:
        '{{call}} has no `algorithms` allow-list. The declared {{declared}} already accepts only algorithms that fit the key\'s type, so naming the algorithm your tokens are signed with is defence in depth: it keeps a change of key or library version from widening what is accepted.',
      missingAlgorithmsKeyTyped:
        "{{call}} has no `algorithms` allow-list. This {{majors}} API accepts only the algorithms of the key it is given (HMAC for a secret, the key's own family for a public key), so naming the algorithm your tokens are signed with is defence in depth: it keeps a change of key from widening what is accepted.",
      noneAlgorithm:
        '{{call}} allows the `none` algorithm: tokens without a signature would be made or accepted, so anyone can forge them. Remove `none` and name a signing algorithm such as `HS256` or `RS256`.',
      mixedAlgorithms:
        '{{call}} mixes HMAC ({{hmac}}) and public-key ({{publicKey}}) algorithms in one allow-list, so a token signed with the public key as an HMAC secret can pass. Keep only the family of your key.',
      unsecuredJwt:
        'jose `UnsecuredJWT` makes and reads tokens with `alg: "none"` that anyone can forge. Use `SignJWT` and `jwtVerify` with a key instead.',
      addAlgorithms: 'Add `algorithms: [{{alg}}]` to the options.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportWhenLibraryRestrictsAlgorithms: {
            type: 'boolean',
            description:
              'Also report a missing allow-list when the library already restricts algorithms to the key\'s type (a declared jsonwebtoken 9, passport-jwt 4.0.1, @nestjs/jwt 10 or later; jose 1.x/2.x `JWT.verify()`): defence in depth.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportWhenLibraryRestrictsAlgorithms: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // No JWT library can be loaded here: nothing in the file is a JWT call.
    if (!mayUseJwt(sourceCode)) return {};
    const reportRestricted = options?.reportWhenLibraryRestrictsAlgorithms === true;
    const missing: JwtCall[] = [];
    /** Algorithms this file signs with: named ones, and jsonwebtoken's `HS256` default. */
    const signAlgorithms: string[] = [];
    /** List nodes already reported: an options object shared by several calls is one problem. */
    const reported = new Set<TSESTree.Node>();

    function reportList(node: TSESTree.Node, report: () => void): void {
      if (reported.has(node)) return;
      reported.add(node);
      report();
    }

    function checkList(call: JwtCall, path: string[]): void {
      const prop = jwtOption(call, path, sourceCode);
      if (!prop) return;
      const list = algorithmList(prop.value, sourceCode);
      if (!list) return;
      const noneIndex = list.names.findIndex(isNoneAlgorithm);
      if (noneIndex >= 0) {
        const node = list.nodes[noneIndex] ?? prop.value;
        reportList(node, () =>
          context.report({ node, messageId: 'noneAlgorithm', data: { call: describeJwtCall(call, ' options') } }),
        );
        return;
      }
      const hmac = list.names.filter(isHmacAlgorithm);
      const publicKey = list.names.filter(isAsymmetricAlgorithm);
      if (hmac.length > 0 && publicKey.length > 0) {
        reportList(prop.value, () =>
          context.report({
            node: prop.value,
            messageId: 'mixedAlgorithms',
            data: { call: describeJwtCall(call, ' options'), hmac: hmac.join(', '), publicKey: publicKey.join(', ') },
          }),
        );
      }
    }

    function checkSign(call: JwtCall): void {
      const alg = namedSignAlgorithm(call, sourceCode);
      if (!alg) {
        // jsonwebtoken signs with HS256 when no `algorithm` is given.
        if (
          call.library === 'jsonwebtoken' &&
          call.operation === 'sign' &&
          call.key &&
          isOptionAbsent(call, ['algorithm'], sourceCode)
        ) {
          signAlgorithms.push('HS256');
        }
        return;
      }
      if (isNoneAlgorithm(alg.name)) {
        const node = alg.node;
        reportList(node, () =>
          context.report({ node, messageId: 'noneAlgorithm', data: { call: describeJwtCall(call, ' options') } }),
        );
        return;
      }
      signAlgorithms.push(alg.name);
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
      // No key argument yet (`jwt.verify(token)` while typing): nothing to judge.
      if (call.operation === 'verify' && call.entry.args.key !== undefined && node.arguments.length < 2) return;
      if (call.operation !== 'verify' && !call.options) return;
      if (isOptionAbsent(call, allowList.path, sourceCode)) missing.push(call);
    }

    return {
      CallExpression: visit,
      NewExpression: visit,
      'Program:exit'() {
        if (missing.length === 0) return;
        const filename = context.physicalFilename || context.filename;
        for (const call of missing) {
          // Read lazily: package.json is consulted only for a verification without an allow-list.
          const restriction = verifierRestrictsAlgorithms(call, sourceCode, filename);
          if ((restriction.kind === 'restricts' || restriction.kind === 'key-typed') && !reportRestricted) continue;
          const key = call.key ? keyAlgorithmEvidence(call.key, sourceCode) : ({ kind: 'none' } as const);
          const algorithms = evidencedAlgorithms(key, signAlgorithms);
          const alg = algorithms ? algorithms.map((a) => `'${a}'`).join(', ') : null;
          const fix = alg ? addOptionFix(call, ['algorithms'], `[${alg}]`, sourceCode) : null;
          const node = call.node.type === AST_NODE_TYPES.NewExpression ? call.node : call.node.callee;
          const suggest = fix && alg ? [{ messageId: 'addAlgorithms' as const, data: { alg }, fix }] : [];
          const described = describeJwtCall(call, ' options');
          if (restriction.kind === 'key-typed') {
            context.report({ node, messageId: 'missingAlgorithmsKeyTyped', data: { call: described, majors: `${restriction.library} ${restriction.majors}` }, suggest });
          } else if (restriction.kind === 'restricts') {
            const via = restriction.via ? ` (which verifies with ${restriction.via})` : '';
            const declared = `${restriction.library} range \`${restriction.range}\`${via}`;
            context.report({ node, messageId: 'missingAlgorithmsDefenceInDepth', data: { call: described, declared }, suggest });
          } else {
            context.report({ node, messageId: 'missingAlgorithms', data: { call: described }, suggest });
          }
        }
      },
    };
  },
});
