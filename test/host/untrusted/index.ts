// Entry point of the restricted-mode host tests: the same runner, over the tests of this folder, which run in a
// workspace that VS Code has not trusted.
import { runTestFilesIn } from '../index';

export function run(): Promise<void> {
  return runTestFilesIn(__dirname);
}
