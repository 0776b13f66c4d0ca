/**
 * A block's content as a markup reader builds it from a parser's tree: text characters with the
 * source offset of each, and inline codes whose `data` is exactly the source they stand for, all
 * in source order with nothing left between them.
 *
 * That layout is what the markup writer (`write.ts`) relies on to give the source back byte for
 * byte: the codes at text position `p` occupy the source right before `offsets[p]`, one after the
 * other, and character `p` runs from `offsets[p]` to where the codes at `p + 1` begin. Whatever
 * source lies between two items that no item claims (the `> ` of a quoted line after a hard line
 * break) goes with the item before it: a code's data grows to cover it, a character's extent does
 * by itself. An item that starts before the one before it ends (a parser that moved nodes while
 * repairing bad markup) makes the content unusable: `finish` then returns undefined and the reader
 * leaves that part of the document untranslated, with a message.
 */
import type { BlockContent, CodeKind, InlineCode } from '../../model.js';

/** Text as an aligner recovered it from the source (see `align.ts`). */
export interface AlignedText {
  readonly text: string;
  /** Source offset of each character of `text`. */
  readonly offsets: readonly number[];
  /** Source offset right after the last character. */
  readonly end: number;
}

/** What `ContentBuilder.finish` returns: the content and its range in the source. */
export interface BuiltContent {
  readonly content: BlockContent;
  readonly start: number;
  readonly end: number;
}

/** Optional fields of a code. */
export interface CodeExtras {
  readonly equiv?: string;
  readonly disp?: string;
}

/** White space as HTML and Markdown collapse it (not the no-break space). */
const SPACE = /[ \t\n\r\f]/u;

/** Builds one block's content, item by item, in source order. */
export class ContentBuilder {
  private text = '';
  private readonly offsets: number[] = [];
  private readonly codes: InlineCode[] = [];
  /** Source offset up to which items cover the source. */
  private cursor = -1;
  /** Source offset of the first item. */
  private first = -1;
  /** Whether the last item is a code (so a gap after it extends its data). */
  private lastIsCode = false;
  private nextId = 1;
  private broken = false;

  /**
   * @param source the whole source text (codes take their data from it)
   * @param collapseSpace whether runs of white space in text become one space (HTML), as a reader
   *   of the rendered document sees them; each such space covers the whole run in the source
   */
  constructor(
    private readonly source: string,
    private readonly collapseSpace = false,
  ) {}

  /** True once an item started before the previous one ended. */
  get unusable(): boolean {
    return this.broken;
  }

  /** Where the next item may start; records the gap before it. Returns false when it lies behind. */
  private reach(start: number): boolean {
    if (this.first === -1) {
      this.first = start;
      this.cursor = start;
      return true;
    }
    if (start < this.cursor) {
      this.broken = true;
      return false;
    }
    if (start > this.cursor && this.lastIsCode) {
      // The source between a code and the next item belongs to the code.
      const last = this.codes[this.codes.length - 1] as InlineCode;
      this.codes[this.codes.length - 1] = { ...last, data: last.data + this.source.slice(this.cursor, start) };
      this.cursor = start;
    }
    return true;
  }

  /** Adds text characters aligned with the source. */
  addText(aligned: AlignedText): void {
    if (aligned.text.length === 0) return;
    if (!this.reach(aligned.offsets[0] as number)) return;
    for (let i = 0; i < aligned.text.length; i += 1) {
      const char = aligned.text[i] as string;
      if (this.collapseSpace && SPACE.test(char)) {
        // One space per run: the run's first character stands for it, the rest are its extent.
        if (this.text.endsWith(' ') && !this.lastIsCode) continue;
        this.text += ' ';
      } else {
        this.text += char;
      }
      this.offsets.push(aligned.offsets[i] as number);
      this.lastIsCode = false;
    }
    this.cursor = aligned.end;
  }

  private code(kind: CodeKind, id: string, type: string, start: number, end: number, extras: CodeExtras): void {
    if (!this.reach(start)) return;
    this.codes.push({ id, kind, type, data: this.source.slice(start, end), at: this.text.length, ...extras });
    this.cursor = end;
    this.lastIsCode = true;
  }

  /** Adds the opening half of a pair (`**`, `<b>`, `[`); returns its id for `close`. */
  open(type: string, start: number, end: number, extras: CodeExtras = {}): string {
    const id = String(this.nextId++);
    this.code('open', id, type, start, end, extras);
    return id;
  }

  /** Adds the closing half of the pair `open` returned `id` for. */
  close(id: string, type: string, start: number, end: number, extras: CodeExtras = {}): void {
    this.code('close', id, type, start, end, extras);
  }

  /** Adds a code that stands alone (an image, a line break, inline code, an element kept whole). */
  standalone(type: string, start: number, end: number, extras: CodeExtras = {}): void {
    this.code('standalone', String(this.nextId++), type, start, end, extras);
  }

  /**
   * The content, without white space at its ends that no code holds in place, and its range in
   * the source; undefined when it has no letter (nothing to translate) or is unusable.
   */
  finish(): BuiltContent | undefined {
    if (this.broken || !/\p{L}/u.test(this.text)) return undefined;
    const codeAt = new Set(this.codes.map((c) => c.at));
    let from = 0;
    while (from < this.text.length && SPACE.test(this.text[from] as string) && !codeAt.has(from)) from += 1;
    let to = this.text.length;
    const lastCode = this.codes.length === 0 ? -1 : (this.codes[this.codes.length - 1] as InlineCode).at;
    while (to > from && SPACE.test(this.text[to - 1] as string) && lastCode < to) to -= 1;
    const endOffset = to === this.text.length ? this.cursor : (this.offsets[to] as number);
    const offsets = [...this.offsets.slice(from, to), endOffset];
    // Codes at position `from` begin right before its character; their data says where.
    const leading = this.codes.filter((c) => c.at === from).reduce((n, c) => n + c.data.length, 0);
    const start = (offsets[0] as number) - leading;
    const codes = from === 0 ? this.codes : this.codes.map((c) => ({ ...c, at: c.at - from }));
    return { content: { text: this.text.slice(from, to), codes, offsets }, start, end: endOffset };
  }
}
