import type { Finding, TextEdit } from '../findings';
import type { DockerfileModel } from './model';

/**
 * The ignore comments a Dockerfile carries, in our spelling and in hadolint's, so that a team moving from hadolint
 * keeps its decisions:
 *
 *     # mlops-deploy ignore=MLO102,MLO103     (the next instruction; a `# reason` may follow)
 *     # mlops-deploy global ignore=MLO104     (the whole file)
 *     # mlops-deploy stage ignore=DL3002      (the stage whose FROM comes next)
 *     # hadolint ignore=DL3008 / global ignore= / stage ignore=
 */
export interface Suppressions {
  global: Set<string>;
  /** Rule ids ignored on the instruction that starts at this 0-based line. */
  byInstructionLine: Map<number, Set<string>>;
  /** Rule ids ignored in the stage with this index. */
  byStage: Map<number, Set<string>>;
  /** Rule ids ignored in the stage with this index after its FROM (hadolint's stage pragmas under hadolint parity). */
  byStageAfterFrom: Map<number, Set<string>>;
}

/** A pragma: `# <tool> [global |stage ]ignore=ID[, ID…] [# reason]`. */
const PRAGMA = /^\s*#\s*(mlops-deploy|hadolint)\s+(?:(global|stage)\s+)?ignore\s*=\s*([^#]*)/i;

/**
 * The pragmas of a file. With `hadolintParity`, hadolint's own spelling (`# hadolint …`) is read as hadolint 2.15
 * reads it, so that nothing hadolint reports is hidden: `ignore=` only for an instruction on the very next line,
 * rule ids only in capitals, and `stage ignore=` not for the stage's FROM line. Our spelling keeps our reading.
 */
export function readSuppressions(model: DockerfileModel, { hadolintParity = false } = {}): Suppressions {
  const suppressions: Suppressions = { global: new Set(), byInstructionLine: new Map(), byStage: new Map(), byStageAfterFrom: new Map() };
  // Every pragma has the word `ignore`; most files have none, and their comments need no look.
  if (!/ignore/i.test(model.text)) return suppressions;
  const commentLines = pragmaLines(model);
  if (commentLines.length === 0) return suppressions;
  const instructionStarts = model.instructions.map((instruction) => instruction.getRange().start.line);
  const add = <K>(map: Map<K, Set<string>>, key: K, ids: string[]): void => {
    const set = map.get(key) ?? new Set<string>();
    for (const id of ids) set.add(id);
    map.set(key, set);
  };
  for (const line of commentLines) {
    const match = PRAGMA.exec(model.lines[line] ?? '');
    if (!match) continue;
    const strict = hadolintParity && match[1].toLowerCase() === 'hadolint';
    const ids = match[3]
      .split(',')
      .map((id) => (strict ? id.trim() : id.trim().toUpperCase()))
      .filter((id) => /^[A-Z]+[0-9]+$/.test(id));
    const scope = match[2]?.toLowerCase();
    if (scope === 'global') {
      for (const id of ids) suppressions.global.add(id);
      continue;
    }
    // The pragma applies to the first instruction after it; other comments and blank lines may stand between.
    const next = instructionStarts.find((start) => start > line);
    if (next === undefined) continue;
    if (scope === 'stage') {
      // Only when that instruction is a FROM: hadolint ignores a stage pragma that no FROM follows.
      const stage = model.stages.find((s) => s.from.getRange().start.line === next);
      if (stage) add(strict ? suppressions.byStageAfterFrom : suppressions.byStage, stage.index, ids);
      continue;
    }
    if (strict && next !== line + 1) continue;
    add(suppressions.byInstructionLine, next, ids);
  }
  return suppressions;
}

/**
 * The lines that may hold a pragma: comments, and the leading lines that Docker's parser takes for parser
 * directives (`# key=value` at the top of the file, which `# mlops-deploy global ignore=…` looks like).
 */
export function pragmaLines(model: DockerfileModel): number[] {
  const lines = model.comments.map((comment) => comment.getRange().start.line);
  for (const directive of model.ast.getDirectives()) lines.push(directive.getRange().start.line);
  return lines.sort((a, b) => a - b);
}

/**
 * Whether a finding is suppressed. A finding belongs to the instruction whose lines contain its start; findings
 * that sit on no instruction (the file as a whole) can only be suppressed globally.
 */
export function isSuppressed(finding: Finding, suppressions: Suppressions, model: DockerfileModel): boolean {
  if (suppressions.global.has(finding.code)) return true;
  const line = finding.range.start.line;
  if (suppressions.byStage.size > 0 || suppressions.byStageAfterFrom.size > 0) {
    const stage = [...model.stages].reverse().find((s) => s.from.getRange().start.line <= line);
    if (stage && suppressions.byStage.get(stage.index)?.has(finding.code)) return true;
    if (stage && line > stage.from.getRange().end.line && suppressions.byStageAfterFrom.get(stage.index)?.has(finding.code)) return true;
  }
  if (suppressions.byInstructionLine.size === 0) return false;
  const owner = model.instructions.find((instruction) => {
    const r = instruction.getRange();
    return r.start.line <= line && line <= r.end.line;
  });
  return owner !== undefined && (suppressions.byInstructionLine.get(owner.getRange().start.line)?.has(finding.code) ?? false);
}

/**
 * The edit that adds an ignore comment for a finding: `# mlops-deploy ignore=ID` above the instruction it sits on
 * (merged into an ignore comment already there), or `# mlops-deploy global ignore=ID` for the whole file, placed
 * after the parser directives, which must stay the file's first lines.
 */
export function ignoreEdit(model: DockerfileModel, finding: Finding, scope: 'line' | 'file'): TextEdit {
  const ownerLine =
    scope === 'line'
      ? model.instructions.find((i) => i.getRange().start.line <= finding.range.start.line && finding.range.start.line <= i.getRange().end.line)?.getRange().start.line
      : undefined;
  if (scope === 'line' && ownerLine !== undefined) {
    const above = model.lines[ownerLine - 1];
    const existing = above !== undefined ? OWN_PRAGMA.exec(above) : null;
    if (existing && !existing[1]) {
      const end = { line: ownerLine - 1, character: above.trimEnd().length };
      return { range: { start: end, end }, newText: `,${finding.code}` };
    }
    const indent = /^\s*/.exec(model.lines[ownerLine])![0];
    const at = { line: ownerLine, character: 0 };
    return { range: { start: at, end: at }, newText: `${indent}# mlops-deploy ignore=${finding.code}\n` };
  }
  for (const line of pragmaLines(model)) {
    const match = OWN_PRAGMA.exec(model.lines[line] ?? '');
    if (match && match[1]) {
      const end = { line, character: model.lines[line].trimEnd().length };
      return { range: { start: end, end }, newText: `,${finding.code}` };
    }
  }
  // Real parser directives (`# syntax=`, `# escape=`) must stay first; our own pragma may have been taken for one.
  const directives = model.ast.getDirectives().filter((d) => /^(syntax|escape|check)$/i.test(d.getName()));
  const line = directives.length > 0 ? directives[directives.length - 1].getRange().end.line + 1 : 0;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `# mlops-deploy global ignore=${finding.code}\n` };
}

const OWN_PRAGMA = /^\s*#\s*mlops-deploy\s+(global\s+)?ignore\s*=\s*[A-Za-z0-9_,\s-]*$/i;
