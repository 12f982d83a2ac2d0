// `verify [--jobs N] FILE|DIR…`: one line per file, in file order, whatever the number of workers.
import { orderedRun } from '../node/workerPool';
import { isRemote, tlvFiles } from './files';
import { isFailure, rethrow, verifyFile, type VerifyResult } from './folderTasks';
import { batchSize, breathe, workerPool } from './jobs';
import { UsageError } from './usage';

export const VERIFY_USAGE = 'verify [--jobs N] FILE|DIR…  one line per file; folders are searched for *.tlv';

export interface VerifyFlags {
  /** Worker threads (1 = in this process); default one per core. */
  jobs?: number;
}

export async function runVerify(paths: string[], flags: VerifyFlags, write: (s: string) => void): Promise<number> {
  const files: string[] = [];
  for (const path of paths) for (const file of tlvFiles(path)) files.push(file);
  if (files.length === 0) throw new UsageError(`no .tlv files found in ${paths.join(' ')}`);
  let all = true;
  const print = (results: VerifyResult[]) => {
    const lines: string[] = [];
    try {
      for (const r of results) {
        if (isFailure(r)) rethrow(r);
        lines.push(r.line);
        all &&= r.ok;
      }
    } finally {
      // What came before a failure is printed, then the failure stops the run.
      if (lines.length) write(`${lines.join('\n')}\n`);
    }
  };
  const pool = workerPool<string, VerifyResult>(flags.jobs, files.filter(f => !isRemote(f)).length, { command: 'verify' });
  if (pool) {
    try {
      await orderedRun(files, pool, { batch: batchSize(files.length, pool.size), local: f => !isRemote(f), inProcess: verifyFile }, print);
    } finally {
      pool.terminate();
    }
    return all ? 0 : 1;
  }
  const out: VerifyResult[] = [];
  for (const file of files) {
    out.push(await verifyFile(file));
    if (out.length >= 256) {
      print(out.splice(0));
      await breathe();
    }
  }
  print(out);
  return all ? 0 : 1;
}
