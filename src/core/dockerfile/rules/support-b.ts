import type { Flag, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Position, Range, TextEdit } from '../../findings';
import { commandsOf, hasFlag, operands, type RunCommand } from '../commands';
import type { DockerfileModel, Stage } from '../model';
import { jsonWords, wordRange, type ShellWord } from '../shell';

/**
 * Helpers for hadolint's rules about COPY/ADD, FROM and the yum/dnf/zypper/pip/gem/wget/useradd commands in RUN.
 * They read commands only through the interface of commands.ts and shell.ts.
 */

/** The flags of an instruction that has them (FROM, COPY, ADD, RUN …); none for the others. */
export function flagsOf(instruction: Instruction): Flag[] {
  const candidate = instruction as JSONInstruction;
  return typeof candidate.getFlags === 'function' ? candidate.getFlags() : [];
}

export function flagNamed(instruction: Instruction, name: string): Flag | undefined {
  return flagsOf(instruction).find((f) => f.getName().toLowerCase() === name);
}

/** Whether the instruction is in exec form (`RUN ["pip", "install", "x"]`), where an inserted word needs quotes. */
export function isExecForm(instruction: Instruction): boolean {
  return jsonWords(instruction) !== undefined;
}

/** Inserts a word right after another word of a command: ` -y` in shell form, `, "-y"` in exec form. */
export function insertWordAfter(command: RunCommand, word: ShellWord, text: string): TextEdit {
  const exec = isExecForm(command.instruction);
  // An exec-form word's range ends just inside its closing quote; the new string goes after that quote.
  const offset = word.end + (exec ? 1 : 0);
  const at = wordRange(command.instruction, { start: offset, end: offset }).start;
  return { range: { start: at, end: at }, newText: exec ? `, ${JSON.stringify(text)}` : ` ${text}` };
}

/** Whether a word holds a shell expansion (`$PKG`, `${V}`, `$(cat f)`, a backquote), whose value is unknown. */
export function hasExpansion(value: string): boolean {
  return value.includes('$') || value.includes('`');
}

/** The `--mount` flags of a RUN as key/value maps: `type=cache,target=/root/.cache` → {type, target}. */
export function mounts(instruction: Instruction): Array<Record<string, string>> {
  return flagsOf(instruction)
    .filter((f) => f.getName().toLowerCase() === 'mount')
    .map((f) => {
      const options: Record<string, string> = {};
      for (const part of (f.getValue() ?? '').split(',')) {
        const eq = part.indexOf('=');
        const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
        const value = eq < 0 ? '' : part.slice(eq + 1).trim();
        // `dst` and `destination` are BuildKit's other spellings of `target`.
        options[key === 'dst' || key === 'destination' ? 'target' : key] = value;
      }
      return options;
    });
}

/** Whether a RUN mounts a cache on one of the folders (or a folder inside one of them). */
export function mountsCacheOn(instruction: Instruction, folders: readonly string[]): boolean {
  return mounts(instruction).some((m) => {
    if (m.type !== 'cache' || !m.target) return false;
    const target = m.target.replace(/\/+$/, '');
    return folders.some((folder) => target === folder || target.startsWith(`${folder}/`) || folder.startsWith(`${target}/`));
  });
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

/** yum's and dnf's options that take a value, so that `--enablerepo epel` is not taken for a package. */
export const YUM_OPTIONS_WITH_VALUE = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'x', 'exclude', 'installroot', 'enablerepo',
  'disablerepo', 'repo', 'repoid', 'releasever', 'setopt', 'downloaddir', 'destdir', 'color', 'rpmverbosity',
  'disableplugin', 'enableplugin', 'forcearch', 'disableexcludes', 'nogpgcheck-for', 'advisory', 'bz', 'cve', 'sec-severity',
];

