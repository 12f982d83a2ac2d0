// Hovers for `show ctl` text: certificate details for lines of a rendered file (via the dump's
// line map), and the meaning of tags and roles for any such text, including pasted output.
// Markdown is built with appendText/appendCodeblock only and is never trusted.
import * as vscode from 'vscode';
import type { TrustRecord } from '../core/model';
import type { DumpContentProvider } from './dumpContentProvider';
import { DUMP_SCHEME } from './dumpContentProvider';
import { certificateRows } from '../shared/certificateRows';
import { classifyShowCtlLine } from '../shared/showCtlLine';
import { displayText } from '../shared/displayText';
import { recordLabel } from './commands/target';
import { certificateLabels } from './strings';
import { lineMeaning } from './glossary';

function certificateMarkdown(record: TrustRecord, now = Date.now()): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(recordLabel(record));
  if (!record.certificate) {
    md.appendText(`\n\n${record.certificateError ? vscode.l10n.t('Certificate could not be read: {0}', displayText(record.certificateError)) : vscode.l10n.t('No certificate in this record')}`);
    return md;
  }
  const rows = certificateRows(record, now, certificateLabels());
  const width = Math.max(...rows.map(([label]) => label.length));
  md.appendCodeblock(rows.map(([label, value]) => `${label.padEnd(width)}  ${displayText(value)}`).join('\n'), 'text');
  return md;
}

export class TlvDumpHoverProvider implements vscode.HoverProvider {
  static register(dumps: DumpContentProvider): vscode.Disposable {
    return vscode.languages.registerHoverProvider([{ scheme: DUMP_SCHEME }, { language: 'tlvdump' }], new TlvDumpHoverProvider(dumps));
  }

  private constructor(private readonly dumps: DumpContentProvider) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const text = document.lineAt(position.line).text;
    const range = new vscode.Range(position.line, 0, position.line, text.length);
    const contents: vscode.MarkdownString[] = [];
    const record = await this.dumps.recordAt(document, position.line);
    if (record) contents.push(certificateMarkdown(record));
    const classified = classifyShowCtlLine(text);
    const meaning = classified ? lineMeaning(classified) : [];
    if (meaning.length) contents.push(new vscode.MarkdownString().appendText(meaning.join('\n\n')));
    return contents.length ? new vscode.Hover(contents, range) : undefined;
  }
}
