// The crypto port of the web extension host (a browser web worker: no node:crypto there).
//
// - Signatures: WebCrypto (crypto.subtle), asynchronous. RSASSA-PKCS1-v1_5 with SHA-1/256/512 and
//   ECDSA on P-256/384/521 with an ECDSA signature in DER (converted to WebCrypto's r||s) or
//   already in fixed r||s. The key's own algorithm OID must match the scheme signature.ts asks
//   for: an RSA-PSS, DSA or Ed25519 key, or an EC key on another curve, never verifies.
// - Hashes: node-forge's digest modules, synchronous. The decoder needs checksums and certificate
//   fingerprints while it reads (see src/core/crypto.ts), and crypto.subtle.digest can only answer
//   later; WebCrypto hashes signed data itself inside verify(), so subtle.digest is not needed.
//   WebCrypto has no MD5 at all, and forge's MD5/SHA modules are reviewed, widely used code that
//   is already a dependency, where a hand-written one would be new code to review.
import md5 from 'node-forge/lib/md5';
import sha1 from 'node-forge/lib/sha1';
import sha256 from 'node-forge/lib/sha256';
import sha512 from 'node-forge/lib/sha512';
import type { CryptoPort, HashName, PublicKeyDer, SignatureScheme } from '../core/crypto';
import { children, expectTag, oidToString, readTlv, type Tlv } from '../core/der';

// ---- hashes ----------------------------------------------------------------------------------

const DIGESTS = { md5, sha1, sha256, sha512 } as const;
/** forge hashes "binary strings" (one char per byte); convert in slices small enough for fromCharCode. */
const SLICE = 8192;

export function forgeDigest(hash: HashName, parts: Uint8Array[]): string {
  const md = DIGESTS[hash].create();
  for (const part of parts) {
    for (let i = 0; i < part.length; i += SLICE) {
      md.update(String.fromCharCode.apply(null, part.subarray(i, i + SLICE) as unknown as number[]));
    }
  }
  return md.digest().toHex();
}

// ---- keys ------------------------------------------------------------------------------------

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
/** WebCrypto's curves: name and the byte size of r and s. */
const CURVES: Record<string, { namedCurve: string; size: number }> = {
  '1.2.840.10045.3.1.7': { namedCurve: 'P-256', size: 32 },
  '1.3.132.0.34': { namedCurve: 'P-384', size: 48 },
  '1.3.132.0.35': { namedCurve: 'P-521', size: 66 },
};
const WEB_HASH: Partial<Record<HashName, string>> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };

/** What the SPKI's AlgorithmIdentifier says the key is, if it is one this scheme may use. */
export type KeyKind = { scheme: 'RSA-PKCS1-v1_5' } | { scheme: 'ECDSA'; namedCurve: string; size: number };

export function keyKind(der: Uint8Array, scheme: SignatureScheme): KeyKind | undefined {
  try {
    const spki = expectTag(readTlv(der, 0, der.length), 0x30, 'SubjectPublicKeyInfo');
    if (spki.end !== der.length) return undefined;
    const [algorithm, bits] = children(der, spki);
    expectTag(bits, 0x03, 'subjectPublicKey');
    const [oid, parameters] = children(der, expectTag(algorithm, 0x30, 'AlgorithmIdentifier'));
    const id = oidToString(der, expectTag(oid, 0x06, 'algorithm'));
    if (scheme === 'RSA-PKCS1-v1_5') return id === RSA_ENCRYPTION ? { scheme } : undefined;
    if (id !== EC_PUBLIC_KEY || parameters?.tag !== 0x06) return undefined;
    const curve = CURVES[oidToString(der, parameters)];
    return curve ? { scheme, ...curve } : undefined;
  } catch {
    return undefined;
  }
}

// ---- ECDSA signatures ------------------------------------------------------------------------

