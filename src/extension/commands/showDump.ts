// tlvViewer.showDump: opens the CUCM `show ctl` rendering of a file as a read-only text document.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editorRegistry';
import { dumpUri } from '../dumpContentProvider';
import { sourceUri } from './target';

export const DUMP_LANGUAGE = 'tlvdump';

export function registerShowDump(registry: EditorRegistry): vscode.Disposable {
  return vscode.commands.registerCommand('tlvViewer.showDump', async (arg0?: unknown) => {
    const source = arg0 instanceof vscode.Uri ? sourceUri(arg0) : registry.activeSession?.uri;
    if (!source) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a CTL or ITL file first.'));
      return undefined;
    }
    let doc = await vscode.workspace.openTextDocument(dumpUri(source));
    if (doc.languageId !== DUMP_LANGUAGE && (await vscode.languages.getLanguages()).includes(DUMP_LANGUAGE)) {
      doc = await vscode.languages.setTextDocumentLanguage(doc, DUMP_LANGUAGE);
    }
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return doc;
  });
}
