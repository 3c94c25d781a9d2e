import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, isFunction, memberName, shortText, unwrap } from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { isComparedSecretName, nameWords } from '../analysis/core/names.js';
import { includesAnyCase, textGate } from '../analysis/core/source-text.js';
import { staticString, staticValue } from '../analysis/core/static-value.js';
import { isHmacDigest, isNameTaken, mayComputeHmac, timingSafeEqualAccess } from '../analysis/domains/crypto-comparison.js';
import { isNumericExpression } from '../analysis/flow/numeric-value.js';
import { taintOf } from '../analysis/flow/taint.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'timingUnsafeCompare' | 'useTimingSafeEqual';
type Node = TSESTree.Node;

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** Words any secret-like name or header holds (a lower-case piece of it); files without one are skipped. */
const mayCompareSecrets = textGate(
  includesAnyCase(['token', 'secret', 'sig', 'key', 'digest', 'hmac', 'pass', 'pwd', 'otp', 'csrf', 'xsrf', 'authorization', 'authorisation', 'code', 'pin', 'jwt', 'bearer', 'session']),
);

/** Files that never compare with `==`/`!=` (operators no escape sequence can spell) are skipped first. */
function comparesForEquality(text: string): boolean {
  return text.includes('==') || text.includes('!=');
}

const PLAIN_UNARY_OPERATORS = new Set(['typeof', 'void', 'delete', '!', '~']);

/** A number written without an exponent (`200`, `0.5`): never the text of a secret. */
function isOrdinaryNumber(value: unknown): boolean {
  return typeof value === 'number' && value >= 0.000001 && value < 1e15;
}

/**
 * A side of a comparison no finding can come from, because its value is never a secret's text:
 * `typeof x`, `!x`, `void 0`, `~x`, `-1`, `null`, `true`, a regular expression, a string shorter
 * than 16 characters, a number written without an exponent (`0`, `200`). Tested before anything else.
 */
function isPlainSide(side: Node): boolean {
  if (side.type === AST_NODE_TYPES.UnaryExpression) {
    return PLAIN_UNARY_OPERATORS.has(side.operator) || (side.argument.type === AST_NODE_TYPES.Literal && isOrdinaryNumber(side.argument.value));
  }
  if (side.type !== AST_NODE_TYPES.Literal) return false;
  const value = side.value;
  if (typeof value === 'number') return value === 0 || isOrdinaryNumber(value);
  // Shorter than 16 characters, or a line terminator among the first 16.
  return typeof value !== 'string' || value.length < 16 || !/^.{16}/.test(value);
}

/** Methods that return their receiver's value in another form: `apiKey.trim()`, `sig.toLowerCase()`. */
const SAME_VALUE_METHODS = new Set(['trim', 'toString', 'toLowerCase', 'toUpperCase', 'normalize', 'valueOf', 'trimStart', 'trimEnd']);
/** Getters that read a named header, parameter or setting: `req.get('x-api-key')`, `headers.get('stripe-signature')`. */
const NAMED_GETTERS = new Set(['get', 'header', 'getHeader', 'param']);
/**
 * Name words that make a comparison a change or confirmation check (`newPassword === confirmPassword`,
 * `token !== lastToken`) or a walk over parsed tokens (`token !== startToken`, `currentToken !== finalToken`).
 */
const CHANGE_WORDS = new Set([
  'confirm', 'confirmation', 'confirmed', 'repeat', 'repeated', 'retype', 'retyped', 'again', 'prev', 'previous', 'old', 'last',
  'cached', 'initial', 'original', 'new', 'next', 'updated', 'changed', 'resolved', 'effective', 'default',
  'first', 'final', 'start', 'end', 'begin', 'opening', 'closing', 'open', 'close', 'left', 'right', 'before', 'after', 'outer', 'inner', 'parent',
]);
/** Literal secrets look like this: long, no spaces, letters and digits (`sk_live_…`), never a word such as `Bearer`. */
const SECRET_LITERAL = /^(?=.*[0-9])(?=.*[A-Za-z])[\w\-+/=.~]{16,}$/;

