import { MLO505 } from '../../../../src/core/triton/rules/MLO505';
import { GOOD, pbtxt, tritonRuleTests } from '../tritonRuleTester';

tritonRuleTests(MLO505, {
  valid: [
    GOOD,
    { name: 'dims written one by one', code: pbtxt('input { name: "x" data_type: TYPE_INT64 dims: 1 dims: -1 }') },
    { name: 'enum given by number', code: pbtxt('output { name: "y" data_type: 11 dims: [ 10 ] }') },
    { name: 'no inputs at all (Triton can complete them)', code: pbtxt('name: "m"', 'backend: "onnxruntime"') },
    { name: 'batch_input is not an input', code: pbtxt('batch_input [ { kind: BATCH_ELEMENT_COUNT target_name: "n" data_type: TYPE_FP32 } ]') },
    { name: 'broken file: MLO501 speaks instead', code: pbtxt('input { name: "x" ') },
  ],
  invalid: [
    { name: 'input in a list without dims: on its brace', code: pbtxt('input [', '  {', '    name: "x"', '    data_type: TYPE_FP32', '  }', ']'), errors: [{ line: 2, column: 3, endColumn: 4, message: /The input "x" has no dims/ }] },
    { name: 'output alone without data_type and dims: on the field', code: pbtxt('output { name: "y" }'), errors: [{ line: 1, column: 1, endColumn: 21, message: /no data_type, no dims/ }] },
    { name: 'TYPE_INVALID and an empty dims list count as missing', code: pbtxt('input [ { name: "x" data_type: TYPE_INVALID dims: [ ] } ]'), errors: [{ line: 1, column: 9, message: /no data_type, no dims/ }] },
    { name: 'no name', code: pbtxt('input [ { data_type: TYPE_FP32 dims: [ 3 ] }, { name: "" data_type: TYPE_FP32 dims: [ 3 ] } ]'), errors: [{ line: 1, column: 9, message: /An input has no name/ }, { line: 1, column: 47, message: /An input has no name/ }] },
  ],
});
