import { describe, expect, it } from 'vitest';
import { isComparedSecretName, isGeneratedSecretName, isSecretGeneratorName } from '../../src/analysis/core/names.js';
import { isHmacDigest } from '../../src/analysis/domains/crypto-comparison.js';
import { mathRandomSource } from '../../src/analysis/flow/random-source.js';
import { probe } from './harness.js';

describe('isGeneratedSecretName', () => {
  it.each([
    'token', 'resetToken', 'password', 'apiKey', 'secret', 'sessionId', 'sid', 'otp', 'OTP', 'pin', 'nonce', 'salt', 'jti',
    'code', 'verificationCode', 'resetCode', 'inviteCode', 'inviteId', 'shareId', 'resetLink', 'sessionKey', 'oauthState', 'codeVerifier',
  ])('matches %s', (name) => expect(isGeneratedSecretName(name)).toBe(true));
  it.each([
    'id', 'requestId', 'traceId', 'correlationId', 'key', 'cacheKey', 'statusCode', 'colorCode', 'keyCode', 'countryCode', 'shortCode',
    'state', 'uuid', 'tokenCount', 'passwordLength', 'saltRounds', 'signatureNonce', 'roomCode', '',
  ])('does not match %s', (name) => expect(isGeneratedSecretName(name)).toBe(false));
});

describe('isSecretGeneratorName', () => {
  it.each(['generateToken', 'makeOtp', 'randomPassword', 'createResetCode', 'genSalt', 'newSessionId', 'getRandomToken', 'generateApiKey', 'generate_invite_code'])(
    'matches %s',
    (name) => expect(isSecretGeneratorName(name)).toBe(true),
  );
  it.each(['getToken', 'generateId', 'randomString', 'createUser', 'generateRequestId', 'token', 'generate', 'random'])('does not match %s', (name) =>
    expect(isSecretGeneratorName(name)).toBe(false),
  );
});

describe('isComparedSecretName', () => {
  it.each(['apiKey', 'x-api-key', 'token', 'authorization', 'signature', 'x-hub-signature-256', 'stripe-signature', 'hmac', 'otp', 'verificationCode', 'csrfToken', '_csrf', 'password', 'clientSecret'])(
    'matches %s',
    (name) => expect(isComparedSecretName(name)).toBe(true),
  );
  it.each(['hash', 'passwordHash', 'digest', 'code', 'key', 'nonce', 'state', 'publicKey', 'tokenType', 'tokenId', 'sessionId', 'session', 'statusCode', 'tokens', 'callSignatures', 'apiKeys'])(
    'does not match %s',
    (name) => expect(isComparedSecretName(name)).toBe(false),
  );
});

const source = (code: string, language: 'esm' | 'cjs' | 'ts' = 'esm') => probe(code, (node, sc) => mathRandomSource(node, sc) !== null, { language });

describe('mathRandomSource', () => {
  it('follows arithmetic, conversions, string methods and templates', () => {
    expect(source('probe(Math.floor(Math.random() * 10));')).toEqual([true]);
    expect(source('probe(`${Date.now()}-${Math.random().toString(36).slice(2)}`);')).toEqual([true]);
    expect(source("probe(String(Math.random()).padStart(6, '0'));")).toEqual([true]);
  });
  it('follows alphabet picks, string building, joined arrays and local helpers', () => {
    expect(source("const c = 'abc'; let s = ''; for (let i = 0; i < 8; i++) s += c[Math.floor(Math.random() * c.length)]; probe(s);")).toEqual([true]);
    expect(source("probe(Array.from({ length: 8 }, () => Math.random().toString(36)[2]).join(''));")).toEqual([true]);
    expect(source("const p = []; p.push(Math.random()); probe(p.join(''));")).toEqual([true]);
    expect(source('function r() { if (x) return 1; return Math.random(); } probe(r());')).toEqual([true]);
    expect(source('const rand = Math.random; const { random } = Math; probe(rand()); probe(random());', 'cjs')).toEqual([true, true]);
  });
  it('stops at comparisons, other generators and a local Math', () => {
    expect(source('probe(Math.random() < 0.5 ? "a" : "b");')).toEqual([false]);
    expect(source("import { randomBytes } from 'crypto'; probe(randomBytes(8).toString('hex'));")).toEqual([false]);
    expect(source('const Math = { random() { return 4; } }; probe(Math.random());')).toEqual([false]);
    expect(source('probe(Math.random().toString(36).length);', 'ts')).toEqual([false]);
  });
});

describe('isHmacDigest', () => {
  const hmac = (code: string, language: 'esm' | 'cjs' = 'esm') => probe(code, (node, sc) => isHmacDigest(node, sc), { language });
  it('recognises createHmac digests by import, through variables and text', () => {
    expect(hmac("import crypto from 'node:crypto'; probe(crypto.createHmac('sha256', k).update(b).digest('hex'));")).toEqual([true]);
    expect(hmac("const { createHmac } = require('crypto'); const h = createHmac('sha1', k); h.update(b); const d = 'sha1=' + h.digest('hex'); probe(d);", 'cjs')).toEqual([true]);
  });
  it('does not take plain hashes or look-alikes', () => {
    expect(hmac("import crypto from 'crypto'; probe(crypto.createHash('sha256').update(b).digest('hex'));")).toEqual([false]);
    expect(hmac("const createHmac = () => ({ digest: () => 'x' }); probe(createHmac().digest());")).toEqual([false]);
  });
});
