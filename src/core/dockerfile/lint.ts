import { compareFindings, type Finding } from '../findings';
import { looksBinary } from '../files';
import { configuredSeverity, type LintConfig } from '../rules/config';
import { parseDockerfile } from './model';
import type { DockerfileFacts, DockerfileRule, DockerfileVisitor } from './rule';
import { dockerfileRules } from './rules';
import { isSuppressed, readSuppressions } from './suppress';

export interface DockerfileLintOptions {
  config?: LintConfig;
  facts?: DockerfileFacts;
  /** The rules to run; all registered Dockerfile rules by default. */
  rules?: readonly DockerfileRule[];
  /** Told when a rule throws; the other rules still run and the lint still returns. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * Lints one Dockerfile's text. It never throws: the parser accepts any text, and a rule that fails is reported
 * through `onRuleError` and skipped. Binary text gets no findings.
 */
export function lintDockerfile(text: string, options: DockerfileLintOptions = {}): Finding[] {
  if (looksBinary(text)) return [];
  const model = parseDockerfile(text);
  const facts = options.facts ?? {};
  const findings: Finding[] = [];
  const visitors: Array<{ rule: DockerfileRule; visitor: DockerfileVisitor }> = [];
  const fail = (rule: DockerfileRule, error: unknown): void => options.onRuleError?.(rule.id, error);
  for (const rule of options.rules ?? dockerfileRules) {
    const severity = configuredSeverity(rule.id, rule.defaultSeverity, options.config);
    if (!severity) continue;
    try {
      const visitor = rule.create({
        model,
        facts,
        settings: options.config?.dockerfile ?? {},
        report: (report) => findings.push({ code: rule.id, severity, ...report }),
      });
      visitors.push({ rule, visitor });
    } catch (error) {
      fail(rule, error);
    }
  }
  // One walk over the instructions, handing each to the rules that want its keyword, in rule order. Which rules
  // want a keyword is worked out once per keyword, not once per instruction and rule.
  const byKeyword = new Map<string, Array<{ rule: DockerfileRule; visitor: DockerfileVisitor }>>();
  for (const instruction of model.instructions) {
    const keyword = instruction.getKeyword();
    let wanting = byKeyword.get(keyword);
    if (!wanting) {
      wanting = visitors.filter((entry) => entry.visitor.instruction && (!entry.visitor.keywords || entry.visitor.keywords.has(keyword)));
      byKeyword.set(keyword, wanting);
    }
    for (const entry of wanting) {
      try {
        entry.visitor.instruction?.(instruction);
      } catch (error) {
        fail(entry.rule, error);
        entry.visitor = {};
      }
    }
  }
  for (const entry of visitors) {
    try {
      entry.visitor.end?.();
    } catch (error) {
      fail(entry.rule, error);
    }
  }
  if (findings.length === 0 || options.config?.dockerfile?.disableIgnorePragma) return findings.sort(compareFindings);
  const suppressions = readSuppressions(model);
  return findings.filter((finding) => !isSuppressed(finding, suppressions, model)).sort(compareFindings);
}
