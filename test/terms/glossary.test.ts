import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('reads exclude phrases and reports one that does not contain the term, at its line and column', () => {
    const yaml = [
      'terms:',
      '  - source: Washington',
      '    kind: place',
      '    targets: {en: Washington}',
      '    exclude: [Washington Post, Denver Post]',
    ].join('\n');
    const { entries, messages } = parseGlossary(yaml, 'g.yaml');
    expect(entries).toEqual([]);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['5:32 glossary/exclude-without-term']);
    const ok = parseGlossary(yaml.replace(', Denver Post', ''), 'g.yaml');
    expect(ok.messages).toEqual([]);
    expect(ok.entries[0]?.exclude).toEqual(['Washington Post']);
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
    // Both are reported at the entry; messages at one place are ordered by rule id.
    expect(messages.map((m) => m.ruleId)).toEqual(['glossary/forbidden-target', 'glossary/missing-kind']);
  });

  it('warns about an entry without targets that is not dnt', () => {
    const { messages, entries } = parseGlossary('terms:\n  - {source: Kreml, kind: institution}\n', 'x.yaml');
    expect(entries).toHaveLength(1);
    expect(messages).toMatchObject([{ ruleId: 'glossary/missing-targets', severity: 'warning' }]);
  });

  it('rejects unknown top-level keys and a missing terms list', () => {
    const { messages } = parseGlossary('entries: []\n', 'x.yaml');
    expect(messages.map((m) => m.ruleId)).toEqual(['glossary/missing-terms', 'glossary/unknown-key']);
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

describe('loadGlossary on files that are not what they should be', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const fileWith = (content: string | Uint8Array, name = 'terms.yaml'): string => {
    const folder = mkdtempSync(path.join(tmpdir(), 'l10n-glossary-'));
    folders.push(folder);
    writeFileSync(path.join(folder, name), content);
    return path.join(folder, name);
  };

  it('refuses a Windows-1252 file with the line and column of its first umlaut, instead of loading "K\uFFFDln"', () => {
    const file = fileWith(Buffer.from('terms:\n  - source: K\xf6ln\n    kind: place\n    targets: {en: Cologne}\n', 'latin1'));
    const { glossary, messages } = loadGlossary([file]);
    expect(glossary.entries).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'glossary/encoding', severity: 'error', line: 2, column: 14 });
    expect(messages[0]?.fatal).toBeUndefined();
  });

  it('answers a YAML alias bomb at once, without expanding it, and says aliases are not expanded', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 12; i += 1) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('terms:', '  - source: *a12', '    kind: place');
    // 9^12 nodes if it were expanded: the test would run into its time-out instead of answering.
    const { glossary, messages } = loadGlossary([fileWith(lines.join('\n') + '\n')]);
    expect(glossary.entries).toEqual([]);
    expect(messages.find((m) => m.ruleId === 'glossary/wrong-type')?.reason).toContain('the alias *a12 (aliases are not expanded');
  });

  it('reports an empty file as a warning and a file that is not a mapping as an error', () => {
    expect(loadGlossary([fileWith('')]).messages.map((m) => `${m.severity} ${m.ruleId}`)).toEqual(['warning glossary/empty-file']);
    expect(loadGlossary([fileWith('just some text\n')]).messages.map((m) => `${m.severity} ${m.ruleId}`)).toEqual(['error glossary/wrong-type']);
  });

  it('names files relative to `root` in messages and origins, so reports are the same on every machine', () => {
    const file = fileWith('terms:\n  - source: Foo\n    kind: place\n', 'extra.yaml');
    const { glossary, messages } = loadGlossary([file], { root: path.dirname(file) });
    expect(messages[0]).toMatchObject({ ruleId: 'glossary/missing-targets', file: 'extra.yaml', line: 2 });
    expect(glossary.entries[0]?.origin.file).toBe('extra.yaml');
  });
});

