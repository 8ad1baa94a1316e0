import * as vscode from 'vscode';
import { ruleById } from '../core/rules/registry';
import { diagnosticCode } from './convert';

/**
 * On a finding, shows its rule's documentation page (what, why, bad and good example) under the message VS Code
 * already shows, with a link that opens the page. Pages are read once and kept.
 */
export class RuleDocHover implements vscode.HoverProvider {
  private readonly pages = new Map<string, string>();

  constructor(private readonly docsRoot: vscode.Uri) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.contains(position) && diagnosticCode(d));
    if (diagnostics.length === 0) return undefined;
    const contents: vscode.MarkdownString[] = [];
    for (const code of new Set(diagnostics.map((d) => diagnosticCode(d)!))) {
      const rule = ruleById(code);
      if (!rule) continue;
      const uri = vscode.Uri.joinPath(this.docsRoot, `${code}.md`);
      const page = await this.page(code, uri);
      const markdown = new vscode.MarkdownString(undefined, true);
      markdown.appendMarkdown(page ?? `**${code}**: ${rule.title}\n`);
      markdown.appendMarkdown(`\n\n[Open the ${code} page](${uri.toString()})`);
      contents.push(markdown);
    }
    return contents.length > 0 ? new vscode.Hover(contents) : undefined;
  }

  private async page(code: string, uri: vscode.Uri): Promise<string | undefined> {
    if (!this.pages.has(code)) {
      try {
        this.pages.set(code, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      } catch {
        return undefined;
      }
    }
    return this.pages.get(code);
  }
}
