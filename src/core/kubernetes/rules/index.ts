import type { KubernetesRule } from '../rule';
import { MLO201 } from './MLO201';
import { MLO202 } from './MLO202';
import { MLO203 } from './MLO203';
import { MLO204 } from './MLO204';
import { MLO205 } from './MLO205';
import { MLO206 } from './MLO206';
import { MLO207 } from './MLO207';
import { MLO208 } from './MLO208';
import { MLO209 } from './MLO209';
import { MLO210 } from './MLO210';
import { MLO211 } from './MLO211';
import { MLO212 } from './MLO212';
import { MLO213 } from './MLO213';
import { MLO214 } from './MLO214';
import { MLO215 } from './MLO215';

/** Every rule about a single Kubernetes object, in id order. */
export const kubernetesRules: readonly KubernetesRule[] = [MLO201, MLO202, MLO203, MLO204, MLO205, MLO206, MLO207, MLO208, MLO209, MLO210, MLO211, MLO212, MLO213, MLO214, MLO215];
