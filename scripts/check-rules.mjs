// Fails the build when a registered rule lacks its source file, its doc page or its test table, when a page or a
// test exists for no rule, when a page's examples do not show what they claim (its Bad example must break the rule,
// its Good one must not; the guide's own pages' Good examples must pass every rule, since users copy them), or
// when the README's rule list is out of date. (Run after `npm run compile-tests`.)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { replaceRulesTable } from './rules-table.mjs';

const require = createRequire(import.meta.url);
const { allRules } = require('../out/src/core/rules/registry.js');
const { lintDockerfile } = require('../out/src/core/dockerfile/lint.js');
const { initShellParser } = require('../out/src/core/dockerfile/bash.js');

await initShellParser();

/** Rules whose Bad example needs settings the page describes (trusted registries, a label schema). */
const NEEDS_SETTINGS = new Set(['DL3026', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058']);

function example(text, section) {
  return new RegExp(`\\n## ${section}\\s*\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``).exec(text)?.[1];
}

function checkExamples(rule, doc, text) {
  const bad = example(text, 'Bad');
  const good = example(text, 'Good');
  if (bad === undefined || good === undefined) {
    problems.push(`${doc} needs a dockerfile code block under both Bad and Good`);
    return;
  }
  const only = { rules: { [rule.id]: rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity } };
  const codes = (source, config, hasDockerignore) => lintDockerfile(source, { config, facts: { hasDockerignore } }).map((f) => f.code);
  if (!NEEDS_SETTINGS.has(rule.id) && !codes(bad, only, rule.id !== 'MLO110').includes(rule.id)) problems.push(`${doc}: the Bad example does not break ${rule.id}`);
  if (codes(good, only, true).includes(rule.id)) problems.push(`${doc}: the Good example breaks ${rule.id}`);
  if (rule.id.startsWith('MLO')) {
    const others = codes(good, undefined, true);
    if (others.length > 0) problems.push(`${doc}: the Good example is copied by users and must pass every rule, but breaks ${[...new Set(others)].join(', ')}`);
  }
}

const SECTIONS = ['## What', '## Why', '## Bad', '## Good', '## Fix'];
const SOURCE_FOLDER = { dockerfile: 'src/core/dockerfile/rules' };
const problems = [];
const ids = new Set();

for (const rule of allRules) {
  if (ids.has(rule.id)) problems.push(`${rule.id} is registered twice`);
  ids.add(rule.id);
  const source = `${SOURCE_FOLDER[rule.kind]}/${rule.id}.ts`;
  if (!existsSync(source)) problems.push(`${rule.id}: no source file ${source}`);
  else if (!readFileSync(source, 'utf8').includes(`export const ${rule.id} =`)) problems.push(`${source} does not export const ${rule.id}`);
  const doc = `docs/rules/${rule.id}.md`;
  if (!existsSync(doc)) {
    problems.push(`${rule.id}: no doc page ${doc}`);
  } else {
    const text = readFileSync(doc, 'utf8');
    if (!text.startsWith(`# ${rule.id}`)) problems.push(`${doc} must start with "# ${rule.id}"`);
    for (const section of SECTIONS) if (!text.includes(`\n${section}`)) problems.push(`${doc} lacks a "${section}" section`);
    checkExamples(rule, doc, text);
  }
  const test = `test/unit/rules/${rule.id}.test.ts`;
  if (!existsSync(test)) {
    problems.push(`${rule.id}: no test table ${test}`);
  } else {
    const text = readFileSync(test, 'utf8');
    if (!text.includes(`ruleTests(${rule.id},`)) problems.push(`${test} does not call ruleTests(${rule.id}, …)`);
    if (!/valid:\s*\[\s*\S/.test(text) || !/invalid:\s*\[\s*\{/.test(text)) problems.push(`${test} needs both valid and invalid cases`);
  }
}

for (const [folder, suffix] of [['docs/rules', '.md'], ['test/unit/rules', '.test.ts'], ['src/core/dockerfile/rules', '.ts']]) {
  for (const name of readdirSync(folder)) {
    const id = name.slice(0, -suffix.length);
    if (name.endsWith(suffix) && /^(DL|MLO)\d+$/.test(id) && !ids.has(id)) problems.push(`${folder}/${name} belongs to no registered rule`);
  }
}

const readme = readFileSync('README.md', 'utf8');
if (replaceRulesTable(readme) !== readme) problems.push('README.md rule list is out of date: run npm run readme-rules');

if (problems.length > 0) {
  console.error(`Rule check failed:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Rule check passed: ${allRules.length} rules, each with source, doc page and test table.`);
