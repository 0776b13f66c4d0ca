/**
 * Bytes to text for XML files: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one as
 * XML's appendix F detects it), and any other encoding the XML declaration names that the WHATWG
 * decoder of Node knows (`windows-1252` from Swordfish and Okapi, `ISO-8859-1`, `ISO-8859-15`,
 * `Shift_JIS`, `GB18030`, `Big5`, `KOI8-R`, …). An encoding it does not know is refused by its name.
 * The bytes are validated whole before anything is parsed, so an encoding error is always reported
 * first and with the byte offset and line of the first bad byte ("invalid file" alone leaves a
 * translator nothing to look for); the text is then handed out in chunks, so a large file is never
 * one giant string.
 */
import { isUtf8 } from 'node:buffer';
import { pointAt, type InputError } from '../model.js';
import { xmlError } from './errors.js';
import type { XmlFormat } from './options.js';

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of a byte offset (counting LF bytes before it). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * The encoding a file was read in: the WHATWG name of its decoder, `utf-8`, `utf-16le`, `utf-16be`
 * or a legacy one such as `windows-1252`.
 */
export type XmlEncoding = string;

/** Labels that mean the UTF encodings, which the declaration may name in any spelling. */
const UTF_FAMILY = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/**
 * The WHATWG name of the decoder for an encoding label (`ISO-8859-1` → `windows-1252`,
 * `Shift_JIS` → `shift_jis`), or undefined when Node's decoder does not know the label.
 */
export function encodingOf(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** True when bytes decoded as `encoding` may carry a declaration naming `declared` (both UTF, or the same decoder). */
export function declarationFits(declared: string, encoding: XmlEncoding): boolean {
  const named = encodingOf(declared);
  if (named === undefined) return false;
  return named === encoding || (UTF_FAMILY.has(named) && UTF_FAMILY.has(encoding));
}

/** The encoding an XML declaration at the start of ASCII-compatible bytes names, if any. */
function declaredLabel(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII and must come first (after a BOM); 200 bytes hold any real one.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 200)).toString('latin1');
  const decl = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml\s[^?>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._:-]*)\1/u.exec(head);
  return decl?.[2];
}

/** What the decoder found: the text and the encoding it was in. */
export interface Decoded {
  readonly text: string;
  readonly encoding: XmlEncoding;
  readonly bom: boolean;
}

/** Decoded text handed out in chunks (each whole code points), with the encoding it was in. */
export interface DecodedChunks {
  readonly chunks: Iterable<string>;
  readonly encoding: XmlEncoding;
  readonly bom: boolean;
}

/** Bytes per decoded chunk: large enough that saxes' per-write cost vanishes, small next to any budget. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Checks the bytes and returns their text in chunks.
 * @throws InputError (`<prefix>/invalid-utf8` with the byte offset, or `<prefix>/invalid-encoding`
 *   for broken UTF-16) before any text is handed out.
 */
export function decodeXmlChunks(bytes: Uint8Array, file: string, format: XmlFormat): DecodedChunks {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    // UTF-16 files are rare and small: decode whole (which validates), then hand out slices.
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeWhole(bytes, encoding, file, format, `the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`);
    return { chunks: sliceText(text), encoding, bom: true };
  }
  // `<?` in UTF-16 without a byte order mark (XML 1.0, appendix F).
  if ((b0 === 0x3c && b1 === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) || (b0 === 0x00 && b1 === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)) {
    const encoding = b0 === 0x3c ? 'utf-16le' : 'utf-16be';
    return { chunks: sliceText(decodeWhole(bytes, encoding, file, format, `the file is not valid ${encoding.toUpperCase()}`)), encoding, bom: false };
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const label = declaredLabel(bytes);
  const named = label === undefined ? undefined : encodingOf(label);
  if (label !== undefined && named === undefined) throw unknownEncoding(label, file, format);
  if (named !== undefined && !UTF_FAMILY.has(named)) {
    if (bom) {
      throw xmlError(format, file, 'encoding', `the file starts with a UTF-8 byte order mark but its XML declaration names the encoding "${label}"`,
        { line: 1, column: 1 }, { actual: label, expected: 'UTF-8', hint: 'Remove the byte order mark, or declare encoding="UTF-8"; then check the accented letters.' });
    }
    // A legacy encoding as the declaration says: small files in practice; decode whole, then slice.
    return { chunks: sliceText(decodeWhole(bytes, named, file, format, `the file is not valid ${label} (its XML declaration names it)`)), encoding: named, bom: false };
  }
  if (!isUtf8(bytes)) {
    // isUtf8 (simdutf) is the fast check; the scan finds where, only when there is something to find.
    const bad = Math.max(0, firstInvalidUtf8(bytes, bom ? 3 : 0));
    const value = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    throw xmlError(
      format,
      file,
      'invalid-utf8',
      `invalid UTF-8 at byte offset ${bad} (byte 0x${value})`,
      { line: lineOfByte(bytes, bad) },
      { actual: `0x${value} at byte ${bad}`, expected: 'UTF-8' },
    );
  }
  return { chunks: utf8Chunks(bytes), encoding: 'utf-8', bom };
}

