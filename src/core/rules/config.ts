import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { SEVERITIES, type Range, type Severity } from '../findings';

export type SeveritySetting = Severity | 'off';
export type FailureThreshold = Severity | 'none';

/** How the linter is configured: built from a config file, the editor's settings and CLI flags, in that order. */
export interface LintConfig {
  /** Per-rule severity overrides; `off` disables a rule, any other value also enables a rule that is off by default. */
  rules: Record<string, SeveritySetting>;
  /** The lowest severity that makes the CLI exit 1. */
  failureThreshold?: FailureThreshold;
  /** Settings some Dockerfile rules read (hadolint's `trustedRegistries`, `label-schema`, `strict-labels`). */
  dockerfile?: DockerfileSettings;
}

/** The type a label's value must have under hadolint's `label-schema`. */
export type LabelType = 'text' | 'url' | 'spdx' | 'hash' | 'rfc3339' | 'semver' | 'email';

export interface DockerfileSettings {
  /** Registries FROM may pull from (DL3026); empty or absent turns the rule's check off. `*` wildcards allowed. */
  trustedRegistries?: string[];
  /** Labels every image must carry, with the type of their value (DL3049–DL3058). */
  labelSchema?: Record<string, LabelType>;
  /** Whether labels outside the schema are reported (DL3050). */
  strictLabels?: boolean;
  /** Whether `# hadolint ignore=`/`# mlops-deploy ignore=` pragmas are honoured (true: they are not). */
  disableIgnorePragma?: boolean;
}

export const DEFAULT_CONFIG: LintConfig = { rules: {} };

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [...SEVERITIES, 'off'];
export const FAILURE_THRESHOLDS: readonly FailureThreshold[] = [...SEVERITIES, 'none'];

/** Later configs win, rule by rule. */
export function mergeConfigs(...configs: ReadonlyArray<Partial<LintConfig> | undefined>): LintConfig {
  const merged: LintConfig = { rules: {} };
  for (const config of configs) {
    if (!config) continue;
    Object.assign(merged.rules, config.rules);
    if (config.failureThreshold !== undefined) merged.failureThreshold = config.failureThreshold;
    if (config.dockerfile) merged.dockerfile = { ...merged.dockerfile, ...config.dockerfile };
  }
  return merged;
}

export interface ConfigProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface ParsedConfig {
  config: LintConfig;
  problems: ConfigProblem[];
}

export const CONFIG_FILE_NAMES = ['.mlops-deploy.yaml', '.mlops-deploy.yml'] as const;

/**
 * Reads a `.mlops-deploy.yaml`:
 *
 *     rules:            # per-rule severity: error | warning | info | style | off
 *       MLO104: off
 *     ignored: [MLO101] # the same as `off`, in hadolint's spelling
 *     failure-threshold: warning
 *
 * A problem in the file never throws: each one is reported at its place, and what could be read is used, so a
 * typo in one key does not switch every other setting back to its default.
 */
export function parseConfigFile(text: string, knownRuleIds: ReadonlySet<string>): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const rangeOf = (node: Node | null | undefined): Range => {
    const [start, end] = node?.range ?? [0, 0];
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const config: LintConfig = { rules: {} };
  for (const error of doc.errors) {
    const s = lineCounter.linePos(error.pos[0]);
    const e = lineCounter.linePos(error.pos[1]);
    problems.push({
      message: `Invalid YAML: ${error.message.split('\n')[0]}`,
      range: { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } },
      severity: 'error',
    });
  }
  if (doc.errors.length > 0) return { config, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    problems.push({ message: 'The config file must be a mapping with keys such as `rules` and `ignored`.', range: rangeOf(root), severity: 'error' });
    return { config, problems };
  }
  const checkRuleId = (idNode: Node, id: string): boolean => {
    if (knownRuleIds.has(id)) return true;
    problems.push({ message: `Unknown rule id "${id}".`, range: rangeOf(idNode), severity: 'warning' });
    return false;
  };
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    if (key === 'rules') {
      if (!isMap(value)) {
        problems.push({ message: '`rules` must map rule ids to a severity (error, warning, info, style, off).', range: rangeOf(value ?? keyNode), severity: 'error' });
        continue;
      }
      for (const rulePair of value.items) {
        const idNode = rulePair.key as Node;
        const id = isScalar(idNode) ? String(idNode.value) : '';
        const severityNode = rulePair.value as Node | null;
        const severity = isScalar(severityNode) ? normaliseSeverity(severityNode.value) : undefined;
        if (!checkRuleId(idNode, id)) continue;
        if (!severity) {
          problems.push({
            message: `The severity of ${id} must be one of ${SEVERITY_SETTINGS.join(', ')}.`,
            range: rangeOf(severityNode ?? idNode),
            severity: 'error',
          });
          continue;
        }
        config.rules[id] = severity;
      }
    } else if (key === 'ignored') {
      if (!isSeq(value)) {
        problems.push({ message: '`ignored` must be a list of rule ids.', range: rangeOf(value ?? keyNode), severity: 'error' });
        continue;
      }
      for (const item of value.items as Node[]) {
        const id = isScalar(item) ? String(item.value) : '';
        if (checkRuleId(item, id)) config.rules[id] = 'off';
      }
    } else if (key === 'failure-threshold') {
      const threshold = isScalar(value) ? String(value.value).toLowerCase() : '';
      if ((FAILURE_THRESHOLDS as readonly string[]).includes(threshold)) {
        config.failureThreshold = threshold as FailureThreshold;
      } else {
        problems.push({ message: `\`failure-threshold\` must be one of ${FAILURE_THRESHOLDS.join(', ')}.`, range: rangeOf(value ?? keyNode), severity: 'error' });
      }
    } else {
      problems.push({ message: `Unknown key "${key}": expected rules, ignored or failure-threshold.`, range: rangeOf(keyNode), severity: 'warning' });
    }
  }
  return { config, problems };
}

/** Accepts the spellings people use: `Warning`, `information`, `ignore`, `none`. */
export function normaliseSeverity(value: unknown): SeveritySetting | undefined {
  const text = String(value).trim().toLowerCase();
  if ((SEVERITY_SETTINGS as readonly string[]).includes(text)) return text as SeveritySetting;
  if (text === 'information') return 'info';
  if (text === 'ignore' || text === 'none' || text === 'false') return 'off';
  return undefined;
}

/**
 * The config file that applies to a file: the nearest `.mlops-deploy.yaml`/`.yml` in its folder or a folder above,
 * stopping at `stopAt` (the workspace folder) when given. `exists` is injected so this stays free of I/O.
 */
export function findConfigFile(
  fileDir: string,
  exists: (path: string) => boolean,
  join: (dir: string, name: string) => string,
  parent: (dir: string) => string,
  stopAt?: string,
): string | undefined {
  let dir = fileDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (exists(candidate)) return candidate;
    }
    const up = parent(dir);
    if (dir === stopAt || up === dir) return undefined;
    dir = up;
  }
}
