// X.509 certificate details, read straight from DER so RSA and EC certificates both work.
import type { ByteRange, CertificateInfo } from './model';
import { asn1Time, children, DerError, expectTag, oidToString, readTlv, type Tlv } from './der';
import { readName, toCucm, toRfc4514 } from './names';
import { toHex } from './hex';
import type { CryptoPort } from './crypto';

const SEQ = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OCTET_STRING = 0x04;
const OID = 0x06;
const BOOLEAN = 0x01;

const SIG_ALGS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

const KEY_ALGS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
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
  return toHex(bytes, s, t.end).toUpperCase();
}

function bitLength(bytes: Uint8Array, t: Tlv): number {
  let s = t.contentStart;
  while (s < t.end && bytes[s] === 0) s++;
  if (s === t.end) return 0;
  return (t.end - s - 1) * 8 + (32 - Math.clz32(bytes[s]));
}

function generalNames(bytes: Uint8Array, seq: Tlv): string[] {
  const latin1 = new TextDecoder('latin1');
  return children(bytes, seq).map(n => {
    const text = () => latin1.decode(bytes.subarray(n.contentStart, n.end));
    switch (n.tag) {
      case 0x81: return `email:${text()}`;
      case 0x82: return `DNS:${text()}`;
      case 0x86: return `URI:${text()}`;
      case 0x87: {
        const ip = bytes.subarray(n.contentStart, n.end);
        if (ip.length === 4) return `IP:${Array.from(ip).join('.')}`;
        const groups: string[] = [];
        for (let i = 0; i + 1 < ip.length; i += 2) groups.push(((ip[i] << 8) | ip[i + 1]).toString(16));
        return `IP:${groups.join(':')}`;
      }
      case 0xa4: return `DirName:${toRfc4514(readName(bytes, children(bytes, n)[0]))}`;
      default: return `other:[${n.tag & 0x1f}]`;
    }
  });
}

interface Extensions {
  subjectAltNames: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
}

function readExtensions(bytes: Uint8Array, wrapper: Tlv | undefined): Extensions {
  const ext: Extensions = { subjectAltNames: [], keyUsage: [], extendedKeyUsage: [] };
  if (!wrapper) return ext;
  for (const e of children(bytes, expectTag(children(bytes, wrapper)[0], SEQ, 'Extensions'))) {
    const parts = children(bytes, e);
    const oid = oidToString(bytes, expectTag(parts[0], OID, 'extension id'));
    const octets = parts[parts.length - 1];
    if (!octets || octets.tag !== OCTET_STRING) continue;
    const inner = readTlv(bytes, octets.contentStart, octets.end);
    switch (oid) {
      case '2.5.29.17':
        ext.subjectAltNames = generalNames(bytes, inner);
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
export function parseCertificate(bytes: Uint8Array, range: ByteRange, crypto: CryptoPort): CertificateInfo {
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
  let keySize = 0;
  let curve: string | undefined;
  if (keyAlgorithm === 'RSA') {
    const [modulus] = children(bytes, readTlv(bytes, publicKeyRange.start, publicKeyRange.end));
    keySize = bitLength(bytes, expectTag(modulus, INTEGER, 'RSA modulus'));
  } else if (keyAlgorithm === 'EC' && keyAlgParts[1]?.tag === OID) {
    const c = oidToString(bytes, keyAlgParts[1]);
    curve = CURVES[c]?.name ?? c;
    keySize = CURVES[c]?.bits ?? 0;
  } else if (keyAlgorithm === 'Ed25519') keySize = 256;
  else if (keyAlgorithm === 'Ed448') keySize = 456;

  const sigOid = oidToString(bytes, expectTag(children(bytes, sigAlg)[0], OID, 'signature algorithm'));
  const subjectRdns = readName(bytes, subject);
  const issuerRdns = readName(bytes, issuer);
  const der = bytes.subarray(range.start, range.end);
  const ext = readExtensions(bytes, extWrapper);
  const issuerRfc = toRfc4514(issuerRdns);
  const subjectRfc = toRfc4514(subjectRdns);
  return {
    range,
    version,
    serial: integerHex(bytes, serial),
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
    sha1: crypto.digest('sha1', [der]),
    sha256: crypto.digest('sha256', [der]),
    ...ext,
    selfSigned: subjectRfc === issuerRfc,
    spkiRange: { start: spki.start, end: spki.end },
    publicKeyRange,
    signatureValueRange: { start: sigValue.contentStart + 1, end: sigValue.end },
  };
}
