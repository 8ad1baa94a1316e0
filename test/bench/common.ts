/**
 * What the benchmarks share: the peer validator's settings, our linter as it ships (bundled), and the way results
 * are summarised and printed.
 */
import { build } from 'esbuild';
import { ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { initShellParser } from '../../src/core/dockerfile/bash';
import type { lintDockerfile } from '../../src/core/dockerfile/lint';
import type { DEFAULT_CONFIG } from '../../src/core/rules/config';
import type { dockerfileRules } from '../../src/core/dockerfile/rules';

/**
 * dockerfile-utils' defaults, copied from the Validator constructor in lib/dockerValidator.js (0.16.3): every
 * check on, as a warning. The constructor replaces its defaults with whatever object it is given, so a partial
 * object would silently turn the missing checks off and flatter the comparison. `Required` makes the compiler
 * list any key a newer version declares.
 */
export const DOCKERFILE_UTILS_DEFAULTS: Required<ValidatorSettings> = {
  deprecatedMaintainer: ValidationSeverity.WARNING,
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.WARNING,
  instructionCasing: ValidationSeverity.WARNING,
  instructionCmdMultiple: ValidationSeverity.WARNING,
  instructionEntrypointMultiple: ValidationSeverity.WARNING,
  instructionHealthcheckMultiple: ValidationSeverity.WARNING,
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
  instructionWorkdirRelative: ValidationSeverity.WARNING,
};

/** The nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  // Text columns are left-aligned and numbers right-aligned, so digits line up.
  const cell = (value: string, column: number): string => (/^[\d.]+$/.test(value) ? value.padStart(widths[column]) : value.padEnd(widths[column]));
  const line = (cells: string[]): string => '| ' + cells.map(cell).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of rows) console.log(line(row));
}

/**
 * Passes over the corpus each in-process linter makes, alternating with the other, before any is timed. V8 compiles
 * and optimises a function only after it has run a while, on background threads, and our linter has far more code
 * than dockerfile-utils: its per-pass CPU time settles after five to seven passes (run.js prints the curve), so ten
 * leaves a margin for both.
 */
export const WARM_UP_PASSES = 10;

/** The part of our linter a benchmark calls, taken from the bundle (see bundleLinter). */
export interface BundledLinter {
  lintDockerfile: typeof lintDockerfile;
  initShellParser: typeof initShellParser;
  DEFAULT_CONFIG: typeof DEFAULT_CONFIG;
  dockerfileRules: typeof dockerfileRules;
}

/**
 * Bundles the lint path the way scripts/build.mjs bundles dist/extension.js and dist/cli.js for a release
 * (`--production`: one esbuild bundle, minified, node20, CommonJS, without the `module` condition) and writes it to
 * `outfile`, to be required.
 *
 * Users run the bundle; the transpiled out/ tree, one module per source file, is not what ships: there every call
 * into another module goes through an export getter, and the code V8 compiles is spread over two hundred modules.
 * The entry exports only what a benchmark calls, so the bundle holds exactly the lint path of the real bundles.
 * `outfile` should lie below the repository, so that the Bash parser's .wasm files are found in node_modules.
 */
export async function bundleLinter(root: string, outfile: string): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  await build({
    absWorkingDir: root,
    stdin: {
      contents: [
        "export { lintDockerfile } from './src/core/dockerfile/lint';",
        "export { initShellParser } from './src/core/dockerfile/bash';",
        "export { DEFAULT_CONFIG } from './src/core/rules/config';",
        "export { dockerfileRules } from './src/core/dockerfile/rules';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-lint-entry.ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    define: { MLOPS_DEPLOY_VERSION: JSON.stringify(version) },
    conditions: [],
    logLevel: 'warning',
  });
}

/**
 * Throws unless the dockerfile-ast that dockerfile-utils runs on (the one in node_modules) is as published.
 *
 * Our bundle carries its own copy of dockerfile-ast, whose prototypes src/core/dockerfile/astCache.ts changes to
 * keep each instruction's argument scan. Importing any unbundled module of our Dockerfile linter into a benchmark
 * (even only to count the rules) would apply that change to node_modules' copy as well, and dockerfile-utils would
 * be timed with our cache: on the differential corpus that made it twice as fast as it really is (p50 0.07 ms
 * instead of 0.16 ms). A benchmark must take everything of ours from the bundle, and calls this to prove it did.
 */
export function assertPeerParserUntouched(): void {
  // Resolved from dockerfile-utils, as its own `require('dockerfile-ast')` resolves it.
  const path = require.resolve('dockerfile-ast', { paths: [dirname(require.resolve('dockerfile-utils'))] });
  const { Instruction, From } = require(path) as typeof import('dockerfile-ast');
  for (const prototype of [Instruction.prototype, From.prototype]) {
    if (Object.getOwnPropertySymbols(prototype).length > 0) {
      throw new Error(`${path} has been changed in this process (astCache.ts): dockerfile-utils would be measured with our parse cache`);
    }
  }
  // And the vscode-languageserver-types that copy of dockerfile-ast makes its ranges with.
  const typesPath = require.resolve('vscode-languageserver-types', { paths: [dirname(path)] });
  const { Range } = require(typesPath) as typeof import('vscode-languageserver-types');
  if (Object.getOwnPropertySymbols(Range).length > 0) {
    throw new Error(`${typesPath} has been changed in this process (astCache.ts): dockerfile-utils would be measured with our faster Range.create`);
  }
}
