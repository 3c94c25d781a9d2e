/**
 * Hardcoded credentials: which strings hold a credential of a known format, whether a string
 * written under a secret's name reads as a secret value (rather than a label, a field name, an
 * environment variable's name, a path or a placeholder), and which library calls take a secret.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from '../core/ast.js';
import { type SourceCode } from '../core/cache.js';
import { isModulePath, resolveModule } from '../core/modules.js';
import { nameWords } from '../core/names.js';
import { resolveObject, memberValue } from '../core/object-values.js';
import {
  AWS_SECRET_KEY,
  CREDENTIAL_FORMATS,
  EXAMPLE_CREDENTIAL,
  KOA_MODULES,
  SECRET_OPTIONS,
  type CredentialFormat,
  type SecretOption,
} from '../../catalog/credentials.js';

type Node = TSESTree.Node;

// ---------------------------------------------------------------------------------------------
// Credential formats

export interface CredentialMatch {
  format: CredentialFormat;
  /** The matched text. */
  text: string;
  /** Where the match starts in the string. */
  index: number;
}

/** Passwords in URLs that stand for one: `:password@`, `:pass@`, `:<password>@`, `:${PASSWORD}@`, `:****@`. */
const URL_PASSWORD_PLACEHOLDER =
  /^(?:\*+|x+|\.+|_+|-+|#+|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\$.*|%.*|:.*|password|passwd|pass|pwd|pw|secret|pass(?:word)?123|your.*|my.*password|example|placeholder|redacted|hidden|changeit|test|dummy|fake|foo|bar|baz|user|username|s3cr3t)$/i;

/** Hosts on the developer's own machine or reserved for examples: their passwords open nothing elsewhere. */
const LOCAL_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal|(?:[^:/]*\.)?example\.(?:com|org|net)|[^:/]*\.(?:example|test|invalid|localhost|local))(?::\d+)?$/i;

/** True when a host name is the developer's own machine or an example domain (`localhost`, `127.0.0.1`, `example.com`). */
export function isLocalHost(host: string): boolean {
  return LOCAL_HOST.test(host);
}

function urlPasswordIsReal(match: RegExpExecArray): boolean {
  let password = match[1] ?? '';
  try {
    password = decodeURIComponent(password);
  } catch {
    // Keep it as written.
  }
  if (password === '' || URL_PASSWORD_PLACEHOLDER.test(password)) return false;
  const host = match[0].slice(match[0].lastIndexOf('@') + 1);
  if (host !== '' && LOCAL_HOST.test(host)) return false;
  // A user equal to the password (`postgres:postgres@db`) is an image's default, left for local use.
  const user = match[0].slice(match[0].indexOf('://') + 3, match[0].indexOf(':', match[0].indexOf('://') + 3));
  return user.toLowerCase() !== password.toLowerCase();
}

/**
 * The first credential of a catalogued format in `text`, or null. Published examples
 * (`AKIAIOSFODNN7EXAMPLE`), URLs whose password is a placeholder or which point at the local
 * machine, and PEM headers without a key body are not credentials.
 */
export function credentialIn(text: string): CredentialMatch | null {
  for (const format of CREDENTIAL_FORMATS) {
    const match = format.pattern.exec(text);
    if (!match) continue;
    if (format.id === 'url-password') {
      if (!urlPasswordIsReal(match)) continue;
    } else if (EXAMPLE_CREDENTIAL.test(match[0])) {
      continue;
    }
    return { format, text: match[0], index: match.index };
  }
  return null;
}

/** True when `text` is an AWS secret access key (40 base64 characters, not a published example). */
export function isAwsSecretKey(text: string): boolean {
  return AWS_SECRET_KEY.test(text) && !EXAMPLE_CREDENTIAL.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Secret-looking values

/** Values that stand for a secret rather than being one. */
const PLACEHOLDER =
  /^(?:<[^>]*>|\[[^\]]*\]|\{\{?[^}]*\}\}?|\$\{[^}]*\}|%[\w.]*%?|__\w+__|x+|\*+|\.+|-+|_+|#+|\?+|0+|todo|tbd|fixme|replace[-_ ]?me|none|null|nil|undefined|n\/a|na|placeholder|example|sample|dummy|fake|mock|test|testing|demo|redacted|hidden|masked|removed|foo|bar|baz|foobar|abc)$/i;
