import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Position, Range } from '../findings';
import { parseShellWords } from './bash';
import { memoOf } from './memo';

/** A word of a shell command with its unquoted value and its place in the instruction's raw argument text. */
export interface ShellWord {
  value: string;
  start: number;
  end: number;
}

/** One simple command: `apt-get install -y curl` out of `apt-get update && apt-get install -y curl`. */
export interface ShellCommand {
  /** The command's words after `sudo`, `env` and leading `VAR=value` assignments are stripped. */
  words: ShellWord[];
  /** The words as written, wrappers included. */
  allWords: ShellWord[];
  /** Whether the command ran under sudo. */
  sudo: ShellWord | undefined;
  /** Whether the command is part of a pipeline (`curl … | sh`). */
  piped: boolean;
  /**
   * Set for the command of an exec-form RUN (`RUN ["pip", "install", "x"]`): its words are JSON strings, whose
   * ranges lie inside their quotes, so an inserted word needs quotes and a comma. A command read from the script of
   * an exec-form shell (`RUN ["sh", "-c", "pip install x"]`) is shell text inside one string: not set.
   */
  execForm?: true;
}

const OPERATOR_CHARS = new Set(['&', '|', ';', '(', ')', '\n']);
const LEADING_RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'esac', '!', '{', '}']);
const HEAD_RESERVED = new Set(['for', 'case', 'select', 'function']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Splits a shell script into simple commands with `sudo`/`env`/`VAR=x` wrappers stripped. With the Bash parser
 * loaded (see bash.ts) this is a real parse; before it is loaded, a tokenizer that understands quoting, escapes,
 * continuations, comments, redirections and the operators `&& || ; | &`, subshells and groups gives the same
 * commands for ordinary scripts (test/unit/shell.test.ts holds the two to that on a corpus). Variables are not
 * expanded.
 *
 * A script made only of words and the list operators (`apt-get update && apt-get install -y curl=7.88`), with no
 * quoting, expansion, redirection, grouping or reserved word, has one reading, and the tokenizer gives it: the
 * parser, which costs a crossing into WebAssembly per node, is kept for the scripts that need it.
 */
export function splitShell(script: string, escapeChar = '\\'): ShellCommand[] {
  if (isPlainScript(script)) return tokenizeShell(script, escapeChar);
  const simple = simpleScriptKind(script);
  if (simple !== 'no') {
    const commands = tokenizeShell(script, escapeChar);
    // A command of assignments only (`A="x y"`) is no command to the parser.
    if (commands.every((c) => c.words.length > 0 && (simple === 'quoted' || hasPlainBrackets(c)))) return commands;
  }
  const parsed = parseShellWords(script);
  if (parsed) return parsed.map((c) => unwrapCommand(c.words, c.piped));
  return tokenizeShell(script, escapeChar);
}

const PLAIN_SCRIPT = /^[A-Za-z0-9_\-./=:,@+%^~*\s&|;]*$/;
// `in` is a reserved word only after `for x`, `select x` and `case x`, which are listed: elsewhere it is a plain
// word (`zypper in git`).
const RESERVED_WORD = /(^|[\s;&|])(if|then|else|elif|fi|for|while|until|do|done|case|esac|select|function)(?=$|[\s;&|])/;

export function isPlainScript(script: string): boolean {
  return PLAIN_SCRIPT.test(script) && !RESERVED_WORD.test(script);
}

/**
 * The scripts that are plain but for quoted strings and package extras, which the tokenizer also reads as the parser
 * does: `python3 -c "import sys; print(sys.version)"`, `pip install 'uvicorn[standard]==0.30.1'` or
 * `pip install uvicorn[standard]==0.30.1`, also with redirections (`echo "x" > /etc/app.conf`, `2>&1`). A quoted
 * string qualifies when it is closed and, in double quotes, holds nothing to expand or escape (no `$`, backquote or
 * backslash), and the script declares nothing and runs no
 * compound command (the parser reads those differently). Brackets (`'brackets'`) qualify only inside an
 * argument of the form `name[extra,…]…`; the tokenized commands are checked for that (hasPlainBrackets), since at
 * the start of a command `[` is the test command and `name[0]=x` an array assignment, which the parser reads
 * differently.
 */
function simpleScriptKind(script: string): 'no' | 'quoted' | 'brackets' {
  let brackets = false;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '"' || c === "'") {
      const close = script.indexOf(c, i + 1);
      if (close < 0) return 'no';
      if (c === '"') {
        for (let j = i + 1; j < close; j++) if (script[j] === '$' || script[j] === '`' || script[j] === '\\') return 'no';
      }
      i = close;
    } else if (c === '[' || c === ']') {
      brackets = true;
    } else if (c === '#' && i > 0 && !/[\s;&|<>]/.test(script[i - 1])) {
      // Inside a word `#` is a plain character (`git+https://x/y.git#v1.2`); only at a word's start does it open a
      // comment, which the parser is left to read.
    } else if (c === '<' || c === '>') {
      // A redirection to or from a file (`> /etc/x`, `2>&1`, `&>> log`) the tokenizer reads as the parser does; a
      // heredoc or herestring (`<<`), or a process substitution (`<(…)`), it does not.
      if (c === '<' && script[i + 1] === '<') return 'no';
      if (script[i + 1] === '(') return 'no';
    } else if (!PLAIN_CHAR.test(c)) {
      return 'no';
    }
  }
  return RESERVED_WORD.test(script) || DECLARATION_WORD.test(script) ? 'no' : brackets ? 'brackets' : 'quoted';
}

