import { MLO504 } from '../../../../src/core/triton/rules/MLO504';
import { GOOD, pbtxt, tritonRuleTests } from '../tritonRuleTester';

tritonRuleTests(MLO504, {
  valid: [
    GOOD,
    { name: 'platform only', code: pbtxt('name: "m"', 'platform: "tensorrt_plan"') },
    { name: 'ensemble platform', code: pbtxt('name: "m"', 'platform: "ensemble"') },
    { name: 'broken file: MLO501 speaks instead', code: pbtxt('name: "m', 'max_batch_size: 8') },
  ],
  invalid: [
    { name: 'neither set: on the name', code: pbtxt('name: "resnet"', 'max_batch_size: 8'), errors: [{ line: 1, column: 1, endColumn: 15, message: /Neither platform nor backend/ }] },
    { name: 'empty backend counts as unset', code: pbtxt('name: "resnet"', 'backend: ""'), errors: [{ line: 1, column: 1 }] },
    { name: 'no name: on the first field', code: pbtxt('# model', 'max_batch_size: 8'), errors: [{ line: 2, column: 1, endColumn: 18 }] },
    { name: 'empty file: at its start', code: '', errors: [{ line: 1, column: 1, endColumn: 1 }] },
    { name: 'misspelled platform field does not count', code: pbtxt('name: "m"', 'platfrom: "onnxruntime_onnx"'), errors: [{ line: 1, column: 1 }] },
    {
      name: 'the model file in the version folder suggests the backend',
      code: pbtxt('name: "resnet"', 'max_batch_size: 8'),
      folder: { name: 'resnet', files: ['1/model.plan'] },
      errors: [{ line: 1, column: 1 }],
      suggestion: pbtxt('name: "resnet"', 'backend: "tensorrt"', 'max_batch_size: 8'),
    },
    {
      name: 'no name: the backend goes first',
      code: pbtxt('max_batch_size: 8'),
      folder: { name: 'resnet', files: ['2/model.savedmodel/saved_model.pb'] },
      errors: [{ line: 1, column: 1 }],
      suggestion: pbtxt('backend: "tensorflow"', 'max_batch_size: 8'),
    },
    { name: 'an unknown model file suggests nothing', code: pbtxt('name: "m"'), folder: { name: 'm', files: ['1/weights.bin'] }, errors: [{ line: 1, column: 1 }], suggestion: null },
  ],
});
