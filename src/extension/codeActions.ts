import * as vscode from 'vscode';
import { nonOverlappingEdits, type Finding, type Fix } from '../core/findings';
import { parseDockerfile } from '../core/dockerfile/model';
import { ignoreEdit } from '../core/dockerfile/suppress';
import { DIAGNOSTIC_SOURCE, diagnosticCode, toRange, toTextEdits } from './convert';
import type { DockerfileLinter } from './dockerfileLinter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mlops-deploy');

/**
 * Quick fixes for each finding under the cursor: its safe fix (preferred), its suggestions, and ignoring the rule
 * on this instruction or in the whole file. `source.fixAll.mlops-deploy` applies every safe fix in one edit.
 */
export class DockerfileCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: DockerfileLinter) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.linter.findingsFor(document);
    if (findings.length === 0) return [];
    if (context.only && (FIX_ALL_KIND.contains(context.only) || context.only.contains(FIX_ALL_KIND))) {
      const fixAll = this.fixAll(document, findings);
      return fixAll ? [fixAll] : [];
    }
    const actions: vscode.CodeAction[] = [];
    const model = parseDockerfile(document.getText());
    for (const diagnostic of context.diagnostics) {
      const code = diagnosticCode(diagnostic);
      if (!code || diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find((f) => f.code === code && toRange(f.range).isEqual(diagnostic.range));
      if (!finding) continue;
      if (finding.fix) actions.push(this.action(document, finding.fix, diagnostic, true));
      for (const suggestion of finding.suggestions ?? []) actions.push(this.action(document, suggestion, diagnostic, false));
      actions.push(this.ignoreAction(document, model, finding, diagnostic, 'line'));
      actions.push(this.ignoreAction(document, model, finding, diagnostic, 'file'));
    }
    return actions;
  }

  private action(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    action.edit = toWorkspaceEdit(document, [fix]);
    return action;
  }

  private ignoreAction(
    document: vscode.TextDocument,
    model: ReturnType<typeof parseDockerfile>,
    finding: Finding,
    diagnostic: vscode.Diagnostic,
    scope: 'line' | 'file',
  ): vscode.CodeAction {
    const title = scope === 'line' ? `Ignore ${finding.code} on this line` : `Ignore ${finding.code} in this file`;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, toTextEdits([ignoreEdit(model, finding, scope)]));
    action.edit = edit;
    return action;
  }

  private fixAll(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction | undefined {
    const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) return undefined;
    const action = new vscode.CodeAction('Fix all MLOps Deploy problems that have a safe fix', FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, fixes);
    return action;
  }
}

/**
 * One WorkspaceEdit for a set of fixes: overlapping text edits are dropped after the first (applyEdits decides the
 * same way, so the CLI and the editor agree), and files to create are created only if they do not exist.
 */
function toWorkspaceEdit(document: vscode.TextDocument, fixes: Fix[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const textEdits = nonOverlappingEdits(fixes.flatMap((f) => f.edits));
  if (textEdits.length > 0) edit.set(document.uri, toTextEdits(textEdits));
  for (const fix of fixes) {
    for (const file of fix.files ?? []) {
      const target = vscode.Uri.joinPath(document.uri, '..', file.relativePath);
      edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(file.content) });
    }
  }
  return edit;
}
