import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, shortText, staticKeyName, unwrap, wrappedParent } from '../analysis/core/ast.js';
import { environmentName, isSecretName } from '../analysis/core/names.js';
import { includesAnyCase, quotedAny, stringGate, textGate } from '../analysis/core/source-text.js';
import {
  credentialIn,
  isAwsSecretKey,
  isFallbackSecret,
  isKoaApp,
  isLocalHost,
  isLiteralSigningSecret,
  looksLikeSecretValue,
  SECRET_OPTION_MODULES,
  secretOptionUses,
} from '../analysis/domains/credentials.js';
import { jwtCall, mayUseJwt } from '../analysis/domains/jwt.js';
import { envVariableName } from '../analysis/domains/jwt-keys.js';
import { weakHmacSecret } from '../analysis/domains/jwt-secrets.js';
import { AWS_SECRET_ACCESS_KEY, CREDENTIAL_HINT, type CredentialFormat } from '../catalog/credentials.js';
import { JWT_ENTRIES } from '../catalog/jwt.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'credential' | 'librarySecret' | 'fallbackSecret' | 'hardcodedSecret' | 'useEnv' | 'dropFallback';
type Node = TSESTree.Node;
type StringNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

/** Every secret name holds one of these pieces (see `isSecretName`): the quick test before splitting names. */
/** Pieces of a secret's name, in any case. */
const SECRET_NAME_WORDS = ['pass', 'pwd', 'secret', 'key', 'token', 'jwt', 'bearer', 'session', 'authorization', 'authorisation', 'pepper'];
const SECRET_NAME_PIECES = SECRET_NAME_WORDS.join('|');
const MAY_BE_SECRET_NAME = new RegExp(SECRET_NAME_PIECES, 'i');

// Shape tests run before each listener's own: the nodes that cannot hold a finding are left at
// once. Each is wider than the listener's tests, which still decide. (Plain node-type listeners
// with these tests cost less than the same conditions written as attribute selectors, which
// ESLint would evaluate on every node of the type.)
/**
 * Values `literalCandidates` can find a string in (arrays for library secrets), also behind the
 * TypeScript wrappers `unwrap` removes.
 */
const MAY_HOLD_STRING: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ArrayExpression,
]);
const STRING_LITERAL: ReadonlySet<string> = new Set([AST_NODE_TYPES.Literal, AST_NODE_TYPES.TemplateLiteral]);

/** A TypeScript node type (`TSAsExpression`, `TSNonNullExpression`…), which `unwrap` may remove. */
function isTsType(type: string): boolean {
  return type.charCodeAt(0) === 84 && type.charCodeAt(1) === 83; // 'TS'
}

/** A name (identifier) or string value holding a piece of a secret's name. */
function namedLikeSecret(node: Node | null | undefined): boolean {
  if (!node) return false;
  const { name, value } = node as { name?: unknown; value?: unknown };
  return (typeof name === 'string' && MAY_BE_SECRET_NAME.test(name)) || (typeof value === 'string' && MAY_BE_SECRET_NAME.test(value));
}

/** A key whose static name (`staticKeyName`) may be a secret's: an identifier, a string or a template. */
function keyMayBeSecret(key: Node | null | undefined): boolean {
  return !!key && (key.type === AST_NODE_TYPES.TemplateLiteral || namedLikeSecret(key));
}

function holdsString(value: Node | null | undefined): boolean {
  return !!value && (MAY_HOLD_STRING.has(value.type) || isTsType(value.type));
}

function mayBeNamedVariable(node: TSESTree.VariableDeclarator): boolean {
  return node.id.type === AST_NODE_TYPES.Identifier && holdsString(node.init) && MAY_BE_SECRET_NAME.test(node.id.name);
}

function mayBeNamedProperty(node: TSESTree.Property): boolean {
  return node.parent.type === AST_NODE_TYPES.ObjectExpression && node.kind === 'init' && !node.method && holdsString(node.value) && keyMayBeSecret(node.key);
}

function mayBeNamedField(node: TSESTree.PropertyDefinition): boolean {
  return !node.computed && holdsString(node.value) && namedLikeSecret(node.key);
}

