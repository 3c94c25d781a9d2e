import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, shortText, type FunctionNode } from '../analysis/core/ast.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import { staticString, staticValue } from '../analysis/core/static-value.js';
import { corsConfiguration, guardedByOriginCheck, isResponseHeaderObject, reflectsRequestOrigin, setsResponseHeader, underEnvironmentCondition, type CorsConfiguration, type OriginAllowance, type ReflectHow } from '../analysis/http/cors.js';
import type { PatternWeakness } from '../analysis/http/origin-patterns.js';
import { ALLOW_CREDENTIALS_HEADER, ALLOW_ORIGIN_HEADER, CORS_MODULES, HEADER_SETTERS, NEST_ENABLE_CORS } from '../catalog/cors.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'anyOriginWithCredentials' | 'wildcardWithCredentials' | 'nullOrigin' | 'weakPattern' | 'reflectedOrigin' | 'publicCors';
type Options = [{ reportPublicCors?: boolean }];

/** A CORS module is loaded somewhere in the file. */
const loadsCorsModule = quotedAny(CORS_MODULES);
/** CORS headers (or a NestJS `enableCors`) are written somewhere in the file. */
const mentionsCorsHeaders = textGate(includesAny(['ccess-control-allow', 'CCESS-CONTROL-ALLOW', 'Access-Control-Allow', NEST_ENABLE_CORS]));

const REFLECT_HOW: Record<ReflectHow, string> = {
  true: "reflect every request's own origin (`origin: true`)",
  'callback-allows': 'have an `origin` callback that allows every origin',
  'function-echoes': "have an `origin` function that returns the request's own origin",
  'wildcard-with-credentials': "turn `origin: '*'` into the request's own origin when credentials are on",
  'default-with-credentials': "send the request's own origin back when credentials are on and `origin` is not set",
  'default-reflects': "send the request's own origin back when `origin` is not set",
};

const WEAKNESS: Record<PatternWeakness, string> = {
  'unanchored-end': 'is not anchored at its end',
  'open-prefix': 'accepts any host that merely ends with the allowed name',
  'unescaped-dot': 'has an unescaped `.`, which matches any character',
};

interface HeaderWrite {
  /** Where the finding is shown: the setter call or the header property. */
  node: TSESTree.Node;
  value: TSESTree.Node;
  /** Whether the header is certainly written to a response (not to a request a client sends). */
  response: boolean;
}

