/**
 * What the reader keeps of an XLIFF file: enough to report version, languages, files, units,
 * segments, targets with their text, states, inline codes, markers, notes and candidates, and to
 * write the translators' work back without loss.
 */
import type { Message, TargetState } from '../model.js';

/** XLIFF versions the exporter writes. */
export type XliffVersion = '1.2' | '2.1';

/**
 * XLIFF versions the reader accepts. 1.1 (Translate Toolkit, Weblate, Virtaal, Pootle) and 1.0
 * (Passolo and older tools: a DTD, no namespace) have the elements, attributes and states of 1.2
 * that the reader uses, and are read as the 1.2 family.
 */
export type ReadVersion = '1.0' | '1.1' | '1.2' | '2.0' | '2.1' | '2.2';

/** An inline node of source or target content, as it was in the file (namespace-resolved). */
export type InlineNode = InlineTextNode | InlineElementNode;

export interface InlineTextNode {
  readonly type: 'text';
  readonly text: string;
}

export interface InlineElementNode {
  readonly type: 'element';
  /** Local name, e.g. `g`, `ph`, `mrk`, `pc`. */
  readonly local: string;
  /** Namespace URI; elements of other namespaces are kept but never written back. */
  readonly uri: string;
  /** Attributes without a namespace, by local name. */
  readonly attrs: ReadonlyMap<string, string>;
  /** Attributes in a namespace, keyed `{uri}local`. */
  readonly foreignAttrs: ReadonlyMap<string, string>;
  readonly children: readonly InlineNode[];
  readonly line: number;
  readonly column: number;
}

/**
 * An inline code: a placeholder, a paired code or an isolated one. `start`/`end` are offsets in
 * the content's `text`; for paired containers (`g`, `pc`) `end` is where the container closes.
 */
export interface InlineCode {
  /** Element local name: g, x, bx, ex, ph, bpt, ept, it (1.2); pc, ph, sc, ec, cp (2.x). */
  readonly element: string;
  /** `id` (or `rid`/`startRef` where that pairs codes). */
  readonly id: string | undefined;
  readonly start: number;
  readonly end: number;
  /** Native code held by ph/bpt/ept/it (1.2) and similar; never counted as text. */
  readonly data: string;
}

/** An annotation marker (`<mrk>`, 2.x `<sm>`/`<em>` pairs are reported as one with start=end). */
export interface InlineMark {
  /** 1.2 `mtype`, 2.x `type`. */
  readonly type: string;
  readonly id: string | undefined;
  readonly start: number;
  readonly end: number;
  /** 2.x `ref` (e.g. `#n=n1` of a `type="comment"` marker tying content to a note); absent when none. */
  readonly ref?: string;
}

/** Source or target content: the text a translator reads, its codes and markers, and for targets the tree. */
export interface InlineContent {
  /**
   * The inline tree as it was in the file, kept only where a writer may carry it back into a file
   * of the same version (targets, candidate targets, 2.x ignorables) and only when it holds an
   * element. Absent: the content is `text` alone (always so for sources).
   */
  readonly nodes?: readonly InlineNode[];
  /** Text with codes removed (content of ph/bpt/ept/it is code, not text). */
  readonly text: string;
  readonly codes: readonly InlineCode[];
  readonly marks: readonly InlineMark[];
}

export interface ParsedNote {
  readonly text: string;
  /** 1.2 `from`; 2.x `category`. */
  readonly from: string | undefined;
  /** 1.2 `annotates`; 2.x `appliesTo`. */
  readonly annotates: string | undefined;
  readonly priority: number | undefined;
  readonly id: string | undefined;
  /** Who wrote it, when the file says so apart from its category (see `review-marks.ts`). */
  readonly author?: string;
  /** When, ISO 8601, when the file says. */
  readonly time?: string;
}

/** A 1.2 `<phase>` of a file's header: a step of the work, with who did it. */
export interface ParsedPhase {
  /** `process-name`: `translation`, `review`, `review-edit`, … */
  readonly process: string;
  /** `contact-name`, when given. */
  readonly contact: string | undefined;
  /** `date` (ISO 8601), when given. */
  readonly date: string | undefined;
}

/** What a file records of a person's act on one segment in review (see `review-marks.ts`). */
export interface ParsedReviewMark {
  /** The 2.x segment id the mark is for; undefined for a 1.2 unit. */
  readonly segment: string | undefined;
  /** Who wrote the current target in review, and when. */
  readonly editedBy: string | undefined;
  readonly editedAt: string | undefined;
  /** Who last confirmed the target or sent it back, and when. */
  readonly reviewedBy: string | undefined;
  readonly reviewedAt: string | undefined;
  /** What the reviewer decided, when the file says. */
  readonly decision?: 'confirmed' | 'sent-back';
}

/** A translation candidate: 1.2 `<alt-trans>`, 2.x `<mtc:match>`. */
export interface ParsedCandidate {
  readonly source: string | undefined;
  readonly target: InlineContent;
  /** Match quality/similarity, 0–100 when the file gives a number. */
  readonly quality: number | undefined;
  readonly origin: string | undefined;
  /** 1.2 `alttranstype`, 2.x `type`. */
  readonly type: string | undefined;
  /** 1.2 `mid`, 2.x `ref`: which segment it is for, when the file says. */
  readonly ref: string | undefined;
}

/**
 * One segment of a unit. 1.2: the unit itself, or one `<mrk mtype="seg">` of `<seg-source>`;
 * 2.x: one `<segment>`.
 */
