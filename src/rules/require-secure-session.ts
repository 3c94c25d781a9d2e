import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from '../analysis/core/ast.js';
import { quotedAny } from '../analysis/core/source-text.js';
import { addOptionsArgument, attributesText, mergeAttributes } from '../analysis/http/cookie-fixes.js';
import { underEnvironmentCondition } from '../analysis/http/cors.js';
import { missingAttributes, noneWithoutSecure, sessionMiddleware, type SessionMiddleware } from '../analysis/http/cookies.js';
import { SESSION_MODULE_NAMES, type CookieAttribute } from '../catalog/cookies.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'insecureSession' | 'addCookieOptions';

const mayUseSession = quotedAny(SESSION_MODULE_NAMES);

const PROBLEM: Readonly<Record<CookieAttribute, [off: string, absent: string]>> = {
  httpOnly: ['`httpOnly: false` lets page scripts (and so any XSS) read the session id', 'the cookie is not HttpOnly'],
  secure: ['`secure: false` sends the session id over plain HTTP', 'the cookie is not `secure` (its default), so the session id is sent over plain HTTP'],
  sameSite: ['`sameSite` is turned off, so the cookie is sent on cross-site requests', 'the cookie has no SameSite attribute'],
};

/** The name suggested for a session cookie left with its default name. */
const SUGGESTED_NAME = "'sid'";

export default createRule<[], MessageIds>({
  name: 'require-secure-session',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require secure cookie settings on session middleware',
      recommended: 'recommended',
      cwe: 'CWE-614',
      owasp: ['A07:2021'],
    },
    hasSuggestions: true,
    messages: {
      insecureSession: '{{library}} session cookie: {{problems}}. Set `{{where}}{ httpOnly: true, secure: true, sameSite: \'lax\' }`{{name}} (`secure: \'auto\'` or an environment test such as `secure: process.env.NODE_ENV === \'production\'` is fine).',
      addCookieOptions: 'Set {{text}}.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!mayUseSession(sourceCode)) return {};

    function suggestion(session: SessionMiddleware, attributes: CookieAttribute[], rename: boolean): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const { library, object, cookie, cookieObject } = session;
      const nameText = rename ? `${library.nameOptions[0]}: ${SUGGESTED_NAME}` : null;
      const nested = library.cookie === 'nested';
      const extra: string[] = nameText ? [nameText] : [];
      let fix: TSESLint.ReportFixFunction | null = null;
      let text: string;
      if (!session.optionsArg) {
        const body = nested ? [...extra, `cookie: { ${attributesText(attributes)} }`] : [...extra, attributesText(attributes)];
        text = `{ ${body.join(', ')} }`;
        const inner = `{ ${body.join(', ')} }`;
        fix = session.call.arguments.length === 0
          ? (fixer) => fixer.insertTextAfter(sourceCode.getTokenAfter(session.call.callee, { filter: (t) => t.value === '(' })!, inner)
          : addOptionsArgument(session.call, inner);
      } else {
        if (!object || !cookie || unwrap(session.optionsArg) !== object) return [];
        if (!nested) {
          fix = mergeAttributes(object, cookie, attributes, sourceCode, extra);
          text = [...extra, attributesText(attributes)].join(', ');
        } else if (cookieObject) {
          const merged = mergeAttributes(cookieObject, cookie, attributes, sourceCode);
          const named = nameText ? mergeAttributes(object, { ...cookie, properties: { httpOnly: null, secure: null, sameSite: null } }, [], sourceCode, extra) : null;
          fix = merged && (!nameText || named) ? (fixer) => [...merged(fixer), ...(named ? named(fixer) : [])] : null;
          text = [...extra, `cookie: { ${attributesText(attributes)} }`].join(', ');
        } else if (cookie.object === null && attributes.every((a) => cookie.states[a] === 'absent')) {
          const all: CookieAttribute[] = ['httpOnly', 'secure', 'sameSite'];
          const added = [...extra, `cookie: { ${attributesText(all)} }`];
          fix = mergeAttributes(object, cookie, [], sourceCode, added);
          text = added.join(', ');
        } else {
          return [];
        }
      }
      return fix ? [{ messageId: 'addCookieOptions', data: { text: `\`${text}\`` }, fix }] : [];
    }

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = node.callee.type === AST_NODE_TYPES.ChainExpression ? node.callee.expression : node.callee;
        // `session(opts)`, `require('express-session')(opts)`, `fastify.register(plugin, opts)`.
        const plain = callee.type === AST_NODE_TYPES.Identifier || (callee.type === AST_NODE_TYPES.CallExpression && callee.callee.type === AST_NODE_TYPES.Identifier && callee.callee.name === 'require');
        if (callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) !== 'register' : !plain) return;
        const session = sessionMiddleware(node, sourceCode);
        if (!session?.visible) return;
        const { library, cookie } = session;
        const problems: string[] = [];
        let attributes: CookieAttribute[] = [];
        if (cookie) {
          const missing = missingAttributes(cookie, library.defaults, library.reportMissing);
          for (const a of missing) problems.push(PROBLEM[a][cookie.states[a] === 'off' ? 0 : 1]);
          attributes = missing;
          if (noneWithoutSecure(cookie, library.defaults) && !missing.includes('secure')) {
            problems.push("`sameSite: 'none'` without `secure: true` is rejected by browsers or sent cross-site over plain HTTP");
            attributes = [...missing, 'secure'];
          }
        }
        // The default name only adds to a finding: on its own it tells which library runs, nothing more.
        const rename = problems.length > 0 && library.fingerprintName !== null && !session.named;
        if (problems.length === 0) return;
        // A session set up only in a development (or other non-default) environment: `if (isDev) app.use(session(…))`.
        if (underEnvironmentCondition(node, sourceCode)) return;
        if (rename) problems.push(`its default name \`${library.fingerprintName}\` tells which library runs`);
        const nested = library.cookie === 'nested';
        context.report({
          node: session.optionsArg ?? node,
          messageId: 'insecureSession',
          data: {
            library: `\`${library.label}\``,
            problems: problems.join('; '),
            where: nested ? 'cookie: ' : '',
            name: rename ? ` and a \`${library.nameOptions[0]}\`` : '',
          },
          suggest: suggestion(session, attributes, rename),
        });
      },
    };
  },
});
