/**
 * The plain-text format's writers: targets + skeleton → the translated article as plain text (in
 * the source's layout) and as Markdown.
 *
 * The skeleton is the source text outside the segments, so the plain-text writer walks the
 * source and replaces each segment's range with its target. With targets equal to sources it
 * gives back the source, except that a block the reader found glued to the one before it (a
 * recovered heading) now starts on a line of its own.
 */
import { blockText } from '../../assemble/skeleton.js';
import type { Document } from '../../model.js';
import type { Targets } from '../format.js';

/** The line break a document uses (CRLF when its first line ends so). */
function lineBreakOf(doc: Document): string {
  return /\r\n/.test(doc.text.slice(0, doc.text.indexOf('\n') + 1)) ? '\r\n' : '\n';
}

/** The document as plain text, in the source's layout; recovered headings stand on their own line. */
export function assembleText(doc: Document, targets: Targets): string {
  const lineBreak = lineBreakOf(doc);
  let out = '';
  let cursor = 0;
  for (const block of doc.blocks) {
    out += doc.text.slice(cursor, block.start);
    if (block.glued) out += lineBreak;
    out += blockText(doc, block, targets);
    cursor = block.end;
  }
  return out + doc.text.slice(cursor);
}

/** Characters that would start Markdown syntax at the beginning of a line. */
const MARKDOWN_LINE_START = /^(#{1,6}\s|[-+*]\s|\d+[.)]\s|>|={3,}|-{3,}|```)/u;

/** Escapes what Markdown would read as markup: emphasis, links, HTML, line-start syntax. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/([\\`*_[\]<>|])/gu, '\\$1');
  return MARKDOWN_LINE_START.test(inline) ? `\\${inline}` : inline;
}

/** The document as Markdown: `#` title, `##` headings, paragraphs, the credit last in italics. */
export function assembleMarkdown(doc: Document, targets: Targets): string {
  const parts: string[] = [];
  const credits: string[] = [];
  for (const block of doc.blocks) {
    const text = escapeMarkdown(blockText(doc, block, targets));
    switch (block.kind) {
      case 'title':
        parts.push(`# ${text}`);
        break;
      case 'heading':
        parts.push(`## ${text}`);
        break;
      case 'credit':
        credits.push(`*${text}*`);
        break;
      default:
        parts.push(text);
        break;
    }
  }
  return [...parts, ...credits].join('\n\n') + '\n';
}
