import type { From, Instruction } from 'dockerfile-ast';
import type { Range } from '../findings';
import { argumentsOf } from './instructions';
import { memoOf } from './memo';
import { allOf, lastOf, stageLineage, type DockerfileModel, type Stage } from './model';
import { jsonWords, positionAt, splitShell, unwrapCommand, wordRange, type ShellWord } from './shell';

/** A word of the start command, with its place in the document. */
export interface Word {
  value: string;
  range: Range;
  /** An exec-form (JSON) string: its range is inside the quotes, and an inserted word needs quotes and a comma. */
  json?: boolean;
}

/**
 * The command the final image runs when it starts: the last ENTRYPOINT's words followed by the last CMD's, as
 * Docker joins them, with `sh -c "…"` looked into and `env`/`exec` wrappers stripped.
 */
export function startCommand(model: DockerfileModel, stage: Stage): Word[] {
  // Four rules ask for the final stage's start command and server; work them out once per lint.
  const memo = memoOf(stage);
  let words = memo.startCommand as Word[] | undefined;
  if (!words) {
    words = readStartCommand(model, stage);
    memo.startCommand = words;
  }
  return words;
}

function readStartCommand(model: DockerfileModel, stage: Stage): Word[] {
  const lineage = stageLineage(model, stage);
  const words = [lastInLineage(lineage, 'ENTRYPOINT'), lastInLineage(lineage, 'CMD')]
    .filter((i): i is Instruction => i !== undefined)
    .flatMap(instructionWords);
  return lookIntoShell(words, model);
}

/**
 * The command a list of words runs: `sh -c "uvicorn app:app --port $PORT"` runs its script (whose words get their
 * own ranges: the first command's, or with `allCommands` every command's), and `env`/`exec` wrappers are stripped.
 */
