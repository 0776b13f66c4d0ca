/**
 * How translated text is written into HTML: as text (`&`, `<`, `>` as character references, so a
 * translator's `<a href=…>` is shown, never parsed), attribute values in their own quotes, and the
 * `lang` and `dir` of the document's `<html>` element set to the target language.
 */
import type { Block, Document } from '../../model.js';
import type { MarkupSyntax, SkeletonPatch } from '../markup/write.js';

/** Text as HTML text: the three characters that could start markup or a reference, escaped. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** The quote around the attribute value that starts at `start` (`"`, `'`, or '' for none). */
function quoteBefore(text: string, start: number): string {
  let k = start - 1;
  while (k >= 0 && /\s/u.test(text[k] as string)) k -= 1;
  const c = text[k];
  return c === '"' || c === "'" ? c : '';
}

/** An attribute value in the quotes the source used (double quotes added to an unquoted one). */
export function encodeAttribute(text: string, quote: string): string {
  const escaped = escapeHtmlText(text);
  if (quote === "'") return escaped.replace(/'/gu, '&#39;');
  const value = escaped.replace(/"/gu, '&quot;');
  return quote === '"' ? value : `"${value}"`;
}

const ATTRIBUTE_KINDS = new Set(['alt', 'tooltip', 'meta']);

export const htmlSyntax: MarkupSyntax = {
  escapeText: (text) => escapeHtmlText(text),
  encodeValue(text: string, block: Block, doc: Document) {
    return ATTRIBUTE_KINDS.has(block.kind) ? encodeAttribute(text, quoteBefore(doc.text, block.start)) : undefined;
  },
};

/** The writing direction of a language, from the runtime's locale data (`ltr` when unknown). */
export function directionOf(language: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Leading matter of a document before its `<html>` tag, which must be the first tag. */
const BEFORE_HTML = /^\uFEFF?(?:\s|<!--[\s\S]*?-->|<![Dd][Oo][Cc][Tt][Yy][Pp][Ee][^>]*>|<\?[^>]*>)*<html(?=[\s>/])/iu;
/** One attribute of a start tag (sticky: from where the last one ended). */
const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/uy;

/**
 * The changes that set `lang` (and `dir`, for a right-to-left language or where the source has
 * one) on the document's `<html>` start tag; none for a fragment or a document without one.
 */
export function languagePatches(text: string, language: string): SkeletonPatch[] {
  const head = BEFORE_HTML.exec(text);
  if (head === null) return [];
  const attributes = new Map<string, { start: number; end: number; quoted: boolean }>();
  ATTRIBUTE.lastIndex = head[0].length;
  for (let m = ATTRIBUTE.exec(text); m !== null && m[0] !== ''; m = ATTRIBUTE.exec(text)) {
    const name = (m[1] as string).toLowerCase();
    const value = m[2];
    const end = m.index + m[0].length;
    if (attributes.has(name)) continue;
    if (value === undefined) {
      // `<html lang>`: the value is written after the name.
      attributes.set(name, { start: end, end, quoted: false });
      continue;
    }
    const quoted = value.startsWith('"') || value.startsWith("'");
    attributes.set(name, quoted ? { start: end - value.length + 1, end: end - 1, quoted } : { start: end - value.length, end, quoted });
  }
  const patches: SkeletonPatch[] = [];
  const set = (name: string, value: string): void => {
    const existing = attributes.get(name);
    if (existing === undefined) patches.push({ start: head[0].length, end: head[0].length, text: ` ${name}="${value}"` });
    else if (existing.quoted) patches.push({ start: existing.start, end: existing.end, text: value });
    else patches.push({ start: existing.start, end: existing.end, text: existing.start === existing.end && text[existing.start - 1] !== '=' ? `="${value}"` : `"${value}"` });
  };
  set('lang', encodeAttribute(language, '"'));
  const direction = directionOf(language);
  if (direction === 'rtl' || attributes.has('dir')) set('dir', direction);
  return patches.sort((a, b) => a.start - b.start);
}
