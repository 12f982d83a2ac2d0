// The TFTP and HTTP clients: against Debian's tftpd-hpa (the real thing), against a fault-injecting UDP server
// (lost, duplicated, forged and garbage packets, silence, oversized files) and against a local HTTP server.
// Every test has its own timeout; assertions count packets, never time them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster } from '../support/cluster';
import { errorPacket, startFakeTftp, u16, type FakeTftpScript } from '../support/fakeTftp';
import { startTftpd, tftpdUnavailable, type Tftpd } from '../support/tftpd';
import { tftpGet } from '../../src/node/tftp';
import { httpGet } from '../../src/node/httpFetch';
import { FetchError } from '../../src/node/fetchError';
import { fetchTrustList, formatLocation, locationFromParts, LocationError, normalizeMac, parseLocation, parseTrustListName } from '../../src/node/source';
import { FetchUsageError, runFetch } from '../../src/cli/fetchCommand';

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
const T = { timeout: 20_000 };
const FAST = { packetTimeoutMs: 100, retries: 3, totalTimeoutMs: 5_000 };

/** An ITL of the publisher plus 31 subscribers' CCM+TFTP records: 35 records, about 60 KB, like a big cluster. */
function bigItl(): Uint8Array {
  const cluster = makeCluster();
  const spec = itl(cluster);
  const roles = ['callManager', 'itlRecovery', 'capf', 'tvs', 'subscriber'] as const;
  for (let i = 0; i < 31; i++) {
    spec.records.push({ cert: cluster.certs[roles[i % roles.length]!], role: 'CCM+TFTP', dnsName: `cucm-sub${i + 2}`, ip: `10.10.10.${20 + i}` });
  }
  return buildTrustList(spec);
}

