import { atEnd } from '../rule';

/** Guide, Docker Best Practices: "FROM python:3.10-slim as builder" names a stage for later stages to use. */
export const DL3024 = atEnd(
  {
    id: 'DL3024',
    defaultSeverity: 'error',
    title: '`FROM` aliases (stage names) must be unique.',
    guide: 'Docker Best Practices: "FROM python:3.10-slim as builder"',
  },
  (model, context) => {
    for (const stage of model.stages) {
      if (stage.name === undefined) continue;
      // Stage names compare without regard to case, as BuildKit compares them.
      const first = model.stages.find((s) => s.index < stage.index && s.name === stage.name);
      const range = stage.from.getBuildStageRange();
      if (!first || !range) continue;
      const written = stage.from.getBuildStage() ?? stage.name;
      context.report({
        range,
        message: `The stage name ${written} is already used by the stage on line ${first.from.getRange().start.line + 1}: BuildKit refuses to build with two stages of one name, and the classic builder silently uses the last one for --from and --target. Give this stage a different name.`,
      });
    }
  },
);
