/**
 * Facts derived from one parsed object (an instruction, a stage) and asked for by many rules, kept on the object
 * itself for as long as the parse lives.
 *
 * Not in module-level WeakMaps: a WeakMap keeps the entry of every instruction of every file linted until a full
 * garbage collection, and V8's frequent young-generation collections walk those entries each time. Over a corpus
 * that made collection a fifth of the lint's time, and it grew with every file. On the object, a fact is freed with
 * the parse it came from.
 */
const MEMO = Symbol('mlops-deploy.memo');

/** The facts kept on an object; each helper that keeps one owns one field. */
export interface Memo {
  [field: string]: unknown;
}

export function memoOf(owner: object): Memo {
  const holder = owner as { [MEMO]?: Memo };
  let memo = holder[MEMO];
  if (!memo) {
    memo = {};
    // Not enumerable: copies and comparisons of the object (`{...stage}`, deepEqual) do not see it.
    Object.defineProperty(holder, MEMO, { value: memo });
  }
  return memo;
}
