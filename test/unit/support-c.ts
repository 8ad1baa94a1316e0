import type { DockerfileRule } from '../../src/core/dockerfile/rule';
import type { DockerfileSettings } from '../../src/core/rules/config';

/**
 * The rule as it runs under these settings (a label schema, strict labels): `ruleTests` passes no settings, so
 * the label-schema rules' tables run the rule through this wrapper.
 */
export function withSettings(rule: DockerfileRule, settings: DockerfileSettings): DockerfileRule {
  return { ...rule, create: (context) => rule.create({ ...context, settings }) };
}
