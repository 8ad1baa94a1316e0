import * as vscode from 'vscode';
import { isAbsolute, join } from 'node:path';
import {
  DEFAULT_MODEL_FILES,
  DEFAULT_PORTS,
  decideWrites,
  FRAMEWORK_LABELS,
  FRAMEWORKS,
  loadTemplates,
  packageTemplatesFolder,
  planScaffold,
  scaffoldContext,
  TARGET_LABELS,
  TARGETS,
  validateContext,
  validateImageRepository,
  validateModelPath,
  validateName,
  validatePort,
  validateSubfolder,
  type Framework,
  type PlannedFile,
  type ScaffoldAnswers,
  type Target,
  type WriteDecision,
  type WritePolicy,
} from '../core/scaffold';

/**
 * What `MLOps: New Deployment…` may be given instead of asking (tests and other extensions): the answers, the
 * folder to write into, and what to do with files that differ from what would be written.
 */
export interface NewDeploymentArgs {
  answers?: ScaffoldAnswers;
  folder?: string;
  policy?: WritePolicy;
}

export interface NewDeploymentResult {
  folder: string;
  written: string[];
  skipped: string[];
  identical: string[];
}

/**
 * The "New Deployment" wizard: asking steps first (each answer validated as it is typed, by the same validators as
 * the CLI), then one plan from the typed context, then the writes, all in one WorkspaceEdit so that one undo takes
 * the whole scaffold back. A file that exists with other content is never overwritten unless the person says so
 * for that file, after seeing the difference if they wish; an identical file is left alone without asking.
 */
export async function newDeployment(args: NewDeploymentArgs = {}): Promise<NewDeploymentResult | undefined> {
  let folder = args.folder;
  let answers = args.answers;
  if (!folder || !answers) {
    const root = folder ?? (await chooseFolder());
    if (!root) return undefined;
    const asked = answers ? { answers, folder: root } : await ask(root);
    if (!asked) return undefined;
    ({ answers, folder } = asked);
  }
  const context = scaffoldContext(answers);
  const problems = Object.entries(validateContext(context));
  if (problems.length > 0) throw new Error(`The answers are not valid: ${problems.map(([key, message]) => `${key}: ${message}`).join(' ')}`);
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder))?.uri.fsPath ?? folder;
  const plan = planScaffold(context, loadTemplates([packageTemplatesFolder(__dirname), ...userTemplateFolders(root)]));
  const base = vscode.Uri.file(folder);
  const existing = new Map<string, string | undefined>();
  for (const file of plan) existing.set(file.path, await readIfExists(vscode.Uri.joinPath(base, ...file.path.split('/'))));
  const decisions = decideWrites(plan, existing, args.policy ?? 'ask');
  const resolved = await resolveConflicts(decisions, base);
  if (!resolved) return undefined;
  const toWrite = resolved.filter((d) => d.action === 'create' || d.action === 'overwrite');
  const edit = new vscode.WorkspaceEdit();
  for (const file of toWrite) {
    // Only a file the person chose to overwrite is replaced: one that appeared meanwhile makes the edit fail instead.
    edit.createFile(vscode.Uri.joinPath(base, ...file.path.split('/')), { overwrite: file.action === 'overwrite', contents: new TextEncoder().encode(file.content) });
  }
  if (toWrite.length > 0 && !(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code did not apply the new files (did one of them appear meanwhile?); nothing was written.');
  const result: NewDeploymentResult = {
    folder,
    written: toWrite.map((d) => d.path),
    skipped: resolved.filter((d) => d.action === 'skip').map((d) => d.path),
    identical: resolved.filter((d) => d.action === 'identical').map((d) => d.path),
  };
  if (!args.answers) {
    const readme = plan.find((file) => file.path === 'README.md') ?? plan[0];
    if (readme) await vscode.window.showTextDocument(vscode.Uri.joinPath(base, ...readme.path.split('/')), { preview: false });
    void vscode.window.showInformationMessage(
      `MLOps Deploy wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'} for ${context.name}` +
        (result.skipped.length > 0 ? `, kept ${result.skipped.length} of yours` : '') +
        (result.identical.length > 0 ? `, ${result.identical.length} already up to date` : '') +
        '. Undo (Ctrl+Z in the Explorer) takes them back.',
    );
  }
  return result;
}

async function chooseFolder(): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri.fsPath;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to write the deployment into' });
    return picked?.uri.fsPath;
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Write the deployment here' });
  return chosen?.[0]?.fsPath;
}

/** The settings' folders of the user's own templates, relative to the workspace folder when not absolute. */
function userTemplateFolders(folder: string): string[] {
  const setting = vscode.workspace.getConfiguration('mlopsDeploy.scaffold', vscode.Uri.file(folder)).get<string>('templatesFolder', '');
  if (!setting) return [];
  return [isAbsolute(setting) ? setting : join(folder, setting)];
}

