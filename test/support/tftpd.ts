// Debian's tftpd-hpa (`in.tftpd`) on 127.0.0.1 and a free UDP port, serving one folder, for tests against a
// real TFTP server. Started in the foreground and stopped by its process id.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tftpGet } from '../../src/node/tftp';

export const IN_TFTPD = '/usr/sbin/in.tftpd';

/** Why the real-server tests cannot run here, or undefined when they can. */
export function tftpdUnavailable(): string | undefined {
  if (!existsSync(IN_TFTPD)) return `${IN_TFTPD} not installed (apt-get install tftpd-hpa; .ci/run does)`;
  if (process.getuid?.() !== 0) return 'in.tftpd --secure needs root (chroot); CI runs as root';
  return undefined;
}

export interface Tftpd {
  port: number;
  pid: number;
  stop(): void;
}

/** A free UDP port: bind to port 0, read it, close. */
export async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = s.address();
  await new Promise<void>(r => s.close(() => r()));
  return port;
}

export async function startTftpd(dir: string): Promise<Tftpd> {
  const probe = '.probe';
  writeFileSync(join(dir, probe), 'ready');
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freeUdpPort();
    const child: ChildProcess = spawn(IN_TFTPD, ['--foreground', '--address', `127.0.0.1:${port}`, '--user', 'root', '--secure', dir],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
    let exited = false;
    child.once('exit', () => { exited = true; });
    const stop = () => { if (!exited && child.pid) { try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ } } };
    // Ready when it serves the probe file: at most 40 tries of 100 ms.
    for (let i = 0; i < 40 && !exited; i++) {
      try {
        await tftpGet('127.0.0.1', probe, { port, packetTimeoutMs: 100, retries: 0, totalTimeoutMs: 500 });
        return { port, pid: child.pid!, stop };
      } catch { /* not yet */ }
    }
    stop();
    if (!/address already in use/i.test(stderr) && attempt === 4) throw new Error(`in.tftpd did not start: ${stderr.trim()}`);
  }
  throw new Error('in.tftpd did not start on a free port');
}
