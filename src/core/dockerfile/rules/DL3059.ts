import type { Instruction } from 'dockerfile-ast';
import type { Fix } from '../../findings';
import { commandsOf } from '../commands';
import { flagSignature, isExecForm, shellWords } from '../instructions';
import type { DockerfileModel } from '../model';
import { stateful } from '../rule';
import { splitShell } from '../shell';

/**
 * hadolint DL3059: two RUN instructions in a row (only comments or blank lines between them) make two layers
 * where one would do. As in hadolint, only RUNs that each run at most one command are reported: a RUN that
 * already chains several commands (`a && b`, `a | b`, `echo $(b)`) is taken as a deliberate step of its own,
 * such as the cached `apt-get update && apt-get install` layer before a `pip install` layer. Not reported either
 * when they cannot simply be merged: when both are in exec form (images without a shell), or when their flags
 * differ (`--mount`, `--network`, `--security` apply to the whole RUN).
 */
export const DL3059 = stateful(
  {
    id: 'DL3059',
    defaultSeverity: 'info',
    title: 'Consolidate consecutive RUN instructions into one.',
    guide: 'hadolint DL3059',
  },
  () => ({ previous: undefined as Instruction | undefined }),
  (state, instruction, context) => {
    const previous = state.previous;
    state.previous = instruction;
    if (instruction.getKeyword() !== 'RUN' || previous?.getKeyword() !== 'RUN') return;
    if (flagSignature(instruction) !== flagSignature(previous)) return;
    if (isExecForm(instruction) && isExecForm(previous)) {
      if (context.settings.hadolintParity !== true || hadolintCommandCount(previous) > 1 || hadolintCommandCount(instruction) > 1) return;
      context.report({
        range: instruction.getInstructionRange(),
        message: `Two consecutive exec-form RUN instructions (line ${previous.getRange().start.line + 1} and this one) each add a layer. Reported because hadolint reports it (hadolint parity is on): this linter alone does not, because an image whose RUNs are all in exec form typically has no shell (distroless) to join them with &&.`,
      });
      return;
    }
    if (commandCount(context.model, previous) > 1 || commandCount(context.model, instruction) > 1) return;
    const merge = isExecForm(instruction) || isExecForm(previous) ? undefined : mergeSuggestion(context.model, previous, instruction);
    context.report({
      range: instruction.getInstructionRange(),
      message: `Multiple consecutive RUN instructions (line ${previous.getRange().start.line + 1} and this one): each RUN adds a layer. Consider joining them with && into one RUN.`,
      suggestions: merge ? [merge] : undefined,
    });
  },
);

/**
 * How many commands a RUN runs, nested ones (in `$(…)`, subshells, loops, functions) included; a bare assignment
 * (`A=1`) and a test (`[ -f x ]`) are not commands. An exec-form RUN is one.
 */
function commandCount(model: DockerfileModel, run: Instruction): number {
  return commandsOf(model, run).filter((c) => c.command.words.length > 0).length;
}

/**
 * How many commands hadolint counts in an exec-form RUN: it reads the words joined by spaces as a shell script, so
 * `["sh", "-c", "a && b"]` counts two (found by running it).
 */
function hadolintCommandCount(run: Instruction): number {
  return splitShell((shellWords(run) ?? []).join(' ')).filter((c) => c.words.length > 0).length;
}

/**
 * Joins the second RUN onto the first with `&& \`. Offered only where the text join is sound: both are plain shell
 * scripts (no heredoc), nothing but blank lines stands between them, and the first ends with a word or a closing
 * bracket (not `;`, `&` or a comment, which would swallow or break the `&&`).
 */
function mergeSuggestion(model: DockerfileModel, first: Instruction, second: Instruction): Fix | undefined {
  const firstRaw = first.getRawArgumentsContent() ?? '';
  const secondRaw = second.getRawArgumentsContent() ?? '';
  if (firstRaw.trimStart().startsWith('<<') || secondRaw.trimStart().startsWith('<<')) return undefined;
  if (/<<-?\s*["']?[A-Za-z0-9_]/.test(firstRaw) || /<<-?\s*["']?[A-Za-z0-9_]/.test(secondRaw)) return undefined;
  const commands = commandsOf(model, first);
  if (commands.length === 0) return undefined;
  const words = commands[commands.length - 1].command.allWords;
  const tail = firstRaw.slice(words[words.length - 1].end);
  if (!/^[\s)}]*$/.test(tail)) return undefined;
  const firstEnd = first.getRange().end;
  const secondArgs = second.getArgumentsRange();
  if (!secondArgs) return undefined;
  for (let line = firstEnd.line + 1; line < second.getRange().start.line; line++) {
    if (model.lines[line].trim() !== '') return undefined;
  }
  const escape = model.ast.getEscapeCharacter();
  const newline = model.text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: 'Join this RUN onto the previous one with &&',
    edits: [{ range: { start: firstEnd, end: secondArgs.start }, newText: ` && ${escape}${newline}    ` }],
  };
}
