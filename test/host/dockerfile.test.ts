import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
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

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

async function diagnostic(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  const all = await waitForDiagnostics(uri, has(code));
  return all.find((d) => diagnosticCode(d) === code)!;
}

suite('Dockerfile diagnostics in a real VS Code', () => {
  test('opening a Dockerfile shows exactly the expected findings, with links to their pages', async () => {
    const editor = await openFixture('Dockerfile');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => rows(d).length >= 4);
    assert.deepEqual(rows(diagnostics), [
      ['MLO102', 'warning', 1, 6, 1, 22],
      ['MLO110', 'warning', 3, 6, 3, 7],
      ['MLO103', 'warning', 4, 7, 4, 14],
      ['MLO108', 'error', 4, 39, 4, 48],
    ]);
    const host = diagnostics.find((d) => diagnosticCode(d) === 'MLO108')!;
    assert.match(host.message, /uvicorn binds 127\.0\.0\.1/);
    const target = (host.code as { target: vscode.Uri }).target;
    assert.ok(target.path.endsWith('/docs/rules/MLO108.md'));
    assert.ok(existsSync(target.fsPath), `${target.fsPath} ships with the extension`);
  });

  test('every name a Dockerfile goes by is linted', async () => {
    for (const name of ['names/Dockerfile.gpu', 'names/serve.Dockerfile', 'names/Containerfile']) {
      const editor = await openFixture(name);
      assert.equal(editor.document.languageId, 'dockerfile', name);
      await waitForDiagnostics(editor.document.uri, has('MLO108'));
    }
  });

  test('the hover on a finding shows its rule page', async () => {
    const editor = await openFixture('Dockerfile');
    const host = await diagnostic(editor.document.uri, 'MLO108');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, host.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /^# MLO108/m);
    assert.match(text, /## Why/);
    assert.match(text, /Open the MLO108 page/);
  });

  test('the quick fix replaces 127.0.0.1 and the finding goes away', async () => {
    const editor = await openFixture('fix/Dockerfile');
    const uri = editor.document.uri;
    const host = await diagnostic(uri, 'MLO108');
    const actions = await codeActions(uri, host.range);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Replace 127.0.0.1 with 0.0.0.0', true],
        ['Ignore MLO108 on this line', false],
        ['Ignore MLO108 in this file', false],
      ],
    );
    const fix = actions.find((a) => a.title === 'Replace 127.0.0.1 with 0.0.0.0')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(editor.document.lineAt(3).text, 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]');
    const after = await waitForDiagnostics(uri, lacks('MLO108'));
    assert.deepEqual(codesOf(after), ['MLO102', 'MLO103']);
  });

  test('fix-all applies every safe fix in one edit', async () => {
    const editor = await openFixture('fix/Dockerfile');
    const uri = editor.document.uri;
    await editor.edit((b) => b.insert(new vscode.Position(3, 0), 'USER app\nCOPY src/ /app/src/\n'));
    await waitForDiagnostics(uri, has('MLO106'));
    const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.mlops-deploy');
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.equal(editor.document.lineAt(4).text, 'COPY --chown=app src/ /app/src/');
    await waitForDiagnostics(uri, lacks('MLO106'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('"ignore on this line" writes the comment and the linter honours it', async () => {
    const editor = await openFixture('ignore/Dockerfile');
    const uri = editor.document.uri;
    const host = await diagnostic(uri, 'MLO108');
    const ignore = (await codeActions(uri, host.range)).find((a) => a.title === 'Ignore MLO108 on this line')!;
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.equal(editor.document.lineAt(3).text, '# mlops-deploy ignore=MLO108');
    await waitForDiagnostics(uri, lacks('MLO108'));
  });

  test('typing is linted after a short pause, and the result follows the text', async () => {
    const editor = await openFixture('typing.Dockerfile');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => codesOf(d).join() === 'MLO102');
    const line = 'CMD ["uvicorn", "app:app", "--host", "localhost"]';
    const started = Date.now();
    // Type character by character, as a person does; only the text after the last keystroke is linted.
    for (const ch of line) {
      await editor.edit((b) => b.insert(editor.document.positionAt(editor.document.getText().length), ch), { undoStopBefore: false, undoStopAfter: false });
    }
    const after = await waitForDiagnostics(uri, has('MLO108'));
    const host = after.find((d) => diagnosticCode(d) === 'MLO108')!;
    assert.deepEqual([host.range.start.line, host.range.start.character, host.range.end.character], [1, 38, 47]);
    console.log(`typed ${line.length} characters and saw the finding ${Date.now() - started} ms after the first keystroke`);
  });

  test('settings change severities and turn rules off, live', async () => {
    const editor = await openFixture('settings/Dockerfile');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('MLO102'));
    const config = vscode.workspace.getConfiguration('mlopsDeploy.lint');
    try {
      await config.update('rules', { MLO102: 'off', MLO108: 'info' }, vscode.ConfigurationTarget.Workspace);
      const changed = await waitForDiagnostics(uri, lacks('MLO102'));
      assert.deepEqual(rows(changed).find((r) => r[0] === 'MLO108')?.[1], 'info');
      await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (d) => rows(d).length === 0);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, has('MLO102'));
  });

  test('a .mlops-deploy.yaml applies, and its mistakes are shown on it', async () => {
    const editor = await openFixture('configured/Dockerfile');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, has('MLO108'));
    assert.deepEqual(
      rows(diagnostics).map((r) => `${r[0]}:${r[1]}`),
      ['MLO110:warning', 'MLO103:warning', 'MLO108:info'],
    );
    const configUri = vscode.Uri.joinPath(uri, '..', '.mlops-deploy.yaml');
    const problems = await waitForDiagnostics(configUri, (d) => d.length > 0);
    assert.deepEqual(
      problems.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.message]),
      [[3, 11, 'The severity of MLO103 must be one of error, warning, info, style, off.']],
    );
  });

  test('"create a .dockerignore" creates the file and the finding goes away', async () => {
    const editor = await openFixture('dockerignore/Dockerfile');
    const uri = editor.document.uri;
    const finding = await diagnostic(uri, 'MLO110');
    const create = (await codeActions(uri, finding.range)).find((a) => a.title === 'Create a .dockerignore')!;
    assert.equal(create.edit, undefined);
    await vscode.commands.executeCommand(create.command!.command, ...(create.command!.arguments ?? []));
    const created = vscode.Uri.joinPath(uri, '..', '.dockerignore');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.match(text, /^\.env$/m);
    await waitForDiagnostics(uri, lacks('MLO110'));
  });

  test('the fix never overwrites a .dockerignore that appeared meanwhile', async () => {
    const editor = await openFixture('Dockerfile');
    const uri = editor.document.uri;
    const finding = await diagnostic(uri, 'MLO110');
    const create = (await codeActions(uri, finding.range)).find((a) => a.title === 'Create a .dockerignore')!;
    const target = path.join(path.dirname(uri.fsPath), '.dockerignore');
    writeFileSync(target, 'mine\n');
    // The command wrapper turns the refusal into an error message; the file keeps its content.
    await vscode.commands.executeCommand(create.command!.command, ...(create.command!.arguments ?? []));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(target))), 'mine\n');
    await waitForDiagnostics(uri, lacks('MLO110'));
  });

  test('activation reports its time, recorded for the benchmark report', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number }>('mlops-deploy.mlops-deploy')!;
    const api = await extension.activate();
    console.log(`activation took ${api.activationMs.toFixed(1)} ms`);
    // bench-results/ (git-ignored) survives the rebuild of out/ that `npm run bench` starts with.
    const results = path.join(__dirname, '..', '..', '..', 'bench-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, 'host-activation.json'), JSON.stringify({ activationMs: api.activationMs }));
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activationMs ${api.activationMs}`);
  });
});
