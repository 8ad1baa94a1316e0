import type { Instruction } from 'dockerfile-ast';
import type { Range } from '../findings';
import type { DockerfileModel, Stage } from './model';
import { programName, runCommands, wordRange, type ShellCommand, type ShellWord } from './shell';

/**
 * Helpers for rules about commands in RUN: what program runs, with which flags and operands. Flag names are given
 * without dashes: `'y'` matches `-y` and a bundle such as `-qy`; `'yes'` matches `--yes` and `--yes=…`.
 */

/** A command of a RUN, with the instruction it belongs to (for ranges). */
export interface RunCommand {
  command: ShellCommand;
  instruction: Instruction;
  /** The program's name without its path: `/usr/bin/pip3` → `pip3`. */
  program: string;
}

/** Every command of every RUN of the file, in order. */
export function allRunCommands(model: DockerfileModel): RunCommand[] {
  return model.runs.flatMap((i) => commandsOf(model, i));
}

/** The commands of one RUN instruction. */
export function commandsOf(model: DockerfileModel, instruction: Instruction): RunCommand[] {
  if (model.nonPosixRuns.has(instruction)) return [];
  // Forty rules ask for the same RUN's commands; build them once per instruction.
  let commands = runCommandCache.get(instruction);
  if (!commands) {
    commands = runCommands(instruction, model.ast.getEscapeCharacter()).map((command) => ({ command, instruction, program: programName(command) }));
    runCommandCache.set(instruction, commands);
  }
  return commands;
}

const runCommandCache = new WeakMap<Instruction, RunCommand[]>();

/** The commands of the RUNs of one stage. */
export function stageCommands(model: DockerfileModel, stage: Stage): RunCommand[] {
  return stage.instructions.filter((i) => i.getKeyword() === 'RUN').flatMap((i) => commandsOf(model, i));
}

/** The words after the program name. */
export function argumentsOf(command: ShellCommand): ShellWord[] {
  return command.words.slice(1);
}

function isLong(word: string): boolean {
  return word.startsWith('--') && word.length > 2;
}

function isShortBundle(word: string): boolean {
  return /^-[A-Za-z0-9]/.test(word) && !word.startsWith('--');
}

/** Whether the command has one of the flags, long or short (in a bundle too), before a `--`. */
export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  return findFlag(command, ...names) !== undefined;
}

/** The word that carries one of the flags, or undefined. */
export function findFlag(command: ShellCommand, ...names: string[]): ShellWord | undefined {
  for (const word of argumentsOf(command)) {
    const value = word.value;
    if (value === '--') return undefined;
    if (isLong(value)) {
      const name = value.slice(2).split('=')[0];
      if (names.includes(name)) return word;
    } else if (isShortBundle(value)) {
      // `-qy` sets q and y; a short option with an attached value (`-ofile`) cannot be told apart, which is
      // why rules name only flags that take no value when they ask about bundles.
      const letters = value.slice(1).split('=')[0];
      if (names.some((n) => n.length === 1 && letters.includes(n))) return word;
    }
  }
  return undefined;
}

/** The value of a flag: `--name=value`, `--name value`, `-n value` or `-nvalue`. */
export function flagValue(command: ShellCommand, ...names: string[]): string | undefined {
  const args = argumentsOf(command);
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') return undefined;
    if (isLong(value)) {
      const [name, inline] = [value.slice(2, value.includes('=') ? value.indexOf('=') : undefined), value.includes('=') ? value.slice(value.indexOf('=') + 1) : undefined];
      if (names.includes(name)) return inline ?? args[i + 1]?.value;
    } else if (/^-[A-Za-z0-9]$/.test(value) && names.includes(value[1])) {
      return args[i + 1]?.value;
    } else if (/^-[A-Za-z0-9]./.test(value) && names.includes(value[1])) {
      return value.slice(2);
    }
  }
  return undefined;
}

/**
 * The operands of a command: the words that are not flags, skipping the values of the options listed in
 * `withValue` (e.g. `['o', 'output']` for `-o FILE`). Everything after `--` is an operand.
 */
export function operands(command: ShellCommand, withValue: readonly string[] = []): ShellWord[] {
  const result: ShellWord[] = [];
  const args = argumentsOf(command);
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') {
      result.push(...args.slice(i + 1));
      break;
    }
    if (isLong(value)) {
      if (!value.includes('=') && withValue.includes(value.slice(2))) i++;
    } else if (isShortBundle(value)) {
      if (value.length === 2 && withValue.includes(value[1])) i++;
    } else {
      result.push(args[i]);
    }
  }
  return result;
}

/** The subcommand: the first operand (`install` of `apt-get -y install curl`). */
export function subcommand(command: ShellCommand, withValue: readonly string[] = []): ShellWord | undefined {
  return operands(command, withValue)[0];
}

/** The operands after the subcommand: the packages of `apt-get install -y curl wget`. */
export function subcommandOperands(command: ShellCommand, withValue: readonly string[] = []): ShellWord[] {
  return operands(command, withValue).slice(1);
}

/** Whether the command runs `program` with subcommand `verb` (`isCall(c, 'apt-get', 'install')`). */
export function isCall(command: RunCommand, programs: string | readonly string[], verb?: string | readonly string[], withValue: readonly string[] = []): boolean {
  const names = typeof programs === 'string' ? [programs] : programs;
  if (!names.includes(command.program)) return false;
  if (verb === undefined) return true;
  const verbs = typeof verb === 'string' ? [verb] : verb;
  const sub = subcommand(command.command, withValue)?.value;
  return sub !== undefined && verbs.includes(sub);
}

/** The document range of a word of a RUN command. */
export function rangeOf(command: RunCommand, word: ShellWord): Range {
  return wordRange(command.instruction, word);
}

/** The range of the whole command, from its program to its last word. */
export function commandRange(command: RunCommand): Range {
  const words = command.command.allWords;
  return wordRange(command.instruction, { start: words[0].start, end: words[words.length - 1].end });
}
