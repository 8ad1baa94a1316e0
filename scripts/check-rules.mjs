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
const { lintKubernetesFiles } = require('../out/src/core/kubernetes/workspace/index.js');
const { kubernetesRules } = require('../out/src/core/kubernetes/rules/index.js');
const { lintTritonConfig } = require('../out/src/core/triton/lint.js');
const { lintMlopsFile } = require('../out/src/core/mlops/lint.js');

await initShellParser();

/** Rules whose Bad example needs settings the page describes (trusted registries, a label schema). */
const NEEDS_SETTINGS = new Set(['DL3026', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058']);

/** Rules that look at a model's folder; their pages show the folder, which the check cannot make. */
const NEEDS_FOLDER = new Set(['MLO503', 'MLO506']);

/** The code fence each file kind's examples are written in, and how one example is linted. */
const KINDS = {
  dockerfile: {
    fence: 'dockerfile',
    source: 'src/core/dockerfile/rules',
    test: 'test/unit/rules',
    lint: (text, config, rule, bad) => lintDockerfile(text, { config, facts: { hasDockerignore: !(bad && rule.id === 'MLO110') } }),
  },
  kubernetes: {
    fence: 'yaml',
    source: 'src/core/kubernetes/rules',
    workspaceSource: 'src/core/kubernetes/workspace/rules',
    test: 'test/unit/kubernetes/rules',
    workspaceTest: 'test/unit/kubernetes/workspace/rules',
    // One block is one workspace: every object the example needs is in it.
    lint: (text, config) => lintKubernetesFiles([{ path: 'example.yaml', text }], { config }).get('example.yaml') ?? [],
  },
  triton: {
    fence: 'protobuf',
    source: 'src/core/triton/rules',
    test: 'test/unit/triton/rules',
    lint: (text, config) => lintTritonConfig(text, { config }),
  },
  mlops: {
    fence: 'yaml',
    source: 'src/core/mlops/rules',
    test: 'test/unit/mlops/rules',
    lint: (text, config) => lintMlopsFile(text, { config }),
  },
};

function example(text, section, fence) {
  return new RegExp(`\\n## ${section}\\s*\`\`\`${fence}\\n([\\s\\S]*?)\`\`\``).exec(text)?.[1];
}

/** The rules a Good example of an MLO page must pass, since users copy it: all of its kind's, except the workspace rules for manifests (an example cannot hold a whole workspace). */
function mustPass(rule) {
  if (rule.kind !== 'kubernetes') return undefined;
  const off = Object.fromEntries(allRules.filter((r) => r.kind === 'kubernetes' && !kubernetesRules.includes(r) && r.id !== rule.id).map((r) => [r.id, 'off']));
  return { rules: off };
}

function checkExamples(rule, doc, text) {
  const kind = KINDS[rule.kind];
  const bad = example(text, 'Bad', kind.fence);
  const good = example(text, 'Good', kind.fence);
  if (bad === undefined || good === undefined) {
    problems.push(`${doc} needs a ${kind.fence} code block under both Bad and Good`);
    return;
  }
  const only = { rules: Object.fromEntries(allRules.map((r) => [r.id, r.id === rule.id ? (r.defaultSeverity === 'off' ? 'warning' : r.defaultSeverity) : 'off'])) };
  const codes = (source, config, isBad = false) => kind.lint(source, config, rule, isBad).map((f) => f.code);
  if (!NEEDS_SETTINGS.has(rule.id) && !NEEDS_FOLDER.has(rule.id) && !codes(bad, only, true).includes(rule.id)) problems.push(`${doc}: the Bad example does not break ${rule.id}`);
  if (codes(good, only).includes(rule.id)) problems.push(`${doc}: the Good example breaks ${rule.id}`);
  if (rule.id.startsWith('MLO')) {
    // Only the note that a Helm template was skipped is no problem; a Good example that does not parse is one.
    const others = codes(good, mustPass(rule)).filter((code) => code !== 'yaml-helm-skipped');
    if (others.length > 0) problems.push(`${doc}: the Good example is copied by users and must pass every rule, but breaks ${[...new Set(others)].join(', ')}`);
  }
}

const SECTIONS = ['## What', '## Why', '## Bad', '## Good', '## Fix'];
const problems = [];
const ids = new Set();

for (const rule of allRules) {
  if (ids.has(rule.id)) problems.push(`${rule.id} is registered twice`);
  ids.add(rule.id);
  const kind = KINDS[rule.kind];
  const scope = rule.scope === 'workspace' ? 'workspace' : undefined;
  const source = `${scope ? kind.workspaceSource : kind.source}/${rule.id}.ts`;
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
  const test = `${scope ? kind.workspaceTest : kind.test}/${rule.id}.test.ts`;
  if (!existsSync(test)) {
    problems.push(`${rule.id}: no test table ${test}`);
  } else {
    const text = readFileSync(test, 'utf8');
    if (!new RegExp(`[rR]uleTests\\(${rule.id},`).test(text)) problems.push(`${test} does not call a rule test table with ${rule.id} (…RuleTests(${rule.id}, …))`);
    if (!/valid:\s*\[\s*\S/.test(text) || !/invalid:\s*\[\s*\{/.test(text)) problems.push(`${test} needs both valid and invalid cases`);
  }
}

const folders = [['docs/rules', '.md']];
for (const kind of Object.values(KINDS)) {
  for (const folder of [kind.source, kind.workspaceSource]) if (folder) folders.push([folder, '.ts']);
  for (const folder of [kind.test, kind.workspaceTest]) if (folder) folders.push([folder, '.test.ts']);
}
for (const [folder, suffix] of folders) {
  if (!existsSync(folder)) continue;
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
