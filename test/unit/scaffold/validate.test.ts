import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scaffoldContext } from '../../../src/core/scaffold/context';
import {
  validateContext,
  validateCount,
  validateFramework,
  validateHost,
  validateImageRepository,
  validateModelPath,
  validateName,
  validateNamespace,
  validatePort,
  validateSubfolder,
  validateTarget,
} from '../../../src/core/scaffold/validate';

function table(name: string, validate: (value: string) => string | undefined, valid: string[], invalid: Array<[string, RegExp]>): void {
  describe(name, () => {
    for (const value of valid) it(`accepts ${JSON.stringify(value)}`, () => assert.equal(validate(value), undefined));
    for (const [value, message] of invalid) it(`refuses ${JSON.stringify(value)}`, () => assert.match(validate(value) ?? '(accepted)', message));
  });
}

table('validateName (DNS-1123 label)', validateName, ['iris', 'iris-classifier-2', 'a', 'x'.repeat(63)], [
  ['', /Enter a name/],
  ['Iris', /lowercase/],
  ['iris_classifier', /only lowercase letters, digits and -/],
  ['iris.v2', /only lowercase/],
  ['2iris', /Start with a letter/],
  ['-iris', /Start with a letter/],
  ['iris-', /End with a letter or digit/],
  ['x'.repeat(64), /at most 63 characters; this one has 64/],
]);

table('validatePort', validatePort, ['8000', '1024', '65535', ' 8080 '], [
  ['', /Enter a port number/],
  ['http', /Enter a port number/],
  ['-1', /Enter a port number/],
  ['80.5', /Enter a port number/],
  ['0', /not a port number/],
  ['65536', /not a port number/],
  ['80', /needs root/],
]);

table('validateImageRepository', validateImageRepository, ['iris', 'acme/iris', 'ghcr.io/acme/iris', 'localhost:5000/ml/iris', 'registry.example.com/ml/iris-model_v2'], [
  ['', /Enter an image repository/],
  ['ghcr.io/acme/iris:1.0', /Leave out the tag/],
  ['iris:latest', /Leave out the tag/],
  ['acme/iris@sha256:abc', /Leave out the tag or digest/],
  ['ghcr.io/Acme/iris', /"Acme" is not a valid repository part/],
  ['acme//iris', /"" is not a valid/],
]);

table('validateFramework', validateFramework, ['sklearn', 'pytorch', 'onnx', 'tensorflow', 'xgboost'], [['keras', /Choose one of sklearn, pytorch/]]);
table('validateTarget', validateTarget, ['fastapi', 'triton', 'sagemaker'], [['vertex', /Choose one of fastapi, triton, sagemaker/]]);
table('validateHost', validateHost, ['iris.example.com', 'a-b.c'], [['localhost', /at least one dot/], ['Iris.example.com', /lowercase/], ['-a.com', /DNS name/]]);
table('validateCount', (value) => validateCount(value, 'The input size', 100), ['1', '100'], [['0', /at least 1/], ['x', /whole number/], ['101', /at most 100/]]);

describe('validateModelPath', () => {
  it('accepts the extensions each framework loads', () => {
    assert.equal(validateModelPath('model/model.joblib', 'sklearn'), undefined);
    assert.equal(validateModelPath('m.PT', 'pytorch'), undefined);
    assert.equal(validateModelPath('m.onnx', 'onnx', true), undefined);
    assert.equal(validateModelPath('m.keras', 'tensorflow'), undefined);
    assert.equal(validateModelPath('m.ubj', 'xgboost'), undefined);
  });
  it('refuses an empty path, another framework\'s file, and a missing file', () => {
    assert.match(validateModelPath(' ', 'sklearn') ?? '', /Enter the path/);
    assert.match(validateModelPath('model.pt', 'onnx') ?? '', /onnx model is loaded from a \.onnx file/);
    assert.match(validateModelPath('m.onnx', 'onnx', false) ?? '', /There is no file at m\.onnx/);
  });
});

describe('validateSubfolder', () => {
  it('accepts a folder inside the workspace folder, and the folder itself', () => {
    for (const ok of ['.', 'services/iris', 'deploy\\iris', 'a..b']) assert.equal(validateSubfolder(ok), undefined, ok);
  });

  it('refuses nothing, an absolute path, and a path that climbs out', () => {
    assert.match(validateSubfolder('') ?? '', /Enter a folder/);
    for (const bad of ['/etc', '..', 'services/../../x', '..\\up']) assert.match(validateSubfolder(bad) ?? '', /inside the workspace folder/, bad);
  });
});

describe('validateContext', () => {
  it('finds nothing wrong with the defaults of every target', () => {
    for (const target of ['fastapi', 'triton', 'sagemaker'] as const) assert.deepEqual(validateContext(scaffoldContext({ target, name: 'iris' })), {});
  });
  it('names every wrong answer, and the combinations that cannot work', () => {
    const problems = validateContext(scaffoldContext({ target: 'sagemaker', name: 'Iris', port: 8000, gpu: true, framework: 'sklearn', modelPath: 'x.pt' }));
    assert.deepEqual(Object.keys(problems).sort(), ['gpu', 'host', 'imageRepository', 'modelPath', 'name', 'port']);
    assert.match(problems.gpu ?? '', /CPU only/);
    assert.match(problems.port ?? '', /8080 only/);
  });
});

table('validateNamespace (RFC 1123 label)', validateNamespace, ['ml-serving', '2024-models', 'a'], [
  ['', /Enter a namespace/],
  ['ML', /lowercase/],
  ['ml-', /not at either end/],
  ['x'.repeat(64), /at most 63/],
]);
