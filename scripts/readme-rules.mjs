// Rewrites the README's rule list from the registry (run `npm run compile-tests` first).
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceRulesTable } from './rules-table.mjs';

writeFileSync('README.md', replaceRulesTable(readFileSync('README.md', 'utf8')));
console.log('README.md rule list updated.');
