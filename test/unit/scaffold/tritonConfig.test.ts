import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { allVariants, scaffoldInto } from './generated';

/**
 * Every generated config.pbtxt is what Triton accepts: protobuf's text_format parses it into Triton's own
 * ModelConfig message (from the tritonclient wheel; scripts/install-triton-reference.sh), which rejects unknown
 * fields and wrong types as Triton does.
 */
const PARSE = `
import json, sys
from google.protobuf import text_format
from tritonclient.grpc import model_config_pb2
results = []
for text in json.load(sys.stdin):
    try:
        config = text_format.Parse(text, model_config_pb2.ModelConfig())
        results.append({"name": config.name, "platform": config.platform, "backend": config.backend,
                        "max_batch_size": config.max_batch_size, "inputs": [list(i.dims) for i in config.input],
                        "outputs": [list(o.dims) for o in config.output], "dynamic": config.HasField("dynamic_batching"),
                        "kinds": [model_config_pb2.ModelInstanceGroup.Kind.Name(g.kind) for g in config.instance_group]})
    except text_format.ParseError as error:
        results.append({"error": str(error)})
print(json.dumps(results))
`;

describe('generated Triton configs parse as ModelConfig', () => {
  it('every framework, CPU and GPU', () => {
    const python = execFileSync('bash', ['scripts/install-triton-reference.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    const variants = allVariants().filter((v) => v.context.target === 'triton');
    const texts = variants.map(({ context }) => scaffoldInto(context).plan.find((file) => file.path === `model_repository/${context.name}/config.pbtxt`)!.content);
    const result = spawnSync(python, ['-c', PARSE], { input: JSON.stringify(texts), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const parsed = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    const expected = { sklearn: 'onnxruntime_onnx', pytorch: 'pytorch_libtorch', onnx: 'onnxruntime_onnx', tensorflow: 'tensorflow_savedmodel', xgboost: 'fil' };
    variants.forEach(({ label, context }, i) => {
      assert.equal(parsed[i].error, undefined, label);
      assert.equal(parsed[i].name, context.name, label);
      assert.equal(parsed[i].platform || parsed[i].backend, expected[context.framework], label);
      assert.equal(parsed[i].max_batch_size, context.maxBatchSize, label);
      assert.deepEqual(parsed[i].inputs, [[context.inputSize]], label);
      assert.deepEqual(parsed[i].outputs, [[context.outputSize]], label);
      assert.equal(parsed[i].dynamic, true, label);
      assert.deepEqual(parsed[i].kinds, [context.gpu ? 'KIND_GPU' : 'KIND_CPU'], label);
    });
  });
});
