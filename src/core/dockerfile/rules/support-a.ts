import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Position, TextEdit } from '../../findings';
import { commandsOf, isCall, subcommand, type RunCommand } from '../commands';
import { stageLineage, type DockerfileModel, type Stage } from '../model';
import { jsonWords, programName, runCommands, wordRange, type ShellCommand, type ShellWord } from '../shell';

/**
 * Helpers shared by several of hadolint's rules about package managers and RUN bodies. They read commands through
 * the interface of commands.ts and shell.ts only.
 */

/** Whether the RUN is in exec form (`RUN ["apt-get", "install", "x"]`), where an inserted word needs quotes. */
export function isExecForm(instruction: Instruction): boolean {
  return jsonWords(instruction) !== undefined;
}

/** Inserts a word right after another word of a command: ` -y` in shell form, `, "-y"` in exec form. */
export function insertAfterWord(command: RunCommand, word: ShellWord, text: string): TextEdit {
  const exec = isExecForm(command.instruction);
  // An exec-form word's range ends inside its closing quote.
  const offset = word.end + (exec ? 1 : 0);
  const at = wordRange(command.instruction, { start: offset, end: offset }).start;
  return { range: { start: at, end: at }, newText: exec ? `, ${JSON.stringify(text)}` : ` ${text}` };
}

/** Whether a word holds a shell expansion (`$PKGS`, `${VERSION}`, `$(cat list)`), whose value a linter cannot know. */
export function hasExpansion(value: string): boolean {
  return value.includes('$') || value.includes('`');
}

/** apt-get's options that take a value, so that `-o Debug::pkgProblemResolver=yes` is not taken for a package. */
export const APT_GET_OPTIONS_WITH_VALUE = ['o', 'c', 't', 'option', 'config-file', 'target-release', 'default-release'];

/** `apt-get … install …`, whatever the options before or after the subcommand. */
export function isAptGetInstall(command: RunCommand): boolean {
  return isCall(command, 'apt-get', 'install', APT_GET_OPTIONS_WITH_VALUE);
}

/** The `install` word of an `apt-get install`. */
export function aptGetSubcommand(command: RunCommand): ShellWord | undefined {
  return subcommand(command.command, APT_GET_OPTIONS_WITH_VALUE);
}

/** The values given to `-o`/`--option` (`APT::Install-Recommends=false`), lower-cased. */
export function aptOptions(command: ShellCommand): string[] {
  const values: string[] = [];
  const args = command.words.slice(1);
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') break;
    if (value === '-o' || value === '--option') values.push(args[i + 1]?.value ?? '');
    else if (value.startsWith('--option=')) values.push(value.slice('--option='.length));
    else if (/^-o./.test(value)) values.push(value.slice(2).replace(/^=/, ''));
  }
  return values.map((v) => v.toLowerCase());
}

/** apk's options that take a value; `--virtual .build-deps` names a virtual package, not one to install. */
export const APK_OPTIONS_WITH_VALUE = ['t', 'virtual', 'X', 'repository', 'repositories-file', 'p', 'root', 'arch', 'cache-dir', 'keys-dir', 'cache-max-age', 'progress-fd', 'timeout'];

/** `apk … add …`. */
export function isApkAdd(command: RunCommand): boolean {
  return isCall(command, 'apk', 'add', APK_OPTIONS_WITH_VALUE);
}

/** The paths a RUN mounts a cache (or any other mount) on: `--mount=type=cache,target=/var/cache/apk`. */
export function mountTargets(instruction: Instruction): string[] {
  const flags = typeof (instruction as JSONInstruction).getFlags === 'function' ? (instruction as JSONInstruction).getFlags() : [];
  const targets: string[] = [];
  for (const flag of flags) {
    if (flag.getName() !== 'mount') continue;
    for (const option of (flag.getValue() ?? '').split(',')) {
      const [key, value] = option.split('=');
      if (/^(target|dst|destination)$/i.test(key.trim()) && value) targets.push(value.trim().replace(/\/+$/, ''));
    }
  }
  return targets;
}

