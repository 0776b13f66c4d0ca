import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultTextReaderRules, findGluedHeading, readText } from '../../../pipeline/formats/text/read.js';

const ARTICLE = 'test/fixtures/projects/artikel/source/gipfel.txt';
const articleText = readFileSync(ARTICLE, 'utf8');
const read = (text: string) => readText(text, { name: 'doc', path: 'doc.txt', language: 'de' });
const blockTexts = (text: string) => read(text).doc.blocks.map((b) => [b.kind, text.slice(b.start, b.end)]);

describe('reading an article', () => {
  const { doc, messages } = read(articleText);

  it('reads the first line as the title', () => {
    const title = doc.blocks[0]!;
    expect(title.kind).toBe('title');
    expect(articleText.slice(title.start, title.end)).toBe('Scholz trifft Macron in Paris');
  });

  it('recovers the glued sub-heading as a heading block, and starts the paragraph where the glue was', () => {
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => articleText.slice(b.start, b.end))).toEqual(['Neue Hilfen für die Industrie']);
    expect(doc.blocks.filter((b) => b.glued).map((b) => articleText.slice(b.start, b.start + 20))).toEqual(['Die Regierung plant ']);
  });

  it('reads the last line as the credit, and the lines between as paragraphs', () => {
    expect(doc.blocks.map((b) => b.kind)).toEqual(['title', 'paragraph', 'heading', 'paragraph', 'paragraph', 'credit']);
    expect(articleText.slice(doc.blocks.at(-1)!.start, doc.blocks.at(-1)!.end)).toBe('dpa');
  });

  it('reports every repair with a rule id, line and column', () => {
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['read/glued-heading', 3, 30],
      ['read/credit', 5, 1],
    ]);
    expect(articleText.split('\n')[2]!.slice(29, 32)).toBe('Die');
  });

  it('never changes a character: blocks are ranges of the text as read', () => {
    expect(doc.text).toBe(articleText);
    for (const [a, b] of doc.blocks.slice(0, -1).map((block, i) => [block, doc.blocks[i + 1]!] as const)) {
      expect(a.end).toBeLessThanOrEqual(b.start);
    }
  });
});

describe('words the heading detection must leave alone', () => {
  const rules = defaultTextReaderRules();
  const words = ['McDonald', 'iPhone', 'eBay', 'DDR-Zeit', 'RTLplus', 'YouTube', 'PowerPoint'];
  for (const word of words) {
    it(`leaves "${word}" whole`, () => {
      const line = `Der neue Bericht über ${word} zeigt, dass die Nachfrage im vergangenen Jahr stark gestiegen ist.`;
      expect(findGluedHeading(line, rules)).toBeUndefined();
      const lineAtStart = `${word} wird in dem Bericht als Beispiel für einen gelungenen Wandel genannt.`;
      expect(findGluedHeading(lineAtStart, rules)).toBeUndefined();
    });
  }

  it('leaves an abbreviation without a space alone ("Dr.Müller")', () => {
    expect(findGluedHeading('Die Ärztin Frau Dr.Müller sagte am Montag, die Lage habe sich deutlich gebessert.', rules)).toBeUndefined();
  });

  it('leaves a missing space after a full stop deep inside a paragraph to the segmenter', () => {
    const line = 'Die Regierung kündigte am Montag neue Gesetze an, die ab dem Sommer gelten sollen.Danach soll geprüft werden.';
    expect(findGluedHeading(line, rules)).toBeUndefined();
  });

  it('does not read a short quoted sentence as a heading', () => {
    expect(findGluedHeading('„Wir kommen wieder.“Das sagte der Minister am Abend vor den Journalisten in Berlin.', rules)).toBeUndefined();
  });

  it('finds a heading glued to a paragraph in another article', () => {
    const line = 'Neue Regeln für den WohnungsmarktDie Bundesregierung will die Mietpreisbremse verlängern.';
    expect(line.slice(findGluedHeading(line, rules))).toBe('Die Bundesregierung will die Mietpreisbremse verlängern.');
  });
});

describe('credit lines', () => {
  it('does not read a last line that ends a sentence as a credit', () => {
    const kinds = blockTexts('Titel der Meldung\nErster Absatz mit Text.\nDas ist das Ende.').map(([k]) => k);
    expect(kinds).toEqual(['title', 'paragraph', 'paragraph']);
  });

  it('reads a short attribution line as the credit', () => {
    const kinds = blockTexts('Titel der Meldung\nErster Absatz mit Text.\ndpa/AFP').map(([k]) => k);
    expect(kinds).toEqual(['title', 'paragraph', 'credit']);
  });
});

describe('layout of the text', () => {
  it('skips empty lines and keeps CRLF line ends out of the blocks', () => {
    expect(blockTexts('Titel\r\n\r\nErster Absatz mit Text.\r\nZweiter Absatz mit Text.\r\n')).toEqual([
      ['title', 'Titel'],
      ['paragraph', 'Erster Absatz mit Text.'],
      ['paragraph', 'Zweiter Absatz mit Text.'],
    ]);
  });

  it('keeps a byte order mark out of the title', () => {
    expect(blockTexts('\uFEFFTitel\nAbsatz mit Text.')[0]).toEqual(['title', 'Titel']);
  });
});

describe('a document without text', () => {
  it('warns about an empty or blank file, with file and line, and gives no blocks', () => {
    for (const text of ['', '\n\n', ' \r\n\t\r\n', '\uFEFF']) {
      const { doc, messages } = read(text);
      expect(doc.blocks).toEqual([]);
      expect(messages).toEqual([expect.objectContaining({ ruleId: 'read/empty', severity: 'warning', file: 'doc.txt', line: 1, column: 1 })]);
    }
  });

  it('says nothing of the kind when there is a title', () => {
    expect(read('Titel\n').messages.filter((m) => m.ruleId === 'read/empty')).toEqual([]);
  });
});

describe('a heading glued to a paragraph that opens with a quotation', () => {
  const rules = defaultTextReaderRules();
  it('splits "…Wohnungsmarkt„Wir …" before the quotation mark', () => {
    const line = 'Neue Regeln für den Wohnungsmarkt„Wir werden die Mieten begrenzen“, sagte die Ministerin.';
    expect(line.slice(findGluedHeading(line, rules))).toBe('„Wir werden die Mieten begrenzen“, sagte die Ministerin.');
  });
  it('leaves a quotation after a space alone', () => {
    expect(findGluedHeading('Die Ministerin sagte: „Wir werden die Mieten begrenzen“, und ging.', rules)).toBeUndefined();
  });
});
