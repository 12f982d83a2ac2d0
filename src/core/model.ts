// The decoded shape of a CTL/ITL trust list. Plain data only (no classes, no functions), so it
// crosses the webview boundary by postMessage and serialises to JSON unchanged.
import type { CertificateCache } from './x509';
import type { Localizable } from './messages';

/** Half-open absolute byte range in the file: [start, end). One convention everywhere. */
export interface ByteRange {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable SCREAMING_SNAKE code, e.g. LENGTH_OVERFLOW. */
  code: string;
  /** Names the byte offset and what was expected (English). */
  message: string;
  /** The same sentence as a template, for the display language; `fill(l10n) === message`. Never in the JSON. */
  l10n?: Localizable;
  /** Absolute file offset the diagnostic is about. */
  offset: number;
  range?: ByteRange;
  /** Path of the field or record concerned, e.g. "header", "records/2", "records/2/9". */
  path?: string;
}

/** Typed value of one TLV field. Bytes stay in the file; `valueRange` locates them. */
export type FieldValue =
  | { type: 'container' }
  | { type: 'version'; major: number; minor: number; text: string }
  | { type: 'uint'; value: number }
  | { type: 'string'; value: string; /** false when the value lacks its NUL terminator */ terminated: boolean }
  | { type: 'serial'; hex: string }
  | { type: 'role'; code: number; name: string; longName: string }
  | { type: 'digest'; code: number; name: string }
  | { type: 'code'; code: number }
  | { type: 'ipv4'; address: string }
  | { type: 'timestamp'; unix: number; iso: string }
  | { type: 'certificate'; sha1: string }
  | { type: 'bytes' }
  | { type: 'padding' }
  | { type: 'unknown' };

export interface Field {
  /** "header/3/4" or "records/2/9": stable address of the field. */
  path: string;
  tag: number;
  /** Our name, e.g. SIGNERNAME; `TAG_<n>` for unknown tags. */
  name: string;
  /** CUCM's `show ctl` label, sic (DIGESTALGORTITHM). Empty where CUCM prints none. */
  label: string;
  /** The whole TLV. */
  range: ByteRange;
  tagRange: ByteRange;
  /** Absent for the 1-byte PADDING tag. */
  lengthRange?: ByteRange;
  valueRange: ByteRange;
  /** The declared length (for containers it covers the children). */
  length: number;
  value: FieldValue;
  children?: Field[];
}

export interface Header {
  range: ByteRange;
  fields: Field[];
  version?: string;
  headerLength?: number;
  signerVersion?: string;
  signerName?: string;
  /** Uppercase hex without separators. */
  signerSerial?: string;
  /** The signer's issuer (CANAME). */
  caName?: string;
  digest?: { code: number; name: string };
  signatureAlgorithm?: number;
  signatureModulus?: number;
  signature?: ByteRange;
  fileName?: string;
  timestamp?: { unix: number; iso: string };
}

export interface NameAttribute {
  /** Short name (CN, OU, …) or dotted OID when unknown. */
  type: string;
  oid: string;
  /** The value as text; for a non-string value, the same as `ber`. */
  value: string;
  /** `#` and the value's BER in uppercase hex, when RFC 4514 shows it so (§2.4: dotted type or non-string value). */
  ber?: string;
}

export interface CertificateInfo {
  range: ByteRange;
  version: number;
  /**
   * Uppercase hex without separators, as openssl's `-serial`: a positive serial as encoded (leading
   * 00 sign byte removed), a negative one as `-` and its magnitude, even digits (0xFB2E → `-04D2`).
   */
  serial: string;
  subject: NameAttribute[][];
  issuer: NameAttribute[][];
  /** RFC 4514 (most specific first). */
  subjectRfc4514: string;
  issuerRfc4514: string;
  /** CUCM's `;` form in certificate order, e.g. CN=x;OU=y;O=z. */
  subjectCucm: string;
  issuerCucm: string;
  notBefore: string;
  notAfter: string;
  /** 'RSA' is rsaEncryption only; RSASSA-PSS keys are 'RSA-PSS'. */
  keyAlgorithm: 'RSA' | 'RSA-PSS' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | string;
  keySize: number;
  /** Named curve (P-256, brainpoolP256r1, …, also for explicit parameters of a known curve), else 'explicit' or the OID. */
  curve?: string;
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  sha1: string;
  sha256: string;
  subjectAltNames: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** Certificate-level oddities the reading worked around (e.g. a second subjectAltName extension). */
  warnings?: string[];
  selfSigned: boolean;
  /** SubjectPublicKeyInfo DER range (absolute), for verification and key comparison. */
  spkiRange: ByteRange;
  /** subjectPublicKey BIT STRING content (RSAPublicKey DER or EC point), absolute. */
  publicKeyRange: ByteRange;
  signatureValueRange: ByteRange;
}

