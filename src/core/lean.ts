// What a lean decode (DecodeOptions.lean) computes on first read: the file's checksums and the
// certificates' fingerprints, which `verify DIR` never shows and `report DIR` shows for some.
// Prototype getters that keep their answer, so reading one costs nothing until it is read; toJSON
// gives the same object an eager decode stores. A lean list is for reading, as the CLI's folder
// commands do: spreading or structured-cloning one drops these values (use a full decode for that).
import type { Checksums } from './model';
import type { Hasher } from './crypto';

export class LazyChecksums implements Checksums {
  #md5?: string;
  #sha1?: string;
  #sha256?: string;
  readonly #bytes: Uint8Array;
  readonly #crypto: Hasher;
  constructor(bytes: Uint8Array, crypto: Hasher, sha256?: string) {
    this.#bytes = bytes;
    this.#crypto = crypto;
    this.#sha256 = sha256;
  }
  get md5(): string { return (this.#md5 ??= this.#crypto.digest('md5', [this.#bytes])); }
  get sha1(): string { return (this.#sha1 ??= this.#crypto.digest('sha1', [this.#bytes])); }
  get sha256(): string { return (this.#sha256 ??= this.#crypto.digest('sha256', [this.#bytes])); }
  toJSON(): Checksums { return { md5: this.md5, sha1: this.sha1, sha256: this.sha256 }; }
}

/** A CERTIFICATE field's value: its SHA-1 (the certificate's own when it was parsed) on first read. */
export class LazyCertificateValue {
  readonly type = 'certificate' as const;
  #sha1?: string;
  readonly #compute: () => string;
  constructor(compute: () => string) {
    this.#compute = compute;
  }
  get sha1(): string { return (this.#sha1 ??= this.#compute()); }
  toJSON(): { type: 'certificate'; sha1: string } { return { type: this.type, sha1: this.sha1 }; }
}

/** The prototype of a lean CertificateInfo: its fingerprints on first read. */
export class LazyFingerprints {
  #sha1?: string;
  #sha256?: string;
  readonly #der: Uint8Array;
  readonly #crypto: Hasher;
  constructor(der: Uint8Array, crypto: Hasher) {
    this.#der = der;
    this.#crypto = crypto;
  }
  get sha1(): string { return (this.#sha1 ??= this.#crypto.digest('sha1', [this.#der])); }
  get sha256(): string { return (this.#sha256 ??= this.#crypto.digest('sha256', [this.#der])); }
  toJSON(): object { return { ...this, sha1: this.sha1, sha256: this.sha256 }; }
}
