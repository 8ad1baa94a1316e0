import { imageStages, stageLineage } from '../model';
import { atEnd } from '../rule';
import { lastInLineage } from '../serving';

/**
 * hadolint DL3057 (off by default): each image the file builds declares a HEALTHCHECK. The images are the final
 * stage and every other stage that no stage uses (a `--target`); each inherits a HEALTHCHECK from the stages it
 * builds on. `HEALTHCHECK NONE` counts, as a deliberate choice. Builder stages are not judged: nobody runs them.
 * Under hadolint parity every stage is judged, builders too, as hadolint judges them.
 */
export const DL3057 = atEnd(
  {
    id: 'DL3057',
    defaultSeverity: 'off',
    title: 'The image should declare a HEALTHCHECK.',
    guide: 'Docker Best Practices: "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health"',
  },
  (model, context) => {
    const images = new Set(imageStages(model));
    for (const stage of context.settings.hadolintParity ? model.stages : images) {
      if (lastInLineage(stageLineage(model, stage), 'HEALTHCHECK')) continue;
      context.report({
        range: stage.from.getInstructionRange(),
        message: images.has(stage)
          ? 'HEALTHCHECK instruction missing: Docker cannot tell a running but broken server from a healthy one. Add HEALTHCHECK CMD … that probes the service, or HEALTHCHECK NONE if an orchestrator probes it instead.'
          : 'HEALTHCHECK instruction missing in this stage. Reported because hadolint reports it (hadolint parity is on): a later stage builds on this one or copies from it, and nobody runs a builder as a container.',
      });
    }
  },
);
