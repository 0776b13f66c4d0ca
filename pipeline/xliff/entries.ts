/**
 * One view over both XLIFF versions: a translation entry per sentence id. In 1.2 files we write
 * one trans-unit per sentence; in 2.x one segment per sentence. Matching and merging work on
 * entries, so they need not know which version a file was.
 */
import { xliffSentenceId } from '../ids.js';
import type { TargetState } from '../model.js';
import type { InlineContent, ParsedCandidate, ParsedNote, ParsedSegment, ParsedXliff } from './types.js';
import { isFamily12 } from './read-context.js';
import { replaceUnwritable } from '../xml/write.js';

/**
 * Note categories (1.2 `from`, 2.x `category`) the exporter writes and regenerates each time:
 * neighbouring sentences, glossary terms, and what a format says about a named resource
 * (`description`: a software string's code comment, plural form, length limit).
 */
export const OWN_NOTE_KINDS: ReadonlySet<string> = new Set(['context', 'glossary', 'description']);

/** The note category of what a format says about a named resource (see `SegmentResource.notes`). */
export const DESCRIPTION_NOTE = 'description';

export interface Entry {
  /** Sentence id: 1.2 trans-unit id; 2.x segment id (or the unit id for a lone segment without one). */
  readonly id: string;
  /** Source text (codes removed). */
  readonly source: string;
  /** The source with its codes, as the file has it. */
  readonly sourceContent: InlineContent;
  readonly target: InlineContent | undefined;
  readonly state: TargetState;
  readonly needsReview: boolean;
  /** State as written, to write it back unchanged into a file of the same version. */
  readonly rawState: string | undefined;
  readonly subState: string | undefined;
  readonly approved: boolean | undefined;
  /** The target's own `xml:lang`, when it has one. */
  readonly targetLanguage: string | undefined;
  /** Which version family the content and raw state belong to. */
  readonly family: '1.2' | '2x';
  /** Notes that are not ours (translators', reviewers', tools'). */
  readonly notes: readonly ParsedNote[];
  /** All notes of the sentence as in the file (the model target's `notes`). */
  readonly allNotes: readonly ParsedNote[];
  readonly candidates: readonly ParsedCandidate[];
  readonly translate: boolean;
  readonly fileIndex: number;
  /** The unit's id in the file (the entry's `id` is the sentence id it was matched to). */
  readonly unitId: string;
  /** 1.2 `resname`, 2.x unit `name`. */
  readonly resname: string | undefined;
  /** 1.2 `<context>` texts of the unit (see `ParsedUnit.contexts`). */
  readonly contexts: readonly string[];
  /**
   * How `id` was found (see `documentEntries`): the unit or segment id itself, its resname, a
   * context that carries the sentence id, or its unique source text. `entriesOf` gives 'id'.
   */
  readonly matchedBy: 'id' | 'resname' | 'context' | 'source';
  readonly line: number;
}

/** The resname the 1.2 writer gives a sentence: `<block kind>-<block number>.<sentence number>`, e.g. `paragraph-2.1`. */
export function sentenceResname(blockKind: string, blockNumber: number, sentenceNumber: number): string {
  return `${blockKind}-${blockNumber}.${sentenceNumber}`;
}

/** Translate Toolkit's unit for the PO header (`restype="x-gettext-domain-header"`): metadata, not a sentence. */
function isGettextHeader(unit: ParsedXliff['units'][number]): boolean {
  return unit.type === 'x-gettext-domain-header';
}

/** True when the content has text or codes (an empty `<target/>` is no translation). */
export function hasTarget(content: InlineContent | undefined): content is InlineContent {
  return content !== undefined && (content.text.trim() !== '' || content.codes.length > 0);
}

/**
 * True when an entry holds a translator's work: a target that is not merely an untouched copy of
 * the source (OmegaT-style pre-fill). Only such entries are offered as candidates or set aside.
 */
export function hasWork(entry: Entry): boolean {
  return hasTarget(entry.target) && !(entry.state === 'initial' && entry.target.text === entry.source);
}

