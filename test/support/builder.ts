// Builds CTL/ITL trust-list bytes for tests, in CUCM's or certutils' field order (see
// /work/shared/spec/trust-list-format.md). Independent of src/core so it can check the decoder.
import { sign } from 'node:crypto';
import type { TestCert } from './certs';

export type Role = 'SAST' | 'CCM' | 'CCM+TFTP' | 'TFTP' | 'CAPF' | 'SRST' | 'APP-SERVER' | 'TVS';
export const ROLE_CODES: Readonly<Record<Role, number>> = {
  SAST: 0, CCM: 1, 'CCM+TFTP': 2, TFTP: 3, CAPF: 4, SRST: 5, 'APP-SERVER': 7, TVS: 21,
};

export type Layout = 'cucm' | 'certutils';
export type Digest = 'sha1' | 'sha512';

/** A field the builder would not write on its own, e.g. an unknown tag for robustness tests. */
export interface ExtraField {
  tag: number;
  value: Uint8Array;
}

/** Values written instead of the ones derived from the certificate, for cross-check tests. */
export interface RecordOverrides {
  subjectName?: string;
  issuerName?: string;
  serialHex?: string;
  publicKey?: Uint8Array;
  signature?: Uint8Array;
  certificate?: Uint8Array;
}

export interface CertificateRecordSpec {
  kind?: 'certificate';
  cert: TestCert;
  role: Role | number;
  /** cucm layout only. Default: the certificate's CN. */
  dnsName?: string;
  /** cucm layout only. Default 0.0.0.0. */
  ip?: string;
  /** CUCM omits the record SIGNATURE for eTokens and, in some files, for CAPF. */
  omitSignature?: boolean;
  overrides?: RecordOverrides;
  extra?: ExtraField[];
}

/** A hardware eToken: empty DNSNAME, no SIGNATURE field, role SAST unless given. */
export interface ETokenRecordSpec {
  kind: 'etoken';
  cert: TestCert;
  role?: Role | number;
  ip?: string;
  overrides?: RecordOverrides;
  extra?: ExtraField[];
}

/** A non-secure-mode CCM+TFTP record: DNSNAME (the IP as text), FUNCTION, IPADDRESS; no certificate. */
export interface NonSecureRecordSpec {
  kind: 'nonsecure';
  ip: string;
  role?: Role | number;
  extra?: ExtraField[];
}

export type RecordSpec = CertificateRecordSpec | ETokenRecordSpec | NonSecureRecordSpec;

export interface HeaderOverrides {
  signerName?: string;
  signerSerialHex?: string;
  caName?: string;
  fileName?: string;
}

