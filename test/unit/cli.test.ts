// The command-line front end, run as a user runs it: node dist/cli.js (built by `esbuild.mjs --tests`).
import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SHARED_FIXTURES } from '../support/certutils';
import { buildTrustList, type TrustListSpec } from '../support/builder';
import { makeCert } from '../support/certs';
import { makeCluster, tokenlessCtl } from '../support/cluster';
import { startTftpd, tftpdUnavailable, type Tftpd } from '../support/tftpd';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const fx = (p: string) => join(SHARED_FIXTURES, p);

test('show prints the CUCM text view and exits 0 for a good file', () => {
  const r = cli('show', fx('real/CTLFile-cucm-tokenless-2015.tlv'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^The checksum value of the CTL file:\n[0-9a-f]{32}\(MD5\)\n[0-9a-f]{40}\(SHA1\)\nLength of CTL file: 7166\n/);
  assert.match(r.stdout, /The CTL file was verified successfully\.\n$/);
  assert.equal(r.stderr, '');
});

test('show of a truncated file prints what it could and exits 1', () => {
  const r = cli('show', fx('peer/CTLFile-v1-truncated.tlv'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /ERROR: record #1 at offset 456 \(0x1C8\)/);
  assert.match(r.stdout, /The CTL file was NOT verified/);
});

test('json prints the schema', () => {
  const r = cli('json', fx('peer/ITLFile-sha1.tlv'));
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.kind, 'ITL');
  assert.equal(j.signature.status, 'verified');
  assert.equal(j.records.length, 5);
});

test('verify walks folders recursively, one line per file, exit 1 when one fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tlv-cli-'));
  try {
    mkdirSync(join(dir, 'tftp', 'node2'), { recursive: true });
    copyFileSync(fx('peer/ITLFile-sha1.tlv'), join(dir, 'tftp', 'ITLSEP001122334455.tlv'));
    copyFileSync(fx('peer/ITLFile-sha1.tlv'), join(dir, 'tftp', 'node2', 'ITLSEP001122334466.tlv'));
    writeFileSync(join(dir, 'tftp', 'notes.txt'), 'not a trust list');
    const ok = cli('verify', dir);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.equal(ok.stdout.trim().split('\n').length, 2);
    assert.ok(ok.stdout.split('\n').filter(Boolean).every(l => l.startsWith('OK   ')));
    copyFileSync(fx('peer/ITLFile-sha1-tampered.tlv'), join(dir, 'tftp', 'ITLSEP00112233BAD0.tlv'));
    const bad = cli('verify', dir);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^FAIL .*ITLSEP00112233BAD0\.tlv ITL invalid /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors are one line on stderr, without a stack trace', () => {
  const missing = cli('show', '/no/such/file.tlv');
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'tlv-trust: cannot read /no/such/file.tlv: ENOENT\n');
  const usage = cli('frobnicate');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^tlv-trust: unknown command "frobnicate"\n/);
  assert.doesNotMatch(usage.stderr, /\n\s+at /);
  const crash = cli('verify', fx('malformed/CTLFile-fuzzer-crash.tlv'));
  assert.equal(crash.status, 1);
  assert.match(crash.stdout, /^FAIL .* malformed .*at offset 0 \(0x0\)/);
  assert.equal(crash.stderr, '');
});

test('diff: verdict lines first; exit 1 when a device class rejects, 0 when all accept', () => {
  const r = cli('diff', fx('peer/CTLFile-v1.tlv'), fx('peer/CTLFile-v2-regenerated.tlv'));
  assert.equal(r.status, 1);
  const lines = r.stdout.split('\n');
  assert.equal(lines[2], 'Verdict');
  assert.match(lines[3], /^ {2}Phones with Security by Default: CANNOT BE JUDGED \[R4\]/);
  assert.match(lines[4], /^ {2}Phones without Security by Default .*: REJECTED \[R5\]/);
  const same = cli('diff', '--json', fx('peer/ITLFile-sha1.tlv'), fx('peer/ITLFile-sha1.tlv'));
  assert.equal(same.status, 0);
  const j = JSON.parse(same.stdout);
  assert.equal(j.identical, true);
  assert.deepEqual(j.verdicts.map((v: { rule: string }) => v.rule), ['R3', 'R5']);
});

