import type { Argument, Flag, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range } from '../findings';
import { memoOf } from './memo';
import { jsonWords, wordRange } from './shell';

/**
 * Helpers that read one instruction: its form (exec or shell), its flags and `--mount`s, the variables in its
 * words, and the arguments of COPY and ADD.
 */

// ---------------------------------------------------------------------------------------------------------------
// Arguments

/**
 * An instruction's arguments (without its flags), read once per lint and shared by every rule: callers must not
 * change the array. dockerfile-ast's own `getArguments` builds a new array on every call.
 */
export function argumentsOf(instruction: Instruction): readonly Argument[] {
  const memo = memoOf(instruction);
  let args = memo.arguments as Argument[] | undefined;
  if (!args) {
    args = instruction.getArguments();
    memo.arguments = args;
  }
  return args;
}

// ---------------------------------------------------------------------------------------------------------------
// Form

/**
 * Whether the instruction is in exec form (`RUN ["pip", "install", "x"]`): it runs without a shell, and a word
 * inserted into it needs quotes.
 */
export function isExecForm(instruction: Instruction): boolean {
  return jsonWords(instruction) !== undefined;
}

/** The words of a SHELL instruction's JSON array, or undefined when it is not an exec-form array. */
export function shellWords(instruction: Instruction): string[] | undefined {
  return jsonWords(instruction)?.map((w) => w.value);
}

// ---------------------------------------------------------------------------------------------------------------
// Variables

/**
 * Whether a value refers to a build argument or variable (`$VERSION`, `${VERSION}`), which Docker substitutes, so
 * that its content cannot be judged from the text. A backquote counts for nothing here: Docker itself does not run
 * commands in the instructions it expands (LABEL, ENV), so there it is just a character.
 */
export function hasVariable(value: string): boolean {
  return value.includes('$');
}

/**
 * Whether a word holds an expansion whose value a linter cannot know: a variable (`$PKGS`, `${VERSION}`) or a
 * command substitution (`$(cat list)`, a backquote), as a shell runs them.
 */
export function hasExpansion(value: string): boolean {
  return hasVariable(value) || value.includes('`');
}

// ---------------------------------------------------------------------------------------------------------------
// Flags and mounts

/** The flags of an instruction that has them (FROM, COPY, ADD, RUN …); none for the others. */
export function flagsOf(instruction: Instruction): Flag[] {
  const candidate = instruction as JSONInstruction;
  return typeof candidate.getFlags === 'function' ? candidate.getFlags() : [];
}

/**
 * The instruction's flag with this name (`from` for `--from=builder`), or undefined. Names compare exactly, as
 * BuildKit compares them: it refuses `--FROM` as an unknown flag.
 */
export function flagNamed(instruction: Instruction, name: string): Flag | undefined {
  return flagsOf(instruction).find((flag) => flag.getName() === name);
}

/** The value of a COPY's `--from` and its range, when the flag has a value. */
export function copyFrom(instruction: Instruction): { value: string; range: Range } | undefined {
  const flag = flagNamed(instruction, 'from');
  const value = flag?.getValue();
  const range = flag?.getValueRange();
  return value && range ? { value, range } : undefined;
}

/** The instruction's flags as `name=value` strings, sorted, so that two instructions' flags can be compared. */
export function flagSignature(instruction: Instruction): string {
  return flagsOf(instruction)
    .map((flag) => `${flag.getName()}=${flag.getValue() ?? ''}`)
    .sort()
    .join(' ');
}

/**
 * The `--mount` flags of a RUN as key/value maps: `type=cache,target=/root/.cache` → {type, target}. Keys are read
 * in lower case, as BuildKit reads them, and a key given twice keeps its last value.
 */
export function mounts(instruction: Instruction): Array<Record<string, string>> {
  return flagsOf(instruction)
    .filter((flag) => flag.getName() === 'mount')
    .map((flag) => {
      const options: Record<string, string> = {};
      for (const part of (flag.getValue() ?? '').split(',')) {
        const eq = part.indexOf('=');
        const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
        const value = eq < 0 ? '' : part.slice(eq + 1).trim();
        // `dst` and `destination` are BuildKit's other spellings of `target`.
        options[key === 'dst' || key === 'destination' ? 'target' : key] = value;
      }
      return options;
    });
}

/** Whether a RUN mounts a cache anywhere (`--mount=type=cache,target=/root/.cache/pip`). */
export function hasCacheMount(instruction: Instruction): boolean {
  return mounts(instruction).some((mount) => mount.type === 'cache');
}

/** A mount's target without trailing slashes (`/` becomes the empty string, a prefix of every path). */
function mountTarget(mount: Record<string, string>): string | undefined {
  return mount.target ? mount.target.replace(/\/+$/, '') : undefined;
}

/**
 * Whether a RUN mounts something (a cache, a tmpfs, a bind mount) on `path` or on a folder above it: what the RUN
 * writes there stays out of its layer.
 */
export function mountsOver(instruction: Instruction, path: string): boolean {
  return mounts(instruction).some((mount) => {
    const target = mountTarget(mount);
    return target !== undefined && (path === target || path.startsWith(`${target}/`));
  });
}

/** Whether a RUN mounts a cache on one of the folders, on a folder above one, or on a folder inside one. */
export function mountsCacheOn(instruction: Instruction, folders: readonly string[]): boolean {
  return mounts(instruction).some((mount) => {
    const target = mountTarget(mount);
    if (mount.type !== 'cache' || target === undefined) return false;
    return folders.some((folder) => target === folder || target.startsWith(`${folder}/`) || folder.startsWith(`${target}/`));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// COPY and ADD

/** An argument of an instruction with its place in the document. */
export interface InstructionArgument {
  value: string;
  range: Range;
}

/**
 * The arguments of a COPY or ADD as words with document ranges, in shell or exec form. For a heredoc copy
 * (`COPY <<EOF /etc/app.conf`) only the words on the heredoc's first line count: the body is content.
 */
export function copyArguments(instruction: Instruction): InstructionArgument[] {
  const json = jsonWords(instruction);
  if (json) return json.map((w) => ({ value: w.value, range: wordRange(instruction, w) }));
  const args = argumentsOf(instruction).map((a) => ({ value: a.getValue(), range: a.getRange() }));
  const heredoc = args.find((a) => a.value.startsWith('<<'));
  return heredoc ? args.filter((a) => a.range.start.line === heredoc.range.start.line) : args;
}

/** Whether a COPY or ADD copies a heredoc's content rather than files (`COPY <<EOF /etc/app.conf`). */
function copiesHeredoc(args: readonly InstructionArgument[]): boolean {
  return args.some((a) => a.value.startsWith('<<'));
}

/** The sources of a COPY or ADD (every argument but the destination), in either form. Heredoc copies have none. */
export function copySources(instruction: Instruction): InstructionArgument[] {
  const args = copyArguments(instruction);
  return copiesHeredoc(args) ? [] : args.slice(0, -1);
}

/** The destination of a COPY or ADD (its last argument, exec form too), or undefined when it has none. */
export function copyDestination(instruction: Instruction): string | undefined {
  const args = copyArguments(instruction);
  return args.length > 1 && !copiesHeredoc(args) ? args[args.length - 1].value : undefined;
}

/** Whether a COPY/ADD reads from the build context: not `--from` another stage or image. */
export function copiesFromContext(instruction: Instruction): boolean {
  const keyword = instruction.getKeyword();
  if (keyword !== 'COPY' && keyword !== 'ADD') return false;
  return flagNamed(instruction, 'from') === undefined;
}
