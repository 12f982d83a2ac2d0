// X.509 certificate details, read straight from DER so RSA and EC certificates both work.
import type { ByteRange, CertificateInfo } from './model';
import { asn1String, asn1Time, children, DerError, expectTag, latin1Text, oidToString, readTlv, type Tlv } from './der';
import { readName, toCucm, toRfc4514 } from './names';
import { toHex, toHexUpper } from './hex';
import type { Hasher } from './crypto';
import { LazyFingerprints } from './lean';

const SEQ = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OCTET_STRING = 0x04;
const OID = 0x06;
const BOOLEAN = 0x01;

const SIG_ALGS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.1': 'dsa_with_SHA224',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const KEY_ALGS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  // Never 'RSA': the signature verifier takes 'RSA' to mean rsaEncryption (PKCS#1 v1.5).
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384 },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512 },
};

/** Prime and order (uppercase hex) of the named curves, to recognise them in explicit ECParameters. */
const EXPLICIT_CURVES: Record<string, string> = {
  'FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF/FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551': '1.2.840.10045.3.1.7',
  'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973': '1.3.132.0.34',
  '01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF/01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409': '1.3.132.0.35',
  'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141': '1.3.132.0.10',
  'A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377/A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7': '1.3.36.3.3.2.8.1.1.7',
  '8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B412B1DA197FB71123ACD3A729901D1A71874700133107EC53/8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B31F166E6CAC0425A7CF3AB6AF6B7FC3103B883202E9046565': '1.3.36.3.3.2.8.1.1.11',
  'AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA703308717D4D9B009BC66842AECDA12AE6A380E62881FF2F2D82C68528AA6056583A48F3/AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA70330870553E5C414CA92619418661197FAC10471DB1D381085DDADDB58796829CA90069': '1.3.36.3.3.2.8.1.1.13',
};

const KEY_USAGE = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

const EKUS: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.5': 'ipsecEndSystem',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '1.3.6.1.5.5.8.2.2': 'ipsecIKE',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

/** INTEGER content as uppercase hex, without the sign byte DER adds to positive values. */
function integerHex(bytes: Uint8Array, t: Tlv): string {
  let s = t.contentStart;
  while (s < t.end - 1 && bytes[s] === 0) s++;
  return toHexUpper(bytes, s, t.end);
}

/** A serial as openssl's `-serial` prints it: a negative one as `-` and its magnitude (0xFB2E → -04D2). */
function serialHex(bytes: Uint8Array, t: Tlv): string {
  if (t.end === t.contentStart || bytes[t.contentStart] < 0x80) return integerHex(bytes, t);
  const magnitude = (1n << BigInt((t.end - t.contentStart) * 8)) - BigInt(`0x${toHex(bytes, t.contentStart, t.end)}`);
  const hex = magnitude.toString(16).toUpperCase();
  return `-${hex.length % 2 ? '0' : ''}${hex}`;
}

function bitLength(bytes: Uint8Array, t: Tlv): number {
  let s = t.contentStart;
  while (s < t.end && bytes[s] === 0) s++;
  if (s === t.end) return 0;
  return (t.end - s - 1) * 8 + (32 - Math.clz32(bytes[s]));
}

const UPN = '1.3.6.1.4.1.311.20.2.3';

/** `IP:` and the address as openssl prints it: dotted IPv4, IPv6 as eight uppercase groups, `/mask` for 8 or 32 bytes. */
function ipText(ip: Uint8Array): string {
  const v4 = (b: Uint8Array) => Array.from(b).join('.');
  const v6 = (b: Uint8Array) => Array.from({ length: 8 }, (_, i) => ((b[2 * i] << 8) | b[2 * i + 1]).toString(16).toUpperCase()).join(':');
  switch (ip.length) {
    case 4: return `IP:${v4(ip)}`;
    case 8: return `IP:${v4(ip.subarray(0, 4))}/${v4(ip.subarray(4))}`;
    case 16: return `IP:${v6(ip)}`;
    case 32: return `IP:${v6(ip.subarray(0, 16))}/${v6(ip.subarray(16))}`;
    default: return `IP:<invalid length=${ip.length}>`;
  }
}

