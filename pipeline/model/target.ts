/**
 * The target side of the model: what a translator's file says about each sentence, in the
 * model's own terms. The XLIFF adapter (`pipeline/xliff/`) turns a file into these; checks, the
 * memory, the publishing policy and the writers read only these, never the reader's structures.
 */
import type { Content } from './codes.js';

/** Translation state of a target, in XLIFF 2 terms (the 1.2 reader and writer map them). */
export type TargetState = 'initial' | 'translated' | 'reviewed' | 'final';

export const TARGET_STATES: readonly TargetState[] = ['initial', 'translated', 'reviewed', 'final'];

/**
 * Who made a target, as far as the file says: `translator` (default), `memory` (a translation
 * memory match the exporter or a tool put in), `machine` (machine translation) or `source-copy`
 * (a copy of the source that nobody touched: OmegaT's pre-fill).
 */
export type TargetOrigin = 'translator' | 'memory' | 'machine' | 'source-copy';

export const TARGET_ORIGINS: readonly TargetOrigin[] = ['translator', 'memory', 'machine', 'source-copy'];

/** A note on a unit: a translator's question, a reviewer's acceptance, our context notes. */
export interface Note {
  readonly text: string;
  /** Who or what wrote it: XLIFF 1.2 `from`, 2.x `category` (`l10n-accept`, `context`, `glossary`). */
  readonly category?: string;
  /** What it is about: `source`, `target` or `general`, when the file says. */
  readonly appliesTo?: string;
  /** 1 (most important) to 10, when the file says. */
  readonly priority?: number;
}

/** A translation offered for a sentence: a memory match, a previous version, machine output. */
export interface Candidate {
  /** The source the candidate translates, when it differs from the sentence or the file says. */
  readonly source?: string;
  readonly target: Content;
  /** Match quality, 0–100, when known. */
  readonly quality?: number;
  /** Where it came from: `memory`, `memory:<tool>`, `previous-version`, a tool's name. */
  readonly origin?: string;
  /** Its kind: `tm`, `mt`, `previous-version`, `proposal`, … */
  readonly type?: string;
}

/** What a translator's file holds for one sentence. */
export interface SegmentTarget {
  /** Segment id (the sentence's id in the document). */
  readonly id: string;
  /** The source as the file has it, with its codes: what the translator saw. */
  readonly source: Content;
  /**
   * The translation, with its codes mapped to the model (by id). Undefined when the unit has none:
   * no target, an empty one, one of white space only, or an untouched copy of the source.
   */
  readonly target: Content | undefined;
  readonly state: TargetState;
  /** True when the file marks the target for review (1.2 needs-review-*, our own subState). */
  readonly needsReview: boolean;
  readonly origin: TargetOrigin;
  /** Notes of the unit that concern this sentence, as the file has them. */
  readonly notes: readonly Note[];
  /** Candidates the file offers for this sentence. */
  readonly candidates: readonly Candidate[];
  /** Line of the unit (or segment) in the file, for messages. */
  readonly line?: number;
}

/**
 * True for machine output no person has confirmed yet: origin `machine`, with a target, still
 * initial or marked for review (`l10n translate` writes it so; a CAT tool or the review page that
 * confirms it changes the state). The publishing policy holds it back, `status` counts it apart.
 */
export function isUnconfirmedMachine(target: SegmentTarget | undefined): boolean {
  return target !== undefined && target.origin === 'machine' && target.target !== undefined && (target.needsReview || target.state === 'initial');
}
