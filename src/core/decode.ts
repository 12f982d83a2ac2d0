// The trust-list decoder. Never throws on bad input: it returns what it could read before a
// fault, plus diagnostics that name the offset and what was expected. Reading the structure
// (fields, records, certificates, checksums) is synchronous and needs only a Hasher; the
// signature verdict then comes from the crypto port, at once (`decode`, Node) or awaited
// (`decodeTrustList`, any port, WebCrypto included). Both end in the same verifySignature.
import type { DecodeOptions, Diagnostic, Field, FieldValue, Header, SignatureResult, TrustList, TrustRecord, TrustListKind } from './model';
import { DIGESTS, HEADER_TAGS, PADDING_TAG, RECORD_TAGS, ROLE, ROLES, roleInfo, type TagInfo } from './tags';
import { at, decodeText, toHexUpper } from './hex';
import * as M from './messages';
import { fill, localizable, type L10nArg, type Localizable } from './messages';
import type { CryptoPort, Hasher, SyncCryptoPort } from './crypto';
import { parseCertificate, type CertificateCache } from './x509';
import { crossCheckRecord } from './crosscheck';
import { fileFindings } from './findings';
import { verifySignature } from './signature';
import { flatFields } from './fields';
import { LazyCertificateValue, LazyChecksums } from './lean';

const DEFAULT_MAX_RECORDS = 200_000;
/**
 * Warnings and notes kept per file; errors are always kept (a file with one is never verified). A hostile
 * 6 MB file of empty unknown tags would otherwise hold millions of them, and a host its memory.
 */
const MAX_NOTES = 10_000;
/** "the header" in diagnostics about header fields. */
const HEADER_NAME = localizable(M.THE_HEADER);

interface Ctx {
  bytes: Uint8Array;
  diagnostics: Diagnostic[];
  crypto: Hasher;
  /** DecodeOptions.lean: checksums and fingerprints on first read. */
  lean: boolean;
  certificateCache?: CertificateCache;
  /** Warnings and notes kept so far, and those past MAX_NOTES (counted, with the first one's offset). */
  notes: number;
  dropped: number;
  firstDropped: number;
}

function diag(ctx: Ctx, severity: Diagnostic['severity'], code: string, offset: number, l10n: Localizable, path?: string, end?: number): void {
  if (severity !== 'error' && ctx.notes++ >= MAX_NOTES) {
    if (ctx.dropped++ === 0) ctx.firstDropped = offset;
    return;
  }
  ctx.diagnostics.push({ severity, code, message: fill(l10n), l10n, offset, path, range: { start: offset, end: end ?? offset + 1 } });
}

const u16 = (b: Uint8Array, p: number) => (b[p] << 8) | b[p + 1];

/** A tag table indexed by the tag byte: looked up for every field of every file. */
type TagTable = readonly (TagInfo | undefined)[];
const tagTable = (m: ReadonlyMap<number, TagInfo>): TagTable => Array.from({ length: 256 }, (_, tag) => m.get(tag));
const HEADER_TABLE = tagTable(HEADER_TAGS);
const RECORD_TABLE = tagTable(RECORD_TAGS);

/** A folder's files are written within seconds of each other: format each TIMESTAMP once. */
let lastTime = { unix: -1, iso: '' };
function isoTime(unix: number): string {
  if (lastTime.unix !== unix) lastTime = { unix, iso: new Date(unix * 1000).toISOString().replace('.000Z', 'Z') };
  return lastTime.iso;
}

function badLength(ctx: Ctx, start: number, end: number, path: string, name: string, expected: number): false {
  diag(ctx, 'warning', 'BAD_FIELD_LENGTH', start - 3, localizable(M.DIAG_BAD_FIELD_LENGTH, { name, at: at(start - 3), length: end - start, expected }), path, end);
  return false;
}