/** The name a compared value is known by: `apiKey`, `user.resetToken`, `req.headers['x-api-key']`, `req.get('stripe-signature')`. */
function valueName(node: Node, sourceCode: SourceCode, depth = 0): string | null {
  const target = unwrap(node);
  if (depth > 4) return null;
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return target.name;
    case AST_NODE_TYPES.MemberExpression:
      return memberName(target);
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      const first = target.arguments[0];
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(callee);
        if (method !== null && SAME_VALUE_METHODS.has(method)) return valueName(callee.object, sourceCode, depth + 1);
        if (method !== null && NAMED_GETTERS.has(method) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
          return staticString(first, sourceCode);
        }
        const object = unwrap(callee.object);
        if (method === 'from' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Buffer' && first && first.type !== AST_NODE_TYPES.SpreadElement) {
          return valueName(first, sourceCode, depth + 1);
        }
        return null;
      }
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && first && first.type !== AST_NODE_TYPES.SpreadElement) {
        return valueName(first, sourceCode, depth + 1);
      }
      return null;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return valueName(target.argument, sourceCode, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return target.operator === '&&' ? null : valueName(target.left, sourceCode, depth + 1);
    case AST_NODE_TYPES.TemplateLiteral: {
      // `Bearer ${token}`, `sha256=${signature}`
      for (const expression of target.expressions) {
        const name = valueName(expression, sourceCode, depth + 1);
        if (name !== null && isComparedSecretName(name)) return name;
      }
      return null;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (target.operator !== '+') return null;
      const left = staticString(target.left, sourceCode) === null ? valueName(target.left, sourceCode, depth + 1) : null;
      if (left !== null && isComparedSecretName(left)) return left;
      const right = staticString(target.right, sourceCode) === null ? valueName(target.right, sourceCode, depth + 1) : null;
      return right !== null && isComparedSecretName(right) ? right : null;
    }
    default:
      return null;
  }
}

/** The variable or `this` a member chain starts from: `user` for `user.tokens.reset`, `this` for `this.secret`. */
function rootOf(node: Node): string | null {
  let target = unwrap(node);
  for (let i = 0; i < 16; i++) {
    if (target.type === AST_NODE_TYPES.Identifier) return target.name;
    if (target.type === AST_NODE_TYPES.ThisExpression) return 'this';
    if (target.type === AST_NODE_TYPES.MemberExpression) target = unwrap(target.object);
    else if (target.type === AST_NODE_TYPES.CallExpression) target = unwrap(target.callee);
    else if (target.type === AST_NODE_TYPES.AwaitExpression) target = unwrap(target.argument);
    else return null;
  }
  return null;
}

const SCREAMING = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/**
 * Values a comparison checks the shape or kind of, never a secret: literals and constants,
 * `undefined`, `typeof x`, numbers and lengths, enum members (`TokenType.REFRESH`), placeholder
 * constants (`SECRET_MASK`), booleans, objects, arrays, functions and classes.
 */
function isShapeValue(node: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.MetaProperty:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      if (target.expressions.length === 0) return true;
      break;
    case AST_NODE_TYPES.Identifier:
      if (target.name === 'undefined' || target.name === 'NaN' || target.name === 'Infinity') return true;
      // `SECRET_MASK`, `PASSWORD_PLACEHOLDER`: a marker, unless the constant's own name is a secret's.
      if (SCREAMING.test(target.name) && !isComparedSecretName(target.name)) return true;
      break;
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(target);
      if (name === 'length' || name === 'size' || name === 'byteLength') return true;
      // `TokenType.REFRESH`, `LoginMethod.API_KEY`, `Roles.ADMIN`: an enum member.
      const object = unwrap(target.object);
      if (name !== null && SCREAMING.test(name) && object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(object.name)) return true;
      break;
    }
    default:
      break;
  }
  if (staticValue(target, sourceCode) !== undefined) return true;
  return isNumericExpression(target, sourceCode);
}

