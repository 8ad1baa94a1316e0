import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyEdits, type Finding } from '../../src/core/findings';
import { initShellParser } from '../../src/core/dockerfile/bash';
import { lintDockerfile, type DockerfileLintOptions } from '../../src/core/dockerfile/lint';
import { SeededRandom } from '../bench/corpus';

/**
 * What the linter says about text that is not a tidy Dockerfile: empty, binary, huge, cut off mid-instruction,
 * heredocs, parser directives, Windows line endings, tabs. Each case states the exact findings, because "it did
 * not throw" also holds for a linter that silently stopped looking.
 */

/** Every rule runs and fails loudly: a rule error would otherwise only drop that rule's findings. */
function lint(text: string, options: DockerfileLintOptions = {}): Finding[] {
  return lintDockerfile(text, {
    ...options,
    onRuleError: (id, error) => assert.fail(`${id} threw: ${String(error)}`),
  });
}

/**
 * The guide's findings (MLO rules) as `CODE line:character-line:character`, 0-based as in Range, so a whole result
 * fits one deepEqual. hadolint's rules run on every input here too and must not throw (see `lint`); their exact
 * findings are held by their own tables, so that adding a rule does not rewrite these expectations.
 */
function located(findings: Finding[]): string[] {
  return findings.filter((f) => f.code.startsWith('MLO')).map(({ code, range: { start, end } }) => `${code} ${start.line}:${start.character}-${end.line}:${end.character}`);
}

function fixOf(findings: Finding[], code: string): NonNullable<Finding['fix']> {
  const fix = findings.find((f) => f.code === code)?.fix;
  assert.ok(fix, `${code} has no fix`);
  return fix;
}

/** A model server with one mistake per rule that can see it, spread over several lines. */
const SERVICE = [
  'FROM python:3.11',
  'RUN apt-get update \\',
  '    && apt-get install -y curl',
  'COPY . .',
  'COPY .env /app/',
  'EXPOSE 9000',
  'HEALTHCHECK CMD curl -f http://localhost:8000/health',
  'CMD ["uvicorn", "app:app", "--host", "127.0.0.1", "--port", "8000", "--reload"]',
  '',
].join('\n');

const SERVICE_FINDINGS = [
  'MLO101 0:5-0:16',
  'MLO102 0:5-0:16',
  'MLO104 0:12-0:16',
  'MLO110 3:5-3:6',
  'MLO111 4:5-4:9',
  'MLO109 5:7-5:11',
  'MLO108 7:38-7:47',
  'MLO107 7:69-7:77',
];

