import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { fullImageName } from '../serving';

/**
 * Official images published with a `-slim` variant of every full tag. A full tag is a version (`3.11`, `3.11.9`,
 * `20`) optionally followed by a Debian codename (`3.11-bookworm`); its slim form puts `-slim` before the codename.
 */
const HAS_SLIM = new Set(['python', 'node', 'ruby', 'perl', 'openjdk']);
const DEBIAN_CODENAMES = ['trixie', 'bookworm', 'bullseye', 'buster'];

/** The slim tag for a full tag of an official image (`python`, `debian`: no registry) that has one, or undefined. */
export function slimTag(name: string, tag: string): string | undefined {
  if (name === 'debian' && DEBIAN_CODENAMES.includes(tag)) return `${tag}-slim`;
  if (!HAS_SLIM.has(name)) return undefined;
  const match = /^(\d+(?:\.\d+)*)(?:-(trixie|bookworm|bullseye|buster))?$/.exec(tag);
  if (!match) return undefined;
  if (!match[2]) return `${match[1]}-slim`;
  // Node spells it `20-bookworm-slim`; Python, Ruby and Perl spell it `3.11-slim-bookworm`.
  return name === 'node' ? `${match[1]}-${match[2]}-slim` : `${match[1]}-slim-${match[2]}`;
}

/** Guide, Docker Best Practices: "FROM python:3.10-slim". */
export const MLO104 = atEnd(
  {
    id: 'MLO104',
    defaultSeverity: 'info',
    title: 'Base the final stage on a slim variant of the official image.',
    guide: 'Docker Best Practices: "FROM python:3.10-slim"',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage) return;
    const lineage = stageLineage(model, stage);
    const from = lineage[lineage.length - 1].from;
    const image = fullImageName(from);
    const tag = from.getImageTag();
    const tagRange = from.getImageTagRange();
    if (!image || !tag || !tagRange || from.getImageDigest()) return;
    const slim = slimTag(image, tag);
    if (!slim) return;
    context.report({
      range: tagRange,
      message: `${image}:${tag} is the full image with compilers and build tools; ${image}:${slim} serves the same runtime in a fraction of the size and attack surface.`,
      suggestions: [{ title: `Use ${image}:${slim}`, edits: [{ range: tagRange, newText: slim }] }],
    });
  },
);