/** otherName as openssl shows it: `othername:UPN:<text>`, other types by OID, with the value when it is a string. */
function otherName(bytes: Uint8Array, n: Tlv): string {
  const [type, wrapper] = children(bytes, n);
  const oid = oidToString(bytes, expectTag(type, OID, 'otherName type-id'));
  const value = wrapper?.tag === 0xa0 ? children(bytes, wrapper)[0] : undefined;
  return `othername:${oid === UPN ? 'UPN' : oid}:${(value && asn1String(bytes, value)) ?? '<unsupported>'}`;
}

/**
 * GeneralNames with openssl's labels (`email:`, `DNS:`, `URI:`, `DirName:`, `Registered ID:`,
 * `othername:`), except `IP:` for its `IP Address:`, which we have always shown.
 */
function generalNames(bytes: Uint8Array, seq: Tlv): string[] {
  return children(bytes, seq).map(n => {
    const text = () => latin1Text(bytes.subarray(n.contentStart, n.end));
    switch (n.tag) {
      case 0xa0: return otherName(bytes, n);
      case 0x81: return `email:${text()}`;
      case 0x82: return `DNS:${text()}`;
      case 0xa3: return 'X400Name:<unsupported>';
      case 0xa4: return `DirName:${toRfc4514(readName(bytes, children(bytes, n)[0]))}`;
      case 0xa5: return 'EdiPartyName:<unsupported>';
      case 0x86: return `URI:${text()}`;
      case 0x87: return ipText(bytes.subarray(n.contentStart, n.end));
      case 0x88: return `Registered ID:${oidToString(bytes, n)}`;
      default: return `other:[${n.tag & 0x1f}]`;
    }
  });
}

/** Key size in bits (RSA modulus, DSA p, EC field) and the EC curve's name. */
function keyDetails(bytes: Uint8Array, keyAlgorithm: string, params: Tlv | undefined, key: ByteRange): { keySize: number; curve?: string } {
  switch (keyAlgorithm) {
    case 'RSA':
    case 'RSA-PSS': {
      const [modulus] = children(bytes, readTlv(bytes, key.start, key.end));
      return { keySize: bitLength(bytes, expectTag(modulus, INTEGER, 'RSA modulus')) };
    }
    case 'DSA':
      // Dss-Parms ::= SEQUENCE { p, q, g }; absent when inherited from the issuer.
      return { keySize: params?.tag === SEQ ? bitLength(bytes, expectTag(children(bytes, params)[0], INTEGER, 'DSA p')) : 0 };
    case 'EC': {
      const explicit = params?.tag === SEQ ? explicitCurve(bytes, params) : undefined;
      const oid = params?.tag === OID ? oidToString(bytes, params) : explicit?.oid;
      if (oid) return { keySize: CURVES[oid]?.bits ?? 0, curve: CURVES[oid]?.name ?? oid };
      return explicit ? { keySize: explicit.fieldBits, curve: 'explicit' } : { keySize: 0 };
    }
    case 'Ed25519': return { keySize: 256 };
    case 'Ed448': return { keySize: 456 };
    default: return { keySize: 0 };
  }
}

/** Explicit ECParameters (RFC 3279): the field size, and the named curve's OID when prime and order match one. */
function explicitCurve(bytes: Uint8Array, params: Tlv): { oid?: string; fieldBits: number } {
  const [, fieldId, , , order] = children(bytes, params);
  const [, field] = children(bytes, expectTag(fieldId, SEQ, 'ECParameters fieldID'));
  // prime-field carries the prime; characteristic-two-field a SEQUENCE starting with m, the degree.
  if (field?.tag === SEQ) return { fieldBits: parseInt(integerHex(bytes, expectTag(children(bytes, field)[0], INTEGER, 'field degree')), 16) };
  const prime = expectTag(field, INTEGER, 'ECParameters prime');
  const oid = order?.tag === INTEGER ? EXPLICIT_CURVES[`${integerHex(bytes, prime)}/${integerHex(bytes, order)}`] : undefined;
  return { oid, fieldBits: bitLength(bytes, prime) };
}

