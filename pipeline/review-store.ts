/**
 * The review store of a project: what `l10n review` serves. It reads each document through the
 * build chain's stages (read → segment → terms, then the language's XLIFF file → match →
 * checks), shows that model as review views, and writes each reviewer's action into the XLIFF
 * file through the XLIFF adapter (`patchXliff`), in place and atomically.
 *
 * A document's version is a content hash of its XLIFF file. An action names the version its page
 * loaded; when the file on disk has another (a translator's tool, `extract`, another window
 * saved it), the action is refused and nothing is written. The file is read once per action: the
 * bytes that are hashed are the bytes that are patched, and the hash is taken again just before
 * the new file replaces the old one.
 *
 * It sits beside the chains (it runs their stages); `pipeline/review/` below it knows nothing of
 * the project.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { confirmStateFor } from './config.js';
import { SOURCE_STAGES } from './chains.js';
import { DocumentFile, LanguageTrack, runStages } from './file.js';
import { maxFileBytes, projectRelative, readBoundedFile, writeFileAtomic } from './files.js';
import { InputError, type Message } from './model.js';
import { findDocuments, xliffPath, type DocumentEntry, type Project } from './project.js';
import { qaOptionsFor } from './qa/index.js';
import { applyAction, sameContent } from './review/apply.js';
import { modelView } from './review/from-model.js';
import {
  ReviewStoreError,
  summarize,
  type ActionRequest,
  type ApplyResult,
  type ContentView,
  type DocumentRef,
  type LoadedDocument,
  type ReviewDocument,
  type ReviewStore,
  type ReviewSummary,
  type SegmentView,
} from './review/index.js';
import { checksStage } from './stages/checks.js';
import type { BuildContext } from './stages/context.js';
import { importBytes, matchStage } from './stages/import.js';
import { documentEntries, patchXliff, XliffWriteRefused, type PatchState, type ReviewRecord, type SegmentPatch, type SegmentPlace } from './xliff/index.js';

/** Options of the project's review store. */
export interface ProjectStoreOptions {
  /** Target languages to review; each must be in the config. Default: all of the config's. */
  readonly languages?: readonly string[];
  /**
   * Told about a document that cannot be shown (its source or XLIFF file cannot be read): the
   * index leaves it out, the CLI prints the message. Default: ignored.
   */
  readonly onProblem?: (message: Message) => void;
}

/** A document read for review, at one version of its XLIFF file. */
interface Reviewed {
  readonly version: string;
  readonly view: ReviewDocument;
  /** Where each segment's unit is in the file, by segment id. */
  readonly places: ReadonlyMap<string, SegmentPlace>;
  /** Who edited and decided on each segment, as the file recorded it. */
  readonly records: ReadonlyMap<string, ReviewRecord>;
}

/** The source side of a document, read once per change of the source file. */
interface SourceRead {
  readonly stamp: string;
  readonly file: DocumentFile;
}

/** The content hash that is a document's version. */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

