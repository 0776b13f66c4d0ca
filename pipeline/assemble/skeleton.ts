/**
 * Reassembly helpers every format's writer shares: a block's skeleton (what lies around its
 * sentences) with the published targets put in place of the sentences.
 *
 * A block is rebuilt from its gaps and its segments in turn (`blockGaps`): the gaps are the
 * source, the segments are replaced by their targets. Codes are written by `render` (by default
 * their original markup, `data`), so a writer of a markup format gets its markup back and the
 * plain-text writer, whose documents have no codes, gets the text alone.
 */
import { blockGaps, withCodes, type Block, type Content, type Document, type InlineCode } from '../model.js';
import type { Targets } from '../formats/format.js';

/** The published content of each segment of a block, or its source when it has none. */
export function publishedSegments(block: Block, targets: Targets): Content[] {
  return block.segments.map((segment) => targets.get(segment.id) ?? segment);
}

/**
 * The text of a block with the targets in place of its segments; the gaps between sentences are
 * kept. `render` writes a code (default: its markup).
 */
export function blockText(doc: Document, block: Block, targets: Targets, render?: (code: InlineCode) => string): string {
  const gaps = blockGaps(doc, block);
  const published = publishedSegments(block, targets);
  let out = withCodes(gaps[0] ?? { text: '', codes: [] }, render);
  published.forEach((content, i) => {
    out += withCodes(content, render) + withCodes(gaps[i + 1] ?? { text: '', codes: [] }, render);
  });
  return out;
}
