import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintMlopsFile } from '../../../src/core/mlops/lint';
import { mlopsRules } from '../../../src/core/mlops/rules';

/** The mlops.yaml rules' pages show what they claim: the Bad example breaks the rule, the Good one passes it. */
describe('mlops.yaml rule pages', () => {
  for (const rule of mlopsRules) {
    it(`${rule.id}: Bad breaks it, Good passes every mlops.yaml rule`, () => {
      const page = readFileSync(`docs/rules/${rule.id}.md`, 'utf8');
      assert.ok(page.startsWith(`# ${rule.id}`));
      const example = (section: string): string => {
        const match = new RegExp(`\\n## ${section}\\s*\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(page);
        assert.ok(match, `${section} has a yaml block`);
        return match[1];
      };
      assert.ok(lintMlopsFile(example('Bad')).some((finding) => finding.code === rule.id));
      assert.deepEqual(lintMlopsFile(example('Good')), []);
    });
  }
});
