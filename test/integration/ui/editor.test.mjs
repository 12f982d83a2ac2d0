// The trust-list editor as a person meets it: open a .tlv from the Explorer and read what it shows.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeTab, expectVisible, explorerItem, quickOpen, webview } from './workbench.mjs';

const FILE = 'CTLFile.tlv'; // the real CUCM 10.5 tokenless CTL: 6 records, valid SHA-1 signature

export default [
  {
    name: 'opening CTLFile.tlv from the Explorer shows the trust-list editor',
    async run(t) {
      await (await expectVisible(explorerItem(t.page, FILE), `"${FILE}" in the Explorer`)).dblclick();
      await expectVisible(activeTab(t.page, FILE), `an active editor tab "${FILE}"`);
      await expectVisible(webview(t.page).locator('body[data-ready="1"]'), 'the editor webview with body[data-ready="1"]', 30000);
      await t.step('editor-open');
    },
  },
  {
    name: 'the editor shows the verified badge, the file checksums, the tree and the records',
    async run(t) {
      await quickOpen(t.page, FILE);
      const view = webview(t.page);
      await expectVisible(view.locator('body[data-ready="1"]'), 'the editor webview with body[data-ready="1"]', 30000);
      const badge = await expectVisible(view.locator('#badge[data-status]'), '#badge[data-status]');
      const status = await badge.getAttribute('data-status');
      if (status !== 'verified') throw new Error(`#badge data-status is "${status}", expected "verified"`);

      const bytes = readFileSync(join(t.workspace, FILE));
      for (const algo of ['md5', 'sha1', 'sha256']) {
        const shown = (await (await expectVisible(view.locator(`#checksum-${algo}`), `#checksum-${algo}`)).textContent())?.trim();
        const expected = createHash(algo).update(bytes).digest('hex');
        if (shown !== expected) throw new Error(`#checksum-${algo} shows "${shown}", expected ${expected}`);
      }

      await expectVisible(view.locator('#tree[role="tree"]'), '#tree with role="tree"');
      const paths = await view.locator('#tree [role="treeitem"][data-path]').evaluateAll(els => els.map(e => e.getAttribute('data-path')));
      if (!paths.some(p => p.startsWith('header'))) throw new Error(`no header item in #tree; data-path values: ${paths.join(', ')}`);
      if (!paths.some(p => p.startsWith('records/'))) throw new Error(`no record item in #tree; data-path values: ${paths.join(', ')}`);

      const rows = await view.locator('#records-table tbody tr[data-record]').evaluateAll(els => els.map(e => e.getAttribute('data-record')));
      if (rows.join(',') !== '1,2,3,4,5,6') throw new Error(`#records-table rows are [${rows}], expected records 1..6`);
      // The tag table and hex view may sit in tabs that are not shown yet: present is enough here.
      if (await view.locator('#tag-table').count() !== 1) throw new Error('#tag-table is missing');
      if (await view.locator('#hex').count() !== 1) throw new Error('#hex is missing');
      await t.step('badge-checksums-tree');
    },
  },
  {
    name: 'hovering a certificate row of the records table shows its certificate details',
    async run(t) {
      await quickOpen(t.page, FILE);
      const view = webview(t.page);
      const row = await expectVisible(view.locator('#records-table tbody tr[data-record="1"]'), 'record 1 in #records-table', 30000);
      await row.hover();
      const tooltip = await expectVisible(view.locator('#cert-tooltip[role="tooltip"]'), 'the certificate tooltip (#cert-tooltip) over record 1');
      const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
      // Record 1 of the real CTL is the SAST record of the publisher gigantic-6.
      if (!text.includes('gigantic-6')) throw new Error(`the tooltip over record 1 does not name its certificate: ${text.slice(0, 200)}`);
      await t.step('record-tooltip');
    },
  },
  {
    name: 'a tampered file shows the Invalid badge and a truncated one the Malformed badge with its offset',
    async run(t) {
      for (const [file, expected, text] of [
        ['ITLFile-sha1-tampered.tlv', 'invalid', null],
        ['CTLFile-v1-truncated.tlv', 'malformed', 'offset 456'],
      ]) {
        await quickOpen(t.page, file);
        const view = webview(t.page);
        await expectVisible(view.locator('body[data-ready="1"]'), `the editor webview for ${file}`, 30000);
        const badge = await expectVisible(view.locator(`#badge[data-status="${expected}"]`), `#badge[data-status="${expected}"] for ${file}`);
        if (text) {
          const shown = (await view.locator('body').innerText()).replace(/\s+/g, ' ');
          if (!shown.includes(text)) throw new Error(`the editor for ${file} does not name "${text}"`);
        }
        if (!(await badge.isVisible())) throw new Error(`the badge for ${file} is not visible`);
        await t.step(expected);
      }
    },
  },
];
