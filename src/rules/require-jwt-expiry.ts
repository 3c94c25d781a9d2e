import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, getProperty, unwrap } from '../analysis/core/ast.js';
import { builderCalls, durationSeconds, expClaimLifetime, expiryOverrides, isOptionAbsent, jwtCall, jwtOption, mayUseJwt, payloadHasExp, type JwtCall } from '../analysis/domains/jwt.js';
import { appExpiryClaim, type AppExpiryClaim } from '../analysis/domains/jwt-expiry.js';
import { staticValue } from '../analysis/core/static-value.js';
import { createRule } from '../util/create-rule.js';
import { describeJwtCall, addOptionFix, enclosingFunctionNames, insertProperty } from '../analysis/domains/jwt-fixes.js';
import { hasMember, isObjectOpen, resolveObject } from '../analysis/core/object-values.js';

type Options = [
  { maxAccessTokenLifetime?: string | number; allowLongLived?: string[]; requireVisibleExpiry?: boolean; maxClockTolerance?: string | number },
];
type MessageIds =
  | 'missingExpiry'
  | 'noDefaultExpiry'
  | 'noVisibleExpiry'
  | 'appManagedExpiry'
  | 'lifetimeTooLong'
  | 'acceptsExpired'
  | 'addExpiry'
  | 'checkExpiry';

const DEFAULT_LIFETIME = "'15m'";
/**
 * Clock tolerance allowed by default when verifying: five minutes. RFC 7519 (4.1.4) allows "some
 * small leeway, usually no more than a few minutes, to account for clock skew".
 */
const DEFAULT_MAX_CLOCK_TOLERANCE = 300;
/** A duration option: seconds as a number, or a number with a unit (`'5m'`, `'90 seconds'`). */
const DURATION_PATTERN =
  '^\\s*\\d*\\.?\\d+\\s*(ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|yrs?|years?)?\\s*$';
/** Libraries whose sign calls, when no `expiresIn` is given, add no `exp`: the payload must carry one. */
const PAYLOAD_EXPIRY_ADVICE: ReadonlyMap<string, string> = new Map([
  ['hono/jwt', 'hono/jwt never adds one: set an `exp` claim (seconds since the epoch) in the payload.'],
  ['jwt-simple', 'jwt-simple never adds one: set an `exp` claim (seconds since the epoch) in the payload, which its `decode()` checks.'],
]);

/**
 * Libraries whose sign calls take their default expiry from module or plugin options, which are
 * often registered in another file: how messages name those options and the default to set.
 */
const DEFAULT_SOURCES: ReadonlyMap<string, { options: string; setting: string }> = new Map([
  ['@nestjs/jwt', { options: 'the `JwtModule` options', setting: `signOptions: { expiresIn: ${DEFAULT_LIFETIME} }` }],
  ['@fastify/jwt', { options: 'the plugin options', setting: `sign: { expiresIn: ${DEFAULT_LIFETIME} }` }],
]);
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

/** What a module or plugin configuration in the file says about the default expiry. */
type DefaultState = 'set' | 'absent' | 'unknown';

