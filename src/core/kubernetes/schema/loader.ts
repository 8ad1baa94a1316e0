import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What validators.ts exports; the loader keeps it out of the main bundle by requiring it at run time. */
export type SchemaModule = typeof import('./validators');

/** The file the build writes validators.ts to, beside dist/extension.js and dist/cli.js. */
export const SCHEMA_BUNDLE = 'schema.js';

let loaded: SchemaModule | undefined;

/**
 * The Kubernetes schemas, loaded on first use. They are megabytes of compiled validators: loading them with the
 * extension would slow every activation, including in workspaces without a manifest, so they live in a bundle of
 * their own that MLO215 requires the first time it runs. Unbundled (tests, development), validators.js sits beside
 * this file. The path is computed, so the bundler leaves the require alone instead of inlining the schemas.
 */
export function loadSchemas(): SchemaModule {
  if (loaded === undefined) {
    const path = [join(__dirname, SCHEMA_BUNDLE), join(__dirname, 'validators.js')].find((candidate) => existsSync(candidate));
    if (path === undefined) throw new Error(`The Kubernetes schemas are missing: ${SCHEMA_BUNDLE} should be in ${__dirname} (the build writes it there).`);
    loaded = require(path) as SchemaModule;
  }
  return loaded;
}
