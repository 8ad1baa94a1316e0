import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_DEPTH, parseTritonConfig, type MessageNode, type ScalarNode } from '../../../src/core/triton/parse';
import { tokenize } from '../../../src/core/triton/tokenize';
import { lintTritonConfig } from '../../../src/core/triton/lint';
import { parseFloatText, parseInteger } from '../../../src/core/triton/scalars';

describe('Triton text format: tokens', () => {
  it('cuts identifiers, numbers, strings and symbols at exact offsets, and keeps comments apart', () => {
    const { tokens, comments } = tokenize('dims: [ -1, 0x1F ] # shape\nname: \'a"b\' "c\\"d"');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.start, t.end]),
      [
        ['identifier', 'dims', 0, 4], ['symbol', ':', 4, 5], ['symbol', '[', 6, 7], ['number', '-1', 8, 10], ['symbol', ',', 10, 11],
        ['number', '0x1F', 12, 16], ['symbol', ']', 17, 18], ['identifier', 'name', 27, 31], ['symbol', ':', 31, 32],
        ['string', '\'a"b\'', 33, 38], ['string', '"c\\"d"', 39, 45], ['end', '', 45, 45],
      ],
    );
    assert.deepEqual(comments, [{ text: ' shape', start: 19, end: 26 }]);
  });

  it('ends an unterminated string at the end of its line', () => {
    const { tokens } = tokenize('name: "abc\nx: 1');
    assert.deepEqual(tokens[2], { kind: 'string', text: '"abc', start: 6, end: 10 });
  });
});

describe('Triton text format: values', () => {
  it('reads integers as text_format does', () => {
    assert.equal(parseInteger('0x10'), 16n);
    assert.equal(parseInteger('017'), 15n);
    assert.equal(parseInteger('-5'), -5n);
    assert.equal(parseInteger('+5'), 5n);
    assert.equal(parseInteger('1_000'), 1000n);
    assert.equal(parseInteger('09'), undefined);
    assert.equal(parseInteger('1.0'), undefined);
  });

  it('reads floats as text_format does', () => {
    assert.equal(parseFloatText('1.5f'), 1.5);
    assert.equal(parseFloatText('-inf'), -Infinity);
    assert.ok(Number.isNaN(parseFloatText('nan')!));
    assert.equal(parseFloatText('1e3'), 1000);
    assert.equal(parseFloatText('01.5'), undefined);
    assert.equal(parseFloatText('0x1'), undefined);
  });
});

describe('Triton text format: tree', () => {
  it('keeps fields, values and schema types with ranges', () => {
    const document = parseTritonConfig('name: "m"\ninput [ { name: "x" dims: [ 1, 2 ] }, { name: "y" } ]\n');
    assert.deepEqual(document.problems, []);
    const [name, input] = document.root.fields;
    assert.equal((name.values[0] as ScalarNode).value, 'm');
    assert.equal(input.schema?.typeName, 'inference.ModelInput');
    assert.equal(input.values.length, 2);
    const first = input.values[0] as MessageNode;
    assert.deepEqual(first.fields[1].values.map((v) => (v as ScalarNode).value), [1n, 2n]);
    assert.deepEqual(document.rangeOf(first.start, first.end), { start: { line: 1, character: 8 }, end: { line: 1, character: 36 } });
  });

  it('reports only the first syntax error, and schema errors before it', () => {
    const { problems } = parseTritonConfig('foo: 1\nname: "a\nbar: 2\n}');
    assert.deepEqual(problems.map((p) => [p.kind, p.start]), [['schema', 0], ['syntax', 13]]);
  });

  it('stops nesting at the depth Triton allows, without recursion past it', () => {
    const text = 'optimization { '.repeat(1) + 'graph { '.repeat(MAX_DEPTH + 5);
    const { problems } = parseTritonConfig(text);
    assert.equal(problems.filter((p) => p.kind === 'syntax').length, 1);
  });
});

describe('Triton ignore comments', () => {
  const config = ['name: "m"', 'backend: "python"', '# mlops-deploy ignore=MLO507', 'max_batch_size: 8', 'input { name: "x" }', ''].join('\n');

  it('ignores a rule on the field after the comment', () => {
    assert.deepEqual(lintTritonConfig(config).map((f) => f.code), ['MLO505']);
  });

  it('ignores a rule in the whole file', () => {
    assert.deepEqual(lintTritonConfig('# mlops-deploy global ignore=MLO505\n' + config).map((f) => f.code), []);
  });

  it('does not ignore from a comment after a value on the same line', () => {
    const trailing = config.replace('# mlops-deploy ignore=MLO507\n', '').replace('max_batch_size: 8', 'max_batch_size: 8 # mlops-deploy ignore=MLO505');
    assert.deepEqual(lintTritonConfig(trailing).map((f) => f.code), ['MLO507', 'MLO505']);
  });
});

describe('Triton ignore comments on nested fields', () => {
  it('covers everything nested in the field after the comment, and nothing after it', () => {
    const config = [
      'name: "m"',
      'backend: "python"',
      '# mlops-deploy ignore=MLO505 # the tensors come from the model file',
      'input [',
      '  { name: "a" },',
      '  { name: "b" }',
      ']',
      'output [ { name: "y" } ]',
      '',
    ].join('\n');
    assert.deepEqual(lintTritonConfig(config).map((f) => `${f.code}@${f.range.start.line + 1}`), ['MLO505@8']);
  });

  it('reads a comment before a nested field', () => {
    const config = ['name: "m"', 'backend: "python"', 'input [', '  {', '    # mlops-deploy ignore=MLO505', '    name: "a"', '  }', ']', ''].join('\n');
    // The finding sits on the tensor's brace, not on the field after the comment.
    assert.deepEqual(lintTritonConfig(config).map((f) => `${f.code}@${f.range.start.line + 1}`), ['MLO505@4']);
  });
});

describe('Triton ignore comments where the editor puts them', () => {
  it('covers a list item whose brace stands alone on its line', () => {
    const config = ['name: "m"', 'backend: "python"', 'input [', '  # mlops-deploy ignore=MLO505', '  {', '    name: "a"', '  }', ']', ''].join('\n');
    assert.deepEqual(lintTritonConfig(config).map((f) => f.code), []);
  });

  it('covers a syntax error on the line after the comment', () => {
    const config = ['name: "m"', '# mlops-deploy ignore=MLO501', 'backend "python"', ''].join('\n');
    assert.deepEqual(lintTritonConfig(config).map((f) => f.code), []);
  });
});