async function rejection(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FetchError, `expected a FetchError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

/** Waits for a packet the server has yet to read: at most 50 checks 10 ms apart. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) await new Promise(r => setTimeout(r, 10));
}

const ITL = bigItl();
const CTL = randomBytes(3000);

describe('names and locations', () => {
  it('parses tftp, http and the VS Code schemes, with default ports', () => {
    assert.deepEqual(parseLocation('tftp://10.0.0.1/CTLFile.tlv'), { protocol: 'tftp', host: '10.0.0.1', port: 69, name: 'CTLFile.tlv' });
    assert.deepEqual(parseLocation('http://cucm-pub:8080/ITLFile.tlv'), { protocol: 'http', host: 'cucm-pub', port: 8080, name: 'ITLFile.tlv' });
    assert.deepEqual(parseLocation('http://cucm-pub/ITLFile.tlv'), { protocol: 'http', host: 'cucm-pub', port: 6970, name: 'ITLFile.tlv' });
    assert.deepEqual(parseLocation('http://cucm-pub:80/ITLFile.tlv'), { protocol: 'http', host: 'cucm-pub', port: 80, name: 'ITLFile.tlv' });
    assert.deepEqual(parseLocation('cucm-tftp://[::1]:1069/ITLSEP001122AABBCC.tlv'), { protocol: 'tftp', host: '::1', port: 1069, name: 'ITLSEP001122AABBCC.tlv' });
    assert.deepEqual(parseLocation('cucm-http://h/CTL%46ile.tlv'), { protocol: 'http', host: 'h', port: 6970, name: 'CTLFile.tlv' });
    assert.equal(formatLocation(parseLocation('cucm-tftp://[::1]/x.tlv'), true), 'cucm-tftp://[::1]:69/x.tlv');
    assert.deepEqual(locationFromParts('cucm-tftp', '10.0.0.1:1069', '/ITLFile.tlv'), { protocol: 'tftp', host: '10.0.0.1', port: 1069, name: 'ITLFile.tlv' });
    assert.throws(() => locationFromParts('cucm-tftp', '10.0.0.1', '/a/b.tlv'), LocationError);
  });

  it('refuses other schemes, paths and unsafe names', () => {
    for (const bad of ['ftp://h/x.tlv', 'tftp://h/../etc/passwd', 'tftp://h/a/b.tlv', 'tftp://h/%2e%2e', 'tftp://h/a%2Fb',
      'tftp://h/', 'tftp://h:0/x', 'tftp://h:70000/x', 'tftp://h/x%0a.tlv', 'tftp://user@h/x', 'h/x.tlv', 'tftp://h/.hidden']) {
      assert.throws(() => parseLocation(bad), LocationError, bad);
    }
  });

  it('turns a MAC in any usual form into ITLSEP<MAC>.tlv, upper-cased', () => {
    for (const mac of ['00:11:22:AA:bb:cc', '0011.22aa.bbcc', '00-11-22-aa-bb-cc', '001122aabbcc', 'SEP001122AABBCC']) {
      assert.equal(normalizeMac(mac), '001122AABBCC', mac);
      assert.equal(parseTrustListName(mac), 'ITLSEP001122AABBCC.tlv', mac);
    }
    assert.equal(parseTrustListName('00:11:22:aa:bb:cc', 'CTL'), 'CTLSEP001122AABBCC.tlv');
    assert.equal(parseTrustListName('itlsep001122aabbcc.tlv'), 'ITLSEP001122AABBCC.tlv');
    assert.equal(parseTrustListName('CTLFile.tlv'), 'CTLFile.tlv');
    for (const bad of ['00:11:22:aa:bb', '00:11-22:aa:bb:cc', '0011.22aa.bbc', '00112233445g', '001122aabbccdd']) {
      assert.throws(() => normalizeMac(bad), /not a MAC address/, bad);
    }
    assert.throws(() => parseTrustListName('../CTLFile.tlv'), /unsafe trust-list file name/);
    assert.throws(() => parseTrustListName('CTL\u202eFile.tlv'), e => e instanceof LocationError && e.message.includes('\\u{202E}') && !e.message.includes('\u202e'));
  });
});

describe('TFTP against tftpd-hpa', { skip: tftpdUnavailable() }, () => {
  let dir: string;
  let server: Tftpd;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tlv-tftpd-'));
    writeFileSync(join(dir, 'ITLFile.tlv'), ITL);
    writeFileSync(join(dir, 'CTLFile.tlv'), CTL);
    writeFileSync(join(dir, 'Exact.tlv'), randomBytes(1428 * 3));   // a multiple of the block size: ends with an empty block
    server = await startTftpd(dir);
  });
  after(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches a ~60 KB ITL with 35 records with blksize 1428', T, async () => {
    assert.ok(ITL.length > 50_000 && ITL.length < 80_000, `ITL is ${ITL.length} bytes`);
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: server.port, ...FAST });
    assert.equal(got.length, ITL.length);
    assert.equal(sha1(got), sha1(ITL));
  });

  it('fetches with plain 512-byte blocks when not asking for options', T, async () => {
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: server.port, blksize: false, tsize: false, ...FAST });
    assert.equal(sha1(got), sha1(ITL));
  });

  it('fetches with tsize only, a small blksize, and a file that is a multiple of the block size', T, async () => {
    assert.equal(sha1(await tftpGet('127.0.0.1', 'CTLFile.tlv', { port: server.port, blksize: false, ...FAST })), sha1(CTL));
    assert.equal(sha1(await tftpGet('127.0.0.1', 'CTLFile.tlv', { port: server.port, blksize: 8, ...FAST })), sha1(CTL));
    const exact = readFileSync(join(dir, 'Exact.tlv'));
    assert.equal(sha1(await tftpGet('127.0.0.1', 'Exact.tlv', { port: server.port, ...FAST })), sha1(exact));
  });

  it('maps ERROR 1 to not-found, naming host, port and file', T, async () => {
    const e = await rejection(tftpGet('127.0.0.1', 'ITLSEP001122AABBCC.tlv', { port: server.port, ...FAST }));
    assert.equal(e.code, 'not-found');
    assert.match(e.message, new RegExp(`ITLSEP001122AABBCC\\.tlv not found on 127\\.0\\.0\\.1:${server.port}`));
  });

  it('refuses a file over the cap by tsize, and without tsize while receiving', T, async () => {
    const byTsize = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: server.port, maxBytes: 10_000, ...FAST }));
    assert.equal(byTsize.code, 'too-large');
    assert.match(byTsize.message, /announces \d+ bytes \(tsize\)/);
    const counted = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: server.port, maxBytes: 10_000, tsize: false, ...FAST }));
    assert.equal(counted.code, 'too-large');
    assert.match(counted.message, /more than 10000 bytes received/);
  });

  it('fetchTrustList takes a tftp:// and a cucm-tftp:// location', T, async () => {
    assert.equal(sha1(await fetchTrustList(`tftp://127.0.0.1:${server.port}/ITLFile.tlv`, { packetTimeoutMs: 100 })), sha1(ITL));
    assert.equal(sha1(await fetchTrustList(`cucm-tftp://127.0.0.1:${server.port}/CTLFile.tlv`, { packetTimeoutMs: 100 })), sha1(CTL));
  });

  describe('tlv-trust fetch', () => {
    it('writes the files and prints name, bytes, md5 and sha1; exit 1 when one is missing', T, async () => {
      const out = join(dir, 'out');
      const lines: string[] = [];
      const code = await runFetch(['127.0.0.1', 'ITLFile.tlv', 'CTLFile.tlv', '--port', String(server.port), '--out', out], s => lines.push(s), { packetTimeoutMs: 100 });
      assert.equal(code, 0, lines.join(''));
      assert.equal(sha1(readFileSync(join(out, 'ITLFile.tlv'))), sha1(ITL));
      assert.equal(sha1(readFileSync(join(out, 'CTLFile.tlv'))), sha1(CTL));
      const md5 = createHash('md5').update(ITL).digest('hex');
      assert.equal(lines[0], `OK   ITLFile.tlv ${ITL.length} bytes md5=${md5} sha1=${sha1(ITL)} -> ${join(out, 'ITLFile.tlv')}\n`);

      const missing: string[] = [];
      assert.equal(await runFetch(['127.0.0.1', '00:11:22:aa:bb:cc', '--port', String(server.port), '--out', out], s => missing.push(s), { packetTimeoutMs: 100 }), 1);
      assert.match(missing[0]!, /^FAIL ITLSEP001122AABBCC\.tlv not-found: file ITLSEP001122AABBCC\.tlv not found on 127\.0\.0\.1:\d+/);
      assert.equal(existsSync(join(out, 'ITLSEP001122AABBCC.tlv')), false);
    });

    it('refuses to overwrite without --force', T, async () => {
      const out = join(dir, 'out2');
      const args = ['127.0.0.1', 'CTLFile.tlv', '--port', String(server.port), '--out', out];
      assert.equal(await runFetch(args, () => undefined), 0);
      writeFileSync(join(out, 'CTLFile.tlv'), 'mine');
      const lines: string[] = [];
      assert.equal(await runFetch(args, s => lines.push(s)), 1);
      assert.match(lines[0]!, /^FAIL CTLFile\.tlv .*CTLFile\.tlv exists \(use --force to overwrite\)/);
      assert.equal(readFileSync(join(out, 'CTLFile.tlv'), 'utf8'), 'mine');
      assert.equal(await runFetch([...args, '--force'], () => undefined), 0);
      assert.equal(sha1(readFileSync(join(out, 'CTLFile.tlv'))), sha1(CTL));
    });
  });
});

