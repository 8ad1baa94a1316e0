import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from '../findings';
import {
  appendPositionAfterLastWord,
  commandsOf,
  hasFlag,
  insertWordAfter,
  isCall,
  managerCall,
  operands,
  stageCommands,
  subcommand,
  type ManagerCall,
  type RunCommand,
} from './commands';
import { hasExpansion, mountsCacheOn } from './instructions';
import type { DockerfileModel, Stage } from './model';
import { programName, type ShellCommand, type ShellWord } from './shell';

/**
 * What the rules know about the system package managers (apt-get, apk, yum, dnf, zypper): the options that take a
 * value, the verbs that install, how a package names its version, and what cleans up after an install.
 */

// ---------------------------------------------------------------------------------------------------------------
// apt-get

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

// ---------------------------------------------------------------------------------------------------------------
// apk

/** apk's options that take a value; `--virtual .build-deps` names a virtual package, not one to install. */
export const APK_OPTIONS_WITH_VALUE = ['t', 'virtual', 'X', 'repository', 'repositories-file', 'p', 'root', 'arch', 'cache-dir', 'keys-dir', 'cache-max-age', 'progress-fd', 'timeout'];

/** `apk … add …`. */
export function isApkAdd(command: RunCommand): boolean {
  return isCall(command, 'apk', 'add', APK_OPTIONS_WITH_VALUE);
}

// ---------------------------------------------------------------------------------------------------------------
// yum, dnf and zypper

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

// ---------------------------------------------------------------------------------------------------------------
// Versions

/** Whether a package argument is a file, a URL or a path (`./x.rpm`, `https://…/x.rpm`), which carries its version. */
function isFileOrUrl(value: string): boolean {
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

/** The package operands of an install that name no version, skipping files, URLs, groups and variables. */
export function unpinnedPackages(call: ManagerCall, pinned: (value: string) => boolean): ShellWord[] {
  return call.operands.filter((word) => {
    const value = word.value;
    return !(hasExpansion(value) || isFileOrUrl(value) || value.startsWith('@') || value.startsWith('-') || pinned(value));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Answering yes

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

// ---------------------------------------------------------------------------------------------------------------
// Cleaning up

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
    const at = appendPositionAfterLastWord(last, model.ast.getEscapeCharacter());
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

/** Whether a command deletes one of the folders (or everything above it): `rm -rf /var/cache/yum/*`. */
function removesFolder(command: RunCommand, folders: readonly string[]): boolean {
  if (command.program !== 'rm') return false;
  return operands(command.command).some((word) => {
    const path = word.value.replace(/\/?\*+$/, '').replace(/\/+$/, '');
    return path.length > 1 && folders.some((folder) => folder === path || folder.startsWith(`${path}/`) || path.startsWith(`${folder}/`));
  });
}

/** The packages a RUN installs with apt-get/apt/apk/yum/dnf/microdnf/zypper/conda, by name without version. */
export function installedPackages(command: ShellCommand): string[] {
  const values = command.words.map((w) => w.value);
  const program = programName(command);
  let start = -1;
  if ((program === 'apt-get' || program === 'apt' || program === 'yum' || program === 'dnf' || program === 'microdnf' || program === 'zypper') && values.includes('install')) {
    start = values.indexOf('install') + 1;
  } else if (program === 'apk' && values.includes('add')) {
    start = values.indexOf('add') + 1;
  } else if (/^(conda|mamba|micromamba)$/.test(program) && values.includes('install')) {
    start = values.indexOf('install') + 1;
  }
  if (start < 0) return [];
  return values
    .slice(start)
    .filter((v) => !v.startsWith('-'))
    .map((v) => v.split(/[=<>:]/)[0]);
}

/** The package managers the rules recognise, and whether a command installs packages with one. */
export function installsPackages(command: ShellCommand): boolean {
  const values = command.words.map((w) => w.value);
  const program = programName(command);
  switch (program) {
    case 'pip':
    case 'pip3':
    case 'uv':
    case 'poetry':
    case 'pipenv':
      return values.includes('install') || values.includes('sync');
    case 'apt-get':
    case 'apt':
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'zypper':
    case 'conda':
    case 'mamba':
    case 'micromamba':
      return values.includes('install') || values.includes('create');
    case 'apk':
      return values.includes('add');
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return ['install', 'ci', 'i', 'add'].some((verb) => values.includes(verb));
    default:
      return /^python[0-9.]*$/.test(program) && values[1] === '-m' && values[2] === 'pip' && values.includes('install');
  }
}

/** The names of the packages that the RUNs of these stages install (for "does the image have curl?"). */
export function packagesInstalledIn(model: DockerfileModel, stages: Stage[]): Set<string> {
  return new Set(stages.flatMap((stage) => stageCommands(model, stage)).flatMap(({ command }) => installedPackages(command)));
}
