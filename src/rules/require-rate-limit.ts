import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberName, unwrap } from '../analysis/core/ast.js';
import { includesAny, textGate } from '../analysis/core/source-text.js';
import { appOf, isRateLimiterName, mayCreateApp, middlewareKind, type App } from '../analysis/http/apps.js';
import { identifierWords, middlewareName, routeReceiver, routesInFile, type Route } from '../analysis/http/routes.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type Options = [{ reportRoutesWithoutApp?: boolean }];
type MessageIds = 'missingLimiter';

const gate = textGate(
  includesAny([
    'ogin', 'ogIn', 'ignin', 'ignIn', 'ign-in', 'ign_in', 'egister', 'ignup', 'ignUp', 'ign-up', 'ign_up', 'oken', 'assword', 'orgot',
    'otp', 'OTP', 'Otp', 'erify', 'mfa', 'MFA', 'Mfa', '2fa', '2FA', 'wo-factor', 'woFactor', 'agic', 'allback', 'efresh', 'ecover', 'uthenticate',
  ]),
);
/** Methods a credential, code or token is submitted with. GET routes show forms or follow links. */
const SUBMIT_METHODS = new Set(['post', 'put', 'patch', 'all']);
/**
 * Words without which the file registers no route with one of `SUBMIT_METHODS` (see `routesInFile`):
 * a method call (`router.post()`, `app['all']()`, `app.any()`), a `route()` chain or Fastify
 * `route({ … })` (whose method defaults to `all`), a NestJS `@Post()`/`@Put()`/`@Patch()`/`@All()`,
 * a Next.js `POST`/`PUT`/`PATCH` export, or a Pages API `export default` handler taking `req`.
 */
const SUBMIT_WORDS = /\b(?:post|put|patch|all|any|route|Post|Put|Patch|All|POST|PUT|PATCH)\b/;
const DEFAULT_EXPORT = /\bdefault\b/;
const REQUEST_PARAMETER = /\b(?:req|request)\b/;
const maySubmit = textGate((text) => SUBMIT_WORDS.test(text) || (DEFAULT_EXPORT.test(text) && REQUEST_PARAMETER.test(text)));
const SINGLE_WORDS = new Set(['login', 'signin', 'logon', 'authenticate', 'register', 'registration', 'signup', 'otp', 'totp', 'mfa', '2fa', 'tfa', 'twofactor', 'verify', 'verification', 'forgot', 'magic', 'refresh', 'token']);
const PAIRS: readonly [string, string][] = [
  ['sign', 'in'],
  ['log', 'in'],
  ['sign', 'up'],
  ['two', 'factor'],
  ['reset', 'password'],
  ['password', 'reset'],
  ['recover', 'password'],
  ['password', 'recovery'],
  ['lost', 'password'],
];
const CALLBACK_CONTEXT = new Set(['oauth', 'oauth2', 'auth', 'sso', 'saml', 'oidc', 'openid']);
const LIMITER_TEXT = /rate.?limit|limiter|throttl|brute|slow.?down/i;
const MAX_DEPTH = 6;

/** Words that make `verify` the check of something other than a person's credential or code. */
const OTHER_VERIFICATIONS = new Set(['captcha', 'recaptcha', 'hcaptcha', 'turnstile', 'webhook', 'webhooks', 'signature', 'receipt', 'purchase', 'payment', 'domain', 'dns']);

/**
 * Words next to `token` or `refresh` (or in the path of a handler so named) that make it something other than a sign-in step: a device's
 * push token, a CSRF token, a cache or feed refreshed by a signed-in user.
 */
const OTHER_TOKENS = new Set(['push', 'fcm', 'apns', 'device', 'devices', 'notification', 'notifications', 'csrf', 'xsrf', 'cache', 'caches', 'feed', 'feeds', 'index', 'search', 'stats', 'metrics', 'sitemap', 'preview', 'thumbnail', 'thumbnails']);

