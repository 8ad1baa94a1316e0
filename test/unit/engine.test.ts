import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, nonOverlappingEdits, range } from '../../src/core/findings';
import { lintDockerfile } from '../../src/core/dockerfile/lint';
import { parseDockerfile } from '../../src/core/dockerfile/model';
import { atEnd, perInstruction, stateful } from '../../src/core/dockerfile/rule';
import { ignoreEdit } from '../../src/core/dockerfile/suppress';
import { mergeConfigs, parseConfigFile } from '../../src/core/rules/config';
import { ruleIds } from '../../src/core/rules/registry';

const SERVICE = 'FROM python:3.11-slim\nCOPY . .\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
const codes = (text: string, options = {}): string[] => lintDockerfile(text, options).map((f) => `${f.code}@${f.range.start.line + 1}`);

describe('suppression', () => {
  it('an ignore comment silences the rule on the next instruction only', () => {
    const text = 'FROM python:3.11-slim\n# mlops-deploy ignore=MLO108\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
    assert.ok(codes(SERVICE).includes('MLO108@3'));
    assert.ok(!codes(text).includes('MLO108@4'));
    assert.ok(codes(text).includes('MLO102@1'), 'other rules still report');
  });
  it('several ids, blank lines and other comments between pragma and instruction', () => {
    const text = 'FROM python:3.11-slim\n# mlops-deploy ignore=MLO103, MLO108\n\n# the server\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
    assert.deepEqual(codes(text).filter((c) => c.startsWith('MLO103') || c.startsWith('MLO108')), []);
  });
  it('a pragma does not reach past the next instruction', () => {
    const text = 'FROM python:3.11-slim\n# mlops-deploy ignore=MLO108\nWORKDIR /app\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
    assert.ok(codes(text).includes('MLO108@4'));
  });
  it('global ignore and the hadolint spellings', () => {
    assert.ok(!codes('# mlops-deploy global ignore=MLO102\n' + SERVICE).some((c) => c.startsWith('MLO102')));
    assert.ok(!codes('# hadolint global ignore=MLO102\n' + SERVICE).some((c) => c.startsWith('MLO102')));
    const hadolintLine = 'FROM python:3.11-slim\n# hadolint ignore=MLO108\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
    assert.ok(!codes(hadolintLine).some((c) => c.startsWith('MLO108')));
  });
  it('the ignore quick fix inserts a pragma that the linter then honours', () => {
    const finding = lintDockerfile(SERVICE).find((f) => f.code === 'MLO108')!;
    const lineFixed = applyEdits(SERVICE, [ignoreEdit(parseDockerfile(SERVICE), finding, 'line')]);
    assert.equal(lineFixed, 'FROM python:3.11-slim\nCOPY . .\n# mlops-deploy ignore=MLO108\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n');
    assert.ok(!codes(lineFixed).some((c) => c.startsWith('MLO108')));
    // A second rule on the same instruction joins the existing comment.
    const second = lintDockerfile(lineFixed).find((f) => f.code === 'MLO103')!;
    const joined = applyEdits(lineFixed, [ignoreEdit(parseDockerfile(lineFixed), second, 'line')]);
    assert.match(joined, /# mlops-deploy ignore=MLO108,MLO103\nCMD/);
    assert.ok(!codes(joined).some((c) => c.startsWith('MLO103')));
  });
  it('the file-wide ignore goes after parser directives', () => {
    const text = '# syntax=docker/dockerfile:1\n' + SERVICE;
    const finding = lintDockerfile(text).find((f) => f.code === 'MLO102')!;
    const fixed = applyEdits(text, [ignoreEdit(parseDockerfile(text), finding, 'file')]);
    assert.equal(fixed, '# syntax=docker/dockerfile:1\n# mlops-deploy global ignore=MLO102\n' + SERVICE);
    assert.ok(!codes(fixed).some((c) => c.startsWith('MLO102')));
  });
});

describe('configuration', () => {
  it('turns rules off, changes severities and enables nothing unknown', () => {
    const parsed = parseConfigFile('rules:\n  MLO108: warning\n  MLO103: off\nignored: [MLO102]\nfailure-threshold: error\n', ruleIds);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config, { rules: { MLO108: 'warning', MLO103: 'off', MLO102: 'off' }, failureThreshold: 'error' });
    const findings = lintDockerfile(SERVICE, { config: parsed.config });
    assert.equal(findings.find((f) => f.code === 'MLO108')?.severity, 'warning');
    assert.ok(!findings.some((f) => f.code === 'MLO103' || f.code === 'MLO102'));
  });
  it('reports each problem at its place and keeps what it could read', () => {
    const parsed = parseConfigFile('rules:\n  MLO108: loud\n  MLO999: off\n  MLO103: Information\ncolour: red\n', ruleIds);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, p.range.start.line, p.range.start.character, p.message]),
      [
        ['error', 1, 10, 'The severity of MLO108 must be one of error, warning, info, style, off.'],
        ['warning', 2, 2, 'Unknown rule id "MLO999".'],
        ['warning', 4, 0, 'Unknown key "colour": expected rules, ignored or failure-threshold.'],
      ],
    );
    assert.deepEqual(parsed.config.rules, { MLO103: 'info' });
  });
  it('invalid YAML is one error, not an exception', () => {
    const parsed = parseConfigFile('rules: [\n', ruleIds);
    assert.equal(parsed.problems.length >= 1, true);
    assert.match(parsed.problems[0].message, /^Invalid YAML/);
    assert.deepEqual(parsed.config, { rules: {} });
  });
  it('later configs win rule by rule', () => {
    assert.deepEqual(mergeConfigs({ rules: { MLO101: 'off', MLO102: 'error' } }, undefined, { rules: { MLO101: 'warning' } }), {
      rules: { MLO101: 'warning', MLO102: 'error' },
    });
  });
});