function typedValue(ctx: Ctx, info: TagInfo | undefined, start: number, end: number, path: string, name: string): FieldValue {
  const b = ctx.bytes;
  const len = end - start;
  // No closures here: this runs for every field of every file, and each would be an allocation.
  if (!info) return { type: 'unknown' };
  switch (info.kind) {
    case 'container':
      return { type: 'container' };
    case 'version':
      return len === 2 || badLength(ctx, start, end, path, name, 2) ? { type: 'version', major: b[start], minor: b[start + 1], text: `${b[start]}.${b[start + 1]}` } : { type: 'bytes' };
    case 'u16':
      return len === 2 || badLength(ctx, start, end, path, name, 2) ? { type: 'uint', value: u16(b, start) } : { type: 'bytes' };
    case 'u8':
      return len === 1 || badLength(ctx, start, end, path, name, 1) ? { type: 'code', code: b[start] } : { type: 'bytes' };
    case 'digest':
      return len === 1 || badLength(ctx, start, end, path, name, 1) ? { type: 'digest', code: b[start], name: DIGESTS.get(b[start]) ?? `unknown(${b[start]})` } : { type: 'bytes' };
    case 'u32time': {
      if (len !== 4 && !badLength(ctx, start, end, path, name, 4)) return { type: 'bytes' };
      const unix = ((b[start] << 24) >>> 0) + (b[start + 1] << 16) + (b[start + 2] << 8) + b[start + 3];
      return { type: 'timestamp', unix, iso: isoTime(unix) };
    }
    case 'string': {
      const { value, terminated } = decodeText(b, start, end);
      if (!terminated && len > 0) diag(ctx, 'info', 'STRING_NOT_TERMINATED', start - 3, localizable(M.DIAG_STRING_NOT_TERMINATED, { name, at: at(start - 3) }), path, end);
      return { type: 'string', value, terminated };
    }
    case 'serial':
      return { type: 'serial', hex: toHexUpper(b, start, end) };
    case 'role': {
      if (len !== 2 && !badLength(ctx, start, end, path, name, 2)) return { type: 'bytes' };
      const code = u16(b, start);
      const r = roleInfo(code);
      if (!ROLES.has(code)) diag(ctx, 'warning', 'UNKNOWN_ROLE', start - 3, localizable(M.DIAG_UNKNOWN_ROLE, { at: at(start - 3), code }), path, end);
      return { type: 'role', code, name: r.name, longName: r.longName };
    }
    case 'ipv4':
      return len === 4 || badLength(ctx, start, end, path, name, 4) ? { type: 'ipv4', address: `${b[start]}.${b[start + 1]}.${b[start + 2]}.${b[start + 3]}` } : { type: 'bytes' };
    case 'certificate':
      // Filled in by summariseRecord, from the parsed certificate when there is one (one hash, not two).
      return { type: 'certificate', sha1: '' };
    case 'bytes':
      return { type: 'bytes' };
  }
}

interface Step {
  field?: Field;
  pos: number;
  ok: boolean;
}

/** Read one TLV at `pos` that must end by `limit`. `ok` is false when it did not fit (already reported). */
/** CUCM nests SIGNATUREALGOINFO inside SIGNATUREINFO and no deeper; the bound also keeps hostile nesting off the stack. */
const MAX_NESTING = 2;

/** What a field ran into: the end of the file or of its container or record (built only for a fault). */
const endOf = (b: Uint8Array, limit: number, what: L10nArg) => (limit === b.length ? localizable(M.END_OF_FILE) : localizable(M.END_OF, { what }));

