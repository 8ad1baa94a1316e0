import type { TritonRule } from '../rule';
import { MLO501 } from './MLO501';
import { MLO502 } from './MLO502';
import { MLO503 } from './MLO503';
import { MLO504 } from './MLO504';
import { MLO505 } from './MLO505';
import { MLO506 } from './MLO506';
import { MLO507 } from './MLO507';

/** Every rule about a Triton model configuration, in id order. */
export const tritonRules: readonly TritonRule[] = [MLO501, MLO502, MLO503, MLO504, MLO505, MLO506, MLO507];
