import { MLO501 } from '../../../../src/core/triton/rules/MLO501';
import { GOOD, pbtxt, tritonRuleTests } from '../tritonRuleTester';

tritonRuleTests(MLO501, {
  valid: [
    GOOD,
    { name: 'empty file', code: '' },
    { name: 'only comments', code: '# nothing here yet\n' },
    { name: 'angle brackets, semicolons and commas as separators', code: 'name: "a"; backend: "python",\ninput < name: "x" data_type: TYPE_FP32 dims: 1 >\n' },
    { name: 'an unknown field is MLO502, not a syntax error', code: 'name: "a"\nbackend: "python"\nfoo: 1\n' },
    { name: 'colon before a message, and a list of messages', code: 'optimization: { graph: { level: 1 } }\ninstance_group: [ { kind: KIND_GPU }, { kind: KIND_CPU } ]\n' },
    { name: 'CRLF line ends', code: 'name: "a"\r\nbackend: "python"\r\n' },
  ],
  invalid: [
    { name: 'unterminated string', code: pbtxt('name: "resnet', 'backend: "pytorch"'), errors: [{ line: 1, column: 7, endColumn: 14, message: /no closing "/ }] },
    { name: 'missing colon before a scalar', code: pbtxt('name "resnet"'), errors: [{ line: 1, column: 6, message: /Expected ":"/ }] },
    { name: 'missing closing brace: at the last token read', code: pbtxt('dynamic_batching {', '  max_queue_delay_microseconds: 100'), errors: [{ line: 2, column: 33, message: /expected "}" to close the message opened on line 1/ }] },
    { name: 'stray closing brace', code: pbtxt('name: "a"', '}'), errors: [{ line: 2, column: 1, endColumn: 2, message: /field name/ }] },
    { name: 'trailing comma in a list', code: pbtxt('input { dims: [ 3, ] }'), errors: [{ line: 1, column: 20, message: /value for "dims"/ }] },
    { name: 'missing comma in a list', code: pbtxt('input { dims: [ 3 224 ] }'), errors: [{ line: 1, column: 19, message: /Expected "," or "]"/ }] },
    { name: 'JSON is not text format', code: pbtxt('{', '  "name": "a"', '}'), errors: [{ line: 1, column: 1, message: /field name/ }] },
    { name: 'unknown escape, which Triton refuses', code: pbtxt('name: "a\\qb"'), errors: [{ line: 1, column: 7, endColumn: 13, message: /escape/ }] },
    { name: 'only the first of several syntax errors', code: pbtxt('name: "a', 'backend "b"', '}'), errors: [{ line: 1, column: 7 }] },
    { name: 'binary content', code: 'name: "a"\n\u0000\u0001\u0002', errors: [{ line: 2, column: 1, endColumn: 2 }] },
    { name: 'a non-breaking space pasted from a web page', code: pbtxt('name:\u00a0"a"'), errors: [{ line: 1, column: 6, endColumn: 7 }] },
  ],
});
