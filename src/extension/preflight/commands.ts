// "Pre-flight Check…": one panel; from the Explorer the selected .tlv files go into slots by their kind
// (next CTL / next ITL first, then the phone's), from the palette it opens with what the active
// trust-list editor shows, and each slot can be chosen or cleared in the panel.
import * as vscode from 'vscode';
import { decodeTrustList } from '../../core/decode';
import { ports } from '../ports';
import type { Slot } from '../../core/preflight';
import type { PreflightModel, PreflightRendered } from '../../shared/preflightProtocol';
import { baseName, readTrustListFile } from '../loadTrustList';
import { TlvEditorProvider } from '../tlvEditorProvider';
import { getWebviewOptions } from '../webviewHtml';
import { PreflightPanel, PREFLIGHT_VIEW_TYPE } from './preflightPanel';
import { slotsFor } from './preflightModel';
import { preflightStrings } from './preflightStrings';

/** Returned from activate (inside TlvViewerApi) for integration tests. */
export interface PreflightApi {
  latest(): PreflightModel | undefined;
  readonly onDidUpdate: vscode.Event<PreflightModel>;
  readonly onDidRender: vscode.Event<PreflightRendered>;
}

async function slotted(uris: vscode.Uri[]): Promise<Partial<Record<Slot, vscode.Uri>>> {
  const kinds = await Promise.all(uris.map(async uri => {
    try {
      return (await decodeTrustList((await readTrustListFile(uri)).bytes, { fileName: baseName(uri), certificates: 'signer' }, ports().crypto)).kind;
    } catch {
      return 'unknown' as const;
    }
  }));
  const slots = slotsFor(kinds);
  const out: Partial<Record<Slot, vscode.Uri>> = {};
  uris.forEach((uri, i) => {
    const s = slots[i];
    if (s) out[s] = uri;
  });
  return out;
}

const SLOT_NAMES: readonly string[] = ['phone-ctl', 'phone-itl', 'next-ctl', 'next-itl'];

function isSlotMap(x: unknown): x is Partial<Record<Slot, vscode.Uri>> {
  if (typeof x !== 'object' || x === null || x instanceof vscode.Uri || Array.isArray(x)) return false;
  const entries = Object.entries(x);
  return entries.length > 0 && entries.every(([k, v]) => SLOT_NAMES.includes(k) && v instanceof vscode.Uri);
}

function activeTrustListUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === TlvEditorProvider.viewType ? input.uri : undefined;
}

export function registerPreflight(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): { disposable: vscode.Disposable; api: PreflightApi } {
  let panel: PreflightPanel | undefined;
  let latest: PreflightModel | undefined;
  const onDidUpdate = new vscode.EventEmitter<PreflightModel>();
  const onDidRender = new vscode.EventEmitter<PreflightRendered>();

  // Explorer: (clicked uri, all selected uris). Tests and other callers: (uri), (uri[]) or
  // ({ 'phone-ctl'?: uri, 'phone-itl'?: uri, 'next-ctl'?: uri, 'next-itl'?: uri }). Palette: none.
  const preflightCheck = async (arg0?: unknown, arg1?: unknown): Promise<void> => {
    let files: Partial<Record<Slot, vscode.Uri>>;
    if (isSlotMap(arg0)) files = arg0;
    else {
      const uris = Array.isArray(arg1) && arg1.every(u => u instanceof vscode.Uri) ? arg1
        : Array.isArray(arg0) && arg0.every(u => u instanceof vscode.Uri) ? arg0
          : arg0 instanceof vscode.Uri ? [arg0]
            : [activeTrustListUri()].filter((u): u is vscode.Uri => !!u);
      files = await slotted(uris.slice(0, 4));
    }
    if (panel) {
      panel.set(files);
      panel.reveal();
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(PREFLIGHT_VIEW_TYPE, preflightStrings().title, vscode.ViewColumn.Active, getWebviewOptions(extensionUri));
    panel = new PreflightPanel(webviewPanel, extensionUri, files, {
      onUpdate: model => {
        latest = model;
        onDidUpdate.fire(model);
      },
      onRender: rendered => onDidRender.fire(rendered),
      onDispose: p => {
        if (panel === p) panel = undefined;
      },
    }, log);
  };

  return {
    api: { latest: () => latest, onDidUpdate: onDidUpdate.event, onDidRender: onDidRender.event },
    disposable: vscode.Disposable.from(
      vscode.commands.registerCommand('tlvViewer.preflightCheck', preflightCheck),
      onDidUpdate,
      onDidRender,
      new vscode.Disposable(() => panel?.dispose()),
    ),
  };
}
