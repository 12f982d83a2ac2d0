// The Trust Lists view at TFTP-server scale in the browser's web worker extension host, where there are no
// worker threads: the scan runs on the host's own thread in slices (InThreadScanner), reads every file
// through workspace.fs (a round trip to the server each) and verifies with WebCrypto. N files (50,000 unless
// TLV_WEB_SCALE_FILES says otherwise) are generated here: file i is ITLSEP<i as 12 hex digits>.tlv holding
// one of four fixtures as the mocha scale test does (i % 20: 0 the tampered ITL, 1 the truncated CTL, 2 a
// verified CTL, else the verified ITL). The test waits for the scan's line in the extension's log (the Output
// panel, filtered) and prints it: files, time, the longest task it left on the host's thread. No timing
// assertion; the count must be every file. Run by web.sh --files scale.test.mjs only (explicit).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectVisible, runCommand } from './workbench.mjs';

export const explicit = true;
const FILES = Number(process.env.TLV_WEB_SCALE_FILES ?? 50000);
const FOLDER = 'trust-lists-web-scale';
const sourceOf = i => (i % 20 === 0 ? 'ITLFile-sha1-tampered.tlv' : i % 20 === 1 ? 'CTLFile-v1-truncated.tlv' : i % 20 === 2 ? 'CTLFile-v1.tlv' : 'ITLFile.tlv');
let expected = 0;

export function prepare(workspace) {
  const dir = join(workspace, FOLDER);
  const bytes = new Map(['ITLFile-sha1-tampered.tlv', 'CTLFile-v1-truncated.tlv', 'CTLFile-v1.tlv', 'ITLFile.tlv'].map(n => [n, readFileSync(join(workspace, n))]));
  if (!existsSync(dir)) {
    mkdirSync(dir);
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `ITLSEP${i.toString(16).toUpperCase().padStart(12, '0')}.tlv`), bytes.get(sourceOf(i)));
  }
  // Every .tlv of the workspace: the scan's count.
  const count = d => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(d, e.name)) : e.name.endsWith('.tlv') ? 1 : 0), 0);
  expected = count(workspace);
}

const SCANNED = /scanned (\d+) trust lists in (\d+) ms; longest main-thread task (\d+) ms/;

export default [
  {
    name: `the Trust Lists view scans ${FILES.toLocaleString('en')} files in the web worker host; its figures from the log`,
    async run(t) {
      const { page } = t;
      // The extension's log in the Output panel, filtered to the scan's lines. The channel is listed once the
      // extension has activated (the workspace holds *.tlv files): until then, ask again.
      const channel = page.locator('.quick-input-list .monaco-list-row', { hasText: 'CUCM Trust List' }).first();
      for (let attempt = 1; ; attempt++) {
        await runCommand(page, 'Output: Show Output Channels...', t.log);
        await page.keyboard.type('CUCM Trust List');
        if (await channel.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
        if (attempt === 12) throw new Error('the Output panel never listed the channel "CUCM Trust List"');
        await page.keyboard.press('Escape');
      }
      await channel.click();
      const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]');
      await expectVisible(output, 'the Output panel', 20000);
      const filter = page.locator('.part.panel .viewpane-filter input');
      if (await filter.count()) await filter.first().fill('scanned');
      await t.step('output');
      const waitS = Number(process.env.TLV_WEB_SCALE_WAIT_S ?? 1800);
      const deadline = Date.now() + waitS * 1000;
      let line;
      let said = Date.now();
      for (;;) {
        // Monaco draws spaces as no-break spaces.
        const text = (await output.first().innerText().catch(() => '')).replace(/\s/g, ' ');
        const matches = [...text.matchAll(new RegExp(SCANNED, 'g'))];
        line = matches.find(m => Number(m[1]) >= expected);
        if (line) break;
        if (Date.now() > deadline) throw new Error(`no "scanned ${expected} trust lists" line in the log within ${waitS} s; the panel reads: ${text.slice(-300) || '(nothing)'}`);
        if (Date.now() - said > 30000) {
          said = Date.now();
          t.log(`[trust-lists web] waiting; the panel reads: ${text.slice(-200) || '(nothing)'}`);
        }
        await new Promise(r => setTimeout(r, 2000));
      }
      t.log(`[trust-lists web] ${line[0]} (${FILES} generated files + the workspace's ${expected - FILES})`);
      console.log(`[trust-lists web] ${FILES} files in the web worker host: scan ${line[2]} ms, longest main-thread task ${line[3]} ms`);
      if (Number(line[1]) !== expected) throw new Error(`the scan read ${line[1]} trust lists, the workspace holds ${expected}`);
      await t.step('scanned');
    },
  },
];
