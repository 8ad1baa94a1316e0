import { argumentsOf, commandsInAnyShell, isCall, nameAsWritten, rangeOf, subcommand, subcommandOperands, type RunCommand } from '../commands';
import { hasExpansion } from '../instructions';
import { perInstruction, type DockerfileRuleContext } from '../rule';

/** npm's names for install (it accepts abbreviations and common misspellings of it). */
const INSTALL = ['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add'];

/** npm options that take a value. */
const NPM_OPTIONS_WITH_VALUE = ['prefix', 'registry', 'cache', 'tag', 'userconfig', 'globalconfig', 'w', 'workspace', 'omit', 'include', 'install-strategy', 'loglevel', 'location', 'before', 'only', 'C'];

/** Not a package name from the registry, and pinned by what it names: a path, a tarball, or a URL to one. */
function isPathOrUrl(value: string): boolean {
  return /^(\.|\.\.|~)?\//.test(value) || value === '.' || value === '..' || /\.(tgz|tar\.gz|tar)$/i.test(value) || /^(file|https?):/i.test(value);
}

/**
 * A git or hosted-git reference (`git+https://…`, `git://…`, `github:user/repo`, `user/repo`). It pins the code
 * only with a `#commit-ish`; without one it follows the repository's default branch.
 */
function gitReference(value: string): { pinned: boolean } | undefined {
  if (!/^(git|git\+[a-z]+|github|gitlab|bitbucket|gist):/i.test(value) && !/^[\w.-]+\/[\w.-]+(#.*)?$/.test(value)) return undefined;
  return { pinned: /#./.test(value) };
}

/** A full git URL (`git+https://…`, `git://…`), as opposed to a hosted-git shorthand (`github:org/repo`). */
const FULL_GIT_URL = /^(git|git\+[a-z]+):/i;

/** The version part of `name@version` or `@scope/name@version`, or undefined. */
function versionOf(spec: string): string | undefined {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at < 0 ? undefined : spec.slice(at + 1);
}

/**
 * Whether hadolint checks the command's packages, found by running it: only in `npm install` (not `npm i` or
 * `npm add`) that it sees as such (after `VAR=value`, not behind `sudo`).
 */
function hadolintReadsInstall(command: RunCommand): boolean {
  return nameAsWritten(command) === 'npm' && subcommand(command.command, NPM_OPTIONS_WITH_VALUE)?.value === 'install';
}

/** The npm options hadolint knows to take a value, found by running it; it takes the others' values for packages. */
const HADOLINT_NPM_OPTIONS_WITH_VALUE = ['registry', 'loglevel'];

/**
 * Under parity: the value of an option such as `--omit dev` or `--prefix app`, which hadolint reads as a package
 * without a version (not a path or URL such as `--prefix /app`, nor `--omit=dev`).
 */
function reportOptionValuesTakenForPackages(command: RunCommand, context: DockerfileRuleContext): void {
  const args = argumentsOf(command.command);
  for (let i = 0; i + 1 < args.length; i++) {
    const option = /^--?([A-Za-z][\w-]*)$/.exec(args[i].value)?.[1];
    if (!option || !NPM_OPTIONS_WITH_VALUE.includes(option) || HADOLINT_NPM_OPTIONS_WITH_VALUE.includes(option)) continue;
    const value = args[i + 1];
    i++;
    if (!hadolintTakesForUnpinned(value.value)) continue;
    context.report({
      range: rangeOf(command, value),
      message: `${value.value} is the value of ${args[i - 1].value}, not a package. Reported because hadolint reports it (hadolint parity is on): hadolint takes the value of ${args[i - 1].value} for a package without a version.`,
    });
  }
}

/**
 * Whether hadolint, reading a word as written, takes it for a package without a version: unless the text has an
 * `@version`, is a path or URL (`./$DIR`, `https://$HOST/x.tgz`) or a git URL with a `#commit-ish`. So `$TOOLS`,
 * `$(cat tools.txt)`, `@scope/$NAME` and `$ORG/$REPO` are reported.
 */
function hadolintTakesForUnpinned(value: string): boolean {
  if (isPathOrUrl(value) || versionOf(value) !== undefined) return false;
  return !(FULL_GIT_URL.test(value) && /#./.test(value));
}

/** hadolint DL3016. */
export const DL3016 = perInstruction(
  {
    id: 'DL3016',
    defaultSeverity: 'warning',
    title: 'Pin versions in `npm`.',
    guide: 'hadolint DL3016',
  },
  ['RUN'],
  (instruction, context) => {
    // pip and npm run on Windows too, so RUNs in PowerShell or cmd are read as well.
    for (const command of commandsInAnyShell(context.model, instruction)) {
      if (!isCall(command, 'npm', INSTALL, NPM_OPTIONS_WITH_VALUE)) continue;
      const parity = context.settings.hadolintParity === true;
      const hadolintReads = parity && hadolintReadsInstall(command);
      if (hadolintReads) reportOptionValuesTakenForPackages(command, context);
      // `npm install` alone installs package.json's dependencies, pinned by package-lock.json.
      for (const word of subcommandOperands(command.command, NPM_OPTIONS_WITH_VALUE)) {
        const value = word.value;
        if (value === '') continue;
        if (hasExpansion(value)) {
          // hadolint reads the text as written.
          if (hadolintReads && hadolintTakesForUnpinned(value)) {
            context.report({
              range: rangeOf(command, word),
              message: `npm install ${value} installs what ${value} holds when the image is built. Reported because hadolint reports it (hadolint parity is on): this linter does not, because the value (which may be name@version) is unknown here.`,
            });
          }
          continue;
        }
        if (isPathOrUrl(value)) {
          // hadolint reports a `file:` folder (not a `file:` tarball, nor a plain path such as `../sdk`).
          if (parity && /^file:/i.test(value) && !/\.(tgz|tar\.gz|tar)$/i.test(value)) {
            context.report({
              range: rangeOf(command, word),
              message: `${value} installs a local folder. Reported because hadolint reports it (hadolint parity is on): this linter does not, because a local path is not taken from the registry and has no version to pin.`,
            });
          }
          continue;
        }
        const git = gitReference(value);
        if (git) {
          // hadolint reports a hosted-git shorthand (`github:org/repo#abc123`, `org/repo#v1`) even with a
          // `#commit-or-tag`, while it accepts a full git URL (`git+https://…#v1`).
          if (git.pinned && parity && !FULL_GIT_URL.test(value)) {
            context.report({
              range: rangeOf(command, word),
              message: `${value} installs from a git repository at a fixed commit or tag. Reported because hadolint reports it (hadolint parity is on): this linter does not, because a #commit-or-tag pins a hosted-git reference just as it pins git+https://…#v1, which hadolint accepts.`,
            });
          }
          if (!git.pinned) {
            context.report({
              range: rangeOf(command, word),
              message: `${value} follows the default branch of its repository, so each build may get different code. Pin a commit or tag: npm install ${value}#<commit-or-tag>.`,
            });
          }
          continue;
        }
        const version = versionOf(value);
        if (version && version !== 'latest') continue;
        const name = version ? value.slice(0, value.length - version.length - 1) : value;
        context.report({
          range: rangeOf(command, word),
          message: `${value} ${version ? 'follows the latest tag' : 'is installed without a version'}, so each build may get a different release. Pin it: npm install ${name}@<version>.`,
        });
      }
    }
  },
  { programs: ['npm'] },
);
