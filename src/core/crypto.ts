// The pipeline's only door to cryptography, as an interface: core never imports an implementation.
// Node passes its native crypto (src/node/nodeCrypto.ts), the web extension host WebCrypto
// (src/web/webCrypto.ts).

export type HashName = 'md5' | 'sha1' | 'sha256' | 'sha512';

/** The only two schemes a trust list may be signed with. */
export type SignatureScheme = 'RSA-PKCS1-v1_5' | 'ECDSA';

export interface PublicKeyDer {
  /** SubjectPublicKeyInfo DER from the signer's certificate. */
  der: Uint8Array;
  /** The scheme the key must be used with; a key of another type never verifies. */
  scheme: SignatureScheme;
}

/**
 * Hashing stays synchronous: the decoder needs checksums and certificate fingerprints while it
 * reads, and a decoder that awaits would be slower and harder to reason about.
 */
export interface Hasher {
  /** Lowercase hex digest of the concatenated parts. */
  digest(hash: HashName, parts: Uint8Array[]): string;
}

/** A port whose answers may come later (WebCrypto). */
export interface CryptoPort extends Hasher {
  /**
   * PKCS#1 v1.5 with an rsaEncryption key, or ECDSA (DER or fixed r||s) with an EC key.
   * True only when the signature checks out; false (never a rejection) on any failure.
   */
  verify(hash: HashName, key: PublicKeyDer, parts: Uint8Array[], signature: Uint8Array): boolean | Promise<boolean>;
}

/** A port that answers at once (Node's native crypto): `decode` can stay synchronous with it. */
export interface SyncCryptoPort extends CryptoPort {
  verify(hash: HashName, key: PublicKeyDer, parts: Uint8Array[], signature: Uint8Array): boolean;
}
