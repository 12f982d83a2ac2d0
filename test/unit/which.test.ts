// Which trust list does a phone hold? From the checksum on its screen to the exact file: in a folder, in
// every committed version of a git repository, with the hash pasted as people paste it.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parsePhoneHash } from '../../src/core/phoneHash';
import { MAX_FILE_BYTES } from '../../src/core/fileLimits';
import { readBlobs, tlvHistory } from '../../src/node/gitHistory';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, tokenlessCtl } from '../support/cluster';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const hex = (algorithm: 'md5' | 'sha1', bytes: Uint8Array) => createHash(algorithm).update(bytes).digest('hex');
/** As a person pastes it from the phone's web page: upper case, colons, with its label. */
const pasted = (label: string, h: string) => `${label} ${h.toUpperCase().replace(/(..)(?=.)/g, '$1:')}`;

describe('parsePhoneHash', () => {
  it('reads every form people paste, and refuses anything else naming what was expected', () => {
    const sha1 = '8c92d1a5e0c4b6f7a8b9c0d1e2f3a4b5c6d7e8f9';
    for (const input of [sha1, sha1.toUpperCase(), pasted('CTL Signature', sha1), `sha1:${sha1}`, sha1.replace(/(.{4})/g, '$1 ').trim(), `${sha1}(SHA1)`, sha1.replace(/(..)(?=.)/g, '$1-')]) {
      assert.deepEqual(parsePhoneHash(input), { algorithm: 'sha1', hex: sha1 }, input);
    }
    assert.equal(parsePhoneHash(`ITL file ${'AB'.repeat(16)}`).algorithm, 'md5');
    assert.throws(() => parsePhoneHash('a'.repeat(31)), /expected 32 hex digits \(MD5\) or 40 \(SHA-1\).*found 31/);
    assert.throws(() => parsePhoneHash(`md5:${sha1}`), /expected 32 hex digits for MD5/);
    assert.throws(() => parsePhoneHash('CTL Signature'), /found 0 hex digit/);
  });
});

describe('which: a folder and the git history', () => {
  const repo = mkdtempSync(join(tmpdir(), 'tlv-which-'));
  after(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  const c = makeCluster({ name: 'which' });
  const ctls = Array.from({ length: 5 }, (_, i) => buildTrustList(tokenlessCtl(c, { timestamp: 1_700_000_000 + i })));
  const itls = Array.from({ length: 3 }, (_, i) => buildTrustList(itl(c, { timestamp: 1_700_100_000 + i })));
  // Eight commits: CTL v0..v4 and ITL v0..v2 interleaved, then CTL v1 restored, then ITLFile.tlv deleted.
  const steps: Array<[string, Uint8Array | null, string]> = [
    ['CTLFile.tlv', ctls[0]!, 'ctl 0'], ['ITLFile.tlv', itls[0]!, 'itl 0'], ['CTLFile.tlv', ctls[1]!, 'ctl 1'],
    ['CTLFile.tlv', ctls[2]!, 'ctl 2'], ['ITLFile.tlv', itls[1]!, 'itl 1'], ['CTLFile.tlv', ctls[3]!, 'ctl 3'],
    ['ITLFile.tlv', itls[2]!, 'itl 2'], ['CTLFile.tlv', ctls[4]!, 'ctl 4'],
    ['CTLFile.tlv', ctls[1]!, 'restore ctl 1'], ['ITLFile.tlv', null, 'delete the ITL'],
  ];
  for (const [name, bytes, subject] of steps) {
    if (bytes) writeFileSync(join(repo, name), bytes);
    else unlinkSync(join(repo, name));
    git('add', '-A');
    git('commit', '-q', '-m', subject);
  }

  it('leaves out, unread, a committed *.tlv larger than any trust list', async () => {
    const other = mkdtempSync(join(tmpdir(), 'tlv-which-huge-'));
    try {
      const g = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: other });
      g('init', '-q', '-b', 'main');
      writeFileSync(join(other, 'CTLFile.tlv'), ctls[0]!);
      writeFileSync(join(other, 'ITLFile.tlv'), Buffer.alloc(MAX_FILE_BYTES + 1));
      g('add', '-A');
      g('commit', '-q', '-m', 'a trust list and a huge one');
      const history = await tlvHistory(other);
      assert.equal(history.versions.length, 2);
      const read: Array<[string, number]> = [];
      await readBlobs(other, history.versions.map(v => v.blob), (blob, bytes) => read.push([blob, bytes.length]));
      assert.deepEqual(read, [[history.versions.find(v => v.path === 'CTLFile.tlv')!.blob, ctls[0]!.length]]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('every version, by MD5 and by SHA-1 pasted with its label, finds exactly that version', () => {
    for (const [kind, versions] of [['CTL', ctls], ['ITL', itls]] as const) {
      versions.forEach((bytes, i) => {
        for (const algorithm of ['md5', 'sha1'] as const) {
          const r = cli(repo, 'which', '--git', '--json', pasted(`${kind} Signature`, hex(algorithm, bytes)));
          assert.equal(r.status, 0, r.stderr);
          const { hashes: [h], searched } = JSON.parse(r.stdout);
          assert.equal(h.matches.length, 1, `${kind} v${i} ${algorithm}`);
          assert.equal(h.matches[0].kind, kind);
          assert.equal(h.matches[0].path, `${kind}File.tlv`);
          assert.equal(searched.versions, 8, 'each blob at its path once');
          assert.equal(searched.commits, 10);
        }
      });
    }
  });

  it('a restored version lists both commits; HEAD marks the current one; a deleted file is no longer current', () => {
    const restored = JSON.parse(cli(repo, 'which', '--git', '.', '--json', hex('sha1', ctls[1]!)).stdout).hashes[0].matches[0];
    assert.deepEqual(restored.commits.map((x: { subject: string }) => x.subject), ['restore ctl 1', 'ctl 1']);
    assert.equal(restored.current, true);
    assert.equal(JSON.parse(cli(repo, 'which', '--git', '--json', hex('sha1', ctls[4]!)).stdout).hashes[0].matches[0].current, false);
    assert.equal(JSON.parse(cli(repo, 'which', '--git', '--json', hex('md5', itls[2]!)).stdout).hashes[0].matches[0].current, false);
  });

  it('the text names kind, path, commit and signer; a hash that matches nothing says what was searched (exit 1)', () => {
    const found = cli(repo, 'which', '--git', hex('md5', ctls[2]!));
    assert.equal(found.status, 0);
    assert.match(found.stdout, /^[0-9A-F:]{47} \(MD5\): 1 match\(es\)\n {2}CTL {5}CTLFile\.tlv @ [0-9a-f]{8} \d{4}-\d\d-\d\d "ctl 2" \(older version\) {2}signer CN=which-pub;/);
    const none = cli(repo, 'which', '--in', '.', 'f'.repeat(40));
    assert.equal(none.status, 1);
    assert.match(none.stdout, /no match in 1 file\(s\); try --git REPO/);
    const both = cli(repo, 'which', '--in', '.', '--git', 'e'.repeat(32));
    assert.match(both.stdout, /no match in 1 file\(s\), 8 version\(s\) in 10 commit\(s\); try --server HOST/);
    const bad = cli(repo, 'which', 'a'.repeat(31));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^tlv-trust: "a{31}" is not a checksum: expected 32 hex digits/);
  });
});
