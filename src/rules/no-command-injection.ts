import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, shortText, unwrap } from '../analysis/core/ast.js';
import { quotedAny } from '../analysis/core/source-text.js';
import { staticString, stringComposition, type DynamicPart } from '../analysis/core/static-value.js';
import { commandCall, optionSensitiveProgram, templateCommand } from '../analysis/domains/commands.js';
import { isConstrainedChoice } from '../analysis/flow/constrained-value.js';
import { isNumericExpression } from '../analysis/flow/numeric-value.js';
import { isAllowListGuarded } from '../analysis/flow/path-guards.js';
import { taintOf } from '../analysis/flow/taint.js';
import { isGuardedUrl } from '../analysis/flow/url-guards.js';
import { COMMAND_MODULES, COMMAND_SINKS, END_OF_OPTIONS } from '../catalog/commands.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ reportNonConstant?: boolean; reportOptionInjection?: boolean }];
type MessageIds = 'requestInCommand' | 'requestAsProgram' | 'nonConstantCommand' | 'optionInjection' | 'useExecFile';

/** Names a command sink is called by (`exec`, `cp.execSync`, `spawn`…); any other name may be a promisified sink. */
const SINK_NAMES = new Set<string>(COMMAND_SINKS.map((s) => s.path[s.path.length - 1]).filter((n): n is string => n !== undefined));
const mayRunCommands = quotedAny(COMMAND_MODULES);
/** Template text of plain words: nothing a shell would treat specially. */
const PLAIN_WORDS = /^[\w./:=@%+,-]*(?: [\w./:=@%+,-]*)*$/;
/** Whitespace that separates the words of an execa template. */
const WORD_BREAK = /\s/;

