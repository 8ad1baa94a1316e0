import type { Range } from '../findings';

/**
 * Why a file is taken for a Helm chart template: it lies in a chart's `templates/` folder, or its text holds
 * template actions that only Helm renders. Such a file is not YAML until Helm renders it, so the linter gives one
 * info finding about it instead of the parse errors its template actions would cause.
 */
export type HelmTemplateReason = 'chart-templates-folder' | 'template-actions';

export interface HelmTemplate {
  reason: HelmTemplateReason;
  /** The first template action, or the start of the file when it has none. */
  range: Range;
}

export interface HelmDetectionOptions {
  /** The file's path, with `/` or `\` separators; relative or absolute. */
  path?: string;
  /**
   * Whether a folder (a prefix of `path`, same separators) is a chart, i.e. holds a `Chart.yaml`. Without it, a
   * `templates` folder counts as a chart's only when the file holds a template action.
   */
  isChartFolder?: (folder: string) => boolean;
}

/**
 * Template actions that name Helm's own objects or functions. Prometheus alert rules (`{{ $labels.pod }}`) and
 * Argo Workflows (`{{inputs.parameters.x}}`) write Go templates inside ordinary YAML strings, so an action alone
 * does not make a Helm template.
 */
const HELM_ACTION = /\{\{-?\s*[^}]*?(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\b(?:include|tpl)\s)/;

/**
 * An action where YAML expects a node rather than inside a string: at the start of a line (`{{- if .Values.x }}`),
 * of a list item, or of a plain value (`image: {{ .Values.image }}`), where YAML would read a flow mapping.
 */
const STRUCTURAL_ACTION = /^(\s*(?:-\s+)*(?:[^\s#'"{][^#'"]*?:\s+)?)\{\{/;

/** A line that ends by opening a block scalar (`key: |`, `- >-`): the lines indented below it are text. */
const BLOCK_SCALAR_START = /(?:^|:|-)\s*[|>][-+0-9]*\s*(?:#.*)?$/;

export function detectHelmTemplate(text: string, options: HelmDetectionOptions = {}): HelmTemplate | undefined {
  const firstAction = firstTemplateAction(text);
  if (options.path !== undefined && isInChartTemplatesFolder(options.path, firstAction !== undefined, options.isChartFolder)) {
    return { reason: 'chart-templates-folder', range: firstAction?.range ?? rangeAt(0, 0) };
  }
  if (firstAction === undefined) return undefined;
  const helmAction = templateActionOutsideStrings(text);
  return helmAction === undefined ? undefined : { reason: 'template-actions', range: helmAction };
}

function isInChartTemplatesFolder(path: string, hasAction: boolean, isChartFolder: HelmDetectionOptions['isChartFolder']): boolean {
  const segments = path.split(/[\\/]/);
  const separator = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  // The last segment is the file itself; `templates` may be nested (`templates/monitoring/rule.yaml`).
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] !== 'templates') continue;
    if (isChartFolder === undefined) return hasAction;
    if (isChartFolder(segments.slice(0, i).join(separator))) return true;
  }
  return false;
}

function firstTemplateAction(text: string): { range: Range } | undefined {
  const offset = text.indexOf('{{');
  if (offset < 0) return undefined;
  const line = lineStartsBefore(text, offset);
  return { range: rangeAt(line.line, offset - line.start, 2) };
}

/** The first action that Helm would render: one naming Helm's objects, or one where YAML expects a node. */
function templateActionOutsideStrings(text: string): Range | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let blockIndent: number | undefined;
  for (let lineNumber = 0; lineNumber < lines.length; lineNumber++) {
    const line = lines[lineNumber];
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== undefined) {
      if (line.trim() === '' || indent > blockIndent) {
        const helm = HELM_ACTION.exec(line);
        if (helm) return rangeAt(lineNumber, helm.index, 2);
        continue;
      }
      blockIndent = undefined;
    }
    if (line.trimStart().startsWith('#')) continue;
    const structural = STRUCTURAL_ACTION.exec(line);
    if (structural) return rangeAt(lineNumber, structural[1].length, 2);
    const helm = HELM_ACTION.exec(line);
    if (helm) return rangeAt(lineNumber, helm.index, 2);
    if (BLOCK_SCALAR_START.test(line)) blockIndent = indent;
  }
  return undefined;
}

function lineStartsBefore(text: string, offset: number): { line: number; start: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      start = i + 1;
    }
  }
  return { line, start };
}

/** A range on one line, `length` characters long. */
function rangeAt(line: number, character: number, length = 0): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}
