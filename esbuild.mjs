// Builds the extension host bundle, the webview bundle and the CLI; with --tests also the
// unit tests, the benchmark and the integration suite (each a self-contained bundle).
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const tests = process.argv.includes('--tests');
const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };
const list = (dir, re) => existsSync(dir) ? readdirSync(dir).filter(f => re.test(f)).map(f => join(dir, f)) : [];

const builds = [
  esbuild.build({ ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...node, entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) } }),
];
if (existsSync('src/webview/main.ts')) {
  builds.push(esbuild.build({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true,
    logLevel: 'warning', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' }));
}
builds.push(esbuild.build({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true,
  logLevel: 'warning', entryPoints: ['src/webview/compare/main.ts'], outfile: 'dist/compare.js' }));
builds.push(esbuild.build({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true,
  logLevel: 'warning', entryPoints: ['src/webview/preflight/main.ts'], outfile: 'dist/preflight.js' }));
if (tests) {
  builds.push(esbuild.build({ ...node, entryPoints: list('test/unit', /\.test\.ts$/), outdir: 'out/test/unit', external: ['vscode-oniguruma', 'vscode-textmate'] }));
  builds.push(esbuild.build({ ...node, entryPoints: list('test/bench', /\.ts$/), outdir: 'out/test/bench' }));
  const suite = list('test/integration/suite', /\.ts$/);
  if (suite.length) builds.push(esbuild.build({ ...node, entryPoints: suite, outdir: 'dist/test', external: ['vscode', 'mocha'] }));
}
await Promise.all(builds);
