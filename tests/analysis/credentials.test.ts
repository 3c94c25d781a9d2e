import { describe, expect, it } from 'vitest';
import { environmentName } from '../../src/analysis/core/names.js';
import { credentialIn, isFallbackSecret, isPlaceholderSecret, looksLikeSecretValue } from '../../src/analysis/domains/credentials.js';
import { CREDENTIAL_FORMATS, CREDENTIAL_HINT } from '../../src/catalog/credentials.js';

/** n characters of a fixed mixed alphabet: fake credentials assembled here, none of a real account. */
const ALPHABET = 'Q7wE9rT2yU4iO6pA8sD0fG3hJ5kL1zXcVbNm';
const fake = (n: number, alphabet = ALPHABET): string => Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const UPPER = 'Q7WE9RT2YU4IO6PA8SD3FG5HJKLZXCVBNM';

/** One sample per catalogue row (a row without a sample fails the first test) and near misses that must not match it. */
const SAMPLES: Record<string, { match: string[]; miss: string[] }> = {
  'aws-access-key': {
    match: [`AKIA${fake(16, 'QWERTYUIOPASDFGHJKLZXCVBNM234567')}`, `ASIA${fake(16, 'QWERTYUIOPASDFGHJKLZXCVBNM234567')}`],
    miss: ['AKIAIOSFODNN7EXAMPLE', `AKIA${fake(15, UPPER)}`, `XAKIA${fake(16, 'QWERTYUIOPASDFGHJKLZXCVBNM')}`],
  },
  'github-token': {
    match: [`ghp_${fake(36)}`, `gho_${fake(36)}`, `github_pat_${fake(22)}_${fake(59)}`],
    miss: [`ghp_${fake(20)}`, 'github_pat_short', `ghx_${fake(36)}`],
  },
  'gitlab-token': { match: [`glpat-${fake(20)}`], miss: ['glpat-short'] },
  'stripe-live-key': { match: [`sk_live_${fake(24)}`, `rk_live_${fake(30)}`], miss: [`sk_test_${fake(24)}`, `pk_live_${fake(24)}`, 'sk_live_short'] },
  'slack-token': { match: [`xoxb-${fake(11, '0123456789')}-${fake(13, '0123456789')}-${fake(24)}`], miss: ['xoxb-not-a-token', `xoxz-${fake(11, '0123456789')}-${fake(24)}`] },
  'slack-webhook': {
    match: [`https://hooks.slack.com/services/T${fake(8, UPPER)}/B${fake(10, UPPER)}/${fake(24)}`],
    miss: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'],
  },
  'google-api-key': { match: [`AIza${fake(35)}`], miss: ['AIzaShort', `AIza${fake(30)}`] },
  'sendgrid-api-key': { match: [`SG.${fake(22)}.${fake(43)}`], miss: ['SG.config.ts', `SG.${fake(10)}.${fake(10)}`] },
  'twilio-api-key': { match: [`SK${fake(32, '0123456789abcdef')}`], miss: [`SK${fake(32, '0123456789ABCDEF')}`, 'SKIPPED'] },
  'npm-token': { match: [`npm_${fake(36)}`], miss: ['npm_config_registry', `npm_${fake(20)}`] },
  'openai-api-key': { match: [`sk-proj-${fake(20)}T3BlbkFJ${fake(20)}`, `sk-${fake(48, ALPHABET.replace(/[^A-Za-z0-9]/g, ''))}`], miss: ['sk-learn-models', `sk-${fake(20)}`] },
  'anthropic-api-key': { match: [`sk-ant-api03-${fake(90)}`], miss: ['sk-ant-api03-short'] },
  'pem-private-key': {
    match: [`-----BEGIN PRIVATE KEY-----\n${fake(64, 'Q7wE9rT2yU4iO6pA8sD0fG3hJ5kL1zXcV/bNm+')}\n-----END PRIVATE KEY-----`],
    miss: ['-----BEGIN PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----', `-----BEGIN PUBLIC KEY-----\n${fake(64)}\n-----END PUBLIC KEY-----`],
  },
  'url-password': {
    match: [`postgres://app:${fake(14)}@db.internal:5432/app`, `mongodb+srv://svc:${fake(12)}@cluster0.q7we9.mongodb.net/prod`, `redis://:${fake(16)}@cache.internal:6379`],
    miss: [
      'postgres://user:password@db.internal/app',
      'postgres://postgres:postgres@db/app',
      `postgres://app:${fake(14)}@localhost:5432/app`,
      'postgres://app:${DB_PASSWORD}@db/app',
      'https://user:<password>@example.com',
      'redis://localhost:6379',
      'ftp://anonymous:s3cr3tpw@ftp.example.org/pub',
      'amqp://guest:guest@rabbitmq:5672',
    ],
  },
};

