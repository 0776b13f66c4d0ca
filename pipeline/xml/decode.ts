/**
 * Bytes to text for XML files: UTF-8 (with or without BOM) or UTF-16 with a BOM, nothing else.
 * The bytes are validated whole before anything is parsed, so an encoding error is always reported
 * first and with the byte offset and line of the first bad byte ("invalid file" alone leaves a
 * translator nothing to look for); the text is then handed out in chunks, so a large file is never
 * one giant string.
 */
import { isUtf8 } from 'node:buffer';
import { pointAt } from '../model.js';
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

/** The encodings an XML file may be in. */
export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

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
    const text = decodeUtf16(bytes, encoding, file, format);
    return { chunks: sliceText(text), encoding, bom: true };
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
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

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string, format: XmlFormat): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    // Where the first undecodable unit is: the lenient decoder puts U+FFFD there.
    const lenient = new TextDecoder(encoding).decode(bytes);
    const at = pointAt(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
    throw xmlError(
      format,
      file,
      'invalid-encoding',
      `the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`,
      { line: at.line, column: at.column },
    );
  }
}
