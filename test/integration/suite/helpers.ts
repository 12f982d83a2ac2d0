// Shared by the suite files: the extension under test and the run's workspace (a copy of test/fixtures).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TlvViewerApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'tlv-viewer.cucm-trust-list-viewer';
export const VIEW_TYPE = 'tlvViewer.editor';

/** A file of the workspace folder the runners open. */
export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open a workspace folder (a copy of test/fixtures)');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The extension's test API (activate's return value). */
export async function extensionApi(): Promise<TlvViewerApi> {
  const ext = vscode.extensions.getExtension<TlvViewerApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** The first event that satisfies `accept`, or a failure naming `what` after `ms`. */
export function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, ms = 20000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms / 1000}s waiting for ${what}`));
    }, ms);
    const sub = event(value => {
      if (!accept(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** Our diagnostics on a file (the Problems panel's rows from this extension). */
export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'CUCM Trust List');

/** Polls until `check` returns a value (or throws after `ms`), naming what it waited for. */
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}
