// While a trust-list editor is active: its signature status and the checksums a phone shows (MD5 or
// SHA-1 depending on the model), first and last 8 digits, as a person compares them by eye. Click to copy.
import * as vscode from 'vscode';
import type { EditorRegistry } from './editorRegistry';
import { signatureNames } from './ruleStrings';
import type { SignatureStatus } from '../core/model';

const ICONS: Record<SignatureStatus, string> = {
  verified: '$(verified-filled)', invalid: '$(error)', 'signer-not-found': '$(warning)', unsupported: '$(warning)', malformed: '$(error)',
};

/** "8C92D1A5…3E21B0C7": the digits people read off a phone's screen. */
export const shortHash = (hex: string) => `${hex.slice(0, 8)}…${hex.slice(-8)}`.toUpperCase();

export function registerStatusBar(registry: EditorRegistry): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('tlvViewer.checksums', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('Trust list checksums');
  item.command = 'tlvViewer.copyChecksum';
  const update = () => {
    const list = registry.activeSession?.model.list;
    if (!list) return item.hide();
    const badge = signatureNames()[list.signature.status];
    item.text = `${ICONS[list.signature.status]} ${badge}  SHA-1 ${shortHash(list.checksums.sha1)}  MD5 ${shortHash(list.checksums.md5)}`;
    // Plain text: the tooltip holds no file text, only hex and our own words.
    item.tooltip = `${badge}\nMD5 ${list.checksums.md5.toUpperCase()}\nSHA-1 ${list.checksums.sha1.toUpperCase()}\n${vscode.l10n.t('Click to copy a checksum')}`;
    item.accessibilityInformation = { label: vscode.l10n.t('{0}; SHA-1 {1}; MD5 {2}', badge, list.checksums.sha1, list.checksums.md5) };
    item.show();
  };
  const copy = vscode.commands.registerCommand('tlvViewer.copyChecksum', async () => {
    const list = registry.activeSession?.model.list;
    if (!list) return;
    const picked = await vscode.window.showQuickPick(
      (['md5', 'sha1', 'sha256'] as const).map(k => ({ label: { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' }[k], description: list.checksums[k].toUpperCase(), value: list.checksums[k] })),
      { title: vscode.l10n.t('Copy a checksum of the whole file') });
    if (!picked) return;
    await vscode.env.clipboard.writeText(picked.value);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', picked.label), 2000);
  });
  update();
  return vscode.Disposable.from(item, copy, registry.onDidChangeActive(update), registry.onDidRender(update));
}
