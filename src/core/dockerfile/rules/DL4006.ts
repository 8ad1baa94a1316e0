import type { Instruction } from 'dockerfile-ast';
import type { Fix } from '../../findings';
import { commandsOf, pipeOffsets, setsPipefail, type RunCommand } from '../commands';
import { insertBefore } from '../edits';
import { isExecForm, shellWords } from '../instructions';
import { rootImage, stageNamed, type DockerfileModel, type Stage } from '../model';
import { atEnd, type DockerfileRuleContext } from '../rule';
import { parsesAsShell } from '../bash';
import { execShellScript, heredocInterpreter, splitShell, textHadolintReadsAsShell, wordRange } from '../shell';

/** The SHELL in force: its words, or undefined for Docker's default `/bin/sh -c`. */
type ShellSetting = string[] | undefined;

/**
 * hadolint DL4006: a RUN with a pipe runs under a shell with pipefail. Without it `curl … | tar x` succeeds when
 * curl fails, and the build goes on with a broken layer. An exec-form RUN runs no shell, unless it runs one itself
 * (`["/bin/sh", "-c", "…"]`, see execFormShell). Not reported when the SHELL
 * in force sets `-o pipefail` (in any spelling: `-eo pipefail`, `-euxo pipefail`), under a non-POSIX SHELL, or when
 * the script sets it with `set -o pipefail` before its first pipe and the shell running the script has the option.
 * A stage inherits the SHELL of the stage it builds on.
 *
 * Which shells have it: bash, zsh, ksh, BusyBox ash, but not dash (0.5.12, in Debian 12 and Ubuntu 24.04), which
 * stops with "set: Illegal option -o pipefail". Docker's default `/bin/sh` is dash on Debian, Ubuntu and the images
 * built on them (python, node, nvidia/cuda on Ubuntu…), bash on the Red Hat and SUSE families and BusyBox ash on
 * Alpine. So `set -o pipefail` in the script counts when bash or ash runs it (a SHELL, or `RUN <<EOF bash`), or
 * when `/bin/sh` runs it on an image known to be of those families; on Debian, Ubuntu and unknown images the RUN is
 * reported, with a message that says why.
 *
 * Under hadolint parity only a SHELL with pipefail counts, as in hadolint, and a RUN that only a
 * `# hadolint shell=powershell` pragma makes non-POSIX is still read (hadolint reads it; after a non-POSIX SHELL
 * instruction it does not). The engine reads every RUN as shell under parity (lint.ts), so commandsOf gives their
 * commands here.
 */
export const DL4006 = atEnd(
  {
    id: 'DL4006',
    defaultSeverity: 'warning',
    title: 'Set the SHELL option -o pipefail before a RUN with a pipe in it.',
    guide: 'hadolint DL4006',
  },
  (model, context) => {
    const parity = context.settings.hadolintParity === true;
    const shellAtEnd = new Map<Stage, ShellSetting>();
    for (const stage of model.stages) {
      const parent = stage.image ? stageNamed(model, stage.image, stage.index) : undefined;
      let shell = parent ? shellAtEnd.get(parent) : undefined;
      // hadolint starts every stage with the default shell: it does not carry a SHELL over to the stages built on one.
      let ownShell: ShellSetting;
      let insertion: Fix | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() === 'SHELL') {
          shell = shellWords(instruction) ?? shell;
          ownShell = shellWords(instruction) ?? ownShell;
          continue;
        }
        if (instruction.getKeyword() !== 'RUN') continue;
        if (parity && !hadolintSilenced(ownShell)) reportWhatHadolintReadsAsShell(instruction, context);
        if (isExecForm(instruction)) {
          execFormShell(model, stage, instruction, parity && !hadolintSilenced(ownShell), context);
          continue;
        }
        if (shell && (!isPosix(shell) || setsPipefail(shell))) {
          if (parity && !hadolintSilenced(ownShell)) {
            const pipe = pipeOffsets(instruction, commandsOf(model, instruction))[0];
            if (pipe === undefined) continue;
            const what = isPosix(shell) ? `${shell.join(' ')}, which sets pipefail` : `${shell.join(' ')}, in which | is not a POSIX pipe that pipefail applies to`;
            const why = ownShell
              ? isPosix(shell)
                ? 'hadolint accepts -o pipefail only from bash, zsh or ash named bare or under /bin'
                : 'hadolint recognises PowerShell and cmd only by the bare names pwsh, powershell and cmd (with or without .exe)'
              : 'hadolint does not carry a SHELL over to the stages built on the stage that sets it';
            context.report({
              range: wordRange(instruction, { start: pipe, end: pipe + 1 }),
              message: `This RUN runs under ${ownShell ? 'SHELL' : "the SHELL this stage inherits,"} ${what}. Reported because hadolint reports it (hadolint parity is on): ${why}.`,
            });
          }
          continue;
        }
        const commands = commandsOf(model, instruction);
        const pipe = pipeOffsets(instruction, commands)[0];
        if (pipe === undefined) continue;
        const setsItself = setsPipefailBefore(commands, pipe);
        const runner = heredocInterpreter(instruction) ?? shell?.[0] ?? '/bin/sh';
        const hasPipefail = setsItself ? shellHasPipefail(runner, rootImage(model, stage)) : undefined;
        if (hasPipefail && !parity) continue;
        // One SHELL before the stage's first such RUN serves every later one.
        const shellLine = pipefailShell(model, stage);
        insertion ??= { title: `Add ${shellLine} before the first RUN with a pipe`, edits: [insertBefore(stage, instruction, [shellLine])] };
        context.report({
          range: wordRange(instruction, { start: pipe, end: pipe + 1 }),
          message: hasPipefail
            ? `This RUN sets pipefail with set -o pipefail, and ${programOf(runner) === 'sh' ? '/bin/sh' : programOf(runner)} here has that option, so the pipe's failure does stop the build. Reported because hadolint reports it (hadolint parity is on): hadolint counts only a SHELL with -o pipefail. ${shellLine} before this RUN satisfies both.`
            : setsItself
            ? `This RUN sets pipefail with set -o pipefail, but ${withoutPipefail(programOf(runner), hasPipefail)}, which has no pipefail: the build stops with "set: Illegal option -o pipefail". Add ${shellLine} before this RUN instead: it sets pipefail for the whole script.`
            : `Set the SHELL option -o pipefail before RUN with a pipe in it: without it the pipe's status is that of its last command, so a failed download or build step goes unnoticed. Add ${shellLine} before this RUN.`,
          suggestions: [insertion],
        });
      }
      shellAtEnd.set(stage, shell);
    }
  },
);

