import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDelimited, importDelimited } from '../../pipeline/terms/csv.js';
import { loadGlossary, parseGlossary } from '../../pipeline/terms/glossary.js';
import { glossaryToYaml } from '../../pipeline/terms/write.js';
import { FIXTURES, glossaryFrom } from './helpers.js';

describe('exportDelimited', () => {
  const { glossary } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);

  it('writes DeepL CSV: source,target per line, no header, preferred target, dnt to itself, variants too', () => {
    const { text } = exportDelimited(glossary, { format: 'csv', language: 'en' });
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain('Weißes Haus,White House');
    expect(lines).toContain('Interfax,Interfax');
    expect(lines).toContain('Wladimir Putin,Vladimir Putin');
    expect(lines).toContain('Putin,Vladimir Putin');
    expect(lines).toContain('Kreml-Chef,Kremlin chief');
  });

  it('writes TSV and reports entries without a target in the language', () => {
    const { text, messages } = exportDelimited(glossary, { format: 'tsv', language: 'es' });
    expect(text).toBe('Weißes Haus\tCasa Blanca\nInterfax\tInterfax\n');
    expect(messages.every((m) => m.ruleId === 'glossary/export-no-target')).toBe(true);
  });

  it('quotes CSV fields with commas and quotes, and can add the language columns', () => {
    const g = glossaryFrom('terms:\n  - {source: \'Haus "A", Nord\', kind: other, targets: {en: \'House "A", North\'}}\n');
    expect(exportDelimited(g, { format: 'csv', language: 'en', withLanguages: true }).text).toBe('"Haus ""A"", Nord","House ""A"", North",de,en\n');
  });

  it('validates options up front', () => {
    expect(() => exportDelimited(glossary, { format: 'xls' as 'csv', language: 'en' })).toThrow(/expected format "csv" or "tsv", got "xls"/);
    expect(() => exportDelimited(glossary, { format: 'csv', language: 'English' })).toThrow(/expected language/);
  });
});

describe('importDelimited', () => {
  it('reads CSV with quotes, CRLF, a header and 4-column rows; merges alternatives', () => {
    const csv = 'source,target\r\n"Weißes Haus",White House,de,en\r\nKreml,Kremlin\r\nKreml,"Kremlin, the"\r\n"Zeile\nzwei",two\r\n';
    const { entries, messages } = importDelimited(csv, 'x.csv', { format: 'csv', language: 'en' });
    expect(messages).toEqual([]);
    expect(entries.map((e) => [e.source, e.targets])).toEqual([
      ['Weißes Haus', { en: ['White House'] }],
      ['Kreml', { en: ['Kremlin', 'Kremlin, the'] }],
      ['Zeile\nzwei', { en: ['two'] }],
    ]);
  });

  it('reports rows without target or language, and an unclosed quote', () => {
    const { messages } = importDelimited('Kreml\nPeking,Beijing\n"open,x\n', 'x.csv', { format: 'csv' });
    expect(messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['3 csv/unclosed-quote', '1 csv/short-row', '2 csv/no-language']);
  });

  it('round-trips CSV and TSV exports, and the YAML written from an import loads cleanly', () => {
    const g = glossaryFrom('terms:\n  - {source: Kreml, kind: other, targets: {en: Kremlin}}\n  - {source: Interfax, kind: other, dnt: true}\n  - {source: \'A, "B"\', kind: other, targets: {en: C}}\n');
    for (const format of ['csv', 'tsv'] as const) {
      const { text } = exportDelimited(g, { format, language: 'en' });
      const back = importDelimited(text, `x.${format}`, { format, language: 'en' });
      expect(back.entries.map((e) => [e.source, e.targets, e.dnt])).toEqual(g.entries.map((e) => [e.source, e.targets, e.dnt]));
      const yaml = glossaryToYaml(back.entries, { language: 'de' });
      const reread = parseGlossary(yaml, 'imported.yaml');
      expect(reread.messages).toEqual([]);
      expect(reread.entries.map((e) => e.source)).toEqual(g.entries.map((e) => e.source));
    }
  });
});

describe('glossaryToYaml', () => {
  it('writes every field so that parseGlossary reads the same entries back', () => {
    const { glossary } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);
    const yaml = glossaryToYaml(glossary.entries, { language: 'de' });
    expect(yaml).toContain('forms: [Weißen Hause]');
    const back = parseGlossary(yaml, 'again.yaml');
    expect(back.messages).toEqual([]);
    const strip = (e: (typeof back.entries)[number]) => ({ ...e, origin: undefined });
    expect(back.entries.map(strip)).toEqual(glossary.entries.map(strip));
  });
});
