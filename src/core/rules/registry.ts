import { dockerfileRules } from '../dockerfile/rules';
import { kubernetesRules } from '../kubernetes/rules';
import { workspaceRules } from '../kubernetes/workspace/rules';
import { mlopsRules } from '../mlops/rules';
import { tritonRules } from '../triton/rules';
import type { RuleMeta } from './rule';

/** Every rule of every file kind. The docs check, the README's rule list, SARIF and the config validation read it. */
export const allRules: readonly RuleMeta[] = [...dockerfileRules, ...kubernetesRules, ...workspaceRules, ...mlopsRules, ...tritonRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

export function ruleById(id: string): RuleMeta | undefined {
  return allRules.find((rule) => rule.id === id);
}
