import { describe, expect, it } from 'vitest';
import type { Document } from '../../pipeline/model.js';
import { createSegmenter } from '../../pipeline/segment/engine.js';
import { segmentDocument } from '../../pipeline/segment/stage.js';

function doc(text: string, ranges: Array<[number, number]>): Document {
  return {
    name: 'test',
    path: 'source/test.txt',
    language: 'de',
    text,
    blocks: ranges.map(([start, end]) => ({ id: '', kind: 'paragraph', start, end, glued: false, segments: [] })),
  };
}

describe('segmentDocument', () => {
  const stage = segmentDocument(createSegmenter({ language: 'de' }));

  it('fills each block with segments at absolute offsets whose text is the source slice', () => {
    const text = 'Titel\n\nEr kam am 3. Oktober. Dann ging er.\n';
    const d = doc(text, [[0, 5], [7, text.length - 1]]);
    stage(d);
    expect(d.blocks.map((b) => b.segments.map((s) => s.text))).toEqual([['Titel'], ['Er kam am 3. Oktober.', 'Dann ging er.']]);
    for (const segment of d.blocks.flatMap((b) => b.segments)) {
      expect(text.slice(segment.start, segment.end)).toBe(segment.text);
      expect(segment.spans).toEqual([]);
    }
  });

  it('assigns stable, unique ids', () => {
    const text = 'Ja. Ja.';
    const d = doc(text, [[0, text.length]]);
    stage(d);
    const ids = d.blocks[0]?.segments.map((s) => s.id) ?? [];
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^s[0-9a-f]{12}$/u);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });

  it('gives an empty block no segments', () => {
    const d = doc('   ', [[0, 3]]);
    stage(d);
    expect(d.blocks[0]?.segments).toEqual([]);
  });
});
