/**
 * Inline codes: the markup inside translatable text (bold, links, images, line breaks,
 * placeholders), as the model carries it.
 *
 * A content is its translatable text plus zero-width codes at offsets in that text. Paired codes
 * (an `open` and its `close`) share an id; a pair cut by a sentence boundary leaves an `open`
 * without its `close` in one segment and a `close` without its `open` in the next (isolated
 * codes, see `isolatedCodes`). `data` is the original markup, so a writer can put it back and an
 * XLIFF file can show it to translators. Text never contains code data: term matching, checks and
 * the memory work on `text` alone, and spans stay offsets into it.
 *
 *     "Das ist **wichtig**." → text "Das ist wichtig."
 *       codes: { id: '1', kind: 'open',  type: 'bold', data: '**', at: 8 }
 *              { id: '1', kind: 'close', type: 'bold', data: '**', at: 15 }
 */

/** Whether a code opens a pair, closes one, or stands alone (an image, a break, a placeholder). */
export type CodeKind = 'open' | 'close' | 'standalone';

export const CODE_KINDS: readonly CodeKind[] = ['open', 'close', 'standalone'];

/** One inline code. */
export interface InlineCode {
  /**
   * Identifies the code within its block; an open and its close share it. XML NMTOKEN characters
   * only (letters, digits, `.`, `-`, `_`), since XLIFF writes it as an attribute.
   */
  readonly id: string;
  readonly kind: CodeKind;
  /**
   * What the code stands for: `bold`, `italic`, `link`, `image`, `break`, `placeholder`, `html`,
   * or whatever the format names it (lower case). Codes read from a CAT tool's XLIFF without a
   * known counterpart carry the element name (`g`, `x`, `ph`).
   */
  readonly type: string;
  /** The original markup (`**`, `[`, `](https://x)`, `<a href="…">`, `{{name}}`). */
  readonly data: string;
  /** Offset in the content's text (UTF-16 code units) where the code stands. */
  readonly at: number;
  /** Text a tool may show or use instead of the code (XLIFF `equiv-text` / `equiv`). */
  readonly equiv?: string;
  /** A short label for the code in a translator's view (XLIFF 2 `disp`). */
  readonly disp?: string;
}

/** Translatable text with its inline codes (in order of their offsets, ties in document order). */
export interface Content {
  readonly text: string;
  readonly codes: readonly InlineCode[];
}

/** Shared empty list: content without codes. */
export const NO_CODES: readonly InlineCode[] = Object.freeze([]);

/** A content of text alone. */
export function plainContent(text: string): Content {
  return { text, codes: NO_CODES };
}

/**
 * The codes of a content that have no partner in it: an `open` whose `close` is elsewhere, or a
 * `close` whose `open` is. (A pair is matched by id, the open first.)
 */
export function isolatedCodes(codes: readonly InlineCode[]): Set<InlineCode> {
  const isolated = new Set<InlineCode>();
  const open = new Map<string, InlineCode[]>();
  for (const code of codes) {
    if (code.kind === 'open') {
      const list = open.get(code.id) ?? [];
      list.push(code);
      open.set(code.id, list);
    } else if (code.kind === 'close') {
      const partner = open.get(code.id)?.pop();
      if (partner === undefined) isolated.add(code);
    }
  }
  for (const list of open.values()) for (const code of list) isolated.add(code);
  return isolated;
}

/** A range of a content's text, end exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Which range a code at `at` belongs to, among ordered, non-overlapping `ranges`: an open code
 * goes with the text that follows it, a close code with the text before it, a standalone code with
 * the range it touches (the earlier one at a shared boundary). -1 when it lies between ranges.
 */
function rangeOf(code: InlineCode, ranges: readonly TextRange[]): number {
  let touching = -1;
  for (let i = 0; i < ranges.length; i += 1) {
    const r = ranges[i] as TextRange;
    if (code.at > r.start && code.at < r.end) return i;
    if (code.kind === 'open' && code.at === r.start && r.end > r.start) return i;
    if (code.kind === 'close' && code.at === r.end && r.end > r.start) return i;
    if (code.kind === 'standalone' && touching === -1 && (code.at === r.end || code.at === r.start)) touching = i;
  }
  return touching;
}

/**
 * Cuts a content into ranges (sentences) and the gaps around them. Each code goes to one range
 * (see `rangeOf`) or, when it lies between ranges, to the gap there; offsets become relative to
 * the range or gap. `gaps[i]` precedes range i and the last gap follows the last range, so
 * gaps and ranges in turn give back the content.
 */
export function cutContent(content: Content, ranges: readonly TextRange[]): { parts: Content[]; gaps: Content[] } {
  const partCodes: InlineCode[][] = ranges.map(() => []);
  const gapCodes: InlineCode[][] = [...ranges, undefined].map(() => []);
  const gapBounds: TextRange[] = [];
  let cursor = 0;
  for (const r of ranges) {
    gapBounds.push({ start: cursor, end: r.start });
    cursor = r.end;
  }
  gapBounds.push({ start: cursor, end: content.text.length });
  // Places in reading order: gap 0, range 0, gap 1, range 1, … (place 2i is gap i, 2i + 1 range i).
  // Codes keep their order: one never goes to a place before the previous code's (at a shared
  // offset, `<a><img></a>` before a sentence stays together instead of its close going first).
  let lastPlace = 0;
  for (const code of content.codes) {
    const i = rangeOf(code, ranges);
    let place = i !== -1 ? 2 * i + 1 : 2 * Math.max(0, gapBounds.findIndex((b) => code.at >= b.start && code.at <= b.end));
    place = Math.max(place, lastPlace);
    lastPlace = place;
    const bounds = place % 2 === 1 ? (ranges[(place - 1) / 2] as TextRange) : (gapBounds[place / 2] as TextRange);
    const at = Math.min(Math.max(code.at, bounds.start), bounds.end) - bounds.start;
    (place % 2 === 1 ? partCodes[(place - 1) / 2] : gapCodes[place / 2])?.push({ ...code, at });
  }
  const make = (range: TextRange, codes: InlineCode[]): Content => ({
    text: content.text.slice(range.start, range.end),
    codes: codes.length === 0 ? NO_CODES : codes,
  });
  return {
    parts: ranges.map((r, i) => make(r, partCodes[i] ?? [])),
    gaps: gapBounds.map((b, i) => make(b, gapCodes[i] ?? [])),
  };
}

/**
 * Renders a content with each code's markup in place: the text with `render(code)` inserted at
 * each code's offset (by default its `data`). What a writer of a markup format does per segment.
 */
export function withCodes(content: Content, render: (code: InlineCode) => string = (code) => code.data): string {
  if (content.codes.length === 0) return content.text;
  let out = '';
  let cursor = 0;
  for (const code of content.codes) {
    const at = Math.min(Math.max(code.at, cursor), content.text.length);
    out += content.text.slice(cursor, at) + render(code);
    cursor = at;
  }
  return out + content.text.slice(cursor);
}