export interface ParsedSegment {
  /** 2.x segment id, 1.2 mrk `mid`; undefined when the file gives none. */
  readonly id: string | undefined;
  readonly source: InlineContent;
  readonly target: InlineContent | undefined;
  /** State as written (`needs-review-translation`, `reviewed`, …); undefined when absent. */
  readonly rawState: string | undefined;
  /** 2.x `subState`, 1.2 `state-qualifier`. */
  readonly subState: string | undefined;
  readonly state: TargetState;
  readonly needsReview: boolean;
  /** The target's own `xml:lang`, when it has one (it should agree with the file's target language). */
  readonly targetLanguage: string | undefined;
  readonly line: number;
}

/** A `<ignorable>` of a 2.x unit (whitespace or markup between segments). */
export interface ParsedIgnorable {
  readonly source: InlineContent;
  readonly target: InlineContent | undefined;
  /** Index of the segment it follows in `segments` (-1 before the first). */
  readonly after: number;
}

export interface ParsedUnit {
  /** 1.2 trans-unit id; 2.x unit id. Unique within its file. */
  readonly id: string;
  /** Index into `ParsedXliff.files`. */
  readonly fileIndex: number;
  /** Enclosing group ids, outermost first. */
  readonly groups: readonly string[];
  /** 1.2 restype of the enclosing group (e.g. `x-paragraph`) or of the unit; 2.x unit `type`. */
  readonly type: string | undefined;
  readonly name: string | undefined;
  /** 1.2 `approved="yes"`. */
  readonly approved: boolean | undefined;
  readonly translate: boolean;
  /** The whole source of the unit: 1.2 `<source>`; 2.x all segments and ignorables in order. */
  readonly source: InlineContent;
  /**
   * The whole target: 1.2 `<target>`; 2.x the segments' and ignorables' targets in the order their
   * `order` attributes give (source order without them).
   */
  readonly target: InlineContent | undefined;
  /**
   * 2.x only, when targets carry `order`: for each position of the unit (its segments and
   * ignorables in source order), the index in that same sequence of the part whose target is shown
   * there. Undefined when the targets are in source order.
   */
  readonly targetOrder?: readonly number[];
  /** 1.2 state of `<target>` as written. */
  readonly rawState: string | undefined;
  readonly state: TargetState;
  readonly needsReview: boolean;
  readonly segments: readonly ParsedSegment[];
  readonly ignorables: readonly ParsedIgnorable[];
  readonly notes: readonly ParsedNote[];
  readonly candidates: readonly ParsedCandidate[];
  /** `mda:meta` values (2.x) by `type`; 1.2 has none. */
  readonly metadata: ReadonlyMap<string, string>;
  /**
   * 1.2 `<context>` texts of the unit's `<context-group>`s, in order (Translate Toolkit keeps a PO
   * entry's location, which xliff2po took from our unit id, in `po-reference`); 2.x has none.
   */
  readonly contexts: readonly string[];
  /** Elements of other namespaces found in the unit, as `{uri}local`, in order. */
  readonly extensions: readonly string[];
  /** All attributes of the unit element as written (`name` or `{uri}local`). */
  readonly attributes: ReadonlyMap<string, string>;
  /** 1.2: the `phase-name` of the unit's `<target>`, when it has one. */
  readonly targetPhase?: string;
  /**
   * Who acted on the unit's segments in review, as far as the file says: 2.x our `mda:metaGroup`s
   * of category `l10n:review`; 1.2 the phases of target and unit, and a tool's "changed by"
   * attribute. Absent when the file says nothing.
   */
  readonly reviewMarks?: readonly ParsedReviewMark[];
  readonly line: number;
  readonly column: number;
}

export interface ParsedFile {
  /** 2.x file id; 1.2 has none. */
  readonly id: string | undefined;
  readonly original: string | undefined;
  readonly sourceLanguage: string | undefined;
  readonly targetLanguage: string | undefined;
  readonly datatype: string | undefined;
  readonly notes: readonly ParsedNote[];
  readonly metadata: ReadonlyMap<string, string>;
  /** 1.2: the header's phases by `phase-name`; absent when it has none. */
  readonly phases?: ReadonlyMap<string, ParsedPhase>;
  readonly line: number;
}

/** Everything the reader kept of one XLIFF file. */
export interface ParsedXliff {
  /** The name the file was read under (for messages). */
  readonly file: string;
  readonly version: ReadVersion;
  /** `urn:oasis:names:tc:xliff:document:…`, or '' for a 1.2 file without namespace. 1.1 files are read as the 1.2 family (`isFamily12`). */
  readonly namespace: string;
  /** 2.x `srcLang`; 1.2 the first file's `source-language`. */
  readonly sourceLanguage: string | undefined;
  /** 2.x `trgLang`; 1.2 the first file's `target-language`. */
  readonly targetLanguage: string | undefined;
  readonly files: readonly ParsedFile[];
  /** All units of all files, in document order. */
  readonly units: readonly ParsedUnit[];
  /** Things the reader noticed but could take (unknown states, no namespace, …). */
  readonly messages: readonly Message[];
}

/** Limits and switches of the reader. */
export interface ReadOptions {
  /** Largest file accepted, in bytes. Range 1…2^31; default 100 MiB. */
  readonly maxBytes?: number;
  /** Deepest element nesting accepted. Range 1…10 000; default 256. */
  readonly maxDepth?: number;
  /**
   * Receives each unit as it is read, in document order, instead of `ParsedXliff.units` (which then
   * stays empty), so a reader that only summarizes (`l10n inspect`) never holds every unit at once.
   * Default: units are kept.
   */
  readonly onUnit?: (unit: ParsedUnit) => void;
}
