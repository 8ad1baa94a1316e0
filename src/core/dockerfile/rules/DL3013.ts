import { commandsInAnyShell, operands, rangeOf, type RunCommand } from '../commands';
import { hasExpansion } from '../instructions';
import { perInstruction } from '../rule';
import type { ShellCommand } from '../shell';

/**
 * pip install's (and pipx install's) options that take a value; `-r requirements.txt` and `-e .` name files, not
 * packages.
 */
const PIP_OPTIONS_WITH_VALUE = [
  'r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links',
  't', 'target', 'prefix', 'root', 'src', 'platform', 'python-version', 'implementation', 'abi', 'trusted-host',
  'cache-dir', 'log', 'log-file', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert',
  'progress-bar', 'upgrade-strategy', 'global-option', 'install-option', 'C', 'config-settings', 'no-binary',
  'only-binary', 'report', 'root-user-action', 'python', 'keyring-provider', 'use-feature', 'use-deprecated',
  'build-constraint', 'group', 'pip-args', 'suffix', 'preinstall', 'spec',
];

/** A requirement with a version specifier (`==`, `>=`, `~=`, …) or a direct reference (`name @ url`). */
const VERSIONED = /(===?|[<>]=?|~=|!=|@)/;

/**
 * Not a package from an index: a path (a project name never holds a `/`), a glob, the project itself (`.`), an
 * archive or wheel, a URL or VCS reference.
 */
function isFileOrUrl(value: string): boolean {
  return value.includes('/') || value.includes('*') || value === '.' || value === '..' || /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i.test(value) || /^file:/i.test(value);
}

/**
 * `pip install …`, `pip3.11 install …`, `python3 -m pip install …` or `pipx install …` (which takes `name==version`
 * too), as a command whose first word is pip.
 */
function pipInstall(command: RunCommand): ShellCommand | undefined {
  const words = command.command.words;
  let pip: ShellCommand | undefined;
  if (/^pip[0-9.]*$/.test(command.program) || command.program === 'pipx') pip = command.command;
  else if (/^python[0-9.]*$/.test(command.program) && words[1]?.value === '-m' && words[2]?.value === 'pip') pip = { ...command.command, words: words.slice(2) };
  if (!pip) return undefined;
  return operands(pip, PIP_OPTIONS_WITH_VALUE)[0]?.value === 'install' ? pip : undefined;
}

/** Guide, Docker Best Practices: "RUN pip wheel --no-cache-dir -r requirements.txt -w /wheels". */
export const DL3013 = perInstruction(
  {
    id: 'DL3013',
    defaultSeverity: 'warning',
    title: 'Pin versions in pip.',
    guide: 'Docker Best Practices: "RUN pip wheel --no-cache-dir -r requirements.txt -w /wheels"',
  },
  ['RUN'],
  (instruction, context) => {
    // pip and npm run on Windows too, so RUNs in PowerShell or cmd are read as well.
    for (const command of commandsInAnyShell(context.model, instruction)) {
      const pip = pipInstall(command);
      if (!pip) continue;
      // A constraints file pins whatever it lists, and the linter cannot read it.
      if (hasConstraints(pip)) continue;
      const requirements = operands(pip, PIP_OPTIONS_WITH_VALUE).slice(1);
      for (const [i, word] of requirements.entries()) {
        const value = word.value;
        if (value === '' || VERSIONED.test(value) || isFileOrUrl(value) || hasExpansion(value)) continue;
        // `torch @ https://…` written as three words is a direct reference.
        if (requirements[i + 1]?.value.startsWith('@') || requirements[i - 1]?.value === '@') continue;
        context.report({
          range: rangeOf(command, word),
          message:
            command.program === 'pipx'
              ? `${value} is installed without a version, so each build may get a different release. Pin it: pipx install ${value}==<version>.`
              : `${value} is installed without a version, so each build may get a different release. Pin it (pip install ${value}==<version>), or list it with its version in requirements.txt and install with -r.`,
        });
      }
    }
  },
);

function hasConstraints(pip: ShellCommand): boolean {
  return pip.words.some((w) => w.value === '-c' || w.value === '--constraint' || w.value.startsWith('--constraint=') || /^-c./.test(w.value));
}
