// The Node entry (package.json `main`): desktop and remote extension hosts. Native crypto.
import type * as vscode from 'vscode';
import { join } from 'node:path';
import { nodeCrypto } from '../node/nodeCrypto';
import { ScanWorkerPool } from '../node/scanPool';
import { activate as activateWith, type TlvViewerApi } from './activate';
import { registerTftpFileSystem } from './tftpFileSystem/register';

export type { TlvViewerApi } from './activate';

export function activate(context: vscode.ExtensionContext): TlvViewerApi {
  return activateWith(context, {
    host: 'node',
    crypto: nodeCrypto,
    // The workspace scan's worker threads: dist/scanWorker.js, next to this bundle.
    createScanner: () => new ScanWorkerPool(join(__dirname, 'scanWorker.js')),
    // UDP and HTTP to the cluster; nothing is fetched until the user opens such a file.
    registerNodeOnly: (ctx, log) => [registerTftpFileSystem(ctx, log)],
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
