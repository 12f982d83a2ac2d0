// The Trust Lists scan off the host's thread (src/node/scanPool.ts, src/node/scanWorker.ts): a worker
// gives, field for field, what scanTrustList gives on the host's thread (the web host's path), whether it
// gets the bytes (transferred) or reads the file itself; a missing file is undefined, an unchanged one
// says so; a view into a larger buffer is copied, not detached; dispose stops the workers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CertificateCache, scanTrustList } from '../../src/core/scan';
import { MAX_FILE_BYTES } from '../../src/core/fileLimits';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { poolSize, ScanWorkerPool } from '../../src/node/scanPool';
import { InThreadScanner } from '../../src/extension/trustListsView/inThreadScanner';

// esbuild.mjs --tests builds dist/ and out/test/unit/ together.
const WORKER = resolve(__dirname, '../../../dist/scanWorker.js');
const FIXTURES = resolve(__dirname, '../../../test/fixtures');
const names = readdirSync(FIXTURES).filter(n => n.endsWith('.tlv')).sort();
const request = (name: string) => ({ fileName: 'ITLSEP0123456789AB.tlv', path: `tftp/${name}`, expiryWarningDays: 30 });
// Problems hold no time of their own, but certificate warnings depend on today: same day, same answer.
const inThread = (name: string) => scanTrustList({ ...request(name), bytes: readFileSync(join(FIXTURES, name)) }, nodeCrypto, new CertificateCache());

describe('scan worker pool', () => {
  it('sizes itself to the cores: at least one, two when there are two, at most four', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map(n => poolSize(n)), [1, 2, 2, 3, 4, 4]);
  });

  it('gives what the host-thread scan gives, from bytes and from the file', async () => {
    const pool = new ScanWorkerPool(WORKER, 2);
    try {
      for (const name of names) {
        const expected = await inThread(name);
        assert.deepEqual(await pool.scan({ ...request(name), bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }), expected, `${name} (bytes)`);
        assert.deepEqual(await pool.scanFile(join(FIXTURES, name), request(name)), expected, `${name} (file)`);
      }
    } finally {
      pool.dispose();
    }
  });

  it('the web host path (InThreadScanner) gives the same', async () => {
    const scanner = new InThreadScanner(nodeCrypto);
    for (const name of names) {
      assert.deepEqual(await scanner.scan({ ...request(name), bytes: readFileSync(join(FIXTURES, name)) }), await inThread(name), name);
    }
  });

  it('a missing file is undefined, an unchanged one "unchanged", a directory an error', async () => {
    const pool = new ScanWorkerPool(WORKER, 1);
    try {
      const file = join(FIXTURES, 'ITLFile.tlv');
      const r = await pool.scanFile(file, request('ITLFile.tlv'));
      assert.ok(r && r !== 'unchanged');
      assert.equal(await pool.scanFile(file, request('ITLFile.tlv'), r.summary.sha256), 'unchanged');
      assert.notEqual(await pool.scanFile(file, request('ITLFile.tlv'), '0'.repeat(64)), 'unchanged');
      assert.equal(await pool.scanFile(join(FIXTURES, 'missing.tlv'), request('missing.tlv')), undefined);
      assert.equal(await pool.scanFile(join(file, 'below-a-file.tlv'), request('x.tlv')), undefined);
      await assert.rejects(pool.scanFile(FIXTURES, request('x.tlv')), /not a regular file \(a folder, /);
    } finally {
      pool.dispose();
    }
  });

  it('refuses unread, and at once, a FIFO, a link to /dev/zero and a file larger than any trust list', async () => {
    // A FIFO's open would hold a worker until a writer came; /dev/zero would be read until memory ran out.
    const dir = mkdtempSync(join(tmpdir(), 'tlv-scan-refused-'));
    const pool = new ScanWorkerPool(WORKER, 1);
    try {
      execFileSync('mkfifo', [join(dir, 'fifo.tlv')]);
      symlinkSync('/dev/zero', join(dir, 'zero.tlv'));
      writeFileSync(join(dir, 'huge.tlv'), '');
      truncateSync(join(dir, 'huge.tlv'), MAX_FILE_BYTES + 1);
      for (const name of ['fifo.tlv', 'zero.tlv']) await assert.rejects(pool.scanFile(join(dir, name), request(name)), /not a regular file/, name);
      await assert.rejects(pool.scanFile(join(dir, 'huge.tlv'), request('huge.tlv')), /more than any trust list/);
      assert.ok(await pool.scanFile(join(FIXTURES, 'ITLFile.tlv'), request('ITLFile.tlv')), 'the worker goes on');
    } finally {
      pool.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies a view into a larger buffer instead of detaching it; transfers a whole one', async () => {
    const pool = new ScanWorkerPool(WORKER, 1);
    try {
      const bytes = readFileSync(join(FIXTURES, 'CTLFile.tlv'));
      const big = new Uint8Array(bytes.length + 16);
      big.set(bytes, 8);
      const view = big.subarray(8, 8 + bytes.length);
      const r = await pool.scan({ ...request('CTLFile.tlv'), bytes: view });
      assert.equal(r.summary.status, 'verified');
      assert.equal(big.byteLength, bytes.length + 16, 'the larger buffer is still there');
      const whole = new Uint8Array(bytes);
      await pool.scan({ ...request('CTLFile.tlv'), bytes: whole });
      assert.equal(whole.byteLength, 0, 'a whole buffer is transferred');
    } finally {
      pool.dispose();
    }
  });

  it('starts workers as the work needs them and none after dispose', async () => {
    const pool = new ScanWorkerPool(WORKER, 2);
    assert.equal(pool.running, 0);
    const file = join(FIXTURES, 'ITLFile.tlv');
    await Promise.all(Array.from({ length: 20 }, () => pool.scanFile(file, request('ITLFile.tlv'))));
    assert.equal(pool.running, 2);
    const pending = pool.scanFile(file, request('ITLFile.tlv'));
    pool.dispose();
    await assert.rejects(pending, /disposed/);
    assert.equal(pool.running, 0);
    await assert.rejects(pool.scanFile(file, request('ITLFile.tlv')), /disposed/);
  });

  it('says it is broken when its workers fail before answering (the index then scans on its own thread)', async () => {
    const pool = new ScanWorkerPool(resolve(__dirname, 'no-such-worker.js'), 1);
    try {
      await assert.rejects(pool.scanFile(join(FIXTURES, 'ITLFile.tlv'), request('ITLFile.tlv')));
      assert.equal(pool.broken, true);
      const working = new ScanWorkerPool(WORKER, 1);
      await working.scanFile(join(FIXTURES, 'ITLFile.tlv'), request('ITLFile.tlv'));
      working.dispose();
      assert.equal(working.broken, false, 'dispose does not break a pool');
    } finally {
      pool.dispose();
    }
  });

  it('stops idle workers and starts fresh ones for the next scan', async () => {
    const pool = new ScanWorkerPool(WORKER, 1, 50);
    try {
      const file = join(FIXTURES, 'ITLFile.tlv');
      await pool.scanFile(file, request('ITLFile.tlv'));
      assert.equal(pool.running, 1);
      await new Promise(r => setTimeout(r, 200));
      assert.equal(pool.running, 0);
      assert.ok(await pool.scanFile(file, request('ITLFile.tlv')));
    } finally {
      pool.dispose();
    }
  });
});
