// The one place the Node-only parts for the cluster's files are wired: the read-only cucm-tftp: and cucm-http:
// file systems and their commands. The desktop entry calls registerTftpFileSystem; a web entry leaves it out
// (browsers have neither UDP nor plain HTTP to a CUCM node).
import * as vscode from 'vscode';
import { ServerCommands } from './commands';
import { TftpFileSystemProvider } from './tftpFileSystemProvider';

export function registerTftpFileSystem(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const provider = new TftpFileSystemProvider(log);
  return vscode.Disposable.from(
    provider,
    ...TftpFileSystemProvider.schemes.map(scheme =>
      vscode.workspace.registerFileSystemProvider(scheme, provider, { isReadonly: true, isCaseSensitive: true })),
    new ServerCommands(provider, context.globalState),
  );
}
