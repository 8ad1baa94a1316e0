import type { From, Instruction } from 'dockerfile-ast';
import type { Fix } from '../../findings';
import { finalStage, stageLineage, type Stage } from '../model';
import { atEnd } from '../rule';
import { insertBefore } from '../edits';
import { baseImageFacts, lastInLineage } from '../serving';

/** uid 0 whatever the group: `root`, `0`, `root:app`, `0:1000`. */
const ROOT = /^(root|0)(:.*)?$/;

/** Guide, Docker Best Practices: "# Security: run as non-root". */
export const MLO102 = atEnd(
  {
    id: 'MLO102',
    defaultSeverity: 'warning',
    title: 'The final stage must run as a non-root user.',
    guide: 'Docker Best Practices: "# Security: run as non-root" / "RUN useradd -m appuser" / "USER appuser"',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage) return;
    const lineage = stageLineage(model, stage);
    const user = lastInLineage(lineage, 'USER');
    if (user) {
      const name = user.getArgumentsContent()?.trim() ?? '';
      if (!ROOT.test(name)) return;
      context.report({
        range: user.getArgumentsRange() ?? user.getInstructionRange(),
        message: `The final stage runs as ${name}: a process that breaks out of the model server owns the container. Switch to an unprivileged user before CMD.`,
      });
      return;
    }
    // Some bases already run as an unprivileged user (distroless `:nonroot` tags, Chainguard images).
    if (baseImageFacts(lineage[lineage.length - 1].from)?.defaultUserIsRoot === false) return;
    const fix = insertUserFix(stage, lineage[lineage.length - 1].from);
    context.report({
      range: stage.from.getImageRange() ?? stage.from.getInstructionRange(),
      message: 'The final stage has no USER, so the server runs as root. Create an unprivileged user and switch to it before CMD.',
      suggestions: fix ? [fix] : undefined,
    });
  },
);

/**
 * Inserts a user and `USER` before the first CMD/ENTRYPOINT of the stage, or at its end, in the way the image it
 * is finally built from (`base`, past any `FROM <stage>`) can create one.
 */
function insertUserFix(stage: Stage, base: From): Fix | undefined {
  const facts = baseImageFacts(base);
  if (facts?.family === 'scratch') return undefined;
  const anchor: Instruction | undefined = stage.instructions.find((i) => ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(i.getKeyword()));
  // USER names the uid, not the user name: Kubernetes' runAsNonRoot can only verify a number (DL3066).
  let lines: string[];
  if (facts?.family === 'distroless') {
    // Distroless images ship an unprivileged `nonroot` user (uid 65532) and no shell to create one.
    lines = ['USER 65532'];
  } else if (facts?.family === 'alpine') {
    lines = ['RUN addgroup -S -g 10001 appuser && adduser -S -D -H -u 10001 -G appuser appuser', 'USER 10001'];
  } else {
    lines = ['RUN useradd --no-log-init --create-home --uid 10001 appuser', 'USER 10001'];
  }
  return {
    title: `Run as an unprivileged user (${lines[lines.length - 1]})`,
    edits: [insertBefore(stage, anchor, lines)],
  };
}
