/**
 * The writer that markup formats share (Markdown, HTML): the source with each translated sentence
 * in place of its own characters, and everything else exactly as it was.
 *
 * A document's blocks are ranges of its source; some lie inside others (the alt text of an image
 * inside a paragraph's image code, the title of a link inside its opening tag). The writer walks
 * the source and replaces each outermost block; a block none of whose sentences changed is its
 * own source again (with the blocks inside it written the same way), so a document whose targets
 * equal its sources comes back byte for byte, escapes and character references included.
 *
 * A changed sentence is written from its target: the text escaped for its place by the format
 * (`MarkupSyntax.escapeText`: a translator's `<a href=…>` or `**` is text, never markup) and its
 * codes taken from the source sentence by id and kind, never from the translator's file. A code
 * the source sentence does not have is left out, so are a pair's halves when the other is missing
 * or comes first, and a repeated code is written once: the markup of the published document is
 * always the source's own.
 *
 * A block written as one value (an attribute, alt text, a front matter field) is replaced whole by
 * `MarkupSyntax.encodeValue` when any of its sentences changed.
 */
import { blockGaps, segmentRanges, type Block, type BlockContent, type Content, type Document, type InlineCode, type Segment } from '../../model.js';
import type { Targets } from '../format.js';

/** How a markup format writes translated text into its place. */
export interface MarkupSyntax {
  /** Text of a translated sentence (or of a gap between sentences) as markup inside `block`. */
  escapeText(text: string, block: Block): string;
  /**
   * What replaces the whole range of a block written as one value, given its translated text;
   * undefined for a block of running text with codes (written sentence by sentence).
   */
  encodeValue(text: string, block: Block, doc: Document): string | undefined;
}

/** A change to the skeleton besides the blocks: `text` replaces the source from `start` to `end`. */
export interface SkeletonPatch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A place in the source the writer replaces: a block or a patch. */
interface Region {
  readonly start: number;
  readonly end: number;
  readonly block?: Block;
  readonly text?: string;
}

/** True when a target is its source sentence: same text, same codes at the same places. */
export function sameAsSegment(target: Content, segment: Segment): boolean {
  if (target.text !== segment.text || target.codes.length !== segment.codes.length) return false;
  return target.codes.every((code, i) => {
    const other = segment.codes[i] as InlineCode;
    return code.id === other.id && code.kind === other.kind && code.at === other.at;
  });
}

/**
 * True when some sentence of the document is published as something other than its source: the
 * written document then differs from the source (and is in the target language).
 */
export function anyTranslated(doc: Document, targets: Targets): boolean {
  return doc.blocks.some((b) =>
    b.segments.some((s) => {
      const target = targets.get(s.id);
      return target !== undefined && !sameAsSegment(target, s);
    }),
  );
}

const codeKey = (code: Pick<InlineCode, 'id' | 'kind'>): string => `${code.kind}#${code.id}`;

/** Where the codes of a block's content lie in the source (see `content.ts` for the layout). */
interface CodeLayout {
  /** Each code's source range, by kind and id. */
  readonly ranges: ReadonlyMap<string, { start: number; end: number }>;
  /** Where the codes at a text position begin (the character's own offset when there are none). */
  codeStart(position: number): number;
}

function codeLayout(content: BlockContent): CodeLayout {
  const ranges = new Map<string, { start: number; end: number }>();
  const lengthAt = new Map<number, number>();
  const offsets = content.offsets ?? [];
  for (const code of content.codes) lengthAt.set(code.at, (lengthAt.get(code.at) ?? 0) + code.data.length);
  let i = 0;
  while (i < content.codes.length) {
    const at = (content.codes[i] as InlineCode).at;
    let j = i;
    let length = 0;
    while (j < content.codes.length && (content.codes[j] as InlineCode).at === at) length += (content.codes[j++] as InlineCode).data.length;
    let cursor = (offsets[at] ?? 0) - length;
    for (let k = i; k < j; k += 1) {
      const code = content.codes[k] as InlineCode;
      ranges.set(codeKey(code), { start: cursor, end: cursor + code.data.length });
      cursor += code.data.length;
    }
    i = j;
  }
  return { ranges, codeStart: (position) => (offsets[position] ?? 0) - (lengthAt.get(position) ?? 0) };
}

/**
 * The codes of a target that are written: those the source sentence has (by id and kind), each
 * once, a pair only when both halves are there, the opening first.
 */
