// The standard extension-test entry (extensionTestsPath): the extension host calls run() and treats a
// rejection as failure. The same file serves code-server's extension host and @vscode/test-electron.
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // TLV_TEST_GREP (in the server's environment) runs only the tests whose titles match, while iterating.
  const grep = process.env.TLV_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  // esbuild puts every suite file next to this one in dist/test/.
  for (const file of readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const passed = runner.stats?.passes ?? 0;
      // The runners read the counts from this file rather than scraping the log.
      const resultsFile = process.env.TLV_TEST_RESULTS;
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ passed, failed: failures }));
      console.log(`mocha: ${passed} passed, ${failures} failed`);
      if (failures) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
