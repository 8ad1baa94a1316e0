import * as vscode from 'vscode';
import { writeFileSync } from 'node:fs';
import { nonOverlappingEdits, type Finding, type Fix, type TextEdit } from '../core/findings';
import { parseDockerfile, type DockerfileModel } from '../core/dockerfile/model';
import { ignoreEdit } from '../core/dockerfile/suppress';
import { manifestIgnoreEdit } from '../core/kubernetes/ignore';
import { ruleIds } from '../core/rules/registry';
import { DIAGNOSTIC_SOURCE, diagnosticCode, toRange, toTextEdits } from './convert';
import { documentKindOf } from './documentLinter';

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

/** Where the code actions find the findings behind a document's diagnostics. */
export interface FindingSource {
  findingsFor(document: vscode.TextDocument): Finding[];
}

/**
 * Quick fixes for each finding under the cursor: its safe fix (preferred), its suggestions, and ignoring the rule
 * here or more widely (in a Dockerfile: this instruction or the whole file; in a manifest or a Triton config: this
 * field or the whole object). `source.fixAll.mlops-deploy` applies every safe fix in one edit.
 */
export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly sources: readonly FindingSource[]) {}

  private findingsFor(document: vscode.TextDocument): Finding[] {
    for (const source of this.sources) {
      const findings = source.findingsFor(document);
      if (findings.length > 0) return findings;
    }
    return [];
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.findingsFor(document);
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
      // Notes that are not rules (a Helm template skipped, YAML that does not parse) have nothing to ignore.
      if (!ruleIds.has(finding.code)) continue;
      const kind = documentKindOf(document);
      if (kind === 'dockerfile') {
        model ??= parseDockerfile(document.getText());
        const dockerfile = model;
        for (const scope of ['line', 'file'] as const) {
          const title = scope === 'line' ? `Ignore ${finding.code} on this line` : `Ignore ${finding.code} in this file`;
          actions.push(this.ignoreAction(document, title, diagnostic, () => ignoreEdit(dockerfile, finding, scope)));
        }
      } else if (kind !== 'mlops') {
        // Manifests and Triton configs read the same comment on the line before a field.
        const scopes = kind === 'triton' ? (['field'] as const) : (['field', 'object'] as const);
        for (const scope of scopes) {
          const title = scope === 'field' ? `Ignore ${finding.code} here` : `Ignore ${finding.code} for this object`;
          actions.push(this.ignoreAction(document, title, diagnostic, () => manifestIgnoreEdit(document.getText(), finding, scope)));
        }
      }
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

  private ignoreAction(document: vscode.TextDocument, title: string, diagnostic: vscode.Diagnostic, edit: () => TextEdit): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(document.uri, toTextEdits([edit()]));
    action.edit = workspaceEdit;
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
