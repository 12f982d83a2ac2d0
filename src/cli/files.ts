// Reading trust-list files for the CLI, and the `verify` walk over folders.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decode } from '../node/decode';
import { inert } from '../core/dump';
import type { TrustList } from '../core/model';
import type { CertificateCache } from '../core/x509';
import { FetchError } from '../node/fetchError';
import { readLocalFile, RefusedFile, type Scratch } from '../node/localFile';
import { fetchTrustList, LocationError, parseLocation } from '../node/source';

/** A file that cannot be read: one line, no usage text. */
export class IoError extends Error {}

/** `tftp://HOST/NAME` or `http://HOST:6970/NAME`: read from the cluster's TFTP service. */
export const isRemote = (path: string) => /^(cucm-)?(tftp|http):\/\//i.test(path);

export interface Loaded {
  list: TrustList;
  bytes: Uint8Array;
  /** Modification time of a local file. */
  modified?: Date;
}

export interface LoadOptions {
  certificates?: 'all' | 'signer';
  /** Decode with DecodeOptions.lean and skip the modification time (the folder commands). */
  lean?: boolean;
  certificateCache?: CertificateCache;
}

export async function load(path: string, certificates: 'all' | 'signer' | LoadOptions = 'all'): Promise<Loaded> {
  const o: LoadOptions = typeof certificates === 'string' ? { certificates } : certificates;
  const decodeOptions = { certificates: o.certificates ?? 'all', lean: o.lean === true, certificateCache: o.certificateCache };
  if (isRemote(path)) {
    try {
      const location = parseLocation(path);
      const bytes = await fetchTrustList(location);
      return { list: decode(bytes, { fileName: location.name, ...decodeOptions }), bytes };
    } catch (e) {
      if (e instanceof FetchError || e instanceof LocationError) throw new IoError(inert(`cannot fetch ${path}: ${e.message}`));
      throw e;
    }
  }
  const bytes = readBytes(path);
  let modified: Date | undefined;
  try {
    if (!o.lean) modified = statSync(path).mtime;
  } catch (e) {
    throw cannotRead(path, e);
  }
  return { list: decode(bytes, { fileName: basename(path), ...decodeOptions }), bytes, modified };
}

/** A file's bytes in a buffer of their own, or an IoError (see readLocalFile: devices, pipes and huge files are refused). */
export function readBytes(path: string): Uint8Array {
  try {
    return readLocalFile(path);
  } catch (e) {
    throw cannotRead(path, e);
  }
}

/** A local file that cannot be read, as one inert line: the path is the file system's text, not ours. */
const cannotRead = (path: string, e: unknown) => new IoError(inert(`cannot read ${path}: ${e instanceof RefusedFile ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message}`));

/**
 * Reads file after file into one buffer it keeps: the folder commands read tens of thousands of
 * files and are done with each before the next, and a new buffer per file cost more than the read
 * itself (its fresh pages fault in during the read). What `read` returns is valid only until the next
 * call: a caller must not keep it, nor anything that reads it later (a lean decode's lazy checksums
 * and certificates).
 */
export class ScratchReader {
  readonly #scratch: Scratch = { buffer: new Uint8Array(64 * 1024) };

  /** The file's bytes, or an IoError naming it. */
  read(path: string): Uint8Array {
    try {
      return readLocalFile(path, this.#scratch);
    } catch (e) {
      throw cannotRead(path, e);
    }
  }
}

export function* tlvFiles(path: string): Generator<string> {
  if (isRemote(path)) {
    yield path;
    return;
  }
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new IoError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!st.isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) yield* tlvFiles(full);
    // A FIFO, socket or device named *.tlv in a folder is not a file to read: reading one may never end.
    // Nor is one behind a symbolic link; a link that leads nowhere is kept, for its read to say so.
    else if (/\.tlv$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && linksToFile(full)))) yield full;
  }
}

function linksToFile(link: string): boolean {
  try {
    return statSync(link).isFile();
  } catch {
    return true;
  }
}

/** A file's first decoding error, one line on stderr (the full list is in the command's output). */
export function reportErrors(path: string, list: TrustList): void {
  const first = list.diagnostics.find(d => d.severity === 'error');
  if (first) process.stderr.write(inert(`tlv-trust: ${path}: ${first.message}`) + '\n');
}

/** One line per file, escaped so no name from the file can add another; true when it verifies. */
export function verifyLine(path: string, list: TrustList): { ok: boolean; line: string } {
  const errors = list.diagnostics.filter(d => d.severity === 'error');
  // 'verified' already implies a file without decoding errors.
  const ok = list.signature.status === 'verified';
  const signer = list.records.find(r => r.isSigner);
  const who = signer ? ` signer=#${signer.index} ${signer.certificate?.subjectCucm ?? signer.subjectName ?? ''}` : '';
  const why = ok ? '' : ` ${errors[0]?.message ?? list.signature.detail}`;
  return { ok, line: inert(`${ok ? 'OK  ' : 'FAIL'} ${path} ${list.kind} ${list.signature.status} records=${list.records.length} sha1=${list.checksums.sha1}${who}${why}`) };
}