/** One DER INTEGER as an unsigned big-endian value of exactly `size` bytes; strict DER, positive only. */
function fixedInteger(der: Uint8Array, t: Tlv | undefined, size: number): Uint8Array | undefined {
  if (!t || t.tag !== 0x02) return undefined;
  let v = der.subarray(t.contentStart, t.end);
  if (v.length === 0 || v[0] & 0x80) return undefined;
  if (v[0] === 0) {
    // A leading zero is allowed only to keep a high bit from reading as a sign.
    if (v.length > 1 && !(v[1] & 0x80)) return undefined;
    v = v.subarray(1);
  }
  if (v.length > size) return undefined;
  const out = new Uint8Array(size);
  out.set(v, size - v.length);
  return out;
}

/** Minimal DER length octets, as OpenSSL re-encodes them to reject any other form. */
const minimalLength = (der: Uint8Array, t: Tlv): boolean => {
  const len = t.end - t.contentStart;
  const octets = t.contentStart - t.start - 1;
  if (len < 0x80) return octets === 1;
  return octets === 1 + (len < 0x100 ? 1 : len < 0x10000 ? 2 : 3) && der[t.start + 2] !== 0;
};

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } in strict DER → r||s, or undefined. */
export function derToRaw(sig: Uint8Array, size: number): Uint8Array | undefined {
  try {
    const seq = readTlv(sig, 0, sig.length);
    if (seq.tag !== 0x30 || seq.end !== sig.length || !minimalLength(sig, seq)) return undefined;
    const items = children(sig, seq);
    if (items.length !== 2 || !items.every(t => minimalLength(sig, t))) return undefined;
    const r = fixedInteger(sig, items[0], size);
    const s = fixedInteger(sig, items[1], size);
    if (!r || !s) return undefined;
    const out = new Uint8Array(2 * size);
    out.set(r, 0);
    out.set(s, size);
    return out;
  } catch {
    return undefined;
  }
}

// ---- the port --------------------------------------------------------------------------------

interface Subtle {
  importKey(format: 'spki', keyData: Uint8Array, algorithm: object, extractable: boolean, usages: string[]): Promise<unknown>;
  verify(algorithm: object, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}
const subtle = (): Subtle => (globalThis as unknown as { crypto: { subtle: Subtle } }).crypto.subtle;

// Importing a key costs more than verifying with it, and a folder of files shares a few signers.
const keyCache = new Map<string, Promise<unknown>>();
const KEY_CACHE_SIZE = 64;

function importKey(der: Uint8Array, kind: KeyKind, hash: string): Promise<unknown> {
  const algorithm = kind.scheme === 'ECDSA' ? { name: 'ECDSA', namedCurve: kind.namedCurve } : { name: 'RSASSA-PKCS1-v1_5', hash };
  const id = `${kind.scheme === 'ECDSA' ? kind.namedCurve : hash}:${forgeDigest('sha256', [der])}`;
  let key = keyCache.get(id);
  if (!key) {
    key = subtle().importKey('spki', der.slice(), algorithm, false, ['verify']).catch(() => null);
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(id, key);
  }
  return key;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function verify(hash: HashName, key: PublicKeyDer, parts: Uint8Array[], signature: Uint8Array): Promise<boolean> {
  try {
    const webHash = WEB_HASH[hash];
    const kind = keyKind(key.der, key.scheme);
    if (!webHash || !kind) return false;
    const cryptoKey = await importKey(key.der, kind, webHash);
    if (!cryptoKey) return false;
    const data = concat(parts);
    if (kind.scheme === 'RSA-PKCS1-v1_5') return (await subtle().verify({ name: 'RSASSA-PKCS1-v1_5' }, cryptoKey, signature.slice(), data)) === true;
    // No CUCM file with an EC signer has been seen, so accept both ECDSA signature encodings, as the Node port does.
    const candidates = [derToRaw(signature, kind.size), signature.length === 2 * kind.size ? signature.slice() : undefined];
    for (const raw of candidates) {
      if (raw && (await subtle().verify({ name: 'ECDSA', hash: webHash }, cryptoKey, raw, data)) === true) return true;
    }
    return false;
  } catch {
    return false;
  }
}

export const webCrypto: CryptoPort = {
  digest: forgeDigest,
  verify,
};
