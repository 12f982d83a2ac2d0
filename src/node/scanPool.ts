// A small pool of worker threads that decode, summarise and check trust lists for the workspace
// scan, so the extension host's thread only reads files and keeps the results. Started on the first
// scan, stopped after a while without work (and on dispose). Each job goes to the least busy worker;
// its bytes are transferred, not copied (a view into a larger buffer is copied first).
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanRequest, ScanResult, TrustListScanner } from '../core/scan';

export interface ScanJob { id: number; request: ScanRequest }
export type ScanReply = { id: number; result: ScanResult; error?: undefined } | { id: number; error: string; result?: undefined };

interface Pending { resolve(r: ScanResult): void; reject(e: Error): void }
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

  /** @param script dist/scanWorker.js; @param idleMs workers stop after this long without a job. */
  constructor(private readonly script: string, readonly size = poolSize(), private readonly idleMs = 30000) {}

  scan(request: ScanRequest): Promise<ScanResult> {
    if (this.disposed) return Promise.reject(new Error('the scan worker pool is disposed'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const slot = this.leastBusy();
    const id = this.nextId++;
    const { bytes } = request;
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
    return new Promise<ScanResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, request: { ...request, bytes: own } } satisfies ScanJob, [own.buffer as ArrayBuffer]);
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
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(reply.result);
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
    if (i >= 0) this.slots.splice(i, 1);
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