describe('glossary YAML mistakes, explained for terminologists', () => {
  const brief = (text: string): string[] =>
    parseGlossary(text, 'g.yaml').messages.map((m) => `${m.line}:${m.column} ${m.reason} [${m.ruleId}]`);

  it('a line indented deeper than the key above it: one message, at that line', () => {
    const text = 'terms:\n  - source: Weißes Haus\n    kind: institution\n    targets:\n      en: White House\n      fr: Maison-Blanche\n'
      + '        es: Casa Blanca\n';
    expect(brief(text)).toEqual([
      '7:9 this line is indented deeper than the key above it: "es:" starts in column 9, "fr:" (line 6) in column 7 [glossary/yaml-syntax]',
    ]);
    expect(parseGlossary(text, 'g.yaml').messages[0]?.hint).toBe('move "es:" to column 7, under "fr:"');
  });

  it('a line indented less than the key above it', () => {
    expect(brief('terms:\n  - source: A\n    kind: place\n    targets:\n      en: X\n     fr: Y\n')).toEqual([
      '6:6 this line is indented less than the key above it: "fr:" starts in column 6, "en:" (line 5) in column 7 [glossary/yaml-syntax]',
    ]);
    // The line after a misplaced key is not blamed as well.
    expect(brief('terms:\n  - source: A\n   kind: place\n    dnt: true\n')).toEqual([
      '3:4 this line is indented less than the key above it: "kind:" starts in column 4, "- source:" (line 2) in column 5 [glossary/yaml-syntax]',
    ]);
  });

  it('a list item indented under the entry before it', () => {
    expect(brief('terms:\n  - source: A\n    kind: place\n    - source: B\n      kind: place\n')).toEqual([
      '4:5 this list item is indented deeper than the item above it: "- source:" starts in column 5, "- source:" (line 2) in column 3 [glossary/yaml-syntax]',
    ]);
  });

  it('tabs, colons in values, unclosed quotes and brackets, a missing space or colon', () => {
    expect(brief('terms:\n  - source: A\n\tkind: place\n')).toEqual(['3:1 this line is indented with a tab [glossary/yaml-syntax]']);
    expect(brief('terms:\n  - source: A\n    kind: place\n    note: Seat: president\n    dnt: true\n')).toEqual([
      '4:11 the value of "note" contains ": ", which YAML reads as the start of another key [glossary/yaml-syntax]',
    ]);
    expect(brief('terms:\n  - source: "A\n    kind: place\n    dnt: true\n')).toEqual([
      '2:13 the quotation mark " opened here is never closed [glossary/yaml-syntax]',
    ]);
    expect(brief('terms:\n  - source: A\n    kind: place\n    targets: {en: X\n    dnt: true\n  - source: B\n    kind: place\n')).toEqual([
      '4:14 the { opened here is never closed [glossary/yaml-syntax]',
    ]);
    expect(brief('terms:\n  - source: A\n    kind: place\n  -source: B\n    kind: place\n')).toEqual([
      '4:3 a list item needs a space after "-" [glossary/yaml-syntax]',
    ]);
    expect(brief('terms:\n  - source: A\n    kind place\n    dnt: true\n')).toEqual([
      '3:5 this line has no ":" after its key [glossary/yaml-syntax]',
    ]);
    expect(brief('terms:\n  - source: A\n    kind: place\n    kind: title\n')).toEqual([
      '4:5 "kind" appears twice in the same entry [glossary/duplicate-key]',
    ]);
  });

  it('suggests the key or value a typo stands for, and does not repeat the mistake as a missing field', () => {
    const text = 'terms:\n  - source: Interfax\n    kind: organisation\n    target:\n      en: Interfax\n    status: aproved\n';
    expect(brief(text)).toEqual([
      '3:11 "kind" must be one of person, place, organization, institution, title, other, got "organisation": did you mean `organization`? [glossary/invalid-value]',
      '4:5 unknown key "target" in a glossary entry: did you mean `targets`? [glossary/unknown-key]',
      '6:13 "status" must be one of approved, proposed, deprecated, got "aproved": did you mean `approved`? [glossary/invalid-value]',
    ]);
    expect(brief('term:\n  - source: A\n')).toEqual(['1:1 unknown top-level key "term": did you mean `terms`? [glossary/unknown-key]']);
    // No suggestion when nothing is close.
    expect(brief('terms:\n  - {source: A, kind: place, dnt: true, colour: red}\n')[0]).toBe('2:41 unknown key "colour" in a glossary entry [glossary/unknown-key]');
  });

  it('sorts messages by line and column, also across the checks of one entry', () => {
    const { messages } = parseGlossary('terms:\n  - source: Interfax\n    kindd: place\n    targets: {english: X}\n', 'g.yaml');
    const places = messages.map((m) => [m.line ?? 0, m.column ?? 0] as const);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(messages.map((m) => m.ruleId)).toEqual(['glossary/missing-targets', 'glossary/unknown-key', 'glossary/invalid-language']);
  });
});

describe('loadGlossary: file size', () => {
  it('refuses a glossary file larger than the limit by its size on disk (2.5 GB, sparse), never as unreadable', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-glossary-'));
    try {
      const file = path.join(root, 'huge.yaml');
      writeFileSync(file, '');
      truncateSync(file, 2.5 * 1024 ** 3);
      const { messages } = loadGlossary([file], { root });
      expect(messages).toEqual([expect.objectContaining({ ruleId: 'glossary/too-large', file: 'huge.yaml', hint: expect.stringContaining('L10N_MAX_FILE_MB') })]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
