import type { From } from 'dockerfile-ast';
import { perInstruction } from '../rule';

/** Guide, Docker Best Practices: "FROM python:3.10-slim as builder". */
export const DL3007 = perInstruction(
  {
    id: 'DL3007',
    defaultSeverity: 'warning',
    title: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag.',
    guide: 'Docker Best Practices: "FROM python:3.10-slim as builder"',
  },
  ['FROM'],
  (instruction, context) => {
    const from = instruction as From;
    const tagRange = from.getImageTagRange();
    // A digest pins the image whatever its tag says.
    if (from.getImageTag() !== 'latest' || !tagRange || from.getImageDigest() !== null) return;
    context.report({
      range: tagRange,
      message: `${from.getImageName()}:latest changes whenever a new version is pushed, so the same Dockerfile builds a different image from one day to the next. Pin a release tag (or a digest).`,
    });
  },
);
