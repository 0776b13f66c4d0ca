/**
 * The segment stage: fills every block's sentences from the document text.
 */
import { assignIds } from '../ids.js';
import type { Document, Segment } from '../model.js';
import type { Segmenter } from './engine.js';

/**
 * Returns a stage that splits each block of a document into segments with `segmenter`. Segment
 * offsets are absolute (into `doc.text`); spans start empty. Ids are assigned at the end with
 * `assignIds`, since they depend on every segment of the document.
 */
export function segmentDocument(segmenter: Segmenter): (doc: Document) => void {
  return (doc) => {
    for (const block of doc.blocks) {
      const text = doc.text.slice(block.start, block.end);
      block.segments = segmenter.split(text).map(
        (range): Segment => ({
          id: '',
          text: text.slice(range.start, range.end),
          start: block.start + range.start,
          end: block.start + range.end,
          spans: [],
        }),
      );
    }
    assignIds(doc);
  };
}
