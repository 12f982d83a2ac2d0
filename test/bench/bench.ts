// npm run bench: decode and verify figures beside the floor of SHA-1-hashing the same bytes with
// Node's native crypto (for the folder: reading, hashing and RSA-verifying every file with a key
// parsed beforehand, the least any verifier must do). Prints figures only.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { basename, join } from 'node:path';
import { decode } from '../../src/node/decode';
import { decodeTrustList } from '../../src/core/decode';
import { webCrypto } from '../../src/web/webCrypto';
import { renderShowCtl } from '../../src/core/dump';
import { compare } from '../../src/core/compare';
import { tlvFiles } from '../../src/cli/files';
import { verifyFile } from '../../src/cli/folderTasks';
import { search } from '../../src/cli/whichCommand';
import { renderReportText, runReport, summariseFiles } from '../../src/cli/reportCommand';
import { runVerify } from '../../src/cli/verifyCommand';
import { buildReport } from '../../src/core/report';
import type { ByteRange } from '../../src/core/model';
import { buildTrustList, buildTrustListDetailed, type TrustListSpec } from '../support/builder';
import { itl, makeCluster, tokenlessCtl, type Cluster } from '../support/cluster';

/** Warm-up before timing: at least 300 ms and at least three runs (JIT, page cache, key cache). */
const WARM_MS = 300;

async function timeAsync(fn: () => Promise<unknown>, minMs = 400): Promise<number> {
  for (let i = 0, t = performance.now(); i < 3 || performance.now() - t < WARM_MS; i++) await fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    await fn();
    n++;
  }
  return (performance.now() - t0) / n;
}

