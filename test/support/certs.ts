// X.509 certificates for test trust lists. RSA-signed RSA certificates come from node-forge's pki;
// forge cannot hold EC keys, so any certificate with an EC subject or EC issuer key reuses forge's
// TBSCertificate encoding, swaps in the EC parts with forge.asn1 and is signed by Node's crypto.
import { createHash, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import * as forge from 'node-forge';
import { isRsa, keyPair, type KeyType } from './keys';

export type NameType = 'CN' | 'OU' | 'O' | 'L' | 'ST' | 'C';
/** Attributes in certificate (DER) order, one attribute per RDN. */
export type DistinguishedName = ReadonlyArray<readonly [NameType, string]>;
export type CertHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';
export type KeyUsageName =
  | 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign';
export type ExtKeyUsageName = keyof typeof EKU_OIDS;

export interface CertExtensions {
  basicConstraints?: { ca: boolean; pathLength?: number; critical?: boolean };
  keyUsage?: KeyUsageName[];
  extKeyUsage?: ExtKeyUsageName[];
  subjectAltName?: { dns?: string[]; ip?: string[] };
  /** SHA-1 of the subjectPublicKey bits (RFC 5280 method 1). */
  subjectKeyIdentifier?: boolean;
}

export interface CertSpec {
  /** In certificate order; CUCM puts CN first. */
  subject: DistinguishedName;
  /** Default rsa2048. */
  key?: KeyType;
  /** Certificates with the same key type and keyId share one key pair (see keys.ts). Default 'default'. */
  keyId?: string;
  /** Hex of the serial's magnitude. Default: 16 random bytes with the top bit clear (always 16 bytes encoded). */
  serialHex?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Hash of the certificate's own signature. Default sha256. */
  hash?: CertHash;
  /** Issuing certificate (with its private key). Default: self-signed. */
  issuer?: TestCert;
  extensions?: CertExtensions;
}

export interface TestCert {
  der: Uint8Array;
  x509: X509Certificate;
  key: KeyType;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Uppercase hex of the serial's magnitude, what a record's SERIALNUMBER holds. */
  serialHex: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** CUCM's form: certificate order, `;`-separated. */
  subjectCucm: string;
  issuerCucm: string;
  /** RFC 4514: reversed order, `,`-separated, escaped (certutils' form). */
  subjectRfc4514: string;
  issuerRfc4514: string;
  /** A record's PUBLICKEY value: PKCS#1 RSAPublicKey DER, or the uncompressed EC point. */
  publicKeyBytes: Uint8Array;
  /** The certificate's signatureValue, a record's SIGNATURE value. */
  signatureValue: Uint8Array;
  /** Uppercase hex SHA-1 of the DER. */
  sha1: string;
}

const EKU_OIDS = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  ipsecEndSystem: '1.3.6.1.5.5.7.3.5',
} as const;

const RSA_SIGNATURE_OIDS: Record<CertHash, string> = {
  sha1: '1.2.840.113549.1.1.5',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};
const ECDSA_SIGNATURE_OIDS: Record<CertHash, string> = {
  sha1: '1.2.840.10045.4.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

const DEFAULT_NOT_BEFORE = new Date('2024-01-01T00:00:00Z');
const DEFAULT_NOT_AFTER = new Date('2044-01-01T00:00:00Z');

const { asn1 } = forge;

// forge.pki.getTBSCertificate exists at runtime but is missing from @types/node-forge.
const getTBSCertificate = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate;

export function makeCert(spec: CertSpec): TestCert {
  const key = spec.key ?? 'rsa2048';
  const pair = keyPair(key, spec.keyId);
  const hash = spec.hash ?? 'sha256';
  const issuerName = spec.issuer?.subject ?? spec.subject;
  const signerKey = spec.issuer?.privateKey ?? pair.privateKey;
  const signerIsRsa = isRsa(spec.issuer?.key ?? key);
  const serialHex = normaliseHex(spec.serialHex ?? defaultSerial());
  const publicKeyBytes = publicKeyValue(key, pair.publicKey);

  const cert = forge.pki.createCertificate();
  cert.serialNumber = (parseInt(serialHex.slice(0, 2), 16) & 0x80 ? '00' : '') + serialHex;
  cert.validity.notBefore = spec.notBefore ?? DEFAULT_NOT_BEFORE;
  cert.validity.notAfter = spec.notAfter ?? DEFAULT_NOT_AFTER;
  cert.setSubject(forgeName(spec.subject));
  cert.setIssuer(forgeName(issuerName));
  cert.setExtensions(forgeExtensions(spec.extensions ?? {}, publicKeyBytes));

  let der: string;
  let signatureValue: string;
  if (isRsa(key) && signerIsRsa) {
    cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const forgeKey = forge.pki.privateKeyFromPem(signerKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    cert.sign(forgeKey, forge.md[hash].create());
    der = asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
    signatureValue = cert.signature as string;
  } else {
    ({ der, signatureValue } = signWithNode(cert, key, pair.publicKey, signerKey, signerIsRsa, hash));
  }

  const derBytes = fromBinary(der);
  return {
    der: derBytes,
    x509: new X509Certificate(derBytes),
    key,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    serialHex,
    subject: spec.subject,
    issuer: issuerName,
    subjectCucm: formatCucmName(spec.subject),
    issuerCucm: formatCucmName(issuerName),
    subjectRfc4514: formatRfc4514Name(spec.subject),
    issuerRfc4514: formatRfc4514Name(issuerName),
    publicKeyBytes,
    signatureValue: fromBinary(signatureValue),
    sha1: createHash('sha1').update(derBytes).digest('hex').toUpperCase(),
  };
}

/** The TBSCertificate forge would sign, with the EC subject key and/or the ECDSA algorithm put in. */
function signWithNode(cert: forge.pki.Certificate, key: KeyType, publicKey: KeyObject, signerKey: KeyObject,
  signerIsRsa: boolean, hash: CertHash): { der: string; signatureValue: string } {
  const one = new forge.jsbn.BigInteger('1');
  // A throw-away RSA key object lets forge encode the rest of the TBS; its SPKI is replaced below.
  cert.publicKey = isRsa(key)
    ? forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
    : forge.pki.rsa.setPublicKey(one, one);
  const oid = signerIsRsa ? RSA_SIGNATURE_OIDS[hash] : ECDSA_SIGNATURE_OIDS[hash];
  cert.siginfo.algorithmOid = oid;
  const tbs = getTBSCertificate(cert);
  const parts = tbs.value as forge.asn1.Asn1[];
  parts[2] = algorithmIdentifier(oid, signerIsRsa);
  if (!isRsa(key)) parts[6] = asn1.fromDer(toBinary(publicKey.export({ type: 'spki', format: 'der' })));
  const tbsDer = asn1.toDer(tbs).getBytes();
  const signature = toBinary(sign(hash, fromBinary(tbsDer), signerKey));
  const full = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    algorithmIdentifier(oid, signerIsRsa),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, '\x00' + signature),
  ]);
  return { der: asn1.toDer(full).getBytes(), signatureValue: signature };
}

