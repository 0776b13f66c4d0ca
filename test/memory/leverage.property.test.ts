import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLeverage, FUZZY_THRESHOLD, scanLeverage } from '../../pipeline/memory/leverage.js';
import { normalize } from '../../pipeline/memory/merge.js';
import type { Memory, MemoryEntry } from '../../pipeline/memory/types.js';
import { boundedDistance, maxDistanceWithin, similarityOfWords } from '../../pipeline/similarity.js';

/**
 * Words from a small vocabulary, so random sentences share words and near-duplicates are common;
 * with case variants, composed and decomposed umlauts, a sharp s, a dotted capital I, punctuation
 * that `words` drops, and white space of several kinds.
 */
const WORDS = ['der', 'Der', 'Kreml', 'kreml', 'Peking', 'und', 'Ärger', 'A\u0308rger', 'Straße', 'STRASSE', 'İstanbul', 'Putin', 'Kim', 'sagte', '80.', 'Jahrestag', 'Bündnis', 'a', 'b', 'c', '…', '„', '“', '-', '日本'];
const word = fc.constantFrom(...WORDS);
const gap = fc.constantFrom(' ', ' ', ' ', '\u00a0', ', ', '\t');
const sentence = fc.array(fc.tuple(word, gap), { minLength: 0, maxLength: 9 }).map((parts) => parts.map(([w, g]) => w + g).join('').trim() + (parts.length > 0 ? '.' : ''));

/** A sentence changed the way corrections change them: one word replaced, dropped or added. */
const variant = (base: string): fc.Arbitrary<string> =>
  fc.tuple(fc.nat(), word, fc.constantFrom('replace', 'drop', 'add', 'punctuation', 'case')).map(([at, w, how]) => {
    const parts = base.split(' ');
    const i = parts.length === 0 ? 0 : at % parts.length;
    if (how === 'replace') parts[i] = w;
    else if (how === 'drop') parts.splice(i, 1);
    else if (how === 'add') parts.splice(i, 0, w);
    else if (how === 'punctuation') return base.replace(/\.$/u, '!');
    else return base.toUpperCase();
    return parts.join(' ');
  });

/** A pool of sentences with near-duplicates of some of them, the empty text and a lone word. */
const pool = fc
  .array(sentence, { minLength: 1, maxLength: 12 })
  .chain((bases) => fc.tuple(fc.constant(bases), fc.array(fc.constantFrom(...bases).chain(variant), { maxLength: 12 })))
  .map(([bases, variants]) => [...bases, ...variants, '', 'Kreml', '…']);

const ORIGINS = ['project', 'Trados', 'memoQ'];
const STATES = ['translated', 'reviewed', 'final', 'imported', 'odd'];

/** A memory over the pool as the project stores one: sorted, a pair sometimes twice (as a hand-made TMX file may have it). */
const memoryAndQueries = pool.chain((sentences) =>
  fc.tuple(
    fc.array(
      fc.record({
        source: fc.constantFrom(...sentences),
        target: fc.constantFrom('A', 'B', 'C', 'Ä', ''),
        origin: fc.constantFrom(...ORIGINS),
        state: fc.constantFrom(...STATES),
      }),
      { maxLength: 40 },
    ),
    fc.array(fc.oneof(fc.constantFrom(...sentences), fc.constantFrom(...sentences).chain(variant), sentence), { minLength: 1, maxLength: 10 }),
  ),
);

const memoryOf = (entries: readonly MemoryEntry[]): Memory => ({ sourceLanguage: 'de', targetLanguage: 'en', entries: normalize(entries) });

describe('indexed fuzzy lookup', () => {
  it('offers exactly what scoring every entry offers, in the same order', () => {
    fc.assert(
      fc.property(memoryAndQueries, ([entries, queries]) => {
        const memory = memoryOf(entries);
        const indexed = createLeverage(memory);
        const scanned = scanLeverage(memory);
        for (const q of queries) expect(indexed(q)).toEqual(scanned(q));
      }),
      { numRuns: 400 },
    );
  });

  it('finds every match at any threshold, not only the first three', () => {
    fc.assert(
      fc.property(memoryAndQueries, fc.constantFrom(1, 34, 50, 66.7, 75, 80, 99.5, 100), ([entries, queries], threshold) => {
        const memory = memoryOf(entries);
        const indexed = createLeverage(memory, { threshold, limit: Infinity });
        const scanned = scanLeverage(memory, { threshold, limit: Infinity });
        for (const q of queries) expect(indexed(q)).toEqual(scanned(q));
      }),
      { numRuns: 400 },
    );
  });

  it('matches a one-word change among a thousand sentences and nothing unrelated', () => {
    const sentences = Array.from({ length: 1000 }, (_, i) => `Meldung ${i} über den Kreml und Peking am Tag ${i % 7} mit Wert ${i * 13}.`);
    const memory = memoryOf(sentences.map((source, i) => ({ source, target: `T${i}`, origin: 'project', state: 'translated' })));
    const find = createLeverage(memory);
    const changed = 'Meldung 500 über den Kreml und Moskau am Tag 3 mit Wert 6500.';
    expect(find(changed)).toEqual(scanLeverage(memory)(changed));
    expect(find(changed)[0]).toMatchObject({ source: sentences[500], quality: 92 });
    expect(find('Etwas ganz anderes.')).toEqual([]);
    expect(FUZZY_THRESHOLD).toBe(75);
  });
});

describe('bounded word distance', () => {
  const tokens = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 12 });
  /** Plain Levenshtein distance, the textbook way. */
  const full = (a: readonly number[], b: readonly number[]): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const row = [i];
      for (let j = 1; j <= b.length; j += 1) row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
      prev = row;
    }
    return prev[b.length] as number;
  };

  it('is the distance when it is at most the bound, and bound + 1 otherwise', () => {
    fc.assert(
      fc.property(tokens, tokens, fc.integer({ min: 0, max: 14 }), (a, b, max) => {
        const d = full(a, b);
        expect(boundedDistance(Int32Array.from(a), Int32Array.from(b), max)).toBe(d <= max ? d : max + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('allows exactly the distances whose similarity reaches the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.constantFrom(1, 50, 66.7, 75, 99.5, 100), (longest, percent) => {
        const max = maxDistanceWithin(longest, percent);
        const a = Array.from({ length: longest }, (_, i) => `w${i}`);
        for (let d = 0; d <= longest; d += 1) {
          const b = a.map((w, i) => (i < d ? `x${i}` : w));
          expect(d <= max).toBe(similarityOfWords(a, b) * 100 >= percent);
        }
      }),
    );
  });
});
