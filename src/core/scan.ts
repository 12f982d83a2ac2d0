// One trust list of a workspace scan, from bytes to what the Trust Lists view and the Problems panel
// keep of it: decoded in `signer` mode, summarised for the report, and its problems. The one code path
// for that result, whether it runs on the extension host's thread (the web worker host) or in a worker
// thread (src/node/scanWorker.ts). Input and output are plain data, so they cross a postMessage as is.
import type { CryptoPort } from './crypto';
import type { CertificateInfo, TrustRecord } from './model';
import { decodeTrustList } from './decode';
import { parseCertificate } from './x509';
import { summarise, type FileSummary } from './report';
import { fileProblems, type Problem } from './problems';

export interface ScanRequest {
  bytes: Uint8Array;
  /** The file's base name (the decoder checks FILENAME and the name's kind against it). */
  fileName: string;
  /** The path the report shows: relative to the workspace folder. */
  path: string;
  expiryWarningDays: number;
}

export interface ScanResult {
  summary: FileSummary;
  /** The file's own problems (without its folder's outlier reasons). */
  problems: Problem[];
}

/**
 * Certificates parsed so far, by the SHA-256 of their DER (null: not readable X.509). A folder of
 * ITLSEP files repeats a handful of certificates thousands of times; each is parsed once. Bounded: past
 * `limit` distinct certificates the cache starts over.
 */
export class CertificateCache {
  private readonly map = new Map<string, CertificateInfo | null>();
  constructor(private readonly limit = 20000) {}

  get(key: string, parse: () => CertificateInfo | null): CertificateInfo | null {
    let info = this.map.get(key);
    if (info === undefined) {
      info = parse();
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, info);
    }
    return info;
  }

  clear(): void {
    this.map.clear();
  }
}

export async function scanTrustList(req: ScanRequest, crypto: CryptoPort, cache: CertificateCache): Promise<ScanResult> {
  const { bytes } = req;
  const list = await decodeTrustList(bytes, { fileName: req.fileName, certificates: 'signer' }, crypto);
  // summarise and fileProblems both ask for each record: look each up once.
  const looked = new Map<TrustRecord, CertificateInfo | null | undefined>();
  const certificateOf = (r: TrustRecord): CertificateInfo | null | undefined => {
    if (looked.has(r)) return looked.get(r);
    // The field decode reads a record's certificate from (its first CERTIFICATE), parsed once per distinct DER.
    const field = r.fields.find(f => f.tag === 9);
    const info = field
      ? cache.get(crypto.digest('sha256', [bytes.subarray(field.valueRange.start, field.valueRange.end)]), () => {
        try {
          return parseCertificate(bytes, field.valueRange, crypto);
        } catch {
          return null;
        }
      })
      : undefined;
    looked.set(r, info);
    return info;
  };
  const summary = summarise(list, req.path, { certificateOf });
  const problems = fileProblems(list, { expiryWarningDays: req.expiryWarningDays, certificateOf });
  return { summary, problems };
}

/** Turns bytes into a ScanResult somewhere: on this thread, or in a pool of worker threads. */
export interface TrustListScanner {
  scan(req: ScanRequest): Promise<ScanResult>;
  /**
   * Node hosts: reads a file of this machine's disk where it is scanned (a worker), so its bytes never
   * cross the host's thread. undefined: there is no such file; `unchanged`: its SHA-256 is `unlessSha256`.
   */
  scanFile?(file: string, req: Omit<ScanRequest, 'bytes'>, unlessSha256?: string): Promise<ScanResult | 'unchanged' | undefined>;
  /** True once its workers have failed before answering anything: the caller should scan another way. */
  readonly broken?: boolean;
  /** Stops the workers, if any; pending scans reject. */
  dispose(): void;
}
