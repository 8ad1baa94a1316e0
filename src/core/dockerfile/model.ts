import { DockerfileParser } from 'dockerfile-ast';
import './astCache';
import type { Comment, Dockerfile, From, Instruction } from 'dockerfile-ast';
import { computeLineStarts, type Range } from '../findings';
import { flagsOf, mounts } from './instructions';
import { memoOf } from './memo';

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
  /** Where each line starts in the text, for turning positions into offsets. */
  lineStarts: number[];
  /** The escape character (`\\`, or the one a `# escape=` directive sets). */
  escapeChar: string;
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
  const lineStarts = computeLineStarts(text);
  const stages: Stage[] = [];
  const runs: Instruction[] = [];
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'RUN') runs.push(instruction);
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
  // Read only when the file has the word at all: most have no shell pragma, and a comment's content is worked out
  // from its range.
  const commentTexts = /shell/i.test(text)
    ? [...comments.map((c) => c.getContent()), ...ast.getDirectives().map((d) => (lines[d.getRange().start.line] ?? '').replace(/^\s*#/, ''))]
    : [];
  return { text, lines, lineStarts, escapeChar: ast.getEscapeCharacter(), ast, instructions, stages, comments, nonPosixRuns: nonPosixRuns(stages, commentTexts), runs };
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

/** The stage an instruction belongs to, by position; undefined for an instruction before the first FROM. */
export function stageOf(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  const line = instruction.getRange().start.line;
  let found: Stage | undefined;
  for (const stage of model.stages) {
    if (stage.from.getRange().start.line <= line) found = stage;
  }
  return found;
}

/**
 * The stage a reference names among the stages before `before`: the last of them with that name, compared in lower
 * case as BuildKit compares stage names. With `byIndex`, as for `COPY --from=0` and `RUN --mount=from=0`, a number
 * names a stage by its index; in FROM a number would name an image. Undefined for an image.
 */
export function stageNamed(model: DockerfileModel, reference: string, before: number, { byIndex = false } = {}): Stage | undefined {
  const name = reference.toLowerCase();
  const earlier = model.stages.slice(0, before);
  if (byIndex && /^\d+$/.test(name)) return earlier[Number(name)];
  return [...earlier].reverse().find((stage) => stage.name === name);
}

/**
 * The stages a stage builds on, itself first: `FROM base AS app` followed by `FROM app` makes the second stage
 * inherit the first one's USER, HEALTHCHECK and installed packages.
 */
export function stageLineage(model: DockerfileModel, stage: Stage): Stage[] {
  // Most rules ask for the final stage's lineage; dockerfile-ast re-reads FROM's arguments on every call.
  const memo = memoOf(stage);
  let lineage = memo.lineage as Stage[] | undefined;
  if (!lineage) {
    lineage = [];
    let current: Stage | undefined = stage;
    while (current && !lineage.includes(current)) {
      lineage.push(current);
      current = current.image ? stageNamed(model, current.image, current.index) : undefined;
    }
    memo.lineage = lineage;
  }
  return lineage;
}

/** The image a stage starts from after following the stages it builds on: `python:3.11-alpine`, `scratch`. */
export function rootImage(model: DockerfileModel, stage: Stage): string | undefined {
  const lineage = stageLineage(model, stage);
  return lineage[lineage.length - 1].image;
}

/**
 * The stages that may be built as an image of their own, which `docker build --target` builds: the final stage,
 * and every stage no later stage uses. A stage used by a later `FROM`, `COPY --from` or `RUN --mount=…,from=` is a
 * builder or a base, a step towards another image: it ships no image of its own.
 */
export function imageStages(model: DockerfileModel): Stage[] {
  // Several rules ask; the stages are found once per lint, and each caller gets its own array to reorder.
  const memo = memoOf(model);
  let stages = memo.imageStages as Stage[] | undefined;
  if (!stages) {
    stages = findImageStages(model);
    memo.imageStages = stages;
  }
  return stages.slice();
}

function findImageStages(model: DockerfileModel): Stage[] {
  const used = new Set<Stage>();
  for (const stage of model.stages) {
    const base = stage.image ? stageNamed(model, stage.image, stage.index) : undefined;
    if (base) used.add(base);
    for (const instruction of stage.instructions) {
      for (const reference of stageReferences(instruction)) {
        const source = stageNamed(model, reference, stage.index, { byIndex: true });
        if (source) used.add(source);
      }
    }
  }
  return model.stages.filter((stage) => !used.has(stage));
}

/** The stages or images an instruction reads from: `COPY --from=x`, `RUN --mount=type=bind,from=x,…`. */
function stageReferences(instruction: Instruction): string[] {
  const copied = flagsOf(instruction)
    .filter((flag) => flag.getName() === 'from')
    .map((flag) => flag.getValue() ?? '');
  const mounted = mounts(instruction)
    .map((mount) => mount.from)
    .filter((from): from is string => Boolean(from));
  return [...copied, ...mounted];
}

/**
 * The stages whose files end up in an image that is built and shipped: the stages of imageStages and those they
 * are built on. A stage used only by `COPY --from` or `RUN --mount=from=` gives the image just the files copied
 * out of it.
 */
export function shippedStages(model: DockerfileModel): ReadonlySet<Stage> {
  const memo = memoOf(model);
  let shipped = memo.shippedStages as Set<Stage> | undefined;
  if (!shipped) {
    shipped = new Set<Stage>();
    for (const stage of imageStages(model)) for (const s of stageLineage(model, stage)) shipped.add(s);
    memo.shippedStages = shipped;
  }
  return shipped;
}
