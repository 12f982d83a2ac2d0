// The worker thread of the workspace scan (bundled as dist/scanWorker.js): bytes (transferred) or a
// file of the local disk in, the same summary and problems scanTrustList gives on the host's thread
// out, with Node's native crypto and a certificate cache of its own.
import { parentPort } from 'node:worker_threads';
import { CertificateCache, scanTrustList } from '../core/scan';
import { readLocalFile } from './localFile';
import { nodeCrypto } from './nodeCrypto';
import type { ScanJob, ScanReply } from './scanPool';

const port = parentPort;
if (!port) throw new Error('scanWorker.js runs as a worker thread');
const cache = new CertificateCache();
const reply = (r: ScanReply) => port.postMessage(r);

async function run(job: ScanJob): Promise<ScanReply> {
  let bytes: Uint8Array;
  if (job.file === undefined) bytes = job.request.bytes;
  else {
    try {
      // Synchronous: this thread does nothing else, and a FIFO, a device or a huge file is refused unread.
      bytes = readLocalFile(job.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { id: job.id, missing: true };
      throw e;
    }
    if (job.unlessSha256 !== undefined && nodeCrypto.digest('sha256', [bytes]) === job.unlessSha256) return { id: job.id, unchanged: true };
  }
  return { id: job.id, result: await scanTrustList({ ...job.request, bytes }, nodeCrypto, cache) };
}

port.on('message', (job: ScanJob) => {
  run(job).then(reply, (e: unknown) => reply({ id: job.id, error: e instanceof Error ? e.message : String(e) }));
});
