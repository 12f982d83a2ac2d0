// Distinguished names: X.509 Name → attributes, RFC 4514 and CUCM's `;` form, and parsing the
// strings a trust list stores so that names are compared by attributes, never as strings.
import type { NameAttribute } from './model';
import { asn1String, children, oidToString, type Tlv } from './der';
import { toHex } from './hex';

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue). */
export function readName(bytes: Uint8Array, name: Tlv): NameAttribute[][] {
  return children(bytes, name).map(rdn =>
    children(bytes, rdn).map(atv => {
      const [type, value] = children(bytes, atv);
      const oid = oidToString(bytes, type);
      const short = SHORT_NAMES[oid];
      if (!value) return { type: short ?? oid, oid, value: '' };
      const text = asn1String(bytes, value);
      if (short && text !== undefined) return { type: short, oid, value: text };
      // RFC 4514 §2.4: a dotted type or a non-string value is shown as `#` and its BER in hex.
      const ber = `#${toHex(bytes, value.start, value.end).toUpperCase()}`;
      return { type: short ?? oid, oid, value: text ?? ber, ber };
    }),
  );
}

const utf8 = new TextEncoder();

/**
 * RFC 4514 escapes as openssl's RFC2253 output writes them: specials with a backslash, a leading
 * `#` or space and a trailing space, control characters (C0, DEL, C1) as `\XX` pairs of their UTF-8.
 */
function escape4514(value: string): string {
  return value
    .replace(/[\\,+"<>;]/g, c => `\\${c}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ')
    .replace(/[\x00-\x1f\x7f-\x9f]/g, c => Array.from(utf8.encode(c), b => `\\${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** RFC 4514: RDNs most specific first, `,` between RDNs, `+` within one. */
export function toRfc4514(rdns: NameAttribute[][]): string {
  return [...rdns]
    .reverse()
    .map(rdn => rdn.map(a => `${a.type}=${a.ber ?? escape4514(a.value)}`).join('+'))
    .join(',');
}

/** CUCM's form: certificate order, `;` between attributes, no escaping. */
export function toCucm(rdns: NameAttribute[][]): string {
  return rdns.flat().map(a => `${a.type}=${a.value}`).join(';');
}

/**
 * Parse a name string as trust lists store it: `CN=a;OU=b`, `CN=a,OU=b` (RFC 4514),
 * or eToken style `cn="SAST-ADN… ";o="Cisco Systems, Inc."`. Returns [type, value] pairs.
 */
export function parseNameString(text: string): Array<[string, string]> {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if ((c === ';' || c === ',' || c === '+') && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  const out: Array<[string, string]> = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    // A piece without `=` is the tail of a value that contained an unquoted separator.
    if (eq < 0 || !/^\s*[A-Za-z][\w.-]*\s*$/.test(part.slice(0, eq))) {
      if (out.length) out[out.length - 1][1] += `,${part}`;
      continue;
    }
    // Trim only unescaped whitespace: RFC 4514 writes a meaningful trailing space as `\ `.
    let value = part.slice(eq + 1).replace(/^\s+/, '').replace(/(?<!\\)\s+$/, '');
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out.push([part.slice(0, eq).trim(), value.replace(/\\(.)/g, '$1')]);
  }
  return out;
}

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Attribute type aliases: `cn`, `CN` and `2.5.4.3` are one type. */
const CANONICAL = new Map<string, string>();
for (const [oid, short] of Object.entries(SHORT_NAMES)) {
  CANONICAL.set(oid, short.toUpperCase());
  CANONICAL.set(short.toUpperCase(), short.toUpperCase());
}
CANONICAL.set('S', 'ST');
CANONICAL.set('E', 'EMAILADDRESS');

const key = (type: string, value: string) => `${CANONICAL.get(type.toUpperCase()) ?? type.toUpperCase()}=${normalize(value)}`;
const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
// Folders of ITLSEP files repeat the same few names thousands of times (and a certificate read from
// CertificateCache shares its name arrays): remember their sorted keys.
const keyMemo = new Map<string, readonly string[]>();
function textKeys(text: string): readonly string[] {
  let keys = keyMemo.get(text);
  if (!keys) {
    keys = parseNameString(text).map(([t, v]) => key(t, v)).sort();
    if (keyMemo.size >= 512) keyMemo.clear();
    keyMemo.set(text, keys);
  }
  return keys;
}
const nameMemo = new WeakMap<NameAttribute[][], readonly string[]>();
function nameKeys(rdns: NameAttribute[][]): readonly string[] {
  let keys = nameMemo.get(rdns);
  if (!keys) nameMemo.set(rdns, (keys = rdns.flat().map(x => key(x.oid, x.value)).sort()));
  return keys;
}

/** True when the stored name string has the same attributes as the certificate name, in any order. */
export function sameName(text: string, rdns: NameAttribute[][]): boolean {
  return sameKeys(textKeys(text), nameKeys(rdns));
}

/** A key equal for two name strings exactly when sameNameText says they are the same name. */
export const nameKey = (text: string): string => JSON.stringify(textKeys(text));

/** Two stored name strings with the same attributes, in any order and either separator. */
export function sameNameText(a: string, b: string): boolean {
  return sameKeys(textKeys(a), textKeys(b));
}

// Certificates read once per run share their subject arrays: find each one's CN once.
const subjectCns = new WeakMap<NameAttribute[][], string | undefined>();
/** The CN of a certificate's subject (the first, in certificate order). */
export function subjectCn(subject: NameAttribute[][] | undefined): string | undefined {
  if (!subject) return undefined;
  if (!subjectCns.has(subject)) subjectCns.set(subject, subject.flat().find(a => a.type === 'CN')?.value);
  return subjectCns.get(subject);
}

const cnMemo = new Map<string, string | undefined>();
/** The CN of a name string, for short labels (remembered: a folder's files repeat the same few names). */
export function commonName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (cnMemo.has(text)) return cnMemo.get(text);
  const cn = parseNameString(text).find(([t]) => t.toUpperCase() === 'CN')?.[1];
  if (cnMemo.size >= 512) cnMemo.clear();
  cnMemo.set(text, cn);
  return cn;
}