describe('tlv-trust fetch arguments', () => {
  it('an unknown option, a bad number or a bad name is a usage error naming it', async () => {
    await assert.rejects(runFetch(['h', 'CTLFile.tlv', '--bogus'], () => undefined), e => e instanceof FetchUsageError && /--bogus/.test(e.message));
    await assert.rejects(runFetch(['h', 'CTLFile.tlv', '--port', 'x'], () => undefined), e => e instanceof FetchUsageError && /--port/.test(e.message));
    await assert.rejects(runFetch(['h'], () => undefined), FetchUsageError);
    await assert.rejects(runFetch(['h', '../x'], () => undefined), e => e instanceof FetchUsageError && /unsafe/.test(e.message));
  });
});

describe('TFTP faults (scripted server)', () => {
  const file = bigItl().subarray(0, 20_000);   // 14 blocks of 1428
  const servers: { close(): Promise<void> }[] = [];
  const start = async (script: Partial<FakeTftpScript>) => {
    const s = await startFakeTftp({ file: n => (n === 'ITLFile.tlv' ? file : undefined), ...script });
    servers.push(s);
    return s;
  };
  after(async () => { await Promise.all(servers.map(s => s.close())); });

  it('recovers from lost DATA: the client sends its ACK again and the bytes are identical', T, async () => {
    // The server's own timer is 10 s: only the client's repeated ACK can bring the lost blocks back.
    const s = await start({ dropData: (seq, attempt) => (seq === 3 || seq === 7) && attempt === 0, timeoutMs: 10_000, resendOnRepeatedAck: true });
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, ...FAST });
    assert.equal(sha1(got), sha1(file));
    assert.equal(s.stats.dataDropped.get(3), 1);
    assert.ok((s.stats.repeatedAcks.get(3) ?? 0) >= 1, 'the client sent ACK 2 again');
    assert.ok((s.stats.repeatedAcks.get(7) ?? 0) >= 1, 'the client sent ACK 6 again');
    // And with a server that ignores repeated ACKs and resends on its own (50 ms) timer, twice lost:
    const timerOnly = await start({ dropData: (seq, attempt) => seq === 5 && attempt < 2 });
    assert.equal(sha1(await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: timerOnly.port, ...FAST })), sha1(file));
    assert.equal(timerOnly.stats.dataDropped.get(5), 2);
  });

  it('recovers from lost ACKs: a repeated DATA is ACKed again', T, async () => {
    const s = await start({ dropAck: (seq, nth) => (seq === 0 || seq === 2 || seq === 14) && nth === 0 });
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, ...FAST });
    assert.equal(sha1(got), sha1(file));
    assert.ok((s.stats.dataSent.get(2) ?? 0) >= 2, 'DATA 2 was sent again');
    assert.ok((s.stats.acks.get(2) ?? 0) >= 2, 'and ACKed again');
  });

  it('duplicated DATA: each duplicate is re-ACKed at most once, no Sorcerer\'s Apprentice doubling', T, async () => {
    // A server with the Sorcerer's Apprentice bug (it resends on every repeated ACK) that also duplicates every
    // DATA: a client re-ACKing every duplicate would make each block cost more packets than the last.
    const s = await start({ duplicateData: true, resendOnRepeatedAck: true, timeoutMs: 10_000 });
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, ...FAST });
    assert.equal(sha1(got), sha1(file));
    const blocks = Math.floor(file.length / 1428) + 1;
    for (let seq = 1; seq <= blocks; seq++) {
      assert.ok((s.stats.dataSent.get(seq) ?? 0) <= 3, `block ${seq} sent ${s.stats.dataSent.get(seq)} times`);
      assert.ok((s.stats.repeatedAcks.get(seq) ?? 0) <= 1, `ACK ${seq - 1} repeated ${s.stats.repeatedAcks.get(seq)} times`);
    }
    await eventually(() => s.stats.completed > 0);
    assert.equal(s.stats.completed, 1, 'the final ACK reached the server');
  });

  it('a lost OACK: the repeated request starts a second transfer, the first one gets ERROR 5', T, async () => {
    // Transfer 0 loses its first two OACKs, so the client repeats the request; transfer 1 then stalls on block 5
    // long enough for transfer 0's later OACKs to reach the client mid-transfer.
    const s = await start({
      dropData: (seq, attempt, transfer) => (transfer === 0 && seq === 0 && attempt < 2) || (transfer === 1 && seq === 5 && attempt < 5),
      timeoutMs: 60,
    });
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, ...FAST, retries: 10 });
    assert.equal(sha1(got), sha1(file));
    assert.equal(s.stats.rrqs.length, 2);
    await eventually(() => s.stats.errors.length > 0);
    assert.deepEqual(s.stats.errors.map(e => [e.code, e.message]), [[5, 'Unknown transfer ID']]);
  });

  it('a forged DATA from a foreign port is ignored and answered with ERROR 5', T, async () => {
    const s = await start({ foreignBeforeBlock: 2 });
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, ...FAST });
    assert.equal(sha1(got), sha1(file));
    await eventually(() => s.stats.foreignReplies.length > 0);
    assert.equal(s.stats.foreignReplies.length, 1);
    assert.equal(s.stats.foreignReplies[0]!.readUInt16BE(0), 5);
    assert.equal(s.stats.foreignReplies[0]!.readUInt16BE(2), 5);
    assert.match(s.stats.foreignReplies[0]!.subarray(4).toString(), /Unknown transfer ID/);
  });

  it('ERROR packets become clear messages; the server\'s text is escaped', T, async () => {
    const notFound = await start({});
    const e1 = await rejection(tftpGet('127.0.0.1', 'ITLSEP001122AABBCC.tlv', { port: notFound.port, ...FAST }));
    assert.equal(e1.code, 'not-found');
    assert.match(e1.message, /ITLSEP001122AABBCC\.tlv not found on 127\.0\.0\.1:\d+ \(TFTP error 1: "File not found"\)/);
    const hostile = await start({ reply: () => errorPacket(2, 'Access denied\x1b[2J\r\nOK ITLFile.tlv\u009b\u202e') });
    const e2 = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: hostile.port, ...FAST }));
    assert.equal(e2.code, 'refused');
    assert.match(e2.message, /Access denied\\u\{001B\}\[2J\\u\{000D\}\\u\{000A\}OK ITLFile\.tlv\\u\{009B\}/);
    assert.doesNotMatch(e2.message, /[\x00-\x1f\x7f-\x9f]/);
  });

  it('a server that never answers gives a timeout error after the configured retries', T, async () => {
    const s = await start({ reply: () => 'silent' });
    const e = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, packetTimeoutMs: 100, retries: 2, totalTimeoutMs: 5_000 }));
    assert.equal(e.code, 'timeout');
    assert.match(e.message, new RegExp(`no answer fetching ITLFile\\.tlv from 127\\.0\\.0\\.1:${s.port} \\(TFTP\\) after 3 tries of 100 ms`));
    assert.equal(s.stats.rrqs.length, 3, 'the read request was sent 3 times');
    const capped = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, packetTimeoutMs: 100, retries: 1000, totalTimeoutMs: 300 }));
    assert.equal(capped.code, 'timeout');
    assert.match(capped.message, /timed out after 300 ms/);
  });

  it('cancellation rejects with an AbortError', T, async () => {
    const s = await start({ reply: () => 'silent' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, ...FAST, signal: controller.signal }), { name: 'AbortError' });
  });

  it('an oversized file is refused by tsize before any DATA, and by counting without tsize', T, async () => {
    const lying = await start({ tsize: 5_000_000 });
    const e1 = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: lying.port, ...FAST }));
    assert.equal(e1.code, 'too-large');
    assert.equal(lying.stats.dataSent.size, 0);
    await eventually(() => lying.stats.errors.length > 0);
    assert.deepEqual(lying.stats.errors.map(e => e.code), [8]);
    const plain = await start({ options: false });
    const e2 = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: plain.port, ...FAST, maxBytes: 5_000 }));
    assert.equal(e2.code, 'too-large');
    assert.ok(plain.stats.dataSent.size <= 10, `stopped after ${plain.stats.dataSent.size} blocks of 512`);
    await eventually(() => plain.stats.errors.length > 0);
    assert.deepEqual(plain.stats.errors.map(e => e.code), [3]);
    // A server ignoring the options answers DATA 1 directly: the client falls back to 512-byte blocks.
    assert.equal(sha1(await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: plain.port, ...FAST })), sha1(file));
  });

  it('garbage gives a protocol error, never a crash or a hang', T, async () => {
    const cases: [string, Buffer][] = [
      ['unknown opcode', Buffer.from([0xff, 0xfe, 1, 2, 3])],
      ['one byte', Buffer.from([0])],
      ['a WRQ', Buffer.concat([u16(2), Buffer.from('x\0octet\0')])],
      ['an OACK without NUL', Buffer.concat([u16(6), Buffer.from('blksize')])],
      ['an OACK with a bigger blksize', Buffer.concat([u16(6), Buffer.from('blksize\x0065464\0')])],
      ['an OACK with an unasked option', Buffer.concat([u16(6), Buffer.from('evil\0\x1b[31m\0')])],
      ['a DATA without block number', Buffer.concat([u16(3), Buffer.from([1])])],
      ['a DATA bigger than the block size', Buffer.concat([u16(3), u16(1), randomBytes(1500)])],
      ['random bytes', randomBytes(600)],
    ];
    for (const [what, packet] of cases) {
      if (what === 'random bytes') packet.writeUInt16BE(0x1234, 0);
      const s = await start({ reply: () => packet });
      const e = await rejection(tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, ...FAST }));
      assert.equal(e.code, 'protocol', `${what}: ${e.message}`);
      assert.doesNotMatch(e.message, /[\x00-\x1f]/, what);
    }
  });

  it('block numbers wrap around past 65535', { timeout: 120_000 }, async () => {
    const big = randomBytes(8 * 65_540 + 3);     // 65 541 blocks of 8 bytes
    const s = await startFakeTftp({ file: () => big });
    servers.push(s);
    const got = await tftpGet('127.0.0.1', 'ITLFile.tlv', { port: s.port, blksize: 8, ...FAST, totalTimeoutMs: 100_000 });
    assert.equal(got.length, big.length);
    assert.equal(sha1(got), sha1(big));
  });
});

