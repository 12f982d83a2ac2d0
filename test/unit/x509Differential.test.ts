// Differential test: every figure parseCertificate shows (serial, names, validity, key, signature
// algorithm, SANs, fingerprints) against `openssl x509` and Node's X509Certificate, on certificates
// made by openssl and by test/support/certs.ts, and on DER edited by hand where openssl cannot make
// the case (the TBSCertificate is rewritten and not re-signed: openssl and Node still read it).
//
// Where we deliberately differ from openssl, the comparison normalises and says why:
// - names: openssl's RFC2253 output escapes every non-ASCII byte as `\XX` (its ESC_MSB flag); RFC 4514
//   does not require that and we show printable Unicode as is, so openssl's escaped UTF-8 is decoded
//   before comparing. Control characters (C0, DEL, C1) are escaped by both, as `\XX` UTF-8 pairs.
// - SAN labels: ours are openssl's, except `IP:` for its `IP Address:`. openssl 3.0 prints an 8- or
//   32-byte IP SAN as `<invalid length=8>`; we show address/mask the way openssl prints them in
//   name constraints (`IP:10.0.0.0/255.0.0.0`), which is what this test compares them with.
// - INTEGER / OCTET STRING attribute values: openssl and Node refuse such certificates; we show them
//   as RFC 4514 §2.4 `#` + BER hex, which is what openssl prints for other non-string values.
// - Ed25519/Ed448 key sizes (256/456) have no openssl or Node counterpart and are not compared.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCertificate } from '../../src/core/x509';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { children, DerError, oidToString, readTlv } from '../../src/core/der';
import { sameSerial } from '../../src/core/crosscheck';
import { colonHex } from '../../src/core/hex';
import type { CertificateInfo } from '../../src/core/model';
import { makeCert } from '../support/certs';

const dir = mkdtempSync(join(tmpdir(), 'x509diff-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'req.cnf'), '[req]\ndistinguished_name = dn\nx509_extensions = v3\n[dn]\n[v3]\nsubjectKeyIdentifier = hash\n[dirname]\nCN = dir\nO = Org\n');

function openssl(args: string[], input?: Uint8Array): string {
  return execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A self-signed certificate from `openssl req -x509` with a key from `openssl genpkey <keyArgs>`. */
function opensslCert(keyArgs: string[], reqArgs: string[] = []): Uint8Array {
  openssl(['genpkey', ...keyArgs, '-out', 'key.pem']);
  openssl(['req', '-x509', '-config', 'req.cnf', '-key', 'key.pem', '-subj', '/CN=diff.lab.local/O=Lab/C=US', '-days', '30',
    '-outform', 'DER', '-out', 'cert.der', ...reqArgs]);
  return new Uint8Array(readFileSync(join(dir, 'cert.der')));
}

const parse = (der: Uint8Array) => parseCertificate(der, { start: 0, end: der.length }, nodeCrypto);

// ---- DER by hand -------------------------------------------------------------------------------

function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(content);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Uint8Array.from([tag, ...len]), body]);
}
const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

function oid(dotted: string): Uint8Array {
  const [a, b, ...rest] = dotted.split('.').map(BigInt);
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...rest]) {
    const group = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...group);
  }
  return tlv(0x06, Uint8Array.from(out));
}
const CN = oid('2.5.4.3');

/** Name with one attribute per RDN, in certificate order. */
const name = (...atvs: Array<[Uint8Array, Uint8Array]>) => tlv(0x30, ...atvs.map(([type, value]) => tlv(0x31, tlv(0x30, type, value))));

/** TBSCertificate element indexes (v3): the `[0]` version comes first. */
const TBS = { serial: 1, issuer: 3, validity: 4, subject: 5 } as const;

/** The certificate with its TBSCertificate elements edited; signatureAlgorithm and value kept. */
function rewrite(der: Uint8Array, edit: (tbs: Uint8Array[]) => void): Uint8Array {
  const [tbs, sigAlg, sigValue] = children(der, readTlv(der, 0, der.length));
  const parts = children(der, tbs).map(t => der.subarray(t.start, t.end));
  edit(parts);
  return tlv(0x30, tlv(0x30, ...parts), der.subarray(sigAlg.start, sigValue.end));
}
const withExtensions = (der: Uint8Array, ...exts: Uint8Array[]) => rewrite(der, tbs => {
  tbs[tbs.findIndex(p => p[0] === 0xa3)] = tlv(0xa3, tlv(0x30, ...exts));
});
const sanExtension = (...generalNames: Uint8Array[]) => tlv(0x30, oid('2.5.29.17'), tlv(0x04, tlv(0x30, ...generalNames)));

