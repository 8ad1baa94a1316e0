// `npm run test:e2e`: what a user does, in a browser, against the built extension installed in a real VS Code
// (code-server): open examples/Dockerfile from the Explorer, look at the Problems panel, apply a quick fix and save;
// then open examples/k8s/deployment.yaml and look at the Kubernetes findings; then write a new deployment with
// "MLOps: New Deployment…" from the palette.
// Screenshots go to test/e2e/artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import {
  assertExtensionBuilt,
  copyWorkspace,
  delay,
  examplesPath,
  exitOnSignals,
  launchBrowser,
  removeWorkspace,
  repoRoot,
  startCodeServer,
} from './vscode-host.mjs';

const artifactsDir = path.join(repoRoot, 'test', 'e2e', 'artifacts');
const stepTimeoutMs = 30_000;
const started = Date.now();
let stepNumber = 0;

function step(text) {
  stepNumber += 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[${seconds} s] ${stepNumber}. ${text}`);
}

// Quick fixes that only silence a finding, or that open a page instead of editing, show nothing about the fix.
const notAFix = /\b(ignore|disable|suppress|documentation|learn more)\b/i;

function vsixArgument() {
  const at = process.argv.indexOf('--vsix');
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  try {
    assertExtensionBuilt();
  } catch (error) {
    console.error(error.message);
    return 1;
  }
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const name of ['problems.png', 'after-fix.png', 'failure.png']) {
    fs.rmSync(path.join(artifactsDir, name), { force: true });
  }

  step(`Copying ${examplesPath} to a fresh workspace`);
  const workspace = copyWorkspace(examplesPath);
  const dockerfilePath = path.join(workspace, 'Dockerfile');
  const originalText = fs.readFileSync(dockerfilePath, 'utf8');
  let server;
  let browser;
  let page;
  try {
    // With --vsix, the packaged extension is installed as a user installs it: the test then also proves that the
    // package holds everything the extension needs (bundles, WebAssembly, rule pages).
    const vsix = vsixArgument();
    step(vsix ? `Starting code-server with ${path.basename(vsix)} installed` : 'Starting code-server with the extension installed');
    server = await startCodeServer({ workspace, installExtension: vsix ?? true });
    console.log(`         ${server.url}`);

    step('Opening the workspace in Chromium');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(stepTimeoutMs);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);

    step('Double-clicking Dockerfile in the Explorer');
    await page.getByRole('treeitem', { name: 'Dockerfile', exact: true }).dblclick();
    await page.locator('.tabs-container .tab.active', { hasText: 'Dockerfile' }).waitFor();

    step('Opening Problems (Ctrl+Shift+M) and waiting for MLO findings');
    await page.keyboard.press('Control+Shift+M');
    const findingRows = page.locator('.markers-panel .monaco-list-row').filter({ hasText: /MLO1\d\d/ });
    await findingRows.first().waitFor();
    const findings = await readFindings(findingRows);
    for (const finding of findings) {
      console.log(`         ${finding.code} ${finding.severity} at ${finding.location}`);
    }
    const countBefore = await problemCount(page);
    console.log(`         the Problems panel counts ${countBefore} problem(s) in Dockerfile`);
    await page.screenshot({ path: path.join(artifactsDir, 'problems.png') });

    step('Opening a finding from Problems and asking for quick fixes (Ctrl+.)');
    const applied = await chooseQuickFix(page, findingRows, findings);
    console.log(`         ${applied.code} at ${applied.location}: applying "${applied.title}"`);
    await applied.action.click();

    step('Saving (Ctrl+S) and checking the text the fix wrote');
    await page.keyboard.press('Control+S');
    const fixedText = await waitFor(() => {
      const text = fs.readFileSync(dockerfilePath, 'utf8');
      return text !== originalText ? text : undefined;
    }, 'the saved Dockerfile to differ from the original');
    reportChangedLines(originalText, fixedText);
    checkReplacement(applied.title, originalText, fixedText);

    step('Checking that the Problems panel follows the fix');
    const countAfter = await waitFor(async () => {
      const count = await problemCount(page);
      return count !== countBefore ? count : undefined;
    }, `the problem count to change from ${countBefore}`);
    const sameCodeAfter = (await readFindings(findingRows)).filter((finding) => finding.code === applied.code).length;
    const sameCodeBefore = findings.filter((finding) => finding.code === applied.code).length;
    if (sameCodeAfter >= sameCodeBefore) {
      throw new Error(`${applied.code} is still listed ${sameCodeAfter} time(s) after its fix`);
    }
    console.log(`         problems in Dockerfile: ${countBefore} -> ${countAfter}; ${applied.code}: ${sameCodeBefore} -> ${sameCodeAfter}`);
    await page.screenshot({ path: path.join(artifactsDir, 'after-fix.png') });

    step('Double-clicking k8s/deployment.yaml in the Explorer');
    await page.getByRole('treeitem', { name: 'k8s', exact: true }).click();
    await page.getByRole('treeitem', { name: 'deployment.yaml', exact: true }).dblclick();
    await page.locator('.tabs-container .tab.active', { hasText: 'deployment.yaml' }).waitFor();

    step('Waiting for the Kubernetes findings, those of one object and those across the workspace');
    const manifestRows = page.locator('.markers-panel .monaco-list-row').filter({ hasText: /MLO[23]\d\d/ });
    await manifestRows.filter({ hasText: /MLO303/ }).first().waitFor();
    const manifestFindings = await readFindings(manifestRows);
    for (const finding of manifestFindings) {
      console.log(`         ${finding.code} ${finding.severity} at ${finding.location}`);
    }
    for (const code of ['MLO201', 'MLO203', 'MLO206', 'MLO207', 'MLO303']) {
      if (!manifestFindings.some((finding) => finding.code === code)) throw new Error(`the Problems panel does not list ${code} for the example's manifests`);
    }
    await page.screenshot({ path: path.join(artifactsDir, 'problems-kubernetes.png') });

    step('Running "MLOps: New Deployment…" from the palette (Ctrl+Shift+P) and answering its questions');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('MLOps: New Deployment');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Deployment' }).first().waitFor();
    await page.keyboard.press('Enter');
    await answer(page, 1, 'FastAPI', { screenshot: path.join(artifactsDir, 'new-deployment-palette.png') });
    await answer(page, 2, 'iris');
    await answer(page, 3, 'scikit-learn');
    await answer(page, 4, undefined);
    await answer(page, 5, undefined);
    await answer(page, 6, 'CPU only');
    await answer(page, 7, undefined);
    await answer(page, 8, 'services/iris');
    // examples/ has no trained model: the wizard asks before writing a deployment for a model that is not there yet.
    await page.getByRole('button', { name: 'Write it' }).click();
    const scaffolded = path.join(workspace, 'services', 'iris');
    await waitFor(() => fs.existsSync(path.join(scaffolded, 'k8s', 'deployment.yaml')) || undefined, 'the new deployment\'s files on disk');
    for (const file of ['Dockerfile', 'app/main.py', 'mlops.yaml', '.github/workflows/deploy.yml']) {
      if (!fs.existsSync(path.join(scaffolded, file))) throw new Error(`New Deployment did not write services/iris/${file}`);
    }
    await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor();
    console.log(`         wrote ${fs.readdirSync(scaffolded, { recursive: true }).length} files and folders under services/iris`);
    await page.screenshot({ path: path.join(artifactsDir, 'new-deployment.png') });

    console.log(`\nPASS: end-to-end test (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in ${path.relative(repoRoot, artifactsDir)}/`);
    return 0;
  } catch (error) {
    console.error(`\nFAIL at step ${stepNumber}: ${error.message}`);
    if (page) {
      // A page that has crashed takes no screenshot; the failure above is what matters then.
      await page.screenshot({ path: path.join(artifactsDir, 'failure.png') }).catch(() => {});
      console.error(`         screenshot: ${path.relative(repoRoot, path.join(artifactsDir, 'failure.png'))}`);
    }
    return 1;
  } finally {
    await browser?.close();
    await server?.stop();
    removeWorkspace(workspace);
  }
}

