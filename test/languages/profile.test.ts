/**
 * Languages as data: the bundled language files, their schema with file, line and column, the
 * fallback for a language without a file, and a project that adds Italian with one file and one
 * config line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bundledProfiles, LanguageRegistry, parseLanguageProfile } from '../../pipeline/languages/index.js';
import { InputError } from '../../pipeline/model.js';
import { tempProject, type TempProject } from '../helpers/project.js';

function problemOf(text: string) {
  try {
    parseLanguageProfile(text, 'languages/xx.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).detail;
  }
  throw new Error('expected the language file to be refused');
}

describe('the bundled language files', () => {
  it('describe German, English, French and Spanish', () => {
    expect(bundledProfiles().map((p) => p.code).sort()).toEqual(['de', 'en', 'es', 'fr']);
  });

  it('carry what the checks used to hard-code: quotes, number forms, spacing, length, doubled words, inverted marks', () => {
    const languages = new LanguageRegistry();
    const fr = languages.get('fr');
    expect(fr.quotes).toEqual({ pairs: [['«', '»'], ['“', '”']], spaceInside: true });
    expect(fr.numbers).toMatchObject({ decimal: ',', thousands: '\u00A0\u202F', fourDigits: 'either', dateFormat: '{d} {month}[ {yyyy}]', firstDay: '1er' });
    expect(fr.spaceBeforePunctuation).toEqual({ marks: ':;!?', spaces: '\u00A0\u202F' });
    expect(fr.doubledWords).toEqual(['nous', 'vous']);
    expect(languages.get('en').lengthRatio).toBe(0.9);
    expect([...languages.get('es').invertedMarks]).toEqual([['?', '¿'], ['!', '¡']]);
    expect(languages.get('de').numbers?.months[2]).toContain('März');
  });
});

describe('a language without a file', () => {
  it('gets the fallback: no conventions to check, neutral values', () => {
    const it = new LanguageRegistry().get('it');
    expect(it).toMatchObject({ code: 'it', file: 'fallback', quotes: undefined, numbers: undefined, spaceBeforePunctuation: undefined, lengthRatio: 1 });
  });

  it('a regional code uses its primary language\'s file', () => {
    expect(new LanguageRegistry().get('fr-CA').code).toBe('fr');
  });
});

describe('the schema of a language file', () => {
  it('accepts a minimal file', () => {
    expect(parseLanguageProfile('language: it\n', 'it.yaml')).toMatchObject({ code: 'it', name: 'it', quotes: undefined });
  });

  it('refuses an unknown key with its line and column and a suggestion', () => {
    expect(problemOf('language: it\nquotez:\n  pairs: [["«", "»"]]\n')).toMatchObject({
      ruleId: 'language/schema',
      file: 'languages/xx.yaml',
      line: 2,
      column: 1,
      reason: 'unknown key "quotez": did you mean `quotes`?',
    });
  });

  it('refuses wrong values: a length ratio out of range, a quotation mark of two characters, a pattern that is no regular expression', () => {
    expect(problemOf('language: it\nlengthRatio: 0\n')).toMatchObject({ line: 2, column: 14, reason: 'lengthRatio: expected a number from 0.1 to 10, got 0' });
    expect(problemOf('language: it\nquotes:\n  pairs: [["<<", ">>"]]\n').reason).toBe('quotes.pairs[0][0]: expected one quotation mark, got "<<" (and 1 more problem(s))');
    expect(problemOf('language: it\ninflection:\n  words:\n    - { when: "(", endings: [i] }\n')).toMatchObject({ line: 4, ruleId: 'language/schema' });
  });

  it('requires the language code', () => {
    expect(problemOf('name: Italian\n').reason).toBe('language: this key is required (the code the file is for)');
  });

  it('reports YAML syntax errors', () => {
    expect(problemOf('language: [it\n').ruleId).toBe('language/syntax');
  });
});

describe('adding Italian: one language file and one config line', () => {
  let project: TempProject | undefined;
  afterEach(() => {
    project?.remove();
    project = undefined;
  });

  /** Extracts; returns the fresh XLIFF file of the article. */
  async function extracted(): Promise<string> {
    expect((await project!.run(['extract'])).code).toBe(0);
    return project!.read('translations/it/preise.xlf');
  }

  /** Gives the fresh XLIFF file the targets, and returns the quotes and numbers findings of `check`. */
  async function findings(fresh: string, targets: readonly string[]): Promise<string[]> {
    let n = 0;
    project!.write('translations/it/preise.xlf', fresh.replace(/<\/source>/gu, () => `</source><target state="translated">${targets[n++] ?? ''}</target>`));
    const result = await project!.run(['check', '--format', 'json']);
    const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; reason: string; expected?: string }> }>;
    return report!.messages.filter((m) => m.ruleId === 'qa/quotes' || m.ruleId === 'qa/numbers').map((m) => `${m.ruleId}: ${m.reason}${m.expected === undefined ? '' : ` (expected ${m.expected})`}`);
  }

  const ITALIAN = ['Prezzi per l’anniversario', 'Il prezzo per l’80º anniversario era di 1.500,5 euro.', 'Disse «Ciao» a tutti.'];
  const ENGLISH_STYLE = ['Prezzi per l’anniversario', 'Il prezzo per l’80th anniversario era di 1,500.5 euro.', 'Disse “Ciao” a tutti.'];

  it('checks quotation marks and numbers the Italian way', async () => {
    project = tempProject({ fixture: 'italiano' });
    const fresh = await extracted();
    expect(await findings(fresh, ITALIAN)).toEqual([]);
    expect(await findings(fresh, ENGLISH_STYLE)).toEqual([
      'qa/numbers: the ordinal number 80. is not written the it way (expected 80º)',
      'qa/numbers: the number 1.500,5 is not written the it way (expected 1500,5)',
      'qa/quotes: an outer quotation opens with “; this language uses «…» outside and “ only inside (expected «)',
    ]);
  });

  it('without the file, the same targets pass the quotes and number-form checks (no Italian conventions known), with a notice saying so', async () => {
    project = tempProject({ fixture: 'italiano' });
    project.write('languages/it.yaml', '# removed\nlanguage: xx\n');
    expect(await findings(await extracted(), ENGLISH_STYLE)).toEqual([]);
    const checked = await project.run(['check']);
    expect(checked.stderr).toContain('no language file for "it": quotation marks, number forms and spacing are not checked, other checks use neutral values [language/no-profile]');
  });
});
