// What the "Open from TFTP Server…" prompts need, without VS Code (unit-tested in Node): the host field,
// the MAC field, the recent-servers list and the `cucm-tftp:` / `cucm-http:` URI they lead to.
import { DEFAULT_PORTS, formatLocation, LocationError, locationFromParts, phoneTrustListName, type TrustListLocation, type TrustListProtocol } from '../../node/source';

export type { TrustListProtocol } from '../../node/source';

/** The URI scheme of each protocol: `cucm-tftp://HOST[:PORT]/NAME` and `cucm-http://HOST[:6970]/NAME`. */
export const SERVER_SCHEMES: Readonly<Record<TrustListProtocol, string>> = { tftp: 'cucm-tftp', http: 'cucm-http' };

export function isServerScheme(scheme: string): boolean {
  return scheme === SERVER_SCHEMES.tftp || scheme === SERVER_SCHEMES.http;
}

/** A host as typed: the port is there only when the user gave one. */
export interface HostInput {
  host: string;
  port?: number;
}

export type HostInputError = 'empty' | 'invalid-host' | 'invalid-port';

/**
 * Reads the host field: `cucm-pub`, `10.0.0.1`, `10.0.0.1:1069`, `[2001:db8::1]`, `[2001:db8::1]:69` or a bare
 * IPv6 address (`2001:db8::1`, no port then). The same host rules as tftp:// locations (letters, digits,
 * `.` and `-`; IPv6 in brackets). Returns the host or why it is not one.
 */
export function parseHostInput(text: string): HostInput | HostInputError {
  const s = text.trim();
  if (!s) return 'empty';
  // Two or more colons and no brackets: a bare IPv6 address.
  const authority = !s.startsWith('[') && (s.match(/:/g)?.length ?? 0) > 1 ? `[${s}]` : s;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d*))?$/i.exec(authority);
  if (!m) return 'invalid-host';
  const host = m[1]!;
  if (!host.startsWith('[') && (/^[.-]|[.-]$|\.\./.test(host))) return 'invalid-host';
  if (host.startsWith('[') && !host.includes(':')) return 'invalid-host';
  if (m[2] === undefined) return { host: host.startsWith('[') ? host.slice(1, -1) : host };
  const port = Number(m[2]);
  if (!/^\d{1,5}$/.test(m[2]) || !(port > 0 && port < 65536)) return 'invalid-port';
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port };
}

/** The host field's text for a host: `host`, `host:port`, `[v6]:port` (the form recent servers are listed in). */
export function formatHostInput(h: HostInput): string {
  const host = h.host.includes(':') && h.port !== undefined ? `[${h.host}]` : h.host;
  return h.port === undefined ? host : `${host}:${h.port}`;
}

export type MacInput = { name: string } | { error: 'empty' | 'invalid' };

/**
 * The MAC field, checked as the user types: 12 hex digits, also `00:11:22:aa:bb:cc`, `00-11-…`,
 * `0011.22aa.bbcc` and `SEP001122AABBCC`. Gives the file name the phone asks for (`ITLSEP001122AABBCC.tlv`).
 */
export function macInput(text: string, kind: 'ITL' | 'CTL'): MacInput {
  if (!text.trim()) return { error: 'empty' };
  try {
    return { name: phoneTrustListName(text, kind) };
  } catch (e) {
    if (e instanceof LocationError) return { error: 'invalid' };
    throw e;
  }
}

/** The location of NAME on a server; the port defaults to the protocol's (TFTP 69, HTTP 6970). Throws LocationError. */
export function serverLocation(protocol: TrustListProtocol, host: HostInput, name: string): TrustListLocation {
  const port = host.port ?? DEFAULT_PORTS[protocol];
  const authority = host.host.includes(':') ? `[${host.host}]:${port}` : `${host.host}:${port}`;
  return locationFromParts(SERVER_SCHEMES[protocol], authority, `/${name}`);
}

/** `cucm-tftp://HOST:PORT/NAME` (or `cucm-http://…`), the port always written out. Throws LocationError. */
export function serverUriString(protocol: TrustListProtocol, host: HostInput, name: string): string {
  return formatLocation(serverLocation(protocol, host, name), true);
}

/** A server the user fetched from: the host field's text and the protocol. */
export interface RecentServer {
  host: string;
  protocol: TrustListProtocol;
}

export const MAX_RECENT_SERVERS = 10;

/**
 * The recent-servers list after using `server`: it goes first, an older entry for the same host and protocol
 * (host compared without case) is dropped, and the list keeps at most `max` entries. Entries that are not
 * well-formed (globalState is user data) are dropped too.
 */
export function rememberServer(list: readonly unknown[] | undefined, server: RecentServer, max = MAX_RECENT_SERVERS): RecentServer[] {
  const same = (r: RecentServer) => r.protocol === server.protocol && r.host.toLowerCase() === server.host.toLowerCase();
  return [server, ...recentServers(list).filter(r => !same(r))].slice(0, max);
}

/** The well-formed entries of a stored recent-servers list. */
export function recentServers(list: readonly unknown[] | undefined): RecentServer[] {
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is RecentServer => typeof r === 'object' && r !== null
    && typeof (r as RecentServer).host === 'string' && typeof parseHostInput((r as RecentServer).host) === 'object'
    && ((r as RecentServer).protocol === 'tftp' || (r as RecentServer).protocol === 'http'));
}
