// The worker thread of `verify DIR` and `report DIR` (dist/cliWorker.js): takes batches of local file
// paths and answers each with the file's verify line or report summary, in the batch's order.
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolReply, PoolRequest } from '../node/workerPool';
import { failure, summariser, verifyFile, type SummariseOptions, type SummaryResult, type VerifyResult } from './folderTasks';

export interface CliWorkerData {
  command: 'verify' | 'report';
  report?: SummariseOptions;
}

const data = workerData as CliWorkerData;
const port = parentPort;
if (port) {
  const summary = data.command === 'report' ? summariser(data.report) : undefined;
  port.on('message', async (req: PoolRequest<string>) => {
    const results: Array<VerifyResult | SummaryResult> = [];
    for (const file of req.tasks) {
      if (summary) {
        try {
          results.push(summary.local(file));
        } catch (e) {
          results.push(failure(e));
        }
      } else {
        results.push(await verifyFile(file));
      }
    }
    const reply: PoolReply<VerifyResult | SummaryResult> = { id: req.id, results };
    port.postMessage(reply);
  });
}
