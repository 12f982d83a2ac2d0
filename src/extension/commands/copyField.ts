// tlvViewer.copyField: copies a field's value, hex or Base64 to the clipboard.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editorRegistry';
import type { CopyFormat, ViewModel } from '../../shared/protocol';
import { buildFieldIndex } from '../../shared/fieldIndex';
import { fieldBytes, fieldValueText } from '../../shared/fieldText';
import { toBase64, toHex } from '../../shared/bytesText';
import { displayText } from '../../shared/displayText';
import { resolveTarget } from './target';

const FORMATS: CopyFormat[] = ['value', 'hex', 'base64'];

/** The clipboard text for a field. Binary values copy as full hex (the table shows only a preview). */
export function copyFieldText(model: ViewModel, path: string, format: CopyFormat): string {
  const field = buildFieldIndex(model.list).byPath.get(path);
  if (!field) throw new Error(vscode.l10n.t('No field {0} in this file.', path));
  const value = fieldBytes(field, model.bytes);
  switch (format) {
    case 'hex': return toHex(value);
    case 'base64': return toBase64(value);
    case 'value': {
      const t = field.value.type;
      return t === 'bytes' || t === 'unknown' || t === 'certificate' ? toHex(value) : fieldValueText(field, model.bytes);
    }
  }
}

export function registerCopyField(registry: EditorRegistry): vscode.Disposable {
  return vscode.commands.registerCommand('tlvViewer.copyField', async (arg0?: unknown, arg1?: unknown, arg2?: unknown) => {
    const target = await resolveTarget(registry, arg0, arg1);
    if (!target) return undefined;
    let path = target.path;
    if (path === undefined) {
      const fields = [...buildFieldIndex(target.model.list).byPath.values()];
      const pick = await vscode.window.showQuickPick(
        fields.map(f => ({ label: `${f.path} ${f.name}`, description: displayText(fieldValueText(f, target.model.bytes), 80), path: f.path })),
        { placeHolder: vscode.l10n.t('Field to copy') },
      );
      path = pick?.path;
    }
    if (path === undefined) return undefined;
    let format = FORMATS.find(f => f === arg2);
    if (!format) {
      const labels: Record<CopyFormat, string> = { value: vscode.l10n.t('Value'), hex: vscode.l10n.t('Hex'), base64: vscode.l10n.t('Base64') };
      format = (await vscode.window.showQuickPick(FORMATS.map(f => ({ label: labels[f], format: f })), { placeHolder: vscode.l10n.t('Copy as') }))?.format;
    }
    if (!format) return undefined;
    const text = copyFieldText(target.model, path, format);
    await vscode.env.clipboard.writeText(text);
    return text;
  });
}
