import type { WorkspaceRule } from '../rule';
import { MLO301 } from './MLO301';
import { MLO302 } from './MLO302';
import { MLO303 } from './MLO303';
import { MLO304 } from './MLO304';
import { MLO305 } from './MLO305';
import { MLO306 } from './MLO306';
import { MLO307 } from './MLO307';
import { MLO308 } from './MLO308';
import { MLO309 } from './MLO309';
import { MLO310 } from './MLO310';
import { MLO311 } from './MLO311';
import { MLO312 } from './MLO312';
import { MLO313 } from './MLO313';
import { MLO314 } from './MLO314';
import { MLO315 } from './MLO315';

/** Every rule about how the objects of a workspace fit together, in id order. */
export const workspaceRules: readonly WorkspaceRule[] = [MLO301, MLO302, MLO303, MLO304, MLO305, MLO306, MLO307, MLO308, MLO309, MLO310, MLO311, MLO312, MLO313, MLO314, MLO315];
