/**
 * Forbidden renderings in translations (test/fixtures/terms/classes/*\/12-forbidden.tsv): sentences
 * labelled before the matching was changed, in a tuning part and a held-out part. A forbidden form
 * is found with word boundaries; case is ignored except for all-capital abbreviations, which match
 * only in capitals ("usa" is a Spanish verb, "USA" the forbidden rendering).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containsExactly } from '../../pipeline/qa/target-terms.js';

const CLASSES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/terms/classes');

function rows(part: string): { language: string; form: string; hit: boolean; text: string }[] {
  return readFileSync(path.join(CLASSES, part, '12-forbidden.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [language = '', form = '', verdict = '', text = ''] = line.split('\t');
      return { language, form, hit: verdict === 'hit', text };
    });
}

describe('forbidden renderings in translations', () => {
  for (const part of ['tuning', 'heldout']) {
    it(`${part}: finds every labelled use and nothing else`, () => {
      const wrong = rows(part).filter((row) => containsExactly(row.text, row.form, { ignoreCase: true }) !== row.hit);
      expect(wrong).toEqual([]);
    });
  }

  it('finds an all-capital abbreviation only in capitals', () => {
    expect(containsExactly('El Gobierno usa todos los medios.', 'USA', { ignoreCase: true })).toBe(false);
    expect(containsExactly('Usa la cabeza.', 'USA', { ignoreCase: true })).toBe(false);
    expect(containsExactly('La visita a los USA fue cancelada.', 'USA', { ignoreCase: true })).toBe(true);
  });

  it('still ignores case for names', () => {
    expect(containsExactly('PUTIN ET KIM À PÉKIN', 'Putin', { ignoreCase: true })).toBe(true);
  });
});