describe('rule shapes and isolation', () => {
  const meta = { guide: 'test', title: 'test' };
  it('per-instruction, stateful and decide-at-end rules all run in one walk', () => {
    const seen: string[] = [];
    const perRun = perInstruction({ ...meta, id: 'T1', defaultSeverity: 'info' }, ['RUN'], (i, c) => c.report({ range: i.getInstructionRange(), message: 'run' }));
    const counter = stateful(
      { ...meta, id: 'T2', defaultSeverity: 'warning' },
      () => ({ count: 0 }),
      (s) => {
        s.count++;
      },
      (s, c) => c.report({ range: range(0, 0, 0, 1), message: `count ${s.count}` }),
    );
    const end = atEnd({ ...meta, id: 'T3', defaultSeverity: 'error' }, (m, c) => {
      seen.push(String(m.stages.length));
      c.report({ range: range(0, 0, 0, 1), message: 'end' });
    });
    const findings = lintDockerfile('FROM a\nRUN x\nFROM b\nRUN y\n', { rules: [perRun, counter, end] });
    assert.deepEqual(
      findings.map((f) => `${f.code}:${f.severity}:${f.message}@${f.range.start.line}`),
      ['T2:warning:count 4@0', 'T3:error:end@0', 'T1:info:run@1', 'T1:info:run@3'],
    );
    assert.deepEqual(seen, ['2']);
  });
  it('a rule that throws is reported and skipped; the others still report', () => {
    const broken = perInstruction({ ...meta, id: 'T9', defaultSeverity: 'error' }, ['FROM'], () => {
      throw new Error('boom');
    });
    const errors: string[] = [];
    const findings = lintDockerfile(SERVICE, { rules: [broken, ...require('../../src/core/dockerfile/rules').dockerfileRules], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['T9']);
    assert.ok(findings.some((f) => f.code === 'MLO108'));
  });
  it('off-by-default rules run only when configured', () => {
    const off = atEnd({ ...meta, id: 'T5', defaultSeverity: 'off' }, (_m, c) => c.report({ range: range(0, 0, 0, 1), message: 'on' }));
    assert.deepEqual(lintDockerfile('FROM a\n', { rules: [off] }), []);
    assert.equal(lintDockerfile('FROM a\n', { rules: [off], config: { rules: { T5: 'style' } } })[0].severity, 'style');
  });
});

describe('edits', () => {
  it('applies edits from the end and drops the overlapping one', () => {
    const edits = [
      { range: range(0, 0, 0, 3), newText: 'XYZ' },
      { range: range(0, 2, 0, 4), newText: '!' },
      { range: range(1, 0, 1, 0), newText: '> ' },
    ];
    assert.equal(nonOverlappingEdits(edits).length, 2);
    assert.equal(applyEdits('abcd\nef\n', edits), 'XYZd\n> ef\n');
  });
});
