import type { Fix } from '../../findings';
import { insertBefore } from '../edits';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { packagesInstalledIn } from '../packages';
import { allInLineage, baseImageFacts, exposedPorts, findServer, fullImageName, lastInLineage } from '../serving';

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
      suggestions: port === undefined ? undefined : [healthcheckFix()].filter((f): f is Fix => f !== undefined),
    });

    function healthcheckFix(): Fix | undefined {
      // TensorFlow Serving has no health path of its own (only /v1/models/<name>), and its image no probe tool.
      if (server?.kind === 'tensorflow_model_server') return undefined;
      const url = `http://127.0.0.1:${port}${HEALTH_PATHS[server?.kind ?? ''] ?? '/health'}`;
      const probe = probeFor(url);
      if (!probe) return undefined;
      const options = '--interval=30s --timeout=5s --start-period=30s --retries=3';
      const anchor = stage!.instructions.find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
      return { title: `Add a HEALTHCHECK probing ${url}`, edits: [insertBefore(stage!, anchor, [`HEALTHCHECK ${options} CMD ${probe}`])] };
    }

    /**
     * A probe that the image can run: an installed curl or wget, Python's urllib where Python is, Node's http
     * where Node is, busybox wget on Alpine. Nothing is offered where no such tool is known to be there.
     */
    function probeFor(url: string): string | undefined {
      const base = lineage[lineage.length - 1].from;
      const facts = baseImageFacts(base);
      const image = fullImageName(base) ?? '';
      const installed = packagesInstalledIn(model, lineage);
      if (installed.has('curl')) return `["curl", "-fsS", "${url}"]`;
      if (installed.has('wget')) return `["wget", "-q", "-O", "/dev/null", "${url}"]`;
      if (facts?.shipsPython || installed.has('python3') || /python|pytorch|tensorflow\/tensorflow|tritonserver/.test(image)) return pythonProbe(url);
      if (/(^|\/)node$/.test(image) || installed.has('nodejs')) return nodeProbe(url);
      if (facts?.shipsCurl) return `["curl", "-fsS", "${url}"]`;
      if (facts?.shipsWget) return `["wget", "-q", "-O", "/dev/null", "${url}"]`;
      return undefined;
    }
  },
);

/** Where each server answers a health check; others are assumed to serve the guide's `/health`. */
const HEALTH_PATHS: Record<string, string> = {
  tritonserver: '/v2/health/ready',
  torchserve: '/ping',
  'sagemaker-serve': '/ping',
  bentoml: '/readyz',
  mlflow: '/health',
};

/** A health probe in Python's standard library: urlopen raises on a refused connection or an HTTP error status. */
export function pythonProbe(url: string): string {
  return `["python3", "-c", "import urllib.request; urllib.request.urlopen('${url}', timeout=4)"]`;
}

/** A health probe with Node's http module: exit 0 on a status below 400, 1 on an error status or no answer. */
export function nodeProbe(url: string): string {
  return `["node", "-e", "require('http').get('${url}', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"]`;
}
