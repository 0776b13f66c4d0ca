/**
 * What a reviewer sees of one document in one target language: the review view model.
 *
 * This is the contract between a `ReviewStore` (where the translations live: the project's XLIFF
 * files, or memory in tests) and everything that shows them (the review page, the static report).
 * It is plain JSON data: the server sends it to the page as it is, and nothing in it is markup.
 * Every text is shown as text, whatever characters it holds.
 *
 * Offsets are in UTF-16 code units (JavaScript string indices), end exclusive, relative to the
 * text they belong to.
 */

/**
 * The kind of block a segment belongs to: the document model's name for it, which its format
 * chooses (`title`, `heading`, `paragraph`, `credit` for plain text; `list-item`, `table-cell`, …).
 */
export type BlockKind = string;

/**
 * Where a segment stands in its life:
 * - `initial`: never translated (no target, or an untouched copy of the source);
 * - `translated`: a translator's work, not yet reviewed;
 * - `needs-review`: a target someone marked for review (a memory match, a changed source, a
 *   tool's "draft"); translated, not publishable until a reviewer confirms it;
 * - `needs-translation`: sent back to the translator by a reviewer, with a comment; the target
 *   is kept for the translator to rework (XLIFF 1.2 `state="needs-translation"`);
 * - `reviewed`: confirmed by a reviewer;
 * - `final`: signed off; nothing more to do.
 */
export type ReviewState = 'initial' | 'translated' | 'needs-review' | 'needs-translation' | 'reviewed' | 'final';

/** In the order work moves through them (counts and filters list them in this order). */
export const REVIEW_STATES: readonly ReviewState[] = ['initial', 'translated', 'needs-review', 'needs-translation', 'reviewed', 'final'];

/** Each state in words, for people (pages, reports, filters). */
export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  initial: 'untranslated',
  translated: 'translated',
  'needs-review': 'needs review',
  'needs-translation': 'sent back',
  reviewed: 'reviewed',
  final: 'final',
};

/** The states "Confirm" may lead to; the project's config chooses one. */
export type ConfirmState = 'reviewed' | 'final';

/** Who or what wrote the current target. */
export type OriginKind = 'translator' | 'memory' | 'machine' | 'reviewer';

export const ORIGIN_KINDS: readonly OriginKind[] = ['translator', 'memory', 'machine', 'reviewer'];

export interface Origin {
  readonly kind: OriginKind;
  /** The machine translation provider (`deepl`), the memory's name, or the person; absent when unknown. */
  readonly provider?: string;
}

/**
 * An inline code (formatting, a link, a line break of the original) as a point in the text.
 * A paired code is two entries with the same `id`: `open` where it starts, `close` where it ends.
 */
export interface CodeView {
  /** The code's id in the segment; the same id in source and target means the same code. Never contains white space, `/`, `⟦` or `⟧`. */
  readonly id: string;
  readonly kind: 'open' | 'close' | 'standalone';
  /** Offset in the text where the code sits (between two characters, 0…text.length). */
  readonly at: number;
  /** What the code stands for, for people (`<b>`, `link`, `line break`); shown as text, never markup. */
  readonly display?: string;
}

/** A text with its inline codes. `codes` are sorted by `at` (stable for codes at the same place). */
export interface ContentView {
  readonly text: string;
  readonly codes: readonly CodeView[];
}

/** A glossary term found in the source, with what the glossary says about it for this language. */
export interface TermView {
  readonly start: number;
  readonly end: number;
  /** The glossary entry's base form (identifies the entry). */
  readonly term: string;
  /** Approved targets in this language, the preferred first; empty when the glossary has none. */
  readonly approved: readonly string[];
  /** Renderings the glossary forbids in this language. */
  readonly forbidden: readonly string[];
  /** True when the term must stay as in the source. */
  readonly dnt: boolean;
  /** The terminologist's note for translators. */
  readonly note?: string;
}

