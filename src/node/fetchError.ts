// The one error type of the TFTP and HTTP clients: a stable code for callers, an English message for people.
import { inert } from '../core/dump';

export type FetchErrorCode = 'not-found' | 'timeout' | 'too-large' | 'refused' | 'protocol' | 'network';

/** Network failures of fetchTrustList; `message` names host, port and file. Cancellation rejects with an AbortError instead. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(readonly code: FetchErrorCode, message: string) {
    super(message);
  }
}

/** 1 MiB: a CUCM trust list is a few KB to about 100 KB; anything far larger is not one. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * Text that came from the network (a server's error message) is attacker-controlled: control and bidi
 * characters become `\u{…}` escapes (the core's one escaping rule), and it is cut to a readable length.
 */
export function serverText(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return inert(cut);
}

/** The rejection value for a cancelled fetch: the signal's reason, or a standard AbortError. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/** `host:port`, with brackets around an IPv6 address. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
