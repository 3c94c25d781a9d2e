import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, shortText, unwrap } from '../analysis/core/ast.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import { resolveCompiledModule } from '../analysis/core/modules.js';
import { memberValue, resolveObject } from '../analysis/core/object-values.js';
import { bodyParserCall, formatBytes, mountPathOf, optionsObject, parseSize, sizeSetting, type SizeSetting } from '../analysis/domains/uploads.js';
import {
  BODY_PARSER_MODULES,
  FASTIFY_ROUTE_METHODS,
  NEXT_BODY_SIZE_PATH,
  WEBHOOK_MODERATE_BYTES,
  WEBHOOK_PATH_WORDS,
  type SizeOption,
} from '../catalog/uploads.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'tooLarge' | 'unlimited';
type Options = [{ maxBodySize?: number | string }];

const DEFAULT_MAX = '1mb';
const SIZE_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtTpP]?[bB])?\\s*$';

const mayLoadParser = quotedAny(BODY_PARSER_MODULES);
const mayConfigureNextRoute = textGate(includesAny(['sizeLimit']));

const ROUTE_BODY_LIMIT: SizeOption = { path: ['bodyLimit'], unit: 'bytes', defaultBytes: 1024 * 1024 };
const NEXT_SIZE_LIMIT: SizeOption = { path: NEXT_BODY_SIZE_PATH, unit: 'bytes-string', defaultBytes: 1024 * 1024 };

/** Names a body-parser call's callee may end with; other calls are not looked at further. */
const PARSER_NAMES = new Set(['json', 'urlencoded', 'raw', 'text', 'useBodyParser']);

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request body parsers with very large or unlimited size limits',
      recommended: 'strict',
      cwe: 'CWE-770',
      owasp: ['API4:2023'],
    },
    messages: {
      tooLarge:
        '{{call}} accepts request bodies up to {{size}} (`{{option}}: {{value}}`), above the {{max}} allowed: every such request is read into memory and parsed, so a few concurrent large bodies can exhaust memory and CPU. Lower the limit, or raise it only on the route that needs it.',
      unlimited:
        '{{call}} sets no limit on the request body (`{{option}}: {{value}}`): a single client can stream an arbitrarily large body into memory and exhaust the server. Set a limit of at most {{max}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxBodySize: {
            description: 'The largest body limit not reported: a number of bytes, or a size string such as `\'1mb\'` or `\'512kb\'` (units b, kb, mb, gb, tb, pb).',
            oneOf: [
              { type: 'number', minimum: 0, description: 'A number of bytes.' },
              { type: 'string', pattern: SIZE_PATTERN, description: 'A size with a unit of the `bytes` package: `\'1mb\'`, `\'512kb\'`.' },
            ],
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxBodySize: DEFAULT_MAX }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const parsers = mayLoadParser(sourceCode);
    const nextRoute = mayConfigureNextRoute(sourceCode);
    if (!parsers && !nextRoute) return {};
    const parsedMax = parseSize(options.maxBodySize ?? DEFAULT_MAX, 'bytes-string');
    const max = parsedMax.kind === 'bytes' ? parsedMax.bytes : 1024 * 1024;
    const maxText = formatBytes(max);

    function report(call: string, setting: SizeSetting, at: TSESTree.Node): void {
      if (setting.kind === 'unlimited' && setting.node) {
        context.report({
          node: setting.node,
          messageId: 'unlimited',
          data: { call, option: setting.option.path.join('.'), value: shortText(sourceCode, setting.node, 30), max: maxText },
        });
      } else if (setting.kind === 'bytes' && setting.bytes > max) {
        context.report({
          node: setting.node ?? at,
          messageId: 'tooLarge',
          data: {
            call,
            size: formatBytes(setting.bytes),
            option: setting.option.path.join('.'),
            value: setting.node ? shortText(sourceCode, setting.node, 30) : String(setting.bytes),
            max: maxText,
          },
        });
      }
    }

    /** A raw parser mounted on a webhook route with a moderate limit: providers sign the raw body. */
    function isWebhookRawParser(node: TSESTree.Node, setting: SizeSetting): boolean {
      if (setting.kind !== 'bytes' || setting.bytes > WEBHOOK_MODERATE_BYTES) return false;
      const path = mountPathOf(node, sourceCode)?.toLowerCase();
      return !!path && WEBHOOK_PATH_WORDS.some((word) => path.includes(word));
    }

    function visitParser(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const call = bodyParserCall(node, sourceCode);
      if (!call) return;
      for (const option of call.row.sizes) {
        const setting = sizeSetting(call.options, option, sourceCode);
        if (setting.kind !== 'bytes' && setting.kind !== 'unlimited') continue;
        // A default is never reported: only limits written in the code.
        if (!setting.node) continue;
        if (call.row.raw && isWebhookRawParser(node, setting)) continue;
        report(call.row.display, setting, node);
        return;
      }
    }

    /** `app.post('/upload', { bodyLimit }, handler)` and `app.route({ bodyLimit })` on a Fastify instance. */
    function visitFastifyRoute(node: TSESTree.CallExpression, method: string): void {
      const index = FASTIFY_ROUTE_METHODS.get(method);
      if (index === undefined || node.arguments.length <= index) return;
      const callee = unwrap(node.callee) as TSESTree.MemberExpression;
      const ref = resolveCompiledModule(callee.object, sourceCode);
      if (!ref || ref.module !== 'fastify' || ref.path[ref.path.length - 1] !== '()') return;
      if (ref.path.length > 2 || (ref.path.length === 2 && ref.path[0] !== 'fastify')) return;
      const routeOptions = optionsObject(node, index, sourceCode);
      if (!routeOptions || routeOptions === 'unknown') return;
      const setting = sizeSetting(routeOptions, ROUTE_BODY_LIMIT, sourceCode);
      if (!setting.node) return;
      report(`Fastify route \`${method}()\``, setting, node);
    }

    function visitCall(node: TSESTree.CallExpression): void {
      // Every limit sits in an argument: a call without one keeps the defaults.
      if (node.arguments.length === 0) return;
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(callee);
        if (name === null) return;
        if (PARSER_NAMES.has(name)) visitParser(node);
        else if (FASTIFY_ROUTE_METHODS.has(name)) visitFastifyRoute(node, name);
        else if (name === 'fastify') visitParser(node);
        return;
      }
      if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression) visitParser(node);
    }

    /** `export const config = { api: { bodyParser: { sizeLimit: '50mb' } } }` of an API route. */
    function visitExportedConfig(node: TSESTree.VariableDeclarator): void {
      if (node.id.type !== AST_NODE_TYPES.Identifier || node.id.name !== 'config' || !node.init) return;
      if (node.parent.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration) return;
      const config = resolveObject(node.init, sourceCode);
      if (!config) return;
      const api = memberValue(config, 'api', sourceCode);
      if (!api || !resolveObject(api, sourceCode)) return;
      const setting = sizeSetting(config, NEXT_SIZE_LIMIT, sourceCode);
      if (!setting.node) return;
      report('This API route\'s `config`', setting, node);
    }

    return {
      ...(parsers ? { CallExpression: visitCall } : {}),
      ...(nextRoute ? { VariableDeclarator: visitExportedConfig } : {}),
    };
  },
});
