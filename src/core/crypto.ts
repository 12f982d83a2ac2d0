// The decoder's only door to cryptography. The default port is Node's native crypto (fast, and
// handles RSA and ECDSA); another host (a web worker) can inject its own.
import { constants, createHash, createPublicKey, createVerify, type KeyObject } from 'node:crypto';

export type HashName = 'md5' | 'sha1' | 'sha256' | 'sha512';

/** The only two schemes a trust list may be signed with. */
export type SignatureScheme = 'RSA-PKCS1-v1_5' | 'ECDSA';

export interface PublicKeyDer {
  /** SubjectPublicKeyInfo DER from the signer's certificate. */
  der: Uint8Array;
  /** The scheme the key must be used with; a key of another type never verifies. */
  scheme: SignatureScheme;
}

export interface CryptoPort {
  /** Lowercase hex digest of the concatenated parts. */
  digest(hash: HashName, parts: Uint8Array[]): string;
  /** PKCS#1 v1.5 with an rsaEncryption key, or ECDSA (DER or fixed r||s) with an EC key. False on any failure. */
  verify(hash: HashName, key: PublicKeyDer, parts: Uint8Array[], signature: Uint8Array): boolean;
}

// Parsing a key costs far more than verifying with it, and a folder of ITLSEP files is signed by
// a handful of keys: keep the parsed ones.
const keyCache = new Map<string, KeyObject | null>();
const KEY_CACHE_SIZE = 64;

function toKey(key: PublicKeyDer): KeyObject | undefined {
  const der = Buffer.from(key.der.buffer, key.der.byteOffset, key.der.byteLength);
  const id = der.toString('base64');
  let k = keyCache.get(id);
  if (k === undefined) {
    try {
      k = createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      k = null;
    }
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(id, k);
  }
  return k ?? undefined;
}

export const nodeCrypto: CryptoPort = {
  digest(hash, parts) {
    const h = createHash(hash);
    for (const p of parts) h.update(p);
    return h.digest('hex');
  },
  verify(hash, key, parts, signature) {
    const k = toKey(key);
    // An RSA-PSS, DSA or EdDSA key would verify its own scheme: only the announced one counts.
    if (!k || k.asymmetricKeyType !== (key.scheme === 'ECDSA' ? 'ec' : 'rsa')) return false;
    const check = (dsaEncoding: 'der' | 'ieee-p1363') => {
      try {
        const v = createVerify(hash);
        for (const p of parts) v.update(p);
        return v.verify({ key: k, dsaEncoding, padding: constants.RSA_PKCS1_PADDING }, signature);
      } catch {
        return false;
      }
    };
    if (key.scheme === 'RSA-PKCS1-v1_5') return check('der');
    // No CUCM file with an EC signer has been seen, so accept both ECDSA signature encodings.
    return check('der') || check('ieee-p1363');
  },
};
