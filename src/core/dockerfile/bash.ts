import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import type { ShellWord } from './shell';

/**
 * RUN bodies parsed as Bash by tree-sitter-bash (the grammar GitHub and most editors use), running as
 * WebAssembly in-process: a real shell grammar — quoting, expansions, compound commands, functions, heredocs —
 * with no native build and no process to spawn. Loading is asynchronous, parsing is not: callers `await
 * initShellParser()` once (the CLI at start, the extension on activation) and lint synchronously afterwards.
 */

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

const RUNTIME_WASM = 'tree-sitter.wasm';
const BASH_WASM = 'tree-sitter-bash.wasm';

/**
 * Where a .wasm file is: beside the bundle (dist/, the .vsix), or in the package that ships it, in a
 * node_modules folder above (tests and development run the unbundled sources).
 */
function locate(file: string): string {
  const beside = join(__dirname, file);
  if (existsSync(beside)) return beside;
  const inPackage = join('node_modules', file === RUNTIME_WASM ? 'web-tree-sitter' : 'tree-sitter-bash', file);
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, inPackage))) return join(dir, inPackage);
    if (dirname(dir) === dir) throw new Error(`${file} is neither beside ${__dirname} nor in a node_modules folder above it`);
  }
}

/** Loads the parser once; later calls return the same promise. A failure is kept so that callers can tell. */
export function initShellParser(): Promise<void> {
  loading ??= (async () => {
    // Required here, not imported at the top, so that loading the linter does not load the parser's runtime; and
    // required, not `import()`ed, so that the bundler picks the package's CommonJS build.
    const treeSitter = require('web-tree-sitter') as typeof import('web-tree-sitter');
    await treeSitter.Parser.init({ locateFile: () => locate(RUNTIME_WASM) });
    const bash = await treeSitter.Language.load(locate(BASH_WASM));
    const created = new treeSitter.Parser();
    created.setLanguage(bash);
    parser = created;
  })();
  return loading;
}

export function shellParserReady(): boolean {
  return parser !== undefined;
}

/** Whether the script parses as Bash without a syntax error; undefined when the parser is not loaded. */
export function parsesAsShell(script: string): boolean | undefined {
  if (!parser) return undefined;
  const tree = parser.parse(script);
  if (!tree) return undefined;
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

/** Node types that are not words of the command they sit in. */
const NOT_ARGUMENTS = new Set(['variable_assignment', 'command_name', 'file_redirect', 'heredoc_redirect', 'herestring_redirect', 'comment']);

export interface ParsedCommand {
  /** Every word as written, assignments and wrappers such as sudo included, quotes removed. */
  words: ShellWord[];
  /** Whether the command is part of a pipeline (`a | b`). */
  piped: boolean;
}

/**
 * The simple commands of a script, in source order, with word offsets into `script`; undefined when the parser is
 * not loaded. Commands inside pipelines, lists, subshells, groups, if/for/while/case bodies, functions and
 * command substitutions all count: each of them runs.
 */
export function parseShellWords(script: string): ParsedCommand[] | undefined {
  if (!parser) return undefined;
  const tree = parser.parse(script);
  if (!tree) return undefined;
  try {
    const commands: ParsedCommand[] = [];
    collect(tree.rootNode, script, commands, false);
    return commands;
  } finally {
    tree.delete();
  }
}

function collect(node: Node, script: string, out: ParsedCommand[], piped: boolean): void {
  if (node.type === 'command') {
    const words: ShellWord[] = [];
    const nested: Node[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'command_name') {
        words.push(word(child, script));
        nested.push(child);
      } else if (!NOT_ARGUMENTS.has(child.type)) {
        words.push(word(child, script));
        nested.push(child);
      } else if (child.type === 'variable_assignment') {
        // `FOO=bar cmd`: kept as a word so that wrappers are stripped the same way as for `env FOO=bar cmd`.
        words.push({ value: script.slice(child.startIndex, child.endIndex), start: child.startIndex, end: child.endIndex });
      }
    }
    if (words.length > 0) out.push({ words, piped });
    // Command substitutions inside the words run too: `apt-get install $(cat packages.txt)`. Only words whose
    // text can hold one are walked: most are plain words, and each step into the tree crosses into WebAssembly.
    for (const child of nested) if (/\$\(|`|[<>]\(/.test(script.slice(child.startIndex, child.endIndex))) collectSubstitutions(child, script, out);
    return;
  }
  const inPipe = node.type === 'pipeline' || (piped && node.type !== 'program');
  for (const child of node.namedChildren) if (child) collect(child, script, out, inPipe);
}

function collectSubstitutions(node: Node, script: string, out: ParsedCommand[]): void {
  if (node.type === 'command_substitution' || node.type === 'process_substitution') {
    collect(node, script, out, false);
    return;
  }
  for (const child of node.namedChildren) if (child) collectSubstitutions(child, script, out);
}

/** A word's value as the shell sees it after quote removal; expansions are kept as written (`$X`). */
function word(node: Node, script: string): ShellWord {
  return { value: unquote(node, script), start: node.startIndex, end: node.endIndex };
}

function unquote(node: Node, script: string): string {
  const text = script.slice(node.startIndex, node.endIndex);
  switch (node.type) {
    case 'raw_string':
      return text.slice(1, -1);
    case 'string': {
      // Inside double quotes a backslash escapes only $ ` " \ and newline.
      return text.slice(1, -1).replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
    }
    case 'ansi_c_string':
      return text.slice(2, -1);
    case 'concatenation':
    case 'command_name': {
      let value = '';
      let at = node.startIndex;
      for (const child of node.namedChildren) {
        if (!child) continue;
        value += script.slice(at, child.startIndex) + unquote(child, script);
        at = child.endIndex;
      }
      return value + script.slice(at, node.endIndex);
    }
    case 'word':
      return text.replace(/\\(.)/gs, '$1');
    default:
      return text;
  }
}
