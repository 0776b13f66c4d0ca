import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, xliffSettingsFor } from '../pipeline/config.js';
import { InputError } from '../pipeline/model.js';
import { RULE_IDS } from '../pipeline/qa/index.js';

const KNOWN = { ruleIds: RULE_IDS };

const FILE = '/project/l10n.config.yaml';

/** The InputError's message for a config text, or a failure when it parses. */
function problemOf(text: string) {
  try {
    parseConfig(text, FILE, KNOWN);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).detail;
  }
  throw new Error('expected the config to be refused');
}

describe('defaults', () => {
  it('fills every setting that is left out', () => {
    const config = parseConfig('targetLanguages: [en]\n', FILE, KNOWN);
    expect(config.paths).toEqual({ source: 'source', glossary: ['glossary'], translations: 'translations', output: 'output', languages: 'languages' });
    expect(config.xliff).toEqual({ version: '1.2', profile: 'default' });
    expect(config.policies.untranslated).toBe('fail');
    expect(config.segmentation).toEqual({ srx: undefined, abbreviations: [] });
  });

  it('applies per-language XLIFF settings over the project ones', () => {
    const config = parseConfig('targetLanguages: [en, fr]\nxliff:\n  version: "1.2"\n  languages:\n    fr: {version: "2.1", profile: omegat}\n', FILE, KNOWN);
    expect(xliffSettingsFor(config, 'en')).toEqual({ version: '1.2', profile: 'default' });
    expect(xliffSettingsFor(config, 'fr')).toEqual({ version: '2.1', profile: 'omegat' });
  });
});

describe('mistakes are refused with file, line and column', () => {
  it('names an unknown key and where it is', () => {
    const problem = problemOf('sourceLanguage: de\ntargetLanguages: [en]\npolicies:\n  untranslatd: fail\n');
    expect(problem).toMatchObject({ file: FILE, line: 4, column: 3, ruleId: 'config/schema' });
    expect(problem.reason).toContain('unknown key "untranslatd"');
    expect(problem.hint).toContain('untranslated');
  });

  it('suggests the key, value or check a typo stands for (the same suggestion as the glossary)', () => {
    expect(problemOf('sourceLanguage: de\ntargetLanguages: [en]\npolicies:\n  untranslatd: fail\n').reason)
      .toBe('policies: unknown key "untranslatd": did you mean `untranslated`?');
    expect(problemOf('targetLanguage: [en]\n').reason).toBe('unknown key "targetLanguage": did you mean `targetLanguages`?');
    expect(problemOf('targetLanguages: [en]\npolicies:\n  publishState: reviewd\n').reason).toContain('got "reviewd": did you mean `reviewed`?');
    expect(problemOf('targetLanguages: [en]\nchecks:\n  qa/number: off\n').reason).toContain('got "qa/number": did you mean `qa/numbers`?');
    expect(problemOf('targetLanguages: [en]\nfoo: 1\n').reason).toBe('unknown key "foo"');
  });

  it('names a wrong type with what was expected and what arrived', () => {
    const problem = problemOf('targetLanguages: en\n');
    expect(problem).toMatchObject({ line: 1, column: 18 });
    expect(problem.reason).toBe('targetLanguages: expected a list, got "en"');
  });

  it('names a value outside its range', () => {
    const problem = problemOf('targetLanguages: [en]\npolicies:\n  untranslated: skip\n');
    expect(problem).toMatchObject({ line: 3, column: 17 });
    expect(problem.reason).toBe('policies.untranslated: expected one of "fail", "source", got "skip"');
  });

  it('refuses a language code that is not BCP 47', () => {
    expect(problemOf('targetLanguages: [en, French]\n').reason).toContain('targetLanguages[1]: expected a BCP 47 language code');
  });

  it('refuses an empty list of target languages', () => {
    expect(problemOf('targetLanguages: []\n').reason).toContain('expected at least 1 item');
  });

  it('refuses an absolute path', () => {
    expect(problemOf('targetLanguages: [en]\npaths:\n  output: /tmp/out\n')).toMatchObject({ line: 3, column: 11 });
  });

  it('reports YAML syntax errors with their position', () => {
    const problem = problemOf('targetLanguages: [en\npaths: {\n');
    expect(problem.ruleId).toBe('config/syntax');
    expect(problem.line).toBeGreaterThanOrEqual(1);
  });

  it('refuses a duplicate key', () => {
    expect(problemOf('targetLanguages: [en]\ntargetLanguages: [fr]\n').ruleId).toBe('config/syntax');
  });

  it('counts the further problems in one message', () => {
    expect(problemOf('targetLanguages: en\nsourceLanguage: 5\n').reason).toContain('(and 1 more problem(s))');
  });

  it('refuses two documents whose names (path below the source folder, no extension) are the same, which would share their XLIFF and output files', () => {
    const problem = problemOf('targetLanguages: [en]\ndocuments:\n  - source/a/article.txt\n  - source/a/article.text\n');
    expect(problem).toMatchObject({ ruleId: 'config/duplicate-document', line: 4, column: 5 });
    expect(problem.reason).toContain('"source/a/article.text" has the same document name as "source/a/article.txt"');
  });

  it('takes documents of the same file name in different folders: their names are their paths below the source folder', () => {
    const config = parseConfig('targetLanguages: [en]\ndocuments:\n  - source/a/article.txt\n  - source/b/article.txt\n', FILE, KNOWN);
    expect(config.documents).toEqual(['source/a/article.txt', 'source/b/article.txt']);
  });

  it('takes globs in documents and checks them when they are expanded', () => {
    const config = parseConfig('targetLanguages: [en]\ndocuments:\n  - source/news/*.txt\n  - source/news/*.txt\n', FILE, KNOWN);
    expect(config.documents).toEqual(['source/news/*.txt', 'source/news/*.txt']);
  });

  it('refuses names that differ only in case, or that would be the other document\'s aside file', () => {
    expect(problemOf('targetLanguages: [en]\ndocuments: [source/Article.txt, source/article.txt]\n').ruleId).toBe('config/duplicate-document');
    expect(problemOf('targetLanguages: [en]\ndocuments: [source/a.txt, source/a.aside.txt]\n').ruleId).toBe('config/duplicate-document');
  });

  it('names an alias instead of calling it "a value" (aliases are not expanded)', () => {
    const problem = problemOf('targetLanguages: &langs [en]\ndocuments: *langs\n');
    expect(problem).toMatchObject({ ruleId: 'config/schema', line: 2, column: 12 });
    expect(problem.reason).toBe('documents: expected a list, got the alias *langs (aliases are not expanded; write the value out)');
  });
});

