import { basename, dirname } from 'node:path';
import { compareFindings, type Finding } from '../findings';
import { configuredSeverity, type LintConfig } from '../rules/config';
import { parseTritonConfig } from './parse';
import type { ListDirectory, ModelFolder, TritonRule } from './rule';
import { tritonRules } from './rules';
import { isSuppressed, readSuppressions } from './suppress';

export interface TritonLintOptions {
  /** The file's path: the folder it sits in is the model's folder, whose name Triton gives the model. */
  path?: string;
  /** Lists a folder; undefined where folders cannot be read (virtual workspaces), and the folder rules are skipped. */
  listDirectory?: ListDirectory;
  config?: LintConfig;
  /** The rules to run; all Triton rules by default. */
  rules?: readonly TritonRule[];
  /** Told when a rule throws; the other rules still run and the lint still returns. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * Lints a Triton model configuration (`config.pbtxt`). It never throws, whatever the text (binary, huge, cut off):
 * the first syntax error becomes one MLO501 finding, and a rule that fails is reported through `onRuleError`.
 */
export function lintTritonConfig(text: string, options: TritonLintOptions = {}): Finding[] {
  const document = parseTritonConfig(text);
  const folder = modelFolder(options);
  const broken = document.problems.some((p) => p.kind === 'syntax');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const findings: Finding[] = [];
  for (const rule of options.rules ?? tritonRules) {
    const severity = configuredSeverity(rule.id, rule.defaultSeverity, options.config);
    if (!severity || (rule.needsFolder && !folder)) continue;
    try {
      rule.check({
        document,
        broken,
        folder,
        eol,
        report: ({ start, end, ...report }) => findings.push({ code: rule.id, severity, range: document.rangeOf(start, end), ...report }),
      });
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  if (findings.length === 0) return findings;
  const suppressions = readSuppressions(document);
  return findings.filter((finding) => !isSuppressed(finding, suppressions)).sort(compareFindings);
}

/** The model's folder: the folder of a file named `config.pbtxt`, when it can be listed. */
function modelFolder(options: TritonLintOptions): ModelFolder | undefined {
  const { path, listDirectory } = options;
  if (!path || !listDirectory || basename(path) !== 'config.pbtxt') return undefined;
  const folderPath = dirname(path);
  try {
    const entries = listDirectory(folderPath);
    return entries ? { path: folderPath, name: basename(folderPath), entries, list: listDirectory } : undefined;
  } catch {
    return undefined;
  }
}
