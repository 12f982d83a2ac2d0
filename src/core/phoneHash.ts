// The checksum a phone shows for its CTL or ITL ("CTL Signature", "ITL signature" on the screen or its web
// page): the MD5 or the SHA-1 of the whole file, depending on the model. People paste it as they see it.

export type PhoneHashAlgorithm = 'md5' | 'sha1';

export interface PhoneHash {
  algorithm: PhoneHashAlgorithm;
  /** Lowercase hex without separators, as TrustList.checksums holds it. */
  hex: string;
}

export class PhoneHashError extends Error {}

const LENGTHS: Record<number, PhoneHashAlgorithm> = { 32: 'md5', 40: 'sha1' };
/** A word made only of hex digits and the separators phones and people use. */
const HEXISH = /^[0-9a-f]+(?:[:.-][0-9a-f]+)*$/i;

/**
 * Reads `8C92D1A5…`, `8c:92:d1:…`, `8C92 D1A5 …`, `md5:…`, `sha1:…`, `…(MD5)` as `show ctl` prints it, or a
 * whole pasted line such as `CTL Signature 8C92D1A5…`: the hash is the run of hex words at its end.
 */
export function parsePhoneHash(input: string): PhoneHash {
  let text = input.trim().replace(/\((md5|sha1)\)$/i, '');
  const prefix = /^(md5|sha1)\s*:\s*/i.exec(text);
  if (prefix) text = text.slice(prefix[0].length);
  const words = text.split(/\s+/).filter(Boolean);
  let start = words.length;
  while (start > 0 && HEXISH.test(words[start - 1])) start--;
  const hex = words.slice(start).join('').replace(/[:.-]/g, '').toLowerCase();
  const algorithm = LENGTHS[hex.length];
  const wanted = prefix?.[1].toLowerCase();
  if (!algorithm || (wanted && wanted !== algorithm)) {
    const shown = input.trim().slice(0, 80);
    const what = wanted ? `${wanted === 'md5' ? 32 : 40} hex digits for ${wanted.toUpperCase()}` : '32 hex digits (MD5) or 40 (SHA-1)';
    throw new PhoneHashError(`"${shown}" is not a checksum: expected ${what}, with or without ":", "-" or spaces; found ${hex.length} hex digit(s)`);
  }
  return { algorithm, hex };
}

/** How a phone-style hash reads: upper case, in groups of two joined by ':' (CUCM's serial style). */
export function formatPhoneHash(h: PhoneHash): string {
  return h.hex.toUpperCase().replace(/(..)(?=.)/g, '$1:');
}
