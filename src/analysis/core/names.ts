/**
 * Name vocabularies: does an identifier, property key or string key name a token, a secret or a
 * sensitive field? Names are split into lower-case words (`access_token`, `AccessToken`,
 * `x-auth-token` all give `access token` / `x auth token`), and the decision rests on the head of
 * the name (its last word, as in English compounds): `tokenCount` is a count, `passwordPolicy` a
 * policy, `accessToken` a token. Single words never match by substring (`tokenizer`, `hashtag`).
 */

/**
 * Splits a name into lower-case words at `_`, `-`, `.`, `:`, spaces and other separators, at
 * camelCase humps (`accessToken`, `APIKey` → `api key`) and between letters and digits; digits-only
 * words are dropped (`oauth2Token` → `oauth token`). Known glued compounds are split too
 * (`authtoken` → `auth token`, `apikey` → `api key`).
 */
export function nameWords(name: string): string[] {
  // Most names are one lower-case word (`token`, `key`): no hump, digit or separator to split at.
  if (LOWER_WORD.test(name)) {
    const glued = GLUED.get(name);
    return glued ? [...glued] : [name];
  }
  // One pass over the characters: a word is a run of ASCII letters, ended by any other character
  // (digits-only runs are dropped), and split before an upper-case letter that follows a lower-case
  // one (`access|Token`) or that starts a word after an upper-case run (`API|Key`).
  const words: string[] = [];
  const length = name.length;
  let start = -1;
  for (let i = 0; i < length; i++) {
    const kind = letterKind(name.charCodeAt(i));
    if (kind === NOT_LETTER) {
      if (start >= 0) pushWord(words, name.slice(start, i));
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      continue;
    }
    if (kind !== UPPER) continue;
    const previous = letterKind(name.charCodeAt(i - 1));
    if (previous === LOWER || (previous === UPPER && i + 1 < length && letterKind(name.charCodeAt(i + 1)) === LOWER)) {
      pushWord(words, name.slice(start, i));
      start = i;
    }
  }
  if (start >= 0) pushWord(words, name.slice(start));
  return words;
}

const NOT_LETTER = 0;
const LOWER = 1;
const UPPER = 2;

/** Whether a character code is an ASCII lower-case letter, an upper-case one, or anything else. */
function letterKind(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  return NOT_LETTER;
}

/** Adds a word in lower case, a known glued compound as its words. */
function pushWord(words: string[], raw: string): void {
  const word = raw.toLowerCase();
  const glued = GLUED.get(word);
  if (glued) {
    for (const part of glued) words.push(part);
  } else words.push(word);
}

const LOWER_WORD = /^[a-z]+$/;

/** Compounds commonly written as one word in keys and headers. */
const GLUED = new Map<string, string[]>(
  [
    'access token',
    'refresh token',
    'id token',
    'auth token',
    'bearer token',
    'jwt token',
    'session token',
    'session id',
    'api key',
    'api token',
    'private key',
    'secret key',
    'client secret',
    'password hash',
    'credit card',
    'card number',
    'user token',
    'x token',
  ].map((w) => [w.replace(' ', ''), w.split(' ')]),
);

/** First words that turn a name into a flag, an action or a quantity: `isToken`, `showPassword`, `maxTokens`. */
const LEADING_NEGATORS = new Set([
  'is', 'has', 'have', 'show', 'hide', 'toggle', 'should', 'can', 'use', 'enable', 'enabled', 'disable',
  'disabled', 'allow', 'validate', 'check', 'verify', 'compare', 'require', 'requires', 'required', 'need',
  'needs', 'must', 'with', 'without', 'no', 'max', 'min', 'num', 'number', 'count', 'total', 'n',
  'parse', 'generate', 'create', 'hash', 'encrypt', 'decrypt', 'sign', 'decode', 'encode', 'on', 'handle',
]);

