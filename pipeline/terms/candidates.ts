/**
 * Candidate occurrences of the matcher and their overlap resolution.
 *
 * Candidates live in one growable Int32Array of (start, end, entry) triples rather than one object
 * each: a text naming many terms produces tens of thousands of candidates per call, and only the
 * ones that survive resolution become `TermMatch` objects.
 */
import type { GlossaryEntry } from './glossary.js';
import type { TermMatch } from './matcher.js';

/** Growable buffer of (start, end, entryIndex) triples, appended in non-decreasing start order. */
export class CandidateBuffer {
  data = new Int32Array(3 * 256);
  length = 0;

  /** Empties the buffer, keeping its storage for the next text. */
  clear(): void {
    this.length = 0;
  }

  push(start: number, end: number, entryIndex: number): void {
    let { data } = this;
    const base = 3 * this.length;
    if (base + 3 > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      this.data = data = grown;
    }
    data[base] = start;
    data[base + 1] = end;
    data[base + 2] = entryIndex;
    this.length += 1;
  }
}

/**
 * Longest first, then leftmost, then glossary order; drops overlaps; returns the survivors as
 * matches in text order.
 *
 * Candidates arrive sorted by start. Greedy longest-first selection only ever compares candidates
 * of one cluster (a maximal run of transitively overlapping candidates), so each cluster is
 * resolved on its own: the same result as sorting everything, at the cost of the clusters only.
 * Most clusters hold one candidate and are emitted without sorting.
 */
export function resolveCandidates(candidates: CandidateBuffer, entries: readonly GlossaryEntry[]): TermMatch[] {
  const { data, length } = candidates;
  const out: TermMatch[] = [];
  let first = 0;
  let clusterEnd = -1;
  for (let i = 0; i < length; i += 1) {
    const start = data[3 * i] ?? 0;
    const end = data[3 * i + 1] ?? 0;
    if (i > first && start >= clusterEnd) {
      flush(data, first, i, entries, out);
      first = i;
      clusterEnd = end;
    } else clusterEnd = i === first ? end : Math.max(clusterEnd, end);
  }
  if (length > first) flush(data, first, length, entries, out);
  return out;
}

/** Emits the winners of the cluster `[from, to)` of candidate indices into `out`. */
function flush(data: Int32Array, from: number, to: number, entries: readonly GlossaryEntry[], out: TermMatch[]): void {
  if (to - from === 1) {
    out.push({ entry: entries[data[3 * from + 2] ?? 0] as GlossaryEntry, start: data[3 * from] ?? 0, end: data[3 * from + 1] ?? 0 });
    return;
  }
  const start = (i: number): number => data[3 * i] ?? 0;
  const end = (i: number): number => data[3 * i + 1] ?? 0;
  const entry = (i: number): number => data[3 * i + 2] ?? 0;
  const cluster: number[] = [];
  for (let i = from; i < to; i += 1) cluster.push(i);
  cluster.sort((a, b) => end(b) - start(b) - (end(a) - start(a)) || start(a) - start(b) || entry(a) - entry(b));
  const accepted: number[] = [];
  for (const c of cluster) {
    if (!accepted.some((a) => start(a) < end(c) && start(c) < end(a))) accepted.push(c);
  }
  accepted.sort((a, b) => start(a) - start(b));
  for (const a of accepted) out.push({ entry: entries[entry(a)] as GlossaryEntry, start: start(a), end: end(a) });
}
