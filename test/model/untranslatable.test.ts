/**
 * Which sentences have nothing to translate into a language: only do-not-translate terms, names
 * whose approved translation is themselves, plain numbers, URLs, e-mail addresses and punctuation.
 * Those are exported locked with the source as their translation, and count as done.
 */
import { describe, expect, it } from 'vitest';
import { nothingToTranslate } from '../../pipeline/model.js';
import type { Span } from '../../pipeline/model.js';

/** A sentence with glossary spans found by their text. */
function sentence(text: string, terms: Array<{ text: string; dnt?: boolean; targets?: Record<string, string[]> }> = []): { text: string; spans: Span[] } {
  const spans = terms.map((t): Span => {
    const start = text.indexOf(t.text);
    return { kind: 'term', start, end: start + t.text.length, term: t.text, ...(t.dnt === undefined ? {} : { dnt: t.dnt }), ...(t.targets === undefined ? {} : { targets: t.targets }) };
  });
  return { text, spans };
}

describe('nothingToTranslate', () => {
  it('holds for a credit of do-not-translate names ("Expansion", "dpa/AFP")', () => {
    expect(nothingToTranslate(sentence('Expansion', [{ text: 'Expansion', dnt: true }]), 'en')).toBe(true);
    expect(nothingToTranslate(sentence('dpa/AFP', [{ text: 'dpa', dnt: true }, { text: 'AFP', dnt: true }]), 'fr')).toBe(true);
  });

  it('holds for a name whose approved translation in that language is itself, and only in that language', () => {
    const kursk = sentence('Kursk', [{ text: 'Kursk', targets: { en: ['Kursk'], fr: ['Koursk'] } }]);
    expect(nothingToTranslate(kursk, 'en')).toBe(true);
    expect(nothingToTranslate(kursk, 'fr')).toBe(false);
  });

  it('holds for plain numbers, URLs, e-mail addresses and punctuation', () => {
    expect(nothingToTranslate(sentence('2025'), 'en')).toBe(true);
    expect(nothingToTranslate(sentence('– 3 –'), 'en')).toBe(true);
    expect(nothingToTranslate(sentence('https://www.example.org/artikel?id=7'), 'en')).toBe(true);
    expect(nothingToTranslate(sentence('(redaktion@example.org)'), 'es')).toBe(true);
    expect(nothingToTranslate(sentence('Kim – https://example.org', [{ text: 'Kim', dnt: true }]), 'en')).toBe(true);
  });

  it('does not hold for words, for numbers that languages write differently, or for an empty sentence', () => {
    expect(nothingToTranslate(sentence('Der Kreml schwieg.'), 'en')).toBe(false);
    expect(nothingToTranslate(sentence('Kim sprach.', [{ text: 'Kim', dnt: true }]), 'en')).toBe(false);
    expect(nothingToTranslate(sentence('Peking', [{ text: 'Peking', targets: { en: ['Beijing'] } }]), 'en')).toBe(false);
    expect(nothingToTranslate(sentence('1.000'), 'en')).toBe(false);
    expect(nothingToTranslate(sentence('3,5'), 'en')).toBe(false);
    expect(nothingToTranslate(sentence('9.30'), 'fr')).toBe(false);
    expect(nothingToTranslate(sentence('80.'), 'es')).toBe(false);
    expect(nothingToTranslate(sentence(''), 'en')).toBe(false);
    expect(nothingToTranslate(sentence('  '), 'en')).toBe(false);
  });
});
