/**
 * Facts derived from one parsed object (an instruction, a stage) and asked for by many rules, kept on the object
 * itself for as long as the parse lives.
 *
 * Not in module-level WeakMaps: a WeakMap keeps the entry of every instruction of every file linted until a full
 * garbage collection, and V8's frequent young-generation collections walk those entries each time. Over a corpus
 * that made collection a fifth of the lint's time, and it grew with every file. On the object, a fact is freed with
 * the parse it came from.
 */
// A string key rather than a symbol: the objects are of a dozen classes, so every read of the key is a megamorphic
// load, which V8 answers for a string key in about two thirds of the time (8 against 13 ns in a micro-benchmark; a
// lint of a 12-line file reads it some 450 times). Defined non-enumerable, it stays out of copies and comparisons.
const MEMO = '__mlopsDeployMemo';

/**
 * The facts kept on an object; each helper that keeps one owns one field. Every field is declared here, so that every
 * memo has the same shape whichever facts were asked for first, and each read of one is a fixed-offset load: with
 * fields added as they were first computed, memos had dozens of shapes and every read was a dictionary lookup.
 */
export class Memo {
  // Instruction getters answered once (astCache.ts).
  rawArguments: unknown = undefined;
  keyword: string | undefined = undefined;
  rawArgumentsContent: string | null | undefined = undefined;
  argumentsRange: unknown = undefined;
  argumentsContent: string | null | undefined = undefined;
  /** FROM's getters, by name (astCache.ts). */
  fromGetters: Map<string, unknown> | undefined = undefined;
  // Instructions.
  arguments: unknown = undefined;
  argumentText: unknown = undefined;
  shellCommands: unknown = undefined;
  runCommands: unknown = undefined;
  fullImageName: unknown = undefined;
  baseImageFacts: unknown = undefined;
  healthcheck: unknown = undefined;
  // Stages.
  lineage: unknown = undefined;
  startCommand: unknown = undefined;
  server: unknown = undefined;
  stageCommands: unknown = undefined;
  // The model.
  imageStages: unknown = undefined;
  shippedStages: unknown = undefined;
}

export function memoOf(owner: object): Memo {
  const holder = owner as { [MEMO]?: Memo };
  let memo = holder[MEMO];
  if (!memo) {
    memo = new Memo();
    // Not enumerable: copies and comparisons of the object (`{...stage}`, deepEqual) do not see it.
    Object.defineProperty(holder, MEMO, { value: memo });
  }
  return memo;
}