/** Last words that describe the same value in another form: `tokenString`, `password_value`. */
const TRAILING_QUALIFIERS = new Set([
  'value', 'val', 'str', 'string', 'raw', 'plain', 'plaintext', 'text', 'b', 'base', 'encoded', 'enc',
  'encrypted', 'hex', 'buf', 'buffer', 'bytes', 'confirm', 'confirmation',
]);

interface Vocabulary {
  /** Heads (single words) that make the name match. */
  heads: ReadonlySet<string>;
  /** Multi-word heads, matched against the last words: `session id`, `api key`. */
  compoundHeads?: readonly (readonly string[])[];
  /** Heads that match only when alone or preceded by one of the given words (`hash`: `passwordHash`, not `fileHash`). */
  guardedHeads?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Heads that match only when one of the given words precedes them (`key`: `apiKey`, `privateKey`). */
  qualifiedHeads?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Words before the head that change the meaning (`pageToken`, `publicKey`). */
  negativeModifiers?: ReadonlySet<string>;
  /** Whole names (word lists joined by a space) that match exactly. */
  exact?: ReadonlySet<string>;
}

function matches(name: string, vocabulary: Vocabulary): boolean {
  return matchesWords(nameWords(name), vocabulary);
}

/** `matches` on a name already split by `nameWords` (the array is not changed). */
function matchesWords(nameWordList: readonly string[], vocabulary: Vocabulary): boolean {
  let words = nameWordList;
  if (words.length === 0) return false;
  if (vocabulary.exact?.has(words.join(' '))) return true;
  if (words.length > 1 && LEADING_NEGATORS.has(words[0]!)) return false;
  while (words.length > 1 && TRAILING_QUALIFIERS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  if (vocabulary.exact?.has(words.join(' '))) return true;
  const head = words[words.length - 1]!;
  const before = words.slice(0, -1);
  if (vocabulary.negativeModifiers && before.some((w) => vocabulary.negativeModifiers!.has(w))) return false;
  if (vocabulary.heads.has(head)) return true;
  const guard = vocabulary.guardedHeads?.get(head);
  if (guard && (before.length === 0 || guard.has(before[before.length - 1]!))) return true;
  const qualifier = vocabulary.qualifiedHeads?.get(head);
  if (qualifier && before.some((w) => qualifier.has(w))) return true;
  return (vocabulary.compoundHeads ?? []).some(
    (compound) =>
      compound.length <= words.length && compound.every((w, i) => words[words.length - compound.length + i] === w),
  );
}

const set = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Tokens that are not credentials: pagination, cancellation, lexer, design, push, captcha and LLM tokens. */
const NON_CREDENTIAL_TOKEN_MODIFIERS = set(`
  page next prev previous continuation cancel cancellation sync cursor pagination lexer parser lexical
  syntax ast design color colour theme style push device fcm apns notification notifications captcha
  recaptcha hcaptcha turnstile input output prompt completion completions embedding special stop eos
  bos unk pad word max min num total
`);

/**
 * Every word of a name is a piece of it in lower case, so a name can only match a vocabulary when
 * it holds one of its words: these quick tests skip the splitting for most names.
 */
const MAY_BE_TOKEN = /token|jwt|bearer|session|authorization/i;

const TOKEN_VOCABULARY: Vocabulary = {
  heads: set('token tokens jwt jwts bearer'),
  compoundHeads: [['session', 'id'], ['session', 'ids']],
  guardedHeads: new Map([['session', set('user auth current app login active')]]),
  negativeModifiers: NON_CREDENTIAL_TOKEN_MODIFIERS,
  exact: set('authorization'),
};

/**
 * True when the name denotes an authentication or session token: `token`, `jwt`, `accessToken`,
 * `refresh_token`, `id_token`, `authToken`, `x-auth-token`, `bearer`, `session`, `sessionId`,
 * `csrfToken`, `authorization`. Not: `tokenizer`, `tokenCount`, `tokenType`, `maxTokens`,
 * `nextPageToken`, `cancelToken`, `deviceToken`, `isTokenValid`, `sessionStorage`, `sessionTimeout`.
 */
export function isTokenName(name: string): boolean {
  return MAY_BE_TOKEN.test(name) && matches(name, TOKEN_VOCABULARY);
}

const PASSWORD_WORDS = 'password passwords passwd pwd passphrase passcode';

const SECRET_VOCABULARY: Vocabulary = {
  heads: set(`${PASSWORD_WORDS} secret secrets pepper`),
  qualifiedHeads: new Map([
    ['key', set('api private secret signing encryption master hmac access license')],
    ['keys', set('api private secret signing encryption master hmac access')],
  ]),
  compoundHeads: [['connection', 'password']],
  negativeModifiers: set('public'),
  exact: set('pass'),
};

/**
 * True when the name denotes a secret or credential: passwords (`password`, `passwd`, `pwd`,
 * `passphrase`, `dbPassword`), secrets (`secret`, `clientSecret`, `jwtSecret`, `SESSION_SECRET`),
 * keys (`apiKey`, `x-api-key`, `privateKey`, `secretAccessKey`, `signingKey`), and tokens as
 * `isTokenName` (except a bare `session`). Not: `publicKey`, `accessKeyId`, `secretName`,
 * `passwordPolicy`, `credentials` (`fetch`'s `credentials: 'include'`), `key`.
 */
export function isSecretName(name: string): boolean {
  if (!MAY_BE_SECRET_OR_TOKEN.test(name)) return false;
  return isSecretWords(name, nameWords(name));
}

/** The words (or word starts) any match of `SECRET_VOCABULARY` holds; see `MAY_BE_TOKEN`. */
const MAY_BE_SECRET = /pass|pwd|secret|pepper|key/i;
/** `MAY_BE_SECRET` or `MAY_BE_TOKEN`: the names `isSecretName` may accept. */
const MAY_BE_SECRET_OR_TOKEN = /pass|pwd|secret|pepper|key|token|jwt|bearer|session|authorization/i;

/** `isSecretName` on a name and its words (`nameWords(name)`), split once by the caller. */
function isSecretWords(name: string, words: readonly string[]): boolean {
  if (MAY_BE_SECRET.test(name) && matchesWords(words, SECRET_VOCABULARY)) return true;
  if (!MAY_BE_TOKEN.test(name) || !matchesWords(words, TOKEN_VOCABULARY)) return false;
  return !(words.length === 1 && (words[0] === 'session' || words[0] === 'sessions'));
}

/** The words (or word starts) any match of `SENSITIVE_FIELD_VOCABULARY` holds; see `MAY_BE_TOKEN`. */
const MAY_BE_SENSITIVE_FIELD = /pass|pwd|ssn|cvv|cvc|secret|otp|pepper|pin|hash|salt|token|key|code|number|card|security|tax/i;

const SENSITIVE_FIELD_VOCABULARY: Vocabulary = {
  heads: set(`${PASSWORD_WORDS} ssn cvv cvc cvv2 secret secrets otp totp pepper pin`),
  guardedHeads: new Map([
    ['hash', set('password passwd pwd pass pin secret passphrase')],
    ['hashed', set('password')],
    ['salt', set('password passwd pwd pass')],
  ]),
  qualifiedHeads: new Map([
    ['token', set('reset verification verify confirmation confirm activation invite recovery')],
    ['key', set('api private secret signing encryption master hmac')],
    ['keys', set('api private secret signing encryption master hmac')],
    ['code', set('security recovery backup otp mfa totp pin')],
    ['codes', set('recovery backup otp mfa totp')],
    ['number', set('card ssn security passport')],
    ['card', set('credit debit')],
  ]),
  compoundHeads: [['social', 'security'], ['social', 'security', 'number'], ['tax', 'id']],
  negativeModifiers: set('public'),
};

/**
 * True when the field holds data that must not leave the server in a token payload, a response or
 * a log line: passwords and their hashes/salts (`password`, `passwordHash`, `hashedPassword`,
 * `hash`, `salt`), secrets and keys (`secret`, `apiKey`, `privateKey`), identity and payment data
 * (`ssn`, `creditCard`, `cardNumber`, `cvv`), one-time codes (`otp`, `pin`, `recoveryCodes`) and
 * single-use tokens (`resetToken`, `verificationToken`). Not: `passwordPolicy`, `hashtag`,
 * `fileHash`, `passwordChangedAt`, `accessToken` (login responses legitimately carry it).
 */
export function isSensitiveFieldName(name: string): boolean {
  return MAY_BE_SENSITIVE_FIELD.test(name) && matches(name, SENSITIVE_FIELD_VOCABULARY);
}

/** Words that on their own make a function name an authentication or authorization step. */
const AUTH_FUNCTION_WORDS = set(`
  auth authenticate authenticated authentication authorize authorise authorized authorised authorization
  authorisation verify login signin logon
`);
/** Words that do so only next to `user`, `session`, `token`, `auth` or `logged`: `getCurrentUser`, `requireUser`. */
const WEAK_AUTH_FUNCTION_WORDS = set('current whoami me guard protect protected require ensure');
const AUTH_SUBJECT_WORDS = set('user session token logged principal identity');

/**
 * True when a function name reads as an authentication or authorization step: `authenticate`,
 * `verifyToken`, `requireAuth`, `isAuthorized`, `checkAuth`, `authMiddleware`, `getCurrentUser`,
 * `ensureLoggedIn`, `canActivate` (NestJS guards). Not: `author`, `oauthCallback`, `getUser`,
 * `parseHeaders`, `formatDate`.
 */
export function isAuthFunctionName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words.join(' ') === 'can activate') return true;
  if (words.some((w) => AUTH_FUNCTION_WORDS.has(w))) return true;
  if (words.some((w) => WEAK_AUTH_FUNCTION_WORDS.has(w))) return words.some((w) => AUTH_SUBJECT_WORDS.has(w));
  return false;
}

