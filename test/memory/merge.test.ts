import { describe, expect, it } from 'vitest';
import { addEntries, entryRank, replaceProjectEntries } from '../../pipeline/memory/merge.js';
import type { Memory, MemoryEntry } from '../../pipeline/memory/types.js';

const entry = (source: string, target: string, origin = 'project', state = 'translated'): MemoryEntry => ({ source, target, origin, state });
const memoryOf = (entries: MemoryEntry[]): Memory => ({ sourceLanguage: 'de', targetLanguage: 'en', entries });
const pairs = (memory: Memory): string[] => memory.entries.map((e) => `${e.source} → ${e.target} (${e.origin})`);

describe('ranking entries', () => {
  it("puts the project's own work first, then the more advanced state, unknown states with imported ones", () => {
    expect(entryRank(entry('a', 'b', 'project', 'translated'))).toBeGreaterThan(entryRank(entry('a', 'b', 'Trados', 'final')));
    expect(entryRank(entry('a', 'b', 'project', 'final'))).toBeGreaterThan(entryRank(entry('a', 'b', 'project', 'reviewed')));
    expect(entryRank(entry('a', 'b', 'Trados', 'whatever'))).toBe(entryRank(entry('a', 'b', 'Trados', 'imported')));
  });

  it('keeps one entry per pair, the stronger one', () => {
    const { memory, added } = addEntries(memoryOf([entry('Ja.', 'Yes.', 'Trados', 'imported')]), [entry('Ja.', 'Yes.', 'project', 'reviewed')]);
    expect(added).toBe(0);
    expect(memory.entries).toEqual([entry('Ja.', 'Yes.', 'project', 'reviewed')]);
  });
});

describe("the project's current files win", () => {
  it('drops an older project translation of a sentence the files now translate differently', () => {
    const old = memoryOf([entry('Der Kreml schweigt.', 'The Kreml is silent.'), entry('Ja.', 'Yes.')]);
    const updated = replaceProjectEntries(old, [entry('Der Kreml schweigt.', 'The Kremlin is silent.')]);
    expect(pairs(updated)).toEqual(['Der Kreml schweigt. → The Kremlin is silent. (project)', 'Ja. → Yes. (project)']);
  });

  it('never drops an imported translation', () => {
    const old = memoryOf([entry('Ja.', 'Yeah.', 'memoQ', 'imported')]);
    expect(pairs(replaceProjectEntries(old, [entry('Ja.', 'Yes.')]))).toEqual(['Ja. → Yeah. (memoQ)', 'Ja. → Yes. (project)']);
  });

  it('keeps both translations when current files translate one sentence two ways', () => {
    const updated = replaceProjectEntries(memoryOf([entry('Ja.', 'Yes.')]), [entry('Ja.', 'Yes.'), entry('Ja.', 'Indeed.')]);
    expect(pairs(updated)).toEqual(['Ja. → Indeed. (project)', 'Ja. → Yes. (project)']);
  });
});
