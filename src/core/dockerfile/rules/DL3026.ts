import { hasExpansion } from '../instructions';
import { stageNamed, stageOf } from '../model';
import { perInstruction } from '../rule';

/** Docker Hub answers to several names; an image without a registry comes from it. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Matches a name against a pattern with `*` wildcards (`*.gcr.io`), ignoring case. */
function wildcardMatch(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return regex.test(name);
}

function isTrusted(registry: string, trusted: readonly string[]): boolean {
  const names = DOCKER_HUB.has(registry) ? [...DOCKER_HUB] : [registry];
  return trusted.some((pattern) => names.some((name) => wildcardMatch(pattern.trim(), name)));
}

export const DL3026 = perInstruction(
  {
    id: 'DL3026',
    defaultSeverity: 'error',
    title: 'Use only an allowed registry in the `FROM image`.',
    guide: 'hadolint DL3026',
  },
  ['FROM'],
  (instruction, context) => {
    const trusted = (context.settings.trustedRegistries ?? []).filter((r) => r.trim() !== '');
    if (trusted.length === 0) return;
    const stage = stageOf(context.model, instruction);
    if (!stage) return;
    const from = stage.from;
    const image = from.getImage();
    if (!image || hasExpansion(image)) return;
    const lower = image.toLowerCase();
    // `scratch` is no image, and an earlier stage's name is no registry.
    if (lower === 'scratch' || stageNamed(context.model, lower, stage.index)) return;
    const registry = (from.getRegistry() ?? 'docker.io').toLowerCase();
    if (isTrusted(registry, trusted)) return;
    const range = from.getRegistryRange() ?? from.getImageNameRange() ?? from.getImageRange();
    if (!range) return;
    context.report({
      range,
      message: `${image} is pulled from ${registry}, which is not one of the trusted registries (${trusted.join(', ')}). Use an image from a trusted registry, or add ${registry} to trustedRegistries in the config.`,
    });
  },
);