interface Extensions {
  subjectAltNames: string[];
  warnings: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
}

function readExtensions(bytes: Uint8Array, wrapper: Tlv | undefined): Extensions {
  const ext: Extensions = { subjectAltNames: [], warnings: [], keyUsage: [], extendedKeyUsage: [] };
  let sanSeen = false;
  if (!wrapper) return ext;
  for (const e of children(bytes, expectTag(children(bytes, wrapper)[0], SEQ, 'Extensions'))) {
    const parts = children(bytes, e);
    const oid = oidToString(bytes, expectTag(parts[0], OID, 'extension id'));
    const octets = parts[parts.length - 1];
    if (!octets || octets.tag !== OCTET_STRING) continue;
    const inner = readTlv(bytes, octets.contentStart, octets.end);
    switch (oid) {
      case '2.5.29.17':
        // RFC 5280 allows one; openssl and Node use the first, and so do we.
        if (sanSeen) ext.warnings.push(`a second subjectAltName extension at ${e.start} is ignored`);
        else ext.subjectAltNames = generalNames(bytes, inner);
        sanSeen = true;
        break;
      case '2.5.29.15': {
        const unused = bytes[inner.contentStart];
        const nbits = (inner.end - inner.contentStart - 1) * 8 - unused;
        for (let i = 0; i < nbits && i < KEY_USAGE.length; i++) {
          if (bytes[inner.contentStart + 1 + (i >> 3)] & (0x80 >> (i & 7))) ext.keyUsage.push(KEY_USAGE[i]);
        }
        break;
      }
      case '2.5.29.37':
        ext.extendedKeyUsage = children(bytes, inner).map(o => {
          const id = oidToString(bytes, o);
          return EKUS[id] ?? id;
        });
        break;
      case '2.5.29.19': {
        const bc: { ca: boolean; pathLength?: number } = { ca: false };
        for (const c of children(bytes, inner)) {
          if (c.tag === BOOLEAN) bc.ca = bytes[c.contentStart] !== 0;
          else if (c.tag === INTEGER) bc.pathLength = parseInt(integerHex(bytes, c), 16);
        }
        ext.basicConstraints = bc;
        break;
      }
    }
  }
  return ext;
}

/**
 * Parse the DER certificate occupying `range` of `bytes`. Throws DerError with an absolute
 * offset when the bytes are not a certificate.
 */
