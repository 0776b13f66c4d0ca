/**
 * The import and match stages (build, check, status): the translator's XLIFF file of each
 * language is read (import), then compared with the current document: each sentence gets what the
 * file says about it, in model types (match). A file that is missing or cannot be read stops that
 * language of the document.
 */
import { xliffSettingsFor } from '../config.js';
import { maxFileBytes, readBoundedFile } from '../files.js';
import { perLanguage, type DocumentFile, type LanguageTrack, type Stage } from '../file.js';
import { InputError, nothingToTranslate, segmentsOf, type Document, type SegmentTarget } from '../model.js';
import { acceptancesOf } from '../qa/accept.js';
import { sameAsSource } from '../qa/same-as-source.js';
import { matchTranslations, readXliff } from '../xliff/index.js';
import type { RunContext } from './context.js';

/** A document's language has no XLIFF file yet: for the build, that language cannot be built. */
function missingForBuild(track: LanguageTrack, file: DocumentFile): void {
  track.fail({
    reason: `no translation file for "${file.name}" in ${track.language}`,
    ruleId: 'build/missing-xliff',
    source: 'build',
    severity: 'error',
    file: track.xliff,
    hint: 'run `l10n extract` to create it, then have it translated',
  });
}

/** An import stage; `onMissing` says what a missing XLIFF file means to the chain (default: the build's fatal error). */
export function createImportStage(onMissing: (track: LanguageTrack, file: DocumentFile) => void = missingForBuild) {
  return perLanguage<RunContext>('import', async (track, file) => {
    // The size is checked on disk first: a huge file is refused before it is read, never "missing".
    const maxBytes = maxFileBytes();
    let bytes: Uint8Array;
    try {
      bytes = readBoundedFile(track.xliffPath, track.xliff, maxBytes, 'xliff');
    } catch (error) {
      if (!(error instanceof InputError) || error.detail.ruleId !== 'xliff/missing') throw error;
      onMissing(track, file);
      return;
    }
    importBytes(track, bytes, maxBytes);
  });
}

/** Reads a language's XLIFF file from bytes already in hand into the track (`parsed`, and the reader's messages). */
export function importBytes(track: LanguageTrack, bytes: Uint8Array, maxBytes: number = maxFileBytes()): void {
  const parsed = readXliff(bytes, track.xliff, { maxBytes });
  for (const m of parsed.messages) track.message(m);
  track.parsed = parsed;
}

export const importStage = createImportStage();

const SAME_AS_SOURCE = sameAsSource.id;

/** True when one of the notes accepts a target identical to the source (`l10n-accept` for `qa/same-as-source`). */
function acceptsSameAsSource(target: SegmentTarget): boolean {
  return acceptancesOf(target.notes).accepted.some((a) => a.ruleId === SAME_AS_SOURCE);
}

/**
 * Completes the file's targets with what the document itself settles: a sentence with nothing to
 * translate into the language (a credit "dpa", a name kept as it is) has its source as its final
 * translation, locked, unless a translator wrote another one; an untouched copy of the source
 * that a note accepts as the translation (`l10n-accept` for `qa/same-as-source`, the way to say
 * "same as source" in a tool that never changes states, like OmegaT) is translated. With
 * `locks: 'document'`, a unit the file has locked whose sentence now has something to translate
 * (the glossary changed since extract) is untranslated; with `'file'` the file's lock stands.
 */
function settledTargets(doc: Document, language: string, targets: Map<string, SegmentTarget>, locks: LockAuthority): void {
  for (const segment of segmentsOf(doc)) {
    const found = targets.get(segment.id);
    const content = { text: segment.text, codes: segment.codes };
    if (nothingToTranslate(segment, language)) {
      if (found?.target !== undefined && found.state !== 'initial' && found.locked !== true) continue;
      targets.set(segment.id, {
        id: segment.id,
        source: found?.source ?? content,
        target: content,
        state: 'final',
        needsReview: false,
        origin: 'translator',
        notes: found?.notes ?? [],
        candidates: found?.candidates ?? [],
        ...(found?.line === undefined ? {} : { line: found.line }),
        locked: true,
      });
      continue;
    }
    if (found?.locked === true) {
      if (locks === 'document') {
        const { locked: _, ...open } = found;
        targets.set(segment.id, { ...open, target: undefined, state: 'initial' });
      }
      continue;
    }
    if (found !== undefined && found.target === undefined && found.origin === 'source-copy' && acceptsSameAsSource(found)) {
      targets.set(segment.id, { ...found, target: content, state: 'translated', needsReview: false, origin: 'translator' });
    }
  }
}

/**
 * Who decides that a sentence has nothing to translate: `document` (the sentence and the current
 * glossary; build and check) or `file` (the lock extract wrote, for `status`, which counts the
 * files as they are and does not load the glossary).
 */
export type LockAuthority = 'document' | 'file';

/** The match stage: the file's units matched to the document's sentences (`matchTranslations`). */
export function createMatchStage(locks: LockAuthority): Stage<DocumentFile, RunContext> {
  return perLanguage<RunContext>('match', (track, file, { project }) => {
    if (track.parsed === undefined) return;
    const profile = xliffSettingsFor(project.config, track.language).profile;
    const doc = file.docFor(track.language);
    const matched = matchTranslations(doc, track.parsed, { sourceLanguage: project.config.sourceLanguage, targetLanguage: track.language, profile });
    for (const m of matched.messages) track.message(m);
    settledTargets(doc, track.language, matched.bySegment, locks);
    track.targets = matched.bySegment;
    // What the checks and the writers need is in the model now; the reader's tree can go.
    track.parsed = undefined;
  });
}

export const matchStage = createMatchStage('document');
