// A small pool of worker threads for folders of files: tasks go out in batches, answers come back in
// any order, and `orderedRun` hands them on in the order the tasks were given (a reorder buffer), each
// as soon as every task before it is done. Used by the CLI's `verify DIR` and `report DIR`.
import { Worker } from 'node:worker_threads';

export interface PoolRequest<T> {
  id: number;
  tasks: T[];
}

export interface PoolReply<R> {
  id: number;
  results: R[];
}

/** Pools alive in this process: a Ctrl+C terminates their workers before the process exits. */
const alive = new Set<WorkerPool<unknown, unknown>>();

export function terminateAllPools(): void {
  for (const p of alive) p.terminate();
}

export class WorkerPool<T, R> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (r: R[]) => void; reject: (e: Error) => void; worker: Worker }>();
  private readonly queue: Array<{ req: PoolRequest<T>; resolve: (r: R[]) => void; reject: (e: Error) => void }> = [];
  private next = 0;
  private closed = false;

  constructor(script: string, size: number, workerData?: unknown) {
    for (let i = 0; i < size; i++) {
      // Worker output goes through the parent's streams: a worker must not write to them.
      // A small young generation: the workers make short-lived garbage by the file, and two of them at the
      // default size cost tens of MB of peak memory for nothing.
      const w = new Worker(script, { workerData, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      w.on('message', (reply: PoolReply<R>) => {
        const pending = this.waiting.get(reply.id);
        if (!pending) return;
        this.waiting.delete(reply.id);
        pending.resolve(reply.results);
        this.release(w);
      });
      w.on('error', e => this.fail(w, e));
      w.on('exit', code => {
        if (!this.closed) this.fail(w, new Error(`a worker thread exited with code ${code}`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
    alive.add(this as WorkerPool<unknown, unknown>);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs one batch on the first idle worker. */
  run(tasks: T[]): Promise<R[]> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { id: this.next++, tasks }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.waiting.set(job.req.id, { resolve: job.resolve, reject: job.reject, worker: w });
      w.postMessage(job.req);
    }
  }

  private release(w: Worker): void {
    if (this.closed) return;
    this.idle.push(w);
    this.dispatch();
  }

  private fail(w: Worker, e: Error): void {
    if (this.closed) return;
    for (const [id, p] of this.waiting) {
      if (p.worker !== w) continue;
      this.waiting.delete(id);
      p.reject(e);
    }
    // One worker's failure ends the run: the caller reports it once.
    for (const job of this.queue.splice(0)) job.reject(e);
    this.terminate();
  }

  /** Stops every worker now; pending batches are dropped. */
  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    alive.delete(this as WorkerPool<unknown, unknown>);
    for (const w of this.workers) void w.terminate();
  }
}

/**
 * Runs `items` in batches (`local` ones on the pool, the others through `inProcess`) and calls `emit`
 * with each batch's results in item order, as soon as all earlier batches have been emitted. At most
 * two batches per worker are in flight, so results never pile up while one file is slow.
 */
export async function orderedRun<T, R>(
  items: T[],
  pool: WorkerPool<T, R>,
  options: { batch: number; local: (t: T) => boolean; inProcess: (t: T) => Promise<R> },
  emit: (results: R[], items: T[]) => void,
): Promise<void> {
  // Consecutive local items form batches; an item that is not local is a batch of its own.
  const batches: T[][] = [];
  for (const it of items) {
    const last = batches[batches.length - 1];
    if (options.local(it) && last && last.length < options.batch && options.local(last[0])) last.push(it);
    else batches.push([it]);
  }
  const done = new Map<number, R[]>();
  let emitted = 0;
  let started = 0;
  const limit = pool.size * 2;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const start = () => {
      while (!failed && started < batches.length && started - emitted < limit) {
        const i = started++;
        const batch = batches[i];
        const answer = options.local(batch[0]) ? pool.run(batch) : options.inProcess(batch[0]).then(r => [r]);
        answer.then(results => {
          if (failed) return;
          done.set(i, results);
          try {
            while (done.has(emitted)) {
              const r = done.get(emitted)!;
              done.delete(emitted);
              emit(r, batches[emitted]);
              emitted++;
            }
          } catch (e) {
            failed = true;
            reject(e);
            return;
          }
          if (emitted === batches.length) resolve();
          else start();
        }, e => {
          if (failed) return;
          failed = true;
          reject(e);
        });
      }
    };
    if (!batches.length) resolve();
    else start();
  });
}
