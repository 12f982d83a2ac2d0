// The show ctl text view and the JSON view of real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/node/decode';
import { renderShowCtl, inert } from '../../src/core/dump';
import { toJson } from '../../src/core/json';
import { SHARED_FIXTURES } from '../support/certutils';

const read = (p: string) => new Uint8Array(readFileSync(join(SHARED_FIXTURES, p)));

test('the real CTL renders in CUCM layout, row by row', () => {
  const bytes = read('real/CTLFile-cucm-tokenless-2015.tlv');
  const list = decode(bytes, { fileName: 'CTLFile.tlv' });
  const { text, lines } = renderShowCtl(list, bytes, { modified: new Date('2015-05-07T03:10:47Z') });
  const rows = text.split('\n');
  assert.deepEqual(rows.slice(0, 12), [
    'The checksum value of the CTL file:',
    `${list.checksums.md5}(MD5)`,
    `${list.checksums.sha1}(SHA1)`,
    'Length of CTL file: 7166',
    'The CTL File was last modified on Thu May 07 03:10:47 UTC 2015',
    'Parse CTL File',
    '----------------',
    'Version:\t1.2',
    'HeaderLength:\t312 (BYTES)',
    'BYTEPOS\tTAG\tLENGTH\tVALUE',
    '-------\t---\t------\t-----',
    '3\tSIGNERID\t2\t127',
  ]);
  assert.ok(rows.includes('8\tDIGESTALGORTITHM\t1'));
  assert.ok(rows.includes('9\tSIGNATUREALGOINFO\t2\t8'));
  assert.ok(rows.includes('14\tFILENAME\t12'));
  const sig = rows.indexOf('12\tSIGNATURE\t128');
  assert.equal(rows[sig + 1], '\t35 6d f0 f8 aa f1 5 6e', 'lowercase hex without zero padding, 8 a row');
  assert.equal(rows[sig + 17], '14\tFILENAME\t12');
  const rec1 = rows.indexOf('CTL Record #:1');
  assert.deepEqual(rows.slice(rec1, rec1 + 16), [
    'CTL Record #:1',
    '----',
    'BYTEPOS\tTAG\tLENGTH\tVALUE',
    '-------\t---\t------\t-----',
    '1\tRECORDLENGTH\t2\t1147',
    '2\tDNSNAME\t11\tgigantic-6',
    '3\tSUBJECTNAME\t55\tCN=gigantic-6.cisco.com;OU=VTG;O=Alpha;L=SJ;ST=CA;C=US',
    '4\tFUNCTION\t2\tSystem Administrator Security Token',
    '5\tISSUERNAME\t55\tCN=gigantic-6.cisco.com;OU=VTG;O=Alpha;L=SJ;ST=CA;C=US',
    '6\tSERIALNUMBER\t8\t24:49:1F:10:70:3F:EA:9B',
    '7\tPUBLICKEY\t140',
    '8\tSIGNATURE\t128',
    '9\tCERTIFICATE\t712\tBD 3A AF C7 F3 E2 16 27 B5 2B 5B DD 7F B4 D0 7C 58 24 A7 68 (SHA1 Hash HEX)',
    '10\tIPADDRESS\t4',
    'This etoken was used to sign the CTL file.',
    'CTL Record #:2',
  ]);
  assert.equal(rows.filter(r => r === 'This etoken was not used to sign the CTL file.').length, 1, 'the ITLRecovery SAST record');
  assert.equal(rows.at(-2), 'The CTL file was verified successfully.');
  // The line map points certificate rows at their record.
  const certLine = lines.find(l => l.fieldPath === 'records/3/9');
  assert.equal(certLine?.recordIndex, 3);
  assert.match(rows[certLine!.line], /^9\tCERTIFICATE\t724\t89 F4 7F 93/);
});

test('ITL wording and the failure line', () => {
  const bytes = read('peer/ITLFile-sha1-tampered.tlv');
  const rows = renderShowCtl(decode(bytes), bytes).text.split('\n');
  assert.ok(rows.includes('Parse ITL File'));
  assert.ok(rows.includes('ITL Record #:1'));
  assert.match(rows.at(-2)!, /^The ITL file was NOT verified: invalid\. The signature does not verify/);
  assert.ok(!rows.some(r => r.includes('verified successfully')));
});

test('a truncated file shows what was decoded, then the error with its offset', () => {
  const bytes = read('peer/CTLFile-v1-truncated.tlv');
  const rows = renderShowCtl(decode(bytes), bytes).text.split('\n');
  assert.ok(rows.includes('CTL Record #:1'));
  assert.ok(rows.some(r => /^ERROR: record #1 at offset 456 \(0x1C8\) declares 1625 bytes, but only 321 remain/.test(r)));
  assert.match(rows.at(-2)!, /^The CTL file was NOT verified/);
});

test('control and bidi characters in names cannot forge or reorder lines', () => {
  assert.equal(inert('a\nThe CTL file was verified successfully.'), 'a\\u{000A}The CTL file was verified successfully.');
  assert.equal(inert('x\u202Eevil'), 'x\\u{202E}evil');
  assert.equal(inert('CN=plain;O=ok'), 'CN=plain;O=ok');
});

test('JSON has the documented fields', () => {
  const bytes = read('peer/ITLFile-sha512-ec.tlv');
  const j = toJson(decode(bytes, { fileName: 'ITLFile.tlv' }));
  assert.equal(j.kind, 'ITL');
  assert.equal(j.length, bytes.length);
  assert.match(j.checksums.md5, /^[0-9a-f]{32}$/);
  assert.match(j.checksums.sha1, /^[0-9a-f]{40}$/);
  assert.match(j.checksums.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(j.header, { version: '1.2', headerLength: 480, signerVersion: '1.1', signerName: 'CN=ITLRECOVERY_uc-pub.lab.local,OU=Voice,O=Lab,L=Austin,ST=TX,C=US', signerSerial: '49964acc24e51c6266157ba85d01249f081dae13', caName: 'CN=ITLRECOVERY_uc-pub.lab.local,OU=Voice,O=Lab,L=Austin,ST=TX,C=US', digest: 'SHA512', fileName: 'ITLFile.tlv', timestamp: '2026-11-27T16:08:19Z' });
  assert.deepEqual(j.signature.status, 'verified');
  assert.equal(j.signature.digest, 'SHA512');
  assert.equal(j.signer?.recordIndex, 1);
  assert.equal(j.signer?.serial, '49964acc24e51c6266157ba85d01249f081dae13');
  const ec = j.records[2];
  assert.deepEqual([ec.index, ec.role, ec.roleName, ec.serial], [3, 1, 'CCM', '5336362cdda67008a52bbf6509e8e22530034eb3']);
  assert.equal(ec.certificate?.keyAlgorithm, 'EC');
  assert.equal(ec.certificate?.keySize, 256);
  assert.equal(ec.certificate?.curve, 'P-256');
  assert.equal(ec.certificate?.sha1, 'faeb5a56118bc81e3f35a46afbc71b45602dad55');
  assert.equal(ec.offset, j.records[1].offset + j.records[1].length);
  assert.deepEqual(j.diagnostics, []);
});