/** Entries of the given files (all files when `fileIndexes` is undefined), in document order. */
export function entriesOf(parsed: ParsedXliff, fileIndexes?: ReadonlySet<number>): Entry[] {
  const out: Entry[] = [];
  for (const unit of parsed.units) {
    if ((fileIndexes !== undefined && !fileIndexes.has(unit.fileIndex)) || isGettextHeader(unit)) continue;
    const notes = unit.notes.filter((n) => n.from === undefined || !OWN_NOTE_KINDS.has(n.from));
    if (isFamily12(parsed.version)) {
      out.push({
        id: xliffSentenceId(unit.id, undefined, 0, 1, '1.2'),
        source: unit.source.text,
        sourceContent: unit.source,
        target: unit.target,
        state: unit.state,
        needsReview: unit.needsReview,
        rawState: unit.rawState,
        subState: unit.segments[0]?.subState,
        targetLanguage: unit.segments[0]?.targetLanguage,
        approved: unit.approved,
        family: '1.2',
        notes,
        allNotes: unit.notes,
        candidates: unit.candidates,
        translate: unit.translate,
        fileIndex: unit.fileIndex,
        unitId: unit.id,
        resname: unit.name,
        contexts: unit.contexts,
        matchedBy: 'id',
        line: unit.line,
      });
      continue;
    }
    const tiedIds = new Set(unit.segments.flatMap((segment) => [...noteRefs(segment)]));
    const placed = placedSegments(unit);
    unit.segments.forEach((segment, index) => {
      // The translation shown at this sentence's position (2.x `order`), with the state it came with.
      const shown = placed?.[index] ?? segment;
      const id = xliffSentenceId(unit.id, segment.id, index, unit.segments.length, '2x');
      const mine = noteRefs(segment);
      const forSegment = (n: ParsedNote): boolean => n.id === undefined || !tiedIds.has(n.id) || mine.has(n.id);
      const segmentNotes = tiedIds.size === 0 ? unit.notes : unit.notes.filter(forSegment);
      out.push({
        id,
        source: segment.source.text,
        sourceContent: segment.source,
        target: shown.target,
        state: shown.state,
        needsReview: shown.needsReview,
        rawState: shown.rawState,
        subState: shown.subState,
        targetLanguage: shown.targetLanguage,
        approved: undefined,
        family: '2x',
        notes: tiedIds.size === 0 ? notes : notes.filter(forSegment),
        allNotes: segmentNotes,
        candidates: unit.candidates.filter((c) => c.ref === `#${id}` || (c.ref === undefined && unit.segments.length === 1)),
        translate: unit.translate,
        fileIndex: unit.fileIndex,
        unitId: unit.id,
        resname: unit.segments.length === 1 ? unit.name : undefined,
        contexts: unit.contexts,
        matchedBy: 'id',
        line: segment.line,
      });
    });
  }
  return out;
}

/**
 * For a 2.x unit whose targets were reordered (`targetOrder`), the segment whose target is shown at
 * each segment's position; undefined when the targets are in source order. A position that shows
 * an ignorable's target keeps its own segment.
 */
function placedSegments(unit: ParsedXliff['units'][number]): ParsedSegment[] | undefined {
  const order = unit.targetOrder;
  if (order === undefined) return undefined;
  // The unit's parts in source order: ignorables sit after the segment they follow.
  const parts: Array<number | undefined> = [];
  const ignorablesAfter = (i: number): void => {
    for (const ig of unit.ignorables) if (ig.after === i) parts.push(undefined);
  };
  ignorablesAfter(-1);
  unit.segments.forEach((_segment, i) => {
    parts.push(i);
    ignorablesAfter(i);
  });
  const out: ParsedSegment[] = [];
  parts.forEach((segmentIndex, position) => {
    if (segmentIndex === undefined) return;
    const shownIndex = parts[order[position] ?? position];
    out[segmentIndex] = unit.segments[shownIndex ?? segmentIndex] as ParsedSegment;
  });
  return out;
}

/**
 * Ids of the unit notes a 2.x segment's content annotates: XLIFF 2 has notes only on units, and
 * ties a note to part of the content with `<mrk type="comment" ref="#n=<note id>">` (core,
 * "Comment Annotation"; the fragment `n=` names a note of the enclosing unit). A note some segment
 * annotates this way belongs to those segments only; a note no marker refers to is unit-wide.
 */
export function noteRefs(segment: ParsedSegment): Set<string> {
  const out = new Set<string>();
  for (const content of [segment.source, segment.target]) {
    for (const mark of content?.marks ?? []) {
      const match = mark.type === 'comment' && mark.ref !== undefined ? /^#n=(.+)$/u.exec(mark.ref) : null;
      if (match?.[1] !== undefined) out.add(match[1]);
    }
  }
  return out;
}

/** Files of a parsed XLIFF that belong to a document: those whose `original` is its path, or
 * the only file when there is one. */
export function filesFor(parsed: ParsedXliff, original: string): { indexes: Set<number>; matched: boolean } {
  const matching = new Set<number>();
  parsed.files.forEach((f, i) => {
    if (f.original !== undefined && normalizePath(f.original) === normalizePath(original)) matching.add(i);
  });
  if (matching.size > 0) return { indexes: matching, matched: true };
  if (parsed.files.length === 1) return { indexes: new Set([0]), matched: false };
  return { indexes: new Set(), matched: false };
}

function normalizePath(p: string): string {
  return p.replace(/\\/gu, '/').replace(/^\.\//u, '');
}

/** Source texts equal for our purposes: the same after folding whitespace (ids fold it too). */
export function sameSource(a: string, b: string): boolean {
  return a === b || fold(a) === fold(b);
}

function fold(text: string): string {
  // A 1.2 file cannot carry some control characters; the writer replaced them, so compare the same way.
  return replaceUnwritable(text).normalize('NFC').replace(/\s+/gu, ' ').trim();
}
