// Wiring only: registers the editor, the text view, the hover and the commands.
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
import { registerTftpFileSystem } from './tftpFileSystem/register';

/** Returned from activate for integration tests: what each editor's webview reported it shows. */
export interface TlvViewerApi {
  renderedSummary(uri: string): RenderedSummary | undefined;
  onDidRender: vscode.Event<RenderEvent>;
  compare: CompareApi;
  preflight: PreflightApi;
}

export function activate(context: vscode.ExtensionContext): TlvViewerApi {
  const log = vscode.window.createOutputChannel('CUCM Trust List', { log: true });
  const dumps = DumpContentProvider.register();
  const registry = new EditorRegistry(dumps.provider);
  const compare = registerCompare(context.extensionUri, log);
  const preflight = registerPreflight(context.extensionUri, log);
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
    // Node only (UDP and HTTP to the cluster); nothing is fetched until the user opens such a file.
    registerTftpFileSystem(context, log),
  );
  return {
    renderedSummary: uri => registry.renderedSummary(uri),
    onDidRender: registry.onDidRender,
    compare: compare.api,
    preflight: preflight.api,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
