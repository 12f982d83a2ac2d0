// tlvViewer.exportCertificate: writes a record's certificate as PEM or DER to a new file.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editorRegistry';
import type { CertificateFormat, ViewModel } from '../../shared/protocol';
import { certificateField, recordByIndex } from '../../shared/fieldIndex';
import { fieldBytes } from '../../shared/fieldText';
import { toPem } from '../../shared/bytesText';
import { pickRecord, resolveTarget } from './target';

function certificateBytes(model: ViewModel, recordIndex: number): Uint8Array {
  const record = recordByIndex(model.list, recordIndex);
  const field = record && certificateField(record);
  if (!field) throw new Error(vscode.l10n.t('Record #{0} has no certificate.', recordIndex));
  return fieldBytes(field, model.bytes);
}

function encodeCertificate(der: Uint8Array, format: CertificateFormat): Uint8Array {
  return format === 'der' ? der : new TextEncoder().encode(toPem(der));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A file-system-safe default name from the record's host or role. */
function defaultName(model: ViewModel, recordIndex: number, format: CertificateFormat): string {
  const r = recordByIndex(model.list, recordIndex);
  const stem = `${r?.dnsName || r?.roleName || 'record'}-${recordIndex}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `${stem}.${format === 'pem' ? 'pem' : 'der'}`;
}

/** Writes to `target`, which must not exist yet; returns the written uri. */
async function writeCertificate(model: ViewModel, recordIndex: number, format: CertificateFormat, target: vscode.Uri): Promise<vscode.Uri> {
  const data = encodeCertificate(certificateBytes(model, recordIndex), format);
  if (await exists(target)) throw new Error(vscode.l10n.t('{0} already exists. Choose a new file name.', target.fsPath || target.toString()));
  await vscode.workspace.fs.writeFile(target, data);
  return target;
}

/** Asks for the target file (and format when not given), then writes; undefined when cancelled. */
export async function exportCertificateInteractive(source: vscode.Uri, model: ViewModel, recordIndex: number, format?: CertificateFormat): Promise<vscode.Uri | undefined> {
  certificateBytes(model, recordIndex);
  const chosen = format ?? (await pickFormat());
  if (!chosen) return undefined;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(source, '..', defaultName(model, recordIndex, chosen)),
    filters: chosen === 'pem' ? { [vscode.l10n.t('PEM certificate')]: ['pem', 'crt'] } : { [vscode.l10n.t('DER certificate')]: ['der', 'cer'] },
    title: vscode.l10n.t('Export certificate of record #{0}', recordIndex),
  });
  if (!target) return undefined;
  return writeCertificate(model, recordIndex, chosen, target);
}

async function pickFormat(): Promise<CertificateFormat | undefined> {
  const items: { label: string; format: CertificateFormat }[] = [
    { label: vscode.l10n.t('PEM (Base64 text)'), format: 'pem' },
    { label: vscode.l10n.t('DER (binary)'), format: 'der' },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Certificate format') }))?.format;
}

export function registerExportCertificate(registry: EditorRegistry): vscode.Disposable {
  return vscode.commands.registerCommand('tlvViewer.exportCertificate', async (arg0?: unknown, arg1?: unknown, arg2?: unknown, arg3?: unknown) => {
    const target = await resolveTarget(registry, arg0, arg1);
    if (!target) return undefined;
    let recordIndex = target.recordIndex;
    if (recordIndex === undefined) {
      const withCerts = target.model.list.records.filter(r => certificateField(r));
      recordIndex = (await pickRecord(withCerts, vscode.l10n.t('Record whose certificate to export')))?.index;
    }
    if (recordIndex === undefined) return undefined;
    const format = arg2 === 'pem' || arg2 === 'der' ? arg2 : undefined;
    try {
      if (format && arg3 instanceof vscode.Uri) return await writeCertificate(target.model, recordIndex, format, arg3);
      return await exportCertificateInteractive(target.uri, target.model, recordIndex, format);
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  });
}
