import type { DockerfileRule } from '../rule';
import { MLO101 } from './MLO101';
import { MLO102 } from './MLO102';
import { MLO103 } from './MLO103';
import { MLO104 } from './MLO104';
import { MLO105 } from './MLO105';
import { MLO106 } from './MLO106';
import { MLO107 } from './MLO107';
import { MLO108 } from './MLO108';
import { MLO109 } from './MLO109';
import { MLO110 } from './MLO110';
import { MLO111 } from './MLO111';
import { MLO112 } from './MLO112';
import { hadolintRulesA } from './hadolint-a';
import { hadolintRulesB } from './hadolint-b';
import { hadolintRulesC } from './hadolint-c';

/** Every Dockerfile rule, in id order. A rule that is not listed here does not run. */
export const dockerfileRules: readonly DockerfileRule[] = [
  ...hadolintRulesA,
  ...hadolintRulesB,
  ...hadolintRulesC,
  MLO101,
  MLO102,
  MLO103,
  MLO104,
  MLO105,
  MLO106,
  MLO107,
  MLO108,
  MLO109,
  MLO110,
  MLO111,
  MLO112,
].sort((a, b) => a.id.localeCompare(b.id));
