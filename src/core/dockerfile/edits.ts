import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from '../findings';
import type { Stage } from './model';

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
