import type { Fix } from '../../findings';
import { commandsOf, pipeOffsets, setsPipefail, type RunCommand } from '../commands';
import { insertBefore } from '../edits';
import { isExecForm, shellWords } from '../instructions';
import { rootImage, stageNamed, type DockerfileModel, type Stage } from '../model';
import { atEnd } from '../rule';
import { wordRange } from '../shell';

/** The SHELL in force: its words, or undefined for Docker's default `/bin/sh -c`. */
type ShellSetting = string[] | undefined;

/**
 * hadolint DL4006: a RUN with a pipe runs under a shell with pipefail. Without it `curl … | tar x` succeeds when
 * curl fails, and the build goes on with a broken layer. Not reported for exec-form RUN (no shell), when the SHELL
 * in force sets `-o pipefail` (in any spelling: `-eo pipefail`, `-euxo pipefail`), when the script sets it with
 * `set -o pipefail` before its first pipe (a heredoc body too), or under a non-POSIX SHELL. A stage inherits the
 * SHELL of the stage it builds on.
 */
export const DL4006 = atEnd(
  {
    id: 'DL4006',
    defaultSeverity: 'warning',
    title: 'Set the SHELL option -o pipefail before a RUN with a pipe in it.',
    guide: 'hadolint DL4006',
  },
  (model, context) => {
    const shellAtEnd = new Map<Stage, ShellSetting>();
    for (const stage of model.stages) {
      const parent = stage.image ? stageNamed(model, stage.image, stage.index) : undefined;
      let shell = parent ? shellAtEnd.get(parent) : undefined;
      let insertion: Fix | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() === 'SHELL') {
          shell = shellWords(instruction) ?? shell;
          continue;
        }
        if (instruction.getKeyword() !== 'RUN' || isExecForm(instruction) || (shell && (!isPosix(shell) || setsPipefail(shell)))) continue;
        const commands = commandsOf(model, instruction);
        const pipe = pipeOffsets(instruction, commands)[0];
        if (pipe === undefined || setsPipefailBefore(commands, pipe)) continue;
        // One SHELL before the stage's first such RUN serves every later one.
        const shellLine = pipefailShell(model, stage);
        insertion ??= { title: `Add ${shellLine} before the first RUN with a pipe`, edits: [insertBefore(stage, instruction, [shellLine])] };
        context.report({
          range: wordRange(instruction, { start: pipe, end: pipe + 1 }),
          message: `Set the SHELL option -o pipefail before RUN with a pipe in it: without it the pipe's status is that of its last command, so a failed download or build step goes unnoticed. Add ${shellLine} before this RUN, or start the script with set -o pipefail.`,
          suggestions: [insertion],
        });
      }
      shellAtEnd.set(stage, shell);
    }
  },
);

function isPosix(shell: string[]): boolean {
  const program = (shell[0] ?? '').replace(/^.*[\\/]/, '').toLowerCase();
  return !/^(pwsh|powershell|cmd)(\.exe)?$/.test(program);
}

/** Whether the script runs `set -o pipefail` (or `set -euo pipefail`, …) in a command that starts before the pipe. */
function setsPipefailBefore(commands: readonly RunCommand[], pipe: number): boolean {
  return commands.some((c) => c.program === 'set' && c.command.words[0].start < pipe && setsPipefail(c.command.words.slice(1).map((w) => w.value)));
}

/**
 * A SHELL with pipefail for the stage's image. bash is not in every image: Alpine's has only BusyBox ash, which
 * supports pipefail too. Offered as a suggestion, because SHELL changes every later RUN, CMD and ENTRYPOINT in
 * shell form, and the stages built on this one.
 */
function pipefailShell(model: DockerfileModel, stage: Stage): string {
  const alpine = /(^|[/:@-])alpine/.test(rootImage(model, stage) ?? '');
  return alpine ? 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]' : 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
}
