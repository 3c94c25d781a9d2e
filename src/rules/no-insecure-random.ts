import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunction, memberName, propertyName, unwrap, type FunctionNode } from '../analysis/core/ast.js';
import { isGeneratedSecretName, isSecretGeneratorName, isTokenName, MAY_BE_GENERATED_SECRET, nameWords } from '../analysis/core/names.js';
import { staticString } from '../analysis/core/static-value.js';
import { mathRandomSource, mayCallMathRandom } from '../analysis/flow/random-source.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'insecureRandom';
type Node = TSESTree.Node;

/** Cookie names that hold a session or credential: `session`, `sid`, `connect.sid`, `auth_token`. */
function isSessionCookieName(name: string): boolean {
  const words = nameWords(name);
  return isTokenName(name) || words.includes('sid') || (words.length === 1 && (words[0] === 'session' || words[0] === 'auth'));
}

/** The name a function is known by: its declaration, the variable, property or method holding it. */
function functionName(fn: FunctionNode): string | null {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) ||
    parent?.type === AST_NODE_TYPES.MethodDefinition ||
    (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === fn)
  ) {
    return propertyName(parent);
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const left = unwrap(parent.left);
    if (left.type === AST_NODE_TYPES.Identifier) return left.name;
    if (left.type === AST_NODE_TYPES.MemberExpression) return memberName(left);
  }
  return null;
}

/** The name an assignment target is known by: `token = …`, `user.resetToken = …`, `this.sessionId = …`. */
function targetName(node: Node): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return memberName(target);
  return null;
}

/**
 * Names of the calls the setter listener looks at: `cookie`, `set`, `setCookie` and `set…` methods
 * or functions (whose first word, see `nameWords`, is `set`). Tested before the name is split.
 */
const SETTER_NAME = /^(?:cookie$|[^A-Za-z]*set)/i;

export default createRule<[], MessageIds>({
  name: 'no-insecure-random',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Math.random()` for tokens, passwords, one-time codes, session ids and other values that must be unguessable',
      recommended: 'recommended',
      cwe: 'CWE-338',
      owasp: ['A02:2021'],
    },
    messages: {
      insecureRandom:
        '`Math.random()` is not a cryptographic generator: its output can be predicted from a few observed values, so {{sink}} can be guessed. Generate it with `crypto.randomBytes(32).toString(\'hex\')` (or `base64url`), `crypto.randomInt(0, 1_000_000)` for numeric codes, or `crypto.randomUUID()`.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!mayCallMathRandom(sourceCode)) return {};
    /** One report per `Math.random()` call, at the first value it is found to make. */
    const reported = new Set<Node>();

    function check(value: Node | null | undefined, sink: string): void {
      if (!value) return;
      const origin = mathRandomSource(value, sourceCode);
      if (!origin || reported.has(origin)) return;
      reported.add(origin);
      const line = value.loc.start.line;
      const where = origin.loc.start.line === line ? '' : ` (line ${line})`;
      context.report({ node: origin, messageId: 'insecureRandom', data: { sink: `${sink}${where}` } });
    }

    /** Each function's name when it reads as a generator of a secret (`generateToken`), else null; once per function. */
    const generators = new Map<FunctionNode, string | null>();
    function generatorName(fn: FunctionNode): string | null {
      let known = generators.get(fn);
      if (known === undefined) {
        const name = functionName(fn);
        known = name !== null && MAY_BE_GENERATED_SECRET.test(name) && isSecretGeneratorName(name) ? name : null;
        generators.set(fn, known);
      }
      return known;
    }

    function checkReturn(fn: FunctionNode | null, value: Node | null | undefined): void {
      if (!fn || !value) return;
      const name = generatorName(fn);
      if (name !== null) check(value, `the value \`${name}()\` returns`);
    }

    return {
      // Plain node types, no attribute selectors: every sink is named, and `isGeneratedSecretName`
      // tests the name against `MAY_BE_GENERATED_SECRET` before anything else.
      VariableDeclarator(node) {
        if (node.id.type === AST_NODE_TYPES.Identifier && node.init && isGeneratedSecretName(node.id.name)) {
          check(node.init, `\`${node.id.name}\``);
        }
      },
      AssignmentExpression(node) {
        if (node.operator !== '=' && node.operator !== '+=') return;
        const name = targetName(node.left);
        if (name !== null && isGeneratedSecretName(name)) check(node.right, `\`${name}\``);
      },
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || node.shorthand) {
          // Shorthand `{ token }` is reported where `token` is assigned.
          return;
        }
        const name = propertyName(node);
        if (name !== null && isGeneratedSecretName(name)) check(node.value, `\`${name}\``);
      },
      PropertyDefinition(node) {
        const name = propertyName(node);
        if (name !== null && node.value && !isFunction(node.value) && isGeneratedSecretName(name)) check(node.value, `\`${name}\``);
      },
      ReturnStatement(node) {
        if (!node.argument) return;
        let current: Node | undefined = node.parent;
        while (current && !isFunction(current)) current = current.parent;
        checkReturn(current && isFunction(current) ? current : null, node.argument);
      },
      ArrowFunctionExpression(node) {
        if (node.body.type !== AST_NODE_TYPES.BlockStatement) checkReturn(node, node.body);
      },
      CallExpression(node) {
        const name = calleeName(node);
        if (name === null || !SETTER_NAME.test(name)) return;
        // `res.cookie('sid', value)`, `ctx.cookies.set('session', value)`.
        if ((name === 'cookie' || name === 'set' || name === 'setCookie') && node.arguments.length >= 2) {
          const cookie = node.arguments[0] && staticString(node.arguments[0], sourceCode);
          const object = unwrap(node.callee);
          const onCookies =
            name !== 'set' ||
            (object.type === AST_NODE_TYPES.MemberExpression && targetName(object.object) === 'cookies');
          if (cookie && onCookies && isSessionCookieName(cookie)) check(node.arguments[1], `the \`${cookie}\` cookie`);
          return;
        }
        // `user.setPassword(value)`, `setResetToken(value)`.
        const words = nameWords(name);
        if (words.length > 1 && words[0] === 'set' && node.arguments.length === 1 && isGeneratedSecretName(words.slice(1).join('_'))) {
          check(node.arguments[0], `the value given to \`${name}()\``);
        }
      },
    };
  },
});
