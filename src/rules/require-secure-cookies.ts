import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, shortText, unwrap } from '../analysis/core/ast.js';
import { includesAny, textGate } from '../analysis/core/source-text.js';
import { addOptionsArgument, appendHeaderAttributes, attributesText, mergeAttributes } from '../analysis/http/cookie-fixes.js';
import { underEnvironmentCondition } from '../analysis/http/cors.js';
import { clearsByValue, cookieKind, cookieWrites, missingAttributes, noneWithoutSecure, type CookieWrite } from '../analysis/http/cookies.js';
import { COOKIE_WRITE_METHODS, HEADER_WRITE_METHODS, HEADERS_OBJECT_METHODS, type CookieAttribute } from '../catalog/cookies.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'insecureCookie' | 'sameSiteNone' | 'addAttributes';
type Options = [{ reportAllCookies?: boolean }];

const mayWriteCookie = textGate(includesAny(['cookie', 'Cookie']));

/** Constant values a flag cookie holds (`has_session=1`, `session_active=true`): state the page reads, never a credential. */
const FLAG_VALUES: ReadonlySet<unknown> = new Set(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', 1, 0, true, false]);

/** Whether a cookie's value is a constant flag written in the call. */
function isFlagValue(value: TSESTree.Node | null): boolean {
  if (!value) return false;
  const target = unwrap(value);
  if (target.type === AST_NODE_TYPES.Literal) return FLAG_VALUES.has(typeof target.value === 'string' ? target.value.toLowerCase() : target.value);
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) return FLAG_VALUES.has(target.quasis[0]!.value.cooked?.toLowerCase());
  return false;
}

const RISK: Readonly<Record<CookieAttribute, string>> = {
  httpOnly: 'HttpOnly (page scripts, and so any XSS, can read it)',
  secure: 'Secure (it is sent over plain HTTP)',
  sameSite: 'SameSite (it is sent on cross-site requests)',
};

export default createRule<Options, MessageIds>({
  name: 'require-secure-cookies',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the httpOnly, secure and sameSite attributes on session and authentication cookies',
      recommended: 'recommended',
      cwe: 'CWE-614',
      owasp: ['A05:2021'],
    },
    hasSuggestions: true,
    messages: {
      insecureCookie: '{{call}} sets the {{kind}}cookie {{name}} without {{missing}}. Set `httpOnly: true`, `secure: true` and `sameSite: \'lax\'` (or `\'strict\'`).',
      sameSiteNone: "{{call}} sets the {{kind}}cookie {{name}} with `sameSite: 'none'` but without `secure: true`: browsers reject it, or send it cross-site over plain HTTP. Add `secure: true`.",
      addAttributes: 'Set {{attributes}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportAllCookies: {
            type: 'boolean',
            description: 'Also report cookies whose name and value do not show a session or authentication cookie (preference cookies are still left alone).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportAllCookies: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayWriteCookie(sourceCode)) return {};
    const reportAll = options?.reportAllCookies === true;

    function suggestion(write: CookieWrite, attributes: CookieAttribute[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const options = write.options!;
      const label = attributes.map((a) => `\`${a}\``).join(', ');
      let fix: TSESLint.ReportFixFunction | null = null;
      if (write.headerText) {
        fix = appendHeaderAttributes(write.headerText.node, attributes);
      } else if (options.object && write.optionsArg && unwrap(write.optionsArg) === options.object) {
        fix = mergeAttributes(options.object, options, attributes, sourceCode);
      } else if (!write.optionsArg && write.optionsIndex === write.call.arguments.length) {
        fix = addOptionsArgument(write.call, `{ ${attributesText(attributes)} }`);
      }
      return fix ? [{ messageId: 'addAttributes', data: { attributes: label }, fix }] : [];
    }

    function check(write: CookieWrite): void {
      const options = write.options;
      if (!options || options.clears || clearsByValue(write.value, sourceCode)) return;
      if (isFlagValue(write.value)) return;
      const kind = cookieKind(write, sourceCode);
      if (kind === 'preference' || (kind === 'unknown' && !reportAll)) return;
      const defaults = write.writer.defaults;
      const missing = missingAttributes(options, defaults);
      const none = noneWithoutSecure(options, defaults);
      if (missing.length === 0 && !none) return;
      // A write only a development (or other non-default) environment makes: `if (isDev) res.cookie(…)`.
      if (underEnvironmentCondition(write.call, sourceCode)) return;
      const name = write.nameText !== null ? `'${write.nameText}'` : write.name ? `\`${shortText(sourceCode, write.name, 30)}\`` : 'it writes';
      const data = {
        call: write.label === 'a Set-Cookie header' ? 'A `Set-Cookie` header' : `\`${write.label}\``,
        kind: kind === 'session' ? 'session/authentication ' : '',
        name,
      };
      const node = write.headerText?.node ?? write.call;
      if (none && missing.every((a) => a === 'secure')) {
        context.report({ node, messageId: 'sameSiteNone', data: { call: data.call, kind: data.kind, name: data.name }, suggest: suggestion(write, ['secure']) });
        return;
      }
      const attributes: CookieAttribute[] = none && !missing.includes('secure') ? [...missing, 'secure'] : missing;
      const described = missing.map((a) => (options.states[a] === 'off' ? `${RISK[a]} — it is turned off` : RISK[a]));
      context.report({
        node,
        messageId: 'insecureCookie',
        data: { call: data.call, kind: data.kind, name: data.name, missing: described.length > 1 ? `${described.slice(0, -1).join(', ')} and ${described[described.length - 1]!}` : described.join('') },
        suggest: suggestion(write, [...new Set(attributes)]),
      });
    }

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = node.callee.type === AST_NODE_TYPES.ChainExpression ? node.callee.expression : node.callee;
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
        if (name === null || (!COOKIE_WRITE_METHODS.has(name) && !HEADER_WRITE_METHODS.has(name) && !HEADERS_OBJECT_METHODS.has(name))) return;
        for (const write of cookieWrites(node, sourceCode) ?? []) check(write);
      },
    };
  },
});
