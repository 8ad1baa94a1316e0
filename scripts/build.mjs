// Bundles the extension and the CLI with esbuild; with --tests, also transpiles every source and test file to
// out/ (one CommonJS file per TypeScript file) for node's test runner and the VS Code host tests.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  metafile: true,
  define: { MLOPS_DEPLOY_VERSION: JSON.stringify(version) },
  // No `module` condition: dockerfile-ast `require`s vscode-languageserver-types and -textdocument, whose
  // `module` entries are ES modules that esbuild would wrap in getter objects, a getter call on every
  // Position.create and Range.create of a parse (about 5% of a Dockerfile lint). Their CommonJS builds are the
  // same code.
  conditions: [],
};

async function bundles() {
  await build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    // The extension reports its own activation time; this marks when its bundle started loading.
    banner: { js: 'globalThis.__mlopsDeployLoadStart = performance.now();' },
  });
  await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
  // The Kubernetes schemas (megabytes of compiled validators) load only when MLO215 first runs, from a bundle of
  // their own that both bundles above require at run time (src/core/kubernetes/schema/loader.ts). The one RE2 pattern
  // among them needs no WebAssembly regex engine (see schema/re2.ts).
  await build({
    ...common,
    entryPoints: ['src/core/kubernetes/schema/validators.ts'],
    outfile: 'dist/schema.js',
    alias: { 're2-wasm': './src/core/kubernetes/schema/re2.ts' },
  });
  // The Bash parser's WebAssembly files are loaded at run time from beside the bundles.
  mkdirSync('dist', { recursive: true });
  copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
  copyFileSync('node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.wasm');
}

function listTs(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : listTs(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** `--out DIR` puts the transpiled files elsewhere, so that parallel test runs do not remove each other's. */
function testOutDir() {
  const at = process.argv.indexOf('--out');
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : 'out';
}

async function tests() {
  const outdir = testOutDir();
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [...listTs('src'), ...listTs('test')],
    outdir,
    outbase: '.',
    bundle: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

if (process.argv.includes('--tests')) {
  await tests();
} else {
  await bundles();
}
