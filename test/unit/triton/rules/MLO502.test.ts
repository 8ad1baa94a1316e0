import { MLO502 } from '../../../../src/core/triton/rules/MLO502';
import { GOOD, pbtxt, tritonRuleTests } from '../tritonRuleTester';

tritonRuleTests(MLO502, {
  valid: [
    GOOD,
    { name: 'enum by number, hex integers, booleans as t/1', code: pbtxt('input { data_type: 11 dims: [ 0x10 ] is_shape_tensor: t allow_ragged_batch: 1 }') },
    { name: 'a map written as repeated entries', code: pbtxt('parameters { key: "a" value { string_value: "1" } }', 'parameters [ { key: "b", value: { string_value: "2" } } ]') },
    { name: 'a scalar first set to its default may be set again', code: pbtxt('max_batch_size: 0', 'max_batch_size: 8') },
    { name: 'repeated scalars written one by one and as a list', code: pbtxt('dynamic_batching { preferred_batch_size: 4 preferred_batch_size: [ 8, 16 ] }') },
    { name: 'a syntax error hides what follows it (MLO501 reports it)', code: pbtxt('name: "a', 'foo: 1') },
  ],
  invalid: [
    { name: 'unknown top-level field, with a hint', code: pbtxt('name: "a"', 'max_batch_sizes: 8'), errors: [{ line: 2, column: 1, endColumn: 16, message: /no field "max_batch_sizes". Did you mean "max_batch_size"\?/ }] },
    { name: 'unknown nested field', code: pbtxt('input [ { name: "x" datatype: TYPE_FP32 } ]'), errors: [{ line: 1, column: 21, endColumn: 29, message: /ModelInput has no field "datatype"/ }] },
    { name: 'every unknown field is reported', code: pbtxt('foo: 1', 'bar { baz: 2 }'), errors: [{ line: 1, column: 1 }, { line: 2, column: 1 }] },
    { name: 'unknown enum value', code: pbtxt('instance_group [ { kind: KIND_TPU } ]'), errors: [{ line: 1, column: 26, endColumn: 34, message: /KIND_GPU/ }] },
    { name: 'enum written as a string', code: pbtxt('input { data_type: "TYPE_FP32" }'), errors: [{ line: 1, column: 20, message: /not a string/ }] },
    { name: 'string without quotes', code: pbtxt('name: resnet'), errors: [{ line: 1, column: 7, endColumn: 13, message: /in quotes/ }] },
    { name: 'integer written as a float', code: pbtxt('max_batch_size: 8.0'), errors: [{ line: 1, column: 17, message: /not an integer/ }] },
    { name: 'integer out of range', code: pbtxt('max_batch_size: 4294967296'), errors: [{ line: 1, column: 17, message: /out of range/ }] },
    { name: 'a singular scalar set twice', code: pbtxt('max_batch_size: 8', 'max_batch_size: 16'), errors: [{ line: 2, column: 17, message: /more than once/ }] },
    { name: 'a message set twice: at its brace', code: pbtxt('dynamic_batching { }', 'dynamic_batching { }'), errors: [{ line: 2, column: 18, message: /more than once/ }] },
    { name: 'two members of a oneof', code: pbtxt('dynamic_batching { }', 'sequence_batching { }'), errors: [{ line: 2, column: 1, endColumn: 18, message: /only one of the "scheduling_choice"/ }] },
    { name: 'a list for a singular field', code: pbtxt('max_batch_size: [ 8 ]'), errors: [{ line: 1, column: 17, message: /not a list/ }] },
    { name: 'a list for a singular field: its items are not judged too', code: pbtxt('name: [ "a", b ]'), errors: [{ line: 1, column: 7, message: /not a list/ }] },
    { name: 'a scalar for a message', code: pbtxt('dynamic_batching: true'), errors: [{ line: 1, column: 19, message: /is a message/ }] },
    { name: 'a string for a message: one finding', code: pbtxt('dynamic_batching: "on"'), errors: [{ line: 1, column: 19, endColumn: 23, message: /is a message/ }] },
    { name: 'a message for a scalar', code: pbtxt('max_batch_size { }'), errors: [{ line: 1, column: 16, message: /not a message/ }] },
    { name: 'extensions do not exist in ModelConfig', code: pbtxt('[inference.foo]: 1'), errors: [{ line: 1, column: 12, message: /no extensions/ }] },
    { name: 'a string that is not UTF-8', code: pbtxt('name: "\\xff"'), errors: [{ line: 1, column: 7, endColumn: 13, message: /UTF-8/ }] },
  ],
});
