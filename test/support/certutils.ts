// Reads the `.certutils.txt` second-opinion parses that sit beside the shared fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CertutilsParse {
  header: Record<string, string>;
  records: Array<Record<string, string>>;
  /** 'valid' | 'invalid' when certutils finished; undefined when it stopped on an error. */
  signature?: 'valid' | 'invalid';
  /** certutils stopped early (crash or "Invalid certificate"): its last record may be partial. */
  stopped: boolean;
}

export function parseCertutils(text: string): CertutilsParse {
  const blocks = text.trimEnd().split(/\n\s*\n/);
  const kv = (block: string) => {
    const out: Record<string, string> = {};
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z ]+?):\s+(.*)$/.exec(line);
      if (m) out[m[1]] = m[2];
    }
    return out;
  };
  const last = text.trimEnd().split('\n').pop() ?? '';
  const signature = last === 'Valid signature' ? 'valid' : last === 'Invalid signature' ? 'invalid' : undefined;
  return {
    header: kv(blocks[0]),
    records: blocks.slice(1).map(kv).filter(r => 'Record Length' in r),
    signature,
    stopped: signature === undefined,
  };
}

/** ../shared/fixtures next to the repository (as in CI). */
export const SHARED_FIXTURES = resolve(__dirname, '../../../../shared/fixtures');

export function sharedFixtures(): Array<{ name: string; path: string; certutils: CertutilsParse }> {
  const out: Array<{ name: string; path: string; certutils: CertutilsParse }> = [];
  for (const dir of ['real', 'peer', 'malformed']) {
    const d = join(SHARED_FIXTURES, dir);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter(f => f.endsWith('.tlv')).sort()) {
      const txt = join(d, f.replace(/\.tlv$/, '.certutils.txt'));
      out.push({ name: `${dir}/${f}`, path: join(d, f), certutils: parseCertutils(readFileSync(txt, 'utf8')) });
    }
  }
  return out;
}
