/**
 * The Markdown format (`.md`, `.markdown`): CommonMark with GitHub's tables and YAML front matter.
 * The reader (`read.ts`) finds headings, paragraphs, list items, quotes, table cells, alt texts,
 * titles and configured front matter fields, with inline markup as codes; the writer puts the
 * translations in place of their sentences and keeps every other byte (`../markup/write.ts`). Each
 * language's document is written under the source's own name and extension.
 */
import path from 'node:path';
import type { Format } from '../format.js';
import { refuseUnsafeOutput } from '../markup/links.js';
import { writeMarkup } from '../markup/write.js';
import { unsafeMarkdownUses } from './links.js';
import { readMarkdown } from './read.js';
import { markdownSyntax } from './syntax.js';

/** `<name><ext>`: the source's own extension. */
function outputNames(name: string, sourcePath: string): string[] {
  return [`${name}${path.posix.extname(sourcePath) || '.md'}`];
}

export const markdownFormat: Format = {
  id: 'markdown',
  description: 'Markdown articles (CommonMark, GitHub tables, YAML front matter): text translated, markup kept',
  extensions: ['.md', '.markdown'],
  datatype: 'x-markdown',
  options: {
    type: 'object',
    fields: {
      /** Top-level front matter fields whose text is translated (`[title, description]`). Default: none. */
      frontMatter: { type: 'list', of: { type: 'string', pattern: /^[^\s:#]+$/u, describe: 'a front matter field name such as "title"' } },
    },
  },
  read: readMarkdown,
  outputNames,
  write(document, targets) {
    const [name] = outputNames(document.name, document.path) as [string];
    const content = writeMarkup(document, targets, markdownSyntax);
    refuseUnsafeOutput(document, targets, content, unsafeMarkdownUses);
    return [{ name, content }];
  },
};