function readField(ctx: Ctx, pos: number, limit: number, table: TagTable, prefix: string, header: boolean, what: L10nArg, depth: number): Step {
  const b = ctx.bytes;
  const tag = b[pos];
  if (tag === PADDING_TAG) {
    const r = { start: pos, end: pos + 1 };
    const field: Field = { path: `${prefix}/13@${pos}`, tag, name: 'PADDING', label: '', range: r, tagRange: r, valueRange: { start: pos + 1, end: pos + 1 }, length: 0, value: { type: 'padding' } };
    if (header) return { field, pos: pos + 1, ok: true };
    // A record has no padding: a reader that skips it and one that reads a TLV see different records.
    diag(ctx, 'error', 'PADDING_IN_RECORD', pos, localizable(M.DIAG_PADDING_IN_RECORD, { at: at(pos), what }), prefix);
    return { field, pos: pos + 1, ok: false };
  }
  if (pos + 3 > limit) {
    diag(ctx, 'error', 'TRUNCATED_FIELD', pos, localizable(M.DIAG_TRUNCATED_FIELD, { at: at(pos), remaining: limit - pos, end: endOf(b, limit, what), limit }), prefix, limit);
    return { pos, ok: false };
  }
  const len = u16(b, pos + 1);
  const info = table[tag];
  const name = info?.name ?? `TAG_${tag}`;
  const path = `${prefix}/${tag}`;
  const valueStart = pos + 3;
  const valueEnd = valueStart + len;
  if (valueEnd > limit) {
    diag(ctx, 'error', 'LENGTH_OVERFLOW', pos, localizable(M.DIAG_LENGTH_OVERFLOW, { name, tag, at: at(pos), length: len, remaining: limit - valueStart, end: endOf(b, limit, what), limit }), path, limit);
    return { pos, ok: false };
  }
  const field: Field = {
    path,
    tag,
    name,
    label: info?.label ?? '',
    range: { start: pos, end: valueEnd },
    tagRange: { start: pos, end: pos + 1 },
    lengthRange: { start: pos + 1, end: pos + 3 },
    valueRange: { start: valueStart, end: valueEnd },
    length: len,
    value: { type: 'unknown' },
  };
  if (!info) {
    diag(ctx, 'warning', 'UNKNOWN_TAG', pos, localizable(M.DIAG_UNKNOWN_TAG, { tag, at: at(pos), what, length: len }), path, valueEnd);
  } else if (header && info.kind === 'container') {
    field.value = { type: 'container' };
    if (depth >= MAX_NESTING) {
      diag(ctx, 'error', 'NESTING_TOO_DEEP', pos, localizable(M.DIAG_NESTING_TOO_DEEP, { name, tag, at: at(pos), depth: depth + 1, max: MAX_NESTING }), path, valueEnd);
      return { field, pos, ok: false };
    }
    const inner = readFields(ctx, valueStart, valueEnd, table, path, header, name, depth + 1);
    field.children = inner.fields;
    if (!inner.ok) return { field, pos: valueEnd, ok: false };
  } else {
    field.value = typedValue(ctx, info, valueStart, valueEnd, path, name);
  }
  return { field, pos: valueEnd, ok: true };
}

function readFields(ctx: Ctx, pos: number, limit: number, table: TagTable, prefix: string, header: boolean, what: L10nArg, depth = 0): { fields: Field[]; ok: boolean } {
  const fields: Field[] = [];
  while (pos < limit) {
    const step = readField(ctx, pos, limit, table, prefix, header, what, depth);
    if (step.field) {
      noteDuplicate(ctx, fields, step.field, what, header);
      fields.push(step.field);
    }
    if (!step.ok) return { fields, ok: false };
    pos = step.pos;
  }
  return { fields, ok: true };
}

/**
 * Header fields that decide who signed, over which bytes, how, and what kind of file it is. Two of
 * one anywhere in the header make the file ambiguous: another reader may take the other one.
 */
const SIGNING_FIELDS: ReadonlySet<number> = new Set([2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14]);

function noteDuplicate(ctx: Ctx, siblings: Field[], f: Field, what: L10nArg, header: boolean): void {
  if (f.tag === PADDING_TAG || (header && SIGNING_FIELDS.has(f.tag))) return;
  let seen = false;
  for (let i = 0; i < siblings.length && !seen; i++) seen = siblings[i].tag === f.tag;
  if (!seen) return;
  diag(ctx, 'warning', 'DUPLICATE_TAG', f.range.start, localizable(M.DIAG_DUPLICATE_TAG, { name: f.name, tag: f.tag, at: at(f.range.start), what }), f.path, f.range.end);
}

function noteDuplicateSigningFields(ctx: Ctx, header: Field[]): void {
  const seen = new Set<number>();
  for (const f of flatFields(header)) {
    if (!SIGNING_FIELDS.has(f.tag)) continue;
    if (seen.has(f.tag)) diag(ctx, 'error', 'DUPLICATE_SIGNING_FIELD', f.range.start, localizable(M.DIAG_DUPLICATE_SIGNING_FIELD, { name: f.name, tag: f.tag, at: at(f.range.start) }), f.path, f.range.end);
    seen.add(f.tag);
  }
}

