import type { DockerfileRule } from '../rule';

/** hadolint's rules, group a (see index.ts); each in its own file named by its id. */
export const hadolintRulesA: readonly DockerfileRule[] = [];
