// tlvViewer.revealRecord: picks a record and selects it in the trust-list editor; tlvViewer.revealSigner
// selects the record the header names as signer.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editorRegistry';
import { TlvEditorProvider } from '../tlvEditorProvider';
import { recordByIndex } from '../../shared/fieldIndex';
import { pickRecord, resolveTarget } from './target';

export function registerRevealRecord(registry: EditorRegistry): vscode.Disposable {
  const revealSigner = vscode.commands.registerCommand('tlvViewer.revealSigner', async () => {
    const session = registry.activeSession;
    if (!session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a CTL or ITL file first.'));
      return undefined;
    }
    const index = session.model.list.signature.signerRecord;
    const record = index === undefined ? undefined : recordByIndex(session.model.list, index);
    if (!record) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No record of this file is its signer: {0}', session.model.list.signature.detail));
      return undefined;
    }
    session.reveal(record.path);
    return record.index;
  });
  return vscode.Disposable.from(revealSigner, vscode.commands.registerCommand('tlvViewer.revealRecord', async (arg0?: unknown, arg1?: unknown) => {
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
  }));
}