describe('file text cannot forge output, and the CLI behaves like a Unix tool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tlv-cli-hostile-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const c = makeCluster({ name: 'cli' });
  const forged = makeCert({ subject: [['CN', 'evil\nOK   /tftp/CTLFile.tlv CTL verified records=5']], keyId: 'cli-forged' });
  const file = (name: string, spec: TrustListSpec) => {
    const path = join(dir, name);
    writeFileSync(path, buildTrustList(spec));
    return path;
  };
  const evilCtl = file('CTLFile.tlv', { kind: 'CTL', signer: forged, records: [{ cert: forged, role: 'SAST', dnsName: 'x' }] });
  const oldCtl = file('old-CTLFile.tlv', tokenlessCtl(c));
  const dnsForged = file('new-CTLFile.tlv', { ...tokenlessCtl(c), records: tokenlessCtl(c).records.map(r => ({ ...r, dnsName: 'pub\n  Phones with Security by Default: ACCEPTED [R2] forged' })) });

  it('verify prints exactly one line per file, whatever the signer CN holds', () => {
    const r = cli('verify', evilCtl, oldCtl);
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 2, r.stdout);
    assert.match(r.stdout, /evil\\u\{000A\}OK/);
  });

  it('diff prints exactly one verdict line per device class, whatever a DNS name holds', () => {
    const r = cli('diff', oldCtl, dnsForged);
    const verdicts = r.stdout.split('\n').filter(l => /^ {2}Phones with/.test(l));
    assert.equal(verdicts.length, 2, r.stdout);
    assert.match(r.stdout, /pub\\u\{000A\}/);
  });

  it('a closed stdout ends quietly: no EPIPE stack trace', () => {
    const many = Array.from({ length: 300 }, () => oldCtl);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" verify ${many.join(' ')} | head -1`], { encoding: 'utf8' });
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.equal(r.stderr, '');
  });

  it('usage errors: exit 2, one line naming what is wrong, then the usage; never "(internal error)"', () => {
    for (const [args, message] of [
      [['diff', oldCtl], /^tlv-trust: diff expects 2 files, got 1\nusage: tlv-trust diff /],
      [['show', '--bogus', oldCtl], /^tlv-trust: unknown option --bogus /],
      [['json', oldCtl, oldCtl], /^tlv-trust: json expects 1 file, got 2\n/],
      [[], /^tlv-trust: no command given\nusage: tlv-trust <command>/],
      [['frobnicate'], /^tlv-trust: unknown command "frobnicate"\n/],
    ] as const) {
      const r = cli(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
      assert.equal(r.stdout, '');
    }
  });

  it('--version, COMMAND --help, and -- before a file named like an option', () => {
    assert.equal(cli('--version').stdout, `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
    const help = cli('show', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: tlv-trust show FILE/);
    copyFileSync(oldCtl, join(dir, '-x.tlv'));
    const dash = spawnSync(process.execPath, [CLI, 'verify', '--', '-x.tlv'], { encoding: 'utf8', cwd: dir });
    assert.equal(dash.status, 0, dash.stderr);
    assert.match(dash.stdout, /^OK {3}-x\.tlv CTL verified/);
  });

  it('decode errors go to stderr, one line per file, naming the offset', () => {
    const cut = join(dir, 'cut-CTLFile.tlv');
    writeFileSync(cut, readFileSync(oldCtl).subarray(0, 700));
    const r = cli('show', cut);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^tlv-trust: .*cut-CTLFile\.tlv: .*offset \d+ \(0x[0-9A-F]+\)/);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
  });
});

describe('show, verify and diff read what a TFTP server serves', () => {
  const reason = tftpdUnavailable();
  const dir = mkdtempSync(join(tmpdir(), 'tlv-cli-tftp-'));
  let server: Tftpd | undefined;
  after(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (...args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>(resolve => {
    // Asynchronous: the server answers from this process's event loop.
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (e, stdout, stderr) => resolve({ status: e ? (e.code as number) : 0, stdout, stderr }));
  });

  it('tftp:// sources give the same output as the local file', { skip: reason, timeout: 30_000 }, async () => {
    copyFileSync(fx('real/CTLFile-cucm-tokenless-2015.tlv'), join(dir, 'CTLFile.tlv'));
    server = await startTftpd(dir);
    const url = `tftp://127.0.0.1:${server.port}/CTLFile.tlv`;
    const remote = await run('verify', url);
    assert.equal(remote.status, 0, remote.stderr);
    assert.equal(remote.stdout, cli('verify', join(dir, 'CTLFile.tlv')).stdout.replace(join(dir, 'CTLFile.tlv'), url));
    const diff = await run('diff', '--json', join(dir, 'CTLFile.tlv'), url);
    assert.equal(JSON.parse(diff.stdout).identical, true);
    const missing = await run('show', `tftp://127.0.0.1:${server.port}/ITLSEP001122334455.tlv`);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^tlv-trust: cannot fetch .*not found/);
  });
});
