// The editor's shared helpers (host and webview): byte formatting, field lookup, value text,
// certificate details, safe display of hostile names, and recognising pasted show ctl lines.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { decode } from '../../src/node/decode';
import { colonHex, toBase64, toHex, toPem } from '../../src/shared/bytesText';
import { buildFieldIndex, certificateField, fieldAtOffset, recordOfPath } from '../../src/shared/fieldIndex';
import { fieldBytes, fieldValueText } from '../../src/shared/fieldText';
import { certificateRows, daysLeft, expiryState } from '../../src/shared/certificateRows';
import { displayText } from '../../src/shared/displayText';
import { classifyShowCtlLine } from '../../src/shared/showCtlLine';
import { format, type CertificateLabels } from '../../src/shared/strings';

const CTL = new Uint8Array(readFileSync('test/fixtures/CTLFile.tlv'));
const list = decode(CTL, { fileName: 'CTLFile.tlv' });
const DAY = 86_400_000;

describe('bytesText', () => {
  it('encodes Base64 like Buffer for every tail length', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = CTL.subarray(100, 100 + n);
      assert.equal(toBase64(bytes), Buffer.from(bytes).toString('base64'), `length ${n}`);
    }
  });

  it('writes a PEM that Node reads back as the same certificate', () => {
    const der = fieldBytes(certificateField(list.records[0])!, CTL);
    const pem = toPem(der);
    assert.match(pem, /^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/);
    assert.equal(new X509Certificate(pem).fingerprint256, new X509Certificate(der).fingerprint256);
  });

  it('prints hex and serials the way CUCM does', () => {
    assert.equal(toHex(new Uint8Array([0, 0xab, 0x5]), ' '), '00 AB 05');
    assert.equal(colonHex('70caf6'), '70:CA:F6');
  });
});

describe('fieldIndex', () => {
  const index = buildFieldIndex(list);

  it('finds the innermost field at a byte offset, including tag, length and value bytes', () => {
    const dns = index.byPath.get('records/2/2')!;
    for (const offset of [dns.range.start, dns.range.start + 1, dns.valueRange.start, dns.range.end - 1]) {
      assert.equal(fieldAtOffset(index, offset), dns, `offset ${offset}`);
    }
    assert.equal(fieldAtOffset(index, CTL.length), undefined);
  });

  it('maps a container header byte to the container itself', () => {
    const signerId = index.byPath.get('header/3')!;
    assert.equal(fieldAtOffset(index, signerId.range.start), signerId);
    assert.equal(fieldAtOffset(index, signerId.valueRange.start), index.byPath.get('header/3/4'));
  });

  it('covers every byte of every record with a field', () => {
    for (const r of list.records) {
      for (let o = r.range.start; o < r.range.end; o++) assert.ok(fieldAtOffset(index, o), `offset ${o} in record ${r.index}`);
    }
  });

  it('gives duplicate tags distinct keys', () => {
    const twice = { ...list, header: { ...list.header, fields: [...list.header.fields, { ...list.header.fields[0], range: { start: 9999, end: 10004 } }] } };
    const dup = buildFieldIndex(twice);
    assert.ok(dup.byPath.has('header/1'));
    assert.ok(dup.byPath.has('header/1@9999'));
  });

  it('finds the record of a path', () => {
    assert.equal(recordOfPath(list, 'records/3/9')?.index, 3);
    assert.equal(recordOfPath(list, 'records/3')?.index, 3);
    assert.equal(recordOfPath(list, 'header/3'), undefined);
  });
});

describe('fieldValueText', () => {
  const index = buildFieldIndex(list);
  const text = (path: string): string => fieldValueText(index.byPath.get(path)!, CTL);

  it('follows show ctl for strings, serials, roles and certificates', () => {
    assert.equal(text('records/1/2'), 'gigantic-6');
    assert.equal(text('records/1/6'), '24:49:1F:10:70:3F:EA:9B');
    assert.equal(text('records/1/4'), 'System Administrator Security Token (0)');
    assert.match(text('records/1/9'), /^SHA-1 BD:3A:AF:C7:/);
    assert.equal(text('header/3'), '127');
  });

  it('previews binary values as hex, cut after 24 bytes', () => {
    assert.match(text('records/1/7'), /^30 81 89 02 81 81 00( [0-9A-F]{2}){17} …$/);
  });
});

const LABELS: CertificateLabels = {
  subject: 'Subject', issuer: 'Issuer', serial: 'Serial', validFrom: 'From', validUntil: 'Until', daysLeft: 'Days left',
  daysLeftValue: '{0} days left', expiredValue: 'expired {0} days ago', key: 'Key', keyValue: '{0}-bit {1}',
  signatureAlgorithm: 'Sig', subjectAltNames: 'SAN', keyUsage: 'KU', extendedKeyUsage: 'EKU', basicConstraints: 'BC',
  sha1: 'SHA-1', sha256: 'SHA-256', signer: 'Signer', yes: 'yes', no: 'no', none: '(none)',
};

