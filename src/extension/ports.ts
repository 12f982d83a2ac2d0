// The one module through which extension code reaches what differs between hosts. The Node entry
// (extension.ts) and the web entry (src/web/extension.ts) each pass their ports to activate();
// everything else asks here and never imports src/node or src/web itself.
import * as vscode from 'vscode';
import type { CryptoPort } from '../core/crypto';
import type { TrustListScanner } from '../core/scan';

export interface HostPorts {
  /** Which extension host runs us: Node (desktop, remote) or a browser web worker (vscode.dev). */
  host: 'node' | 'web';
  /** Hashes and signature checks. */
  crypto: CryptoPort;
  /**
   * Decodes the workspace's trust lists for the Trust Lists view off the host's thread (Node: a pool of
   * worker threads). Without it, they are decoded on the host's thread in short slices (the web host).
   */
  createScanner?(): TrustListScanner;
  /** Surfaces only a Node host can offer (TFTP/HTTP sources); the web entry passes none. */
  registerNodeOnly?(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable[];
}

let current: HostPorts | undefined;

/** Set by activate(); cleared with the extension's subscriptions. */
export function providePorts(ports: HostPorts): vscode.Disposable {
  current = ports;
  return new vscode.Disposable(() => {
    if (current === ports) current = undefined;
  });
}

export function ports(): HostPorts {
  if (!current) throw new Error('the extension is not active: no host ports');
  return current;
}
