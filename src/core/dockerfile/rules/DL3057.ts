import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { lastInLineage } from '../serving';

/**
 * hadolint DL3057 (off by default): the image declares a HEALTHCHECK. The image is the final stage, which inherits
 * a HEALTHCHECK from the stages it builds on; `HEALTHCHECK NONE` counts, as a deliberate choice.
 */
export const DL3057 = atEnd(
  {
    id: 'DL3057',
    defaultSeverity: 'off',
    title: 'The image should declare a HEALTHCHECK.',
    guide: 'Docker Best Practices: "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health"',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage || lastInLineage(stageLineage(model, stage), 'HEALTHCHECK')) return;
    context.report({
      range: stage.from.getInstructionRange(),
      message: 'HEALTHCHECK instruction missing: Docker cannot tell a running but broken server from a healthy one. Add HEALTHCHECK CMD … that probes the service, or HEALTHCHECK NONE if an orchestrator probes it instead.',
    });
  },
);
