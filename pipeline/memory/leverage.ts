/**
 * Leverage: what the memory offers for a new sentence. An exact match (the same source) and fuzzy
 * matches of at least `FUZZY_THRESHOLD` percent word similarity, best first.
 */
import { matchQuality, similarityOfWords, words } from '../similarity.js';
import { entryRank } from './merge.js';
import { SentenceIndex } from './sentence-index.js';
import { SourceIndex } from './source-index.js';
import type { Memory, MemoryEntry, MemoryMatch } from './types.js';

/** Lowest similarity (percent) offered as a candidate; what CAT tools call a fuzzy match. */
export const FUZZY_THRESHOLD = 75;
/** At most this many candidates per sentence. */
export const MAX_MATCHES = 3;

/** A function that finds matches for a source sentence. */
export type Leverage = (source: string) => readonly MemoryMatch[];

/** Options of a lookup; the defaults are what extract offers translators. */
export interface LeverageOptions {
  /** Lowest similarity of a fuzzy match, in percent, 0 < threshold ≤ 100; default `FUZZY_THRESHOLD`. */
  readonly threshold?: number;
  /** Most matches returned, exact one included, ≥ 0; default `MAX_MATCHES`. */
  readonly limit?: number;
}

/**
 * What an index offers for a sentence: its exact match first, then the best fuzzy matches, at most
 * `limit` (default `MAX_MATCHES`) in all.
 */
export function leverageFrom(index: SourceIndex, source: string, limit = MAX_MATCHES): MemoryMatch[] {
  const out: MemoryMatch[] = [];
  const hit = index.exact(source);
  if (hit !== undefined && limit > 0) out.push({ source, target: hit.target, quality: 100, origin: hit.origin });
  for (const match of index.lookup(source)) {
    if (out.length >= limit) break;
    out.push(match);
  }
  return out;
}

/**
 * Prepares a memory for lookups: its entries are indexed by source, and their words on the first
 * fuzzy lookup. The memory's entries are expected in its stored order (see `normalize`), which
 * decides between equals.
 */
export function createLeverage(memory: Memory, options: LeverageOptions = {}): Leverage {
  const index = new SourceIndex(new SentenceIndex(options.threshold ?? FUZZY_THRESHOLD));
  for (const e of memory.entries) index.insert(e);
  return (source) => leverageFrom(index, source, options.limit ?? MAX_MATCHES);
}

/**
 * The same lookups by scoring every entry of the memory: the reference the index is tested
 * against (same matches, same order), too slow for a memory of any size.
 */
export function scanLeverage(memory: Memory, options: LeverageOptions = {}): Leverage {
  const threshold = options.threshold ?? FUZZY_THRESHOLD;
  const limit = options.limit ?? MAX_MATCHES;
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
      if (longest === 0 || (longest - Math.abs(sw.length - p.words.length)) * 100 < threshold * longest) continue;
      if (similarityOfWords(sw, p.words) * 100 < threshold) continue;
      scored.push({ source: p.entry.source, target: p.entry.target, quality: matchQuality(p.entry.source, source), origin: p.entry.origin });
    }
    scored.sort((a, b) => b.quality - a.quality || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return [...out, ...scored.filter((m) => m.quality >= threshold)].slice(0, limit);
  };
}
