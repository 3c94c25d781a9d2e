import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVar, getProperty, isFunction, memberName, propertyName, singleValue, unwrap } from '../analysis/core/ast.js';
import { resolveModule } from '../analysis/core/modules.js';
import { includesAny, textGate } from '../analysis/core/source-text.js';
import { staticString, staticValue } from '../analysis/core/static-value.js';
import { logCall } from '../analysis/domains/logging.js';
import { appOf, appsInFile, kindOfRef, type App } from '../analysis/http/apps.js';
import { handlerName } from '../analysis/http/handlers.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageIds = 'trustAll' | 'koaProxy' | 'forwardedKey' | 'forwardedCheck' | 'forwardedLog' | 'oneHop';

const FORWARDED_FOR = ['orwarded-for', 'ORWARDED-FOR', 'orwarded-For'];
const gate = textGate(includesAny(['trust proxy', 'trustProxy', 'proxy', ...FORWARDED_FOR]));
/** Whether the file spells the `X-Forwarded-For` header name at all (any case the rule reads). */
const forwardedGate = textGate(includesAny(FORWARDED_FOR));
const SETTING_METHODS = new Set(['set', 'enable']);
const CHECK_METHODS = new Set(['includes', 'has', 'indexOf']);
/** Limiter methods that take the key (rate-limiter-flexible `consume(key)`, `penalty`, `block`, `get`). */
const LIMITER_KEY_METHODS = new Set(['consume', 'penalty', 'reward', 'block', 'get', 'delete']);
const OPTION_KEYS = new Set(['trustProxy', 'proxy', 'keyGenerator']);
/** Keys under which a log or audit entry records the client's address. */
const IP_KEYS = new Set(['ip', 'ipAddress', 'ip_address', 'clientIp', 'client_ip', 'clientIP', 'remoteIp', 'remote_ip', 'remoteAddress', 'remoteAddr', 'sourceIp', 'source_ip', 'userIp', 'user_ip', 'requestIp']);
/** Words of a function or callee name that makes or writes a log or audit entry. */
const LOG_WORDS = /(?:^|[^a-z])(?:log|logs|audit|auditlog)(?:[^a-z]|$)|Log(?:[A-Z]|$)|Audit/;
/** Names of address lists an IP check is made against. */
const ADDRESS_LIST = /allow|white|trust|block|black|deny|denied|banned|permit|(?:^|[^a-z])ips?(?:$|[^a-z])|ips$|ipList|addresses/i;
const MAX_TOKENS = 4000;

