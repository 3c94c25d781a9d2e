import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  isRedacted,
  logCall,
  mayBeLogCall,
  mayLoadCallableLogger,
  mayLog,
  mayRedact,
  REDACTION_OPTION,
  redactionOf,
  type LogCall,
  type Redaction,
} from '../analysis/domains/logging.js';
import { disclosedValues, type DisclosedValue } from '../analysis/flow/disclosed-values.js';
import { includesAnyCase, textGate } from '../analysis/core/source-text.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'sensitive' | 'wholeRequest';

/**
 * Words every disclosed value's name or request container holds a piece of: a file mentioning none
 * of them logs none.
 */
const mayNameSensitive = textGate(
  includesAnyCase(['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cookie', 'card', 'cvv', 'cvc', 'ssn', 'body', 'header', 'jwt', 'bearer', 'session', 'otp', 'pepper', 'cred', 'hash', 'salt', 'security']),
);
const mayNameEnv = textGate((text) => /^env$/im.test(text));
const mayDisclose = (sourceCode: SourceCode): boolean => mayNameSensitive(sourceCode) || mayNameEnv(sourceCode);

interface Pending {
  call: LogCall;
  values: DisclosedValue[];
}

function allLiteral(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  for (const arg of args) if (arg.type !== AST_NODE_TYPES.Literal) return false;
  return true;
}

/** How the logger is named in messages: only a library resolved by import is named. */
function describeLogger(call: LogCall): string {
  if (call.library === 'console') return 'console';
  if (call.library === null) return 'a logger';
  return call.library === 'debug' ? 'a debug logger' : `a ${call.library} logger`;
}

function list(values: readonly DisclosedValue[]): string {
  const names = [...new Set(values.map((v) => `\`${v.text}\``))];
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

export default createRule<[], MessageIds>({
  name: 'no-sensitive-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing passwords, tokens, secrets, cookies, card numbers or whole request bodies and headers to logs',
      recommended: 'recommended',
      cwe: 'CWE-532',
      owasp: ['A09:2021'],
    },
    messages: {
      sensitive:
        '`{{callee}}` ({{logger}}) writes {{what}} to the log. Logs are kept, shipped and read far more widely than credentials should be: log an id, a length or a masked value instead.',
      wholeRequest:
        '`{{callee}}` ({{logger}}) writes {{what}} whole to the log, with any password, token, cookie or Authorization header the client sent. Log the fields you need, or configure the logger to redact those paths.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // A file that never spells a logger writes no log line. The listeners look at calls shaped like
    // log calls, and at redaction options only in files that spell one; the gate on what a log line
    // may disclose is read once there is something to report.
    if (!mayLog(sourceCode)) return {};
    const pending: Pending[] = [];
    const redactions: Redaction[] = [];

    function check(node: TSESTree.CallExpression): void {
      // Most log lines are constant text: nothing to look at.
      if (allLiteral(node.arguments)) return;
      const call = logCall(node, sourceCode);
      if (!call) return;
      const values = call.args.flatMap((arg) => disclosedValues(arg, sourceCode));
      if (values.length > 0) pending.push({ call, values });
    }

    const bareNames = mayLoadCallableLogger(sourceCode);
    const listener: TSESLint.RuleListener = {
      CallExpression(node) {
        if (mayBeLogCall(node, bareNames)) check(node);
      },
      'Program:exit'() {
        if (pending.length === 0 || !mayDisclose(sourceCode)) return;
        for (const { call, values } of pending) {
          const kept = call.redactable ? values.filter((v) => !isRedacted(redactions, v.path, v.kind === 'request')) : values;
          if (kept.length === 0) continue;
          const secrets = kept.filter((v) => v.kind === 'secret');
          const shown = secrets.length > 0 ? secrets : kept;
          context.report({
            node: shown[0]!.node,
            messageId: secrets.length > 0 ? 'sensitive' : 'wholeRequest',
            data: { callee: call.callee, logger: describeLogger(call), what: list(shown) },
          });
        }
      },
    };
    if (mayRedact(sourceCode)) {
      listener[REDACTION_OPTION] = (node: TSESTree.Property) => {
        const redaction = redactionOf(node, sourceCode);
        if (redaction) redactions.push(redaction);
      };
    }
    return listener;
  },
});
