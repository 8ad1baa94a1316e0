import type { Instruction, Label } from 'dockerfile-ast';
import type { Range } from '../findings';
import type { LabelType } from '../rules/config';
import { hasVariable } from './instructions';
import { stageLineage, type DockerfileModel, type Stage } from './model';
import type { DockerfileRuleContext } from './rule';

/**
 * What the rules know about labels: reading LABEL pairs, the labels an image carries, the configured label schema,
 * and the formats a typed label's value must have (URL, RFC 3339, semver, email, commit hash, SPDX expression).
 */

// ---------------------------------------------------------------------------------------------------------------
// Labels

/** One `key=value` pair of a LABEL instruction. */
export interface LabelEntry {
  /** The key without quotes. */
  key: string;
  keyRange: Range;
  /** The value without quotes and escapes; null for a key with no value at all. */
  value: string | null;
  valueRange: Range | null;
  instruction: Instruction;
}

/** The pairs of one LABEL instruction, in order; empty for any other instruction. */
export function labelEntries(instruction: Instruction): LabelEntry[] {
  if (instruction.getKeyword() !== 'LABEL') return [];
  return (instruction as Label).getProperties().map((property) => ({
    key: property.getName(),
    keyRange: property.getNameRange(),
    value: property.getValue(),
    valueRange: property.getValueRange(),
    instruction,
  }));
}

/** Every LABEL pair of the file, in file order. */
export function allLabelEntries(model: DockerfileModel): LabelEntry[] {
  return model.instructions.flatMap(labelEntries);
}

/**
 * The labels an image built from the stage carries, as Docker computes them: a stage built FROM an earlier stage
 * starts with that stage's labels, and a later LABEL with the same key replaces the earlier one.
 */
export function stageLabels(model: DockerfileModel, stage: Stage): Map<string, LabelEntry> {
  const labels = new Map<string, LabelEntry>();
  for (const ancestor of [...stageLineage(model, stage)].reverse()) {
    for (const instruction of ancestor.instructions) {
      for (const entry of labelEntries(instruction)) labels.set(entry.key, entry);
    }
  }
  return labels;
}

/** The configured label schema, or undefined when none is set (the schema rules then stay silent). */
export function labelSchema(context: DockerfileRuleContext): Record<string, LabelType> | undefined {
  const schema = context.settings.labelSchema;
  return schema && Object.keys(schema).length > 0 ? schema : undefined;
}

/** Where a finding about a label's value goes: the value, or the key when the value is empty or missing. */
export function labelValueRange(entry: LabelEntry): Range {
  const range = entry.valueRange;
  if (!range || (range.start.line === range.end.line && range.start.character === range.end.character)) return entry.keyRange;
  return range;
}

/** Where hadolint's check of a typed value is stricter than ours, for hadolint parity. */
export interface HadolintFormat {
  accepts(value: string): boolean;
  /** What hadolint accepts, for the message: `exactly 7 or 40 lower-case hex digits`. */
  only: string;
}

const PARITY = 'Reported because hadolint reports it (hadolint parity is on)';

/**
 * The schema rules for typed values (DL3052–DL3058) share one shape: for each LABEL pair whose key the schema gives
 * the rule's type, report a value that is set, not a variable, and invalid.
 *
 * Under hadolint parity, also what hadolint reports, found by running it: an empty value (which DL3051 reports as
 * well), a value with a variable whose text as written is not valid (`$URL`; `https://x/$ORG` passes), and a valid
 * value that its stricter check refuses (`hadolint`).
 */
