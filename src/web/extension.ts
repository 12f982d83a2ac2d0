// The web entry (package.json `browser`): the web worker extension host of vscode.dev, github.dev
// and code-server. The same extension as the Node entry with the WebCrypto port; no Node built-in
// may reach this bundle (esbuild.mjs fails the build if one does).
import type * as vscode from 'vscode';
import { activate as activateWith, type TlvViewerApi } from '../extension/activate';
import { webCrypto } from './webCrypto';

export function activate(context: vscode.ExtensionContext): TlvViewerApi {
  return activateWith(context, { host: 'web', crypto: webCrypto });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
