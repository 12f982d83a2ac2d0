// npm run bench: decode and verify figures beside the floor of SHA-1-hashing the same bytes with
// Node's native crypto (for the folder, reading and hashing every file). Prints figures only.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { decode } from '../../src/node/decode';
import { decodeTrustList } from '../../src/core/decode';
import { webCrypto } from '../../src/web/webCrypto';
import { renderShowCtl } from '../../src/core/dump';
import { compare } from '../../src/core/compare';
import { tlvFiles, verifyLine } from '../../src/cli/files';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, tokenlessCtl } from '../support/cluster';

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
const floorAll = () => {
  for (const f of tlvFiles(dir)) createHash('sha1').update(readFileSync(f)).digest('hex');
};
row('verify a folder of 1,000 ITLSEP files', total, time(verifyAll, 3000), time(floorAll, 3000));
rmSync(dir, { recursive: true, force: true });

// 5. The web extension host's port (WebCrypto verify, node-forge hashes), here under Node's WebCrypto:
// what a browser costs beside the native port, for the typical CTL and the 64 KB ITL.
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

async function main(): Promise<void> {
  row('typical CTL: decode + verify, WebCrypto port', ctl.length, await timeAsync(() => decodeTrustList(ctl, {}, webCrypto)), time(floorOf(ctl)));
  row('64 KB ITL: decode + verify, WebCrypto port', itl64.length, await timeAsync(() => decodeTrustList(itl64, {}, webCrypto)), time(floorOf(itl64)));
  print();
}

function print(): void {
  const head = ['case', 'size', 'ours (per op)', 'floor: SHA-1 (folder: read+SHA-1)', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`node ${process.version}, ${process.arch}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

void main();
