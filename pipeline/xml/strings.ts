/**
 * Strings that outlive the parse. V8 cuts substrings of 13 or more characters as views into the
 * string they come from, so one kept attribute value or text would keep its whole decoded chunk
 * alive; and a chunk holding one character past U+00FF (a „ or a “) is stored two bytes per
 * character, as is every substring cut from it. Readers copy what they keep with `detach` and
 * share repeated short values (states, element names, note categories) through an `Interner`.
 */

/** V8's shortest sliced string; shorter substrings are copies already. */
const MIN_SLICE = 13;

/**
 * A copy of `text` that keeps nothing else alive (flattens concatenations, copies slices), stored
 * one byte per character when it can be. Shorter strings are returned as they are: V8 copies them.
 * For text from a parser: a lone surrogate (which XML text never holds) would become U+FFFD.
 */
export function detach(text: string): string {
  // A round trip through UTF-8 bytes is the cheapest way to a fresh flat string in V8 (measured:
  // with the one-byte storage it costs 0.15 s and saves 50 MB on a 50 MB XLIFF file). The bytes go
  // through one reused buffer: `Buffer.from` allocated a buffer object per string.
  const n = text.length;
  if (n < MIN_SLICE) return text;
  if (n > MAX_SCRATCH_CHARS) return Buffer.from(text, 'utf8').toString('utf8');
  const bytes = scratch.write(text, 0, 'utf8');
  return scratch.toString('utf8', 0, bytes);
}

/** Strings up to this length go through `scratch` (a UTF-16 unit is at most 3 UTF-8 bytes). */
const MAX_SCRATCH_CHARS = 16 * 1024;
const scratch = Buffer.allocUnsafe(MAX_SCRATCH_CHARS * 3);

/**
 * Shares equal short strings. Bounded: past `maxEntries` distinct values (a file of unique ids) it
 * only detaches, so the table never grows with the file.
 */
export class Interner {
  private readonly table = new Map<string, string>();

  constructor(
    private readonly maxLength = 40,
    private readonly maxEntries = 20_000,
  ) {}

  /** The shared copy of `text` (detached), or a detached copy when it is too long or the table is full. */
  get(text: string): string;
  get(text: string | undefined): string | undefined;
  get(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    if (text.length > this.maxLength) return detach(text);
    const known = this.table.get(text);
    if (known !== undefined) return known;
    const copy = detach(text);
    if (this.table.size < this.maxEntries) this.table.set(copy, copy);
    return copy;
  }
}

/**
 * Shared by all readers for the short words of their formats (element names, states, note
 * categories, short code data): bounded, so it never holds more than a few hundred kilobytes.
 */
export const VOCABULARY = new Interner(24, 4096);
