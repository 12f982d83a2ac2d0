// The crypto port of Node hosts (CLI, desktop extension host): native, synchronous, fast, and
// handles RSA and ECDSA. The web extension host passes src/web/webCrypto.ts instead.
import { constants, createHash, createPublicKey, createVerify, hash as oneShotHash, type KeyObject } from 'node:crypto';
import type { PublicKeyDer, SyncCryptoPort } from '../core/crypto';

// Parsing a key costs far more than verifying with it, and a folder of ITLSEP files is signed by
// a handful of keys: keep the parsed ones.
const keyCache = new Map<string, KeyObject | null>();
const KEY_CACHE_SIZE = 64;

/** The last key asked for: a folder's files are mostly signed by one, and comparing bytes is cheaper than naming them. */
let last: { der: Buffer; key: KeyObject | undefined } | undefined;

function toKey(key: PublicKeyDer): KeyObject | undefined {
  const der = Buffer.from(key.der.buffer, key.der.byteOffset, key.der.byteLength);
  if (last?.der.equals(der)) return last.key;
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
  last = { der: Buffer.from(der), key: k ?? undefined };
  return last.key;
}

/** Node's one-shot hash: no Hash object per call (every file pays two or three). Node 20.12+; older Electron builds of VS Code lack it. */
const oneShot: typeof oneShotHash | undefined = oneShotHash;

export const nodeCrypto: SyncCryptoPort = {
  digest(hash, parts) {
    if (oneShot && parts.length === 1) return oneShot(hash, parts[0], 'hex');
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
