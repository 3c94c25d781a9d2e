import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, getProperty, memberName, shortText, singleValue, unwrap } from '../analysis/core/ast.js';
import { isModulePath, resolveModule } from '../analysis/core/modules.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import { stringComposition, type DynamicPart } from '../analysis/core/static-value.js';
import { isConstrainedChoice } from '../analysis/flow/constrained-value.js';
import { isNumericExpression } from '../analysis/flow/numeric-value.js';
import { isPathContained } from '../analysis/flow/path-guards.js';
import { taintOf } from '../analysis/flow/taint.js';
import { CLIENT_FILE_NAME_PROPERTIES, PATH_MODULES, PATH_SINKS, RESPONSE_FILE_METHODS, VIEW_METHODS } from '../catalog/filesystem.js';
import { SANITIZERS } from '../catalog/sanitizers.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageIds = 'requestInPath' | 'requestInView';

const FS_FUNCTIONS = new Set<string>(PATH_SINKS.flatMap((s) => s.functions));
const quotesFsModule = quotedAny(PATH_MODULES);
const namesResponseMethod = textGate(includesAny([...RESPONSE_FILE_METHODS, ...VIEW_METHODS]));
/** `path` functions whose result is made of their arguments' text. */
const JOINING = new Set(['join', 'resolve', 'normalize']);
const MAX_DEPTH = 6;
/** Names of the objects whose `sendFile`/`download`/`render` read files: Express responses, Koa contexts. */
const RESPONSE_NAMES = new Set(['res', 'response', 'resp', 'ctx']);

interface Finding {
  node: Node;
  source: string;
}

export default createRule<[], MessageIds>({
  name: 'no-path-traversal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data and uploaded file names in file-system paths without a containment check',
      recommended: 'recommended',
      cwe: 'CWE-22',
      owasp: ['A01:2021'],
    },
    messages: {
      requestInPath:
        'Request data ({{source}}) reaches the path that {{sink}} opens: {{value}}. A client can send `../` to reach files outside the intended folder. Keep only the file name (`path.basename`), or resolve the path and check it stays inside the folder before using it.',
      requestInView:
        'Request data ({{source}}) names the view that `{{method}}()` renders: {{value}}. A client can send `../` to render another file. Map the client’s choice onto a fixed list of views.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const fsFile = quotesFsModule(sourceCode);
    if (!fsFile && !namesResponseMethod(sourceCode)) return {};

    /** The first request-derived value in a path expression that no check keeps inside a folder. */
    function findInPath(raw: Node, sink: Node, depth: number): Finding | null {
      const node = unwrap(raw);
      if (depth > MAX_DEPTH) return null;
      if (isPathContained(node, sink, sourceCode)) return null;
      if (isNumericExpression(node, sourceCode) || isConstrainedChoice(node, sourceCode)) return null;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const ref = resolveModule(node.callee, sourceCode);
        const fn = calleeName(node);
        if (fn !== null && JOINING.has(fn) && isModulePath(ref, ['path'], [fn])) {
          for (const arg of node.arguments) {
            if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
            const found = findInPath(arg, sink, depth + 1);
            if (found) return found;
          }
          return null;
        }
        if (ref && SANITIZERS.some((s) => s.sinks.includes('path') && isModulePath(ref, s.modules, s.path))) return null;
      }
      if (node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')) {
        const parts = stringComposition(node, sourceCode).parts.filter((p): p is DynamicPart => p.kind === 'dynamic');
        for (const part of parts) {
          if ((part.via ?? []).some((name) => isPathContained(name, sink, sourceCode))) continue;
          const found = findInPath(part.node, sink, depth + 1);
          if (found) return found;
        }
        return null;
      }
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = findVar(sourceCode, node);
        const value = variable ? singleValue(variable) : null;
        if (value && value.path.length === 0) return findInPath(value.init, sink, depth + 1);
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(node);
        if (name !== null && CLIENT_FILE_NAME_PROPERTIES.has(name)) return { node, source: `the uploaded file’s name \`${shortText(sourceCode, node)}\`` };
      }
      const taint = taintOf(node, sourceCode, { sink: 'path' });
      return taint ? { node, source: `\`${taint.source.text}\`` } : null;
    }

    function report(path: Node, sink: string, call: Node): void {
      const found = findInPath(path, call, 0);
      if (!found) return;
      context.report({
        node: path,
        messageId: 'requestInPath',
        data: { sink, source: found.source, value: `\`${shortText(sourceCode, path)}\`` },
      });
    }

    return {
      CallExpression(node) {
        const method = calleeName(node);
        if (method === null) return;
        const first = node.arguments[0];
        if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
        if (fsFile && FS_FUNCTIONS.has(method)) {
          const ref = resolveModule(node.callee, sourceCode);
          if (!ref) return;
          const sink = PATH_SINKS.find(
            (s) => s.functions.includes(method) && s.modules.includes(ref.module) && (ref.path.length === 1 || (ref.path.length === 2 && ref.path[0] === 'promises')) && ref.path[ref.path.length - 1] === method,
          );
          if (!sink) return;
          for (const index of sink.args) {
            const arg = node.arguments[index];
            if (arg && arg.type !== AST_NODE_TYPES.SpreadElement) report(arg, `\`${ref.module}.${method}\``, node);
          }
          return;
        }
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        // An Express response (`res.sendFile`), a Koa context (`ctx.render`). `@fastify/static`'s
        // `reply.sendFile()` resolves under its root; `bucket.download(key)` is no file path.
        const receiver = unwrap(callee.object);
        if (receiver.type !== AST_NODE_TYPES.Identifier || !RESPONSE_NAMES.has(receiver.name)) return;
        if (RESPONSE_FILE_METHODS.has(method)) {
          if (node.arguments.some((a) => hasRootOption(a))) return;
          report(first, `\`${method}()\``, node);
          return;
        }
        if (VIEW_METHODS.has(method)) {
          const found = findInPath(first, node, 0);
          if (!found) return;
          context.report({ node: first, messageId: 'requestInView', data: { method, source: found.source, value: `\`${shortText(sourceCode, first)}\`` } });
        }
      },
    };

    /** An options argument with a `root` (or one the code does not show: a variable, a spread). */
    function hasRootOption(arg: TSESTree.CallExpressionArgument): boolean {
      const target = unwrap(arg);
      if (target.type !== AST_NODE_TYPES.ObjectExpression) return false;
      return getProperty(target, 'root') !== null || target.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
    }
  },
});
