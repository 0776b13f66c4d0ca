/**
 * The entries of one memory grouped by source sentence, numbered by a `SentenceIndex` that may be
 * shared with the run's other memories. Entries can be added, replaced and removed at any time (a
 * memory learns during a run); lookups see the memory as it stands.
 */
import { entryRank } from './merge.js';
import { SentenceIndex } from './sentence-index.js';
import type { MemoryEntry, MemoryMatch } from './types.js';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const NONE: readonly MemoryEntry[] = [];

export class SourceIndex {
  /** Entries per sentence number, sorted by target (equal targets in the order they came); holes for sentences without one. */
  private readonly entriesOf: Array<MemoryEntry[] | undefined> = [];
  private entryCount = 0;
  private readonly accept = (id: number): boolean => (this.entriesOf[id]?.length ?? 0) > 0;

  /** @param sentences the numbering and word index of sentences (shared by a run's memories). */
  constructor(readonly sentences: SentenceIndex) {}

  /** How many entries the index holds. */
  get size(): number {
    return this.entryCount;
  }

  /** Every entry, grouped by source in the order sources were first numbered. */
  *entries(): IterableIterator<MemoryEntry> {
    for (const list of this.entriesOf) if (list !== undefined) yield* list;
  }

  /** Adds an entry, also when one with the same source and target is there (a memory read from a file may repeat a pair). */
  insert(entry: MemoryEntry): void {
    const list = this.listFor(entry.source);
    let at = list.length;
    while (at > 0 && byCodeUnits((list[at - 1] as MemoryEntry).target, entry.target) > 0) at -= 1;
    list.splice(at, 0, entry);
    this.entryCount += 1;
  }

  /** The entry for a source and target (the first, if the pair repeats). */
  get(source: string, target: string): MemoryEntry | undefined {
    return this.entriesAt(source).find((e) => e.target === target);
  }

  /** Puts `entry` in place of the pair's entry, or removes the pair when `entry` is undefined. */
  set(source: string, target: string, entry: MemoryEntry | undefined): void {
    const id = this.sentences.find(source);
    const list = id === undefined ? undefined : this.entriesOf[id];
    const at = list === undefined ? -1 : list.findIndex((e) => e.target === target);
    if (at >= 0 && list !== undefined) {
      if (entry === undefined) {
        list.splice(at, 1);
        this.entryCount -= 1;
      } else list[at] = entry;
    } else if (entry !== undefined) this.insert(entry);
  }

  /**
   * The exact match for a source: the entry that claims it most strongly (`entryRank`), the first
   * in target order on a tie.
   */
  exact(source: string): MemoryEntry | undefined {
    let best: MemoryEntry | undefined;
    for (const e of this.entriesAt(source)) if (best === undefined || entryRank(e) > entryRank(best)) best = e;
    return best;
  }

  /**
   * Every entry whose source differs from `source` and is at least the index's threshold similar to
   * it (`similarityOfWords`), as matches with their quality, best first, then by source, then in
   * target order.
   */
  lookup(source: string): MemoryMatch[] {
    const out: MemoryMatch[] = [];
    for (const { id, quality } of this.sentences.similar(source, this.accept)) {
      for (const e of this.entriesOf[id] ?? NONE) out.push({ source: e.source, target: e.target, quality, origin: e.origin });
    }
    // Sorting keeps target order within one source (sort is stable, and a source's entries were
    // pushed in that order).
    return out.sort((a, b) => b.quality - a.quality || byCodeUnits(a.source, b.source));
  }

  private entriesAt(source: string): readonly MemoryEntry[] {
    const id = this.sentences.find(source);
    return id === undefined ? NONE : (this.entriesOf[id] ?? NONE);
  }

  private listFor(source: string): MemoryEntry[] {
    const id = this.sentences.idOf(source);
    // Filled up to the number rather than assigned past the end, so the array never turns sparse.
    while (this.entriesOf.length <= id) this.entriesOf.push(undefined);
    let list = this.entriesOf[id];
    if (list === undefined) {
      list = [];
      this.entriesOf[id] = list;
    }
    return list;
  }
}
