/**
 * One language's memory during a run: loaded once, then changed entry by entry as XLIFF files are
 * learned or a TMX file is imported, looked up at any time, and sorted once when it is saved.
 *
 * It gives the memory that `replaceProjectEntries(addEntries(loaded, added), learned)` (merge.ts)
 * would give for everything learned and added so far, without rebuilding it: learning a file costs
 * the entries of that file, not the size of the memory. A property test holds both to the same
 * result.
 */
import { entryRank, normalize } from './merge.js';
import type { SentenceIndex } from './sentence-index.js';
import { SourceIndex } from './source-index.js';
import type { Memory, MemoryEntry } from './types.js';

/** One target the run's files gave a source. */
interface LearnedTarget {
  readonly target: string;
  /** The strongest learned entry for the pair (the first on a tie); undefined while only blank ones came. */
  best: MemoryEntry | undefined;
  /** Whether a project entry gave this target: only those replace older project translations. */
  project: boolean;
}

/** A pair without text on one side never enters a memory. */
const blank = (e: MemoryEntry): boolean => e.source.trim() === '' || e.target.trim() === '';

export class WorkingMemory {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** The memory as loaded, returned unchanged while nothing was learned or added. */
  private readonly loaded: Memory;
  private changed = false;
  /** The loaded memory, one entry per pair (the last one a file repeats), and what was added. */
  private readonly base = new Map<string, MemoryEntry[]>();
  /** What the run's files gave, per source. */
  private readonly learned = new Map<string, LearnedTarget[]>();
  /** The memory as it stands: `base` with older project pairs replaced by `learned`. */
  private readonly current: SourceIndex;
  /** Pairs the loaded file repeats, each with all its entries in file order (usually none). */
  private readonly repeated: MemoryEntry[][] = [];

  /**
   * @param loaded the memory as read from its file.
   * @param sentences the numbering and word index of source sentences, shared by a run's memories.
   */
  constructor(loaded: Memory, sentences: SentenceIndex) {
    this.sourceLanguage = loaded.sourceLanguage;
    this.targetLanguage = loaded.targetLanguage;
    this.loaded = loaded;
    this.current = new SourceIndex(sentences);
    const repeats = new Map<MemoryEntry, MemoryEntry[]>();
    for (const e of loaded.entries) {
      const list = this.base.get(e.source);
      const at = list?.findIndex((x) => x.target === e.target) ?? -1;
      if (list === undefined) this.base.set(e.source, [e]);
      else if (at >= 0) {
        const first = list[at] as MemoryEntry;
        const group = repeats.get(first) ?? [first];
        group.push(e);
        repeats.delete(first);
        repeats.set(e, group);
        list[at] = e;
      } else list.push(e);
    }
    for (const group of repeats.values()) this.repeated.push(group);
    for (const list of this.base.values()) for (const e of list) this.current.insert(e);
  }

  /** How many pairs the memory holds. */
  get size(): number {
    return this.changed ? this.current.size : this.loaded.entries.length;
  }

  /** The index the lookups use. */
  get index(): SourceIndex {
    return this.current;
  }

  /**
   * Learns the project's own approved translations: each becomes an entry, and a sentence's older
   * project translation with another target, which the files no longer have, leaves the memory
   * (imported entries never do).
   */
  learn(entries: readonly MemoryEntry[]): void {
    if (!this.changed) this.mergeRepeatedImports();
    this.changed = true;
    for (const learned of entries) {
      const e = this.reuse(learned);
      let list = this.learned.get(e.source);
      if (list === undefined) {
        list = [];
        this.learned.set(e.source, list);
      }
      const project = e.origin === 'project';
      const firstProjectTarget = project && !list.some((t) => t.project);
      let pair = list.find((t) => t.target === e.target);
      if (pair === undefined) {
        pair = { target: e.target, best: undefined, project: false };
        list.push(pair);
      }
      if (project) pair.project = true;
      if (!blank(e) && (pair.best === undefined || entryRank(e) > entryRank(pair.best))) pair.best = e;
      if (firstProjectTarget) {
        // The files now translate this sentence: its older project translations leave.
        for (const old of this.base.get(e.source) ?? []) if (old.origin === 'project' && old.target !== e.target) this.settle(e.source, old.target);
      }
      this.settle(e.source, e.target);
    }
  }

  /**
   * `e`, or an equal entry made of the strings the memory already holds for its sentence and pair:
   * a run learns every sentence of the project again, and without this each would be kept twice,
   * once as read from its memory file and once from its XLIFF file.
   */
  private reuse(e: MemoryEntry): MemoryEntry {
    const known = this.current.get(e.source, e.target);
    if (known !== undefined) return known.origin === e.origin && known.state === e.state ? known : { ...e, source: known.source, target: known.target };
    const source = this.current.sentences.stored(e.source);
    return source === e.source ? e : { ...e, source };
  }

  /** Adds entries of any origin (an imported TMX file); returns how many pairs were new. */
  add(entries: readonly MemoryEntry[]): number {
    this.changed = true;
    let added = 0;
    for (const e of entries) {
      if (blank(e)) continue;
      if (this.current.get(e.source, e.target) === undefined) added += 1;
      const list = this.base.get(e.source);
      const at = list?.findIndex((x) => x.target === e.target) ?? -1;
      const before = at >= 0 ? list?.[at] : undefined;
      if (before === undefined || entryRank(e) > entryRank(before)) {
        if (list === undefined) this.base.set(e.source, [e]);
        else if (at >= 0) list[at] = e;
        else list.push(e);
      }
      this.settle(e.source, e.target);
    }
    return added;
  }

  /** The memory as it stands, in its stored order (sorted once, here). */
  toMemory(): Memory {
    if (!this.changed) return this.loaded;
    return { sourceLanguage: this.sourceLanguage, targetLanguage: this.targetLanguage, entries: normalize([...this.current.entries()]) };
  }

  /**
   * A pair the loaded file repeats is one entry, the last; but when the run learns, an imported
   * entry among the repeats that ranks higher takes its place (the memory's imported entries are
   * merged over the loaded file again, as they are after every file learned).
   */
  private mergeRepeatedImports(): void {
    for (const group of this.repeated) {
      let winner = group[group.length - 1] as MemoryEntry;
      for (const e of group) if (e.origin !== 'project' && !blank(e) && entryRank(e) > entryRank(winner)) winner = e;
      const list = this.base.get(winner.source) as MemoryEntry[];
      list[list.findIndex((x) => x.target === winner.target)] = winner;
      this.settle(winner.source, winner.target);
    }
  }

  /**
   * Decides one pair: the loaded (or added) entry unless the files replaced it, or the learned
   * entry when it ranks higher (the loaded one wins a tie, as it came first).
   */
  private settle(source: string, target: string): void {
    const old = this.base.get(source)?.find((e) => e.target === target);
    const learned = this.learned.get(source);
    const pair = learned?.find((t) => t.target === target);
    const replaced = old !== undefined && old.origin === 'project' && learned !== undefined && learned.some((t) => t.project) && pair?.project !== true;
    let winner = old === undefined || replaced ? undefined : old;
    const best = pair?.best;
    if (best !== undefined && (winner === undefined || entryRank(best) > entryRank(winner))) winner = best;
    this.current.set(source, target, winner);
  }
}