const STEPS = 8;

/** The questions, one typed answer each, and the folder to write into; undefined when the person cancels. */
async function ask(root: string): Promise<{ answers: ScaffoldAnswers; folder: string } | undefined> {
  const target = await pick<Target>(
    TARGETS.map((id) => ({ id, label: TARGET_LABELS[id] })),
    'What should serve the model?',
    1,
  );
  if (!target) return undefined;
  const name = await input('Deployment name (a DNS-1123 label: Kubernetes objects, the image and the model are named after it)', '', validateName, 2);
  if (name === undefined) return undefined;
  const framework = await pick<Framework>(
    FRAMEWORKS.map((id) => ({ id, label: FRAMEWORK_LABELS[id] })),
    'Which framework is the model from?',
    3,
  );
  if (!framework) return undefined;
  const modelPath = await input(
    'Model file (relative to the folder; it may be added later)',
    DEFAULT_MODEL_FILES[framework],
    (value) => validateModelPath(value, framework),
    4,
  );
  if (modelPath === undefined) return undefined;
  const port = await input('Port the server listens on inside the container', String(DEFAULT_PORTS[target]), validatePort, 5);
  if (port === undefined) return undefined;
  const gpu = await pick<'gpu' | 'cpu'>(
    [
      { id: 'cpu', label: 'CPU only' },
      { id: 'gpu', label: 'GPU (nvidia.com/gpu)' },
    ],
    'Does the model need a GPU?',
    6,
  );
  if (!gpu) return undefined;
  const imageRepository = await input('Image repository (without a tag)', `registry.example.com/ml/${name}`, validateImageRepository, 7);
  if (imageRepository === undefined) return undefined;
  const subfolder = await input('Folder to write into, relative to the workspace folder', '.', validateSubfolder, 8);
  if (subfolder === undefined) return undefined;
  const folder = join(root, subfolder);
  const answers: ScaffoldAnswers = { target, name, framework, modelPath, port: Number(port), gpu: gpu === 'gpu', imageRepository };
  const missing = await modelFileMissing(folder, modelPath);
  if (missing) {
    const go = await vscode.window.showWarningMessage(`There is no model file at ${modelPath} yet. Write the deployment anyway?`, { modal: true }, 'Write it');
    if (go !== 'Write it') return undefined;
  }
  return { answers, folder };
}

async function modelFileMissing(folder: string, modelPath: string): Promise<boolean> {
  const uri = isAbsolute(modelPath) ? vscode.Uri.file(modelPath) : vscode.Uri.joinPath(vscode.Uri.file(folder), ...modelPath.split('/'));
  return (await readIfExists(uri)) === undefined;
}

async function pick<T extends string>(items: Array<{ id: T; label: string }>, placeHolder: string, step: number): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({ label: item.label, id: item.id })),
    { placeHolder, title: `MLOps: New Deployment (${step}/${STEPS})`, ignoreFocusOut: true },
  );
  return picked?.id;
}

function input(prompt: string, value: string, validate: (value: string) => string | undefined, step: number): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    prompt,
    value,
    title: `MLOps: New Deployment (${step}/${STEPS})`,
    ignoreFocusOut: true,
    validateInput: (text) => validate(text.trim()),
  }).then((text) => text?.trim());
}

/** Asks, for every file that exists with other content, whether to overwrite it; "show the difference" asks again after. */
async function resolveConflicts(decisions: WriteDecision[], base: vscode.Uri): Promise<WriteDecision[] | undefined> {
  const resolved: WriteDecision[] = [];
  let forAll: 'overwrite' | 'skip' | undefined;
  for (const decision of decisions) {
    if (decision.action !== 'conflict') {
      resolved.push(decision);
      continue;
    }
    let choice = forAll;
    while (!choice) {
      const answer = await vscode.window.showWarningMessage(
        `${decision.path} already exists and differs from the new deployment's version.`,
        { modal: true },
        'Show Difference',
        'Overwrite',
        'Keep Mine',
        'Keep All of Mine',
      );
      if (answer === undefined) return undefined;
      if (answer === 'Show Difference') await showDifference(decision, base);
      else if (answer === 'Overwrite') choice = 'overwrite';
      else if (answer === 'Keep Mine') choice = 'skip';
      else forAll = choice = 'skip';
    }
    resolved.push({ ...decision, action: choice });
  }
  return resolved;
}

async function showDifference(file: PlannedFile, base: vscode.Uri): Promise<void> {
  const proposed = await vscode.workspace.openTextDocument({ content: file.content });
  await vscode.commands.executeCommand('vscode.diff', vscode.Uri.joinPath(base, ...file.path.split('/')), proposed.uri, `${file.path}: yours ↔ new`);
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
