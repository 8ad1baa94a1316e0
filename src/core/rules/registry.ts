import { dockerfileRules } from '../dockerfile/rules';
import type { RuleMeta } from './rule';

/** Every rule of every file kind. The docs check, the README's rule list, SARIF and the config validation read it. */
export const allRules: readonly RuleMeta[] = [...dockerfileRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

export function ruleById(id: string): RuleMeta | undefined {
  return allRules.find((rule) => rule.id === id);
}
