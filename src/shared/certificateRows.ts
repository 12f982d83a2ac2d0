// The certificate details shown on hover (host) and in the records-table tooltip (webview),
// computed once here so both show the same rows.
import type { TrustRecord } from '../core/model';
import { colonHex } from './bytesText';
import { format, type CertificateLabels } from './strings';

const DAY_MS = 86_400_000;

export type DetailRow = [label: string, value: string];

/** Whole days from `now` to `notAfter`; negative once expired. */
export function daysLeft(notAfter: string, now: number): number | undefined {
  const end = Date.parse(notAfter);
  return Number.isNaN(end) ? undefined : Math.floor((end - now) / DAY_MS);
}

export type ExpiryState = 'expired' | 'expiring' | 'ok' | 'unknown';

export function expiryState(notAfter: string | undefined, now: number, warningDays: number): ExpiryState {
  const days = notAfter === undefined ? undefined : daysLeft(notAfter, now);
  if (days === undefined) return 'unknown';
  if (Date.parse(notAfter as string) <= now) return 'expired';
  return days < warningDays ? 'expiring' : 'ok';
}

function daysLeftText(notAfter: string, now: number, labels: CertificateLabels): string {
  const days = daysLeft(notAfter, now);
  if (days === undefined) return labels.none;
  return Date.parse(notAfter) <= now ? format(labels.expiredValue, Math.abs(days)) : format(labels.daysLeftValue, days);
}

export function certificateRows(record: TrustRecord, now: number, labels: CertificateLabels): DetailRow[] {
  const c = record.certificate;
  if (!c) return [];
  const list = (items: string[]): string => (items.length ? items.join(', ') : labels.none);
  const key = c.curve ? `${format(labels.keyValue, c.keySize, c.keyAlgorithm)} (${c.curve})` : format(labels.keyValue, c.keySize, c.keyAlgorithm);
  const rows: DetailRow[] = [
    [labels.subject, c.subjectRfc4514],
    [labels.issuer, c.issuerRfc4514],
    [labels.serial, colonHex(c.serial)],
    [labels.validFrom, c.notBefore],
    [labels.validUntil, c.notAfter],
    [labels.daysLeft, daysLeftText(c.notAfter, now, labels)],
    [labels.key, key],
    [labels.signatureAlgorithm, c.signatureAlgorithm],
    [labels.subjectAltNames, list(c.subjectAltNames)],
    [labels.keyUsage, list(c.keyUsage)],
    [labels.extendedKeyUsage, list(c.extendedKeyUsage)],
  ];
  if (c.basicConstraints) {
    const bc = c.basicConstraints;
    rows.push([labels.basicConstraints, `CA=${bc.ca}${bc.pathLength === undefined ? '' : `, pathlen=${bc.pathLength}`}`]);
  }
  rows.push([labels.sha1, colonHex(c.sha1)], [labels.sha256, colonHex(c.sha256)], [labels.signer, record.isSigner ? labels.yes : labels.no]);
  return rows;
}
