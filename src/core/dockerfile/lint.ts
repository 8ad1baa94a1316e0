import type { Instruction } from 'dockerfile-ast';
import { compareFindings, type Finding, type Severity } from '../findings';
import { looksBinary } from '../files';
import { configuredSeverity, type LintConfig } from '../rules/config';
import { commandsInAnyShell } from './commands';
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

/** A rule in one lint, with the severity it reports at; `visitor` for the rules that make one. */
interface VisitorEntry {
  rule: DockerfileRule;
  severity: Severity;
  visitor: DockerfileVisitor;
}

/** A perInstruction rule at its severity: called directly, without a visitor. */
interface CheckEntry {
  rule: DockerfileRule;
  severity: Severity;
  check: NonNullable<DockerfileRule['perInstruction']>['check'];
}

/** An atEnd rule at its severity: called directly once the walk is done. */
interface EndEntry {
  rule: DockerfileRule;
  severity: Severity;
  check: NonNullable<DockerfileRule['atEnd']>;
}

/**
 * What does not change from one lint to the next for a list of rules under one severity config: the rules that are
 * on, the perInstruction rules grouped by the keywords (or programs) they want, the atEnd rules, and the other
 * rules, which make a visitor per lint.
 */
interface Plan {
  checksByKeyword: Map<string, CheckEntry[]>;
  /** The RUN rules that name the programs they are about, by program. */
  checksByProgram: Map<string, CheckEntry[]>;
  atEnd: EndEntry[];
  others: Array<{ rule: DockerfileRule; severity: Severity }>;
}

/** Plans by rule list, then by severity config (`undefined`: each rule's default severity, the common case). */
const plans = new WeakMap<readonly DockerfileRule[], { byDefault?: Plan; byConfig: WeakMap<LintConfig, Plan> }>();

function planFor(rules: readonly DockerfileRule[], severityConfig: LintConfig | undefined): Plan {
  let forRules = plans.get(rules);
  if (!forRules) {
    forRules = { byConfig: new WeakMap() };
    plans.set(rules, forRules);
  }
  let plan = severityConfig ? forRules.byConfig.get(severityConfig) : forRules.byDefault;
  if (!plan) {
    plan = makePlan(rules, severityConfig);
    if (severityConfig) forRules.byConfig.set(severityConfig, plan);
    else forRules.byDefault = plan;
  }
  return plan;
}

function makePlan(rules: readonly DockerfileRule[], severityConfig: LintConfig | undefined): Plan {
  const plan: Plan = { checksByKeyword: new Map(), checksByProgram: new Map(), atEnd: [], others: [] };
  for (const rule of rules) {
    const severity = configuredSeverity(rule.id, rule.defaultSeverity, severityConfig);
    if (!severity) continue;
    if (rule.atEnd) {
      plan.atEnd.push({ rule, severity, check: rule.atEnd });
      continue;
    }
    if (!rule.perInstruction) {
      plan.others.push({ rule, severity });
      continue;
    }
    const entry: CheckEntry = { rule, severity, check: rule.perInstruction.check };
    const { keywords, programs } = rule.perInstruction;
    const index = programs ? plan.checksByProgram : plan.checksByKeyword;
    for (const key of programs ?? keywords) {
      const named = index.get(key);
      if (named) named.push(entry);
      else index.set(key, [entry]);
    }
  }
  return plan;
}

/**
 * Lints one Dockerfile's text. It never throws: the parser accepts any text, and a rule that fails is reported
 * through `onRuleError` and skipped for the rest of the lint. Binary text gets no findings.
 *
 * The order in which rules are called does not show in the result: findings are sorted by position and rule id,
 * and each rule still sees the instructions in file order.
 */
