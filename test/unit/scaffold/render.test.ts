import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTemplate, TemplateError } from '../../../src/core/scaffold/render';

describe('renderTemplate', () => {
  it('replaces names and dotted names', () => {
    assert.equal(renderTemplate('{{name}} on {{image.repository}}:{{port}}', { name: 'iris', image: { repository: 'r/iris' }, port: 8000 }), 'iris on r/iris:8000');
  });

  it('leaves GitHub expressions and Prometheus templates alone: a tag has no space after its braces', () => {
    const text = 'tags: ${{ github.sha }}\nsummary: "{{ $value | humanizePercentage }} of {{ $labels.pod }}"\n';
    assert.equal(renderTemplate(text, {}), text);
  });

  it('renders if, else and unless, with empty lists and strings false', () => {
    const template = '{{#if gpu}}GPU{{else}}CPU{{/if}} {{#unless list}}none{{/unless}} {{#if text}}t{{/if}}';
    assert.equal(renderTemplate(template, { gpu: true, list: [], text: '' }), 'GPU none ');
    assert.equal(renderTemplate(template, { gpu: false, list: [1], text: 'x' }), 'CPU  t');
  });

  it('takes the whole line of a block tag that stands alone, keeping the indentation of the rest', () => {
    const template = 'limits:\n  cpu: 1\n{{#if gpu}}\n  nvidia.com/gpu: 1\n{{/if}}\n  memory: 1Gi\n';
    assert.equal(renderTemplate(template, { gpu: true }), 'limits:\n  cpu: 1\n  nvidia.com/gpu: 1\n  memory: 1Gi\n');
    assert.equal(renderTemplate(template, { gpu: false }), 'limits:\n  cpu: 1\n  memory: 1Gi\n');
    assert.equal(renderTemplate('  {{#if a}}  \nx\n  {{else}}\ny\n{{/if}}', { a: false }), 'y\n');
  });

  it('keeps a block tag inline when text shares its line', () => {
    assert.equal(renderTemplate('maxReplicas: {{#if gpu}}4{{else}}10{{/if}}\n', { gpu: false }), 'maxReplicas: 10\n');
  });

  it('repeats each for a list, with the item, its fields, the index and the last flag', () => {
    const view = { ports: [{ name: 'http', port: 8000 }, { name: 'grpc', port: 8001 }], tags: ['a', 'b'] };
    assert.equal(renderTemplate('{{#each ports}}{{@index}}:{{name}}={{port}}{{#unless @last}},{{/unless}}{{/each}}', view), '0:http=8000,1:grpc=8001');
    assert.equal(renderTemplate('{{#each tags}}[{{this}}]{{/each}}', view), '[a][b]');
    assert.equal(renderTemplate('{{#each none}}x{{else}}empty{{/each}}', { none: [] }), 'empty');
  });

  it('finds outer names inside each', () => {
    assert.equal(renderTemplate('{{#each tags}}{{name}}-{{this}} {{/each}}', { name: 'm', tags: ['a'] }), 'm-a ');
  });

  it('renders nested blocks', () => {
    const template = '{{#if a}}{{#if b}}ab{{else}}a{{/if}}{{/if}}';
    assert.equal(renderTemplate(template, { a: true, b: false }), 'a');
    assert.equal(renderTemplate(template, { a: false, b: true }), '');
  });

  const errors: Array<[string, string, RegExp, number]> = [
    ['an unknown name', 'a\n{{nmae}}', /unknown name "nmae"/, 2],
    ['a missing field', '{{image.tga}}', /"tga" is not a field/, 1],
    ['an unclosed block', '{{#if a}}\nx', /never closed/, 1],
    ['a stray closing tag', 'x{{/if}}', /closes no block/, 1],
    ['a mismatched closing tag', '{{#if a}}{{/each}}', /closes \{\{#if a\}\}/, 1],
    ['each over a non-list', '{{#each a}}{{/each}}', /needs a list/, 1],
    ['an object printed as text', '{{image}}', /not text/, 1],
    ['else outside a block', '{{else}}', /outside/, 1],
  ];
  for (const [what, template, message, line] of errors) {
    it(`fails on ${what}, naming the line`, () => {
      assert.throws(
        () => renderTemplate(template, { a: true, image: { tag: '1' } }),
        (error: unknown) => error instanceof TemplateError && message.test(error.message) && error.line === line,
      );
    });
  }
});
