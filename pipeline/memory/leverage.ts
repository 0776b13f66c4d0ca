/**
 * Leverage: what the memory offers for a new sentence. An exact match (the same source) and fuzzy
 * matches of at least `FUZZY_THRESHOLD` percent word similarity, best first.
 */
import { matchQuality, similarityOfWords, words } from '../similarity.js';
import { entryRank } from './merge.js';
import type { Memory, MemoryEntry, MemoryMatch } from './types.js';

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
  const best = new Map<string, MemoryEntry>();
  for (const e of memory.entries) {
    // Several targets for one source: the project's own translation wins over an imported one,
    // then the more advanced state; on a tie the first in the memory's (sorted) order.
    const before = best.get(e.source);
    if (before === undefined || entryRank(e) > entryRank(before)) best.set(e.source, e);
  }
  for (const [source, e] of best) exact.set(source, { source, target: e.target, quality: 100, origin: e.origin });
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
