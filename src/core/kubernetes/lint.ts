import { compareFindings, type Finding } from '../findings';
import { configuredSeverity, type LintConfig } from '../rules/config';
import { looksBinary } from '../files';
import { detectHelmTemplate, type HelmDetectionOptions } from './helm';
import { onFirstLine, type KubernetesRule } from './rule';
import { parseManifestFile, type ParsedManifestFile, type ParseProblemKind } from './parse';
import { kubernetesRules } from './rules';
import { isSuppressed, readSuppressions } from './suppress';

export interface ManifestLintOptions {
  /** The file's path, which tells whether it sits in a Helm chart's `templates/` folder. */
  path?: string;
  isChartFolder?: HelmDetectionOptions['isChartFolder'];
  config?: LintConfig;
  /** The rules to run; all registered Kubernetes rules by default. */
  rules?: readonly KubernetesRule[];
  /** The Kubernetes version the manifests are meant for (`1.28`); schema checks default to the newest bundled. */
  kubernetesVersion?: string;
  /** The file already parsed from this same text, so that a caller that needs the documents parses it only once. */
  parsed?: ParsedManifestFile;
  /** Told when a rule throws; the other rules still run and the lint still returns. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * Codes of findings that no rule makes: the file is a Helm template, or its YAML is broken. They are not catalogue
 * rules, but a config may still change their severity or turn them off, as for a rule.
 */
export const HELM_SKIPPED = 'yaml-helm-skipped';
const PROBLEM_CODES: Readonly<Record<ParseProblemKind, string>> = {
  syntax: 'yaml-syntax',
  'duplicate-key': 'yaml-duplicate-key',
  alias: 'yaml-alias',
  'alias-limit': 'yaml-alias-limit',
};

/**
 * Lints one manifest file's text: every Kubernetes object of every document. It never throws: broken YAML becomes
 * findings on the documents it breaks, while the other documents are still checked, and a rule that fails is
 * reported through `onRuleError` and skipped. Binary text gets no findings.
 */
export function lintManifest(text: string, options: ManifestLintOptions = {}): Finding[] {
  if (looksBinary(text)) return [];
  const { config } = options;
  const helm = detectHelmTemplate(text, { path: options.path, isChartFolder: options.isChartFolder });
  if (helm) {
    const severity = configuredSeverity(HELM_SKIPPED, 'info', config);
    const message =
      helm.reason === 'chart-templates-folder'
        ? 'This file is a Helm chart template: it is not checked until Helm renders it (lint the output of `helm template`).'
        : 'This file holds Helm template actions: it is not checked until Helm renders it (lint the output of `helm template`).';
    return severity ? [{ code: HELM_SKIPPED, severity, message, range: helm.range }] : [];
  }
  const parsed = options.parsed ?? parseManifestFile(text);
  const lines = text.split(/\r\n|\n|\r/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const findings: Finding[] = [];
  for (const problem of parsed.problems) {
    const code = PROBLEM_CODES[problem.kind];
    const severity = configuredSeverity(code, 'error', config);
    if (severity) findings.push({ code, severity, message: problem.message, range: problem.range });
  }
  const active = (options.rules ?? kubernetesRules).flatMap((rule) => {
    const severity = configuredSeverity(rule.id, rule.defaultSeverity, config);
    return severity ? [{ rule, severity, failed: false }] : [];
  });
  for (const document of parsed.documents) {
    const object = document.object;
    if (object === undefined) continue;
    for (const entry of active) {
      if (entry.failed) continue;
      try {
        entry.rule.check({
          document,
          object,
          lines,
          eol,
          kubernetesVersion: options.kubernetesVersion ?? config?.kubernetes?.version,
          locate: document.locate,
          report: ({ path, target, ...report }) => {
            const location = document.locate(path);
            const range = target === 'value' ? location.valueRange : location.range;
            findings.push({ code: entry.rule.id, severity: entry.severity, range: onFirstLine(range, lines), ...report });
          },
        });
      } catch (error) {
        // A rule that fails once is likely to fail on every object; it is reported once and runs no more.
        entry.failed = true;
        options.onRuleError?.(entry.rule.id, error);
      }
    }
  }
  if (findings.length === 0) return findings;
  const spans = readSuppressions(lines, parsed.documents);
  return findings.filter((finding) => !isSuppressed(finding, spans)).sort(compareFindings);
}
