import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getProperty, hasSpread, memberName, propertyName, shortText, unwrap, wrappedParent } from '../analysis/core/ast.js';
import { CALL, NEW, describeRef, resolveModule } from '../analysis/core/modules.js';
import { includesAny, textGate } from '../analysis/core/source-text.js';
import {
  assignedObject,
  describeTlsCall,
  childProcessGivenEnv,
  connectionFlag,
  isAssignedToProcessEnv,
  isEnvironmentGuarded,
  isUnderVerificationSwitch,
  isInsecureTlsValue,
  isRejectUnauthorizedEnv,
  isServerTlsOptions,
  isVerificationOffEnvValue,
  reachedCall,
  tlsCallRef,
  tlsOptionRow,
} from '../analysis/domains/tls.js';
import { DISABLE_CERTS_METHODS, OLD_TLS_VERSIONS, REJECT_UNAUTHORIZED_ENV, TLS_DEFAULT_VERSIONS, TLS_GATE_WORDS, TLS_OPTIONS, type TlsOptionRow } from '../catalog/tls.js';
import { createRule } from '../util/create-rule.js';
import { staticString, staticValue } from '../analysis/core/static-value.js';

type MessageIds = 'insecureOption' | 'processWide' | 'childProcessWide' | 'oldDefaultVersion' | 'disabledCerts' | 'setSecure' | 'removeOption' | 'removeStatement' | 'removeCall';

type Options = [{ allowEnvironmentGuarded?: boolean }];

/** Option names the rule looks at, for a cheap first test on every property and assignment. */
const NAMES = new Set<string>([...TLS_OPTIONS.map((row) => row.option), REJECT_UNAUTHORIZED_ENV, ...TLS_DEFAULT_VERSIONS]);

const mayConfigureTls = textGate(includesAny(TLS_GATE_WORDS));

const RISK = 'anyone on the network path can then impersonate the server and read or change the traffic';

