/**
 * The source sentences of a run's memories with an inverted index of their words, for fuzzy
 * lookups. One index serves every language of a run (the same sentences are translated into each),
 * so words are split and indexed once per sentence, not once per language. Sentences are added at
 * any time (a memory learns during a run); their words are indexed on the next lookup, so a run
 * that never looks anything up never pays for it.
 *
 * A lookup returns exactly the sentences that scoring all of them would (`scanLeverage` in
 * leverage.ts is that reference, and a property test compares both): a sentence is scored only
 * when it shares a word with the rarest words of the one looked up, has a length that can still
 * reach the threshold and shares enough words; each of these filters is a necessary condition of
 * the threshold (see `similar`), so none drops a match. The edit distance itself stops once the
 * threshold is out of reach.
 */
import { boundedDistance, maxDistanceWithin, words } from '../similarity.js';

/** Word ids of a sentence; a word the index has never seen gets `UNKNOWN`, which matches nothing. */
const UNKNOWN = -1;

/** A sentence similar to the one looked up: its number and the match quality (`matchQuality`). */
export interface SimilarSentence {
  readonly id: number;
  readonly quality: number;
}

export class SentenceIndex {
  /** Source sentence → its number, for good: a number never changes or returns to another sentence. */
  private readonly ids = new Map<string, number>();
  private readonly sources: string[] = [];
  /** Word ids per sentence number, for the sentences indexed so far (`indexed` of them). */
  private readonly tokens: Int32Array[] = [];
  private indexed = 0;
  private readonly vocabulary = new Map<string, number>();
  /** Sentence numbers per word id (a sentence once per distinct word). */
  private readonly postings: number[][] = [];
  /** Per sentence number, the lookup that last visited it (so a candidate is scored once). */
  private visited = new Int32Array(64);
  private lookups = 0;
  /** Per word id, how often the sentence being looked up still has it (scratch of `sharedWords`). */
  private wanted = new Int32Array(64);
  /** The largest distance per length, for the threshold. */
  private readonly maxDistance: number[] = [];

  /**
   * @param threshold lowest similarity, in percent (0 < threshold ≤ 100), of a fuzzy match.
   */
  constructor(readonly threshold: number) {
    if (!(threshold > 0 && threshold <= 100)) throw new RangeError(`SentenceIndex: expected a threshold in (0, 100], got ${threshold}`);
  }

  /** The number of a sentence, given on first sight. */
  idOf(source: string): number {
    let id = this.ids.get(source);
    if (id === undefined) {
      id = this.sources.length;
      this.ids.set(source, id);
      this.sources.push(source);
    }
    return id;
  }

  /** The number of a sentence already seen. */
  find(source: string): number | undefined {
    return this.ids.get(source);
  }

  /** The index's own copy of a sentence it has seen (equal to `source`), else `source` itself. */
  stored(source: string): string {
    const id = this.ids.get(source);
    return id === undefined ? source : (this.sources[id] as string);
  }

  /** How many sentences have a number. */
  get count(): number {
    return this.sources.length;
  }

