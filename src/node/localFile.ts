// Reading a trust-list file of the local disk, for the CLI and the workspace scan's worker threads:
// opened without waiting on a FIFO, refused unless the opened file is regular and small enough
// (src/core/fileLimits.ts), then read to its end.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES, refusal } from '../core/fileLimits';
import { fill } from '../core/messages';

/** A file refused before it was read; the message (English) says why. */
export class RefusedFile extends Error {}

/** A buffer kept from one read to the next (see ScratchReader); replaced by a larger one when a file needs it. */
export interface Scratch {
  buffer: Uint8Array;
}

/**
 * The file's bytes. With `scratch`, they are read into its buffer and valid until its next use; without,
 * into a buffer of their own. Throws RefusedFile, or the file system's error (with its `code`).
 */
export function readLocalFile(path: string, scratch?: Scratch): Uint8Array {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer (no effect on a regular file; 0 where undefined).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    const why = refusal({ isFile: stat.isFile(), size: stat.size });
    if (why) throw new RefusedFile(fill(why));
    // One byte more than the size, so the read that finds the end needs no larger buffer.
    let buffer = scratch && scratch.buffer.length > stat.size ? scratch.buffer : new Uint8Array(Math.max(stat.size + 1, scratch ? scratch.buffer.length * 2 : 0));
    let n = 0;
    for (;;) {
      if (n === buffer.length) {
        // It grew while being read.
        if (n > MAX_FILE_BYTES) throw new RefusedFile(fill(refusal({ isFile: true, size: n })!));
        const grown = new Uint8Array(n * 2);
        grown.set(buffer);
        buffer = grown;
      }
      const got = readSync(fd, buffer, n, buffer.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (scratch) scratch.buffer = buffer;
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