interface HandlerHeaders {
  origins: HeaderWrite[];
  credentials: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'no-permissive-cors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS configurations that let any origin make credentialed requests',
      recommended: 'recommended',
      cwe: 'CWE-942',
      owasp: ['A05:2021'],
    },
    messages: {
      anyOriginWithCredentials:
        "{{subject}} {{how}} and allow credentials: any website can send requests with the user's cookies and read the responses. Allow only a list of known origins.",
      wildcardWithCredentials:
        "{{subject}} send `Access-Control-Allow-Origin: *`{{byDefault}} with credentials. Browsers refuse that combination, and the usual workaround, sending back the request's own origin, lets every website in. Allow only a list of known origins.",
      nullOrigin:
        "{{subject}} allow the origin `null` with credentials: sandboxed iframes and local files send `Origin: null`, so any website can make such a request with the user's cookies and read the response. Remove `'null'` from the allowed origins.",
      weakPattern:
        "The allowed-origin pattern `{{pattern}}` {{problem}}, so a site such as `{{example}}` passes it{{credentials}}. Anchor it with `^…$` and escape its dots.",
      reflectedOrigin:
        "This `Access-Control-Allow-Origin` header sends back the request's own origin (`{{value}}`) with `Access-Control-Allow-Credentials: true`: any website can send requests with the user's cookies and read the responses. Check the origin against a list of allowed origins first.",
      publicCors:
        '{{subject}} let any website read the responses ({{how}}), without credentials. That is right for a public API; for any other, allow only a list of known origins.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportPublicCors: {
            type: 'boolean',
            description:
              "Also report CORS that lets any origin read responses without credentials: bare `cors()`, `origin: '*'` or `true`, reflected origins and weak origin patterns without `credentials: true`.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportPublicCors: false }],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const library = loadsCorsModule(sourceCode);
    const headers = mentionsCorsHeaders(sourceCode);
    if (!library && !headers) return {};
    const reportPublicCors = context.options[0]?.reportPublicCors === true;
    const reported = new Set<TSESTree.Node>();
    const handlers = new Map<FunctionNode | null, HandlerHeaders>();

    const within = (inner: TSESTree.Node, outer: TSESTree.Node): boolean => inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];

    function report(node: TSESTree.Node, messageId: MessageIds, data: Record<string, string>, at: TSESTree.Node = node): void {
      if (reported.has(node)) return;
      reported.add(node);
      // A development setup: `if (process.env.NODE_ENV === 'development') app.use(cors({ origin: true, … }))`.
      if (underEnvironmentCondition(at, sourceCode)) return;
      context.report({ node, messageId, data });
    }

    function subjectOf(config: CorsConfiguration): string {
      return config.library === 'NestJS' ? 'These NestJS CORS options' : `These \`${config.library}\` options`;
    }

    /** Where an allowance is shown: where it is written when that is in the call, else the call's options argument. */
    function placement(config: CorsConfiguration, allowance: OriginAllowance): TSESTree.Node {
      if (within(allowance.node, config.call)) return allowance.node;
      const inCall = config.call.arguments.find((a) => config.options && within(config.options, a));
      return inCall ?? config.call.arguments[config.call.arguments.length - 1] ?? config.call;
    }

    function checkConfiguration(config: CorsConfiguration): void {
      const subject = subjectOf(config);
      for (const allowance of config.allowances) {
        const node = placement(config, allowance);
        const credentialed = config.credentials === true;
        switch (allowance.kind) {
          case 'wildcard':
            if (credentialed) report(node, 'wildcardWithCredentials', { subject, byDefault: allowance.byDefault ? ' (the default when `origin` is not set)' : '' });
            else if (reportPublicCors && config.credentials === false) report(node, 'publicCors', { subject, how: '`Access-Control-Allow-Origin: *`' });
            break;
          case 'reflect':
            if (credentialed) report(node, 'anyOriginWithCredentials', { subject, how: REFLECT_HOW[allowance.how] });
            else if (reportPublicCors && config.credentials === false) report(node, 'publicCors', { subject, how: "the request's own origin is sent back" });
            break;
          case 'null':
            if (credentialed) report(node, 'nullOrigin', { subject });
            break;
          case 'weak-pattern':
            if (credentialed || (reportPublicCors && config.credentials === false)) {
              report(node, 'weakPattern', {
                pattern: allowance.pattern.length > 60 ? `${allowance.pattern.slice(0, 59)}…` : allowance.pattern,
                problem: WEAKNESS[allowance.weakness.weakness],
                example: allowance.weakness.example ?? 'an attacker’s domain',
                credentials: credentialed ? " and can send requests with the user's cookies" : '',
              });
            }
            break;
        }
      }
    }

    function handlerOf(node: TSESTree.Node): HandlerHeaders {
      const fn = enclosingFunction(node);
      let entry = handlers.get(fn);
      if (!entry) {
        entry = { origins: [], credentials: false };
        handlers.set(fn, entry);
      }
      return entry;
    }

    function recordHeader(name: string, node: TSESTree.Node, value: TSESTree.Node, response: () => boolean): void {
      const lower = name.toLowerCase();
      if (lower === ALLOW_ORIGIN_HEADER) handlerOf(node).origins.push({ node, value, response: response() });
      else if (lower === ALLOW_CREDENTIALS_HEADER) {
        const constant = staticValue(value, sourceCode);
        if (constant && (constant.value === true || (typeof constant.value === 'string' && constant.value.trim().toLowerCase() === 'true'))) {
          handlerOf(node).credentials = true;
        }
      }
    }

    function checkHandlers(): void {
      for (const entry of handlers.values()) {
        for (const write of entry.origins) {
          const text = staticString(write.value, sourceCode);
          if (text !== null) {
            // `'*'` sent by a client (`fetch(url, { headers })`, `new Headers()`) is a mistake, not a policy.
            if (!write.response) continue;
            const origin = text.trim().toLowerCase();
            if (entry.credentials && origin === '*') report(write.node, 'wildcardWithCredentials', { subject: 'These CORS headers', byDefault: '' });
            else if (entry.credentials && origin === 'null') report(write.node, 'nullOrigin', { subject: 'These CORS headers' });
            continue;
          }
          if (!reflectsRequestOrigin(write.value, sourceCode) || guardedByOriginCheck(write.node, sourceCode)) continue;
          if (entry.credentials) report(write.node, 'reflectedOrigin', { value: shortText(sourceCode, write.value) });
          else if (reportPublicCors) report(write.node, 'publicCors', { subject: 'These CORS headers', how: "the request's own origin is sent back" });
        }
      }
    }

    return {
      CallExpression(node) {
        const name = calleeName(node);
        if (headers && name !== null && HEADER_SETTERS.has(name) && node.arguments.length >= 2) {
          const [first, second] = node.arguments;
          if (first && second && first.type !== AST_NODE_TYPES.SpreadElement && second.type !== AST_NODE_TYPES.SpreadElement) {
            const header = staticString(first, sourceCode);
            if (header !== null && header.length >= 27 && header.length <= 32) recordHeader(header, node, second, () => setsResponseHeader(node, sourceCode));
          }
          return;
        }
        if (!library && name !== NEST_ENABLE_CORS) return;
        const config = corsConfiguration(node, sourceCode);
        if (config) checkConfiguration(config);
      },
      Property(node) {
        if (!headers || node.key.type !== AST_NODE_TYPES.Literal || typeof node.key.value !== 'string') return;
        const key = node.key.value;
        const object = node.parent;
        if (key.length < 27 || key.length > 32 || object.type !== AST_NODE_TYPES.ObjectExpression || !isResponseHeaderObject(object, sourceCode)) return;
        recordHeader(key, node, node.value, () => true);
      },
      'Program:exit'() {
        if (handlers.size > 0) checkHandlers();
      },
    };
  },
});
