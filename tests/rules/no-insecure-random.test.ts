import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-insecure-random.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const error = (sink: string, line?: number) => ({ messageId: 'insecureRandom' as const, data: { sink }, ...(line === undefined ? {} : { line }) });

ruleTester.run('no-insecure-random', rule, {
  valid: [
    // careful code from a review: jitter, request ids, shuffles and picks
    { code: "const jitter = Math.floor(Math.random() * 1000);\nconst requestId = Math.random().toString(36).slice(2);\nfunction shuffle(list) { return list.sort(() => Math.random() - 0.5); }\nconst pick = colors[Math.floor(Math.random() * colors.length)];\nsetTimeout(retry, jitter);", languageOptions: cjs },
    // careful code from a review: a reset code from crypto.randomInt
    { code: "const crypto = require('crypto');\nfunction generateResetCode() { return crypto.randomInt(100000, 999999).toString(); }", languageOptions: cjs },
    // crypto generators
    { code: "import { randomBytes } from 'node:crypto'; const token = randomBytes(32).toString('hex');", languageOptions: esm },
    { code: "const crypto = require('crypto'); const otp = crypto.randomInt(0, 1000000).toString().padStart(6, '0');", languageOptions: cjs },
    { code: "import { randomUUID } from 'crypto'; export const sessionId = randomUUID();", languageOptions: ts },
    { code: "import { v4 as uuid } from 'uuid'; const inviteCode = uuid();", languageOptions: esm },
    { code: "const nonce = crypto.getRandomValues(new Uint8Array(16));", languageOptions: esm },
    // jitter, backoff, sampling, scheduling
    { code: 'const delay = base * 2 ** attempt + Math.floor(Math.random() * 1000); setTimeout(retry, delay);', languageOptions: esm },
    { code: 'const jitter = Math.random() * 100; const backoffMs = 500 + jitter;', languageOptions: esm },
    { code: 'if (Math.random() < sampleRate) span.record();', languageOptions: esm },
    { code: 'const s = Math.floor(Math.random() * 60); const m = Math.floor(Math.random() * 60); schedule(`${s} ${m} * * * *`);', languageOptions: cjs },
    // ids that are not credentials
    { code: 'const requestId = Math.random().toString(36).slice(2); logger.info({ requestId });', languageOptions: esm },
    { code: "const traceId = Math.random().toString(16).slice(2); headers['x-trace-id'] = traceId;", languageOptions: esm },
    { code: 'const id = Math.random().toString(36).substring(2, 9); el.id = `tooltip-${id}`;', languageOptions: esm },
    { code: "const correlationId = `${Date.now()}-${Math.random()}`;", languageOptions: esm },
    { code: 'const key = Math.random().toString(36); cache.set(key, value);', languageOptions: esm },
    { code: "const uuid = 'xxxxxxxx-xxxx-4xxx'.replace(/x/g, () => ((Math.random() * 16) | 0).toString(16)); el.dataset.uuid = uuid;", languageOptions: esm },
    // request-signing nonces only need to be unique (the API signs them with a secret)
    { code: "const params = { SignatureMethod: 'HMAC-SHA1', SignatureNonce: Math.random().toString(), Timestamp: new Date().toISOString() };", languageOptions: cjs },
    // a hand-written uuid for a file name; a worker id; a colour index
    { code: "const name = new Array(32).fill(0).map(() => Math.round(Math.random() * 16).toString(16)).join(''); fs.writeFileSync(`/tmp/${name}`, data);", languageOptions: ts },
    { code: 'function allocateWorkerId() { return Math.floor(Math.random() * 32); }', languageOptions: cjs },
    { code: "const author = { colorId: Math.floor(Math.random() * palette.length), name };", languageOptions: cjs },
    { code: 'const randNum = Math.floor(Math.random() * 0xFFFFFFFF); const srcFile = `${tmpDirectory}/etherpad_export_${randNum}`;', languageOptions: cjs },
    { code: "const roomCode = Math.random().toString(36).slice(2, 6); const shortCode = Math.random().toString(36).slice(2, 8);", languageOptions: esm },
    // colours, shuffles, ports, temporary files, cache busting, UI
    { code: "const colorCode = '#' + Math.floor(Math.random() * 0xffffff).toString(16);", languageOptions: esm },
    { code: 'const shuffled = [...items].sort(() => Math.random() - 0.5);', languageOptions: esm },
    { code: 'const port = 3000 + Math.floor(Math.random() * 1000);', languageOptions: esm },
    { code: 'const tmpPath = `${target}.tmp.${process.pid}.${Math.random().toString(36).slice(2)}`;', languageOptions: cjs },
    { code: "const url = `/app.js?v=${Math.random().toString(36).slice(2)}`;", languageOptions: esm },
    { code: 'const statusCode = Math.random() > 0.5 ? 200 : 500;', languageOptions: esm },
    { code: 'const colorId = Math.floor(Math.random() * palette.length);', languageOptions: cjs },
    // a secret-named value that does not come from Math.random
    { code: 'const token = Math.random() > 2 ? a : b;', languageOptions: esm },
    { code: "const password = generatePassword(); const rnd = Math.random();", languageOptions: esm },
    { code: "function generateToken() { return crypto.randomBytes(16).toString('hex'); } const jitter = Math.random();", languageOptions: esm },
    // generator-named functions that return something else; readers named like tokens
    { code: 'function getToken() { const wait = Math.random() * 10; return store.token; }', languageOptions: esm },
    { code: 'function randomString(n) { return Math.random().toString(36).slice(2, 2 + n); } const fileName = randomString(8);', languageOptions: esm },
    { code: 'function generateId() { return Math.random().toString(36).slice(2); }', languageOptions: esm },
    // a local `Math`, not the global
    { code: "const Math = { random: () => 4 }; const token = Math.random().toString(36);", languageOptions: esm },
    // a token read, not made
    { code: 'const token = req.headers.authorization; const n = Math.random();', languageOptions: esm },
    { code: "res.cookie('theme', Math.random() > 0.5 ? 'dark' : 'light');", languageOptions: esm },
    // careful code: secure generators everywhere a secret is made
    { code: "import crypto from 'node:crypto'; export function generateToken() { return crypto.randomBytes(32).toString('base64url'); }", languageOptions: esm },
    { code: "const { randomInt } = require('crypto'); function makeOtp() { return String(randomInt(0, 1e6)).padStart(6, '0'); }", languageOptions: cjs },
    { code: "import { randomUUID } from 'crypto'; res.cookie('sid', randomUUID(), { httpOnly: true, secure: true });", languageOptions: esm },
    { code: "import { nanoid } from 'nanoid'; const inviteCode = nanoid(12);", languageOptions: esm },
    { code: "import { customAlphabet } from 'nanoid'; const createCode = customAlphabet('0123456789', 6); const code = createCode();", languageOptions: ts },
    { code: "const bytes = crypto.getRandomValues(new Uint32Array(4)); const nonce = Array.from(bytes, (b) => b.toString(16)).join('');", languageOptions: esm },
    { code: "import bcrypt from 'bcrypt'; const salt = await bcrypt.genSalt(12); const password = await bcrypt.hash(input, salt);", languageOptions: esm },
    { code: "import { randomBytes } from 'crypto'; user.resetToken = randomBytes(20).toString('hex'); user.resetExpires = Date.now() + 3600e3 * Math.random();", languageOptions: ts },
    // Math.random elsewhere in files that make secrets securely
    { code: "import { randomBytes } from 'crypto'; const token = randomBytes(16).toString('hex'); const retryIn = Math.floor(Math.random() * 500);", languageOptions: esm },
    { code: "const password = process.env.ADMIN_PASSWORD; const wait = 100 * Math.random(); setTimeout(() => login(password), wait);", languageOptions: cjs },
    { code: "const sampled = Math.random() < 0.01; const token = req.headers.authorization; if (sampled) log(token.length);", languageOptions: esm },
    // game, UI and simulation values
    { code: "const dice = 1 + Math.floor(Math.random() * 6); const card = deck[Math.floor(Math.random() * deck.length)];", languageOptions: esm },
    { code: "const avatarColor = COLORS[Math.floor(Math.random() * COLORS.length)]; const placeholder = `User ${Math.floor(Math.random() * 1000)}`;", languageOptions: esm },
    { code: "const quote = quotes[Math.floor(Math.random() * quotes.length)]; res.json({ quote });", languageOptions: cjs },
    { code: "const sessionDurationMs = 60000 + Math.random() * 60000; const tokenRefreshDelay = Math.random() * 1000;", languageOptions: ts },
    { code: "const keyCode = 65 + Math.floor(Math.random() * 26); const countryCode = CODES[Math.floor(Math.random() * CODES.length)];", languageOptions: esm },
    { code: "function randomDelay() { return Math.random() * 300; } const cookieMaxAge = randomDelay();", languageOptions: esm },
    { code: "const name = `upload-${Date.now()}-${Math.round(Math.random() * 1e9)}${path.extname(file.originalname)}`; cb(null, name);", languageOptions: cjs },
    { code: "res.cookie('ab_variant', Math.random() < 0.5 ? 'a' : 'b');", languageOptions: esm },
    { code: "const secretCount = Math.floor(Math.random() * 3); const tokenIndex = Math.floor(Math.random() * tokens.length);", languageOptions: esm },
    // test data generators named like secrets but never reaching one
    { code: "function generateTokenLabel() { return `label-${Math.random()}`; }", languageOptions: esm },
    { code: "const otpLength = 6 + Math.floor(Math.random() * 2); const otp = crypto.randomInt(10 ** (otpLength - 1), 10 ** otpLength);", languageOptions: cjs },
    { code: "export const jitteredBackoff = (attempt: number): number => Math.min(30_000, 2 ** attempt * 100) * (0.5 + Math.random());", languageOptions: ts },
    { code: "const sampleRate = Number(process.env.SAMPLE_RATE); export const shouldTrace = () => Math.random() < sampleRate;", languageOptions: ts },
    { code: "const idx = Math.floor(Math.random() * servers.length); const apiKey = servers[0].apiKey;", languageOptions: esm },
    { code: "const demoUser = { name: faker.person.fullName(), age: Math.floor(Math.random() * 80) };", languageOptions: esm },
    { code: "const password = await prompt('Password: '); const spinnerFrame = frames[Math.floor(Math.random() * frames.length)];", languageOptions: esm },
    { code: "const token = await getToken(); const delayMs = Math.random() * 1000; await sleep(delayMs); use(token);", languageOptions: esm },
    { code: "const session = store.get(sid); const ttl = 3600 + Math.floor(Math.random() * 600); store.expire(sid, ttl);", languageOptions: cjs },
    { code: "const pinPosition = { x: Math.random() * width, y: Math.random() * height }; map.addPin(pinPosition);", languageOptions: esm },
    { code: "const mockToken = 'test-token'; const latency = Math.random() * 50;", languageOptions: esm },
    // strange code
    { code: '', languageOptions: esm },
    { code: 'const token = Math.random', languageOptions: esm },
    { code: 'const { token = Math.random() } = opts;', languageOptions: esm },
    { code: "class A { static #token = 1; random() { return this.#token; } }", languageOptions: ts },
    { code: "@Injectable() class S { token = Math.random() > 0.5; }", languageOptions: ts },
    { code: 'const token = (Math.random() satisfies number) > 0.5;', languageOptions: ts },
    { code: 'const password = Math?.random?.() < 0.5;', languageOptions: esm },
    { code: 'import m = require("m"); const otp = m.random(...args);', languageOptions: ts },
    { code: 'function f() { return new.target; } const secret = [...Math.random.toString()];', languageOptions: esm },
    { code: "const o = { ['token' + x]: Math.random() };", languageOptions: esm },
    { code: "const Math = { random: () => 4 }; const token = Math.random().toString(36);", languageOptions: esm },
    { code: "function f(Math) { const otp = Math.floor(Math.random() * 1e6); }", languageOptions: cjs },
    { code: "const token = Math.floor(Date.now() / 1000).toString(36); const n = Math[key]();", languageOptions: esm },
    { code: "user[token] = Math.random().toString(36); const o = { [secret]: Math.random() };", languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers(
      [
        {
          // the classic alphabet loop
          code: `function generateToken(length) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let token = '';
  for (let i = 0; i < length; i++) {
    token += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return token;
}`,
          errors: [{ ...error('`token`'), line: 5 }],
        },
        {
          code: 'const otp = Math.floor(100000 + Math.random() * 900000);',
          errors: [error('`otp`')],
        },
        {
          code: 'user.resetToken = Math.random().toString(36).substring(2);\nuser.save();',
          errors: [error('`resetToken`')],
        },
        {
          code: "const password = Math.random().toString(36).slice(-10);\nUser.create({ email, password });",
          errors: [error('`password`')],
        },
        {
          code: "function randomString(n) {\n  return Array.from({ length: n }, () => Math.random().toString(36)[2]).join('');\n}\nconst apiKey = randomString(32);",
          errors: [{ ...error('`apiKey` (line 4)'), line: 2 }],
        },
        {
          code: "const makeOtp = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');",
          errors: [error('the value `makeOtp()` returns')],
        },
        {
          code: "res.cookie('sid', Math.random().toString(36).slice(2), { httpOnly: true });",
          errors: [error('the `sid` cookie')],
        },
        {
          code: "const rand = Math.random;\nconst code = String(rand()).slice(2, 8);\nsendSms(phone, code);",
          errors: [error('`code`')],
        },
        {
          code: "const { random } = Math;\nconst sessionId = [...Array(24)].map(() => random().toString(16)[3]).join('');",
          errors: [error('`sessionId`')],
        },
        {
          code: "const token = jwt.sign({ sub: user.id, jti: Math.random().toString(36).slice(2) }, secret);",
          errors: [error('`jti`')],
        },
        {
          code: "const parts = [];\nfor (let i = 0; i < 4; i++) parts.push(Math.floor(Math.random() * 10));\nconst pin = parts.join('');",
          errors: [{ ...error('`pin` (line 3)'), line: 2 }],
        },
        {
          code: "const inviteCode = 'xxxx-xxxx'.replace(/x/g, () => ((Math.random() * 36) | 0).toString(36));",
          errors: [error('`inviteCode`')],
        },
        {
          code: 'class Invites {\n  create(email) {\n    return this.repo.insert({ email, verificationCode: Math.floor(Math.random() * 999999) });\n  }\n}',
          errors: [error('`verificationCode`')],
        },
        {
          code: "user.setPassword(Math.random().toString(36).slice(2));",
          errors: [error('the value given to `setPassword()`')],
        },
        {
          code: "const nonce = Buffer.from(String(Math.random())).toString('base64');",
          errors: [error('`nonce`')],
        },
      ],
      [esm, cjs, cjsAsModule, ts],
    ),
    {
      code: "import crypto from 'node:crypto';\nexport function createResetCode(): string {\n  return (Math.random() * 1e8).toFixed(0);\n}",
      languageOptions: ts,
      errors: [error('the value `createResetCode()` returns')],
    },
    {
      code: 'const salt = `${Date.now()}${Math.random()}`; const hash = sha256(salt + password);',
      languageOptions: esm,
      errors: [error('`salt`')],
    },
    {
      // names reached through strings, templates, escapes and type assertions
      code: [
        "user['resetToken'] = Math.random().toString(36);",
        'const o = { [`apiKey`]: Math.random().toString(36), "x-csrf-token": String(Math.random()) };',
        '(user as any).sessionToken = Math.random().toString(16);',
        "(res.cookie as any)('sid', Math.random().toString(36));",
        "res['setCookie']('session', Math.random().toString(36));",
        "ctx.cookies.set('auth', Math.random().toString(36));",
        "class S { secret = String(Math['rand\\u006fm']()); }",
        'const t\\u006fken = (Math as Math).random().toString(36);',
        "const generateNonce = function () { return Math.random().toString(36); };",
      ].join('\n'),
      languageOptions: ts,
      errors: [
        error('`resetToken`'),
        error('`apiKey`'),
        error('`x-csrf-token`'),
        error('`sessionToken`'),
        error('the `sid` cookie'),
        error('the `session` cookie'),
        error('the `auth` cookie'),
        error('`secret`'),
        error('`token`'),
        error('the value `generateNonce()` returns'),
      ],
    },
    {
      // one report per Math.random() call, at the first value it makes
      code: "function genSecret() { return Math.random().toString(36).slice(2); }\nconst clientSecret = genSecret();\nconst webhookSecret = genSecret();",
      languageOptions: esm,
      errors: [{ ...error('the value `genSecret()` returns'), line: 1 }],
    },
  ],
});
