/**
 * Finds glossary terms in text with one automaton over every generated form.
 *
 * Every form of every entry (see `forms.ts`) is folded (`fold.ts`) and inserted into a trie whose
 * edges live in one open-addressing hash table (compact and fast to build for 20,000 entries). The
 * text is never copied or stemmed: from each position that starts a word (or a token after a
 * space or punctuation) the trie is walked over the folded characters until it has no edge, and
 * every final node passed is a candidate, kept when
 * - the word ends there (the next character is no letter, digit or mark; a hyphen ends a word, so
 *   "Kreml-Chef" contains "Kreml" but "Kremlchef" does not), or, for `match: prefix`, extended to
 *   the end of the word;
 * - the case rule holds: `sensitive` compares the text with the form after folding only ß/ss, white
 *   space, hyphens and apostrophes, and also accepts an upper-case first letter for a form that
 *   starts lower case (sentence starts); all-capital abbreviations always compare exactly.
 *
 * Overlaps are resolved by length: the longest candidate wins; among equally long ones the
 * leftmost; at the same place the entry that comes first in the glossary. Candidates overlapping
 * an accepted one are dropped. So a listed compound ("Kreml-Chef") beats its part ("Kreml"), and
 * "Kim Jong-un" beats "Kim". The result is sorted by start offset.
 */
import type { Glossary, GlossaryEntry } from './glossary.js';
import { formsOf } from './forms.js';
import { SPACE, WORD, caseKey, characterClasses, classAt, foldForMatch, foldTables, isWordAt } from './fold.js';

/** One occurrence of a term. Offsets are UTF-16 code units into the matched text, end exclusive. */
export interface TermMatch {
  readonly entry: GlossaryEntry;
  readonly start: number;
  readonly end: number;
}

/** A compiled glossary, ready to match any number of texts. */
export interface TermMatcher {
  readonly glossary: Glossary;
  /** Number of distinct (entry, form) pairs in the automaton. */
  readonly formCount: number;
  /** Occurrences of glossary terms in `text`, sorted by start, never overlapping. */
  match(text: string): TermMatch[];
}

/** What a final trie node stands for. */
interface Output {
  readonly entryIndex: number;
  /** Case key of the form (see `caseKey`), or undefined for case-insensitive forms. */
  readonly caseKey: string | undefined;
  /** The form as written, for the common case where the text has exactly it. */
  readonly form: string;
  readonly prefix: boolean;
  /** True when the form ends in a word character, so the text must end its word there. */
  readonly needsBoundary: boolean;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly entryIndex: number;
}

/**
 * Trie edges: (node, code unit) → child node, in open addressing with linear probing. Each slot
 * is three adjacent integers (node, code, child) so a probe touches one cache line; with 20,000
 * entries the table is megabytes, and memory latency is what matching time then depends on.
 */
class EdgeTable {
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 1 << 12) {
    this.slots = new Int32Array(capacity * 3).fill(-1);
    this.mask = capacity - 1;
  }

  private static slot(node: number, code: number, mask: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77)) >>> 0 & mask;
  }

  get(node: number, code: number): number {
    const { slots, mask } = this;
    for (let i = EdgeTable.slot(node, code, mask); ; i = (i + 1) & mask) {
      const base = i * 3;
      const k = slots[base];
      if (k === -1) return -1;
      if (k === node && slots[base + 1] === code) return slots[base + 2] ?? -1;
    }
  }

  set(node: number, code: number, target: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const { slots, mask } = this;
    let i = EdgeTable.slot(node, code, mask);
    while (slots[i * 3] !== -1) i = (i + 1) & mask;
    slots[i * 3] = node;
    slots[i * 3 + 1] = code;
    slots[i * 3 + 2] = target;
    this.size += 1;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 3).fill(-1);
    this.mask = capacity - 1;
    this.size = 0;
    for (let base = 0; base < old.length; base += 3) {
      if (old[base] !== -1) this.set(old[base] ?? 0, old[base + 1] ?? 0, old[base + 2] ?? 0);
    }
  }
}

/** The automaton: a trie with a direct table for the root's edges (most walks end there). */
class FormTrie {
  readonly rootEdges = new Int32Array(0x10000).fill(-1);
  readonly edges = new EdgeTable();
  readonly outputs = new Map<number, Output[]>();
  private nodeCount = 1;

  step(node: number, code: number): number {
    return node === 0 ? (this.rootEdges[code] ?? -1) : this.edges.get(node, code);
  }

  insert(key: string, output: Output): void {
    let node = 0;
    for (let i = 0; i < key.length; i += 1) {
      const code = key.charCodeAt(i);
      let next = this.step(node, code);
      if (next === -1) {
        next = this.nodeCount;
        this.nodeCount += 1;
        if (node === 0) this.rootEdges[code] = next;
        else this.edges.set(node, code, next);
      }
      node = next;
    }
    const list = this.outputs.get(node);
    if (list === undefined) this.outputs.set(node, [output]);
    else if (!list.some((o) => o.entryIndex === output.entryIndex && o.form === output.form && o.prefix === output.prefix)) list.push(output);
  }
}

