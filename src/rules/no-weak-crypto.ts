import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/core/ast.js';
import { isModulePath, resolveModule } from '../analysis/core/modules.js';
import { staticString } from '../analysis/core/static-value.js';
import { calledMethods, CRYPTO_CALL_SELECTOR, cryptoCall, describeCryptoCall, hashUpdates, mayUseCrypto, type CryptoCall } from '../analysis/domains/crypto.js';
import { isConstantBytes, passwordData, readOptions, staticNumber } from '../analysis/domains/crypto-values.js';
import { brokenDigest, isAeadCipher, isEcbMode, isKeyWrap, weakCipherFamily } from '../analysis/domains/crypto-algorithms.js';
import { MIN_GCM_TAG_BYTES, MIN_MODULUS_BITS, MODULUS_KEY_TYPES } from '../catalog/crypto.js';
import { createRule } from '../util/create-rule.js';

type MessageIds =
  | 'legacyCipher'
  | 'weakCipher'
  | 'ecbMode'
  | 'constantIv'
  | 'shortAuthTag'
  | 'missingAuthTag'
  | 'weakModulus'
  | 'weakSignatureDigest'
  | 'weakHmacDigest'
  | 'hardcodedKey'
  | 'useGcm'
  | 'useRandomIv';
type Options = [{ reportSha1Interop?: boolean }];