/** RSA algorithms carry an explicit NULL parameter; ECDSA ones have none (RFC 5758). */
function algorithmIdentifier(oid: string, nullParameter: boolean): forge.asn1.Asn1 {
  const parts = [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes())];
  if (nullParameter) parts.push(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''));
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, parts);
}

function publicKeyValue(key: KeyType, publicKey: KeyObject): Uint8Array {
  if (isRsa(key)) return new Uint8Array(publicKey.export({ type: 'pkcs1', format: 'der' }));
  const jwk = publicKey.export({ format: 'jwk' });
  return new Uint8Array([0x04, ...Buffer.from(jwk.x!, 'base64url'), ...Buffer.from(jwk.y!, 'base64url')]);
}

function forgeName(name: DistinguishedName): forge.pki.CertificateField[] {
  // CUCM certificates use UTF8String except PrintableString for the country.
  return name.map(([type, value]) => ({
    shortName: type,
    value,
    valueTagClass: (type === 'C' ? asn1.Type.PRINTABLESTRING : asn1.Type.UTF8) as unknown as forge.pki.CertificateField['valueTagClass'],
  }));
}

function forgeExtensions(ext: CertExtensions, publicKeyBytes: Uint8Array): object[] {
  const out: object[] = [];
  if (ext.basicConstraints) {
    const { ca, pathLength, critical } = ext.basicConstraints;
    out.push({ name: 'basicConstraints', cA: ca, critical: critical ?? false, ...(pathLength === undefined ? {} : { pathLenConstraint: pathLength }) });
  }
  if (ext.keyUsage) {
    out.push({ name: 'keyUsage', ...Object.fromEntries(ext.keyUsage.map(u => [u, true])) });
  }
  if (ext.extKeyUsage) {
    const oids = ext.extKeyUsage.map(u => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(EKU_OIDS[u]).getBytes()));
    out.push({ name: 'extKeyUsage', value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, oids) });
  }
  if (ext.subjectAltName) {
    const { dns = [], ip = [] } = ext.subjectAltName;
    out.push({ name: 'subjectAltName', altNames: [...dns.map(value => ({ type: 2, value })), ...ip.map(address => ({ type: 7, ip: address }))] });
  }
  if (ext.subjectKeyIdentifier) {
    const id = createHash('sha1').update(publicKeyBytes).digest('binary');
    out.push({ name: 'subjectKeyIdentifier', value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, id) });
  }
  return out;
}

export function formatCucmName(name: DistinguishedName): string {
  return name.map(([type, value]) => `${type}=${value}`).join(';');
}

export function formatRfc4514Name(name: DistinguishedName): string {
  return [...name].reverse().map(([type, value]) => `${type}=${escapeRfc4514(value)}`).join(',');
}

function escapeRfc4514(value: string): string {
  return value
    .replace(/[\\",+;<>]/g, c => `\\${c}`)
    .replace(/^[ #]/, c => `\\${c}`)
    .replace(/ $/, '\\ ');
}

function defaultSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return bytes.toString('hex');
}

function normaliseHex(hex: string): string {
  const clean = hex.replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(clean)) throw new Error(`serialHex is not hex: ${hex}`);
  return clean.length % 2 ? `0${clean}` : clean;
}

function toBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('binary');
}

function fromBinary(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'binary'));
}
