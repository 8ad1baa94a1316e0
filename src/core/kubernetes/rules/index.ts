import type { KubernetesRule } from '../rule';
import { MLO201 } from './MLO201';
import { MLO202 } from './MLO202';
import { MLO203 } from './MLO203';
import { MLO204 } from './MLO204';
import { MLO205 } from './MLO205';
import { MLO206 } from './MLO206';

/** Every rule about a single Kubernetes object, in id order. */
export const kubernetesRules: readonly KubernetesRule[] = [MLO201, MLO202, MLO203, MLO204, MLO205, MLO206];
