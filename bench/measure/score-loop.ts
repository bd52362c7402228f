/** Anything with an overall score. */
type Scored = { readonly score: number | null };

const SYNC_BODY = `return function scoreAll(rows) {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += score(rows[i]).score ?? 0;
  return sum;
};`;

const ASYNC_BODY = `return async function scoreAll(rows) {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += (await score(rows[i])).score ?? 0;
  return sum;
};`;

/**
 * The timed loop for one scorer: scores every row and sums the overall scores (so no work can be
 * optimised away). Each scorer gets its own copy of the loop, compiled separately: closures of one
 * shared loop would share V8's type feedback, making its call site polymorphic across scorers
 * and costing each of them the inlining a real program, calling one scorer, would get.
 */
export function scoreLoop<Row>(score: (row: Row) => Scored): (rows: readonly Row[]) => number {
  return new Function('score', SYNC_BODY)(score) as (rows: readonly Row[]) => number;
}

export function asyncScoreLoop<Row>(score: (row: Row) => Promise<Scored>): (rows: readonly Row[]) => Promise<number> {
  return new Function('score', ASYNC_BODY)(score) as (rows: readonly Row[]) => Promise<number>;
}
