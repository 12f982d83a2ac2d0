// Reading local files (src/node/localFile.ts, src/cli/files.ts). The folder commands read every file into
// one reused buffer (ScratchReader): each file must still be seen as exactly its own bytes, whatever size
// came before it, and a line must never carry a figure computed from another file's bytes. And every
// reader refuses, unread and at once, what is no trust list to read: a FIFO (whose open would wait for a
// writer forever), a link to /dev/zero (whose read never ends), a file larger than any trust list.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { IoError, readBytes, ScratchReader, tlvFiles, verifyLine } from '../../src/cli/files';
import { MAX_FILE_BYTES, refusal } from '../../src/core/fileLimits';
import { readLocalFile, RefusedFile } from '../../src/node/localFile';
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
    assert.throws(() => reader.read(join(root, 'folder.tlv')), (e: Error) => e instanceof IoError && /folder\.tlv: not a regular file \(a folder, /.test(e.message));
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

describe('files that are not read', () => {
  const root = mkdtempSync(join(tmpdir(), 'tlv-refused-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const good = buildTrustList(itl(makeCluster({ name: 'refused' })));
  writeFileSync(join(root, 'ITLSEP000000000001.tlv'), good);
  execFileSync('mkfifo', [join(root, 'ITLSEP000000000002.tlv')]);
  symlinkSync(join(root, 'ITLSEP000000000002.tlv'), join(root, 'ITLSEP000000000003.tlv'));
  symlinkSync('/dev/zero', join(root, 'ITLSEP000000000004.tlv'));
  symlinkSync(join(root, 'ITLSEP000000000001.tlv'), join(root, 'ITLSEP000000000005.tlv'));
  symlinkSync(join(root, 'nowhere.tlv'), join(root, 'ITLSEP000000000006.tlv'));
  // Sparse: 65 MB of size, no blocks.
  const huge = join(root, 'huge', 'ITLFile.tlv');
  mkdirSync(join(root, 'huge'));
  writeFileSync(huge, good);
  truncateSync(huge, MAX_FILE_BYTES + 1);
  const notRegular = /not a regular file \(a folder, a device, a pipe or a socket, perhaps behind a symbolic link\): not read$/;

  it('the limits: a regular file up to MAX_FILE_BYTES is read, anything else is refused', () => {
    assert.equal(refusal({ isFile: true, size: 0 }), undefined);
    assert.equal(refusal({ isFile: true, size: MAX_FILE_BYTES }), undefined);
    assert.equal(refusal({ isFile: false, size: 0 })?.message, 'not a regular file (a folder, a device, a pipe or a socket, perhaps behind a symbolic link): not read');
    assert.deepEqual(refusal({ isFile: true, size: MAX_FILE_BYTES + 1 })?.args, { size: MAX_FILE_BYTES + 1, max: MAX_FILE_BYTES });
  });

  it('refuses a FIFO, a link to one, a link to /dev/zero and a file past the limit, at once and unread', () => {
    for (const name of ['ITLSEP000000000002.tlv', 'ITLSEP000000000003.tlv', 'ITLSEP000000000004.tlv']) {
      assert.throws(() => readLocalFile(join(root, name)), (e: Error) => e instanceof RefusedFile && notRegular.test(e.message), name);
      assert.throws(() => new ScratchReader().read(join(root, name)), (e: Error) => e instanceof IoError && e.message.includes(name) && notRegular.test(e.message), name);
      assert.throws(() => readBytes(join(root, name)), (e: Error) => e instanceof IoError && notRegular.test(e.message), name);
    }
    assert.throws(() => readLocalFile(huge), (e: Error) => e instanceof RefusedFile && e.message === `${MAX_FILE_BYTES + 1} bytes, more than any trust list (${MAX_FILE_BYTES} bytes at most): not read`);
    // A link to a regular file is read as the file; a link to nothing says so.
    assert.deepEqual(Buffer.from(readLocalFile(join(root, 'ITLSEP000000000005.tlv'))), Buffer.from(good));
    assert.throws(() => readBytes(join(root, 'ITLSEP000000000006.tlv')), (e: Error) => e instanceof IoError && /ITLSEP000000000006\.tlv: ENOENT$/.test(e.message));
  });

  it('a folder walk skips FIFOs and devices, also behind links, and keeps a link that leads nowhere (its read says so)', () => {
    assert.deepEqual([...tlvFiles(root)].map(f => f.slice(root.length + 1)), ['huge/ITLFile.tlv', 'ITLSEP000000000001.tlv', 'ITLSEP000000000005.tlv', 'ITLSEP000000000006.tlv']);
  });

  it('verify DIR ends at once on such a folder: the regular files, then the unreadable one stops the run', () => {
    const cli = resolve(__dirname, '../../../dist/cli.js');
    for (const jobs of ['1', '2']) {
      const r = spawnSync(process.execPath, [cli, 'verify', '--jobs', jobs, root], { encoding: 'utf8', timeout: 20000 });
      assert.equal(r.error, undefined, `--jobs ${jobs}: ${r.error?.message}`);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /huge\/ITLFile\.tlv: 67108865 bytes, more than any trust list/);
    }
    const linked = spawnSync(process.execPath, [cli, 'show', join(root, 'ITLSEP000000000004.tlv')], { encoding: 'utf8', timeout: 20000 });
    assert.equal(linked.status, 2);
    assert.match(linked.stderr, /ITLSEP000000000004\.tlv: not a regular file/);
  });
});
