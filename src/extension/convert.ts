import * as vscode from 'vscode';
import type { Finding, Range, Severity, TextEdit } from '../core/findings';
import { ruleIds } from '../core/rules/registry';

export const DIAGNOSTIC_SOURCE = 'mlops-deploy';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  // hadolint's "style" findings are advice about form; Information keeps them in the Problems panel, where a
  // Hint would not be listed at all.
  style: vscode.DiagnosticSeverity.Information,
};

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toDiagnostic(finding: Finding, docUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  // Only rules have a page; a note such as yaml-syntax is shown by its code alone.
  diagnostic.code = ruleIds.has(finding.code) ? { value: finding.code, target: docUri } : finding.code;
  return diagnostic;
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

export function toTextEdits(edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map((edit) => new vscode.TextEdit(toRange(edit.range), edit.newText));
}
