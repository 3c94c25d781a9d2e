import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { shortText } from '../analysis/core/ast.js';
import { quotedAny, textGate } from '../analysis/core/source-text.js';
import { codeSink, mayBeCodeSink } from '../analysis/domains/code-sinks.js';
import { mayHoldClientData, taintOf } from '../analysis/flow/taint.js';
import { CODE_SINK_METHODS, CODE_SINK_MODULES, GLOBAL_CODE_FUNCTIONS } from '../catalog/code-sinks.js';
import { createRule } from '../util/create-rule.js';

type Options = [];
type MessageIds = 'requestCode' | 'requestModule' | 'requestTemplate';

/** A token of the file naming a sink: `eval`, `Function`, `require`, `import`, a vm or template method. */
const SINK_TOKEN = new RegExp(`^(?:${[...GLOBAL_CODE_FUNCTIONS, ...CODE_SINK_METHODS, 'require', 'import', 'Script', 'SourceTextModule'].join('|')})$`, 'm');
const mayNameSink = textGate((text) => SINK_TOKEN.test(text));
const loadsSinkModule = quotedAny([...CODE_SINK_MODULES, 'node:vm']);

/** A literal (or a template without substitutions): constant text, no request data. */
function isConstantText(node: TSESTree.Node | undefined): boolean {
  return !!node && (node.type === AST_NODE_TYPES.Literal || (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0));
}

const MESSAGE_OF = { code: 'requestCode', module: 'requestModule', template: 'requestTemplate' } as const;

export default createRule<Options, MessageIds>({
  name: 'no-code-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data evaluated as JavaScript, loaded as a module or compiled as a template',
      recommended: 'recommended',
      cwe: 'CWE-94',
      owasp: ['A03:2021'],
    },
    messages: {
      requestCode:
        'Request data ({{source}}) is run as JavaScript by {{sink}}: the client can execute any code on the server. Never evaluate request data; map the client’s choice onto a fixed set of functions.',
      requestModule:
        'Request data ({{source}}) chooses the module loaded by {{sink}}: the client can load and run any file the server can read. Map the client’s choice onto a fixed list of modules.',
      requestTemplate:
        'Request data ({{source}}) is compiled as a template by {{sink}}: template syntax can run JavaScript on the server (server-side template injection). Compile only templates the application ships, and pass request data as the template’s data.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Every report needs request data reaching a sink: a file naming no sink, or where no request
    // data can stand, has nothing to report.
    if (!mayNameSink(sourceCode) || !mayHoldClientData(sourceCode, 'code')) return {};

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression): void {
      const sink = codeSink(node, sourceCode);
      if (!sink) return;
      for (const input of sink.inputs) {
        const taint = taintOf(input, sourceCode, { sink: 'code' });
        if (!taint) continue;
        const callee = node.type === AST_NODE_TYPES.ImportExpression ? 'import' : shortText(sourceCode, node.callee, 30);
        const sinkText = `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}\`${callee}()\``;
        context.report({ node: input, messageId: MESSAGE_OF[sink.kind], data: { source: taint.source.text, sink: sinkText } });
        return;
      }
    }

    // Module sinks (vm, template engines) only in files that load one of their modules.
    const moduleSinks = loadsSinkModule(sourceCode);

    /** Cheap tests on the callee's name and the first argument, before any resolution. */
    function worthChecking(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      if (node.arguments.length === 0 || (node.arguments.length === 1 && isConstantText(node.arguments[0]))) return false;
      const callee = node.callee;
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
      if (name === null) return mayBeCodeSink(node);
      if (GLOBAL_CODE_FUNCTIONS.has(name) || name === 'require') return true;
      return moduleSinks && mayBeCodeSink(node);
    }

    return {
      CallExpression(node) {
        if (worthChecking(node)) check(node);
      },
      NewExpression(node) {
        if (worthChecking(node)) check(node);
      },
      ImportExpression(node) {
        if (node.source.type !== AST_NODE_TYPES.Literal) check(node);
      },
    };
  },
});
