import { copyArguments, flagsOf, hasExpansion } from '../instructions';
import { perInstruction } from '../rule';

/** ADD fetches URLs (http, https, git) itself. */
const URL = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/** Local archives that ADD unpacks: tar, alone or compressed with gzip, bzip2, xz, zstd, lzip, lzma or compress. */
const ARCHIVE = /\.(tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|tz|gz|bz2|xz|zst|lz|lzma|z)$/i;

/**
 * What hadolint 2.15 takes for a remote source or an archive (found by running it): only `http://` and `https://`
 * URLs, and these endings, with exact case. A Git source (`git@…`, `https://…/y.git` aside), another scheme or
 * another archive ending counts as a local file to it.
 */
const HADOLINT_URL = /^https?:\/\//;
const HADOLINT_ARCHIVE = /\.(tar|tgz|tbz|tbz2|tb2|txz|tlz|gz|bz2|xz|lz|lzma|Z)$/;

/** A Git repository as ADD's source: `git@host:repo`, `git://…`, `ssh://…`, or a URL of a `.git` repository. */
const GIT_SOURCE = /^(git@|git:\/\/|ssh:\/\/)|\.git(#.*)?$/i;

/** Flags COPY understands too; with any other (`--checksum`, `--keep-git-dir`, `--unpack`) ADD cannot become COPY. */
const SHARED_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

/** The keyword as the user spells it (`copy` stays lower-case). */
function inKeywordCase(written: string, keyword: string): string {
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

/** What ADD does with a source that this linter leaves to ADD, for a finding made for hadolint parity. */
function whyAdd(source: string): string {
  if (GIT_SOURCE.test(source)) return 'clones a Git repository (ADD\'s Git source)';
  if (URL.test(source)) return 'names a URL, which ADD fetches';
  if (hasExpansion(source)) return 'names a variable, which may hold a URL that ADD fetches or an archive that ADD unpacks';
  return 'names an archive, which ADD unpacks';
}

export const DL3020 = perInstruction(
  {
    id: 'DL3020',
    defaultSeverity: 'error',
    title: 'Use `COPY` instead of `ADD` for files and folders.',
    guide: 'hadolint DL3020',
  },
  ['ADD'],
  (instruction, context) => {
    const args = copyArguments(instruction);
    if (args.length < 2 || args.some((a) => a.value.startsWith('<<'))) return;
    const sources = args.slice(0, -1);
    // A source given as a variable may be a URL or an archive; ADD may be there for that.
    const needsAdd = sources.find((s) => URL.test(s.value) || ARCHIVE.test(s.value.replace(/\/+$/, '')) || hasExpansion(s.value));
    if (needsAdd) {
      if (context.settings.hadolintParity === true && sources.some((s) => !HADOLINT_URL.test(s.value) && !HADOLINT_ARCHIVE.test(s.value))) {
        context.report({
          range: instruction.getInstructionRange(),
          message: `ADD ${needsAdd.value} ${whyAdd(needsAdd.value)}. Reported because hadolint reports it (hadolint parity is on): hadolint asks for COPY, which this linter alone does not, because COPY cannot do that.`,
        });
      }
      return;
    }
    const range = instruction.getInstructionRange();
    const written = instruction.getInstruction();
    const onlyShared = flagsOf(instruction).every((f) => SHARED_FLAGS.has(f.getName().toLowerCase()));
    const copy = inKeywordCase(written, 'COPY');
    context.report({
      range,
      message: `ADD copies local files here: use ${copy}, which does only that. ADD also fetches URLs and unpacks archives, so with ADD a source that becomes an archive one day is silently unpacked instead of copied.`,
      fix: onlyShared ? { title: `Replace ${written} with ${copy}`, edits: [{ range, newText: copy }] } : undefined,
    });
  },
);
