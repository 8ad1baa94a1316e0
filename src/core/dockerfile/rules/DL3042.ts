import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import { commandsOf, findFlag, hasFlag, insertWordAfter, operands, rangeOf, type RunCommand } from '../commands';
import { hasCacheMount } from '../instructions';
import { stageLineage, stageOf, type DockerfileModel } from '../model';
import { perInstruction } from '../rule';
import type { ShellCommand, ShellWord } from '../shell';

/** pip's options that take a value, so that `-r requirements.txt` is not taken for the subcommand. */
const PIP_OPTIONS_WITH_VALUE = [
  'r', 'requirement', 'c', 'constraint', 'e', 'editable', 't', 'target', 'i', 'index-url', 'extra-index-url', 'f',
  'find-links', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'trusted-host', 'cert', 'client-cert',
  'cache-dir', 'src', 'upgrade-strategy', 'python-version', 'platform', 'implementation', 'abi', 'root', 'prefix',
  'progress-bar', 'no-binary', 'only-binary', 'config-settings', 'C', 'global-option', 'report', 'python',
];

/**
 * The values pip accepts for PIP_NO_CACHE_DIR. pip turns the cache off for every one of them, false ones included,
 * for compatibility with its older releases; any other value is an error.
 */
const PIP_BOOLEAN = /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i;

/** `pip install …`, `pip3.11 install …`, `python3 -m pip install …`: the pip word and the install word. */
function pipInstall(command: RunCommand): { pip: ShellWord; install: ShellWord } | undefined {
  const words = command.command.words;
  let from: number;
  if (/^pip[0-9.]*$/.test(command.program)) from = 0;
  else if (/^python[0-9.]*$/.test(command.program) && words[1]?.value === '-m' && words[2]?.value === 'pip') from = 2;
  else return undefined;
  const pipCommand: ShellCommand = { ...command.command, words: words.slice(from) };
  const verb = operands(pipCommand, PIP_OPTIONS_WITH_VALUE)[0];
  return verb?.value === 'install' ? { pip: words[from], install: verb } : undefined;
}