function summariseHeader(fields: Field[], range: Header['range']): Header {
  const h: Header = { range, fields };
  for (const f of flatFields(fields)) {
    if (h.signature === undefined && f.tag === 12) h.signature = f.valueRange;
    const v = f.value;
    switch (f.tag) {
      case 1: if (v.type === 'version' && !h.version) h.version = v.text; break;
      case 2: if (v.type === 'uint' && h.headerLength === undefined) h.headerLength = v.value; break;
      case 4: if (v.type === 'string' && h.signerName === undefined) h.signerName = v.value; break;
      case 5: if (v.type === 'serial' && !h.signerSerial) h.signerSerial = v.hex; break;
      case 6: if (v.type === 'string' && h.caName === undefined) h.caName = v.value; break;
      case 8: if (v.type === 'digest' && !h.digest) h.digest = { code: v.code, name: v.name }; break;
      case 10: if (v.type === 'code' && h.signatureAlgorithm === undefined) h.signatureAlgorithm = v.code; break;
      case 11: if (v.type === 'code' && h.signatureModulus === undefined) h.signatureModulus = v.code; break;
      case 14: if (v.type === 'string' && h.fileName === undefined) h.fileName = v.value; break;
      case 15: if (v.type === 'timestamp' && !h.timestamp) h.timestamp = { unix: v.unix, iso: v.iso }; break;
      case 28: if (v.type === 'version' && !h.signerVersion) h.signerVersion = v.text; break;
    }
  }
  return h;
}

function summariseRecord(ctx: Ctx, index: number, path: string, range: TrustRecord['range'], fields: Field[], wantCertificate: (r: TrustRecord) => boolean): TrustRecord {
  const r: TrustRecord = { index, path, range, fields, isSigner: false };
  for (const f of fields) {
    const v = f.value;
    if (f.tag === 1 && v.type === 'uint') r.length = v.value;
    else if (f.tag === 2 && v.type === 'string') r.dnsName ??= v.value;
    else if (f.tag === 3 && v.type === 'string') r.subjectName ??= v.value;
    else if (f.tag === 4 && v.type === 'role') { r.role ??= v.code; r.roleName ??= v.name; }
    else if (f.tag === 5 && v.type === 'string') r.issuerName ??= v.value;
    else if (f.tag === 6 && v.type === 'serial') r.serial ??= v.hex;
    else if (f.tag === 10 && v.type === 'ipv4') r.ipAddress ??= v.address;
  }
  const certField = fields.find(f => f.tag === 9);
  if (certField && wantCertificate(r)) {
    try {
      r.certificate = ctx.certificateCache
        ? ctx.certificateCache.parse(ctx.bytes, certField.valueRange, ctx.crypto)
        : parseCertificate(ctx.bytes, certField.valueRange, ctx.crypto, { lean: ctx.lean });
    } catch (e) {
      const offset = typeof (e as { offset?: number }).offset === 'number' && (e as { offset: number }).offset >= 0 ? (e as { offset: number }).offset : certField.valueRange.start;
      r.certificateError = `${(e as Error).message}`;
      diag(ctx, 'warning', 'CERTIFICATE_UNREADABLE', offset, localizable(M.DIAG_CERTIFICATE_UNREADABLE, { index, at: at(certField.range.start), error: r.certificateError }), certField.path, certField.range.end);
    }
  }
  if (certField?.value.type === 'certificate') {
    const cert = r.certificate;
    const { bytes, crypto } = ctx;
    const range = certField.valueRange;
    if (ctx.lean) {
      certField.value = new LazyCertificateValue(() => cert?.sha1 ?? crypto.digest('sha1', [bytes.subarray(range.start, range.end)]));
    } else {
      certField.value.sha1 = cert?.sha1 ?? crypto.digest('sha1', [bytes.subarray(range.start, range.end)]);
    }
  }
  if (r.role === undefined) diag(ctx, 'warning', 'MISSING_FUNCTION', range.start, localizable(M.DIAG_MISSING_FUNCTION, { index, at: at(range.start) }), path, range.end);
  return r;
}

const kindFromName = (n: string | undefined): TrustListKind => (!n ? 'unknown' : /^ctl/i.test(n) ? 'CTL' : /^itl/i.test(n) ? 'ITL' : 'unknown');

