// The decoder's only door to cryptography. The default port is Node's native crypto (fast, and
// handles RSA and ECDSA); another host (a web worker) can inject its own.
import { createHash, createPublicKey, createVerify, type KeyObject } from 'node:crypto';

export type HashName = 'md5' | 'sha1' | 'sha256' | 'sha512';

export interface PublicKeyDer {
  /** `spki` = SubjectPublicKeyInfo from a certificate; `pkcs1` = a bare RSAPublicKey (record PUBLICKEY). */
  format: 'spki' | 'pkcs1';
  der: Uint8Array;
}

export interface CryptoPort {
  /** Lowercase hex digest of the concatenated parts. */
  digest(hash: HashName, parts: Uint8Array[]): string;
  /** Key type and size, or undefined when the key cannot be read. */
  keyInfo(key: PublicKeyDer): { type: string; bits?: number; curve?: string } | undefined;
  /** PKCS#1 v1.5 for RSA keys, ECDSA (DER signature) for EC keys. False on any failure. */
  verify(hash: HashName, key: PublicKeyDer, parts: Uint8Array[], signature: Uint8Array): boolean;
}

function toKey(key: PublicKeyDer): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.from(key.der.buffer, key.der.byteOffset, key.der.byteLength), format: 'der', type: key.format });
  } catch {
    return undefined;
  }
}

export const nodeCrypto: CryptoPort = {
  digest(hash, parts) {
    const h = createHash(hash);
    for (const p of parts) h.update(p);
    return h.digest('hex');
  },
  keyInfo(key) {
    const k = toKey(key);
    if (!k) return undefined;
    const d = k.asymmetricKeyDetails;
    return { type: k.asymmetricKeyType ?? 'unknown', bits: d?.modulusLength, curve: d?.namedCurve };
  },
  verify(hash, key, parts, signature) {
    const k = toKey(key);
    if (!k) return false;
    try {
      const v = createVerify(hash);
      for (const p of parts) v.update(p);
      return v.verify(k, signature);
    } catch {
      return false;
    }
  },
};