export interface TrustListSpec {
  kind: 'CTL' | 'ITL';
  /** Default cucm. */
  layout?: Layout;
  /**
   * Signs the file and is named in the header. RSA gives PKCS#1 v1.5; an EC signer (never seen
   * from CUCM, but possible in hand-built files) gives ECDSA in the fixed r||s form (IEEE P1363).
   */
  signer: TestCert;
  /** Default sha1. */
  digest?: Digest;
  /** Header tag 28, major.minor; written only when given. */
  signerVersion?: readonly [number, number];
  /** Unix seconds. Default DEFAULT_TIMESTAMP. */
  timestamp?: number;
  records: RecordSpec[];
  headerOverrides?: HeaderOverrides;
  /** Written after TIMESTAMP, before the padding. */
  headerExtra?: ExtraField[];
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface BuiltField {
  tag: number;
  /** The whole TLV (one byte for PADDING). */
  range: ByteRange;
}

export interface BuiltTrustList {
  bytes: Uint8Array;
  headerLength: number;
  /** Header fields in file order, containers before their children. */
  header: BuiltField[];
  /** The header SIGNATURE TLV: what the signature does not cover. */
  signatureTlv: ByteRange;
  records: { range: ByteRange; fields: BuiltField[] }[];
}

/** Fri Mar 06 21:56:07 CET 2015, the seed CTL's modification time. */
export const DEFAULT_TIMESTAMP = 1425675367;

export const TAG = {
  VERSION: 1, HEADERLENGTH: 2, SIGNERID: 3, SIGNERNAME: 4, SERIALNUMBER: 5, CANAME: 6, SIGNATUREINFO: 7,
  DIGESTALGORITHM: 8, SIGNATUREALGOINFO: 9, SIGNATUREALGORITHM: 10, SIGNATUREMODULUS: 11, SIGNATURE: 12,
  PADDING: 13, FILENAME: 14, TIMESTAMP: 15, SIGNERVERSION: 28,
} as const;

export const RECORD_TAG = {
  RECORDLENGTH: 1, DNSNAME: 2, SUBJECTNAME: 3, FUNCTION: 4, ISSUERNAME: 5, SERIALNUMBER: 6, PUBLICKEY: 7,
  SIGNATURE: 8, CERTIFICATE: 9, IPADDRESS: 10,
} as const;

const DIGEST_CODES: Record<Digest, number> = { sha1: 1, sha512: 3 };
/** SIGNATUREMODULUS is an index into 64/128/256/512-byte signatures. */
const MODULUS_INDEX: Record<number, number> = { 128: 1, 256: 2, 512: 3 };

/** A TLV tree node: a leaf value or a container whose length covers its children. */
type Node = { tag: number; value: Uint8Array } | { tag: number; children: Node[] };

export function buildTrustList(spec: TrustListSpec): Uint8Array {
  return buildTrustListDetailed(spec).bytes;
}

export function buildTrustListDetailed(spec: TrustListSpec): BuiltTrustList {
  const layout = spec.layout ?? 'cucm';
  const signatureLength = signatureLengthOf(spec.signer);
  const out = new Writer();

  // HEADERLENGTH is fixed-size, so a first pass with 0 gives the real value.
  const headerNodes = (headerLength: number) => headerFields(spec, layout, signatureLength, headerLength);
  const unpadded = headerNodes(0).reduce((n, node) => n + encodedSize(node), 0);
  const padding = (4 - (unpadded % 4)) % 4;
  const headerLength = unpadded + padding;
  const header: BuiltField[] = [];
  for (const node of headerNodes(headerLength)) out.node(node, header);
  for (let i = 0; i < padding; i++) header.push(out.padding());

  const records = spec.records.map(record => {
    const fields: BuiltField[] = [];
    const start = out.offset;
    for (const node of recordFields(record, layout)) out.node(node, fields);
    return { range: { start, end: out.offset }, fields };
  });

  const bytes = out.bytes();
  const signatureTlv = header.find(f => f.tag === TAG.SIGNATURE)!.range;
  const signed = Buffer.concat([bytes.subarray(0, signatureTlv.start), bytes.subarray(signatureTlv.end)]);
  bytes.set(signFor(spec.signer, spec.digest ?? 'sha1', signed, signatureLength), signatureTlv.start + 3);
  return { bytes, headerLength, header, signatureTlv, records };
}

function headerFields(spec: TrustListSpec, layout: Layout, signatureLength: number, headerLength: number): Node[] {
  const o = spec.headerOverrides ?? {};
  const signerName = leaf(TAG.SIGNERNAME, text(o.signerName ?? nameOf(spec.signer, layout, 'subject')));
  const serial = leaf(TAG.SERIALNUMBER, hex(o.signerSerialHex ?? spec.signer.serialHex));
  const caName = leaf(TAG.CANAME, text(o.caName ?? nameOf(spec.signer, layout, 'issuer')));
  const signerId = layout === 'cucm' ? [signerName, serial, caName] : [signerName, caName, serial];
  return [
    leaf(TAG.VERSION, octets(1, 2)),
    leaf(TAG.HEADERLENGTH, u16(headerLength)),
    ...(spec.signerVersion ? [leaf(TAG.SIGNERVERSION, octets(...spec.signerVersion))] : []),
    { tag: TAG.SIGNERID, children: signerId },
    {
      tag: TAG.SIGNATUREINFO, children: [
        leaf(TAG.DIGESTALGORITHM, octets(DIGEST_CODES[spec.digest ?? 'sha1'])),
        { tag: TAG.SIGNATUREALGOINFO, children: [
          leaf(TAG.SIGNATUREALGORITHM, octets(0)),
          leaf(TAG.SIGNATUREMODULUS, octets(MODULUS_INDEX[signatureLength] ?? 0)),
        ] },
      ],
    },
    leaf(TAG.SIGNATURE, new Uint8Array(signatureLength)),
    leaf(TAG.FILENAME, text(o.fileName ?? `${spec.kind}File.tlv`)),
    leaf(TAG.TIMESTAMP, u32(spec.timestamp ?? DEFAULT_TIMESTAMP)),
    ...(spec.headerExtra ?? []).map(f => leaf(f.tag, f.value)),
  ];
}

function recordFields(record: RecordSpec, layout: Layout): Node[] {
  const role = (r: Role | number) => u16(typeof r === 'number' ? r : ROLE_CODES[r]);
  let byTag: Map<number, Uint8Array>;
  let order: number[];
  if (record.kind === 'nonsecure') {
    byTag = new Map([
      [RECORD_TAG.DNSNAME, text(record.ip)],
      [RECORD_TAG.FUNCTION, role(record.role ?? 'CCM+TFTP')],
      [RECORD_TAG.IPADDRESS, ipv4(record.ip)],
    ]);
    order = [RECORD_TAG.DNSNAME, RECORD_TAG.FUNCTION, RECORD_TAG.IPADDRESS];
  } else {
    const eToken = record.kind === 'etoken';
    const { cert } = record;
    const o = record.overrides ?? {};
    byTag = new Map([
      [RECORD_TAG.DNSNAME, text(eToken ? '' : record.dnsName ?? commonName(cert))],
      [RECORD_TAG.SUBJECTNAME, text(o.subjectName ?? nameOf(cert, layout, 'subject'))],
      [RECORD_TAG.FUNCTION, role(record.role ?? 'SAST')],
      [RECORD_TAG.ISSUERNAME, text(o.issuerName ?? nameOf(cert, layout, 'issuer'))],
      [RECORD_TAG.SERIALNUMBER, hex(o.serialHex ?? cert.serialHex)],
      [RECORD_TAG.PUBLICKEY, o.publicKey ?? cert.publicKeyBytes],
      [RECORD_TAG.SIGNATURE, o.signature ?? cert.signatureValue],
      [RECORD_TAG.CERTIFICATE, o.certificate ?? cert.der],
      [RECORD_TAG.IPADDRESS, ipv4(record.ip ?? '0.0.0.0')],
    ]);
    // After RECORDLENGTH (1). certutils writes no DNSNAME or IPADDRESS.
    order = layout === 'cucm' ? [2, 3, 4, 5, 6, 7, 8, 9, 10] : [3, 5, 6, 4, 7, 8, 9];
    if (eToken || record.omitSignature) order = order.filter(tag => tag !== RECORD_TAG.SIGNATURE);
  }
  const body = [...order.map(tag => leaf(tag, byTag.get(tag)!)), ...(record.extra ?? []).map(f => leaf(f.tag, f.value))];
  const length = 5 + body.reduce((n, node) => n + encodedSize(node), 0);
  return [leaf(RECORD_TAG.RECORDLENGTH, u16(length)), ...body];
}

function nameOf(cert: TestCert, layout: Layout, which: 'subject' | 'issuer'): string {
  if (layout === 'cucm') return which === 'subject' ? cert.subjectCucm : cert.issuerCucm;
  return which === 'subject' ? cert.subjectRfc4514 : cert.issuerRfc4514;
}

function commonName(cert: TestCert): string {
  return cert.subject.find(([type]) => type === 'CN')?.[1] ?? '';
}

/**
 * The key's own scheme: PKCS#1 v1.5 for RSA, ECDSA r||s for EC. Hostile tests also sign with
 * RSA-PSS, DSA and EdDSA keys; a DSA signature (DER) varies in length, so sign until it fits.
 */
function signFor(signer: TestCert, digest: Digest, data: Uint8Array, length?: number): Buffer {
  const type = signer.privateKey.asymmetricKeyType;
  const once = () => type === 'ec' ? sign(digest, data, { key: signer.privateKey, dsaEncoding: 'ieee-p1363' })
    : sign(type === 'ed25519' || type === 'ed448' ? null : digest, data, signer.privateKey);
  for (let i = 0; i < 256; i++) {
    const s = once();
    if (length === undefined || s.length === length) return s;
  }
  throw new Error(`no ${type} signature of ${length} bytes`);
}

function signatureLengthOf(signer: TestCert): number {
  const details = signer.publicKey.asymmetricKeyDetails;
  if (signer.publicKey.asymmetricKeyType === 'ec') return details?.namedCurve === 'secp384r1' ? 96 : 64;
  if (signer.publicKey.asymmetricKeyType === 'rsa' && details?.modulusLength) return details.modulusLength / 8;
  // DSA (DER): the most frequent length of a few samples, so signFor meets it again quickly. Neither the first
  // sample (a rare short one) nor the longest (rare when q is just above a power of two: both r and s then need a
  // leading zero byte, about 1 time in 100) will do: signFor gave up now and then with either.
  const counts = new Map<number, number>();
  for (let i = 0; i < 32; i++) {
    const n = signFor(signer, 'sha1', new Uint8Array(0)).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

function encodedSize(node: Node): number {
  return 3 + ('value' in node ? node.value.length : node.children.reduce((n, c) => n + encodedSize(c), 0));
}

class Writer {
  private readonly chunks: Uint8Array[] = [];
  offset = 0;

  node(node: Node, fields: BuiltField[]): void {
    const start = this.offset;
    const field: BuiltField = { tag: node.tag, range: { start, end: start + encodedSize(node) } };
    fields.push(field);
    const length = encodedSize(node) - 3;
    if (length > 0xffff) throw new Error(`tag ${node.tag}: ${length} bytes do not fit a u16 length`);
    this.push(new Uint8Array([node.tag, length >> 8, length & 0xff]));
    if ('value' in node) this.push(node.value);
    else for (const child of node.children) this.node(child, fields);
  }

  padding(): BuiltField {
    this.push(new Uint8Array([TAG.PADDING]));
    return { tag: TAG.PADDING, range: { start: this.offset - 1, end: this.offset } };
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.offset += chunk.length;
  }
}

function leaf(tag: number, value: Uint8Array): Node {
  return { tag, value };
}

function octets(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

function u16(value: number): Uint8Array {
  return octets(value >> 8, value & 0xff);
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** NUL-terminated UTF-8; the length counts the NUL. */
function text(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(`${value}\0`, 'utf8'));
}

function hex(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'hex'));
}

function ipv4(address: string): Uint8Array {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some(p => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${address}`);
  return octets(...parts);
}
