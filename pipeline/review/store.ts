/**
 * The review store: where the review page reads documents and writes a reviewer's actions.
 *
 * The server knows nothing else about the project. The project's store reads and writes the XLIFF
 * files of `translations/<lang>/`; the in-memory store (`memory-store.ts`) serves tests and the
 * benchmark.
 *
 * Every write is optimistic: the page sends the version it loaded, and the store refuses the
 * action with `conflict` when the document changed since (another window, a translator's tool, a
 * new extract). Nothing is overwritten that the reviewer has not seen, and a refused action
 * changes nothing. After a write, the store runs the segment's checks again.
 */
import type { ConfirmState, ContentView, DocumentRef, FindingView, ReviewDocument, ReviewSummary, SegmentView } from './view.js';

/** What a reviewer can do to one segment. */
export type ReviewAction =
  /** Replace the target (the state stays; the origin becomes `reviewer`). */
  | { readonly kind: 'edit'; readonly segment: string; readonly target: ContentView }
  /** Confirm the target, optionally replacing it first: state → the store's `confirmState`. */
  | { readonly kind: 'confirm'; readonly segment: string; readonly target?: ContentView }
  /** Send the segment back to the translator: state → `needs-translation`, the comment becomes a note. */
  | { readonly kind: 'send-back'; readonly segment: string; readonly comment: string }
  /** Add a note; nothing else changes. */
  | { readonly kind: 'comment'; readonly segment: string; readonly comment: string };

export type ReviewActionKind = ReviewAction['kind'];

export const REVIEW_ACTION_KINDS: readonly ReviewActionKind[] = ['edit', 'confirm', 'send-back', 'comment'];

/** An action with what the store needs to apply it. */
export interface ActionRequest {
  readonly action: ReviewAction;
  /** The version the page loaded (from `load` or from the last applied action). */
  readonly version: string;
  /** Who acts (the reviewer's name): the author of notes, the origin of edited targets. */
  readonly author: string;
  /** When, ISO 8601: the time of notes. */
  readonly time: string;
}

/** A document view with the version it was read at. */
export interface LoadedDocument {
  readonly view: ReviewDocument;
  /**
   * Opaque token that changes whenever the document changes (the project's store: a hash of the
   * XLIFF file's bytes). Equal tokens mean equal content.
   */
  readonly version: string;
}

/** What became of an action. */
export type ApplyResult =
  /** Written: the segment as it is now, its findings re-run, and the document's new version. */
  | { readonly status: 'applied'; readonly segment: SegmentView; readonly version: string }
  /** Refused: the document changed since `version`; nothing was written. */
  | { readonly status: 'conflict'; readonly version: string; readonly reason: string }
  /** Refused: no such document, language or segment; nothing was written. */
  | { readonly status: 'not-found'; readonly reason: string }
  /** Refused: the action makes no sense for this segment (confirming a segment without target); nothing was written. */
  | { readonly status: 'invalid'; readonly reason: string };

/**
 * Where review pages read and write. Implementations serialize writes to one document themselves
 * (compare the version and write as one step); the server also never runs two actions on one
 * document at once. Errors of the file system are thrown (`ReviewStoreError`), never swallowed.
 */
export interface ReviewStore {
  /** Every document × target language, with counts, sorted by document then language. */
  list(): Promise<readonly ReviewSummary[]>;
  /** One document in one language; undefined when there is no such pair. */
  load(ref: DocumentRef): Promise<LoadedDocument | undefined>;
  /** Applies one action if `request.version` is still current. */
  apply(ref: DocumentRef, request: ActionRequest): Promise<ApplyResult>;
}

/** The checks of one segment, run after each write: the findings of `segment` within `view`. */
export type SegmentCheck = (view: ReviewDocument, segment: SegmentView) => readonly FindingView[];

/** What every store needs to know of the project. */
export interface ReviewPolicy {
  /** The state "Confirm" leads to (`policies.publishState` decides in the project). Default `reviewed`. */
  readonly confirmState: ConfirmState;
}

/** A store could not read or write its files. The server answers 500 with this message. */
export class ReviewStoreError extends Error {
  override name = 'ReviewStoreError';
  constructor(
    message: string,
    /** What to do about it, for people. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
