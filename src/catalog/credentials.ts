/**
 * Credential formats and the library options that take a secret: data only.
 *
 * Each format is one provider's credential, matched by its fixed prefix and its real length and
 * alphabet, so prose, identifiers and hashes do not match (`AKIA` alone, `sk-` followed by a word,
 * `SG.` in a sentence). Patterns have no `g` flag and find the credential anywhere in a string.
 */

export interface CredentialFormat {
  /** Stable id, used in tests and to look a row up. */
  id: string;
  /** Who issues the credential, for messages. */
  provider: string;
  /** What the credential is, for messages: "an AWS access key ID". */
  description: string;
  /** Finds the credential in a string. */
  pattern: RegExp;
  /** The environment variable a suggestion reads it from. */
  envName: string;
  /**
   * True when the credential is usually the whole string (a key, a token), so replacing the whole
   * literal keeps the program's shape; false when it sits inside larger text (a URL, a PEM block).
   */
  whole: boolean;
}

/** Characters that may continue a base64url-ish token: a match must not be glued to more of them. */
const END = '(?![A-Za-z0-9_-])';
const START = '(?<![A-Za-z0-9_-])';

export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  {
    id: 'aws-access-key',
    provider: 'AWS',
    description: 'an AWS access key ID',
    // Long-term (`AKIA`) and temporary (`ASIA`) key IDs: the prefix and 16 upper-case base32 characters.
    pattern: new RegExp(`${START}(?:AKIA|ASIA)[A-Z2-7]{16}${END}`),
    envName: 'AWS_ACCESS_KEY_ID',
    whole: true,
  },
  {
    id: 'github-token',
    provider: 'GitHub',
    description: 'a GitHub token',
    // Classic personal (`ghp_`), OAuth (`gho_`), user-to-server (`ghu_`), server-to-server (`ghs_`)
    // and refresh (`ghr_`) tokens: 36 alphanumerics; fine-grained personal tokens `github_pat_…`.
    pattern: new RegExp(`${START}(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${END}`),
    envName: 'GITHUB_TOKEN',
    whole: true,
  },
  {
    id: 'gitlab-token',
    provider: 'GitLab',
    description: 'a GitLab personal access token',
    pattern: new RegExp(`${START}glpat-[A-Za-z0-9_-]{20,}${END}`),
    envName: 'GITLAB_TOKEN',
    whole: true,
  },
  {
    id: 'stripe-live-key',
    provider: 'Stripe',
    description: 'a Stripe live secret key',
    // Live secret (`sk_live_`) and restricted (`rk_live_`) keys; test-mode keys (`sk_test_`) move no money.
    pattern: new RegExp(`${START}(?:sk|rk)_live_[A-Za-z0-9]{24,}${END}`),
    envName: 'STRIPE_SECRET_KEY',
    whole: true,
  },
  {
    id: 'slack-token',
    provider: 'Slack',
    description: 'a Slack token',
    // Bot (`xoxb-`), user (`xoxp-`), app-level (`xoxa-`) and refresh (`xoxr-`) tokens: numeric team
    // and user parts, then a random part.
    pattern: new RegExp(`${START}xox[abpr]-[0-9]{6,}-(?:[0-9]{6,}-)*[A-Za-z0-9]{16,}${END}`),
    envName: 'SLACK_TOKEN',
    whole: true,
  },
  {
    id: 'slack-webhook',
    provider: 'Slack',
    description: 'a Slack incoming-webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{8,}\/[AB][A-Z0-9]{8,}\/[A-Za-z0-9]{20,}/,
    envName: 'SLACK_WEBHOOK_URL',
    whole: true,
  },
  {
    id: 'google-api-key',
    provider: 'Google',
    description: 'a Google API key',
    pattern: new RegExp(`${START}AIza[0-9A-Za-z_-]{35}${END}`),
    envName: 'GOOGLE_API_KEY',
    whole: true,
  },
  {
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    description: 'a SendGrid API key',
    pattern: new RegExp(`${START}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${END}`),
    envName: 'SENDGRID_API_KEY',
    whole: true,
  },
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    description: 'a Twilio API key SID',
    // `SK` and 32 lower-case hex digits (upper-case hex would be any MD5 written in capitals).
    pattern: new RegExp(`${START}SK[0-9a-f]{32}${END}`),
    envName: 'TWILIO_API_KEY',
    whole: true,
  },
  {
    id: 'npm-token',
    provider: 'npm',
    description: 'an npm access token',
    pattern: new RegExp(`${START}npm_[A-Za-z0-9]{36}${END}`),
    envName: 'NPM_TOKEN',
    whole: true,
  },
  {
    id: 'openai-api-key',
    provider: 'OpenAI',
    description: 'an OpenAI API key',
    // Keys carry `T3BlbkFJ` (base64 of "OpenAI") in the middle; legacy keys are `sk-` and 48 alphanumerics.
    pattern: new RegExp(`${START}sk-(?:(?:proj|svcacct|admin)-)?(?:[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}|[A-Za-z0-9]{48})${END}`),
    envName: 'OPENAI_API_KEY',
    whole: true,
  },
  {
    id: 'anthropic-api-key',
    provider: 'Anthropic',
    description: 'an Anthropic API key',
    pattern: new RegExp(`${START}sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}${END}`),
    envName: 'ANTHROPIC_API_KEY',
    whole: true,
  },
  {
    id: 'pem-private-key',
    provider: 'PEM',
    description: 'a PEM private key',
    // The header, optional `Proc-Type`/`DEK-Info` lines, and a real base64 body (placeholders such as
    // `...` or a header alone, as in a format check, do not match).
    pattern:
      /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\s*(?:[A-Za-z-]+:[^\n]*\n\s*)*[A-Za-z0-9+/=]{40,}/,
    envName: 'PRIVATE_KEY',
    whole: false,
  },
  {
    id: 'url-password',
    provider: 'URL',
    description: 'a connection string or URL with a password',
    // `scheme://user:password@host`: the password group is checked for placeholders separately.
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"`]{0,64}:([^\s@/'"`]{1,128})@(?:[^\s/'"`?#]*)/i,
    envName: 'DATABASE_URL',
    whole: false,
  },
];