/** Words that make a value a placeholder wherever they stand: `your-api-key`, `YOUR_SECRET_HERE`, `insert_token`. */
const PLACEHOLDER_WORDS = new Set(['your', 'yours', 'here', 'placeholder', 'example', 'sample', 'dummy', 'fake', 'mock', 'redacted', 'insert', 'replace', 'todo', 'fixme', 'xxx', 'changeit']);

/**
 * True when a string reads as a stand-in for a secret: empty, `<your-key>`, `xxx`, `****`,
 * `YOUR_API_KEY`, `${SECRET}`, `[REDACTED]`, `TODO`, `dummy`. `changeme` is not one: it is the
 * value the program runs with until someone changes it.
 */
export function isPlaceholderSecret(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  if (PLACEHOLDER.test(text) || EXAMPLE_CREDENTIAL.test(text)) return true;
  if (/^(.)\1+$/.test(text)) return true;
  return nameWords(text).some((w) => PLACEHOLDER_WORDS.has(w));
}

/**
 * Words a label, a field or column name, an input type, an autocomplete token, a header name or a
 * type name is made of (`'password'`, `'new-password'`, `'x-api-key'`, `'client_secret'`,
 * `'string'`): a value made only of these names a field rather than holding a secret.
 */
const LABEL_WORDS = new Set(
  `password passwords passwd pwd pass passphrase passcode secret secrets token tokens key keys api apikey
  private public access auth authorization bearer basic client jwt session cookie cookies hash hashed salt pepper
  new old current confirm confirmation repeat retype reset forgot change update input field form type hidden
  label placeholder text value name id user username login credential credentials header x required
  optional sign signing encryption master code otp pin verify verification refresh oauth csrf xsrf app
  bot service account db database mysql postgres postgresql mongo mongodb redis env config show hide toggle
  invalid error missing wrong incorrect mismatch match strength weak strong length min max string number
  boolean object varchar char true false on off yes no enabled disabled default auto any one time secure
  encrypted plain plaintext raw personal admin root guest anonymous local remote`.split(/\s+/).filter(Boolean),
);

/** The word for "password" in other languages (translation files): `Passwort`, `senha`, `wachtwoord`. */
const TRANSLATED_PASSWORD = new Set(
  'passwort kennwort senha contrasena contrasenya wachtwoord losenord passord adgangskode salasana parola haslo heslo jelszo sifre parool lozinka geslo parolja mdp'.split(' '),
);

/** Words that open a message rather than a secret: `'not set'`, `'no token'`, `'enter your password'`. */
const MESSAGE_WORDS = new Set('not no none missing invalid required empty unknown null undefined default enter please is are was the a an of for to from with must should cannot can'.split(' '));

/** Default passwords that are also label words: as the fallback of a configured value they are the password. */
const DEFAULT_PASSWORDS = new Set('pass password passwd secret admin root toor default letmein guest'.split(' '));

/** Words for the absence or state of a value: `not_available`, `unset`, `disabled`. */
const STATE_WORDS = new Set('available unavailable set unset provided configured supplied given blank omitted empty none'.split(' '));

/** File names and paths: `./keys/private.pem`, `secrets/jwt`, `/run/secrets/db_password`. */
const FILE_EXTENSION = /\.(?:pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|pub|gpg|asc|json|txt|env|ya?ml|toml|ini|js|cjs|mjs|ts|html?|conf)$/i;

function looksLikePath(text: string): boolean {
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(text)) return true;
  if (FILE_EXTENSION.test(text)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return true;
  // Secret references: AWS ARNs, Vault and cloud secret paths, `env:NAME`, `file:…`.
  if (/^(?:arn|vault|env|file|secret|secrets|projects|op|sm|ssm|kms|gcp|azure|keyvault):/i.test(text)) return true;
  // Segments of words (`swagger/apiResponse`, `secrets/jwt-key`), not the mixed letters and digits of base64.
  return text.includes('/') && text.split('/').every((segment) => /^[A-Za-z_.-]*$/.test(segment) || /^[a-z0-9_.-]*$/.test(segment)) && /[a-z]/.test(text);
}

/** An environment variable's name (`SESSION_SECRET`, `DB_PASSWORD`), or a lookup key naming one. */
export function looksLikeEnvName(text: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text);
}

