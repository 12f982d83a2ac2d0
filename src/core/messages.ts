// The sentences the core writes for people (signature detail, compare verdicts and warnings), as
// English templates with `{name}` placeholders: the form `vscode.l10n.t(message, args)` takes, so
// the extension host can show them translated while the CLI and JSON keep the filled English.
// An argument may itself be a Localizable (a role name we do not know, a certificate label, a
// second sentence), so no English fragment ends up inside a translated sentence.

export type L10nArg = string | number | Localizable;

export interface Localizable {
  message: string;
  args: Record<string, L10nArg>;
}

/** Formats one template whose arguments are already text: the signature of `vscode.l10n.t(message, args)`. */
export type Translate = (message: string, args: Record<string, string | number>) => string;

export const localizable = (message: string, args: Record<string, L10nArg> = {}): Localizable => ({ message, args });

/** Resolves nested arguments first, then formats the template with `translate`. */
export function render(l: Localizable, translate: Translate): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(l.args)) args[k] = typeof v === 'object' ? render(v, translate) : v;
  return translate(l.message, args);
}

/** A template split once into text and placeholder names (odd indexes): every file fills the same few. */
const templates = new Map<string, string[]>();
function split(message: string): string[] {
  let parts = templates.get(message);
  if (!parts) {
    parts = message.split(/\{([^}]+)\}/);
    if (templates.size >= 1024) templates.clear();
    templates.set(message, parts);
  }
  return parts;
}

