// The comparison commands: Compare Trust Lists (two files), Compare With… (from our editor), Compare
// with Previous Version (git) and Open Text Diff (for the current comparison panel).
import * as vscode from 'vscode';
import { TlvEditorProvider } from '../tlvEditorProvider';
import { baseName } from '../loadTrustList';
import { ComparePanels, type CompareApi } from './comparePanels';
import { COMPARE_VIEW_TYPE } from './comparePanel';
import { fileSource } from './compareSource';
import { previousVersion, PreviousVersionError } from './gitPrevious';

/** The file shown by the active trust-list editor, if one is active. */
function activeTrustListUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === TlvEditorProvider.viewType ? input.uri : undefined;
}

async function pickTrustList(title: string, openLabel: string, near?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    openLabel,
    canSelectMany: false,
    defaultUri: near && vscode.Uri.joinPath(near, '..'),
    filters: { [vscode.l10n.t('Trust lists')]: ['tlv'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function registerCompare(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): { disposable: vscode.Disposable; api: CompareApi } {
  const panels = new ComparePanels(extensionUri, log);
  const openPair = (oldUri: vscode.Uri, newUri: vscode.Uri): void => {
    panels.open(fileSource(oldUri), fileSource(newUri));
  };

  // Explorer: (clicked uri, all selected uris), OLD first in selection order. Tests and other
  // callers: (oldUri, newUri). Palette: no arguments, two open dialogs.
  const compareFiles = async (arg0?: unknown, arg1?: unknown): Promise<void> => {
    if (Array.isArray(arg1) && arg1.every(u => u instanceof vscode.Uri)) {
      if (arg1.length !== 2) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select exactly two trust-list files to compare.'));
        return;
      }
      return openPair(arg1[0], arg1[1]);
    }
    if (arg0 instanceof vscode.Uri && arg1 instanceof vscode.Uri) return openPair(arg0, arg1);
    const oldUri = await pickTrustList(vscode.l10n.t('Compare Trust Lists (1/2): select the OLD file, the one the phones hold now'), vscode.l10n.t('Select OLD'),
      arg0 instanceof vscode.Uri ? arg0 : undefined);
    if (!oldUri) return;
    const newUri = await pickTrustList(vscode.l10n.t('Compare Trust Lists (2/2): select the NEW file, the candidate'), vscode.l10n.t('Select NEW'), oldUri);
    if (newUri) openPair(oldUri, newUri);
  };

  // The file in our editor is NEW; the picked one is OLD.
  const compareWith = async (arg0?: unknown): Promise<void> => {
    const newUri = arg0 instanceof vscode.Uri ? arg0 : activeTrustListUri();
    if (!newUri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a CTL or ITL file first.'));
      return;
    }
    const title = vscode.l10n.t('Compare {0} (NEW) with…: select the OLD file, the one the phones hold now', baseName(newUri));
    const oldUri = await pickTrustList(title, vscode.l10n.t('Select OLD'), newUri);
    if (oldUri) openPair(oldUri, newUri);
  };

  const compareWithPrevious = async (arg0?: unknown): Promise<void> => {
    const uri = arg0 instanceof vscode.Uri ? arg0 : activeTrustListUri();
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a CTL or ITL file first.'));
      return;
    }
    try {
      panels.open(await previousVersion(uri), fileSource(uri));
    } catch (e) {
      if (!(e instanceof PreviousVersionError)) log.error(`Previous version of ${uri.toString(true)}: ${message(e)}`);
      void vscode.window.showErrorMessage(e instanceof PreviousVersionError ? e.message
        : vscode.l10n.t('Could not read the previous version of {0}: {1}', baseName(uri), message(e)));
    }
  };

  const compareTextDiff = async (): Promise<void> => {
    const panel = panels.current;
    if (!panel) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Compare two trust lists first.'));
      return;
    }
    await panel.openTextDiff();
  };

  return {
    api: panels.api,
    disposable: vscode.Disposable.from(
      panels,
      vscode.commands.registerCommand('tlvViewer.compareFiles', compareFiles),
      vscode.commands.registerCommand('tlvViewer.compareWith', compareWith),
      vscode.commands.registerCommand('tlvViewer.compareWithPrevious', compareWithPrevious),
      vscode.commands.registerCommand('tlvViewer.compareTextDiff', compareTextDiff),
      vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => panels.restore(panel, state) }),
    ),
  };
}
