import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, shortText, singleValue, unwrap } from '../analysis/core/ast.js';
import { resolveModule } from '../analysis/core/modules.js';
import { staticString } from '../analysis/core/static-value.js';
import { CRYPTO_CALL_SELECTOR, cryptoCall, describeCryptoCall, digestData, digestResult, hashUpdates, mayUseCrypto, type CryptoCall } from '../analysis/domains/crypto.js';
import { isKeyMaterial, numericLiteral, passwordData, readOptions, staticNumber, type OptionValue } from '../analysis/domains/crypto-values.js';
import {
  ARGON2_DEFAULTS,
  ARGON2_MIN_SETTINGS,
  ARGON2_VARIANTS,
  DEFAULT_MIN_BCRYPT_COST,
  NODE_SCRYPT_DEFAULTS,
  PBKDF2_MIN_ITERATIONS,
  SCRYPT_MIN_SETTINGS,
} from '../catalog/crypto.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'fastHash' | 'bcryptCost' | 'bcryptDefaultCost' | 'argon2Variant' | 'argon2Cost' | 'pbkdf2Iterations' | 'scryptCost' | 'raiseCost';
type Options = [{ minBcryptCost?: number }];

/** Text of a call that computes a digest. */
const DIGEST_CALL_TEXT = /\b(?:createHash|digest|hash|sha1|sha256|sha512|md5)\s*\(/i;

/** Operations that hash or check passwords with a work factor. */
const SLOW_HASHES = new Set(['bcrypt-hash', 'bcrypt-salt', 'argon2-hash', 'password-verify', 'pbkdf2', 'scrypt', 'subtle-derive']);

const formatNumber = (n: number): string => n.toLocaleString('en-US');

export default createRule<Options, MessageIds>({
  name: 'no-weak-password-hash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow fast hashes and low work factors for hashing passwords',
      recommended: 'recommended',
      cwe: 'CWE-916',
      owasp: ['A02:2021'],
    },
    hasSuggestions: true,
    messages: {
      fastHash:
        '{{call}} hashes the password `{{data}}` with {{algorithm}}, a fast hash: a leaked hash can be brute-forced at billions of guesses per second. Use a password hash (argon2id, scrypt or bcrypt) with a per-password salt.',
      bcryptCost:
        '{{call}} uses a bcrypt cost of {{cost}}; passwords need at least {{min}}, so that each guess stays slow. Existing hashes keep verifying: bcrypt stores the cost in the hash.',
      bcryptDefaultCost:
        '{{call}} without rounds uses a bcrypt cost of {{cost}}; passwords need at least {{min}}. Pass the rounds explicitly.',
      argon2Variant: '{{call}} uses {{variant}}; use argon2id, which resists both side-channel and GPU attacks.',
      argon2Cost:
        '{{call}} uses argon2 with {{memory}} KiB of memory and {{time}} pass{{plural}}, below the OWASP minimum (19,456 KiB with 2 passes, or 47,104 KiB with 1).',
      pbkdf2Iterations:
        '{{call}} runs {{iterations}} PBKDF2-{{digest}} iterations; OWASP asks for at least {{min}}, so that each guess stays slow. Store the count with each hash to raise it without breaking existing ones.',
      scryptCost:
        '{{call}} uses scrypt with N={{N}}, r={{r}}, p={{p}}{{defaults}}, below the OWASP minimum (N=2^17, r=8, p=1, or an equivalent setting); raise N (and `maxmem`, which must exceed 128·N·r bytes).',
      raiseCost: 'Raise it to {{value}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minBcryptCost: {
            type: 'integer',
            minimum: 4,
            maximum: 31,
            description: 'The lowest bcrypt cost (log2 of the rounds) accepted for passwords. OWASP gives 10 as the minimum; 12 or more is common advice for new systems.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minBcryptCost: DEFAULT_MIN_BCRYPT_COST }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayUseCrypto(sourceCode)) return {};
    const minBcryptCost = options.minBcryptCost ?? DEFAULT_MIN_BCRYPT_COST;

    function raise(node: TSESTree.Node, value: number): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const literal = numericLiteral(node, sourceCode);
      if (!literal) return [];
      return [{ messageId: 'raiseCost', data: { value: String(value) }, fix: (fixer) => fixer.replaceText(literal, String(value)) }];
    }

    /** Fast hashes of passwords, reported at the end of the file unless it also hashes passwords slowly. */
    const fastHashes: { call: CryptoCall; data: string; algorithm: string | null }[] = [];
    let hashesSlowly = false;
    /** Options objects already reported: a shared setting is one finding, not one per call. */
    const reportedOptions = new Set<TSESTree.Node>();

    /**
     * True when the digest goes into `crypto.timingSafeEqual(…)` (also through `Buffer.from()` or a
     * constant) against another value computed there and then (`digest(process.env.ADMIN_PASSWORD)`):
     * both sides are hashed to equal lengths, and nothing is stored.
     */
    function comparedInConstantTime(call: CryptoCall): boolean {
      const result = digestResult(call, sourceCode);
      const uses: TSESTree.Node[] = result.variable ? result.variable.references.filter((r) => !r.init).map((r) => r.identifier) : [result.node];
      const computed = (arg: TSESTree.Node): boolean => {
        let value = unwrap(arg);
        while (value.type === AST_NODE_TYPES.CallExpression && calleeName(value) === 'from' && value.arguments[0]) value = unwrap(value.arguments[0]);
        if (value.type === AST_NODE_TYPES.Identifier) {
          const variable = findVar(sourceCode, value);
          const single = variable && singleValue(variable);
          if (single && single.path.length === 0) value = unwrap(single.init);
        }
        // A digest made here (`createHash(…).digest()`, `sha256(…)`, a local `digest(…)` helper), not a stored one.
        return value.type === AST_NODE_TYPES.CallExpression && DIGEST_CALL_TEXT.test(sourceCode.getText(value));
      };
      return uses.some((use) => {
        let node: TSESTree.Node = use;
        for (let i = 0; i < 3; i++) {
          const parent = node.parent;
          if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.Expression)) return false;
          const name = calleeName(parent);
          if (name === 'timingSafeEqual') return parent.arguments.length === 2 && parent.arguments.every((arg) => arg === node || computed(arg));
          if (name !== 'from') return false;
          node = parent;
        }
        return false;
      });
    }

    function fastHash(call: CryptoCall): void {
      const op = call.entry.operation;
      let data: TSESTree.Node[] = [];
      let algorithm: string | null = call.entry.algorithm ?? null;
      if (op === 'hash' || op === 'hmac') {
        if (!call.args[0]) return;
        data = hashUpdates(call, sourceCode);
        algorithm = call.args[0] ? staticString(call.args[0], sourceCode) : null;
        if (op === 'hmac') algorithm = algorithm === null ? 'an HMAC' : `HMAC-${algorithm}`;
      } else {
        const single = digestData(call);
        if (single) data = [single];
        if (call.module === 'crypto') algorithm = call.args[0] ? staticString(call.args[0], sourceCode) : null;
      }
      for (const value of data) {
        const password = passwordData(value, sourceCode);
        if (!password) continue;
        // Digests of both sides of a comparison make `timingSafeEqual` work on equal lengths: nothing is stored.
        if (comparedInConstantTime(call)) return;
        // HTTP Digest authentication's HA1 (`md5(`${user}:${realm}:${password}`)`) is what the protocol computes.
        if (/realm/i.test(sourceCode.getText(value))) continue;
        fastHashes.push({ call, data: shortText(sourceCode, password.node), algorithm });
        return;
      }
    }

    function bcrypt(call: CryptoCall): void {
      const rounds = call.entry.operation === 'bcrypt-hash' ? call.args[1] : call.args[0];
      if (call.entry.operation === 'bcrypt-salt' && (!rounds || isFunctionNode(rounds))) {
        const cost = call.entry.defaultRounds;
        if (cost === undefined || cost >= minBcryptCost) return;
        const open = sourceCode.getTokenAfter(call.node.callee, (t) => t.value === '(');
        context.report({
          node: call.node,
          messageId: 'bcryptDefaultCost',
          data: { call: describeCryptoCall(call), cost: String(cost), min: String(minBcryptCost) },
          suggest: open
            ? [{ messageId: 'raiseCost', data: { value: String(minBcryptCost) }, fix: (fixer) => fixer.insertTextAfter(open, rounds ? `${minBcryptCost}, ` : String(minBcryptCost)) }]
            : [],
        });
        return;
      }
      if (!rounds) return;
      if (call.entry.operation === 'bcrypt-hash' && isKeyMaterial(call.args[0] ?? rounds, sourceCode)) return;
      const cost = staticNumber(rounds, sourceCode);
      if (cost === null || !Number.isInteger(cost) || cost >= minBcryptCost) return;
      context.report({
        node: rounds,
        messageId: 'bcryptCost',
        data: { call: describeCryptoCall(call), cost: String(cost), min: String(minBcryptCost) },
        suggest: raise(rounds, minBcryptCost),
      });
    }

    /** The argon2 variant an option value names: `argon2.argon2i`, `Algorithm.Argon2i`, `1`. */
    function argon2Variant(value: OptionValue): string | null {
      if (value.kind !== 'present') return null;
      const number = staticNumber(value.node, sourceCode);
      if (number !== null) return ARGON2_VARIANTS[number] ?? null;
      const ref = resolveModule(value.node, sourceCode);
      const last = ref?.path[ref.path.length - 1]?.toLowerCase();
      return last !== undefined && ARGON2_VARIANTS.includes(last) ? last : null;
    }

    function argon2(call: CryptoCall): void {
      if (isKeyMaterial(call.args[0] ?? call.node, sourceCode)) return;
      const reader = readOptions(call.args[1], sourceCode);
      const variant = argon2Variant(reader.get(call.module === 'argon2' ? 'type' : 'algorithm'));
      if (variant !== null && variant !== 'argon2id') {
        const at = reader.get(call.module === 'argon2' ? 'type' : 'algorithm');
        context.report({
          node: at.kind === 'present' && within(at.node, call.node) ? at.node : call.node,
          messageId: 'argon2Variant',
          data: { call: describeCryptoCall(call), variant },
        });
        return;
      }
      const defaults = ARGON2_DEFAULTS.get(call.module);
      const memoryValue = reader.get('memoryCost');
      const timeValue = reader.get('timeCost');
      const memory = memoryValue.kind === 'present' ? staticNumber(memoryValue.node, sourceCode) : memoryValue.kind === 'absent' ? (defaults?.memoryCost ?? null) : null;
      const time = timeValue.kind === 'present' ? staticNumber(timeValue.node, sourceCode) : timeValue.kind === 'absent' ? (defaults?.timeCost ?? null) : null;
      if (memory === null || time === null) return;
      if (ARGON2_MIN_SETTINGS.some((row) => memory >= row.memoryCost && time >= row.timeCost)) return;
      if (reader.object) {
        if (reportedOptions.has(reader.object)) return;
        reportedOptions.add(reader.object);
      }
      const target = memoryValue.kind === 'present' ? memoryValue.node : null;
      const needed = ARGON2_MIN_SETTINGS.filter((row) => time >= row.timeCost).map((row) => row.memoryCost);
      const minimum = needed.length > 0 ? Math.min(...needed) : null;
      context.report({
        node: target && within(target, call.node) ? target : call.node,
        messageId: 'argon2Cost',
        data: { call: describeCryptoCall(call), memory: formatNumber(memory), time: String(time), plural: time === 1 ? '' : 'es' },
        suggest: target && minimum !== null ? raise(target, minimum) : [],
      });
    }

    function pbkdf2(call: CryptoCall): void {
      const [password, , iterationsNode, , digestNode] = call.args;
      if (!password || !iterationsNode || !digestNode || isKeyMaterial(password, sourceCode)) return;
      const iterations = staticNumber(iterationsNode, sourceCode);
      const digest = staticString(digestNode, sourceCode)?.toLowerCase();
      const min = digest === undefined ? undefined : PBKDF2_MIN_ITERATIONS.get(digest);
      if (iterations === null || min === undefined || iterations >= min) return;
      context.report({
        node: iterationsNode,
        messageId: 'pbkdf2Iterations',
        data: { call: describeCryptoCall(call), iterations: formatNumber(iterations), digest: digest!.toUpperCase(), min: formatNumber(min) },
        suggest: raise(iterationsNode, min),
      });
    }

    /** Web Crypto `subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, bits)`. */
    function subtlePbkdf2(call: CryptoCall): void {
      const reader = readOptions(call.args[0], sourceCode);
      const name = reader.get('name');
      if (name.kind !== 'present' || staticString(name.node, sourceCode)?.toUpperCase() !== 'PBKDF2') return;
      const iterationsValue = reader.get('iterations');
      const hashValue = reader.get('hash');
      if (iterationsValue.kind !== 'present' || hashValue.kind !== 'present') return;
      const iterations = staticNumber(iterationsValue.node, sourceCode);
      const hashNode = hashValue.node;
      const digest = (staticString(hashNode, sourceCode) ?? (() => {
        const inner = readOptions(hashNode, sourceCode).get('name');
        return inner.kind === 'present' ? staticString(inner.node, sourceCode) : null;
      })())?.toLowerCase();
      const min = digest === undefined ? undefined : PBKDF2_MIN_ITERATIONS.get(digest);
      if (iterations === null || min === undefined || iterations >= min) return;
      const at = within(iterationsValue.node, call.node) ? iterationsValue.node : call.node;
      context.report({
        node: at,
        messageId: 'pbkdf2Iterations',
        data: { call: describeCryptoCall(call), iterations: formatNumber(iterations), digest: digest!.toUpperCase(), min: formatNumber(min) },
        suggest: raise(iterationsValue.node, min),
      });
    }

    function scrypt(call: CryptoCall): void {
      const [password, , keylen, optionsNode] = call.args;
      if (!password || !keylen || isKeyMaterial(password, sourceCode)) return;
      const given = optionsNode && !isFunctionNode(optionsNode) ? optionsNode : undefined;
      const reader = readOptions(given, sourceCode);
      const read = (names: string[], fallback: number): number | null => {
        let found: number | null = fallback;
        for (const name of names) {
          const value = reader.get(name);
          if (value.kind === 'unknown') return null;
          if (value.kind === 'present') found = staticNumber(value.node, sourceCode);
        }
        return found;
      };
      const N = read(['N', 'cost'], NODE_SCRYPT_DEFAULTS.N);
      const r = read(['r', 'blockSize'], NODE_SCRYPT_DEFAULTS.r);
      const p = read(['p', 'parallelization'], NODE_SCRYPT_DEFAULTS.p);
      if (N === null || r === null || p === null) return;
      if (SCRYPT_MIN_SETTINGS.some((row) => N * r >= row.N * row.r && p >= row.p)) return;
      if (reader.object) {
        if (reportedOptions.has(reader.object)) return;
        reportedOptions.add(reader.object);
      }
      const target = given && within(given, call.node) ? given : call.node;
      context.report({
        node: target,
        messageId: 'scryptCost',
        data: { call: describeCryptoCall(call), N: formatNumber(N), r: String(r), p: String(p), defaults: given ? '' : " (Node's defaults)" },
      });
    }

    return {
      [CRYPTO_CALL_SELECTOR](node: TSESTree.CallExpression) {
        const call = cryptoCall(node, sourceCode);
        if (!call) return;
        if (SLOW_HASHES.has(call.entry.operation)) hashesSlowly = true;
        switch (call.entry.operation) {
          case 'hash':
          case 'hmac':
          case 'digest':
          case 'subtle-digest':
            fastHash(call);
            return;
          case 'bcrypt-hash':
          case 'bcrypt-salt':
            bcrypt(call);
            return;
          case 'argon2-hash':
            argon2(call);
            return;
          case 'pbkdf2':
            pbkdf2(call);
            return;
          case 'scrypt':
            scrypt(call);
            return;
          case 'subtle-derive':
            subtlePbkdf2(call);
            return;
          default:
        }
      },
      'Program:exit'() {
        // A file that also hashes or checks passwords with a slow hash uses the fast one as a
        // pre-hash (`bcrypt.hash(sha256(password))`, for bcrypt's 72-byte limit or client-side
        // hashing) or to recognise legacy hashes while they are migrated.
        if (hashesSlowly) return;
        // Have I Been Pwned's range API takes the first five hex digits of a password's SHA-1.
        if (sourceCode.text.includes('pwnedpasswords')) return;
        for (const { call, data, algorithm } of fastHashes) {
          context.report({
            node: call.node,
            messageId: 'fastHash',
            data: { call: describeCryptoCall(call), data, algorithm: algorithm ?? 'a fast hash' },
          });
        }
      },
    };
  },
});

function within(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function isFunctionNode(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.ArrowFunctionExpression || target.type === AST_NODE_TYPES.FunctionExpression;
}
