import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isGlobalReference, shortText, unwrap } from '../analysis/core/ast.js';
import { describeRef, isModulePath, resolveModule, type ModuleRef } from '../analysis/core/modules.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import { propertyKeyName, staticString } from '../analysis/core/static-value.js';
import { taintOf, type Taint } from '../analysis/flow/taint.js';
import { ID_CHECK_FUNCTION, isGuardedUrl } from '../analysis/flow/url-guards.js';
import { optionsTaint, originTaint, pathTaint } from '../analysis/flow/url-origin.js';
import { resolveObject } from '../analysis/core/object-values.js';
import { GLOBAL_HTTP_FUNCTIONS, HOST_KEYS, HTTP_CLIENT_CALLS, METHOD_NAMES, PATH_KEYS, URL_KEYS, type HttpClientCall } from '../catalog/http-clients.js';
import { createRule } from '../util/create-rule.js';
import { guardsOption } from '../util/guards-option.js';

type Options = [{ guards?: string[]; reportPathOnFixedHost?: boolean }];
type MessageIds = 'ssrf' | 'pathOnFixedHost';

/** Last steps of the member calls that may send a request (`get` of `axios.get`). */
const MEMBER_NAMES = new Set(HTTP_CLIENT_CALLS.filter((c) => c.path.length > 0 && c.path[c.path.length - 1] !== '()').map((c) => c.path[c.path.length - 1]!));
const CLIENT_MODULES = [...new Set(HTTP_CLIENT_CALLS.flatMap((c) => c.modules))];
// Built-ins may be named with the `node:` prefix.
const quotesClient = quotedAny([...CLIENT_MODULES, 'node:http', 'node:https']);
const namesFetch = textGate(includesAny([...GLOBAL_HTTP_FUNCTIONS]));

export default createRule<Options, MessageIds>({
  name: 'no-ssrf',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow outbound requests whose URL origin or host comes from request data',
      recommended: 'recommended',
      cwe: 'CWE-918',
      owasp: ['API7:2023', 'A10:2021'],
    },
    messages: {
      ssrf:
        'The server sends a request to {{value}}, whose host is decided by request data (`{{source}}`) in {{client}}: a client can make the server call internal services or cloud metadata endpoints. Build the URL from a fixed origin, or check the parsed host against an allow-list before sending.',
      pathOnFixedHost:
        'Request data (`{{source}}`) is inserted into the path of {{value}}, which {{client}} sends to a fixed host: `../` or an encoded `/` in it reaches other endpoints of that service, with the server’s credentials. Encode the value with `encodeURIComponent()`, or check that it is a number, an id or matches a pattern.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          guards: guardsOption(
            'Names of your own functions that check an outbound URL (besides names such as `isAllowedHost`, `isSafeUrl`, `validateUrl`); a URL they check before the request is not reported.',
          ),
          reportPathOnFixedHost: {
            type: 'boolean',
            description:
              'Also report request data inserted into the path of a URL whose host the code fixes (`` `https://api.example.com/users/${req.params.id}` ``): `../` reaches other endpoints of that service. Values passed through `encodeURIComponent`, numbers, and values checked by a pattern or an id check (`isUUID`) are not reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ guards: [], reportPathOnFixedHost: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const hasClient = quotesClient(sourceCode);
    if (!hasClient && !namesFetch(sourceCode)) return {};
    const guards = options.guards ?? [];
    const reportPath = options.reportPathOnFixedHost === true;

    function report(call: TSESTree.CallExpression, node: TSESTree.Node, taint: Taint, client: string): void {
      if (isGuardedUrl(node, call, sourceCode, { guards })) return;
      context.report({
        node,
        messageId: 'ssrf',
        data: { value: `\`${shortText(sourceCode, node, 40)}\``, source: taint.source.text, client },
      });
    }

    /** With `reportPathOnFixedHost`: request data in the path of a URL the code points at a fixed host. */
    function checkPath(call: TSESTree.CallExpression, node: TSESTree.Node, client: string): void {
      if (!reportPath) return;
      const found = pathTaint(node, sourceCode, 'url');
      if (!found || isGuardedUrl(found.node, call, sourceCode, { guards, namePattern: ID_CHECK_FUNCTION })) return;
      context.report({
        node: found.node,
        messageId: 'pathOnFixedHost',
        data: { value: `\`${shortText(sourceCode, node, 40)}\``, source: found.taint.source.text, client },
      });
    }

    function checkUrl(call: TSESTree.CallExpression, arg: TSESTree.Node | undefined, client: string, optionsToo: boolean): void {
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return;
      const target = unwrap(arg);
      if (target.type === AST_NODE_TYPES.ObjectExpression) {
        if (optionsToo) checkOptions(call, target, client);
        return;
      }
      const found = originTaint(target, sourceCode, 'url');
      if (found) report(call, arg, found.taint, client);
      else checkPath(call, arg, client);
    }

    function checkOptions(call: TSESTree.CallExpression, object: TSESTree.ObjectExpression, client: string): void {
      for (const prop of object.properties) {
        if (prop.type !== AST_NODE_TYPES.Property) continue;
        const key = prop.computed ? staticString(prop.key, sourceCode) : propertyKeyName(prop.key);
        if (key === null) continue;
        if (URL_KEYS.has(key)) {
          const found = originTaint(prop.value, sourceCode, 'url');
          if (found) report(call, prop.value, found.taint, client);
          else checkPath(call, prop.value, client);
        } else if (PATH_KEYS.has(key)) {
          checkPath(call, prop.value, client);
        } else if (HOST_KEYS.has(key)) {
          const taint = taintOf(prop.value, sourceCode, { sink: 'url' });
          if (taint) report(call, prop.value, taint, client);
        }
      }
    }

    function checkCall(call: TSESTree.CallExpression, entry: HttpClientCall, ref: ModuleRef): void {
      const client = `\`${describeRef(ref)}\``;
      const args = call.arguments;
      if (entry.url === 'after-method') {
        const first = args[0];
        const method = first ? staticString(first, sourceCode) : null;
        checkUrl(call, method !== null && METHOD_NAMES.has(method.toLowerCase()) ? args[1] : first, client, true);
      } else if (entry.url !== null) {
        checkUrl(call, args[entry.url], client, true);
      }
      if (entry.options !== null && entry.options !== entry.url) {
        const options = args[entry.options];
        if (options && options.type !== AST_NODE_TYPES.SpreadElement) {
          const object = unwrap(options);
          if (object.type === AST_NODE_TYPES.ObjectExpression) {
            checkOptions(call, object, client);
          } else {
            // Options held in a variable (`axios.get(path, opts)` with `opts.baseURL` from the request).
            const held = resolveObject(options, sourceCode);
            const found = held && optionsTaint(held, sourceCode);
            if (found) report(call, options, found.taint, client);
          }
        }
      }
    }

    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (GLOBAL_HTTP_FUNCTIONS.has(callee.name) && isGlobalReference(sourceCode, callee)) {
            checkUrl(node, node.arguments[0], '`fetch()`', false);
            return;
          }
          if (!hasClient) return;
        } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const name = calleeName(node);
          if (name === null || !MEMBER_NAMES.has(name) || !hasClient) return;
        } else {
          return;
        }
        // Only calls with some argument that may hold request data are worth resolving.
        if (node.arguments.length === 0) return;
        const ref = resolveModule(callee, sourceCode);
        if (!ref) return;
        const entry = HTTP_CLIENT_CALLS.find((c) => isModulePath(ref, c.modules, c.path));
        if (entry) checkCall(node, entry, ref);
      },
    };
  },
});