/** Decodes the whole file into one string (for small files and tests); same checks as `decodeXmlChunks`. */
export function decodeXmlBytes(bytes: Uint8Array, file: string, format: XmlFormat): Decoded {
  const { chunks, encoding, bom } = decodeXmlChunks(bytes, file, format);
  let text = '';
  for (const chunk of chunks) text += chunk;
  return { text, encoding, bom };
}

function* utf8Chunks(bytes: Uint8Array): Generator<string> {
  // fatal: true as a second guard; the whole file was validated above. The BOM is dropped.
  // (Cutting the chunks with Buffer's one-shot decoder at character boundaries was measured too:
  // no faster, since most of the time goes to building two-byte strings.)
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const chunk = decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
    if (chunk !== '') yield chunk;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function* sliceText(text: string): Generator<string> {
  const size = CHUNK_BYTES / 2;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    // Never end a chunk between the two halves of a surrogate pair.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(at, end);
    at = end;
  }
}

/**
 * windows-1252 bytes 0x80–0x9F as the WHATWG Encoding Standard maps them (index windows-1252; the
 * five bytes it leaves undefined stay the C1 control of the same number). Node 20's decoder reads
 * `windows-1252` (and the labels `iso-8859-1`, `latin1`, `us-ascii` that mean it) as ISO-8859-1,
 * which turns „ “ € – … into invisible control characters; this table corrects it.
 */
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** True when this Node's windows-1252 decoder maps 0x80 to € as the standard says. */
const NATIVE_WINDOWS_1252 = new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) === '\u20AC';

/** windows-1252 bytes as text (every byte maps to a character: it cannot fail). */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return latin1.replace(/[\u0080-\u009F]/gu, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string);
}

/** The whole text in `encoding`, or `<prefix>/invalid-encoding` at the first byte it cannot decode. */
function decodeWhole(bytes: Uint8Array, encoding: string, file: string, format: XmlFormat, reason: string): string {
  if (encoding === 'windows-1252' && !NATIVE_WINDOWS_1252) return decodeWindows1252(bytes);
  try {
    // A BOM of the encoding is dropped (TextDecoder's default).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    // Where the first undecodable unit is: the lenient decoder puts U+FFFD there.
    const lenient = new TextDecoder(encoding).decode(bytes);
    const at = pointAt(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
    throw xmlError(format, file, 'invalid-encoding', reason, { line: at.line, column: at.column });
  }
}

/** `<prefix>/encoding` for a declared encoding Node's decoder does not know, named as written. */
export function unknownEncoding(label: string, file: string, format: XmlFormat): InputError {
  return xmlError(
    format,
    file,
    'encoding',
    `the XML declaration names the encoding "${label}", which this reader does not know (it reads UTF-8, UTF-16 and the encodings of the WHATWG Encoding Standard, such as windows-1252 or ISO-8859-15)`,
    { line: 1, column: 1 },
    { actual: label, expected: 'UTF-8, UTF-16 or a WHATWG encoding' },
  );
}
