// Runs a real VS Code host for the extension's host tests, its end-to-end test and `npm start`:
// code-server (VS Code's own workbench and extension host, served to a browser) and a headless Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The extension under test. Another folder can stand in for the repository, which lets the harness itself be
// checked against a minimal extension with the same id.
export const extensionPath = path.resolve(process.env.MLOPS_EXTENSION_PATH ?? repoRoot);

// The folder that `npm start` and the end-to-end test open, overridable for the same reason.
export const examplesPath = path.resolve(process.env.MLOPS_EXAMPLES_PATH ?? path.join(repoRoot, 'examples'));

export const cacheDir = process.env.MLOPS_DEPLOY_CACHE ?? path.join(os.homedir(), '.cache', 'mlops-deploy');
const launcherPath = path.join(cacheDir, 'code-server');
const chromiumPath = '/usr/bin/chromium';

// Settings every run starts from: nothing may open on its own, ask the network or pop up over the editor.
const baseSettings = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
};

// With workspace trust on, desktop VS Code asks in a modal dialog at startup whether to trust the folder. The
// browser workbench of this code-server version only shows a banner, but `never` keeps the restricted-mode runs
// from depending on that: the folder opens untrusted and nothing waits for an answer.
const untrustedSettings = {
  'security.workspace.trust.startupPrompt': 'never',
};

// What this process started and has not cleaned up yet: code-server process groups and temporary folders. When the
// process exits without stop() or removeWorkspace() having run (an error, Ctrl+C), they go on the way out, or the
// detached servers would outlive it.
const runningGroups = new Set();
const temporaryDirs = new Set();
process.on('exit', () => {
  for (const pid of runningGroups) {
    killGroup(pid, 'SIGKILL');
  }
  for (const dir of temporaryDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function makeTemporaryDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryDirs.add(dir);
  return dir;
}

function removeTemporaryDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  temporaryDirs.delete(dir);
}

/** Returns the code-server launcher, installing code-server and its Node 24 first if they are missing. */
export async function ensureCodeServer() {
  if (isExecutable(launcherPath)) {
    return launcherPath;
  }
  console.log('code-server is not installed yet; installing it (about 2 minutes, once per machine)');
  const { code, stdout } = await run('bash', [path.join(repoRoot, 'scripts', 'install-vscode-host.sh')], {
    env: { ...process.env, MLOPS_DEPLOY_CACHE: cacheDir },
  });
  const printed = stdout.trim().split('\n').pop();
  if (code !== 0 || !printed || !isExecutable(printed)) {
    throw new Error(`scripts/install-vscode-host.sh failed (exit code ${code}); see its output above`);
  }
  return printed;
}

/**
 * Starts code-server on `workspace` in a fresh folder of its own (user data, XDG folders, TMPDIR), in its own
 * process group so that stop() also ends the extension host and the other processes it spawns.
 *
 * trust: true opens every folder as trusted (workspace trust off); false keeps workspace trust on, so the
 * folder opens untrusted, in restricted mode.
 * smokeTestDriver: true lets a page run extension tests (the `extensionTestsPath` payload) and report their exit
 * code through `window.codeAutomationExit`; it also hides notification toasts, so user-level tests leave it off.
 * extensionsDir: defaults to an empty folder inside the run folder.
 * installExtension: true installs the extension under test into the extensions folder, as a user has it; a path to
 * a .vsix installs that package with code-server's own `--install-extension` instead.
 * port: defaults to a free port.
 * extensionGallery: false (the default) leaves the marketplace (Open VSX) unset, so that an offline run neither
 * waits for it nor logs its failures.
 *
 * Resolves once /healthz answers, with { url, port, exited (settles when code-server ends), readLog(), stop() }.
 */
export async function startCodeServer({
  workspace,
  smokeTestDriver = false,
  trust = true,
  extensionsDir,
  installExtension = false,
  port,
  extensionGallery = false,
}) {
  const launcher = await ensureCodeServer();
  const runDir = makeTemporaryDir('mlops-deploy-host-');
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: extensionsDir ?? path.join(runDir, 'extensions'),
    config: path.join(runDir, 'xdg-config'),
    data: path.join(runDir, 'xdg-data'),
    cache: path.join(runDir, 'xdg-cache'),
    tmp: path.join(runDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) {
    fs.mkdirSync(dir, { recursive: true });
  }
  if (typeof installExtension === 'string') {
    await installVsix(launcher, installExtension, dirs);
  } else if (installExtension) {
    linkExtension(dirs.extensions);
  }
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const settings = trust ? baseSettings : { ...baseSettings, ...untrustedSettings };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const chosenPort = port ?? (await findFreePort());
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...(trust ? ['--disable-workspace-trust'] : []),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  const logFile = path.join(runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(launcher, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      TMPDIR: dirs.tmp,
      ...(extensionGallery ? {} : { EXTENSIONS_GALLERY: '{}' }),
    },
  });
  runningGroups.add(child.pid);
  fs.closeSync(log);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });

  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child.pid, 'SIGTERM');
        const gracePeriod = new Promise((resolve) => setTimeout(resolve, 5000, false).unref());
        const ended = await Promise.race([exited.then(() => true), gracePeriod]);
        if (!ended) {
          killGroup(child.pid, 'SIGKILL');
          await exited;
        }
      }
      // Processes of the group that outlive code-server itself, such as the file watcher, go too.
      killGroup(child.pid, 'SIGKILL');
      runningGroups.delete(child.pid);
      removeTemporaryDir(runDir);
    })();
    return stopped;
  };

  const url = `http://127.0.0.1:${chosenPort}`;
  try {
    await waitForHealth(url, exited, 30_000);
  } catch (error) {
    const tail = readLog().trim().split('\n').slice(-20).join('\n');
    await stop();
    throw new Error(`${error.message}\ncode-server log (last lines):\n${tail}`);
  }
  return { url, port: chosenPort, exited, readLog, stop };
}