function mayBeNamedAssignment(node: TSESTree.AssignmentExpression): boolean {
  if (!holdsString(node.right)) return false;
  const left = node.left;
  return namedLikeSecret(left) || (left.type === AST_NODE_TYPES.MemberExpression && keyMayBeSecret(left.property)) || left.type.startsWith('TS');
}

function mayBeNamedDefault(node: TSESTree.AssignmentPattern): boolean {
  if (node.left.type !== AST_NODE_TYPES.Identifier || !holdsString(node.right)) return false;
  const parent = node.parent;
  return MAY_BE_SECRET_NAME.test(node.left.name) || (parent.type === AST_NODE_TYPES.Property && keyMayBeSecret(parent.key));
}

function mayBeFallback(node: TSESTree.LogicalExpression): boolean {
  if (node.operator === '&&' || !(STRING_LITERAL.has(node.right.type) || isTsType(node.right.type))) return false;
  const left = node.left;
  return (
    namedLikeSecret(left) ||
    (left.type === AST_NODE_TYPES.MemberExpression && keyMayBeSecret(left.property)) ||
    left.type.startsWith('TS') ||
    left.type === AST_NODE_TYPES.ChainExpression
  );
}
/**
 * String literals and template pieces that may hold a credential of a known format: the test
 * `checkFormats` starts with, so ESLint hands over only these.
 */
const CREDENTIAL_LITERAL_SELECTOR = `Literal[value=${String(CREDENTIAL_HINT)}]`;
const CREDENTIAL_QUASI_SELECTOR = `TemplateLiteral > TemplateElement:matches([value.cooked=${String(CREDENTIAL_HINT)}], [value.raw=${String(CREDENTIAL_HINT)}])`;

/** A file can only hold a credential of a known format if one of its strings or template pieces shows one. */
const mayHoldCredential = stringGate(CREDENTIAL_HINT);
/** A file can only hold a secret under a name if its text spells a piece of one. */
const mayNameSecret = textGate(includesAnyCase(SECRET_NAME_WORDS));
/** Only a file that quotes one of the modules' names can load one. */
const mayCallSecretOption = quotedAny(SECRET_OPTION_MODULES);

/**
 * Modules whose calls are checked (library secrets, JWT keys) and whose names hold no piece of a
 * secret's name (`cookie-parser`, `jose`; not `express-session`, `jsonwebtoken`): in a file that
 * spells no such piece, only these can be loaded.
 */
const UNNAMED_MODULES = [...new Set([...SECRET_OPTION_MODULES, ...JWT_ENTRIES.flatMap((e) => e.modules)])].filter((m) => !MAY_BE_SECRET_NAME.test(m));
/**
 * One scan of the file for everything but credential formats: a piece of a secret's name or the
 * name of one of `UNNAMED_MODULES` (in any case: this only decides whether the exact gates run).
 */
const mayNameSecretOrModule = textGate(includesAnyCase([...SECRET_NAME_WORDS, ...UNNAMED_MODULES]));

/** Translation catalogues: `password: 'Passwort'` is a label there. */
const TRANSLATION_PATH = /[\\/](?:locales?|i18n|l10n|lang|langs|languages|translations?|nls)[\\/]/i;

/**
 * Keys of objects whose members are examples, documentation or text rather than configuration:
 * `@ApiProperty({ example: { password: '…' } })`, `labels: { password: '…' }`.
 */
const TEXT_CONTAINERS = new Set(
  'example examples sample samples mock mocks fixture fixtures demo placeholder placeholders label labels message messages translation translations error errors hint hints title titles text texts string strings locale i18n description descriptions help tooltip tooltips column columns field fields'.split(
    ' ',
  ),
);

const PRIORITY = { credential: 4, fallbackSecret: 3, librarySecret: 2, hardcodedSecret: 1 } as const;

interface Finding {
  node: StringNode;
  messageId: keyof typeof PRIORITY;
  data: Record<string, string>;
  /** The environment variable a suggestion reads from; absent when no replacement is offered. */
  envName?: string;
  /** For fallbacks: the whole `process.env.X || '…'` expression and the part kept by the suggestion. */
  fallback?: { expression: Node; keep: Node };
}

