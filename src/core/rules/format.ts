import type { Finding, Severity } from '../findings';
import type { RuleMeta } from './rule';

/** The findings of one file, as the CLI reports them. `file` is the path as given or found, with `/` separators. */
export interface FileResult {
  file: string;
  findings: Finding[];
}

export type OutputFormat = 'tty' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['tty', 'json', 'sarif'];

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