export function checkTypedLabels(
  model: DockerfileModel,
  context: DockerfileRuleContext,
  type: LabelType,
  isValid: (value: string) => boolean,
  message: (key: string, value: string) => string,
  hadolint?: HadolintFormat,
): void {
  const schema = labelSchema(context);
  if (!schema) return;
  const parity = context.settings.hadolintParity === true;
  for (const entry of allLabelEntries(model)) {
    if (schema[entry.key] !== type || entry.value === null) continue;
    const value = entry.value;
    if (value === '' || hasVariable(value)) {
      if (parity && !(value !== '' && isValid(value))) {
        context.report({
          range: labelValueRange(entry),
          message:
            value === ''
              ? `Label "${entry.key}" is empty, which DL3051 reports. ${PARITY}: hadolint also reports an empty value as not of its type; this linter reports it once.`
              : `Label "${entry.key}" holds "${value}", whose value is known only when the image is built. ${PARITY}: hadolint judges the text as written; this linter does not judge a variable.`,
        });
      }
      continue;
    }
    if (!isValid(value)) context.report({ range: labelValueRange(entry), message: message(entry.key, value) });
    else if (parity && hadolint && !hadolint.accepts(value)) {
      context.report({
        range: labelValueRange(entry),
        message: `Label "${entry.key}" holds "${value}", which is valid. ${PARITY}: hadolint accepts only ${hadolint.only}.`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Value formats

const SCHEMES_WITH_HOST = /^(https?|ftp|ftps|wss?|git|ssh)$/i;

/** An absolute URI with a scheme (`https://…`, `mailto:…`); web schemes need a host. */
export function isUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value);
  if (!scheme) return false;
  try {
    const url = new URL(value);
    return !SCHEMES_WITH_HOST.test(scheme[1]) || url.hostname !== '';
  } catch {
    return false;
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 date-time: `2024-05-01T12:30:00Z`, with optional fractions and a numeric offset. A space instead of
 * the `T` is rejected, as hadolint does: RFC 3339's grammar has the `T` (a space is only a note for readers), and
 * strict parsers such as Go's `time.RFC3339`, which reads image metadata, refuse it.
 */
export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth[month - 1]) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

/** A full commit hash: 40 hex digits (SHA-1) or 64 (a SHA-256 repository). */
export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(value);
}

/** Semantic Versioning 2.0.0, the regular expression semver.org publishes. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED_LOCAL = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const DOMAIN_LITERAL = '\\[[^\\[\\]\\\\\\r\\n]*\\]';
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED_LOCAL})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`);

/** An RFC 5322 address (addr-spec): `local-part@domain`, without a display name or angle brackets. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && ADDR_SPEC.test(value);
}

/**
 * The SPDX license identifiers Dockerfiles carry in practice: the OSI-approved and commonly used licences, the
 * Creative Commons ones used for models and data sets, and the deprecated short forms (`GPL-2.0`) that SPDX still
 * recognises. From the SPDX License List (https://spdx.org/licenses/).
 */
const SPDX_LICENSES = `0BSD AAL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0 AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later APSL-2.0
Apache-1.0 Apache-1.1 Apache-2.0 Artistic-1.0 Artistic-2.0 Beerware BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause BSD-2-Clause-Patent
BSD-3-Clause BSD-3-Clause-Clear BSD-3-Clause-LBNL BSD-4-Clause BSL-1.0 BUSL-1.1 CAL-1.0 CC-BY-1.0 CC-BY-2.0 CC-BY-2.5 CC-BY-3.0
CC-BY-4.0 CC-BY-NC-4.0 CC-BY-NC-ND-4.0 CC-BY-NC-SA-3.0 CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC-BY-SA-3.0 CC-BY-SA-4.0 CC-PDDC CC0-1.0
CDDL-1.0 CDDL-1.1 CECILL-2.1 CECILL-B CECILL-C CPAL-1.0 CPL-1.0 curl ECL-2.0 EFL-2.0 Elastic-2.0 EPL-1.0 EPL-2.0 EUPL-1.1 EUPL-1.2
FSFAP FTL GFDL-1.3-only GFDL-1.3-or-later GPL-1.0-only GPL-1.0-or-later GPL-2.0 GPL-2.0-only GPL-2.0-or-later GPL-3.0
GPL-3.0-only GPL-3.0-or-later HPND ICU IJG Imlib2 Intel ISC JSON LGPL-2.0 LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1 LGPL-2.1-only
LGPL-2.1-or-later LGPL-3.0 LGPL-3.0-only LGPL-3.0-or-later Libpng libtiff LPL-1.02 LPPL-1.3c MirOS MIT MIT-0 MIT-CMU
MIT-Modern-Variant MPL-1.0 MPL-1.1 MPL-2.0 MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-2.0 NCSA NPL-1.1 NTP OFL-1.0 OFL-1.1
OLDAP-2.8 OpenSSL OpenSSL-standalone OSL-1.0 OSL-2.0 OSL-2.1 OSL-3.0 PHP-3.0 PHP-3.01 PostgreSQL PSF-2.0 Python-2.0 Python-2.0.1
QPL-1.0 Ruby SISSL Sleepycat SSPL-1.0 TCL Unicode-3.0 Unicode-DFS-2016 Unlicense UPL-1.0 Vim VSL-1.0 W3C WTFPL X11 XFree86-1.1
Xnet ZPL-2.0 ZPL-2.1 Zlib zlib-acknowledgement bzip2-1.0.6`;

/** The SPDX exceptions that follow `WITH` in practice. */
const SPDX_EXCEPTIONS = `389-exception Autoconf-exception-2.0 Autoconf-exception-3.0 Bison-exception-2.2 Classpath-exception-2.0
eCos-exception-2.0 FLTK-exception Font-exception-2.0 GCC-exception-2.0 GCC-exception-3.1 GPL-3.0-linking-exception
GPL-3.0-linking-source-exception LGPL-3.0-linking-exception Libtool-exception Linux-syscall-note LLVM-exception
OCaml-LGPL-linking-exception OpenJDK-assembly-exception-1.0 openvpn-openssl-exception Qt-GPL-exception-1.0
Qt-LGPL-exception-1.1 Swift-exception u-boot-exception-2.0 Universal-FOSS-exception-1.0 WxWindows-exception-3.1`;

/** The identifiers above that SPDX has deprecated (it keeps them, hadolint refuses them). */
const DEPRECATED_SPDX = new Set(['AGPL-1.0', 'AGPL-3.0', 'GPL-1.0', 'GPL-2.0', 'GPL-3.0', 'LGPL-2.0', 'LGPL-2.1', 'LGPL-3.0']);
const exactLicenseIds = new Set(SPDX_LICENSES.split(/\s+/));

/**
 * What hadolint 2.15.1 accepts as a license, found by running it: one current identifier, in its exact case. It
 * refuses expressions (`Apache-2.0 OR MIT`), `GPL-2.0+`, `LicenseRef-…`, `mit` and deprecated ids such as `GPL-3.0`.
 */
export const HADOLINT_SPDX: HadolintFormat = {
  accepts: (value) => exactLicenseIds.has(value) && !DEPRECATED_SPDX.has(value),
  only: 'a single current SPDX identifier in its exact case (not an expression, GPL-2.0+, LicenseRef-…, a lower-case id or a deprecated one such as GPL-3.0)',
};

/** SPDX matches identifiers without regard to case. */
const licenseIds = new Set(SPDX_LICENSES.split(/\s+/).map((id) => id.toLowerCase()));
const exceptionIds = new Set(SPDX_EXCEPTIONS.split(/\s+/).map((id) => id.toLowerCase()));
const LICENSE_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/**
 * An SPDX license expression: an identifier (`MIT`, `Apache-2.0`, `GPL-2.0-or-later`, `GPL-2.0+`), a
 * `LicenseRef-…`, or identifiers joined with `AND`, `OR` and `WITH <exception>`, with parentheses. Operators are
 * upper or lower case, as the SPDX specification allows.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const isOperator = (token: string | undefined, name: string): boolean => token === name || token === name.toLowerCase();
  const simple = (): boolean => {
    const token = peek();
    if (token === undefined) return false;
    if (token === '(') {
      at++;
      if (!expression() || peek() !== ')') return false;
      at++;
      return true;
    }
    if (token === ')' || ['AND', 'OR', 'WITH'].some((op) => isOperator(token, op))) return false;
    at++;
    if (!LICENSE_REF.test(token) && !licenseIds.has(token.replace(/\+$/, '').toLowerCase())) return false;
    if (isOperator(peek(), 'WITH')) {
      at++;
      const exception = peek();
      if (exception === undefined || !exceptionIds.has(exception.toLowerCase())) return false;
      at++;
    }
    return true;
  };
  const conjunction = (): boolean => {
    if (!simple()) return false;
    while (isOperator(peek(), 'AND')) {
      at++;
      if (!simple()) return false;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!conjunction()) return false;
    while (isOperator(peek(), 'OR')) {
      at++;
      if (!conjunction()) return false;
    }
    return true;
  };
  return expression() && at === tokens.length;
}