/**
 * Whether the words of a route path or handler name name an authentication step. `parameterised`:
 * the path addresses a record (`/users/:id/token`, `/keys/:id/refresh`), so its token or refresh
 * step is an authenticated action on that record, not a sign-in.
 */
function isAuthWords(words: readonly string[], parameterised = false, around: readonly string[] = words): boolean {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (SINGLE_WORDS.has(word)) {
      // `token` and `refresh` only as the step itself (`/oauth/token`, `/token/refresh`), not `/tokens/:id/usage`.
      if (word === 'token' || word === 'refresh') {
        const other = OTHER_TOKENS.has(words[i - 1] ?? '') || OTHER_TOKENS.has(next ?? '') || (around !== words && around.some((w) => OTHER_TOKENS.has(w)));
        if (!parameterised && i >= words.length - 2 && !other) return true;
        continue;
      }
      if ((word === 'verify' || word === 'verification') && (words.some((w) => OTHER_VERIFICATIONS.has(w)) || around.some((w) => OTHER_VERIFICATIONS.has(w)))) continue;
      return true;
    }
    if (next !== undefined && PAIRS.some(([a, b]) => a === word && b === next)) return true;
    if (word === 'callback' && words.some((w) => CALLBACK_CONTEXT.has(w))) return true;
  }
  return false;
}

function pathWords(path: string): string[] {
  return identifierWords(path.replace(/\/:[^/]+/g, '/').replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, ''));
}

