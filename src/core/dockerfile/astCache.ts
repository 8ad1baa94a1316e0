import { From, Instruction, type Argument } from 'dockerfile-ast';
import type { Range } from '../findings';
import { memoOf } from './memo';

/**
 * dockerfile-ast (0.7.1) reads an instruction's arguments by scanning its text character by character, placing every
 * argument with the document's positionAt, each time `getRawArguments` is called, and it calls it itself up to six
 * times for each RUN, COPY, ADD, CMD, ENTRYPOINT and SHELL while parsing (JSONInstruction's constructor asks for the
 * argument text, the arguments and their range, and ModifiableInstruction's `getArguments` reads them once for the
 * flags and once more for itself). Those repeated scans were two thirds of the parse.
 *
 * An instruction never changes after it is made (its document, range and escape character are fixed in its
 * constructor), so the scan is done once per instruction and kept in its memo (memo.ts). Callers get their own copy of the array,
 * because the library's own `getArguments` removes the flags from the array it is given. The Argument objects are
 * shared, and one library getter changed what it was given: FROM's `getImageRange` returns the image argument's own
 * range, which `getImageNameRange` and `getRegistryRange` then move the ends of. Once the argument is kept, that
 * would move the image argument itself, so `getImageRange` returns a copy. (model-getters.test.ts compares every
 * getter with a fresh parse, called twice and in every order, on the whole differential corpus.)
 *
 * In the extension and the CLI this touches only the copy of dockerfile-ast bundled with them. Unbundled (tests, and
 * the transpiled out/ tree) it changes node_modules' copy, which other packages such as dockerfile-utils share: a
 * benchmark must therefore take our linter from a bundle (see assertPeerParserUntouched in test/bench/common.ts).
 */
/** Set on a prototype once it is changed, so that loading this module twice changes nothing more. */
const PATCHED = Symbol('mlops-deploy.patched');

interface Scanning {
  getRawArguments(): Argument[];
  [PATCHED]?: true;
}

const instructionPrototype = Instruction.prototype as unknown as Scanning;

if (!Object.prototype.hasOwnProperty.call(instructionPrototype, PATCHED)) {
  const scan = instructionPrototype.getRawArguments;
  instructionPrototype.getRawArguments = function (this: Scanning): Argument[] {
    const memo = memoOf(this);
    let args = memo.rawArguments as Argument[] | undefined;
    if (!args) {
      args = scan.call(this);
      memo.rawArguments = args;
    }
    return args.slice();
  };
  Object.defineProperty(instructionPrototype, PATCHED, { value: true });
}

/**
 * dockerfile-ast makes every range with vscode-languageserver-types' Range.create, which checks each of its four
 * numbers (or its two positions) with Object.prototype.toString before it builds the object: a tenth of a parse.
 * For plain numbers in the range of an unsigned 32-bit integer, and positions made of them, which are all that
 * dockerfile-ast passes, the same object is built directly; anything else still goes to the library's own create,
 * which checks and throws as before (astCache.test.ts).
 *
 * Required rather than imported: dockerfile-ast requires the package's CommonJS build, and an import would resolve,
 * by the package's export conditions, to its ES module build, another copy that dockerfile-ast never calls. As with
 * the prototypes above, unbundled this is node_modules' copy, which dockerfile-utils shares: the benchmarks check it
 * is untouched before they time dockerfile-utils (assertPeerParserUntouched in test/bench/common.ts).
 */
const lspTypes = require('vscode-languageserver-types') as typeof import('vscode-languageserver-types');

interface Creating {
  create(...args: unknown[]): unknown;
  [PATCHED]?: true;
}

const rangeNamespace = lspTypes.Range as unknown as Creating;

if (!Object.prototype.hasOwnProperty.call(rangeNamespace, PATCHED)) {
  const create = rangeNamespace.create;
  const MAX = 2147483647;
  const isUinteger = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= MAX;
  const isPosition = (value: unknown): value is { line: number; character: number } =>
    typeof value === 'object' && value !== null && isUinteger((value as { line: unknown }).line) && isUinteger((value as { character: unknown }).character);
  rangeNamespace.create = function (one: unknown, two: unknown, three?: unknown, four?: unknown): unknown {
    if (isUinteger(one) && isUinteger(two) && isUinteger(three) && isUinteger(four)) return { start: { line: one, character: two }, end: { line: three, character: four } };
    if (isPosition(one) && isPosition(two)) return { start: one, end: two };
    return create.call(this, one, two, three, four);
  };
  Object.defineProperty(rangeNamespace, PATCHED, { value: true });
}

interface ImageRanging {
  getImageRange(): Range | null;
  getArguments(): Argument[];
  [PATCHED]?: true;
}

