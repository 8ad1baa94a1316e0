import type { From } from 'dockerfile-ast';
import { hasExpansion } from '../instructions';
import { perInstruction } from '../rule';

export const DL3029 = perInstruction(
  {
    id: 'DL3029',
    defaultSeverity: 'warning',
    title: 'Do not use --platform flag with FROM.',
    guide: 'hadolint DL3029',
  },
  ['FROM'],
  (instruction, context) => {
    const flag = (instruction as From).getPlatformFlag();
    const value = flag?.getValue();
    // `--platform=$BUILDPLATFORM` is how a multi-platform build runs its build stage natively; a variable is the
    // builder's choice, not a platform fixed in the file.
    if (!flag || !value || hasExpansion(value)) return;
    const range = flag.getRange();
    const line = context.model.lines[range.end.line] ?? '';
    const blanks = /^[ \t]*/.exec(line.slice(range.end.character))?.[0].length ?? 0;
    context.report({
      range,
      message: `FROM --platform=${value} fixes the image to one platform, so the Dockerfile builds the wrong image (or an emulated one) for every other target. Leave the platform to the builder (docker build --platform), or use --platform=$BUILDPLATFORM for a cross-compiling build stage.`,
      suggestions: [
        {
          title: `Remove --platform=${value}`,
          edits: [{ range: { start: range.start, end: { line: range.end.line, character: range.end.character + blanks } }, newText: '' }],
        },
      ],
    });
  },
);
