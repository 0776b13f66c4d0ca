/**
 * Translation memory benchmark, in one process: a memory of the sentences of a generated archive
 * (`archive.ts`, 1,000 articles), learned file by file as extract learns it, then looked up with
 * sentences a newsroom sends: corrections of archived sentences (one word changed) and new ones.
 * Lookups run through the word index and, for a tenth of them, through the full scan it replaces:
 * both must give the same matches, and the time per lookup of each is compared on the same
 * sentences at the same moment. Times are CPU times of this process (`process.cpuUsage`), which a
 * busy machine inflates far less than wall time.
 */
import { createLeverage, FUZZY_THRESHOLD, leverageFrom, scanLeverage } from '../memory/leverage.js';
import type { MemoryEntry } from '../memory/types.js';
import { SentenceIndex } from '../memory/sentence-index.js';
import { WorkingMemory } from '../memory/working.js';
import { generateArchive, pseudoTranslator } from './archive.js';
import { seededRandom } from './random.js';

const ARTICLES = 1000;
const LOOKUPS = 400;
/** Lookups also made by the full scan (a scan of the whole memory per sentence is slow). */
const SCANNED = 40;

/** CPU milliseconds spent by `run`. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The sentences of an article, as the segmenter would roughly cut them (enough for a memory). */
const sentencesOf = (text: string): string[] => text.split('\n').flatMap((line) => line.split(/(?<=[.?!“])\s+(?=[A-ZÄÖÜ„])/u)).filter((s) => s.trim() !== '');

/** Runs the benchmark and reports through `log`. */
export function runMemoryBench(log: (line: string) => void): void {
  const translate = pseudoTranslator('en');
  // The last articles are held out: their sentences are the new ones looked up.
  const articles = generateArchive(ARTICLES + 40);
  const files = articles.slice(0, ARTICLES).map((a) =>
    sentencesOf(a.text).map((source): MemoryEntry => ({ source, target: translate(source), origin: 'project', state: 'translated' })),
  );
  const working = new WorkingMemory({ sourceLanguage: 'de', targetLanguage: 'en', entries: [] }, new SentenceIndex(FUZZY_THRESHOLD));
  const learnMs = cpuMs(() => {
    for (const file of files) working.learn(file);
  });
  let memory = working.toMemory();
  const sortMs = cpuMs(() => {
    memory = working.toMemory();
  });
  log(`memory: ${memory.entries.length.toLocaleString('en-US')} pairs from ${ARTICLES} articles; learned file by file in ${learnMs.toFixed(0)} ms CPU, sorted for saving in ${sortMs.toFixed(0)} ms`);

  const random = seededRandom(11);
  const archived = memory.entries.map((e) => e.source);
  const queries: string[] = [];
  const fresh = articles.slice(ARTICLES).flatMap((a) => sentencesOf(a.text));
  for (let i = 0; i < LOOKUPS; i += 1) {
    if (i % 2 === 0) {
      // A correction: one word of an archived sentence replaced.
      const words = (archived[Math.floor(random() * archived.length)] as string).split(' ');
      words[Math.floor(random() * words.length)] = 'Korrekturwort';
      queries.push(words.join(' '));
    } else queries.push(fresh[i % fresh.length] as string);
  }

  const index = working.index;
  const indexBuildMs = cpuMs(() => leverageFrom(index, queries[0] as string));
  const fromIndex = queries.map((q) => leverageFrom(index, q));
  const indexMs = cpuMs(() => {
    for (const q of queries) leverageFrom(index, q);
  });
  const scanned = queries.slice(0, SCANNED);
  const scan = scanLeverage(memory);
  let fromScan: unknown[] = [];
  const scanMs = cpuMs(() => {
    fromScan = scanned.map((q) => scan(q));
  });
  // The index of a whole memory (createLeverage) must agree too, not only the learned one.
  const indexed = createLeverage(memory);
  const same = scanned.every((q, i) => JSON.stringify(fromScan[i]) === JSON.stringify(fromIndex[i]) && JSON.stringify(indexed(q)) === JSON.stringify(fromIndex[i]));
  const matched = fromIndex.filter((m) => m.length > 0).length;
  const perIndex = (indexMs * 1000) / LOOKUPS;
  const perScan = (scanMs * 1000) / SCANNED;
  log(`word index built on the first lookup: ${indexBuildMs.toFixed(0)} ms CPU`);
  log(`${LOOKUPS} lookups, half corrections of archived sentences and half new (${matched} with a match): ${perIndex.toFixed(0)} µs each through the index`);
  log(`full scan, first ${SCANNED} of them: ${(perScan / 1000).toFixed(1)} ms each; the index is ${(perScan / perIndex).toFixed(0)}x faster; same matches: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}
