// The folder commands read every local file into one reused buffer (ScratchReader): each file must
// still be seen as exactly its own bytes, whatever size came before it, and a line must never carry
// a figure computed from another file's bytes.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { IoError, ScratchReader, verifyLine } from '../../src/cli/files';
import { summariser, verifyFile } from '../../src/cli/folderTasks';
import { decode } from '../../src/node/decode';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster } from '../support/cluster';

describe('ScratchReader', () => {
  const root = mkdtempSync(join(tmpdir(), 'tlv-scratch-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads each file as its own bytes: larger than its buffer, then smaller, then empty', () => {
    const reader = new ScratchReader();
    const files = [
      ['big.bin', randomBytes(200_000)],
      ['small.bin', randomBytes(10)],
      ['empty.bin', Buffer.alloc(0)],
      ['exact.bin', randomBytes(256 * 1024)],
      ['again.bin', randomBytes(70_000)],
    ] as const;
    for (const [name, bytes] of files) writeFileSync(join(root, name), bytes);
    for (const [name, bytes] of files) assert.deepEqual(Buffer.from(reader.read(join(root, name))), bytes, name);
  });

  it('names the file and the reason when it cannot read one', () => {
    const reader = new ScratchReader();
    assert.throws(() => reader.read(join(root, 'missing.tlv')), (e: Error) => e instanceof IoError && /missing\.tlv: ENOENT$/.test(e.message));
    mkdirSync(join(root, 'folder.tlv'));
    assert.throws(() => reader.read(join(root, 'folder.tlv')), (e: Error) => e instanceof IoError && /folder\.tlv: EISDIR$/.test(e.message));
  });
});

describe('folder commands over the scratch buffer', () => {
  const root = mkdtempSync(join(tmpdir(), 'tlv-scratch-dir-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const cluster = makeCluster({ name: 'scratch' });
  const base = itl(cluster);
  // A 90 KB ITL (the buffer grows), then ordinary ones, a truncated one and a short one.
  const big = buildTrustList({ ...base, records: [...base.records, ...Array.from({ length: 50 }, () => base.records[1])] });
  const files: Array<[string, Uint8Array]> = [
    ['ITLSEP000000000001.tlv', big],
    ['ITLSEP000000000002.tlv', buildTrustList(itl(cluster, { timestamp: 1_700_000_002 }))],
    ['ITLSEP000000000003.tlv', big.subarray(0, 5000)],
    ['ITLSEP000000000004.tlv', buildTrustList(itl(cluster, { timestamp: 1_700_000_004 }))],
    ['ITLSEP000000000005.tlv', big.subarray(0, 40)],
  ];
  for (const [name, bytes] of files) writeFileSync(join(root, name), bytes);
  // What each file gives when read on its own into a buffer of its own.
  const alone = (path: string) => decode(new Uint8Array(readFileSync(path)), { fileName: basename(path), certificates: 'signer' });

  it('verify: every line is the one its file gives alone, with its own SHA-1', async () => {
    assert.ok(big.length > 64 * 1024, 'the first file is larger than the initial buffer');
    // Twice over: the second pass reads each file after a different one than the first did.
    for (const order of [files, [...files].reverse()]) {
      for (const [name, bytes] of order) {
        const path = join(root, name);
        const r = await verifyFile(path);
        assert.ok(!('error' in r), name);
        assert.deepEqual(r, verifyLine(path, alone(path)), name);
        assert.ok(r.line.includes(`sha1=${createHash('sha1').update(bytes).digest('hex')}`), name);
      }
    }
  });

  it('report: every summary holds its own checksums, length and status', () => {
    const summary = summariser({ cache: false });
    for (const [name, bytes] of [...files, ...files]) {
      const path = join(root, name);
      const s = summary.local(path);
      const list = alone(path);
      assert.equal(s.length, bytes.length, name);
      assert.equal(s.sha1, createHash('sha1').update(bytes).digest('hex'), name);
      assert.equal(s.md5, createHash('md5').update(bytes).digest('hex'), name);
      assert.equal(s.sha256, createHash('sha256').update(bytes).digest('hex'), name);
      assert.equal(s.status, list.signature.status, name);
      assert.equal(s.records, list.records.length, name);
    }
  });
});
