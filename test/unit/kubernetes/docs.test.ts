import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintManifest } from '../../../src/core/kubernetes/lint';
import { PEER_CHECKS } from '../../../src/core/kubernetes/peers';
import { kubernetesRules } from '../../../src/core/kubernetes/rules';

/** The rules whose pages this test reads; the schema rule's page is checked with the schema rule. */
const RULES = kubernetesRules.filter((rule) => rule.id >= 'MLO201' && rule.id <= 'MLO214');

function example(page: string, section: 'Bad' | 'Good'): string | undefined {
  return new RegExp(`\\n## ${section}\\s*\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(page)?.[1];
}

function codes(text: string): string[] {
  return lintManifest(text, { rules: RULES }).map((finding) => `${finding.code}@${finding.range.start.line + 1}`);
}

function ruleIds(text: string): string[] {
  return [...new Set(lintManifest(text, { rules: RULES }).map((finding) => finding.code))];
}

describe('doc pages of the per-object Kubernetes rules', () => {
  for (const rule of RULES) {
    it(rule.id, () => {
      const page = readFileSync(`docs/rules/${rule.id}.md`, 'utf8');
      assert.ok(page.startsWith(`# ${rule.id}: `), 'the page starts with its id');
      assert.match(page, new RegExp(`\\*\\*Severity:\\*\\* ${rule.defaultSeverity} `), 'the page gives the default severity');
      for (const section of ['## What', '## Why', '## Bad', '## Good', '## Fix', '## Other tools']) assert.ok(page.includes(`\n${section}\n`), `the page has "${section}"`);
      const bad = example(page, 'Bad');
      const good = example(page, 'Good');
      assert.ok(bad !== undefined && good !== undefined, 'Bad and Good are yaml blocks');
      // The Bad example is a Good one with one defect, so that it shows exactly what the rule objects to.
      assert.deepEqual(ruleIds(bad), [rule.id], 'the Bad example breaks this rule and no other');
      // Users copy the Good example, so it passes every per-object rule, not only this one.
      assert.deepEqual(codes(good), [], 'the Good example passes every per-object rule');
      const peers = PEER_CHECKS[rule.id];
      for (const id of peers ? Object.values(peers).flat() : []) assert.ok(page.includes(`\`${id}\``), `the page names the peer check ${id}`);
    });
  }
});