/** zypper's global and install options that take a value (`--root /x`, `-t pattern`, `-r repo`). */
export const ZYPPER_OPTIONS_WITH_VALUE = [
  'R', 'root', 'c', 'config', 'reposd-dir', 'D', 'cache-dir', 'C', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir',
  'installroot', 't', 'type', 'r', 'repo', 'from', 'download',
];

/** Verbs that install packages with yum or dnf. */
export const YUM_INSTALL_VERBS = ['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'group install', 'groups install', 'module install'];

/** Verbs that install packages with zypper, long and short. */
export const ZYPPER_INSTALL_VERBS = ['install', 'in', 'source-install', 'si'];

/** Whether a package argument is a file, a URL or a path (`./x.rpm`, `https://…/x.rpm`), which carries its version. */
export function isFileOrUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes('/') || /\.rpm$/i.test(value);
}

/**
 * Whether an RPM package spec names a version: `httpd-2.4.6`, `httpd-2.4.6-97.el7`, `java-11-openjdk-11.0.20`.
 * The version is the last dash-separated part that starts with a digit (the release after it, if any, holds a
 * digit too); `java-11-openjdk` and `python3-devel` name no version.
 */
export function rpmHasVersion(value: string): boolean {
  return /-\d[^-]*(-[^-]*\d[^-]*)?$/.test(value);
}

/** The stage an instruction belongs to, by position. */
export function stageOf(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  const line = instruction.getRange().start.line;
  let found: Stage | undefined;
  for (const stage of model.stages) {
    if (stage.from.getRange().start.line <= line) found = stage;
  }
  return found;
}

/**
 * Where text can be appended to a shell-form RUN so that it runs after everything else: right after the last
 * word of its last command. Undefined where appending could change what runs or land in a comment: exec form, a
 * heredoc, or anything but blanks, `;` and line continuations after that word.
 */
export function appendPosition(command: RunCommand, escapeChar: string): Position | undefined {
  const instruction = command.instruction;
  const raw = instruction.getRawArgumentsContent();
  if (raw === null || isExecForm(instruction) || /^\s*<</.test(raw)) return undefined;
  const words = command.command.allWords;
  const last = words[words.length - 1];
  if (!last) return undefined;
  const rest = raw.slice(last.end);
  const continuation = escapeChar === '\\' ? '\\\\' : escapeChar;
  if (!new RegExp(`^(\\s|${continuation}|;)*$`).test(rest)) return undefined;
  // A `;` right after the word would end up after the appended text, which is fine; anything else is not.
  return wordRange(instruction, { start: last.end, end: last.end }).start;
}

/** The document range of a span of an instruction's raw argument text. */
export function spanRange(instruction: Instruction, start: number, end: number): Range {
  return wordRange(instruction, { start, end });
}

/**
 * The arguments of a COPY or ADD as words with document ranges, in shell or exec form. For a heredoc copy
 * (`COPY <<EOF /etc/app.conf`) only the words on the heredoc's first line count: the body is content.
 */
export function copyArguments(instruction: Instruction): Array<{ value: string; range: Range }> {
  const json = jsonWords(instruction);
  if (json) return json.map((w) => ({ value: w.value, range: wordRange(instruction, w) }));
  const args = instruction.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
  const heredoc = args.find((a) => a.value.startsWith('<<'));
  return heredoc ? args.filter((a) => a.range.start.line === heredoc.range.start.line) : args;
}

/** Matches a name against a pattern with `*` wildcards (`*.gcr.io`), ignoring case. */
export function wildcardMatch(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return regex.test(name);
}

