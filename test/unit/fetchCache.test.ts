// The cucm-tftp: file system's cache: stat() and readFile() of one open share one fetch, bytes are reused
// for the TTL only, failures are never kept, and "Fetch Again" (drop) is not undone by a slower older fetch.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FetchCache } from '../../src/extension/tftpFileSystem/fetchCache';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('fetch cache', () => {
  it('shares a running fetch and reuses its bytes until the TTL ends, with the fetch time as mtime', async () => {
    let clock = 1000;
    const cache = new FetchCache(10_000, () => clock);
    let calls = 0;
    const fetch = async () => { calls++; return new Uint8Array([calls]); };
    const [a, b] = await Promise.all([cache.get('k', fetch), cache.get('k', fetch)]);
    assert.equal(calls, 1);
    assert.equal(a, b);
    assert.equal(a.mtime, 1000);
    clock = 10_999;
    assert.equal((await cache.get('k', fetch)).bytes[0], 1);
    assert.equal(calls, 1);
    clock = 11_000;
    const c = await cache.get('k', fetch);
    assert.equal(calls, 2);
    assert.deepEqual([...c.bytes], [2]);
    assert.equal(c.mtime, 11_000);
  });

  it('keys are separate', async () => {
    const cache = new FetchCache(10_000, () => 0);
    const x = await cache.get('x', async () => new Uint8Array([1]));
    const y = await cache.get('y', async () => new Uint8Array([2]));
    assert.deepEqual([[...x.bytes], [...y.bytes]], [[1], [2]]);
  });

  it('does not keep a failure: the next get fetches again', async () => {
    const cache = new FetchCache(10_000, () => 0);
    await assert.rejects(cache.get('k', async () => { throw new Error('timeout'); }), /timeout/);
    assert.deepEqual([...(await cache.get('k', async () => new Uint8Array([7]))).bytes], [7]);
  });

  it('drop makes the next get fetch, and an older fetch finishing later does not replace the newer bytes', async () => {
    const cache = new FetchCache(10_000, () => 0);
    const slow = deferred<Uint8Array>();
    const old = cache.get('k', () => slow.promise);
    cache.drop('k');
    const fresh = await cache.get('k', async () => new Uint8Array([2]));
    slow.resolve(new Uint8Array([1]));
    assert.deepEqual([...(await old).bytes], [1]);
    assert.deepEqual([...(await cache.get('k', async () => new Uint8Array([3]))).bytes], [...fresh.bytes]);
  });

  it('an older fetch failing after a drop does not remove the newer entry', async () => {
    const cache = new FetchCache(10_000, () => 0);
    const slow = deferred<Uint8Array>();
    const old = cache.get('k', () => slow.promise);
    cache.drop('k');
    await cache.get('k', async () => new Uint8Array([2]));
    slow.reject(new Error('late'));
    await assert.rejects(old, /late/);
    assert.deepEqual([...(await cache.get('k', async () => new Uint8Array([3]))).bytes], [2]);
  });
});