describe('bad input', () => {
  before(() => initShellParser());
  it('an empty or blank file has no findings', () => {
    assert.deepEqual(lint(''), []);
    assert.deepEqual(lint('\n\n   \n\t\n'), []);
  });

  it('a file of comments and directives only has no findings', () => {
    const text = '# syntax=docker/dockerfile:1\n# Model server for the churn classifier.\n#\n# mlops-deploy global ignore=MLO104\n   # indented comment\n';
    assert.deepEqual(lint(text, { facts: { hasDockerignore: false } }), []);
  });

  it('a binary file (NUL bytes) has no findings, even when it contains Dockerfile text', () => {
    const random = new SeededRandom(7);
    const bytes = Array.from({ length: 4096 }, () => random.int(0, 255));
    // A PNG signature, so the NUL bytes of its IHDR chunk come first, as in a real image file opened by mistake.
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    const binary = String.fromCharCode(...png, ...bytes);
    assert.ok(binary.includes('\u0000'));
    assert.deepEqual(lint(binary), []);
    assert.deepEqual(lint(`${SERVICE}\u0000\u0001\u0002`, { facts: { hasDockerignore: false } }), []);
  });

  it('a 5 MB Dockerfile lints, with findings at its first and last lines', () => {
    const parts = ['FROM python:3.11\n'];
    let size = parts[0].length;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const chunk = `RUN pip install --no-cache-dir package-${i}==1.0.${i % 100}\nENV FEATURE_${i}=value-${i}\nLABEL org.example.layer-${i}="layer ${i}"\n`;
      parts.push(chunk);
      size += chunk.length;
    }
    parts.push('CMD ["uvicorn", "app:app", "--host", "127.0.0.1", "--port", "8000"]\n');
    const text = parts.join('');
    const lastLine = text.split('\n').length - 2;
    assert.ok(text.length >= 5 * 1024 * 1024);
    // CPU time rather than wall-clock time: a busy CI machine makes the wall clock measure the machine.
    const before = process.cpuUsage();
    const findings = lint(text, { facts: { hasDockerignore: false } });
    const used = process.cpuUsage(before);
    const seconds = (used.user + used.system) / 1e6;
    // Speed is the benchmark's business; the time is printed so that a regression is visible in the log.
    console.log(`linting 5 MB took ${seconds.toFixed(1)} s of CPU`);
    assert.deepEqual(located(findings), [
      'MLO101 0:5-0:16',
      'MLO102 0:5-0:16',
      'MLO104 0:12-0:16',
      `MLO103 ${lastLine}:6-${lastLine}:13`,
      `MLO108 ${lastLine}:38-${lastLine}:47`,
    ]);
  });

  it('an unterminated line continuation at the end of the file still lints the RUN', () => {
    const findings = lint('FROM python:3.11-slim\nRUN pip install x \\');
    assert.deepEqual(located(findings), ['MLO101 0:5-0:21', 'MLO102 0:5-0:21']);
    assert.match(findings[0].message, /\(pip on line 2\)/);
  });

  it('a continuation before the last line joins it to the RUN, as Docker does, so the CMD is not a CMD', () => {
    const findings = lint('FROM python:3.11-slim\nRUN pip install x \\\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]');
    assert.deepEqual(located(findings), ['MLO101 0:5-0:21', 'MLO102 0:5-0:21']);
  });

  it('pip inside a RUN heredoc is an install (MLO101), and the instructions after the heredoc are read', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM python:3.11-slim',
      'RUN <<EOF',
      'set -eux',
      'pip install --no-cache-dir torch',
      'EOF',
      'CMD ["uvicorn", "app:app", "--host", "127.0.0.1"]',
      '',
    ].join('\n');
    const findings = lint(text);
    assert.deepEqual(located(findings), ['MLO101 1:5-1:21', 'MLO102 1:5-1:21', 'MLO103 6:6-6:13', 'MLO108 6:38-6:47']);
    assert.match(findings[0].message, /\(pip on line 3\)/);
  });

  it('a <<- heredoc run by bash with a tab-indented terminator is read the same way', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM python:3.11-slim\nRUN <<-EOT bash\n\tset -e\n\tpip install --no-cache-dir torch\n\tEOT\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
    assert.deepEqual(located(lint(text)), ['MLO101 1:5-1:21', 'MLO102 1:5-1:21', 'MLO103 6:6-6:13', 'MLO108 6:38-6:47']);
  });

  it('an unterminated heredoc at the end of the file still counts its pip install', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM python:3.11-slim\nRUN <<EOF\npip install --no-cache-dir torch\n';
    assert.deepEqual(located(lint(text)), ['MLO101 1:5-1:21', 'MLO102 1:5-1:21']);
  });

  it('a heredoc run by python is not a shell script, so its text is not taken for an install', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM python:3.11-slim\nRUN <<EOF python3\nimport subprocess\nsubprocess.run(["pip", "install", "torch"])\nEOF\n';
    assert.deepEqual(located(lint(text)), ['MLO102 1:5-1:21']);
  });

  it('parser directives and backtick continuations (# escape=`)', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      '# escape=`',
      'FROM python:3.11-slim',
      'RUN pip install --no-cache-dir `',
      '    fastapi `',
      '    uvicorn',
      // With ` as the escape character a trailing backslash is an ordinary character: the CMD below stays a CMD.
      'RUN echo C:\\models\\',
      'CMD ["uvicorn", "app:app", "--host", "127.0.0.1"]',
      '',
    ].join('\n');
    const findings = lint(text);
    assert.deepEqual(located(findings), ['MLO101 2:5-2:21', 'MLO102 2:5-2:21', 'MLO103 7:6-7:13', 'MLO108 7:38-7:47']);
    assert.match(findings[0].message, /\(pip on line 4\)/);
    assert.equal(applyEdits(text, fixOf(findings, 'MLO108').edits), text.replace('"127.0.0.1"', '"0.0.0.0"'));
  });

  it('CRLF line endings give the same findings, ranges, messages and fixes as LF', () => {
    const crlf = SERVICE.replace(/\n/g, '\r\n');
    const lf = lint(SERVICE, { facts: { hasDockerignore: false } });
    const windows = lint(crlf, { facts: { hasDockerignore: false } });
    assert.deepEqual(located(lf), SERVICE_FINDINGS);
    assert.deepEqual(windows, lf);
    assert.equal(applyEdits(crlf, fixOf(windows, 'MLO108').edits), applyEdits(SERVICE, fixOf(lf, 'MLO108').edits).replace(/\n/g, '\r\n'));
  });

  it('tabs for indentation and between words: ranges count a tab as one character, fixes keep the tabs', () => {
    const text = [
      'FROM\tpython:3.11-slim',
      'RUN\tpip install --no-cache-dir \\',
      '\t\tfastapi \\',
      '\t\tuvicorn',
      'USER\tappuser',
      'COPY\t.\t/app',
      'CMD\t["uvicorn",\t"app:app",\t"--host",\t"127.0.0.1"]',
      '',
    ].join('\n');
    const findings = lint(text, { facts: { hasDockerignore: false } });
    assert.deepEqual(located(findings), ['MLO101 0:5-0:21', 'MLO106 5:0-5:4', 'MLO110 5:5-5:6', 'MLO103 6:6-6:13', 'MLO108 6:38-6:47']);
    assert.equal(applyEdits(text, fixOf(findings, 'MLO108').edits), text.replace('"127.0.0.1"', '"0.0.0.0"'));
    assert.equal(applyEdits(text, fixOf(findings, 'MLO106').edits), text.replace('COPY\t.', 'COPY --chown=appuser\t.'));
  });

  it('lone CR line endings (classic Mac) give the same findings as LF', () => {
    // The parser, LSP and VS Code all end a line at a lone \r, so the findings must not depend on which it is.
    const lf = 'FROM python:3.11-slim\n# the server\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
    assert.deepEqual(located(lint(lf)), ['MLO102 0:5-0:21', 'MLO103 2:6-2:13', 'MLO108 2:38-2:47']);
    assert.deepEqual(located(lint(lf.replace(/\n/g, '\r'))), located(lint(lf)));
  });

  it('lone CR line endings: a fix applies where it does with LF', () => {
    const lf = 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app"]\n';
    const cr = lf.replace(/\n/g, '\r');
    const fixedLf = applyEdits(lf, fixOf(lint(lf), 'MLO108').edits);
    assert.match(fixedLf, /^CMD \[.*"--host", "0\.0\.0\.0".*\]$/m);
    assert.equal(applyEdits(cr, fixOf(lint(cr), 'MLO108').edits), fixedLf.replace(/\n/g, '\r'));
  });
});
