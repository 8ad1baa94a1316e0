import type { DockerfileRule } from '../rule';
import { DL3048 } from './DL3048';
import { DL3049 } from './DL3049';
import { DL3050 } from './DL3050';
import { DL3051 } from './DL3051';
import { DL3052 } from './DL3052';
import { DL3053 } from './DL3053';
import { DL3054 } from './DL3054';
import { DL3055 } from './DL3055';
import { DL3056 } from './DL3056';
import { DL3057 } from './DL3057';
import { DL3058 } from './DL3058';
import { DL3059 } from './DL3059';
import { DL3060 } from './DL3060';
import { DL3061 } from './DL3061';
import { DL3062 } from './DL3062';
import { DL3063 } from './DL3063';
import { DL3064 } from './DL3064';
import { DL3065 } from './DL3065';
import { DL3066 } from './DL3066';
import { DL3067 } from './DL3067';
import { DL4000 } from './DL4000';
import { DL4001 } from './DL4001';
import { DL4003 } from './DL4003';
import { DL4004 } from './DL4004';
import { DL4005 } from './DL4005';
import { DL4006 } from './DL4006';

/** hadolint's rules, group c (see index.ts); each in its own file named by its id. */
export const hadolintRulesC: readonly DockerfileRule[] = [
  DL3048,
  DL3049,
  DL3050,
  DL3051,
  DL3052,
  DL3053,
  DL3054,
  DL3055,
  DL3056,
  DL3057,
  DL3058,
  DL3059,
  DL3060,
  DL3061,
  DL3062,
  DL3063,
  DL3064,
  DL3065,
  DL3066,
  DL3067,
  DL4000,
  DL4001,
  DL4003,
  DL4004,
  DL4005,
  DL4006,
];
