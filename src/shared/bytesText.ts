// Byte formatting used by both the host (copy, export, hovers) and the webview (tables, hex pane).
// No Buffer and no btoa: this module runs in Node and in the browser alike.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function hexByte(b: number): string {
  return HEX[b & 0xff];
}

/** Uppercase hex, `sep` between bytes. */
export function toHex(bytes: Uint8Array, sep = ''): string {
  const parts: string[] = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i]];
  return parts.join(sep);
}

/** `70CAF6` → `70:CA:F6` (CUCM's serial form). */
export function colonHex(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
}

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (left > 1 ? B64[(n >> 6) & 63] : '=') + (left > 2 ? B64[n & 63] : '=');
  }
  return out;
}

/** PEM armour with 64-character lines, as openssl writes it. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const body = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`;
}

/** `0x1A2` style offsets, as in the decoder's messages. */
export function hexOffset(offset: number): string {
  return `0x${offset.toString(16).toUpperCase()}`;
}

/** Printable ASCII or a dot, for the hex pane's text column. */
export function asciiChar(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}
