/**
 * The import and match stages (build, check, status): the translator's XLIFF file of each
 * language is read (import), then compared with the current document: each sentence gets what the
 * file says about it, in model types (match). A file that is missing or cannot be read stops that
 * language of the document.
 */
import { xliffSettingsFor } from '../config.js';
import { maxFileBytes, readBoundedFile } from '../files.js';
import { perLanguage, type DocumentFile, type LanguageTrack } from '../file.js';
import { InputError } from '../model.js';
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
    const parsed = readXliff(bytes, track.xliff, { maxBytes });
    for (const m of parsed.messages) track.message(m);
    track.parsed = parsed;
  });
}

export const importStage = createImportStage();

export const matchStage = perLanguage<RunContext>('match', (track, file, { project }) => {
  if (track.parsed === undefined) return;
  const profile = xliffSettingsFor(project.config, track.language).profile;
  const matched = matchTranslations(file.docFor(track.language), track.parsed, { sourceLanguage: project.config.sourceLanguage, targetLanguage: track.language, profile });
  for (const m of matched.messages) track.message(m);
  track.targets = matched.bySegment;
  // What the checks and the writers need is in the model now; the reader's tree can go.
  track.parsed = undefined;
});
