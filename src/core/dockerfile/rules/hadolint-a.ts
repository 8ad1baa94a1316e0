import type { DockerfileRule } from '../rule';
import { DL1001 } from './DL1001';
import { DL3000 } from './DL3000';
import { DL3001 } from './DL3001';
import { DL3002 } from './DL3002';
import { DL3003 } from './DL3003';
import { DL3004 } from './DL3004';
import { DL3006 } from './DL3006';
import { DL3007 } from './DL3007';
import { DL3008 } from './DL3008';
import { DL3009 } from './DL3009';
import { DL3010 } from './DL3010';
import { DL3011 } from './DL3011';
import { DL3012 } from './DL3012';
import { DL3013 } from './DL3013';
import { DL3014 } from './DL3014';
import { DL3015 } from './DL3015';
import { DL3016 } from './DL3016';
import { DL3018 } from './DL3018';
import { DL3019 } from './DL3019';

/** hadolint's rules, group a (see index.ts); each in its own file named by its id. */
export const hadolintRulesA: readonly DockerfileRule[] = [
  DL1001,
  DL3000,
  DL3001,
  DL3002,
  DL3003,
  DL3004,
  DL3006,
  DL3007,
  DL3008,
  DL3009,
  DL3010,
  DL3011,
  DL3012,
  DL3013,
  DL3014,
  DL3015,
  DL3016,
  DL3018,
  DL3019,
];
