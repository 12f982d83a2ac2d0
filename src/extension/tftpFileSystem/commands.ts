// The commands around the cluster's files: "Open from TFTP Server…" (host, protocol, file, MAC), "Compare with
// TFTP Server…" (the open file as OLD, what the server serves now as NEW) and "Fetch Again from Server".
// Each fetch shows a cancellable progress notification and, when it fails, one message naming file and server.
import * as vscode from 'vscode';
import { inert } from '../../core/dump';
import { LocationError, parseTrustListName } from '../../node/source';
import { baseName } from '../loadTrustList';
import { DUMP_SCHEME } from '../dumpContentProvider';
import { TlvEditorProvider } from '../tlvEditorProvider';
import { formatHostInput, isServerScheme, macInput, parseHostInput, recentServers, rememberServer, serverUriString,
  type HostInput, type RecentServer, type TrustListProtocol } from './serverLocation';
import { serverName, type TftpFileSystemProvider } from './tftpFileSystemProvider';

const RECENT_KEY = 'tlvViewer.recentServers';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/** The trust list the active editor shows: our custom editor, or the source of a show ctl text view. */
function activeTrustListUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom && input.viewType === TlvEditorProvider.viewType) return input.uri;
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.uri.scheme === DUMP_SCHEME) {
    try {
      return vscode.Uri.parse(doc.uri.query, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

interface Server {
  host: HostInput;
  protocol: TrustListProtocol;
}

function hostErrorText(text: string): string | undefined {
  const h = parseHostInput(text);
  if (typeof h === 'object') return undefined;
  switch (h) {
    case 'empty': return vscode.l10n.t('Enter the host name or IP address of a CUCM node running the TFTP service.');
    case 'invalid-host': return vscode.l10n.t('Not a host name or IP address. Examples: cucm-pub, 10.1.1.10, 10.1.1.10:69, [2001:db8::10]');
    case 'invalid-port': return vscode.l10n.t('The port must be a number from 1 to 65535.');
  }
}

const protocolLabel = (p: TrustListProtocol): string => (p === 'tftp' ? vscode.l10n.t('TFTP (UDP port 69)') : vscode.l10n.t('HTTP (TCP port 6970)'));

export class ServerCommands implements vscode.Disposable {
  private readonly disposable: vscode.Disposable;

  constructor(
    private readonly provider: TftpFileSystemProvider,
    private readonly state: vscode.Memento,
  ) {
    this.disposable = vscode.Disposable.from(
      vscode.commands.registerCommand('tlvViewer.openFromServer', (arg?: unknown) => this.openFromServer(arg)),
      vscode.commands.registerCommand('tlvViewer.compareWithServer', (arg0?: unknown, arg1?: unknown) => this.compareWithServer(arg0, arg1)),
      vscode.commands.registerCommand('tlvViewer.fetchAgain', (arg?: unknown) => this.fetchAgainCommand(arg)),
    );
  }

  dispose(): void {
    this.disposable.dispose();
  }

  /**
   * Palette: asks for server, protocol and file, fetches, opens in our editor. Called with a `cucm-tftp:`
   * or `cucm-http:` URI (or its string), it skips the questions. Resolves with the URI opened, if any.
   */
  async openFromServer(arg?: unknown): Promise<vscode.Uri | undefined> {
    let uri = toServerUri(arg);
    let server: Server | undefined;
    if (!uri) {
      server = await this.pickServer(vscode.l10n.t('Open from TFTP Server'));
      if (!server) return undefined;
      const name = await pickFileName(vscode.l10n.t('Open from TFTP Server: {0}', formatHostInput(server.host)));
      if (!name) return undefined;
      uri = vscode.Uri.parse(serverUriString(server.protocol, server.host, name), true);
    }
    if (!(await this.fetchWithProgress(uri))) return undefined;
    if (server) await this.remember(server);
    await vscode.commands.executeCommand('vscode.openWith', uri, TlvEditorProvider.viewType);
    return uri;
  }

  /**
   * The open trust list (OLD, what the phones may hold) against what the server serves now under the same
   * name (NEW). Tests and other callers: (localUri, serverUri) skips the questions.
   */
  async compareWithServer(arg0?: unknown, arg1?: unknown): Promise<void> {
    const localUri = arg0 instanceof vscode.Uri ? arg0 : activeTrustListUri();
    if (!localUri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a CTL or ITL file first.'));
      return;
    }
    let serverUri = toServerUri(arg1);
    let server: Server | undefined;
    if (!serverUri) {
      server = await this.pickServer(vscode.l10n.t('Compare {0} with TFTP Server', baseName(localUri)));
      if (!server) return;
      let name: string | undefined;
      try {
        name = parseTrustListName(baseName(localUri));
      } catch (e) {
        if (!(e instanceof LocationError)) throw e;
        // A local name that is no server file name (a copy such as "CTLFile (1).tlv"): ask which file.
        name = await pickFileName(vscode.l10n.t('Which file of {0} to compare {1} with?', formatHostInput(server.host), inert(baseName(localUri))));
      }
      if (!name) return;
      serverUri = vscode.Uri.parse(serverUriString(server.protocol, server.host, name), true);
    }
    if (!(await this.fetchWithProgress(serverUri))) return;
    if (server) await this.remember(server);
    await vscode.commands.executeCommand('tlvViewer.compareFiles', localUri, serverUri);
  }

  private async fetchAgainCommand(arg?: unknown): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : activeTrustListUri();
    if (!uri || !isServerScheme(uri.scheme)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a trust list from a TFTP server first (Open from TFTP Server…).'));
      return;
    }
    await this.fetchWithProgress(uri);
  }

  /** Fetches `uri` afresh (open views of it update); false when it failed (the user was told) or was cancelled. */
  private async fetchWithProgress(uri: vscode.Uri): Promise<boolean> {
    let title: string;
    try {
      const l = this.provider.location(uri);
      title = vscode.l10n.t('Fetching {0} from {1}…', l.name, serverName(l));
    } catch (e) {
      void vscode.window.showErrorMessage(message(e));
      return false;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        await this.provider.fetchAgain(uri, abort.signal);
        return true;
      } catch (e) {
        if (!isAbort(e)) void vscode.window.showErrorMessage(message(e));
        return false;
      } finally {
        sub.dispose();
      }
    });
  }

  /** Recent servers first (picking one reuses its protocol), then "Enter a new host…". */
  private async pickServer(title: string): Promise<Server | undefined> {
    const recent = recentServers(this.state.get<unknown[]>(RECENT_KEY));
    if (recent.length) {
      type Item = vscode.QuickPickItem & { server?: RecentServer };
      const items: Item[] = [
        ...recent.map(server => ({ label: server.host, description: protocolLabel(server.protocol), server })),
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: `$(add) ${vscode.l10n.t('Enter a new host…')}` },
      ];
      const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('CUCM node running the TFTP service') });
      if (!picked) return undefined;
      if (picked.server) {
        const host = parseHostInput(picked.server.host);
        if (typeof host === 'object') return { host, protocol: picked.server.protocol };
      }
    }
    const text = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Host name or IP address of a CUCM node running the TFTP service, with :port if it is not the default'),
      placeHolder: vscode.l10n.t('e.g. cucm-pub.example.com or 10.1.1.10'),
      ignoreFocusOut: true,
      validateInput: hostErrorText,
    });
    if (text === undefined) return undefined;
    const host = parseHostInput(text);
    if (typeof host !== 'object') return undefined;
    const protocol = await pickProtocol(title, host);
    return protocol && { host, protocol };
  }

  private async remember(server: Server): Promise<void> {
    const list = rememberServer(this.state.get<unknown[]>(RECENT_KEY), { host: formatHostInput(server.host), protocol: server.protocol });
    await this.state.update(RECENT_KEY, list);
  }
}