describe('loadConfig', () => {
  it('refuses a config file in Windows-1252 with the line and column of the first bad byte (exit 2)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-config-'));
    try {
      writeFileSync(path.join(root, 'l10n.config.yaml'), Buffer.from('targetLanguages: [en]\n# \xfcbersetzt\n', 'latin1'));
      expect(() => loadConfig(root, KNOWN)).toThrow(InputError);
      try {
        loadConfig(root, KNOWN);
      } catch (error) {
        expect((error as InputError).detail).toMatchObject({ ruleId: 'config/encoding', file: 'l10n.config.yaml', line: 2, column: 3 });
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the strings: section (software strings)', () => {
  it('is absent by default, and filled with the strings defaults when present', () => {
    expect(parseConfig('targetLanguages: [en]\n', FILE, KNOWN).strings).toBeUndefined();
    const config = parseConfig('sourceLanguage: de-AT\ntargetLanguages: [en]\npaths: {output: dist}\nstrings:\n  namespaces: [common, article]\n', FILE, KNOWN);
    expect(config.strings?.readsCode).toBe(false);
    expect(config.strings?.options).toMatchObject({
      sourceLanguage: 'de-AT',
      namespaces: ['common', 'article'],
      defaultNamespace: 'common',
      catalogs: 'source/locales/{lng}/{ns}.json',
      output: 'dist/{lng}/locales/{ns}.json',
      keySeparator: '.',
    });
  });

  it('reads the site\'s code only when input is set, and takes false for a separator', () => {
    const config = parseConfig('targetLanguages: [en]\nstrings:\n  input: ["web/**/*.tsx"]\n  keySeparator: false\n  maxLength: {"common:nav.*": 12}\n', FILE, KNOWN);
    expect(config.strings?.readsCode).toBe(true);
    expect(config.strings?.options).toMatchObject({ input: ['web/**/*.tsx'], keySeparator: false, newCatalogStyle: 'flat', maxLength: { 'common:nav.*': 12 } });
  });

  it('refuses a mistyped option with "did you mean", at its line and column', () => {
    expect(problemOf('targetLanguages: [en]\nstrings:\n  namespace: [common]\n')).toMatchObject({ ruleId: 'config/schema', line: 3, column: 3, reason: 'strings: unknown key "namespace": did you mean `namespaces`?' });
  });

  it('refuses a wrong value with what was expected and what came, at the value', () => {
    expect(problemOf('targetLanguages: [en]\nstrings:\n  namespaces: [common]\n  keySeparator: ""\n')).toMatchObject({ line: 4, column: 17, reason: 'strings.keySeparator: expected a non-empty string or false, got ""' });
    expect(problemOf('targetLanguages: [en]\nstrings:\n  namespaces: [common]\n  defaultNamespace: other\n')).toMatchObject({ line: 4, column: 21, reason: 'strings.defaultNamespace: expected one of the namespaces (common), got "other"' });
    expect(problemOf('targetLanguages: [en]\nstrings:\n  input: ["src/**", "../site/**"]\n')).toMatchObject({ line: 3, column: 21 });
    expect(problemOf('targetLanguages: [en]\nstrings:\n  newCatalogIndent: 9\n')).toMatchObject({ line: 3, column: 21, reason: 'strings.newCatalogIndent: expected a number from 0 to 8, got 9' });
    expect(problemOf('targetLanguages: [en]\nstrings:\n  maxLength: {"common:share": 0}\n')).toMatchObject({ line: 3, column: 31, reason: 'strings.maxLength.common:share: expected a number of at least 1, got 0' });
  });

  it('refuses translated catalogs outside the language\'s output folder, where the build writes', () => {
    expect(problemOf('targetLanguages: [en]\nstrings:\n  output: "public/locales/{lng}/{ns}.json"\n')).toMatchObject({
      line: 3,
      column: 11,
      reason: 'strings.output: expected a path in output/{lng}/ with {ns} (the build writes each language\'s files there), got "public/locales/{lng}/{ns}.json"',
    });
    expect(problemOf('targetLanguages: [en]\nstrings:\n  output: "output/{lng}/{lng}-{ns}.json"\n')).toMatchObject({ line: 3, column: 11 });
    expect(parseConfig('targetLanguages: [en]\nstrings:\n  output: "output/{lng}/i18n/{ns}.json"\n', FILE, KNOWN).strings?.options.output).toBe('output/{lng}/i18n/{ns}.json');
  });
});
