// `npm run test:host`: runs the mocha suites of out/test/host inside a real VS Code extension host (code-server,
// driven by headless Chromium) and exits with their result. It runs twice: once in a trusted workspace, and once
// in an untrusted one, where the extension is in restricted mode. It expects `npm run build` and
// `npm run compile-tests` to have run.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  assertExtensionBuilt,
  copyWorkspace,
  exitOnSignals,
  extensionPath,
  launchBrowser,
  removeWorkspace,
  repoRoot,
  startCodeServer,
} from './vscode-host.mjs';

const runTimeoutMs = 180_000;
const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'host-workspace');

// The restricted-mode run installs the extension the way a user has it. An extension under development (the
// `extensionDevelopmentPath`) is exempt from workspace trust and would activate in restricted mode even without
// declaring `capabilities.untrustedWorkspaces`, so that run points the development path at the tests' own folder,
// which holds no extension.
const suites = [
  { title: 'host tests (trusted workspace)', testsPath: 'out/test/host/index', trust: true, installed: false },
  {
    title: 'host tests (untrusted workspace, restricted mode)',
    testsPath: 'out/test/host/untrusted/index',
    trust: false,
    installed: true,
  },
];

async function main() {
  try {
    assertExtensionBuilt();
    for (const suite of suites) {
      if (!fs.existsSync(path.join(repoRoot, `${suite.testsPath}.js`))) {
        throw new Error(`${suite.testsPath}.js is missing: run \`npm run compile-tests\` first`);
      }
    }
  } catch (error) {
    console.error(error.message);
    return 1;
  }
  let failures = 0;
  for (const suite of suites) {
    const started = Date.now();
    console.log(`\n=== ${suite.title} ===`);
    const code = await runSuite(suite);
    console.log(`=== ${suite.title}: exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
    if (code !== 0) {
      failures += 1;
    }
  }
  return failures === 0 ? 0 : 1;
}

async function runSuite(suite) {
  const run = { workspace: copyWorkspace(fixtureWorkspace) };
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), runTimeoutMs);
  });
  try {
    const result = await Promise.race([runInHost(suite, run), timedOut]);
    if (result === 'timeout') {
      console.error(`The host tests did not finish within ${runTimeoutMs / 1000} s.`);
      if (run.server) {
        console.error(`Last lines of code-server's log:\n${run.server.readLog().trim().split('\n').slice(-30).join('\n')}`);
      }
      return 1;
    }
    return result;
  } catch (error) {
    console.error(`The host tests could not run: ${error.message}`);
    return 1;
  } finally {
    clearTimeout(timer);
    await run.browser?.close();
    await run.server?.stop();
    removeWorkspace(run.workspace);
  }
}

/** Opens the workspace in a test-driven workbench that runs `testsPath`, and resolves with the tests' exit code. */
async function runInHost({ testsPath, trust, installed }, run) {
  const testsModule = path.join(repoRoot, testsPath);
  run.server = await startCodeServer({
    workspace: run.workspace,
    smokeTestDriver: true,
    trust,
    installExtension: installed,
  });
  run.browser = await launchBrowser();
  const page = await run.browser.newPage();
  let printing = Promise.resolve();
  page.on('console', (message) => {
    const values = Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '')));
    printing = printing.then(async () => console.log(formatConsoleLine(await values, message.text())));
  });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));

  // With the smoke-test driver on, the workbench reports the result of the extension tests by calling
  // window.codeAutomationExit(code) instead of closing a window.
  let reportExit;
  const exitCode = new Promise((resolve) => {
    reportExit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));

  const remote = (file) => `vscode-remote://127.0.0.1:${run.server.port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(installed ? path.dirname(testsModule) : extensionPath)],
    ['extensionTestsPath', remote(testsModule)],
  ];
  const query = `folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(`${run.server.url}/?${query}`);
  const code = await exitCode;
  await printing;
  return code;
}

// The workbench logs, and in extension-test mode also passes on the extension host's console, as
// console.log('%c INFO', 'color: …', format, ...values). Dropping the styling and applying the format leaves the
// lines as mocha printed them.
function formatConsoleLine(values, text) {
  if (values.length === 0) {
    return text;
  }
  const [first, style, ...rest] = values;
  const level = typeof first === 'string' && /^%c\s*([A-Z]+)$/.exec(first)?.[1];
  if (!level || typeof style !== 'string') {
    return format(...values);
  }
  return level === 'INFO' ? format(...rest) : `[${level.toLowerCase()}] ${format(...rest)}`;
}

exitOnSignals();
process.exitCode = await main();
