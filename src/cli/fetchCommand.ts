// `fetch HOST NAME… [--http] [--port N] [--out DIR] [--timeout S] [--retries N] [--force]`: download trust
// lists from a CUCM TFTP service, one line per file with its size and checksums.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FetchError, serverText } from '../node/fetchError';
import { DEFAULT_PORTS, fetchTrustList, LocationError, parseTrustListName, type TrustListProtocol } from '../node/source';

export const FETCH_USAGE = `usage: tlv-trust fetch HOST NAME… [--http] [--port N] [--out DIR] [--timeout S] [--retries N] [--force]
  NAME                  CTLFile.tlv, ITLFile.tlv, ITLSEP<MAC>.tlv, or a phone's MAC address (→ ITLSEP<MAC>.tlv)
  --http                HTTP (default port 6970) instead of TFTP (default port 69)
  --port N              server port
  --out DIR             where to write the files (default .)
  --timeout S           seconds allowed per file (default 30)
  --retries N           TFTP retransmissions per packet (default 5)
  --force               overwrite existing files`;

/** Bad arguments: the caller prints the message and the usage and exits 2. */
export class FetchUsageError extends Error {
  override readonly name = 'FetchUsageError';
}

export interface FetchCommandOptions {
  /** For tests: the TFTP per-packet timeout in ms (default 1000, never more than --timeout). */
  packetTimeoutMs?: number;
}

/** Runs `fetch`; returns 0 when every file was fetched and written, 1 otherwise. Throws FetchUsageError. */
export async function runFetch(args: string[], write: (s: string) => void, extra: FetchCommandOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        http: { type: 'boolean' },
        port: { type: 'string' },
        out: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        force: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new FetchUsageError(serverText((e as Error).message, 200));
  }
  const { values, positionals } = parsed;
  const [host, ...rawNames] = positionals;
  if (!host || !rawNames.length) throw new FetchUsageError('fetch needs a HOST and at least one NAME');
  if (!/^(\[[0-9a-f:.]+\]|[0-9a-z.:-]+)$/i.test(host)) throw new FetchUsageError(`invalid HOST "${serverText(host, 80)}"`);
  const protocol: TrustListProtocol = values.http ? 'http' : 'tftp';
  const port = values.port === undefined ? DEFAULT_PORTS[protocol] : integer('--port', values.port, 1, 65535);
  const timeoutS = values.timeout === undefined ? 30 : number('--timeout', values.timeout, 0.001, 3600);
  const retries = values.retries === undefined ? 5 : integer('--retries', values.retries, 0, 100);
  const out = values.out ?? '.';
  let names: string[];
  try {
    names = rawNames.map(n => parseTrustListName(n));
  } catch (e) {
    if (e instanceof LocationError) throw new FetchUsageError(e.message);
    throw e;
  }

  const bare = host.replace(/^\[(.*)\]$/, '$1');
  let ok = true;
  for (const name of names) {
    const line = await fetchOne({ protocol, host: bare, port, name }, out, !!values.force, {
      timeoutMs: Math.round(timeoutS * 1000), retries, ...(extra.packetTimeoutMs ? { packetTimeoutMs: extra.packetTimeoutMs } : {}),
    });
    ok &&= line.ok;
    write(`${line.text}\n`);
  }
  return ok ? 0 : 1;
}

async function fetchOne(location: { protocol: TrustListProtocol; host: string; port: number; name: string }, out: string, force: boolean,
  options: { timeoutMs: number; retries: number; packetTimeoutMs?: number }): Promise<{ ok: boolean; text: string }> {
  const { name } = location;
  const path = join(out, name);
  const exists = `${serverText(path, 400)} exists (use --force to overwrite)`;
  if (!force && existsSync(path)) return { ok: false, text: `FAIL ${name} ${exists}` };
  let bytes: Uint8Array;
  try {
    bytes = await fetchTrustList(location, options);
  } catch (e) {
    // Server error messages are attacker-controlled: FetchError escapes them, and we escape again for anything else.
    const why = e instanceof FetchError ? `${e.code}: ${e.message}` : (e as Error).message;
    return { ok: false, text: `FAIL ${name} ${serverText(why, 400)}` };
  }
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(path, bytes, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { ok: false, text: `FAIL ${name} ${exists}` };
    return { ok: false, text: `FAIL ${name} ${serverText(`cannot write ${path}: ${code ?? (e as Error).message}`, 400)}` };
  }
  const md5 = createHash('md5').update(bytes).digest('hex');
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  return { ok: true, text: `OK   ${name} ${bytes.length} bytes md5=${md5} sha1=${sha1} -> ${serverText(path, 400)}` };
}

function number(option: string, text: string, min: number, max: number): number {
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new FetchUsageError(`${option} must be a number from ${min} to ${max}, not "${serverText(text, 40)}"`);
  return n;
}

function integer(option: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new FetchUsageError(`${option} must be an integer from ${min} to ${max}, not "${serverText(text, 40)}"`);
  return n;
}
