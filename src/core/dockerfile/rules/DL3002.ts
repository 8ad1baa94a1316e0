import { finalStage, stageLineage } from '../model';
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
    const stage = finalStage(model);
    if (!stage) return;
    // The final stage inherits the user of the stage it is built on (`FROM base`), as the image does.
    const user = lastInLineage(stageLineage(model, stage), 'USER');
    const args = user?.getArgumentsRange();
    if (!user || !args) return;
    const name = (user.getArgumentsContent() ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
    if (!ROOT.test(name)) return;
    context.report({
      range: args,
      message: `The last USER is ${name}, so the container runs as root. Switch to an unprivileged user (USER appuser) after the steps that need root.`,
    });
  },
);
