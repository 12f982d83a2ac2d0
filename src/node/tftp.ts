// A TFTP read-request client (RFC 1350, octet mode) with the option extension (RFC 2347: blksize RFC 2348,
// tsize RFC 2349), as CUCM's TFTP service serves CTLFile.tlv, ITLFile.tlv and ITLSEP<MAC>.tlv on UDP 69.
//
// The rules that matter for a security tool, each tested against tftpd-hpa and a fault-injecting server:
// - TID: the first reply fixes the server's port; packets from any other address/port are answered with
//   ERROR 5 and otherwise ignored, so a third party cannot inject blocks.
// - Stop-and-wait with our own retransmission timer. A duplicate DATA is re-ACKed at most once (the server may
//   have lost our ACK); the timer, not incoming duplicates, drives everything else, so a duplicated packet can
//   never double the traffic (Sorcerer's Apprentice, RFC 1123 4.2.3.1). Old and out-of-order blocks are ignored.
// - A size cap, checked against tsize before the first block and against the bytes while receiving.
// - Every wait is bounded: a per-packet timeout, a retry count, a total time cap, an AbortSignal.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { abortReason, DEFAULT_MAX_BYTES, FetchError, hostPort, serverText } from './fetchError';

export interface TftpOptions {
  /** Server port. Default 69. */
  port?: number;
  /** Block size to ask for (8–65464), or false to not ask. Default 1428 (fits a 1500-byte Ethernet MTU). */
  blksize?: number | false;
  /** Ask for the transfer size (tsize), so an oversized file is refused before its first block. Default true. */
  tsize?: boolean;
  /** How long to wait for an answer before sending the last packet again. Default 1000 ms. */
  packetTimeoutMs?: number;
  /** How often to send a packet again before giving up. Default 5. */
  retries?: number;
  /** Cap on the whole transfer. Default 30 000 ms. */
  totalTimeoutMs?: number;
  /** Largest file accepted. Default 1 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
}

const OP = { RRQ: 1, WRQ: 2, DATA: 3, ACK: 4, ERROR: 5, OACK: 6 } as const;
const DEFAULT_BLKSIZE = 1428;
const MAX_BLKSIZE = 65464;

/** Internal: the server answered our options with ERROR 8; tftpGet asks once more without options. */
class OptionsRefused extends Error {}

/** Fetches `name` from a TFTP server by a read request in octet mode. Rejects with FetchError (or AbortError). */
export async function tftpGet(host: string, name: string, options: TftpOptions = {}): Promise<Uint8Array> {
  const o = {
    port: options.port ?? 69,
    blksize: options.blksize ?? DEFAULT_BLKSIZE,
    tsize: options.tsize ?? true,
    packetTimeoutMs: options.packetTimeoutMs ?? 1000,
    retries: options.retries ?? 5,
    totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    signal: options.signal,
  };
  if (o.blksize !== false && !(Number.isInteger(o.blksize) && o.blksize >= 8 && o.blksize <= MAX_BLKSIZE)) {
    throw new RangeError(`blksize must be an integer from 8 to ${MAX_BLKSIZE}`);
  }
  if (!(Number.isInteger(o.port) && o.port > 0 && o.port < 65536)) throw new RangeError(`invalid port ${o.port}`);
  if (!(Number.isInteger(o.retries) && o.retries >= 0)) throw new RangeError('retries must be a non-negative integer');
  if (o.signal?.aborted) throw abortReason(o.signal);
  const deadline = Date.now() + o.totalTimeoutMs;
  const address = await bounded(resolve(host, o.port, name), deadline, o.signal,
    () => new FetchError('timeout', `timed out after ${o.totalTimeoutMs} ms resolving ${host} to fetch ${name} from ${hostPort(host, o.port)} (TFTP)`));
  try {
    return await transfer(host, address, name, o, deadline);
  } catch (e) {
    if (!(e instanceof OptionsRefused)) throw e;
    return transfer(host, address, name, { ...o, blksize: false, tsize: false }, deadline);
  }
}

async function resolve(host: string, port: number, name: string): Promise<{ address: string; family: 4 | 6 }> {
  const family = isIP(host);
  if (family) return { address: host, family: family as 4 | 6 };
  try {
    const r = await lookup(host);
    return { address: r.address, family: r.family === 6 ? 6 : 4 };
  } catch (e) {
    throw new FetchError('network', `cannot resolve ${host} to fetch ${name} from ${hostPort(host, port)} (TFTP): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A promise that also ends at the deadline or on abort (a DNS lookup cannot be cancelled, only abandoned). */
function bounded<T>(p: Promise<T>, deadline: number, signal: AbortSignal | undefined, late: () => FetchError): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(late()), Math.max(0, deadline - Date.now()));
    const onAbort = () => reject(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    p.then(resolvePromise, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

type Resolved = Required<Omit<TftpOptions, 'signal'>> & { signal: AbortSignal | undefined };

function transfer(host: string, server: { address: string; family: 4 | 6 }, name: string, o: Resolved, deadline: number): Promise<Uint8Array> {
  const where = `${name} from ${hostPort(host, o.port)} (TFTP)`;
  return new Promise<Uint8Array>((resolvePromise, reject) => {
    const socket: Socket = createSocket(server.family === 6 ? 'udp6' : 'udp4');
    const asked = { blksize: o.blksize !== false, tsize: o.tsize };
    let peer: RemoteInfo | undefined;   // the server's TID, fixed by its first reply
    let blksize = 512;                  // until an OACK says otherwise
    let oack = false;
    let acked = 0;                      // last block number ACKed (16 bits); 0 = the RRQ or the OACK
    let count = 0;                      // blocks received
    let reAckedAt = -1;                 // `count` when we last re-ACKed a duplicate: at most once per block
    let received = 0;
    const chunks: Uint8Array[] = [];
    let last: Buffer;                   // the packet the timer sends again
    let attempts = 0;
    let timer: NodeJS.Timeout | undefined;
    let done = false;

    const total = setTimeout(() => fail(new FetchError('timeout', `timed out after ${o.totalTimeoutMs} ms fetching ${where}`)), Math.max(0, deadline - Date.now()));
    const onAbort = () => {
      if (peer) send(error(0, 'Transfer cancelled'), peer);
      fail(abortReason(o.signal!));
    };
    o.signal?.addEventListener('abort', onAbort, { once: true });

    function finish(): void {
      done = true;
      clearTimeout(timer);
      clearTimeout(total);
      o.signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('message');
      // Close after pending sends (the final ACK, an ERROR) have left.
      setImmediate(() => { try { socket.close(); } catch { /* already closed */ } });
    }
    function fail(e: unknown): void {
      if (done) return;
      finish();
      reject(e);
    }
    function send(packet: Buffer, to: { address: string; port: number }): void {
      socket.send(packet, to.port, to.address, err => {
        if (err) fail(new FetchError('network', `cannot send to ${hostPort(host, o.port)} fetching ${where}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
      });
    }
    /** Sends a packet that expects an answer, and (re)arms the retransmission timer. */
    function progress(packet: Buffer): void {
      last = packet;
      attempts = 0;
      send(packet, peer ?? { address: server.address, port: o.port });
      arm();
    }
    function arm(): void {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (done) return;
        if (attempts >= o.retries) {
          const tries = `${o.retries + 1} tries of ${o.packetTimeoutMs} ms`;
          fail(new FetchError('timeout', peer
            ? `transfer stalled after block ${count} (${received} bytes) fetching ${where}: no answer after ${tries}`
            : `no answer fetching ${where} after ${tries}`));
          return;
        }
        attempts++;
        send(last, peer ?? { address: server.address, port: o.port });
        arm();
      }, o.packetTimeoutMs);
    }
    function protocol(detail: string, reply = true): void {
      if (reply && peer) send(error(4, 'Illegal TFTP operation'), peer);
      fail(new FetchError('protocol', `protocol error fetching ${where}: ${detail}`));
    }

    socket.on('error', err => fail(new FetchError('network', `network error fetching ${where}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    socket.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
      if (done) return;
      if (peer ? rinfo.address !== peer.address || rinfo.port !== peer.port : rinfo.address !== server.address) {
        send(error(5, 'Unknown transfer ID'), rinfo);
        return;
      }
      peer ??= rinfo;
      if (msg.length < 2) return protocol(`a ${msg.length}-byte packet`);
      const op = msg.readUInt16BE(0);
      switch (op) {
        case OP.ERROR: {
          const code = msg.length >= 4 ? msg.readUInt16BE(2) : 0;
          const end = msg.indexOf(0, 4);
          const text = serverText(msg.subarray(4, end < 0 ? msg.length : end).toString('latin1'));
          if (code === 8 && count === 0 && !oack && (asked.blksize || asked.tsize)) return fail(new OptionsRefused());
          return fail(errorFor(code, text, name, where, host, o.port));
        }
        case OP.OACK: {
          if (count > 0 || !(asked.blksize || asked.tsize)) return protocol('an unexpected OACK');
          if (oack) return reAck();               // our ACK 0 was lost
          const fields = msg.subarray(2).toString('latin1').split('\0');
          if (fields.pop() !== '' || fields.length % 2) return protocol('a malformed OACK');
          for (let i = 0; i < fields.length; i += 2) {
            const key = fields[i]!.toLowerCase();
            const value = fields[i + 1]!;
            const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
            if (key === 'blksize' && asked.blksize && n >= 8 && n <= (o.blksize as number)) blksize = n;
            else if (key === 'tsize' && asked.tsize && Number.isFinite(n)) {
              if (n > o.maxBytes) {
                send(error(8, 'File too large'), peer);
                return fail(tooLarge(`the server announces ${n} bytes (tsize)`));
              }
            } else {
              send(error(8, 'Option not requested'), peer);
              return fail(new FetchError('protocol', `protocol error fetching ${where}: the server answered option "${serverText(key, 40)}" = "${serverText(value, 40)}"`));
            }
          }
          oack = true;
          return progress(ack(0));
        }
        case OP.DATA: {
          if (msg.length < 4) return protocol('a DATA packet without a block number');
          const block = msg.readUInt16BE(2);
          const data = msg.subarray(4);
          if (block === acked && (count > 0 || oack)) return reAck();
          // Past block 65535 servers roll over to 0 (tftpd-hpa) or to 1: accept either.
          const next = acked === 65535 ? block === 0 || block === 1 : block === acked + 1;
          if (!next) return;                     // old or out of order: ignore
          if (data.length > blksize) return protocol(`block ${block} holds ${data.length} bytes, more than the block size ${blksize}`);
          if (received + data.length > o.maxBytes) {
            send(error(3, 'File too large'), peer);
            return fail(tooLarge(`more than ${o.maxBytes} bytes received`));
          }
          received += data.length;
          chunks.push(data);
          acked = block;
          count++;
          if (data.length < blksize) {
            send(ack(block), peer);
            finish();
            return resolvePromise(concat(chunks, received));
          }
          return progress(ack(block));
        }
        default:
          return protocol(`unexpected opcode ${op}`);
      }
    });

    function reAck(): void {
      if (reAckedAt === count) return;
      reAckedAt = count;
      send(ack(acked), peer!);
    }
    function tooLarge(why: string): FetchError {
      return new FetchError('too-large', `${name} on ${hostPort(host, o.port)} (TFTP) is too large for a trust list: ${why}, the limit is ${o.maxBytes}`);
    }

    progress(rrq(name, o.blksize, o.tsize));
  });
}

function errorFor(code: number, text: string, name: string, where: string, host: string, port: number): FetchError {
  const said = text ? `: "${text}"` : '';
  switch (code) {
    case 1: return new FetchError('not-found', `file ${name} not found on ${hostPort(host, port)} (TFTP error 1${said})`);
    case 2: return new FetchError('refused', `access to ${name} denied by ${hostPort(host, port)} (TFTP error 2${said})`);
    case 4: case 5: return new FetchError('protocol', `the server reported a protocol error fetching ${where} (TFTP error ${code}${said})`);
    default: return new FetchError('refused', `the server refused ${where} (TFTP error ${code}${said})`);
  }
}

function rrq(name: string, blksize: number | false, tsize: boolean): Buffer {
  const parts = [name, 'octet'];
  if (blksize !== false) parts.push('blksize', String(blksize));
  if (tsize) parts.push('tsize', '0');
  return Buffer.concat([u16(OP.RRQ), Buffer.from(`${parts.join('\0')}\0`, 'latin1')]);
}
const ack = (block: number) => Buffer.concat([u16(OP.ACK), u16(block)]);
const error = (code: number, text: string) => Buffer.concat([u16(OP.ERROR), u16(code), Buffer.from(`${text}\0`, 'latin1')]);

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
