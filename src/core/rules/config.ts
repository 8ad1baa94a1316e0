import { dirname, join } from 'node:path';
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
  /** Settings the Kubernetes rules read. */
  kubernetes?: KubernetesSettings;
}

export interface KubernetesSettings {
  /** The cluster's Kubernetes version, `1.N`: which apiVersions MLO215 accepts as served. */
  version?: string;
}

/** A Kubernetes version as people write it: `1.28`, `v1.28`, `1.28.3`; undefined when it is none. */
export function normaliseKubernetesVersion(value: unknown): string | undefined {
  const match = /^v?1\.(\d{1,2})(\.\d+)?$/.exec(String(value).trim());
  return match ? `1.${Number(match[1])}` : undefined;
}

/** The type a label's value must have under hadolint's `label-schema`. */
export const LABEL_TYPES = ['text', 'url', 'spdx', 'hash', 'rfc3339', 'semver', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

export interface DockerfileSettings {
  /** Registries FROM may pull from (DL3026); empty or absent turns the rule's check off. `*` wildcards allowed. */
  trustedRegistries?: string[];
  /** Labels every image must carry, with the type of their value (DL3049–DL3058). */
  labelSchema?: Record<string, LabelType>;
  /** Whether labels outside the schema are reported (DL3050). */
  strictLabels?: boolean;
  /** Whether `# hadolint ignore=`/`# mlops-deploy ignore=` pragmas are honoured (true: they are not). */
  disableIgnorePragma?: boolean;
  /**
   * Report everything hadolint 2.15 reports, also where this linter deliberately differs (docs/hadolint-differences.md):
   * for teams whose CI must keep every finding hadolint gave them. Our own extra findings stay.
   */
  hadolintParity?: boolean;
}

export const DEFAULT_CONFIG: LintConfig = { rules: {} };

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [...SEVERITIES, 'off'];
export const FAILURE_THRESHOLDS: readonly FailureThreshold[] = [...SEVERITIES, 'none'];

/** The severity a rule (or any other coded finding) reports at under a config, or undefined when it is off. */
export function configuredSeverity(code: string, defaultSeverity: SeveritySetting, config: LintConfig | undefined): Severity | undefined {
  const setting = config?.rules[code] ?? defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/** Later configs win, rule by rule. */
export function mergeConfigs(...configs: ReadonlyArray<Partial<LintConfig> | undefined>): LintConfig {
  const merged: LintConfig = { rules: {} };
  for (const config of configs) {
    if (!config) continue;
    Object.assign(merged.rules, config.rules);
    if (config.failureThreshold !== undefined) merged.failureThreshold = config.failureThreshold;
    if (config.dockerfile) merged.dockerfile = { ...merged.dockerfile, ...config.dockerfile };
    if (config.kubernetes) merged.kubernetes = { ...merged.kubernetes, ...config.kubernetes };
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

/** Our config files, and hadolint's, which use the same keys; ours win where both are found. */
export const CONFIG_FILE_NAMES = ['.mlops-deploy.yaml', '.mlops-deploy.yml'] as const;
export const HADOLINT_CONFIG_FILE_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

/**
 * Reads a `.mlops-deploy.yaml` or a `.hadolint.yaml`; both take the same keys:
 *
 *     rules:            # per-rule severity: error | warning | info | style | off
 *       MLO104: off
 *     ignored: [MLO101] # the same as `off`, in hadolint's spelling
 *     override: { error: [DL3008], info: [DL3015] }
 *     failure-threshold: warning
 *     trustedRegistries: [docker.io, "*.gcr.io"]
 *     label-schema: { maintainer: text, org.opencontainers.image.created: rfc3339 }
 *     strict-labels: false
 *     disable-ignore-pragma: false
 *     hadolint-parity: false   # ours only: also report what hadolint reports where we deliberately differ
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
  const problem = (node: Node | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ message, range: rangeOf(node), severity });
  };
  const checkRuleId = (idNode: Node, id: string): boolean => {
    if (knownRuleIds.has(id)) return true;
    // hadolint configs name ShellCheck's codes too; those are not ours to check, and not a mistake.
    if (/^SC\d{4}$/.test(id)) return false;
    problem(idNode, `Unknown rule id "${id}".`, 'warning');
    return false;
  };
  /** A list of rule ids, or one id: hadolint accepts both. */
  const ruleIdList = (node: Node | null, key: string): Array<[Node, string]> => {
    if (isScalar(node) && typeof node.value === 'string') return [[node, node.value.trim().toUpperCase()]];
    if (!isSeq(node)) {
      problem(node, `\`${key}\` must be a list of rule ids.`);
      return [];
    }
    return (node.items as Node[]).map((item) => [item, isScalar(item) ? String(item.value).trim().toUpperCase() : ''] as [Node, string]);
  };
  const dockerfile: DockerfileSettings = {};
  const booleanOf = (node: Node | null, key: string): boolean | undefined => {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    problem(node, `\`${key}\` must be true or false.`);
    return undefined;
  };
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case 'rules': {
        if (!isMap(value)) {
          problem(value ?? keyNode, '`rules` must map rule ids to a severity (error, warning, info, style, off).');
          break;
        }
        for (const rulePair of value.items) {
          const idNode = rulePair.key as Node;
          const id = isScalar(idNode) ? String(idNode.value).toUpperCase() : '';
          const severityNode = rulePair.value as Node | null;
          const severity = isScalar(severityNode) ? normaliseSeverity(severityNode.value) : undefined;
          if (!checkRuleId(idNode, id)) continue;
          if (!severity) {
            problem(severityNode ?? idNode, `The severity of ${id} must be one of ${SEVERITY_SETTINGS.join(', ')}.`);
            continue;
          }
          config.rules[id] = severity;
        }
        break;
      }
      case 'ignored':
        for (const [node, id] of ruleIdList(value, 'ignored')) if (checkRuleId(node, id)) config.rules[id] = 'off';
        break;
      case 'override': {
        // hadolint's spelling: `override: { error: [DL3008], info: [DL3015] }`.
        if (!isMap(value)) {
          problem(value ?? keyNode, '`override` must map error, warning, info or style to lists of rule ids.');
          break;
        }
        for (const levelPair of value.items) {
          const levelNode = levelPair.key as Node;
          const level = isScalar(levelNode) ? normaliseSeverity(levelNode.value) : undefined;
          if (!level || level === 'off') {
            problem(levelNode, '`override` takes the levels error, warning, info and style.');
            continue;
          }
          for (const [node, id] of ruleIdList(levelPair.value as Node | null, `override.${level}`)) if (checkRuleId(node, id)) config.rules[id] = level;
        }
        break;
      }
      case 'failure-threshold': {
        const threshold = isScalar(value) ? String(value.value).toLowerCase() : '';
        // hadolint's `ignore` threshold never fails, like our `none`.
        if (threshold === 'ignore') config.failureThreshold = 'none';
        else if ((FAILURE_THRESHOLDS as readonly string[]).includes(threshold)) config.failureThreshold = threshold as FailureThreshold;
        else problem(value ?? keyNode, `\`failure-threshold\` must be one of ${FAILURE_THRESHOLDS.join(', ')}.`);
        break;
      }
      case 'trustedRegistries': {
        const registries = isScalar(value) ? [String(value.value)] : isSeq(value) ? (value.items as Node[]).map((i) => (isScalar(i) ? String(i.value) : '')) : undefined;
        if (!registries || registries.some((r) => r === '')) problem(value ?? keyNode, '`trustedRegistries` must be a registry or a list of registries.');
        else dockerfile.trustedRegistries = registries;
        break;
      }
      case 'label-schema': {
        if (!isMap(value)) {
          problem(value ?? keyNode, '`label-schema` must map label names to a type (text, url, spdx, hash, rfc3339, semver, email).');
          break;
        }
        const schema: Record<string, LabelType> = {};
        for (const labelPair of value.items) {
          const labelNode = labelPair.key as Node;
          const typeNode = labelPair.value as Node | null;
          const type = isScalar(typeNode) ? String(typeNode.value) : '';
          if (!(LABEL_TYPES as readonly string[]).includes(type)) {
            problem(typeNode ?? labelNode, `The type of label "${isScalar(labelNode) ? String(labelNode.value) : ''}" must be one of ${LABEL_TYPES.join(', ')}.`);
            continue;
          }
          schema[isScalar(labelNode) ? String(labelNode.value) : ''] = type as LabelType;
        }
        dockerfile.labelSchema = schema;
        break;
      }
      case 'strict-labels': {
        const flag = booleanOf(value, key);
        if (flag !== undefined) dockerfile.strictLabels = flag;
        break;
      }
      case 'disable-ignore-pragma': {
        const flag = booleanOf(value, key);
        if (flag !== undefined) dockerfile.disableIgnorePragma = flag;
        break;
      }
      case 'hadolint-parity': {
        const flag = booleanOf(value, key);
        if (flag !== undefined) dockerfile.hadolintParity = flag;
        break;
      }
      case 'kubernetes': {
        if (!isMap(value)) {
          problem(value ?? keyNode, '`kubernetes` must be a mapping, such as `kubernetes: {version: "1.30"}`.');
          break;
        }
        for (const item of value.items) {
          const name = isScalar(item.key) ? String(item.key.value) : '';
          if (name !== 'version') {
            problem(item.key as Node, `Unknown key "kubernetes.${name}": expected version.`, 'warning');
            continue;
          }
          // `version: 1.30` unquoted is the number 1.3 to YAML; the text as written is what the user meant.
          const version = isScalar(item.value) ? normaliseKubernetesVersion(item.value.source ?? item.value.value) : undefined;
          if (version === undefined) problem(item.value as Node, '`kubernetes.version` must be a Kubernetes version such as "1.30".');
          else config.kubernetes = { version };
        }
        break;
      }
      case 'no-fail': {
        if (booleanOf(value, key)) config.failureThreshold = 'none';
        break;
      }
      // hadolint's output settings: the CLI's own flags choose these; accepted so that a shared file is valid.
      case 'format':
      case 'formats':
      case 'no-color':
      case 'verbose':
        break;
      default:
        problem(keyNode, `Unknown key "${key}": expected rules, ignored, override, failure-threshold, trustedRegistries, label-schema, strict-labels, disable-ignore-pragma, hadolint-parity or kubernetes.`, 'warning');
    }
  }
  if (Object.keys(dockerfile).length > 0) config.dockerfile = dockerfile;
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

/** The first of `names` in `dir` or a folder above it, up to `stopAt` (inclusive) or the file system's root. */
function nearest(dir: string, names: readonly string[], exists: (path: string) => boolean, stopAt?: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    for (const name of names) {
      const candidate = join(current, name);
      if (exists(candidate)) return candidate;
    }
    if (current === stopAt || dirname(current) === current) return undefined;
  }
}

/** hadolint's own places for a user's config, in its order (README, "Configure"). */
export function hadolintUserConfigs(env: Readonly<Record<string, string | undefined>>): string[] {
  const home = env.HOME;
  const xdg = env.XDG_CONFIG_HOME;
  const places: string[] = [];
  for (const ext of ['yaml', 'yml']) {
    if (xdg) places.push(join(xdg, `hadolint.${ext}`));
    if (home) places.push(join(home, '.config', `hadolint.${ext}`), join(home, '.hadolint', `hadolint.${ext}`), join(home, 'hadolint', `config.${ext}`), join(home, `.hadolint.${ext}`));
  }
  return places;
}

/**
 * The config files that apply to a file in a folder, weakest first: hadolint's (the nearest `.hadolint.yaml`
 * above the file within `stopAt`, else the first of the user's hadolint configs, as hadolint finds them), then
 * the nearest `.mlops-deploy.yaml`. Later files win, rule by rule.
 */
export function configFilesFor(
  fileDir: string,
  exists: (path: string) => boolean,
  env: Readonly<Record<string, string | undefined>>,
  stopAt?: string,
): string[] {
  const hadolint = nearest(fileDir, HADOLINT_CONFIG_FILE_NAMES, exists, stopAt) ?? hadolintUserConfigs(env).find(exists);
  const ours = nearest(fileDir, CONFIG_FILE_NAMES, exists, stopAt);
  return [hadolint, ours].filter((p): p is string => p !== undefined);
}

/**
 * hadolint's environment variables, for the CLI: `HADOLINT_IGNORE`, `HADOLINT_OVERRIDE_{ERROR,WARNING,INFO,STYLE}`
 * (comma-separated ids), `HADOLINT_FAILURE_THRESHOLD`, `HADOLINT_NOFAIL`, `HADOLINT_TRUSTED_REGISTRIES`,
 * `HADOLINT_STRICT_LABELS`, `HADOLINT_DISABLE_IGNORE_PRAGMA` and `HADOLINT_REQUIRE_LABELS` (`label:type,…`).
 * A value that cannot be used is reported, never thrown.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>, knownRuleIds: ReadonlySet<string>): { config: LintConfig; problems: string[] } {
  const config: LintConfig = { rules: {} };
  const problems: string[] = [];
  const dockerfile: DockerfileSettings = {};
  const list = (name: string): string[] =>
    (env[name] ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
  const ids = (name: string): string[] =>
    list(name)
      .map((id) => id.toUpperCase())
      .filter((id) => {
        if (knownRuleIds.has(id) || /^SC\d{4}$/.test(id)) return knownRuleIds.has(id);
        problems.push(`${name}: unknown rule id "${id}"`);
        return false;
      });
  const truthy = (name: string): boolean | undefined => {
    const value = env[name]?.trim().toLowerCase();
    if (value === undefined || value === '') return undefined;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    problems.push(`${name} must be true or false, not "${env[name]}"`);
    return undefined;
  };
  for (const id of ids('HADOLINT_IGNORE')) config.rules[id] = 'off';
  for (const level of ['error', 'warning', 'info', 'style'] as const) {
    for (const id of ids(`HADOLINT_OVERRIDE_${level.toUpperCase()}`)) config.rules[id] = level;
  }
  const threshold = env.HADOLINT_FAILURE_THRESHOLD?.trim().toLowerCase();
  if (threshold) {
    if (threshold === 'ignore') config.failureThreshold = 'none';
    else if ((FAILURE_THRESHOLDS as readonly string[]).includes(threshold)) config.failureThreshold = threshold as FailureThreshold;
    else problems.push(`HADOLINT_FAILURE_THRESHOLD must be one of ${FAILURE_THRESHOLDS.join(', ')}, not "${threshold}"`);
  }
  if (truthy('HADOLINT_NOFAIL')) config.failureThreshold = 'none';
  if (list('HADOLINT_TRUSTED_REGISTRIES').length > 0) dockerfile.trustedRegistries = list('HADOLINT_TRUSTED_REGISTRIES');
  const strict = truthy('HADOLINT_STRICT_LABELS');
  if (strict !== undefined) dockerfile.strictLabels = strict;
  const disable = truthy('HADOLINT_DISABLE_IGNORE_PRAGMA');
  if (disable !== undefined) dockerfile.disableIgnorePragma = disable;
  const labels = list('HADOLINT_REQUIRE_LABELS');
  if (labels.length > 0) {
    dockerfile.labelSchema = {};
    for (const entry of labels) {
      const [label, type] = entry.split(':');
      if (label && (LABEL_TYPES as readonly string[]).includes(type)) dockerfile.labelSchema[label] = type as LabelType;
      else problems.push(`HADOLINT_REQUIRE_LABELS: "${entry}" is not label:type with a type of ${LABEL_TYPES.join(', ')}`);
    }
  }
  if (Object.keys(dockerfile).length > 0) config.dockerfile = dockerfile;
  return { config, problems };
}
