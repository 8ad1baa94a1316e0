import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser } from '../../src/core/dockerfile/bash';
import { applyEdits, nonOverlappingEdits, range } from '../../src/core/findings';
import { lintDockerfile } from '../../src/core/dockerfile/lint';
import { parseDockerfile } from '../../src/core/dockerfile/model';
import { atEnd, perInstruction, stateful } from '../../src/core/dockerfile/rule';
import { ignoreEdit } from '../../src/core/dockerfile/suppress';
import { configFilesFor, configFromEnv, mergeConfigs, parseConfigFile } from '../../src/core/rules/config';
import { ruleIds } from '../../src/core/rules/registry';

const SERVICE = 'FROM python:3.11-slim\nCOPY . .\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
before(() => initShellParser());

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
        ['warning', 4, 0, 'Unknown key "colour": expected rules, ignored, override, failure-threshold, trustedRegistries, label-schema, strict-labels, disable-ignore-pragma, hadolint-parity or kubernetes.'],
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
    // Skipped for the rest of that lint only: once on a file with two FROMs, and again on the next lint.
    const twice: string[] = [];
    const rules = [broken];
    lintDockerfile('FROM a:1\nFROM b:1\n', { rules, onRuleError: (id) => twice.push(id) });
    lintDockerfile('FROM a:1\nFROM b:1\n', { rules, onRuleError: (id) => twice.push(id) });
    assert.deepEqual(twice, ['T9', 'T9']);
  });
  it('one list of rules under different configs: each lint takes its own severities', () => {
    const rules = [
      perInstruction({ ...meta, id: 'T6', defaultSeverity: 'warning' }, ['FROM'], (_i, c) => c.report({ range: range(0, 0, 0, 1), message: 'from' })),
      atEnd({ ...meta, id: 'T7', defaultSeverity: 'info' }, (_m, c) => c.report({ range: range(0, 0, 0, 1), message: 'end' })),
    ];
    const severities = (config?: { rules: Record<string, 'error' | 'off' | 'style'> }): string[] => lintDockerfile('FROM a\n', { rules, config }).map((f) => `${f.code}:${f.severity}`);
    assert.deepEqual(severities(), ['T6:warning', 'T7:info']);
    assert.deepEqual(severities({ rules: { T6: 'error' } }), ['T6:error', 'T7:info']);
    assert.deepEqual(severities({ rules: { T6: 'off', T7: 'style' } }), ['T7:style']);
    assert.deepEqual(severities(), ['T6:warning', 'T7:info']);
  });
  it('a RUN rule that names its programs is called once per RUN that runs one of them, and only then', () => {
    const calls: number[] = [];
    const apt = perInstruction(
      { ...meta, id: 'T10', defaultSeverity: 'info' },
      ['RUN'],
      (i, c) => {
        calls.push(i.getRange().start.line);
        c.report({ range: i.getInstructionRange(), message: 'apt' });
      },
      { programs: ['apt-get', 'apt'] },
    );
    const text = 'FROM a\nRUN apt-get update && apt-get install -y x && apt install y\nRUN pip install z\nRUN ["/usr/bin/apt-get", "clean"]\nRUN sudo apt-get update\n';
    assert.deepEqual(lintDockerfile(text, { rules: [apt] }).map((f) => f.range.start.line), [1, 3, 4]);
    assert.deepEqual(calls, [1, 3, 4]);
    assert.throws(() => perInstruction({ ...meta, id: 'T11', defaultSeverity: 'info' }, ['COPY'], () => undefined, { programs: ['x'] }), /RUN only/);
  });
  it('the rules that name their programs, and the stateful rules that name their keywords, find what they find when called on every RUN or instruction', () => {
    // The names are a promise that the rule finds nothing in a RUN without those programs, and that a stateful
    // step does nothing for other instructions: held on the differential and benchmark corpora, by default and
    // under hadolint parity (whose readings differ), against the same rules called on every RUN or instruction.
    const { dockerfileRules } = require('../../src/core/dockerfile/rules') as typeof import('../../src/core/dockerfile/rules');
    const { generateDiffCorpus } = require('../diff/corpus') as typeof import('../diff/corpus');
    const { generateCorpus, BENCH_CORPUS_SIZE, BENCH_CORPUS_SEED } = require('../bench/corpus') as typeof import('../bench/corpus');
    const byProgram = dockerfileRules.filter((r) => r.perInstruction?.programs);
    assert.ok(byProgram.length >= 20, `${byProgram.length} rules name their programs`);
    const byKeyword = dockerfileRules.filter((r) => !r.perInstruction && !r.atEnd && r.create({} as never).keywords);
    assert.ok(byKeyword.length >= 4, `${byKeyword.length} stateful rules name their keywords`);
    const named = [...byProgram, ...byKeyword];
    const everyRun = [
      ...byProgram.map((r) => perInstruction(r, ['RUN'], r.perInstruction!.check)),
      ...byKeyword.map((r) => ({ ...r, create: (context: Parameters<typeof r.create>[0]) => ({ ...r.create(context), keywords: undefined }) })),
    ];
    const texts = [...generateDiffCorpus(), ...generateCorpus(BENCH_CORPUS_SIZE, BENCH_CORPUS_SEED)].map((f) => f.text);
    texts.push('FROM a\nSHELL ["powershell", "-Command"]\nRUN apt-get install x; cd C:\\app; npm install y\n');
    let findings = 0;
    for (const config of [undefined, { rules: {}, dockerfile: { hadolintParity: true } }]) {
      for (const text of texts) {
        const found = lintDockerfile(text, { rules: named, config });
        assert.deepEqual(found, lintDockerfile(text, { rules: everyRun, config }), text);
        findings += found.length;
      }
    }
    assert.ok(findings > 1000, `${findings} findings compared`);
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

describe('hadolint compatibility', () => {
  it('reads a .hadolint.yaml with every key', () => {
    const parsed = parseConfigFile(
      [
        'failure-threshold: warning',
        'ignored: [MLO101, SC2086]',
        'override:',
        '  error: [MLO104]',
        '  info: [MLO102]',
        'trustedRegistries: docker.io',
        'label-schema:',
        '  maintainer: text',
        '  org.opencontainers.image.created: rfc3339',
        'strict-labels: true',
        'disable-ignore-pragma: true',
        'hadolint-parity: true',
        'no-color: true',
        'format: json',
        '',
      ].join('\n'),
      ruleIds,
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config, {
      rules: { MLO101: 'off', MLO104: 'error', MLO102: 'info' },
      failureThreshold: 'warning',
      dockerfile: {
        trustedRegistries: ['docker.io'],
        labelSchema: { maintainer: 'text', 'org.opencontainers.image.created': 'rfc3339' },
        strictLabels: true,
        disableIgnorePragma: true,
        hadolintParity: true,
      },
    });
  });

  it('reports bad hadolint keys at their place and keeps the rest', () => {
    const parsed = parseConfigFile('override:\n  loud: [MLO101]\nlabel-schema:\n  owner: person\nstrict-labels: maybe\nignored: MLO103\n', ruleIds);
    assert.deepEqual(
      parsed.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`),
      [
        '2:3 `override` takes the levels error, warning, info and style.',
        '4:10 The type of label "owner" must be one of text, url, spdx, hash, rfc3339, semver, email.',
        '5:16 `strict-labels` must be true or false.',
      ],
    );
    assert.deepEqual(parsed.config.rules, { MLO103: 'off' });
  });

  it('reads hadolint environment variables', () => {
    const { config, problems } = configFromEnv(
      {
        HADOLINT_IGNORE: 'MLO101, MLO102',
        HADOLINT_OVERRIDE_ERROR: 'MLO104',
        HADOLINT_FAILURE_THRESHOLD: 'warning',
        HADOLINT_TRUSTED_REGISTRIES: 'docker.io,*.gcr.io',
        HADOLINT_REQUIRE_LABELS: 'maintainer:text,version:semver,bad',
        HADOLINT_STRICT_LABELS: 'yes',
      },
      ruleIds,
    );
    assert.deepEqual(config, {
      rules: { MLO101: 'off', MLO102: 'off', MLO104: 'error' },
      failureThreshold: 'warning',
      dockerfile: { trustedRegistries: ['docker.io', '*.gcr.io'], strictLabels: true, labelSchema: { maintainer: 'text', version: 'semver' } },
    });
    assert.deepEqual(problems, ['HADOLINT_REQUIRE_LABELS: "bad" is not label:type with a type of text, url, spdx, hash, rfc3339, semver, email']);
    assert.equal(configFromEnv({ HADOLINT_NOFAIL: '1' }, ruleIds).config.failureThreshold, 'none');
  });

  it('finds the project .hadolint.yaml, else the user one, and ours on top', () => {
    const files = new Set(['/p/.hadolint.yaml', '/p/svc/.mlops-deploy.yml', '/home/u/.config/hadolint.yaml']);
    const exists = (path: string): boolean => files.has(path);
    assert.deepEqual(configFilesFor('/p/svc', exists, { HOME: '/home/u' }), ['/p/.hadolint.yaml', '/p/svc/.mlops-deploy.yml']);
    files.delete('/p/.hadolint.yaml');
    assert.deepEqual(configFilesFor('/p/svc', exists, { HOME: '/home/u' }), ['/home/u/.config/hadolint.yaml', '/p/svc/.mlops-deploy.yml']);
    assert.deepEqual(configFilesFor('/p/svc', exists, { HOME: '/home/u', XDG_CONFIG_HOME: '/x' }), ['/home/u/.config/hadolint.yaml', '/p/svc/.mlops-deploy.yml']);
    files.add('/x/hadolint.yaml');
    assert.deepEqual(configFilesFor('/p/svc', exists, { HOME: '/home/u', XDG_CONFIG_HOME: '/x' }), ['/x/hadolint.yaml', '/p/svc/.mlops-deploy.yml']);
  });

  it('stage pragmas, trailing reasons, and disable-ignore-pragma', () => {
    const text = [
      'FROM python:3.11 AS build',
      '# hadolint stage ignore=MLO104',
      'FROM python:3.11',
      '# hadolint ignore=MLO108 # the proxy in front binds for us',
      'CMD ["uvicorn", "app:app", "--host", "127.0.0.1"]',
      '',
    ].join('\n');
    assert.deepEqual(codes(text).filter((c) => /MLO10[48]/.test(c)), []);
    assert.deepEqual(
      codes(text, { config: { rules: {}, dockerfile: { disableIgnorePragma: true } } }).filter((c) => /MLO10[48]/.test(c)),
      ['MLO104@3', 'MLO108@5'],
    );
    const misplaced = 'FROM python:3.11-slim\n# hadolint stage ignore=MLO108\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
    assert.ok(codes(misplaced).includes('MLO108@3'), 'a stage pragma with no FROM after it does nothing');
  });

  it('under hadolint parity, hadolint pragmas are read as hadolint reads them; ours are not', () => {
    const parity = { config: { rules: {}, dockerfile: { hadolintParity: true } } };
    const pip = 'RUN pip install --no-cache-dir flask\n';
    const gap = `FROM python:3.11-slim\n# hadolint ignore=DL3013\n\n${pip}`;
    const between = `FROM python:3.11-slim\n# hadolint ignore=DL3013\n# flask is pinned by constraints.txt\n${pip}`;
    const lower = `FROM python:3.11-slim\n# hadolint ignore=dl3013\n${pip}`;
    const next = `FROM python:3.11-slim\n# hadolint ignore=DL3013\n${pip}`;
    const ours = `FROM python:3.11-slim\n# mlops-deploy ignore=dl3013\n\n${pip}`;
    for (const text of [gap, between, lower, next, ours]) assert.ok(!codes(text).some((c) => c.startsWith('DL3013')), text);
    assert.ok(codes(gap, parity).includes('DL3013@4'));
    assert.ok(codes(between, parity).includes('DL3013@4'));
    assert.ok(codes(lower, parity).includes('DL3013@3'));
    assert.ok(!codes(next, parity).some((c) => c.startsWith('DL3013')), 'a pragma right above still works');
    assert.ok(!codes(ours, parity).some((c) => c.startsWith('DL3013')), 'our own spelling keeps our reading');
    // A stage pragma: hadolint leaves the stage's FROM line out.
    const stage = 'FROM ubuntu:22.04 AS one\n# hadolint stage ignore=DL3007,DL3003\nFROM ubuntu:latest AS two\nRUN cd /tmp && ls\n';
    assert.deepEqual(codes(stage).filter((c) => /DL300[37]/.test(c)), []);
    assert.deepEqual(codes(stage, parity).filter((c) => /DL300[37]/.test(c)), ['DL3007@3']);
  });

  it('under hadolint parity, RUNs under a non-POSIX shell are read as shell, as hadolint reads them', () => {
    const parity = { config: { rules: {}, dockerfile: { hadolintParity: true } } };
    const text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl\nRUN Get-ChildItem | Select-Object Name\n';
    assert.ok(!codes(text).includes('DL3014@3'));
    assert.ok(codes(text, parity).includes('DL3014@3'));
    assert.ok(!codes(text, parity).some((c) => c.startsWith('DL4006')), 'DL4006 follows the SHELL, as in hadolint');
    const pragma = '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install curl\n';
    assert.ok(!codes(pragma).includes('DL3014@3'));
    assert.ok(codes(pragma, parity).includes('DL3014@3'));
  });

  it('RUNs under a non-POSIX shell are not read as shell', () => {
    const run = 'RUN pip install fastapi\n';
    assert.ok(codes('FROM python:3.11-slim\n' + run).includes('MLO101@1'));
    assert.ok(!codes('FROM python:3.11-slim\nSHELL ["powershell", "-Command"]\n' + run).includes('MLO101@1'));
    assert.ok(!codes('# hadolint shell=pwsh\nFROM python:3.11-slim\n' + run).includes('MLO101@2'));
    assert.ok(codes('FROM python:3.11-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' + run).includes('MLO101@1'));
  });
});