// ---- What openssl and Node read ----------------------------------------------------------------

/** openssl's `Mon dd hh:mm:ss[.fff] yyyy GMT` (also Node's validFrom) as our ISO form. */
function isoFromOpenssl(s: string): string {
  const m = /^(\w{3}) +(\d+) (\d\d:\d\d:\d\d)(\.\d+)? (\d{4}) GMT$/.exec(s);
  assert.ok(m, `openssl date ${s}`);
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[1]) / 3 + 1;
  return `${m[5]}-${String(month).padStart(2, '0')}-${m[2].padStart(2, '0')}T${m[3]}${m[4] ?? ''}Z`;
}

/** openssl RFC2253 with its `\XX` escapes of non-ASCII UTF-8 decoded, except C1 controls (see top). */
function opensslName(s: string): string {
  return s.replace(/(?:\\[89A-F][0-9A-F])+/g, run => Buffer.from(run.replace(/\\/g, ''), 'hex').toString('utf8')
    .replace(/[\x80-\x9f]/g, c => `\\C2\\${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** openssl's SAN text with our labels. */
function opensslSans(textOut: string): string[] | undefined {
  const m = /X509v3 Subject Alternative Name: *(?:critical)?\n +(.*)\n/.exec(textOut);
  return m?.[1].split(', ').map(s => s
    .replace(/^IP Address:/, 'IP:')
    .replace(/^othername: (\S+)::/, 'othername:$1:')
    .replace(/^DirName:(\/.*)$/, (_, dn: string) => `DirName:${dn.split('/').slice(1).reverse().join(',')}`));
}

/** Node's SAN string split, JSON-quoted values unquoted, with our labels. */
function nodeSans(san: string | undefined): string[] {
  return (san?.match(/(?:[^,"]|"(?:\\.|[^"\\])*")+/g) ?? []).map(s => s.trim()
    .replace(/^([^:"]+(?::UPN)?:)"(.*)"$/, (_, label: string, q: string) => label + JSON.parse(`"${q}"`))
    .replace(/^IP Address:/, 'IP:'));
}

const OPENSSL_KEY_ALGS: Record<string, string> = {
  rsaEncryption: 'RSA', rsassaPss: 'RSA-PSS', dsaEncryption: 'DSA', 'id-ecPublicKey': 'EC', ED25519: 'Ed25519', ED448: 'Ed448',
};
const NODE_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/**
 * Compare every figure of `info` with openssl's and Node's readings of `der`. `nodeNames` is false
 * when Node's own name format (unescaped, `\n`-separated) cannot be compared (see top).
 */
function differential(der: Uint8Array, opts: { nodeNames?: boolean; nodeSans?: boolean; opensslKeySize?: boolean } = {}): CertificateInfo {
  const info = parse(der);
  const o = openssl(['x509', '-inform', 'DER', '-noout', '-nameopt', 'RFC2253', '-serial', '-subject', '-issuer', '-dates', '-fingerprint', '-sha256'], der);
  const field = (k: string) => new RegExp(`^${k}=(.*)$`, 'm').exec(o)?.[1];
  const full = openssl(['x509', '-inform', 'DER', '-noout', '-text', '-nameopt', 'RFC2253'], der);
  const sha1 = openssl(['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha1'], der);
  const node = new X509Certificate(der);

  assert.equal(info.serial, field('serial'), 'serial vs openssl -serial');
  assert.equal(info.serial, node.serialNumber, 'serial vs Node');
  assert.equal(info.subjectRfc4514, opensslName(field('subject')!), 'subject vs openssl');
  assert.equal(info.issuerRfc4514, opensslName(field('issuer')!), 'issuer vs openssl');
  if (opts.nodeNames !== false) {
    assert.equal(info.subjectRfc4514, node.subject.split('\n').reverse().join(','), 'subject vs Node');
    assert.equal(info.issuerRfc4514, node.issuer.split('\n').reverse().join(','), 'issuer vs Node');
  }
  assert.equal(info.notBefore, isoFromOpenssl(field('notBefore')!), 'notBefore vs openssl');
  assert.equal(info.notAfter, isoFromOpenssl(field('notAfter')!), 'notAfter vs openssl');
  assert.equal(info.notBefore, isoFromOpenssl(node.validFrom), 'notBefore vs Node');
  assert.equal(info.notAfter, isoFromOpenssl(node.validTo), 'notAfter vs Node');
  assert.equal(info.sha256, field('sha256 Fingerprint')!.replace(/:/g, '').toLowerCase(), 'SHA-256 vs openssl');
  assert.equal(info.sha1, /=(.*)/.exec(sha1)![1].replace(/:/g, '').toLowerCase(), 'SHA-1 vs openssl');
  assert.equal(info.sha256, node.fingerprint256.replace(/:/g, '').toLowerCase(), 'SHA-256 vs Node');
  assert.equal(info.sha1, node.fingerprint.replace(/:/g, '').toLowerCase(), 'SHA-1 vs Node');

  assert.equal(info.signatureAlgorithm, /Signature Algorithm: (\S+)/.exec(full)![1], 'signature algorithm vs openssl');
  assert.equal(info.keyAlgorithm, OPENSSL_KEY_ALGS[/Public Key Algorithm: (\S+)/.exec(full)![1]], 'key algorithm vs openssl');
  assert.equal(info.keyAlgorithm.toLowerCase(), node.publicKey.asymmetricKeyType, 'key algorithm vs Node');
  const bits = /Public-Key: \((\d+) bit\)/.exec(full)?.[1];
  if (bits && opts.opensslKeySize !== false) assert.equal(info.keySize, Number(bits), 'key size vs openssl');
  const details = node.publicKey.asymmetricKeyDetails ?? {};
  if (details.modulusLength) assert.equal(info.keySize, details.modulusLength, 'key size vs Node');
  const asn1Oid = /ASN1 OID: (\S+)/.exec(full)?.[1];
  if (asn1Oid) assert.equal(info.curve, NODE_CURVES[asn1Oid] ?? asn1Oid, 'curve vs openssl');
  if (details.namedCurve && info.curve !== 'explicit') assert.equal(info.curve, NODE_CURVES[details.namedCurve] ?? details.namedCurve, 'curve vs Node');

  assert.deepEqual(info.subjectAltNames, opensslSans(full) ?? [], 'SANs vs openssl');
  if (opts.nodeSans !== false) assert.deepEqual(info.subjectAltNames, nodeSans(node.subjectAltName), 'SANs vs Node');
  return info;
}

// ---- Keys and signature algorithms -------------------------------------------------------------

const KEYS: Array<{ label: string; keyArgs: string[]; algorithm: string; size?: number; curve?: string }> = [
  { label: 'RSA 2048', keyArgs: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], algorithm: 'RSA', size: 2048 },
  { label: 'RSA-PSS', keyArgs: ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048'], algorithm: 'RSA-PSS', size: 2048 },
  { label: 'DSA 2048', keyArgs: ['-paramfile', 'dsa.pem'], algorithm: 'DSA', size: 2048 },
  { label: 'Ed25519', keyArgs: ['-algorithm', 'ED25519'], algorithm: 'Ed25519' },
  { label: 'Ed448', keyArgs: ['-algorithm', 'ED448'], algorithm: 'Ed448' },
  ...(['P-256', 'P-384', 'P-521', 'brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1'] as const).flatMap(curve => {
    const size = Number(/\d+/.exec(curve)![0]);
    const keyArgs = ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`];
    return [
      { label: `EC ${curve}`, keyArgs, algorithm: 'EC', size, curve },
      { label: `EC ${curve}, explicit parameters`, keyArgs: [...keyArgs, '-pkeyopt', 'ec_param_enc:explicit'], algorithm: 'EC', size, curve },
    ];
  }),
  // Not a curve we name: 'explicit' and the field size (Node names it secp224r1 all the same).
  { label: 'EC secp224r1, explicit parameters', keyArgs: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp224r1', '-pkeyopt', 'ec_param_enc:explicit'],
    algorithm: 'EC', size: 224, curve: 'explicit' },
];

