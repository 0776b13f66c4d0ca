/**
 * The source side of the model: Document → Block → Segment (sentence) → Span (term), every node
 * with its place in the source file, and each segment's inline codes (`codes.ts`).
 *
 * Offsets into `Document.text` are in UTF-16 code units (JavaScript string indices), end
 * exclusive. Nothing in the model rewrites that text: the skeleton of a document (whatever lies
 * outside its segments: spaces, line breaks, markup) is the source itself, so reassembling a
 * document whose targets equal its sources gives back the source byte for byte.
 */
import { NO_CODES, type Content, type InlineCode } from './codes.js';

/**
 * What a block is: a name a format chooses. The plain-text format has `title`, `heading`,
 * `paragraph` and `credit`; others add `list-item`, `quote`, `table-cell`, `alt`, `meta`, … Lower
 * case letters, digits and hyphens (XLIFF writes it as `x-<kind>`), see `BLOCK_KIND`.
 */
export type BlockKind = string;

/** The form of a block kind. */
export const BLOCK_KIND = /^[a-z][a-z0-9-]*$/u;

/** A place in a file: 1-based line and column (columns count UTF-16 code units), 0-based offset. */
export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A glossary term in a segment. Offsets are relative to the segment's text (codes take no room). */
export interface Span {
  readonly kind: 'term';
  readonly start: number;
  readonly end: number;
  /** The glossary entry's source (base form), which identifies the entry. */
  readonly term?: string;
  /** The approved targets per language, copied so later stages need no glossary. */
  readonly targets?: Readonly<Record<string, readonly string[]>>;
  /** True when the term must stay untranslated. */
  readonly dnt?: boolean;
  /** Renderings the glossary forbids, per target language. */
  readonly forbidden?: Readonly<Record<string, readonly string[]>>;
  /** The terminologist's note on the entry (what it means, when to use which target), for translators and machine translation. */
  readonly note?: string;
}

/**
 * What a format knows about a segment that is a named resource rather than a sentence of prose: a
 * software string, one key of a catalog. The XLIFF writers show it to translators (name, notes,
 * context, length limit) and the checks use it (the limit, the plural form).
 */
export interface SegmentResource {
  /** The resource's name, unique in the document: the key (`card.readMore`, `comments_many`). XLIFF 1.2 `resname`, 2.x unit `name`. */
  readonly name: string;
  /** Notes for translators, in order: the code's comment, the metadata note, what a plural form is for, the limit. */
  readonly notes: readonly string[];
  /** Where the resource is, as label and value pairs for translators (`namespace`, `key path`, `file`, `line`). */
  readonly context: ReadonlyArray<readonly [string, string]>;
  /** The most characters a translation may have (grapheme clusters, inline codes not counted), when limited. */
  readonly maxLength?: number;
  /** For one form of a plural group: its CLDR category (`one`, `many`, …) and whether it counts or ranks. */
  readonly plural?: { readonly category: string; readonly type: 'cardinal' | 'ordinal' };
}

/** What a format knows about a block that groups named resources: a plural key and its forms. */
export interface BlockResource {
  /** The group's name (the key without plural suffix, `card.comments`): XLIFF 1.2 group `resname`, 2.x group `name`. */
  readonly name: string;
}

/** One sentence: the unit that translators, memories and checks work on. */
export interface Segment extends Content {
  /** Stable id, derived from text and codes (see `pipeline/ids.ts`); unique within the document. */
  id: string;
  /** Translatable text, without code markup. For a format without markup, `Document.text.slice(start, end)`. */
  readonly text: string;
  /** Inline codes, at offsets into `text`. */
  readonly codes: readonly InlineCode[];
  /** Range of the sentence in `Document.text` (markup of its codes included). */
  readonly start: number;
  readonly end: number;
  /** Glossary terms, filled by the terms stage. */
  spans: Span[];
  /** Set by formats whose segments are named resources (software strings); absent for sentences. */
  readonly resource?: SegmentResource;
}

