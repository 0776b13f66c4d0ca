/**
 * Characters a text for translation must not carry, found with their line and column.
 *
 * - NUL and the other C0 control characters except tab, line feed and carriage return, and DEL:
 *   invisible in an editor, shown as "�" by CAT tools, and (C0) impossible in XML 1.0, so no
 *   XLIFF file can carry them. They come from binary junk in a download or a word processor's
 *   page and line breaks (form feed, vertical tab).
 * - C1 control characters (U+0080–U+009F): never text. In a UTF-8 file they are what Windows-1252
 *   punctuation becomes when the file was once converted as if it were Latin-1 (0x84 „, 0x93 “),
 *   so each is named with the character it most likely stood for.
 * - The noncharacters U+FFFE and U+FFFF, which XML 1.0 cannot carry either.
 *
 * Lone surrogates cannot occur in text decoded strictly from UTF-8 or UTF-16. The replacement
 * character U+FFFD is valid but means an earlier conversion lost a character: it is reported
 * separately, as a warning.
 */

/** Bytes 0x80–0x9F of Windows-1252 (WHATWG Encoding Standard, index-windows-1252); 0: undefined. */
export const WINDOWS_1252_C1: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Characters a text must not carry (see the module comment). */
export const DISALLOWED_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/gu;

/** One character found, with its place (1-based line and column, column in UTF-16 code units). */
export interface FoundCharacter {
  /** `U+0000`. */
  readonly code: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'a NUL character',
  0x09: 'a tab',
  0x0b: 'a vertical tab',
  0x0c: 'a form feed (page break)',
  0x1b: 'an escape character',
  0x7f: 'a DEL character',
};

/** `U+0084`. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a disallowed character is, in words: "a NUL character", "a C1 control character". */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (NAMES[code] !== undefined) return NAMES[code];
  if (code >= 0x80 && code <= 0x9f) return 'a C1 control character';
  if (code === 0xfffe || code === 0xffff) return 'a noncharacter';
  return 'a control character';
}

/** The Windows-1252 character a C1 control most likely stood for, or undefined. */
export function windows1252Meaning(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  const mapped = code >= 0x80 && code <= 0x9f ? WINDOWS_1252_C1[code - 0x80] : undefined;
  return mapped === undefined || mapped === 0 ? undefined : String.fromCharCode(mapped);
}

/** Every match of `pattern` (a global RegExp) in `text`, with its line and column. */
export function findCharacters(text: string, pattern: RegExp = DISALLOWED_CHARACTERS): FoundCharacter[] {
  const found: FoundCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    const offset = m.index ?? 0;
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line += 1;
      lineStart = i + 1;
    }
    scanned = offset;
    found.push({ code: codePointName(m[0]), offset, line, column: offset - lineStart + 1 });
  }
  return found;
}