/** The kind the signed FILENAME tag says, else the file name's; the file name's kind is kept apart. */
function kindOf(header: Header, fileName?: string): Pick<TrustList, 'kind' | 'kindSource' | 'fileNameKind'> {
  const byName = kindFromName(fileName?.split(/[\\/]/).pop());
  const byTag = kindFromName(header.fileName);
  if (byTag !== 'unknown') return { kind: byTag, kindSource: 'FILENAME tag', fileNameKind: byName };
  return { kind: byName, kindSource: byName === 'unknown' ? 'none' : 'file name', fileNameKind: byName };
}

function checksumsOf(bytes: Uint8Array, crypto: Hasher, options: DecodeOptions): TrustList['checksums'] {
  if (!options.lean) return { md5: crypto.digest('md5', [bytes]), sha1: crypto.digest('sha1', [bytes]), sha256: crypto.digest('sha256', [bytes]) };
  return new LazyChecksums(bytes, crypto, options.sha256);
}

/** Structure, certificates and checksums; the signature is left 'malformed' with no detail until `conclude`. */
function decodeStructure(bytes: Uint8Array, options: DecodeOptions, crypto: Hasher): TrustList {
  const ctx: Ctx = { bytes, diagnostics: [], crypto, lean: options.lean === true, certificateCache: options.certificateCache, notes: 0, dropped: 0, firstDropped: 0 };
  const size = bytes.length;
  // Anything that does not open with VERSION is not a trust list: say so at offset 0, read no further.
  let complete = size >= 3 && bytes[0] === 1 && u16(bytes, 1) === 2;
  if (size === 0) diag(ctx, 'error', 'EMPTY_FILE', 0, localizable(M.DIAG_EMPTY_FILE));
  else if (!complete) diag(ctx, 'error', 'NOT_A_TRUST_LIST', 0, localizable(M.DIAG_NOT_A_TRUST_LIST, { at: at(0), tag: bytes[0], length: size >= 3 ? u16(bytes, 1) : '?' }));

  // Header: until HEADERLENGTH once known; without it, until a second tag 1 (a RECORDLENGTH).
  const headerFields: Field[] = [];
  let pos = 0;
  let headerEnd: number | undefined;
  while (complete && pos < (headerEnd ?? size)) {
    if (headerEnd === undefined && headerFields.length > 0 && bytes[pos] === 1) break;
    const step = readField(ctx, pos, headerEnd ?? size, HEADER_TABLE, 'header', true, HEADER_NAME, 0);
    if (step.field) {
      noteDuplicate(ctx, headerFields, step.field, HEADER_NAME, true);
      headerFields.push(step.field);
      if (headerEnd === undefined && step.field.tag === 2 && step.field.value.type === 'uint' && step.field.value.value <= size) headerEnd = step.field.value.value;
    }
    if (!step.ok) {
      complete = false;
      break;
    }
    pos = step.pos;
  }
  noteDuplicateSigningFields(ctx, headerFields);
  const header = summariseHeader(headerFields, { start: 0, end: Math.min(pos, size) });

  let recordStart = pos;
  if (header.headerLength === undefined) {
    if (complete && size > 0) diag(ctx, 'error', 'MISSING_HEADERLENGTH', 0, localizable(M.DIAG_MISSING_HEADERLENGTH, { at: at(pos) }), 'header');
  } else if (header.headerLength > size) {
    diag(ctx, 'error', 'HEADERLENGTH_PAST_END', 0, localizable(M.DIAG_HEADERLENGTH_PAST_END, { headerLength: header.headerLength, size }), 'header/2');
    complete = false;
    recordStart = size;
  } else {
    if (complete && pos !== header.headerLength) diag(ctx, 'error', 'HEADER_SIZE_MISMATCH', pos, localizable(M.DIAG_HEADER_SIZE_MISMATCH, { at: at(pos), headerLength: header.headerLength }), 'header/2');
    recordStart = header.headerLength;
    header.range = { start: 0, end: header.headerLength };
  }

  // Records: each starts with RECORDLENGTH, so a bad field inside one does not stop the next.
  const records: TrustRecord[] = [];
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  // Only SAST records can sign, so they are all `signer` mode needs for the same answer as `all`.
  const wantCertificate = options.certificates === 'signer' ? (r: TrustRecord) => r.role === ROLE.SAST : () => true;
  pos = recordStart;
  const headerRead = complete;
  while (headerRead && pos < size) {
    const index = records.length + 1;
    const path = `records/${index}`;
    if (records.length >= maxRecords) {
      diag(ctx, 'error', 'TOO_MANY_RECORDS', pos, localizable(M.DIAG_TOO_MANY_RECORDS, { max: maxRecords, at: at(pos) }));
      complete = false;
      break;
    }
    if (pos + 5 > size || bytes[pos] !== 1 || u16(bytes, pos + 1) !== 2) {
      const found = pos + 3 > size ? localizable(M.FOUND_BYTES_LEFT, { count: size - pos }) : localizable(M.FOUND_TAG, { tag: bytes[pos], length: u16(bytes, pos + 1) });
      diag(ctx, 'error', 'RECORD_EXPECTED', pos, localizable(M.DIAG_RECORD_EXPECTED, { index, at: at(pos), found }), path, size);
      complete = false;
      break;
    }
    const recLen = u16(bytes, pos + 3);
    let end = pos + recLen;
    if (recLen < 5) {
      diag(ctx, 'error', 'RECORD_TOO_SHORT', pos, localizable(M.DIAG_RECORD_TOO_SHORT, { index, at: at(pos), length: recLen }), path);
      complete = false;
      break;
    }
    if (end > size) {
      diag(ctx, 'error', 'RECORD_OVERFLOW', pos, localizable(M.DIAG_RECORD_OVERFLOW, { index, at: at(pos), length: recLen, remaining: size - pos, size }), path, size);
      complete = false;
      end = size;
    }
    const read = readFields(ctx, pos, end, RECORD_TABLE, path, false, localizable(M.RECORD_NUMBER, { index }));
    if (!read.ok) complete = false;
    records.push(summariseRecord(ctx, index, path, { start: pos, end }, read.fields, wantCertificate));
    pos = end;
  }

  if (ctx.dropped) {
    const d = ctx.firstDropped;
    const l10n = localizable(M.DIAG_TOO_MANY_NOTES, { count: ctx.dropped, max: MAX_NOTES, at: at(d) });
    ctx.diagnostics.push({ severity: 'warning', code: 'TOO_MANY_NOTES', message: fill(l10n), l10n, offset: d, range: { start: d, end: d + 1 } });
  }
  const { kind, kindSource, fileNameKind } = kindOf(header, options.fileName);
  const list: TrustList = {
    kind,
    kindSource,
    fileNameKind,
    length: size,
    checksums: checksumsOf(bytes, crypto, options),
    header,
    records,
    signature: { status: 'malformed', detail: '', l10n: { message: '', args: {} } },
    diagnostics: ctx.diagnostics,
    complete,
    unparsed: pos < size ? [{ start: pos, end: size }] : [],
  };
  // Cross-checks explain a file to a person; `signer` mode only answers "does it verify?".
  if (options.certificates !== 'signer') for (const r of records) crossCheckRecord(r, bytes, ctx.diagnostics);
  return list;
}

