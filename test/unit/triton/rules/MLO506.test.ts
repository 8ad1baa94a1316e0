import { MLO506 } from '../../../../src/core/triton/rules/MLO506';
import { GOOD, pbtxt, tritonRuleTests } from '../tritonRuleTester';

tritonRuleTests(MLO506, {
  valid: [
    { name: 'version folder with the model', code: GOOD, folder: { name: 'resnet', files: ['1/model.onnx'] } },
    { name: 'a SavedModel is a folder', code: GOOD, folder: { name: 'resnet', files: ['3/model.savedmodel/saved_model.pb'] } },
    { name: 'one good version folder is enough', code: GOOD, folder: { name: 'resnet', files: ['1/', '2/model.onnx'] } },
    { name: 'an ensemble has no file of its own', code: pbtxt('name: "pipe"', 'platform: "ensemble"'), folder: { name: 'pipe', files: ['1/'] } },
    { name: 'default_model_filename present', code: pbtxt('name: "m"', 'backend: "onnxruntime"', 'default_model_filename: "net.onnx"'), folder: { name: 'm', files: ['1/net.onnx'] } },
    { name: 'no folder known (virtual workspace): not checked', code: GOOD },
  ],
  invalid: [
    { name: 'no version folder', code: GOOD, folder: { name: 'resnet', files: ['model.onnx'] }, errors: [{ line: 1, column: 1, endColumn: 15, message: /no version folder/ }] },
    { name: 'a non-numeric folder is not a version', code: GOOD, folder: { name: 'resnet', files: ['v1/model.onnx'] }, errors: [{ line: 1, column: 1, message: /no version folder/ }] },
    { name: 'version folder holding only a note', code: GOOD, folder: { name: 'resnet', files: ['1/README.md', '1/.gitkeep'] }, errors: [{ line: 1, column: 1, message: /1\/ holds no model file/ }] },
    { name: 'default_model_filename missing', code: pbtxt('name: "m"', 'backend: "onnxruntime"', 'default_model_filename: "net.onnx"'), folder: { name: 'm', files: ['1/model.onnx'] }, errors: [{ line: 1, column: 1, message: /"net.onnx"/ }] },
  ],
});
