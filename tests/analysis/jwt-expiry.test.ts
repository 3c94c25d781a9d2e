import { describe, expect, it } from 'vitest';
import { appExpiryClaim, mayHoldMoment } from '../../src/analysis/domains/jwt-expiry.js';
import { isExpiryTimeName } from '../../src/analysis/core/names.js';
import { probeOne, type Language } from './harness.js';

describe('isExpiryTimeName', () => {
  it.each([
    'exp',
    'expiresAt',
    'expires',
    'expiry',
    'expiration',
    'expireAt',
    'expiredAt',
    'expires_at',
    'EXPIRES_AT',
    'expiryDate',
    'expirationTime',
    'expirationTimestamp',
    'expireTimeMs',
    'expiresOn',
    'expTime',
    'tokenExpiresAt',
    'accessTokenExpiry',
    'sessionExpiresAt',
    'jwtExpiration',
    'linkExpiresAt',
    'validUntil',
    'valid_until',
    'tokenValidUntil',
    'notAfter',
  ])('%s names an expiry moment', (name) => {
    expect(isExpiryTimeName(name)).toBe(true);
  });

  it.each([
    'expiresIn',
    'expires_in',
    'isExpired',
    'hasExpired',
    'planExpiresAt',
    'passwordExpiresAt',
    'subscriptionExpiry',
    'trialExpiration',
    'refreshExpiresAt',
    'expiredCount',
    'exponent',
    'export',
    'expected',
    'at',
    'time',
    'valid',
    'isValid',
    'validFrom',
    'after',
  ])('%s does not', (name) => {
    expect(isExpiryTimeName(name)).toBe(false);
  });
});

function claim(code: string, language: Language = 'esm'): string | null {
  return probeOne(code, (node, sc) => appExpiryClaim(node, sc)?.name ?? null, { language });
}

function moment(code: string, language: Language = 'esm'): boolean {
  return probeOne(code, (node, sc) => mayHoldMoment(node, sc), { language });
}

describe('appExpiryClaim', () => {
  it('finds a claim written in the payload literal', () => {
    expect(claim('probe({ sub: u.id, expiresAt: Date.now() + 3600_000 });')).toBe('expiresAt');
    expect(claim("probe({ 'expires_at': Math.floor(Date.now() / 1000) + 60 });")).toBe('expires_at');
  });

  it('follows the payload through a constant, and shorthand values through theirs', () => {
    expect(claim('const p = { id, expires: new Date(Date.now() + ttl).toISOString() }; probe(p);')).toBe('expires');
    expect(claim('const validUntil = addHours(new Date(), 8); probe({ id, validUntil });')).toBe('validUntil');
  });

  it('sees a claim assigned after the payload is made', () => {
    expect(claim('const claims = { sub }; claims.expiry = dayjs().add(1, "d").unix(); probe(claims);')).toBe('expiry');
  });

  it('takes a parameter or a stored value as a moment', () => {
    expect(claim('function f(email, expiresAt) { probe({ email, expiresAt }); }')).toBe('expiresAt');
    expect(claim('probe({ sid: session.id, valid_until: session.valid_until });')).toBe('valid_until');
  });

  it('ignores the standard claim, durations, flags and other things\' expiries', () => {
    expect(claim('probe({ sub, exp: now + 60 });')).toBeNull();
    expect(claim("probe({ sub, expiresIn: '1h' });")).toBeNull();
    expect(claim("probe({ sub, expires: '7d' });")).toBeNull();
    expect(claim('probe({ sub, expiresAt: 3600 });')).toBeNull();
    expect(claim('const TTL = 3600; probe({ sub, expires: TTL });')).toBeNull();
    expect(claim('probe({ sub, expired: false });')).toBeNull();
    expect(claim('probe({ sub, planExpiresAt: user.planExpiresAt });')).toBeNull();
    expect(claim('probe({ sub, expires: process.env.JWT_EXPIRES_IN });')).toBeNull();
    expect(claim('probe({ sub, expiry: config.jwt.ttl });')).toBeNull();
  });

  it('returns null for payloads it cannot read', () => {
    expect(claim('function f(payload) { probe(payload); }')).toBeNull();
    expect(claim("probe('a string');")).toBeNull();
    expect(claim('probe(makeClaims());')).toBeNull();
  });

  it('reads TypeScript payloads', () => {
    expect(claim('const expiresAt: Date = new Date(Date.now() + 1000); probe({ id, expiresAt: expiresAt.getTime() } as const);', 'ts')).toBe('expiresAt');
  });
});

describe('mayHoldMoment', () => {
  it.each([
    'Date.now() + 3600_000',
    'new Date(Date.now() + ttl)',
    'dayjs().add(1, "h").unix()',
    '+new Date()',
    'new Date()',
    'session.expiresAt',
    'deadline',
    'Math.floor(Date.now() / 1000) + 3600',
    'a ?? b',
  ])('%s may hold a moment', (expr) => {
    expect(moment(`probe(${expr});`)).toBe(true);
  });

  it.each([
    "'1h'",
    '3600',
    'true',
    'null',
    '60 * 60',
    '{ at: 1 }',
    '{ at: new Date() }',
    '[1]',
    '() => 1',
    '`${days}d`',
    '!done',
    'a < b',
    'ttl',
    'config.expiresIn',
    'settings.maxAge',
    'opts.sessionDuration',
  ])('%s does not', (expr) => {
    expect(moment(`probe(${expr});`)).toBe(false);
  });
});