/**
 * An exec-form RUN that runs a shell script (`RUN ["/bin/sh", "-c", "curl … | tar x"]`): SHELL does not apply to it,
 * its own shell does, with the options given before `-c` or a `set -o pipefail` in the script, where that shell
 * has the option. The suggestion runs the script with bash (ash on Alpine) and pipefail instead. hadolint reports
 * every exec-form RUN with a pipe unless the stage sets a SHELL with pipefail (`parityReports`).
 */
function execFormShell(model: DockerfileModel, stage: Stage, instruction: Instruction, parityReports: boolean, context: DockerfileRuleContext): void {
  const exec = execShellScript(instruction);
  if (!exec) return;
  const commands = commandsOf(model, instruction);
  const pipe = pipeOffsets(instruction, commands)[0];
  if (pipe === undefined) return;
  const shellWordsGiven = exec.shell.map((w) => w.value);
  const program = shellWordsGiven[programOf(shellWordsGiven[0] ?? '') === 'env' ? 1 : 0] ?? '/bin/sh';
  const image = rootImage(model, stage);
  const byOption = setsPipefail(shellWordsGiven);
  const setsItself = byOption || setsPipefailBefore(commands, pipe);
  const hasPipefail = setsItself ? shellHasPipefail(program, image) : undefined;
  const range = wordRange(instruction, { start: pipe, end: pipe + 1 });
  if (hasPipefail) {
    if (parityReports) {
      context.report({
        range,
        message: `This exec-form RUN runs its script with ${shellWordsGiven.join(' ')}, which ${byOption ? 'sets' : 'has'} pipefail${byOption ? '' : ' and the script sets it'}. Reported because hadolint reports it (hadolint parity is on): hadolint reports a pipe in every exec-form RUN unless the stage sets a SHELL with -o pipefail, which exec form does not use.`,
      });
    }
    return;
  }
  const alpine = /(^|[/:@-])alpine/.test(image ?? '');
  const replacement = alpine ? ['/bin/ash', '-eo', 'pipefail', '-c'] : ['/bin/bash', '-o', 'pipefail', '-c'];
  const first = exec.shell[0];
  const last = exec.shell[exec.shell.length - 1];
  // The strings' ranges lie inside their quotes: replace from the first one's opening quote to the last one's closing quote.
  const fix: Fix = {
    title: `Run the script with ${replacement.join(' ')}`,
    edits: [{ range: wordRange(instruction, { start: first.start - 1, end: last.end + 1 }), newText: replacement.map((w) => JSON.stringify(w)).join(', ') }],
  };
  const runner = `${programOf(program) === 'sh' ? '/bin/sh' : program}`;
  context.report({
    range,
    message: setsItself
      ? `This exec-form RUN sets pipefail, but ${withoutPipefail(programOf(program), hasPipefail)}, which has no pipefail: the build stops with "Illegal option -o pipefail". Run the script with ${replacement.join(' ')} instead (SHELL does not apply to exec form).`
      : `This exec-form RUN runs its script with ${runner} and no pipefail, so the pipe's status is that of its last command and a failed download or build step goes unnoticed. SHELL does not apply to exec form: run the script with ${replacement.join(' ')}.`,
    suggestions: [fix],
  });
}