function lookIntoShell(words: Word[], model: DockerfileModel, allCommands = false): Word[] {
  const values = words.map((w) => w.value);
  const shellIndex = values.findIndex((v, i) => /(^|\/)(ba|da)?sh$/.test(v) && values[i + 1] === '-c');
  if (shellIndex >= 0 && words[shellIndex + 2]) {
    // In exec form the script's range is already inside the quotes; in shell form (`sh -c "…"`) it starts at one.
    const script = words[shellIndex + 2];
    const quoted = !script.json && /["']/.test(model.lines[script.range.start.line]?.[script.range.start.character] ?? '');
    const origin = { line: script.range.start.line, character: script.range.start.character + (quoted ? 1 : 0) };
    const commands = splitShell(script.value);
    return (allCommands ? commands : commands.slice(0, 1)).flatMap((c) => c.words.map((w) => ({ value: w.value, range: offsetRange(script.value, origin, w) })));
  }
  const stripped = unwrapCommand(words.map((w, i) => ({ value: w.value, start: i, end: i + 1 })));
  return stripped.words.map((w) => words[w.start]);
}

function instructionWords(instruction: Instruction): Word[] {
  const json = jsonWords(instruction);
  if (json) return json.map((w) => ({ value: w.value, range: wordRange(instruction, w), json: true }));
  return splitShell(instruction.getRawArgumentsContent() ?? '')
    .flatMap((c) => c.allWords)
    .map((w) => ({ value: w.value, range: wordRange(instruction, w) }));
}

function offsetRange(text: string, origin: { line: number; character: number }, word: ShellWord): Range {
  return { start: positionAt(text, origin, word.start), end: positionAt(text, origin, word.end) };
}

export function lastInLineage(lineage: Stage[], keyword: string): Instruction | undefined {
  for (const stage of lineage) {
    const found = lastOf(stage, keyword);
    if (found) return found;
  }
  return undefined;
}

export function allInLineage(lineage: Stage[], keyword: string): Instruction[] {
  return lineage.flatMap((stage) => allOf(stage, keyword));
}

export type ServerKind =
  | 'uvicorn'
  | 'gunicorn'
  | 'hypercorn'
  | 'flask'
  | 'fastapi'
  | 'django'
  | 'tritonserver'
  | 'torchserve'
  | 'tensorflow_model_server'
  | 'streamlit'
  | 'sagemaker-serve'
  | 'mlflow'
  | 'bentoml'
  | 'node'
  | 'java'
  | 'python-http';

export interface ServerInfo {
  kind: ServerKind;
  /** The word that names the server program. */
  programWord: Word;
  /** The subcommand that starts serving, where the program has one: `run`, `runserver`, `dev`, `serve`. */
  verb?: Word;
  /** The whole start command, from the program on. */
  words: Word[];
  /** The port the server binds, explicit or the program's default, when it can be told. */
  port?: { value: number; word?: Word };
  /** The host it binds, when given on the command line; `valueStart` is where the host starts inside the word. */
  host?: { value: string; word: Word; valueStart: number };
}

const DEFAULT_PORTS: Partial<Record<ServerKind, number>> = {
  uvicorn: 8000,
  gunicorn: 8000,
  hypercorn: 8000,
  flask: 5000,
  fastapi: 8000,
  django: 8000,
  tritonserver: 8000,
  torchserve: 8080,
  tensorflow_model_server: 8501,
  streamlit: 8501,
  'sagemaker-serve': 8080,
  mlflow: 5000,
  bentoml: 3000,
};

/** Recognises the server a start command launches, and what host and port it binds. */
export function findServer(model: DockerfileModel, stage: Stage): ServerInfo | undefined {
  const memo = memoOf(stage);
  let server = memo.server as ServerInfo | null | undefined;
  if (server === undefined) {
    server = readServer(model, stage) ?? null;
    memo.server = server;
  }
  return server ?? undefined;
}

function readServer(model: DockerfileModel, stage: Stage): ServerInfo | undefined {
  const words = startCommand(model, stage);
  const kind = serverKind(words);
  if (!kind) return undefined;
  const info: ServerInfo = { kind: kind.kind, programWord: words[kind.index], verb: kind.verb === undefined ? undefined : words[kind.verb], words };
  readBinding(info);
  return info;
}

/** The first word after `from` that is not an option (or an option's value, for the options listed). */
function firstOperand(values: string[], from: number, optionsWithValue: readonly string[] = []): number {
  for (let i = from; i < values.length; i++) {
    if (!values[i].startsWith('-')) return i;
    if (optionsWithValue.includes(values[i])) i++;
  }
  return -1;
}

function serverKind(words: Word[]): { kind: ServerKind; index: number; verb?: number } | undefined {
  const values = words.map((w) => w.value);
  let i = 0;
  let program = basename(values[0] ?? '');
  // `python -m uvicorn …`, `python3 -m flask run`, `python manage.py runserver`.
  if (/^python[0-9.]*$/.test(program)) {
    if (values[1] === '-m' && values[2]) {
      i = 2;
      program = values[2];
      if (program === 'http.server') return { kind: 'python-http', index: 2 };
    } else if (values[1] && /(^|\/)manage\.py$/.test(values[1])) {
      return values[2] === 'runserver' ? { kind: 'django', index: 1, verb: 2 } : undefined;
    } else {
      return undefined;
    }
  }
  // `./manage.py runserver`, run through its shebang.
  if (program === 'manage.py') return values[1] === 'runserver' ? { kind: 'django', index: 0, verb: 1 } : undefined;
  if (!words[i]) return undefined;
  const found = (kind: ServerKind, verb?: number) => ({ kind, index: i, verb });
  // The subcommand, past global options: `flask --app app run`, `fastapi dev main.py`.
  const sub = firstOperand(values, i + 1, ['--app', '-A', '--env-file', '-e']);
  const verb = sub >= 0 ? values[sub] : undefined;
  switch (program) {
    case 'uvicorn':
    case 'gunicorn':
    case 'hypercorn':
    case 'tritonserver':
    case 'torchserve':
    case 'tensorflow_model_server':
      return found(program as ServerKind);
    case 'flask':
      return verb === 'run' ? found('flask', sub) : undefined;
    case 'fastapi':
      return verb === 'run' || verb === 'dev' ? found('fastapi', sub) : undefined;
    case 'streamlit':
      return verb === 'run' ? found('streamlit', sub) : undefined;
    case 'serve':
      return found('sagemaker-serve');
    case 'mlflow': {
      const serve = values.indexOf('serve', i + 1);
      return serve >= 0 ? found('mlflow', serve) : undefined;
    }
    case 'bentoml':
      return verb === 'serve' ? found('bentoml', sub) : undefined;
    case 'node':
    case 'nodejs':
      return found('node');
    case 'java':
      return values.includes('-jar') ? found('java') : undefined;
    default:
      return undefined;
  }
}

/**
 * Reads `--host X`, `--host=X`, `--bind host:port`, `-b host:port`, `--port N`, `-p N`, and Django's
 * `runserver [addr:]port`, in the server's spelling. A port or host given as a variable (`--port $PORT`) is
 * unknown: the program's default does not apply then.
 */
function readBinding(info: ServerInfo): void {
  const words = info.words;
  const hostFlags = hostFlagsOf(info.kind);
  const portFlags = portFlagsOf(info.kind);
  const bindFlags = info.kind === 'gunicorn' || info.kind === 'hypercorn' || info.kind === 'python-http' ? ['--bind', '-b'] : [];
  let portIsVariable = false;
  const setPort = (text: string, word: Word): void => {
    const port = parsePort(text);
    if (port !== undefined) info.port = { value: port, word };
    else if (text.includes('$')) portIsVariable = true;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const [flag, inline] = splitFlag(word.value);
    const valueWord: Word | undefined = inline !== undefined ? word : words[i + 1];
    const value = inline ?? words[i + 1]?.value;
    // Where the value starts inside its word: after `=` for `--host=0.0.0.0`.
    const valueStart = inline !== undefined ? flag.length + 1 : 0;
    if (value === undefined || !valueWord) continue;
    if (hostFlags.includes(flag)) {
      info.host = { value, word: valueWord, valueStart };
    } else if (portFlags.includes(flag)) {
      setPort(value, valueWord);
    } else if (bindFlags.includes(flag)) {
      if (info.kind === 'python-http') {
        info.host = { value, word: valueWord, valueStart };
        continue;
      }
      const bind = /^(\[[^\]]*\]|[^:]*):([^:]+)$/.exec(value);
      if (bind) {
        info.host = { value: bind[1], word: valueWord, valueStart };
        setPort(bind[2], valueWord);
      } else if (!value.startsWith('unix:')) {
        info.host = { value, word: valueWord, valueStart };
      }
    }
  }
  if (info.kind === 'django' && info.verb) {
    // `manage.py runserver 0.0.0.0:8000`, `runserver 8000`: the first operand after runserver.
    const values = words.map((w) => w.value);
    const at = firstOperand(values, words.indexOf(info.verb) + 1);
    const operand = at >= 0 ? words[at] : undefined;
    const address = operand && /^(?:(\[[^\]]*\]|[^:]+):)?([^:]+)$/.exec(operand.value);
    if (operand && address) {
      if (address[1]) info.host = { value: address[1], word: operand, valueStart: 0 };
      setPort(address[2], operand);
    }
  }
  if (info.kind === 'python-http' && !info.port) {
    // `python -m http.server 9000`: the port is the first positional argument.
    const positional = words.slice(3).find((w, idx, arr) => /^\d+$/.test(w.value) && !['--bind', '-b', '-d', '--directory'].includes(arr[idx - 1]?.value ?? ''));
    const port = positional && parsePort(positional.value);
    info.port = port !== undefined && positional ? { value: port, word: positional } : { value: 8000 };
  }
  if (!info.port && !portIsVariable && DEFAULT_PORTS[info.kind] !== undefined) info.port = { value: DEFAULT_PORTS[info.kind]! };
}

