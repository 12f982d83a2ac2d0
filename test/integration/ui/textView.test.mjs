// The `show ctl` text view: opened from the editor by its command, navigated and hovered in a real editor.
import { editorLine, expectVisible, findInEditor, hoverText, quickOpen, runCommand, webview } from './workbench.mjs';

const FILE = 'CTLFile.tlv';

async function openTextView(t) {
  await quickOpen(t.page, FILE);
  // The editor's webview takes the focus when it loads, which would close a palette opened before.
  await expectVisible(webview(t.page).locator('body[data-ready="1"]'), 'the editor webview with body[data-ready="1"]', 30000);
  await runCommand(t.page, 'Open as show ctl text', t.log);
  await expectVisible(editorLine(t.page, 'Parse CTL File'), 'the line "Parse CTL File" in a text editor', 30000);
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
