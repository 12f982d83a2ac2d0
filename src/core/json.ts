// The stable JSON view of a trust list (schema version 1, documented in README.md).
import type { TrustList } from './model';
import { toCucm } from './names';

export const JSON_SCHEMA_VERSION = 1;

export function toJson(list: TrustList) {
  const signer = list.records.find(r => r.isSigner);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: list.kind,
    kindSource: list.kindSource,
    fileNameKind: list.fileNameKind,
    length: list.length,
    complete: list.complete,
    checksums: list.checksums,
    header: {
      version: list.header.version ?? null,
      headerLength: list.header.headerLength ?? null,
      signerVersion: list.header.signerVersion ?? null,
      signerName: list.header.signerName ?? null,
      signerSerial: list.header.signerSerial?.toLowerCase() ?? null,
      caName: list.header.caName ?? null,
      digest: list.header.digest?.name ?? null,
      fileName: list.header.fileName ?? null,
      timestamp: list.header.timestamp?.iso ?? null,
    },
    signer: signer
      ? {
          recordIndex: signer.index,
          subject: signer.certificate ? toCucm(signer.certificate.subject) : (signer.subjectName ?? null),
          issuer: signer.certificate ? toCucm(signer.certificate.issuer) : (signer.issuerName ?? null),
          serial: (signer.certificate?.serial ?? signer.serial ?? '').toLowerCase(),
          sha256: signer.certificate?.sha256 ?? null,
        }
      : null,
    signature: {
      status: list.signature.status,
      digest: list.signature.digest ?? null,
      algorithm: list.signature.algorithm ?? null,
      detail: list.signature.detail,
    },
    records: list.records.map(r => ({
      index: r.index,
      offset: r.range.start,
      length: r.length ?? r.range.end - r.range.start,
      role: r.role ?? null,
      roleName: r.roleName ?? null,
      dnsName: r.dnsName ?? null,
      ipAddress: r.ipAddress ?? null,
      subject: r.subjectName ?? null,
      issuer: r.issuerName ?? null,
      serial: r.serial?.toLowerCase() ?? null,
      isSigner: r.isSigner,
      certificate: r.certificate
        ? {
            subject: r.certificate.subjectRfc4514,
            issuer: r.certificate.issuerRfc4514,
            serial: r.certificate.serial.toLowerCase(),
            sha1: r.certificate.sha1,
            sha256: r.certificate.sha256,
            notBefore: r.certificate.notBefore,
            notAfter: r.certificate.notAfter,
            keyAlgorithm: r.certificate.keyAlgorithm,
            keySize: r.certificate.keySize,
            curve: r.certificate.curve ?? null,
            signatureAlgorithm: r.certificate.signatureAlgorithm,
            subjectAltNames: r.certificate.subjectAltNames,
            keyUsage: r.certificate.keyUsage,
            extendedKeyUsage: r.certificate.extendedKeyUsage,
            basicConstraints: r.certificate.basicConstraints ?? null,
          }
        : null,
      certificateError: r.certificateError ?? null,
    })),
    diagnostics: list.diagnostics.map(d => ({ severity: d.severity, code: d.code, message: d.message, offset: d.offset, path: d.path ?? null })),
  };
}

export type TrustListJson = ReturnType<typeof toJson>;