describe('HTTP', () => {
  let server: Server;
  let port: number;
  before(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case '/ITLFile.tlv': res.writeHead(200, { 'content-length': ITL.length }).end(ITL); return;
        case '/Chunked.tlv': res.writeHead(200); res.write(ITL.subarray(0, 1000)); res.end(ITL.subarray(1000)); return;
        case '/Slow.tlv': return;                        // never answers
        case '/Big.tlv': {                               // no Content-Length, 2 MB streamed
          res.writeHead(200);
          let n = 0;
          const more = () => { while (n < 32 && res.write(Buffer.alloc(65536))) n++; if (n < 32) res.once('drain', more); else res.end(); };
          more();
          return;
        }
        case '/Declared.tlv': res.writeHead(200, { 'content-length': 50_000_000 }); res.write('x'); return;
        case '/Error.tlv': res.writeHead(500, 'Internal Server Error').end(); return;
        default: res.writeHead(404).end('not here');
      }
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('200 returns the body; fetchTrustList takes http:// and cucm-http://', T, async () => {
    assert.equal(sha1(await httpGet('127.0.0.1', 'ITLFile.tlv', { port })), sha1(ITL));
    assert.equal(sha1(await httpGet('127.0.0.1', 'Chunked.tlv', { port })), sha1(ITL));
    assert.equal(sha1(await fetchTrustList(`http://127.0.0.1:${port}/ITLFile.tlv`)), sha1(ITL));
    assert.equal(sha1(await fetchTrustList(`cucm-http://127.0.0.1:${port}/ITLFile.tlv`)), sha1(ITL));
  });

  it('404 is not-found, 500 is protocol with the status', T, async () => {
    const e1 = await rejection(httpGet('127.0.0.1', 'ITLSEP001122AABBCC.tlv', { port }));
    assert.equal(e1.code, 'not-found');
    assert.match(e1.message, new RegExp(`ITLSEP001122AABBCC\\.tlv not found on 127\\.0\\.0\\.1:${port} \\(HTTP 404\\)`));
    const e2 = await rejection(httpGet('127.0.0.1', 'Error.tlv', { port }));
    assert.equal(e2.code, 'protocol');
    assert.match(e2.message, /unexpected HTTP status 500 Internal Server Error fetching Error\.tlv from 127\.0\.0\.1:\d+ \(HTTP\)/);
  });

  it('a slow server times out', T, async () => {
    const e = await rejection(httpGet('127.0.0.1', 'Slow.tlv', { port, timeoutMs: 200 }));
    assert.equal(e.code, 'timeout');
    assert.match(e.message, /timed out after 200 ms fetching Slow\.tlv from 127\.0\.0\.1:\d+ \(HTTP\)/);
  });

  it('an oversized body is refused while streaming, a large Content-Length before the body', T, async () => {
    const e1 = await rejection(httpGet('127.0.0.1', 'Big.tlv', { port }));
    assert.equal(e1.code, 'too-large');
    assert.match(e1.message, /more than 1048576 bytes received/);
    const e2 = await rejection(httpGet('127.0.0.1', 'Declared.tlv', { port }));
    assert.equal(e2.code, 'too-large');
    assert.match(e2.message, /announces 50000000 bytes \(Content-Length\)/);
  });

  it('a closed port is refused; cancellation rejects with an AbortError', T, async () => {
    const e = await rejection(httpGet('127.0.0.1', 'x.tlv', { port: 1 }));
    assert.equal(e.code, 'refused');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(httpGet('127.0.0.1', 'Slow.tlv', { port, signal: controller.signal }), { name: 'AbortError' });
  });
});
