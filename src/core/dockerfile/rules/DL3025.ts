import type { Instruction } from 'dockerfile-ast';
import type { Fix, Range } from '../../findings';
import { shellWords } from '../instructions';
import { stageLineage, stageOf, type DockerfileModel } from '../model';
import { healthcheckCommand } from '../serving';
import { perInstruction } from '../rule';
import { splitShell } from '../shell';

const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** Shells whose `-c` script can be split into words as POSIX sh splits it. */
const POSIX_SHELL = /^(.*\/)?(sh|bash|dash|ash|zsh|ksh|mksh)$/;

/** Characters that make the shell do more than split words when they are not quoted. */
const SHELL_SYNTAX = new Set([...'$`|&;<>()*?[]{}~#!\n\r']);

/** Characters that join or separate commands: a script with one of them unquoted is not a single command. */
const COMMAND_SEPARATORS = new Set([...'|&;(){}\n\r']);

/** Words that `exec` cannot run: shell keywords and builtins that change the shell itself. */
const NOT_EXECUTABLE = new Set(['if', 'for', 'while', 'until', 'case', 'cd', 'export', 'set', 'unset', '.', 'source', 'trap', 'ulimit', 'umask', 'eval', 'exec', 'readonly', 'shift', 'wait']);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Guide, Docker Best Practices: the service starts with `CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]`. */
export const DL3025 = perInstruction(
  {
    id: 'DL3025',
    defaultSeverity: 'warning',
    title: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.',
    guide: 'Docker Best Practices: "CMD [\\"uvicorn\\", \\"app:app\\", \\"--host\\", \\"0.0.0.0\\", \\"--port\\", \\"8000\\"]"',
  },
  ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'],
  (instruction, context) => {
    const target = instruction.getKeyword() === 'HEALTHCHECK' ? healthcheckTarget(instruction, context.model) : commandTarget(instruction);
    if (!target || target.script === '' || isJsonNotation(target.script)) return;
    const { keyword, script, range } = target;
    const isHealthcheck = keyword === 'HEALTHCHECK CMD';
    const edit = (words: string[]) => [{ range, newText: `${target.prefix}[${words.map((w) => JSON.stringify(w)).join(', ')}]` }];

    // `['python', 'app.py']` is meant as JSON; `[ -f x ] && …` is the test command.
    if (/^\[\s*["']/.test(script)) {
      const intended = script.endsWith(']') ? parseLooseArray(script) : undefined;
      context.report({
        range,
        message: `${keyword} looks like JSON notation but is not valid JSON (strings need double quotes, and no comma may follow the last one), so Docker runs the text as a shell command, which fails. Write it as valid JSON.`,
        suggestions: intended ? [{ title: 'Write it as valid JSON', edits: edit(intended) }] : undefined,
      });
      return;
    }

    // A health check runs with the image's shell, the last SHELL of the stage; CMD and ENTRYPOINT are stored with
    // the SHELL in force where they are written.
    const shell = effectiveShell(context.model, instruction, isHealthcheck);
    const posix = POSIX_SHELL.test(shell[0] ?? '');
    const suggestions: Fix[] = [];
    const simple = posix && !usesShellSyntax(script, SHELL_SYNTAX);
    const words = simple ? singleCommandWords(script) : undefined;
    if (words && words.length > 0 && !ASSIGNMENT.test(words[0])) {
      // `exec prog` in shell form and `["prog"]` both make the program PID 1.
      const program = words[0] === 'exec' && words.length > 1 && !words[1].startsWith('-') ? words.slice(1) : words;
      suggestions.push({ title: `Write ${keyword} in JSON notation`, edits: edit(program) });
    } else {
      // The script needs a shell (variables, operators, globs): keep running it through one, explicitly, and let
      // `exec` hand PID 1 to the program when the script is a single command. A health check is no PID 1, so it
      // keeps its script as written.
      const first = /^\S+/.exec(script)?.[0] ?? '';
      const single = !isHealthcheck && posix && !usesShellSyntax(script, COMMAND_SEPARATORS) && !ASSIGNMENT.test(first) && !NOT_EXECUTABLE.has(first);
      const body = single ? `exec ${script}` : script;
      suggestions.push({ title: `Write ${keyword} in JSON notation, running the script with ${shell.join(' ')}`, edits: edit([...shell, body]) });
    }
    const entrypointNote =
      keyword === 'ENTRYPOINT' ? ' A shell-form ENTRYPOINT also ignores CMD and the arguments of docker run; in JSON notation they are appended to it.' : '';
    context.report({
      range,
      message: isHealthcheck
        ? `HEALTHCHECK CMD is in shell form, so Docker runs it as ${shell.join(' ')} "…" at every interval: an image without that shell (distroless, scratch) fails every check and the container is never healthy, and every check starts a shell besides the probe. Write it in JSON notation, HEALTHCHECK CMD ["executable", "arg"].`
        : `${keyword} is in shell form, so Docker runs it as ${shell.join(' ')} "…": the program runs under a shell that may not pass on SIGTERM when the container is stopped, and is then killed after the grace period instead of shutting down cleanly. Write it in JSON notation, ${keyword} ["executable", "arg"].${entrypointNote}`,
      suggestions,
    });
  },
);

/** What is judged: the keyword to name, the text Docker reads, its range, and what a rewrite puts before the array. */
interface Target {
  keyword: string;
  script: string;
  range: Range;
  prefix: string;
}

function commandTarget(instruction: Instruction): Target | undefined {
  const range = instruction.getArgumentsRange();
  // The text Docker reads: continuations and the comment lines between them are already gone.
  const script = (instruction.getArgumentsContent() ?? '').trim();
  return range ? { keyword: instruction.getKeyword(), script, range, prefix: '' } : undefined;
}

/** The command of `HEALTHCHECK [OPTIONS] CMD …`; none for `HEALTHCHECK NONE`. The range starts at `CMD`. */
function healthcheckTarget(instruction: Instruction, model: DockerfileModel): Target | undefined {
  const content = instruction.getArgumentsContent() ?? '';
  const cmd = /(^|\s)(CMD)(?=\s|\[|$)/i.exec(content);
  const command = healthcheckCommand(instruction, model);
  if (!cmd || !command) return undefined;
  const script = content.slice(cmd.index + cmd[1].length + 3).trim();
  return { keyword: 'HEALTHCHECK CMD', script, range: command.commandRange, prefix: `${cmd[2]} ` };
}

/** A JSON string: no raw `"`, backslash or control character, and only JSON's escapes. */
const JSON_STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`;
const JSON_SPACE = String.raw`[ \t\n\r]*`;
/**
 * A JSON array of strings and nothing else, as JSON.parse reads one: JSON's grammar for it, so that the common
 * invalid case (`['python', 'app.py']`) costs no thrown exception (DL3025.test.ts holds it to JSON.parse).
 */
const JSON_STRING_ARRAY = new RegExp(
  String.raw`^${JSON_SPACE}\[${JSON_SPACE}(?:${JSON_STRING}${JSON_SPACE}(?:,${JSON_SPACE}${JSON_STRING}${JSON_SPACE})*)?\]${JSON_SPACE}$`,
);

/** Whether Docker reads the arguments as JSON notation: a JSON array of strings, nothing else. */
export function isJsonNotation(script: string): boolean {
  return script.startsWith('[') && JSON_STRING_ARRAY.test(script);
}

/**
 * The SHELL in force for an instruction: the last SHELL before it (or, with wholeStage, anywhere) in its stage, or
 * else the last one of the stages it is built on.
 */
function effectiveShell(model: DockerfileModel, instruction: Instruction, wholeStage: boolean): string[] {
  const stage = stageOf(model, instruction);
  if (!stage) return DEFAULT_SHELL;
  const before = wholeStage ? stage.instructions : stage.instructions.slice(0, stage.instructions.indexOf(instruction));
  const candidates = [before, ...stageLineage(model, stage).slice(1).map((s) => s.instructions)];
  for (const instructions of candidates) {
    const shell = [...instructions].reverse().find((i) => i.getKeyword() === 'SHELL');
    const words = shell && shellWords(shell);
    if (words && words.length > 0) return words;
  }
  return DEFAULT_SHELL;
}

/** Whether one of the characters occurs outside quotes (inside double quotes, `$` and backquotes still count). */
function usesShellSyntax(script: string, chars: ReadonlySet<string>): boolean {
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if ((c === '$' || c === '`') && chars.has(c)) return true;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (chars.has(c)) {
      return true;
    }
  }
  // An unterminated quote is for the shell to report.
  return quote !== undefined;
}

/** The words of a script that is one plain command, unquoted as the shell would. */
function singleCommandWords(script: string): string[] | undefined {
  const commands = splitShell(script, '\\');
  return commands.length === 1 ? commands[0].allWords.map((w) => w.value) : undefined;
}

/**
 * The strings of an array written almost as JSON: single quotes, or a comma after the last string. Undefined
 * when it is something else.
 */
function parseLooseArray(text: string): string[] | undefined {
  const inner = text.slice(1, -1);
  const token = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(,|$)/y;
  const items: string[] = [];
  let pos = 0;
  while (inner.slice(pos).trim() !== '') {
    token.lastIndex = pos;
    const m = token.exec(inner);
    if (!m) return undefined;
    if (m[1] !== undefined) {
      try {
        items.push(JSON.parse(`"${m[1]}"`) as string);
      } catch {
        return undefined;
      }
    } else {
      items.push(m[2]);
    }
    pos = token.lastIndex;
    if (m[3] === '' && inner.slice(pos).trim() !== '') return undefined;
  }
  return items;
}
