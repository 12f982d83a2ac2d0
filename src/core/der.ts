// A minimal, bounds-checked DER reader over the file's own bytes. We walk certificates ourselves
// rather than through node-forge: forge.asn1 copies everything into binary strings (slow for
// thousands of records) and forge.pki rejects EC keys, which CUCM's ECDSA certificates need.

export interface Tlv {
  /** Tag byte (class + constructed bit + number; we never need high-tag-number forms). */
  tag: number;
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  end: number;
}

export class DerError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const MAX_DEPTH = 32;

/** Read one TLV at `pos`, which must end by `limit`. */
export function readTlv(bytes: Uint8Array, pos: number, limit: number): Tlv {
  if (pos + 2 > limit) throw new DerError(`expected an ASN.1 tag and length at ${pos}, only ${limit - pos} byte(s) left`, pos);
  const tag = bytes[pos];
  if ((tag & 0x1f) === 0x1f) throw new DerError(`unsupported high-tag-number form at ${pos}`, pos);
  let len = bytes[pos + 1];
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError(`unsupported ASN.1 length form 0x${len.toString(16)} at ${pos + 1}`, pos + 1);
    if (p + n > limit) throw new DerError(`ASN.1 length at ${pos + 1} runs past the end`, pos + 1);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p + i];
    p += n;
  }
  if (p + len > limit) throw new DerError(`ASN.1 value at ${p} of length ${len} runs past ${limit}`, p);
  return { tag, start: pos, contentStart: p, end: p + len };
}

/** The children of a constructed TLV. */
export function children(bytes: Uint8Array, parent: Tlv, depth = 0): Tlv[] {
  if (depth > MAX_DEPTH) throw new DerError(`ASN.1 nesting deeper than ${MAX_DEPTH} at ${parent.start}`, parent.start);
  const out: Tlv[] = [];
  let p = parent.contentStart;
  while (p < parent.end) {
    const t = readTlv(bytes, p, parent.end);
    out.push(t);
    p = t.end;
  }
  return out;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t) throw new DerError(`missing ${what}`, -1);
  if (t.tag !== tag) throw new DerError(`expected ${what} (tag 0x${tag.toString(16)}) at ${t.start}, found tag 0x${t.tag.toString(16)}`, t.start);
  return t;
}

export function oidToString(bytes: Uint8Array, t: Tlv): string {
  // Fast path for the X.520 attribute types (2.5.4.n) that make up every name.
  if (t.end - t.contentStart === 3 && bytes[t.contentStart] === 0x55 && bytes[t.contentStart + 1] === 0x04 && bytes[t.contentStart + 2] < 0x80) {
    return `2.5.4.${bytes[t.contentStart + 2]}`;
  }
  const parts: Array<number | bigint> = [];
  let v: number | bigint = 0;
  for (let i = t.contentStart; i < t.end; i++) {
    const low = bytes[i] & 0x7f;
    // Arcs can be any size (2.25.<128-bit UUID>): switch to BigInt before a number loses precision.
    v = typeof v === 'number' && v < 2 ** 45 ? v * 128 + low : BigInt(v) * 128n + BigInt(low);
    if (!(bytes[i] & 0x80)) {
      if (parts.length === 0) {
        const first = v < 80 ? Math.floor(Number(v) / 40) : 2;
        parts.push(first, typeof v === 'bigint' ? v - BigInt(first * 40) : v - first * 40);
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const utf8 = new TextDecoder('utf-8');

/** Bytes as code points U+0000–U+00FF, one for one (ISO 8859-1; TextDecoder('latin1') is windows-1252). */
export function latin1Text(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Big-endian code units of `width` bytes (BMPString 2, UniversalString 4); invalid ones become U+FFFD. */
function wideText(content: Uint8Array, width: 2 | 4): string {
  let s = '';
  for (let i = 0; i + width <= content.length; i += width) {
    let c = 0;
    for (let j = 0; j < width; j++) c = c * 256 + content[i + j];
    s += width === 2 ? String.fromCharCode(c) : String.fromCodePoint(c <= 0x10ffff ? c : 0xfffd);
  }
  return s;
}

/**
 * An ASN.1 character string as text, or undefined when the tag is not a string type.
 * Byte-per-character types (Printable, IA5, Teletex, …) are read as ISO 8859-1, as openssl does.
 */
export function asn1String(bytes: Uint8Array, t: Tlv): string | undefined {
  const content = bytes.subarray(t.contentStart, t.end);
  switch (t.tag) {
    case 0x0c: return utf8.decode(content);
    case 0x1c: return wideText(content, 4);
    case 0x1e: return wideText(content, 2);
    case 0x12: case 0x13: case 0x14: case 0x15: case 0x16: case 0x19: case 0x1a: case 0x1b:
      return latin1Text(content);
    default: return undefined;
  }
}

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(\.\d+)?(Z|[+-]\d{4})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * UTCTime / GeneralizedTime → ISO 8601 in UTC, accepting what openssl accepts (no seconds, a
 * `±hhmm` offset, fractional seconds). Impossible dates throw: openssl shows "Bad time value".
 */
export function asn1Time(bytes: Uint8Array, t: Tlv): string {
  const s = latin1Text(bytes.subarray(t.contentStart, t.end));
  const m = t.tag === 0x17 ? UTC_TIME.exec(s) : t.tag === 0x18 ? GENERALIZED_TIME.exec(s) : null;
  const bad = () => new DerError(`unreadable time "${s}" at ${t.start}`, t.start);
  if (!m) throw bad();
  let year = Number(m[1]);
  if (m[1].length === 2) year += year < 50 ? 2000 : 1900;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number);
  const zone = t.tag === 0x17 ? m[7] : m[8];
  const fraction = t.tag === 0x18 ? m[7] ?? '' : '';
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  if (!monthDays || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) throw bad();
  const [zoneHours, zoneMinutes] = zone === 'Z' ? [0, 0] : [Number(zone.slice(1, 3)), Number(zone.slice(3))];
  if (zoneHours > 12 || zoneMinutes > 59) throw bad();
  const offset = (zone[0] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // not Date.UTC, which maps years 0–99 to 19xx
  d.setUTCHours(hour, minute - offset, second);
  return `${d.toISOString().slice(0, 19)}${fraction}Z`;
}
