import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TemplateSet } from './plan';

/**
 * Reads template folders into one set: the package's own `templates/` first, then each folder of user templates,
 * whose files replace ours at the same relative path (a company's own Dockerfile base, say) or add new ones.
 * A folder that does not exist is skipped: a setting may name one that is not created yet.
 */
export function loadTemplates(folders: readonly string[]): Map<string, string> {
  const templates = new Map<string, string>();
  for (const folder of folders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    const walk = (dir: string, prefix: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
        else if (entry.isFile()) templates.set(`${prefix}${entry.name}`, readFileSync(path, 'utf8'));
      }
    };
    walk(folder, '');
  }
  return templates;
}

/**
 * The package's `templates/` folder: beside the package.json above this module, wherever the module runs from
 * (the bundled `dist/`, the transpiled test output, the installed extension).
 */
export function packageTemplatesFolder(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'fastapi'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`The scaffold templates were not found above ${from}.`);
  }
}

/** The package's templates overridden by the given user folders, in order. */
export function loadPackageTemplates(userFolders: readonly string[] = []): TemplateSet {
  return loadTemplates([packageTemplatesFolder(), ...userFolders]);
}
