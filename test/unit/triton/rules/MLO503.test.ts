import { MLO503 } from '../../../../src/core/triton/rules/MLO503';
import { GOOD, pbtxt, tritonRuleTests } from '../tritonRuleTester';

const folder = { name: 'resnet', files: ['1/model.onnx'] };

tritonRuleTests(MLO503, {
  valid: [
    { name: 'name matches the folder', code: GOOD, folder },
    { name: 'no name: Triton takes the folder name', code: pbtxt('backend: "onnxruntime"'), folder },
    { name: 'no folder known (virtual workspace): not checked', code: pbtxt('name: "other"', 'backend: "onnxruntime"') },
    { name: 'a name that is not a string is MLO502, not this', code: pbtxt('name: other', 'backend: "onnxruntime"'), folder },
  ],
  invalid: [
    {
      name: 'name differs from the folder',
      code: pbtxt('name: "resnet50"', 'backend: "onnxruntime"'),
      folder,
      errors: [{ line: 1, column: 7, endColumn: 17, message: /folder is "resnet"/ }],
      output: pbtxt('name: "resnet"', 'backend: "onnxruntime"'),
    },
    {
      name: 'case matters',
      code: pbtxt('name: "ResNet"'),
      folder,
      errors: [{ line: 1, column: 7, endColumn: 15 }],
      output: pbtxt('name: "resnet"'),
    },
    {
      name: 'the last name given is the one Triton keeps',
      code: pbtxt('name: ""', 'name: "bert"'),
      folder: { name: 'bert-large', files: ['1/model.onnx'] },
      errors: [{ line: 2, column: 7, endColumn: 13 }],
      output: pbtxt('name: ""', 'name: "bert-large"'),
    },
  ],
});
