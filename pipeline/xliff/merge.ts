/**
 * Merging a fresh export with the previous file's work and the set-aside units.
 *
 * Rules, in order of strength, for each sentence of the current document:
 * 1. kept: the previous file has a unit with its id and the same source → target and state kept;
 * 2. restored: the aside file has it (the sentence came back) → target and state restored;
 * 3. candidate: the previous unit with the sentence's id whose source changed (ids that do not
 *    come from the text: a software string's key, reworded) → its translation is kept, marked
 *    for review; else a previous unit whose sentence disappeared lies between the same unchanged
 *    neighbours and is similar enough → its translation is offered, marked for review;
 * 4. added: nothing known.
 * Every previous unit with a translation that is not kept goes aside, so nothing is lost even
 * when it also served as a candidate (the sentence may come back as it was).
 */
import type { Block, Document, Segment } from '../model.js';
import { hasWork, sameSource, type Entry } from './entries.js';
import { matchQuality, similarityOfWords, words } from '../similarity.js';

/** Below this similarity a neighbour-bounded old sentence is not offered. */
const WINDOW_THRESHOLD = 0.5;
/** Outside the neighbour window (a sentence that moved and changed) the bar is higher. */
const GLOBAL_THRESHOLD = 0.75;

export type PlanKind = 'kept' | 'restored' | 'candidate' | 'added';

export interface PlannedSegment {
  readonly segment: Segment;
  readonly block: Block;
  readonly kind: PlanKind;
  /** The entry whose work is carried (kept, restored) or offered (candidate). */
  readonly entry: Entry | undefined;
  /** Match quality (0–100) for candidates. */
  readonly quality: number | undefined;
}

export interface MergePlan {
  /** By segment id. */
  readonly bySegment: ReadonlyMap<string, PlannedSegment>;
  /** Entries to store in the aside file, in a stable order. */
  readonly aside: readonly Entry[];
  readonly stats: { kept: number; candidates: number; added: number; setAside: number; restored: number };
}

interface Located {
  readonly segment: Segment;
  readonly block: Block;
  readonly index: number;
}

/** Plans what each sentence of `doc` gets from `previous` and `aside` entries. */
export function planMerge(doc: Document, previous: readonly Entry[], aside: readonly Entry[]): MergePlan {
  const located: Located[] = [];
  for (const block of doc.blocks) for (const segment of block.segments) located.push({ segment, block, index: located.length });

  const prevById = firstById(previous);
  const prevIndex = new Map(previous.map((e, i) => [e, i] as const));
  const asideById = firstById(aside);
  const plan = new Map<string, PlannedSegment>();
  const usedPrev = new Set<Entry>();
  /** For each document position: index in `previous` of the entry kept there. */
  const anchor = new Map<number, number>();

  for (const loc of located) {
    const entry = prevById.get(loc.segment.id);
    if (entry !== undefined && sameSource(entry.source, loc.segment.text)) {
      plan.set(loc.segment.id, { segment: loc.segment, block: loc.block, kind: 'kept', entry, quality: undefined });
      usedPrev.add(entry);
      anchor.set(loc.index, prevIndex.get(entry) ?? -1);
    }
  }
  const restoredEntries = new Set<Entry>();
  for (const loc of located) {
    if (plan.has(loc.segment.id)) continue;
    const entry = asideById.get(loc.segment.id);
    if (entry !== undefined && hasWork(entry) && sameSource(entry.source, loc.segment.text)) {
      plan.set(loc.segment.id, { segment: loc.segment, block: loc.block, kind: 'restored', entry, quality: undefined });
      restoredEntries.add(entry);
    }
  }

  // Same id, other source: the unit's own previous version, in the working file or set aside (a
  // sentence id comes from its text, so only a named unit gets here: a software string whose key
  // stayed, or came back, and whose text was reworded).
  for (const loc of located) {
    if (plan.has(loc.segment.id)) continue;
    const previousVersion = prevById.get(loc.segment.id);
    const asideVersion = asideById.get(loc.segment.id);
    const entry = previousVersion !== undefined && !usedPrev.has(previousVersion) && hasWork(previousVersion) ? previousVersion : asideVersion !== undefined && hasWork(asideVersion) ? asideVersion : undefined;
    if (entry === undefined) continue;
    plan.set(loc.segment.id, { segment: loc.segment, block: loc.block, kind: 'candidate', entry, quality: matchQuality(entry.source, loc.segment.text) });
    if (entry === previousVersion) {
      usedPrev.add(entry);
      anchor.set(loc.index, prevIndex.get(entry) ?? -1);
    } else restoredEntries.add(entry);
  }

  const pool = previous.filter((e) => !usedPrev.has(e) && hasWork(e));
  const open = located.filter((loc) => !plan.has(loc.segment.id));
  const taken = new Set<Entry>();
  assignCandidates(open, pool, prevIndex, anchor, located.length, plan, taken, true);
  const globalPool = [...pool, ...aside.filter((e) => !restoredEntries.has(e) && hasWork(e))];
  assignCandidates(open.filter((loc) => !plan.has(loc.segment.id)), globalPool, prevIndex, anchor, located.length, plan, taken, false);

  // A repeated sentence (a new `-2` id) gets the translation of its twin, for review.
  const twins = new Map<string, Entry>();
  for (const e of previous) if (hasWork(e) && !twins.has(e.source)) twins.set(e.source, e);
  for (const loc of located) {
    if (plan.has(loc.segment.id)) continue;
    const twin = twins.get(loc.segment.text);
    if (twin !== undefined) plan.set(loc.segment.id, { segment: loc.segment, block: loc.block, kind: 'candidate', entry: twin, quality: 100 });
  }
  for (const loc of located) {
    if (!plan.has(loc.segment.id)) plan.set(loc.segment.id, { segment: loc.segment, block: loc.block, kind: 'added', entry: undefined, quality: undefined });
  }

  // The aside file: new leavers first (previous-file order), then older ones still absent.
  const present = new Set([...plan.values()].filter((p) => p.kind === 'kept' || p.kind === 'restored').map((p) => p.segment.id));
  const asideOut: Entry[] = [];
  const asideIds = new Set<string>();
  let setAside = 0;
  for (const entry of previous) {
    if (usedPrev.has(entry) || !hasWork(entry) || asideIds.has(entry.id)) continue;
    if (present.has(entry.id) && prevById.get(entry.id) !== entry) continue;
    asideOut.push(entry);
    asideIds.add(entry.id);
    setAside += 1;
  }
  for (const entry of aside) {
    if (restoredEntries.has(entry) || present.has(entry.id) || asideIds.has(entry.id) || !hasWork(entry)) continue;
    asideOut.push(entry);
    asideIds.add(entry.id);
  }

  const count = (kind: PlanKind): number => [...plan.values()].filter((p) => p.kind === kind).length;
  return {
    bySegment: plan,
    aside: asideOut,
    stats: { kept: count('kept'), candidates: count('candidate'), added: count('added'), setAside, restored: count('restored') },
  };
}

