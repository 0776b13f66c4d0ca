/**
 * Stable ids, derived in this one place: for blocks and segments of a document, for the
 * sentences of an XLIFF file (what a unit or segment id stands for), and for software strings
 * (units named by their key).
 *
 * A segment id is derived from its content alone (never from a position counter), so inserting or
 * removing a sentence elsewhere in the document leaves every other id as it was. The content is the
 * text and, when the sentence has inline codes, their signature (kind, type and place), so the same
 * words with other markup are another sentence, while a sentence without codes keeps the id it
 * always had. When the same content occurs twice in a document, the second occurrence gets a
 * suffix (`-2`, `-3`, …) in reading order; only repeats of that very content are affected by an
 * insertion.
 */
import { createHash } from 'node:crypto';
import type { Document, InlineCode } from './model.js';

/** Hex digits kept from the hash: 12 (48 bits) keeps collisions negligible for any real article. */
const HASH_LENGTH = 12;

/** The hash part of an id: whitespace is folded so a re-wrapped sentence keeps its id. */
export function textHash(text: string): string {
  const folded = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(folded, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/**
 * The codes of a sentence as they enter its id: kind, type and offset of each, in order. Empty for
 * a sentence without codes, which keeps its id a hash of the text alone.
 */
export function codeSignature(codes: readonly InlineCode[]): string {
  return codes.map((c) => `${c.kind}:${c.type}@${c.at}`).join(' ');
}

/** The id base of a sentence: `s` + the hash of its text (and code signature, when it has codes). */
export function segmentIdBase(text: string, codes: readonly InlineCode[] = []): string {
  return `s${textHash(codes.length === 0 ? text : `${text}\u0000${codeSignature(codes)}`)}`;
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
      segment.id = unique(segmentIdBase(segment.text, segment.codes));
    }
  }
}

/**
 * The sentence id an XLIFF segment stands for. In 1.2 files we write one trans-unit per sentence
 * (`unitId`); in 2.x one `<segment>` per sentence, with the sentence id as its id. A 2.x segment
 * without an id is its unit when alone in it, else `<unit id>#<1-based index>` (an id no sentence
 * of ours has, so such a unit is reported as unknown rather than matched by accident).
 */
export function xliffSentenceId(unitId: string, segmentId: string | undefined, index: number, segmentCount: number, family: '1.2' | '2x'): string {
  if (family === '1.2') return unitId;
  return segmentId ?? (segmentCount === 1 ? unitId : `${unitId}#${index + 1}`);
}

/**
 * Software strings are named, not written: their ids come from the namespace and the key, never
 * from the text, so a reworded German string keeps its unit and its translation (marked for
 * review). Keys are hashed exactly, without the whitespace folding of sentences: "a b" and "a  b"
 * are two keys.
 */
function keyHash(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/** The segment id of a key (or of one plural form's key, `comments_many`) in a namespace: `k` + 12 hex digits. */
export function stringUnitId(namespace: string, key: string): string {
  return `k${keyHash(namespace, key)}`;
}

/** The block id of the group of a plural key (its stem, cardinal or ordinal) in a namespace: `p` + 12 hex digits. */
export function pluralGroupId(namespace: string, stem: string, type: 'cardinal' | 'ordinal'): string {
  return `p${keyHash(namespace, stem, type)}`;
}

/** The block id of a key that is no plural form: `b` + 12 hex digits (the prefix keeps it apart from segment ids). */
export function stringBlockId(namespace: string, key: string): string {
  return `b${keyHash(namespace, key, 'block')}`;
}
