// Values some views read and others never do (checksums, fingerprints): computed the first time they
// are read, then kept as a plain property. The property is enumerable, so spreading, JSON and
// structured clone see the same value an eager decode would have stored.

/** Defines `obj[key]` as `compute()`, run on first read. */
export function lazyProperty<T extends object, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(obj, key, { value, configurable: true, enumerable: true, writable: true });
      return value;
    },
    set(value: T[K]) {
      Object.defineProperty(obj, key, { value, configurable: true, enumerable: true, writable: true });
    },
  });
}
