import * as vscode from 'vscode';
import { writeFileSync } from 'node:fs';
import { nonOverlappingEdits, type Finding, type Fix } from '../core/findings';
import { parseDockerfile, type DockerfileModel } from '../core/dockerfile/model';
import { ignoreEdit } from '../core/dockerfile/suppress';
import { DIAGNOSTIC_SOURCE, diagnosticCode, toRange, toTextEdits } from './convert';
import type { DockerfileLinter } from './dockerfileLinter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mlops-deploy');

export const CREATE_FILES_COMMAND = 'mlopsDeploy.createFilesForFix';

export interface CreateFilesArgs {
  /** The linted document's URI; file paths are relative to its folder. */
  base: string;
  files: Array<{ relativePath: string; content: string }>;
}

/**
 * Creates the files a fix asks for, each only if no file is there: on the local disk with an exclusive create, so a
 * file that appeared since the fix was offered is left as it is and the user is told. Created files are opened.
 */
export async function createFilesForFix(args: CreateFilesArgs): Promise<vscode.Uri[]> {
  const created: vscode.Uri[] = [];
  for (const file of args.files) {
    const target = vscode.Uri.joinPath(vscode.Uri.parse(args.base), '..', file.relativePath);
    if (target.scheme === 'file') {
      try {
        writeFileSync(target.fsPath, file.content, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${file.relativePath} already exists; it was left as it is.`);
        throw error;
      }
    } else {
      const exists = await vscode.workspace.fs.stat(target).then(
        () => true,
        () => false,
      );
      if (exists) throw new Error(`${file.relativePath} already exists; it was left as it is.`);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(file.content));
    }
    created.push(target);
  }
  for (const uri of created) await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: true });
  return created;
}

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
    // VS Code asks for code actions whenever the cursor moves; parse for the ignore edits only when one of our
    // findings is under it.
    let model: DockerfileModel | undefined;
    for (const diagnostic of context.diagnostics) {
      const code = diagnosticCode(diagnostic);
      if (!code || diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find((f) => f.code === code && toRange(f.range).isEqual(diagnostic.range));
      if (!finding) continue;
      if (finding.fix) actions.push(this.action(document, finding.fix, diagnostic, true));
      for (const suggestion of finding.suggestions ?? []) actions.push(this.action(document, suggestion, diagnostic, false));
      model ??= parseDockerfile(document.getText());
      actions.push(this.ignoreAction(document, model, finding, diagnostic, 'line'));
      actions.push(this.ignoreAction(document, model, finding, diagnostic, 'file'));
    }
    return actions;
  }

  private action(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    if (fix.edits.length > 0) action.edit = toWorkspaceEdit(document, [fix]);
    if (fix.files && fix.files.length > 0) {
      const files: CreateFilesArgs = { base: document.uri.toString(), files: fix.files };
      action.command = { command: CREATE_FILES_COMMAND, title: fix.title, arguments: [files] };
    }
    return action;
  }

  private ignoreAction(
    document: vscode.TextDocument,
    model: DockerfileModel,
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

  /** Fix-all changes the text only: creating files is left to the quick fix a person chooses. */
  private fixAll(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction | undefined {
    const fixes = findings.flatMap((f) => (f.fix && f.fix.edits.length > 0 ? [f.fix] : []));
    if (fixes.length === 0) return undefined;
    const action = new vscode.CodeAction('Fix all MLOps Deploy problems that have a safe fix', FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, fixes);
    return action;
  }
}

/**
 * One WorkspaceEdit for the text edits of a set of fixes, undone by one undo; overlapping edits are dropped after
 * the first, as the CLI decides.
 */
function toWorkspaceEdit(document: vscode.TextDocument, fixes: Fix[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const textEdits = nonOverlappingEdits(fixes.flatMap((f) => f.edits));
  if (textEdits.length > 0) edit.set(document.uri, toTextEdits(textEdits));
  return edit;
}
