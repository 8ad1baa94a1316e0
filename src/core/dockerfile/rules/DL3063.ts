import type { From } from 'dockerfile-ast';
import { perInstruction } from '../rule';

/**
 * The words Docker reserves for stage names (its own build check ReservedStageName): `scratch` is the empty base
 * image, so `FROM scratch` after `AS scratch` is ambiguous, and `context` is how BuildKit names the build context,
 * which named contexts and `--from` references share a namespace with.
 */
const RESERVED = new Set(['context', 'scratch']);

/** hadolint DL3063: a stage's name is not a reserved word. */
export const DL3063 = perInstruction(
  {
    id: 'DL3063',
    defaultSeverity: 'warning',
    title: 'A stage name must not be a reserved word (context, scratch).',
    guide: 'hadolint DL3063',
  },
  ['FROM'],
  (instruction, context) => {
    const from = instruction as From;
    const name = from.getBuildStage();
    const range = from.getBuildStageRange();
    if (!name || !range || !RESERVED.has(name.toLowerCase())) return;
    context.report({
      range,
      message: `Stage name "${name}" is a reserved word: Docker reserves "scratch" for the empty base image and "context" for the build context, so references to this stage are ambiguous. Rename the stage (for example ${name.toLowerCase()}-stage) and its --from references.`,
    });
  },
);