/** Builtins that the parser reads as declarations (`export A="x"`), not as commands. */
const DECLARATION_WORD = /(^|[\s;&|])(export|declare|local|readonly|typeset)(?=$|[\s;&|])/;

const PLAIN_CHAR = /^[A-Za-z0-9_\-./=:,@+%^~*\s&|;]$/;
const PACKAGE_EXTRA = /^[A-Za-z0-9_.-]+\[[A-Za-z0-9_,.-]+\][A-Za-z0-9_\-./=:,@+%^~*]*$/;

function hasPlainBrackets(command: ShellCommand): boolean {
  // Only the arguments after the program: in a wrapper or an assignment before it, a bracket means something else.
  const firstArgument = command.allWords.length - command.words.length + 1;
  return command.allWords.every((word, i) => (!word.value.includes('[') && !word.value.includes(']')) || (i >= firstArgument && PACKAGE_EXTRA.test(word.value)));
}

/** The fallback tokenizer; see splitShell. */
export function tokenizeShell(script: string, escapeChar = '\\'): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let value = '';
  let start = -1;
  // Where the word's current run of literal characters began: the run is sliced out whole when it ends, rather
  // than the word being built a character at a time.
  let literalFrom = -1;
  // Whether the command being read follows a `|`, and whether it is followed by one.
  let afterPipe = false;
  // Set after a redirection operator: the next word is its file (or descriptor), not a word of the command.
  let redirectTarget = false;
  const endLiteral = (end: number): void => {
    if (literalFrom >= 0) value += script.slice(literalFrom, end);
    literalFrom = -1;
  };
  const endWord = (end: number): void => {
    endLiteral(end);
    if (start >= 0 && redirectTarget) redirectTarget = false;
    else if (start >= 0) words.push({ value, start, end });
    value = '';
    start = -1;
  };
  const endCommand = (beforePipe = false): void => {
    // Reserved words open compound commands (`if true; then apt-get update; fi`): the command is what follows
    // them, and a `for`/`case`/`select` head runs nothing itself.
    while (words.length > 0 && LEADING_RESERVED.has(words[0].value)) words.shift();
    if (words.length > 0 && HEAD_RESERVED.has(words[0].value)) words = [];
    if (words.length > 0) commands.push(unwrapCommand(words, afterPipe || beforePipe));
    words = [];
    afterPipe = beforePipe;
    redirectTarget = false;
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i];
    if ((c === escapeChar || c === '\\') && i + 1 < script.length) {
      // A backslash-newline joins lines (Dockerfile continuation or shell continuation); any other escape keeps
      // the next character literally.
      const next = script[i + 1];
      if (next === '\n' || (next === '\r' && script[i + 2] === '\n')) {
        endLiteral(i);
        i += next === '\r' ? 3 : 2;
        continue;
      }
      if (start < 0) start = i;
      endLiteral(i);
      value += next;
      i += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      if (start < 0) start = i;
      endLiteral(i);
      const close = findClosingQuote(script, i, c);
      const quoted = script.slice(i + 1, close);
      // Inside double quotes a backslash escapes only " \\ $ and `; inside single quotes nothing is escaped.
      value += c === '"' && quoted.includes('\\') ? quoted.replace(/\\(["\\$`])/g, '$1') : quoted;
      i = Math.min(close + 1, script.length);
      continue;
    }
    if (c === '#' && start < 0) {
      // A comment runs to the end of the line.
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      i++;
      continue;
    }
    if (c === '>' || c === '<' || (c === '&' && script[i + 1] === '>')) {
      // A redirection: `>`, `>>`, `>|`, `>&`, `<`, `<&`, `<>`, `&>`, `&>>`, after an optional descriptor number
      // written against it (`2>&1`). A word of digits just before it is that descriptor, not an argument.
      const digits = start >= 0 && literalFrom === start && /^[0-9]+$/.test(script.slice(start, i));
      if (digits) {
        literalFrom = -1;
        value = '';
        start = -1;
      } else {
        endWord(i);
      }
      let j = i + 1;
      if (c === '&') j++;
      if (script[j] === '>' || script[j] === '&' || script[j] === '|' || (c === '<' && script[j] === '>')) j++;
      i = j;
      redirectTarget = true;
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      endWord(i);
      const pipe = c === '|' && script[i + 1] !== '|' && script[i - 1] !== '|';
      endCommand(pipe);
      i += c === '|' && script[i + 1] === '|' ? 2 : c === '&' && script[i + 1] === '&' ? 2 : 1;
      continue;
    }
    if ((c === '{' || c === '}') && start < 0 && (i + 1 >= script.length || /[\s;]/.test(script[i + 1]))) {
      endCommand();
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (literalFrom < 0) literalFrom = i;
    i++;
  }
  endWord(script.length);
  endCommand();
  return commands;
}

function findClosingQuote(script: string, open: number, quote: string): number {
  for (let j = open + 1; j < script.length; j++) {
    if (quote === '"' && script[j] === '\\') {
      j++;
      continue;
    }
    if (script[j] === quote) return j;
  }
  return script.length;
}

/**
 * Strips the wrappers that run another command: `sudo [-u user]`, `env [VAR=v]`, `VAR=v cmd`, `exec`, `nohup`.
 * The command is made whole here, in one literal, rather than spread into another object by each caller: a lint
 * makes one for every command of every RUN.
 */
export function unwrapCommand(allWords: ShellWord[], piped = false): ShellCommand {
  let i = 0;
  let sudo: ShellWord | undefined;
  for (;;) {
    const word = allWords[i]?.value;
    if (word === undefined) break;
    if (ASSIGNMENT.test(word)) {
      i++;
    } else if (word === 'sudo') {
      sudo = allWords[i];
      i++;
      while (allWords[i]?.value.startsWith('-')) {
        // sudo's options that take a value.
        const takesValue = /^-[ugCDhprtT]$/.test(allWords[i].value);
        i += takesValue ? 2 : 1;
      }
    } else if (word === 'env' || word === 'exec' || word === 'nohup' || word === 'command') {
      i++;
      while (allWords[i]?.value.startsWith('-')) i++;
    } else {
      break;
    }
  }
  return { words: allWords.slice(i), allWords, sudo, piped };
}

/** Whether the RUN body is a heredoc (`RUN <<EOF`): its script is the heredoc's content. */
const HEREDOC_START = /^<<-?\s*(["']?)([A-Za-z0-9_.-]+)\1/;

/**
 * The commands a RUN instruction executes, with word offsets relative to its raw arguments text. Exec form
 * (`RUN ["pip", "install", "x"]`) is one command; a heredoc contributes its body.
 */
export function runCommands(instruction: Instruction, escapeChar = '\\'): ShellCommand[] {
  // Several rules ask for the same RUN's commands; parse each instruction once per lint.
  const memo = memoOf(instruction);
  let commands = memo.shellCommands as ShellCommand[] | undefined;
  if (!commands) {
    commands = parseRunCommands(instruction, escapeChar);
    memo.shellCommands = commands;
  }
  return commands;
}

function parseRunCommands(instruction: Instruction, escapeChar: string): ShellCommand[] {
  const raw = instruction.getRawArgumentsContent();
  if (raw === null) return [];
  const body = stripRunFlags(raw);
  const json = jsonWords(instruction, raw);
  if (json) {
    if (json.length === 0) return [];
    // `RUN ["/bin/bash", "-c", "apt-get update && apt-get install -y curl"]` runs a script: its commands are what
    // runs. The script is read where its JSON text is its value (no escape in it), so that offsets stay exact.
    const script = json[shellScriptIndex(json)];
    if (script && !raw.slice(script.start, script.end).includes('\\')) return shift(splitShell(script.value, escapeChar), script.start);
    return [{ ...unwrapCommand(json), execForm: true }];
  }
  const heredoc = readHeredoc(raw);
  if (heredoc) {
    if (!heredoc.body) return [];
    // The first line may run the heredoc through an interpreter (`RUN <<EOF python3`): only a shell body is shell.
    if (heredoc.line && !runsPosixShell(heredoc)) return [];
    return shift(splitShell(heredoc.body.text, escapeChar), heredoc.body.offset);
  }
  return shift(splitShell(joinContinuations(body.text, escapeChar), escapeChar), body.offset);
}

const POSIX_SHELL_NAMES = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/**
 * Where the script is in an exec-form command that runs a POSIX shell with `-c`: `["/bin/sh", "-c", "…"]`, `["bash",
 * "-euxo", "pipefail", "-c", "…"]`, `["/usr/bin/env", "bash", "-lc", "…"]`; -1 for any other command.
 */
function shellScriptIndex(words: readonly ShellWord[]): number {
  const name = (word: ShellWord | undefined): string => (word?.value ?? '').replace(/^.*\//, '');
  let i = name(words[0]) === 'env' ? 1 : 0;
  if (!POSIX_SHELL_NAMES.has(name(words[i]))) return -1;
  let command = false;
  for (i++; i < words.length; i++) {
    const option = words[i].value;
    if (option === '--') {
      i++;
      break;
    }
    if (!/^[-+][A-Za-z]/.test(option)) break;
    // Long options (`--login`, `--norc`) take no value here; `-o name` and `+o name` do.
    if (option.startsWith('--')) continue;
    if (option[0] === '-' && option.includes('c')) command = true;
    if (option.endsWith('o') || option.endsWith('O')) i++;
  }
  return command && i < words.length ? i : -1;
}

/**
 * The shell and the script of an exec-form RUN that runs a POSIX shell with `-c` (see shellScriptIndex): `shell`
 * holds the words before the script (`/bin/bash`, `-o`, `pipefail`, `-c`), with their offsets.
 */
export function execShellScript(instruction: Instruction): { shell: ShellWord[]; script: ShellWord } | undefined {
  const json = jsonWords(instruction);
  const index = json ? shellScriptIndex(json) : -1;
  return json && index >= 0 ? { shell: json.slice(0, index), script: json[index] } : undefined;
}

/**
 * The text hadolint reads as shell in a RUN that runs no shell, found by running it: an exec-form RUN's strings
 * joined with spaces (`["echo", "a|b"]` reads as `echo a|b`), or the body of a heredoc run by another program
 * (`RUN <<EOF python3`). Undefined for a RUN whose body is shell.
 */
export function textHadolintReadsAsShell(instruction: Instruction): string | undefined {
  const raw = instruction.getRawArgumentsContent();
  if (raw === null) return undefined;
  const json = jsonWords(instruction, raw);
  if (json) return shellScriptIndex(json) < 0 ? json.map((w) => w.value).join(' ') : undefined;
  const heredoc = readHeredoc(raw);
  if (!heredoc?.program || runsPosixShell(heredoc)) return undefined;
  return heredoc.body?.text;
}

/** A heredoc RUN (`RUN <<EOF [program]`): the rest of its first line, the program named there, and its body. */
interface HeredocRun {
  /** What follows `<<EOF` on the first line, trimmed: `python3`, `/usr/bin/env bash`, or empty. */
  line: string;
  /** The program of that line (`/usr/bin/env bash` runs `bash`), as written; undefined when the line names none. */
  program: string | undefined;
  /** The text up to the terminator (or the end), with its offset into the raw arguments; none without a newline. */
  body: { text: string; offset: number } | undefined;
}

/** Reads a heredoc RUN from its raw arguments; undefined for a RUN that is not a heredoc. */
function readHeredoc(raw: string): HeredocRun | undefined {
  const { text, offset } = stripRunFlags(raw);
  const heredoc = HEREDOC_START.exec(text);
  if (!heredoc) return undefined;
  const firstNewline = text.indexOf('\n');
  const line = text.slice(heredoc[0].length, firstNewline < 0 ? undefined : firstNewline).trim();
  const words = line.split(/\s+/);
  const program = (words[0] === '/usr/bin/env' ? words[1] : words[0]) || undefined;
  if (firstNewline < 0) return { line, program, body: undefined };
  const afterFirstLine = text.slice(firstNewline + 1);
  const end = new RegExp(`^\\s*${escapeRegExp(heredoc[2])}\\s*$`, 'm').exec(afterFirstLine);
  return { line, program, body: { text: end ? afterFirstLine.slice(0, end.index) : afterFirstLine, offset: offset + firstNewline + 1 } };
}

/** Whether the heredoc's program is a POSIX shell, by its name wherever it lives: `bash`, `/bin/bash`, `/usr/bin/env bash`. */
function runsPosixShell(heredoc: HeredocRun): boolean {
  return POSIX_SHELL_NAMES.has((heredoc.program ?? '').replace(/^.*\//, ''));
}

/**
 * The program a heredoc RUN hands its body to: `bash` for `RUN <<EOF bash`, undefined for a plain `RUN <<EOF` (the
 * SHELL in force runs it) and for a RUN that is not a heredoc.
 */
export function heredocInterpreter(instruction: Instruction): string | undefined {
  const raw = instruction.getRawArgumentsContent();
  return raw === null ? undefined : readHeredoc(raw)?.program;
}

/**
 * The script Docker hands to the shell: Docker itself removes each escape-newline and the comment lines between
 * continued lines before the shell sees the text. They are blanked here rather than removed, so that offsets into
 * the instruction stay valid for ranges.
 */
export function joinContinuations(text: string, escapeChar: string): string {
  const continued = text.includes(escapeChar + '\n') || text.includes(escapeChar + '\r\n');
  if (!continued) return text.includes('\r') ? text.replace(/\r/g, ' ') : text;
  return text.replace(continuationPattern(escapeChar), (m) => ' '.repeat(m.length)).replace(/\r/g, ' ');
}

/** An escape-newline and the comment lines after it; one pattern per escape character, made once. */
function continuationPattern(escapeChar: string): RegExp {
  let pattern = continuationPatterns.get(escapeChar);
  if (!pattern) {
    pattern = new RegExp(`${escapeRegExp(escapeChar)}(\\r?\\n)([ \\t]*#[^\\n]*\\n)*`, 'g');
    continuationPatterns.set(escapeChar, pattern);
  }
  return pattern;
}

const continuationPatterns = new Map<string, RegExp>();

/** RUN's own flags (`--mount=...`, `--network=...`, `--security=...`) are not part of the command. */
function stripRunFlags(raw: string): { text: string; offset: number } {
  const match = /^(\s*--[a-z-]+(=(\S+))?\s+)+/.exec(raw);
  const offset = match ? match[0].length : 0;
  return { text: raw.slice(offset), offset };
}

/**
 * The strings of an exec-form instruction (`["uvicorn", "app:app"]`) with offsets into its raw argument text, or
 * undefined for shell form. Values are decoded from the text itself: dockerfile-ast's own value drops the spaces
 * inside a string (`"sh -c"` becomes `sh-c`).
 */
export function jsonWords(instruction: Instruction, raw = instruction.getRawArgumentsContent() ?? ''): ShellWord[] | undefined {
  const candidate = instruction as JSONInstruction;
  if (typeof candidate.getJSONStrings !== 'function' || candidate.getOpeningBracket() === null || candidate.getClosingBracket() === null) return undefined;
  const origin = instruction.getArgumentsRange()?.start;
  if (!origin) return undefined;
  return candidate.getJSONStrings().map((s) => {
    // The value's range, inside the quotes, so that a fix replacing it keeps them.
    const r = s.getJSONRange();
    const start = offsetIn(raw, origin, r.start);
    const end = offsetIn(raw, origin, r.end);
    const text = raw.slice(start, end);
    // Without a backslash there is nothing to unescape: JSON.parse would give the text back, or throw on a control
    // character and leave it as written.
    if (!text.includes('\\')) return { value: text, start, end };
    let value: string;
    try {
      value = JSON.parse(`"${text}"`) as string;
    } catch {
      value = text;
    }
    return { value, start, end };
  });
}

function offsetIn(raw: string, origin: Position, target: Position): number {
  let line = origin.line;
  let offset = 0;
  let lineStart = -origin.character;
  while (line < target.line) {
    const nl = raw.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
    lineStart = offset;
    line++;
  }
  return lineStart + target.character;
}

function shift(commands: ShellCommand[], by: number): ShellCommand[] {
  if (by === 0) return commands;
  const move = (w: ShellWord): ShellWord => ({ value: w.value, start: w.start + by, end: w.end + by });
  return commands.map((c) => {
    // The same word objects in all three, as unwrapCommand gives them: rules find `sudo` and the words in allWords.
    const allWords = c.allWords.map(move);
    const moved = (word: ShellWord): ShellWord => allWords[c.allWords.indexOf(word)] ?? move(word);
    return { words: c.words.map(moved), allWords, sudo: c.sudo && moved(c.sudo), piped: c.piped };
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The document range of a word of an instruction's raw argument text. */
export function wordRange(instruction: Instruction, word: { start: number; end: number }): Range {
  // dockerfile-ast recomputes an instruction's arguments on every call; keep them for the instruction's lifetime,
  // with where the text's line breaks are: a RUN of many lines gets a range for each of its packages.
  const memo = memoOf(instruction);
  let text = memo.argumentText as ArgumentText | undefined;
  if (!text) {
    const raw = instruction.getRawArgumentsContent() ?? '';
    text = { origin: instruction.getArgumentsRange()?.start ?? instruction.getRange().start, raw, breaks: lineBreaks(raw) };
    memo.argumentText = text;
  }
  return { start: positionAfter(text, word.start), end: positionAfter(text, word.end) };
}

/** An instruction's argument text, where it starts in the document, and the offsets of its `\n`s. */
interface ArgumentText {
  origin: Position;
  raw: string;
  breaks: number[];
}

function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return breaks;
}

/** positionAt, with the line breaks found once: the same answer without a scan from the start for each word. */
function positionAfter(text: ArgumentText, offset: number): Position {
  const { origin, breaks } = text;
  const limit = Math.min(offset, text.raw.length);
  // The number of line breaks before the limit.
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (breaks[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? { line: origin.line, character: origin.character + offset } : { line: origin.line + low, character: offset - (breaks[low - 1] + 1) };
}

/** The document position of an offset into text that starts at `origin`. */
export function positionAt(text: string, origin: Position, offset: number): Position {
  let line = origin.line;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return line === origin.line ? { line, character: origin.character + offset } : { line, character: offset - lineStart };
}

/** The program a command runs, without its path: `/usr/bin/pip3` → `pip3`. */
export function programName(command: ShellCommand): string {
  const first = command.words[0]?.value ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}
