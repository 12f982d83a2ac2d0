// Wiring only: registers the editor, the text view, the hover and the commands. Shared by the Node
// entry (extension.ts) and the web entry (src/web/extension.ts), which differ only in the ports.
import * as vscode from 'vscode';
import { EditorRegistry, type RenderEvent } from './editorRegistry';
import { TlvEditorProvider } from './tlvEditorProvider';
import { DumpContentProvider } from './dumpContentProvider';
import { TlvDumpHoverProvider } from './hoverProvider';
import { registerShowDump } from './commands/showDump';
import { registerExportCertificate } from './commands/exportCertificate';
import { registerCopyField } from './commands/copyField';
import { registerOpenInHexEditor } from './commands/openInHexEditor';
import { registerRevealRecord } from './commands/revealRecord';
import { registerStatusBar } from './statusBar';
import type { RenderedSummary } from '../shared/protocol';
import { registerCompare } from './compare/commands';
import type { CompareApi } from './compare/comparePanels';
import { registerPreflight, type PreflightApi } from './preflight/commands';
import { providePorts, type HostPorts } from './ports';
import { registerWhich, type WhichApi } from './which/commands';
import { registerTrustLists, type TrustListsApi } from './trustListsView/register';

/** Returned from activate for integration tests: what each editor's webview reported it shows. */
export interface TlvViewerApi {
  renderedSummary(uri: string): RenderedSummary | undefined;
  onDidRender: vscode.Event<RenderEvent>;
  compare: CompareApi;
  preflight: PreflightApi;
  which: WhichApi;
  /** The workspace's trust lists: the Trust Lists view, the Problems panel, the report. */
  trustLists: TrustListsApi;
  /** The host the extension runs in, as its entry said. */
  host: HostPorts['host'];
}

export function activate(context: vscode.ExtensionContext, ports: HostPorts): TlvViewerApi {
  context.subscriptions.push(providePorts(ports));
  const log = vscode.window.createOutputChannel('CUCM Trust List', { log: true });
  const dumps = DumpContentProvider.register();
  const registry = new EditorRegistry(dumps.provider);
  const compare = registerCompare(context.extensionUri, log);
  const preflight = registerPreflight(context.extensionUri, log);
  const which = registerWhich(log);
  const trustLists = registerTrustLists(context.extensionUri, log);
  context.subscriptions.push(
    log,
    registry,
    dumps.disposable,
    TlvEditorProvider.register(context, registry, log),
    TlvDumpHoverProvider.register(dumps.provider),
    registerShowDump(registry),
    registerExportCertificate(registry),
    registerCopyField(registry),
    registerOpenInHexEditor(registry),
    registerRevealRecord(registry),
    registerStatusBar(registry),
    compare.disposable,
    preflight.disposable,
    which.disposable,
    trustLists.disposable,
    ...(ports.registerNodeOnly?.(context, log) ?? []),
  );
  return {
    renderedSummary: uri => registry.renderedSummary(uri),
    onDidRender: registry.onDidRender,
    compare: compare.api,
    preflight: preflight.api,
    which: which.api,
    trustLists: trustLists.api,
    host: ports.host,
  };
}
