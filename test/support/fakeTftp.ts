// A scriptable TFTP server on 127.0.0.1 for the faults a real server does not produce on demand: lost DATA or
// ACK, duplicated packets, a stranger's packet from another port, ERROR replies, silence, lies about tsize,
// garbage. It is a correct stop-and-wait sender (one transfer socket per request, its own retransmission timer,
// duplicate ACKs ignored) and records what it saw so tests can count packets instead of timing them.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

export interface Rrq {
  name: string;
  mode: string;
  options: Record<string, string>;
}

export interface FakeTftpScript {
  /** The file for a name; undefined answers ERROR 1. */
  file: (name: string) => Uint8Array | undefined;
  /** Answer blksize/tsize with an OACK. Default true; false acts like a plain RFC 1350 server. */
  options?: boolean;
  /** The tsize to announce (default the real size). */
  tsize?: number;
  /**
   * Skip sending block `seq` (1-based, not wrapped; 0 is the OACK) on this attempt (0 = first send) of the
   * `transfer`th transfer (0-based: each read request starts one, as in real servers).
   */
  dropData?: (seq: number, attempt: number, transfer: number) => boolean;
  /** Pretend the nth (0-based) arrival of the ACK for block `seq` was lost. */
  dropAck?: (seq: number, nth: number) => boolean;
  /**
   * Send the current block again when the previous block's ACK arrives again (RFC 1350's original reading;
   * lets a test see that the client's retransmitted ACK, not the server's timer, recovered a lost DATA).
   */
  resendOnRepeatedAck?: boolean;
  /** Send every DATA packet twice. */
  duplicateData?: boolean;
  /** Before block `seq` first goes out, a stranger's socket sends a forged full-size DATA with that block number. */
  foreignBeforeBlock?: number;
  /** Replaces the whole transfer: the packet to answer the RRQ with, or 'silent'. */
  reply?: (rrq: Rrq) => Buffer | 'silent';
  /** Server retransmission timeout (default 50 ms) and retries (default 20). */
  timeoutMs?: number;
  retries?: number;
}

export interface FakeTftpStats {
  rrqs: Rrq[];
  /** DATA packets sent, by seq. */
  dataSent: Map<number, number>;
  /** DATA packets dropped on purpose, by seq. */
  dataDropped: Map<number, number>;
  /** Repeated ACKs of the previous block received while waiting for the ACK of seq, by seq. */
  repeatedAcks: Map<number, number>;
  /** ACKs received, by seq (after wrap the wire number is mapped back to the current seq). */
  acks: Map<number, number>;
  /** ERROR packets the client sent to a transfer socket. */
  errors: { code: number; message: string }[];
  /** What the stranger's socket got back. */
  foreignReplies: Buffer[];
  completed: number;
}

export interface FakeTftp {
  port: number;
  stats: FakeTftpStats;
  close(): Promise<void>;
}