export default createRule<Options, MessageIds>({
  name: 'no-command-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data in command text a shell parses, or as the program to run',
      recommended: 'recommended',
      cwe: 'CWE-78',
      owasp: ['A03:2021'],
    },
    hasSuggestions: true,
    messages: {
      useExecFile: 'Run `{{program}}` with `{{method}}` and an argument array, without a shell.',
      requestInCommand:
        'Request data ({{source}}) is inserted into the command text that {{sink}} hands to a shell: {{value}}. A client can add shell syntax (`;`, `$(…)`, `|`) to run its own commands. Run the program with an argument array and no shell, or check the value against a fixed list.',
      requestAsProgram:
        'Request data ({{source}}) names the program that {{sink}} runs. Choose the program from a fixed list instead.',
      nonConstantCommand:
        'A value that is not a constant is inserted into the command text that {{sink}} hands to a shell: {{value}}. Its callers decide what it holds; pass it in an argument array without a shell, or check it against a fixed list.',
      optionInjection:
        'Request data ({{source}}) is an argument of `{{program}}` that may start with `-`: {{value}}. A client can pass an option instead of a value ({{options}}). Put `--` (git: `--end-of-options`) before it, or reject values that start with `-`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportNonConstant: {
            type: 'boolean',
            description:
              'Also report values in shell command text that are not constants, not numbers and not allow-listed, even when no request read reaches them (a function parameter).',
          },
          reportOptionInjection: {
            type: 'boolean',
            description:
              'Also report request data passed, without a shell, as an argument that may start with `-` to a program whose options run commands or write files (git, curl, tar, ssh, rsync, find…), when no `--` comes before it and no check rejects a leading `-`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportNonConstant: false, reportOptionInjection: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayRunCommands(sourceCode)) return {};
    const reportNonConstant = options.reportNonConstant === true;
    const reportOptionInjection = options.reportOptionInjection === true;

    function isSafe(part: DynamicPart, sink: TSESTree.Node): boolean {
      return (
        isNumericExpression(part.node, sourceCode) ||
        isConstrainedChoice(part.node, sourceCode) ||
        isAllowListGuarded(part.node, sink, sourceCode) ||
        (part.via ?? []).some((name) => isAllowListGuarded(name, sink, sourceCode))
      );
    }

    /**
     * `cp.exec(`git log ${ref}`, cb)` as `cp.execFile('git', ['log', ref], cb)`: only for a template
     * of plain words (no quotes, no shell syntax) whose values stand as whole words, on a
     * `child_process` namespace whose `execFile` sits beside `exec`. A suggestion: the shell no
     * longer expands anything, which is the point but not provably the same behaviour.
     */
    function execFileRewrite(node: TSESTree.CallExpression, text: TSESTree.Node): { range: [number, number]; text: string; program: string; method: string } | null {
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || node.arguments[0] !== text) return null;
      const method = calleeName(node);
      const replacement = method === 'exec' ? 'execFile' : method === 'execSync' ? 'execFileSync' : null;
      const template = unwrap(text);
      if (!replacement || template.type !== AST_NODE_TYPES.TemplateLiteral) return null;
      const words: string[] = [];
      let current = '';
      for (let i = 0; i < template.quasis.length; i++) {
        const cooked = template.quasis[i]!.value.cooked;
        if (cooked === null || !PLAIN_WORDS.test(cooked)) return null;
        const pieces = cooked.split(' ');
        for (let j = 0; j < pieces.length; j++) {
          if (j > 0) {
            if (current !== '') words.push(current);
            current = '';
          }
          current += pieces[j] ?? '';
        }
        const expression = template.expressions[i];
        if (!expression) continue;
        const before = cooked.endsWith(' ') || (i === 0 && cooked === '');
        const after = template.quasis[i + 1]!.value.cooked?.startsWith(' ') || template.quasis[i + 1]!.value.cooked === '';
        if (!before || !after || current !== '') return null;
        words.push(`\u0000${sourceCode.getText(expression)}`);
      }
      if (current !== '') words.push(current);
      const [program, ...args] = words;
      if (!program || program.startsWith('\u0000') || words.length < 2) return null;
      const quote = (w: string) => (w.startsWith('\u0000') ? w.slice(1) : `'${w.replace(/'/g, "\\'")}'`);
      const rest = node.arguments.slice(1).map((a) => sourceCode.getText(a));
      const objectText = sourceCode.getText(callee.object);
      return {
        range: node.range,
        text: `${objectText}.${replacement}(${[quote(program), `[${args.map(quote).join(', ')}]`, ...rest].join(', ')})`,
        program,
        method: replacement,
      };
    }

    /**
     * `value` stands where an argument of `program` starts: request data there (not a number, not
     * checked against a list or for a leading `-`) can be an option. True when reported.
     */
    function checkOptionArgument(value: TSESTree.Node, program: { program: string; options: string }, sink: TSESTree.Node): boolean {
      const part: DynamicPart = { kind: 'dynamic', node: value as TSESTree.Expression };
      if (isSafe(part, sink) || isGuardedUrl(value, sink, sourceCode, { firstCharacter: true })) return false;
      const taint = taintOf(value, sourceCode, { sink: 'command' });
      if (!taint) return false;
      context.report({
        node: value,
        messageId: 'optionInjection',
        data: { source: taint.source.text, program: program.program, options: program.options, value: `\`${shortText(sourceCode, value)}\`` },
      });
      return true;
    }

    /** `execFile('git', ['log', ref])`: each element that starts with a value, until a `--`. */
    function checkArgumentArray(programNode: TSESTree.Node, args: readonly TSESTree.Expression[], sink: TSESTree.Node): void {
      const name = staticString(programNode, sourceCode);
      const program = name === null ? null : optionSensitiveProgram(name);
      if (!program) return;
      for (const arg of args) {
        const text = staticString(arg, sourceCode);
        if (text !== null) {
          if (END_OF_OPTIONS.has(text)) return;
          continue;
        }
        const composition = stringComposition(arg, sourceCode);
        const first = composition.parts.find((p) => p.kind === 'dynamic' || p.value !== '');
        // `'--ref=' + x`, `` `refs/heads/${x}` ``: constant text starts the argument.
        if (!composition.exact || !first || first.kind !== 'dynamic') continue;
        if (checkOptionArgument(first.node, program, sink)) return;
      }
    }

    /** `` $`git log ${ref}` ``: execa passes each value as one argument, and a shell only with `shell`. */
    function checkTemplate(node: TSESTree.TaggedTemplateExpression): void {
      const command = templateCommand(node, sourceCode);
      if (!command) return;
      const { template } = command;
      const sink = `\`${command.name}\``;
      if (command.shell) {
        for (const expression of template.expressions) {
          const part: DynamicPart = { kind: 'dynamic', node: expression };
          if (isSafe(part, node)) continue;
          const taint = taintOf(expression, sourceCode, { sink: 'command' });
          if (taint) {
            context.report({ node: expression, messageId: 'requestInCommand', data: { sink, source: taint.source.text, value: `\`${shortText(sourceCode, expression)}\`` } });
            return;
          }
          if (reportNonConstant) {
            context.report({ node: expression, messageId: 'nonConstantCommand', data: { sink, value: `\`${shortText(sourceCode, expression)}\`` } });
            return;
          }
        }
        return;
      }
      const head = template.quasis[0]!.value.cooked ?? '';
      const first = template.expressions[0];
      if (first && head.trim() === '') {
        // `` $`${program} --version` ``: the value names the program.
        if (isConstrainedChoice(first, sourceCode) || isAllowListGuarded(first, node, sourceCode)) return;
        const taint = taintOf(first, sourceCode, { sink: 'command' });
        if (taint) context.report({ node: first, messageId: 'requestAsProgram', data: { sink, source: taint.source.text } });
        return;
      }
      if (!reportOptionInjection) return;
      const program = optionSensitiveProgram(head.trim().split(/\s+/)[0] ?? '');
      if (!program) return;
      for (let i = 0; i < template.expressions.length; i++) {
        const before = template.quasis[i]!.value.cooked ?? '';
        if (before.split(/\s+/).some((word) => END_OF_OPTIONS.has(word))) return;
        // Only a value that starts a word starts an argument.
        if (before !== '' && !WORD_BREAK.test(before[before.length - 1]!)) continue;
        if (checkOptionArgument(template.expressions[i]!, program, node)) return;
      }
    }

    return {
      TaggedTemplateExpression(node) {
        if (node.quasi.expressions.length > 0) checkTemplate(node);
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        const name = calleeName(node);
        // A sink by name, or a bare identifier (a promisified `exec`, a `crossSpawn` default import).
        if (!(name !== null && SINK_NAMES.has(name)) && callee.type !== AST_NODE_TYPES.Identifier) return;
        if (node.arguments.length === 0) return;
        const call = commandCall(node, sourceCode);
        if (!call) return;
        if (call.program) {
          const program = call.program;
          if (reportOptionInjection && call.args.length > 0 && staticString(program, sourceCode) !== null) {
            checkArgumentArray(program, call.args, node);
            return;
          }
          if (isConstrainedChoice(program, sourceCode) || isAllowListGuarded(program, node, sourceCode)) return;
          const taint = taintOf(program, sourceCode, { sink: 'command' });
          if (taint) context.report({ node: program, messageId: 'requestAsProgram', data: { sink: `\`${call.name}\``, source: taint.source.text } });
          return;
        }
        for (const text of call.shellText) {
          const parts = stringComposition(text, sourceCode).parts.filter((p): p is DynamicPart => p.kind === 'dynamic');
          for (const part of parts) {
            if (isSafe(part, node)) continue;
            const taint = taintOf(part.node, sourceCode, { sink: 'command' });
            if (taint) {
              const rewrite = call.sink.modules[0] === 'child_process' ? execFileRewrite(node, text) : null;
              context.report({
                node: part.node,
                messageId: 'requestInCommand',
                data: { sink: `\`${call.name}\``, source: taint.source.text, value: `\`${shortText(sourceCode, part.node)}\`` },
                suggest: rewrite
                  ? [{ messageId: 'useExecFile', data: { program: rewrite.program, method: rewrite.method }, fix: (fixer) => fixer.replaceTextRange(rewrite.range, rewrite.text) }]
                  : [],
              });
              return;
            }
            if (reportNonConstant) {
              context.report({ node: part.node, messageId: 'nonConstantCommand', data: { sink: `\`${call.name}\``, value: `\`${shortText(sourceCode, part.node)}\`` } });
              return;
            }
          }
        }
      },
    };
  },
});
