/**
 * Finds glossary terms in text with one automaton over every generated form.
 *
 * Every form of every entry (see `forms.ts`) is folded (`fold.ts`) and inserted into one trie,
 * flattened into typed arrays in depth-first order (`trie.ts`) so that walking a term reads
 * memory sequentially even with 20,000 entries; candidates and their overlap resolution are in
 * `candidates.ts`. The text is never copied or stemmed: from each position that starts a word (or a token after a
 * space or punctuation) the trie is walked over the folded characters until it has no edge, and
 * every final node passed is a candidate, kept when
 * - the word ends there (the next character is no letter, digit or mark; a hyphen ends a word, so
 *   "Kreml-Chef" contains "Kreml" but "Kremlchef" does not), or, for `match: prefix`, extended to
 *   the end of the word;
 * - the case rule holds: `sensitive` compares the text with the form after folding only ß/ss, white
 *   space, hyphens and apostrophes, and also accepts an upper-case first letter for a form that
 *   starts lower case (sentence starts); all-capital abbreviations always compare exactly.
 *
 * A walk from a word that starts with a lower-case letter only follows paths that lead to a form
 * such a word can match (case-insensitive, or starting lower case): in German text most words
 * start lower case and most glossary forms with a capital, so this prunes most walks early
 * without changing any result (see `startsUpper`).
 *
 * Overlaps are resolved by length: the longest candidate wins; among equally long ones the
 * leftmost; at the same place the entry that comes first in the glossary. Candidates overlapping
 * an accepted one are dropped. So a listed compound ("Kreml-Chef") beats its part ("Kreml"), and
 * "Kim Jong-un" beats "Kim". The result is sorted by start offset.
 */
import type { Glossary, GlossaryEntry } from './glossary.js';
import { formsOf } from './forms.js';
import { senseAllows, senseChecksOf } from './senses.js';
import { CandidateBuffer, resolveCandidates } from './candidates.js';
import { LOWER, SPACE, WORD, caseKey, characterClasses, classAt, foldForMatch, foldTables, isWordAt } from './fold.js';
import type { FoldTables } from './fold.js';
import { BRANCH, CODE_MASK, FINAL, MARKED, SINGLE, buildFlatTrie, childOf } from './trie.js';
import type { FlatTrie } from './trie.js';

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

/** Output flag: `match: prefix`, the candidate extends to the end of the word. */
const PREFIX = 1;
/** Output flag: the form ends in a word character, so the text must end its word there. */
const NEEDS_BOUNDARY = 2;
/** Output flag: an `exclude` phrase of the entry, not a form: what it covers is not the entry. */
const EXCLUSION = 4;

/**
 * What the final nodes stand for, one slot per (entry, form) in trie output order. Parallel arrays
 * rather than objects: the accept check reads one or two of them per final node.
 */
interface Outputs {
  readonly entryIndex: Int32Array;
  readonly flags: Uint8Array;
  /** The form as written, for the common case where the text has exactly it. */
  readonly form: readonly string[];
  /** Case key of the form (see `caseKey`), or undefined for case-insensitive forms. */
  readonly caseKey: readonly (string | undefined)[];
  /** Sense checks of the form (see `senses.ts`), 0 for none. */
  readonly senseChecks: Uint8Array;
}

/** Everything one match call reads: the trie, its outputs and the character tables. */
interface Automaton {
  readonly trie: FlatTrie;
  readonly outputs: Outputs;
  readonly classes: Uint8Array;
  readonly fold: FoldTables;
}

/**
 * Compiles a glossary into a matcher. Deprecated entries are left out. Building costs one sort of
 * the folded forms plus their total length.
 */
