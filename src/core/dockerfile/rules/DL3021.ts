import { copyArguments } from '../instructions';
import { perInstruction } from '../rule';

export const DL3021 = perInstruction(
  {
    id: 'DL3021',
    defaultSeverity: 'error',
    title: '`COPY` with more than 2 arguments requires the last argument to end with `/`.',
    guide: 'hadolint DL3021',
  },
  ['COPY'],
  (instruction, context) => {
    const args = copyArguments(instruction);
    if (args.length <= 2) return;
    const destination = args[args.length - 1];
    const escapesWithBackquote = context.model.ast.getEscapeCharacter() !== '\\';
    // On Windows images (`# escape=\``) a trailing backslash ends a folder too.
    if (destination.value.endsWith('/') || (escapesWithBackquote && destination.value.endsWith('\\'))) return;
    // In exec form the range ends inside the closing quote, which is where the slash goes; shell-form COPY takes
    // its words as written, without quotes.
    const at = destination.range.end;
    context.report({
      range: destination.range,
      message: `COPY copies ${args.length - 1} sources into ${destination.value}, which does not end with /: Docker then refuses to build. End the destination with / to copy into that folder.`,
      fix: { title: `Copy into the folder ${destination.value}/`, edits: [{ range: { start: at, end: at }, newText: '/' }] },
    });
  },
);
