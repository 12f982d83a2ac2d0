// tlvViewer.revealRecord: picks a record and selects it in the trust-list editor.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editorRegistry';
import { TlvEditorProvider } from '../tlvEditorProvider';
import { recordByIndex } from '../../shared/fieldIndex';
import { pickRecord, resolveTarget } from './target';

export function registerRevealRecord(registry: EditorRegistry): vscode.Disposable {
  return vscode.commands.registerCommand('tlvViewer.revealRecord', async (arg0?: unknown, arg1?: unknown) => {
    const target = await resolveTarget(registry, arg0, arg1);
    if (!target) return undefined;
    const { list } = target.model;
    const record = target.recordIndex !== undefined
      ? recordByIndex(list, target.recordIndex)
      : await pickRecord(list.records, vscode.l10n.t('Record to reveal'));
    if (!record) return undefined;
    let session = registry.find(target.uri);
    if (!session) {
      await vscode.commands.executeCommand('vscode.openWith', target.uri, TlvEditorProvider.viewType);
      session = registry.find(target.uri);
    }
    session?.reveal(record.path);
    return record.index;
  });
}
