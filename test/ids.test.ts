import { describe, expect, it } from 'vitest';
import { assignIds, textHash } from '../pipeline/ids.js';
import type { BlockKind, Document } from '../pipeline/model.js';

/** A document of blocks of sentences, offsets consistent with its text. */
function documentOf(blocks: ReadonlyArray<readonly [BlockKind, readonly string[]]>): Document {
  let text = '';
  const built = blocks.map(([kind, sentences]) => {
    const start = text.length;
    const segments = sentences.map((sentence, i) => {
      if (i > 0) text += ' ';
      const segmentStart = text.length;
      text += sentence;
      return { id: '', text: sentence, start: segmentStart, end: text.length, codes: [], spans: [] };
    });
    const block = { id: '', kind, start, end: text.length, glued: false, segments };
    text += '\n';
    return block;
  });
  return { name: 'd', path: 'd.txt', language: 'de', text, blocks: built };
}

const idsOf = (doc: Document): string[] => doc.blocks.flatMap((b) => b.segments.map((s) => s.id));

describe('stable ids', () => {
  it('derives segment ids from the text alone', () => {
    const doc = documentOf([['title', ['Titel']], ['paragraph', ['Eins.', 'Zwei.']]]);
    assignIds(doc);
    expect(idsOf(doc)).toEqual([`s${textHash('Titel')}`, `s${textHash('Eins.')}`, `s${textHash('Zwei.')}`]);
  });

  it('keeps every other id when a sentence is inserted elsewhere', () => {
    const before = documentOf([['title', ['Titel']], ['paragraph', ['Eins.', 'Zwei.']], ['paragraph', ['Drei.']]]);
    const after = documentOf([['title', ['Titel']], ['paragraph', ['Eins.', 'Neu.', 'Zwei.']], ['paragraph', ['Drei.']]]);
    assignIds(before);
    assignIds(after);
    const kept = idsOf(after).filter((id) => id !== `s${textHash('Neu.')}`);
    expect(kept).toEqual(idsOf(before));
  });

  it('numbers repeated sentences in reading order', () => {
    const doc = documentOf([['paragraph', ['Ja.', 'Nein.', 'Ja.']], ['paragraph', ['Ja.']]]);
    assignIds(doc);
    const ja = `s${textHash('Ja.')}`;
    expect(idsOf(doc)).toEqual([ja, `s${textHash('Nein.')}`, `${ja}-2`, `${ja}-3`]);
  });

  it('keeps the id of a sentence whose white space was re-wrapped', () => {
    expect(textHash('Der  Kreml\nbestritt das.')).toBe(textHash('Der Kreml bestritt das.'));
    expect(textHash('Der Kreml bestritt das.')).not.toBe(textHash('Der Kreml bestreitet das.'));
  });

  it('gives blocks ids of their own that never collide with segment ids', () => {
    const doc = documentOf([['title', ['Titel']]]);
    assignIds(doc);
    expect(doc.blocks[0]!.id).toBe(`b${textHash('Titel')}`);
    expect(doc.blocks[0]!.id).not.toBe(doc.blocks[0]!.segments[0]!.id);
  });
});
