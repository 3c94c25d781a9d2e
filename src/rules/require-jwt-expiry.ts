import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, getProperty, unwrap } from '../analysis/ast.js';
import {
  describeJwtCall,
  addOptionFix,
  builderCalls,
  durationSeconds,
  enclosingFunctionNames,
  expClaimLifetime,
  hasMember,
  insertProperty,
  isObjectOpen,
  isOptionAbsent,
  jwtCall,
  jwtOption,
  mayUseJwt,
  payloadHasExp,
  resolveObject,
  type JwtCall,
} from '../analysis/jwt.js';
import { staticValue } from '../analysis/static-value.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ maxAccessTokenLifetime?: string | number; allowLongLived?: string[] }];
type MessageIds = 'missingExpiry' | 'lifetimeTooLong' | 'addExpiry';

const DEFAULT_LIFETIME = "'15m'";
const EXP_CLAIM = 'exp: Math.floor(Date.now() / 1000) + 15 * 60';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

function formatDuration(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size && Number.isInteger(seconds / size)) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** A user pattern as a case-insensitive regular expression; text that is not a valid one matches literally. */
function toPattern(source: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch {
    return new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

export default createRule<Options, MessageIds>({
  name: 'require-jwt-expiry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require signed JWTs to carry an expiry (`expiresIn`, `exp`, `setExpirationTime`)',
      recommended: 'recommended',
      cwe: 'CWE-613',
      owasp: ['API2:2023'],
    },
    hasSuggestions: true,
    messages: {
      missingExpiry:
        '{{call}} issues tokens without an expiry, so a leaked token stays valid forever. {{fix}}',
      lifetimeTooLong:
        '{{call}} issues tokens valid for {{lifetime}}, longer than the allowed {{max}}. Shorten the lifetime and use refresh tokens for long sessions.',
      addExpiry: 'Add {{text}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxAccessTokenLifetime: {
            type: ['string', 'number'],
            description:
              "Longest lifetime allowed for a literal expiry: seconds as a number, or a duration such as '1h' or '30m'. Off by default.",
          },
          allowLongLived: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Regular expressions matched against the names of enclosing functions (e.g. `refresh`); signing inside them is not checked.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowLongLived: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // No JWT library can be loaded here: nothing in the file is a JWT call.
    if (!mayUseJwt(sourceCode)) return {};
    const maxSeconds =
      options.maxAccessTokenLifetime === undefined ? null : durationSeconds(options.maxAccessTokenLifetime, 's');
    const exempt = (options.allowLongLived ?? []).map(toPattern);
    /** Configurations without a default expiry, reported at the end unless a sign call in the file passes one. */
    const pendingConfigs: { call: JwtCall; fix: Fix | null; text: string; advice: string }[] = [];
    const librariesWithExpiryAtCall = new Set<string>();

    function isExempt(node: TSESTree.Node): boolean {
      if (exempt.length === 0) return false;
      return enclosingFunctionNames(node).some((name) => exempt.some((re) => re.test(name)));
    }

    function checkLifetime(call: JwtCall, node: TSESTree.Node | undefined, bareStringUnit: 'ms' | 's' = 'ms'): void {
      if (maxSeconds === null || !node) return;
      const value = staticValue(node, sourceCode);
      if (!value) return;
      const seconds = durationSeconds(value.value, bareStringUnit);
      if (seconds === null || seconds <= maxSeconds) return;
      context.report({
        node,
        messageId: 'lifetimeTooLong',
        data: { call: describeJwtCall(call), lifetime: formatDuration(seconds), max: formatDuration(maxSeconds) },
      });
    }

    function checkExpClaim(call: JwtCall, payload: TSESTree.Node | undefined): void {
      if (maxSeconds === null || !payload) return;
      const object = resolveObject(payload, sourceCode);
      const exp = object ? getProperty(object, 'exp') : null;
      if (!exp) return;
      const seconds = expClaimLifetime(exp.value, sourceCode);
      if (seconds === null || seconds <= maxSeconds) return;
      context.report({
        node: exp.value,
        messageId: 'lifetimeTooLong',
        data: { call: describeJwtCall(call), lifetime: formatDuration(seconds), max: formatDuration(maxSeconds) },
      });
    }

    function reportMissing(call: JwtCall, advice: string, text: string, fix: Fix | null): void {
      context.report({
        node: call.node.callee,
        messageId: 'missingExpiry',
        data: { call: describeJwtCall(call), fix: advice },
        suggest: fix ? [{ messageId: 'addExpiry', data: { text }, fix }] : [],
      });
    }

    function checkOptionsSign(call: JwtCall): void {
      const payload = payloadHasExp(call.payload, sourceCode);
      const expiresIn = jwtOption(call, ['expiresIn'], sourceCode) ?? jwtOption(call, ['sign', 'expiresIn'], sourceCode);
      if (expiresIn || payload === 'yes') librariesWithExpiryAtCall.add(call.library);
      if (expiresIn) {
        checkLifetime(call, expiresIn.value);
        return;
      }
      if (payload === 'yes') {
        checkExpClaim(call, call.payload);
        return;
      }
      // @nestjs/jwt and @fastify/jwt take the default expiry from the module/plugin options.
      if (call.library !== 'jsonwebtoken' || payload !== 'no') return;
      if (!isOptionAbsent(call, ['expiresIn'], sourceCode)) return;
      const text = `\`expiresIn: ${DEFAULT_LIFETIME}\``;
      reportMissing(call, `Pass \`expiresIn: ${DEFAULT_LIFETIME}\` (or another short lifetime) in the options.`, text, addOptionFix(call, ['expiresIn'], DEFAULT_LIFETIME, sourceCode));
    }

    function checkJose(call: JwtCall): void {
      const calls = builderCalls(call, sourceCode);
      const setter = calls.find((c) => calleeName(c) === 'setExpirationTime');
      if (setter) {
        const arg = setter.arguments[0];
        // Numbers and dates are absolute times: only durations are compared.
        if (arg && arg.type !== AST_NODE_TYPES.SpreadElement && typeof staticValue(arg, sourceCode)?.value === 'string') {
          checkLifetime(call, arg, 's');
        }
        return;
      }
      const root = call.chainRoot;
      const payload = !root || root.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)
        ? 'unknown'
        : call.payload
          ? payloadHasExp(call.payload, sourceCode)
          : 'no';
      if (payload === 'yes') {
        checkExpClaim(call, call.payload);
        return;
      }
      if (payload !== 'no') return;
      const callee = unwrap(call.node.callee);
      const fix: Fix | null =
        callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed
          ? (fixer) => fixer.insertTextAfter(callee.object, `.setExpirationTime(${DEFAULT_LIFETIME})`)
          : null;
      reportMissing(call, `Call \`.setExpirationTime(${DEFAULT_LIFETIME})\` before \`.sign()\`.`, `\`.setExpirationTime(${DEFAULT_LIFETIME})\``, fix);
    }

    function checkHono(call: JwtCall): void {
      const payload = payloadHasExp(call.payload, sourceCode);
      if (payload === 'yes') {
        checkExpClaim(call, call.payload);
        return;
      }
      if (payload !== 'no' || !call.payload) return;
      const object = resolveObject(call.payload, sourceCode);
      const fix = object ? insertProperty(object, EXP_CLAIM, sourceCode) : null;
      reportMissing(call, 'hono/jwt never adds one: set an `exp` claim (seconds since the epoch) in the payload.', `\`${EXP_CLAIM}\``, fix);
    }

    function checkConfig(call: JwtCall, path: string[], advice: string): void {
      const prop = jwtOption(call, path, sourceCode);
      if (prop) {
        checkLifetime(call, prop.value);
        return;
      }
      if (!isOptionAbsent(call, path, sourceCode)) return;
      const text = `\`${path[0]}: { expiresIn: ${DEFAULT_LIFETIME} }\``;
      pendingConfigs.push({ call, advice, text, fix: addOptionFix(call, path, DEFAULT_LIFETIME, sourceCode) });
    }

    function configHoldsNoKey(call: JwtCall): boolean {
      const options = call.options;
      if (options?.type !== AST_NODE_TYPES.ObjectExpression || isObjectOpen(options, sourceCode)) return false;
      return !(call.entry.keyOptions ?? []).some((name) => hasMember(options, name, sourceCode));
    }

    function visit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const call = jwtCall(node, sourceCode);
      if (!call || call.entry.unsecured) return;
      if (call.operation !== 'sign' && call.operation !== 'module-config' && call.operation !== 'plugin-register') return;
      if (isExempt(node)) return;
      if (call.operation === 'module-config') {
        // `JwtModule.register({})` with no key: every `JwtService.sign()` passes its own secret and options.
        if (call.library === '@nestjs/jwt' && !configHoldsNoKey(call)) {
          checkConfig(call, ['signOptions', 'expiresIn'], `Set \`signOptions: { expiresIn: ${DEFAULT_LIFETIME} }\` so every \`JwtService.sign()\` gets one.`);
        }
        return;
      }
      if (call.operation === 'plugin-register') {
        checkConfig(call, ['sign', 'expiresIn'], `Set \`sign: { expiresIn: ${DEFAULT_LIFETIME} }\` in the plugin options.`);
        return;
      }
      if (call.library === 'jose') checkJose(call);
      else if (call.library === 'hono/jwt') checkHono(call);
      else checkOptionsSign(call);
    }

    return {
      CallExpression: visit,
      NewExpression: visit,
      'Program:exit'() {
        for (const pending of pendingConfigs) {
          if (librariesWithExpiryAtCall.has(pending.call.library)) continue;
          reportMissing(pending.call, pending.advice, pending.text, pending.fix);
        }
      },
    };
  },
});