/** Nouns for stored records of people and accounts. */
const ENTITY_WORDS = set(`
  user users account accounts customer customers member members admin admins profile profiles employee
  employees patient patients person people owner owners student students client clients
`);
/** Last words that still denote the whole record: `userDoc`, `accountRecord`, `userData`. */
const ENTITY_QUALIFIERS = set('doc document record entity model instance obj object data info details row');
/** Words before the entity noun that make it something else: `userAgent` is a header, `adminUrl` a link. */
const ENTITY_NEGATIVE_MODIFIERS = set('max min num total count');

/**
 * True when the name reads as a whole stored record of a person or account: `user`, `foundUser`,
 * `dbUser`, `existing_user`, `account`, `customer`, `userDoc`, `userRecord`, `userData`, `member`,
 * and plurals (`users`, a list of records). Not: `userId`, `userName`, `userRole`, `userAgent`,
 * `userCount`, `isUser`, `customerId`, `accountNumber`.
 */
export function isEntityName(name: string): boolean {
  let words = nameWords(name);
  if (words.length === 0) return false;
  if (words.length > 1 && LEADING_NEGATORS.has(words[0]!)) return false;
  while (words.length > 1 && ENTITY_QUALIFIERS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  const head = words[words.length - 1]!;
  if (!ENTITY_WORDS.has(head)) return false;
  return !words.slice(0, -1).some((w) => ENTITY_NEGATIVE_MODIFIERS.has(w));
}

/** Words that name the moment something stops being valid. */
const EXPIRY_WORDS = set('exp expire expires expired expiry expiration expiring');
/** Last words that give the same moment in a unit or form: `expiresAt`, `expiry_ts`, `expirationDateMs`. */
const EXPIRY_FORM_WORDS = set('at on time date datetime timestamp ts ms millis epoch unix utc iso');
/** Words before an expiry that say whose expiry it is, when it is the token's own. */
const EXPIRY_SUBJECT_WORDS = set('token access jwt session auth login link');
/** Two-word names for the same moment: `validUntil`, `not_after`. */
const VALIDITY_PAIRS = set('valid_until valid_till valid_to valid_thru not_after');
const MAY_BE_EXPIRY = /exp|valid|after/i;

/**
 * True when the name denotes the moment a token or session stops being valid: `exp`, `expiresAt`,
 * `expires`, `expiry`, `expiration`, `expireTime`, `expires_at`, `expiryDate`, `tokenExpiresAt`,
 * `sessionExpiry`, `validUntil`, `notAfter`. Not: `expiresIn` (a duration), `isExpired`,
 * `planExpiresAt` or `passwordExpiresAt` (another thing's expiry), `expiredCount`, `exponent`.
 */
export function isExpiryTimeName(name: string): boolean {
  if (!MAY_BE_EXPIRY.test(name)) return false;
  let words = nameWords(name);
  for (let i = 0; i < 2 && words.length > 1 && EXPIRY_FORM_WORDS.has(words[words.length - 1]!); i++) words = words.slice(0, -1);
  while (words.length > 1 && EXPIRY_SUBJECT_WORDS.has(words[0]!)) words = words.slice(1);
  if (words.length === 1) return EXPIRY_WORDS.has(words[0]!);
  return words.length === 2 && VALIDITY_PAIRS.has(`${words[0]}_${words[1]}`);
}

const MAY_BE_PASSWORD = /pass|pwd|pw/i;

const PASSWORD_VOCABULARY: Vocabulary = {
  heads: set(`${PASSWORD_WORDS} pw pwd`),
  // A hash of the password is not the password; a generated or random one is not chosen by a person.
  negativeModifiers: set('hashed hash encrypted generated random'),
  exact: set('pass'),
};

/**
 * True when the name denotes a password a person chose, in clear: `password`, `newPassword`,
 * `plainPassword`, `user_password`, `passwd`, `pwd`, `pw`, `passphrase`, `passcode`,
 * `passwordConfirm`, `password_plain`, `pass`. Not: `passwordHash`, `hashedPassword`,
 * `passwordPolicy`, `passwordResetToken`, `isPassword`, `showPassword`, `generatedPassword`,
 * `passport`, `bypass`, `compass`.
 */
export function isPasswordName(name: string): boolean {
  return MAY_BE_PASSWORD.test(name) && matches(name, PASSWORD_VOCABULARY);
}

/** Heads that name a cookie or an authorization header's value: `cookie`, `sessionCookie`, `authHeader`. */
const COOKIE_VOCABULARY: Vocabulary = {
  heads: set('cookie cookies'),
  compoundHeads: [['auth', 'header'], ['authorization', 'header'], ['bearer', 'header']],
};
const MAY_BE_COOKIE = /cookie|header/i;
/** Single words that `isSensitiveFieldName` accepts but that name other things as often: a file `hash`, a GPIO `pin`. */
const AMBIGUOUS_ALONE = set('hash salt pin hashes');

/**
 * True when a value named so is a credential or holds one, so that writing it out (to a log, a
 * message) discloses it: secrets and tokens as `isSecretName` (`password`, `apiKey`, `accessToken`,
 * `authorization`), sensitive fields as `isSensitiveFieldName` (`passwordHash`, `cardNumber`, `cvv`,
 * `otp`, `resetToken`), cookies and authorization headers (`cookie`, `authCookie`, `authHeader`). Not: session ids (`sessionId`: chat,
 * job and refresh-token sessions are named so as often as cookies), a bare `hash`, `salt` or `pin`,
 * `cookieOptions`, `credentials`, `tokenType`.
 */
export function isDisclosingName(name: string): boolean {
  if (!MAY_BE_DISCLOSING.test(name)) return false;
  const words = nameWords(name);
  if (words.length === 1 && AMBIGUOUS_ALONE.has(words[0]!)) return false;
  const last = words[words.length - 1];
  if (words.length > 1 && words[words.length - 2] === 'session' && (last === 'id' || last === 'ids')) return false;
  if (isSecretWords(name, words)) return true;
  if (MAY_BE_SENSITIVE_FIELD.test(name) && matchesWords(words, SENSITIVE_FIELD_VOCABULARY)) return true;
  return MAY_BE_COOKIE.test(name) && matchesWords(words, COOKIE_VOCABULARY);
}

/** The words (or word starts) any name `isDisclosingName` accepts holds: `MAY_BE_SENSITIVE_FIELD`, `MAY_BE_SECRET_OR_TOKEN`, `MAY_BE_COOKIE`. */
const MAY_BE_DISCLOSING = /pass|pwd|ssn|cvv|cvc|secret|otp|pepper|pin|hash|salt|token|key|code|number|card|security|tax|jwt|bearer|session|authorization|cookie|header/i;

/**
 * The words (or word starts) any match of `isGeneratedSecretName` holds beyond `isSecretName`'s; see
 * `MAY_BE_TOKEN`. Every name `isGeneratedSecretName` accepts matches it (usable in a selector).
 */
export const MAY_BE_GENERATED_SECRET = /otp|nonce|salt|pin|pass|jti|sid|verifier|code|invite|share|reset|magic|state|key|secret|token|jwt|bearer|session|pwd|authorization/i;

/** Words before `code` that make it something other than a one-time secret: `statusCode`, `colorCode`, `keyCode`. */
const NON_SECRET_CODE_MODIFIERS = set(`
  status color colour error err exit country lang language locale currency postal zip area http response
  char key source short referral ref product item sku hex qr bar event type unit qrcode barcode return
  exchange iso region state province city airport icao iata phone dial calling signature
`);

const GENERATED_SECRET_VOCABULARY: Vocabulary = {
  heads: set('otp otps totp hotp nonce cnonce salt pin passcode jti sid verifier'),
  guardedHeads: new Map([
    ['code', set('verification verify reset confirmation confirm activation invite invitation recovery backup otp mfa totp security auth authorization login signin sms email access one time pin magic pairing')],
    ['codes', set('verification recovery backup otp mfa totp')],
  ]),
  qualifiedHeads: new Map([
    ['id', set('invite invitation share reset magic')],
    ['link', set('invite invitation share reset magic login verification activation')],
    ['key', set('session auth invite share reset activation')],
    ['state', set('oauth csrf auth')],
  ]),
  negativeModifiers: NON_SECRET_CODE_MODIFIERS,
};

/**
 * True when the name denotes a value that must be unguessable when a program generates it:
 * everything `isSecretName` accepts (passwords, secrets, API and signing keys, tokens, session
 * ids) and one-time codes and single-use values: `otp`, `nonce`, `salt`, `pin`, `jti`, `sid`,
 * `codeVerifier`, `code` and `verificationCode`/`resetCode`/`inviteCode`, `inviteId`/`shareId`,
 * `resetLink`, `sessionKey`, `oauthState`. Not: `id`, `requestId`, `traceId`, `key`, `cacheKey`,
 * `statusCode`, `colorCode`, `keyCode`, `state`, `uuid`.
 */
export function isGeneratedSecretName(name: string): boolean {
  if (!MAY_BE_GENERATED_SECRET.test(name)) return false;
  const words = nameWords(name);
  return isSecretWords(name, words) || matchesWords(words, GENERATED_SECRET_VOCABULARY);
}

/** First words of a function that makes a value rather than reading one: `generateToken`, `makeOtp`. */
const GENERATOR_VERBS = set('generate gen make create new issue build mint compute produce');
/** Words that say the made value is random: `randomPassword`, `getRandomToken`, `createSecureCode`. */
const RANDOM_WORDS = set('random rand secure unique');

/**
 * True when a function name reads as a generator of a secret-like value: `generateToken`,
 * `makeOtp`, `randomPassword`, `createResetCode`, `genSalt`, `newSessionId`, `getRandomToken`,
 * `generateApiKey`. Not: `getToken` (reads one), `generateId`, `randomString`, `createUser`,
 * `generateRequestId`.
 */
export function isSecretGeneratorName(name: string): boolean {
  let words = nameWords(name);
  let made = false;
  if (words.length > 1 && GENERATOR_VERBS.has(words[0]!)) {
    made = true;
    words = words.slice(1);
  } else if (words.length > 2 && words[0] === 'get' && RANDOM_WORDS.has(words[1]!)) {
    words = words.slice(1);
  }
  while (words.length > 1 && RANDOM_WORDS.has(words[0]!)) {
    made = true;
    words = words.slice(1);
  }
  return made && isGeneratedSecretName(words.join('_'));
}

/** Plural heads: lists of secrets. */
const PLURAL_SECRET_HEADS = set('tokens secrets signatures passwords keys jwts codes otps sigs hmacs');

/** The words (or word starts) any match of `isComparedSecretName` holds beyond `isSecretName`'s. */
const MAY_BE_COMPARED_SECRET = /sig|hmac|otp|pin|code|csrf|xsrf|pass|secret|key|token|jwt|bearer|session|pwd|authorization/i;

const COMPARED_SECRET_VOCABULARY: Vocabulary = {
  heads: set('signature signatures sig hmac otp totp hotp passcode csrf xsrf'),
  guardedHeads: new Map([['pin', set('security user account card')]]),
  qualifiedHeads: new Map([
    ['code', set('verification verify reset confirmation confirm activation invite invitation recovery backup otp mfa totp security login signin sms email pin magic pairing')],
    ['digest', set('hmac signature')],
    ['key', set('session auth invite share reset activation webhook')],
  ]),
  negativeModifiers: set('public'),
};

/**
 * True when the name denotes a value whose equality check decides authentication and so must not
 * leak through timing: everything `isSecretName` accepts (passwords, secrets, API keys, tokens,
 * `authorization`), signatures and HMACs (`signature`, `x-hub-signature-256`, `stripe-signature`,
 * `hmac`, `sig`), one-time codes (`otp`, `verificationCode`, `resetCode`) and CSRF values. Not:
 * `hash`/`passwordHash` (a digest of the secret, not the secret), `digest` alone (checksums),
 * `code`, `key`, `nonce`, `state`, `publicKey`, `tokenType`, `sessionId`, lists (`tokens`, `callSignatures`).
 */
export function isComparedSecretName(name: string): boolean {
  if (!MAY_BE_COMPARED_SECRET.test(name)) return false;
  // Session ids are compared to tell sessions apart (`sessionId !== other.sessionId`), and looked up, not checked.
  const words = nameWords(name);
  const count = words.length;
  const last = words[count - 1];
  if (count > 1 && words[count - 2] === 'session' && (last === 'id' || last === 'ids')) return false;
  // A list (`tokens`, `callSignatures`, `apiKeys`) is compared by identity, never as a secret.
  if (PLURAL_SECRET_HEADS.has(last ?? '')) return false;
  return isSecretWords(name, words) || matchesWords(words, COMPARED_SECRET_VOCABULARY);
}

/** Names of objects that only hold settings: they add nothing to an environment variable's name. */
const SETTINGS_CONTAINERS = set('config conf cfg configuration settings options opts env environment constants defaults default app process this credentials creds auth');
/** Last words that say only "a secret": `password` becomes `DB_PASSWORD` inside `db`. */
const GENERIC_SECRET_WORDS = set('secret secrets password passwd pwd pass passphrase key token');

/**
 * An environment variable name for a value reached through `names` (outermost first):
 * `clientSecret` → `CLIENT_SECRET`, `db.password` → `DB_PASSWORD`, `config.session.secret` →
 * `SESSION_SECRET`, `x-api-key` → `X_API_KEY`; `fallback` when no name is usable.
 */
export function environmentName(names: readonly string[], fallback: string): string {
  const meaningful = names.filter((n) => nameWords(n).length > 0 && !SETTINGS_CONTAINERS.has(nameWords(n).join(' ')));
  const last = meaningful[meaningful.length - 1];
  if (!last) return fallback;
  const words = nameWords(last);
  const prefix = meaningful[meaningful.length - 2];
  const all = words.length === 1 && GENERIC_SECRET_WORDS.has(words[0]!) && prefix ? [...nameWords(prefix), ...words] : words;
  return all.join('_').toUpperCase();
}
