/**
 * A small format of its own for tests: "tagged text" (`.tagged`). Every non-empty line is a
 * paragraph; `<b>…</b>`-style tags are paired codes (the tag name is the type), `<img/>`-style tags
 * stand alone. It exercises what a markup format does (inline codes with offsets, a skeleton of
 * markup, outputs named by the format) with the plain-text format's simplicity, so the pipeline's
 * code paths for Markdown and HTML are tested before those formats exist.
 */
import type { Format } from '../../pipeline/formats/format.js';
import { blockText } from '../../pipeline/assemble/skeleton.js';
import type { Block, BlockContent, InlineCode } from '../../pipeline/model.js';

const TAG = /<(\/?)([a-z]+)([^>]*?)(\/?)>/gu;

/** The content of one line: text without tags, tags as codes, the source offset of every character. */
export function taggedContent(line: string, base = 0): BlockContent {
  let text = '';
  const codes: InlineCode[] = [];
  const offsets: number[] = [];
  const open: Array<{ name: string; id: string }> = [];
  let next = 1;
  let cursor = 0;
  for (const m of line.matchAll(TAG)) {
    const at = m.index ?? 0;
    for (let i = cursor; i < at; i += 1) offsets.push(base + i);
    text += line.slice(cursor, at);
    cursor = at + m[0].length;
    const [, closing, name = '', , selfClosing] = m;
    if (selfClosing === '/') {
      codes.push({ id: String(next++), kind: 'standalone', type: name, data: m[0], at: text.length });
    } else if (closing === '/') {
      const pair = open.pop();
      codes.push({ id: pair?.id ?? String(next++), kind: 'close', type: name, data: m[0], at: text.length });
    } else {
      const id = String(next++);
      open.push({ name, id });
      codes.push({ id, kind: 'open', type: name, data: m[0], at: text.length });
    }
  }
  for (let i = cursor; i < line.length; i += 1) offsets.push(base + i);
  text += line.slice(cursor);
  offsets.push(base + line.length);
  return { text, codes, offsets };
}

export const taggedFormat: Format = {
  id: 'tagged',
  description: 'tagged text for tests: one paragraph per line, <b>…</b> and <img/> as inline codes',
  extensions: ['.tagged'],
  datatype: 'x-tagged',
  read({ text, path, name, language }) {
    const blocks: Block[] = [];
    let start = 0;
    for (const line of text.split('\n')) {
      if (line.trim() !== '') {
        blocks.push({ id: '', kind: blocks.length === 0 ? 'title' : 'paragraph', start, end: start + line.length, glued: false, content: taggedContent(line, start), segments: [] });
      }
      start += line.length + 1;
    }
    return { document: { name, path, language, text, blocks }, messages: [] };
  },
  outputNames: (name) => [`${name}.tagged`],
  write(document, targets) {
    let out = '';
    let cursor = 0;
    for (const block of document.blocks) {
      out += document.text.slice(cursor, block.start) + blockText(document, block, targets);
      cursor = block.end;
    }
    return [{ name: `${document.name}.tagged`, content: out + document.text.slice(cursor) }];
  },
};