export default createRule<[], MessageIds>({
  name: 'no-unsafe-trust-proxy',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow trusting every proxy's forwarded headers",
      recommended: 'recommended',
      cwe: 'CWE-348',
      owasp: ['A05:2021'],
    },
    hasSuggestions: true,
    messages: {
      trustAll:
        '{{what}} trusts every proxy in front of the app, so the client address is taken from the leftmost `X-Forwarded-For` entry, which any client can write: IP rate limits, allow-lists and audit logs can be spoofed. Trust the number of proxies you run (a hop count), their subnets or a named preset.',
      koaProxy:
        '{{what}} turns `proxy` on without `maxIpsCount`, so `ctx.ip` is taken from the leftmost `X-Forwarded-For` entry, which any client can write. Set `maxIpsCount` to the number of proxies in front of the app.',
      forwardedKey:
        'The rate-limit key is read from the `X-Forwarded-For` header, which any client can set: each request can claim a new address and escape the limit. Key on the address the framework derives with a hop-count proxy setting (`req.ip`).',
      forwardedCheck:
        'This IP check reads the `X-Forwarded-For` header, which any client can set to an allowed address. Check the address the framework derives with a hop-count proxy setting (`req.ip`) instead.',
      forwardedLog:
        'This log entry records the client address from the `X-Forwarded-For` header, which any client can set, so the log names whatever address an attacker chooses. Record the address the framework derives with a hop-count proxy setting (`req.ip`).',
      oneHop: 'Trust one proxy hop (`1`) instead.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!gate(sourceCode)) return {};
    let forwarded: boolean | undefined;
    /** Asked only when a call or property could use the header: most files never need the answer. */
    const mentionsForwarded = (): boolean => (forwarded ??= forwardedGate(sourceCode));

    const isTrue = (node: Node): boolean => {
      const value = staticValue(node, sourceCode);
      return value?.value === true;
    };

    /**
     * Whether `node` holds the `x-forwarded-for` header name among its tokens: the expression itself,
     * or, for a name, the constant or function declaration it stands for.
     */
    function readsForwardedFor(node: Node, depth = 0): boolean {
      if (depth > 2 || !mentionsForwarded()) return false;
      const n = unwrap(node);
      if (n.type === AST_NODE_TYPES.Identifier) {
        const variable = findVar(sourceCode, n);
        const def = variable?.defs[0];
        if (!variable || !def || variable.defs.length !== 1) return false;
        if (def.type === 'FunctionName') return readsForwardedFor(def.node, depth + 1);
        const value = singleValue(variable);
        return !!value && readsForwardedFor(value.init, depth + 1);
      }
      const tokens = sourceCode.getTokens(n);
      if (tokens.length > MAX_TOKENS) return false;
      let header = false;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if ((token.type === 'String' || token.type === 'Template') && /^.x-forwarded-for.$/i.test(token.value)) header = true;
        // `.split(',').pop()`, `.at(-1)` after the header: its rightmost entry, the one the nearest proxy appended.
        else if (header && token.type === 'Identifier' && tokens[i - 1]?.value === '.' && tokens[i + 1]?.value === '(') {
          if (token.value === 'pop' && tokens[i + 2]?.value === ')') return false;
          if (token.value === 'at' && tokens[i + 2]?.value === '-' && tokens[i + 3]?.value === '1' && tokens[i + 4]?.value === ')') return false;
        }
      }
      return header;
    }

    function oneHop(value: Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      return [{ messageId: 'oneHop', fix: (fixer) => fixer.replaceText(value, '1') }];
    }

    function koaHasMaxIps(app: App | null, options: TSESTree.ObjectExpression | null): boolean {
      if (options && getProperty(options, 'maxIpsCount')) return true;
      return !!app?.settings.some((s) => s.name === 'maxIpsCount');
    }

    function isRateLimitCall(node: Node | undefined): boolean {
      if (node?.type !== AST_NODE_TYPES.CallExpression && node?.type !== AST_NODE_TYPES.NewExpression) return false;
      return kindOfRef(resolveModule(node, sourceCode)) === 'rate-limit';
    }

    /** The name of a call's callee or of the function an object is returned from: `audit.record`, `getRequestLogObject`. */
    function entryNames(object: TSESTree.ObjectExpression): string[] {
      const parent = object.parent;
      if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(object)) {
        const names = [sourceCode.getText(parent.callee)];
        if (parent.type === AST_NODE_TYPES.CallExpression && logCall(parent, sourceCode)) names.push('log');
        return names;
      }
      let returned: Node | undefined = parent;
      if (returned?.type === AST_NODE_TYPES.ReturnStatement) returned = returned.parent?.parent;
      if (isFunction(returned)) {
        const name = handlerName(returned);
        return name ? [name] : [];
      }
      return [];
    }

    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = memberName(callee);
        if (method === null) return;
        if (SETTING_METHODS.has(method)) {
          const first = node.arguments[0];
          if (!first || first.type === AST_NODE_TYPES.SpreadElement || staticString(first, sourceCode) !== 'trust proxy') return;
          if (method === 'set') {
            const value = node.arguments[1];
            if (!value || value.type === AST_NODE_TYPES.SpreadElement || !isTrue(value)) return;
            context.report({ node: value, messageId: 'trustAll', data: { what: "`set('trust proxy', true)`" }, suggest: oneHop(value) });
          } else {
            if (node.arguments.length !== 1) return;
            const text = sourceCode.getText(first);
            context.report({
              node,
              messageId: 'trustAll',
              data: { what: "`enable('trust proxy')`" },
              suggest: [{ messageId: 'oneHop', fix: (fixer) => fixer.replaceTextRange([callee.property.range[0], node.range[1]], `set(${text}, 1)`) }],
            });
          }
          return;
        }
        if (!CHECK_METHODS.has(method) && !LIMITER_KEY_METHODS.has(method)) return;
        if (!mentionsForwarded()) return;
        if (CHECK_METHODS.has(method)) {
          const arg = node.arguments[0];
          if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return;
          const list = unwrap(callee.object);
          const listName = list.type === AST_NODE_TYPES.Identifier ? list.name : list.type === AST_NODE_TYPES.MemberExpression ? memberName(list) ?? '' : '';
          if (!ADDRESS_LIST.test(listName)) return;
          if (readsForwardedFor(arg)) context.report({ node: arg, messageId: 'forwardedCheck' });
          return;
        }
        if (LIMITER_KEY_METHODS.has(method)) {
          const arg = node.arguments[0];
          if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return;
          if (kindOfRef(resolveModule(callee.object, sourceCode)) !== 'rate-limit') return;
          if (readsForwardedFor(arg)) context.report({ node: arg, messageId: 'forwardedKey' });
        }
      },
      Property(node) {
        const key = propertyName(node);
        if (key === null) return;
        const object = node.parent;
        if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
        if (IP_KEYS.has(key)) {
          if (!mentionsForwarded() || !readsForwardedFor(node.value)) return;
          if (entryNames(object).some((name) => LOG_WORDS.test(name))) context.report({ node: node.value, messageId: 'forwardedLog' });
          return;
        }
        if (!OPTION_KEYS.has(key)) return;
        if (key === 'keyGenerator') {
          if (!mentionsForwarded()) return;
          const call = object.parent;
          if (!isRateLimitCall(call) || !(call as TSESTree.CallExpression).arguments.includes(object)) return;
          const value = unwrap(node.value);
          if (!isFunction(value) && value.type !== AST_NODE_TYPES.Identifier) return;
          if (readsForwardedFor(value)) context.report({ node: node.value, messageId: 'forwardedKey' });
          return;
        }
        if (!isTrue(node.value)) return;
        const app = appsInFile(sourceCode).find((a) => a.options === object) ?? null;
        if (key === 'trustProxy') {
          const adapter = object.parent;
          const isAdapter =
            adapter?.type === AST_NODE_TYPES.NewExpression &&
            adapter.arguments[0] === object &&
            resolveModule(adapter, sourceCode)?.module === '@nestjs/platform-fastify';
          if (app?.framework !== 'fastify' && !isAdapter) return;
          context.report({ node: node.value, messageId: 'trustAll', data: { what: '`trustProxy: true`' }, suggest: oneHop(node.value) });
          return;
        }
        if (app?.framework !== 'koa' || koaHasMaxIps(app, object)) return;
        context.report({ node: node.value, messageId: 'koaProxy', data: { what: '`proxy: true`' } });
      },
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== 'proxy' || !isTrue(node.right)) return;
        const app = appOf(left.object, sourceCode);
        if (app?.framework !== 'koa' || koaHasMaxIps(app, app.options)) return;
        context.report({ node: node.right, messageId: 'koaProxy', data: { what: '`app.proxy = true`' } });
      },
    };
  },
});
