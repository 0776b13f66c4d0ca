/**
 * "Did you mean …?" for a mistyped key or value: the closest allowed word by edit distance, when
 * it is close enough to be a typo (`target` → `targets`, `organisation` → `organization`).
 */

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i, ...new Array<number>(t.length).fill(0)]);
  const row0 = rows[0] as number[];
  for (let j = 0; j <= t.length; j++) row0[j] = j;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, (rows[i - 2] as number[])[j - 2] as number + 1);
      row[j] = d;
    }
  }
  return (rows[s.length] as number[])[t.length] as number;
}

/**
 * The allowed word closest to `word`, or undefined when none is close: at most one edit for words
 * of up to four letters, two for longer ones, three from nine letters (and never more than a third
 * of the word). A tie goes to the word listed first.
 */
export function closest(word: string, allowed: readonly string[]): string | undefined {
  if (word === '') return undefined;
  const limit = Math.max(1, Math.min(word.length <= 4 ? 1 : word.length < 9 ? 2 : 3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of allowed) {
    if (candidate === word) return undefined;
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

