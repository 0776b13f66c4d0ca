import { describe, expect, it } from 'vitest';
import { contextNotes, glossaryNote, markableTerms } from '../../pipeline/xliff/notes.js';
import { makeDocument } from '../helpers/document.js';

describe('notes', () => {
  it('gives previous and next sentences on one line each', () => {
    expect(contextNotes('Vorher\nzwei Zeilen.', undefined)).toEqual(['previous: Vorher zwei Zeilen.']);
    expect(contextNotes(undefined, 'Danach.')).toEqual(['next: Danach.']);
  });

  it('lists each term once with its targets for the language, dnt and missing targets said in words', () => {
    const doc = makeDocument([['paragraph', ['Peking, Peking und Kim in Moskau.']]], {
      terms: [
        { text: 'Peking', targets: { en: ['Beijing', 'Peking'], 'en-GB': ['Beijing'] } },
        { text: 'Kim', term: 'Kim Jong-un', dnt: true },
        { text: 'Moskau', targets: { fr: ['Moscou'] } },
      ],
    });
    const segment = doc.blocks[0]!.segments[0]!;
    expect(glossaryNote(segment, 'en')).toBe('Peking → Beijing / Peking; Kim Jong-un → do not translate; Moskau → (no approved target)');
    expect(glossaryNote(segment, 'en-GB')).toBe('Peking → Beijing; Kim Jong-un → do not translate; Moskau → (no approved target)');
    expect(glossaryNote(segment, 'fr-CA')).toContain('Moskau → Moscou');
  });

  it('marks only terms that can nest as elements: no overlaps, nothing outside the text', () => {
    const doc = makeDocument([['paragraph', ['Xi Jinping traf Kim.']]]);
    const segment = doc.blocks[0]!.segments[0]!;
    segment.spans = [
      { kind: 'term', start: 0, end: 10, term: 'Xi Jinping' },
      { kind: 'term', start: 0, end: 2, term: 'Xi' },
      { kind: 'term', start: 3, end: 10, term: 'Jinping' },
      { kind: 'term', start: 16, end: 40, term: 'kaputt' },
    ];
    expect(markableTerms(segment).map((s) => s.term)).toEqual(['Xi Jinping']);
    expect(glossaryNote(segment, 'en')).toBe('Xi Jinping → (no approved target); Xi → (no approved target); Jinping → (no approved target); kaputt → (no approved target)');
  });
});
