import type { ShellWord } from '../shell';
import { commandsOf, rangeOf, type RunCommand } from '../commands';
import { perInstruction } from '../rule';

/** `go build`/`go install` flags that take a value as the next word (`-ldflags "-s -w"`, `-o bin`). */
const VALUE_FLAGS = new Set([
  'C', 'o', 'p', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags',
  'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'covermode', 'coverpkg',
]);

/**
 * hadolint DL3062: `go install` names a version for each package (`pkg@v1.2.3`). Local packages (`./cmd/app`,
 * `.`, `/src/...`) are built from the context and need none; a package given as a variable is not judged. Unlike a
 * bare `@` check, `@latest` is reported too: it is a query for whatever is newest, not a version.
 */
export const DL3062 = perInstruction(
  {
    id: 'DL3062',
    defaultSeverity: 'warning',
    title: 'Pin versions in go install: use go install <package>@<version>.',
    guide: 'hadolint DL3062',
    usesShell: true,
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (command.program !== 'go' || command.command.words[1]?.value !== 'install') continue;
      for (const word of packages(command)) {
        const at = word.value.lastIndexOf('@');
        if (at > 0 && word.value.slice(at + 1) !== 'latest' && word.value.slice(at + 1) !== '') continue;
        const name = at > 0 ? word.value.slice(0, at) : word.value;
        context.report({
          range: rangeOf(command, word),
          message:
            at > 0
              ? `Pin versions in go install: ${word.value} installs whatever is newest when the image is built. Name a version: go install ${name}@v1.2.3.`
              : `Pin versions in go install: ${word.value} has no version. Use go install ${name}@<version> so that rebuilding installs the same code.`,
        });
      }
    }
  },
);

/** The package arguments of `go install`, skipping flags and their values; local paths and variables excluded. */
function packages(command: RunCommand): ShellWord[] {
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
    if (value.startsWith('.') || value.startsWith('/') || value.startsWith('$') || value.startsWith('~')) continue;
    result.push(words[i]);
  }
  return result;
}
