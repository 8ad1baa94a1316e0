import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from '../findings';
import type { DockerfileModel, Stage } from './model';

/**
 * Inserts whole lines before an instruction, or after the stage's last instruction when there is no anchor. The
 * inserted lines take the anchor's indentation, and appending works whether or not the file ends in a newline.
 */
export function insertBefore(stage: Stage, anchor: Instruction | undefined, lines: string[]): TextEdit {
  if (anchor) {
    const at = { line: anchor.getRange().start.line, character: 0 };
    const indent = ' '.repeat(anchor.getRange().start.character);
    return { range: { start: at, end: at }, newText: lines.map((l) => indent + l + '\n').join('') };
  }
  const end = stage.instructions[stage.instructions.length - 1].getRange().end;
  return { range: { start: end, end }, newText: lines.map((l) => '\n' + l).join('') };
}

/** The range of whole lines an instruction occupies, newline included, for an edit that removes it. */
export function wholeLines(model: DockerfileModel, instruction: Instruction): Range {
  const range = instruction.getRange();
  const last = range.end.line + 1 < model.lines.length;
  return {
    start: { line: range.start.line, character: 0 },
    end: last ? { line: range.end.line + 1, character: 0 } : { line: range.end.line, character: model.lines[range.end.line].length },
  };
}
