/**
 * Text similarity for finding the old version of a changed sentence: word-level edit distance,
 * which is cheap for sentences and tolerant of a changed word or number.
 */

/** The words of a text as similarity compares them (case-folded, punctuation dropped). */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[\s\p{P}]+/u).filter((w) => w !== '');
}

/** Levenshtein distance over two token lists (two rows of memory). */
function distance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** Similarity in [0, 1]: 1 for the same words, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  return similarityOfWords(words(a), words(b));
}

/** `similarity` for texts already split with `words` (callers comparing many pairs cache them). */
export function similarityOfWords(wa: readonly string[], wb: readonly string[]): number {
  const longest = Math.max(wa.length, wb.length);
  // Texts without words ("…") say nothing about each other.
  if (longest === 0) return 0;
  return 1 - distance(wa, wb) / longest;
}

/** Match quality as XLIFF tools show it: a whole percentage, below 100 unless texts are equal. */
export function matchQuality(a: string, b: string): number {
  if (a === b) return 100;
  return Math.min(99, Math.round(similarity(a, b) * 100));
}

/**
 * The largest word distance at which two texts, the longer of `longest` words, are still at least
 * `percent` similar by `similarityOfWords`: computed with the same arithmetic, so a bound derived
 * from it never disagrees with a score. -1 when no distance reaches it (no words at all).
 */
export function maxDistanceWithin(longest: number, percent: number): number {
  let d = -1;
  while (d + 1 <= longest && longest > 0 && (1 - (d + 1) / longest) * 100 >= percent) d += 1;
  return d;
}

/** Levenshtein distance of two token lists, or `max + 1` as soon as it is known to exceed `max`. */
export function boundedDistance(a: ArrayLike<number>, b: ArrayLike<number>, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  // Only cells within `max` of the diagonal can lead to a distance of at most `max` (Ukkonen's
  // band); a row whose smallest value exceeds `max` ends the computation.
  const outside = max + 1;
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j += 1) prev[j] = j <= max ? j : outside;
  for (let i = 1; i <= m; i += 1) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    row[lo - 1] = lo === 1 ? Math.min(i, outside) : outside;
    let smallest = row[lo - 1] as number;
    const ai = a[i - 1];
    for (let j = lo; j <= hi; j += 1) {
      let v = (prev[j - 1] as number) + (ai === b[j - 1] ? 0 : 1);
      const up = (prev[j] as number) + 1;
      const left = (row[j - 1] as number) + 1;
      if (up < v) v = up;
      if (left < v) v = left;
      if (v > outside) v = outside;
      row[j] = v;
      if (v < smallest) smallest = v;
    }
    if (hi < n) row[hi + 1] = outside;
    if (smallest > max) return outside;
    const swap = prev;
    prev = row;
    row = swap;
  }
  return Math.min(prev[n] as number, outside);
}
