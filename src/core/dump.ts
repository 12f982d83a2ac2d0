// The CUCM `show ctl` / `show itl` text rendering, with a line map back to records and fields so
// hovers and the editor can go from a line to what it shows.
import type { Field, TrustList, TrustRecord } from './model';
import { colonHex, spacedHex, toHex } from './hex';
import { ROLE } from './tags';

export interface DumpLine {
  /** 0-based line number. */
  line: number;
  /** 1-based record index. */
  recordIndex?: number;
  fieldPath?: string;
}

export interface DumpResult {
  text: string;
  lines: DumpLine[];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Fri Mar 06 21:56:07 UTC 2015`, the layout of CUCM's last-modified line (in UTC). */
export function cucmDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

// C0/C1 controls, bidi embeddings/overrides/isolates, marks, line/paragraph separators, BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** The same class without `g`: a global regex's test() would carry lastIndex from one call to the next. */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/**
 * File text must not be able to forge lines (a name holding "\nThe CTL file was verified
 * successfully.") or reorder them (bidi overrides): show those characters as `\u{…}` escapes.
 */
export function inert(text: string): string {
  // Tested first: nearly all text has none, and a test is half the cost of a replace that finds nothing.
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, c => `\\u{${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`) : text;
}

/** The VALUE column by CUCM's rules: containers print their length, 1-byte codes and blobs print nothing. */
export function cucmValue(f: Field): string {
  const v = f.value;
  switch (v.type) {
    case 'container': return String(f.length);
    case 'uint': return String(v.value);
    case 'string': return f.path === 'header/14' ? '' : inert(v.value);
    case 'serial': return colonHex(v.hex);
    case 'role': return v.longName;
    case 'certificate': return `${spacedHex(v.sha1)} (SHA1 Hash HEX)`;
    case 'version': return f.tag === 28 ? v.text : '';
    default: return '';
  }
}

/** CUCM's signature dump: lowercase hex without zero padding, 8 bytes a row. */
function signatureRows(bytes: Uint8Array, f: Field): string[] {
  const rows: string[] = [];
  for (let i = f.valueRange.start; i < f.valueRange.end; i += 8) {
    const row: string[] = [];
    for (let j = i; j < Math.min(i + 8, f.valueRange.end); j++) row.push(bytes[j].toString(16));
    rows.push(`\t${row.join(' ')}`);
  }
  return rows;
}

export function renderShowCtl(list: TrustList, bytes: Uint8Array, opts: { modified?: Date } = {}): DumpResult {
  const kind = list.kind === 'ITL' ? 'ITL' : 'CTL';
  const out: string[] = [];
  const lines: DumpLine[] = [];
  const push = (text: string, recordIndex?: number, fieldPath?: string) => {
    lines.push({ line: out.length, recordIndex, fieldPath });
    out.push(text);
  };
  const row = (f: Field, recordIndex?: number) => {
    const value = cucmValue(f);
    // CUCM prints a container's 2-byte length field as LENGTH and the length itself as VALUE.
    const length = f.value.type === 'container' ? 2 : f.length;
    push(`${f.tag}\t${f.label || f.name}\t${length}${value ? `\t${value}` : ''}`, recordIndex, f.path);
  };
  const table = (recordIndex?: number) => {
    push('BYTEPOS\tTAG\tLENGTH\tVALUE', recordIndex);
    push('-------\t---\t------\t-----', recordIndex);
  };

  push(`The checksum value of the ${kind} file:`);
  push(`${list.checksums.md5}(MD5)`);
  push(`${list.checksums.sha1}(SHA1)`);
  push(`Length of ${kind} file: ${list.length}`);
  if (opts.modified) push(`The ${kind} File was last modified on ${cucmDate(opts.modified)}`);
  push(`Parse ${kind} File`);
  push('----------------');
  const h = list.header;
  if (h.version !== undefined) push(`Version:\t${h.version}`, undefined, 'header/1');
  if (h.headerLength !== undefined) push(`HeaderLength:\t${h.headerLength} (BYTES)`, undefined, 'header/2');
  table();
  const headerRows = (fields: Field[]) => {
    for (const f of fields) {
      if (f.tag === 1 || f.tag === 2 || f.value.type === 'padding') continue;
      row(f);
      if (f.children) headerRows(f.children);
      if (f.tag === 12) for (const r of signatureRows(bytes, f)) push(r, undefined, f.path);
    }
  };
  headerRows(h.fields);

  const recordBlock = (r: TrustRecord) => {
    push(`${kind} Record #:${r.index}`, r.index);
    push('----', r.index);
    table(r.index);
    for (const f of r.fields) row(f, r.index);
    if (r.role === ROLE.SAST) push(`This etoken was ${r.isSigner ? 'used' : 'not used'} to sign the ${kind} file.`, r.index);
  };
  list.records.forEach(recordBlock);

  for (const d of list.diagnostics) push(`${d.severity === 'error' ? 'ERROR' : d.severity === 'warning' ? 'WARNING' : 'NOTE'}: ${inert(d.message)}`, recordOf(d.path), d.path);
  if (list.signature.status === 'verified') push(`The ${kind} file was verified successfully.`);
  // The detail can quote the file (a certificate's unreadable time string): escaped like every file text.
  else push(inert(`The ${kind} file was NOT verified: ${list.signature.status}. ${list.signature.detail}`));
  return { text: `${out.join('\n')}\n`, lines };
}

function recordOf(path: string | undefined): number | undefined {
  const m = /^records\/(\d+)/.exec(path ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Hex of a field's value, for copy commands. */
export function fieldHex(bytes: Uint8Array, f: Field): string {
  return toHex(bytes, f.valueRange.start, f.valueRange.end);
}
