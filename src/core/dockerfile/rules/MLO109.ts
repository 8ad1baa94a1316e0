import type { Instruction } from 'dockerfile-ast';
import { finalStage, stageLineage, type DockerfileModel } from '../model';
import { atEnd } from '../rule';
import { exposedPorts, findServer, healthcheckCommand, lastInLineage } from '../serving';
import type { Range } from '../../findings';

/**
 * Guide, Docker Best Practices: the example binds "--port", "8000" and probes "http://localhost:8000/health";
 * the three must name the same port or the probe and the Service talk to nothing.
 */
export const MLO109 = atEnd(
  {
    id: 'MLO109',
    defaultSeverity: 'warning',
    title: 'The port the server binds, the EXPOSEd port and the HEALTHCHECK port must agree.',
    guide: 'Docker Best Practices: "--port", "8000" with "HEALTHCHECK … http://localhost:8000/health"',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage) return;
    const server = findServer(model, stage);
    const exposed = exposedPorts(model, stage);
    const healthcheck = lastInLineage(stageLineage(model, stage), 'HEALTHCHECK');
    const probe = healthcheck && healthcheckPort(healthcheck, model);
    const bound = server?.port;
    const boundText = bound && (bound.word ? `${server.programWord.value} binds port ${bound.value}` : `${server.programWord.value} binds its default port ${bound.value}`);
    if (bound && exposed.length > 0 && !exposed.some((e) => e.port === bound.value)) {
      const first = exposed[0];
      context.report({
        range: first.range,
        message: `EXPOSE ${exposed.map((e) => e.port).join(' ')} but ${boundText}: the published port reaches nothing.`,
      });
    }
    if (probe && bound && probe.port !== bound.value) {
      context.report({ range: probe.range, message: `The HEALTHCHECK probes port ${probe.port} but ${boundText}: the check fails although the server is up.` });
    } else if (probe && !bound && exposed.length > 0 && !exposed.some((e) => e.port === probe.port)) {
      context.report({ range: probe.range, message: `The HEALTHCHECK probes port ${probe.port}, which is not EXPOSEd (${exposed.map((e) => e.port).join(', ')}).` });
    }
  },
);

/** The port of the first loopback URL a HEALTHCHECK calls (`http://localhost:8000/health`), with its range. */
function healthcheckPort(healthcheck: Instruction, model: DockerfileModel): { port: number; range: Range } | undefined {
  const command = healthcheckCommand(healthcheck, model);
  if (!command) return undefined;
  for (const word of command.words) {
    const url = /(https?):\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?/.exec(word.value);
    if (!url) continue;
    const port = url[3] ? Number(url[3]) : url[1] === 'https' ? 443 : 80;
    const offset = url[3] ? url.index + url[0].length - url[3].length : url.index;
    const length = url[3] ? url[3].length : url[0].length;
    // A word of a python -c script holds the URL among other text; the range still points at the port itself.
    const start = { line: word.range.start.line, character: word.range.start.character + offset };
    const onOneLine = word.range.start.line === word.range.end.line;
    return { port, range: onOneLine ? { start, end: { line: start.line, character: start.character + length } } : word.range };
  }
  return undefined;
}