export function lintDockerfile(text: string, options: DockerfileLintOptions = {}): Finding[] {
  if (looksBinary(text)) return [];
  const model = parseDockerfile(text);
  // hadolint reads every RUN as POSIX shell, also after `SHELL ["powershell", …]` and under `# hadolint shell=`;
  // under hadolint parity so do the rules (DL4006 still follows a non-POSIX SHELL, as hadolint's does).
  if (options.config?.dockerfile?.hadolintParity) model.nonPosixRuns.clear();
  const facts = options.facts ?? {};
  const findings: Finding[] = [];
  const fail = (rule: DockerfileRule, error: unknown): void => options.onRuleError?.(rule.id, error);
  // Every rule reports only while the engine is calling it, so one context serves them all, its report filed
  // under the rule being called, instead of a context and a report closure made for each rule on each lint.
  let calling: { rule: DockerfileRule; severity: Severity } | undefined;
  const context: DockerfileRuleContext = {
    model,
    facts,
    settings: options.config?.dockerfile ?? {},
    report: (report) => findings.push({ code: calling!.rule.id, severity: calling!.severity, ...report }),
  };
  // Most lints run with a config that changes no rule's severity (the default config's `rules` is empty): each
  // rule's own default then holds, and one plan serves every lint.
  const severityConfig = options.config && setsAnySeverity(options.config) ? options.config : undefined;
  const plan = planFor(options.rules ?? dockerfileRules, severityConfig);
  const visitors: VisitorEntry[] = [];
  for (const { rule, severity } of plan.others) {
    const entry: VisitorEntry = { rule, severity, visitor: {} };
    calling = entry;
    try {
      entry.visitor = rule.create(context);
      visitors.push(entry);
    } catch (error) {
      fail(rule, error);
    }
  }
  // The visitors that want every instruction, and (rarely) those that name their keywords.
  const wantingEvery: VisitorEntry[] = [];
  let naming: Map<string, VisitorEntry[]> | undefined;
  for (const entry of visitors) {
    const { instruction, keywords } = entry.visitor;
    if (!instruction) continue;
    if (!keywords) {
      wantingEvery.push(entry);
      continue;
    }
    naming ??= new Map();
    for (const keyword of keywords) {
      const named = naming.get(keyword);
      if (named) named.push(entry);
      else naming.set(keyword, [entry]);
    }
  }
  const visit = (entries: VisitorEntry[], instruction: Instruction): void => {
    for (const entry of entries) {
      calling = entry;
      try {
        entry.visitor.instruction?.(instruction);
      } catch (error) {
        fail(entry.rule, error);
        entry.visitor = {};
      }
    }
  };
  let failed: Set<CheckEntry> | undefined;
  const runCheck = (entry: CheckEntry, instruction: Instruction): void => {
    if (failed?.has(entry)) return;
    calling = entry;
    try {
      entry.check(instruction, context);
    } catch (error) {
      fail(entry.rule, error);
      (failed ??= new Set()).add(entry);
    }
  };
  const byProgram = plan.checksByProgram.size > 0 ? plan.checksByProgram : undefined;
  for (const instruction of model.instructions) {
    const keyword = instruction.getKeyword();
    const checks = plan.checksByKeyword.get(keyword);
    if (checks) for (const entry of checks) runCheck(entry, instruction);
    if (keyword === 'RUN' && byProgram) {
      // Each rule once per RUN, however many of its commands run a program it names.
      let called: CheckEntry[] | undefined;
      let commands: ReturnType<typeof commandsInAnyShell>;
      try {
        commands = commandsInAnyShell(model, instruction);
      } catch {
        // Not expected (the shell reader takes any text), but then each rule meets the failure itself and is
        // reported through onRuleError, as it was before it named its programs.
        for (const entry of new Set([...byProgram.values()].flat())) runCheck(entry, instruction);
        continue;
      }
      for (const command of commands) {
        const named = byProgram.get(command.program);
        if (!named) continue;
        for (const entry of named) {
          if (called?.includes(entry)) continue;
          (called ??= []).push(entry);
          runCheck(entry, instruction);
        }
      }
    }
    visit(wantingEvery, instruction);
    const named = naming?.get(keyword);
    if (named) visit(named, instruction);
  }
  for (const entry of visitors) {
    if (!entry.visitor.end) continue;
    calling = entry;
    try {
      entry.visitor.end();
    } catch (error) {
      fail(entry.rule, error);
    }
  }
  for (const entry of plan.atEnd) {
    calling = entry;
    try {
      entry.check(model, context);
    } catch (error) {
      fail(entry.rule, error);
    }
  }
  if (findings.length === 0 || options.config?.dockerfile?.disableIgnorePragma) return findings.sort(compareFindings);
  const suppressions = readSuppressions(model, { hadolintParity: options.config?.dockerfile?.hadolintParity });
  return findings.filter((finding) => !isSuppressed(finding, suppressions, model)).sort(compareFindings);
}

function setsAnySeverity(config: LintConfig): boolean {
  for (const code in config.rules) if (config.rules[code] !== undefined) return true;
  return false;
}
