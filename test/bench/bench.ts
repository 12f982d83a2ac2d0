// npm run bench: decode and verify figures beside the floor of SHA-1-hashing the same bytes with
// Node's native crypto (for the folder: reading, hashing and RSA-verifying every file with a key
// parsed beforehand, the least any verifier must do). Prints figures only.
import { execFileSync } from 'node:child_process';
import { createHash, createVerify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { decode } from '../../src/node/decode';
import { decodeTrustList } from '../../src/core/decode';
import { webCrypto } from '../../src/web/webCrypto';
import { renderShowCtl } from '../../src/core/dump';
import { compare } from '../../src/core/compare';
import { tlvFiles, verifyLine } from '../../src/cli/files';
import { search } from '../../src/cli/whichCommand';
import { renderReportText, summariseFiles } from '../../src/cli/reportCommand';
import { buildReport } from '../../src/core/report';
import type { ByteRange } from '../../src/core/model';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, tokenlessCtl } from '../support/cluster';

async function timeAsync(fn: () => Promise<unknown>, minMs = 400): Promise<number> {
  await fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    await fn();
    n++;
  }
  return (performance.now() - t0) / n;
}

function time(fn: () => void, minMs = 400): number {
  fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    fn();
    n++;
  }
  return (performance.now() - t0) / n;
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const rows: string[][] = [];
function row(what: string, size: number, ours: number, floor: number) {
  rows.push([what, `${(size / 1024).toFixed(1)} KB`, fmt(ours), fmt(floor), `${(ours / floor).toFixed(1)}×`]);
}

const floorOf = (bytes: Uint8Array) => () => createHash('sha1').update(bytes).digest('hex');

// 1. A typical CTL: the real CUCM file.
const ctl = new Uint8Array(readFileSync(join(__dirname, '../../../test/fixtures/CTLFile.tlv')));
row('typical CTL: decode (all certificates) + verify', ctl.length, time(() => decode(ctl)), time(floorOf(ctl)));
row('typical CTL: decode (signer only) + verify', ctl.length, time(() => decode(ctl, { certificates: 'signer' })), time(floorOf(ctl)));
const list = decode(ctl);
row('typical CTL: show ctl text', ctl.length, time(() => renderShowCtl(list, ctl)), time(floorOf(ctl)));

// 2. A 64 KB ITL (about 39 certificates, the phones' limit).
const cluster = makeCluster({ name: 'bench' });
const base = itl(cluster);
const big = { ...base, records: [...base.records, ...Array.from({ length: 36 }, () => base.records[1])] };
const itl64 = buildTrustList(big);
row(`64 KB ITL (${big.records.length} records): decode + verify`, itl64.length, time(() => decode(itl64)), time(floorOf(itl64)));

// 3. A synthetic 5,000-record file.
const ctlBase = tokenlessCtl(cluster);
const huge = buildTrustList({ ...ctlBase, records: Array.from({ length: 5000 }, (_, i) => ctlBase.records[i % ctlBase.records.length]) });
row('5,000-record file: decode (all certificates) + verify', huge.length, time(() => decode(huge), 2000), time(floorOf(huge)));
row('5,000-record file: decode (signer only) + verify', huge.length, time(() => decode(huge, { certificates: 'signer' }), 2000), time(floorOf(huge)));
const hugeList = decode(huge);
row('5,000-record file: compare with itself', huge.length, time(() => compare(hugeList, hugeList), 2000), time(floorOf(huge)));

