import { BROKEN_DIGESTS, WEAK_CIPHER_PREFIXES } from '../../catalog/crypto.js';

/**
 * The weak cipher family an OpenSSL cipher name belongs to (`des-ede3-cbc` → Triple DES, `rc4` →
 * RC4, `bf-cbc` → Blowfish), or null. A prefix matches only as a whole word start: `des` matches
 * `des-cbc` and `des3`, not `desk`.
 */
export function weakCipherFamily(algorithm: string): string | null {
  const name = algorithm.toLowerCase();
  for (const [prefix, family] of WEAK_CIPHER_PREFIXES) {
    if (!name.startsWith(prefix)) continue;
    const next = name.charAt(prefix.length);
    if (next === '' || !/[a-z]/.test(next)) return family;
  }
  return null;
}

/** True for ECB-mode cipher names: `aes-128-ecb`, `aes256-ecb`, `id-aes128-ECB`. */
export function isEcbMode(algorithm: string): boolean {
  return /-ecb$/i.test(algorithm);
}

/** True for authenticated modes whose decipher needs the tag: GCM, CCM, OCB, ChaCha20-Poly1305. */
export function isAeadCipher(algorithm: string): boolean {
  return /-(?:gcm|ccm|ocb)$/i.test(algorithm) || /^chacha20-poly1305$/i.test(algorithm);
}

/**
 * The broken digest a hash, HMAC or signature algorithm name uses, as a display name (`MD5`,
 * `SHA-1`, `MD4`), or null: `sha1`, `RSA-SHA1`, `sha1WithRSAEncryption`,
 * `ecdsa-with-SHA1`, `md5`, `RSA-MD5`. Not `sha256`, `sha512-256`, `sha3-256`.
 */
export function brokenDigest(algorithm: string): string | null {
  const name = algorithm.toLowerCase();
  for (const digest of BROKEN_DIGESTS) {
    const at = name.indexOf(digest);
    if (at < 0) continue;
    const before = name.charAt(at - 1);
    const after = name.charAt(at + digest.length);
    if (/[a-z0-9]/.test(before) || /[0-9]/.test(after)) continue;
    if (digest === 'md4' || digest === 'md5') return digest.toUpperCase();
    return 'SHA-1';
  }
  return null;
}

/** True for AES key wrap (RFC 3394 / 5649: `id-aes256-wrap`, `aes128-wrap-pad`), whose IV is a fixed constant by design. */
export function isKeyWrap(algorithm: string): boolean {
  return /-wrap(?:-pad)?$/i.test(algorithm);
}
