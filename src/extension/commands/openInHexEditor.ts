// tlvViewer.openInHexEditor: reopens the file with Microsoft's Hex Editor, if installed.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editorRegistry';
import { sourceUri } from './target';

const HEX_EDITOR_EXTENSION = 'ms-vscode.hexeditor';

export function registerOpenInHexEditor(registry: EditorRegistry): vscode.Disposable {
  return vscode.commands.registerCommand('tlvViewer.openInHexEditor', async (arg0?: unknown) => {
    const uri = arg0 instanceof vscode.Uri ? sourceUri(arg0) : registry.activeSession?.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a CTL or ITL file first.'));
      return false;
    }
    if (!vscode.extensions.getExtension(HEX_EDITOR_EXTENSION)) {
      // Installing needs the user's yes; the extension is then opened as usual.
      const install = vscode.l10n.t('Install');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('The raw bytes open in the Hex Editor extension ({0}), which is not installed. Install it?', HEX_EDITOR_EXTENSION), install);
      if (answer !== install) return false;
      await vscode.commands.executeCommand('workbench.extensions.installExtension', HEX_EDITOR_EXTENSION);
    }
    await vscode.commands.executeCommand('vscode.openWith', uri, 'hexEditor.hexedit');
    return true;
  });
}