interface ConfigSeen {
  call: JwtCall;
  state: DefaultState;
  /** False for `JwtModule.register({})` without a key: every `JwtService.sign()` then passes its own options. */
  reportable: boolean;
  fix: Fix | null;
  text: string;
  advice: string;
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
      noDefaultExpiry:
        '{{call}} sets no default expiry: a token signed without its own `expiresIn`, in this file or another, stays valid forever. {{fix}}',
      noVisibleExpiry:
        '{{call}} passes no `expiresIn` and this file sets no default: unless {{options}} set one in another file, the token stays valid forever. {{fix}}',
      appManagedExpiry:
        "{{call}} signs tokens whose only expiry is the application's own `{{claim}}` claim, which token verification does not check: wherever a check is missing, the token stays valid forever. Set the standard `exp` claim as well (`expiresIn`), so every verification enforces it.",
      lifetimeTooLong:
        '{{call}} issues tokens valid for {{lifetime}}, longer than the allowed {{max}}. Shorten the lifetime and use refresh tokens for long sessions.',
      acceptsExpired:
        '{{call}} {{how}}, so tokens are accepted after they expire{{howLong}}: a leaked or revoked token keeps working. {{fix}}',
      addExpiry: 'Add {{text}}.',
      checkExpiry: 'Set `{{option}}: false`.',
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
          maxClockTolerance: {
            type: ['string', 'number'],
            minimum: 0,
            pattern: DURATION_PATTERN,
            description:
              "Longest clock tolerance a verification may allow before tokens count as accepted after expiry: seconds as a number, or a duration such as '5m'. Default 300 (five minutes).",
          },
          requireVisibleExpiry: {
            type: 'boolean',
            description:
              'Also report where the expiry may be set or checked in another file: module and plugin options without a default expiry, `JwtService.sign()` / `reply.jwtSign()` without `expiresIn` in a file with no such options, and payloads whose only expiry is an application claim such as `expiresAt`. Off by default; `strict` and `all` turn it on.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowLongLived: [], requireVisibleExpiry: false, maxClockTolerance: DEFAULT_MAX_CLOCK_TOLERANCE }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // No JWT library can be loaded here: nothing in the file is a JWT call.
    if (!mayUseJwt(sourceCode)) return {};
    const maxSeconds =
      options.maxAccessTokenLifetime === undefined ? null : durationSeconds(options.maxAccessTokenLifetime, 's');
    const exempt = (options.allowLongLived ?? []).map(toPattern);
    const crossFile = options.requireVisibleExpiry === true;
    const maxTolerance =
      options.maxClockTolerance === undefined ? DEFAULT_MAX_CLOCK_TOLERANCE : durationSeconds(options.maxClockTolerance, 's') ?? DEFAULT_MAX_CLOCK_TOLERANCE;
    /** Option values already reported: an options object shared by several verifications is one problem. */
    const reportedOptions = new Set<TSESTree.Node>();
    /** Module and plugin configurations in the file, judged at the end against the file's sign calls. */
    const configs: ConfigSeen[] = [];
    /** Sign calls that take their default expiry from module or plugin options and pass none of their own. */
    const defaultTaking: { call: JwtCall; fix: Fix | null }[] = [];
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

    function reportMissing(call: JwtCall, advice: string, text: string, fix: Fix | null, messageId: MessageIds = 'missingExpiry', extra: Record<string, string> = {}): void {
      context.report({
        node: call.node.callee,
        messageId,
        data: { call: describeJwtCall(call), fix: advice, ...extra },
        suggest: fix ? [{ messageId: 'addExpiry', data: { text }, fix }] : [],
      });
    }

    /**
     * A payload without `exp` that carries the application's own expiry claim: the token has an
     * expiry the application checks where it verifies (often another file). Reported only with
     * `requireVisibleExpiry`. True when there is such a claim.
     */
    function appManaged(call: JwtCall): boolean {
      const claim: AppExpiryClaim | null = appExpiryClaim(call.payload, sourceCode);
      if (!claim) return false;
      librariesWithExpiryAtCall.add(call.library);
      if (crossFile) {
        context.report({ node: claim.node, messageId: 'appManagedExpiry', data: { call: describeJwtCall(call), claim: claim.name } });
      }
      return true;
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
      if (payload !== 'no' || !isOptionAbsent(call, ['expiresIn'], sourceCode) || appManaged(call)) return;
      const fix = addOptionFix(call, ['expiresIn'], DEFAULT_LIFETIME, sourceCode);
      // jsonwebtoken, and jose 1.x/2.x `JWT.sign()`: the expiry is the call's own `expiresIn`.
      if (call.library === 'jsonwebtoken' || call.library === 'jose') {
        reportMissing(call, `Pass \`expiresIn: ${DEFAULT_LIFETIME}\` (or another short lifetime) in the options.`, `\`expiresIn: ${DEFAULT_LIFETIME}\``, fix);
      } else if (DEFAULT_SOURCES.has(call.library)) {
        // @nestjs/jwt and @fastify/jwt take the default expiry from the module/plugin options: judged at the end.
        defaultTaking.push({ call, fix });
      }
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
      if (payload !== 'no' || appManaged(call)) return;
      const callee = unwrap(call.node.callee);
      const fix: Fix | null =
        callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed
          ? (fixer) => fixer.insertTextAfter(callee.object, `.setExpirationTime(${DEFAULT_LIFETIME})`)
          : null;
      reportMissing(call, `Call \`.setExpirationTime(${DEFAULT_LIFETIME})\` before \`.sign()\`.`, `\`.setExpirationTime(${DEFAULT_LIFETIME})\``, fix);
    }

    /** Libraries that add no `exp` of their own (hono/jwt, jwt-simple): the payload must carry it. */
    function checkPayloadExpiry(call: JwtCall, advice: string): void {
      const payload = payloadHasExp(call.payload, sourceCode);
      if (payload === 'yes') {
        checkExpClaim(call, call.payload);
        return;
      }
      if (payload !== 'no' || !call.payload || appManaged(call)) return;
      const object = resolveObject(call.payload, sourceCode);
      const fix = object ? insertProperty(object, EXP_CLAIM, sourceCode) : null;
      reportMissing(call, advice, `\`${EXP_CLAIM}\``, fix);
    }

    /**
     * A verification (or strategy, module configuration) that accepts expired tokens:
     * `ignoreExpiration: true` (jose 1.x/2.x `ignoreExp`), or a clock tolerance longer than
     * `maxClockTolerance`. Reported at the option's value, once per value.
     */
    function checkVerification(call: JwtCall): void {
      for (const found of expiryOverrides(call, sourceCode)) {
        if (reportedOptions.has(found.node)) continue;
        const option = found.path.join('.');
        const name = found.path[found.path.length - 1]!;
        if (found.kind === 'ignored') {
          reportedOptions.add(found.node);
          const value = unwrap(found.node);
          // Only the literal written in the option itself: a shared constant may serve other uses.
          const literal = value.type === AST_NODE_TYPES.Literal && value.value === true && value.parent?.type === AST_NODE_TYPES.Property;
          context.report({
            node: found.node,
            messageId: 'acceptsExpired',
            data: {
              call: describeJwtCall(call, ' options'),
              how: `sets \`${option}: true\``,
              howLong: ', however long ago',
              fix: 'Remove the option so that the `exp` claim is checked.',
            },
            suggest: literal ? [{ messageId: 'checkExpiry', data: { option: name }, fix: (fixer) => fixer.replaceText(value, 'false') }] : [],
          });
          continue;
        }
        if (found.seconds <= maxTolerance) continue;
        reportedOptions.add(found.node);
        context.report({
          node: found.node,
          messageId: 'acceptsExpired',
          data: {
            call: describeJwtCall(call, ' options'),
            how: `allows a clock tolerance of ${formatDuration(found.seconds)} (\`${option}\`)`,
            howLong: ` by up to ${formatDuration(found.seconds)}`,
            fix: `Keep the tolerance for clock skew to a few minutes (at most ${formatDuration(maxTolerance)}).`,
          },
        });
      }
    }

    function checkConfig(call: JwtCall, path: string[], advice: string, reportable: boolean): void {
      const text = `\`${path[0]}: { expiresIn: ${DEFAULT_LIFETIME} }\``;
      const seen: ConfigSeen = { call, state: 'unknown', reportable, advice, text, fix: null };
      configs.push(seen);
      const prop = jwtOption(call, path, sourceCode);
      if (prop) {
        seen.state = 'set';
        checkLifetime(call, prop.value);
        return;
      }
      if (!isOptionAbsent(call, path, sourceCode)) return;
      seen.state = 'absent';
      seen.fix = addOptionFix(call, path, DEFAULT_LIFETIME, sourceCode);
    }

    function configHoldsNoKey(call: JwtCall): boolean {
      const options = call.options;
      if (options?.type !== AST_NODE_TYPES.ObjectExpression || isObjectOpen(options, sourceCode)) return false;
      return !(call.entry.keyOptions ?? []).some((name) => hasMember(options, name, sourceCode));
    }

    function visit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const call = jwtCall(node, sourceCode);
      if (!call || call.entry.unsecured) return;
      if (call.entry.expiryOptions) checkVerification(call);
      if (call.operation !== 'sign' && call.operation !== 'module-config' && call.operation !== 'plugin-register') return;
      if (isExempt(node)) return;
      if (call.operation === 'module-config') {
        if (call.library !== '@nestjs/jwt') return;
        // `JwtModule.register({})` with no key: every `JwtService.sign()` passes its own secret and options.
        checkConfig(call, ['signOptions', 'expiresIn'], `Set \`signOptions: { expiresIn: ${DEFAULT_LIFETIME} }\` so every \`JwtService.sign()\` gets one.`, !configHoldsNoKey(call));
        return;
      }
      if (call.operation === 'plugin-register') {
        checkConfig(call, ['sign', 'expiresIn'], `Set \`sign: { expiresIn: ${DEFAULT_LIFETIME} }\` in the plugin options.`, true);
        return;
      }
      const payloadAdvice = PAYLOAD_EXPIRY_ADVICE.get(call.library);
      if (call.library === 'jose' && call.entry.kind === 'chain') checkJose(call);
      else if (payloadAdvice) checkPayloadExpiry(call, payloadAdvice);
      else checkOptionsSign(call);
    }

