import { imageStages, stageLineage } from '../model';
import { atEnd } from '../rule';
import { lastInLineage } from '../serving';

/**
 * hadolint DL3057 (off by default): each image the file builds declares a HEALTHCHECK. The images are the final
 * stage and every other stage that no stage uses (a `--target`); each inherits a HEALTHCHECK from the stages it
 * builds on. `HEALTHCHECK NONE` counts, as a deliberate choice. Builder stages are not judged: nobody runs them.
 */
export const DL3057 = atEnd(
  {
    id: 'DL3057',
    defaultSeverity: 'off',
    title: 'The image should declare a HEALTHCHECK.',
    guide: 'Docker Best Practices: "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health"',
  },
  (model, context) => {
    for (const stage of imageStages(model)) {
      if (lastInLineage(stageLineage(model, stage), 'HEALTHCHECK')) continue;
      context.report({
        range: stage.from.getInstructionRange(),
        message: 'HEALTHCHECK instruction missing: Docker cannot tell a running but broken server from a healthy one. Add HEALTHCHECK CMD … that probes the service, or HEALTHCHECK NONE if an orchestrator probes it instead.',
      });
    }
  },
);
