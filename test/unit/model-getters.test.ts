import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sep } from 'node:path';
import type * as DockerfileAst from 'dockerfile-ast';
import type { From, Instruction } from 'dockerfile-ast';
import { parseDockerfile } from '../../src/core/dockerfile/model';
import { generateDiffCorpus } from '../diff/corpus';

/**
 * A second copy of dockerfile-ast, loaded apart from the one the linter uses, so that it has none of the changes
 * astCache.ts makes to the library's prototypes: the answers of the library as published.
 */
function pristineDockerfileAst(): typeof DockerfileAst {
  const ours = require('dockerfile-ast') as typeof DockerfileAst;
  const inLibrary = (key: string): boolean => key.includes(`${sep}dockerfile-ast${sep}`);
  const saved = Object.entries(require.cache).filter(([key]) => inLibrary(key));
  for (const [key] of saved) delete require.cache[key];
  try {
    const pristine = require('dockerfile-ast') as typeof DockerfileAst;
    assert.notEqual(pristine.Instruction, ours.Instruction, 'a second copy of dockerfile-ast was loaded');
    return pristine;
  } finally {
    for (const key of Object.keys(require.cache)) if (inLibrary(key)) delete require.cache[key];
    for (const [key, module] of saved) require.cache[key] = module;
  }
}

const { DockerfileParser } = pristineDockerfileAst();
/** The copy the linter uses, with astCache.ts's changes: loaded by model.ts. */
const { DockerfileParser: CachingParser } = require('dockerfile-ast') as typeof DockerfileAst;

/**
 * astCache.ts keeps the argument scan on each instruction and answers some of dockerfile-ast's getters once per
 * instruction. Each of them must give what the library itself gives, on every instruction of the differential corpus
 * (the benchmark corpus, hadolint-style cases and real-world variants), and FROM's must stay right however often and
 * in whatever order they are called, since the library's own getters move the ends of the image range.
 */
const GETTERS = ['getKeyword', 'getRawArgumentsContent', 'getArgumentsRange', 'getArgumentsContent', 'getArguments', 'getExpandedArguments', 'getVariables'] as const;
/** Getters only some instructions have; compared where the instruction has them. */
const OPTIONAL_GETTERS = ['getFlags', 'getJSONStrings', 'getOpeningBracket', 'getClosingBracket', 'getProperties', 'getHeredocs', 'getSubcommand'] as const;
const FROM_GETTERS = [
  'getImage',
  'getImageRange',
  'getImageName',
  'getImageNameRange',
  'getImageTag',
  'getImageTagRange',
  'getImageDigest',
  'getImageDigestRange',
  'getRegistry',
  'getRegistryRange',
  'getBuildStage',
  'getBuildStageRange',
] as const;

/** What a getter answers, as plain data: the library's objects (Argument, Flag, Property…) by their getters. */
function call(instruction: Instruction, getter: string): unknown {
  return plain((instruction as unknown as Record<string, () => unknown>)[getter]());
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if ('line' in object && 'character' in object) return { line: object.line, character: object.character };
  if ('start' in object && 'end' in object && !('getRange' in object)) return { start: plain(object.start), end: plain(object.end) };
  const out: Record<string, unknown> = {};
  for (const name of ['getName', 'getValue', 'getRange', 'getNameRange', 'getValueRange', 'getJSONValue', 'getContentRange', 'getDelimiterRange']) {
    const method = object[name];
    if (typeof method === 'function') out[name] = plain((method as () => unknown).call(object));
  }
  return out;
}

describe('the getters parseDockerfile answers itself', () => {
  const corpus = generateDiffCorpus();

  it('give what dockerfile-ast as published gives, on every instruction of the differential corpus', () => {
    let compared = 0;
    for (const file of corpus) {
      const theirs = DockerfileParser.parse(file.text).getInstructions();
      // parseDockerfile's instructions, and the library's own instructions with only astCache.ts's changes (as any
      // other caller of the bundled library gets them).
      const sides = [parseDockerfile(file.text).instructions, CachingParser.parse(file.text).getInstructions()];
      for (const ours of sides) assert.equal(ours.length, theirs.length, file.name);
      for (const [side, instruction, i] of sides.flatMap((ours, side) => ours.map((instruction, i) => [side, instruction, i] as const))) {
        const optional = OPTIONAL_GETTERS.filter((getter) => typeof (theirs[i] as unknown as Record<string, unknown>)[getter] === 'function');
        const getters = [...GETTERS, ...optional, ...(instruction.getKeyword() === 'FROM' ? FROM_GETTERS : [])];
        // Twice, so that a value kept from the first call is checked too.
        for (const round of [1, 2]) {
          for (const getter of getters) {
            assert.deepEqual(call(instruction, getter), call(theirs[i], getter), `${file.name}:${instruction.getRange().start.line + 1} ${getter} (call ${round}, ${side === 0 ? 'parseDockerfile' : 'cached library'})`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 10_000, `only ${compared} getter calls compared`);
  });

  it('keep FROM ranges intact when the library moves the ends of the image range', () => {
    const model = parseDockerfile('FROM registry.example.com:5000/team/python:3.11-slim AS base\nFROM base\n');
    const from = model.instructions[0] as From;
    const image = from.getImageRange();
    // Each of these calls getImageRange and moves the ends of what it returns.
    assert.equal(from.getImageName(), 'team/python');
    assert.equal(from.getRegistry(), 'registry.example.com:5000');
    assert.deepEqual(from.getImageRange(), image);
    assert.deepEqual(image, { start: { line: 0, character: 5 }, end: { line: 0, character: 52 } });
    assert.equal(from.getImageTag(), '3.11-slim');
    assert.equal(from.getBuildStage(), 'base');
  });
});
