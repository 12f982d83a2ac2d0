// A small pool of worker threads that read, decode, summarise and check trust lists for the workspace
// scan, so the extension host's thread only keeps the results. A file of the local disk is read by the
// worker itself (workspace.fs.readFile costs the host's thread a round trip to the workbench per file);
// bytes read elsewhere (a virtual workspace) are transferred, not copied (a view into a larger buffer
// is copied first). Started on the first scan, stopped after a while without work (and on dispose).
// Each job goes to the least busy worker.
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanRequest, ScanResult, TrustListScanner } from '../core/scan';

export type ScanJob =
  | { id: number; request: ScanRequest; file?: undefined; unlessSha256?: undefined }
  | { id: number; request: Omit<ScanRequest, 'bytes'> & { bytes?: undefined }; file: string; unlessSha256?: string };
export interface ScanReply { id: number; result?: ScanResult; missing?: true; unchanged?: true; error?: string }

type Outcome = ScanResult | 'unchanged' | undefined;
interface Pending { resolve(r: Outcome): void; reject(e: Error): void }
interface Slot { worker: Worker; pending: Map<number, Pending> }

/** Two to four workers: one fewer than the cores, so the host's own thread keeps one. */
export function poolSize(cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length): number {
  return Math.max(Math.min(2, cores), Math.min(4, cores - 1));
}

export class ScanWorkerPool implements TrustListScanner {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private answered = false;
  private failedUnanswered = false;

  /** @param script dist/scanWorker.js; @param idleMs workers stop after this long without a job. */
  constructor(private readonly script: string, readonly size = poolSize(), private readonly idleMs = 30000) {}

  scan(request: ScanRequest): Promise<ScanResult> {
    const { bytes } = request;
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
    return this.post(id => ({ id, request: { ...request, bytes: own } }), [own.buffer as ArrayBuffer]).then(r => {
      if (typeof r !== 'object') throw new Error('the scan worker gave no result');
      return r;
    });
  }

  scanFile(file: string, request: Omit<ScanRequest, 'bytes'>, unlessSha256?: string): Promise<Outcome> {
    return this.post(id => ({ id, request, file, ...(unlessSha256 === undefined ? {} : { unlessSha256 }) }), []);
  }

  private post(job: (id: number) => ScanJob, transfer: ArrayBuffer[]): Promise<Outcome> {
    if (this.disposed) return Promise.reject(new Error('the scan worker pool is disposed'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const slot = this.leastBusy();
    const id = this.nextId++;
    return new Promise<Outcome>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(job(id), transfer);
    });
  }

  private leastBusy(): Slot {
    if (this.slots.length < this.size && (this.slots.length === 0 || this.slots.every(s => s.pending.size > 0))) return this.start();
    return this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private start(): Slot {
    const worker = new Worker(this.script, { name: 'tlv-scan' });
    // Never keeps the extension host alive on its own.
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: ScanReply) => {
      this.answered = true;
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(reply.result ?? (reply.unchanged ? 'unchanged' : undefined));
      this.maybeIdle();
    });
    const fail = (e: Error) => {
      this.drop(slot, e);
    };
    worker.on('error', fail);
    worker.on('exit', code => fail(new Error(`scan worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  /** A worker that failed or exited: its jobs reject, and the next scan starts a fresh one. */
  private drop(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (!this.answered && !this.disposed && e.message !== 'idle') this.failedUnanswered = true;
    for (const p of slot.pending.values()) p.reject(e);
    slot.pending.clear();
  }

  private maybeIdle(): void {
    if (this.disposed || this.slots.some(s => s.pending.size > 0)) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopAll(new Error('idle')), this.idleMs);
    this.idleTimer.unref?.();
  }

  private stopAll(e: Error): void {
    for (const slot of [...this.slots]) {
      this.drop(slot, e);
      void slot.worker.terminate();
    }
  }

  /** A worker failed before any had answered (the script is missing, or workers are not allowed). */
  get broken(): boolean {
    return this.failedUnanswered;
  }

  /** Workers running now (for tests). */
  get running(): number {
    return this.slots.length;
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.stopAll(new Error('the scan worker pool is disposed'));
  }
}
