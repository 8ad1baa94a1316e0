import { DockerfileParser } from 'dockerfile-ast';
import type { Comment, Dockerfile, From, Instruction } from 'dockerfile-ast';
import type { Range } from '../findings';

/** One build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: From;
  /** The `AS name`, lower-cased as BuildKit compares it, or undefined. */
  name: string | undefined;
  /** The image it is built from (`python:3.11-slim`, or an earlier stage's name), lower-cased. */
  image: string | undefined;
  instructions: Instruction[];
}

/** A parsed Dockerfile with the views the rules share, computed once per lint. */
export interface DockerfileModel {
  text: string;
  lines: string[];
  ast: Dockerfile;
  /** Every instruction in file order, including those before the first FROM (ARG). */
  instructions: Instruction[];
  stages: Stage[];
  comments: Comment[];
  /**
   * RUN instructions that a non-POSIX shell runs (after `SHELL ["powershell", …]`, or everywhere under a
   * `# hadolint shell=powershell` pragma): their text is not shell, and the shell rules leave them alone.
   */
  nonPosixRuns: Set<Instruction>;
  /** The RUN instructions, in file order. */
  runs: Instruction[];
}

export function parseDockerfile(text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const instructions = ast.getInstructions();
  for (const instruction of instructions) memoizeTextGetters(instruction);
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      stages.push({ index: stages.length, from, name: from.getBuildStage()?.toLowerCase() ?? undefined, image: from.getImage()?.toLowerCase() ?? undefined, instructions: [from] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  // Lines end as the parser and VS Code end them: at \r\n, \n or a lone \r.
  const lines = text.split(/\r\n|\r|\n/);
  const comments = ast.getComments();
  // A pragma on the first line is taken for a parser directive (`# key=value`) by dockerfile-ast: read both.
  const commentTexts = [...comments.map((c) => c.getContent()), ...ast.getDirectives().map((d) => (lines[d.getRange().start.line] ?? '').replace(/^\s*#/, ''))];
  const runs = instructions.filter((i) => i.getKeyword() === 'RUN');
  return { text, lines, ast, instructions, stages, comments, nonPosixRuns: nonPosixRuns(stages, commentTexts), runs };
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
const SHELL_PRAGMA = /^\s*(?:mlops-deploy|hadolint)\s+shell\s*=\s*(\S+)/i;

function nonPosixRuns(stages: Stage[], commentTexts: string[]): Set<Instruction> {
  const runs = new Set<Instruction>();
  const pragma = commentTexts.map((text) => SHELL_PRAGMA.exec(text)?.[1].toLowerCase()).find((name) => name !== undefined);
  const pragmaIsPosix = pragma === undefined || POSIX_SHELLS.has(pragma);
  for (const stage of stages) {
    let posix = pragmaIsPosix;
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'SHELL') {
        // SHELL takes exec form: `SHELL ["powershell", "-Command"]`; the program decides.
        const program = /^\s*\[\s*"([^"]*)"/.exec(instruction.getRawArgumentsContent() ?? '')?.[1] ?? '';
        const name = program.slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.exe$/, '');
        posix = POSIX_SHELLS.has(name);
      } else if (keyword === 'RUN' && !posix) {
        runs.add(instruction);
      }
    }
  }
  return runs;
}

/** The stage the image is built from when no `--target` is given: the last one. */
export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

export function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    if (stage.instructions[i].getKeyword() === keyword) return stage.instructions[i];
  }
  return undefined;
}

export function allOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
}

/** The keyword's range: where a finding about the whole instruction is shown, short enough not to smear the line. */
export function keywordRange(instruction: Instruction): Range {
  return instruction.getInstructionRange();
}

/**
 * The stages a stage builds on, itself first: `FROM base AS app` followed by `FROM app` makes the second stage
 * inherit the first one's USER, HEALTHCHECK and installed packages.
 */
export function stageLineage(model: DockerfileModel, stage: Stage): Stage[] {
  let lineage = lineageCache.get(stage);
  if (!lineage) {
    lineage = [];
    let current: Stage | undefined = stage;
    while (current && !lineage.includes(current)) {
      lineage.push(current);
      const image: string | undefined = current.image;
      current = image ? model.stages.slice(0, current.index).reverse().find((s) => s.name === image) : undefined;
    }
    lineageCache.set(stage, lineage);
  }
  return lineage;
}

/** Most rules ask for the final stage's lineage; dockerfile-ast re-reads FROM's arguments on every call. */
const lineageCache = new WeakMap<Stage, Stage[]>();

/**
 * dockerfile-ast works out an instruction's argument text again on every call, and eighty rules ask for it: that
 * was the largest single cost of a lint. An instruction's text does not change after parsing, so these getters,
 * which return strings and ranges (never arrays the library might fill in later), answer once per instruction.
 */
const TEXT_GETTERS = ['getKeyword', 'getRange', 'getInstructionRange', 'getArgumentsContent', 'getRawArgumentsContent', 'getArgumentsRange'] as const;

function memoizeTextGetters(instruction: Instruction): void {
  const target = instruction as unknown as Record<string, () => unknown>;
  for (const name of TEXT_GETTERS) {
    const original = target[name];
    let computed = false;
    let value: unknown;
    target[name] = function memoized(this: unknown): unknown {
      if (!computed) {
        value = original.call(this);
        computed = true;
      }
      return value;
    };
  }
}
