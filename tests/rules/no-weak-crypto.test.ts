import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-weak-crypto.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const CJS_PARSERS = [cjs, cjsAsModule];

const NODE_RED_CREDENTIALS = `
var crypto = require('crypto');
var encryptionAlgorithm = 'aes-256-ctr';
function decryptCredentials(key, credentials) {
  var creds = credentials['$'];
  var initVector = Buffer.from(creds.substring(0, 32), 'hex');
  creds = creds.substring(32);
  var decipher = crypto.createDecipheriv(encryptionAlgorithm, key, initVector);
  return JSON.parse(decipher.update(creds, 'base64', 'utf8') + decipher.final('utf8'));
}
function encryptCredentials(key, credentials) {
  var initVector = crypto.randomBytes(16);
  var cipher = crypto.createCipheriv(encryptionAlgorithm, key, initVector);
  return { $: initVector.toString('hex') + cipher.update(JSON.stringify(credentials), 'utf8', 'base64') + cipher.final('base64') };
}
`;

const AES_ENCRYPTOR_CLASS = `
import crypto from 'node:crypto';
export class AesEncryptor {
  constructor(private key: Buffer) {
    if (key.length !== 32) throw new Error('Key must be 32 bytes for AES-256 encryption.');
  }
  encrypt(text: string): string {
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('aes-256-cbc', this.key, iv);
    return iv.toString('hex') + Buffer.concat([cipher.update(Buffer.from(text, 'utf8')), cipher.final()]).toString('hex');
  }
  decrypt(encrypted: string): string {
    const iv = Buffer.from(encrypted.slice(0, 32), 'hex');
    const decipher = crypto.createDecipheriv('aes-256-cbc', this.key, iv);
    return Buffer.concat([decipher.update(Buffer.from(encrypted.slice(32), 'hex')), decipher.final()]).toString('utf8');
  }
}
`;

const GCM_WITH_CONSTANTS = `
const crypto = require('crypto');
const ALGORITHM = 'aes-256-gcm';
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
exports.seal = (key, plaintext) => {
  const iv = crypto.randomBytes(IV_LENGTH);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_LENGTH });
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
};
exports.open = (key, sealed) => {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = crypto.createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_LENGTH), { authTagLength: TAG_LENGTH });
  decipher.setAuthTag(raw.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
  return Buffer.concat([decipher.update(raw.subarray(IV_LENGTH + TAG_LENGTH)), decipher.final()]).toString('utf8');
};
`;
const REPORT_SHA1: [{ reportSha1Interop: boolean }] = [{ reportSha1Interop: true }];

const GCM_ROUND_TRIP = `
import crypto from 'node:crypto';
export function encrypt(key: Buffer, text: string) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}
export function decrypt(key: Buffer, payload: string) {
  const raw = Buffer.from(payload, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
`;

