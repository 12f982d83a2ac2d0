// The `show ctl` text view: opened from the editor by its command, navigated and hovered in a real editor.
import { expectVisible, hoverText, quickOpen, runCommand, webview } from './workbench.mjs';

const FILE = 'CTLFile.tlv';

async function openTextView(t) {
  await quickOpen(t.page, FILE);
  await expectVisible(webview(t.page).locator('body[data-ready="1"]'), 'the editor webview with body[data-ready="1"]', 30000);
  await runCommand(t.page, 'Open as show ctl text', t.log);
  await expectVisible(editorLine(t.page, 'Parse CTL File'), 'the line "Parse CTL File" in a text editor', 30000);
}

const editorLine = (page, text) => page.locator('.editor-instance .monaco-editor .view-line', { hasText: text });

/** Puts the cursor on the first match of `text` with the editor's Find widget, which scrolls it into view. */
async function findInEditor(page, text) {
  await page.keyboard.press('Control+F');
  const input = await expectVisible(page.locator('.find-widget.visible textarea, .find-widget.visible input').first(), 'the Find widget');
  await input.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  return expectVisible(editorLine(page, text), `the line "${text}"`);
}

export default [
  {
    name: '"Open as show ctl text" shows the CUCM show ctl layout down to the verification line',
    async run(t) {
      await openTextView(t);
      await expectVisible(editorLine(t.page, 'HeaderLength'), 'the line "HeaderLength"');
      await t.step('text-view-top');
      await t.page.keyboard.press('Control+End');
      await expectVisible(editorLine(t.page, 'The CTL file was verified successfully.'),
        'the closing line "The CTL file was verified successfully."');
      await t.step('text-view-bottom');
    },
  },
  {
    name: 'hovering a certificate record in the text view shows a hover about it',
    async run(t) {
      await openTextView(t);
      const line = await findInEditor(t.page, 'SUBJECTNAME');
      const text = await hoverText(t.page, line.locator('span span').first(), 'the first SUBJECTNAME line');
      if (!text) throw new Error('the hover over the SUBJECTNAME line is empty');
      t.log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
      await t.step('record-hover');
    },
  },
];
