// Entry point of the host tests: VS Code's extension host loads this module (the `extensionTestsPath`) and calls
// run() once the extension under development is registered.
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function run(): Promise<void> {
  return runTestFilesIn(__dirname);
}

/**
 * Runs every `*.test.js` in `dir` (not in its subfolders, which hold suites for other host setups) with mocha,
 * then prints `N passed, N failed` as the last line, a summary CI can read without knowing mocha's reporter.
 */
export function runTestFilesIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000 });
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) {
    mocha.addFile(path.join(dir, name));
  }
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0 || passed === 0) {
        reject(new Error(failed > 0 ? `${failed} host test(s) failed` : `no host test ran in ${dir}`));
      } else {
        resolve();
      }
    });
    runner.on('pass', () => {
      passed += 1;
    });
    runner.on('fail', () => {
      failed += 1;
    });
  });
}
