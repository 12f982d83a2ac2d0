// Works out which file and record a command is about, from its arguments (tests, explorer and
// editor-title menus pass a Uri; webview context menus pass their data-vscode-context object) or
// from the active trust-list editor.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editorRegistry';
import { loadTrustList } from '../loadTrustList';
import type { ViewModel } from '../../shared/protocol';
import type { TrustRecord } from '../../core/model';
import { displayText } from '../../shared/displayText';

/** What our webview puts in `data-vscode-context`. */
export interface WebviewMenuContext {
  webviewSection: 'record' | 'field';
  recordIndex?: number;
  path?: string;
}

export interface Target {
  uri: vscode.Uri;
  model: ViewModel;
  recordIndex?: number;
  path?: string;
}

function isMenuContext(arg: unknown): arg is WebviewMenuContext {
  return typeof arg === 'object' && arg !== null && 'webviewSection' in arg;
}

/** The source file of a `tlvdump:` document, or the uri itself. */
export function sourceUri(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === 'tlvdump' ? vscode.Uri.parse(uri.query) : uri;
}

export async function resolveTarget(registry: EditorRegistry, arg0: unknown, arg1: unknown): Promise<Target | undefined> {
  if (arg0 instanceof vscode.Uri) {
    const uri = sourceUri(arg0);
    const model = registry.find(uri)?.model ?? (await loadTrustList(uri));
    const recordIndex = typeof arg1 === 'number' ? arg1 : arg1 === undefined ? await recordUnderCursor(registry, arg0) : undefined;
    return { uri, model, recordIndex, path: typeof arg1 === 'string' ? arg1 : undefined };
  }
  const session = registry.activeSession;
  if (!session) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a CTL or ITL file first.'));
    return undefined;
  }
  if (isMenuContext(arg0)) return { uri: session.uri, model: session.model, recordIndex: arg0.recordIndex, path: arg0.path };
  return { uri: session.uri, model: session.model, path: session.selectedPath };
}

/** For a command run from a text view's context menu: the record on the cursor's line. */
async function recordUnderCursor(registry: EditorRegistry, uri: vscode.Uri): Promise<number | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (uri.scheme !== 'tlvdump' || editor?.document.uri.toString() !== uri.toString()) return undefined;
  return (await registry.dumps.recordAt(editor.document, editor.selection.active.line))?.index;
}

export function recordLabel(record: TrustRecord): string {
  const who = record.dnsName || record.certificate?.subjectCucm || record.subjectName || '';
  return displayText(`#${record.index} ${record.roleName ?? '?'} — ${who}`, 120);
}

export async function pickRecord(records: TrustRecord[], placeHolder: string): Promise<TrustRecord | undefined> {
  const items = records.map(record => ({
    label: recordLabel(record),
    description: record.serial ? displayText(record.serial, 64) : undefined,
    record,
  }));
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.record;
}