    /**
     * Sign calls and configurations of the libraries with a default expiry, judged together:
     * - a sign call without `expiresIn` in a file whose every configuration of its library is seen
     *   to set no default issues tokens without an expiry (reported in any case);
     * - with `requireVisibleExpiry`, a sign call without `expiresIn` in a file with no configuration
     *   of its library, and a configuration without a default when no sign call of the file passes
     *   an expiry of its own, are reported too: the default, or the expiry, may be in another file.
     */
    function judgeDefaults(): void {
      for (const [library, source] of DEFAULT_SOURCES) {
        const libraryConfigs = configs.filter((c) => c.call.library === library);
        const signs = defaultTaking.filter((s) => s.call.library === library);
        const noDefault = libraryConfigs.length > 0 && libraryConfigs.every((c) => c.state === 'absent');
        for (const { call, fix } of signs) {
          const text = `\`expiresIn: ${DEFAULT_LIFETIME}\``;
          if (noDefault) {
            reportMissing(call, `Pass \`expiresIn: ${DEFAULT_LIFETIME}\` (or another short lifetime) here, or set \`${source.setting}\` in ${source.options}.`, text, fix);
          } else if (crossFile && libraryConfigs.length === 0) {
            reportMissing(call, `Pass \`expiresIn: ${DEFAULT_LIFETIME}\` here, or make sure ${source.options} set \`${source.setting}\`.`, text, fix, 'noVisibleExpiry', { options: source.options });
          }
        }
        // One problem, one report: the sign calls above already show this configuration's gap.
        if (!crossFile || librariesWithExpiryAtCall.has(library) || (noDefault && signs.length > 0)) continue;
        for (const config of libraryConfigs) {
          if (config.state !== 'absent' || !config.reportable) continue;
          reportMissing(config.call, config.advice, config.text, config.fix, 'noDefaultExpiry');
        }
      }
    }

    return {
      CallExpression: visit,
      NewExpression: visit,
      'Program:exit': judgeDefaults,
    };
  },
});
