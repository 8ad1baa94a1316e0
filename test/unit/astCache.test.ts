import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../src/core/dockerfile/model';

describe("dockerfile-ast's Range.create, answered directly for plain numbers and positions", () => {
  // The copy dockerfile-ast requires (its CommonJS build), which astCache.ts changes once the model is loaded.
  const { Range } = require('vscode-languageserver-types') as typeof import('vscode-languageserver-types');

  it('builds the same ranges as the library', () => {
    assert.ok(parseDockerfile('FROM a\n').instructions.length === 1);
    assert.deepEqual(Range.create(1, 2, 3, 4), { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } });
    assert.deepEqual(Range.create(0, 0, 2147483647, 2147483647), { start: { line: 0, character: 0 }, end: { line: 2147483647, character: 2147483647 } });
    const start = { line: 5, character: 1 };
    const end = { line: 5, character: 9 };
    const range = Range.create(start, end);
    assert.equal(range.start, start, 'positions are kept, not copied, as the library keeps them');
    assert.equal(range.end, end);
  });

  it('leaves every other argument to the library, which refuses it as before', () => {
    for (const args of [
      [-1, 0, 0, 0],
      [0, 0, 0, 2147483648],
      [Number.MAX_VALUE, 0, 0, 0],
      ['1', 0, 0, 0],
      [{ line: -1, character: 0 }, { line: 0, character: 0 }],
      [{ line: 0 }, { line: 0, character: 0 }],
      [null, null],
    ]) {
      assert.throws(() => (Range.create as (...a: unknown[]) => unknown)(...args), /Range#create called with invalid arguments/, JSON.stringify(args));
    }
    // A Number object passes the library's own check: it still gets the library's answer.
    const boxed = Range.create(Object(1) as number, 0, 0, 0);
    assert.equal(boxed.start.line.valueOf(), 1);
  });
});