/**
 * A block's translatable content, for formats with inline markup: the text a reader recovered
 * (markup removed, entities decoded), its codes, and where each character lies in the source.
 */
export interface BlockContent extends Content {
  /**
   * `offsets[i]` is the offset in `Document.text` of `text[i]`; `offsets[text.length]` is where
   * the content ends. Absent: the text is `Document.text.slice(block.start, block.end)` itself.
   */
  readonly offsets?: readonly number[];
}

/** A structural unit of the document. */
export interface Block {
  /** Stable id, derived from the block's source text; unique within the document. */
  id: string;
  kind: BlockKind;
  /** Range of the block in `Document.text`, without its line break. */
  readonly start: number;
  readonly end: number;
  /**
   * True when the block starts in the middle of a source line, right after the block before it
   * (the paragraph after a heading that scraping glued to it). Writers of plain text start such a
   * block on a line of its own.
   */
  readonly glued: boolean;
  /** The block's content when the format has inline markup; absent: the source range, no codes. */
  readonly content?: BlockContent;
  /** Set by formats whose blocks group named resources (a plural key's forms). */
  readonly resource?: BlockResource;
  /** Sentences, in order; filled by the segment stage. Empty until then. */
  segments: Segment[];
  /**
   * What lies before, between and after the sentences (`gaps[i]` precedes segment i, the last
   * follows the last one), with the codes that belong to no sentence. Filled by the segment stage;
   * see `blockGaps` for blocks made without it.
   */
  gaps?: readonly Content[];
}

/** A source document as every stage sees it. */
export interface Document {
  /** Document name: names its XLIFF and output files (`a/b` for `source/a/b.txt`). */
  readonly name: string;
  /** Path of the source file, relative to the project root, with forward slashes. */
  readonly path: string;
  /** Source language (BCP 47). */
  readonly language: string;
  /** The source text exactly as decoded from the file. */
  readonly text: string;
  blocks: Block[];
}

/** Line and column (1-based) of an offset in a text. */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** All segments of a document in reading order. */
export function segmentsOf(doc: Document): Segment[] {
  return doc.blocks.flatMap((b) => b.segments);
}

/** The translatable content of a block: its own, or its source range without codes. */
export function blockContent(doc: Document, block: Block): BlockContent {
  return block.content ?? { text: doc.text.slice(block.start, block.end), codes: NO_CODES };
}

/** Offset in `Document.text` of an offset in a block's content text. */
export function sourceOffset(block: Block, offset: number): number {
  const offsets = block.content?.offsets;
  if (offsets === undefined) return block.start + offset;
  return offsets[Math.min(Math.max(offset, 0), offsets.length - 1)] ?? block.end;
}

/**
 * The gaps of a block (see `Block.gaps`): as the segment stage left them, or, for a block built
 * without it (and without codes), the source text around its segments.
 */
export function blockGaps(doc: Document, block: Block): readonly Content[] {
  if (block.gaps !== undefined && block.gaps.length === block.segments.length + 1) return block.gaps;
  const gaps: Content[] = [];
  let cursor = block.start;
  for (const s of block.segments) {
    gaps.push({ text: doc.text.slice(cursor, s.start), codes: NO_CODES });
    cursor = s.end;
  }
  gaps.push({ text: doc.text.slice(cursor, Math.max(cursor, block.end)), codes: NO_CODES });
  return gaps;
}

/** The ranges of a block's segments in its content text (see `blockContent`), from its gaps. */
export function segmentRanges(doc: Document, block: Block): Array<{ start: number; end: number }> {
  const gaps = blockGaps(doc, block);
  const out: Array<{ start: number; end: number }> = [];
  let cursor = 0;
  block.segments.forEach((segment, i) => {
    cursor += gaps[i]?.text.length ?? 0;
    out.push({ start: cursor, end: cursor + segment.text.length });
    cursor += segment.text.length;
  });
  return out;
}