export default createRule<Options, MessageIds>({
  name: 'no-insecure-tls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow turning off TLS certificate verification or allowing TLS versions below 1.2',
      recommended: 'recommended',
      cwe: 'CWE-295',
      owasp: ['A02:2021'],
    },
    hasSuggestions: true,
    messages: {
      insecureOption: '`{{setting}}` {{effect}}{{where}}: ' + RISK + '. Remove the override; to trust a private certificate authority, pass it with the `ca` option.',
      processWide:
        'Setting `' + REJECT_UNAUTHORIZED_ENV + "` to '0' turns off TLS certificate verification for every connection the process makes: " + RISK + '. Remove it; to trust a private certificate authority, use `NODE_EXTRA_CA_CERTS` or the `ca` option.',
      childProcessWide:
        '`' + REJECT_UNAUTHORIZED_ENV + "` set to '0' in the environment given to `{{launcher}}` turns off TLS certificate verification for every connection the child process makes: " + RISK + '. Remove it; to trust a private certificate authority, pass `NODE_EXTRA_CA_CERTS` in that environment instead.',
      oldDefaultVersion: '`tls.{{name}} = {{value}}` lets every TLS connection of the process use a protocol version below TLS 1.2, which has known weaknesses. Remove it.',
      disabledCerts: '`{{call}}` turns off TLS certificate verification for this request: ' + RISK + '. Remove it; to trust a private certificate authority, pass it with `.ca()`.',
      setSecure: 'Set `{{key}}: {{text}}`.',
      removeOption: 'Remove `{{setting}}`.',
      removeStatement: 'Remove this statement.',
      removeCall: 'Remove `.{{name}}()`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowEnvironmentGuarded: {
            type: 'boolean',
            description:
              "Do not report settings in a branch whose condition tests the deployment environment or a debug switch (`if (process.env.NODE_ENV !== 'production')`, `isDev ? … : …`). Off by default: such a guard is taken whenever the variable is unset.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowEnvironmentGuarded: false }],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Most files name none of the settings: nothing to look at.
    if (!mayConfigureTls(sourceCode)) return {};
    const allowGuarded = context.options[0]?.allowEnvironmentGuarded === true;

    /**
     * Settings the operator chooses: under a switch named for certificate checking
     * (`if (config.allowSelfSigned)`, `case 'no-verify':`), and, with the option, under a test of
     * the deployment environment.
     */
    const guarded = (node: TSESTree.Node): boolean =>
      isUnderVerificationSwitch(node, sourceCode) || (allowGuarded && isEnvironmentGuarded(node, sourceCode));

    /** The text range that removes a property together with one neighbouring comma. */
    function removeProperty(fixer: TSESLint.RuleFixer, property: TSESTree.Property): TSESLint.RuleFix {
      const after = sourceCode.getTokenAfter(property);
      if (after && after.value === ',') {
        const next = sourceCode.getTokenAfter(after, { includeComments: true });
        return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
      }
      const before = sourceCode.getTokenBefore(property);
      if (before && before.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
      return fixer.remove(property);
    }

    function keyText(property: TSESTree.Property): string {
      const key = sourceCode.getText(property.key);
      return property.computed ? `[${key}]` : key;
    }

    function propertySuggestion(row: TlsOptionRow, property: TSESTree.Property, setting: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const repair = row.repair;
      if (repair.kind === 'replace') {
        const key = keyText(property);
        return [{ messageId: 'setSecure', data: { key: shortText(sourceCode, property.key), text: repair.text }, fix: (fixer) => fixer.replaceText(property, `${key}: ${repair.text}`) }];
      }
      return [{ messageId: 'removeOption', data: { setting }, fix: (fixer) => removeProperty(fixer, property) }];
    }

    function statementSuggestion(node: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const statement = wrappedParent(node);
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
      const holder = statement.parent;
      // Removing the only statement of an unbraced `if`/loop body would change what follows.
      if (holder.type !== AST_NODE_TYPES.Program && holder.type !== AST_NODE_TYPES.BlockStatement && holder.type !== AST_NODE_TYPES.StaticBlock) return [];
      return [{ messageId: 'removeStatement', fix: (fixer) => fixer.remove(statement) }];
    }

    function settingText(name: string, value: TSESTree.Node): string {
      const text = value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.Identifier ? shortText(sourceCode, value, 30) : null;
      return text === null || text.includes('=>') ? name : `${name}: ${text}`;
    }

    /** Whether the proxy options name a constant target without TLS (`target: 'http://localhost:4000'`). */
    function plainTarget(object: TSESTree.ObjectExpression): boolean {
      // A `router` may send requests to other targets.
      if (getProperty(object, 'router') || hasSpread(object)) return false;
      const target = getProperty(object, 'target');
      const text = target ? staticString(target.value, sourceCode) : null;
      return text !== null && /^(?:http|ws):\/\//i.test(text);
    }

    /** ` for \`pg.Pool\`` when the options reach a TLS-taking call resolved by import; '' otherwise. */
    function whereText(ref: ReturnType<typeof tlsCallRef>): string {
      return ref ? ` for \`${describeTlsCall(ref)}\`` : '';
    }

    function checkOption(name: string, row: TlsOptionRow, value: TSESTree.Node, object: TSESTree.ObjectExpression | null, at: TSESTree.Node, property: TSESTree.Property | null): void {
      if (!isInsecureTlsValue(row, value, sourceCode)) return;
      const call = object ? reachedCall(object, sourceCode) : null;
      const ref = call ? tlsCallRef(call, sourceCode) : null;
      if (row.onlyFor && !(ref && row.onlyFor.includes(ref.module))) return;
      if (name === 'rejectUnauthorized' && object && isServerTlsOptions(object, ref, sourceCode)) return;
      // A proxy to a plain `http://` target makes no TLS connection: `secure: false` changes nothing.
      if (name === 'secure' && object && plainTarget(object)) return;
      if (guarded(at)) return;
      const setting = settingText(name, value);
      context.report({
        node: at,
        messageId: 'insecureOption',
        data: { setting, effect: row.effect, where: whereText(ref) },
        suggest: property ? propertySuggestion(row, property, setting) : statementSuggestion(at),
      });
    }

    function checkConnectionString(node: TSESTree.Node, flag: { setting: string; effect: string }): void {
      context.report({ node, messageId: 'insecureOption', data: { setting: flag.setting, effect: flag.effect, where: ' in this connection string' } });
    }

    function checkEnvProperty(property: TSESTree.Property, object: TSESTree.ObjectExpression): void {
      if (!isVerificationOffEnvValue(property.value, sourceCode) || guarded(property)) return;
      const suggest = [{ messageId: 'removeOption' as const, data: { setting: REJECT_UNAUTHORIZED_ENV }, fix: (fixer: TSESLint.RuleFixer) => removeProperty(fixer, property) }];
      if (isAssignedToProcessEnv(object, sourceCode)) {
        context.report({ node: property, messageId: 'processWide', suggest });
        return;
      }
      // `spawn(cmd, args, { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } })`: the child's whole process.
      const launcher = childProcessGivenEnv(object, sourceCode);
      if (launcher) context.report({ node: property, messageId: 'childProcessWide', data: { launcher }, suggest });
    }

    return {
      Property(node) {
        const key = node.key;
        const name = !node.computed && key.type === AST_NODE_TYPES.Identifier ? key.name : propertyName(node);
        if (name === null || !NAMES.has(name)) return;
        const object = node.parent;
        if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
        if (name === REJECT_UNAUTHORIZED_ENV) {
          checkEnvProperty(node, object);
          return;
        }
        const row = tlsOptionRow(name);
        if (!row) return;
        // `{ checkServerIdentity() {} }` is a method whose value is the function.
        checkOption(name, row, node.value, object, node, node);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=') return;
        const left = unwrap(node.left);
        if (left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = memberName(left);
        if (name === null || !NAMES.has(name)) return;
        if (name === REJECT_UNAUTHORIZED_ENV) {
          if (!isRejectUnauthorizedEnv(left, sourceCode) || !isVerificationOffEnvValue(node.right, sourceCode) || guarded(node)) return;
          context.report({ node, messageId: 'processWide', suggest: statementSuggestion(node) });
          return;
        }
        if (TLS_DEFAULT_VERSIONS.has(name)) {
          const ref = resolveModule(left.object, sourceCode);
          const value = staticValue(node.right, sourceCode)?.value;
          if (ref?.module !== 'tls' || ref.path.length !== 0 || typeof value !== 'string' || !OLD_TLS_VERSIONS.has(value) || guarded(node)) return;
          context.report({ node, messageId: 'oldDefaultVersion', data: { name, value: shortText(sourceCode, node.right, 30) }, suggest: statementSuggestion(node) });
          return;
        }
        const row = tlsOptionRow(name);
        if (!row) return;
        checkOption(name, row, node.right, assignedObject(left, sourceCode), node, null);
      },
      // `DATABASE_URL ?? 'postgres://app@db/app?sslmode=no-verify'`, `mongodb://…&tlsInsecure=true`.
      Literal(node) {
        if (typeof node.value !== 'string') return;
        const flag = connectionFlag(node.value);
        if (flag && !guarded(node)) checkConnectionString(node, flag);
      },
      TemplateLiteral(node) {
        if (node.parent.type === AST_NODE_TYPES.TaggedTemplateExpression) return;
        const flag = connectionFlag(node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('\u0000'));
        if (flag && !guarded(node)) checkConnectionString(node, flag);
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = memberName(callee);
        if (name === null || !DISABLE_CERTS_METHODS.has(name) || guarded(node)) return;
        const receiver = callee.object;
        const ref = resolveModule(receiver, sourceCode);
        let call = `.${name}()`;
        if (ref) {
          const first = ref.path.findIndex((step) => step === CALL || step === NEW);
          const prefix = first < 0 ? ref.path : ref.path.slice(0, first);
          call = `${describeRef({ module: ref.module, path: prefix })}${first < 0 ? '' : '(…)'}.${name}()`;
        }
        const parent = wrappedParent(node);
        const bare = unwrap(receiver).type === AST_NODE_TYPES.Identifier && parent?.type === AST_NODE_TYPES.ExpressionStatement;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = bare
          ? statementSuggestion(node).map((s) => ({ ...s, messageId: 'removeCall' as const, data: { name } }))
          : [{ messageId: 'removeCall', data: { name }, fix: (fixer) => fixer.replaceText(node, sourceCode.getText(receiver)) }];
        context.report({ node: callee.property, messageId: 'disabledCerts', data: { call }, suggest });
      },
    };
  },
});
