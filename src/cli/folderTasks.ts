// What `verify DIR` and `report DIR` do with one file, shared by the in-process path and the worker
// threads (src/cli/cliWorker.ts): the same functions, so `--jobs 1` and `--jobs N` print the same.
import { basename } from 'node:path';
import { decode } from '../node/decode';
import { nodeCrypto } from '../node/nodeCrypto';
import type { TrustListKind, TrustRecord } from '../core/model';
import { CertificateCache, parseCertificate } from '../core/x509';
import { relocate, summarise, type CertificateFacts, type FileSummary } from '../core/report';
import { IoError, isRemote, load, ScratchReader, verifyLine } from './files';

/** One file's `verify` line, or the I/O error that stops the run (thrown in file order by the caller). */
export type VerifyResult = { ok: boolean; line: string } | { error: string; internal?: boolean };
/** One file's report summary, or the I/O error that stops the run. */
export type SummaryResult = FileSummary | { error: string; internal?: boolean };

export const isFailure = (r: VerifyResult | SummaryResult): r is { error: string; internal?: boolean } => 'error' in r && typeof r.error === 'string';

/** An error from a task, as a value that crosses a thread: IoError keeps its one-line message. */
export function failure(e: unknown): { error: string; internal?: boolean } {
  return e instanceof IoError ? { error: e.message } : { error: (e as Error)?.message ?? String(e), internal: true };
}

/** Back from a value to what the caller throws. */
export function rethrow(f: { error: string; internal?: boolean }): never {
  throw f.internal ? new Error(f.error) : new IoError(f.error);
}

/** The signers' certificates, parsed once per thread: a folder's files are signed by a few. */
const signers = new CertificateCache();

/** This thread's one file buffer: each local file is read, decoded and done with before the next. */
const scratch = new ScratchReader();

/** `verify` of one local or remote file: decode as verify needs it (the signer's certificate only). */
export async function verifyFile(file: string): Promise<VerifyResult> {
  const options = { certificates: 'signer', lean: true, certificateCache: signers } as const;
  try {
    if (isRemote(file)) return verifyLine(file, (await load(file, options)).list);
    // No await from the read to the line: the bytes are the scratch buffer's until the next file.
    return verifyLine(file, decode(scratch.read(file), { fileName: basename(file), ...options }));
  } catch (e) {
    return failure(e);
  }
}

/** What phones load a file as, by its name: part of what decides its decoding besides the bytes. */
const nameKind = (name: string) => (/^ctl/i.test(name) ? 'CTL' : /^itl/i.test(name) ? 'ITL' : 'unknown') satisfies TrustListKind;

export interface SummariseOptions {
  /**
   * `signer` (the default) decodes as `verify` does, reading only SAST certificates, and reads each
   * other distinct certificate once for the whole run (by its DER), which the timeline
   * and the TVS sets need. `all` decodes every file with every certificate (and its cross-checks).
   */
  certificates?: 'all' | 'signer';
  /** Decode each distinct content once (by SHA-256 and name kind); copies share its summary. Default true. */
  cache?: boolean;
  /** Each file's MD5 (default true): only the CSV and JSON reports print it. */
  md5?: boolean;
}

/** Reads each distinct certificate once: a folder of ITLSEP files repeats the same few thousands of times. */
function certificateReader(): (bytes: Uint8Array) => (r: TrustRecord) => CertificateFacts | null | undefined {
  const known = new Map<string, CertificateFacts | null>();
  // The previous file's certificate at each record index: the next ITLSEP file nearly always holds the
  // same one there, and comparing bytes (memcmp) is cheaper than naming them.
  const previous: ({ der: Buffer; facts: CertificateFacts | null } | undefined)[] = [];
  return bytes => r => {
    // The field decode reads the certificate from (the first CERTIFICATE of the record).
    const field = r.fields.find(f => f.tag === 9);
    if (!field) return undefined;
    const der = Buffer.from(bytes.buffer, bytes.byteOffset + field.valueRange.start, field.valueRange.end - field.valueRange.start);
    const last = previous[r.index];
    if (last?.der.equals(der)) return last.facts;
    // Keyed by the DER itself (as Latin-1 text): exact, and cheaper than hashing it for every file.
    const key = der.toString('latin1');
    let facts = known.get(key);
    if (facts === undefined) {
      try {
        const c = parseCertificate(bytes, field.valueRange, nodeCrypto, { lean: true });
        facts = { subject: c.subject, serial: c.serial, sha256: c.sha256, notBefore: c.notBefore, notAfter: c.notAfter };
      } catch {
        facts = null;
      }
      // Bounded: a folder of files that share nothing would otherwise keep every certificate.
      if (known.size >= 4096) known.clear();
      known.set(key, facts);
    }
    // A copy: `bytes` belong to this file. Only the first records, where a folder's files repeat.
    if (r.index < 64) previous[r.index] = { der: Buffer.from(der), facts };
    return facts;
  };
}

