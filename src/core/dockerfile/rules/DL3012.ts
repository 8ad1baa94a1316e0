import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from '../../findings';
import { keywordRange } from '../model';
import { stateful } from '../rule';

/** Guide, Docker Best Practices: "# Health check" / "HEALTHCHECK --interval=30s CMD …". */
export const DL3012 = stateful(
  {
    id: 'DL3012',
    defaultSeverity: 'error',
    title: 'Multiple `HEALTHCHECK` instructions.',
    guide: 'Docker Best Practices: "# Health check" / "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health"',
  },
  () => ({ earlier: [] as Instruction[] }),
  (state, instruction, context) => {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') state.earlier = [];
    if (keyword !== 'HEALTHCHECK') return;
    if (state.earlier.length > 0) {
      const lines = state.earlier.map((h) => h.getRange().start.line + 1);
      const where = `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
      context.report({
        range: keywordRange(instruction),
        message: `This stage already has a HEALTHCHECK (${where}); only the last one takes effect, so the earlier ${lines.length > 1 ? 'ones do' : 'one does'} nothing. Keep one HEALTHCHECK per stage.`,
        // The image keeps only the last HEALTHCHECK: deleting the ones it overrides changes nothing.
        fix: { title: `Remove the overridden HEALTHCHECK (${where})`, edits: state.earlier.map((h) => deleteLines(h, context.model.lines.length)) },
      });
    }
    state.earlier.push(instruction);
  },
  undefined,
  { keywords: ['FROM', 'HEALTHCHECK'] },
);

/** Deletes an instruction's whole lines, continuation lines included. */
function deleteLines(instruction: Instruction, lineCount: number): TextEdit {
  const { start, end } = instruction.getRange();
  const last = end.line + 1 < lineCount ? { line: end.line + 1, character: 0 } : end;
  return { range: { start: { line: start.line, character: 0 }, end: last }, newText: '' };
}
