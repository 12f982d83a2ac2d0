// Recognises what one line of `show ctl` / `show itl` text is about, for hovers on pasted output
// where no decoded file is behind the text.

export type ShowCtlLine =
  | { kind: 'field'; tag: number; label: string; length: number; value: string }
  | { kind: 'record'; index: number }
  | { kind: 'checksum'; algorithm: 'MD5' | 'SHA1' }
  | { kind: 'verified' }
  | { kind: 'notVerified' }
  | { kind: 'signerMark'; used: boolean };

// CUCM's labels (with its misspellings, and the correct spellings other tools print), or TAG_<n>.
const LABELS = [
  'SIGNERID', 'SIGNERNAME', 'SERIALNUMBER', 'CANAME', 'SIGNATUREINFO', 'DIGESTALGORTITHM', 'DIGESTALGORITHM',
  'SIGNATUREALGOINFO', 'SIGNATUREALGORTITHM', 'SIGNATUREALGORITHM', 'SIGNATUREMODULUS', 'SIGNATURE', 'FILENAME',
  'TIMESTAMP', 'SIGNERVERSION', 'RECORDLENGTH', 'DNSNAME', 'SUBJECTNAME', 'FUNCTION', 'ISSUERNAME', 'PUBLICKEY',
  'CERTIFICATE', 'IPADDRESS', 'CERTHASH', 'HASH ALGORITHM', 'TAG_\\d+',
].join('|');
// `4 FUNCTION 2 CCM+TFTP`, `12 HASH ALGORITHM 1`: tag number, label, length, value.
const FIELD = new RegExp(`^\\s*(\\d{1,3})\\s+(${LABELS})\\s+(\\d+)(?:\\s+(.*))?$`);
const RECORD = /^\s*(?:CTL|ITL) Record #:\s*(\d+)/;
const CHECKSUM = /^\s*[0-9a-f]+\((MD5|SHA1)\)\s*$/i;

export function classifyShowCtlLine(line: string): ShowCtlLine | undefined {
  const field = FIELD.exec(line);
  if (field) return { kind: 'field', tag: Number(field[1]), label: field[2], length: Number(field[3]), value: (field[4] ?? '').trim() };
  const record = RECORD.exec(line);
  if (record) return { kind: 'record', index: Number(record[1]) };
  const checksum = CHECKSUM.exec(line);
  if (checksum) return { kind: 'checksum', algorithm: checksum[1].toUpperCase() === 'MD5' ? 'MD5' : 'SHA1' };
  if (/file was verified successfully/i.test(line)) return { kind: 'verified' };
  if (/file was NOT verified/i.test(line)) return { kind: 'notVerified' };
  const mark = /etoken was (not )?used to sign/i.exec(line);
  if (mark) return { kind: 'signerMark', used: !mark[1] };
  return undefined;
}
