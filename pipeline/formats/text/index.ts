/**
 * The plain-text format: scraped articles (`.txt`). The reader recovers title, headings,
 * paragraphs and the credit line (`read.ts`, limits in `rules/scraped-text.yaml`); plain text has
 * no inline markup, so its blocks carry no codes. It writes each language's article twice: as
 * plain text in the source's layout, under the source's own file name, and as Markdown (`.md`).
 */
import path from 'node:path';
import type { Format } from '../format.js';
import { readText } from './read.js';
import { assembleMarkdown, assembleText } from './write.js';

/** `<name><ext>` with the source's own extension, and `<name>.md`. */
function outputNames(name: string, sourcePath: string): string[] {
  return [`${name}${path.posix.extname(sourcePath) || '.txt'}`, `${name}.md`];
}

export const textFormat: Format = {
  id: 'text',
  description: 'plain-text articles as scraped from the web: title, headings, paragraphs, credit',
  extensions: ['.txt'],
  datatype: 'plaintext',
  read({ text, path: sourcePath, name, language }) {
    const { doc, messages } = readText(text, { name, path: sourcePath, language });
    return { document: doc, messages };
  },
  outputNames,
  write(document, targets) {
    const [plain, markdown] = outputNames(document.name, document.path) as [string, string];
    return [
      { name: plain, content: assembleText(document, targets) },
      { name: markdown, content: assembleMarkdown(document, targets) },
    ];
  },
};
