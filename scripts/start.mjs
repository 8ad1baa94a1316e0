// `npm start`: opens examples/ in a real VS Code (code-server) with the extension installed from this repository,
// builds the extension first when its bundle is missing or older than the sources, and runs until Ctrl+C.
import fs from 'node:fs';
import path from 'node:path';
import {
  cacheDir,
  examplesPath,
  extensionPath,
  findFreePort,
  repoRoot,
  run,
  startCodeServer,
} from './vscode-host.mjs';

const preferredPort = 8080;
// Kept between runs, so extensions installed from the UI stay installed.
const extensionsDir = path.join(cacheDir, 'start', 'extensions');

async function main() {
  if (extensionPath === repoRoot && bundleIsStale()) {
    console.log('dist/extension.js is missing or older than src/: running `npm run build`');
    const { code } = await run('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (code !== 0) {
      console.error('`npm run build` failed; see its output above');
      return 1;
    }
  }
  const port = await findFreePort(preferredPort);
  if (port !== preferredPort) {
    console.log(`port ${preferredPort} is taken; using ${port}`);
  }
  const server = await startCodeServer({
    workspace: examplesPath,
    trust: true,
    extensionsDir,
    installExtension: true,
    port,
    extensionGallery: true,
  });

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, async () => {
      stopping = true;
      console.log('\nstopping code-server');
      await server.stop();
      process.exit(0);
    });
  }
  console.log(`\nMLOps Deploy is running in VS Code on ${examplesPath}\n\n    ${server.url}/\n\nOpen that address in a browser. Press Ctrl+C to stop.`);

  const { code, signal } = await server.exited;
  if (stopping) {
    return 0;
  }
  console.error(`code-server stopped on its own (code ${code}, signal ${signal}); last lines of its log:`);
  console.error(server.readLog().trim().split('\n').slice(-20).join('\n'));
  await server.stop();
  return 1;
}

/** True when the bundle does not exist or some file under src/ changed after it was built. */
function bundleIsStale() {
  const bundle = path.join(repoRoot, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    return true;
  }
  const builtAt = fs.statSync(bundle).mtimeMs;
  const sources = fs.readdirSync(path.join(repoRoot, 'src'), { recursive: true, withFileTypes: true });
  return sources.some((entry) => entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt);
}

process.exitCode = await main().catch((error) => {
  console.error(error.message);
  return 1;
});