/** The signature verdict and the file's findings (which read the signer verifySignature marked). */
function conclude(list: TrustList, signature: SignatureResult, options: DecodeOptions): TrustList {
  list.signature = signature;
  // A loop, not push(...): a hostile file of 200,000 duplicate records has as many findings, past V8's argument limit.
  for (const d of fileFindings(list, options.fileName)) list.diagnostics.push(d);
  return list;
}

/** Decode and verify with a synchronous port (Node's native crypto: src/node/decode.ts passes it). */
export function decode(bytes: Uint8Array, options: DecodeOptions, crypto: SyncCryptoPort): TrustList {
  const list = decodeStructure(bytes, options, crypto);
  const signature: SignatureResult | Promise<SignatureResult> = verifySignature(list, bytes, crypto);
  // A programmer's error (an asynchronous port typed as synchronous), never a verdict.
  if (signature instanceof Promise) throw new Error('decode() was given an asynchronous crypto port: use decodeTrustList()');
  return conclude(list, signature, options);
}

/** Decode and verify with any port; the decoding itself is the same synchronous pass as `decode`. */
export async function decodeTrustList(bytes: Uint8Array, options: DecodeOptions, crypto: CryptoPort): Promise<TrustList> {
  const list = decodeStructure(bytes, options, crypto);
  return conclude(list, await verifySignature(list, bytes, crypto), options);
}
