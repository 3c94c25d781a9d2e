import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isGlobalReference, shortText, unwrap } from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { isModulePath, resolveModule } from '../analysis/core/modules.js';
import { includesAny, textGate } from '../analysis/core/source-text.js';
import { propertyKeyName, staticString, staticValue } from '../analysis/core/static-value.js';
import { isGuardedUrl } from '../analysis/flow/url-guards.js';
import { originTaint } from '../analysis/flow/url-origin.js';
import {
  BACK_TARGET,
  GLOBAL_REDIRECT_CLASSES,
  HEAD_METHODS,
  HEADER_METHODS,
  LOCATION_HEADER,
  LOCATION_METHODS,
  REDIRECT_FUNCTIONS,
  REDIRECT_METHODS,
} from '../catalog/redirects.js';
import { createRule } from '../util/create-rule.js';
import { guardsOption } from '../util/guards-option.js';

type Options = [{ guards?: string[] }];
type MessageIds = 'openRedirect';

const FUNCTION_NAMES = new Set(REDIRECT_FUNCTIONS.map((f) => f.path[f.path.length - 1]!));
const CANDIDATES = new Set<string>([...REDIRECT_METHODS, ...FUNCTION_NAMES, ...HEADER_METHODS, ...HEAD_METHODS, ...LOCATION_METHODS]);
/** Files that can redirect name `redirect`/`Redirect` or spell `Location`/`location`. */
const mayRedirect = textGate(includesAny(['edirect', 'ocation']));

export default createRule<Options, MessageIds>({
  name: 'no-open-redirect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow redirects to a URL whose origin comes from request data',
      recommended: 'recommended',
      cwe: 'CWE-601',
      owasp: ['A01:2021'],
    },
    messages: {
      openRedirect:
        'The redirect target {{value}} is decided by request data (`{{source}}`): a link to this route can send users to any site. Redirect only to relative paths (starting with `/` but not `//` or `/\\`), or to hosts on an allow-list.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          guards: guardsOption(
            'Names of your own functions that check a redirect target (besides names such as `isSafeRedirect`, `isValidUrl`, `isRelativeUrl`); a target they check before the redirect is not reported.',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ guards: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayRedirect(sourceCode)) return {};
    const guards = options.guards ?? [];

    function check(call: TSESTree.CallExpression, target: TSESTree.Node | undefined): void {
      if (!target || target.type === AST_NODE_TYPES.SpreadElement) return;
      const found = originTaint(target, sourceCode, 'redirect');
      if (!found) return;
      if (isGuardedUrl(target, call, sourceCode, { guards })) return;
      context.report({
        node: target,
        messageId: 'openRedirect',
        data: { value: `\`${shortText(sourceCode, target, 40)}\``, source: found.taint.source.text },
      });
    }

    return {
      CallExpression(node) {
        const name = calleeName(node);
        if (name === null || !CANDIDATES.has(name)) return;
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (!FUNCTION_NAMES.has(name)) return;
          const ref = resolveModule(callee, sourceCode);
          if (!REDIRECT_FUNCTIONS.some((f) => isModulePath(ref, f.modules, f.path))) return;
          check(node, node.arguments[0]);
          return;
        }
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        if (REDIRECT_METHODS.has(name)) {
          const object = unwrap(callee.object);
          if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_REDIRECT_CLASSES.has(object.name) && isGlobalReference(sourceCode, object)) {
            check(node, node.arguments[0]);
            return;
          }
          check(node, redirectTarget(node.arguments, sourceCode));
          return;
        }
        if (HEADER_METHODS.has(name)) {
          const [header, value] = node.arguments;
          if (!header || !value || !isLocation(header, sourceCode)) return;
          check(node, value);
          return;
        }
        if (HEAD_METHODS.has(name)) {
          for (const arg of node.arguments) {
            const headers = unwrap(arg);
            if (headers.type !== AST_NODE_TYPES.ObjectExpression) continue;
            for (const prop of headers.properties) {
              if (prop.type !== AST_NODE_TYPES.Property) continue;
              const key = prop.computed ? staticString(prop.key, sourceCode) : propertyKeyName(prop.key);
              if (key?.toLowerCase() === LOCATION_HEADER) check(node, prop.value);
            }
          }
          return;
        }
        if (LOCATION_METHODS.has(name) && node.arguments.length === 1) check(node, node.arguments[0]);
      },
    };
  },
});

/** The target of `x.redirect(…)`: the first argument that is not a status code; Koa's `'back'` hands over to its fallback. */
function redirectTarget(args: TSESTree.CallExpressionArgument[], sourceCode: SourceCode): TSESTree.Node | undefined {
  const [first, second] = args;
  if (!first) return undefined;
  if (first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = staticValue(first, sourceCode);
  if (value && typeof value.value === 'number') return second;
  if (value && value.value === BACK_TARGET) return second;
  return first;
}

function isLocation(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  return staticString(node, sourceCode)?.toLowerCase() === LOCATION_HEADER;
}

