import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, openFixture, waitForDiagnostics } from './util';

type Row = [code: string | undefined, severity: string, startLine: number, startCol: number, endLine: number, endCol: number];

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** Diagnostics as comparable rows, 1-based like the editor shows them. */
function rows(diagnostics: readonly vscode.Diagnostic[]): Row[] {
  return diagnostics
    .filter((d) => d.source === 'mlops-deploy')
    .map((d): Row => [diagnosticCode(d), SEVERITY[d.severity], d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1])
    .sort((a, b) => a[2] - b[2] || a[3] - b[3] || String(a[0]).localeCompare(String(b[0])));
}

const codesOf = (diagnostics: readonly vscode.Diagnostic[]): string[] => rows(diagnostics).map((r) => r[0] ?? '');
const has = (code: string) => (d: vscode.Diagnostic[]) => codesOf(d).includes(code);
const lacks = (code: string) => (d: vscode.Diagnostic[]) => codesOf(d).length > 0 && !codesOf(d).includes(code);

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

function fixtureUri(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...relPath.split('/'));
}

suite('Kubernetes manifests in a real VS Code', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<{ manifestsIndexed: Promise<void> }>('mlops-deploy.mlops-deploy')!;
    await (await extension.activate()).manifestsIndexed;
  });

  test('a manifest shows exactly the expected findings, across the files of its folder', async () => {
    const editor = await openFixture('k8s/deployment.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => rows(d).length >= 6);
    assert.deepEqual(rows(diagnostics), EXPECTED_DEPLOYMENT_ROWS);
    const secret = diagnostics.find((d) => diagnosticCode(d) === 'MLO207')!;
    assert.match(secret.message, /MODEL_API_KEY/);
    assert.ok((secret.code as { target: vscode.Uri }).target.path.endsWith('/docs/rules/MLO207.md'));
  });

  test('"add resource limits" inserts a resources block and MLO201 goes away', async () => {
    const editor = await openFixture('k8s/deployment.yaml');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, has('MLO201'));
    const limits = diagnostics.find((d) => diagnosticCode(d) === 'MLO201')!;
    const actions = await codeActions(uri, limits.range);
    const insert = actions.find((a) => /limits/i.test(a.title) && a.edit !== undefined);
    assert.ok(insert, `a resources fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit!));
    assert.match(editor.document.getText(), /\n {10}resources:\n {12}(limits|requests):\n/);
    await waitForDiagnostics(uri, lacks('MLO201'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('deleting the PodDisruptionBudget brings MLO303; "create it in a new file" clears it again', async () => {
    const editor = await openFixture('k8s/deployment.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => rows(d).length > 0 && !codesOf(d).includes('MLO303'));
    const pdb = fixtureUri('k8s/pdb.yaml');
    const saved = await vscode.workspace.fs.readFile(pdb);
    let started = Date.now();
    await vscode.workspace.fs.delete(pdb);
    const missing = await waitForDiagnostics(uri, has('MLO303'));
    console.log(`MLO303 appeared ${Date.now() - started} ms after the PodDisruptionBudget's file was deleted`);
    started = Date.now();
    await vscode.workspace.fs.writeFile(pdb, saved);
    await waitForDiagnostics(uri, lacks('MLO303'));
    console.log(`MLO303 cleared ${Date.now() - started} ms after the file was restored`);

    await vscode.workspace.fs.delete(pdb);
    const finding = (await waitForDiagnostics(uri, has('MLO303'))).find((d) => diagnosticCode(d) === 'MLO303')!;
    assert.deepEqual(missing.find((d) => diagnosticCode(d) === 'MLO303')!.range, finding.range);
    const actions = await codeActions(uri, finding.range);
    const titles = actions.map((a) => a.title);
    const inNewFile = actions.find((a) => /PodDisruptionBudget/.test(a.title) && /new file/i.test(a.title));
    assert.ok(inNewFile, `a "new file" action among ${titles.join(' | ')}`);
    assert.ok(actions.some((a) => /PodDisruptionBudget/.test(a.title) && /this file/i.test(a.title)), `an "in this file" action among ${titles.join(' | ')}`);
    await vscode.commands.executeCommand(inNewFile.command!.command, ...(inNewFile.command!.arguments ?? []));
    const files = (inNewFile.command!.arguments![0] as { files: Array<{ relativePath: string }> }).files;
    const created = vscode.Uri.joinPath(uri, '..', files[0].relativePath);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.match(text, /kind: PodDisruptionBudget/);
    assert.match(text, /app: scorer/);
    await waitForDiagnostics(uri, lacks('MLO303'));
  });

  test('"ignore here" writes the comment above the field and the linter honours it', async () => {
    const editor = await openFixture('k8s/deployment.yaml');
    const uri = editor.document.uri;
    const finding = (await waitForDiagnostics(uri, has('MLO207'))).find((d) => diagnosticCode(d) === 'MLO207')!;
    const ignore = (await codeActions(uri, finding.range)).find((a) => a.title === 'Ignore MLO207 here')!;
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.equal(editor.document.lineAt(finding.range.start.line).text.trim(), '# mlops-deploy ignore=MLO207');
    await waitForDiagnostics(uri, lacks('MLO207'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a syntax error typed into a manifest is one finding, and reverting clears it', async () => {
    const editor = await openFixture('k8s/deployment.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('MLO201'));
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), '    broken: [\n'));
    const broken = await waitForDiagnostics(uri, has('yaml-syntax'));
    assert.equal(codesOf(broken).filter((c) => c === 'yaml-syntax').length, 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, lacks('yaml-syntax'));
  });
});

/** What k8s/deployment.yaml shows with its Service, HPA, NetworkPolicy and PDB beside it. */
const EXPECTED_DEPLOYMENT_ROWS: Row[] = [
  ['MLO314', 'info', 6, 3, 6, 7],
  ['MLO313', 'info', 15, 5, 15, 13],
  ['MLO201', 'warning', 24, 11, 24, 23],
  ['MLO202', 'warning', 24, 11, 24, 23],
  ['MLO207', 'error', 31, 22, 31, 36],
  ['MLO205', 'error', 41, 21, 41, 25],
];
