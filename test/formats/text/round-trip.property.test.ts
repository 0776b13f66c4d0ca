/**
 * Property: for any plain-text article, reading, segmenting and reassembling with targets equal
 * to the sources gives back the source, except that a block the reader found glued to the one
 * before it starts on a line of its own (one inserted line break per recovered heading).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleText } from '../../../pipeline/formats/text/write.js';
import { readText } from '../../../pipeline/formats/text/read.js';
import { createSegmenter } from '../../../pipeline/segment/engine.js';
import { segmentDocument } from '../../../pipeline/segment/stage.js';

const segment = segmentDocument(createSegmenter({ language: 'de' }));

const SENTENCES = [
  'Der Kreml bestritt das am Montag.',
  '„Wir kommen wieder“, sagte er.',
  'Zum 80. Jahrestag kamen viele Gäste.',
  'Die Inflation lag bei 3,5 Prozent.',
  'Er kam am 3. Oktober an.',
  'Ist das wahr?',
  'Das Ende naht…',
  'Dr. Müller u. a. waren dort.',
];
const HEADINGS = ['Neue Regeln für den Wohnungsmarkt', 'Putin und Kim unterhalten sich ausführlich', 'Ein Blick auf die Zahlen'];

/** A line: a paragraph of sentences, sometimes with a heading glued in front (as scraping does). */
const lineArb = fc.record({
  glued: fc.option(fc.constantFrom(...HEADINGS), { nil: undefined }),
  sentences: fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }),
  separator: fc.constantFrom(' ', '  ', '\u00A0'),
  indent: fc.constantFrom('', ' ', '\t'),
});
const articleArb = fc.record({
  title: fc.constantFrom('Titel der Meldung', 'Putin trifft Kim'),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  blankLines: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  lineBreak: fc.constantFrom('\n', '\r\n'),
  credit: fc.option(fc.constantFrom('dpa', 'Expansion'), { nil: undefined }),
  finalNewline: fc.boolean(),
});

describe('reassembly with targets equal to sources', () => {
  it('gives back the source, with one line break added before each recovered paragraph', () => {
    fc.assert(
      fc.property(articleArb, (article) => {
        const lines: string[] = [article.title];
        article.lines.forEach((line, i) => {
          if (article.blankLines[i] === true) lines.push('');
          lines.push(line.indent + (line.glued ?? '') + line.sentences.join(line.separator));
        });
        if (article.credit !== undefined) lines.push(article.credit);
        const text = lines.join(article.lineBreak) + (article.finalNewline ? article.lineBreak : '');

        const { doc } = readText(text, { name: 'doc', path: 'doc.txt', language: 'de' });
        segment(doc);
        const out = assembleText(doc, new Map());

        // What the writer may add: a line break right where a glued block starts, nothing else.
        let expected = '';
        let cursor = 0;
        for (const block of doc.blocks) {
          if (!block.glued) continue;
          expected += text.slice(cursor, block.start) + article.lineBreak;
          cursor = block.start;
        }
        expected += text.slice(cursor);
        expect(out).toBe(expected);
        // And the reader finds exactly the headings the generator glued in front of a paragraph
        // long enough to be one (README: at least five words follow), and invents none.
        const words = (sentences: readonly string[]): number => sentences.join(' ').split(/\s+/u).length;
        const gluedCount = doc.blocks.filter((b) => b.glued).length;
        expect(gluedCount).toBe(article.lines.filter((l) => l.glued !== undefined && words(l.sentences) >= 5).length);
      }),
      { numRuns: 300, seed: 4711 },
    );
  });
});