ruleTester.run('no-weak-crypto', rule, {
  valid: [
    // careful code from a review: md5 for an etag
    { code: "const crypto = require('crypto');\nconst etag = crypto.createHash('md5').update(JSON.stringify(body)).digest('hex');", languageOptions: cjs },
    // careful code from a review: HMAC-SHA256 webhook signature
    { code: "import { createHmac } from 'node:crypto';\nexport const sign = (body, secret) => createHmac('sha256', secret).update(body).digest('hex');", languageOptions: esm },
    // md5/sha1 digests for non-security purposes are not this rule's concern
    { code: "import crypto from 'crypto'; const etag = crypto.createHash('md5').update(body).digest('hex');", languageOptions: esm },
    { code: "const crypto = require('crypto'); const cacheKey = crypto.createHash('sha1').update(url).digest('hex');", languageOptions: cjs },
    { code: "import md5 from 'md5'; const avatar = md5(email);", languageOptions: esm },
    // modern ciphers with random IVs, the IV read back from the ciphertext
    { code: GCM_ROUND_TRIP, languageOptions: ts },
    { code: "import crypto from 'crypto'; const iv = crypto.randomBytes(16); const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);", languageOptions: esm },
    // realworld: iv-read-from-ciphertext
    { code: "const crypto = require('crypto'); function decrypt(text) { const iv = Buffer.from(text.slice(0, 32), 'hex'); return crypto.createDecipheriv('aes-256-cbc', key, iv); }", languageOptions: cjs },
    { code: "const crypto = require('crypto'); const algorithm = 'aes-256-ctr'; function enc(key, data) { const iv = crypto.randomBytes(16); return crypto.createCipheriv(algorithm, key, iv).update(data); }", languageOptions: cjs },
    { code: "import crypto from 'crypto'; const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });", languageOptions: esm },
    { code: "import crypto from 'crypto'; const cipher = crypto.createCipheriv('chacha20-poly1305', key, crypto.randomBytes(12), { authTagLength: 16 });", languageOptions: esm },
    { code: "import { createCipheriv } from 'crypto'; const c = createCipheriv(ALGORITHM, key, iv);", languageOptions: esm },
    // GCM deciphers that set the tag, or that escape to code not seen here
    { code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', key, iv).setAuthTag(tag); const out = d.update(data);", languageOptions: esm },
    { code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', key, iv); d.setAAD(aad); d.setAuthTag(tag); d.update(data); d.final();", languageOptions: esm },
    { code: "import crypto from 'crypto'; export function decipherFor(key, iv) { const d = crypto.createDecipheriv('aes-256-gcm', key, iv); return d; }", languageOptions: esm },
    { code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-128-gcm', key, iv); finish(d, tag);", languageOptions: esm },
    // strong key pairs, signatures and MACs
    { code: "import crypto from 'crypto'; crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } });", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, cb);", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.generateKeyPairSync('rsa', { modulusLength: bits });", languageOptions: esm },
    { code: "import crypto from 'crypto'; const verifier = crypto.createVerify('RSA-SHA256');", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto.sign(null, data, privateKey);", languageOptions: esm },
    { code: "import crypto from 'crypto'; const sig = crypto.createHmac('sha256', secret).update(body).digest('hex');", languageOptions: esm },
    // HMAC-SHA1 and SHA-1 verification that webhook and API protocols dictate (reported with reportSha1Interop)
    { code: "import crypto from 'crypto'; const expected = 'sha1=' + crypto.createHmac('sha1', secret).update(payload).digest('hex');", languageOptions: esm },
    // realworld: aliyun-hmac-sha1
    { code: "const crypto = require('crypto'); const signature = crypto.createHmac('sha1', `${AccessKeySecret}&`).update(signStr).digest('base64');", languageOptions: cjs },
    { code: "import crypto from 'crypto'; const ok = crypto.createVerify('RSA-SHA1').update(message).verify(cert, signature, 'base64');", languageOptions: esm },
    // passwords hashed fast are no-weak-password-hash's finding
    { code: "import crypto from 'crypto'; const h = crypto.createHash('sha1').update(password).digest('hex');", languageOptions: esm },
    // legacy names that are not ciphers, the fixed IV of AES key wrap (RFC 3394)
    { code: "import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-cbc', Buffer.from(process.env.KEY, 'hex'), Buffer.from(ivHex, 'hex'));", languageOptions: esm },
    { code: "import crypto from 'crypto'; const c = crypto.createCipheriv('id-aes256-wrap', kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'));", languageOptions: esm },
    { code: "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-ctr', key, iv); export const out = d.update(data);", languageOptions: esm },
    // a password fed to an HMAC is no-weak-password-hash's finding
    { code: "import crypto from 'crypto'; const h = crypto.createHmac('md5', pepper).update(password).digest('hex');", languageOptions: esm },
    // crypto-js with a key from the environment
    { code: "import CryptoJS from 'crypto-js'; const text = CryptoJS.AES.encrypt(message, process.env.ENCRYPTION_KEY).toString();", languageOptions: esm },
    { code: "import CryptoJS from 'crypto-js'; const plain = CryptoJS.AES.decrypt(cipherText, key).toString(CryptoJS.enc.Utf8);", languageOptions: esm },
    // not node's crypto
    { code: "const crypto = { createCipher() {} }; crypto.createCipher('des', 'k');", languageOptions: esm },
    { code: "import { createCipheriv } from './my-crypto'; createCipheriv('des-ede3-cbc', key, Buffer.alloc(8));", languageOptions: esm },
    { code: "const AES = { encrypt() {} }; AES.encrypt(text, 'secret');", languageOptions: esm },
    // whole modules: IVs generated and stored beside the ciphertext, tags set
    { code: NODE_RED_CREDENTIALS, languageOptions: cjs },
    { code: NODE_RED_CREDENTIALS, languageOptions: cjsAsModule },
    { code: AES_ENCRYPTOR_CLASS, languageOptions: ts },
    { code: GCM_WITH_CONSTANTS, languageOptions: cjs },
    { code: GCM_WITH_CONSTANTS, languageOptions: cjsAsModule },
    ...acrossParsers([
      // buffers filled with random bytes after they are made
      { code: "import crypto from 'crypto'; const iv = Buffer.alloc(16); crypto.randomFillSync(iv); const c = crypto.createCipheriv('aes-256-cbc', key, iv);" },
      { code: "import crypto from 'crypto'; const nonce = new Uint8Array(12); crypto.getRandomValues(nonce); const c = crypto.createCipheriv('aes-256-gcm', key, nonce);" },
      { code: "import crypto from 'crypto'; const iv = Buffer.alloc(16); iv.write(seed, 'hex'); crypto.createCipheriv('aes-128-cbc', key, iv);" },
      // IVs as parameters or from other modules
      { code: "import crypto from 'crypto'; export const enc = (key, iv, data) => crypto.createCipheriv('aes-256-cbc', key, iv).update(data);" },
      { code: "import crypto from 'crypto'; import { IV } from './config'; crypto.createCipheriv('aes-256-cbc', key, IV);" },
      { code: "import crypto from 'crypto'; crypto.createCipheriv('aes-256-cbc', key, Buffer.from(process.env.IV, 'hex'));" },
      // key pairs, signatures and MACs that are strong
      { code: "import crypto from 'crypto'; const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 4096, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });" },
      { code: "import crypto from 'crypto'; crypto.generateKeyPairSync('ed25519');" },
      { code: "import crypto from 'crypto'; crypto.generateKeyPair('rsa', { modulusLength: 3072 }, (err, pub, priv) => done(pub, priv));" },
      { code: "import crypto from 'crypto'; const sig = crypto.createSign('SHA256').update(data).sign(privateKey, 'base64');" },
      { code: "import crypto from 'crypto'; const ok = crypto.verify('sha512', data, publicKey, signature);" },
      { code: "import crypto from 'crypto'; const mac = crypto.createHmac('sha512', key).update(body).digest('base64');" },
      { code: "import crypto from 'crypto'; const mac = crypto.createHmac(algorithm, key).update(body).digest('hex');" },
      // crypto-js with keys and IVs that are not written in the code
      { code: "import CryptoJS from 'crypto-js'; const c = CryptoJS.AES.encrypt(text, CryptoJS.enc.Hex.parse(process.env.KEY), { iv: CryptoJS.lib.WordArray.random(16) });" },
      { code: "import CryptoJS from 'crypto-js'; const mac = CryptoJS.HmacSHA256(message, secret).toString();" },
      { code: "import CryptoJS from 'crypto-js'; const c = CryptoJS.AES.encrypt(text, key, { mode: CryptoJS.mode.CBC, iv });" },
      { code: "import CryptoJS from 'crypto-js'; const c = CryptoJS.Rabbit.encrypt(text, key);" },
      // digests are not ciphers
      { code: "import crypto from 'crypto'; const fingerprint = crypto.createHash('sha1').update(publicKeyDer).digest('hex');" },
      { code: "import crypto from 'crypto'; const id = crypto.hash('md5', content);" },
    ]),
    // strange code
    { code: "import crypto from 'crypto'; crypto.createCipheriv(...args);", languageOptions: esm },
    { code: "import crypto from 'crypto'; crypto?.['createCipheriv']?.(alg, key, iv);", languageOptions: ts },
    { code: "import crypto = require('crypto'); const c = crypto.createCipheriv(alg satisfies string, key, iv);", languageOptions: ts },
    { code: "@decorate class C { encrypt() { return new.target; } }", languageOptions: ts },
    { code: '', languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "import crypto from 'crypto'; const cipher = crypto.createCipher('aes-256-cbc', password);",
        errors: [{ messageId: 'legacyCipher' as const, data: { call: 'crypto.createCipher' } }],
      },
      {
        code: "import { createDecipher } from 'node:crypto'; const d = createDecipher('aes192', key);",
        errors: [{ messageId: 'legacyCipher' as const, data: { call: 'crypto.createDecipher' } }],
      },
      {
        code: "import crypto from 'crypto'; const cipher = crypto.createCipheriv('des-ede3-cbc', key, iv);",
        errors: [{ messageId: 'weakCipher' as const, data: { call: 'crypto.createCipheriv', family: 'Triple DES', algorithm: 'des-ede3-cbc' } }],
      },
      {
        code: "import crypto from 'crypto'; const ALGO = 'bf-cbc'; const cipher = crypto.createCipheriv(ALGO, key, iv);",
        errors: [{ messageId: 'weakCipher' as const, data: { call: 'crypto.createCipheriv', family: 'Blowfish', algorithm: 'bf-cbc' } }],
      },
      {
        code: "import crypto from 'crypto'; const stream = crypto.createCipheriv('rc4', key, null);",
        errors: [{ messageId: 'weakCipher' as const, data: { call: 'crypto.createCipheriv', family: 'RC4', algorithm: 'rc4' } }],
      },
      {
        code: "import crypto from 'crypto'; const cipher = crypto.createCipheriv('aes-256-ecb', key, null);",
        errors: [
          {
            messageId: 'ecbMode' as const,
            data: { call: 'crypto.createCipheriv', algorithm: 'aes-256-ecb' },
            suggestions: [{ messageId: 'useGcm' as const, data: { algorithm: 'aes-256-gcm' }, output: "import crypto from 'crypto'; const cipher = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));" }],
          },
        ],
      },
      {
        code: "import { createDecipheriv } from 'crypto'; const d = createDecipheriv('aes-128-ecb', key, '');",
        errors: [{ messageId: 'ecbMode' as const, suggestions: [] }],
      },
      {
        code: "import crypto from 'crypto'; const cipher = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16));",
        errors: [
          {
            messageId: 'constantIv' as const,
            data: { call: 'crypto.createCipheriv', aead: '', size: '16' },
            suggestions: [{ messageId: 'useRandomIv' as const, data: { text: 'crypto.randomBytes(16)' }, output: "import crypto from 'crypto'; const cipher = crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));" }],
          },
        ],
      },
      {
        code: "import crypto from 'crypto'; const IV = Buffer.from('1234567890123456'); export const enc = (key, text) => crypto.createCipheriv('aes-256-cbc', key, IV).update(text, 'utf8', 'hex');",
        errors: [{ messageId: 'constantIv' as const, suggestions: [{ messageId: 'useRandomIv' as const, output: "import crypto from 'crypto'; const IV = Buffer.from('1234567890123456'); export const enc = (key, text) => crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16)).update(text, 'utf8', 'hex');" }] }],
      },
      {
        code: "import { createDecipheriv } from 'crypto'; const d = createDecipheriv('aes-256-cbc', key, new Uint8Array(16));",
        errors: [{ messageId: 'constantIv' as const, suggestions: [] }],
      },
      {
        code: "import crypto from 'crypto'; const nonce = Buffer.from('000000000000', 'hex'); const c = crypto.createCipheriv('aes-256-gcm', key, nonce);",
        errors: [
          {
            messageId: 'constantIv' as const,
            data: { call: 'crypto.createCipheriv', aead: ', and reusing a nonce with the same key reveals the authentication key', size: '12' },
            suggestions: [{ messageId: 'useRandomIv' as const, output: "import crypto from 'crypto'; const nonce = Buffer.from('000000000000', 'hex'); const c = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));" }],
          },
        ],
      },
      {
        code: "import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 8 });",
        errors: [{ messageId: 'shortAuthTag' as const, data: { call: 'crypto.createCipheriv', bytes: '8' } }],
      },
      {
        code: "import crypto from 'crypto'; export function open(key, iv, data) { const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv); return decipher.update(data, 'hex', 'utf8'); }",
        errors: [{ messageId: 'missingAuthTag' as const, data: { name: 'decipher', algorithm: 'aes-256-gcm' } }],
      },
      {
        code: "import crypto from 'crypto'; const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });",
        errors: [{ messageId: 'weakModulus' as const, data: { call: 'crypto.generateKeyPairSync', bits: '1024', type: 'RSA' } }],
      },
      {
        code: "import { generateKeyPair } from 'crypto'; const OPTIONS = { modulusLength: 512, publicExponent: 0x10001 }; generateKeyPair('rsa-pss', OPTIONS, done);",
        errors: [{ messageId: 'weakModulus' as const, data: { call: 'crypto.generateKeyPair', bits: '512', type: 'RSA-PSS' } }],
      },
      {
        code: "import crypto from 'crypto'; const signer = crypto.createSign('RSA-SHA1'); signer.update(data);",
        errors: [{ messageId: 'weakSignatureDigest' as const, data: { call: 'crypto.createSign', verb: 'signs', digest: 'SHA-1' } }],
      },
      {
        code: "import crypto from 'crypto'; const ok = crypto.verify('md5', data, publicKey, signature);",
        errors: [{ messageId: 'weakSignatureDigest' as const, data: { call: 'crypto.verify', verb: 'verifies signatures', digest: 'MD5' } }],
      },
      {
        code: "import crypto from 'crypto'; const mac = crypto.createHmac('md5', key).update(message).digest('hex');",
        errors: [{ messageId: 'weakHmacDigest' as const, data: { call: 'crypto.createHmac', digest: 'MD5' } }],
      },
      {
        code: "import crypto from 'crypto'; const mac = crypto.createHmac('sha1', key).update(message).digest('hex');",
        options: REPORT_SHA1,
        errors: [{ messageId: 'weakHmacDigest' as const, data: { call: 'crypto.createHmac', digest: 'SHA-1' } }],
      },
      {
        code: "import crypto from 'crypto'; const v = crypto.createVerify('sha1WithRSAEncryption');",
        options: REPORT_SHA1,
        errors: [{ messageId: 'weakSignatureDigest' as const, data: { call: 'crypto.createVerify', verb: 'verifies signatures', digest: 'SHA-1' } }],
      },
      // crypto-js
      {
        code: "import CryptoJS from 'crypto-js'; const encrypted = CryptoJS.AES.encrypt(JSON.stringify(data), 'my-secret-passphrase').toString();",
        errors: [{ messageId: 'hardcodedKey' as const, data: { call: 'CryptoJS.AES.encrypt' } }],
      },
      {
        code: "import CryptoJS from 'crypto-js'; const SECRET = 'k3y'; const plain = CryptoJS.AES.decrypt(text, SECRET).toString(CryptoJS.enc.Utf8);",
        errors: [{ messageId: 'hardcodedKey' as const, data: { call: 'CryptoJS.AES.decrypt' } }],
      },
      {
        code: "import CryptoJS from 'crypto-js'; const c = CryptoJS.DES.encrypt(text, key);",
        errors: [{ messageId: 'weakCipher' as const, data: { call: 'CryptoJS.DES.encrypt', family: 'DES', algorithm: 'des' } }],
      },
      {
        code: "import CryptoJS from 'crypto-js'; const c = CryptoJS.AES.encrypt(text, key, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });",
        errors: [{ messageId: 'ecbMode' as const, data: { call: 'CryptoJS.AES.encrypt', algorithm: 'mode.ECB' } }],
      },
      {
        code: "import CryptoJS from 'crypto-js'; const c = CryptoJS.AES.encrypt(text, key, { iv: CryptoJS.enc.Utf8.parse('abcdef0123456789') });",
        errors: [{ messageId: 'constantIv' as const, data: { call: 'CryptoJS.AES.encrypt', aead: '', size: '16' } }],
      },
    ]),
    ...acrossParsers(
      [
        {
          code: "const crypto = require('crypto'); module.exports.encrypt = (text) => { const c = crypto.createCipher('aes-256-cbc', process.env.KEY); return c.update(text, 'utf8', 'hex') + c.final('hex'); };",
          errors: [{ messageId: 'legacyCipher' as const }],
        },
        {
          code: "const { createCipheriv } = require('node:crypto'); const iv = Buffer.alloc(16, 0); exports.enc = (k, t) => createCipheriv('aes-128-cbc', k, iv).update(t);",
          errors: [{ messageId: 'constantIv' as const, suggestions: [] }],
        },
        {
          code: "const AES = require('crypto-js/aes'); exports.enc = (t) => AES.encrypt(t, 'passphrase').toString();",
          errors: [{ messageId: 'hardcodedKey' as const, data: { call: 'CryptoJS.aes.encrypt' } }],
        },
      ],
      CJS_PARSERS,
    ),
  ],
});