export function compileMatcher(glossary: Glossary): TermMatcher {
  const keys: string[] = [];
  const entryOf: number[] = [];
  const flagsOf: number[] = [];
  const formOf: string[] = [];
  const caseKeyOf: (string | undefined)[] = [];
  // Forms a word starting with a lower-case letter can match (see `startsUpper`): the trie marks
  // their paths, and walks from such words stop where no marked form lies ahead.
  const lowerStartOk: boolean[] = [];
  const checksOf: number[] = [];
  glossary.entries.forEach((entry, entryIndex) => {
    if (entry.status === 'deprecated') return;
    const add = (text: string, exactCase: boolean, flags: number, checks: number): void => {
      const key = foldForMatch(text);
      if (key === '') return;
      const sensitive = exactCase || entry.case === 'sensitive';
      keys.push(key);
      entryOf.push(entryIndex);
      flagsOf.push(flags);
      formOf.push(text);
      const formCaseKey = sensitive ? caseKey(text) : undefined;
      caseKeyOf.push(formCaseKey);
      lowerStartOk.push(!startsUpper(formCaseKey));
      checksOf.push(checks);
    };
    for (const form of formsOf(entry)) {
      const flags = (entry.match === 'prefix' ? PREFIX : 0) | (isWordAt(form.text, form.text.length - 1) ? NEEDS_BOUNDARY : 0);
      add(form.text, form.exactCase, flags, senseChecksOf(entry, form.text));
    }
    // An exclusion covers the rest of the word it ends in ("Washington Posts").
    for (const phrase of entry.exclude) add(phrase, false, EXCLUSION | PREFIX, 0);
  });
  const trie = buildFlatTrie(keys, lowerStartOk);
  // Reorder the outputs into trie slot order once, so the inner loop indexes them directly.
  const slots = trie.keyOf.length;
  const outputs: Outputs = {
    entryIndex: new Int32Array(slots),
    flags: new Uint8Array(slots),
    form: new Array<string>(slots),
    caseKey: new Array<string | undefined>(slots),
    senseChecks: new Uint8Array(slots),
  };
  for (let slot = 0; slot < slots; slot += 1) {
    const k = trie.keyOf[slot] ?? 0;
    outputs.entryIndex[slot] = entryOf[k] ?? 0;
    outputs.flags[slot] = flagsOf[k] ?? 0;
    (outputs.form as string[])[slot] = formOf[k] ?? '';
    (outputs.caseKey as (string | undefined)[])[slot] = caseKeyOf[k];
    outputs.senseChecks[slot] = checksOf[k] ?? 0;
  }
  const automaton: Automaton = { trie, outputs, classes: characterClasses(), fold: foldTables() };
  // One buffer per matcher: `match` is synchronous and never re-entered, so it can be reused.
  const candidates = new CandidateBuffer();
  const exclusions = new CandidateBuffer();
  const entries = glossary.entries;
  return {
    glossary,
    formCount: keys.length,
    match: (text) => {
      candidates.clear();
      exclusions.clear();
      findCandidates(automaton, text, candidates, exclusions);
      if (exclusions.length > 0) dropExcluded(candidates, exclusions);
      return resolveCandidates(candidates, entries);
    },
  };
}

/** Every place where a form ends at a word boundary and passes its case rule. */
function findCandidates(automaton: Automaton, text: string, candidates: CandidateBuffer, exclusions: CandidateBuffer): void {
  const { classes } = automaton;
  let previousIsWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const cls = code < 0xd800 || code > 0xdfff ? (classes[code] ?? 0) : classAt(text, i);
    if (!previousIsWord && (cls & SPACE) === 0) walk(automaton, text, i, cls & LOWER ? MARKED : 0, candidates, exclusions);
    previousIsWord = (cls & WORD) !== 0;
  }
}

/**
 * Walks the trie from `start`, folding the text on the fly, and stops as soon as a node lacks one
 * of the `required` info bits (`MARKED` when the word starts lower case). The edge lookup is
 * written out here rather than calling `childOf`: this loop runs for every character of every
 * term in the text.
 */
function walk(automaton: Automaton, text: string, start: number, required: number, candidates: CandidateBuffer, exclusions: CandidateBuffer): void {
  const { folds, multiFolds, multiMarker, skipMarker } = automaton.fold;
  const { info, nodes, edgeCodes, edgeTargets, rootEdges } = automaton.trie;
  let node = 0;
  let nodeInfo = info[0] ?? 0;
  let lastWasSpace = false;
  for (let j = start; j < text.length; j += 1) {
    const code = text.charCodeAt(j);
    let folded = folds[code] ?? code;
    if (folded === 0x20) {
      // A run of white space (spaces, line breaks, no-break spaces) is one space in every form.
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
      if (folded === skipMarker) continue;
      if (folded === multiMarker) {
        const expansion = multiFolds.get(code) ?? '';
        const last = expansion.length - 1;
        for (let k = 0; k < last && node !== -1; k += 1) node = childOf(automaton.trie, node, expansion.charCodeAt(k));
        if (node === -1 || last < 0) return;
        nodeInfo = info[node] ?? 0;
        if ((nodeInfo & required) !== required) return;
        folded = expansion.charCodeAt(last);
      }
    }
    if (node === 0) node = rootEdges[folded] ?? -1;
    else if (nodeInfo & SINGLE) node = (nodeInfo & CODE_MASK) === folded ? node + 1 : -1;
    else if (nodeInfo & BRANCH) {
      const end = nodes[2 * node + 2] ?? 0;
      let next = -1;
      for (let e = nodes[2 * node] ?? 0; e < end; e += 1) {
        const c = edgeCodes[e] ?? 0;
        if (c >= folded) {
          if (c === folded) next = edgeTargets[e] ?? -1;
          break;
        }
      }
      node = next;
    } else return;
    if (node === -1) return;
    nodeInfo = info[node] ?? 0;
    if ((nodeInfo & required) !== required) return;
    if (nodeInfo & FINAL) accept(automaton, text, start, j + 1, nodes[2 * node + 1] ?? 0, nodes[2 * node + 3] ?? 0, candidates, exclusions);
  }
}

