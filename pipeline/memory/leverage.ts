/**
 * Leverage: what the memory offers for a new sentence. An exact match (the same source) and fuzzy
 * matches of at least `FUZZY_THRESHOLD` percent word similarity, best first.
 */
import { matchQuality, similarityOfWords, words } from '../xliff/similarity.js';
import type { Memory, MemoryMatch } from './types.js';

/** Lowest similarity (percent) offered as a candidate; what CAT tools call a fuzzy match. */
export const FUZZY_THRESHOLD = 75;
/** At most this many candidates per sentence. */
const MAX_MATCHES = 3;

/** A function that finds matches for a source sentence. */
export type Leverage = (source: string) => readonly MemoryMatch[];

/** Prepares a memory for lookups (words are split once per entry). */
export function createLeverage(memory: Memory): Leverage {
  const exact = new Map<string, MemoryMatch>();
  const prepared = memory.entries.map((e) => ({ entry: e, words: words(e.source) }));
  for (const e of memory.entries) {
    // Entries are sorted and project entries rank first on merge: the first is the one to take.
    if (!exact.has(e.source)) exact.set(e.source, { source: e.source, target: e.target, quality: 100, origin: e.origin });
  }
  return (source) => {
    const out: MemoryMatch[] = [];
    const hit = exact.get(source);
    if (hit !== undefined) out.push(hit);
    const sw = words(source);
    const scored: MemoryMatch[] = [];
    for (const p of prepared) {
      if (p.entry.source === source) continue;
      const longest = Math.max(sw.length, p.words.length);
      // Cheap bound first: the length difference alone caps the similarity.
      if (longest === 0 || (longest - Math.abs(sw.length - p.words.length)) * 100 < FUZZY_THRESHOLD * longest) continue;
      if (similarityOfWords(sw, p.words) * 100 < FUZZY_THRESHOLD) continue;
      scored.push({ source: p.entry.source, target: p.entry.target, quality: matchQuality(p.entry.source, source), origin: p.entry.origin });
    }
    scored.sort((a, b) => b.quality - a.quality || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return [...out, ...scored.filter((m) => m.quality >= FUZZY_THRESHOLD)].slice(0, MAX_MATCHES);
  };
}
