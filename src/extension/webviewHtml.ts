// HTML shell, options and CSP for our webviews. Reusable by any panel: it carries no document data;
// data arrives later by postMessage only.
import * as vscode from 'vscode';
import { contentSecurityPolicy, escapeHtml } from './csp';

export function getWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** 128 bits from a crypto source, per render (Web Crypto: the same in the Node and web hosts). */
function getNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface ShellOptions {
  /** Script file under dist/, e.g. `webview.js`. */
  script: string;
  /** Extra stylesheets under media/, loaded after main.css. */
  stylesheets?: string[];
  /** Document title, already localised (escaped here). */
  title: string;
  lang: string;
}

/** An empty page with our stylesheets and one nonce'd external script; the script builds the DOM. */
export function renderShell(webview: vscode.Webview, extensionUri: vscode.Uri, options: ShellOptions): string {
  const nonce = getNonce();
  const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const codicons = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'codicons', 'codicon.css')).toString();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', options.script)).toString();
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(media('reset.css'))}">
<link rel="stylesheet" href="${escapeHtml(media('main.css'))}">
<link rel="stylesheet" href="${escapeHtml(codicons)}">
${(options.stylesheets ?? []).map(file => `<link rel="stylesheet" href="${escapeHtml(media(file))}">\n`).join('')}<title>${escapeHtml(options.title)}</title>
</head>
<body>
<script nonce="${nonce}" src="${escapeHtml(script)}"></script>
</body>
</html>`;
}

/**
 * A panel webview's set-up, the same for the comparison, the pre-flight check and the report: our
 * options and shell, its messages to `onMessage`, and `onDispose` when the user closes it.
 */
export function attachPanel<ToHost>(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  shell: Omit<ShellOptions, 'lang'>,
  onMessage: (message: ToHost) => void,
  onDispose: () => void,
): vscode.Disposable[] {
  panel.webview.options = getWebviewOptions(extensionUri);
  panel.webview.html = renderShell(panel.webview, extensionUri, { ...shell, lang: vscode.env.language });
  return [panel.webview.onDidReceiveMessage(onMessage), panel.onDidDispose(onDispose)];
}