function firstById(entries: readonly Entry[]): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const e of entries) if (!map.has(e.id)) map.set(e.id, e);
  return map;
}

/**
 * Pairs open sentences with old entries, best similarity first. With `windowed`, an entry is only
 * considered for a sentence when it lies (in the previous file) between the entries kept for the
 * sentence's nearest unchanged neighbours: that is where an edited sentence's old version is.
 */
function assignCandidates(
  open: readonly Located[],
  pool: readonly Entry[],
  prevIndex: ReadonlyMap<Entry, number>,
  anchor: ReadonlyMap<number, number>,
  total: number,
  plan: Map<string, PlannedSegment>,
  taken: Set<Entry>,
  windowed: boolean,
): void {
  const windows = windowed && pool.length > 0 ? windowsOf(open, anchor, total, prevIndex.size) : new Map<Located, Window>();
  const cache = new Map<string, string[]>();
  const wordsOf = (text: string): string[] => {
    let w = cache.get(text);
    if (w === undefined) {
      w = words(text);
      cache.set(text, w);
    }
    return w;
  };
  const pairs: Array<{ loc: Located; entry: Entry; score: number; order: number }> = [];
  pool.forEach((entry, order) => {
    if (taken.has(entry)) return;
    for (const loc of open) {
      if (windowed) {
        const at = prevIndex.get(entry);
        const w = windows.get(loc);
        if (at === undefined || w === undefined || at <= w.lo || at >= w.hi) continue;
      }
      const threshold = windowed ? WINDOW_THRESHOLD : GLOBAL_THRESHOLD;
      // Word counts bound the similarity from above: skip the edit distance when it cannot reach the bar.
      const a = wordsOf(entry.source);
      const b = wordsOf(loc.segment.text);
      if (Math.min(a.length, b.length) < threshold * Math.max(a.length, b.length)) continue;
      const score = similarityOfWords(a, b);
      if (score >= threshold) pairs.push({ loc, entry, score, order });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.loc.index - b.loc.index || a.order - b.order);
  for (const { loc, entry } of pairs) {
    if (plan.has(loc.segment.id) || taken.has(entry)) continue;
    taken.add(entry);
    plan.set(loc.segment.id, {
      segment: loc.segment,
      block: loc.block,
      kind: 'candidate',
      entry,
      quality: matchQuality(entry.source, loc.segment.text),
    });
  }
}

interface Window {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Each open sentence's window: the previous-file positions of the nearest kept sentences before
 * and after it (-1 and the previous file's length when there is none). Two passes over the
 * document, so a long document with few kept sentences (a catalog of thousands of keys on its
 * first export) costs linear time, not a scan per sentence.
 */
function windowsOf(open: readonly Located[], anchor: ReadonlyMap<number, number>, total: number, prevLength: number): Map<Located, Window> {
  const before: number[] = new Array<number>(total);
  let last = -1;
  for (let i = 0; i < total; i += 1) {
    before[i] = last;
    last = anchor.get(i) ?? last;
  }
  const after: number[] = new Array<number>(total);
  let next = prevLength;
  for (let i = total - 1; i >= 0; i -= 1) {
    after[i] = next;
    next = anchor.get(i) ?? next;
  }
  return new Map(open.map((loc) => [loc, { lo: before[loc.index] ?? -1, hi: after[loc.index] ?? prevLength }] as const));
}
