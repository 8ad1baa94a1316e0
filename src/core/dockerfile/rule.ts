import type { Instruction } from 'dockerfile-ast';
import type { Report, RuleMeta } from '../rules/rule';
import type { DockerfileSettings } from '../rules/config';
import { wholeLines } from './edits';
import type { DockerfileModel } from './model';

/**
 * Facts about the Dockerfile's surroundings that a pure rule cannot read itself. The caller (CLI, extension)
 * finds them; `undefined` means unknown, and rules that need an unknown fact stay silent rather than guess.
 */
export interface DockerfileFacts {
  /** Whether a `.dockerignore` (or `<Dockerfile>.dockerignore`) applies to this Dockerfile's build context. */
  hasDockerignore?: boolean;
}

export interface DockerfileRuleContext {
  readonly model: DockerfileModel;
  readonly facts: DockerfileFacts;
  /** Settings from the config (trusted registries, label schema); empty when none are set. */
  readonly settings: DockerfileSettings;
  report(report: Report): void;
}

/** What a rule does while the engine walks the instructions once, in file order. */
export interface DockerfileVisitor {
  instruction?(instruction: Instruction): void;
  /** The keywords `instruction` wants (upper case); all when absent. The engine skips the others. */
  keywords?: ReadonlySet<string>;
  end?(): void;
}

export interface DockerfileRule extends RuleMeta {
  kind: 'dockerfile';
  create(context: DockerfileRuleContext): DockerfileVisitor;
  /**
   * For a rule that looks at one instruction at a time with nothing carried between them (perInstruction): its
   * keywords and its check, so that the engine calls the check directly, with no visitor made for each lint.
   * `create` gives the same behaviour as a visitor.
   */
  perInstruction?: {
    keywords: ReadonlySet<string>;
    /**
     * For a rule about RUN commands of some programs only (`apt-get`, `yum`): their names as RunCommand.program
     * gives them. The engine then calls the check for a RUN only when one of its commands (read in any shell, see
     * commandsInAnyShell) runs one of them, rather than for every RUN: most rules are about a program that most
     * Dockerfiles never run. The check must find nothing in a RUN without them.
     */
    programs?: ReadonlySet<string>;
    check(instruction: Instruction, context: DockerfileRuleContext): void;
  };
  /**
   * For a rule that decides once the whole file is read (atEnd): its check, which the engine calls directly after
   * the walk, with no visitor made for each lint. `create` gives the same behaviour as a visitor.
   */
  atEnd?: (model: DockerfileModel, context: DockerfileRuleContext) => void;
}

type Meta = Omit<RuleMeta, 'kind'>;

/**
 * A rule that looks at one instruction at a time, with nothing carried between them (most of hadolint's rules).
 * `programs`, for a rule that looks only at RUN commands running one of them: see DockerfileRule.perInstruction.
 */
export function perInstruction(
  meta: Meta,
  keywords: readonly string[],
  check: (instruction: Instruction, context: DockerfileRuleContext) => void,
  options: { programs?: readonly string[] } = {},
): DockerfileRule {
  const wanted = new Set(keywords);
  if (options.programs && (keywords.length !== 1 || keywords[0] !== 'RUN')) throw new Error(`${meta.id}: programs apply to RUN only`);
  return {
    ...meta,
    kind: 'dockerfile',
    create: (context) => ({ keywords: wanted, instruction: (instruction) => check(instruction, context) }),
    perInstruction: { keywords: wanted, programs: options.programs && new Set(options.programs), check },
  };
}

/**
 * A rule that carries state from one instruction to the next (the last USER, the aliases seen so far) and may
 * decide at the end. `keywords`, when the step does something only for instructions of those keywords: the engine
 * then calls it for those alone.
 */
export function stateful<State>(
  meta: Meta,
  initial: () => State,
  step: (state: State, instruction: Instruction, context: DockerfileRuleContext) => void,
  done?: (state: State, context: DockerfileRuleContext) => void,
  options: { keywords?: readonly string[] } = {},
): DockerfileRule {
  const keywords = options.keywords && new Set(options.keywords);
  return {
    ...meta,
    kind: 'dockerfile',
    create(context) {
      const state = initial();
      return {
        keywords,
        instruction: (instruction) => step(state, instruction, context),
        end: done && (() => done(state, context)),
      };
    },
  };
}

/** A rule that needs the whole file first, typically because it is about the final stage of a multi-stage build. */
export function atEnd(meta: Meta, check: (model: DockerfileModel, context: DockerfileRuleContext) => void): DockerfileRule {
  return { ...meta, kind: 'dockerfile', create: (context) => ({ end: () => check(context.model, context) }), atEnd: check };
}

/**
 * Reports every CMD (or ENTRYPOINT) of a stage after its first: only the last one takes effect. The suggestion
 * removes the one just before it, which no image ever runs.
 */
export function reportRepeated(model: DockerfileModel, context: DockerfileRuleContext, keyword: 'CMD' | 'ENTRYPOINT'): void {
  for (const stage of model.stages) {
    const found = stage.instructions.filter((i) => i.getKeyword() === keyword);
    for (let i = 1; i < found.length; i++) {
      const overridden = found[i - 1];
      const line = overridden.getRange().start.line + 1;
      context.report({
        range: found[i].getInstructionRange(),
        message: `Multiple ${keyword} instructions found: this ${keyword} replaces the one on line ${line}, which never takes effect. Keep only one ${keyword} per stage.`,
        suggestions: [{ title: `Remove the ${keyword} on line ${line}`, edits: [{ range: wholeLines(model, overridden), newText: '' }] }],
      });
    }
  }
}
