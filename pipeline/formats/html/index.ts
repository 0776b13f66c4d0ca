/**
 * The HTML format (`.html`, `.htm`): documents and fragments as a CMS exports them. The reader
 * (`read.ts`) finds running text, titles, headings, list items, table cells, captions and the text
 * attributes (alt, title, meta description and social titles), with inline elements as codes; the
 * writer puts the translations in place of their sentences and keeps every other byte
 * (`../markup/write.ts`), sets `lang` (and `dir`) on `<html>` when any sentence is translated,
 * and refuses to publish a document that would link to script its source does not (`links.ts`). Each language's document is written
 * under the source's own name and extension.
 */
import path from 'node:path';
import type { Format } from '../format.js';
import { refuseUnsafeOutput } from '../markup/links.js';
import { anyTranslated, writeMarkup } from '../markup/write.js';
import { unsafeHtmlUses } from './links.js';
import { readHtml } from './read.js';
import { htmlSyntax, languagePatches } from './syntax.js';

/** `<name><ext>`: the source's own extension. */
function outputNames(name: string, sourcePath: string): string[] {
  return [`${name}${path.posix.extname(sourcePath) || '.html'}`];
}

export const htmlFormat: Format = {
  id: 'html',
  description: 'HTML documents and fragments: text and text attributes translated, markup kept, lang set',
  extensions: ['.html', '.htm'],
  datatype: 'html',
  read: readHtml,
  outputNames,
  write(document, targets, { language }) {
    const [name] = outputNames(document.name, document.path) as [string];
    // A document none of whose sentences changed is the source, in the source's language: it
    // keeps its `lang`, so an identity pseudo-translation gives the source back byte for byte.
    const patches = anyTranslated(document, targets) ? languagePatches(document.text, language) : [];
    const content = writeMarkup(document, targets, htmlSyntax, patches);
    refuseUnsafeOutput(document, targets, content, unsafeHtmlUses);
    return [{ name, content }];
  },
};