export default createRule<Options, MessageIds>({
  name: 'no-weak-crypto',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow broken ciphers, modes, IVs, key sizes and digests for encryption, signatures and MACs',
      recommended: 'recommended',
      cwe: 'CWE-327',
      owasp: ['A02:2021'],
    },
    hasSuggestions: true,
    messages: {
      legacyCipher:
        '{{call}} derives the key from a password with a single MD5 round and uses no IV, so equal messages encrypt alike (it is deprecated and removed in Node 22). Use `createCipheriv` with a random key and a random IV, e.g. aes-256-gcm with `randomBytes(12)`.',
      weakCipher: '{{call}} uses {{family}} (`{{algorithm}}`), which does not protect data today. Use aes-256-gcm with a random 12-byte IV.',
      ecbMode: '{{call}} uses ECB mode (`{{algorithm}}`): equal blocks of plaintext give equal blocks of ciphertext. Use aes-256-gcm with a random 12-byte IV.',
      constantIv:
        '{{call}} uses an IV that is the same on every run: equal messages encrypt alike{{aead}}. Generate a random IV for each message (`randomBytes({{size}})`) and store it beside the ciphertext.',
      shortAuthTag: '{{call}} uses a {{bytes}}-byte authentication tag; use 16 bytes, or forged messages pass far more often.',
      missingAuthTag:
        '`{{name}}` decrypts {{algorithm}} without `setAuthTag()`: the plaintext is used without checking that the ciphertext was not changed. Call `{{name}}.setAuthTag(tag)` before `final()`.',
      weakModulus: '{{call}} makes a {{bits}}-bit {{type}} key; use at least 2048 bits (3072 for keys that must last beyond 2030).',
      weakSignatureDigest: '{{call}} {{verb}} with {{digest}}, whose collisions can be forged. Use SHA-256 or stronger.',
      weakHmacDigest: '{{call}} computes an HMAC with {{digest}}; use HMAC-SHA-256.',
      hardcodedKey:
        '{{call}} encrypts with a key or passphrase written in the code: anyone who can read the code can decrypt. Load it from the environment or a secret manager.',
      useGcm: 'Use `{{algorithm}}` with a random 12-byte IV (store the IV and `getAuthTag()` with the ciphertext).',
      useRandomIv: 'Use `{{text}}` (store the IV beside the ciphertext).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportSha1Interop: {
            type: 'boolean',
            description:
              'Also report HMAC-SHA1 and SHA-1 signature verification, which webhook and API protocols (GitHub, Twilio, OAuth 1.0a, AWS SNS) often dictate; HMAC-SHA1 itself is not broken.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportSha1Interop: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayUseCrypto(sourceCode)) return {};
    const reportSha1Interop = options.reportSha1Interop ?? false;

    /** The text of the `crypto` namespace a call was made through (`crypto` in `crypto.createCipheriv`), for suggestions. */
    function namespaceText(call: CryptoCall): string | null {
      const callee = unwrap(call.node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      return isModulePath(resolveModule(callee.object, sourceCode), ['crypto'], []) ? sourceCode.getText(callee.object) : null;
    }

    function cipher(call: CryptoCall): void {
      const [algorithmNode, , ivNode, optionsNode] = call.args;
      if (!algorithmNode) return;
      const algorithm = staticString(algorithmNode, sourceCode)?.toLowerCase() ?? null;
      const name = describeCryptoCall(call);
      if (algorithm !== null) {
        const family = weakCipherFamily(algorithm);
        if (family) {
          context.report({ node: algorithmNode, messageId: 'weakCipher', data: { call: name, family, algorithm } });
          return;
        }
        if (isEcbMode(algorithm)) {
          context.report({ node: algorithmNode, messageId: 'ecbMode', data: { call: name, algorithm }, suggest: ecbSuggestion(call, algorithm, algorithmNode, ivNode) });
          return;
        }
      }
      if (ivNode && !(algorithm !== null && isKeyWrap(algorithm)) && isConstantBytes(ivNode, sourceCode)) {
        const aead = algorithm !== null && isAeadCipher(algorithm);
        const size = aead ? 12 : 16;
        const ns = call.entry.direction === 'encrypt' ? namespaceText(call) : null;
        const text = ns ? `${ns}.randomBytes(${size})` : null;
        context.report({
          node: ivNode,
          messageId: 'constantIv',
          data: { call: name, aead: aead ? ', and reusing a nonce with the same key reveals the authentication key' : '', size: String(size) },
          suggest: text && within(ivNode, call.node) ? [{ messageId: 'useRandomIv', data: { text }, fix: (fixer) => fixer.replaceText(ivNode, text) }] : [],
        });
      }
      if (algorithm === null || !isAeadCipher(algorithm)) return;
      const tagLength = readOptions(optionsNode, sourceCode).get('authTagLength');
      const bytes = tagLength.kind === 'present' ? staticNumber(tagLength.node, sourceCode) : null;
      if (bytes !== null && bytes < MIN_GCM_TAG_BYTES && tagLength.kind === 'present') {
        context.report({ node: within(tagLength.node, call.node) ? tagLength.node : call.node, messageId: 'shortAuthTag', data: { call: name, bytes: String(bytes) } });
      }
      if (call.entry.direction !== 'decrypt') return;
      const uses = calledMethods(call.node, sourceCode);
      if (!uses || uses.escapes || uses.methods.has('setAuthTag') || !(uses.methods.has('update') || uses.methods.has('final'))) return;
      const holder = call.node.parent;
      const variable = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : 'decipher';
      context.report({ node: call.node, messageId: 'missingAuthTag', data: { name: variable, algorithm } });
    }

    function ecbSuggestion(call: CryptoCall, algorithm: string, algorithmNode: TSESTree.Node, ivNode: TSESTree.Node | undefined): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const bits = /^aes-?(128|192|256)-ecb$/.exec(algorithm)?.[1];
      const ns = call.entry.direction === 'encrypt' ? namespaceText(call) : null;
      if (!bits || !ns || !ivNode || !within(algorithmNode, call.node) || !within(ivNode, call.node)) return [];
      const iv = unwrap(ivNode);
      const empty = (iv.type === AST_NODE_TYPES.Literal && (iv.value === null || iv.value === '')) || sourceCode.getText(iv).replace(/\s/g, '') === 'Buffer.alloc(0)';
      if (!empty) return [];
      const replacement = `aes-${bits}-gcm`;
      const quote = sourceCode.getText(algorithmNode).startsWith('"') ? '"' : "'";
      return [
        {
          messageId: 'useGcm',
          data: { algorithm: replacement },
          fix: (fixer) => [fixer.replaceText(algorithmNode, `${quote}${replacement}${quote}`), fixer.replaceText(ivNode, `${ns}.randomBytes(12)`)],
        },
      ];
    }

    function keyPair(call: CryptoCall): void {
      const [typeNode, optionsNode] = call.args;
      const type = typeNode ? staticString(typeNode, sourceCode)?.toLowerCase() : undefined;
      if (type === undefined || !MODULUS_KEY_TYPES.has(type)) return;
      const modulus = readOptions(optionsNode, sourceCode).get('modulusLength');
      const bits = modulus.kind === 'present' ? staticNumber(modulus.node, sourceCode) : null;
      if (modulus.kind !== 'present' || bits === null || bits >= MIN_MODULUS_BITS) return;
      context.report({
        node: within(modulus.node, call.node) ? modulus.node : call.node,
        messageId: 'weakModulus',
        data: { call: describeCryptoCall(call), bits: String(bits), type: type.toUpperCase() },
      });
    }

    function signature(call: CryptoCall): void {
      const algorithmNode = call.args[0];
      const algorithm = algorithmNode ? staticString(algorithmNode, sourceCode) : null;
      const digest = algorithm === null ? null : brokenDigest(algorithm);
      if (!digest || !algorithmNode) return;
      if (digest === 'SHA-1' && call.entry.direction === 'verify' && !reportSha1Interop) return;
      context.report({
        node: algorithmNode,
        messageId: 'weakSignatureDigest',
        data: { call: describeCryptoCall(call), verb: call.entry.direction === 'verify' ? 'verifies signatures' : 'signs', digest },
      });
    }

    function hmac(call: CryptoCall): void {
      const algorithmNode = call.args[0];
      const algorithm = algorithmNode ? staticString(algorithmNode, sourceCode) : null;
      const digest = algorithm === null ? null : brokenDigest(algorithm);
      if (!digest || !algorithmNode) return;
      if (digest === 'SHA-1' && !reportSha1Interop) return;
      // A password fed to an HMAC is a fast password hash: no-weak-password-hash reports it.
      if (hashUpdates(call, sourceCode).some((value) => passwordData(value, sourceCode))) return;
      context.report({ node: algorithmNode, messageId: 'weakHmacDigest', data: { call: describeCryptoCall(call), digest } });
    }

    function cryptoJs(call: CryptoCall): void {
      const name = describeCryptoCall(call);
      const family = weakCipherFamily(call.entry.algorithm ?? '');
      if (family) {
        context.report({ node: call.node.callee, messageId: 'weakCipher', data: { call: name, family, algorithm: call.entry.algorithm ?? '' } });
        return;
      }
      const [, keyNode, configNode] = call.args;
      const config = readOptions(configNode, sourceCode);
      const mode = config.get('mode');
      if (mode.kind === 'present') {
        const ref = resolveModule(mode.node, sourceCode);
        if (ref && ref.module === 'crypto-js' && ref.path.length === 2 && ref.path[0] === 'mode' && ref.path[1] === 'ECB') {
          context.report({ node: within(mode.node, call.node) ? mode.node : call.node, messageId: 'ecbMode', data: { call: name, algorithm: 'mode.ECB' } });
          return;
        }
      }
      if (keyNode && isConstantBytes(keyNode, sourceCode)) {
        context.report({ node: keyNode, messageId: 'hardcodedKey', data: { call: name } });
        return;
      }
      const iv = config.get('iv');
      if (iv.kind === 'present' && isConstantBytes(iv.node, sourceCode)) {
        context.report({ node: within(iv.node, call.node) ? iv.node : call.node, messageId: 'constantIv', data: { call: name, aead: '', size: '16' } });
      }
    }

    return {
      [CRYPTO_CALL_SELECTOR](node: TSESTree.CallExpression) {
        const call = cryptoCall(node, sourceCode);
        if (!call) return;
        switch (call.entry.operation) {
          case 'legacy-cipher':
            context.report({ node: node.callee, messageId: 'legacyCipher', data: { call: describeCryptoCall(call) } });
            return;
          case 'cipher':
            cipher(call);
            return;
          case 'key-pair':
            keyPair(call);
            return;
          case 'signature':
            signature(call);
            return;
          case 'hmac':
            hmac(call);
            return;
          case 'cryptojs-cipher':
            cryptoJs(call);
            return;
          default:
        }
      },
    };
  },
});

function within(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