export default createRule<Options, MessageIds>({
  name: 'require-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require rate limiting on authentication routes',
      recommended: 'recommended',
      cwe: 'CWE-307',
      owasp: ['API4:2023'],
    },
    messages: {
      missingLimiter:
        '`{{route}}` is an authentication route with no rate limiter in its chain or mounted before it{{where}}: attackers can try passwords, codes or tokens without limit. Add a rate-limiting middleware to the route, or mount one on its app or router before it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportRoutesWithoutApp: {
            type: 'boolean',
            description:
              'Also report authentication routes of files that create no app they are registered on (router modules, NestJS controllers, Next.js handlers, functions handed an app), where a limiter may be mounted by another file.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportRoutesWithoutApp: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!gate(sourceCode) || !maySubmit(sourceCode)) return {};
    const withoutApp = options.reportRoutesWithoutApp === true;
    // Without the strict option a route is reported only on an app (or a router mounted on one)
    // this file creates, and a file that names no app module creates none.
    if (!withoutApp && !mayCreateApp(sourceCode)) return {};

    function isLimiter(node: Node): boolean {
      const n = unwrap(node);
      if (isFunction(n)) return LIMITER_TEXT.test(sourceCode.getText(n));
      if (isRateLimiterName(middlewareName(n, sourceCode))) return true;
      return middlewareKind(n, sourceCode) === 'rate-limit';
    }

    interface Context {
      limited: boolean;
      /** An app of this file the route belongs to is created, started or mounted here, and not handed to code elsewhere first. */
      evidence: boolean;
    }

    /** Limiters mounted on `app` before `position` (and on the apps it is mounted on, before their mounts). */
    function appContext(app: App, position: number, depth: number): Context {
      if (depth > MAX_DEPTH) return { limited: false, evidence: false };
      const limited = app.mounts.some(
        (m) =>
          !m.child &&
          (m.method === 'register' ? m.middleware?.kind === 'rate-limit' : m.expression.range[0] < position && isLimiter(m.expression)),
      );
      if (limited) return { limited: true, evidence: true };
      const handed = app.handedOver.some((n) => n.range[0] < position);
      if (app.mountedOn.length === 0) return { limited: false, evidence: !app.router && !handed };
      let evidence = false;
      for (const { app: parent, mount } of app.mountedOn) {
        const outer = appContext(parent, mount.expression.range[0], depth + 1);
        if (outer.limited) return outer;
        evidence ||= outer.evidence;
      }
      return { limited: false, evidence: evidence && !handed };
    }

    function handlerWords(route: Route): string[] {
      if (route.node.type === AST_NODE_TYPES.MethodDefinition) {
        const key = route.node.key;
        return key.type === AST_NODE_TYPES.Identifier ? identifierWords(key.name) : [];
      }
      if (route.node.type !== AST_NODE_TYPES.CallExpression) return [];
      const args = route.node.arguments;
      const last = args[args.length - 1];
      if (!last || last.type === AST_NODE_TYPES.SpreadElement) return [];
      let name = middlewareName(last, sourceCode);
      if (!name && route.handler && route.handler.type !== AST_NODE_TYPES.ArrowFunctionExpression && route.handler.id) name = route.handler.id.name;
      const tail = name.split('.').pop() ?? '';
      return identifierWords(tail);
    }

    function routePath(route: Route): string | null {
      if (route.path !== null) return route.path;
      if (route.framework !== 'next') return null;
      const file = context.filename.replace(/\\/g, '/');
      const at = file.lastIndexOf('/api/');
      return at === -1 ? null : file.slice(at).replace(/\/(?:route|index)?\.[cm]?[jt]sx?$|\.[cm]?[jt]sx?$/, '');
    }

    function isAuthRoute(route: Route): boolean {
      if (!SUBMIT_METHODS.has(route.method)) return false;
      const path = routePath(route);
      const parameterised = path !== null && /\/:|\{|\[/.test(path);
      const words = path === null ? [] : pathWords(path);
      if (isAuthWords(words, parameterised)) return true;
      return isAuthWords(handlerWords(route), parameterised, words);
    }

    function chainLimited(route: Route): boolean {
      if (route.middleware.some(isLimiter)) return true;
      if (route.middlewareNames.some(isRateLimiterName)) return true;
      if (route.guards.some(isRateLimiterName)) return true;
      if (route.decorators.some((d) => d !== 'SkipThrottle' && isRateLimiterName(d))) return true;
      // Fastify route options: `{ config: { rateLimit: { max: 5 } } }`.
      if (route.node.type === AST_NODE_TYPES.CallExpression) {
        for (const arg of route.node.arguments) {
          const a = unwrap(arg);
          if (a.type === AST_NODE_TYPES.ObjectExpression && /rateLimit/.test(sourceCode.getText(a))) return true;
        }
      }
      return false;
    }

    function reportNode(route: Route): Node {
      if (route.node.type === AST_NODE_TYPES.MethodDefinition) return route.node.key;
      if (route.node.type === AST_NODE_TYPES.CallExpression) {
        const first = route.node.arguments[0];
        const callee = unwrap(route.node.callee);
        if (route.path !== null && first && first.type !== AST_NODE_TYPES.SpreadElement && !(callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'route')) {
          return first;
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression) return callee.property;
      }
      return route.node;
    }

    return {
      'Program:exit'() {
        const routes = routesInFile(sourceCode);
        if (routes.length === 0) return;
        const nestGlobal = sourceCode.text.includes('ThrottlerModule') && sourceCode.text.includes('APP_GUARD');
        for (const route of routes) {
          if (!isAuthRoute(route) || chainLimited(route)) continue;
          if (route.framework === 'nestjs' && nestGlobal) continue;
          const receiver = routeReceiver(route);
          const app = receiver ? appOf(receiver, sourceCode) : null;
          const found = app ? appContext(app, route.node.range[0], 0) : { limited: false, evidence: false };
          if (found.limited) continue;
          if (!found.evidence && !withoutApp) continue;
          const path = routePath(route);
          context.report({
            node: reportNode(route),
            messageId: 'missingLimiter',
            data: {
              route: `${route.method.toUpperCase()} ${path ?? '(route)'}`,
              where: found.evidence ? '' : ' in this file',
            },
          });
        }
      },
    };
  },
});
