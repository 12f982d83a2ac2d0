// `verify DIR` and `report DIR` on worker threads (--jobs): the same output in the same order as in one
// thread, a quiet end when stdout closes, exit 130 on Ctrl+C with whole lines only. No timing asserts.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, tokenlessCtl } from '../support/cluster';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const mac = (i: number) => `ITLSEP${(0x001122330000 + i).toString(16).toUpperCase().padStart(12, '0')}.tlv`;

describe('verify and report with worker threads', () => {
  const root = mkdtempSync(join(tmpdir(), 'tlv-jobs-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const cluster = makeCluster({ name: 'jobs' });
  // A folder as a TFTP export holds it: distinct ITLSEP files, copies, a CTL, a truncated and a tampered file, a subfolder.
  const dir = join(root, 'tftp');
  mkdirSync(join(dir, 'node2'), { recursive: true });
  const one = buildTrustList(itl(cluster));
  for (let i = 0; i < 40; i++) writeFileSync(join(dir, mac(i)), i % 3 === 0 ? one : buildTrustList(itl(cluster, { timestamp: 1_700_000_000 + i })));
  writeFileSync(join(dir, 'CTLFile.tlv'), buildTrustList(tokenlessCtl(cluster)));
  writeFileSync(join(dir, mac(100)), one.subarray(0, 700));
  const tampered = one.slice();
  tampered[tampered.length - 10] ^= 0x01;
  writeFileSync(join(dir, mac(101)), tampered);
  writeFileSync(join(dir, 'node2', mac(5)), one);

  it('verify: the same lines in the same order with --jobs 1 and --jobs 2 (and the default)', () => {
    const one = cli('verify', '--jobs', '1', dir);
    const two = cli('verify', '--jobs', '2', dir);
    const auto = cli('verify', dir);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, 1);
    assert.equal(two.stdout, one.stdout);
    assert.equal(auto.stdout, one.stdout);
    assert.equal(two.stderr, '');
    const lines = one.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 44);
    assert.match(one.stdout, new RegExp(`^FAIL .*${mac(100)} ITL malformed `, 'm'));
    assert.match(one.stdout, new RegExp(`^FAIL .*${mac(101)} ITL invalid `, 'm'));
    assert.equal(lines.filter(l => l.startsWith('OK ')).length, 42);
    // Folder order: names sorted, each subfolder where its name sorts.
    const paths = lines.map(l => l.split(' ').filter(Boolean)[1]);
    assert.deepEqual(paths, [...paths].sort((a, b) => a.localeCompare(b)));
  });

  it('report: the same text, CSV and JSON with --jobs 1 and --jobs 2', () => {
    for (const format of [[], ['--csv'], ['--json']]) {
      const one = cli('report', '--jobs', '1', ...format, dir);
      const two = cli('report', '--jobs', '2', ...format, dir);
      assert.equal(one.status, 1, one.stderr);
      assert.equal(two.status, 1);
      const strip = (s: string) => s.replace(/"generatedAt": "[^"]+"/, '');
      assert.equal(strip(two.stdout), strip(one.stdout), format.join(' ') || 'text');
      assert.equal(two.stderr, '');
    }
  });

  it('--jobs 0, --jobs x and --jobs without a number are usage errors (exit 2)', () => {
    for (const args of [['verify', '--jobs', '0', dir], ['verify', '--jobs', 'x', dir], ['report', '--jobs', '1.5', dir], ['verify', dir, '--jobs']]) {
      const r = cli(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^tlv-trust: /);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
      assert.equal(r.stdout, '');
    }
    assert.match(cli('verify', '--jobs', '0', dir).stderr, /^tlv-trust: --jobs needs a whole number from 1 to 1024, not "0"\nusage: tlv-trust verify /);
  });

  // A bigger folder: hard links to two files, enough output to fill any pipe.
  const big = join(root, 'big');
  mkdirSync(big);
  const a = join(root, 'a.tlv');
  const b = join(root, 'b.tlv');
  writeFileSync(a, one);
  writeFileSync(b, buildTrustList(itl(cluster, { timestamp: 1_700_000_001 })));
  for (let i = 0; i < 3000; i++) linkSync(i % 2 ? a : b, join(big, mac(i)));

  it('verify DIR | head -1 with workers: one line, nothing on stderr, and it ends', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" verify --jobs 2 "${big}" | head -1`], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.error, undefined);
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.match(r.stdout, /^OK {3}/);
    assert.equal(r.stderr, '');
  });

  it('Ctrl+C: exit 130, and stdout ends with a whole line', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [CLI, 'verify', '--jobs', '2', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    // 'close': the process has exited and its output has all been read.
    const status = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(res => child.on('close', (code, signal) => res({ code, signal })));
    await new Promise<void>(res => {
      child.stdout.setEncoding('utf8').once('data', (d: string) => {
        out += d;
        // Stop reading: the pipe fills and the run cannot finish before the signal comes.
        child.stdout.pause();
        res();
      });
    });
    child.kill('SIGINT');
    child.stdout.on('data', (d: string) => (out += d));
    child.stdout.resume();
    const { code, signal } = await status;
    assert.deepEqual({ code, signal }, { code: 130, signal: null });
    assert.equal(err, '');
    assert.ok(out.endsWith('\n'), 'the last line is whole');
    const lines = out.trimEnd().split('\n');
    assert.ok(lines.length < 3000, `${lines.length} lines: the run was stopped`);
    for (const l of lines) assert.match(l, /^OK {3}\S+ ITL verified records=4 sha1=[0-9a-f]{40} signer=#1 /);
  });

  it('Ctrl+C with --jobs 1 (in this process) also exits 130', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [CLI, 'verify', '--jobs', '1', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    const status = new Promise<number | null>(res => child.on('close', code => res(code)));
    await new Promise<void>(res => child.stdout.once('data', () => {
      child.stdout.pause();
      res();
    }));
    child.kill('SIGINT');
    child.stdout.resume();
    assert.equal(await status, 130);
  });

  it('the worker bundle is part of the npm package', () => {
    const ignore = readFileSync('.npmignore', 'utf8');
    assert.match(ignore, /^!dist\/cliWorker\.js$/m);
  });
});