/** The format whose `id` is given (tests and messages). */
export function credentialFormat(id: string): CredentialFormat {
  const found = CREDENTIAL_FORMATS.find((f) => f.id === id);
  if (!found) throw new Error(`unknown credential format ${id}`);
  return found;
}

/**
 * What the source text of a file holding a credential of one of the formats shows (its prefix, or
 * `user:password@` for URLs): a file whose text does not match holds none. Kept loose on purpose
 * (escapes in string literals hide the PEM body's line breaks).
 */
export const CREDENTIAL_HINT =
  /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|_live_|xox[abpr]-|hooks\.slack\.com|AIza|SG\.|SK[0-9a-f]{32}|npm_|sk-|PRIVATE KEY|:\/\/[^\s:@/'"`]*:[^\s@/'"`]+@/;

/**
 * Documentation examples: AWS's published sample keys end in `EXAMPLE`
 * (`AKIAIOSFODNN7EXAMPLE`, `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`), and samples elsewhere say so.
 */
export const EXAMPLE_CREDENTIAL = /EXAMPLE|example|[xX]{8,}|0{12,}|1234567890|abcdef(?:ghij)?/;

/** An AWS secret access key: 40 base64 characters (checked only beside an access key ID). */
export const AWS_SECRET_KEY = /^[A-Za-z0-9/+]{40}$/;

/** The row for an AWS secret access key found beside an access key ID (same object or call). */
export const AWS_SECRET_ACCESS_KEY: CredentialFormat = {
  id: 'aws-secret-key',
  provider: 'AWS',
  description: 'an AWS secret access key',
  pattern: AWS_SECRET_KEY,
  envName: 'AWS_SECRET_ACCESS_KEY',
  whole: true,
};

// -----------------------------------------------------------------------------------------------
// Library options that take a secret

/**
 * Where a library takes a secret that it uses itself to sign or encrypt (session cookies, signed
 * cookies, OAuth client secrets): a literal there is the secret, whatever it reads like.
 */
export interface SecretOption {
  /** Modules the function or class comes from. */
  modules: readonly string[];
  /** Export path of the function or class (`[]` for the default export). */
  path: readonly string[];
  /** `call` for `fn(…)`, `new` for `new Strategy(…)`, `register` for Fastify `app.register(plugin, opts)`. */
  kind: 'call' | 'new' | 'register';
  /** The argument that holds the secret or the options object. */
  argument: number;
  /** Option names that hold the secret, in the options object; absent when the argument is the secret itself. */
  options?: readonly string[];
  /** What the secret protects, for messages. */
  protects: string;
  /** Environment variable for the suggestion. */
  envName: string;
}

const PASSPORT_OAUTH = [
  'passport-google-oauth20', 'passport-google-oauth2', 'passport-google-oauth', 'passport-github2',
  'passport-github', 'passport-facebook', 'passport-oauth2', 'passport-gitlab2', 'passport-discord',
  'passport-linkedin-oauth2', 'passport-microsoft', 'passport-azure-ad-oauth2', 'passport-slack-oauth2',
  'passport-openidconnect', 'passport-auth0', 'passport-apple', 'passport-spotify', 'passport-twitch-new',
];

export const SECRET_OPTIONS: readonly SecretOption[] = [
  { modules: ['express-session'], path: [], kind: 'call', argument: 0, options: ['secret'], protects: 'session cookies', envName: 'SESSION_SECRET' },
  { modules: ['cookie-session'], path: [], kind: 'call', argument: 0, options: ['secret', 'keys'], protects: 'session cookies', envName: 'SESSION_SECRET' },
  { modules: ['cookie-parser'], path: [], kind: 'call', argument: 0, protects: 'signed cookies', envName: 'COOKIE_SECRET' },
  { modules: ['@fastify/cookie', 'fastify-cookie'], path: [], kind: 'register', argument: 1, options: ['secret'], protects: 'signed cookies', envName: 'COOKIE_SECRET' },
  { modules: ['@fastify/session', 'fastify-session'], path: [], kind: 'register', argument: 1, options: ['secret'], protects: 'session cookies', envName: 'SESSION_SECRET' },
  { modules: ['@fastify/secure-session', 'fastify-secure-session'], path: [], kind: 'register', argument: 1, options: ['secret', 'key'], protects: 'session cookies', envName: 'SESSION_SECRET' },
  { modules: ['koa-session'], path: [], kind: 'call', argument: 0, options: ['secret'], protects: 'session cookies', envName: 'SESSION_SECRET' },
  ...PASSPORT_OAUTH.flatMap((module): SecretOption[] => [
    { modules: [module], path: ['Strategy'], kind: 'new', argument: 0, options: ['clientSecret'], protects: 'the OAuth client', envName: 'OAUTH_CLIENT_SECRET' },
    { modules: [module], path: [], kind: 'new', argument: 0, options: ['clientSecret'], protects: 'the OAuth client', envName: 'OAUTH_CLIENT_SECRET' },
    { modules: [module], path: ['OAuth2Strategy'], kind: 'new', argument: 0, options: ['clientSecret'], protects: 'the OAuth client', envName: 'OAUTH_CLIENT_SECRET' },
  ]),
  { modules: ['passport-twitter'], path: ['Strategy'], kind: 'new', argument: 0, options: ['consumerSecret'], protects: 'the OAuth client', envName: 'TWITTER_CONSUMER_SECRET' },
];

/** Koa: `app.keys = […]` signs cookies (`new Koa()` from `koa`). */
export const KOA_MODULES: readonly string[] = ['koa'];
