import type { From } from 'dockerfile-ast';
import { stateful } from '../rule';

/** Guide, Docker Best Practices: "FROM python:3.10-slim as builder". */
export const DL3006 = stateful(
  {
    id: 'DL3006',
    defaultSeverity: 'warning',
    title: 'Always tag the version of an image explicitly.',
    guide: 'Docker Best Practices: "FROM python:3.10-slim as builder"',
  },
  () => ({ aliases: new Set<string>(), written: new Set<string>() }),
  (state, instruction, context) => {
    if (instruction.getKeyword() !== 'FROM') return;
    const from = instruction as From;
    const image = from.getImage();
    const range = from.getImageRange();
    const alias = from.getBuildStage();
    const isUntagged =
      image !== null &&
      range !== null &&
      // `scratch` has no versions, an earlier stage is not an image, and a variable may carry its own tag.
      image.toLowerCase() !== 'scratch' &&
      !state.aliases.has(image.toLowerCase()) &&
      !image.includes('$') &&
      from.getImageTag() === null &&
      from.getImageDigest() === null;
    // hadolint compares stage names as written; BuildKit without regard to case. Under hadolint parity a FROM
    // that names an earlier stage in another case is reported as hadolint reports it.
    const parityOnly =
      !isUntagged &&
      context.settings.hadolintParity === true &&
      image !== null &&
      range !== null &&
      state.aliases.has(image.toLowerCase()) &&
      !state.written.has(image) &&
      from.getImageTag() === null &&
      from.getImageDigest() === null;
    if (alias) {
      state.aliases.add(alias.toLowerCase());
      state.written.add(alias);
    }
    if (parityOnly) {
      context.report({
        range: range!,
        message: `${image} names an earlier stage in another case, which Docker accepts (it compares stage names without regard to case). Reported because hadolint reports it (hadolint parity is on): hadolint takes it for the image ${image}:latest. Write the name as the stage defines it.`,
      });
      return;
    }
    if (!isUntagged) return;
    context.report({
      range: range!,
      message: `${image} has no tag, so it means ${image}:latest: whatever was pushed last. Tag the version explicitly (for example ${image}:<version>), or pin a digest with @sha256:….`,
    });
  },
  undefined,
  { keywords: ['FROM'] },
);
