// GET http://HOST:6970/NAME, CUCM's TFTP service over HTTP. node:http rather than global fetch, so the size
// cap applies while streaming and tests can stand up a plain local server.
import { request } from 'node:http';
import { abortReason, DEFAULT_MAX_BYTES, FetchError, hostPort, serverText } from './fetchError';

export interface HttpOptions {
  /** Default 6970, where CUCM's TFTP service answers HTTP. */
  port?: number;
  /** Cap on the whole request, headers and body. Default 30 000 ms. */
  timeoutMs?: number;
  /** Largest body accepted. Default 1 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** Fetches `name` over HTTP. Only 200 is success; redirects are not followed. Rejects with FetchError (or AbortError). */
export function httpGet(host: string, name: string, options: HttpOptions = {}): Promise<Uint8Array> {
  const port = options.port ?? 6970;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = options.signal;
  const where = `${name} from ${hostPort(host, port)} (HTTP)`;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<Uint8Array>((resolve, reject) => {
    let done = false;
    const req = request({
      host, port, method: 'GET', path: `/${encodeURIComponent(name)}`,
      headers: { accept: 'application/octet-stream' },
      // One request, one socket: no keep-alive agent holding the process open.
      agent: false,
    });
    const timer = setTimeout(() => fail(new FetchError('timeout', `timed out after ${timeoutMs} ms fetching ${where}`)), timeoutMs);
    const onAbort = () => fail(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    function fail(e: unknown): void {
      if (done) return;
      done = true;
      cleanup();
      req.destroy();
      reject(e);
    }
    function cleanup(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    const tooLarge = (why: string) => new FetchError('too-large', `${name} on ${hostPort(host, port)} (HTTP) is too large for a trust list: ${why}, the limit is ${maxBytes}`);

    req.on('error', err => {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ECONNREFUSED') fail(new FetchError('refused', `connection refused by ${hostPort(host, port)} fetching ${where}`));
      else fail(new FetchError('network', `network error fetching ${where}: ${code ?? err.message}`));
    });
    req.on('response', res => {
      const status = res.statusCode ?? 0;
      if (status === 404) {
        res.resume();
        return fail(new FetchError('not-found', `file ${name} not found on ${hostPort(host, port)} (HTTP 404)`));
      }
      if (status !== 200) {
        res.resume();
        const why = res.statusMessage ? ` ${serverText(res.statusMessage, 80)}` : '';
        return fail(new FetchError('protocol', `unexpected HTTP status ${status}${why} fetching ${where}`));
      }
      const declared = res.headers['content-length'];
      if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
        return fail(tooLarge(`the server announces ${declared} bytes (Content-Length)`));
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        if (done) return;
        received += chunk.length;
        if (received > maxBytes) return fail(tooLarge(`more than ${maxBytes} bytes received`));
        chunks.push(chunk);
      });
      res.on('error', err => fail(new FetchError('network', `network error fetching ${where}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
      res.on('aborted', () => fail(new FetchError('network', `the connection closed early fetching ${where}`)));
      res.on('end', () => {
        if (done) return;
        if (!res.complete) return fail(new FetchError('network', `the connection closed early fetching ${where}`));
        done = true;
        cleanup();
        resolve(new Uint8Array(Buffer.concat(chunks, received)));
      });
    });
    req.end();
  });
}
