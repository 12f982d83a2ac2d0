// Hostile input: decode never throws, always explains where it stopped, and never calls a
// changed file "verified".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decode } from '../../src/node/decode';
import { renderShowCtl } from '../../src/core/dump';
import { toJson } from '../../src/core/json';
import { SHARED_FIXTURES } from '../support/certutils';

const real = new Uint8Array(readFileSync(join(SHARED_FIXTURES, 'real/CTLFile-cucm-tokenless-2015.tlv')));
const ec = new Uint8Array(readFileSync(join(SHARED_FIXTURES, 'peer/ITLFile-sha512-ec.tlv')));

/** Everything a front end does with a result must work on it too. */
function useAll(bytes: Uint8Array) {
  const list = decode(bytes, { fileName: 'CTLFile.tlv' });
  renderShowCtl(list, bytes);
  JSON.stringify(toJson(list));
  return list;
}

test('truncating the real CTL at every offset: no throw, an error naming an offset inside the file, never verified', () => {
  for (let n = 0; n < real.length; n++) {
    const list = useAll(real.subarray(0, n));
    assert.notEqual(list.signature.status, 'verified', `truncated at ${n}`);
    const errors = list.diagnostics.filter(d => d.severity === 'error');
    assert.ok(errors.length > 0 || list.signature.status !== 'verified', `truncated at ${n}: no error`);
    for (const e of errors) {
      assert.ok(e.offset >= 0 && e.offset <= n, `truncated at ${n}: offset ${e.offset}`);
      assert.match(e.message, /offset \d+|HEADERLENGTH|empty/, `truncated at ${n}: message names an offset`);
    }
  }
});

for (const [name, file] of [['real CTL (SHA-1)', real], ['EC ITL (SHA-512)', ec]] as const) {
  test(`flipping every byte of the ${name}: no throw, never verified`, () => {
    assert.equal(decode(file).signature.status, 'verified');
    const copy = new Uint8Array(file);
    for (let i = 0; i < copy.length; i++) {
      copy[i] ^= 0xff;
      const list = useAll(copy);
      assert.notEqual(list.signature.status, 'verified', `byte ${i} flipped`);
      copy[i] ^= 0xff;
    }
  });
}

test('the decoded records of a truncated file are the ones before the cut', () => {
  const full = decode(real);
  const cut = full.records[3].range.end + 10;
  const list = decode(real.subarray(0, cut));
  assert.equal(list.complete, false);
  assert.equal(list.records.length, 5);
  for (let i = 0; i < 4; i++) assert.equal(list.records[i].certificate?.sha1, full.records[i].certificate?.sha1);
  const err = list.diagnostics.find(d => d.code === 'RECORD_OVERFLOW');
  assert.ok(err);
  assert.equal(err.offset, full.records[4].range.start);
});

test('property: random bytes and random splices of a real file never throw', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), bytes => {
      useAll(bytes);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.nat(real.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(64), (at, junk, del) => {
      const spliced = new Uint8Array([...real.subarray(0, at), ...junk, ...real.subarray(Math.min(real.length, at + del))]);
      const list = useAll(spliced);
      if (list.signature.status === 'verified') {
        // Only possible if the splice left the signed bytes identical (e.g. replaced bytes with themselves).
        assert.deepEqual(spliced, real);
      }
    }),
    { numRuns: 1500 },
  );
  // Containers (3, 7, 9) nested to any depth, with lengths that fit or not: an error, never a stack overflow.
  fc.assert(
    fc.property(fc.array(fc.constantFrom(3, 7, 9), { minLength: 1, maxLength: 4000 }), fc.boolean(), (tags, fits) => {
      const bytes = new Uint8Array(5 + tags.length * 3);
      bytes.set([1, 0, 2, 1, 2]);
      tags.forEach((tag, i) => {
        const len = fits ? bytes.length - (5 + i * 3) - 3 : 0xffff;
        bytes.set([tag, len >> 8, len & 0xff], 5 + i * 3);
      });
      const list = useAll(bytes);
      assert.notEqual(list.signature.status, 'verified');
      if (tags.length > 2) assert.ok(list.diagnostics.some(d => d.severity === 'error'));
    }),
    { numRuns: 200 },
  );
});

test('hostile lengths: a record claiming 65535 bytes, nested containers overflowing, unknown tags', () => {
  const list = decode(Uint8Array.from([1, 0, 2, 1, 2, 2, 0, 2, 0, 20, 3, 0, 200, 4, 0, 1, 0, 99, 0, 1, 7, 1, 0, 2, 255, 255]));
  assert.equal(list.complete, false);
  assert.ok(list.diagnostics.some(d => d.code === 'LENGTH_OVERFLOW' && d.offset === 10));
  const unknown = decode(Uint8Array.from([1, 0, 2, 1, 2, 2, 0, 2, 0, 16, 99, 0, 3, 1, 2, 3, 1, 0, 2, 0, 5]));
  const u = unknown.header.fields.find(f => f.tag === 99);
  assert.ok(u && u.value.type === 'unknown');
  assert.ok(unknown.diagnostics.some(d => d.code === 'UNKNOWN_TAG' && d.offset === 10));
  assert.equal(unknown.records.length, 1);
});

test('an EC signer: ECDSA verifies, and a changed byte does not', async () => {
  const { makeCert } = await import('../support/certs');
  const { buildTrustList } = await import('../support/builder');
  const ecSigner = makeCert({ subject: [['CN', 'ec-signer']], key: 'ec-p256', keyId: 'ec-signer' });
  const bytes = buildTrustList({ kind: 'ITL', signer: ecSigner, digest: 'sha512', records: [{ cert: ecSigner, role: 'SAST' }] });
  const list = decode(bytes);
  assert.equal(list.signature.status, 'verified');
  assert.equal(list.signature.algorithm, 'ECDSA');
  const changed = new Uint8Array(bytes);
  changed[changed.length - 2] ^= 1; // inside the IPADDRESS value
  assert.equal(decode(changed).signature.status, 'invalid');
});
