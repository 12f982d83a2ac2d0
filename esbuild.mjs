// Builds the extension host bundles (Node and web), the webview bundles and the CLI; with --tests also
// the unit tests, the benchmark and the integration suite (each a self-contained bundle). --production
// (vscode:prepublish) minifies and writes no source maps, so a packaged .vsix never points at files it
// does not ship; development and test builds keep their maps.
import * as esbuild from 'esbuild';
import { copyFileSync, readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const tests = process.argv.includes('--tests');
const production = process.argv.includes('--production');
const shipped = { sourcemap: !production, minify: production };
const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', ...shipped };
const browser = { bundle: true, platform: 'browser', target: 'es2022', logLevel: 'warning', ...shipped };
const list = (dir, re) => existsSync(dir) ? readdirSync(dir).filter(f => re.test(f)).map(f => join(dir, f)) : [];

const builds = [
  esbuild.build({ ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The Trust Lists scan's worker thread, started by the Node entry from dist/ (shipped in the .vsix).
  esbuild.build({ ...node, entryPoints: ['src/node/scanWorker.ts'], outfile: 'dist/scanWorker.js' }),
  esbuild.build({ ...node, entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) } }),
  // The worker threads of `verify DIR` and `report DIR`, loaded by dist/cli.js from beside itself.
  esbuild.build({ ...node, entryPoints: ['src/cli/cliWorker.ts'], outfile: 'dist/cliWorker.js' }),
];
if (existsSync('src/webview/main.ts')) {
  builds.push(esbuild.build({ ...browser, format: 'iife', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' }));
}
for (const view of ['compare', 'preflight', 'report']) {
  builds.push(esbuild.build({ ...browser, format: 'iife', entryPoints: [`src/webview/${view}/main.ts`], outfile: `dist/${view}.js` }));
}

// The web extension (package.json `browser`): VS Code's web worker extension host loads CommonJS.
// No Node built-in may reach it, not even as an external: the build fails if one does, and the
// metafile is kept beside the bundle for the unit test that says the same.
const NODE_BUILTINS = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));
const isNodeBuiltin = path => path.startsWith('node:') || NODE_BUILTINS.has(path) || NODE_BUILTINS.has(path.split('/')[0]);
builds.push(esbuild.build({ ...browser, format: 'cjs', minify: true, entryPoints: ['src/web/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], metafile: true,
  // forge's util probes `process` and `Buffer` behind typeof; make sure no polyfill is ever looked for.
  define: { 'process.browser': 'true' } }).then(result => {
  mkdirSync('dist/web', { recursive: true });
  writeFileSync('dist/web/extension.meta.json', JSON.stringify(result.metafile));
  const bad = [
    ...Object.keys(result.metafile.inputs).filter(isNodeBuiltin),
    ...Object.values(result.metafile.inputs).flatMap(i => i.imports.map(x => x.path)).filter(isNodeBuiltin),
    ...Object.values(result.metafile.outputs).flatMap(o => o.imports.map(x => x.path)).filter(isNodeBuiltin),
  ];
  if (bad.length) throw new Error(`dist/web/extension.js must not import Node built-ins: ${[...new Set(bad)].join(', ')}`);
  return result;
}));
if (tests) {
  const test = { ...node, sourcemap: true, minify: false };
  builds.push(esbuild.build({ ...test, entryPoints: list('test/unit', /\.test\.ts$/), outdir: 'out/test/unit', external: ['vscode-oniguruma', 'vscode-textmate'] }));
  builds.push(esbuild.build({ ...test, entryPoints: list('test/bench', /\.ts$/), outdir: 'out/test/bench' }));
  const suite = list('test/integration/suite', /\.ts$/);
  if (suite.length) builds.push(esbuild.build({ ...test, entryPoints: suite, outdir: 'dist/test', external: ['vscode', 'mocha'] }));
}
await Promise.all(builds);

// VS Code's icon font for the webviews (they cannot use the workbench's): the stylesheet and font only.
mkdirSync('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join('node_modules/@vscode/codicons/dist', file), join('dist/codicons', file));
