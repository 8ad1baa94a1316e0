import type { DockerfileRule } from '../rule';
import { DL3020 } from './DL3020';
import { DL3021 } from './DL3021';
import { DL3022 } from './DL3022';
import { DL3023 } from './DL3023';
import { DL3024 } from './DL3024';
import { DL3025 } from './DL3025';
import { DL3026 } from './DL3026';
import { DL3027 } from './DL3027';
import { DL3028 } from './DL3028';
import { DL3029 } from './DL3029';
import { DL3030 } from './DL3030';
import { DL3032 } from './DL3032';
import { DL3033 } from './DL3033';
import { DL3034 } from './DL3034';
import { DL3035 } from './DL3035';
import { DL3036 } from './DL3036';
import { DL3037 } from './DL3037';
import { DL3038 } from './DL3038';
import { DL3040 } from './DL3040';
import { DL3041 } from './DL3041';
import { DL3042 } from './DL3042';
import { DL3043 } from './DL3043';
import { DL3044 } from './DL3044';
import { DL3045 } from './DL3045';
import { DL3046 } from './DL3046';
import { DL3047 } from './DL3047';

/** hadolint's rules, group b (see index.ts); each in its own file named by its id. */
export const hadolintRulesB: readonly DockerfileRule[] = [
  DL3020,
  DL3021,
  DL3022,
  DL3023,
  DL3024,
  DL3025,
  DL3026,
  DL3027,
  DL3028,
  DL3029,
  DL3030,
  DL3032,
  DL3033,
  DL3034,
  DL3035,
  DL3036,
  DL3037,
  DL3038,
  DL3040,
  DL3041,
  DL3042,
  DL3043,
  DL3044,
  DL3045,
  DL3046,
  DL3047,
];
