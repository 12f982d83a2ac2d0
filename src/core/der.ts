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
  const parts: number[] = [];
  let v = 0;
  for (let i = t.contentStart; i < t.end; i++) {
    v = v * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      if (parts.length === 0) {
        const first = v < 80 ? Math.floor(v / 40) : 2;
        parts.push(first, v - first * 40);
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Any ASN.1 string type as text (BMPString as UTF-16BE). */
export function asn1String(bytes: Uint8Array, t: Tlv): string {
  const content = bytes.subarray(t.contentStart, t.end);
  switch (t.tag) {
    case 0x1e: {
      let s = '';
      for (let i = 0; i + 1 < content.length; i += 2) s += String.fromCharCode((content[i] << 8) | content[i + 1]);
      return s;
    }
    case 0x0c:
      return utf8.decode(content);
    default:
      return latin1.decode(content);
  }
}

/** UTCTime / GeneralizedTime → ISO 8601. */
export function asn1Time(bytes: Uint8Array, t: Tlv): string {
  const s = latin1.decode(bytes.subarray(t.contentStart, t.end));
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s);
  if (!m) throw new DerError(`unreadable time "${s}" at ${t.start}`, t.start);
  let year = Number(m[1]);
  if (m[1].length === 2) year += year < 50 ? 2000 : 1900;
  return `${String(year).padStart(4, '0')}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
}