const fromPrototype = From.prototype as unknown as ImageRanging;

if (!Object.prototype.hasOwnProperty.call(fromPrototype, PATCHED)) {
  fromPrototype.getImageRange = function (this: ImageRanging): Range | null {
    const image = this.getArguments()[0]?.getRange();
    return image ? { start: { line: image.start.line, character: image.start.character }, end: { line: image.end.line, character: image.end.character } } : null;
  };
  Object.defineProperty(fromPrototype, PATCHED, { value: true });
}

/**
 * The getters every rule asks for, answered once per instruction: the keyword, the argument text and its range, and
 * FROM's parts. The library works each of them out again from the arguments on every call, and with eighty rules
 * asking those calls were a large part of a lint. The answers are strings, ranges or null, kept in the instruction's
 * memo (memo.ts); a range is the same object on every call, so callers only read it. `getImageRange` is not among
 * them (see above), nor is any getter that returns an array, which callers may change.
 *
 * On the prototypes, once, rather than assigned to each instruction after parsing: functions stored on each
 * instance gave instructions of one class different shapes, and every call to them went through V8's slow path.
 */
const MEMOIZED_GETTERS = ['getKeyword', 'getRawArgumentsContent', 'getArgumentsRange', 'getArgumentsContent'] as const;
const MEMOIZED_FROM_GETTERS = [
  'getImage',
  'getBuildStage',
  'getBuildStageRange',
  'getImageName',
  'getImageNameRange',
  'getImageTag',
  'getImageTagRange',
  'getImageDigest',
  'getImageDigestRange',
  'getRegistry',
  'getRegistryRange',
  // An array, but one only FROM's own getters ask for (to skip `$` variables when finding the `:` and `@` of the
  // image), and they only read it.
  'getVariables',
] as const;

type Getter = (this: object) => unknown;

/**
 * Each getter written out with its memo field named in the code: a read of a field named by a variable is a keyed
 * load, which V8 does not turn into a fixed-offset read as it does a named one.
 */
function memoizeInstructionGetters(): void {
  const target = Instruction.prototype as unknown as Record<(typeof MEMOIZED_GETTERS)[number], Getter>;
  for (const name of MEMOIZED_GETTERS) {
    if (typeof target[name] !== 'function') throw new Error(`dockerfile-ast has no ${name} to keep: astCache.ts needs updating`);
  }
  const { getKeyword, getRawArgumentsContent, getArgumentsRange, getArgumentsContent } = target;
  target.getKeyword = function (this: object): unknown {
    const memo = memoOf(this);
    let value = memo.keyword;
    if (value === undefined) memo.keyword = value = getKeyword.call(this) as string;
    return value;
  };
  target.getRawArgumentsContent = function (this: object): unknown {
    const memo = memoOf(this);
    let value = memo.rawArgumentsContent;
    if (value === undefined) memo.rawArgumentsContent = value = getRawArgumentsContent.call(this) as string | null;
    return value;
  };
  target.getArgumentsRange = function (this: object): unknown {
    const memo = memoOf(this);
    let value = memo.argumentsRange;
    if (value === undefined) memo.argumentsRange = value = getArgumentsRange.call(this);
    return value;
  };
  target.getArgumentsContent = function (this: object): unknown {
    const memo = memoOf(this);
    let value = memo.argumentsContent;
    if (value === undefined) {
      // The library joins the arguments' text line by line, leaving out continuations and comment lines; on one
      // line that is the raw argument text, which is kept already and is read by most lints anyway.
      const raw = target.getRawArgumentsContent.call(this) as string | null;
      value = raw !== null && !raw.includes('\n') && !raw.includes('\r') ? raw : (getArgumentsContent.call(this) as string | null);
      memo.argumentsContent = value;
    }
    return value;
  };
}

function memoizeOnFrom(name: (typeof MEMOIZED_FROM_GETTERS)[number]): void {
  const target = From.prototype as unknown as Record<string, Getter>;
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`dockerfile-ast has no FROM ${name} to keep: astCache.ts needs updating`);
  target[name] = function (this: object): unknown {
    const memo = memoOf(this);
    const answers = (memo.fromGetters ??= new Map());
    if (answers.has(name)) return answers.get(name);
    const value = original.call(this);
    answers.set(name, value);
    return value;
  };
}

const MEMOIZED = Symbol('mlops-deploy.memoizedGetters');
const withGetters = Instruction.prototype as unknown as { [MEMOIZED]?: true };
if (!Object.prototype.hasOwnProperty.call(withGetters, MEMOIZED)) {
  memoizeInstructionGetters();
  for (const name of MEMOIZED_FROM_GETTERS) memoizeOnFrom(name);
  Object.defineProperty(withGetters, MEMOIZED, { value: true });
}
