import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticCode, sleep, waitForDiagnostics } from './util';

interface Result {
  folder: string;
  written: string[];
  skipped: string[];
  identical: string[];
}

const ANSWERS = { target: 'fastapi', name: 'iris', framework: 'sklearn', port: 8000, gpu: false, imageRepository: 'registry.example.com/ml/iris' };

function workspaceFolder(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}

async function run(folder: string, policy: 'ask' | 'skip' | 'overwrite' = 'ask'): Promise<Result> {
  return (await vscode.commands.executeCommand<Result>('mlopsDeploy.newDeployment', { answers: ANSWERS, folder, policy }))!;
}

suite('MLOps: New Deployment in a real VS Code', () => {
  const folder = (): string => path.join(workspaceFolder(), 'scaffolded');

  test('writes the FastAPI deployment, and the Problems panel stays empty for every file it wrote', async () => {
    const result = await run(folder());
    for (const expected of ['Dockerfile', '.dockerignore', 'app/main.py', 'requirements.txt', 'mlops.yaml', 'k8s/deployment.yaml', '.github/workflows/deploy.yml']) {
      assert.ok(result.written.includes(expected), `${expected} among ${result.written.join(', ')}`);
    }
    // Open each linted file so that it is linted as the user sees it, then give the workspace index a moment.
    const linted = result.written.filter((file) => /(^|\/)Dockerfile$|\.ya?ml$|config\.pbtxt$/.test(file) && !file.startsWith('.github/'));
    for (const file of linted) await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder(), file)));
    const deployment = vscode.Uri.file(path.join(folder(), 'k8s', 'deployment.yaml'));
    // Proof that the manifests were linted: breaking the Deployment brings a finding, undoing it clears it.
    const editor = await vscode.window.showTextDocument(deployment);
    const text = editor.document.getText();
    const limits = text.indexOf('limits:');
    assert.ok(limits > 0, 'the Deployment sets limits');
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(limits), editor.document.positionAt(limits + 'limits'.length)), 'limitz'));
    await waitForDiagnostics(deployment, (d) => d.some((x) => diagnosticCode(x) === 'MLO201'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(deployment, (d) => d.length === 0);
    await sleep(1500);
    const left = linted.flatMap((file) =>
      vscode.languages.getDiagnostics(vscode.Uri.file(path.join(folder(), file))).map((d) => `${file}:${d.range.start.line + 1} ${diagnosticCode(d)} ${d.message}`),
    );
    assert.deepEqual(left, []);
  });

  test('a second run writes nothing and asks nothing: every file is identical', async () => {
    const result = await run(folder());
    assert.deepEqual(result.written, []);
    assert.ok(result.identical.length > 10, `${result.identical.length} identical`);
  });

  test('a file the user changed is kept when the policy says skip, and written back only on overwrite', async () => {
    const requirements = vscode.Uri.file(path.join(folder(), 'requirements.txt'));
    const mine = 'fastapi\n# mine\n';
    await vscode.workspace.fs.writeFile(requirements, new TextEncoder().encode(mine));
    const kept = await run(folder(), 'skip');
    assert.deepEqual(kept.skipped, ['requirements.txt']);
    assert.deepEqual(kept.written, []);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(requirements)), mine);
    const replaced = await run(folder(), 'overwrite');
    assert.deepEqual(replaced.written, ['requirements.txt']);
    assert.notEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(requirements)), mine);
  });
});
