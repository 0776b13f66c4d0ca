/**
 * Aligning a parser's decoded text with the source it came from: which source offset each
 * character of the decoded value starts at. Parsers give a text node's range and its value with
 * escapes and character references decoded, line prefixes removed and line ends normalised; the
 * writer needs to know, character by character, where the value lies in the source, so that an
 * untranslated sentence is written back exactly as it was and a translated one replaces exactly
 * its own characters.
 *
 * Each aligner walks the source and the value together and returns undefined when they part ways
 * (a parser behaving in a way the aligner does not know); the reader then leaves that block
 * untranslated with a message, so a surprise never damages a document.
 */
import { DecodingMode, HtmlEntityDecoder } from 'entities/decode';
import type { AlignedText } from './content.js';

/** A character reference at `at` (the `&`): how many source characters it takes and what it decodes to; undefined when it is none. */
function characterReference(source: string, at: number, end: number, mode: DecodingMode): { length: number; decoded: string } | undefined {
  let decoded = '';
  const decoder = new HtmlEntityDecoder((codePoint) => {
    decoded += String.fromCodePoint(codePoint);
  });
  decoder.startEntity(mode);
  // Longer than any reference (the longest name has 32 characters, numbers are bounded).
  const slice = source.slice(at, Math.min(end, at + 48));
  let length = decoder.write(slice, 1);
  if (length < 0) length = decoder.end();
  return length > 0 && decoded !== '' ? { length, decoded } : undefined;
}

/** ASCII punctuation: what a Markdown backslash escapes. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/u;

/**
 * Aligns the value of a Markdown text node (mdast) with its source range. Backslash escapes and
 * character references (with their semicolon, as CommonMark reads them) take their source
 * characters; a soft line break, with the white space before it and the next line's prefix (block
 * quote markers, indentation), becomes one space, as a reader sees it.
 */
export function alignMarkdown(value: string, source: string, start: number, end: number): AlignedText | undefined {
  let text = '';
  const offsets: number[] = [];
  let i = start;
  let j = 0;
  while (j < value.length) {
    const v = value[j] as string;
    if (v === '\n' || v === '\r') {
      // A soft line break: the value keeps the line end, the source has the prefix of the next line too.
      let k = i;
      while (k < end && (source[k] === ' ' || source[k] === '\t')) k += 1;
      if (source[k] === '\r') k += 1;
      if (source[k] === '\n') k += 1;
      if (k === i) return undefined;
      j += v === '\r' && value[j + 1] === '\n' ? 2 : 1;
      while (k < end && (source[k] === ' ' || source[k] === '\t' || source[k] === '>')) k += 1;
      // White space the value keeps after the break is in the source after the prefix.
      text += ' ';
      offsets.push(i);
      i = k;
      continue;
    }
    const c = source[i];
    if (c === undefined || i >= end) return undefined;
    if (c === '&') {
      const reference = characterReference(source, i, end, DecodingMode.Strict);
      if (reference !== undefined && value.startsWith(reference.decoded, j)) {
        for (let n = 0; n < reference.decoded.length; n += 1) offsets.push(i);
        text += reference.decoded;
        j += reference.decoded.length;
        i += reference.length;
        continue;
      }
    }
    if (c === '\\' && v !== '\\' && ASCII_PUNCTUATION.test(source[i + 1] ?? '') && source[i + 1] === v) {
      text += v;
      offsets.push(i);
      i += 2;
      j += 1;
      continue;
    }
    if (c === '\\' && v === '\\' && source[i + 1] === '\\') {
      text += v;
      offsets.push(i);
      i += 2;
      j += 1;
      continue;
    }
    if (c !== v) return undefined;
    text += v;
    offsets.push(i);
    i += 1;
    j += 1;
  }
  return { text, offsets, end: i };
}

/** A piece of an HTML text node: aligned text, or source the parser dropped (a stray end tag). */
export type HtmlPiece = { readonly kind: 'text'; readonly aligned: AlignedText } | { readonly kind: 'raw'; readonly start: number; readonly end: number };

/** Where a tag that starts at `at` (a `<`) ends, quotes respected; undefined when it does not look like one. */
function tagEnd(source: string, at: number, end: number): number | undefined {
  if (!/^<\/?[A-Za-z]/u.test(source.slice(at, at + 3))) return undefined;
  let quote = '';
  for (let k = at + 1; k < end; k += 1) {
    const c = source[k];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return k + 1;
    }
  }
  return undefined;
}

/**
 * Aligns the value of an HTML text node or attribute (parse5) with its source range: character
 * references as HTML decodes them in text (`mode` Legacy) or attributes (`mode` Attribute), line
 * ends normalised to line feeds, and tags the parser ignored inside a text (a stray `</span>`)
 * returned as raw pieces, so they stay in the document as they were.
 */
export function alignHtml(value: string, source: string, start: number, end: number, mode: DecodingMode.Legacy | DecodingMode.Attribute): HtmlPiece[] | undefined {
  const pieces: HtmlPiece[] = [];
  let text = '';
  let offsets: number[] = [];
  const flush = (at: number): void => {
    if (text !== '') pieces.push({ kind: 'text', aligned: { text, offsets, end: at } });
    text = '';
    offsets = [];
  };
  let i = start;
  let j = 0;
  while (j < value.length || i < end) {
    const c = source[i];
    if (i >= end || c === undefined) return undefined;
    const v = value[j];
    if (c === '&') {
      const reference = characterReference(source, i, end, mode);
      if (reference !== undefined && value.startsWith(reference.decoded, j)) {
        for (let n = 0; n < reference.decoded.length; n += 1) offsets.push(i);
        text += reference.decoded;
        j += reference.decoded.length;
        i += reference.length;
        continue;
      }
    }
    if (c === '\r' && v === '\n') {
      text += '\n';
      offsets.push(i);
      i += source[i + 1] === '\n' ? 2 : 1;
      j += 1;
      continue;
    }
    if (c === v) {
      text += c;
      offsets.push(i);
      i += 1;
      j += 1;
      continue;
    }
    if (c === '<') {
      const close = tagEnd(source, i, end);
      if (close === undefined) return undefined;
      flush(i);
      pieces.push({ kind: 'raw', start: i, end: close });
      i = close;
      continue;
    }
    return undefined;
  }
  flush(i);
  return pieces;
}
