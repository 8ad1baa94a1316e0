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
      for (const word of packages(command, subcommand)) {
        const at = word.value.lastIndexOf('@');
        const version = at > 0 ? word.value.slice(at + 1) : '';
        if (version !== '' && version !== 'latest') continue;
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
);

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