/** Whether PIP_NO_CACHE_DIR is set for this RUN: by ENV or ARG before it, or for the command itself. */
function cacheOffByEnvironment(model: DockerfileModel, instruction: Instruction, command: RunCommand): boolean {
  const assigns = (word: string) => word.startsWith('PIP_NO_CACHE_DIR=') && PIP_BOOLEAN.test(word.slice('PIP_NO_CACHE_DIR='.length));
  // `PIP_NO_CACHE_DIR=1 pip install …`, `env PIP_NO_CACHE_DIR=1 pip …`, or `export PIP_NO_CACHE_DIR=1 && pip …`.
  if (command.command.allWords.some((w) => assigns(w.value))) return true;
  // `export` is a shell builtin that the command list need not show; read the script before the command instead.
  const script = (instruction.getRawArgumentsContent() ?? '').slice(0, command.command.allWords[0]?.start ?? 0);
  const exported = /(^|[\s;&|(])export\s+(?:[A-Za-z_][A-Za-z0-9_]*(?:=\S*)?\s+)*PIP_NO_CACHE_DIR=["']?([A-Za-z0-9]+)/.exec(script);
  if (exported && PIP_BOOLEAN.test(exported[2])) return true;
  const stage = stageOf(model, instruction);
  if (!stage) return false;
  const before = stage.instructions.slice(0, stage.instructions.indexOf(instruction));
  const inScope = [...stageLineage(model, stage).slice(1).flatMap((s) => s.instructions), ...before];
  return inScope.some((i) => {
    const keyword = i.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') return false;
    return (i as PropertyInstruction).getProperties().some((p) => p.getName() === 'PIP_NO_CACHE_DIR' && PIP_BOOLEAN.test(p.getValue() ?? ''));
  });
}

/** The values of PIP_NO_CACHE_DIR that hadolint 2.15 takes for "cache off" (found by running it): true ones only. */
const HADOLINT_TRUE = /^(1|true|yes|on)$/i;

/**
 * Why this linter takes pip's cache to be off where hadolint does not, or undefined where hadolint agrees. hadolint
 * reads pip only as the command's program (after `VAR=value` assignments, not under `sudo` or `env`), takes only
 * the word `--no-cache-dir`, and takes PIP_NO_CACHE_DIR only from ENV (or the command itself) with a true value.
 */
function whyHadolintDiffers(model: DockerfileModel, instruction: Instruction, command: RunCommand): string | undefined {
  const all = command.command.allWords;
  const wrapped = all.filter((w) => w.start < command.command.words[0].start).some((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value));
  if (wrapped || command.command.words.some((w) => w.value === '--no-cache-dir')) return undefined;
  const hadolintTrue = (value: string | null) => HADOLINT_TRUE.test((value ?? '').replace(/^(["'])(.*)\1$/, '$2'));
  if (all.some((w) => w.value.startsWith('PIP_NO_CACHE_DIR=') && hadolintTrue(w.value.slice('PIP_NO_CACHE_DIR='.length)))) return undefined;
  const script = (instruction.getRawArgumentsContent() ?? '').slice(0, all[0]?.start ?? 0);
  const exported = /(^|[\s;&|(])export\s+(?:[A-Za-z_][A-Za-z0-9_]*(?:=\S*)?\s+)*PIP_NO_CACHE_DIR=["']?([A-Za-z0-9]+)/.exec(script);
  if (exported && hadolintTrue(exported[2])) return undefined;
  const stage = stageOf(model, instruction);
  const inScope = stage ? [...stageLineage(model, stage).slice(1).flatMap((s) => s.instructions), ...stage.instructions.slice(0, stage.instructions.indexOf(instruction))] : [];
  const envTrue = inScope.some((i) => i.getKeyword() === 'ENV' && (i as PropertyInstruction).getProperties().some((p) => p.getName() === 'PIP_NO_CACHE_DIR' && hadolintTrue(p.getValue())));
  if (envTrue) return undefined;
  const flag = findFlag(command.command, 'no-cache-dir', 'no-cache')?.value;
  if (flag?.startsWith('--no-cache-dir')) return `this linter reads ${flag} as --no-cache-dir`;
  if (flag) return `pip takes ${flag}, an unambiguous prefix, for --no-cache-dir`;
  const argOnly = inScope.some((i) => i.getKeyword() === 'ARG' && (i as PropertyInstruction).getProperties().some((p) => p.getName() === 'PIP_NO_CACHE_DIR'));
  return argOnly
    ? 'PIP_NO_CACHE_DIR is set as a build argument, and build arguments are in the environment of RUN'
    : 'pip turns its cache off for any boolean value of PIP_NO_CACHE_DIR, false ones such as off or 0 included (hadolint takes only 1, true, yes and on)';
}

/** Guide, Docker Best Practices: "RUN pip install --no-cache-dir /wheels/*". */
export const DL3042 = perInstruction(
  {
    id: 'DL3042',
    defaultSeverity: 'warning',
    title: 'Avoid cache directory with `pip install --no-cache-dir <package>`.',
    guide: 'Docker Best Practices: "RUN pip install --no-cache-dir /wheels/*"',
  },
  ['RUN'],
  (instruction, context) => {
    // A cache mount keeps pip's cache out of the layer, and is the point of mounting one.
    if (hasCacheMount(instruction)) return;
    for (const command of commandsOf(context.model, instruction)) {
      const found = pipInstall(command);
      // pip takes `--no-cache` for `--no-cache-dir`, as it takes any unambiguous prefix of a long option.
      if (!found) continue;
      if (hasFlag(command.command, 'no-cache-dir', 'no-cache') || cacheOffByEnvironment(context.model, instruction, command)) {
        const why = context.settings.hadolintParity === true ? whyHadolintDiffers(context.model, instruction, command) : undefined;
        if (why) {
          context.report({
            range: rangeOf(command, found.pip),
            message: `pip install here runs with its cache turned off. Reported because hadolint reports it (hadolint parity is on): hadolint sees neither the word --no-cache-dir nor PIP_NO_CACHE_DIR set to a true value by ENV, but ${why}.`,
          });
        }
        continue;
      }
      context.report({
        range: rangeOf(command, found.pip),
        message: 'pip install keeps every downloaded package and built wheel in its cache (~/.cache/pip), which stays in the image layer and only adds size. Add --no-cache-dir, or mount a cache with RUN --mount=type=cache,target=/root/.cache/pip.',
        fix: { title: 'Add --no-cache-dir', edits: [insertWordAfter(command, found.install, '--no-cache-dir')] },
      });
    }
  },
);
