import { MLO507 } from '../../../../src/core/triton/rules/MLO507';
import { GOOD, pbtxt, tritonRuleTests } from '../tritonRuleTester';

tritonRuleTests(MLO507, {
  valid: [
    GOOD,
    { name: 'no batching', code: pbtxt('name: "m"', 'backend: "python"', 'max_batch_size: 0') },
    { name: 'stateful model with a sequence batcher', code: pbtxt('max_batch_size: 8', 'sequence_batching { }') },
    { name: 'ensemble scheduling', code: pbtxt('platform: "ensemble"', 'max_batch_size: 8', 'ensemble_scheduling { }') },
    { name: 'broken file: MLO501 speaks instead', code: pbtxt('max_batch_size: 8', 'name: "a') },
  ],
  invalid: [
    {
      name: 'batching without dynamic batching',
      code: pbtxt('name: "m"', 'max_batch_size: 8', 'input [ ]'),
      errors: [{ line: 2, column: 1, endColumn: 18, message: /max_batch_size is 8/ }],
      suggestion: pbtxt('name: "m"', 'max_batch_size: 8', 'dynamic_batching { }', 'input [ ]'),
    },
    {
      name: 'indented, CRLF, no final line break',
      code: 'name: "m"\r\n  max_batch_size : 16',
      errors: [{ line: 2, column: 3, endColumn: 22 }],
      suggestion: 'name: "m"\r\n  max_batch_size : 16\r\n  dynamic_batching { }',
    },
  ],
});
