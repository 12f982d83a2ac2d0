// One entry point for fetching a trust list from a CUCM TFTP service: a location (URL) or its parts, TFTP
// or HTTP, and the names a phone asks for, including ITLSEP<MAC>.tlv from a MAC address in any usual form.
import { DEFAULT_MAX_BYTES, serverText } from './fetchError';
import { httpGet } from './httpFetch';
import { tftpGet } from './tftp';

const printable = (s: string) => serverText(s, 80);

export { FetchError, type FetchErrorCode, DEFAULT_MAX_BYTES } from './fetchError';

/** A location or name that cannot be used: a usage error, not a network failure. */
export class LocationError extends Error {
  override readonly name = 'LocationError';
}

export type TrustListProtocol = 'tftp' | 'http';

export interface TrustListLocation {
  protocol: TrustListProtocol;
  /** Host name or IP address; IPv6 without brackets. */
  host: string;
  port: number;
  /** A safe file name (see checkTrustListName). */
  name: string;
}

export interface FetchOptions {
  /** Cap on the whole fetch. Default 30 000 ms. */
  timeoutMs?: number;
  /** TFTP: per-packet timeout. Default 1000 ms (never more than timeoutMs). */
  packetTimeoutMs?: number;
  /** TFTP: retransmissions per packet. Default 5. */
  retries?: number;
  /** TFTP: block size to ask for, or false to send a plain RFC 1350 request. Default 1428. */
  blksize?: number | false;
  /** Largest file accepted. Default 1 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export const DEFAULT_PORTS: Readonly<Record<TrustListProtocol, number>> = { tftp: 69, http: 6970 };

const SCHEMES: Readonly<Record<string, TrustListProtocol>> = {
  'tftp': 'tftp', 'cucm-tftp': 'tftp', 'http': 'http', 'cucm-http': 'http',
};

/**
 * Parses `tftp://HOST[:PORT]/NAME`, `http://HOST[:PORT]/NAME` (default port 6970: CUCM's TFTP service over
 * HTTP) and the VS Code forms `cucm-tftp://…` and `cucm-http://…`. NAME may be percent-encoded (as in
 * `Uri.toString()`) and must be a safe trust-list name. Throws LocationError.
 */
export function parseLocation(url: string): TrustListLocation {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)$/i.exec(url.trim());
  if (!m) throw new LocationError(`not a trust-list location: "${printable(url)}" (expected tftp://HOST[:PORT]/NAME or http://HOST[:PORT]/NAME)`);
  let path: string;
  try {
    path = decodeURIComponent(m[3]!);
  } catch {
    throw new LocationError(`invalid percent-encoding in "${printable(url)}"`);
  }
  return locationFromParts(m[1]!, m[2]!, path);
}

/**
 * The same from a URI's decoded parts, as a FileSystemProvider has them (`uri.scheme`, `uri.authority`,
 * `uri.path`): scheme tftp/http/cucm-tftp/cucm-http, authority `HOST[:PORT]` (IPv6 in brackets), path `/NAME`.
 */
export function locationFromParts(scheme: string, authority: string, path: string): TrustListLocation {
  const where = `${scheme}://${authority}${path}`;
  const protocol = SCHEMES[scheme.toLowerCase()];
  if (!protocol) throw new LocationError(`unsupported scheme "${printable(scheme)}:" in "${printable(where)}" (use tftp, http, cucm-tftp or cucm-http)`);
  const a = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(authority);
  if (!a) throw new LocationError(`invalid host "${printable(authority)}" in "${printable(where)}"`);
  const host = a[1]!.startsWith('[') ? a[1]!.slice(1, -1) : a[1]!;
  const port = a[2] === undefined ? DEFAULT_PORTS[protocol] : Number(a[2]);
  if (!(port > 0 && port < 65536)) throw new LocationError(`invalid port ${a[2]} in "${printable(where)}"`);
  if (!path.startsWith('/')) throw new LocationError(`no file name in "${printable(where)}"`);
  return { protocol, host, port, name: checkTrustListName(path.slice(1)) };
}

