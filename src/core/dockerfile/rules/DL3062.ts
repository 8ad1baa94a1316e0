import type { ShellWord } from '../shell';
import { commandsOf, rangeOf, type RunCommand } from '../commands';
import { perInstruction } from '../rule';

/** The go build flags (and `go run -exec`) that take a value as the next word (`-ldflags "-s -w"`, `-o bin`). */
const VALUE_FLAGS = new Set([
  'C', 'o', 'p', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags',
  'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'covermode', 'coverpkg', 'exec',
]);

/** The go subcommands that fetch a remote package at the version given after `@`, newest without one. */
const FETCHING = new Set(['install', 'get', 'run']);

/**
 * hadolint DL3062: `go install`, `go get` and `go run` name a version for each remote package (`pkg@v1.2.3`).
 * Local packages (`./cmd/app`, `.`, `/src/...`, and for `go run` the files `main.go …`) are built from the
 * context and need none; a package given as a variable is not judged. `go run` takes one package: the words after
 * it are the program's own arguments. Unlike a bare `@` check, `@latest` is reported too: it is a query for
 * whatever is newest, not a version. `go get pkg@none`, which removes a dependency, is not reported.
 */
export const DL3062 = perInstruction(
  {
    id: 'DL3062',
    defaultSeverity: 'warning',
    title: 'Pin versions in go install: use go install <package>@<version>.',
    guide: 'hadolint DL3062',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      const subcommand = command.command.words[1]?.value;
      if (command.program !== 'go' || subcommand === undefined || !FETCHING.has(subcommand)) continue;
      const unpinned = packages(command, subcommand).filter((word) => {
        const at = word.value.lastIndexOf('@');
        const version = at > 0 ? word.value.slice(at + 1) : '';
        return version === '' || version === 'latest';
      });
      // hadolint reports the instruction once; where this linter reports the command already, that is matched.
      if (unpinned.length === 0 && context.settings.hadolintParity === true) {
        const word = hadolintPackages(command, subcommand).find((w) => hadolintUnpinned(w.value));
        if (word) {
          context.report({
            range: rangeOf(command, word),
            message: `go ${subcommand} is given ${word.value} here. Reported because hadolint reports it (hadolint parity is on): hadolint takes ${word.value} for a package without a version, but ${whyNotAPackage(command, word)}.`,
          });
        }
      }
      for (const word of unpinned) {
        const at = word.value.lastIndexOf('@');
        const name = at > 0 ? word.value.slice(0, at) : word.value;
        const go = `go ${subcommand}`;
        context.report({
          range: rangeOf(command, word),
          message:
            at > 0
              ? `Pin versions in ${go}: ${word.value} fetches whatever is newest when the image is built. Name a version: ${go} ${name}@v1.2.3.`
              : `Pin versions in ${go}: ${word.value} has no version. Use ${go} ${name}@<version> so that rebuilding fetches the same code.`,
        });
      }
    }
  },
  { programs: ['go'] },
);

/**
 * The words hadolint 2.15 takes for packages (found by running it): every word after the subcommand that does not
 * start with `-` (a flag's value included), `-` and `--` too, only the first for `go run`; the command must start
 * with `go`, after assignments only, not under `sudo` or `env`.
 */
function hadolintPackages(command: RunCommand, subcommand: string): ShellWord[] {
  const all = command.command.allWords;
  const first = command.command.words[0];
  if (all.some((w) => w.start < first.start && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value))) return [];
  const words = command.command.words.slice(2).filter((w) => !/^-./.test(w.value) || w.value === '--');
  return subcommand === 'run' ? words.slice(0, 1) : words;
}

/** Whether hadolint reports a package word: not a path, and without a version or at `@latest` or `@none`. */
function hadolintUnpinned(value: string): boolean {
  if (/^[./]/.test(value)) return false;
  const at = value.lastIndexOf('@');
  return at < 0 || ['latest', 'none'].includes(value.slice(at + 1));
}

/** Why this linter does not take the word for a package without a version, for a finding made for hadolint parity. */
function whyNotAPackage(command: RunCommand, word: ShellWord): string {
  const words = command.command.words;
  const before = words[words.indexOf(word) - 1]?.value ?? '';
  if (/^--?[A-Za-z]/.test(before) && VALUE_FLAGS.has(before.replace(/^--?/, ''))) return `it is the value of ${before}, not a package`;
  if (word.value === '--' || word.value === '-') return `${word.value} is not a package`;
  if (word.value.endsWith('@none')) return 'go get pkg@none removes a dependency rather than fetching one';
  if (word.value.startsWith('$')) return 'a package given as a variable is known only at build time, so this linter does not judge it';
  if (word.value.endsWith('.go')) return `${word.value} is a local source file, which needs no version`;
  return `${word.value} is a local path, which needs no version`;
}

/**
 * The remote package arguments of `go install`/`get`/`run`, skipping flags and their values; local paths,
 * variables and `@none` excluded. For `go run` only the first argument is a package (or `.go` files).
 */
function packages(command: RunCommand, subcommand: string): ShellWord[] {
  const words = command.command.words.slice(2);
  const result: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === '--') continue;
    if (value.startsWith('-')) {
      const name = value.replace(/^--?/, '');
      if (!name.includes('=') && VALUE_FLAGS.has(name)) i++;
      continue;
    }
    const local = /^[./$~]/.test(value) || (subcommand === 'run' && value.endsWith('.go'));
    if (!local && !value.endsWith('@none')) result.push(words[i]);
    if (subcommand === 'run') break;
  }
  return result;
}
