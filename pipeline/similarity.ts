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
