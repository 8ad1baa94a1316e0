import type { Instruction } from 'dockerfile-ast';
import { imageStages, stageLineage } from '../model';
import { atEnd } from '../rule';
import { lastInLineage } from '../serving';

/** uid 0 whatever the group: `root`, `0`, `root:root`, `0:1000`. */
const ROOT = /^(root|0)(:.*)?$/;

/** Guide, Docker Best Practices: "# Security: run as non-root". */
export const DL3002 = atEnd(
  {
    id: 'DL3002',
    defaultSeverity: 'warning',
    title: 'Last user should not be root.',
    guide: 'Docker Best Practices: "# Security: run as non-root" / "USER appuser"',
  },
  (model, context) => {
    const reported = new Set<Instruction>();
    // Under hadolint parity every stage counts, builders too, as hadolint counts them.
    const images = new Set(imageStages(model));
    const stages = context.settings.hadolintParity ? [...model.stages] : [...images];
    // Each stage that may be built as an image runs as the last USER of its lineage: its own, or the one of the
    // stage it is built on (`FROM base`). A builder whose files are only copied out runs nothing in production.
    // The final stage goes first, so that a USER it shares with another stage is reported as the final one's.
    for (const stage of stages.reverse()) {
      const user = lastInLineage(stageLineage(model, stage), 'USER');
      const args = user?.getArgumentsRange();
      if (!user || !args || reported.has(user)) continue;
      const name = (user.getArgumentsContent() ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
      if (!ROOT.test(name)) continue;
      reported.add(user);
      const isFinal = stage.index === model.stages.length - 1;
      const target = stage.name ? `stage ${stage.name}` : `stage ${stage.index + 1}`;
      const how = stage.name ? ` (docker build --target ${stage.name})` : '';
      context.report({
        range: args,
        message: !images.has(stage)
          ? `The last USER of ${target} is ${name}. Reported because hadolint reports it (hadolint parity is on): a later stage builds on this one or copies from it, so its user matters only while building, unless the stage is also built on its own.`
          : isFinal
          ? `The last USER is ${name}, so the container runs as root. Switch to an unprivileged user (USER appuser) after the steps that need root.`
          : `The last USER of ${target} is ${name}, and no later stage uses that stage, so it is there to be built on its own${how} and its container runs as root. Switch to an unprivileged user (USER appuser) after the steps that need root.`,
      });
    }
  },
);
