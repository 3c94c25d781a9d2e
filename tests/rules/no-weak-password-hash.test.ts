import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-weak-password-hash.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const CJS_PARSERS = [cjs, cjsAsModule];

const PASSWORD_SERVICE = `
import bcrypt from 'bcrypt';
import crypto from 'node:crypto';
const SALT_ROUNDS = 12;
export async function register(email: string, password: string) {
  const passwordHash = await bcrypt.hash(password, SALT_ROUNDS);
  const verificationToken = crypto.randomBytes(32).toString('hex');
  const tokenHash = crypto.createHash('sha256').update(verificationToken).digest('hex');
  return { email, passwordHash, tokenHash };
}
export async function login(user: { passwordHash: string }, password: string) {
  return bcrypt.compare(password, user.passwordHash);
}
`;

const ETAG_MIDDLEWARE = `
const crypto = require('crypto');
module.exports = function etag(req, res, next) {
  const send = res.send;
  res.send = function (body) {
    const hash = crypto.createHash('md5').update(typeof body === 'string' ? body : JSON.stringify(body)).digest('hex');
    res.setHeader('ETag', '"' + hash + '"');
    return send.call(this, body);
  };
  next();
};
`;
const MIN_COST_12: [{ minBcryptCost: number }] = [{ minBcryptCost: 12 }];

