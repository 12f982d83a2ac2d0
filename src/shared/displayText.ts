// Makes attacker-controlled names safe to show: control and bidi-override characters become visible
// `\u{…}` escapes (so they cannot reorder or break lines), and very long values are cut.
import { inert } from '../core/dump';

const DEFAULT_MAX_CHARS = 512;

export function displayText(text: string, maxChars = DEFAULT_MAX_CHARS): string {
  return inert(text.length > maxChars ? `${text.slice(0, maxChars)}… (+${text.length - maxChars})` : text);
}
