// The short-lived cache behind the cucm-tftp: file system, without VS Code (unit-tested in Node): one fetch per
// open (VS Code asks stat() and readFile() separately, often at once), reused for a few seconds, never a failure.

export interface Fetched {
  bytes: Uint8Array;
  /** When the fetch completed (ms since the epoch): the file's mtime. */
  mtime: number;
}

interface Entry {
  fetched: Promise<Fetched>;
  /** Until when a completed fetch is reused; Infinity while it runs. */
  expires: number;
}

export class FetchCache {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /**
   * The bytes for `key`: a running fetch or one completed less than ttlMs ago is shared; otherwise `fetch` runs.
   * A failed fetch is not kept, so the next call tries again.
   */
  get(key: string, fetch: () => Promise<Uint8Array>): Promise<Fetched> {
    const cached = this.entries.get(key);
    if (cached && cached.expires > this.now()) return cached.fetched;
    const entry: Entry = {
      expires: Infinity,
      fetched: fetch().then(
        bytes => {
          const mtime = this.now();
          if (this.entries.get(key) === entry) entry.expires = mtime + this.ttlMs;
          return { bytes, mtime };
        },
        (e: unknown) => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          throw e;
        }),
    };
    this.entries.set(key, entry);
    return entry.fetched;
  }

  /** Forgets `key`: the next get() fetches, and a fetch still running for it no longer fills the cache. */
  drop(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
