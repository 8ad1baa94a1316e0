import type { MlopsRule } from '../rule';
import { MLO401 } from './MLO401';

/** Every rule about mlops.yaml, in id order. */
export const mlopsRules: readonly MlopsRule[] = [MLO401];