export async function startFakeTftp(script: FakeTftpScript): Promise<FakeTftp> {
  const stats: FakeTftpStats = { rrqs: [], dataSent: new Map(), dataDropped: new Map(), repeatedAcks: new Map(), acks: new Map(), errors: [], foreignReplies: [], completed: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const main = await bound();

  main.on('message', (msg, client) => {
    if (msg.readUInt16BE(0) !== 1) return;
    const parts = msg.subarray(2).toString('latin1').split('\0');
    const [name = '', mode = ''] = parts;
    const options: Record<string, string> = {};
    for (let i = 2; i + 1 < parts.length; i += 2) if (parts[i]) options[parts[i]!.toLowerCase()] = parts[i + 1]!;
    const rrq = { name, mode, options };
    stats.rrqs.push(rrq);
    void serve(rrq, client);
  });

  async function serve(rrq: Rrq, client: RemoteInfo): Promise<void> {
    const transfer = stats.rrqs.length - 1;
    const s = await bound();
    const to = (p: Buffer) => s.send(p, client.port, client.address);
    if (script.reply) {
      const r = script.reply(rrq);
      if (r !== 'silent') to(r);
      return;
    }
    const file = script.file(rrq.name);
    if (!file) return to(errorPacket(1, 'File not found'));
    let bs = 512;
    const oack: string[] = [];
    if (script.options !== false) {
      if (rrq.options.blksize) {
        bs = Math.min(Number(rrq.options.blksize), 65464);
        oack.push('blksize', String(bs));
      }
      if (rrq.options.tsize !== undefined) oack.push('tsize', String(script.tsize ?? file.length));
    }
    const blocks = Math.floor(file.length / bs) + 1;
    let seq = oack.length ? 0 : 1;            // 0 = waiting for the ACK of the OACK
    let attempt = 0;
    let timer: NodeJS.Timeout | undefined;
    const ackCount = new Map<number, number>();

    const packetFor = (n: number) => n === 0
      ? Buffer.concat([u16(6), Buffer.from(`${oack.join('\0')}\0`, 'latin1')])
      : Buffer.concat([u16(3), u16(n & 0xffff), Buffer.from(file.subarray((n - 1) * bs, n * bs))]);
    const transmit = () => {
      clearTimeout(timer);
      if (timer) timers.delete(timer);
      if (attempt > (script.retries ?? 20)) return;
      if (seq > 0 && attempt === 0 && script.foreignBeforeBlock === seq) void foreign(seq, bs, client);
      if (script.dropData?.(seq, attempt, transfer)) stats.dataDropped.set(seq, (stats.dataDropped.get(seq) ?? 0) + 1);
      else {
        const p = packetFor(seq);
        to(p);
        if (seq > 0) stats.dataSent.set(seq, (stats.dataSent.get(seq) ?? 0) + 1);
        if (seq > 0 && script.duplicateData) {
          to(p);
          stats.dataSent.set(seq, (stats.dataSent.get(seq) ?? 0) + 1);
        }
      }
      attempt++;
      timer = setTimeout(transmit, script.timeoutMs ?? 50);
      timers.add(timer);
    };
    s.on('message', (msg, from) => {
      if (from.port !== client.port || msg.length < 4) return;
      const op = msg.readUInt16BE(0);
      if (op === 5) {
        clearTimeout(timer);
        const end = msg.indexOf(0, 4);
        stats.errors.push({ code: msg.readUInt16BE(2), message: msg.subarray(4, end < 0 ? undefined : end).toString('latin1') });
        return;
      }
      if (op !== 4) return;
      const block = msg.readUInt16BE(2);
      if (seq > 0 && block === ((seq - 1) & 0xffff)) {
        stats.repeatedAcks.set(seq, (stats.repeatedAcks.get(seq) ?? 0) + 1);
        if (script.resendOnRepeatedAck) {
          to(packetFor(seq));
          stats.dataSent.set(seq, (stats.dataSent.get(seq) ?? 0) + 1);
        }
        return;
      }
      if (block !== (seq & 0xffff)) return;    // any other stale ACK: a correct sender ignores it
      const nth = ackCount.get(seq) ?? 0;
      ackCount.set(seq, nth + 1);
      stats.acks.set(seq, (stats.acks.get(seq) ?? 0) + 1);
      if (script.dropAck?.(seq, nth)) return;
      if (seq === blocks) {
        clearTimeout(timer);
        stats.completed++;
        return;
      }
      seq++;
      attempt = 0;
      transmit();
    });
    transmit();
  }

  async function foreign(seq: number, bs: number, client: RemoteInfo): Promise<void> {
    const f = await bound();
    f.on('message', m => stats.foreignReplies.push(m));
    f.send(Buffer.concat([u16(3), u16(seq & 0xffff), Buffer.alloc(bs, 0x41)]), client.port, client.address);
  }

  async function bound(): Promise<Socket> {
    const s = createSocket('udp4');
    sockets.add(s);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.bind(0, '127.0.0.1', () => resolve());
    });
    return s;
  }

  return {
    port: main.address().port,
    stats,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await Promise.all([...sockets].map(s => new Promise<void>(r => { try { s.close(() => r()); } catch { r(); } })));
    },
  };
}

export function errorPacket(code: number, message: string): Buffer {
  return Buffer.concat([u16(5), u16(code), Buffer.from(`${message}\0`, 'latin1')]);
}

export function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
