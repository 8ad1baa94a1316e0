import type { Fix, Range, Severity } from '../findings';

/** A rule's default severity; `off` rules run only when a user turns them on (hadolint's "ignore" severity). */
export type DefaultSeverity = Severity | 'off';

export type FileKind = 'dockerfile' | 'kubernetes' | 'triton' | 'mlops';

/** What every rule declares about itself. The registry, docs check, hovers, SARIF and the README read it. */
export interface RuleMeta {
  /** Stable id: DLxxxx for hadolint's rules, MLOnnn for the guide's. Never renumbered, never reused. */
  id: string;
  kind: FileKind;
  defaultSeverity: DefaultSeverity;
  /** One sentence: what the rule asks for. */
  title: string;
  /** Which part of the guide the rule comes from, for docs and hovers. */
  guide: string;
}

/** What a rule hands to `report`; the engine adds the code and the configured severity. */
export interface Report {
  range: Range;
  message: string;
  fix?: Fix;
  suggestions?: Fix[];
}
