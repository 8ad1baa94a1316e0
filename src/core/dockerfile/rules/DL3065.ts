import type { Arg, From } from 'dockerfile-ast';
import { perInstruction } from '../rule';

const TARGET_PLATFORM = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/;

/**
 * hadolint DL3065: `FROM --platform=$TARGETPLATFORM` says what FROM does anyway, so the flag can go. Not reported
 * when a global `ARG TARGETPLATFORM=…` gives the variable a default, where the flag may not be redundant.
 */
export const DL3065 = perInstruction(
  {
    id: 'DL3065',
    defaultSeverity: 'warning',
    title: 'FROM --platform=$TARGETPLATFORM is redundant: it is the default.',
    guide: 'hadolint DL3065',
  },
  ['FROM'],
  (instruction, context) => {
    const flag = (instruction as From).getPlatformFlag();
    if (!flag || !TARGET_PLATFORM.test(flag.getValue() ?? '')) return;
    const firstFrom = context.model.stages[0]?.from;
    const redefined = context.model.instructions.some(
      (i) => i.getKeyword() === 'ARG' && (!firstFrom || i.getRange().start.line < firstFrom.getRange().start.line) && (i as Arg).getProperty()?.getName() === 'TARGETPLATFORM' && (i as Arg).getProperty()?.getValue() != null,
    );
    if (redefined) return;
    const range = flag.getRange();
    // The flag and the blanks after it, so that `FROM --platform=$TARGETPLATFORM python:3.11` becomes `FROM python:3.11`.
    const line = context.model.lines[range.end.line] ?? '';
    let end = range.end.character;
    while (line[end] === ' ' || line[end] === '\t') end++;
    context.report({
      range,
      message: `--platform=${flag.getValue()} is redundant: FROM already pulls the image for the target platform. Remove the flag.`,
      fix: { title: 'Remove the redundant --platform flag', edits: [{ range: { start: range.start, end: { line: range.end.line, character: end } }, newText: '' }] },
    });
  },
);
