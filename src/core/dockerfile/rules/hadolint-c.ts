import type { DockerfileRule } from '../rule';

/** hadolint's rules, group c (see index.ts); each in its own file named by its id. */
export const hadolintRulesC: readonly DockerfileRule[] = [];
