// The worker thread of the workspace scan (bundled as dist/scanWorker.js): bytes in, the same
// summary and problems scanTrustList gives on the host's thread out, with Node's native crypto and a
// certificate cache of its own. Messages: ScanJob in (its bytes transferred), ScanReply out.
import { parentPort } from 'node:worker_threads';
import { CertificateCache, scanTrustList } from '../core/scan';
import { nodeCrypto } from './nodeCrypto';
import type { ScanJob, ScanReply } from './scanPool';

const port = parentPort;
if (!port) throw new Error('scanWorker.js runs as a worker thread');
const cache = new CertificateCache();

port.on('message', (job: ScanJob) => {
  scanTrustList(job.request, nodeCrypto, cache).then(
    result => port.postMessage({ id: job.id, result } satisfies ScanReply),
    (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies ScanReply),
  );
});