describe('CREDENTIAL_FORMATS', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CREDENTIAL_FORMATS.map((f) => f.id).sort());
  });
  for (const format of CREDENTIAL_FORMATS) {
    const samples = SAMPLES[format.id] ?? { match: [], miss: [] };
    it.each(samples.match)(`${format.id} finds %s`, (text) => {
      expect(credentialIn(`value: ${text} `)?.format.id).toBe(format.id);
      expect(CREDENTIAL_HINT.test(text)).toBe(true);
    });
    it.each(samples.miss)(`${format.id} does not take %s`, (text) => {
      expect(credentialIn(text)?.format.id).not.toBe(format.id);
    });
  }
});

describe('looksLikeSecretValue', () => {
  it.each([
    ['S3cure!Pass', 'password'],
    ['changeme', 'password'],
    ['keyboard cat', 'secret'],
    ['live-83hf7s9d2k', 'apiKey'],
    ['secret123', 'password'],
    ['Basic YWRtaW46czNjcjN0', 'Authorization'],
  ])('%s under %s is a secret', (value, key) => {
    expect(looksLikeSecretValue(value, key)).toBe(true);
  });
  it.each([
    ['', 'password'],
    ['Password', 'password'],
    ['password', 'password'],
    ['new-password', 'password'],
    ['x-api-key', 'apiKey'],
    ['SECRET_KEY', 'secret'],
    ['auth.password.invalid', 'password'],
    ['Invalid password', 'password'],
    ['/reset-password', 'resetPassword'],
    ['./keys/private.pem', 'privateKey'],
    ['********', 'password'],
    ['<your-key>', 'apiKey'],
    ['[REDACTED]', 'token'],
    ['required|min:8', 'password'],
    ['varchar(255)', 'password'],
    ['Passwort', 'password'],
    ['not_available', 'secret'],
    ['granted', 'authorization'],
    ['pass', 'password'],
  ])('%s under %s is not', (value, key) => {
    expect(looksLikeSecretValue(value, key)).toBe(false);
  });
  it('takes common default passwords as the fallback of a configured value', () => {
    expect(looksLikeSecretValue('pass', 'password', { fallback: true })).toBe(true);
    expect(looksLikeSecretValue('x-auth-token', 'token', { fallback: true })).toBe(false);
  });
});

describe('placeholders and fallbacks', () => {
  it.each(['', 'xxx', '<your-api-key>', 'YOUR_API_KEY', '${SECRET}', 'TODO', 'dummy', '****'])('%s is a placeholder', (value) => {
    expect(isPlaceholderSecret(value)).toBe(true);
  });
  it.each(['changeme', 'dev-secret', 'keyboard cat'])('%s is not', (value) => {
    expect(isPlaceholderSecret(value)).toBe(false);
  });
  it('fallbacks: any text but placeholders and paths', () => {
    expect(isFallbackSecret('secret')).toBe(true);
    expect(isFallbackSecret('./keys/jwt.pem')).toBe(false);
    expect(isFallbackSecret('<generate-one>')).toBe(false);
  });
});

describe('environmentName', () => {
  it.each([
    [['clientSecret'], 'CLIENT_SECRET'],
    [['db', 'password'], 'DB_PASSWORD'],
    [['session', 'secret'], 'SESSION_SECRET'],
    [['config', 'secret'], 'SECRET'],
    [['x-api-key'], 'X_API_KEY'],
    [[], 'FALLBACK'],
  ])('%j → %s', (names, expected) => {
    expect(environmentName(names, 'FALLBACK')).toBe(expected);
  });
});