/** Creates the store over `project`'s documents and XLIFF files. */
export function createProjectStore(project: Project, options: ProjectStoreOptions = {}): ReviewStore {
  const configured = project.config.targetLanguages;
  const languages = options.languages === undefined || options.languages.length === 0 ? configured : options.languages;
  for (const language of languages) {
    if (!configured.includes(language)) throw new RangeError(`languages: expected one of ${configured.join(', ')} (from l10n.config.yaml), got "${language}"`);
  }
  const onProblem = options.onProblem ?? ((): void => undefined);
  const sources = new Map<string, SourceRead>();
  const reviewed = new Map<string, Reviewed>();
  const queues = new Map<string, Promise<unknown>>();
  const context: BuildContext = { project, languages, qa: qaOptionsFor(project.config), failOn: project.config.policies.failOn };
  const keyOf = (ref: DocumentRef): string => JSON.stringify([ref.document, ref.language]);

  const entryOf = (name: string): DocumentEntry | undefined => findDocuments(project).find((e) => e.name === name);

  /** The document read through the source stages, again only when its file changed. */
  const sourceOf = async (entry: DocumentEntry): Promise<DocumentFile> => {
    const stat = statSync(entry.absolutePath, { throwIfNoEntry: false });
    const stamp = stat === undefined ? 'missing' : `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    const cached = sources.get(entry.path);
    if (cached !== undefined && cached.stamp === stamp) return cached.file;
    const file = new DocumentFile({ path: entry.path, absolutePath: entry.absolutePath, name: entry.name, format: entry.format, tracks: [] });
    await runStages(file, SOURCE_STAGES, { project, languages: [] });
    sources.set(entry.path, { stamp, file });
    return file;
  };

  /** The XLIFF file's bytes, or undefined when there is none. */
  const bytesOf = (absolute: string, shown: string): Uint8Array | undefined => {
    try {
      return readBoundedFile(absolute, shown, maxFileBytes(), 'xliff');
    } catch (error) {
      if (error instanceof InputError && error.detail.ruleId === 'xliff/missing') return undefined;
      throw error;
    }
  };

  /** Reads a document in a language at the version of `bytes` (from the cache when it is that version). */
  const read = async (entry: DocumentEntry, language: string, bytes: Uint8Array): Promise<Reviewed> => {
    const key = keyOf({ document: entry.name, language });
    const version = versionOf(bytes);
    const cached = reviewed.get(key);
    if (cached !== undefined && cached.version === version) return cached;
    const source = await sourceOf(entry);
    const stopper = source.messages.find((m) => m.fatal === true);
    if (stopper !== undefined || source.document === undefined) throw problem(stopper ?? { reason: `${entry.path} could not be read`, ruleId: 'review/source', source: 'review', severity: 'error' });
    const absolute = xliffPath(project.config, language, entry.name);
    const track = new LanguageTrack(language, {
      xliffPath: absolute,
      xliff: projectRelative(project.root, absolute),
      asidePath: xliffPath(project.config, language, entry.name, 'aside'),
      aside: projectRelative(project.root, xliffPath(project.config, language, entry.name, 'aside')),
    });
    const file = new DocumentFile({ path: entry.path, absolutePath: entry.absolutePath, name: entry.name, format: entry.format, tracks: [track] });
    file.document = source.document;
    // A format whose units differ by language (plural forms of software strings) has a view per language.
    const doc = file.docFor(language);
    const places = new Map<string, SegmentPlace>();
    try {
      importBytes(track, bytes);
      const parsed = track.parsed;
      if (parsed !== undefined) {
        for (const e of documentEntries(parsed, doc, 'review').entries) if (!places.has(e.id)) places.set(e.id, e);
      }
    } catch (error) {
      if (error instanceof InputError) throw problem(error.detail);
      throw error;
    }
    await runStages(file, [matchStage, checksStage], context);
    const stopper2 = track.messages.find((m) => m.fatal === true);
    if (stopper2 !== undefined) throw problem(stopper2);
    const targets = track.targets ?? new Map();
    const view = modelView({ doc, language, sourceLanguage: project.config.sourceLanguage, file: track.xliff, targets, messages: track.messages });
    const records = new Map<string, ReviewRecord>();
    for (const [id, t] of targets) {
      const edited = t.editedBy?.at === undefined ? undefined : { by: t.editedBy.by, at: t.editedBy.at };
      const decided =
        t.reviewedBy?.at === undefined || t.reviewedBy.decision === undefined
          ? undefined
          : { by: t.reviewedBy.by, at: t.reviewedBy.at, how: t.reviewedBy.decision === 'sent-back' ? ('sent back' as const) : ('confirmed' as const) };
      if (edited !== undefined || decided !== undefined) records.set(id, { ...(edited === undefined ? {} : { edited }), ...(decided === undefined ? {} : { decided }) });
    }
    const result: Reviewed = { version, view, places, records };
    reviewed.set(key, result);
    return result;
  };

  /** One document's actions one after the other. */
  const serialized = <T>(ref: DocumentRef, work: () => Promise<T>): Promise<T> => {
    const key = keyOf(ref);
    const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };

  const locate = (ref: DocumentRef): { entry: DocumentEntry; absolute: string; shown: string } | undefined => {
    if (!languages.includes(ref.language)) return undefined;
    const entry = entryOf(ref.document);
    if (entry === undefined) return undefined;
    const absolute = xliffPath(project.config, ref.language, entry.name);
    return { entry, absolute, shown: projectRelative(project.root, absolute) };
  };

  return {
    async list(): Promise<readonly ReviewSummary[]> {
      const out: ReviewSummary[] = [];
      for (const entry of findDocuments(project)) {
        for (const language of languages) {
          const absolute = xliffPath(project.config, language, entry.name);
          try {
            const bytes = bytesOf(absolute, projectRelative(project.root, absolute));
            if (bytes === undefined) continue;
            out.push(summarize((await read(entry, language, bytes)).view));
          } catch (error) {
            if (!(error instanceof ReviewStoreError)) throw error;
            onProblem({ reason: error.message, ruleId: 'review/unreadable', source: 'review', severity: 'warning', file: projectRelative(project.root, absolute), ...(error.hint === undefined ? {} : { hint: error.hint }) });
          }
        }
      }
      return out;
    },

    async load(ref: DocumentRef): Promise<LoadedDocument | undefined> {
      const where = locate(ref);
      if (where === undefined) return undefined;
      const bytes = bytesOf(where.absolute, where.shown);
      if (bytes === undefined) return undefined;
      const { view, version } = await read(where.entry, ref.language, bytes);
      return { view, version };
    },

    apply(ref: DocumentRef, request: ActionRequest): Promise<ApplyResult> {
      return serialized(ref, async (): Promise<ApplyResult> => {
        const where = locate(ref);
        const bytes = where === undefined ? undefined : bytesOf(where.absolute, where.shown);
        if (where === undefined || bytes === undefined) return { status: 'not-found', reason: `no document "${ref.document}" in language "${ref.language}"` };
        const current = await read(where.entry, ref.language, bytes);
        if (current.version !== request.version) return { status: 'conflict', version: current.version, reason: 'the document changed since it was loaded' };
        const index = current.view.segments.findIndex((s) => s.id === request.action.segment);
        const segment = current.view.segments[index];
        const place = current.places.get(request.action.segment);
        if (segment === undefined) return { status: 'not-found', reason: `no segment "${request.action.segment}" in "${ref.document}"` };
        if (place === undefined) return { status: 'invalid', reason: `segment ${index + 1} has no unit in ${where.shown} yet: run \`l10n extract\`, then review it` };
        const outcome = applyAction(segment, request, { confirmState: confirmStateFor(project.config, ref.language) });
        if (!outcome.ok) return { status: 'invalid', reason: outcome.reason };
        const patch = patchFor(segment, outcome.segment, request, place, current.records.get(segment.id));
        if (patch === undefined) return { status: 'applied', segment, version: current.version };
        let written: Uint8Array;
        try {
          written = patchXliff(bytes, where.shown, patch);
        } catch (error) {
          if (error instanceof XliffWriteRefused) return { status: 'invalid', reason: `${error.message}; ${error.hint}` };
          if (error instanceof InputError) throw problem(error.detail);
          throw error;
        }
        // Someone may have saved between the read and now: compare again just before replacing.
        const now = bytesOf(where.absolute, where.shown);
        if (now === undefined || versionOf(now) !== current.version) {
          return { status: 'conflict', version: now === undefined ? '' : versionOf(now), reason: 'the document changed since it was loaded' };
        }
        try {
          writeFileAtomic(where.absolute, written);
        } catch (error) {
          throw new ReviewStoreError(`${where.shown} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was changed`, 'check that the disk has room and the file may be written, then try again');
        }
        const after = await read(where.entry, ref.language, written);
        const saved = after.view.segments.find((s) => s.id === segment.id) as SegmentView;
        return { status: 'applied', segment: saved, version: after.version };
      });
    },
  };
}