export function writableCodes(target: Content, source: readonly InlineCode[]): InlineCode[] {
  const known = new Map(source.map((c) => [codeKey(c), c] as const));
  const seen = new Set<string>();
  const kept = target.codes.filter((code) => {
    const key = codeKey(code);
    if (!known.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const position = new Map(kept.map((c, i) => [codeKey(c), i] as const));
  return kept.filter((code) => {
    if (code.kind === 'standalone') return true;
    const partnerKind = code.kind === 'open' ? 'close' : 'open';
    const partnerInSource = known.has(codeKey({ id: code.id, kind: partnerKind }));
    if (!partnerInSource) return true; // a pair the sentence boundary cut: this half stands alone here
    const partner = position.get(codeKey({ id: code.id, kind: partnerKind }));
    if (partner === undefined) return false;
    const mine = position.get(codeKey(code)) as number;
    return code.kind === 'open' ? mine < partner : partner < mine;
  });
}

/** Writes a document of a markup format: the source with the published targets in place. */
export function writeMarkup(doc: Document, targets: Targets, syntax: MarkupSyntax, patches: readonly SkeletonPatch[] = []): string {
  const regions: Region[] = [...doc.blocks.map((block) => ({ start: block.start, end: block.end, block })), ...patches];
  // Outer regions first at the same start, so a region inside another is found within it.
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  const source = doc.text;

  /** Index of the first region that starts at or after `offset`. */
  const firstFrom = (offset: number): number => {
    let lo = 0;
    let hi = regions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((regions[mid] as Region).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** The source from `from` to `to` with every outermost region inside it (but `own`) written. */
  const range = (from: number, to: number, own?: Block): string => {
    let out = '';
    let cursor = from;
    for (let i = firstFrom(from); i < regions.length; i += 1) {
      const region = regions[i] as Region;
      if (region.start > to) break;
      if (region.block !== undefined && region.block === own) continue;
      // Inside a region already written, crossing the range, or starting where it ends.
      if (region.start < cursor || region.end > to || (region.start === to && region.end > to)) continue;
      out += source.slice(cursor, region.start) + (region.block === undefined ? (region.text ?? '') : block(region.block));
      cursor = region.end;
    }
    return out + source.slice(cursor, to);
  };

  const published = (segment: Segment): Content => targets.get(segment.id) ?? segment;
  const layouts = new Map<Block, CodeLayout>();
  const layoutOf = (b: Block & { content: BlockContent }): CodeLayout => {
    let layout = layouts.get(b);
    if (layout === undefined) {
      layout = codeLayout(b.content);
      layouts.set(b, layout);
    }
    return layout;
  };

  /** A block: its source when nothing in it changed, else its gaps and sentences. */
  const block = (b: Block): string => {
    const changed = b.segments.some((s) => !sameAsSegment(published(s), s));
    if (!changed) return range(b.start, b.end, b);
    const gaps = blockGaps(doc, b);
    const whole = gaps.map((g, i) => g.text + (i < b.segments.length ? published(b.segments[i] as Segment).text : '')).join('');
    const value = syntax.encodeValue(whole, b, doc);
    if (value !== undefined) return value;
    return inline(b, gaps);
  };

  /** A block of running text with codes: unchanged pieces from the source, changed sentences from their targets. */
  const inline = (b: Block, gaps: readonly Content[]): string => {
    const content = b.content;
    if (content?.offsets === undefined) return b.segments.map((s, i) => escapeGap(b, gaps[i]) + sentence(b, s, published(s))).join('') + escapeGap(b, gaps[b.segments.length]);
    const { ranges, codeStart } = layoutOf(b as Block & { content: BlockContent });
    const offsets = content.offsets;
    const sentences = segmentRanges(doc, b);
    // Each piece (gap, sentence, gap, …) with its text range in the content and its codes.
    const pieces: Array<{ from: number; to: number; codes: readonly InlineCode[]; segment?: Segment }> = [];
    let cursor = 0;
    b.segments.forEach((segment, i) => {
      const r = sentences[i] as { start: number; end: number };
      pieces.push({ from: cursor, to: r.start, codes: (gaps[i] as Content).codes });
      pieces.push({ from: r.start, to: r.end, codes: segment.codes, segment });
      cursor = r.end;
    });
    pieces.push({ from: cursor, to: content.text.length, codes: (gaps[b.segments.length] as Content).codes });
    // The source range of each piece; writing pieces from the source needs them to follow each other.
    const spans = pieces.map((piece) => {
      let start = Number.POSITIVE_INFINITY;
      let end = Number.NEGATIVE_INFINITY;
      if (piece.to > piece.from) {
        start = offsets[piece.from] as number;
        end = codeStart(piece.to);
      }
      for (const code of piece.codes) {
        const r = ranges.get(codeKey(code));
        if (r === undefined) continue;
        start = Math.min(start, r.start);
        end = Math.max(end, r.end);
      }
      return start === Number.POSITIVE_INFINITY ? undefined : { start, end };
    });
    let expected = b.start;
    let inOrder = true;
    for (const span of spans) {
      if (span === undefined) continue;
      if (span.start !== expected) inOrder = false;
      expected = span.end;
    }
    if (expected !== b.end) inOrder = false;
    return pieces
      .map((piece, i) => {
        const span = spans[i];
        const target = piece.segment === undefined ? undefined : published(piece.segment);
        const unchanged = piece.segment === undefined || sameAsSegment(target as Content, piece.segment);
        if (unchanged && inOrder) return span === undefined ? '' : range(span.start, span.end, b);
        if (piece.segment !== undefined) return sentence(b, piece.segment, target as Content);
        return escapeGap(b, { text: content.text.slice(piece.from, piece.to), codes: piece.codes });
      })
      .join('');
  };

  /** The markup of a code of block `b`, from the source (with the blocks inside it written). */
  const codeMarkup = (b: Block, code: InlineCode): string => {
    const r = b.content === undefined ? undefined : layoutOf(b as Block & { content: BlockContent }).ranges.get(codeKey(code));
    return r === undefined ? code.data : range(r.start, r.end);
  };

  const sentence = (b: Block, segment: Segment, target: Content): string => {
    const codes = writableCodes(target, segment.codes);
    let out = '';
    let cursor = 0;
    for (const code of codes) {
      const at = Math.min(Math.max(code.at, cursor), target.text.length);
      out += syntax.escapeText(target.text.slice(cursor, at), b) + codeMarkup(b, segment.codes.find((c) => c.id === code.id && c.kind === code.kind) as InlineCode);
      cursor = at;
    }
    return out + syntax.escapeText(target.text.slice(cursor), b);
  };

  const escapeGap = (b: Block, gap: Content | undefined): string => {
    if (gap === undefined) return '';
    let out = '';
    let cursor = 0;
    for (const code of gap.codes) {
      out += syntax.escapeText(gap.text.slice(cursor, code.at), b) + codeMarkup(b, code);
      cursor = code.at;
    }
    return out + syntax.escapeText(gap.text.slice(cursor), b);
  };

  return range(0, source.length);
}