  /**
   * Every sentence other than `source` that `accept` takes (a memory takes those it has entries
   * for) and that is at least `threshold` percent similar to it (`similarityOfWords`), with its
   * match quality, in no particular order.
   *
   * Why nothing is missed: for sentences of m and n words (L the larger) at word distance d, an
   * alignment keeps at least L − d words in place, so they share at least L − d words (counted
   * with repeats). A match has d ≤ D(L), the largest distance the threshold allows at that length,
   * so it shares at least t(n) = L − D(L) words, and t ≥ tMin, the smallest t over the lengths n
   * that can reach the threshold at all. At most m − tMin of the sentence's words lie outside the
   * shared ones, so any m − tMin + 1 of its words include a shared one: a match is always in the
   * postings of those words. The rarest words are taken, for the shortest postings.
   */
  similar(source: string, accept: (id: number) => boolean): SimilarSentence[] {
    this.catchUp();
    const query = this.tokenize(source, false);
    const m = query.length;
    if (m === 0) return [];
    // tMin, over the lengths that the length bound and the distance bound both allow.
    let tMin = Infinity;
    // Past 100·m / threshold words, the length bound fails.
    for (let n = 1; n <= Math.floor((100 * m) / this.threshold) + 1; n += 1) {
      const longest = Math.max(m, n);
      const maxD = this.maxDistanceAt(longest);
      if (!this.lengthCanReach(m, n) || maxD < Math.abs(m - n)) continue;
      tMin = Math.min(tMin, longest - maxD);
    }
    if (tMin === Infinity) return [];
    const probes = Math.min(m, m - tMin + 1);
    const order = Array.from(query.keys()).sort((x, y) => this.frequency(query[x] as number) - this.frequency(query[y] as number));
    this.lookups += 1;
    if (this.lookups === 0x7fffffff) {
      this.visited.fill(0);
      this.lookups = 1;
    }
    this.want(query, 1);
    const self = this.ids.get(source);
    const out: SimilarSentence[] = [];
    try {
      const probed = new Set<number>();
      for (const position of order.slice(0, probes)) {
        const word = query[position] as number;
        if (word === UNKNOWN || probed.has(word)) continue;
        probed.add(word);
        for (const id of this.postings[word] as number[]) {
          if (this.visited[id] === this.lookups) continue;
          this.visited[id] = this.lookups;
          if (id === self || !accept(id)) continue;
          const candidate = this.tokens[id] as Int32Array;
          const n = candidate.length;
          const longest = Math.max(m, n);
          if (!this.lengthCanReach(m, n)) continue;
          const maxD = this.maxDistanceAt(longest);
          if (maxD < Math.abs(m - n) || this.sharedWords(candidate) < longest - maxD) continue;
          const d = boundedDistance(query, candidate, maxD);
          if (d > maxD) continue;
          const similarity = 1 - d / longest;
          if (similarity * 100 < this.threshold) continue;
          const quality = Math.min(99, Math.round(similarity * 100));
          // A whole percentage below 100 (`matchQuality`) can fall under a threshold the similarity met.
          if (quality < this.threshold) continue;
          out.push({ id, quality });
        }
      }
    } finally {
      this.want(query, -1);
    }
    return out;
  }

  /** The length bound of a full scan, as it is written there: the length difference alone caps the similarity. */
  private lengthCanReach(m: number, n: number): boolean {
    const longest = Math.max(m, n);
    return longest > 0 && (longest - Math.abs(m - n)) * 100 >= this.threshold * longest;
  }

  private maxDistanceAt(longest: number): number {
    let d = this.maxDistance[longest];
    if (d === undefined) {
      d = maxDistanceWithin(longest, this.threshold);
      this.maxDistance[longest] = d;
    }
    return d;
  }

  private frequency(word: number): number {
    return word === UNKNOWN ? 0 : (this.postings[word] as number[]).length;
  }

  /** Adds `delta` to the wanted count of each word of the sentence looked up. */
  private want(query: Int32Array, delta: number): void {
    for (const w of query) if (w !== UNKNOWN) this.wanted[w] = (this.wanted[w] as number) + delta;
  }

  /** How many words a candidate shares with the sentence looked up, counted with repeats. */
  private sharedWords(candidate: Int32Array): number {
    let shared = 0;
    const taken: number[] = [];
    for (const w of candidate) {
      if ((this.wanted[w] as number) > 0) {
        this.wanted[w] = (this.wanted[w] as number) - 1;
        taken.push(w);
        shared += 1;
      }
    }
    for (const w of taken) this.wanted[w] = (this.wanted[w] as number) + 1;
    return shared;
  }

  /** Indexes the words of every source added since the last lookup. */
  private catchUp(): void {
    if (this.visited.length < this.sources.length) {
      const grown = new Int32Array(Math.max(this.sources.length, this.visited.length * 2));
      grown.set(this.visited);
      this.visited = grown;
    }
    for (; this.indexed < this.sources.length; this.indexed += 1) {
      const tokens = this.tokenize(this.sources[this.indexed] as string, true);
      this.tokens.push(tokens);
      const distinct = new Set(tokens);
      for (const w of distinct) (this.postings[w] as number[]).push(this.indexed);
    }
  }

  /** A sentence's word ids (`words`), adding new words to the vocabulary when `learn` is set. */
  private tokenize(text: string, learn: boolean): Int32Array {
    const list = words(text);
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i += 1) {
      const word = list[i] as string;
      let id = this.vocabulary.get(word);
      if (id === undefined && learn) {
        id = this.postings.length;
        this.vocabulary.set(word, id);
        this.postings.push([]);
        if (this.wanted.length <= id) {
          const grown = new Int32Array(this.wanted.length * 2);
          grown.set(this.wanted);
          this.wanted = grown;
        }
      }
      out[i] = id ?? UNKNOWN;
    }
    return out;
  }
}