ruleTester.run('no-weak-password-hash', rule, {
  valid: [
    // careful code from a review: etags and cache keys of request data
    { code: "const crypto = require('crypto');\nconst etag = crypto.createHash('md5').update(JSON.stringify(body)).digest('hex');\nconst cacheKey = crypto.createHash('sha1').update(req.url).digest('hex');", languageOptions: cjs },
    // careful code from a review: bcrypt at cost 12
    { code: "import bcrypt from 'bcryptjs';\nexport async function signup(body) { return bcrypt.hash(body.password, 12); }", languageOptions: esm },
    // fast hashes of data that is not a password: etags, gravatar, cache keys, checksums, tokens
    { code: "import crypto from 'crypto'; const etag = crypto.createHash('md5').update(body).digest('hex');", languageOptions: esm },
    { code: "import { createHash } from 'node:crypto'; const gravatar = createHash('md5').update(email.trim().toLowerCase()).digest('hex');", languageOptions: esm },
    { code: "const crypto = require('crypto'); const key = crypto.createHash('sha1').update(JSON.stringify(query)).digest('hex');", languageOptions: cjs },
    { code: "import crypto from 'crypto'; export const hashToken = (token) => crypto.createHash('sha256').update(token).digest('hex');", languageOptions: esm },
    { code: "import crypto from 'crypto'; const h = crypto.createHash('sha256'); h.update(apiKey); const stored = h.digest('hex');", languageOptions: ts },
    { code: "import crypto from 'crypto'; const sum = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');", languageOptions: esm },
    { code: "import md5 from 'md5'; const avatar = `https://www.gravatar.com/avatar/${md5(user.email)}`;", languageOptions: esm },
    { code: "import CryptoJS from 'crypto-js'; const id = CryptoJS.SHA256(JSON.stringify(payload)).toString();", languageOptions: esm },
    // HMAC of non-passwords (webhooks, signed cookies)
    { code: "import crypto from 'crypto'; const sig = crypto.createHmac('sha256', secret).update(rawBody).digest('hex');", languageOptions: esm },
    // names that mention a password but are not one
    { code: "import crypto from 'crypto'; crypto.createHash('sha256').update(passwordResetToken).digest('hex');", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.createHash('sha256').update(user.passwordHash).digest('hex');", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.createHash('sha1').update(passport.id).digest('hex');", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.createHash('sha256').update(String(passwordPolicy.version)).digest('hex');", languageOptions: esm },
    // a generated password is random text, not chosen by a person
    {
      code: "import crypto from 'crypto'; const password = crypto.randomBytes(24).toString('hex'); const digest = crypto.createHash('sha256').update(password).digest('hex');",
      languageOptions: esm,
    },
    // not node's crypto: a local object or an unresolved one
    { code: "const hasher = { createHash() { return { update() {} }; } }; hasher.createHash('md5').update(password);", languageOptions: esm },
    { code: "function md5(x) { return x; } md5(password);", languageOptions: esm },
    { code: "import { md5 } from './utils'; md5(password);", languageOptions: esm },
    // password hashes with adequate cost
    { code: "import bcrypt from 'bcrypt'; const hash = await bcrypt.hash(password, 12);", languageOptions: esm },
    { code: "const bcrypt = require('bcryptjs'); const salt = bcrypt.genSaltSync(10); const hash = bcrypt.hashSync(password, salt);", languageOptions: cjs },
    { code: "import bcrypt from 'bcrypt'; const salt = await bcrypt.genSalt(); const hash = await bcrypt.hash(password, salt);", languageOptions: esm },
    { code: "import bcrypt from 'bcrypt'; const hash = await bcrypt.hash(password, Number(process.env.BCRYPT_ROUNDS));", languageOptions: esm },
    { code: "import { hash } from '@node-rs/bcrypt'; await hash(password);", languageOptions: ts },
    { code: "import { hash } from '@node-rs/bcrypt'; await hash(password, 10);", languageOptions: ts },
    { code: "import argon2 from 'argon2'; await argon2.hash(password);", languageOptions: esm },
    { code: "import argon2 from 'argon2'; await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });", languageOptions: esm },
    // realworld: actual-argon2-47mib
    { code: "import argon2 from 'argon2'; const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 47104, timeCost: 1, parallelism: 1 }; argon2.hash(password, ARGON2_OPTIONS);", languageOptions: esm },
    { code: "import { hash, Algorithm } from '@node-rs/argon2'; await hash(password, { algorithm: Algorithm.Argon2id });", languageOptions: ts },
    { code: "import argon2 from 'argon2'; await argon2.hash(password, options);", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.pbkdf2Sync(password, salt, 210_000, 64, 'sha512');", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.pbkdf2(password, salt, iterations, 64, 'sha512', cb);", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.pbkdf2(password, salt, 1000, 64, digest, cb);", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.scryptSync(password, salt, 64, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.scryptSync(password, salt, 64, { N: 32768, r: 8, p: 3, maxmem: 64 * 1024 * 1024 });", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.scrypt(password, salt, 64, scryptOptions, cb);", languageOptions: esm },
    // KDFs over random tokens need no work factor
    { code: "import crypto from 'crypto'; crypto.scryptSync(refreshToken, salt, 64);", languageOptions: esm },
    { code: "import bcrypt from 'bcrypt'; await bcrypt.hash(resetToken, 8);", languageOptions: esm },
    // realworld: sha256-prehash-before-bcrypt
    {
      code: "import * as bcrypt from 'bcrypt'; import { sha256 } from 'js-sha256'; export async function hashPassword(password) { if (!/^[a-f0-9]{64}$/i.test(password)) password = sha256(password); return bcrypt.hash(password, 12); }",
      languageOptions: ts,
    },
    // a legacy fast hash checked while passwords move to a slow hash
    {
      code: "import crypto from 'crypto'; import argon2 from 'argon2'; export async function check(user, password) { if (user.legacy) return user.hash === crypto.createHash('md5').update(password).digest('hex'); return argon2.verify(user.hash, password); }",
      languageOptions: esm,
    },
    { code: "const bcrypt = require('bcryptjs'); const sha = require('js-sha256'); exports.login = async (u, pw) => bcrypt.compare(sha(pw), u.password);", languageOptions: cjs },
    // digests of both sides of a constant-time comparison: nothing is stored
    {
      code: "import crypto from 'crypto'; const digest = (v) => crypto.createHash('sha256').update(v).digest(); export const isAdmin = (password) => crypto.timingSafeEqual(crypto.createHash('sha256').update(password).digest(), digest(process.env.ADMIN_TOKEN));",
      languageOptions: esm,
    },
    {
      code: "import { createHash, timingSafeEqual } from 'crypto'; export function check(password) { const given = createHash('sha256').update(password).digest('hex'); return timingSafeEqual(Buffer.from(given), Buffer.from(createHash('sha256').update(process.env.APP_PASSWORD).digest('hex'))); }",
      languageOptions: ts,
    },
    // protocols that hash a password fast by definition: Have I Been Pwned ranges, HTTP Digest HA1
    {
      code: "import crypto from 'crypto'; export async function isPwned(password) { const sha = crypto.createHash('sha1').update(password).digest('hex').toUpperCase(); const res = await fetch(`https://api.pwnedpasswords.com/range/${sha.slice(0, 5)}`); return (await res.text()).includes(sha.slice(5)); }",
      languageOptions: esm,
    },
    { code: "import crypto from 'crypto'; const ha1 = crypto.createHash('md5').update(`${username}:${realm}:${password}`).digest('hex');", languageOptions: esm },
    // whole modules
    { code: PASSWORD_SERVICE, languageOptions: ts },
    { code: ETAG_MIDDLEWARE, languageOptions: cjs },
    { code: ETAG_MIDDLEWARE, languageOptions: cjsAsModule },
    ...acrossParsers([
      // hashes of tokens, ids and content
      { code: "import crypto from 'crypto'; const key = crypto.createHash('sha256').update(token + process.env.PEPPER).digest('hex');" },
      { code: "import crypto from 'crypto'; const seed = crypto.createHash('sha256').update(`${user.email}:${Date.now()}`).digest('hex');" },
      { code: "import crypto from 'crypto'; const v = crypto.createHash('sha256').update(`${user.id}:${user.passwordChangedAt}`).digest('hex');" },
      { code: "import crypto from 'crypto'; const h = crypto.createHash('md5').update(passwordField.name).digest('hex');" },
      { code: "import crypto from 'crypto'; const h = crypto.createHash('sha1').update(bypassCode).digest('hex');" },
      { code: "import crypto from 'crypto'; crypto.createHash('sha256').update(JSON.stringify({ hasPassword: !!user.password })).digest('hex');" },
      { code: "import { sha256 } from 'js-sha256'; const checksum = sha256(fileContents);" },
      // slow hashes and checks with defaults or adequate settings (uptime-kuma style cost constant)
      { code: "import bcrypt from 'bcryptjs'; const saltRounds = 10; export const generate = (password) => bcrypt.hashSync(password, saltRounds);" },
      { code: "import bcrypt from 'bcryptjs'; export const check = (password, hash) => bcrypt.compareSync(password, hash);" },
      { code: "import argon2 from 'argon2'; export const check = (hash, password) => argon2.verify(hash, password);" },
      { code: "import crypto from 'crypto'; crypto.pbkdf2Sync(password, salt, 1300000, 64, 'sha1');" },
      { code: "import crypto from 'crypto'; crypto.pbkdf2Sync(password, salt, 310000, 32, 'sha384');" },
      // Web Crypto PBKDF2 with enough iterations, other derivations
      { code: "const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: { name: 'SHA-512' }, salt, iterations: 210000 }, key, 512);" },
      { code: "const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: peerKey }, privateKey, 256);" },
      { code: "const key = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, master, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);" },
      // key derivation from key material, not a password
      { code: "import crypto from 'crypto'; const key = crypto.scryptSync(process.env.ENCRYPTION_KEY, 'salt', 32);" },
      { code: "import crypto from 'crypto'; const key = crypto.pbkdf2Sync(masterSecret, salt, 1000, 32, 'sha256');" },
      { code: "import { scrypt } from 'crypto'; export const derive = (apiKey, salt, cb) => scrypt(apiKey, salt, 64, cb);" },
    ]),
    // strange code
    { code: "import crypto from 'crypto'; crypto.createHash(...args).update(password);", languageOptions: esm },
    { code: "import bcrypt from 'bcrypt'; bcrypt.hash(...[password, 4]);", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto?.['createHash']?.(alg)?.update?.(data);", languageOptions: ts },
    { code: "import crypto = require('crypto'); const h = crypto.createHash('sha256') satisfies unknown; export {};", languageOptions: ts },
    { code: "@decorate class A { hash(password) { return new.target; } }", languageOptions: ts },
    { code: '', languageOptions: esm },
    { code: "import crypto from 'crypto'; const k = { [crypto.createHash('md5').update(x).digest('hex')]: 1 };", languageOptions: esm },
  ],
  invalid: [
    // fast hashes of passwords: node crypto
    ...acrossParsers([
      {
        code: "import crypto from 'crypto'; const hash = crypto.createHash('sha256').update(password).digest('hex');",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.createHash', data: 'password', algorithm: 'sha256' } }],
      },
      {
        code: "import { createHash } from 'node:crypto'; export function hashPassword(pw, salt) { return createHash('sha512').update(`${salt}${pw}`).digest('hex'); }",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.createHash', data: 'pw', algorithm: 'sha512' } }],
      },
      {
        code: "import * as crypto from 'crypto'; const h = crypto.createHash('md5'); h.update(req.body.password + SALT); const stored = h.digest('hex');",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.createHash', data: 'req.body.password', algorithm: 'md5' } }],
      },
      {
        code: "import crypto from 'crypto'; const { newPassword } = req.body; user.hash = crypto.createHash('sha1').update(salt).update(newPassword, 'utf8').digest('hex');",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.createHash', data: 'newPassword', algorithm: 'sha1' } }],
      },
      {
        code: "import crypto from 'crypto'; const digest = crypto.createHmac('sha256', PEPPER).update(user.password).digest('hex');",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.createHmac', data: 'user.password', algorithm: 'HMAC-sha256' } }],
      },
      {
        code: "import md5 from 'md5'; const stored = md5(password);",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'md5()', data: 'password', algorithm: 'md5' } }],
      },
      {
        code: "import CryptoJS from 'crypto-js'; const stored = CryptoJS.SHA256(password + salt).toString();",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'CryptoJS.SHA256', data: 'password', algorithm: 'sha256' } }],
      },
      {
        code: "import { sha256 } from 'js-sha256'; const stored = sha256(input.passwd);",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'js-sha256.sha256', data: 'input.passwd', algorithm: 'sha256' } }],
      },
      {
        code: "const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(password));",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.subtle.digest', data: 'password', algorithm: 'SHA-256' } }],
      },
    ]),
    ...acrossParsers(
      [
        {
          code: "const crypto = require('crypto'); module.exports = (password) => crypto.createHash('sha256').update(password).digest('base64');",
          errors: [{ messageId: 'fastHash' as const }],
        },
        {
          code: "const sha1 = require('sha1'); exports.check = (user, pass) => user.hash === sha1(pass);",
          errors: [{ messageId: 'fastHash' as const, data: { call: 'sha1()', data: 'pass', algorithm: 'sha1' } }],
        },
        {
          code: "const bcrypt = require('bcryptjs'); exports.hash = (password) => bcrypt.hashSync(password, 8);",
          errors: [{ messageId: 'bcryptCost' as const, suggestions: [{ messageId: 'raiseCost' as const, output: "const bcrypt = require('bcryptjs'); exports.hash = (password) => bcrypt.hashSync(password, 10);" }] }],
        },
      ],
      CJS_PARSERS,
    ),
    // bcrypt costs
    ...acrossParsers([
      {
        // a stored fast digest of the password, compared in constant time, is still a fast hash
        code: "import { createHash, timingSafeEqual } from 'crypto'; export function check(password) { const given = createHash('sha256').update(password).digest('hex'); return timingSafeEqual(Buffer.from(given), Buffer.from(STORED_HASH)); }",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.createHash', data: 'password', algorithm: 'sha256' } }],
      },
      {
        code: "import crypto from 'crypto'; export async function check(user, password) { const given = crypto.createHash('sha256').update(password).digest(); return crypto.timingSafeEqual(given, await loadStoredHash(user)); }",
        errors: [{ messageId: 'fastHash' as const, data: { call: 'crypto.createHash', data: 'password', algorithm: 'sha256' } }],
      },
      {
        code: "import bcrypt from 'bcrypt'; const hash = await bcrypt.hash(password, 8);",
        errors: [
          {
            messageId: 'bcryptCost' as const,
            data: { call: 'bcrypt.hash', cost: '8', min: '10' },
            suggestions: [{ messageId: 'raiseCost' as const, data: { value: '10' }, output: "import bcrypt from 'bcrypt'; const hash = await bcrypt.hash(password, 10);" }],
          },
        ],
      },
      {
        code: "import bcrypt from 'bcrypt'; const SALT_ROUNDS = 6; const salt = await bcrypt.genSalt(SALT_ROUNDS); const hash = await bcrypt.hash(password, salt);",
        errors: [
          {
            messageId: 'bcryptCost' as const,
            suggestions: [{ messageId: 'raiseCost' as const, output: "import bcrypt from 'bcrypt'; const SALT_ROUNDS = 10; const salt = await bcrypt.genSalt(SALT_ROUNDS); const hash = await bcrypt.hash(password, salt);" }],
          },
        ],
      },
      {
        code: "import bcrypt from 'bcrypt'; const hash = await bcrypt.hash(password, 10);",
        options: MIN_COST_12,
        errors: [{ messageId: 'bcryptCost' as const, data: { call: 'bcrypt.hash', cost: '10', min: '12' }, suggestions: [{ messageId: 'raiseCost' as const, output: "import bcrypt from 'bcrypt'; const hash = await bcrypt.hash(password, 12);" }] }],
      },
      {
        code: "import bcrypt from 'bcryptjs'; const salt = await bcrypt.genSalt(); const hash = await bcrypt.hash(password, salt);",
        options: MIN_COST_12,
        errors: [
          {
            messageId: 'bcryptDefaultCost' as const,
            data: { call: 'bcryptjs.genSalt', cost: '10', min: '12' },
            suggestions: [{ messageId: 'raiseCost' as const, output: "import bcrypt from 'bcryptjs'; const salt = await bcrypt.genSalt(12); const hash = await bcrypt.hash(password, salt);" }],
          },
        ],
      },
      {
        code: "import bcrypt from 'bcrypt'; bcrypt.genSalt((err, salt) => bcrypt.hash(password, salt, done));",
        options: MIN_COST_12,
        errors: [{ messageId: 'bcryptDefaultCost' as const, suggestions: [{ messageId: 'raiseCost' as const, output: "import bcrypt from 'bcrypt'; bcrypt.genSalt(12, (err, salt) => bcrypt.hash(password, salt, done));" }] }],
      },
    ]),
    // argon2
    ...acrossParsers([
      {
        code: "import argon2 from 'argon2'; await argon2.hash(password, { type: argon2.argon2i });",
        errors: [{ messageId: 'argon2Variant' as const, data: { call: 'argon2.hash', variant: 'argon2i' } }],
      },
      {
        code: "import { hash, Algorithm } from '@node-rs/argon2'; await hash(password, { algorithm: Algorithm.Argon2d });",
        errors: [{ messageId: 'argon2Variant' as const, data: { call: '@node-rs/argon2.hash', variant: 'argon2d' } }],
      },
      {
        code: "import argon2 from 'argon2'; await argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 3 });",
        errors: [
          {
            messageId: 'argon2Cost' as const,
            data: { call: 'argon2.hash', memory: '4,096', time: '3', plural: 'es' },
            suggestions: [{ messageId: 'raiseCost' as const, output: "import argon2 from 'argon2'; await argon2.hash(password, { type: argon2.argon2id, memoryCost: 12288, timeCost: 3 });" }],
          },
        ],
      },
      {
        code: "import * as argon2 from 'argon2'; const OPTS = { memoryCost: 2 ** 14, timeCost: 1 }; await argon2.hash(password, OPTS);",
        errors: [{ messageId: 'argon2Cost' as const, data: { call: 'argon2.hash', memory: '16,384', time: '1', plural: '' }, suggestions: [] }],
      },
    ]),
    // pbkdf2 and scrypt
    ...acrossParsers([
      {
        code: "import crypto from 'crypto'; const key = crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha512');",
        errors: [
          {
            messageId: 'pbkdf2Iterations' as const,
            data: { call: 'crypto.pbkdf2Sync', iterations: '10,000', digest: 'SHA512', min: '210,000' },
            suggestions: [{ messageId: 'raiseCost' as const, output: "import crypto from 'crypto'; const key = crypto.pbkdf2Sync(password, salt, 210000, 64, 'sha512');" }],
          },
        ],
      },
      {
        code: "import { pbkdf2 } from 'node:crypto'; import { promisify } from 'node:util'; const derive = promisify(pbkdf2); const ITERATIONS = 100000; await derive(password, salt, ITERATIONS, 32, 'sha256');",
        errors: [
          {
            messageId: 'pbkdf2Iterations' as const,
            data: { call: 'crypto.pbkdf2', iterations: '100,000', digest: 'SHA256', min: '600,000' },
            suggestions: [{ messageId: 'raiseCost' as const, output: "import { pbkdf2 } from 'node:crypto'; import { promisify } from 'node:util'; const derive = promisify(pbkdf2); const ITERATIONS = 600000; await derive(password, salt, ITERATIONS, 32, 'sha256');" }],
          },
        ],
      },
      {
        code: "const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']); const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100000 }, key, 256);",
        errors: [
          {
            messageId: 'pbkdf2Iterations' as const,
            data: { call: 'crypto.subtle.deriveBits', iterations: '100,000', digest: 'SHA-256', min: '600,000' },
            suggestions: [{ messageId: 'raiseCost' as const, output: "const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']); const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, key, 256);" }],
          },
        ],
      },
      {
        code: "import crypto from 'crypto'; crypto.scrypt(password, salt, 64, (err, key) => done(key));",
        errors: [{ messageId: 'scryptCost' as const, data: { call: 'crypto.scrypt', N: '16,384', r: '8', p: '1', defaults: " (Node's defaults)" } }],
      },
      {
        code: "import { scryptSync } from 'crypto'; const SCRYPT = { N: 16384, r: 16, p: 1 }; scryptSync(password, salt, 64, SCRYPT);",
        errors: [{ messageId: 'scryptCost' as const, data: { call: 'crypto.scryptSync', N: '16,384', r: '16', p: '1', defaults: '' } }],
      },
      {
        // one finding for a setting shared by the hashing and the verifying call
        code: "import crypto from 'crypto'; const PARAMS = { N: 16384, r: 16, p: 1 }; export const hash = (password, salt) => crypto.scryptSync(password, salt, 64, PARAMS); export const verify = (password, salt) => crypto.scryptSync(password, salt, 64, PARAMS);",
        errors: [{ messageId: 'scryptCost' as const, line: 1, column: 150 }],
      },
    ]),
  ],
});
