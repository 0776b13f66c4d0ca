import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultTextReaderRules, findGluedHeading, readText } from '../../../pipeline/formats/text/read.js';

const ARTICLE = 'source/putin-kim-treffen-peking.txt';
const articleText = readFileSync(ARTICLE, 'utf8');
const read = (text: string) => readText(text, { name: 'doc', path: 'doc.txt', language: 'de' });
const blockTexts = (text: string) => read(text).doc.blocks.map((b) => [b.kind, text.slice(b.start, b.end)]);

describe('reading the bundled article', () => {
  const { doc, messages } = read(articleText);

  it('reads the first line as the title', () => {
    const title = doc.blocks[0]!;
    expect(title.kind).toBe('title');
    expect(articleText.slice(title.start, title.end)).toBe(
      'Putin trifft sich mit Kim Jong-un, doch der Kreml bestreitet eine Verschwörung gegen Trump',
    );
  });

  it('recovers the three glued sub-headings as heading blocks', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => articleText.slice(b.start, b.end));
    expect(headings).toEqual([
      'Russisch-nordkoreanisches Bündnis gegen Neonazismus',
      'Putin und Kim unterhalten sich ausführlich',
      'Der Kreml bestreitet eine Verschwörung gegen die USA.',
    ]);
  });

  it('starts the paragraph after each recovered heading where the glue was', () => {
    const glued = doc.blocks.filter((b) => b.glued).map((b) => articleText.slice(b.start, b.start + 20));
    expect(glued).toEqual(['Kim betonte, dass si', 'Zum 80. Jahrestag de', 'Der Kreml achtete da']);
  });

  it('reads the last line "Expansion" as the credit', () => {
    const last = doc.blocks.at(-1)!;
    expect(last.kind).toBe('credit');
    expect(articleText.slice(last.start, last.end)).toBe('Expansion');
  });

  it('has 19 paragraphs between title and credit', () => {
    expect(doc.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(19);
  });

  it('reports every repair with a rule id, line and column', () => {
    const repairs = messages.map((m) => [m.ruleId, m.line, m.column]);
    expect(repairs).toEqual([
      ['read/glued-heading', 6, 52],
      ['read/glued-heading', 13, 43],
      ['read/glued-heading', 18, 54],
      ['read/credit', 22, 1],
    ]);
    const lines = articleText.split('\n');
    expect(lines[5]!.slice(51, 54)).toBe('Kim');
    expect(lines[12]!.slice(42, 45)).toBe('Zum');
    expect(lines[17]!.slice(53, 56)).toBe('Der');
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