/** A store error from a problem with a document's files (the page and the CLI show its reason and hint). */
function problem(message: Message): ReviewStoreError {
  const where = message.file === undefined ? '' : `${message.file}${message.line === undefined ? '' : `:${message.line}`}${message.column === undefined ? '' : `:${message.column}`}: `;
  return new ReviewStoreError(`${where}${message.reason}`, message.hint);
}

/**
 * What the file must get for an action that turned `before` into `after`: the target when it
 * changed, the state, the record of who edited and decided, the comment. Undefined when nothing
 * changes (the same text saved again).
 */
function patchFor(before: SegmentView, after: SegmentView, request: ActionRequest, place: SegmentPlace, record: ReviewRecord | undefined): SegmentPatch | undefined {
  const { action, author, time } = request;
  const edited = !sameTarget(before.target, after.target);
  const decided = action.kind === 'confirm' || action.kind === 'send-back';
  const comment = action.kind === 'send-back' || action.kind === 'comment' ? action.comment : undefined;
  if (!edited && !decided && comment === undefined) return undefined;
  const state: PatchState | undefined = !edited && !decided ? undefined : after.state === 'needs-translation' ? 'sent-back' : after.state === 'needs-review' ? 'translated' : after.state;
  // An edit makes an earlier confirmation void: the record keeps only what still holds.
  const next: ReviewRecord = {
    ...(edited ? (after.target === undefined ? {} : { edited: { by: author, at: time } }) : record?.edited === undefined ? {} : { edited: record.edited }),
    ...(decided ? { decided: { by: author, at: time, how: action.kind === 'send-back' ? ('sent back' as const) : ('confirmed' as const) } } : edited || record?.decided === undefined ? {} : { decided: record.decided }),
  };
  return {
    place,
    // The page's codes name the source's codes by id and kind; the file writes them as its source does.
    ...(edited ? { target: after.target === undefined ? null : { text: after.target.text, codes: after.target.codes } } : {}),
    ...(state === undefined ? {} : { state }),
    ...(edited || decided ? { record: next } : {}),
    ...(comment === undefined ? {} : { note: { author, time, text: comment } }),
  };
}

function sameTarget(a: ContentView | undefined, b: ContentView | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameContent(a, b);
}
