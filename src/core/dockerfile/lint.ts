import { compareFindings, type Finding, type Severity } from '../findings';
import { looksBinary } from '../files';
import { configuredSeverity, type LintConfig } from '../rules/config';
import { parseDockerfile } from './model';
import type { DockerfileFacts, DockerfileRule, DockerfileRuleContext, DockerfileVisitor } from './rule';
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

/** A rule's visitor for one lint; `order` is its place among the visitors, which is the rules' order. */
interface VisitorEntry {
  rule: DockerfileRule;
  severity: Severity;
  visitor: DockerfileVisitor;
  order: number;
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
  const visitors: VisitorEntry[] = [];
  const fail = (rule: DockerfileRule, error: unknown): void => options.onRuleError?.(rule.id, error);
  // Every rule reports only while the engine is calling it (in `create`, `instruction` or `end`), so one context
  // serves them all, its report filed under the rule being called, instead of a context and a report closure made
  // for each rule on each lint.
  let calling: VisitorEntry | undefined;
  const context: DockerfileRuleContext = {
    model,
    facts,
    settings: options.config?.dockerfile ?? {},
    report: (report) => findings.push({ code: calling!.rule.id, severity: calling!.severity, ...report }),
  };
  // Most lints run with a config that changes no rule's severity (the default config's `rules` is empty): each
  // rule's own default then holds, without looking every rule up in the config.
  const severityConfig = options.config && setsAnySeverity(options.config) ? options.config : undefined;
  for (const rule of options.rules ?? dockerfileRules) {
    const severity = configuredSeverity(rule.id, rule.defaultSeverity, severityConfig);
    if (!severity) continue;
    const entry: VisitorEntry = { rule, severity, visitor: {}, order: visitors.length };
    calling = entry;
    try {
      entry.visitor = rule.create(context);
      visitors.push(entry);
    } catch (error) {
      fail(rule, error);
    }
  }
  // One walk over the instructions, handing each to the rules that want its keyword, in rule order. The visitors
  // are sorted by keyword once per lint, in one pass over them, rather than all of them being asked about each
  // keyword the file uses: most name one or two keywords, and a visitor without an `instruction` is never asked.
  const wantingEvery: VisitorEntry[] = [];
  const naming = new Map<string, VisitorEntry[]>();
  for (const entry of visitors) {
    const { instruction, keywords } = entry.visitor;
    if (!instruction) continue;
    if (!keywords) {
      wantingEvery.push(entry);
      continue;
    }
    for (const keyword of keywords) {
      const named = naming.get(keyword);
      if (named) named.push(entry);
      else naming.set(keyword, [entry]);
    }
  }
  const byKeyword = new Map<string, VisitorEntry[]>();
  for (const instruction of model.instructions) {
    const keyword = instruction.getKeyword();
    let wanting = byKeyword.get(keyword);
    if (!wanting) {
      wanting = inRuleOrder(wantingEvery, naming.get(keyword));
      byKeyword.set(keyword, wanting);
    }
    for (const entry of wanting) {
      calling = entry;
      try {
        entry.visitor.instruction?.(instruction);
      } catch (error) {
        fail(entry.rule, error);
        entry.visitor = {};
      }
    }
  }
  for (const entry of visitors) {
    calling = entry;
    try {
      entry.visitor.end?.();
    } catch (error) {
      fail(entry.rule, error);
    }
  }
  if (findings.length === 0 || options.config?.dockerfile?.disableIgnorePragma) return findings.sort(compareFindings);
  const suppressions = readSuppressions(model, { hadolintParity: options.config?.dockerfile?.hadolintParity });
  return findings.filter((finding) => !isSuppressed(finding, suppressions, model)).sort(compareFindings);
}

/** Two lists of visitors, each in rule order, merged into one in rule order. */
function inRuleOrder(first: readonly VisitorEntry[], second: readonly VisitorEntry[] | undefined): VisitorEntry[] {
  if (!second) return first.slice();
  if (first.length === 0) return second.slice();
  const merged: VisitorEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) merged.push(first[i].order < second[j].order ? first[i++] : second[j++]);
  while (i < first.length) merged.push(first[i++]);
  while (j < second.length) merged.push(second[j++]);
  return merged;
}

function setsAnySeverity(config: LintConfig): boolean {
  for (const code in config.rules) if (config.rules[code] !== undefined) return true;
  return false;
}
