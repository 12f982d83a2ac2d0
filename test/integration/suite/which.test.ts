// "Which Trust List Does the Phone Hold?…" in a real VS Code: the checksum of a workspace file lists that
// file, "Pre-flight from here" opens the pre-flight check with it as the phone's file and the workspace's
// CTLFile.tlv / ITLFile.tlv as the next files, and the comparison's "Check with the ITL too…" does the same
// with OLD and NEW.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PreflightModel } from '../../../src/shared/preflightProtocol';
import type { CompareModel } from '../../../src/extension/compare/protocol';
import { extensionApi, fixture, nextEvent } from './helpers';


const hashOf = (algorithm: 'md5' | 'sha1', name: string) => createHash(algorithm).update(readFileSync(fixture(name).fsPath)).digest('hex');
const colons = (h: string) => h.toUpperCase().replace(/(..)(?=.)/g, '$1:');

describe('which trust list does the phone hold', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('the SHA-1 of CTLFile.tlv and the MD5 of ITLFile.tlv, pasted as a phone shows them, list those files', async () => {
    const api = await extensionApi();
    const result = await api.which.find(`CTL Signature ${colons(hashOf('sha1', 'CTLFile.tlv'))}\nITL Signature ${colons(hashOf('md5', 'ITLFile.tlv'))}`);
    const current = result.matches.filter(m => m.current).map(m => [m.kind, m.uri]);
    assert.deepEqual(current, [['CTL', fixture('CTLFile.tlv').toString()], ['ITL', fixture('ITLFile.tlv').toString()]]);
    assert.ok(result.searched.files >= 6, `searched ${result.searched.files} file(s)`);
    await assert.rejects(api.which.find('abc'), /not a checksum/);
  });

  it('Pre-flight from here: the match as the phone\'s CTL, the workspace files as the next ones', async () => {
    const api = await extensionApi();
    const result = await api.which.find(hashOf('sha1', 'CTLFile-v1.tlv'));
    const [match] = result.matches;
    assert.equal(match?.kind, 'CTL');
    const updated = nextEvent(api.preflight.onDidUpdate, (m: PreflightModel) => m.files['phone-ctl']?.name === 'CTLFile-v1.tlv', 'the pre-flight result');
    await api.which.preflightFrom(match, result);
    const model = await updated;
    assert.equal(model.files['next-ctl']?.name, 'CTLFile.tlv');
    assert.equal(model.files['next-itl']?.name, 'ITLFile.tlv');
  });

  it('the comparison\'s "Check with the ITL too…" opens the pre-flight check with OLD and NEW', async () => {
    const api = await extensionApi();
    const compared = nextEvent(api.compare.onDidUpdate, (m: CompareModel) => m.new.name === 'CTLFile-v2-regenerated.tlv', 'the comparison');
    await vscode.commands.executeCommand('tlvViewer.compareFiles', fixture('CTLFile-v1.tlv'), fixture('CTLFile-v2-regenerated.tlv'));
    await compared;
    const updated = nextEvent(api.preflight.onDidUpdate, (m: PreflightModel) => m.files['next-ctl']?.name === 'CTLFile-v2-regenerated.tlv', 'the pre-flight result');
    await api.compare.preflight();
    const model = await updated;
    assert.equal(model.files['phone-ctl']?.name, 'CTLFile-v1.tlv');
    assert.equal(model.files['phone-itl'] ?? null, null);
  });
});
