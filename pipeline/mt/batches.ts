/**
 * Work items and batches: the distinct source texts of a job (a sentence repeated in the job is
 * asked once), grouped in document order into requests within a provider's limits, each with the
 * neighbouring sentences that engines take as context.
 */
import type { MtBatch } from './options.js';
import type { MtSegment } from './types.js';

/** One distinct thing to translate: a cache key, its tagged text, and the first segment that has it. */
export interface WorkItem {
  readonly key: string;
  readonly markup: string;
  /** The first segment with this key; the others share its answer. */
  readonly segment: MtSegment;
  /** Source characters as billed: code points of the text without codes. */
  readonly characters: number;
  /** Version of the segment's glossary terms, stored with the answer. */
  readonly glossary: string;
}

/** Items sent in one request, with their context. */
export interface Batch {
  readonly items: readonly WorkItem[];
  /** Neighbouring sentences of the items that are not themselves in the batch, in order, capped. */
  readonly context: readonly string[];
}

/** Code points of a text: what DeepL and most character-billed engines count. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Groups items in order: a batch ends before it would pass `maxSegments` or `maxCharacters` (of tagged text). */
export function makeBatches(items: readonly WorkItem[], limits: MtBatch): WorkItem[][] {
  const batches: WorkItem[][] = [];
  let current: WorkItem[] = [];
  let characters = 0;
  for (const item of items) {
    const size = item.markup.length;
    if (current.length > 0 && (current.length >= limits.maxSegments || characters + size > limits.maxCharacters)) {
      batches.push(current);
      current = [];
      characters = 0;
    }
    current.push(item);
    characters += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The context of a batch: the items' neighbours that are not items, each once, up to `maxCharacters`. */
export function batchContext(items: readonly WorkItem[], maxCharacters: number): string[] {
  if (maxCharacters <= 0) return [];
  const own = new Set(items.map((i) => i.segment.text));
  const seen = new Set<string>();
  const out: string[] = [];
  let used = 0;
  for (const item of items) {
    for (const sentence of [...(item.segment.context?.before ?? []), ...(item.segment.context?.after ?? [])]) {
      if (own.has(sentence) || seen.has(sentence) || sentence.trim() === '') continue;
      if (used + sentence.length > maxCharacters) return out;
      seen.add(sentence);
      out.push(sentence);
      used += sentence.length + 1;
    }
  }
  return out;
}
