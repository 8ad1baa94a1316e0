import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { range, type Finding } from '../../src/core/findings';
import { formatCheckstyle, formatGitlab, formatJunit, formatSarif, type FileResult } from '../../src/core/rules/format';
import { allRules } from '../../src/core/rules/registry';

/** The parts of a SARIF log the test reads. */
interface SarifLog {
  runs: Array<{ results: Array<{ level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
}

const finding = (code: string, severity: Finding['severity'], line: number, message: string): Finding => ({ code, severity, message, range: range(line, 4, line, 9) });

/** Findings with the characters that break naive formatters: quotes, angle brackets, ampersands, a control byte. */
const RESULTS: FileResult[] = [
  { file: 'svc/Dockerfile', findings: [finding('MLO108', 'error', 2, 'binds "127.0.0.1" <loopback> & more\u0001'), finding('MLO101', 'info', 0, 'single stage')] },
  { file: 'clean/Dockerfile', findings: [] },
  { file: 'dir with space/Dockerfile', findings: [finding('MLO102', 'warning', 0, "runs as 'root'")] },
];

describe('output formats', () => {
  it('SARIF validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const log: SarifLog = JSON.parse(formatSarif(RESULTS, { toolVersion: '1.2.3', rules: allRules, ruleHelp: (id) => `# ${id}` }));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.runs[0].results[0].message.text, 'binds "127.0.0.1" <loopback> & more\u0001');
    assert.equal(log.runs[0].results[2].locations[0].physicalLocation.artifactLocation.uri, 'dir%20with%20space/Dockerfile');
    // The validator can fail: a log with a wrong level is rejected.
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
  });

  it('checkstyle is well-formed XML with every finding', () => {
    const text = formatCheckstyle(RESULTS);
    assert.equal(XMLValidator.validate(text), true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'file' || name === 'error' }).parse(text);
    const files = doc.checkstyle.file;
    assert.deepEqual(files.map((f: { '@_name': string }) => f['@_name']), ['svc/Dockerfile', 'clean/Dockerfile', 'dir with space/Dockerfile']);
    assert.deepEqual(files[0].error[0], {
      '@_line': '3',
      '@_column': '5',
      '@_severity': 'error',
      '@_message': 'binds "127.0.0.1" <loopback> & more',
      '@_source': 'mlops-deploy.MLO108',
    });
  });

  it('JUnit is well-formed XML with a failing case per file with findings', () => {
    const text = formatJunit(RESULTS);
    assert.equal(XMLValidator.validate(text), true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' || name === 'failure' }).parse(text);
    const suite = doc.testsuites.testsuite;
    assert.equal(suite['@_tests'], '3');
    assert.equal(suite['@_failures'], '2');
    assert.deepEqual(suite.testcase.map((c: { failure?: unknown[] }) => c.failure?.length ?? 0), [2, 0, 1]);
  });

  it('GitLab Code Quality issues carry the fields GitLab reads and stable, distinct fingerprints', () => {
    const hash = (text: string): string => Buffer.from(text).toString('base64');
    const issues = JSON.parse(formatGitlab(RESULTS, hash));
    assert.deepEqual(issues[0], {
      description: 'MLO108: binds "127.0.0.1" <loopback> & more\u0001',
      check_name: 'MLO108',
      fingerprint: hash('svc/Dockerfile\u0000MLO108\u00002\u0000binds "127.0.0.1" <loopback> & more\u0001'),
      severity: 'major',
      location: { path: 'svc/Dockerfile', lines: { begin: 3, end: 3 } },
    });
    assert.equal(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size, 3);
    assert.deepEqual(JSON.parse(formatGitlab(RESULTS, hash)), issues);
  });
});