// 4 and 5: folders (the report reads files asynchronously, as the CLI does).
async function folders(): Promise<void> {
  // 4. verify over a folder of 1,000 ITLSEP files (each signed, as a TFTP export holds them).
  const dir = mkdtempSync(join(tmpdir(), 'tlv-bench-'));
  let total = 0;
  for (let i = 0; i < 1000; i++) {
    const bytes = buildTrustList(itl(cluster, { timestamp: 1_700_000_000 + i }));
    total += bytes.length;
    writeFileSync(join(dir, `ITLSEP${(0x001122330000 + i).toString(16).toUpperCase().padStart(12, '0')}.tlv`), bytes);
  }
  const verifyAll = () => {
    // What `verify DIR` does per local file (the CLI's load is async for remote sources).
    for (const f of tlvFiles(dir)) {
      if (!verifyLine(f, decode(new Uint8Array(readFileSync(f)), { fileName: basename(f), certificates: 'signer' })).ok) throw new Error(`${f} did not verify`);
    }
  };
  // The floor per file: read, SHA-1 (the checksum every view shows), and one RSA verify over the
  // signed bytes with the signer's key parsed once, outside the timing (as a verifier's key cache does).
  const signerKey = cluster.certs.callManager.publicKey;
  const signed = new Map<string, { ranges: ByteRange[]; signature: ByteRange; hash: string }>();
  for (const f of tlvFiles(dir)) {
    const l = decode(new Uint8Array(readFileSync(f)), { fileName: basename(f), certificates: 'signer' });
    if (!l.signature.signedRanges || !l.header.signature) throw new Error(`${f}: no signed ranges`);
    signed.set(f, { ranges: l.signature.signedRanges, signature: l.header.signature, hash: (l.signature.digest ?? 'SHA1').toLowerCase() });
  }
  const floorAll = () => {
    for (const f of tlvFiles(dir)) {
      const bytes = readFileSync(f);
      createHash('sha1').update(bytes).digest('hex');
      const s = signed.get(f)!;
      const v = createVerify(s.hash);
      for (const r of s.ranges) v.update(bytes.subarray(r.start, r.end));
      if (!v.verify(signerKey, bytes.subarray(s.signature.start, s.signature.end))) throw new Error(`${f}: floor did not verify`);
    }
  };
  const floorMs = time(floorAll, 3000);
  row('verify a folder of 1,000 ITLSEP files', total, time(verifyAll, 3000), floorMs);
  // report: what `report DIR` does (read, decode, summarise, group, render the text), in both modes.
  const reportWith = (certificates: 'all' | 'signer') => async () => renderReportText(buildReport(await summariseFiles([dir], { certificates })));
  row('report over the 1,000 files (signer mode + each certificate once: the CLI)', total, await timeAsync(reportWith('signer'), 3000), floorMs);
  row('report over the 1,000 files (decode with all certificates)', total, await timeAsync(reportWith('all'), 3000), floorMs);
  // A folder where every ITLSEP file has the same bytes: each distinct content is decoded once.
  const same = mkdtempSync(join(tmpdir(), 'tlv-bench-same-'));
  const one = buildTrustList(itl(cluster));
  for (let i = 0; i < 1000; i++) writeFileSync(join(same, `ITLSEP${(0x001122330000 + i).toString(16).toUpperCase().padStart(12, '0')}.tlv`), one);
  const sameFloor = () => {
    for (const f of tlvFiles(same)) createHash('sha1').update(readFileSync(f)).digest('hex');
  };
  row('report over 1,000 identical files (floor: read+SHA-1 only)', one.length * 1000, await timeAsync(async () => buildReport(await summariseFiles([same])), 2000), time(sameFloor, 2000));
  rmSync(same, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });

}

// 5. The web extension host's port (WebCrypto verify, node-forge hashes), here under Node's WebCrypto:
// what a browser costs beside the native port, for the typical CTL and the 64 KB ITL.

async function webRows(): Promise<void> {
  row('typical CTL: decode + verify, WebCrypto port', ctl.length, await timeAsync(() => decodeTrustList(ctl, {}, webCrypto)), time(floorOf(ctl)));
  row('64 KB ITL: decode + verify, WebCrypto port', itl64.length, await timeAsync(() => decodeTrustList(itl64, {}, webCrypto)), time(floorOf(itl64)));
}

function print(): void {
  const head = ['case', 'size', 'ours (per op)', 'floor: SHA-1 (folder: read+SHA-1+RSA verify)', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`node ${process.version}, ${process.arch}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

// 5. `which --git`: every committed version of a repository with 2,000 commits of CTLFile.tlv and ITLFile.tlv
// (built with git fast-import), each blob read once and hashed with MD5 and SHA-1.
async function gitIndex(): Promise<void> {
  const repo = mkdtempSync(join(tmpdir(), 'tlv-bench-git-'));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    const commits = 2000;
    const chunks: Buffer[] = [];
    for (let i = 0; i < commits; i++) {
      const name = i % 4 === 3 ? 'ITLFile.tlv' : 'CTLFile.tlv';
      const bytes = buildTrustList((name === 'ITLFile.tlv' ? itl : tokenlessCtl)(cluster, { timestamp: 1_600_000_000 + i }));
      chunks.push(Buffer.from(`commit refs/heads/main\ncommitter b <b@example.invalid> ${1_600_000_000 + i} +0000\ndata 4\nv${String(i % 1000).padStart(3, '0')}\n`
        + `M 100644 inline tftp/${name}\ndata ${bytes.length}\n`), Buffer.from(bytes), Buffer.from('\n'));
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: Buffer.concat(chunks) });
    const t0 = performance.now();
    const { searched } = await search({ folders: [], repos: [repo], servers: [] }, [{ algorithm: 'sha1', hex: '0'.repeat(40) }]);
    const ms = performance.now() - t0;
    console.log(`\nwhich --git over ${searched.commits} commits (${searched.versions} versions): ${ms.toFixed(0)} ms, ${(ms / searched.versions).toFixed(2)} ms per version`);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await folders();
  await webRows();
  print();
  await gitIndex();
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
