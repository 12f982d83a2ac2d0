// The Node entry (package.json `main`): desktop and remote extension hosts. Native crypto.
import type * as vscode from 'vscode';
import { nodeCrypto } from '../node/nodeCrypto';
import { activate as activateWith, type TlvViewerApi } from './activate';

export type { TlvViewerApi } from './activate';

export function activate(context: vscode.ExtensionContext): TlvViewerApi {
  return activateWith(context, { host: 'node', crypto: nodeCrypto });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
