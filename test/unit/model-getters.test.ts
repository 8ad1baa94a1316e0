import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, type From, type Instruction } from 'dockerfile-ast';
import { parseDockerfile } from '../../src/core/dockerfile/model';
import { generateDiffCorpus } from '../diff/corpus';

/**
 * parseDockerfile answers some of dockerfile-ast's getters from the arguments it reads once per instruction (see
 * model.ts). Each of them must give what the library itself gives, on every instruction of the differential corpus
 * (the benchmark corpus, hadolint-style cases and real-world variants), and FROM's must stay right however often and
 * in whatever order they are called, since the library's own getters move the ends of the image range.
 */
const GETTERS = ['getKeyword', 'getRawArgumentsContent', 'getArgumentsRange', 'getArgumentsContent'] as const;
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

function call(instruction: Instruction, getter: string): unknown {
  return (instruction as unknown as Record<string, () => unknown>)[getter]();
}

describe('the getters parseDockerfile answers itself', () => {
  const corpus = generateDiffCorpus();

  it('give what dockerfile-ast gives, on every instruction of the differential corpus', () => {
    let compared = 0;
    for (const file of corpus) {
      const ours = parseDockerfile(file.text).instructions;
      const theirs = DockerfileParser.parse(file.text).getInstructions();
      assert.equal(ours.length, theirs.length, file.name);
      ours.forEach((instruction, i) => {
        const getters = instruction.getKeyword() === 'FROM' ? [...GETTERS, ...FROM_GETTERS] : GETTERS;
        // Twice, so that a value kept from the first call is checked too.
        for (const round of [1, 2]) {
          for (const getter of getters) {
            assert.deepEqual(call(instruction, getter), call(theirs[i], getter), `${file.name}:${instruction.getRange().start.line + 1} ${getter} (call ${round})`);
            compared++;
          }
        }
      });
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
