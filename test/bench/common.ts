/** What the benchmarks share: the peer validator's settings and the way results are summarised and printed. */
import { ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';

/**
 * dockerfile-utils' defaults, copied from the Validator constructor in lib/dockerValidator.js (0.16.3): every
 * check on, as a warning. The constructor replaces its defaults with whatever object it is given, so a partial
 * object would silently turn the missing checks off and flatter the comparison. `Required` makes the compiler
 * list any key a newer version declares.
 */
export const DOCKERFILE_UTILS_DEFAULTS: Required<ValidatorSettings> = {
  deprecatedMaintainer: ValidationSeverity.WARNING,
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.WARNING,
  instructionCasing: ValidationSeverity.WARNING,
  instructionCmdMultiple: ValidationSeverity.WARNING,
  instructionEntrypointMultiple: ValidationSeverity.WARNING,
  instructionHealthcheckMultiple: ValidationSeverity.WARNING,
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
  instructionWorkdirRelative: ValidationSeverity.WARNING,
};

/** The nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  // Text columns are left-aligned and numbers right-aligned, so digits line up.
  const cell = (value: string, column: number): string => (/^[\d.]+$/.test(value) ? value.padStart(widths[column]) : value.padEnd(widths[column]));
  const line = (cells: string[]): string => '| ' + cells.map(cell).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of rows) console.log(line(row));
}
