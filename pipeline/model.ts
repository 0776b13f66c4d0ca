/**
 * The document model that every stage shares.
 *
 * Document → Block (title | heading | paragraph | credit) → Segment (sentence) → Span (term, code).
 *
 * Every node carries offsets into `Document.text`, the source exactly as it was read. Nothing in
 * the model ever rewrites that text: the skeleton of a document (whatever lies between segments:
 * spaces, line breaks, the glue of a recovered heading) is the source text outside the segments'
 * ranges, so reassembling a document whose targets equal its sources gives back the source byte
 * for byte.
 *
 * Offsets are in UTF-16 code units (JavaScript string indices), end exclusive.
 */

/** The kinds of block a reader recovers. */
export type BlockKind = 'title' | 'heading' | 'paragraph' | 'credit';

export const BLOCK_KINDS: readonly BlockKind[] = ['title', 'heading', 'paragraph', 'credit'];

/** A place in a file: 1-based line and column (columns count UTF-16 code units), 0-based offset. */
export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** An annotation inside a segment. Offsets are relative to the segment's own text. */
export interface Span {
  readonly kind: 'term' | 'code';
  readonly start: number;
  readonly end: number;
  /** For terms: the glossary entry's source (base form), which identifies the entry. */
  readonly term?: string;
  /** For terms: the approved targets per language, copied so later stages need no glossary. */
  readonly targets?: Readonly<Record<string, readonly string[]>>;
  /** For terms: true when the term must stay untranslated. */
  readonly dnt?: boolean;
  /** For terms: renderings the glossary forbids, per target language. */
  readonly forbidden?: Readonly<Record<string, readonly string[]>>;
}

/** One sentence: the unit that translators, memories and checks work on. */
export interface Segment {
  /** Stable id, derived from the text (see `pipeline/ids.ts`); unique within the document. */
  id: string;
  /** Source text, equal to `Document.text.slice(start, end)`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Annotations added by stages (terms, inline codes). */
  spans: Span[];
}

/** A structural unit of the document. */
export interface Block {
  /** Stable id, derived from the block's text; unique within the document. */
  id: string;
  kind: BlockKind;
  /** Range of the block in `Document.text`, without its line break. */
  readonly start: number;
  readonly end: number;
  /**
   * True when the block starts in the middle of a source line, right after the block before it
   * (the paragraph after a heading that scraping glued to it). Writers of plain text start such a
   * block on a line of its own.
   */
  readonly glued: boolean;
  /** Sentences, in order; filled by the segment stage. Empty until then. */
  segments: Segment[];
}

/** A source document as every stage sees it. */
export interface Document {
  /** Document name: the source file name without extension, used for output and XLIFF names. */
  readonly name: string;
  /** Path of the source file, relative to the project root, with forward slashes. */
  readonly path: string;
  /** Source language (BCP 47). */
  readonly language: string;
  /** The source text exactly as decoded from the file. */
  readonly text: string;
  blocks: Block[];
}

/** Severity of a message. `error` fails a build at the default threshold. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

/**
 * A problem or a notice, as data. Stages never print; they add messages, and only the CLI decides
 * what to show and which exit code follows.
 */
export interface Message {
  /** What happened, in one sentence. */
  readonly reason: string;
  /** Rule id, e.g. `read/glued-heading`, `xliff/unknown-id`. The part before `/` names the area. */
  readonly ruleId: string;
  /** The stage that reported it, e.g. `read`, `segment`, `xliff-import`. */
  readonly source: string;
  readonly severity: Severity;
  /** A fatal message stops the document (never the process). */
  readonly fatal?: boolean;
  /** File the message is about, relative to the project root where possible. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** What to do about it. */
  readonly hint?: string;
  readonly actual?: string;
  readonly expected?: string;
  /** Segment or unit id the message is about, when there is one. */
  readonly unit?: string;
}

/** Collects messages for one run; stages receive it and add to it. */
export class Messages {
  readonly list: Message[] = [];

  add(message: Message): Message {
    this.list.push(message);
    return message;
  }

  get hasFatal(): boolean {
    return this.list.some((m) => m.fatal === true);
  }

  /** Number of messages at or above a severity. */
  countAtLeast(severity: Severity): number {
    const floor = SEVERITIES.indexOf(severity);
    return this.list.filter((m) => SEVERITIES.indexOf(m.severity) >= floor).length;
  }
}

/**
 * Thrown when input cannot be used at all (a malformed file, a path that escapes the project).
 * Carries a message so the CLI can print file, line and column; stages catch it at the document
 * boundary and turn it into a fatal message.
 */
export class InputError extends Error {
  constructor(readonly detail: Message) {
    super(formatPlace(detail) + detail.reason);
    this.name = 'InputError';
  }
}

/** "file:line:column: " for a message, as far as it is known. */
export function formatPlace(m: Pick<Message, 'file' | 'line' | 'column'>): string {
  if (m.file === undefined) return '';
  let place = m.file;
  if (m.line !== undefined) {
    place += `:${m.line}`;
    if (m.column !== undefined) place += `:${m.column}`;
  }
  return place + ': ';
}

/** Line and column (1-based) of an offset in a text. */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** All segments of a document in reading order. */
export function segmentsOf(doc: Document): Segment[] {
  return doc.blocks.flatMap((b) => b.segments);
}

/** Translation state of a target, in XLIFF 2 terms (the 1.2 writer maps them). */
export type TargetState = 'initial' | 'translated' | 'reviewed' | 'final';

export const TARGET_STATES: readonly TargetState[] = ['initial', 'translated', 'reviewed', 'final'];

/** What the importer found for one segment in a translator's file. */
export interface Translation {
  readonly id: string;
  /** The source text the translator saw (to detect stale units). */
  readonly source: string;
  /** Target text with inline codes removed; undefined when the unit has no target. */
  readonly target: string | undefined;
  readonly state: TargetState;
  /** True when the file marks the target as needing review (1.2 needs-review-*, our own flag). */
  readonly needsReview: boolean;
  /** Line of the unit in the XLIFF file, for messages. */
  readonly line?: number;
  /** Notes on the unit, as the file has them (reviewer's acceptances, context). */
  readonly notes?: readonly string[];
}
