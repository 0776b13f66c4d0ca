/**
 * From the reader's structures to the model: a file's sentences as `SegmentTarget`s, with inline
 * codes, notes and candidates in model types. Nothing outside the adapter sees `ParsedXliff`.
 *
 * Codes are mapped by id: a code of the target that the source has (same id and kind) takes the
 * source's type and markup, so a writer can put the original markup back; a code the reader
 * found without a counterpart keeps its element name as its type. Kinds come from the element:
 * `bpt`/`bx`/`sc` open, `ept`/`ex`/`ec` close, `g`/`pc` are an open and a close around their
 * content, `ph`/`x` stand alone, and an `it` (1.2 isolated code) is whatever the source's code
 * with its id is.
 */
import { NO_CODES, type Candidate, type CodeKind, type Content, type InlineCode, type Note, type SegmentTarget, type TargetOrigin } from '../model.js';
import { entriesOf, hasTarget, type Entry } from './entries.js';
import { marksMachine } from './states.js';
import type { InlineCode as ReaderCode, InlineContent, ParsedCandidate, ParsedNote, ParsedXliff } from './types.js';

const OPENING = new Set(['bpt', 'bx', 'sc']);
const CLOSING = new Set(['ept', 'ex', 'ec']);
const CONTAINERS = new Set(['g', 'pc']);

/** The kind of a code the reader found, or undefined when the element does not say (`it`). */
function kindOf(element: string): CodeKind | undefined {
  if (OPENING.has(element)) return 'open';
  if (CLOSING.has(element)) return 'close';
  if (element === 'it') return undefined;
  return 'standalone';
}

/**
 * A content of the reader as model content. `known` are the codes the content corresponds to
 * (for a source: the document's sentence; for a target: its source), looked up by id.
 */
export function modelContent(content: InlineContent, known: readonly InlineCode[] = NO_CODES): Content {
  if (content.codes.length === 0) return { text: content.text, codes: NO_CODES };
  const out: InlineCode[] = [];
  for (const reader of content.codes) {
    if (!CONTAINERS.has(reader.element)) {
      out.push(modelCode(reader, kindOf(reader.element), reader.start, known));
      continue;
    }
    // The reader lists a container after the codes inside it: its open goes before the first of
    // them (the first code at or after its start), its close after the last.
    const open = modelCode(reader, 'open', reader.start, known);
    const index = out.findIndex((c) => c.at >= reader.start);
    out.splice(index === -1 ? out.length : index, 0, open);
    out.push(modelCode(reader, 'close', reader.end, known));
  }
  return { text: content.text, codes: out };
}

/** One code of the reader in the model: kind from its element, type and markup from the known code with its id. */
function modelCode(reader: ReaderCode, kind: CodeKind | undefined, at: number, known: readonly InlineCode[]): InlineCode {
  const id = reader.id ?? '';
  let match: InlineCode | undefined;
  if (known.length > 0) {
    let only: InlineCode | undefined;
    let count = 0;
    for (const code of known) {
      if (code.id !== id) continue;
      count += 1;
      only = code;
      if (kind !== undefined && code.kind === kind) {
        match = code;
        break;
      }
    }
    // An element that does not say its kind (`it`) takes the one code with its id.
    if (kind === undefined && count === 1) match = only;
  }
  const code: InlineCode = { id, kind: match?.kind ?? kind ?? 'standalone', type: match?.type ?? reader.element, data: match?.data ?? reader.data, at };
  if (match?.equiv === undefined && match?.disp === undefined) return code;
  return { ...code, ...(match.equiv === undefined ? {} : { equiv: match.equiv }), ...(match.disp === undefined ? {} : { disp: match.disp }) };
}

/** A note of the reader as a model note. */
export function modelNote(note: ParsedNote): Note {
  const out: { text: string; category?: string; appliesTo?: string; priority?: number } = { text: note.text };
  if (note.from !== undefined) out.category = note.from;
  if (note.annotates !== undefined) out.appliesTo = note.annotates;
  if (note.priority !== undefined) out.priority = note.priority;
  return out;
}

/** A candidate of the reader as a model candidate. */
export function modelCandidate(candidate: ParsedCandidate, known: readonly InlineCode[]): Candidate {
  const out: { source?: string; target: Content; quality?: number; origin?: string; type?: string } = { target: modelContent(candidate.target, known) };
  if (candidate.source !== undefined) out.source = candidate.source;
  if (candidate.quality !== undefined) out.quality = candidate.quality;
  if (candidate.origin !== undefined) out.origin = candidate.origin;
  if (candidate.type !== undefined) out.type = candidate.type;
  return out;
}

/** XLIFF 1.2 `state-qualifier` values that say a target came from a memory. */
const MEMORY_QUALIFIERS = new Set(['exact-match', 'fuzzy-match', 'leveraged-tm', 'tm-suggestion', 'leveraged-inherited', 'id-match']);

/**
 * Who made a target, as far as the file says: a state qualifier (1.2) or our machine subState
 * (2.x, `l10n:mt-<provider>`), or, for a target marked for review, the candidate it equals (the
 * memory match or machine output a tool or our exporter put in). A target equal to its source
 * under an initial state is an untouched copy.
 */
export function originOf(entry: Entry, targetText: string | undefined, candidates: readonly Candidate[]): TargetOrigin {
  if (targetText === undefined) return 'translator';
  // Machine output stays machine output when it equals the source (a sentence of names, a quote).
  if (marksMachine(entry.family, entry.subState)) return 'machine';
  if (entry.state === 'initial' && targetText === entry.source) return 'source-copy';
  const qualifier = entry.family === '1.2' ? entry.subState : undefined;
  if (qualifier !== undefined && MEMORY_QUALIFIERS.has(qualifier)) return 'memory';
  if (entry.needsReview) {
    const same = candidates.find((c) => c.target.text === targetText);
    if (same !== undefined) {
      const kind = `${same.type ?? ''} ${same.origin ?? ''}`;
      if (/\b(?:mt|machine)\b/iu.test(kind)) return 'machine';
      if (/\b(?:tm|memory)\b/iu.test(kind)) return 'memory';
    }
  }
  return 'translator';
}

const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);
const NO_NOTES: readonly Note[] = Object.freeze([]);

/** One entry as a model target, as the file says it (no interpretation of states). */
export function entryTarget(entry: Entry, known: readonly InlineCode[] = NO_CODES): SegmentTarget {
  const source = modelContent(entry.sourceContent, known);
  const target = hasTarget(entry.target) ? modelContent(entry.target, source.codes) : undefined;
  const candidates = entry.candidates.length === 0 ? NO_CANDIDATES : entry.candidates.map((c) => modelCandidate(c, source.codes));
  return {
    id: entry.id,
    source,
    target,
    state: entry.state,
    needsReview: entry.needsReview,
    origin: originOf(entry, target?.text, candidates),
    notes: entry.allNotes.length === 0 ? NO_NOTES : entry.allNotes.map(modelNote),
    candidates,
    line: entry.line,
  };
}

/**
 * Every sentence of a file (or of the given `<file>` elements) as a model target, as the file says
 * it: states as written, an untouched copy of the source kept as target with origin `source-copy`.
 * Units nobody translates (`translate="no"`) are left out. What the memory learns from.
 */
export function readTargets(parsed: ParsedXliff, fileIndexes?: ReadonlySet<number>): SegmentTarget[] {
  return entriesOf(parsed, fileIndexes)
    .filter((entry) => entry.translate)
    .map((entry) => entryTarget(entry));
}