/**
 * Answers step `n` of a multi-step quick input: waits for its title to show `(n/…)`, types `text` (into a pick
 * list it filters; into an input box it replaces the pre-selected default), or keeps the default, then Enter.
 */
async function answer(page, n, text, { screenshot } = {}) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: `(${n}/` }).waitFor();
  if (text !== undefined) await page.keyboard.type(text);
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.keyboard.press('Enter');
}

/** The findings the Problems panel lists, in its order, read from each row's accessible label and text. */
async function readFindings(rows) {
  return rows.evaluateAll((elements) =>
    elements.map((element) => ({
      code: /MLO\d+/.exec(element.innerText)[0],
      severity: /^(Error|Warning|Info)/.exec(element.getAttribute('aria-label') ?? '')?.[1] ?? 'unknown',
      location: /\[Ln \d+, Col \d+\]/.exec(element.innerText)?.[0] ?? 'an unknown position',
    })),
  );
}

/** The number of problems the Problems panel shows for the root Dockerfile; 0 when it lists none. */
async function problemCount(page) {
  const fileRow = page.locator('.markers-panel .monaco-list-row[aria-label*="in file Dockerfile of folder"]');
  if ((await fileRow.count()) === 0) {
    return 0;
  }
  const label = await fileRow.first().getAttribute('aria-label');
  return Number(/^(\d+) problems? in file/.exec(label)[1]);
}

