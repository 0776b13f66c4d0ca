/**
 * The shapes the quality checks share: what a check sees of a segment and its block, what it
 * returns, and how it is registered. A check is a pure function of this data: it reads no file
 * and prints nothing, so every check can be tested with a few literals.
 */
import type { CheckSetting } from '../config.js';
import type { LanguageProfile } from '../languages/index.js';
import type { BlockKind, BlockResource, InlineCode, Message, SegmentResource, Severity, Span, TargetState } from '../model.js';

/** One translated sentence as the checks see it. */
export interface QaSegment {
  /** Segment id (the XLIFF sentence id). */
  readonly id: string;
  /** Source sentence of the current document. */
  readonly source: string;
  /** Term spans of the source sentence (offsets into `source`). */
  readonly spans: readonly Span[];
  /** Target text with inline codes removed; undefined when the unit has no target. */
  readonly target: string | undefined;
  /** True when the file has a unit for this sentence. */
  readonly hasUnit: boolean;
  readonly state: TargetState;
  /**
   * Inline codes of the source the translator saw (the file's, mapped to the model; the
   * document's sentence when the file has no unit for it) and of the target.
   */
  readonly sourceCodes: readonly InlineCode[];
  readonly targetCodes: readonly InlineCode[];
  /** Line of the unit in the XLIFF file. */
  readonly line: number | undefined;
  /** What the format says of a named resource (a software string: its key, length limit, plural form). */
  readonly resource?: SegmentResource;
}

/** A block (title, heading, paragraph, credit, or a kind another format names) with its segments in reading order. */
export interface QaBlock {
  readonly id: string;
  readonly kind: BlockKind;
  readonly segments: readonly QaSegment[];
  /** What the format says of a group of named resources (a plural key). */
  readonly resource?: BlockResource;
}

/** What a check knows besides the segments. */
export interface QaContext {
  /** Target language (BCP 47), e.g. `fr` or `fr-CA`. */
  readonly language: string;
  readonly sourceLanguage: string;
  /** What the checks know about the target language (`pipeline/languages/<code>.yaml`). */
  readonly profile: LanguageProfile;
  /** And about the source language (how its numbers are written). */
  readonly sourceProfile: LanguageProfile;
  /** Forbidden renderings of a glossary term (by the entry's source) in the target language. */
  readonly forbidden: (term: string) => readonly string[];
}

/** One problem a check found in one segment. */
export interface Finding {
  /** The segment it is about. */
  readonly segment: QaSegment;
  readonly reason: string;
  readonly actual?: string;
  readonly expected?: string;
  readonly hint?: string;
  /** The glossary term (entry source) the finding is about, for term checks. */
  readonly term?: string;
  /**
   * The most this finding is, when it is milder than what the check reports (a variable repeated
   * in a software string is a warning where a missing one is an error): the lower of this and the
   * check's severity applies.
   */
  readonly severity?: Severity;
}

/** A check: a rule id, its default severity, and the function that looks at one block. */
export interface Check {
  /** `qa/<name>`; also the name of the module that implements it. */
  readonly id: string;
  /** Severity when the config does not choose one. */
  readonly severity: Severity;
  /** One line for the README and `--help`. */
  readonly description: string;
  /** Looks at one block (checks that need no neighbours use `perSegment`). */
  readonly run: (block: QaBlock, context: QaContext) => readonly Finding[];
}

export type { CheckSetting };

/** A message from a check, with the segment's text for readers and, when accepted, the reason. */
export interface QaMessage extends Message {
  /** Source and target of the segment, so a report can show them next to the finding. */
  readonly segment?: { readonly source: string; readonly target: string | undefined };
  /** The reviewer's reason, when an `l10n-accept` note accepts this finding (severity is then info). */
  readonly accepted?: string;
}

/** Wraps a per-segment test as a block check. */
export function perSegment(test: (segment: QaSegment, context: QaContext, block: QaBlock) => readonly Finding[]): Check['run'] {
  return (block, context) => block.segments.flatMap((segment) => test(segment, context, block));
}

/** Segments with a target text: most checks have nothing to say about the others. */
export function translated(segment: QaSegment): segment is QaSegment & { readonly target: string } {
  return segment.target !== undefined && segment.target.trim() !== '';
}
