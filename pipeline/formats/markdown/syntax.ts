/**
 * How translated text is written into Markdown: escaped so that it is read as the text it is,
 * never as markup (a translator's `**`, `[x](javascript:…)` or `<b>` comes out literally), and
 * each value in the notation of its place (alt text, a title in quotes, a front matter string).
 */
import type { Block, Document } from '../../model.js';
import type { MarkupSyntax } from '../markup/write.js';

/**
 * Text as Markdown text on one line: backslash before every character that can start or end
 * inline markup, before a `<` that could open HTML or an autolink, an `&` that could start a
 * character reference, and what would begin a block at the start of a line (`#`, `>`, `-`, `+`,
 * `=`, `1.`). Escaping a character that needed none is harmless: CommonMark reads `\.` as `.`.
 * Line breaks become spaces (a translated paragraph is one line).
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[ \t]*[\r\n]+[ \t]*/gu, ' ')
    .replace(/[\\`*_[\]#|~]/gu, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/gu, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/gu, '\\&')
    .replace(/^(\s*)([>+=-])/u, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])/u, '$1\\$2');
}

/** A title between the delimiters the source used (`"…"`, `'…'` or `(…)`). */
function escapeTitle(text: string, block: Block, doc: Document): string {
  const open = doc.text[block.start - 1];
  const delimiters = open === '(' ? /[\\()]/gu : open === "'" ? /[\\']/gu : /[\\"]/gu;
  return text.replace(/\s*[\r\n]+\s*/gu, ' ').replace(delimiters, '\\$&');
}

export const markdownSyntax: MarkupSyntax = {
  escapeText: (text) => escapeMarkdownText(text),
  encodeValue(text, block, doc) {
    switch (block.kind) {
      case 'alt':
        return escapeMarkdownText(text);
      case 'tooltip':
        return escapeTitle(text, block, doc);
      case 'meta':
        // A YAML double-quoted string; JSON's escapes are a subset of YAML's.
        return JSON.stringify(text);
      default:
        return undefined;
    }
  },
};
