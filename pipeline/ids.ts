/**
 * Stable ids for blocks and segments.
 *
 * An id is derived from the text alone (never from a position counter), so inserting or removing
 * a sentence elsewhere in the document leaves every other id as it was. When the same text occurs
 * twice in a document, the second occurrence gets a suffix (`-2`, `-3`, …) in reading order; only
 * repeats of that very text are affected by an insertion.
 */
import { createHash } from 'node:crypto';
import type { Document } from './model.js';

/** Hex digits kept from the hash: 12 (48 bits) keeps collisions negligible for any real article. */
const HASH_LENGTH = 12;

/** The hash part of an id: whitespace is folded so a re-wrapped sentence keeps its id. */
export function textHash(text: string): string {
  const folded = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(folded, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/** Gives every block and segment of the document its stable id. */
export function assignIds(doc: Document): void {
  const seen = new Map<string, number>();
  const unique = (base: string): string => {
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
  for (const block of doc.blocks) {
    block.id = unique(`b${textHash(doc.text.slice(block.start, block.end))}`);
    for (const segment of block.segments) {
      segment.id = unique(`s${textHash(segment.text)}`);
    }
  }
}
