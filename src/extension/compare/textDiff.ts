// The text diff: VS Code's own diff editor over the two `show ctl` renderings (`tlvdump:` documents,
// re-rendered by the dump provider when either file changes), with our grammar.
import * as vscode from 'vscode';
import { dumpUri } from '../dumpContentProvider';
import { DUMP_LANGUAGE } from '../commands/showDump';
import type { TrustList } from '../../core/model';
import type { CompareSource } from './compareSource';

async function openAsDump(uri: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== DUMP_LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, DUMP_LANGUAGE);
}

export async function openTextDiff(oldSource: CompareSource, newSource: CompareSource, newKind: TrustList['kind']): Promise<void> {
  const left = dumpUri(oldSource.uri);
  const right = dumpUri(newSource.uri);
  await Promise.all([openAsDump(left), openAsDump(right)]);
  const title = newKind === 'ITL'
    ? vscode.l10n.t('{0} ↔ {1} (show itl)', oldSource.name, newSource.name)
    : vscode.l10n.t('{0} ↔ {1} (show ctl)', oldSource.name, newSource.name);
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
}