/**
 * Shares the parts most summaries of a folder have in common (the certificate list, the TVS set, the
 * signer, the warning codes): 50,000 ITLSEP files hold the same few, and the report keeps every
 * summary until it is built (and each thread's content cache keeps the distinct ones). Equal by value, so the report reads the same; nothing mutates them.
 */
export function compactor(): (s: FileSummary) => FileSummary {
  const shared = new Map<string, unknown>();
  const last = new Map<string, unknown>();
  /**
   * The kept copy of `value`: the previous summary's part when `same` says they are equal (most files
   * repeat the one before), else the one under `key()`. `same` and `key` must agree on what is equal.
   */
  const one = <T>(part: string, value: T, same: (a: T, b: T) => boolean, key: () => string): T => {
    const prev = last.get(part) as T | undefined;
    if (prev !== undefined && same(prev, value)) return prev;
    const k = key();
    let known = shared.get(k) as T | undefined;
    if (known === undefined) shared.set(k, (known = value));
    last.set(part, known);
    return known;
  };
  return s => {
    // A certificate's SHA-256 decides its subject, serial and dates; the record decides role and host.
    s.certificates = one('c', s.certificates, (a, b) => a.length === b.length && a.every((c, i) => c.sha256 === b[i].sha256 && c.isSigner === b[i].isSigner && c.role === b[i].role && c.host === b[i].host),
      // JSON where a part may hold any text (a host, a name), plain joins where it cannot.
      () => `c${s.certificates.map(c => `${c.sha256} ${c.isSigner} ${JSON.stringify([c.role, c.host])}`).join('\n')}`);
    s.tvs = one('t', s.tvs, sameStrings, () => `t${s.tvs.join(' ')}`);
    s.warnings = one('w', s.warnings, sameStrings, () => `w${s.warnings.join(' ')}`);
    const signer = s.signer;
    if (signer) s.signer = one('s', signer, (a, b) => a.index === b.index && a.commonName === b.commonName && a.serial === b.serial && a.sha256 === b.sha256, () => `s${JSON.stringify(signer)}`);
    return s;
  };
}

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The report's per-run state: the certificate reader and the content cache. Identical bytes under a
 * name of the same kind decode identically (decode is a function of the bytes and the name's kind),
 * so a folder of thousands of identical ITLSEP files decodes one of them (once per worker thread).
 */
export function summariser(options: SummariseOptions = {}): { local(file: string): FileSummary; remote(file: string): Promise<FileSummary> } {
  const certificates = options.certificates ?? 'signer';
  const reader = certificateReader();
  // By the name's kind, then by SHA-256 (the summary's own string, so a key costs nothing to keep). Bounded
  // like the certificate reader: a folder of files that share nothing would otherwise grow it to no use.
  const caches = { CTL: new Map<string, FileSummary>(), ITL: new Map<string, FileSummary>(), unknown: new Map<string, FileSummary>() };
  const compact = compactor();
  return {
    async remote(file) {
      const { list, bytes } = await load(file, { certificates, lean: true, certificateCache: signers });
      return compact(summarise(list, file, { certificateOf: reader(bytes), md5: options.md5 }));
    },
    local(file) {
      // Everything below is synchronous and copies what it keeps: the bytes are the scratch buffer's.
      const bytes = scratch.read(file);
      const name = basename(file);
      // SHA-256, not SHA-1: a SHA-1 collision must not pass one file off as a verified copy of another.
      const sha256 = options.cache === false ? undefined : nodeCrypto.digest('sha256', [bytes]);
      const cache = caches[nameKind(name)];
      const copy = sha256 && cache.get(sha256);
      if (copy) return relocate(copy, file);
      const list = decode(bytes, { fileName: name, certificates, lean: true, certificateCache: signers, sha256 });
      const s = compact(summarise(list, file, { certificateOf: reader(bytes), md5: options.md5 }));
      if (sha256) {
        if (cache.size >= 4096) cache.clear();
        cache.set(sha256, s);
      }
      return s;
    },
  };
}
