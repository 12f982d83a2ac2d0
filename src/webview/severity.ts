// The small error / warning / info mark shown on tree rows and table rows that have diagnostics.
import type { Diagnostic, Severity } from '../core/model';
import type { WebviewStrings } from '../shared/strings';
import { h } from './dom';

const GLYPH: Record<Severity, string> = { error: '✕', warning: '!', info: 'i' };

export function severityMark(severity: Severity | undefined, s: WebviewStrings): HTMLElement | null {
  if (!severity) return null;
  const label = severity === 'error' ? s.severityError : severity === 'warning' ? s.severityWarning : s.severityInfo;
  return h('span', { class: `sev sev-${severity}`, text: GLYPH[severity], attrs: { role: 'img', 'aria-label': label } });
}

/** Tooltip text listing diagnostics, one per line. */
export function diagnosticsTitle(diagnostics: Diagnostic[]): string {
  return diagnostics.map(d => `${d.code}: ${d.message}`).join('\n');
}
