import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleMarkdown, assembleText, escapeMarkdown } from '../../../pipeline/formats/text/write.js';
import { plainContent, type Document } from '../../../pipeline/model.js';
import { readText } from '../../../pipeline/formats/text/read.js';

/** A document whose every block is one segment with the block's text (segmentation is tested elsewhere). */
function wholeBlockSegments(text: string): Document {
  const { doc } = readText(text, { name: 'doc', path: 'doc.txt', language: 'de' });
  doc.blocks.forEach((block, b) => {
    block.id = `b${b}`;
    block.segments = [{ id: `s${b}`, text: text.slice(block.start, block.end), start: block.start, end: block.end, codes: [], spans: [] }];
  });
  return doc;
}

const article = readFileSync('test/fixtures/projects/artikel/source/gipfel.txt', 'utf8');

describe('plain text', () => {
  it('gives back the source when targets equal sources, with a recovered heading on its own line', () => {
    const out = assembleText(wholeBlockSegments(article), new Map());
    expect(out).toBe(article.replace('für die IndustrieDie Regierung', 'für die Industrie\nDie Regierung'));
  });

  it('keeps a source without glued headings byte for byte, CRLF and missing final newline included', () => {
    const source = 'Titel\r\n\r\n  Erster Absatz.  \r\nZweiter Absatz.';
    expect(assembleText(wholeBlockSegments(source), new Map())).toBe(source);
  });

  it('puts each target in place of its segment', () => {
    const doc = wholeBlockSegments('Titel\nErster Absatz.\n');
    expect(assembleText(doc, new Map([['s0', plainContent('Title')], ['s1', plainContent('First paragraph.')]]))).toBe('Title\nFirst paragraph.\n');
  });

  it('starts a recovered block on a line of its own with the document\'s CRLF', () => {
    const doc = wholeBlockSegments('Titel\r\nNeue Regeln für den WohnungsmarktDie Bundesregierung will die Mietpreisbremse verlängern.\r\n');
    expect(assembleText(doc, new Map())).toBe('Titel\r\nNeue Regeln für den Wohnungsmarkt\r\nDie Bundesregierung will die Mietpreisbremse verlängern.\r\n');
  });
});

describe('Markdown', () => {
  it('writes # title, ## headings, paragraphs and the credit last', () => {
    const doc = wholeBlockSegments('Titel\nNeue Regeln für den WohnungsmarktDie Bundesregierung will die Mietpreisbremse verlängern.\ndpa');
    expect(assembleMarkdown(doc, new Map())).toBe(
      '# Titel\n\n## Neue Regeln für den Wohnungsmarkt\n\nDie Bundesregierung will die Mietpreisbremse verlängern.\n\n*dpa*\n',
    );
  });

  it('escapes text that Markdown would read as markup', () => {
    expect(escapeMarkdown('Preis *inklusive* [Link]')).toBe('Preis \\*inklusive\\* \\[Link\\]');
    expect(escapeMarkdown('1. FC Köln gewinnt')).toBe('\\1. FC Köln gewinnt');
    expect(escapeMarkdown('# Hashtag')).toBe('\\# Hashtag');
  });
});
