import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from '../../../src/core/findings';
import { parseManifestFile, type ManifestDocument, type ParseProblem } from '../../../src/core/kubernetes/parse';

/** `line:character-line:character`, 0-based as in Range, so that expectations read like the text they point at. */
function at(range: Range | undefined): string {
  assert.ok(range, 'no range');
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function problems(list: ParseProblem[]): string[] {
  return list.map((problem) => `${problem.kind} ${at(problem.range)}`);
}

function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1);
  return items[0];
}

const DEPLOYMENT = [
  'apiVersion: apps/v1', //                    0
  'kind: Deployment', //                       1
  'metadata:', //                              2
  '  name: model', //                          3
  'spec:', //                                  4
  '  template:', //                            5
  '    spec:', //                              6
  '      containers:', //                      7
  '        - name: server', //                 8
  '          image: model:1.2', //             9
  '          resources:', //                   10
  '            limits: {cpu: "1"}', //         11
  '', //                                       12
  '        - name: sidecar', //                13
  '          image: proxy:2', //               14
  '', //                                       15
  '# trailing comment', //                     16
  '',
].join('\n');

describe('parseManifestFile: documents and objects', () => {
  it('reads a Kubernetes object with its range, as plain JS', () => {
    const document = only(parseManifestFile(DEPLOYMENT).documents);
    assert.equal(document.index, 0);
    assert.equal(document.shape, 'mapping');
    assert.equal(at(document.range), '0:0-14:24');
    assert.deepEqual(document.problems, []);
    assert.equal(document.object?.kind, 'Deployment');
    assert.deepEqual(document.value, document.object);
    assert.deepEqual((document.object?.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers[0], {
      name: 'server',
      image: 'model:1.2',
      resources: { limits: { cpu: '1' } },
    });
  });

  it('numbers the documents of a file, empty ones included, each with its own range', () => {
    const text = '---\napiVersion: v1\nkind: Service\n---\n---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\n';
    const { documents, problems: found } = parseManifestFile(text);
    assert.deepEqual(
      documents.map((d) => [d.index, d.shape, d.object?.kind, at(d.range)]),
      [
        [0, 'mapping', 'Service', '0:0-2:13'],
        [1, 'empty', undefined, '3:0-3:3'],
        [2, 'empty', undefined, '4:0-5:16'],
        [3, 'mapping', 'ConfigMap', '6:0-8:15'],
      ],
    );
    assert.deepEqual(found, []);
  });

  it('returns no document for an empty file or one holding only comments', () => {
    assert.deepEqual(parseManifestFile('').documents, []);
    assert.deepEqual(parseManifestFile('# nothing here\n\n').documents, []);
  });

  it('takes only a mapping with non-empty string apiVersion and kind for an object', () => {
    const text = ['apiVersion: 1\nkind: Pod', 'kind: Pod', 'apiVersion: v1\nkind: ""', 'apiVersion: v1\nkind: [Pod]', 'apiVersion: v1\nkind: Pod'].join('\n---\n');
    assert.deepEqual(
      parseManifestFile(text).documents.map((d) => d.object?.kind),
      [undefined, undefined, undefined, undefined, 'Pod'],
    );
  });

  it('keeps a list or a scalar document as a value of that shape, without calling it an object or a problem', () => {
    const { documents, problems: found } = parseManifestFile('- apiVersion: v1\n  kind: Pod\n---\njust text\n---\n42\n');
    assert.deepEqual(
      documents.map((d) => [d.shape, d.value, d.object]),
      [
        ['list', [{ apiVersion: 'v1', kind: 'Pod' }], undefined],
        ['scalar', 'just text', undefined],
        ['scalar', 42, undefined],
      ],
    );
    assert.deepEqual(found, []);
  });

  it('reads JSON written as YAML, with the ranges of its quoted keys and values', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "spec": {"containers": [{"name": "a", "image": "b"}]}\n}\n';
    const document = only(parseManifestFile(text).documents);
    assert.equal(document.object?.kind, 'Pod');
    assert.equal(at(document.range), '0:0-4:1');
    const image = document.locate(['spec', 'containers', 0, 'image']);
    assert.equal(image.exact, true);
    assert.equal(at(image.keyRange), '3:40-3:47');
    assert.equal(at(image.valueRange), '3:49-3:52');
    const container = document.locate(['spec', 'containers', 0, 'resources']);
    assert.deepEqual([container.exact, container.path, at(container.range)], [false, ['spec', 'containers', 0], '3:26-3:53']);
  });

  it('reads YAML 1.1 as Kubernetes does: octal modes, yes/no booleans and merge keys', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmode: 0644\nflag: yes\nbase: &base {a: 1}\nmerged:\n  <<: *base\n  b: 2\n';
    const object = only(parseManifestFile(text).documents).object;
    assert.deepEqual([object?.mode, object?.flag, object?.merged], [420, true, { a: 1, b: 2 }]);
  });
});

