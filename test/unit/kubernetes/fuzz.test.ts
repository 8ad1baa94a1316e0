import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { computeLineStarts, type Range } from '../../../src/core/findings';
import { detectHelmTemplate } from '../../../src/core/kubernetes/helm';
import { containersOf, matchesLabelSelector, podLabelsOf } from '../../../src/core/kubernetes/objects';
import { parseManifestFile, type JsonPath } from '../../../src/core/kubernetes/parse';

/**
 * Property-based tests on text an editor can hold while someone types or pastes YAML: the parser and the object
 * view never throw, every range points inside the text, and a path's location is always one of its prefixes.
 */

const NUM_RUNS = 1000;

/** Tokens that YAML gives meaning to, and that the object view looks for. */
const TOKENS = [
  'apiVersion:', 'v1', 'apps/v1', 'kind:', 'Pod', 'Deployment', 'CronJob', 'spec:', 'template:', 'metadata:', 'labels:',
  'containers:', 'initContainers:', 'name:', 'image:', 'selector:', 'matchLabels:', 'app:', 'model', '-', '- ', '---',
  '...', ':', ': ', '&a', '*a', '&b', '*b', '<<:', '{', '}', '[', ']', ',', '?', '!', '!!str', '%YAML 1.2', '"', "'",
  '|', '>-', '#', '{{', '}}', '{{ .Values.x }}', '0644', 'yes', '~', 'null', '',
];

/** Characters that stress parsers: line breaks of every kind, tabs, NUL, a BOM, lone surrogates, replacement characters. */
const AWKWARD_CHARS = ['\n', '\r\n', '\r', '\t', '\u0000', '\ufeff', '\u2028', '\ud800', '\udfff', '\ufffd', '\u00a0', '𝄞'];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_CHARS) },
);

const line = fc
  .tuple(fc.nat({ max: 8 }), fc.array(fc.tuple(token, fc.constantFrom(' ', '', '\t')), { maxLength: 6 }))
  .map(([indent, parts]) => ' '.repeat(indent) + parts.map(([t, separator]) => t + separator).join(''));

const yamlText = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));

const path: fc.Arbitrary<JsonPath> = fc.array(fc.oneof(fc.constantFrom('apiVersion', 'kind', 'spec', 'containers', 'name', 'a', ''), fc.nat({ max: 3 })), { maxLength: 6 });

function assertInside(range: Range, text: string): void {
  const lineStarts = computeLineStarts(text);
  const lineLength = (n: number): number => (n + 1 < lineStarts.length ? lineStarts[n + 1] : text.length) - lineStarts[n];
  for (const { line: n, character } of [range.start, range.end]) {
    assert.ok(n >= 0 && n < lineStarts.length, `line ${n} outside the text`);
    assert.ok(character >= 0 && character <= lineLength(n), `character ${character} outside line ${n}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), 'range ends before it starts');
}

describe('kubernetes parsing: properties', () => {
  it('never throws, keeps every range inside the text, and locates a prefix of every path', () => {
    fc.assert(
      fc.property(yamlText, fc.array(path, { maxLength: 4 }), (text, paths) => {
        const parsed = parseManifestFile(text);
        for (const problem of parsed.problems) assertInside(problem.range, text);
        for (const document of parsed.documents) {
          assertInside(document.range, text);
          if (document.object !== undefined) {
            assert.equal(document.shape, 'mapping');
            assert.equal(document.object, document.value);
            containersOf(document.object);
            matchesLabelSelector(document.object.spec, podLabelsOf(document.object));
          }
          for (const requested of paths) {
            const location = document.locate(requested);
            assert.deepEqual(location.path, requested.slice(0, location.path.length));
            assert.equal(location.exact, location.path.length === requested.length);
            assertInside(location.valueRange, text);
            if (location.keyRange) assertInside(location.keyRange, text);
          }
        }
        const helm = detectHelmTemplate(text, { path: 'chart/templates/x.yaml' });
        if (helm) assertInside(helm.range, text);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
