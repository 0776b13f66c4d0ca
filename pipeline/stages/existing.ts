/**
 * The existing stage (extract): reads each language's XLIFF files as translators left them (the
 * working file and the aside file) and teaches the translation memory their approved work. A file
 * that cannot be read stops that language of the document: it is never overwritten.
 */
import { existsSync } from 'node:fs';
import { maxFileBytes, readBoundedFile } from '../files.js';
import { perLanguage, type LanguageTrack } from '../file.js';
import { InputError } from '../model.js';
import { readTargets, readXliff, type ParsedXliff } from '../xliff/index.js';
import type { ExtractContext } from './context.js';

/** Reads an XLIFF file if it exists; one that cannot be read is a fatal message of the track. */
function readExisting(track: LanguageTrack, absolute: string, shown: string): ParsedXliff | undefined | 'unreadable' {
  if (!existsSync(absolute)) return undefined;
  try {
    const maxBytes = maxFileBytes();
    return readXliff(readBoundedFile(absolute, shown, maxBytes, 'xliff'), shown, { maxBytes });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    track.message({ ...error.detail, fatal: true, hint: `${error.detail.hint ?? ''} (the file was left as it is; extract did not overwrite it)`.trim() });
    return 'unreadable';
  }
}

export const existingStage = perLanguage<ExtractContext>('existing', (track, _file, { memories }) => {
  const previous = readExisting(track, track.xliffPath, track.xliff);
  const aside = readExisting(track, track.asidePath, track.aside);
  if (previous === 'unreadable' || aside === 'unreadable') return;
  track.previous = previous;
  track.previousAside = aside;
  memories.learn(track.language, [...(previous === undefined ? [] : readTargets(previous)), ...(aside === undefined ? [] : readTargets(aside))]);
});
