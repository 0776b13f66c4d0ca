import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryOf, loadGlossary, parseGlossary, targetsFor } from '../../pipeline/terms/glossary.js';
import { FIXTURES } from './helpers.js';

describe('parseGlossary', () => {
  it('reads every field of the documented format with defaults filled in', () => {
    const { glossary, messages } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);
    expect(messages).toEqual([]);
    const house = glossary.entries.find((e) => e.source === 'Weißes Haus');
    expect(house).toMatchObject({
      id: 'weisses-haus', kind: 'institution', match: 'inflect', case: 'sensitive', pos: 'proper-noun', dnt: false,
      targets: { en: ['White House'], fr: ['Maison-Blanche'], es: ['Casa Blanca'] },
      forms: ['Weißen Hause'], forbidden: { en: ['Kreml'] }, note: 'Seat of the US president', status: 'approved',
      origin: { line: 4, column: 5 },
    });
    expect(glossary.entries.find((e) => e.source === 'Kreml-Chef')?.targets.en).toEqual(['Kremlin chief', 'Kremlin leader']);
    expect(glossary.entries.find((e) => e.source === 'Außenminister')).toMatchObject({ pos: 'noun', gender: 'm', domain: 'politics' });
  });

  it('gives a dnt entry its source as the target in every language', () => {
    const { glossary } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);
    const interfax = glossary.entries.find((e) => e.source === 'Interfax');
    expect(interfax && targetsFor(interfax, ['en', 'fr'])).toEqual({ en: ['Interfax'], fr: ['Interfax'] });
  });

  it('reports unknown keys, bad language codes, missing source, wrong types and bad enum values with line and column', () => {
    const { messages, glossary } = loadGlossary([path.join(FIXTURES, 'bad.yaml')]);
    const brief = messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(brief).toEqual(expect.arrayContaining([
      '4:5 glossary/unknown-key',
      '5:15 glossary/invalid-language',
      '6:5 glossary/missing-source',
      '8:13 glossary/wrong-type',
      '11:11 glossary/invalid-value',
      '13:10 glossary/wrong-type',
    ]));
    for (const m of messages) {
      expect(m.file).toMatch(/bad\.yaml$/);
      expect(m.hint).toBeTruthy();
    }
    // The one valid entry loads; its later duplicate is reported, not loaded twice.
    expect(glossary.entries.map((e) => e.source)).toEqual(['Kreml']);
  });

  it('reports duplicate entries with the place of the first one', () => {
    const { messages, glossary } = glossaryOf(parseGlossary(
      'terms:\n  - {source: Kreml, kind: institution, targets: {en: Kremlin}}\n  - {source: Kreml, kind: institution, targets: {en: Kremlin}}\n', 'x.yaml').entries);
    expect(glossary.entries).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'glossary/duplicate-entry', line: 3, column: 5 });
    expect(messages[0]?.reason).toMatch(/x\.yaml:2:5/);
  });

  it('turns YAML syntax errors into messages instead of throwing', () => {
    const { messages, glossary } = loadGlossary([path.join(FIXTURES, 'syntax.yaml')]);
    expect(glossary.entries).toEqual([]);
    expect(messages[0]).toMatchObject({ ruleId: 'glossary/yaml-syntax', severity: 'error', line: 4 });
  });

  it('reports duplicate keys inside one entry', () => {
    const { messages } = parseGlossary('terms:\n  - source: A\n    source: B\n    kind: other\n', 'x.yaml');
    expect(messages[0]).toMatchObject({ ruleId: 'glossary/duplicate-key', line: 3, column: 5 });
  });

  it('requires a kind and rejects an approved target that is also forbidden', () => {
    const { messages } = parseGlossary('terms:\n  - source: Kreml\n    targets: {en: Kremlin}\n    forbidden: {en: Kremlin}\n', 'x.yaml');
    expect(messages.map((m) => m.ruleId)).toEqual(['glossary/missing-kind', 'glossary/forbidden-target']);
  });

  it('warns about an entry without targets that is not dnt', () => {
    const { messages, entries } = parseGlossary('terms:\n  - {source: Kreml, kind: institution}\n', 'x.yaml');
    expect(entries).toHaveLength(1);
    expect(messages).toMatchObject([{ ruleId: 'glossary/missing-targets', severity: 'warning' }]);
  });

  it('rejects unknown top-level keys and a missing terms list', () => {
    const { messages } = parseGlossary('entries: []\n', 'x.yaml');
    expect(messages.map((m) => m.ruleId)).toEqual(['glossary/unknown-key', 'glossary/missing-terms']);
  });

  it('accepts long gender names, a language header and region subtags', () => {
    const { messages, entries, language } = parseGlossary(
      'language: de-CH\nterms:\n  - {source: Staat, kind: other, gender: masculine, targets: {pt-BR: Estado, zh-Hant: 國家}}\n', 'x.yaml');
    expect(messages).toEqual([]);
    expect(language).toBe('de-CH');
    expect(entries[0]).toMatchObject({ gender: 'm', targets: { 'pt-BR': ['Estado'], 'zh-Hant': ['國家'] } });
  });
});

describe('loadGlossary', () => {
  it('reads the *.yaml and *.yml files of a folder in sorted order and ignores other files', () => {
    const { glossary, messages } = loadGlossary([path.join(FIXTURES, 'folder')]);
    expect(messages).toEqual([]);
    expect(glossary.files.map((f) => path.basename(f))).toEqual(['a.yml', 'b.yaml']);
    expect(glossary.entries.map((e) => e.source)).toEqual(['Moskau', 'Peking']);
  });

  it('reports duplicates across files', () => {
    const { messages } = loadGlossary([path.join(FIXTURES, 'folder'), path.join(FIXTURES, 'folder', 'b.yaml')]);
    expect(messages.map((m) => m.ruleId)).toEqual(['glossary/duplicate-entry']);
  });

  it('reports a path that does not exist', () => {
    const { messages } = loadGlossary([path.join(FIXTURES, 'nope')]);
    expect(messages[0]?.ruleId).toBe('glossary/not-found');
  });
});
