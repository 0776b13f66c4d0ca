/**
 * The segment stage: fills every block's sentences (and the gaps around them) from its content.
 */
import { assignIds } from '../ids.js';
import { blockContent, cutContent, sourceOffset, type Document, type Segment } from '../model.js';
import type { Segmenter } from './engine.js';

/**
 * Returns a function that splits each block of a document into segments with `segmenter`. The
 * segmenter sees the block's text without code markup; each inline code goes to the sentence it
 * belongs to (a pair cut by a sentence boundary leaves an isolated open and close, see
 * `cutContent`), or to the gap between sentences. Segment offsets are absolute (into `doc.text`);
 * spans start empty. Ids are assigned at the end with `assignIds`, since they depend on every
 * segment of the document.
 */
export function segmentDocument(segmenter: Segmenter): (doc: Document) => void {
  return (doc) => {
    for (const block of doc.blocks) {
      const content = blockContent(doc, block);
      const ranges = segmenter.split(content.text);
      const { parts, gaps } = cutContent(content, ranges);
      block.segments = ranges.map(
        (range, i): Segment => ({
          id: '',
          text: parts[i]?.text ?? '',
          codes: parts[i]?.codes ?? [],
          start: sourceOffset(block, range.start),
          end: sourceOffset(block, range.end),
          spans: [],
        }),
      );
      block.gaps = gaps;
    }
    assignIds(doc);
  };
}
