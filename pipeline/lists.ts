/**
 * List helpers for lists of any length. `list.push(...items)` and `Math.max(...items)` pass every
 * item as an argument of one call, and a call takes about 125,000 arguments before the stack
 * overflows: a language with that many findings, or a hostile file with that many attributes,
 * would end in a `RangeError`. These loop instead.
 */

/** Appends every item to `list` (in place) and returns it. */
export function appendAll<T>(list: T[], items: Iterable<T>): T[] {
  for (const item of items) list.push(item);
  return list;
}
