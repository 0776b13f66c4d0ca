/**
 * Benchmark of the term matcher: a 20,000-entry glossary against a 20-entry one on the same
 * ~1 MB of German text. The automaton walks from each word start until the trie has no edge, so
 * matching time should depend on the text, hardly on the glossary size (target: 20,000 entries
 * ≤ 2× the time of 20; compiling 20,000 entries in under a second).
 *
 * Everything is generated from a seeded generator, so every run measures the same work.
 */
import { performance } from 'node:perf_hooks';
import type { Glossary, GlossaryEntry, TermKind } from '../terms/glossary.js';
import { makeEntry } from '../terms/glossary.js';
import { compileMatcher } from '../terms/matcher.js';
import { nounLexicon } from '../terms/lexicon.js';
import { seededRandom } from './random.js';
import type { TermMatcher } from '../terms/matcher.js';


const SYLLABLES = ['ba', 'ko', 'len', 'mi', 'tov', 'ra', 'schu', 'wen', 'dor', 'el', 'fa', 'gri', 'han', 'jo', 'ki', 'lu', 'mar', 'no', 'pe', 'ru', 'sa', 'ti', 'vol', 'zek', 'ber', 'stein', 'au', 'ei'];
const ADJECTIVES = ['Nationale', 'Föderale', 'Zentrale', 'Demokratische', 'Vereinigte', 'Oberste', 'Königliche', 'Europäische'];
const NOUNS = ['Behörde', 'Kommission', 'Agentur', 'Versammlung', 'Bank', 'Partei', 'Akademie', 'Stiftung'];
const TITLES = ['Minister', 'Sekretär', 'Direktor', 'Kommissar', 'Botschafter', 'Gouverneur', 'Sprecher', 'Berater'];
const FILLER = (
  'der die das und ist hat wurde nach einem einer mit für auf im am zum vom sagte erklärte betonte ' +
  'Regierung Gespräche Treffen Vertrag Bericht Woche Jahr Land Stadt Menschen Frage Ende Beginn Rolle ' +
  'heute gestern später bereits jedoch außerdem erneut gemeinsam internationalen politischen neuen ' +
  'Verhandlungen Sanktionen Wirtschaft Grenze Sicherheit Abkommen Delegation Präsident Minister'
).split(' ');

function word(random: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i += 1) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** One generated entry, by position: names, places, multiword institutions and titles. */
function generatedEntry(random: () => number, index: number): GlossaryEntry {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const kinds: readonly TermKind[] = ['person', 'person', 'place', 'institution', 'title'];
  const kind = kinds[index % kinds.length] as TermKind;
  let source: string;
  if (kind === 'person') source = `${word(random, 2)} ${word(random, 3)}`;
  else if (kind === 'place') source = word(random, 3);
  else if (kind === 'institution') source = `${pick(ADJECTIVES)} ${word(random, 2)}${pick(NOUNS).toLowerCase()}`;
  else source = `${word(random, 2).replace(/^./, (c) => c.toUpperCase())}${pick(TITLES).toLowerCase()}`;
  return makeEntry({ id: `g${index}`, source, kind, targets: { en: [source] } });
}

/** A glossary of `size` generated entries (duplicates of a source are skipped). */
export function generateGlossary(size: number, seed = 42): Glossary {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  for (let i = 0; entries.length < size; i += 1) {
    const entry = generatedEntry(random, i);
    if (seen.has(entry.source)) continue;
    seen.add(entry.source);
    entries.push(entry);
  }
  return { language: 'de', entries, files: [] };
}

/** About `bytes` characters of German-looking news text, mentioning some of the entries. */
export function generateText(bytes: number, mentions: readonly GlossaryEntry[], seed = 7): string {
  const random = seededRandom(seed);
  const sentences: string[] = [];
  let length = 0;
  while (length < bytes) {
    const words: string[] = [];
    const count = 8 + Math.floor(random() * 14);
    for (let i = 0; i < count; i += 1) {
      if (random() < 0.08 && mentions.length > 0) {
        const entry = mentions[Math.floor(random() * mentions.length)] as GlossaryEntry;
        words.push(random() < 0.3 ? `${entry.source}s` : entry.source);
      } else words.push(FILLER[Math.floor(random() * FILLER.length)] as string);
    }
    const sentence = words.join(' ');
    const text = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    sentences.push(text);
    length += text.length + 1;
  }
  return sentences.join(' ');
}

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** Rounds of the comparison, and runs of each matcher per round; the best run is reported. */
const ROUNDS = 3;
const RUNS_PER_ROUND = 5;
const RUNS = ROUNDS * RUNS_PER_ROUND;

