// One-line text for a field's value, following what `show ctl` prints where it prints anything,
// and a short hex preview where it prints nothing (so the tag table is never blank for data).
import type { Field } from '../core/model';
import { colonHex, toHex } from './bytesText';

const PREVIEW_BYTES = 24;

export function fieldValueText(field: Field, bytes: Uint8Array): string {
  const v = field.value;
  switch (v.type) {
    case 'container': return String(field.length);
    case 'version': return v.text;
    case 'uint': return String(v.value);
    case 'string': return v.value;
    case 'serial': return colonHex(v.hex);
    case 'role': return `${v.longName} (${v.code})`;
    case 'digest': return `${v.name} (${v.code})`;
    case 'code': return String(v.code);
    case 'ipv4': return v.address;
    case 'timestamp': return v.iso;
    case 'certificate': return `SHA-1 ${colonHex(v.sha1)}`;
    case 'padding': return '';
    case 'bytes':
    case 'unknown': return hexPreview(fieldBytes(field, bytes));
    default: return assertNever(v);
  }
}

/** The value bytes of a field (a view into the file, not a copy). */
export function fieldBytes(field: Field, bytes: Uint8Array): Uint8Array {
  return bytes.subarray(field.valueRange.start, Math.min(field.valueRange.end, bytes.length));
}

function hexPreview(value: Uint8Array): string {
  const head = toHex(value.subarray(0, PREVIEW_BYTES), ' ');
  return value.length > PREVIEW_BYTES ? `${head} …` : head;
}

function assertNever(v: never): string {
  return String((v as { type?: unknown }).type ?? '');
}