/**
 * Under parity: a pipe in a RUN that runs no shell, which hadolint reads as shell all the same (an exec-form RUN's
 * strings joined with spaces, a heredoc run by python), when that text parses as shell.
 */
function reportWhatHadolintReadsAsShell(instruction: Instruction, context: DockerfileRuleContext): void {
  const text = textHadolintReadsAsShell(instruction);
  if (text === undefined || !text.includes('|') || parsesAsShell(text) !== true) return;
  if (!splitShell(text).some((command) => command.piped)) return;
  const exec = isExecForm(instruction);
  context.report({
    range: instruction.getInstructionRange(),
    message: `This RUN ${exec ? 'is in exec form and runs no shell' : `hands its heredoc to ${heredocInterpreter(instruction)}, not to a shell`}, so it has no shell pipe. Reported because hadolint reports it (hadolint parity is on): hadolint reads ${exec ? 'the strings joined with spaces' : 'the heredoc'} as shell and finds a | in it.`,
  });
}

/** The SHELL programs whose -o pipefail hadolint accepts, and those it takes for non-POSIX shells (exact spellings). */
const HADOLINT_PIPEFAIL_SHELLS = new Set(['bash', '/bin/bash', 'zsh', '/bin/zsh', 'ash', '/bin/ash']);
const HADOLINT_NON_POSIX = new Set(['pwsh', 'pwsh.exe', 'powershell', 'powershell.exe', 'cmd', 'cmd.exe']);

/** Whether hadolint, which looks only at the SHELL set in the stage itself, reports no pipe under it. */
function hadolintSilenced(shell: ShellSetting): boolean {
  if (!shell) return false;
  return HADOLINT_NON_POSIX.has(shell[0] ?? '') || (HADOLINT_PIPEFAIL_SHELLS.has(shell[0] ?? '') && setsPipefail(shell));
}

function isPosix(shell: string[]): boolean {
  const program = (shell[0] ?? '').replace(/^.*[\\/]/, '').toLowerCase();
  return !/^(pwsh|powershell|cmd)(\.exe)?$/.test(program);
}

/** Whether the script runs `set -o pipefail` (or `set -euo pipefail`, …) in a command that starts before the pipe. */
function setsPipefailBefore(commands: readonly RunCommand[], pipe: number): boolean {
  return commands.some((c) => c.program === 'set' && c.command.words[0].start < pipe && setsPipefail(c.command.words.slice(1).map((w) => w.value)));
}

/** Who runs the script, for the message: dash itself, /bin/sh known to be dash, or /bin/sh on an image we do not know. */
function withoutPipefail(program: string, known: boolean | undefined): string {
  if (program === 'dash') return 'dash runs it';
  if (known === false) return '/bin/sh on this image is dash (Debian, Ubuntu and the images built on them)';
  return `${program === 'sh' ? '/bin/sh' : program} runs it, and on Debian, Ubuntu and the images built on them /bin/sh is dash`;
}

function programOf(path: string): string {
  return path.replace(/^.*[\\/]/, '').toLowerCase();
}

/**
 * Whether the shell that runs a script has `set -o pipefail`: true for bash, zsh, ksh and ash, false for dash and
 * for `/bin/sh` on a Debian or Ubuntu image, undefined for `/bin/sh` on an image not known to be of any family.
 */
function shellHasPipefail(runner: string, image: string | undefined): boolean | undefined {
  const program = programOf(runner);
  if (/^(bash|zsh|ksh|ksh93|mksh|ash|busybox)$/.test(program)) return true;
  if (program === 'dash') return false;
  if (program !== 'sh') return undefined;
  return shIsPipefailCapable(image ?? '');
}

/** Red Hat, SUSE and Amazon Linux link /bin/sh to bash; Alpine's is BusyBox ash; Debian's and Ubuntu's is dash. */
const SH_IS_BASH_OR_ASH = /(^|[/:@_-])(alpine|ubi\d*(-minimal|-micro|-init)?|rhel\d*|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse|sles|bci-[a-z-]+|photon)([/:@._-]|\d|$)/;
const SH_IS_DASH = /(^|[/:@_-])(debian|ubuntu|bookworm|bullseye|buster|trixie|jammy|focal|noble|slim)([/:@._-]|\d|$)/;

function shIsPipefailCapable(image: string): boolean | undefined {
  if (SH_IS_BASH_OR_ASH.test(image)) return true;
  if (SH_IS_DASH.test(image)) return false;
  // The official language images (python:3.11, node:20, golang:1.22…) without a variant are Debian.
  if (/^(python|node|ruby|golang|perl|php|rust|buildpack-deps|continuumio\/(miniconda3|anaconda3)|pytorch\/pytorch|tensorflow\/tensorflow)(:|$)/.test(image)) return false;
  return undefined;
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
