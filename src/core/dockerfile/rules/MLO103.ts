import type { Fix } from '../../findings';
import { insertBefore } from '../edits';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { allInLineage, baseImageFacts, exposedPorts, findServer, lastInLineage, stageRunCommands, installedPackages } from '../serving';

/** Guide, Docker Best Practices: "# Health check" / "HEALTHCHECK --interval=30s CMD …". */
export const MLO103 = atEnd(
  {
    id: 'MLO103',
    defaultSeverity: 'warning',
    title: 'An image that serves must declare a HEALTHCHECK.',
    guide: 'Docker Best Practices: "# Health check" / "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health"',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage) return;
    const lineage = stageLineage(model, stage);
    // `HEALTHCHECK NONE` is a deliberate choice (an orchestrator probes instead), so any HEALTHCHECK counts.
    if (allInLineage(lineage, 'HEALTHCHECK').length > 0) return;
    const server = findServer(model, stage);
    const exposed = exposedPorts(model, stage);
    if (!server && exposed.length === 0) return;
    const start = lastInLineage(lineage, 'CMD') ?? lastInLineage(lineage, 'ENTRYPOINT');
    const where = server ? server.programWord.range : start?.getInstructionRange() ?? exposed[0].instruction.getInstructionRange();
    const port = server?.port?.value ?? exposed[0]?.port;
    const what = server ? `starts ${server.programWord.value}` : `exposes port ${port}`;
    context.report({
      range: where,
      message: `The image ${what} but has no HEALTHCHECK: Docker and your orchestrator cannot tell a hung model server from a healthy one.`,
      suggestions: port === undefined ? undefined : [healthcheckFix()],
    });

    function healthcheckFix(): Fix {
      const url = `http://127.0.0.1:${port}/health`;
      const anchor = stage!.instructions.find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
      return { title: `Add a HEALTHCHECK probing ${url}`, edits: [insertBefore(stage!, anchor, [healthcheckLine(url)])] };
    }

    /** A probe that works with what the image has: Python's urllib where Python is, else curl or wget. */
    function healthcheckLine(url: string): string {
      const facts = baseImageFacts(stage!.from);
      const installed = new Set(stageRunCommands(lineage, model.ast.getEscapeCharacter()).flatMap(({ command }) => installedPackages(command)));
      const options = '--interval=30s --timeout=5s --start-period=30s --retries=3';
      const pythonImage = facts?.shipsPython || /python|pytorch|tensorflow/.test(stage!.from.getImageName() ?? '');
      if (installed.has('curl') || (facts?.shipsCurl && !pythonImage)) return `HEALTHCHECK ${options} CMD ["curl", "-fsS", "${url}"]`;
      if (installed.has('wget') || (facts?.shipsWget && !pythonImage)) return `HEALTHCHECK ${options} CMD ["wget", "-q", "-O", "/dev/null", "${url}"]`;
      return `HEALTHCHECK ${options} CMD ${pythonProbe(url)}`;
    }
  },
);

/** A health probe in Python's standard library: urlopen raises on a refused connection or an HTTP error status. */
export function pythonProbe(url: string): string {
  return `["python3", "-c", "import urllib.request; urllib.request.urlopen('${url}', timeout=4)"]`;
}
