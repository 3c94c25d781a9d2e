import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, shortText } from '../analysis/core/ast.js';
import { quotedAny } from '../analysis/core/source-text.js';
import { staticValue } from '../analysis/core/static-value.js';
import { isOwnSerialization, serializedRevival, unsafeDeserialization } from '../analysis/domains/deserialization.js';
import { taintOf } from '../analysis/flow/taint.js';
import { DESERIALIZER_METHODS, DESERIALIZER_MODULES, EVAL_FUNCTIONS, EVAL_SERIALIZER_MODULES } from '../catalog/deserialization.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ reportAnyInput?: boolean }];
type MessageIds = 'requestInput' | 'requestYaml' | 'anyInput' | 'storedSerializedEval';

const loadsDeserializer = quotedAny([...DESERIALIZER_MODULES, ...EVAL_SERIALIZER_MODULES]);
const loadsEvalSerializer = quotedAny(EVAL_SERIALIZER_MODULES);

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-deserialization',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data in deserializers that can rebuild functions or run code',
      recommended: 'recommended',
      cwe: 'CWE-502',
      owasp: ['A08:2021'],
    },
    messages: {
      requestInput:
        'Request data ({{source}}) reaches {{sink}}, which {{does}}: a crafted payload runs code on the server. Send plain JSON and read it with `JSON.parse()`.',
      requestYaml:
        'Request data ({{source}}) reaches {{sink}} with js-yaml’s full schema ({{why}}), which builds JavaScript functions from `!!js/function` tags. Upgrade to js-yaml 4, whose `load()` is safe, or pass `{ schema: yaml.DEFAULT_SAFE_SCHEMA }`.',
      anyInput:
        'A non-constant value reaches {{sink}}, which {{does}}: whoever can write this data (a cookie, a file, a cache or database row) can run code on the server. Store and read plain JSON instead.',
      storedSerializedEval:
        'Serialized text ({{value}}) is revived by evaluating it with {{sink}}, the way serialize-javascript output is read back: whoever can write this text (a cache entry, a file, a database row, another service) can run code on the server. Store data as JSON and read it with `JSON.parse()` (a reviver rebuilds dates).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportAnyInput: {
            type: 'boolean',
            description:
              'Also report non-constant input that is not read from the request in this file, for deserializers that are unsafe on any input an attacker can write (node-serialize, funcster, cryo), and serialized text revived with `eval`/`new Function` in files that import serialize-javascript.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportAnyInput: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!loadsDeserializer(sourceCode)) return {};
    const reportAnyInput = options.reportAnyInput === true;
    // Request text revived by `eval` is no-code-injection's finding; stored text is reported here.
    const revivals = reportAnyInput && loadsEvalSerializer(sourceCode);

    function checkRevival(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const input = serializedRevival(node, sourceCode);
      if (!input || isOwnSerialization(input, sourceCode) || taintOf(input, sourceCode, { sink: 'code' })) return;
      const sink = `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}\`${shortText(sourceCode, node.callee, 30)}()\``;
      context.report({ node: input, messageId: 'storedSerializedEval', data: { sink, value: `\`${shortText(sourceCode, input)}\`` } });
    }

    return {
      NewExpression(node) {
        if (revivals && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Function') checkRevival(node);
      },
      CallExpression(node) {
        const name = calleeName(node);
        if (revivals && node.callee.type === AST_NODE_TYPES.Identifier && EVAL_FUNCTIONS.has(node.callee.name)) {
          checkRevival(node);
          return;
        }
        if (name === null || !DESERIALIZER_METHODS.has(name)) return;
        const found = unsafeDeserialization(node, sourceCode, context.physicalFilename);
        if (!found) return;
        const sink = `\`${shortText(sourceCode, node.callee, 30)}()\``;
        const taint = taintOf(found.input, sourceCode, { sink: 'deserialize' });
        if (taint) {
          if (found.yamlReason) {
            const why = found.yamlReason === 'schema' ? '`DEFAULT_FULL_SCHEMA`' : 'the default of the js-yaml 3 this project declares';
            context.report({ node: found.input, messageId: 'requestYaml', data: { source: taint.source.text, sink, why } });
          } else {
            context.report({ node: found.input, messageId: 'requestInput', data: { source: taint.source.text, sink, does: found.row.does } });
          }
          return;
        }
        if (!reportAnyInput || found.row.danger !== 'always') return;
        if (staticValue(found.input, sourceCode) !== undefined) return;
        context.report({ node: found.input, messageId: 'anyInput', data: { sink, does: found.row.does } });
      },
    };
  },
});
