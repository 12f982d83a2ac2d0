// A trust list whose names are hostile markup must show as inert text: no element made from it, no
// script run, no CSP violation, in the editor webview and in the text view's hover.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { activeTab, editorLine, expectVisible, explorerItem, findInEditor, hoverText, runCommand, webview } from './workbench.mjs';

// Built by `node esbuild.mjs --tests` from test/integration/suite/hostileFixture.ts.
const { HOSTILE, HOSTILE_FILE_NAME, hostileTrustList } = createRequire(import.meta.url)('../../../dist/test/hostileFixture.js');

/** Called by run.mjs before the workbench loads, so the Explorer lists the file from the start. */
export function prepare(workspace) {
  writeFileSync(join(workspace, HOSTILE_FILE_NAME), hostileTrustList());
}

/** Opens the hostile file from the Explorer; returns the console mark from before. */
async function openHostile(t) {
  const mark = t.consoleMark();
  await (await expectVisible(explorerItem(t.page, HOSTILE_FILE_NAME), `"${HOSTILE_FILE_NAME}" in the Explorer`)).dblclick();
  await expectVisible(activeTab(t.page, HOSTILE_FILE_NAME), `an active editor tab "${HOSTILE_FILE_NAME}"`);
  await expectVisible(webview(t.page).locator('body[data-ready="1"]'), 'the editor webview with body[data-ready="1"]', 30000);
  return mark;
}

/** Fails on any console line or page error that shows a payload ran or was blocked by the CSP. */
function assertQuietConsole(t, mark) {
  const bad = t.consoleSince(mark).filter(m => /TLV-XSS|Content Security Policy|Refused to (execute|load)/i.test(m.text));
  if (bad.length) throw new Error(`the console saw the payload: ${bad.map(m => `[${m.type}] ${m.text.slice(0, 200)}`).join(' | ')}`);
}

export default [
  {
    name: 'hostile certificate names render as inert text in the editor',
    async run(t) {
      const mark = await openHostile(t);
      const view = webview(t.page);
      await expectVisible(view.locator('#badge[data-status]'), '#badge[data-status] for the hostile file');
      await t.step('hostile-editor');
      const probe = await view.locator('body').evaluate(body => ({
        images: [...document.images].filter(i => i.getAttribute('src') === 'x' || i.hasAttribute('onerror')).length,
        // VS Code injects its own inline acquireVsCodeApi shim; only script text from the file counts.
        scripts: [...document.scripts].filter(s => /TLV-XSS/.test(s.textContent ?? '')).length,
        handlers: [...body.querySelectorAll('*')].flatMap(el => [...el.attributes].filter(a => /^on/i.test(a.name)).map(a => `${el.tagName}[${a.name}]`)),
        boldFromPayload: [...body.querySelectorAll('b')].filter(b => b.textContent === 'A').length,
        text: body.textContent ?? '',
        hook: window.__tlvSeen ?? null,
      }));
      if (probe.images) throw new Error(`${probe.images} <img> element(s) were made from the file's text`);
      if (probe.scripts) throw new Error(`${probe.scripts} <script> element(s) were made from the file's text`);
      if (probe.handlers.length) throw new Error(`event-handler attributes in the webview: ${probe.handlers.join(', ')}`);
      if (probe.boldFromPayload) throw new Error(`${probe.boldFromPayload} <b> element(s) were made from the 60 KB name`);
      for (const [what, payload] of [['img', HOSTILE.img], ['script', HOSTILE.script], ['60 KB name', HOSTILE.long.slice(0, 64)]]) {
        if (!probe.text.includes(payload)) throw new Error(`the ${what} payload is not shown literally as text: ${payload.slice(0, 64)}`);
      }
      // Bidi overrides are shown as visible \u{202E} escapes so they cannot reorder what a person reads.
      if (probe.text.includes('\u202E')) throw new Error('a raw U+202E bidi override reached the webview text');
      if (!probe.text.includes('\\u{202E}')) throw new Error('the bidi override is not shown as a visible \\u{202E} escape');
      if (probe.hook === null) throw new Error('the error/CSP hook did not reach the webview frame');
      if (probe.hook.length) throw new Error(`the webview's error/CSP hook saw: ${probe.hook.join(' | ')}`);
      if (await t.page.locator('img[src="x"]').count()) throw new Error('the workbench itself made an <img src=x> from the file');

      // The certificate tooltip of the signer record, whose certificate names are the payloads.
      await view.locator('#records-table tbody tr[data-record="1"]').hover();
      const tooltip = await expectVisible(view.locator('#cert-tooltip[role="tooltip"]'), 'the certificate tooltip over record 1');
      await t.step('hostile-tooltip');
      const made = await tooltip.locator('img, script, b').count();
      if (made) throw new Error(`the certificate tooltip made ${made} element(s) from the file's text`);
      const tip = await tooltip.textContent() ?? '';
      if (!tip.includes('TLV-XSS-img') || !tip.includes('TLV-XSS-script')) throw new Error(`the tooltip does not show the names as text: ${tip.slice(0, 200)}`);
      if (tip.includes('\u202E')) throw new Error('a raw U+202E bidi override reached the tooltip');
      assertQuietConsole(t, mark);
    },
  },
  {
    name: 'hostile names stay text in the show ctl hover',
    async run(t) {
      const mark = await openHostile(t);
      await runCommand(t.page, 'Open as show ctl text', t.log);
      await expectVisible(editorLine(t.page, 'Parse CTL File'), 'the hostile file\'s text view', 30000);
      const line = await findInEditor(t.page, 'SUBJECTNAME');
      const text = await hoverText(t.page, line.locator('span span').first(), 'the first SUBJECTNAME line');
      await t.step('hostile-hover');
      const hover = t.page.locator('.monaco-hover:not(.hidden)');
      const made = await hover.locator('img, script, b').count();
      if (made) throw new Error(`the hover made ${made} element(s) from the file's text`);
      if (!text) throw new Error('the hover over the hostile SUBJECTNAME line is empty');
      if (text.includes('\u202E')) throw new Error('a raw U+202E bidi override reached the hover');
      if (!text.includes(HOSTILE.img) && !text.includes(HOSTILE.script)) throw new Error(`the hover does not show the hostile name literally: ${text.slice(0, 200)}`);
      assertQuietConsole(t, mark);
    },
  },
];
