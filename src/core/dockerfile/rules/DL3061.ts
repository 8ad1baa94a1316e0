import { stateful } from '../rule';

/**
 * hadolint DL3061: only ARG (and comments and parser directives) may come before the first FROM. Reported once,
 * on the first instruction out of place: a file with no FROM at all is reported on its first instruction.
 */
export const DL3061 = stateful(
  {
    id: 'DL3061',
    defaultSeverity: 'error',
    title: 'A Dockerfile must begin with FROM, ARG or a comment.',
    guide: 'hadolint DL3061',
  },
  () => ({ done: false }),
  (state, instruction, context) => {
    if (state.done) return;
    const keyword = instruction.getKeyword();
    if (keyword === 'ARG') return;
    state.done = true;
    if (keyword === 'FROM') return;
    context.report({
      range: instruction.getInstructionRange(),
      message: `Invalid instruction order: ${keyword || 'this line'} comes before the first FROM. A Dockerfile must begin with FROM, ARG or a comment; move it after FROM.`,
    });
  },
);