export function parseCertificate(bytes: Uint8Array, range: ByteRange, crypto: Hasher, options: { lean?: boolean } = {}): CertificateInfo {
  const cert = expectTag(readTlv(bytes, range.start, range.end), SEQ, 'Certificate SEQUENCE');
  if (cert.end !== range.end) throw new DerError(`certificate DER ends at ${cert.end}, the field at ${range.end}`, cert.end);
  const [tbs, sigAlg, sigValue] = children(bytes, cert);
  expectTag(tbs, SEQ, 'TBSCertificate');
  expectTag(sigAlg, SEQ, 'signatureAlgorithm');
  expectTag(sigValue, BIT_STRING, 'signatureValue');
  const t = children(bytes, tbs);
  let i = 0;
  let version = 1;
  if (t[0]?.tag === 0xa0) {
    version = bytes[children(bytes, t[0])[0].end - 1] + 1;
    i++;
  }
  const serial = expectTag(t[i++], INTEGER, 'serialNumber');
  i++; // the inner signature AlgorithmIdentifier repeats the outer one
  const issuer = expectTag(t[i++], SEQ, 'issuer');
  const validity = children(bytes, expectTag(t[i++], SEQ, 'validity'));
  const subject = expectTag(t[i++], SEQ, 'subject');
  const spki = expectTag(t[i++], SEQ, 'subjectPublicKeyInfo');
  const extWrapper = t.slice(i).find(x => x.tag === 0xa3);

  const [keyAlg, keyBits] = children(bytes, spki);
  const keyAlgParts = children(bytes, expectTag(keyAlg, SEQ, 'key AlgorithmIdentifier'));
  const keyOid = oidToString(bytes, expectTag(keyAlgParts[0], OID, 'key algorithm'));
  expectTag(keyBits, BIT_STRING, 'subjectPublicKey');
  const publicKeyRange = { start: keyBits.contentStart + 1, end: keyBits.end };
  const keyAlgorithm = KEY_ALGS[keyOid] ?? keyOid;
  const { keySize, curve } = keyDetails(bytes, keyAlgorithm, keyAlgParts[1], publicKeyRange);

  const sigOid = oidToString(bytes, expectTag(children(bytes, sigAlg)[0], OID, 'signature algorithm'));
  const subjectRdns = readName(bytes, subject);
  const issuerRdns = readName(bytes, issuer);
  const der = bytes.subarray(range.start, range.end);
  const { warnings, ...ext } = readExtensions(bytes, extWrapper);
  const issuerRfc = toRfc4514(issuerRdns);
  const subjectRfc = toRfc4514(subjectRdns);
  const info: CertificateInfo = {
    range,
    version,
    serial: serialHex(bytes, serial),
    subject: subjectRdns,
    issuer: issuerRdns,
    subjectRfc4514: subjectRfc,
    issuerRfc4514: issuerRfc,
    subjectCucm: toCucm(subjectRdns),
    issuerCucm: toCucm(issuerRdns),
    notBefore: asn1Time(bytes, validity[0]),
    notAfter: asn1Time(bytes, validity[1]),
    keyAlgorithm,
    keySize,
    curve,
    signatureAlgorithm: SIG_ALGS[sigOid] ?? sigOid,
    signatureAlgorithmOid: sigOid,
    sha1: options.lean ? '' : crypto.digest('sha1', [der]),
    sha256: options.lean ? '' : crypto.digest('sha256', [der]),
    ...ext,
    ...(warnings.length ? { warnings } : {}),
    selfSigned: subjectRfc === issuerRfc,
    spkiRange: { start: spki.start, end: spki.end },
    publicKeyRange,
    signatureValueRange: { start: sigValue.contentStart + 1, end: sigValue.end },
  };
  if (!options.lean) return info;
  // Lean: the fingerprints on first read (src/core/lean.ts).
  const { sha1: _sha1, sha256: _sha256, ...rest } = info;
  return Object.assign(new LazyFingerprints(der, crypto), rest) as unknown as CertificateInfo;
}

const shift = (r: ByteRange, by: number): ByteRange => ({ start: r.start + by, end: r.end + by });

/**
 * Parsed certificates by their DER, for a caller that decodes many files holding the same few (a
 * folder of ITLSEP files is signed by one or two): a repeat is a copy with its byte ranges moved to
 * where this file holds it. Only certificates read without warnings are kept (a warning names an
 * offset). The caller owns it: pass one through DecodeOptions.certificateCache.
 */
export class CertificateCache {
  readonly #entries: { der: Uint8Array; info: CertificateInfo }[] = [];
  constructor(readonly size = 16) {}

  parse(bytes: Uint8Array, range: ByteRange, crypto: Hasher): CertificateInfo {
    const der = bytes.subarray(range.start, range.end);
    const hit = this.#entries.find(e => sameBytes(e.der, der));
    if (!hit) {
      // Eager fingerprints here: every later copy reads them from this one.
      const info = parseCertificate(bytes, range, crypto);
      if (!info.warnings) {
        if (this.#entries.length >= this.size) this.#entries.shift();
        this.#entries.push({ der: der.slice(), info });
      }
      return info;
    }
    const by = range.start - hit.info.range.start;
    // The same DER: the same fingerprints too, so a lean read has nothing left to defer.
    return { ...hit.info, range, spkiRange: shift(hit.info.spkiRange, by), publicKeyRange: shift(hit.info.publicKeyRange, by), signatureValueRange: shift(hit.info.signatureValueRange, by) };
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