/** Same substitution as VS Code's l10n (format2): one pass, so `{…}` inside an argument stays as it is. */
function format(message: string, args: Record<string, string | number>): string {
  const parts = split(message);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (Object.hasOwn(args, parts[i]) ? String(args[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
  return out;
}

/** The English text of a Localizable. */
export const fill = (l: Localizable): string => render(l, format);

// Pieces of sentences.
/** Two sentences in a row; Japanese joins them without a space. */
export const TWO_SENTENCES = '{first} {next}';
/** Two items of a list of names. */
export const LIST_PAIR = '{first}, {next}';
export const NONE_IN_PARENS = '(none)';
export const NO_CERTIFICATE = 'none';
export const UNKNOWN_ROLE = 'unknown role';
export const RECORD_NUMBER = 'record #{index}';
/** A certificate in a sentence: its CN (or DNS name, or record number) and serial. */
export const CERTIFICATE_LABEL = '{name} (serial {serial})';
export const ANOTHER_DIGEST = 'another digest';

// SignatureResult.detail
export const SIGNATURE_MISSING = 'The header has no SIGNATURE (tag 12).';
export const DIGEST_MISSING = 'The header has no DIGESTALGORITHM (tag 8).';
export const DIGEST_UNKNOWN = 'Digest algorithm code {code} is not one we know (1 = SHA-1, 2 = SHA-256, 3 = SHA-512).';
export const SIGNATURE_ALGORITHM_UNSUPPORTED = 'Signature algorithm code {code} is not supported (0 = RSA PKCS#1 v1.5).';
export const SIGNER_NOT_FOUND = "No SAST (FUNCTION 0) record has the signer's serial {serial}.";
export const SIGNER_NOT_SAST = 'Record #{record} ({role}) has that serial, but only SAST records sign a trust list.';
export const SIGNER_NO_CERTIFICATE = 'The signer, record #{record}, has no CERTIFICATE (tag 9), so its key is unknown and the signature was not checked.';
/** `error` is the X.509 parser's own technical detail (English). */
export const SIGNER_CERTIFICATE_UNREADABLE = "The signer's certificate (record #{record}) could not be read ({error}), so the signature was not checked.";
export const SIGNER_KEY_UNSUPPORTED = 'The signer, record #{record}, has a {algorithm} key; trust lists are signed with RSA PKCS#1 v1.5 or ECDSA, so the signature was not checked.';
export const SIGNER_CURVE_UNSUPPORTED = 'The signer, record #{record}, has an EC key on curve {curve}; only P-256, P-384 and P-521 are checked (on every host), so the signature was not checked.';
export const SIGNATURE_VERIFIES_BUT_DAMAGED = 'The signed bytes verify with the key of record #{record} ({role}), but the file is malformed: {reason}.';
export const DECODING_STOPPED = 'decoding stopped before the end of the file';
export const SIGNER_MAYBE_IN_DAMAGE = 'The file is damaged, so the signer record may be among the bytes that could not be decoded.';
export const SIGNATURE_VERIFIED = 'Signed by record #{record} ({role}) with {algorithm}/{hash}; the signature verifies.';
export const SIGNATURE_DAMAGED = 'The file is damaged, so its signature cannot verify: {reason}.';
export const SIGNATURE_INVALID = 'The signature does not verify with the key of record #{record} ({role}): the file was changed after signing, or signed by another key.';
export const SIGNATURE_SIZE_NOTE = 'The signature is {length} bytes; a {bits}-bit key makes {expected}.';
export const SIGNATURE_MODULUS_NOTE = 'SIGNATUREMODULUS announces {expected} bytes.';

// Verdict.explanation
export const VERDICT_R0 = 'NEW does not verify ({status}): {reason} Every phone rejects it.';
export const VERDICT_R2 = 'NEW is signed by {signer}, the same SAST certificate that signed OLD.';
export const VERDICT_R3 = 'NEW is signed by {signer}, which OLD already trusts as record #{record} ({role}).';
export const VERDICT_R4_TVS_CANNOT_VOUCH = "NEW's signer {signer} is not trusted by OLD, and TVS cannot vouch: {why} Reset the phones' trust (ITLRecovery bulk reset while its key is valid, or manual deletion).";
export const TVS_NOT_KEPT = 'NEW keeps none of the TVS certificates the phone holds ({tvs}).';
export const TVS_NONE_IN_OLD = 'OLD has no TVS record, so the phone cannot reach TVS.';
export const VERDICT_R4_VIA_TVS = "NEW's signer {signer} is not in OLD; phones with Security by Default ask TVS, which vouches through the TVS certificate(s) {tvs} that both files hold.";
export const VERDICT_R4_NEEDS_ITL = "NEW's signer {signer} is not a SAST anchor of OLD. Phones with Security by Default may accept it through TVS, but the TVS certificate they trust is in their ITL, which these two files do not show: run the pre-flight check with the phone's ITL.";
export const VERDICT_OLD_UNUSABLE = 'Cannot be judged: {why} R1 (first install) applies only to a phone that holds no CTL and no ITL.';
export const OLD_HAS_NO_RECORDS = 'OLD holds no records.';
export const OLD_DOES_NOT_DECODE = 'OLD does not decode whole, so what the phone holds is unknown.';
export const VERDICT_R5_ITL = 'These devices do not use the ITL; they are not affected.';
export const VERDICT_R5_CTL = "No TVS fallback: NEW's signer {signer} is not a SAST anchor of OLD, so 7940/7960, Jabber, TelePresence and 6901/6911 reject it until the CTL is deleted by hand on each device.";
export const VERDICT_R7 = 'Planned anchor swap: NEW is signed by {signer}, the other SAST anchor already in OLD (record #{record}); phones accept it.';

// CompareWarning.message
export const WARN_TOO_MANY_SAST = 'NEW has {count} SAST records; at most 2 are valid.';
export const WARN_FILE_TOO_LARGE = 'NEW is {length} bytes; phones fail to load a trust list over 64 KB (65,536 bytes).';
export const WARN_SHA512_MOVE = 'NEW is signed with SHA-512 while OLD used {digest}: older phones cannot verify SHA-512.';
export const WARN_SIGNER_AND_TVS_CHANGED = 'The signer and a TVS certificate changed in the same step: phones that do not trust the new signer cannot be vouched for by TVS.';
export const WARN_TVS_CHANGED_WITH_SIGNER = 'The signer and some TVS certificates changed in the same step: TVS can vouch only through {tvs}, the ones both files hold.';
export const WARN_KIND_MISMATCH = '{which} says {tagKind} in its FILENAME tag, but its file name makes phones load it as a {nameKind}: judged by the stricter CTL rules.';
export const WARN_KINDS_DIFFER = 'OLD is a {old} and NEW is a {new}: a phone does not replace one with the other.';
export const WARN_OLD_NOT_VERIFIED = 'OLD does not verify ({status}); the verdict assumes it is what the phones hold.';
/** The record a certificate warning is about: "record #3 (TVS) name (serial …)". */
export const WARN_RECORD = 'record #{index} ({role}) {certificate}';
export const WARN_CERT_EXPIRED = '{record} expired on {date}.';
export const WARN_CERT_EXPIRING = '{record} expires on {date}, in {days} day(s).';
export const WARN_WEAK_KEY = '{record} has a {bits}-bit RSA key (below 2048).';
export const WARN_WEAK_CERT_SIGNATURE = '{record} is signed with {algorithm}.';
export const WARN_RECORD_REMOVED = '{role} {host} (OLD record #{record}) is not in NEW.';
export const WARN_RECORD_ADDED = '{role} {host} (NEW record #{record}) is new.';
export const WARN_CERT_REPLACED = '{role} {host}: certificate replaced, serial {oldSerial} → {newSerial}, {oldKey} → {newKey}, valid until {oldUntil} → {newUntil}.';

// Files the readers refuse before reading a byte (src/core/fileLimits.ts).
export const FILE_NOT_REGULAR = 'not a regular file (a folder, a device, a pipe or a socket, perhaps behind a symbolic link): not read';
export const FILE_TOO_LARGE = '{size} bytes, more than any trust list ({max} bytes at most): not read';

// Diagnostic.message (the decoder's findings). Tag and field names are arguments, never translated.
/** Where in the file: decimal and hex, so it matches both `show ctl` and a hex editor. */
export const AT_OFFSET = 'offset {offset} (0x{hex})';
export const THE_HEADER = 'the header';
export const END_OF_FILE = 'the end of the file';
/** `what` is the header, a record, or a container's tag name. */
export const END_OF = 'the end of {what}';
export const DIAG_BAD_FIELD_LENGTH = '{name} at {at} has length {length}, expected {expected}; kept as raw bytes';
export const DIAG_STRING_NOT_TERMINATED = '{name} at {at} lacks its NUL terminator';
export const DIAG_UNKNOWN_ROLE = 'FUNCTION at {at} has unknown role code {code}';
export const DIAG_TRUNCATED_FIELD = 'expected a 1-byte tag and a 2-byte length at {at}, but only {remaining} byte(s) remain before {end} at {limit}';
export const DIAG_LENGTH_OVERFLOW = '{name} (tag {tag}) at {at} declares {length} byte(s), but only {remaining} remain before {end} at {limit}';
export const DIAG_UNKNOWN_TAG = 'unknown tag {tag} at {at} in {what} (length {length}); kept as raw bytes';
export const DIAG_DUPLICATE_TAG = '{name} (tag {tag}) at {at} appears twice in {what}; the first one is used';
/** `error` is the X.509 parser's own technical detail (English). */
export const DIAG_CERTIFICATE_UNREADABLE = 'record #{index}: the CERTIFICATE at {at} is not readable X.509: {error}';
export const DIAG_MISSING_FUNCTION = 'record #{index} at {at} has no FUNCTION (tag 4)';
export const DIAG_EMPTY_FILE = 'the file is empty; expected a header starting with VERSION (tag 1)';
export const DIAG_NOT_A_TRUST_LIST = 'expected VERSION (tag 1, length 2) at {at}, found tag {tag} length {length}: this is not a CTL or ITL file';
export const DIAG_NESTING_TOO_DEEP = '{name} (tag {tag}) at {at} is a container nested {depth} levels deep; trust lists nest at most {max}';
export const DIAG_PADDING_IN_RECORD = 'PADDING (tag 13) at {at} in {what}: padding is only valid in the header';
export const DIAG_DUPLICATE_SIGNING_FIELD = '{name} (tag {tag}) at {at} appears twice in the header; a reader could take either one, so the signature cannot be trusted';
// Findings: facts about the whole file, shown wherever the file is.
export const DIAG_TOO_MANY_SAST = 'the file has {count} SAST records; at most 2 are valid';
export const DIAG_DUPLICATE_RECORD = 'record #{index} at {at} repeats record #{first}: the same role and certificate';
export const DIAG_SIGNERNAME_MISMATCH = 'SIGNERNAME at {at} "{value}" is not the subject of the signer\'s certificate "{certificate}"';
export const DIAG_CANAME_MISMATCH = 'CANAME at {at} "{value}" is not the issuer of the signer\'s certificate "{certificate}"';
export const DIAG_KIND_MISMATCH = 'FILENAME at {at} says "{value}" ({tagKind}), but phones load a file named {fileName} as a {nameKind}';
export const DIAG_MISSING_HEADERLENGTH = 'no HEADERLENGTH (tag 2) in the header; records assumed to start at {at}';
export const DIAG_HEADERLENGTH_PAST_END = 'HEADERLENGTH {headerLength} points past the end of the file ({size} bytes)';
export const DIAG_HEADER_SIZE_MISMATCH = 'header fields end at {at} but HEADERLENGTH says {headerLength}';
export const DIAG_TOO_MANY_RECORDS = 'more than {max} records; stopped at {at}';
export const DIAG_TOO_MANY_NOTES = '{count} more warnings and notes after the first {max} are not listed (the first is at {at})';
export const DIAG_RECORD_EXPECTED = 'expected record #{index} to start with RECORDLENGTH (tag 1, length 2) at {at}, found {found}';
export const FOUND_BYTES_LEFT = 'only {count} byte(s) left';
export const FOUND_TAG = 'tag {tag} length {length}';
export const DIAG_RECORD_TOO_SHORT = 'record #{index} at {at} declares RECORDLENGTH {length}, less than its own 5-byte field';
export const DIAG_RECORD_OVERFLOW = 'record #{index} at {at} declares {length} bytes, but only {remaining} remain before the end of the file at {size}';
// Cross-checks between a record's side fields and its certificate.
export const DIAG_PUBLICKEY_MISMATCH = "record #{index}: {name} at {at} differs from the certificate's public key";
export const DIAG_SIGNATURE_MISMATCH = "record #{index}: {name} at {at} differs from the certificate's signatureValue";
export const DIAG_SERIAL_MISMATCH = "record #{index}: {name} at {at} is {serial}, the certificate's serial is {certificateSerial}";
export const DIAG_SUBJECT_MISMATCH = 'record #{index}: {name} at {at} "{value}" names other attributes than the certificate\'s subject "{certificate}"';
export const DIAG_ISSUER_MISMATCH = 'record #{index}: {name} at {at} "{value}" names other attributes than the certificate\'s issuer "{certificate}"';

// Pre-flight check (preflight.ts): a phone's CTL and ITL against the files the cluster will serve.
/** The four inputs, as they appear inside sentences. */
export const PF_SLOT_PHONE_CTL = "the phone's CTL";
export const PF_SLOT_PHONE_ITL = "the phone's ITL";
export const PF_SLOT_NEXT_CTL = 'the next CTL';
export const PF_SLOT_NEXT_ITL = 'the next ITL';
/** Where R3 found the signer. */
export const PF_HELD_ITL = 'the ITL the phone holds';
export const PF_HELD_CTL_AFTER_STEP1 = 'the CTL the phone holds after step 1';
/** Outcomes inside a sentence. */
export const PF_OUTCOME_ACCEPTED = 'accepted';
export const PF_OUTCOME_VIA_TVS = 'accepted via TVS';
export const PF_OUTCOME_REJECTED = 'rejected';
export const PF_OUTCOME_UNDETERMINED = 'cannot be judged';
export const PF_OUTCOME_NOT_AFFECTED = 'not affected';

// Missing inputs.
export const PF_MISSING_PHONE_CTL = "No phone CTL given: simulated as a phone that holds no CTL (a cluster in non-secure mode, or a phone never registered to a mixed-mode cluster).";
export const PF_MISSING_PHONE_ITL = "No phone ITL given: simulated as a phone that holds no ITL, so TVS cannot be judged.";
export const PF_MISSING_NEXT_CTL = 'No next CTL given: step 1 (CTLFile.tlv) is not simulated, and the phone keeps the CTL it holds.';
export const PF_MISSING_NEXT_ITL = 'No next ITL given: step 2 (the ITL) is not simulated, and the TVS certificate the cluster serves is unknown.';

// Steps.
export const PF_NOT_SIMULATED = 'Not simulated: {slot} was not given.';
export const PF_STEP_R0 = '{slot} does not verify ({status}): {reason} The phone rejects it and keeps what it holds.';
export const PF_STEP_R1 = 'The phone holds no list it could check {slot} with: it accepts it on trust (leap of faith).';
export const PF_STEP_HELD_UNUSABLE = 'Cannot be judged: {slot} does not decode whole or holds no records, so what the phone holds is unknown. R1 (first install) applies only to a phone that holds nothing.';
export const PF_STEP_R2 = 'The next CTL is signed by {signer}, the same SAST certificate that signed the CTL the phone holds (record #{record}).';
export const PF_STEP_R7 = 'Planned anchor swap: the next CTL is signed by {signer}, the other SAST anchor already in the CTL the phone holds (record #{record}); the phone accepts it.';
export const PF_STEP_R3 = 'The next ITL is signed by {signer}, which the phone trusts as record #{record} ({role}) of {list}.';
export const PF_STEP_VIA_TVS = 'The signer of {slot}, {signer}, is not trusted locally; the phone asks TVS, which vouches through the TVS certificate(s) {tvs} held by both the phone\'s ITL and the next ITL.';
export const PF_STEP_TVS_UNDETERMINED = 'The signer of {slot}, {signer}, is not trusted locally, and TVS cannot be judged: {why}';
export const PF_STEP_TVS_REJECTED = 'The signer of {slot}, {signer}, is not trusted locally, and TVS cannot vouch: {why}';
export const PF_WHY_NO_NEXT_ITL = 'without the next ITL, the TVS certificate the cluster serves is unknown.';
export const PF_WHY_NEXT_ITL_UNVERIFIED = 'the next ITL does not verify, so the TVS certificate the cluster serves is unknown.';
export const PF_WHY_NO_PHONE_ITL = "the phone's ITL was not given (or the phone holds none), so the TVS certificates it trusts are unknown.";
export const PF_WHY_PHONE_ITL_UNUSABLE = "the phone's ITL does not decode whole, so the TVS certificates it trusts are unknown.";
export const PF_WHY_TVS_NOT_KEPT = 'the next ITL keeps none of the TVS certificates the phone holds ({tvs}).';
export const PF_WHY_NO_TVS_HELD = "the phone's ITL has no TVS record, so the phone cannot reach TVS.";
export const PF_STEP_R5_CTL = "No TVS fallback: the next CTL's signer {signer} is not a SAST anchor of the CTL these devices hold, so they reject it until the CTL is deleted by hand on each device.";
export const PF_STEP_DEPENDS = 'Cannot be judged: it depends on step 1, which cannot be judged ({kept} if the phone kept its CTL, {replaced} if it took the next one).';
export const PF_NOTHING_TO_CHECK = 'Neither a next CTL nor a next ITL was given: there is nothing to check.';

// Recovery, one sentence per device class.
export const PF_RECOVERY_NONE = 'No recovery needed.';
export const PF_RECOVERY_KEEP_TVS = 'Keep TVS running, with its certificate unchanged, until every phone has downloaded the new files.';
export const PF_RECOVERY_UNDETERMINED = 'Give the missing or unreadable files to decide; until then, plan as if the phones reject the new files.';
export const PF_RECOVERY_DELETE_CTL = 'Delete the CTL by hand on each of these devices, then let them download the new one.';
export const PF_RECOVERY_RESET = 'Run `utils itl reset` (bulk reset) while the ITLRecovery key the phones hold is still valid; otherwise delete the CTL and ITL by hand on each phone.';
export const PF_RECOVERY_OTHER_CLUSTER = 'These devices trust another cluster: before moving them, upload this cluster\'s signing certificates (CallManager, ITLRecovery) to the old cluster as Phone-SAST-trust; otherwise delete the CTL and ITL by hand on each device.';

// Errors: combinations that strand phones.
export const PF_ERR_CALLMANAGER_AND_TVS = 'The CallManager certificate ({callManager}) and the TVS certificate ({tvs}) are regenerated together: phones that do not trust the new signer cannot be vouched for by TVS. Regenerate one, wait until every phone has the new files, then the other.';
export const PF_ERR_ITL_SIGNER_AND_TVS = "The next ITL changes its signer ({old} → {new}) and a TVS record in the same step: a phone that does not trust the new signer can only be vouched for by a TVS certificate it already holds.";
export const PF_ERR_NO_ANCHOR = 'None of the certificates the phone trusts (SAST of its CTL; SAST, TFTP, CCM+TFTP and TVS of its ITL) is in the next files: phones that reject them have no anchor left.';
export const PF_ERR_WRONG_KIND = '{slot} is a {kind} file, used here as a {expected}.';
// Report over a folder (report.ts): why a file is an outlier, and the totals.
export const REPORT_OUTLIER_MALFORMED = 'The file is malformed at {at}: {error}';
export const REPORT_OUTLIER_NOT_VERIFIED = 'The file does not verify ({status}): {detail}';
export const REPORT_OUTLIER_SIGNER = 'Signed by {signer} (serial {serial}), while {count} of the {total} {kind} files in this folder are signed by {majority} (serial {majoritySerial}).';
export const REPORT_OUTLIER_TVS = 'Holds {tvs} TVS certificate(s) that differ from the set of {majority} held by {count} of the {total} {kind} files in this folder.';
export const REPORT_TOTALS = '{files} file(s) in {folders} folder(s): {verified} verified, {notVerified} not verified; {contents} distinct content(s); {outliers} outlier(s); {certificates} certificate(s), {expired} expired, {expiring} expiring soon.';

// The Problems panel (src/core/problems.ts).
export const PROBLEM_FILE_TOO_LARGE = 'The file is {length} bytes; phones fail to load a trust list over 64 KB (65,536 bytes).';
