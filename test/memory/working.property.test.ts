import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZY_THRESHOLD, leverageFrom, scanLeverage } from '../../pipeline/memory/leverage.js';
import { addEntries, normalize, replaceProjectEntries } from '../../pipeline/memory/merge.js';
import { writeTmx } from '../../pipeline/memory/tmx-write.js';
import type { Memory, MemoryEntry } from '../../pipeline/memory/types.js';
import { SentenceIndex } from '../../pipeline/memory/sentence-index.js';
import { WorkingMemory } from '../../pipeline/memory/working.js';

/**
 * The memory of a run rebuilt whole at every step, from the whole-memory functions of merge.ts:
 * what the working memory must equal after each file it learns or each import it adds.
 */
class RebuiltMemory {
  memory: Memory;
  private readonly learned: MemoryEntry[] = [];
  constructor(private readonly loaded: Memory) {
    this.memory = loaded;
  }
  learn(entries: readonly MemoryEntry[]): void {
    this.learned.push(...entries);
    const imported = this.memory.entries.filter((e) => e.origin !== 'project');
    this.memory = replaceProjectEntries(addEntries(this.loaded, imported).memory, this.learned);
  }
  add(entries: readonly MemoryEntry[]): number {
    const result = addEntries(this.memory, entries);
    this.memory = result.memory;
    return result.added;
  }
}

const SOURCES = ['Ja.', 'Nein.', 'Der Kreml schweigt.', 'Der Kreml schwieg.', 'Der Kreml schweigt heute.', 'Peking.', ' ', 'Ärger in Peking.'];
const TARGETS = ['Yes.', 'No.', 'The Kremlin is silent.', 'The Kreml is silent.', 'Silence.', '', 'Beijing.'];
const entry = (origins: readonly string[]): fc.Arbitrary<MemoryEntry> =>
  fc.record({
    source: fc.constantFrom(...SOURCES),
    target: fc.constantFrom(...TARGETS),
    origin: fc.constantFrom(...origins),
    state: fc.constantFrom('translated', 'reviewed', 'final', 'imported', 'unknown'),
  });
/** A memory file as loaded: sorted, a pair sometimes repeated with other properties. */
const loaded = fc.array(entry(['project', 'Trados', 'memoQ']), { maxLength: 14 }).map((entries): Memory => ({ sourceLanguage: 'de', targetLanguage: 'en', entries: normalize(entries) }));
/** What one XLIFF file teaches: the project's approved work (blank pairs included, as a file may have them). */
const file = fc.array(entry(['project']), { maxLength: 6 });
/** An imported TMX file: entries of any origin. */
const tmx = fc.array(entry(['project', 'Trados', 'memoQ', 'tmx']), { maxLength: 6 });
const queries = fc.array(fc.constantFrom(...SOURCES, 'Der Kreml schweigt morgen.', 'Ärger in Peking!'), { minLength: 1, maxLength: 4 });

describe('the working memory', () => {
  it('equals the memory rebuilt whole after every file an extract learns: entries, TMX file and lookups', () => {
    fc.assert(
      fc.property(loaded, fc.array(file, { maxLength: 6 }), queries, (memory, files, asked) => {
        const working = new WorkingMemory(memory, new SentenceIndex(FUZZY_THRESHOLD));
        const rebuilt = new RebuiltMemory(memory);
        for (const f of files) {
          working.learn(f);
          rebuilt.learn(f);
          expect(working.toMemory().entries).toEqual(rebuilt.memory.entries);
          const scan = scanLeverage(rebuilt.memory);
          for (const q of asked) expect(leverageFrom(working.index, q)).toEqual(scan(q));
        }
        expect(writeTmx(working.toMemory())).toBe(writeTmx(rebuilt.memory));
      }),
      { numRuns: 500 },
    );
  });

  it('gives each language its own memory when the languages share one sentence index', () => {
    fc.assert(
      fc.property(loaded, loaded, fc.array(fc.tuple(file, file), { maxLength: 5 }), queries, (first, second, files, asked) => {
        const sentences = new SentenceIndex(FUZZY_THRESHOLD);
        const languages = [
          { working: new WorkingMemory(first, sentences), rebuilt: new RebuiltMemory(first) },
          { working: new WorkingMemory(second, sentences), rebuilt: new RebuiltMemory(second) },
        ];
        for (const pair of files) {
          pair.forEach((f, i) => {
            const language = languages[i];
            language?.working.learn(f);
            language?.rebuilt.learn(f);
          });
          for (const { working, rebuilt } of languages) {
            expect(working.toMemory().entries).toEqual(rebuilt.memory.entries);
            const scan = scanLeverage(rebuilt.memory);
            for (const q of asked) expect(leverageFrom(working.index, q)).toEqual(scan(q));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equals the memory rebuilt whole after every import, and counts the same new pairs', () => {
    fc.assert(
      fc.property(loaded, fc.array(tmx, { maxLength: 4 }), (memory, imports) => {
        const working = new WorkingMemory(memory, new SentenceIndex(FUZZY_THRESHOLD));
        const rebuilt = new RebuiltMemory(memory);
        for (const entries of imports) {
          expect(working.add(entries)).toBe(rebuilt.add(entries));
          expect(working.toMemory().entries).toEqual(rebuilt.memory.entries);
        }
        expect(writeTmx(working.toMemory())).toBe(writeTmx(rebuilt.memory));
      }),
      { numRuns: 500 },
    );
  });

  it('gives back the loaded memory untouched, repeated pairs included, while nothing was learned', () => {
    const repeated: Memory = { sourceLanguage: 'de', targetLanguage: 'en', entries: [
      { source: 'Ja.', target: 'Yes.', origin: 'Trados', state: 'imported' },
      { source: 'Ja.', target: 'Yes.', origin: 'memoQ', state: 'imported' },
    ] };
    const working = new WorkingMemory(repeated, new SentenceIndex(FUZZY_THRESHOLD));
    expect(working.toMemory()).toBe(repeated);
    expect(working.size).toBe(2);
    working.learn([]);
    expect(working.toMemory().entries).toEqual([{ source: 'Ja.', target: 'Yes.', origin: 'memoQ', state: 'imported' }]);
  });
});
