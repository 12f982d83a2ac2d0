// Which extension host runs the extension. By default (run.sh) the packaged extension has both entries
// and code-server runs it in its Node extension host; web.sh installs a copy without `main`, so VS Code
// must load `browser` (dist/web/extension.js) into the browser's web worker extension host.
import { expectVisible, quickOpen, webview } from './workbench.mjs';

const EXPECTED = process.env.TLV_EXPECT_HOST === 'web' ? 'web' : 'node';
const WEB_ENTRY = /dist(?:\/|%2F)web(?:\/|%2F)extension\.js/i;

export default [
  {
    name: `the extension runs in the ${EXPECTED === 'web' ? 'web worker' : 'Node'} extension host`,
    async run(t) {
      await quickOpen(t.page, 'CTLFile.tlv');
      await expectVisible(webview(t.page).locator('body[data-ready="1"]'), 'the editor webview with body[data-ready="1"]', 30000);
      const fetched = t.requests().filter(u => WEB_ENTRY.test(u));
      const workers = t.page.workers().map(w => w.url());
      t.log(`browser fetched the web entry ${fetched.length} time(s) ${fetched.slice(0, 2).join(' ')}; page workers: ${workers.join(' ') || '(none)'}`);
      if (EXPECTED === 'web' && fetched.length === 0) throw new Error('the browser never fetched dist/web/extension.js: the extension did not run in the web worker host');
      if (EXPECTED === 'node' && fetched.length > 0) throw new Error(`the browser fetched ${fetched[0]}: expected the Node extension host`);
      await t.step(`${EXPECTED}-host`);
    },
  },
];