describe('parseManifestFile: ranges of JSON paths', () => {
  const document = only(parseManifestFile(DEPLOYMENT).documents);

  it('gives the key and value ranges of a path that exists', () => {
    const location = document.locate(['spec', 'template', 'spec', 'containers', 0, 'image']);
    assert.deepEqual([location.exact, location.path], [true, ['spec', 'template', 'spec', 'containers', 0, 'image']]);
    assert.equal(at(location.keyRange), '9:10-9:15');
    assert.equal(at(location.valueRange), '9:17-9:26');
    assert.equal(at(location.range), '9:10-9:15');
  });

  it('ends a collection value at its last character, not after blank lines and comments', () => {
    const containers = document.locate(['spec', 'template', 'spec', 'containers']);
    assert.equal(at(containers.keyRange), '7:6-7:16');
    assert.equal(at(containers.valueRange), '8:8-14:24');
    assert.equal(at(document.locate(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits']).valueRange), '11:20-11:30');
  });

  it('gives a list item its value range only, since it has no key', () => {
    const sidecar = document.locate(['spec', 'template', 'spec', 'containers', 1]);
    assert.equal(sidecar.keyRange, undefined);
    assert.equal(at(sidecar.valueRange), '13:10-14:24');
    assert.equal(at(sidecar.range), '13:10-14:24');
  });

  it('falls back to the nearest existing ancestor, so that "lacks resources" sits on the container', () => {
    const missing = document.locate(['spec', 'template', 'spec', 'containers', 1, 'resources', 'limits']);
    assert.deepEqual([missing.exact, missing.path], [false, ['spec', 'template', 'spec', 'containers', 1]]);
    assert.equal(at(missing.range), '13:10-14:24');
    const beyondList = document.locate(['spec', 'template', 'spec', 'containers', 5]);
    assert.deepEqual(beyondList.path, ['spec', 'template', 'spec', 'containers']);
    assert.equal(at(beyondList.range), '7:6-7:16');
    const wrongType = document.locate(['metadata', 'name', 'first']);
    assert.deepEqual([wrongType.path, at(wrongType.range)], [['metadata', 'name'], '3:2-3:6']);
    const fromRoot = document.locate(['status']);
    assert.deepEqual([fromRoot.exact, fromRoot.path, fromRoot.keyRange, at(fromRoot.range)], [false, [], undefined, '0:0-14:24']);
  });

  it('locates the root with the empty path', () => {
    const root = document.locate([]);
    assert.deepEqual([root.exact, root.keyRange, at(root.valueRange)], [true, undefined, '0:0-14:24']);
  });

  it('puts a key without a value on the key, and its empty value where the key ends', () => {
    const located = only(parseManifestFile('apiVersion: v1\nkind: Pod\nspec:\n').documents).locate(['spec']);
    assert.deepEqual([at(located.keyRange), at(located.valueRange)], ['2:0-2:4', '2:5-2:5']);
  });

  it('stops at an alias, where the object uses the anchored content', () => {
    const text = 'apiVersion: v1\nkind: Pod\nx: &r {cpu: 1}\nresources: *r\n';
    const located = only(parseManifestFile(text).documents).locate(['resources', 'cpu']);
    assert.deepEqual([located.exact, located.path, at(located.valueRange)], [false, ['resources'], '3:11-3:13']);
  });

  it('counts characters in UTF-16 code units as the editor does, replacement characters included', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "\uFFFD\uFFFD😀"\n  namespace: ns\n';
    const document = only(parseManifestFile(text).documents);
    assert.deepEqual(document.problems, []);
    assert.equal((document.object?.metadata as { name: string }).name, '\uFFFD\uFFFD😀');
    assert.equal(at(document.locate(['metadata', 'name']).valueRange), '3:8-3:14');
    assert.equal(at(document.locate(['metadata', 'namespace']).valueRange), '4:13-4:15');
  });

  it('breaks lines at \\r\\n and a lone \\r as the editor does', () => {
    const crlf = only(parseManifestFile('apiVersion: v1\r\nkind: Pod\r\nspec: {}\r\n').documents);
    assert.equal(at(crlf.locate(['spec']).valueRange), '2:6-2:8');
    const loneCr = only(parseManifestFile('apiVersion: v1\rkind: Pod\rspec: {}\r').documents);
    assert.deepEqual([loneCr.problems, loneCr.object?.kind], [[], 'Pod']);
    assert.equal(at(loneCr.locate(['spec']).valueRange), '2:6-2:8');
  });
});

describe('parseManifestFile: bad input', () => {
  it('gives one syntax error at its position and still reads the other documents', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [\n---\napiVersion: v1\nkind: Service\n';
    const { documents, problems: found } = parseManifestFile(text);
    assert.deepEqual(
      documents.map((d: ManifestDocument) => [d.object?.kind, d.value === undefined, d.problems.length]),
      [
        ['ConfigMap', false, 0],
        [undefined, true, 1],
        ['Service', false, 0],
      ],
    );
    assert.deepEqual(problems(found), ['syntax 6:0-6:1']);
  });

  it('reports a tab used as indentation as a syntax error on the tab, and accepts tabs elsewhere', () => {
    const indented = parseManifestFile('apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n');
    assert.deepEqual(problems(indented.problems), ['syntax 3:0-3:1']);
    assert.equal(indented.documents[0].object, undefined);
    const separator = parseManifestFile('apiVersion:\tv1\nkind: Pod  \t# a comment\n');
    assert.deepEqual(separator.problems, []);
    assert.equal(separator.documents[0].object?.apiVersion, 'v1');
  });

  it('reports each duplicate key on the repeated key, keeps the object, and lets the last value win', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nkind: Service\n';
    const document = only(parseManifestFile(text).documents);
    assert.deepEqual(problems(document.problems), ['duplicate-key 4:2-4:6', 'duplicate-key 5:0-5:4']);
    assert.deepEqual(document.problems[0].message, 'Map keys must be unique');
    assert.equal(document.object?.kind, 'Service');
    assert.equal(at(document.locate(['metadata', 'name']).valueRange), '4:8-4:9');
  });

  it('never puts a range inside a \\r\\n line break', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  probe:\n  probe:\n    port: 1\n';
    const lf = problems(only(parseManifestFile(text).documents).problems);
    assert.equal(lf.length, 1);
    const crlf = only(parseManifestFile(text.replace(/\n/g, '\r\n')).documents).problems;
    // Both start where the first key's empty value is; with \r\n the range cannot end inside the line break.
    assert.equal(lf[0], 'duplicate-key 3:8-4:0');
    assert.deepEqual(problems(crlf), ['duplicate-key 3:8-3:8']);
  });

  it('reports an alias to an anchor defined nowhere on the alias', () => {
    const document = only(parseManifestFile('apiVersion: v1\nkind: Pod\nspec: *missing\n').documents);
    assert.deepEqual(problems(document.problems), ['alias 2:6-2:14']);
    assert.match(document.problems[0].message, /missing/);
    assert.equal(document.object, undefined);
    const early = only(parseManifestFile('apiVersion: v1\nkind: Pod\nspec: *late\nstatus: &late {}\n').documents);
    assert.deepEqual(problems(early.problems), ['alias 2:6-2:11']);
  });

  it('reports a "billion laughs" alias bomb on its first alias without expanding it', (t) => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
    const text = lines.join('\n') + '\n---\napiVersion: v1\nkind: Service\n';
    const started = performance.now();
    const { documents, problems: found } = parseManifestFile(text);
    const elapsed = performance.now() - started;
    t.diagnostic(`alias bomb (9^10 nodes if expanded): ${elapsed.toFixed(1)} ms`);
    assert.deepEqual(problems(found), ['alias-limit 3:9-3:12']);
    assert.deepEqual([documents[0].value, documents[0].object, documents[1].object?.kind], [undefined, undefined, 'Service']);
  });

  it('reads a few ordinary aliases and merge keys', () => {
    const containers = Array.from({ length: 50 }, (_, i) => `    - <<: *defaults\n      name: c${i}`).join('\n');
    const text = `apiVersion: v1\nkind: Pod\nx-defaults: &defaults {image: "a:1", resources: {limits: {cpu: "1"}}}\nspec:\n  containers:\n${containers}\n`;
    const document = only(parseManifestFile(text).documents);
    assert.deepEqual(document.problems, []);
    assert.equal((document.object?.spec as { containers: unknown[] }).containers.length, 50);
  });

  it("reports nesting deeper than the parser's stack as one syntax error", () => {
    const { documents, problems: found } = parseManifestFile('['.repeat(50_000));
    // Where the parser runs out of stack depends on the stack size, so only the kind of problem is certain.
    assert.deepEqual([documents.length, found.map((problem) => problem.kind)], [1, ['syntax']]);
    assert.equal(documents[0].value, undefined);
  });

  it('reads a 10 MB file of many documents, every one of them', (t) => {
    const document = (i: number): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-${i}\n  labels: {app: model-${i}}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: model-${i}}\n  template:\n    metadata:\n      labels: {app: model-${i}}\n    spec:\n      containers:\n        - name: server\n          image: registry.example.com/model:1.${i}\n          ports: [{containerPort: 8080}]\n          resources:\n            limits: {cpu: "2", memory: 4Gi}\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      parts.push(document(i));
      size += parts[i].length + 4;
    }
    const text = parts.join('---\n');
    const started = performance.now();
    const parsed = parseManifestFile(text);
    const last = parsed.documents[parsed.documents.length - 1];
    const located = last.locate(['spec', 'template', 'spec', 'containers', 0, 'image']);
    const elapsed = performance.now() - started;
    t.diagnostic(`10 MB, ${parsed.documents.length} documents: ${elapsed.toFixed(0)} ms`);
    assert.equal(parsed.documents.length, parts.length);
    assert.deepEqual(parsed.problems, []);
    assert.equal(located.exact, true);
    assert.equal(located.valueRange.start.line, text.split('\n').length - 5);
  });
});