describe('certificateRows', () => {
  it('lists the details in order, with days left and the signer flag', () => {
    const r = list.records[0];
    const c = r.certificate!;
    const now = Date.parse(c.notAfter) - 10 * DAY - 1000;
    const rows = new Map(certificateRows(r, now, LABELS));
    assert.deepEqual([...rows.keys()].slice(0, 4), ['Subject', 'Issuer', 'Serial', 'From']);
    assert.equal(rows.get('Days left'), '10 days left');
    assert.equal(rows.get('Key'), '1024-bit RSA');
    assert.equal(rows.get('SHA-256'), colonHex(c.sha256));
    assert.equal(rows.get('Signer'), 'yes');
    assert.equal(new Map(certificateRows(list.records[1], now, LABELS)).get('Signer'), 'no');
  });

  it('says how long ago an expired certificate expired', () => {
    const c = list.records[0].certificate!;
    const rows = new Map(certificateRows(list.records[0], Date.parse(c.notAfter) + 3 * DAY, LABELS));
    assert.equal(rows.get('Days left'), 'expired 3 days ago');
  });

  it('classifies expiry against the warning threshold', () => {
    const end = '2030-01-31T00:00:00Z';
    const at = (daysBefore: number): number => Date.parse(end) - daysBefore * DAY;
    assert.equal(expiryState(end, at(-1), 30), 'expired');
    assert.equal(expiryState(end, at(10), 30), 'expiring');
    assert.equal(expiryState(end, at(45), 30), 'ok');
    assert.equal(expiryState(undefined, at(45), 30), 'unknown');
    assert.equal(daysLeft('not a date', 0), undefined);
  });
});

describe('displayText', () => {
  it('makes bidi overrides and line breaks visible instead of acting on them', () => {
    assert.equal(displayText('invoice\u202Egnp.exe'), 'invoice\\u{202E}gnp.exe');
    assert.equal(displayText('a\nb\r\u2028c'), 'a\\u{000A}b\\u{000D}\\u{2028}c');
  });

  it('keeps markup as literal text and cuts very long values', () => {
    assert.equal(displayText('<img src=x onerror=alert(1)>'), '<img src=x onerror=alert(1)>');
    const long = 'A'.repeat(60_000);
    assert.equal(displayText(long, 100), `${'A'.repeat(100)}… (+59900)`);
  });
});

describe('format', () => {
  it('fills numbered placeholders and leaves unknown ones', () => {
    assert.equal(format('{0}-bit {1} {2}', 2048, 'RSA'), '2048-bit RSA {2}');
  });
});

describe('classifyShowCtlLine', () => {
  it('recognises fields with tabs or spaces, including the two-word label', () => {
    assert.deepEqual(classifyShowCtlLine('4\tFUNCTION\t2\tCCM+TFTP'), { kind: 'field', tag: 4, label: 'FUNCTION', length: 2, value: 'CCM+TFTP' });
    assert.deepEqual(classifyShowCtlLine('12 HASH ALGORITHM 1'), { kind: 'field', tag: 12, label: 'HASH ALGORITHM', length: 1, value: '' });
    assert.deepEqual(classifyShowCtlLine('3 SIGNERID 2 149'), { kind: 'field', tag: 3, label: 'SIGNERID', length: 2, value: '149' });
  });

  it('recognises records, checksums, verdicts and the signer marks', () => {
    assert.deepEqual(classifyShowCtlLine('ITL Record #:12'), { kind: 'record', index: 12 });
    assert.deepEqual(classifyShowCtlLine('1d97d9089dd558a062cccfcb1dc4c57f(MD5)'), { kind: 'checksum', algorithm: 'MD5' });
    assert.deepEqual(classifyShowCtlLine('The CTL file was verified successfully.'), { kind: 'verified' });
    assert.deepEqual(classifyShowCtlLine('The ITL file was NOT verified: bad signature'), { kind: 'notVerified' });
    assert.deepEqual(classifyShowCtlLine('This etoken was not used to sign the CTL file.'), { kind: 'signerMark', used: false });
    assert.equal(classifyShowCtlLine('\t65 ba 26 b4 ba de 2b 13'), undefined);
  });

  it('classifies each field line of CUCM output and nothing else', () => {
    // From a real `show ctl` (CUCM 10.5, tokenless): a record block with a wrapped subject line.
    const text = [
      'CTL Record #:2', '----', 'BYTEPOS TAG LENGTH VALUE', '------- --- ------ -----', '1 RECORDLENGTH 2 1156',
      '2 DNSNAME 16 cucm-1051-a-pub', '3 SUBJECTNAME 62 CN=cucm-1051-a-pub;OU=TAC;O=Cisco;L=Krakow;', 'ST=Malopolska;C=PL',
      '4 FUNCTION 2 CCM+TFTP', '5 ISSUERNAME 62 CN=cucm-1051-a-pub;OU=TAC;O=Cisco;L=Krakow;', 'ST=Malopolska;C=PL',
      '6 SERIALNUMBER 16 70:CA:F6:4E:09:07:51:B9:DF:22:F4:9F:75:4F:C5:BB', '7 PUBLICKEY 140', '8 SIGNATURE 128',
      '9 CERTIFICATE 694 E9 D4 33 64 5B C8 8C ED 51 4D 8F E5 EA 5B 6D', '21 A5 A3 8C 9C (SHA1 Hash HEX)', '10 IPADDRESS 4',
    ];
    const kinds = text.map(l => classifyShowCtlLine(l)?.kind ?? '-');
    assert.deepEqual(kinds, ['record', '-', '-', '-', 'field', 'field', 'field', '-', 'field', 'field', '-', 'field', 'field', 'field', 'field', '-', 'field']);
  });
});

describe('classifyShowCtlLine on wrapped fingerprint rows', () => {
  it('does not take hex that looks like words for a field', () => {
    assert.equal(classifyShowCtlLine('21 AB CD 12 9C (SHA1 Hash HEX)'), undefined);
    assert.equal(classifyShowCtlLine('40 TAG_40 3')?.kind, 'field');
  });
});
