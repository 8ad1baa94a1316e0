import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { packagesInstalledIn } from '../packages';
import { baseImageFacts, healthcheckCommand, lastInLineage } from '../serving';
import { pythonProbe } from './MLO103';

/**
 * Guide, Docker Best Practices: "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health" on
 * "FROM python:3.10-slim" — the guide's own example has this defect: the slim image has no curl, so the check
 * fails forever and the container is marked unhealthy.
 */
export const MLO105 = atEnd(
  {
    id: 'MLO105',
    defaultSeverity: 'warning',
    title: 'The HEALTHCHECK must call a tool the final image has.',
    guide: 'Docker Best Practices: "FROM python:3.10-slim" with "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health"',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage) return;
    const lineage = stageLineage(model, stage);
    const healthcheck = lastInLineage(lineage, 'HEALTHCHECK');
    const command = healthcheck && healthcheckCommand(healthcheck, model);
    if (!command) return;
    const base = lineage[lineage.length - 1].from;
    const facts = baseImageFacts(base);
    if (!facts) return;
    const tools = command.words.filter((w) => /(^|\/)(curl|wget)$/.test(w.value));
    if (tools.length === 0) return;
    const installed = packagesInstalledIn(model, lineage);
    for (const word of tools) {
      const tool = word.value.endsWith('curl') ? 'curl' : 'wget';
      if ((tool === 'curl' ? facts.shipsCurl : facts.shipsWget) || installed.has(tool)) continue;
      const url = command.words.map((w) => w.value).find((v) => /^https?:\/\//.test(v));
      const image = base.getImage() ?? base.getImageName() ?? 'the base image';
      const canPython = facts.shipsPython || installed.has('python3');
      context.report({
        range: word.range,
        message:
          `The HEALTHCHECK calls ${tool}, but ${image} does not ship it and no RUN installs it: the check can never pass and the container is marked unhealthy. ` +
          (canPython ? "Probe with Python's urllib instead." : `Install ${tool} in the final stage or probe with a tool the image has.`),
        suggestions:
          canPython && url
            ? [{ title: "Probe with Python's urllib instead", edits: [{ range: command.commandRange, newText: `CMD ${pythonProbe(url)}` }] }]
            : undefined,
      });
      return;
    }
  },
);
