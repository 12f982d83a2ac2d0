// Key pairs for test certificates. Key generation dominates test time (a 4096-bit RSA key takes
// about a second), so pairs are made once per (type, id) and shared for the whole process.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export type KeyType = 'rsa1024' | 'rsa2048' | 'rsa4096' | 'ec-p256' | 'ec-p384';

export interface KeyPair {
  type: KeyType;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const cache = new Map<string, KeyPair>();

/** The same `id` with the same type always returns the same pair; different ids give different keys. */
export function keyPair(type: KeyType, id = 'default'): KeyPair {
  const cacheKey = `${type}/${id}`;
  let pair = cache.get(cacheKey);
  if (!pair) {
    pair = { type, ...generate(type) };
    cache.set(cacheKey, pair);
  }
  return pair;
}

function generate(type: KeyType): { privateKey: KeyObject; publicKey: KeyObject } {
  switch (type) {
    case 'rsa1024': return generateKeyPairSync('rsa', { modulusLength: 1024 });
    case 'rsa2048': return generateKeyPairSync('rsa', { modulusLength: 2048 });
    case 'rsa4096': return generateKeyPairSync('rsa', { modulusLength: 4096 });
    case 'ec-p256': return generateKeyPairSync('ec', { namedCurve: 'P-256' });
    case 'ec-p384': return generateKeyPairSync('ec', { namedCurve: 'P-384' });
  }
}

export function isRsa(type: KeyType): boolean {
  return type.startsWith('rsa');
}
