// `preflight --phone-ctl HASH --phone-itl HASH`: the phone's files given by the checksum on its screen,
// found as `which` finds them (a folder, the git history), give the same answer as the files themselves.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, regenerate, tokenlessCtl } from '../support/cluster';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const hex = (algorithm: 'md5' | 'sha1', bytes: Uint8Array) => createHash(algorithm).update(bytes).digest('hex');
/** The result without the file names: what the phones do. */
const verdict = (stdout: string) => {
  const { files: _files, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
};

describe('preflight with the phone files given by checksum', () => {
  const repo = mkdtempSync(join(tmpdir(), 'tlv-pfhash-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'tlv-pfhash-files-'));
  after(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  const before = makeCluster({ name: 'pfh', callManagerKey: 'rsa1024' });
  const cmRegen = regenerate(before, 'callManager', 'rsa2048');
  const phoneCtl = buildTrustList(tokenlessCtl(before));
  const phoneItl = buildTrustList(itl(before));
  const nextCtl = buildTrustList(tokenlessCtl(cmRegen));
  const nextItl = buildTrustList(itl(cmRegen));
  // The repository holds the phone's files only in history; the working tree has the next ones.
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'CTLFile.tlv'), phoneCtl);
  writeFileSync(join(repo, 'ITLFile.tlv'), phoneItl);
  git('add', '-A');
  git('commit', '-q', '-m', 'before the regeneration');
  writeFileSync(join(repo, 'CTLFile.tlv'), nextCtl);
  writeFileSync(join(repo, 'ITLFile.tlv'), nextItl);
  git('add', '-A');
  git('commit', '-q', '-m', 'after the regeneration');
  const files: Record<string, Uint8Array> = { 'phone-CTLFile.tlv': phoneCtl, 'phone-ITLFile.tlv': phoneItl, 'next-CTLFile.tlv': nextCtl, 'next-ITLFile.tlv': nextItl };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(elsewhere, name), bytes);
  const p = (name: string) => join(elsewhere, name);
  const byFiles = cli(elsewhere, 'preflight', '--json', '--phone-ctl', p('phone-CTLFile.tlv'), '--phone-itl', p('phone-ITLFile.tlv'), '--ctl', p('next-CTLFile.tlv'), '--itl', p('next-ITLFile.tlv'));

  it('sha1:/md5: found in the git history give the same result as the files (exit status, classes, steps)', () => {
    assert.equal(byFiles.status, 1, byFiles.stderr);
    const r = cli(repo, 'preflight', '--json', '--git', '--phone-ctl', `sha1:${hex('sha1', phoneCtl)}`, '--phone-itl', `md5:${hex('md5', phoneItl).toUpperCase()}`, '--ctl', 'CTLFile.tlv', '--itl', 'ITLFile.tlv');
    assert.equal(r.status, byFiles.status, r.stderr);
    assert.deepEqual(verdict(r.stdout), verdict(byFiles.stdout));
    const j = JSON.parse(r.stdout);
    assert.match(j.files['phone-ctl'], /^CTLFile\.tlv @ [0-9a-f]{8} \([0-9A-F:]{59} \(SHA-1\)\)$/);
    assert.match(j.files['phone-itl'], /^ITLFile\.tlv @ [0-9a-f]{8} \([0-9A-F:]{47} \(MD5\)\)$/);
  });

  it('the text names where each phone file was found; a hash as pasted with its label works too', () => {
    const label = `CTL Signature ${hex('sha1', phoneCtl).toUpperCase().replace(/(..)(?=.)/g, '$1:')}`;
    const r = cli(repo, 'preflight', '--git', repo, '--phone-ctl', label, '--phone-itl', hex('sha1', phoneItl), '--ctl', 'CTLFile.tlv', '--itl', 'ITLFile.tlv');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^ {2}phone CTL CTLFile\.tlv @ [0-9a-f]{8} .*\(SHA-1\)\) \(CTL, verified/m);
    assert.match(r.stdout, /^Phones with Security by Default: ACCEPTED VIA TVS \[R4, step 1\]$/m);
  });

  it('a folder: --in DIR, or the current directory by default', () => {
    const r = cli(elsewhere, 'preflight', '--json', '--phone-ctl', hex('md5', phoneCtl), '--phone-itl', hex('sha1', phoneItl), '--ctl', p('next-CTLFile.tlv'), '--itl', p('next-ITLFile.tlv'));
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(verdict(r.stdout), verdict(byFiles.stdout));
    assert.match(JSON.parse(r.stdout).files['phone-ctl'], /phone-CTLFile\.tlv \(/);
    const sub = join(repo, 'sub');
    mkdirSync(sub, { recursive: true });
    const r2 = cli(sub, 'preflight', '--json', '--in', elsewhere, '--phone-ctl', hex('md5', phoneCtl), '--ctl', p('next-CTLFile.tlv'));
    assert.equal(r2.stderr, '');
    assert.equal(JSON.parse(r2.stdout).inputs['phone-ctl'].kind, 'CTL');
  });

  it('no match is exit 2 naming the hash and what was searched; a malformed sha1: is a usage error', () => {
    const none = cli(repo, 'preflight', '--phone-ctl', 'f'.repeat(40), '--ctl', 'CTLFile.tlv');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^tlv-trust: --phone-ctl (FF:){19}FF \(SHA-1\): no match in 2 file\(s\) in \.; try --git/);
    assert.equal(none.stdout, '');
    const inGit = cli(repo, 'preflight', '--git', '--phone-itl', `md5:${'e'.repeat(32)}`, '--itl', 'ITLFile.tlv');
    assert.equal(inGit.status, 2);
    assert.match(inGit.stderr, /no match in 4 committed version\(s\) in \.\n$/);
    const bad = cli(repo, 'preflight', '--phone-ctl', `sha1:${'a'.repeat(32)}`, '--ctl', 'CTLFile.tlv');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /expected 40 hex digits for SHA1[\s\S]*usage: tlv-trust preflight/);
    const stray = cli(repo, 'preflight', '--in', '.', '--ctl', 'CTLFile.tlv');
    assert.equal(stray.status, 2);
    assert.match(stray.stderr, /--in and --git are for --phone-ctl\/--phone-itl given as a checksum/);
  });
});
