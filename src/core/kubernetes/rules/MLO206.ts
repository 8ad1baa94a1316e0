import { perContainer } from '../rule';

/**
 * The tag of an image reference, undefined when it has none. A digest pins the image whatever the tag says, so the
 * caller checks for one first. A colon before the last slash belongs to a registry's port (`registry:5000/model`).
 */
export function imageTag(image: string): string | undefined {
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  return colon < 0 ? undefined : name.slice(colon + 1);
}

export const MLO206 = perContainer(
  {
    id: 'MLO206',
    defaultSeverity: 'warning',
    title: 'Every image is pinned to a tag other than latest, or to a digest.',
    guide: 'Kubernetes Checklist: Image tag pinned',
  },
  { lists: ['containers', 'initContainers'] },
  (context) => {
    const { container, path } = context.entry;
    const image = container.image;
    // Template placeholders (`${IMAGE}`, kustomize's and envsubst's) are filled in later; the result is unknown here.
    if (typeof image !== 'string' || image === '' || image.includes('@') || image.includes('$')) return;
    const tag = imageTag(image);
    if (tag !== undefined && tag !== 'latest') return;
    const problem = tag === undefined ? `has no tag, so it means "${image}:latest"` : 'uses the tag "latest"';
    context.report({
      path: [...path, 'image'],
      target: 'value',
      message: `The image "${image}" ${problem}: which model server runs changes whenever the tag moves, and a rollback does not bring the old one back. Pin a version tag or a digest.`,
    });
  },
);
