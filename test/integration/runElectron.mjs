// The same mocha suite in desktop VS Code through @vscode/test-electron. Runs only when a VS Code is
// given: VSCODE_EXECUTABLE=/path/to/code, or VSCODE_TEST_VERSION=stable|x.y.z to let test-electron
// download one (needs the update servers, so never by default). On Linux without a display, run it
// under `xvfb-run -a`. Expects `node esbuild.mjs --tests` to have built dist/test/.
// usage: node runElectron.mjs [workspaceFolder]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const executable = process.env.VSCODE_EXECUTABLE;
const version = process.env.VSCODE_TEST_VERSION;
if (!executable && !version) {
  console.log('[electron] skipped: no desktop VS Code given. Set VSCODE_EXECUTABLE=/path/to/code '
    + '(or VSCODE_TEST_VERSION=stable to download one) to run the suite under @vscode/test-electron.');
  process.exit(0);
}

const { runTests } = await import('@vscode/test-electron');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = resolve(process.argv[2] ?? join(root, 'test/fixtures'));
const state = mkdtempSync(join(tmpdir(), 'tlv-electron-'));
let code;
try {
  code = await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : { version }),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/index'),
    extensionTestsEnv: { TLV_TEST_RESULTS: process.env.TLV_TEST_RESULTS },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      `--user-data-dir=${join(state, 'user')}`, `--extensions-dir=${join(state, 'ext')}`],
  });
} catch (e) {
  console.error('[electron] the suite failed:', e instanceof Error ? e.message : e);
  code = 1;
} finally {
  rmSync(state, { recursive: true, force: true });
}
process.exit(code);