/** Regular expressions, validator rules and format strings: `^\\d{4}$`, `required|min:8`, `%s`. */
function looksLikePattern(text: string): boolean {
  if (/^\^|\$$|\\[dwsbDWSB]|\[[^\]]*-[^\]]*\]|\(\?[=!:<]|\.\*|\.\+/.test(text)) return true;
  if (/^[a-z_]+(?::[^|]*)?(?:\|[a-z_]+(?::[^|]*)?)+$/i.test(text)) return true;
  // Column types: `varchar(255)`, `decimal(10, 2)`.
  if (/^[a-z]+\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\)$/i.test(text)) return true;
  return /%[sdjoi]|\{\d+\}|\{[a-zA-Z_]+\}|\{\{|\$\{/.test(text);
}

/** Dotted keys of translations and settings: `auth.password.invalid`, `config.jwt.secret`. */
function looksLikeDottedKey(text: string): boolean {
  return /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+$/.test(text) && text.split('.').every((s) => /^[A-Za-z_$-]+$/.test(s));
}

/** Password hashes: bcrypt, argon2, scrypt, PBKDF2 in their modular crypt formats. */
function looksLikeHash(text: string): boolean {
  return /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2[-\w]*|[156])\$/.test(text);
}

/** A value with spaces that reads as words of a message or label rather than a passphrase. */
function looksLikeMessage(text: string, keyWords: ReadonlySet<string>): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 4) return true;
  if (/^[A-Z][a-z]/.test(text) && words.length > 1) return true;
  if (/[.,!?:;()"'`]/.test(text)) return true;
  return words.some((w) => {
    const lower = w.toLowerCase();
    return MESSAGE_WORDS.has(lower) || keyWords.has(lower) || LABEL_WORDS.has(lower);
  });
}

/**
 * True when a string written under a secret's name (`password: '…'`, `const apiKey = '…'`) reads as
 * the secret itself. Not: empty strings and placeholders (`isPlaceholderSecret`); values shorter
 * than four characters; text with line breaks or non-ASCII letters (translations, templates);
 * labels, field, column and header names made of the words such names are made of (`'Password'`,
 * `'new-password'`, `'x-api-key'`, `'SECRET_KEY'`, `'client_secret'`) or equal to the key; the word
 * for password in other languages; messages (`'Invalid password'`, five words or more, capitalised
 * phrases, punctuation); paths, URLs and secret references (`'/reset-password'`, `'keys/jwt.pem'`,
 * `'arn:aws:…'`); dotted keys (`'auth.password.invalid'`); regular expressions, validator rules and
 * format strings; password hashes (`'$2b$10$…'`). With `fallback` (the value is the default of a
 * configured one, `getFileEnv(name) || 'pass'`), common default passwords (`pass`, `admin`, `root`)
 * are secrets although they are also label words.
 */
export function looksLikeSecretValue(value: string, keyName: string, options: { fallback?: boolean } = {}): boolean {
  const text = value.trim();
  // `password: getFileEnv(name) || 'pass'`: the default the program runs with, whatever word it is.
  if (options.fallback && DEFAULT_PASSWORDS.has(text.toLowerCase())) return true;
  if (text.length < 4 || text.length > 500) return false;
  if (isPlaceholderSecret(text)) return false;
  if (/[\r\n]/.test(text) || /[^\x20-\x7E]/.test(text)) return false;
  if (looksLikeEnvName(text) || looksLikePath(text) || looksLikePattern(text) || looksLikeDottedKey(text) || looksLikeHash(text)) {
    return false;
  }
  const flatKey = keyName.toLowerCase().replace(/[^a-z0-9]/g, '');
  const flatValue = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (flatValue === flatKey || TRANSLATED_PASSWORD.has(flatValue)) return false;
  const keyWords = new Set(nameWords(keyName));
  // `Authorization: 'Basic dXNlcjpwYXNz'`, `'Bearer <token>'`: the credential after the scheme.
  const scheme = /^(?:Bearer|Basic|Token|Bot|Digest)\s+(\S+)$/i.exec(text);
  if (scheme) return scheme[1]!.length >= 8 && !isPlaceholderSecret(scheme[1]!) && !looksLikePattern(scheme[1]!);
  if (/\s/.test(text)) return !looksLikeMessage(text, keyWords);
  // A bare `Authorization` value without a scheme is a token only when it reads as random.
  if (keyWords.size === 1 && keyWords.has('authorization') && !/\d/.test(text) && text.length < 20) return false;
  // An identifier-like value made only of label words: `userPassword`, `api_key`, `Bearer`, `hidden`.
  const words = nameWords(text);
  if (/^\[?[A-Za-z]+(?:[-_.][A-Za-z]+)*\]?[!?]*$/.test(text)) {
    if (words.every((w) => keyWords.has(w) || LABEL_WORDS.has(w))) return false;
    // A lookup key built from the key's own words: `ACCESS_TOKEN_KEY = 'myapp_access_token'`,
    // `apiKey: 'stripe_key'` (`sessionSecret: 'session-secret-dev'` is a secret: its head is `secret`).
    const head = nameWords(keyName).pop();
    if (words.length > 1 && (head === 'key' || head === 'token') && words.some((w) => keyWords.has(w))) return false;
    // `not_available`, `none-given`, `unset`: a state, not a value.
    if (words.length > 1 && words.some((w) => MESSAGE_WORDS.has(w) || STATE_WORDS.has(w))) return false;
    if (words.length === 1 && STATE_WORDS.has(words[0]!)) return false;
  }
  return true;
}

/**
 * True when a literal given where a library takes the secret it signs with (`session({ secret })`,
 * `cookieParser('…')`) is a secret: any non-empty text is, placeholders included; environment
 * variable names used as the value are too (the library receives the name itself).
 */
export function isLiteralSigningSecret(value: string): boolean {
  return value.trim() !== '';
}

/**
 * True when a literal fallback of a secret-named environment variable
 * (`process.env.SESSION_SECRET || '…'`) is the secret the program runs with when the variable is
 * missing: any non-empty text but placeholders and paths or URLs (a key file's path, a vault address).
 */
export function isFallbackSecret(value: string): boolean {
  const text = value.trim();
  if (isPlaceholderSecret(text)) return false;
  return !looksLikePath(text) || credentialIn(text) !== null;
}

// ---------------------------------------------------------------------------------------------
// Library options that take a secret

export interface SecretOptionUse {
  option: SecretOption;
  /** The expression given as the secret (an option's value, or the argument itself). */
  value: Node;
  /** The option name, when the secret sits in an options object. */
  optionName?: string;
  /** The module the call was resolved to. */
  module: string;
}

const FUNCTION_NAMES = new Set(['register']);

function argumentAt(node: TSESTree.CallExpression | TSESTree.NewExpression, index: number): Node | null {
  for (let i = 0; i <= index && i < node.arguments.length; i++) {
    if (node.arguments[i]!.type === AST_NODE_TYPES.SpreadElement) return null;
  }
  return node.arguments[index] ?? null;
}

function optionUses(option: SecretOption, arg: Node, module: string, sourceCode: SourceCode): SecretOptionUse[] {
  if (!option.options) return [{ option, value: arg, module }];
  const object = resolveObject(arg, sourceCode);
  if (!object) return [];
  const uses: SecretOptionUse[] = [];
  for (const name of option.options) {
    const value = memberValue(object, name, sourceCode);
    if (value) uses.push({ option, value, optionName: name, module });
  }
  return uses;
}

/**
 * The secrets a call gives to a library that signs with them or authenticates with them, resolved
 * by import: express-session and cookie-session `{ secret }`, `cookieParser(secret)`, Fastify cookie
 * and session plugins `register(plugin, { secret })`, passport OAuth strategies `{ clientSecret }`.
 */
export function secretOptionUses(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: SourceCode): SecretOptionUse[] {
  const callee = unwrap(node.callee);
  if (node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && FUNCTION_NAMES.has(memberName(callee) ?? '')) {
    const plugin = argumentAt(node, 0);
    const ref = plugin ? resolveModule(plugin, sourceCode) : null;
    if (!ref) return [];
    for (const option of SECRET_OPTIONS) {
      if (option.kind !== 'register' || !isModulePath(ref, option.modules, option.path)) continue;
      const arg = argumentAt(node, option.argument);
      return arg ? optionUses(option, arg, ref.module, sourceCode) : [];
    }
    return [];
  }
  const ref = resolveModule(callee, sourceCode);
  if (!ref) return [];
  const kind = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
  for (const option of SECRET_OPTIONS) {
    if (option.kind !== kind || !isModulePath(ref, option.modules, option.path)) continue;
    const arg = argumentAt(node, option.argument);
    return arg ? optionUses(option, arg, ref.module, sourceCode) : [];
  }
  return [];
}

/** True when `node` is a Koa application (`new Koa()` from `koa`), whose `keys` sign cookies. */
export function isKoaApp(node: Node, sourceCode: SourceCode): boolean {
  const ref = resolveModule(node, sourceCode);
  return isModulePath(ref, KOA_MODULES, ['new']);
}

/** Module names whose calls `secretOptionUses` recognises: a file naming none of them has none. */
export const SECRET_OPTION_MODULES: readonly string[] = [...new Set([...SECRET_OPTIONS.flatMap((o) => o.modules), ...KOA_MODULES])];

