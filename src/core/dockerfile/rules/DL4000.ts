import { perInstruction } from '../rule';

/**
 * hadolint DL4000: MAINTAINER is deprecated; the same information goes in a label. The fix writes
 * `LABEL maintainer="…"` with the text exactly as MAINTAINER stored it: MAINTAINER takes the rest of the line
 * literally, while a double-quoted LABEL value treats the escape character, `"` and `$` specially, so those are
 * escaped.
 */
export const DL4000 = perInstruction(
  {
    id: 'DL4000',
    defaultSeverity: 'error',
    title: 'MAINTAINER is deprecated: use LABEL maintainer="…" instead.',
    guide: 'hadolint DL4000',
  },
  ['MAINTAINER'],
  (instruction, context) => {
    const text = instruction.getArgumentsContent();
    const escape = context.model.ast.getEscapeCharacter();
    const range = instruction.getRange();
    context.report({
      range: instruction.getInstructionRange(),
      message: `MAINTAINER is deprecated: it fills only the image's legacy author field, while registries and tools read labels. Use LABEL maintainer="${text ?? '…'}" instead.`,
      fix: text
        ? { title: 'Replace with LABEL maintainer', edits: [{ range, newText: `LABEL maintainer="${quote(text, escape)}"` }] }
        : undefined,
    });
  },
);

/** The text inside a double-quoted LABEL value that reads back as `text`. */
function quote(text: string, escape: string): string {
  let result = '';
  for (const c of text) result += c === escape || c === '"' || c === '$' ? escape + c : c;
  return result;
}