for (const k of KEYS) {
  test(`openssl-made ${k.label} certificate: every figure agrees with openssl and Node`, () => {
    if (k.algorithm === 'DSA') openssl(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', 'dsa.pem']);
    const info = differential(opensslCert(k.keyArgs));
    assert.equal(info.keyAlgorithm, k.algorithm);
    if (k.size) assert.equal(info.keySize, k.size);
    assert.equal(info.curve, k.curve);
    assert.equal(info.warnings, undefined);
  });
}

for (const key of ['rsa2048', 'ec-p256', 'ec-p384'] as const) {
  test(`certs.ts ${key} certificate: every figure agrees with openssl and Node`, () => {
    const cert = makeCert({
      subject: [['CN', 'uc-pub.lab.local'], ['OU', 'Voice'], ['O', 'Lab, Inc.'], ['C', 'US']],
      key, keyId: 'x509-diff', serialHex: '8A1B2C3D',
      extensions: { subjectAltName: { dns: ['uc-pub.lab.local'], ip: ['10.10.10.11', '2001:db8::1'] } },
    });
    const info = differential(cert.der);
    assert.equal(info.serial, '8A1B2C3D');
    assert.deepEqual(info.subjectAltNames, ['DNS:uc-pub.lab.local', 'IP:10.10.10.11', 'IP:2001:DB8:0:0:0:0:0:1']);
  });
}

test('explicit binary-field EC parameters: \'explicit\' and the field degree', () => {
  const info = differential(opensslCert(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:sect233k1', '-pkeyopt', 'ec_param_enc:explicit']), { opensslKeySize: false });
  assert.equal(info.curve, 'explicit');
  // The field size, as for prime fields; openssl's "Public-Key: (232 bit)" is the order's size.
  assert.equal(info.keySize, 233);
});

// ---- Serials -----------------------------------------------------------------------------------

test('negative serial from openssl -set_serial -1234 (DER FB2E) is -04D2, as openssl and Node print it', () => {
  const der = opensslCert(['-algorithm', 'ED25519'], ['-set_serial', '-1234']);
  const info = differential(der);
  assert.equal(info.serial, '-04D2');
  assert.equal(colonHex(info.serial), '-04:D2');
  // A record's SERIALNUMBER field holds the DER bytes; the cross-check must still match them.
  assert.ok(sameSerial('FB2E', info.serial));
  assert.ok(sameSerial(info.serial, 'FB2E'));
  assert.ok(!sameSerial('04D2', info.serial));
});

test('hand-made serial INTEGERs read as openssl reads them', () => {
  const base = opensslCert(['-algorithm', 'ED25519']);
  for (const [content, expected] of [[[0xff], '-01'], [[0x80], '-80'], [[0xff, 0x7f], '-81'], [[0x80, 0x00], '-8000'], [[0x00, 0x80], '80'], [[0x7f], '7F']] as const) {
    const der = rewrite(base, tbs => { tbs[TBS.serial] = tlv(0x02, bytes(...content)); });
    assert.equal(differential(der).serial, expected);
  }
  // Serial 0: openssl prints 00, Node 0; we follow openssl.
  const zero = rewrite(base, tbs => { tbs[TBS.serial] = tlv(0x02, bytes(0)); });
  assert.equal(parse(zero).serial, '00');
  assert.match(openssl(['x509', '-inform', 'DER', '-noout', '-serial'], zero), /^serial=00$/m);
  assert.equal(new X509Certificate(zero).serialNumber, '0');
  assert.ok(sameSerial('-80', '80') && sameSerial('-81', 'FF7F') && sameSerial('-8000', '8000'));
});

// ---- Names -------------------------------------------------------------------------------------

test('UniversalString, BMPString, TeletexString (0x80–0x9F) and IA5String names agree with openssl and Node', () => {
  const base = opensslCert(['-algorithm', 'ED25519']);
  const cases: Array<[Uint8Array, string, string]> = [
    [tlv(0x1c, bytes(0, 0, 0, 0x41, 0, 1, 0xf6, 0, 0, 0, 0, 0xe9)), 'A😀é', 'CN=A😀é'],
    [tlv(0x1e, bytes(0, 0x41, 0x20, 0xac, 0, 0xe9)), 'A€é', 'CN=A€é'],
    [tlv(0x14, bytes(0x41, 0x80, 0x9f, 0xe9)), 'A\x80\x9fé', 'CN=A\\C2\\80\\C2\\9Fé'],
    [tlv(0x16, bytes(0x41, 0x80, 0x9f, 0xe9)), 'A\x80\x9fé', 'CN=A\\C2\\80\\C2\\9Fé'],
  ];
  for (const [value, decoded, rfc] of cases) {
    const der = rewrite(base, tbs => { tbs[TBS.subject] = name([CN, value]); });
    // Node shows C1 controls raw; compared through openssl only.
    const info = differential(der, { nodeNames: !/[\x80-\x9f]/.test(decoded) });
    assert.equal(info.subject[0][0].value, decoded);
    assert.equal(info.subjectRfc4514, rfc);
  }
});

test('RFC 4514 escapes: control characters, specials and leading/trailing characters as openssl writes them', () => {
  const base = opensslCert(['-algorithm', 'ED25519']);
  const cases: Array<[string, string]> = [
    ['a\x00b\nc\x01d\x7fe\tf', 'CN=a\\00b\\0Ac\\01d\\7Fe\\09f'],
    [' #a,b+c"d\\e<f>g;h=i ', 'CN=\\ #a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h=i\\ '],
    ['#a b', 'CN=\\#a b'],
    ['é€', 'CN=é€'],
  ];
  for (const [value, rfc] of cases) {
    const info = differential(rewrite(base, tbs => { tbs[TBS.subject] = name([CN, tlv(0x0c, utf8(value))]); }));
    assert.equal(info.subjectRfc4514, rfc);
    assert.equal(info.subjectCucm, `CN=${value}`);
  }
});

test('a dotted attribute type or a non-string value is shown as #BER hex (RFC 4514 §2.4)', () => {
  const base = opensslCert(['-algorithm', 'ED25519']);
  const other = oid('1.2.3.4');
  // openssl prints these two; Node shows its own text instead of the hex.
  const shown: Array<[Uint8Array, Uint8Array, string]> = [
    [other, tlv(0x30, tlv(0x02, bytes(5))), '1.2.3.4=#3003020105'],
    [other, tlv(0x0c, utf8('x')), '1.2.3.4=#0C0178'],
  ];
  for (const [type, value, rfc] of shown) {
    assert.equal(differential(rewrite(base, tbs => { tbs[TBS.subject] = name([type, value]); }), { nodeNames: false }).subjectRfc4514, rfc);
  }
  // openssl and Node refuse an INTEGER or OCTET STRING value; we show it.
  for (const [value, rfc] of [[tlv(0x02, bytes(1, 2)), 'CN=#02020102'], [tlv(0x04, bytes(0xab, 0xcd)), 'CN=#0402ABCD']] as const) {
    const der = rewrite(base, tbs => { tbs[TBS.subject] = name([CN, value]); });
    assert.throws(() => openssl(['x509', '-inform', 'DER', '-noout', '-subject'], der));
    const info = parse(der);
    assert.equal(info.subjectRfc4514, rfc);
    assert.equal(info.subject[0][0].ber, rfc.slice(3));
  }
});

test('attribute types openssl names (postalCode, initials, dnQualifier, …) are named alike', () => {
  const info = differential(opensslCert(['-algorithm', 'ED25519'], ['-subj', '/postalCode=123/initials=AB/dnQualifier=q/pseudonym=p/description=d/CN=x']));
  assert.equal(info.subjectRfc4514, 'CN=x,description=d,pseudonym=p,dnQualifier=q,initials=AB,postalCode=123');
});

test('OID arcs above 2^53 (2.25.<UUID>) read exactly, as openssl asn1parse prints them', () => {
  const uuidOid = '2.25.329800735698586629295641978511506172918';
  const der = rewrite(opensslCert(['-algorithm', 'ED25519']), tbs => { tbs[TBS.subject] = name([oid(uuidOid), tlv(0x0c, utf8('u'))]); });
  const parsed = openssl(['asn1parse', '-inform', 'DER'], der);
  assert.match(parsed, new RegExp(`OBJECT +:${uuidOid.replace(/\./g, '\\.')}\\n`));
  assert.equal(oidToString(der, readTlv(der, Buffer.from(der).indexOf(oid(uuidOid)), der.length)), uuidOid);
  assert.equal(differential(der, { nodeNames: false }).subjectRfc4514, `${uuidOid}=#0C0175`);
  for (const dotted of ['1.2.840.113549.1.1.11', '2.999.18446744073709551616', '1.3.6.1.4.1.9007199254740993']) {
    const t = oid(dotted);
    assert.equal(oidToString(t, readTlv(t, 0, t.length)), dotted);
  }
});

// ---- Validity ----------------------------------------------------------------------------------

const validity = (notBefore: Uint8Array, notAfter = tlv(0x17, text('300101000000Z'))) => tlv(0x30, notBefore, notAfter);

test('UTCTime offsets, missing seconds, two-digit years and GeneralizedTime agree with openssl and Node', () => {
  const base = opensslCert(['-algorithm', 'ED25519']);
  const cases: Array<[number, string, string]> = [
    [0x17, '2401020304+0130', '2024-01-02T01:34:00Z'],
    [0x17, '240102030405-0130', '2024-01-02T04:34:05Z'],
    [0x17, '240101003000+0100', '2023-12-31T23:30:00Z'],
    [0x17, '2401020304Z', '2024-01-02T03:04:00Z'],
    [0x17, '490102030405Z', '2049-01-02T03:04:05Z'],
    [0x17, '500102030405Z', '1950-01-02T03:04:05Z'],
    [0x17, '240229000000Z', '2024-02-29T00:00:00Z'],
    [0x18, '20240102030405Z', '2024-01-02T03:04:05Z'],
    [0x18, '20240102030405.123Z', '2024-01-02T03:04:05.123Z'],
    [0x18, '20240102030405+0100', '2024-01-02T02:04:05Z'],
    [0x18, '202401020304Z', '2024-01-02T03:04:00Z'],
  ];
  for (const [tag, value, iso] of cases) {
    const info = differential(rewrite(base, tbs => { tbs[TBS.validity] = validity(tlv(tag, text(value))); }));
    assert.equal(info.notBefore, iso, value);
  }
  // openssl writes GeneralizedTime itself for dates from 2050 on.
  assert.match(differential(opensslCert(['-algorithm', 'ED25519'], ['-days', '36500'])).notAfter, /^21\d\d-/);
});

test('impossible dates make the certificate unreadable, with the offset of the time (openssl: Bad time value)', () => {
  const base = opensslCert(['-algorithm', 'ED25519']);
  const bad: Array<[number, string]> = [
    [0x17, '240230000000Z'], [0x17, '230229000000Z'], [0x17, '240101250000Z'], [0x17, '240101006000Z'],
    [0x17, '241301000000Z'], [0x17, '240101000060Z'], [0x17, '240100000000Z'], [0x17, '240101000000+1300'],
    [0x18, '20240102030405'], [0x18, '20240230000000Z'], [0x17, '20240102030405Z'],
  ];
  for (const [tag, value] of bad) {
    const der = rewrite(base, tbs => { tbs[TBS.validity] = validity(tlv(tag, text(value))); });
    assert.match(openssl(['x509', '-inform', 'DER', '-noout', '-startdate'], der), /notBefore=Bad time value/, value);
    assert.equal(new X509Certificate(der).validFrom, 'Bad time value');
    const at = Buffer.from(der).indexOf(text(value)) - 2;
    assert.throws(() => parse(der), (e: unknown) => e instanceof DerError && e.offset === at && e.message.includes(`at ${at}`), value);
  }
});

// ---- Subject alternative names -----------------------------------------------------------------

test('SANs of every kind openssl -addext makes agree with openssl and Node', () => {
  const der = opensslCert(['-algorithm', 'ED25519'], ['-addext',
    'subjectAltName=DNS:a.lab.local,IP:10.0.0.1,IP:2001:db8::1,IP:::ffff:10.0.0.1,email:a@lab.local,URI:https://lab.local/x,dirName:dirname,' +
    'RID:1.2.3.4.5,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@lab.local,otherName:1.2.3.4;UTF8:foo']);
  const expected = ['DNS:a.lab.local', 'IP:10.0.0.1', 'IP:2001:DB8:0:0:0:0:0:1', 'IP:0:0:0:0:0:FFFF:A00:1', 'email:a@lab.local', 'URI:https://lab.local/x',
    'DirName:O=Org,CN=dir', 'Registered ID:1.2.3.4.5', 'othername:UPN:user@lab.local', 'othername:1.2.3.4:foo'];
  // Node shows other otherNames as `othername:<unsupported>`: compare all but that one with Node.
  const info = differential(der, { nodeSans: false });
  assert.deepEqual(info.subjectAltNames, expected);
  const node = nodeSans(new X509Certificate(der).subjectAltName);
  assert.deepEqual(node.filter(s => s !== 'othername:<unsupported>'), expected.filter(s => s !== 'othername:1.2.3.4:foo'));
});

test('IP SANs with a mask (8 and 32 bytes) print as openssl prints masks in name constraints', () => {
  const nc = opensslCert(['-algorithm', 'ED25519'], ['-addext', 'nameConstraints=permitted;IP:10.0.0.0/255.0.0.0,permitted;IP:2001:db8::/ffff:ffff:ffff:ffff::']);
  const shown = [...openssl(['x509', '-inform', 'DER', '-noout', '-text'], nc).matchAll(/^ +(IP:\S+)$/gm)].map(m => m[1]);
  const ip = (...b: number[]) => tlv(0x87, bytes(...b));
  const der = withExtensions(nc, sanExtension(
    ip(10, 0, 0, 0, 255, 0, 0, 0),
    ip(0x20, 0x01, 0x0d, 0xb8, ...new Array(12).fill(0), ...new Array(8).fill(0xff), ...new Array(8).fill(0)),
    ip(1, 2, 3, 4, 5),
  ));
  assert.deepEqual(parse(der).subjectAltNames, [...shown, 'IP:<invalid length=5>']);
  // openssl 3.0 calls a masked SAN invalid (see top); the other lengths agree.
  assert.match(openssl(['x509', '-inform', 'DER', '-noout', '-text'], der), /IP Address:<invalid length=8>, IP Address:<invalid length=32>, IP Address:<invalid length=5>/);
});

test('IA5String SANs are read byte for byte (0x80–0x9F stay U+0080–U+009F), as Node reads them', () => {
  const der = withExtensions(opensslCert(['-algorithm', 'ED25519']), sanExtension(tlv(0x82, bytes(0x61, 0x80, 0x9f, 0xe9)), tlv(0x81, bytes(0x62, 0x85))));
  const info = parse(der);
  assert.deepEqual(info.subjectAltNames, ['DNS:a\x80\x9fé', 'email:b\x85']);
  assert.deepEqual(info.subjectAltNames, nodeSans(new X509Certificate(der).subjectAltName));
});

test('X400Name and EdiPartyName are named as openssl and Node name them', () => {
  const der = withExtensions(opensslCert(['-algorithm', 'ED25519']), sanExtension(tlv(0xa3, tlv(0x30)), tlv(0xa5, tlv(0xa1, tlv(0x0c, utf8('p'))))));
  assert.deepEqual(differential(der).subjectAltNames, ['X400Name:<unsupported>', 'EdiPartyName:<unsupported>']);
});

test('two subjectAltName extensions: the first is shown, as openssl and Node use it, with a warning', () => {
  const base = opensslCert(['-algorithm', 'ED25519']);
  const second = sanExtension(tlv(0x82, text('second.lab.local')));
  const der = withExtensions(base, sanExtension(tlv(0x82, text('first.lab.local'))), second);
  const textOut = openssl(['x509', '-inform', 'DER', '-noout', '-text'], der);
  assert.match(textOut, /DNS:first\.lab\.local\n.*\n +DNS:second\.lab\.local/);
  assert.equal(new X509Certificate(der).subjectAltName, 'DNS:first.lab.local');
  const info = parse(der);
  assert.deepEqual(info.subjectAltNames, ['DNS:first.lab.local']);
  assert.equal(info.warnings?.length, 1);
  assert.match(info.warnings![0], new RegExp(`second subjectAltName extension at ${Buffer.from(der).indexOf(second)}`));
});