/**
 * Compiles a glossary into a matcher. Deprecated entries are left out. Building is linear in the
 * total length of the generated forms.
 */
export function compileMatcher(glossary: Glossary): TermMatcher {
  const trie = new FormTrie();
  let formCount = 0;
  glossary.entries.forEach((entry, entryIndex) => {
    if (entry.status === 'deprecated') return;
    for (const form of formsOf(entry)) {
      const key = foldForMatch(form.text);
      if (key === '') continue;
      const sensitive = form.exactCase || entry.case === 'sensitive';
      const lastChar = form.text.length - 1;
      trie.insert(key, {
        entryIndex,
        caseKey: sensitive ? caseKey(form.text) : undefined,
        form: form.text,
        prefix: entry.match === 'prefix',
        needsBoundary: isWordAt(form.text, lastChar),
      });
      formCount += 1;
    }
  });
  return {
    glossary,
    formCount,
    match: (text) => resolve(findCandidates(trie, text), glossary.entries),
  };
}

/** Every place where a form ends at a word boundary and passes its case rule. */
function findCandidates(trie: FormTrie, text: string): Candidate[] {
  const candidates: Candidate[] = [];
  const classes = characterClasses();
  let previousIsWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const cls = code < 0xd800 || code > 0xdfff ? (classes[code] ?? 0) : classAt(text, i);
    if (!previousIsWord && (cls & SPACE) === 0) walk(trie, text, i, candidates);
    previousIsWord = (cls & WORD) !== 0;
  }
  return candidates;
}

/** Walks the trie from `start`, folding the text on the fly. */
function walk(trie: FormTrie, text: string, start: number, candidates: Candidate[]): void {
  const { folds, multiFolds, multiMarker, skipMarker } = foldTables();
  let node = 0;
  let lastWasSpace = false;
  for (let j = start; j < text.length; j += 1) {
    const code = text.charCodeAt(j);
    const folded = folds[code] ?? code;
    if (folded === 0x20) {
      // A run of white space (spaces, line breaks, no-break spaces) is one space in every form.
      if (lastWasSpace) continue;
      lastWasSpace = true;
      node = trie.step(node, 0x20);
    } else {
      lastWasSpace = false;
      if (folded === multiMarker) {
        const expansion = multiFolds.get(code) ?? '';
        for (let k = 0; k < expansion.length && node !== -1; k += 1) node = trie.step(node, expansion.charCodeAt(k));
      } else if (folded === skipMarker) {
        continue;
      } else node = trie.step(node, folded);
    }
    if (node === -1) return;
    const outputs = trie.outputs.get(node);
    if (outputs !== undefined) accept(text, start, j + 1, outputs, candidates);
  }
}

/** Checks boundary and case for each output of a final node and records the candidates. */
function accept(text: string, start: number, end: number, outputs: readonly Output[], candidates: Candidate[]): void {
  let surfaceKey: string | undefined;
  for (const output of outputs) {
    let matchEnd = end;
    if (output.prefix) {
      while (isWordAt(text, matchEnd)) matchEnd += 1;
    } else if (output.needsBoundary && isWordAt(text, end)) continue;
    // Fast path without allocation: the text has the form exactly as the glossary writes it.
    const verbatim = end - start === output.form.length && text.startsWith(output.form, start);
    if (output.caseKey !== undefined && !verbatim) {
      surfaceKey ??= caseKey(text.slice(start, end));
      if (!caseAgrees(surfaceKey, output.caseKey)) continue;
    }
    candidates.push({ start, end: matchEnd, entryIndex: output.entryIndex });
  }
}

/** Exact agreement, or a capitalised first letter where the form starts lower case. */
function caseAgrees(surface: string, form: string): boolean {
  if (surface === form) return true;
  const first = form.charAt(0);
  return first !== first.toUpperCase() && surface.slice(1) === form.slice(1) && surface.charAt(0) === first.toUpperCase();
}

/**
 * Longest first, then leftmost, then glossary order; drops overlaps; returns in text order.
 *
 * Candidates arrive sorted by start. Greedy longest-first selection only ever compares candidates
 * of one cluster (a maximal run of transitively overlapping candidates), so each cluster is
 * resolved on its own: the same result as sorting everything, at the cost of the clusters only.
 */
function resolve(candidates: readonly Candidate[], entries: readonly GlossaryEntry[]): TermMatch[] {
  const out: TermMatch[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    const chosen = cluster.length === 1 ? cluster : chooseInCluster(cluster);
    for (const c of chosen) out.push({ entry: entries[c.entryIndex] as GlossaryEntry, start: c.start, end: c.end });
    cluster = [];
  };
  for (const candidate of candidates) {
    if (cluster.length > 0 && candidate.start >= clusterEnd) flush();
    cluster.push(candidate);
    clusterEnd = Math.max(cluster.length === 1 ? candidate.end : clusterEnd, candidate.end);
  }
  if (cluster.length > 0) flush();
  return out;
}

function chooseInCluster(cluster: Candidate[]): Candidate[] {
  cluster.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.entryIndex - b.entryIndex);
  const accepted: Candidate[] = [];
  for (const c of cluster) {
    if (!accepted.some((a) => a.start < c.end && c.start < a.end)) accepted.push(c);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