/** Launches the system's headless Chromium with a fresh profile (Playwright makes a new one per launch). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Copies a folder to a fresh temporary folder and returns the copy's path; runs never share a workspace. */
export function copyWorkspace(src) {
  if (!fs.existsSync(src)) {
    throw new Error(`workspace folder ${src} does not exist`);
  }
  const parent = makeTemporaryDir('mlops-deploy-ws-');
  const copy = path.join(parent, path.basename(src));
  fs.cpSync(src, copy, { recursive: true });
  return copy;
}

/** Removes a folder made by copyWorkspace. */
export function removeWorkspace(copy) {
  removeTemporaryDir(path.dirname(copy));
}

/** Installs a packaged .vsix the way a user does, so that a test sees exactly what ships. */
async function installVsix(launcher, vsix, dirs) {
  const env = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp };
  const args = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', path.resolve(vsix)];
  const { code, stdout } = await run(launcher, args, { env });
  if (code !== 0) throw new Error(`code-server --install-extension ${vsix} exited with ${code}: ${stdout}`);
}

/**
 * Makes `dir` an extensions folder holding the extension under test, as a link named the way VS Code names
 * installed extensions (`<publisher>.<name>-<version>`), replacing links to other versions or folders.
 */
function linkExtension(dir) {
  const manifest = readManifest(extensionPath);
  const id = `${manifest.publisher}.${manifest.name}`;
  const link = path.join(dir, `${id}-${manifest.version}`);
  fs.mkdirSync(dir, { recursive: true });
  if (readLink(link) === extensionPath) {
    return;
  }
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(`${id}-`)) {
      fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  }
  fs.symlinkSync(extensionPath, link, 'dir');
  // VS Code lists a folder's extensions in its extensions.json and ignores folders missing from it once it exists;
  // without the file it lists every extension it finds in the folder again, the new link included.
  fs.rmSync(path.join(dir, 'extensions.json'), { force: true });
  // It also marks replaced versions in .obsolete, to delete them at a later start; a version linked again must
  // not stay marked.
  const obsoleteFile = path.join(dir, '.obsolete');
  if (fs.existsSync(obsoleteFile)) {
    const obsolete = JSON.parse(fs.readFileSync(obsoleteFile, 'utf8'));
    delete obsolete[path.basename(link)];
    fs.writeFileSync(obsoleteFile, JSON.stringify(obsolete));
  }
}

function readLink(file) {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}

/** Fails with a message that says what to run when the extension's bundle has not been built. */
export function assertExtensionBuilt() {
  const manifest = readManifest(extensionPath);
  const main = path.resolve(extensionPath, manifest.main);
  if (!fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    throw new Error(`${main} is missing: run \`npm run build\` first`);
  }
}

function readManifest(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/**
 * Makes Ctrl+C and SIGTERM end the process through process.exit, so that the exit hooks which kill code-server
 * run; a Node process that dies of a signal runs none.
 */
export function exitOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping`);
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}

/** Returns `preferred` if nothing listens on it, otherwise (or without a preference) a port the system picks. */
export async function findFreePort(preferred) {
  if (preferred !== undefined && (await canListen(preferred))) {
    return preferred;
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs a command with an argument array and resolves with its exit code and its stdout, which is captured unless
 * `options.stdio` says otherwise; stderr passes through.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout }));
  });
}

function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// /healthz answers as soon as the server listens; its status says `expired` until a browser has connected.
async function waitForHealth(url, exited, timeoutMs) {
  let exit;
  exited.then((value) => {
    exit = value;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) {
      const reason = exit.error?.message ?? `code ${exit.code}, signal ${exit.signal}`;
      throw new Error(`code-server exited before it was ready (${reason})`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

function killGroup(pid, signal) {
  if (pid === undefined) {
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
