/**
 * A review store that keeps its documents in memory: for tests and the benchmark, and the
 * reference behaviour every other store must match (versions, conflicts, re-run checks).
 */
import { createHash } from 'node:crypto';
import { applyAction } from './apply.js';
import type { ActionRequest, ApplyResult, LoadedDocument, ReviewPolicy, ReviewStore, SegmentCheck } from './store.js';
import { summarize, type DocumentRef, type ReviewDocument, type ReviewSummary, type SegmentView } from './view.js';

export interface MemoryStoreOptions extends Partial<ReviewPolicy> {
  /** The checks re-run on a segment after each write. Default: none (findings are kept as they were). */
  readonly check?: SegmentCheck;
}

/** The in-memory store, plus what tests need to play the rest of the world. */
export interface MemoryStore extends ReviewStore {
  /** The document as stored now (no version check). */
  current(ref: DocumentRef): ReviewDocument | undefined;
  /**
   * Changes a document outside the review page, as a translator's tool or a new extract does:
   * `change` gets the stored segment and returns its replacement. The version changes.
   */
  changeSegment(ref: DocumentRef, segmentId: string, change: (segment: SegmentView) => SegmentView): void;
}

/** A store over the given documents (copied; one per document × language). */
export function createMemoryStore(documents: readonly ReviewDocument[], options: MemoryStoreOptions = {}): MemoryStore {
  const policy: ReviewPolicy = { confirmState: options.confirmState ?? 'reviewed' };
  const check = options.check;
  const entries = new Map<string, { view: ReviewDocument; version: string }>();
  const keyOf = (ref: DocumentRef): string => JSON.stringify([ref.document, ref.language]);
  const put = (view: ReviewDocument): string => {
    const version = versionOf(view);
    entries.set(keyOf(view), { view, version });
    return version;
  };
  for (const document of documents) {
    if (entries.has(keyOf(document))) throw new Error(`two documents "${document.document}" in language "${document.language}"`);
    put(structuredClone(document));
  }

  const replaceSegment = (view: ReviewDocument, index: number, segment: SegmentView): ReviewDocument => {
    const segments = view.segments.slice();
    segments[index] = segment;
    return { ...view, segments };
  };

  return {
    list(): Promise<readonly ReviewSummary[]> {
      const summaries = [...entries.values()].map((entry) => summarize(entry.view));
      summaries.sort((a, b) => compareText(a.document, b.document) || compareText(a.language, b.language));
      return Promise.resolve(summaries);
    },

    load(ref: DocumentRef): Promise<LoadedDocument | undefined> {
      const entry = entries.get(keyOf(ref));
      return Promise.resolve(entry === undefined ? undefined : { view: structuredClone(entry.view), version: entry.version });
    },

    apply(ref: DocumentRef, request: ActionRequest): Promise<ApplyResult> {
      const entry = entries.get(keyOf(ref));
      if (entry === undefined) return Promise.resolve({ status: 'not-found', reason: `no document "${ref.document}" in language "${ref.language}"` });
      if (request.version !== entry.version) {
        return Promise.resolve({ status: 'conflict', version: entry.version, reason: 'the document changed since it was loaded' });
      }
      const index = entry.view.segments.findIndex((s) => s.id === request.action.segment);
      const segment = entry.view.segments[index];
      if (segment === undefined) return Promise.resolve({ status: 'not-found', reason: `no segment "${request.action.segment}" in "${ref.document}"` });
      const outcome = applyAction(segment, request, policy);
      if (!outcome.ok) return Promise.resolve({ status: 'invalid', reason: outcome.reason });
      let view = replaceSegment(entry.view, index, outcome.segment);
      if (check !== undefined) view = replaceSegment(view, index, { ...outcome.segment, findings: check(view, outcome.segment) });
      const version = put(view);
      return Promise.resolve({ status: 'applied', segment: structuredClone(view.segments[index] as SegmentView), version });
    },

    current(ref: DocumentRef): ReviewDocument | undefined {
      const entry = entries.get(keyOf(ref));
      return entry === undefined ? undefined : structuredClone(entry.view);
    },

    changeSegment(ref, segmentId, change): void {
      const entry = entries.get(keyOf(ref));
      const index = entry?.view.segments.findIndex((s) => s.id === segmentId) ?? -1;
      const segment = entry?.view.segments[index];
      if (entry === undefined || segment === undefined) throw new Error(`no segment "${segmentId}" in "${ref.document}" (${ref.language})`);
      put(replaceSegment(entry.view, index, change(structuredClone(segment))));
    },
  };
}

/** A content hash of the view: equal content, equal version, as a hash of an XLIFF file's bytes is. */
function versionOf(view: ReviewDocument): string {
  return createHash('sha256').update(JSON.stringify(view)).digest('base64url').slice(0, 22);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
