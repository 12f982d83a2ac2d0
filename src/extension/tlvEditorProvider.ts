// The read-only custom editor for *.tlv: decodes in openCustomDocument, then only wires the webview.
import * as vscode from 'vscode';
import { TlvDocument } from './tlvDocument';
import { EditorSession } from './editorSession';
import type { EditorRegistry } from './editorRegistry';
import { getWebviewOptions, renderShell } from './webviewHtml';

export class TlvEditorProvider implements vscode.CustomReadonlyEditorProvider<TlvDocument> {
  static readonly viewType = 'tlvViewer.editor';

  static register(context: vscode.ExtensionContext, registry: EditorRegistry, log: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(TlvEditorProvider.viewType, new TlvEditorProvider(context.extensionUri, registry, log), {
      supportsMultipleEditorsPerDocument: true,
    });
  }

  private constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly registry: EditorRegistry,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async openCustomDocument(uri: vscode.Uri): Promise<TlvDocument> {
    return TlvDocument.create(uri);
  }

  resolveCustomEditor(document: TlvDocument, panel: vscode.WebviewPanel): void {
    panel.webview.options = getWebviewOptions(this.extensionUri);
    panel.webview.html = renderShell(panel.webview, this.extensionUri, {
      script: 'webview.js',
      title: document.model.file.name,
      lang: vscode.env.language,
    });
    // The session disposes itself with the panel.
    new EditorSession(document, panel, this.registry, this.log);
  }
}