export interface TrustRecord {
  /** 1-based, as `CTL Record #:n`. */
  index: number;
  path: string;
  range: ByteRange;
  fields: Field[];
  length?: number;
  role?: number;
  roleName?: string;
  dnsName?: string;
  subjectName?: string;
  issuerName?: string;
  /** Uppercase hex without separators. */
  serial?: string;
  ipAddress?: string;
  certificate?: CertificateInfo;
  /** Why the CERTIFICATE field could not be read as X.509, if it could not. */
  certificateError?: string;
  /** This record is the header's signer (matched by serial and issuer, confirmed by the signature where possible). */
  isSigner: boolean;
}

export type SignatureStatus = 'verified' | 'invalid' | 'signer-not-found' | 'unsupported' | 'malformed';

export interface SignatureResult {
  status: SignatureStatus;
  /** SHA1 / SHA256 / SHA512, or unknown(n). */
  digest?: string;
  /** RSA-PKCS1-v1_5 / ECDSA / unknown(n). */
  algorithm?: string;
  /** One sentence for people: why this status (English; the CLI and JSON show it). */
  detail: string;
  /** The same sentence as a template, for the extension to translate. */
  l10n: Localizable;
  /** 1-based index of the record whose key was used. */
  signerRecord?: number;
  /** The bytes the signature covers, as ranges (the file minus the SIGNATURE TLV). */
  signedRanges?: ByteRange[];
}

export interface Checksums {
  md5: string;
  sha1: string;
  sha256: string;
}

export type TrustListKind = 'CTL' | 'ITL' | 'unknown';

export interface TrustList {
  kind: TrustListKind;
  /** Where `kind` came from. */
  kindSource: 'FILENAME tag' | 'file name' | 'none';
  /** What phones load the file as, by its name (CTLFile.tlv, ITLSEP….tlv); `unknown` without a telling name. */
  fileNameKind: TrustListKind;
  length: number;
  checksums: Checksums;
  header: Header;
  records: TrustRecord[];
  signature: SignatureResult;
  diagnostics: Diagnostic[];
  /** False when decoding stopped before the end of the file. */
  complete: boolean;
  /** Byte ranges no field accounts for. */
  unparsed: ByteRange[];
}

export interface DecodeOptions {
  /** The file's name, used for the CTL/ITL kind when the FILENAME tag is missing. */
  fileName?: string;
  /** Safety limit for hostile input. */
  maxRecords?: number;
  /**
   * `all` (default) reads every certificate; `signer` reads only those whose record serial matches
   * the header's signer serial, and skips the record cross-checks: enough to verify, and much
   * faster over folders of files.
   */
  certificates?: 'all' | 'signer';
  /**
   * Compute on first read what only some views show: the file's MD5, SHA-1 and SHA-256, and each
   * certificate's SHA-1 and SHA-256 fingerprints. The values, the signature verdict and the
   * diagnostics are the same as without it; `verify DIR` and `report DIR` use it over folders.
   * These values are prototype getters (src/core/lean.ts): a lean list is for reading in place, not
   * for postMessage or spreading (JSON.stringify does see them).
   */
  lean?: boolean;
  /** A lean decode's SHA-256 of these bytes when the caller has computed it already (the report's content key). */
  sha256?: string;
  /** Parsed certificates kept across the files of one run (src/core/x509.ts CertificateCache). */
  certificateCache?: CertificateCache;
}