/** Whether a RUN mounts something on `path` or on a folder above it. */
export function mountsOver(instruction: Instruction, path: string): boolean {
  return mountTargets(instruction).some((target) => path === target || path.startsWith(`${target}/`));
}

/**
 * The stages that may be built as an image of their own: the final stage, and any stage no later stage refers to
 * (it can only be there to be built with `--target`). A stage used by a later `FROM`, `COPY --from` or
 * `RUN --mount=from=` is a step towards another image.
 */
export function imageStages(model: DockerfileModel): Stage[] {
  const referenced = new Set<Stage>();
  const byName = (name: string, before: number, byIndex = false): Stage | undefined => {
    const lower = name.toLowerCase();
    // `COPY --from=0` names a stage by its index; `FROM 0` would name an image.
    if (byIndex && /^\d+$/.test(lower)) return Number(lower) < before ? model.stages[Number(lower)] : undefined;
    return model.stages
      .slice(0, before)
      .reverse()
      .find((s) => s.name === lower);
  };
  for (const stage of model.stages) {
    const base = stage.image ? byName(stage.image, stage.index) : undefined;
    if (base) referenced.add(base);
    for (const instruction of stage.instructions) {
      const flags = typeof (instruction as JSONInstruction).getFlags === 'function' ? (instruction as JSONInstruction).getFlags() : [];
      for (const flag of flags) {
        const name = flag.getName();
        const value = flag.getValue() ?? '';
        const source = name === 'from' ? value : name === 'mount' ? /(?:^|,)from=([^,]+)/.exec(value)?.[1] : undefined;
        const used = source ? byName(source, stage.index, true) : undefined;
        if (used) referenced.add(used);
      }
    }
  }
  return model.stages.filter((stage) => stage.index === model.stages.length - 1 || !referenced.has(stage));
}

/**
 * The stages whose files end up in an image that is built and shipped: the stages of imageStages and those they
 * are built on. A stage used only by `COPY --from` or `RUN --mount=from=` gives the image just the files copied
 * out of it.
 */
export function shippedStages(model: DockerfileModel): Set<Stage> {
  const shipped = new Set<Stage>();
  for (const stage of imageStages(model)) for (const s of stageLineage(model, stage)) shipped.add(s);
  return shipped;
}

/**
 * The commands of a RUN whatever its shell. commandsOf gives none for a RUN run by PowerShell or cmd; this reads
 * such a body with the POSIX splitter, which finds its commands well enough where they are separated by `;`,
 * `&&`, `||` or `|` and their words are plain, as for `cd C:\app`, `pip install flask` or `npm install express`.
 * Only for rules about programs that run on Windows as well, whose advice holds in any shell.
 */
export function commandsInAnyShell(model: DockerfileModel, instruction: Instruction): RunCommand[] {
  if (!model.nonPosixRuns.has(instruction)) return commandsOf(model, instruction);
  return runCommands(instruction, model.ast.getEscapeCharacter()).map((command) => ({ command, instruction, program: programName(command) }));
}

/**
 * Where text can be appended to a shell-form RUN so that it runs after everything else: after the body's last
 * character. Undefined where appending could change what runs: exec form, a heredoc, a body that ends in an
 * operator or a line continuation, or a last line that may hold a comment.
 */
export function appendPosition(instruction: Instruction, escapeChar: string): Position | undefined {
  const raw = instruction.getRawArgumentsContent();
  if (raw === null || isExecForm(instruction)) return undefined;
  const body = raw.replace(/^(\s*--[a-z-]+(=\S+)?\s+)+/, '');
  if (/^<</.test(body)) return undefined;
  const end = raw.trimEnd().length;
  const lastLine = raw.slice(raw.lastIndexOf('\n', end - 1) + 1, end);
  const last = raw[end - 1];
  if (last === undefined || '&|;\\`'.includes(last) || last === escapeChar || lastLine.includes('#')) return undefined;
  return wordRange(instruction, { start: end, end }).start;
}