function hostFlagsOf(kind: ServerKind): string[] {
  switch (kind) {
    case 'uvicorn':
    case 'fastapi':
    case 'mlflow':
    case 'bentoml':
      return ['--host', '-h'].filter((f) => f !== '-h' || kind === 'mlflow');
    case 'flask':
      return ['--host', '-h'];
    case 'streamlit':
      return ['--server.address'];
    case 'tritonserver':
      return ['--http-address'];
    default:
      return [];
  }
}

function portFlagsOf(kind: ServerKind): string[] {
  switch (kind) {
    case 'uvicorn':
    case 'fastapi':
    case 'mlflow':
    case 'bentoml':
      return ['--port', '-p'];
    case 'flask':
      return ['--port', '-p'];
    case 'streamlit':
      return ['--server.port'];
    case 'tritonserver':
      return ['--http-port'];
    case 'tensorflow_model_server':
      return ['--rest_api_port'];
    default:
      return [];
  }
}

function splitFlag(value: string): [string, string | undefined] {
  if (!value.startsWith('-')) return [value, undefined];
  const eq = value.indexOf('=');
  return eq < 0 ? [value, undefined] : [value.slice(0, eq), value.slice(eq + 1)];
}

export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port <= 65535 ? port : undefined;
}

/** The range of a part of a one-line word: `from` characters in, `length` long (to the word's end by default). */
export function partOfWord(word: Word, from: number, length?: number): Range {
  const start = { line: word.range.start.line, character: word.range.start.character + from };
  const end = length === undefined ? word.range.end : { line: start.line, character: start.character + length };
  return { start, end };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** EXPOSEd ports of a stage's lineage, with their ranges; `8000/tcp` counts as 8000. Variables are skipped. */
export function exposedPorts(model: DockerfileModel, stage: Stage): Array<{ port: number; range: Range; instruction: Instruction }> {
  const ports: Array<{ port: number; range: Range; instruction: Instruction }> = [];
  for (const expose of allInLineage(stageLineage(model, stage), 'EXPOSE')) {
    for (const arg of argumentsOf(expose)) {
      const match = /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(arg.getValue());
      const port = match ? parsePort(match[1]) : undefined;
      if (port !== undefined) ports.push({ port, range: arg.getRange(), instruction: expose });
    }
  }
  return ports;
}




/** What is known about a base image's contents; unknown images are `undefined` so rules stay silent. */
export interface BaseImageFacts {
  shipsCurl: boolean;
  shipsWget: boolean;
  shipsPython: boolean;
  family: 'debian' | 'alpine' | 'rhel' | 'distroless' | 'scratch';
  /** Whether a container of the image runs as root when no USER is set. */
  defaultUserIsRoot: boolean;
}

/**
 * A small, deliberate table of the official images ML services are built on. Full Debian-based language images
 * (python:3.11, node:20) come from buildpack-deps and ship curl and wget; their -slim variants and plain debian
 * ship neither; alpine has busybox wget but no curl; distroless and scratch have no shell tools at all.
 */
export function baseImageFacts(from: From): BaseImageFacts | undefined {
  // Several rules ask about the same FROM in one lint; its image does not change after parsing.
  const memo = memoOf(from);
  // null: worked out, and nothing known.
  if (memo.baseImageFacts === undefined) memo.baseImageFacts = readBaseImageFacts(from) ?? null;
  return (memo.baseImageFacts as BaseImageFacts | null) ?? undefined;
}

function readBaseImageFacts(from: From): BaseImageFacts | undefined {
  const name = fullImageName(from);
  if (!name) return undefined;
  const t = (from.getImageTag() ?? 'latest').toLowerCase();
  const facts = (f: Omit<BaseImageFacts, 'defaultUserIsRoot'>, defaultUserIsRoot = true): BaseImageFacts => ({ ...f, defaultUserIsRoot });
  if (name === 'scratch') return facts({ shipsCurl: false, shipsWget: false, shipsPython: false, family: 'scratch' });
  if (name.startsWith('gcr.io/distroless/')) {
    return facts({ shipsCurl: false, shipsWget: false, shipsPython: name.includes('python'), family: 'distroless' }, !t.includes('nonroot'));
  }
  if (name.startsWith('cgr.dev/chainguard/')) {
    // Chainguard's images run as an unprivileged user unless a `-dev` tag is chosen.
    return facts({ shipsCurl: false, shipsWget: false, shipsPython: name.includes('python'), family: 'distroless' }, t.includes('dev'));
  }
  if (name === 'alpine') return facts({ shipsCurl: false, shipsWget: true, shipsPython: false, family: 'alpine' });
  const language = /^(python|node|ruby|golang|openjdk|eclipse-temurin|perl|php|rust)$/.exec(name);
  if (language) {
    const python = name === 'python';
    if (t.includes('alpine')) return facts({ shipsCurl: false, shipsWget: true, shipsPython: python, family: 'alpine' });
    if (t.includes('slim')) return facts({ shipsCurl: false, shipsWget: false, shipsPython: python, family: 'debian' });
    if (name === 'eclipse-temurin' || name === 'openjdk') return undefined;
    return facts({ shipsCurl: true, shipsWget: true, shipsPython: python, family: 'debian' });
  }
  if (name === 'debian' || name === 'ubuntu') return facts({ shipsCurl: false, shipsWget: false, shipsPython: false, family: 'debian' });
  return undefined;
}

/**
 * The command of `HEALTHCHECK [OPTIONS] CMD …` in shell or exec form, with document ranges, and the range from
 * `CMD` to the end (what a fix replaces). Undefined for `HEALTHCHECK NONE` or a half-typed instruction.
 */
export function healthcheckCommand(healthcheck: Instruction, model: DockerfileModel): { readonly words: readonly Word[]; commandRange: Range } | undefined {
  // Three rules ask for it; callers only read it.
  const memo = memoOf(healthcheck);
  if (memo.healthcheck === undefined) memo.healthcheck = readHealthcheckCommand(healthcheck, model) ?? null;
  return (memo.healthcheck as { words: Word[]; commandRange: Range } | null) ?? undefined;
}

function readHealthcheckCommand(healthcheck: Instruction, model: DockerfileModel): { words: Word[]; commandRange: Range } | undefined {
  const raw = healthcheck.getRawArgumentsContent() ?? '';
  const args = healthcheck.getArgumentsRange();
  const cmd = /(^|\s)CMD(?=\s|\[|$)/i.exec(raw);
  if (!cmd || !args) return undefined;
  const cmdOffset = cmd.index + cmd[1].length;
  const commandRange = { start: positionAt(raw, args.start, cmdOffset), end: args.end };
  const bodyOffset = cmdOffset + 3;
  const body = raw.slice(bodyOffset);
  const trimmed = body.trimStart();
  const toWord = (start: number, end: number, value: string): Word => ({
    value,
    range: { start: positionAt(raw, args.start, bodyOffset + start), end: positionAt(raw, args.start, bodyOffset + end) },
  });
  if (trimmed.startsWith('[')) {
    const words: Word[] = [];
    const token = /"((?:[^"\\]|\\.)*)"/g;
    for (let m = token.exec(body); m; m = token.exec(body)) {
      let value: string;
      try {
        value = JSON.parse(m[0]) as string;
      } catch {
        value = m[1];
      }
      words.push({ ...toWord(m.index + 1, m.index + m[0].length - 1, value), json: true });
    }
    return { words: lookIntoShell(words, model, true), commandRange };
  }
  // Shell form runs under `/bin/sh -c`: every command of the script counts (`curl … || exit 1`), and a script
  // handed to another shell (`sh -c "curl …"`) is looked into.
  const words = splitShell(body).flatMap((c) => lookIntoShell(c.words.map((w) => toWord(w.start, w.end, w.value)), model, true));
  return { words, commandRange };
}

/** The image's name with its registry and without tag or digest, lower-cased, Docker Hub's defaults removed. */
export function fullImageName(from: From): string | undefined {
  const memo = memoOf(from);
  if (memo.fullImageName === undefined) memo.fullImageName = readFullImageName(from) ?? null;
  return (memo.fullImageName as string | null) ?? undefined;
}

function readFullImageName(from: From): string | undefined {
  const name = from.getImageName();
  if (!name) return undefined;
  const registry = from.getRegistry();
  const full = (registry ? `${registry}/${name}` : name).toLowerCase();
  return full.replace(/^(docker\.io\/|index\.docker\.io\/)?(library\/)?/, '');
}