interface Comparison {
  readonly smallMs: number;
  readonly largeMs: number;
  readonly smallMatches: number;
  readonly largeMatches: number;
}

/**
 * Matching time of both matchers on one text: the best of `RUNS` each, after a warm-up. Each
 * matcher runs in blocks of `RUNS_PER_ROUND`, so it is measured with its own tables in cache
 * (alternating run by run would evict the small matcher's tables and flatter the ratio), and
 * the blocks alternate over `ROUNDS` so a burst of load on the shared machine hits both alike.
 */
function compare(small: TermMatcher, large: TermMatcher, text: string): Comparison {
  small.match(text);
  large.match(text);
  let smallMs = Infinity;
  let largeMs = Infinity;
  let smallMatches = 0;
  let largeMatches = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < RUNS_PER_ROUND; i += 1) {
      const s = time(() => small.match(text).length);
      smallMs = Math.min(smallMs, s.ms);
      smallMatches = s.result;
    }
    for (let i = 0; i < RUNS_PER_ROUND; i += 1) {
      const l = time(() => large.match(text).length);
      largeMs = Math.min(largeMs, l.ms);
      largeMatches = l.result;
    }
  }
  return { smallMs, largeMs, smallMatches, largeMatches };
}

/** "12.3 ms, 10,172 matches (0.83 M matches/s, 1.21 µs per match)": the work behind a time. */
function describe(ms: number, matches: number): string {
  const perSecond = matches / (ms / 1000);
  const perMatch = matches > 0 ? `${((ms * 1000) / matches).toFixed(2)} µs per match` : 'no matches';
  return `${ms.toFixed(1)} ms, ${matches.toLocaleString('en-US')} matches (${(perSecond / 1e6).toFixed(2)} M matches/s, ${perMatch})`;
}

/**
 * Runs the benchmark and reports through `log`, one line at a time. Two texts: one mentioning
 * only terms both glossaries share (same output, so the ratio measures the automaton alone), and
 * one also mentioning terms only the large glossary has (it finds ~10x more matches, and
 * reporting them is work too). Each line gives both times, the ratio and the matches per second,
 * so a reader can tell the cost of a larger automaton from the cost of more output.
 */
export function runTermsBench(log: (line: string) => void): void {
  // The noun lexicon is loaded once per process, on the first compile; shown on its own line.
  const lexicon = time(() => nounLexicon().lookup('Partei'));
  log(`noun lexicon: loaded in ${lexicon.ms.toFixed(1)} ms (from its cache file once that exists; building the cache reads the 14 MB dictionary once per installed version)`);
  const large = generateGlossary(20_000);
  const small: Glossary = { ...large, entries: large.entries.slice(0, 20) };
  let smallCompile = time(() => compileMatcher(small));
  let largeCompile = time(() => compileMatcher(large));
  const firstLargeMs = largeCompile.ms;
  // Best of three as well; the first run is printed too, since a process compiles once.
  for (let i = 0; i < 2; i += 1) {
    const s = time(() => compileMatcher(small));
    const l = time(() => compileMatcher(large));
    if (s.ms < smallCompile.ms) smallCompile = s;
    if (l.ms < largeCompile.ms) largeCompile = l;
  }
  log(`compile (best of 3): 20 entries ${smallCompile.ms.toFixed(1)} ms (${smallCompile.result.formCount} forms); ` +
    `20,000 entries ${largeCompile.ms.toFixed(1)} ms, first run ${firstLargeMs.toFixed(1)} ms (${largeCompile.result.formCount} forms); target < 1000 ms: ${firstLargeMs < 1000 ? 'met' : 'missed'}`);
  const texts: ReadonlyArray<readonly [string, readonly GlossaryEntry[]]> = [
    ['shared terms only', small.entries],
    ['shared + large-only terms', [...small.entries, ...large.entries.filter((_, i) => i % 97 === 0)]],
  ];
  for (const [label, mentions] of texts) {
    const text = generateText(1_000_000, mentions);
    const r = compare(smallCompile.result, largeCompile.result, text);
    const ratio = r.largeMs / r.smallMs;
    log(`match ${(text.length / 1e6).toFixed(2)} M characters, ${label}, best of ${RUNS}:`);
    log(`  20 entries:     ${describe(r.smallMs, r.smallMatches)}`);
    log(`  20,000 entries: ${describe(r.largeMs, r.largeMatches)}`);
    log(`  ratio ${ratio.toFixed(2)}x (target ≤ 2x: ${ratio <= 2 ? 'met' : 'missed'})`);
  }
}
