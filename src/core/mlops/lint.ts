import { compareFindings, type Finding } from '../findings';
import { looksBinary } from '../files';
import { parseManifestFile } from '../kubernetes/parse';
import { isSuppressed, readSuppressions } from '../kubernetes/suppress';
import { configuredSeverity, type LintConfig } from '../rules/config';
import type { MlopsRule } from './rule';
import { mlopsRules } from './rules';

export interface MlopsLintOptions {
  config?: LintConfig;
  /** The rules to run; all registered mlops.yaml rules by default. */
  rules?: readonly MlopsRule[];
  /** Told when a rule throws; the lint still returns. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * Lints the text of an `mlops.yaml`. It never throws: broken YAML, a schema error and an unparsable trigger are all
 * findings, and a rule that fails is reported through `onRuleError`. `# mlops-deploy ignore=MLO401` on the line
 * before a key ignores that key, as in Kubernetes manifests.
 */
export function lintMlopsFile(text: string, options: MlopsLintOptions = {}): Finding[] {
  if (looksBinary(text)) return [];
  const parsed = parseManifestFile(text);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? mlopsRules) {
    const severity = configuredSeverity(rule.id, rule.defaultSeverity, options.config);
    if (!severity) continue;
    try {
      rule.check({
        text,
        document: parsed.documents[0],
        documents: parsed.documents,
        problems: parsed.problems,
        report: ({ range, message }) => findings.push({ code: rule.id, severity, message, range }),
      });
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  if (findings.length === 0) return findings;
  const spans = readSuppressions(text.split(/\r\n|\n|\r/), parsed.documents);
  return findings.filter((finding) => !isSuppressed(finding, spans)).sort(compareFindings);
}
