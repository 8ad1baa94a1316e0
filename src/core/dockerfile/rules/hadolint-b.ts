import type { DockerfileRule } from '../rule';

/** hadolint's rules, group b (see index.ts); each in its own file named by its id. */
export const hadolintRulesB: readonly DockerfileRule[] = [];
