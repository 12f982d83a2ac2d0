// SVG through DOM APIs only: createElementNS, setAttribute and text nodes (no markup strings).
export const SVG_NS = 'http://www.w3.org/2000/svg';

export type SvgChild = Node | string | null | undefined | false;

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: SvgChild[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** Cuts a rendered <text> to `max` pixels with an ellipsis (the full text stays in the bar's <title>). */
export function fitText(text: SVGTextElement, max: number): void {
  const full = text.textContent ?? '';
  if (max <= 0 || text.getComputedTextLength() <= max) return;
  let lo = 0, hi = full.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    text.textContent = `${full.slice(0, mid)}…`;
    if (text.getComputedTextLength() <= max) lo = mid;
    else hi = mid - 1;
  }
  text.textContent = `${full.slice(0, lo)}…`;
}