/** Array methods whose callback visits every entry of a list. */
const ITERATION_METHODS = new Set(['filter', 'forEach', 'map', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce']);

/**
 * A comparison inside a callback over a list matches entries of it (`tokens.filter((t) => t.token !==
 * token)`, `connections.forEach((c) => { if (c.token === session.accessToken) … })`).
 */
function inIterationCallback(node: Node): boolean {
  let current: Node | undefined = node.parent;
  for (let i = 0; current && i < 8; i++, current = current.parent) {
    if (isFunction(current)) {
      const call = current.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === current && ITERATION_METHODS.has(calleeName(call) ?? '');
    }
  }
  return false;
}

/** `if (this.key === key) return this.client; this.key = key;`: one side is stored into the other, a cache check. */
function isStoredInto(side: Node, other: Node, sourceCode: SourceCode): boolean {
  if (side.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVar(sourceCode, side);
  if (!variable) return false;
  const otherText = sourceCode.getText(other);
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    return (
      ref.isRead() &&
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === ref.identifier &&
      sourceCode.getText(parent.left) === otherText
    );
  });
}

/** A name holding a word of `CHANGE_WORDS`. */
function hasChangeWord(name: string | null): boolean {
  if (name === null) return false;
  for (const word of nameWords(name)) if (CHANGE_WORDS.has(word)) return true;
  return false;
}

const TS_FILE = /\.[cm]?tsx?$/;
const HELPER_NAMES = ['safeEqual', 'timingSafeCompare'];

export default createRule<[], MessageIds>({
  name: 'no-timing-unsafe-compare',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow comparing secrets, tokens, API keys and signatures with `===`, whose timing leaks how much of a guess is right',
      recommended: 'recommended',
      cwe: 'CWE-208',
      owasp: ['A02:2021'],
    },
    hasSuggestions: true,
    messages: {
      timingUnsafeCompare:
        '`{{left}}` and `{{right}}` are compared with `{{operator}}`, which stops at the first differing character: the response time tells an attacker how much of a guessed {{what}} is right, so it can be found one character at a time. Compare equal-length buffers with `crypto.timingSafeEqual`.',
      useTimingSafeEqual: 'Compare with `{{helper}}()`, a helper built on `crypto.timingSafeEqual`.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!comparesForEquality(sourceCode.text) || !mayCompareSecrets(sourceCode)) return {};
    // Typed parameters only where the TypeScript parser reads the file.
    const isTypeScript = (): boolean => TS_FILE.test(context.filename) && 'esTreeNodeToTSNodeMap' in (sourceCode.parserServices ?? {});

    /** How the helper reaches `timingSafeEqual`, and the import to add when nothing in the file does. */
    function cryptoAccess(at: Node): { callee: string; importText: string | null } | null {
      const access = timingSafeEqualAccess(sourceCode);
      if (access) return { callee: access.callee, importText: null };
      const ast = sourceCode.ast;
      const globalScope = sourceCode.scopeManager?.globalScope;
      const sourceType = context.languageOptions.sourceType ?? ast.sourceType;
      const usesRequire =
        sourceType !== 'module' ||
        !!globalScope?.through.some((r) => r.identifier.name === 'require') ||
        !!globalScope?.set.get('require')?.references.length;
      const hasModuleSyntax = ast.body.some(
        (s) =>
          s.type === AST_NODE_TYPES.ImportDeclaration ||
          s.type === AST_NODE_TYPES.ExportNamedDeclaration ||
          s.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
          s.type === AST_NODE_TYPES.ExportAllDeclaration,
      );
      if (usesRequire && !hasModuleSyntax) return { callee: "require('node:crypto').timingSafeEqual", importText: null };
      if (isNameTaken(sourceCode, 'timingSafeEqual', at)) return null;
      return { callee: 'timingSafeEqual', importText: "import { timingSafeEqual } from 'node:crypto';\n" };
    }

    /** A top-level function the file already has under `name` that compares with `timingSafeEqual`. */
    function existingHelper(name: string): boolean {
      return sourceCode.ast.body.some(
        (s) => s.type === AST_NODE_TYPES.FunctionDeclaration && s.id?.name === name && sourceCode.getText(s).includes('timingSafeEqual'),
      );
    }

    function suggestion(node: TSESTree.BinaryExpression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      let helper: string | null = null;
      let reuse = false;
      for (const name of HELPER_NAMES) {
        if (existingHelper(name)) {
          helper = name;
          reuse = true;
          break;
        }
        if (!isNameTaken(sourceCode, name, node)) {
          helper = name;
          break;
        }
      }
      if (helper === null) return [];
      const access = reuse ? { callee: '', importText: null } : cryptoAccess(node);
      if (!access) return [];
      const operand = (side: Node): string => {
        const text = sourceCode.getText(side);
        return unwrap(side).type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
      };
      const negate = node.operator === '!==' || node.operator === '!=' ? '!' : '';
      const call = `${negate}${helper}(${operand(node.left)}, ${operand(node.right)})`;
      const params = isTypeScript() ? 'a: unknown, b: unknown): boolean' : 'a, b)';
      const helperText =
        `\n\nfunction ${helper}(${params} {\n` +
        '  const left = Buffer.isBuffer(a) ? a : Buffer.from(String(a));\n' +
        '  const right = Buffer.isBuffer(b) ? b : Buffer.from(String(b));\n' +
        `  return left.length === right.length && ${access.callee}(left, right);\n` +
        '}\n';
      const name = helper;
      return [
        {
          messageId: 'useTimingSafeEqual',
          data: { helper: name },
          fix: (fixer) => {
            const fixes = [fixer.replaceText(node, call)];
            if (!reuse) {
              const end = sourceCode.text.length;
              const trailing = sourceCode.text.endsWith('\n') ? helperText.slice(1) : helperText;
              fixes.push(fixer.insertTextAfterRange([end, end], trailing));
              if (access.importText) {
                const first = sourceCode.ast.body[0];
                fixes.push(first ? fixer.insertTextBeforeRange([first.range[0], first.range[0]], access.importText) : fixer.insertTextBeforeRange([0, 0], access.importText));
              }
            }
            return fixes;
          },
        },
      ];
    }

    /** Whether the file names an HMAC function (`isHmacDigest` is false everywhere else): asked once, on the first comparison that needs it. */
    let hmacFile: boolean | undefined;

    return {
      BinaryExpression(node) {
        if (!EQUALITY.has(node.operator) || node.left.type === AST_NODE_TYPES.PrivateIdentifier || isPlainSide(node.left) || isPlainSide(node.right)) return;
        const left = unwrap(node.left);
        const right = unwrap(node.right);
        const leftName = valueName(left, sourceCode);
        const rightName = valueName(right, sourceCode);
        const leftSecret = leftName !== null && isComparedSecretName(leftName);
        const rightSecret = rightName !== null && isComparedSecretName(rightName);
        let leftHmac = false;
        let rightHmac = false;
        if (!leftSecret || !rightSecret) {
          hmacFile ??= mayComputeHmac(sourceCode);
          if (hmacFile) {
            leftHmac = !leftSecret && isHmacDigest(left, sourceCode);
            rightHmac = !rightSecret && isHmacDigest(right, sourceCode);
          }
        }
        if (!leftSecret && !rightSecret && !leftHmac && !rightHmac) return;
        if (hasChangeWord(leftName) || hasChangeWord(rightName)) return;
        const leftShape = isShapeValue(left, sourceCode);
        const rightShape = isShapeValue(right, sourceCode);
        if (leftShape && rightShape) return;
        if (leftShape || rightShape) {
          // Only a literal that is itself a secret (`'sk_live_…'`) compared with a client's secret.
          const [constant, other, otherSecret] = leftShape ? [left, right, rightSecret] : [right, left, leftSecret];
          const literal = staticString(constant, sourceCode);
          if (literal === null || !SECRET_LITERAL.test(literal) || !otherSecret || !taintOf(other, sourceCode)) return;
        } else {
          const leftClient = taintOf(left, sourceCode);
          const rightClient = taintOf(right, sourceCode);
          if (leftClient && rightClient) return; // both from the same client: `password === confirm`
          if (isStoredInto(left, right, sourceCode) || isStoredInto(right, left, sourceCode)) return;
          const root = rootOf(left);
          if (root !== null && root === rootOf(right) && left.type !== AST_NODE_TYPES.Identifier) return; // two fields of one object
          if (!leftClient && !rightClient && !leftHmac && !rightHmac) {
            if (!(leftSecret && rightSecret)) return;
            // `oldConfig.apiKey !== config.apiKey`: the same field of two records, a change check.
            if (left.type === AST_NODE_TYPES.MemberExpression && right.type === AST_NODE_TYPES.MemberExpression && memberName(left) === memberName(right)) return;
            if (inIterationCallback(node)) return;
          }
        }
        const what = leftHmac || rightHmac ? 'signature' : describe(leftSecret ? leftName! : rightName!);
        context.report({
          node,
          messageId: 'timingUnsafeCompare',
          data: { left: shortText(sourceCode, node.left, 30), right: shortText(sourceCode, node.right, 30), operator: node.operator, what },
          suggest: suggestion(node),
        });
      },
    };
  },
});

/** A word for the compared secret in messages: `token`, `signature`, `password`, `API key`, `secret`. */
function describe(name: string): string {
  const words = nameWords(name);
  const head = words[words.length - 1] ?? '';
  if (words.includes('signature') || words.includes('sig') || words.includes('hmac')) return 'signature';
  if (words.includes('api') && head === 'key') return 'API key';
  if (['password', 'passwd', 'pwd', 'passphrase', 'passcode', 'pass'].includes(head)) return 'password';
  if (['otp', 'totp', 'hotp', 'code', 'pin'].includes(head)) return 'code';
  if (head === 'key' || head === 'keys') return 'key';
  if (words.includes('secret')) return 'secret';
  return 'token';
}
