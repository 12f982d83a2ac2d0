// decode(bytes) for Node callers (CLI, tests, bench): the core decoder with Node's native crypto,
// synchronous from bytes to verdict.
import type { DecodeOptions, TrustList } from '../core/model';
import type { SyncCryptoPort } from '../core/crypto';
import { decode as decodeWith } from '../core/decode';
import { nodeCrypto } from './nodeCrypto';

export function decode(bytes: Uint8Array, options: DecodeOptions = {}, crypto: SyncCryptoPort = nodeCrypto): TrustList {
  return decodeWith(bytes, options, crypto);
}