function time(fn: () => void, minMs = 400): number {
  for (let i = 0, t = performance.now(); i < 3 || performance.now() - t < WARM_MS; i++) fn();
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

const ctl = new Uint8Array(readFileSync(join(__dirname, '../../../test/fixtures/CTLFile.tlv')));
// Made in main(): the generator's worker threads re-enter this bundle and need none of it.
let cluster: Cluster;
let big: TrustListSpec;
let itl64: Uint8Array;

function singleFileRows(): void {
  // 1. A typical CTL: the real CUCM file.
  row('typical CTL: decode (all certificates) + verify', ctl.length, time(() => decode(ctl)), time(floorOf(ctl)));
  row('typical CTL: decode (signer only) + verify', ctl.length, time(() => decode(ctl, { certificates: 'signer' })), time(floorOf(ctl)));
  const list = decode(ctl);
  row('typical CTL: show ctl text', ctl.length, time(() => renderShowCtl(list, ctl)), time(floorOf(ctl)));

  // 2. A 64 KB ITL (about 39 certificates, the phones' limit).
  row(`64 KB ITL (${big.records.length} records): decode + verify`, itl64.length, time(() => decode(itl64)), time(floorOf(itl64)));

  // 3. A synthetic 5,000-record file.
  const ctlBase = tokenlessCtl(cluster);
  const huge = buildTrustList({ ...ctlBase, records: Array.from({ length: 5000 }, (_, i) => ctlBase.records[i % ctlBase.records.length]) });
  row('5,000-record file: decode (all certificates) + verify', huge.length, time(() => decode(huge), 2000), time(floorOf(huge)));
  row('5,000-record file: decode (signer only) + verify', huge.length, time(() => decode(huge, { certificates: 'signer' }), 2000), time(floorOf(huge)));
  const hugeList = decode(huge);
  row('5,000-record file: compare with itself', huge.length, time(() => compare(hugeList, hugeList), 2000), time(floorOf(huge)));
}

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
  // What `verify DIR` does, in this process (lean signer-mode decode, a line per file).
  const verifyAll = async () => {
    if ((await runVerify([dir], { jobs: 1 }, () => {})) !== 0) throw new Error(`${dir}: a file did not verify`);
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
  row('verify a folder of 1,000 ITLSEP files', total, await timeAsync(verifyAll, 3000), floorMs);
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

// 6. A TFTP folder of 50,000 ITLSEP files, each distinct and signed: generated once into the temp folder and
// reused (RSA-signing 50,000 files takes a while even on all cores).
const FOLDER_50K = join(tmpdir(), 'tlv-bench-50k-v1');
const COUNT_50K = 50_000;
const T0 = 1_700_000_000;
const macName = (i: number) => `ITLSEP${(0x00AA00000000 + i).toString(16).toUpperCase().padStart(12, '0')}.tlv`;

interface GenerateJob {
  dir: string;
  template: Uint8Array;
  /** Offset of TIMESTAMP's 4-byte value, and of SIGNATURE's value (its end is the TLV's end). */
  timestampAt: number;
  signature: ByteRange;
  privateKeyPem: string;
  from: number;
  to: number;
}

/** The folder floor: read, SHA-1 (the checksum every view shows), one RSA verify with a key parsed beforehand. */
function floorOver(files: string[], key: KeyObject, ranges: ByteRange[], signature: ByteRange): void {
  for (const f of files) {
    const bytes = readFileSync(f);
    createHash('sha1').update(bytes).digest('hex');
    const v = createVerify('sha1');
    for (const r of ranges) v.update(bytes.subarray(r.start, r.end));
    if (!v.verify(key, bytes.subarray(signature.start, signature.end))) throw new Error(`${f}: floor did not verify`);
  }
}

/**
 * What `verify DIR` does per file (the CLI's own verifyFile), with nothing around it (no listing, ordering or
 * output): the most two workers of the CLI could give.
 */
async function verifyOver(files: string[]): Promise<void> {
  for (const f of files) {
    const r = await verifyFile(f);
    if ('error' in r || !r.ok) throw new Error(`${f} did not verify`);
  }
}

/** A floor thread's share of the 50,000 files (every file has the template's layout), or a bare decode thread's. */
interface FloorJob {
  floor: true;
  /** The bare decode loop instead of the floor. */
  decode?: boolean;
  files: string[];
  spki: Uint8Array;
  ranges: ByteRange[];
  signature: ByteRange;
}

/** Worker thread: files [from, to) of the template, each with its own TIMESTAMP, re-signed (SHA-1, PKCS#1 v1.5). */
function generateWorker(): void {
  const job = workerData as GenerateJob;
  const key = createPrivateKey(job.privateKeyPem);
  const bytes = Buffer.from(job.template);
  const tlvStart = job.signature.start - 3;
  for (let i = job.from; i < job.to; i++) {
    bytes.writeUInt32BE(T0 + i, job.timestampAt);
    const signer = createSign('sha1');
    signer.update(bytes.subarray(0, tlvStart));
    signer.update(bytes.subarray(job.signature.end));
    const sig = signer.sign(key);
    if (sig.length !== job.signature.end - job.signature.start) throw new Error(`signature of ${sig.length} bytes`);
    sig.copy(bytes, job.signature.start);
    writeFileSync(join(job.dir, macName(i)), bytes);
  }
  parentPort?.postMessage('done');
}

/** The folder and a sentence saying how it was made (read back from the folder on later runs). */
async function ensure50k(): Promise<{ dir: string; how: string }> {
  const stamp = join(FOLDER_50K, 'HOW.txt');
  if (existsSync(stamp)) return { dir: FOLDER_50K, how: `${readFileSync(stamp, 'utf8').trim()} (reused)` };
  const t0 = performance.now();
  const partial = `${FOLDER_50K}.partial-${process.pid}`;
  mkdirSync(partial, { recursive: true });
  const c = makeCluster({ name: 'bench50k' });
  const built = buildTrustListDetailed(itl(c, { timestamp: T0 }));
  const timestamp = built.header.find(f => f.tag === 15);
  if (!timestamp) throw new Error('the template has no TIMESTAMP');
  const privateKeyPem = c.certs.callManager.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const threads = availableParallelism();
  const per = Math.ceil(COUNT_50K / threads);
  await Promise.all(Array.from({ length: threads }, (_, t) => new Promise<void>((resolve, reject) => {
    const job: GenerateJob = { dir: partial, template: built.bytes, timestampAt: timestamp.range.start + 3, signature: { start: built.signatureTlv.start + 3, end: built.signatureTlv.end }, privateKeyPem, from: t * per, to: Math.min(COUNT_50K, (t + 1) * per) };
    const w = new Worker(__filename, { workerData: job });
    w.once('message', () => resolve());
    w.once('error', reject);
    w.once('exit', code => (code === 0 ? resolve() : reject(new Error(`generator exited ${code}`))));
  })));
  const how = `${COUNT_50K.toLocaleString('en')} ITLSEP files of ${built.bytes.length} bytes in ${FOLDER_50K}: the ITL test/support/builder.ts builds for a test cluster `
    + `(test/support/cluster.ts: SAST, CCM+TFTP, CAPF, TVS; RSA 2048, SHA-1), each with its own TIMESTAMP and re-signed; generated once by ${threads} worker threads in ${((performance.now() - t0) / 1000).toFixed(0)} s`;
  writeFileSync(join(partial, 'HOW.txt'), `${how}\n`);
  rmSync(FOLDER_50K, { recursive: true, force: true });
  renameSync(partial, FOLDER_50K);
  return { dir: FOLDER_50K, how };
}

const CLI = join(__dirname, '../../../dist/cli.js');

/** Runs the CLI with stdout to /dev/null; its wall time, CPU time, exit code and peak RSS (KB), the last two from a -r preload. */
function runCli(args: string[]): Promise<{ ms: number; cpuMs: number; code: number | null; maxRssKb: number }> {
  const preload = join(tmpdir(), 'tlv-bench-maxrss.js');
  const rssFile = join(tmpdir(), `tlv-bench-maxrss-${process.pid}.txt`);
  writeFileSync(preload, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.TLV_BENCH_RSS, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`); });\n");
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', preload, CLI, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TLV_BENCH_RSS: rssFile } });
    child.once('error', reject);
    child.once('exit', code => {
      const ms = performance.now() - t0;
      const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
      resolve({ ms, cpuMs: cpu, code, maxRssKb: rss });
    });
  });
}

interface Timing {
  /** Wall time. */
  ms: number;
  /** CPU time of the process, all threads (user + system). */
  cpuMs: number;
}

/** Mean wall and CPU time of `runs` CLI runs after one warm-up run (page cache), and the peak RSS. */
async function timeCli(args: string[], runs = 2): Promise<Timing & { maxRssKb: number }> {
  let rss = (await runCli(args)).maxRssKb;
  let total = 0;
  let cpu = 0;
  for (let i = 0; i < runs; i++) {
    const r = await runCli(args);
    if (r.code !== 0) throw new Error(`tlv-trust ${args.join(' ')} exited ${r.code}`);
    total += r.ms;
    cpu += r.cpuMs;
    rss = Math.max(rss, r.maxRssKb);
  }
  return { ms: total / runs, cpuMs: cpu / runs, maxRssKb: rss };
}

/** Mean wall and CPU time of `runs` runs in this process after one warm-up run. */
async function timeOnce(fn: () => unknown | Promise<unknown>, runs = 2): Promise<Timing> {
  await fn();
  let total = 0;
  let cpu = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    total += performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
  }
  return { ms: total / runs, cpuMs: cpu / runs };
}

async function folder50k(): Promise<void> {
  const { dir, how } = await ensure50k();
  const files = readdirSync(dir).filter(f => f.endsWith('.tlv')).sort().map(f => join(dir, f));
  if (files.length !== COUNT_50K) throw new Error(`${dir}: ${files.length} files; delete it to generate again`);
  // The floor's key: the signer's, parsed once before timing; every file has the template's layout.
  const first = decode(new Uint8Array(readFileSync(files[0])), { fileName: basename(files[0]), certificates: 'signer' });
  const signer = first.records.find(r => r.isSigner)?.certificate;
  if (first.signature.status !== 'verified' || !signer || !first.signature.signedRanges || !first.header.signature) throw new Error(`${files[0]} does not verify`);
  const key: KeyObject = createPublicKey({ key: Buffer.from(readFileSync(files[0]).subarray(signer.spkiRange.start, signer.spkiRange.end)), format: 'der', type: 'spki' });
  const ranges = first.signature.signedRanges;
  const sig = first.header.signature;
  const total = first.length * files.length;
  const floorT = await timeOnce(() => floorOver(files, key, ranges, sig));
  // The same floor split over two worker threads (started inside the timing, as the CLI's are): what
  // this machine's two cores can give at best, the yardstick for the --jobs 2 rows.
  const spki = key.export({ format: 'der', type: 'spki' });
  const twoThreads = (decodeToo: boolean) => () => Promise.all([0, 1].map(t => new Promise<void>((resolve, reject) => {
    const half = Math.ceil(files.length / 2);
    const job: FloorJob = { floor: true, decode: decodeToo, files: files.slice(t * half, (t + 1) * half), spki, ranges, signature: sig };
    const w = new Worker(__filename, { workerData: job });
    w.once('message', () => resolve());
    w.once('error', reject);
  })));
  const rows50k: string[][] = [];
  // Wall time is what a user waits; CPU time (all threads) is what the work costs, and reads true on a
  // machine shared with other jobs, where wall time does not.
  const add = (what: string, t: Timing) => rows50k.push([what, `${(t.ms / 1000).toFixed(2)} s`, `${((t.ms * 1000) / files.length).toFixed(1)} µs`, `${(t.ms / floorT.ms).toFixed(2)}×`,
    `${(t.cpuMs / 1000).toFixed(2)} s`, `${((t.cpuMs * 1000) / files.length).toFixed(1)} µs`, `${(t.cpuMs / floorT.cpuMs).toFixed(2)}×`]);
  add('floor: read + SHA-1 + RSA verify (key parsed once), one core', floorT);
  add('floor split over 2 worker threads', await timeOnce(twoThreads(false)));
  const sink = () => {};
  add('verify DIR, in-process, one core', await timeOnce(() => runVerify([dir], { jobs: 1 }, sink)));
  add('verify DIR, CLI (node dist/cli.js verify --jobs 1 DIR > /dev/null)', await timeCli(['verify', '--jobs', '1', dir]));
  add('verify DIR, CLI, 2 workers (--jobs 2)', await timeCli(['verify', '--jobs', '2', dir]));
  add('  its bare loop (read, decode, verify line) in 2 worker threads', await timeOnce(twoThreads(true)));
  add('report DIR, in-process, one core', await timeOnce(() => runReport([dir], { jobs: 1 }, sink)));
  const report1 = await timeCli(['report', '--jobs', '1', dir]);
  add('report DIR, CLI (--jobs 1 > /dev/null)', report1);
  const report2 = await timeCli(['report', '--jobs', '2', dir]);
  add('report DIR, CLI, 2 workers (--jobs 2)', report2);
  const head = ['50,000 ITLSEP files', 'wall', 'per file', 'vs floor', 'CPU', 'per file', 'vs floor'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows50k.map(r => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  folderLines.push('', how, `${(total / 1048576).toFixed(0)} MB in all, ${availableParallelism()} cores, load average ${loadavg().map(l => l.toFixed(1)).join(' ')} at the end`, line(head), ...rows50k.map(line),
    `peak RSS of report DIR over the 50,000 files: ${(report1.maxRssKb / 1024).toFixed(0)} MB one core, ${(report2.maxRssKb / 1024).toFixed(0)} MB with 2 workers (process.resourceUsage().maxRSS)`);
}
const folderLines: string[] = [];

function print(): void {
  const head = ['case', 'size', 'ours (per op)', 'floor: SHA-1 (folder: read+SHA-1+RSA verify)', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`node ${process.version}, ${process.arch}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  for (const l of folderLines) console.log(l);
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
  cluster = makeCluster({ name: 'bench' });
  const base = itl(cluster);
  big = { ...base, records: [...base.records, ...Array.from({ length: 36 }, () => base.records[1])] };
  itl64 = buildTrustList(big);
  if (!process.argv.includes('--50k-only')) {
    singleFileRows();
    await folders();
  }
  await folder50k();
  if (process.argv.includes('--50k-only')) return print();
  await webRows();
  print();
  await gitIndex();
}

if (isMainThread) {
  main().catch(e => {
    console.error(e);
    process.exitCode = 1;
  });
} else if ((workerData as FloorJob).floor) {
  const job = workerData as FloorJob;
  if (job.decode) void verifyOver(job.files).then(() => parentPort?.postMessage('done'));
  else {
    floorOver(job.files, createPublicKey({ key: Buffer.from(job.spki), format: 'der', type: 'spki' }), job.ranges, job.signature);
    parentPort?.postMessage('done');
  }
} else {
  generateWorker();
}
