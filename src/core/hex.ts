// Hex and text helpers shared by the decoder and its renderers.
import { AT_OFFSET, localizable, type Localizable } from './messages';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_UPPER = HEX.map(h => h.toUpperCase());

/** Lowercase hex of bytes[start, end). */
export function toHex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX[bytes[i]];
  return s;
}

/** Uppercase hex of bytes[start, end): serials, as CUCM prints them. */
export function toHexUpper(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX_UPPER[bytes[i]];
  return s;
}

/** `70CAF6` → `70:CA:F6`, the way CUCM prints serials; a negative serial keeps its sign (`-04:D2`). */
export function colonHex(hex: string): string {
  const sign = hex.startsWith('-') ? '-' : '';
  return sign + (hex.slice(sign.length).toUpperCase().match(/../g) ?? []).join(':');
}

/** `e9d4…` → `E9 D4 …`, the way CUCM prints certificate fingerprints. */
export function spacedHex(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(' ');
}

/** Offsets in messages: decimal and hex, so they match both `show ctl` and a hex editor. */
export function at(offset: number): Localizable {
  return localizable(AT_OFFSET, { offset, hex: offset.toString(16).toUpperCase() });
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode a NUL-terminated string field. UTF-8 when valid (certutils), else Latin-1 (never throws). */
export function decodeText(bytes: Uint8Array, start: number, end: number): { value: string; terminated: boolean } {
  const terminated = end > start && bytes[end - 1] === 0;
  // Up to the first NUL (a scan, not a subarray: every string field of every file passes here).
  let stop = start;
  while (stop < end && bytes[stop] !== 0) stop++;
  const slice = bytes.subarray(start, stop);
  try {
    return { value: utf8.decode(slice), terminated };
  } catch {
    return { value: latin1.decode(slice), terminated };
  }
}