/** The location as a URL: `tftp://host:port/NAME` (scheme `cucm-tftp` etc. with `vscode: true`). */
export function formatLocation(l: TrustListLocation, vscode = false): string {
  const host = l.host.includes(':') ? `[${l.host}]` : l.host;
  return `${vscode ? 'cucm-' : ''}${l.protocol}://${host}:${l.port}/${encodeURIComponent(l.name)}`;
}

/**
 * Names go on the wire and, for the CLI, to disk: letters, digits, `.`, `_`, `-`, `+`; 1–128 characters;
 * not starting with a dot (so neither `.` nor `..` nor a hidden file); no `/` or `\`. Returns the name.
 */
export function checkTrustListName(name: string): string {
  if (!/^[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,127}$/.test(name)) {
    throw new LocationError(`unsafe trust-list file name "${printable(name)}": use letters, digits, ".", "_", "-" (at most 128, not starting with ".")`);
  }
  return name;
}

/**
 * A MAC address as a phone's name has it: 12 upper-case hex digits. Accepts `00:11:22:AA:bb:cc`,
 * `00-11-22-aa-bb-cc`, `0011.22aa.bbcc`, `001122aabbcc` and `SEP001122AABBCC`. Throws LocationError.
 */
export function normalizeMac(mac: string): string {
  const s = mac.trim();
  const m = /^(?:SEP)?([0-9a-f]{12})$/i.exec(s)
    ?? /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i.exec(s)
    ?? /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i.exec(s);
  if (!m) throw new LocationError(`not a MAC address: "${printable(mac)}" (expected 12 hex digits, e.g. 00:11:22:AA:BB:CC, 0011.22aa.bbcc or 001122AABBCC)`);
  return m.slice(1).filter(p => p !== ':' && p !== '-').join('').toUpperCase();
}

/** `ITLSEP<MAC>.tlv` (or `CTLSEP<MAC>.tlv`) for a phone's MAC address in any form normalizeMac accepts. */
export function phoneTrustListName(mac: string, kind: 'ITL' | 'CTL' = 'ITL'): string {
  return `${kind}SEP${normalizeMac(mac)}.tlv`;
}

/**
 * What a user typed as NAME: a MAC address (any form) becomes `ITLSEP<MAC>.tlv`, `ITLSEP…`/`CTLSEP…` names
 * get their MAC upper-cased, anything else must be a safe file name. Throws LocationError.
 */
export function parseTrustListName(input: string, kind: 'ITL' | 'CTL' = 'ITL'): string {
  const s = input.trim();
  const sep = /^(ITL|CTL)SEP([0-9a-f]{12})\.tlv$/i.exec(s);
  if (sep) return `${sep[1]!.toUpperCase()}SEP${sep[2]!.toUpperCase()}.tlv`;
  if (!/\.tlv$/i.test(s)) {
    try {
      return phoneTrustListName(s, kind);
    } catch { /* not a MAC: a plain name */ }
  }
  return checkTrustListName(s);
}

/** Fetches one trust list by TFTP or HTTP. Rejects with FetchError, LocationError (bad location) or AbortError. */
export function fetchTrustList(location: string | TrustListLocation, options: FetchOptions = {}): Promise<Uint8Array> {
  let l: TrustListLocation;
  try {
    l = typeof location === 'string' ? parseLocation(location) : { ...location, name: checkTrustListName(location.name) };
  } catch (e) {
    return Promise.reject(e);
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (l.protocol === 'http') return httpGet(l.host, l.name, { port: l.port, timeoutMs, maxBytes, signal: options.signal });
  return tftpGet(l.host, l.name, {
    port: l.port,
    totalTimeoutMs: timeoutMs,
    packetTimeoutMs: Math.min(options.packetTimeoutMs ?? 1000, timeoutMs),
    retries: options.retries ?? 5,
    blksize: options.blksize ?? 1428,
    tsize: true,
    maxBytes,
    signal: options.signal,
  });
}
