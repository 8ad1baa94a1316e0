import type { Range } from '../findings';
import type { RuleMeta } from '../rules/rule';
import type { ManifestDocument, ParseProblem } from '../kubernetes/parse';

export interface MlopsRuleContext {
  readonly text: string;
  /** The file's first YAML document; mlops.yaml holds one. */
  readonly document: ManifestDocument | undefined;
  /** Every YAML document of the file, to report extra ones. */
  readonly documents: readonly ManifestDocument[];
  /** Problems of the YAML itself: syntax, duplicate keys, aliases. */
  readonly problems: readonly ParseProblem[];
  report(report: { range: Range; message: string }): void;
}

/** A rule about the project's deployment file, `mlops.yaml`. */
export interface MlopsRule extends Omit<RuleMeta, 'kind'> {
  kind: 'mlops';
  check(context: MlopsRuleContext): void;
}

/** A rule about mlops.yaml: its metadata and its check. */
export function mlopsRule(meta: Omit<MlopsRule, 'kind' | 'check'>, check: (context: MlopsRuleContext) => void): MlopsRule {
  return { ...meta, kind: 'mlops', check };
}