function stringValue(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/**
 * The string literals an expression may evaluate to, as written: the literal itself, both branches
 * of a conditional, the fallback of `a || '…'` / `a ?? '…'`, and with `arrays` the elements of an
 * array (a library's list of signing secrets; a list under a password's name is a word list).
 */
function literalCandidates(raw: Node, arrays: boolean, depth = 0): StringNode[] {
  const node = unwrap(raw);
  if (depth > 3) return [];
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return stringValue(node) !== null ? [node as StringNode] : [];
    case AST_NODE_TYPES.ConditionalExpression:
      return [...literalCandidates(node.consequent, arrays, depth + 1), ...literalCandidates(node.alternate, arrays, depth + 1)];
    case AST_NODE_TYPES.LogicalExpression:
      return node.operator === '&&' ? [] : literalCandidates(node.right, arrays, depth + 1);
    case AST_NODE_TYPES.ArrayExpression:
      return arrays ? node.elements.flatMap((e) => (e && e.type !== AST_NODE_TYPES.SpreadElement ? literalCandidates(e, arrays, depth + 1) : [])) : [];
    default:
      return [];
  }
}

/** The name an object literal is known by: the key, variable or member it is assigned to. */
function containerName(object: Node): string | null {
  const parent = wrappedParent(object);
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.Property && unwrap(parent.value) === unwrap(object)) return propertyName(parent);
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
    const left = unwrap(parent.left);
    if (left.type === AST_NODE_TYPES.Identifier) return left.name;
    if (left.type === AST_NODE_TYPES.MemberExpression) return memberName(left);
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition) return propertyName(parent);
  return null;
}

/** True when an object literal sits (up to three levels) under a key whose members are text or examples. */
function inTextContainer(object: Node): boolean {
  let current: Node = object;
  for (let level = 0; level < 3; level++) {
    const name = containerName(current);
    if (name !== null && TEXT_CONTAINERS.has(name.toLowerCase())) return true;
    const parent = wrappedParent(current);
    if (parent?.type !== AST_NODE_TYPES.Property) return false;
    const grand = parent.parent;
    if (grand.type !== AST_NODE_TYPES.ObjectExpression) return false;
    current = grand;
  }
  return false;
}

/**
 * True when the property's string value is also the value of a sibling whose name is not a
 * secret's: a lookup table (`{ members_public_key: 'core', members_private_key: 'core' }`).
 */