/** The keyword as the user spells it (`copy` stays lower-case). */
export function inKeywordCase(written: string, keyword: string): string {
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

/** Whether a command deletes one of the folders (or everything above it): `rm -rf /var/cache/yum/*`. */
export function removesFolder(command: RunCommand, folders: readonly string[]): boolean {
  if (command.program !== 'rm') return false;
  return operands(command.command).some((word) => {
    const path = word.value.replace(/\/?\*+$/, '').replace(/\/+$/, '');
    return path.length > 1 && folders.some((folder) => folder === path || folder.startsWith(`${path}/`) || path.startsWith(`${folder}/`));
  });
}

/** What a "clean up after installing" rule needs to know about one package manager. */
export interface CleanupCheck {
  programs: readonly string[];
  withValue: readonly string[];
  installVerbs: readonly string[];
  /** Whether a command cleans the manager's cache (`yum clean all`). */
  cleans: (command: RunCommand) => boolean;
  /** The folders the manager caches in: a cache mount on one of them, or deleting it, keeps the layer clean. */
  cacheFolders: readonly string[];
  /** The command a suggestion appends after an install: `yum clean all`. */
  cleanCommand: (install: RunCommand) => string;
}

/**
 * The install that leaves the manager's cache in a RUN's layer: the first one that no cleanup follows in the same
 * RUN, with a suggestion to append the cleanup when that can be done without changing what else runs.
 */
export function installWithoutCleanup(
  model: DockerfileModel,
  instruction: Instruction,
  check: CleanupCheck,
): { command: RunCommand; call: ManagerCall; suggestion?: { title: string; edits: TextEdit[] } } | undefined {
  if (mountsCacheOn(instruction, check.cacheFolders)) return undefined;
  const commands = commandsOf(model, instruction);
  const cleanedAfter = (index: number) => commands.slice(index + 1).some((c) => check.cleans(c) || removesFolder(c, check.cacheFolders));
  for (const [index, command] of commands.entries()) {
    const call = managerCall(command, check.programs, check.withValue);
    if (!call || !check.installVerbs.includes(call.verbName) || cleanedAfter(index)) continue;
    const last = commands[commands.length - 1];
    const at = appendPosition(last, model.ast.getEscapeCharacter());
    const clean = check.cleanCommand(command);
    const suggestion = at && { title: `Append ${clean}`, edits: [{ range: { start: at, end: at }, newText: ` && ${clean}` }] };
    return { command, call, suggestion };
  }
  return undefined;
}

/** Whether a command is `<program> clean all` for one of the programs. */
export function isCleanAll(command: RunCommand, programs: readonly string[], withValue: readonly string[]): boolean {
  const call = managerCall(command, programs, withValue);
  return call !== undefined && call.verbName === 'clean' && call.operands.some((w) => w.value === 'all');
}

/** What an "answer yes non-interactively" rule needs to know about one package manager. */
export interface AssumeYesCheck {
  programs: readonly string[];
  withValue: readonly string[];
  verbs: readonly string[];
  /** Flags that answer the prompt (`y`, `assumeyes`), without dashes as hasFlag takes them. */
  yesFlags: readonly string[];
  /** The flag the fix adds, and whether it goes after the program (a global option) or after the subcommand. */
  insert: { flag: string; after: 'program' | 'verb' };
}

/** The commands of a RUN that would stop at a prompt, with the fix that adds the flag. */
export function commandsMissingYes(model: DockerfileModel, instruction: Instruction, check: AssumeYesCheck): Array<{ command: RunCommand; call: ManagerCall; edit: TextEdit }> {
  const found: Array<{ command: RunCommand; call: ManagerCall; edit: TextEdit }> = [];
  for (const command of commandsOf(model, instruction)) {
    const call = managerCall(command, check.programs, check.withValue);
    if (!call || !check.verbs.includes(call.verbName) || hasFlag(command.command, ...check.yesFlags)) continue;
    const anchor = check.insert.after === 'program' ? call.program : call.verb;
    found.push({ command, call, edit: insertWordAfter(command, anchor, check.insert.flag) });
  }
  return found;
}

/** The package operands of an install that name no version, skipping files, URLs, groups and variables. */
export function unpinnedPackages(call: ManagerCall, pinned: (value: string) => boolean): ShellWord[] {
  return call.operands.filter((word) => {
    const value = word.value;
    return !(hasExpansion(value) || isFileOrUrl(value) || value.startsWith('@') || value.startsWith('-') || pinned(value));
  });
}