/**
 * Goes through the findings, errors first, opening each one from the Problems panel (a double-click puts the
 * cursor on it) and listing its quick fixes, until one offers a fix that edits the text. Resolves with that
 * action's row in the quick-fix menu, still open.
 */
async function chooseQuickFix(page, rows, findings) {
  const severityOrder = ['Error', 'Warning', 'Info'];
  const order = findings
    .map((finding, index) => ({ ...finding, index }))
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || a.index - b.index);
  for (const finding of order) {
    // The message, not the row: the row also holds the "Show fixes" button and the rule id's link to its page.
    await rows.nth(finding.index).locator('.marker-message').dblclick();
    const line = /Ln (\d+)/.exec(finding.location)?.[1];
    await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` }).waitFor();
    const actions = await openQuickFixMenu(page);
    if (!actions) {
      console.log(`         ${finding.code}: no quick fixes`);
      continue;
    }
    const titles = await actions.allInnerTexts();
    console.log(`         ${finding.code}: ${titles.map((title) => `"${title}"`).join(', ')}`);
    const index = titles.findIndex((title) => !notAFix.test(title));
    if (index >= 0) {
      return { ...finding, title: titles[index], action: actions.nth(index) };
    }
    await page.keyboard.press('Escape');
  }
  throw new Error('no finding offers a quick fix that edits the text (other than ignoring it)');
}

/**
 * Presses Ctrl+. in the editor and resolves with the rows of the quick-fix menu, or with nothing if no menu shows.
 * Right after a finding is opened from Problems, the first Ctrl+. sometimes opens nothing although the editor has the
 * focus and the cursor is on the finding, so the key is pressed again while no menu shows.
 */
async function openQuickFixMenu(page) {
  const actions = page.locator('.action-widget .monaco-list-row.action');
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await page.waitForFunction(() => document.activeElement?.closest('.editor-instance .monaco-editor') != null);
    await page.keyboard.press('Control+.');
    try {
      await actions.first().waitFor({ timeout: 5000 });
      return actions;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  return undefined;
}

function reportChangedLines(before, after) {
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  for (let line = 0; line < Math.max(oldLines.length, newLines.length); line += 1) {
    if (oldLines[line] !== newLines[line]) {
      console.log(`         line ${line + 1}: ${JSON.stringify(oldLines[line] ?? '')} -> ${JSON.stringify(newLines[line] ?? '')}`);
    }
  }
}

// A fix titled "Replace X with Y" must have done exactly that; other titles are only checked for changing the text.
function checkReplacement(title, before, after) {
  const replacement = /^replace (.+) with (.+)$/i.exec(title);
  if (!replacement) {
    return;
  }
  const [, from, to] = replacement.map((part) => part.replace(/^[`'"]|[`'"]$/g, ''));
  const count = (text, part) => text.split(part).length - 1;
  if (count(after, from) !== count(before, from) - 1 || count(after, to) !== count(before, to) + 1) {
    throw new Error(`"${title}" did not replace one ${from} with ${to}`);
  }
}

/** Polls `probe` every 250 ms until it returns a value, or fails after the step timeout naming what it waited for. */
async function waitFor(probe, what) {
  const deadline = Date.now() + stepTimeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    await delay(250);
  }
  throw new Error(`timed out after ${stepTimeoutMs / 1000} s waiting for ${what}`);
}

exitOnSignals();
process.exitCode = await main();