function sharedWithPlainKey(property: TSESTree.Property): boolean {
  const value = stringValue(unwrap(property.value));
  if (value === null || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return property.parent.properties.some((other) => {
    if (other === property || other.type !== AST_NODE_TYPES.Property) return false;
    if (stringValue(unwrap(other.value)) !== value) return false;
    const name = propertyName(other);
    return name !== null && !isSecretName(name);
  });
}

const USER_KEYS = new Set(['user', 'username', 'userName', 'login', 'usr', 'uid']);
const HOST_KEYS = new Set(['host', 'hostname', 'server', 'address']);

/**
 * True when the object a password sits in shows a local development default: its user has the same
 * value (`user: 'root', password: 'root'`, an image's default) or its host is the developer's own
 * machine (`host: 'localhost'`, also as a fallback: `process.env.MYSQL_HOST || 'localhost'`).
 */
function localDefault(property: TSESTree.Property, value: string): boolean {
  if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
  for (const other of property.parent.properties) {
    if (other === property || other.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyName(other);
    if (name === null || (!USER_KEYS.has(name) && !HOST_KEYS.has(name))) continue;
    for (const literal of literalCandidates(other.value, false)) {
      const text = stringValue(literal);
      if (text === null) continue;
      if (USER_KEYS.has(name) && text.toLowerCase() === value.trim().toLowerCase()) return true;
      if (HOST_KEYS.has(name) && isLocalHost(text)) return true;
    }
  }
  return false;
}

/** The environment variable read on the left of `process.env.X || '…'`, when X names a secret. */
function secretEnvRead(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const target = unwrap(node);
  // The name read is spelled at the read (`process.env.X`, or `X` destructured from it): test it before resolving.
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const member = memberName(target);
    if (member === null || !MAY_BE_SECRET_NAME.test(member)) return null;
  } else if (target.type !== AST_NODE_TYPES.Identifier || !MAY_BE_SECRET_NAME.test(target.name)) {
    return null;
  }
  const name = envVariableName(target, sourceCode);
  return name && MAY_BE_SECRET_NAME.test(name) && isSecretName(name) ? name : null;
}

export default createRule<[], MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hardcoded credentials, secrets and secret fallbacks in the source code',
      recommended: 'recommended',
      cwe: 'CWE-798',
      owasp: ['A07:2021'],
    },
    hasSuggestions: true,
    messages: {
      credential:
        'This string holds {{what}}: anyone who can read the code, its history or a build can use it. Load it from the environment or a secret manager, and revoke this one.',
      librarySecret:
        '{{library}} {{option}} is hardcoded: anyone who can read the code can forge or misuse {{protects}}. Load a random secret from the environment or a secret manager.',
      fallbackSecret:
        '`{{env}}` falls back to the hardcoded value {{literal}} when the variable is not set, so a deployment that forgets it runs with a secret anyone who reads the code knows. Remove the fallback and fail at startup instead.',
      hardcodedSecret:
        '`{{name}}` is set to a hardcoded secret: anyone who can read the code, its history or a build knows it. Load it from the environment or a secret manager.',
      useEnv: 'Read it from `process.env.{{name}}` instead.',
      dropFallback: 'Use `{{text}}` without the fallback.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Most files name no secret and load no checked module: they are only searched for credentials.
    const scanMore = mayNameSecretOrModule(sourceCode);
    const scanNames = scanMore && mayNameSecret(sourceCode);
    const scanOptions = scanMore && mayCallSecretOption(sourceCode);
    const scanJwt = scanMore && mayUseJwt(sourceCode);
    const namesAreLabels = TRANSLATION_PATH.test(context.filename);

    const findings = new Map<Node, Finding>();
    /** Literals `no-weak-jwt-secret` reports as a JWT secret: left to it. */
    const jwtSecrets = new Set<Node>();

    function add(finding: Finding): void {
      const known = findings.get(finding.node);
      if (known && PRIORITY[known.messageId] >= PRIORITY[finding.messageId]) return;
      findings.set(finding.node, finding);
    }

    function addCredential(node: StringNode, format: CredentialFormat, matchIndex: number, matchText: string, value: string): void {
      const whole = value.trim() === matchText || (!format.whole && matchIndex === value.length - value.trimStart().length);
      add({
        node,
        messageId: 'credential',
        data: { what: format.description },
        ...(whole && node.type === AST_NODE_TYPES.Literal ? { envName: format.envName } : {}),
        ...(whole && node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 ? { envName: format.envName } : {}),
      });
    }

    /** AWS secret access keys given beside an access key ID: the other values of the same object or call. */
    function awsSecretsBeside(node: StringNode): void {
      const parent = wrappedParent(node);
      let siblings: Node[] = [];
      if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        siblings = parent.parent.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [p.value] : []));
      } else if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee !== node) {
        siblings = parent.arguments;
      }
      for (const sibling of siblings) {
        const value = unwrap(sibling);
        const text = stringValue(value);
        if (value === node || text === null || !isAwsSecretKey(text)) continue;
        addCredential(value as StringNode, AWS_SECRET_ACCESS_KEY, 0, text, text);
      }
    }

    function checkFormats(node: StringNode, value: string): void {
      // One native test rejects almost every string before the catalogue's patterns run.
      if (!CREDENTIAL_HINT.test(value)) return;
      const match = credentialIn(value);
      if (!match) return;
      addCredential(node, match.format, match.index, match.text, value);
      if (match.format.id === 'aws-access-key') awsSecretsBeside(node);
    }

    /** A value written under a name: reported when the name is a secret's and the value reads as one. */
    function checkNamed(name: string | null, names: readonly string[], value: Node | null | undefined, property?: TSESTree.Property): void {
      if (!value || name === null || namesAreLabels) return;
      if (!MAY_BE_SECRET_NAME.test(name)) return;
      // The literals first: cheaper than splitting the name, and most values under such names hold none.
      const literals = literalCandidates(value, false);
      if (literals.length === 0 || !isSecretName(name)) return;
      for (const literal of literals) {
        const text = stringValue(literal);
        const parent = wrappedParent(literal);
        const fallback = parent?.type === AST_NODE_TYPES.LogicalExpression && unwrap(parent.right) === literal;
        if (text === null || !looksLikeSecretValue(text, name, { fallback })) continue;
        if (property && (sharedWithPlainKey(property) || localDefault(property, text))) return;
        add({
          node: literal,
          messageId: 'hardcodedSecret',
          data: { name: name.length > 40 ? `${name.slice(0, 39)}…` : name },
          ...(fallback && parent.type === AST_NODE_TYPES.LogicalExpression
            ? { fallback: { expression: parent, keep: parent.left } }
            : { envName: environmentName(names, 'SECRET') }),
        });
      }
    }

    function checkOptions(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      for (const use of secretOptionUses(node, sourceCode)) {
        for (const literal of literalCandidates(use.value, true)) {
          const text = stringValue(literal);
          if (text === null || !isLiteralSigningSecret(text)) continue;
          add({
            node: literal,
            messageId: 'librarySecret',
            data: { library: use.module, option: use.optionName ? `\`${use.optionName}\`` : 'secret', protects: use.option.protects },
            envName: use.option.envName,
          });
        }
      }
    }

    function checkJwt(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const call = jwtCall(node, sourceCode);
      const secret = call ? weakHmacSecret(call, sourceCode) : null;
      if (secret) jwtSecrets.add(secret.literal);
    }

    function visitCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (scanOptions) checkOptions(node);
      if (scanJwt) checkJwt(node);
    }

    function suggestions(finding: Finding): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (finding.fallback) {
        const { expression, keep } = finding.fallback;
        const text = sourceCode.getText(keep);
        return [{ messageId: 'dropFallback', data: { text: shortText(sourceCode, keep) }, fix: (fixer) => fixer.replaceText(expression, text) }];
      }
      const name = finding.envName;
      if (!name) return [];
      const node = finding.node;
      const parent = wrappedParent(node);
      // Keys, types and module specifiers cannot become an expression.
      if (
        (parent?.type === AST_NODE_TYPES.Property && parent.key === node) ||
        parent?.type === AST_NODE_TYPES.TSLiteralType ||
        parent?.type === AST_NODE_TYPES.ImportDeclaration ||
        parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        parent?.type === AST_NODE_TYPES.ExportAllDeclaration ||
        parent?.type === AST_NODE_TYPES.TSEnumMember ||
        parent?.type === AST_NODE_TYPES.TSModuleDeclaration ||
        parent?.type === AST_NODE_TYPES.TSExternalModuleReference ||
        parent?.type === AST_NODE_TYPES.TSImportType ||
        parent?.type === AST_NODE_TYPES.TaggedTemplateExpression ||
        parent?.type === AST_NODE_TYPES.ImportExpression ||
        parent?.type === AST_NODE_TYPES.ExpressionStatement ||
        (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.key === node) ||
        (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node)
      ) {
        return [];
      }
      const replacement = parent?.type === AST_NODE_TYPES.JSXAttribute ? `{process.env.${name}}` : `process.env.${name}`;
      return [{ messageId: 'useEnv', data: { name }, fix: (fixer) => fixer.replaceText(node, replacement) }];
    }

    const listeners: TSESLint.RuleListener = {
      'Program:exit'() {
        for (const finding of findings.values()) {
          if (jwtSecrets.has(finding.node)) continue;
          context.report({ node: finding.node, messageId: finding.messageId, data: finding.data, suggest: suggestions(finding) });
        }
      },
    };
    if (mayHoldCredential(sourceCode)) {
      listeners[CREDENTIAL_LITERAL_SELECTOR] = (node: TSESTree.StringLiteral) => checkFormats(node, node.value);
      listeners[CREDENTIAL_QUASI_SELECTOR] = (quasi: TSESTree.TemplateElement) => {
        // Each piece on its own: a credential split by an inserted value is not one written here.
        const node = quasi.parent as TSESTree.TemplateLiteral;
        if (!findings.has(node)) checkFormats(node, quasi.value.cooked ?? quasi.value.raw);
      };
    }
    if (scanNames) {
      Object.assign(listeners, {
        VariableDeclarator(node: TSESTree.VariableDeclarator) {
          if (mayBeNamedVariable(node) && node.id.type === AST_NODE_TYPES.Identifier) checkNamed(node.id.name, [node.id.name], node.init);
        },
        Property(node: TSESTree.Property) {
          if (!mayBeNamedProperty(node) || node.parent.type !== AST_NODE_TYPES.ObjectExpression || node.kind !== 'init' || node.method) return;
          const name = propertyName(node);
          if (name === null || !MAY_BE_SECRET_NAME.test(name) || inTextContainer(node.parent)) return;
          const container = containerName(node.parent);
          checkNamed(name, container ? [container, name] : [name], node.value, node);
        },
        PropertyDefinition(node: TSESTree.PropertyDefinition) {
          if (!mayBeNamedField(node)) return;
          const name = propertyName(node);
          checkNamed(name, name ? [name] : [], node.value);
        },
        AssignmentExpression(node: TSESTree.AssignmentExpression) {
          if (!mayBeNamedAssignment(node)) return;
          if (node.operator !== '=' && node.operator !== '||=' && node.operator !== '??=') return;
          const left = unwrap(node.left);
          if (left.type === AST_NODE_TYPES.Identifier) {
            checkNamed(left.name, [left.name], node.right);
            return;
          }
          if (left.type !== AST_NODE_TYPES.MemberExpression) return;
          const name = staticKeyName(left.property, left.computed);
          if (name === 'keys' && scanOptions && isKoaApp(left.object, sourceCode)) {
            for (const literal of literalCandidates(node.right, true)) {
              if (!isLiteralSigningSecret(stringValue(literal) ?? '')) continue;
              add({ node: literal, messageId: 'librarySecret', data: { library: 'koa', option: '`app.keys`', protects: 'signed cookies' }, envName: 'COOKIE_KEYS' });
            }
            return;
          }
          const object = unwrap(left.object);
          const container = object.type === AST_NODE_TYPES.MemberExpression ? memberName(object) : object.type === AST_NODE_TYPES.Identifier ? object.name : null;
          // `process.env.JWT_SECRET = '…'` sets a variable for a child process or a test: not a secret kept here.
          if (container === 'env') return;
          checkNamed(name, container ? [container, name ?? ''] : [name ?? ''], node.right);
        },
        AssignmentPattern(node: TSESTree.AssignmentPattern) {
          if (!mayBeNamedDefault(node)) return;
          const left = node.left;
          if (left.type !== AST_NODE_TYPES.Identifier) return;
          const parent = node.parent;
          const key = parent.type === AST_NODE_TYPES.Property && parent.value === node ? propertyName(parent) : null;
          if (!MAY_BE_SECRET_NAME.test(left.name) && (key === null || !MAY_BE_SECRET_NAME.test(key))) return;
          // `const { SESSION_SECRET = '…' } = process.env`: a fallback of the environment.
          const env = envVariableName(left, sourceCode);
          if (env !== null) {
            if (!MAY_BE_SECRET_NAME.test(env) || !isSecretName(env)) return;
            const text = stringValue(unwrap(node.right));
            if (text === null || !isFallbackSecret(text)) return;
            add({ node: unwrap(node.right) as StringNode, messageId: 'fallbackSecret', data: { env: `process.env.${env}`, literal: shortText(sourceCode, node.right, 30) } });
            return;
          }
          const name = key ?? left.name;
          checkNamed(name, [name], node.right);
        },
        LogicalExpression(node: TSESTree.LogicalExpression) {
          if (!mayBeFallback(node)) return;
          const env = secretEnvRead(node.left, sourceCode);
          if (env === null) return;
          const right = unwrap(node.right);
          const text = stringValue(right);
          if (text === null || !isFallbackSecret(text)) return;
          add({
            node: right as StringNode,
            messageId: 'fallbackSecret',
            data: { env: shortText(sourceCode, node.left, 40), literal: shortText(sourceCode, right, 30) },
            fallback: { expression: node, keep: node.left },
          });
        },
      } satisfies TSESLint.RuleListener);
    }
    if (scanOptions || scanJwt) {
      listeners.CallExpression = visitCall;
      listeners.NewExpression = visitCall;
    }
    return listeners;
  },
});
