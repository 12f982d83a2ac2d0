// Request/response over postMessage: every request gets an id and a promise settled by the host's answer.
import type { RequestMap, RequestMethod, Result, WebviewToHost } from '../shared/protocol';

export class Rpc {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly post: (m: WebviewToHost) => void) {}

  request<M extends RequestMethod>(method: M, params: RequestMap[M]['params']): Promise<RequestMap[M]['result']> {
    const id = this.nextId++;
    return new Promise<RequestMap[M]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: v => resolve(v as RequestMap[M]['result']), reject });
      this.post({ type: 'request', id, method, params } as WebviewToHost);
    });
  }

  settle(id: number, result: Result<unknown>): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if ('ok' in result) p.resolve(result.ok);
    else p.reject(new Error(result.err.message));
  }
}
