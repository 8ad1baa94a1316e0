import { atEnd } from '../rule';

/** An ignore pragma in hadolint's spelling or ours: `# hadolint ignore=…`, `# hadolint global ignore=…`, `# hadolint stage ignore=…`. */
const IGNORE_PRAGMA = /^(\s*)#\s*(?:hadolint|mlops-deploy)\s+(?:(?:global|stage)\s+)?ignore\s*=/i;

/** hadolint DL1001 (off by default): a team that wants every exception in the config file turns it on. */
export const DL1001 = atEnd(
  {
    id: 'DL1001',
    defaultSeverity: 'off',
    title: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
    guide: 'hadolint DL1001',
  },
  (model, context) => {
    // Pragmas are comments; at the top of the file the parser takes `# hadolint ignore=…` for a parser directive.
    const lines = new Set<number>([
      ...model.comments.map((comment) => comment.getRange().start.line),
      ...model.ast.getDirectives().map((directive) => directive.getRange().start.line),
    ]);
    for (const line of [...lines].sort((a, b) => a - b)) {
      const text = model.lines[line] ?? '';
      const match = IGNORE_PRAGMA.exec(text);
      if (!match) continue;
      context.report({
        range: { start: { line, character: match[1].length }, end: { line, character: text.trimEnd().length } },
        message: `Inline ignore pragma "${text.trim()}": exceptions written into the Dockerfile are easy to miss in review. List the rule under ignored: in .hadolint.yaml or .mlops-deploy.yaml instead, or fix what it reports.`,
      });
    }
  },
);
