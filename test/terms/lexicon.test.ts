import { describe, expect, it } from 'vitest';
import { nounLexicon } from '../../pipeline/terms/lexicon.js';

describe('nounLexicon', () => {
  const lexicon = nounLexicon();

  it('gives the case forms of a noun, singular and plural, and its gender', () => {
    expect(lexicon.lookup('Haus')).toMatchObject({ lemma: 'Haus', gender: 'n', plural: ['Häuser', 'Häuser', 'Häusern', 'Häuser'] });
    expect(lexicon.lookup('Partei')?.plural).toContain('Parteien');
    expect(lexicon.lookup('Qwertzuiop')).toBeUndefined();
  });

  it('gives a compound the forms of its last part, with the first part in front', () => {
    expect(lexicon.lookupHead('Bundesregierung')?.plural).toContain('Bundesregierungen');
    expect(lexicon.lookupHead('Kreml-Chef')?.singular).toContain('Kreml-Chefs');
    expect(lexicon.lookupHead('Xyz')).toBeUndefined();
  });

  it('tells nouns, inflected or compound, from names and other words', () => {
    expect(lexicon.isNoun('US-Hauptstadt')).toBe(true);
    expect(lexicon.isNoun('Schauspielers')).toBe(true);
    expect(lexicon.isNoun('George')).toBe(false);
    expect(lexicon.isNoun('schnell')).toBe(false);
  });

  it('knows a word that is the plural of a noun, as "Polen" is of "Pole"', () => {
    expect(lexicon.isPluralOfNoun('Polen')).toBe(true);
    expect(lexicon.isPluralOfNoun('Berlin')).toBe(false);
  });
});
