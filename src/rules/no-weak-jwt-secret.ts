import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { shortText, unwrap } from '../analysis/core/ast.js';
import { jwtCall, mayUseJwt, type JwtCall } from '../analysis/domains/jwt.js';
import { createRule } from '../util/create-rule.js';
import { describeJwtCall, inferEnvName } from '../analysis/domains/jwt-fixes.js';
import { byteLength, type JwtKeyInfo } from '../analysis/domains/jwt-keys.js';
import { weakHmacSecret } from '../analysis/domains/jwt-secrets.js';

type MessageIds = 'hardcodedSecret' | 'fallbackSecret' | 'useEnv' | 'dropFallback';

const MIN_BYTES = 32;

export default createRule<[], MessageIds>({
  name: 'no-weak-jwt-secret',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hardcoded, short or fallback HMAC secrets for signing and verifying JWTs',
      recommended: 'recommended',
      cwe: 'CWE-798',
      owasp: ['API2:2023'],
    },
    hasSuggestions: true,
    messages: {
      hardcodedSecret:
        '{{call}} uses a hardcoded HMAC secret{{size}}{{held}}: anyone who can read the code can forge tokens. Load a random secret of at least 32 bytes from the environment or a secret manager.',
      fallbackSecret:
        '{{call}} falls back to the hardcoded secret {{literal}}{{held}} when the configured value is missing, so a missing variable silently makes tokens forgeable. Remove the fallback and fail at startup instead.',
      useEnv: 'Read the secret from `process.env.{{name}}` instead.',
      dropFallback: 'Use `{{text}}` without the fallback.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // No JWT library can be loaded here: nothing in the file is a JWT call.
    if (!mayUseJwt(sourceCode)) return {};
    /** One report per call: a constant used by several calls is reported at each of them. */
    const reported = new Set<TSESTree.Node>();

    const within = (inner: TSESTree.Node, outer: TSESTree.Node): boolean =>
      inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];

    /**
     * Where the finding is shown: the key argument of the call (or its options argument when the
     * key sits in an options object declared elsewhere), and, when the secret is written somewhere
     * else, the name it is held in and the line it is written on.
     */
    function placement(call: JwtCall, info: JwtKeyInfo): { node: TSESTree.Node; held: string } {
      const key = call.key!;
      const written = (info.kind === 'fallback' ? info.expression : info.literal) ?? key;
      let node: TSESTree.Node = key;
      let name = shortText(sourceCode, key);
      if (!within(key, call.node) && call.optionsArg && within(call.optionsArg, call.node)) {
        node = call.optionsArg;
        name = call.keyOption ? `${shortText(sourceCode, call.optionsArg)}.${call.keyOption}` : shortText(sourceCode, call.optionsArg);
      }
      if (within(written, node)) return { node, held: '' };
      return { node, held: ` (\`${name}\`, set on line ${written.loc.start.line})` };
    }

    function suggestion(info: JwtKeyInfo): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (info.kind === 'literal' && info.literal) {
        const literal = info.literal;
        const name = inferEnvName(info.names);
        return [{ messageId: 'useEnv', data: { name }, fix: (fixer) => fixer.replaceText(literal, `process.env.${name}`) }];
      }
      if (info.kind === 'fallback' && info.expression) {
        const expression = unwrap(info.expression);
        let keep: TSESTree.Node | null = null;
        if (expression.type === AST_NODE_TYPES.LogicalExpression) keep = expression.left;
        else if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
          keep = unwrap(expression.consequent) === unwrap(info.literal!) ? expression.alternate : expression.consequent;
        }
        if (!keep) return [];
        const text = sourceCode.getText(keep);
        const target = info.expression;
        return [{ messageId: 'dropFallback', data: { text: shortText(sourceCode, keep) }, fix: (fixer) => fixer.replaceText(target, text) }];
      }
      return [];
    }

    function visit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const call = jwtCall(node, sourceCode);
      if (!call?.key) return;
      const info = weakHmacSecret(call, sourceCode);
      if (!info) return;
      const target = info.kind === 'fallback' ? info.expression : info.literal;
      if (!target || reported.has(node)) return;
      reported.add(node);
      const { node: at, held } = placement(call, info);
      const bytes = byteLength(info.value ?? '');
      context.report({
        node: at,
        messageId: info.kind === 'fallback' ? 'fallbackSecret' : 'hardcodedSecret',
        data: {
          call: describeJwtCall(call),
          size: bytes < MIN_BYTES ? ` of only ${bytes} byte${bytes === 1 ? '' : 's'}` : '',
          held,
          literal: shortText(sourceCode, info.literal ?? target, 30),
        },
        suggest: suggestion(info),
      });
    }

    return { CallExpression: visit, NewExpression: visit };
  },
});
