// Makes attacker-controlled names safe to show: control and bidi-override characters become visible
// `\u{…}` escapes (so they cannot reorder or break lines), and very long values are cut.

// C0/C1 controls, bidi embeddings/overrides/isolates, marks, line/paragraph separators, BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const DEFAULT_MAX_CHARS = 512;

export function displayText(text: string, maxChars = DEFAULT_MAX_CHARS): string {
  const cut = text.length > maxChars ? `${text.slice(0, maxChars)}… (+${text.length - maxChars})` : text;
  return cut.replace(INVISIBLE, c => `\\u{${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`);
}
