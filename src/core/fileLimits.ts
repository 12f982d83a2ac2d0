// What every reader of trust-list files (the CLI, the workspace scan, the editor) refuses before it reads
// a byte: a name ending in .tlv can be a FIFO, whose read waits for a writer forever, or a symbolic link
// to /dev/zero, whose read never ends; and no trust list is large.
import { FILE_NOT_REGULAR, FILE_TOO_LARGE, localizable, type Localizable } from './messages';

/**
 * More than any trust list holds (phones refuse CTL and ITL files over 64 KB; the decoder is tested on
 * 8 MB), and little enough to hold in memory.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why a file is not read as a trust list, or undefined when it may be read. */
export function refusal(file: { isFile: boolean; size: number }): Localizable | undefined {
  if (!file.isFile) return localizable(FILE_NOT_REGULAR);
  if (file.size > MAX_FILE_BYTES) return localizable(FILE_TOO_LARGE, { size: file.size, max: MAX_FILE_BYTES });
  return undefined;
}
