// Puts the translated sentences (signature detail, diagnostics, compare verdicts and warnings) in
// place of the core's English ones in what a webview receives, so the webview sets display text only.
// The host's own model (dump, copy, test API) keeps the English.
// No vscode import: the host passes `localize`, the unit tests pass the English `fill`.
import type { Comparison } from '../core/compare';
import type { Localizable } from '../core/messages';
import type { ViewModel } from '../shared/protocol';

export type Localize = (l: Localizable) => string;

export function localizeViewModel(model: ViewModel, localize: Localize): ViewModel {
  const { signature, diagnostics } = model.list;
  return {
    ...model,
    list: {
      ...model.list,
      signature: { ...signature, detail: localize(signature.l10n) },
      // The error/warning list and the node badges show these.
      diagnostics: diagnostics.map(d => (d.l10n ? { ...d, message: localize(d.l10n) } : d)),
    },
  };
}

export function localizeComparison(c: Comparison, localize: Localize): Comparison {
  return {
    ...c,
    verdicts: c.verdicts.map(v => ({ ...v, explanation: localize(v.l10n) })),
    warnings: c.warnings.map(w => ({ ...w, message: localize(w.l10n) })),
  };
}
