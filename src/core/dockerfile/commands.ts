import type { Instruction } from 'dockerfile-ast';
import type { Position, Range, TextEdit } from '../findings';
import { isExecForm } from './instructions';
import { memoOf } from './memo';
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
  return readCommands(model, instruction);
}

/**
 * The commands of a RUN whatever its shell. commandsOf gives none for a RUN run by PowerShell or cmd; this reads
 * such a body with the POSIX splitter, which finds its commands well enough where they are separated by `;`,
 * `&&`, `||` or `|` and their words are plain, as for `cd C:\app`, `pip install flask` or `npm install express`.
 * Only for rules about programs that run on Windows as well, whose advice holds in any shell.
 */
export function commandsInAnyShell(model: DockerfileModel, instruction: Instruction): RunCommand[] {
  return readCommands(model, instruction);
}

function readCommands(model: DockerfileModel, instruction: Instruction): RunCommand[] {
  // Forty rules ask for the same RUN's commands; build them once per instruction.
  const memo = memoOf(instruction);
  let commands = memo.runCommands as RunCommand[] | undefined;
  if (!commands) {
    commands = runCommands(instruction, model.escapeChar).map((command) => ({ command, instruction, program: programName(command) }));
    memo.runCommands = commands;
  }
  return commands;
}

/** The commands of the RUNs of one stage, worked out once per lint: callers only read them. */
export function stageCommands(model: DockerfileModel, stage: Stage): readonly RunCommand[] {
  const memo = memoOf(stage);
  let commands = memo.stageCommands as RunCommand[] | undefined;
  if (!commands) {
    commands = stage.instructions.filter((i) => i.getKeyword() === 'RUN').flatMap((i) => commandsOf(model, i));
    memo.stageCommands = commands;
  }
  return commands;
}

/**
 * The command's name as written, after any `VAR=value`: the name hadolint matches, found by running it. It does not
 * look behind `sudo` or `env`, nor strip a path (`/usr/bin/apt-get`), as programName does.
 */
export function nameAsWritten(command: RunCommand): string | undefined {
  return command.command.allWords.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value))?.value;
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

/**
 * A package manager's command: the program word, its subcommand (with `group install` read as one), and the
 * operands after the subcommand.
 */
export interface ManagerCall {
  program: ShellWord;
  verb: ShellWord;
  /** The verb as one string: `install`, or `group install` for `dnf group install`. */
  verbName: string;
  operands: ShellWord[];
}

/** Reads `yum -y --enablerepo=x install a b`; undefined when the command is not one of the programs. */
export function managerCall(command: RunCommand, programs: readonly string[], withValue: readonly string[]): ManagerCall | undefined {
  if (!programs.includes(command.program)) return undefined;
  const all = operands(command.command, withValue);
  const verb = all[0];
  if (!verb) return undefined;
  if ((verb.value === 'group' || verb.value === 'groups' || verb.value === 'module') && all[1]) {
    return { program: command.command.words[0], verb: all[1], verbName: `${verb.value} ${all[1].value}`, operands: all.slice(2) };
  }
  return { program: command.command.words[0], verb, verbName: verb.value, operands: all.slice(1) };
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

// ---------------------------------------------------------------------------------------------------------------
// Edits to RUN commands

/** Inserts a word right after another word of a command: ` -y` in shell form, `, "-y"` in exec form. */
export function insertWordAfter(command: RunCommand, word: ShellWord, text: string): TextEdit {
  const exec = command.command.execForm === true;
  // An exec-form word's range ends just inside its closing quote; the new string goes after that quote.
  const offset = word.end + (exec ? 1 : 0);
  const at = wordRange(command.instruction, { start: offset, end: offset }).start;
  return { range: { start: at, end: at }, newText: exec ? `, ${JSON.stringify(text)}` : ` ${text}` };
}

/**
 * Where text can be appended to a shell-form RUN so that it runs after everything else: after the body's last
 * character, which may close a group or a compound command (`)`, `fi`). Undefined where appending could change
 * what runs: exec form, a heredoc, a body that ends in an operator or a line continuation, or a last line that
 * may hold a comment. appendPositionAfterLastWord reads the end differently.
 */
export function appendPositionAfterBody(instruction: Instruction, escapeChar: string): Position | undefined {
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

/**
 * Where text can be appended to a shell-form RUN so that it runs after everything else: right after the last
 * word of its last command, which is the command given. Undefined where appending could change what runs or land
 * in a comment: exec form, a heredoc, or anything but blanks, `;` and line continuations after that word. Unlike
 * appendPositionAfterBody, this takes a body that ends in `;` or a continuation, and refuses one that ends in `)`
 * or `fi`.
 */
export function appendPositionAfterLastWord(lastCommand: RunCommand, escapeChar: string): Position | undefined {
  const instruction = lastCommand.instruction;
  const raw = instruction.getRawArgumentsContent();
  if (raw === null || isExecForm(instruction) || /^\s*<</.test(raw)) return undefined;
  const words = lastCommand.command.allWords;
  const last = words[words.length - 1];
  if (!last) return undefined;
  const rest = raw.slice(last.end);
  const continuation = escapeChar === '\\' ? '\\\\' : escapeChar;
  if (!new RegExp(`^(\\s|${continuation}|;)*$`).test(rest)) return undefined;
  // A `;` right after the word would end up after the appended text, which is fine; anything else is not.
  return wordRange(instruction, { start: last.end, end: last.end }).start;
}

// ---------------------------------------------------------------------------------------------------------------
// Pipes

/**
 * The offsets (into the RUN's raw argument text) of the pipes `|` and `|&` between its commands; `||`, a `|`
 * inside quotes or escaped, and a `|` in a comment are not pipes.
 */
export function pipeOffsets(instruction: Instruction, commands: readonly RunCommand[]): number[] {
  const raw = instruction.getRawArgumentsContent() ?? '';
  const offsets: number[] = [];
  for (let i = 0; i + 1 < commands.length; i++) {
    const before = commands[i].command.allWords;
    const after = commands[i + 1].command.allWords;
    const from = before[before.length - 1].end;
    const to = after[0].start;
    if (to <= from) continue;
    // Between two commands there are only operators, blanks, line continuations and comments: a word would
    // belong to a command. A comment runs to the end of its line and may mention a pipe.
    const gap = raw.slice(from, to).replace(/#[^\n]*/g, (comment) => ' '.repeat(comment.length));
    for (let j = 0; j < gap.length; j++) {
      if (gap[j] !== '|') continue;
      if (gap[j + 1] === '|') {
        j++;
        continue;
      }
      offsets.push(from + j);
    }
  }
  return offsets;
}

/** Whether shell options turn on pipefail: `-o pipefail`, or a bundle ending in `o` (`-eo pipefail`, `-euxo pipefail`). */
export function setsPipefail(words: readonly string[]): boolean {
  return words.some((word, i) => /^-[A-Za-z]*o$/.test(word) && words[i + 1] === 'pipefail');
}
