/**
 * Bytes to text for XML files: UTF-8 (with or without BOM) or UTF-16 with a BOM, nothing else.
 * Invalid UTF-8 is reported with the byte offset and line of the first bad byte, because "invalid
 * file" alone leaves a translator nothing to look for.
 */
import { InputError, pointAt } from '../model.js';

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

/** What the decoder found: the text and the encoding it was in. */
export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  readonly bom: boolean;
}

/** Decodes an XML file's bytes, or throws an InputError saying where the first bad byte is. */
export function decodeXmlBytes(bytes: Uint8Array, file: string): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, bom: true };
    } catch {
      // Where the first undecodable unit is: the lenient decoder puts U+FFFD there.
      const lenient = new TextDecoder(encoding).decode(bytes);
      const at = pointAt(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
      throw new InputError({
        line: at.line,
        column: at.column,
        reason: `The file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}.`,
        ruleId: 'xliff/invalid-encoding',
        source: 'xliff-import',
        severity: 'error',
        fatal: true,
        file,
        hint: 'Save the file again as UTF-8 from the translation tool.',
      });
    }
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const bad = firstInvalidUtf8(bytes, bom ? 3 : 0);
  if (bad !== -1) {
    const value = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    throw new InputError({
      reason: `Invalid UTF-8 at byte offset ${bad} (byte 0x${value}).`,
      ruleId: 'xliff/invalid-utf8',
      source: 'xliff-import',
      severity: 'error',
      fatal: true,
      file,
      line: lineOfByte(bytes, bad),
      actual: `0x${value} at byte ${bad}`,
      expected: 'UTF-8',
      hint: 'The file was probably saved in another encoding (Windows-1252, Latin-1): save it again as UTF-8.',
    });
  }
  // fatal: true as a second guard; the scan above already found every error it would raise.
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom };
}
