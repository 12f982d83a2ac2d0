// Messages between the extension host and the trust-list webview. Types only; both sides import this.
import type { TrustList } from '../core/model';
import type { WebviewStrings } from './strings';

export interface FileInfo {
  name: string;
  size: number;
  /** Last modification, ms since the epoch; 0 when the file system does not say. */
  mtime: number;
}

/** Everything the webview renders. `bytes` travels as a typed array, never as number[]. */
export interface ViewModel {
  list: TrustList;
  bytes: Uint8Array;
  file: FileInfo;
}

export interface WebviewSettings {
  expiryWarningDays: number;
}

export type CopyFormat = 'value' | 'hex' | 'base64';
export type CertificateFormat = 'pem' | 'der';

/** Request methods the webview may call; each is answered with exactly one response. */
export interface RequestMap {
  copyText: { params: { text: string }; result: true };
  copyField: { params: { path: string; format: CopyFormat }; result: true };
  exportCertificate: { params: { record: number; format: CertificateFormat }; result: boolean };
}
export type RequestMethod = keyof RequestMap;

export interface Issue {
  message: string;
}

export type Result<T> = { ok: T } | { err: Issue };

export type HostToWebview =
  | { type: 'init'; model: ViewModel; strings: WebviewStrings; settings: WebviewSettings; locale: string }
  | { type: 'update'; model: ViewModel }
  | { type: 'settings'; settings: WebviewSettings }
  | { type: 'reveal'; path: string }
  | { type: 'response'; id: number; result: Result<unknown> };

export type Request = { [M in RequestMethod]: { type: 'request'; id: number; method: M; params: RequestMap[M]['params'] } }[RequestMethod];

/** What the webview shows after a render, read back so tests check the DOM rather than the model. */
export interface RenderedSummary {
  badge: string;
  md5: string;
  sha1: string;
  sha256: string;
  records: number;
}

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'rendered'; summary: RenderedSummary }
  | { type: 'select'; path: string }
  | Request;
