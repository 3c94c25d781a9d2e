import { describe, expect, it } from 'vitest';
import { brokenDigest, isAeadCipher, isEcbMode, isKeyWrap, weakCipherFamily } from '../../src/analysis/domains/crypto-algorithms.js';

describe('weakCipherFamily', () => {
  it.each([
    ['des-cbc', 'DES'],
    ['DES-ECB', 'DES'],
    ['desx-cbc', 'DES'],
    ['des-ede3-cbc', 'Triple DES'],
    ['des-ede', 'Triple DES'],
    ['des3', 'Triple DES'],
    ['rc2-40-cbc', 'RC2'],
    ['rc4', 'RC4'],
    ['rc4-hmac-md5', 'RC4'],
    ['bf-cbc', 'Blowfish'],
    ['blowfish', 'Blowfish'],
    ['cast5-cbc', 'CAST5'],
    ['idea-cbc', 'IDEA'],
    ['seed-cbc', 'SEED'],
  ])('%s is %s', (name, family) => {
    expect(weakCipherFamily(name)).toBe(family);
  });

  it.each(['aes-256-gcm', 'aes-128-cbc', 'aes256', 'chacha20-poly1305', 'camellia-256-cbc', 'aria-128-gcm', 'desk', 'bfx', ''])('%s is not weak', (name) => {
    expect(weakCipherFamily(name)).toBeNull();
  });
});

describe('modes', () => {
  it('recognises ECB, AEAD and key wrap names', () => {
    expect(isEcbMode('aes-128-ecb')).toBe(true);
    expect(isEcbMode('id-aes128-ECB')).toBe(true);
    expect(isEcbMode('aes-128-cbc')).toBe(false);
    expect(isAeadCipher('aes-256-gcm')).toBe(true);
    expect(isAeadCipher('aes-128-ccm')).toBe(true);
    expect(isAeadCipher('chacha20-poly1305')).toBe(true);
    expect(isAeadCipher('aes-256-ctr')).toBe(false);
    expect(isKeyWrap('id-aes256-wrap')).toBe(true);
    expect(isKeyWrap('aes128-wrap-pad')).toBe(true);
    expect(isKeyWrap('aes-256-cbc')).toBe(false);
  });
});

describe('brokenDigest', () => {
  it.each([
    ['md5', 'MD5'],
    ['RSA-MD5', 'MD5'],
    ['md4', 'MD4'],
    ['sha1', 'SHA-1'],
    ['SHA1', 'SHA-1'],
    ['RSA-SHA1', 'SHA-1'],
    ['RSA-SHA1-2', 'SHA-1'],
    ['sha1WithRSAEncryption', 'SHA-1'],
    ['ecdsa-with-SHA1', 'SHA-1'],
    ['SHA-1', 'SHA-1'],
  ])('%s uses %s', (name, digest) => {
    expect(brokenDigest(name)).toBe(digest);
  });

  it.each(['sha256', 'RSA-SHA256', 'sha512-256', 'sha3-256', 'SHA-256', 'ripemd160', 'sha384', ''])('%s is not broken', (name) => {
    expect(brokenDigest(name)).toBeNull();
  });
});
