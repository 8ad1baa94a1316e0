import type { Finding, Severity } from '../findings';
import type { RuleMeta } from './rule';

/** The findings of one file, as the CLI reports them. `file` is the path as given or found, with `/` separators. */
export interface FileResult {
  file: string;
  findings: Finding[];
}

export type OutputFormat = 'tty' | 'json' | 'sarif' | 'checkstyle' | 'gitlab' | 'junit';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['tty', 'json', 'sarif', 'checkstyle', 'gitlab', 'junit'];

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: Severity;
  message: string;
}

/** One JSON array of findings with 1-based lines and columns, as editors and CI annotate them. */
export function formatJson(results: readonly FileResult[]): string {
  const rows: JsonFinding[] = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      code: f.code,
      severity: f.severity,
      message: f.message,
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', style: '\x1b[90m' };

/** `file:line:column CODE severity: message`, one line each, then a count. Colour only for a terminal. */
export function formatTty(results: readonly FileResult[], color: boolean): string {
  const paint = (severity: Severity, text: string): string => (color ? `${COLORS[severity]}${text}\x1b[0m` : text);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const { file, findings } of results) {
    for (const f of findings) {
      counts[f.severity]++;
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${paint(f.severity, f.severity)}: ${f.message}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.style;
  const files = results.length;
  if (total === 0) {
    lines.push(`No problems in ${files} file${files === 1 ? '' : 's'}.`);
  } else {
    const parts = (['error', 'warning', 'info', 'style'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
    lines.push(`${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}.`);
  }
  return lines.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

export interface SarifOptions {
  toolVersion: string;
  rules: readonly RuleMeta[];
  /** The rule's documentation as Markdown, shown by code-scanning UIs; optional. */
  ruleHelp?: (id: string) => string | undefined;
}

/** A SARIF 2.1.0 log with one run; artifact URIs are relative to the source root, as code scanning expects. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.code)));
  const rules = options.rules.filter((rule) => used.has(rule.id));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlops-deploy',
            version: options.toolVersion,
            rules: rules.map((rule) => {
              const markdown = options.ruleHelp?.(rule.id);
              return {
                id: rule.id,
                shortDescription: { text: rule.title },
                fullDescription: { text: `${rule.title} (guide: ${rule.guide})` },
                ...(markdown ? { help: { text: rule.title, markdown } } : {}),
                defaultConfiguration: rule.defaultSeverity === 'off' ? { enabled: false, level: 'note' } : { level: SARIF_LEVEL[rule.defaultSeverity] },
                properties: { tags: [rule.kind] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: index.get(f.code) ?? -1,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: file.startsWith('/') ? { uri: `file://${encodeURI(file)}` } : { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** Checkstyle XML, which Jenkins' warnings plugin, reviewdog and most CI dashboards read. */
export function formatCheckstyle(results: readonly FileResult[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const { file, findings } of results) {
    lines.push(`  <file name="${xml(file)}">`);
    for (const f of findings) {
      lines.push(
        `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${xml(f.message)}" source="mlops-deploy.${f.code}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
}

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', style: 'info' };

/**
 * GitLab's Code Quality report (a JSON array of issues). The fingerprint is stable across runs for the same file,
 * rule, line and message, so GitLab can tell new issues from fixed ones in a merge request.
 */
export function formatGitlab(results: readonly FileResult[], hash: (text: string) => string): string {
  const issues = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      description: `${f.code}: ${f.message}`,
      check_name: f.code,
      fingerprint: hash(`${file}\u0000${f.code}\u0000${f.range.start.line}\u0000${f.message}`),
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    })),
  );
  return JSON.stringify(issues, null, 2) + '\n';
}

/** JUnit XML: one test case per file, failing with one failure per finding, so CI test tabs list them. */
export function formatJunit(results: readonly FileResult[]): string {
  const failures = results.reduce((n, r) => n + (r.findings.length > 0 ? 1 : 0), 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="mlops-deploy" tests="${results.length}" failures="${failures}">`];
  lines.push(`  <testsuite name="mlops-deploy lint" tests="${results.length}" failures="${failures}" errors="0" skipped="0">`);
  for (const { file, findings } of results) {
    if (findings.length === 0) {
      lines.push(`    <testcase classname="mlops-deploy" name="${xml(file)}"/>`);
      continue;
    }
    lines.push(`    <testcase classname="mlops-deploy" name="${xml(file)}">`);
    for (const f of findings) {
      const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`      <failure type="${f.code}" message="${xml(`${f.code} ${f.severity}: ${f.message}`)}">${xml(`${where} ${f.code} ${f.severity}: ${f.message}`)}</failure>`);
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}
