// `--jobs N` for the folder commands: how many worker threads, and the pool that runs them.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { WorkerPool } from '../node/workerPool';
import { UsageError } from './usage';
import type { CliWorkerData } from './cliWorker';

export const JOBS_OPTION = { jobs: { type: 'string', short: 'j' } } as const;

/** `--jobs N`: a whole number from 1 (1 = in this process); the default is one per core. */
export function parseJobs(value: unknown, command: string): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^[0-9]+$/.test(s) || Number(s) < 1 || Number(s) > 1024) throw new UsageError(`--jobs needs a whole number from 1 to 1024, not "${s}"`, command);
  return Number(s);
}

/** The worker entry beside the CLI bundle (esbuild.mjs builds dist/cliWorker.js). */
const WORKER = join(__dirname, 'cliWorker.js');

/**
 * A pool of min(jobs or the core count, local files) workers, or undefined when one thread is all
 * there is to use (then the command runs in this process, as --jobs 1 does).
 */
export function workerPool<T, R>(jobs: number | undefined, localFiles: number, data: CliWorkerData): WorkerPool<T, R> | undefined {
  const size = Math.min(jobs ?? availableParallelism(), localFiles);
  if (size < 2 || !existsSync(WORKER)) return undefined;
  return new WorkerPool<T, R>(WORKER, size, data);
}

/** Files per batch sent to a worker: enough to make the messages cheap, few enough to keep all busy. */
export const batchSize = (files: number, workers: number) => Math.max(1, Math.min(64, Math.ceil(files / (workers * 8))));

/** Lets a pending Ctrl+C (or a closed stdout) be handled between files of a long in-process run. */
export const breathe = () => new Promise<void>(resolve => setImmediate(resolve));