/** Checks boundary and case for the outputs `[first, last)` of a final node and records the candidates. */
function accept(
  automaton: Automaton, text: string, start: number, end: number, first: number, last: number, candidates: CandidateBuffer, exclusions: CandidateBuffer,
): void {
  const { outputs, classes } = automaton;
  const nextCode = end < text.length ? text.charCodeAt(end) : -1;
  const wordFollows = nextCode === -1 ? false : nextCode < 0xd800 || nextCode > 0xdfff ? ((classes[nextCode] ?? 0) & WORD) !== 0 : isWordAt(text, end);
  // "Staats- und Regierungschefs": a word that ends in a hyphen followed by a space, a comma or the
  // end of the text is the first part of a compound whose rest is written later, not a term.
  const truncated = nextCode === 0x2d && (end + 1 >= text.length || /[\s,/]/u.test(text.charAt(end + 1)));
  let surfaceKey: string | undefined;
  for (let slot = first; slot < last; slot += 1) {
    const flags = outputs.flags[slot] ?? 0;
    let matchEnd = end;
    if (flags & PREFIX) {
      while (isWordAt(text, matchEnd)) matchEnd += 1;
    } else if (flags & NEEDS_BOUNDARY && (wordFollows || truncated)) continue;
    const key = outputs.caseKey[slot];
    if (key !== undefined) {
      // Fast path without allocation: the text has the form exactly as the glossary writes it.
      const form = outputs.form[slot] ?? '';
      if (end - start !== form.length || !text.startsWith(form, start)) {
        surfaceKey ??= caseKey(text.slice(start, end));
        if (!caseAgrees(surfaceKey, key)) continue;
      }
    }
    const checks = outputs.senseChecks[slot] ?? 0;
    if (checks !== 0 && !senseAllows(checks, text, start, matchEnd)) continue;
    (flags & EXCLUSION ? exclusions : candidates).push(start, matchEnd, outputs.entryIndex[slot] ?? 0);
  }
}

/** Removes the candidates that lie inside an exclusion of their own entry. */
function dropExcluded(candidates: CandidateBuffer, exclusions: CandidateBuffer): void {
  const { data } = candidates;
  const ex = exclusions.data;
  let kept = 0;
  for (let i = 0; i < candidates.length; i += 1) {
    const start = data[3 * i] ?? 0;
    const end = data[3 * i + 1] ?? 0;
    const entry = data[3 * i + 2] ?? 0;
    let excluded = false;
    for (let x = 0; x < exclusions.length && !excluded; x += 1) {
      excluded = ex[3 * x + 2] === entry && (ex[3 * x] ?? 0) <= start && end <= (ex[3 * x + 1] ?? 0);
    }
    if (excluded) continue;
    data[3 * kept] = start;
    data[3 * kept + 1] = end;
    data[3 * kept + 2] = entry;
    kept += 1;
  }
  candidates.length = kept;
}

/**
 * True when a case-sensitive form's case key starts with a capital (or title-case) letter. Such a
 * form never matches a word that starts with a lower-case letter: the verbatim check needs the
 * same first letter, and `caseAgrees` only ever relaxes a lower-case first letter of the form.
 */
function startsUpper(formCaseKey: string | undefined): boolean {
  if (formCaseKey === undefined) return false;
  const first = formCaseKey.charAt(0);
  return first !== first.toLowerCase();
}

/**
 * Exact agreement, a capitalised first letter where the form starts lower case, or a text in
 * capitals of at least three letters ("BERLIN (dpa) –", "PEKING"): datelines and headlines set in
 * capitals name the entry as well. All-capital abbreviations are compared exactly before this.
 */
function caseAgrees(surface: string, form: string): boolean {
  if (surface === form) return true;
  if (surface === form.toUpperCase() && surface !== surface.toLowerCase() && /\p{L}.*\p{L}.*\p{L}/u.test(surface)) return true;
  const first = form.charAt(0);
  return first !== first.toUpperCase() && surface.slice(1) === form.slice(1) && surface.charAt(0) === first.toUpperCase();
}