/** The source of a segment: its text, inline codes and glossary terms (sorted by `start`, not overlapping). */
export interface SourceView extends ContentView {
  readonly terms: readonly TermView[];
}

export type FindingSeverity = 'error' | 'warning' | 'info';

export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'info'];

/** One quality check finding about the segment. */
export interface FindingView {
  /** `qa/terminology`, `build/untranslated`, … */
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly reason: string;
  readonly hint?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** The reason a reviewer gave when accepting the finding (it is then `info`). */
  readonly accepted?: string;
}

/** Where a candidate translation comes from. */
export type CandidateKind = 'previous' | 'memory' | 'machine';

export const CANDIDATE_KINDS: readonly CandidateKind[] = ['previous', 'memory', 'machine'];

/** A translation the reviewer may take instead of the current target. */
export interface CandidateView {
  /** `previous`: the segment's translation before its source changed. */
  readonly kind: CandidateKind;
  readonly target: ContentView;
  /** The source the candidate translates, when it differs from the segment's. */
  readonly source?: string;
  /** Match quality, 0–100, when known. */
  readonly quality?: number;
  /** The provider (`deepl`), the memory (`de-en.tmx`) or the tool it came from. */
  readonly origin?: string;
}

/** A note on the segment: a reviewer's comment, a translator's question. */
export interface NoteView {
  readonly author: string;
  /** ISO 8601 date and time, when known. */
  readonly time?: string;
  readonly text: string;
}

/** One sentence of the document, as a reviewer sees it. */
export interface SegmentView {
  /** The segment's stable id (the XLIFF unit or segment id); unique in the document. */
  readonly id: string;
  /** The block the segment belongs to. */
  readonly block: { readonly id: string; readonly kind: BlockKind };
  readonly source: SourceView;
  /** Absent when there is no target at all. */
  readonly target?: ContentView;
  readonly state: ReviewState;
  /** Absent when nobody knows who wrote the target (or there is none). */
  readonly origin?: Origin;
  readonly findings: readonly FindingView[];
  readonly candidates: readonly CandidateView[];
  readonly notes: readonly NoteView[];
  /** Who confirmed the target (state reviewed or final), when the file says; absent otherwise. */
  readonly confirmedBy?: { readonly name: string; readonly time?: string };
}

/** Which document in which language. */
export interface DocumentRef {
  /** The document's name (its source file name without extension). */
  readonly document: string;
  /** Target language (BCP 47). */
  readonly language: string;
}

/** One document in one target language, every segment in reading order. */
export interface ReviewDocument extends DocumentRef {
  readonly sourceLanguage: string;
  /** The file the translations live in, relative to the project root (for people). */
  readonly file: string;
  readonly segments: readonly SegmentView[];
}

/** Counts of one document in one language, for the index page. */
export interface ReviewSummary extends DocumentRef {
  readonly sourceLanguage: string;
  readonly file: string;
  readonly segments: number;
  /** Segments per state; every state is present. */
  readonly states: Readonly<Record<ReviewState, number>>;
  /** Findings per severity; every severity is present. */
  readonly findings: Readonly<Record<FindingSeverity, number>>;
}

/** The index page's counts for one document view. */
export function summarize(view: ReviewDocument): ReviewSummary {
  const states = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
  const findings = Object.fromEntries(FINDING_SEVERITIES.map((s) => [s, 0])) as Record<FindingSeverity, number>;
  for (const segment of view.segments) {
    states[segment.state] += 1;
    for (const finding of segment.findings) findings[finding.severity] += 1;
  }
  return {
    document: view.document,
    language: view.language,
    sourceLanguage: view.sourceLanguage,
    file: view.file,
    segments: view.segments.length,
    states,
    findings,
  };
}

/** "machine (deepl)", "memory", "reviewer (Ana)": an origin for people. */
export function describeOrigin(origin: Origin | undefined): string {
  if (origin === undefined) return 'unknown';
  return origin.provider === undefined ? origin.kind : `${origin.kind} (${origin.provider})`;
}