async function pickProtocol(title: string, host: HostInput): Promise<TrustListProtocol | undefined> {
  const port = host.port === undefined ? undefined : vscode.l10n.t('port {0}', host.port);
  const items: (vscode.QuickPickItem & { protocol: TrustListProtocol })[] = [
    { label: port ? 'TFTP' : protocolLabel('tftp'), description: port ?? vscode.l10n.t('what phones use'), protocol: 'tftp' },
    { label: port ? 'HTTP' : protocolLabel('http'), description: port ?? vscode.l10n.t('CUCM serves the same files over HTTP'), protocol: 'http' },
  ];
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('How to fetch the file') }))?.protocol;
}

/** CTLFile.tlv, ITLFile.tlv, or a phone's ITLSEP<MAC>.tlv / CTLSEP<MAC>.tlv. */
async function pickFileName(title: string): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { name?: string; kind2?: 'ITL' | 'CTL' })[] = [
    { label: 'CTLFile.tlv', description: vscode.l10n.t('the CTL file of the cluster'), name: 'CTLFile.tlv' },
    { label: 'ITLFile.tlv', description: vscode.l10n.t('the ITL file of the cluster'), name: 'ITLFile.tlv' },
    { label: vscode.l10n.t('ITLSEP<MAC>.tlv for a phone…'), description: vscode.l10n.t('the ITL file a phone downloads'), kind2: 'ITL' },
    { label: vscode.l10n.t('CTLSEP<MAC>.tlv for a phone…'), description: vscode.l10n.t('the CTL file of a phone in a mixed-mode cluster'), kind2: 'CTL' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which file to fetch') });
  if (!picked) return undefined;
  if (picked.name) return picked.name;
  const kind = picked.kind2 ?? 'ITL';
  const mac = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('MAC address of the phone: 12 hex digits, e.g. 00:11:22:AA:BB:CC, 0011.22aa.bbcc or SEP001122AABBCC'),
    ignoreFocusOut: true,
    validateInput: text => {
      const r = macInput(text, kind);
      if ('name' in r) return { message: vscode.l10n.t('Fetches {0}', r.name), severity: vscode.InputBoxValidationSeverity.Info };
      return r.error === 'empty' ? vscode.l10n.t('Enter the MAC address of the phone.') : vscode.l10n.t('Not a MAC address: 12 hex digits, optionally separated by ":", "-" or ".".');
    },
  });
  if (mac === undefined) return undefined;
  const r = macInput(mac, kind);
  return 'name' in r ? r.name : undefined;
}

/** A `cucm-tftp:` / `cucm-http:` URI given as a Uri or a string; undefined for anything else. */
function toServerUri(arg: unknown): vscode.Uri | undefined {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string') {
    try {
      uri = vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  return uri && isServerScheme(uri.scheme) ? uri : undefined;
}
