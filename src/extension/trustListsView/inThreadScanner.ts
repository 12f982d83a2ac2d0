// The scan on the extension host's own thread, for hosts without worker threads (the web worker
// extension host): one file at a time, through the same scanTrustList as the workers, giving the
// host its event loop back whenever a slice of work has run for SLICE_MS.
import type { CryptoPort } from '../../core/crypto';
import { CertificateCache, scanTrustList, type ScanRequest, type ScanResult, type TrustListScanner } from '../../core/scan';

const SLICE_MS = 8;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const yieldToHost = () => new Promise<void>(resolve => setTimeout(resolve, 0));

export class InThreadScanner implements TrustListScanner {
  private readonly cache = new CertificateCache();
  private queue: Promise<unknown> = Promise.resolve();
  private sliceStart = now();

  constructor(private readonly crypto: CryptoPort) {}

  scan(request: ScanRequest): Promise<ScanResult> {
    const run = async (): Promise<ScanResult> => {
      if (now() - this.sliceStart >= SLICE_MS) {
        await yieldToHost();
        this.sliceStart = now();
      }
      return scanTrustList(request, this.crypto, this.cache);
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  dispose(): void {
    this.cache.clear();
  }
}
