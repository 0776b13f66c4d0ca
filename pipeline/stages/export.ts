/**
 * The export stage (extract): writes each language's XLIFF file, merged with the translators'
 * work (kept, offered as a candidate, set aside) and completed with the leverage stage's
 * suggestions. A file is written only when its content changed; nothing is written when the merge
 * found the previous file to be another language's.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { xliffSettingsFor } from '../config.js';
import { maxFileBytes, writeFailure, writeFileAtomic } from '../files.js';
import { describeLimit, raiseLimitHint } from '../limits.js';
import { perLanguage, type DocumentFile, type LanguageTrack } from '../file.js';
import type { Content, Segment } from '../model.js';
import { exportXliff, type ExportOptions } from '../xliff/index.js';
import type { ExtractContext } from './context.js';

/** The exporter's options for one document and language. */
export function exportOptions(file: DocumentFile, track: LanguageTrack, { project }: ExtractContext): ExportOptions {
  const settings = xliffSettingsFor(project.config, track.language);
  return {
    version: settings.version,
    profile: settings.profile,
    sourceLanguage: project.config.sourceLanguage,
    targetLanguage: track.language,
    original: file.path,
    datatype: file.format?.datatype ?? 'plaintext',
  };
}

/** Writes only when the content differs, so an unchanged file keeps its time stamp. */
function writeIfChanged(file: string, content: string): boolean {
  // A file of another size differs: no need to read it.
  if (existsSync(file) && statSync(file).size === Buffer.byteLength(content) && readFileSync(file, 'utf8') === content) return false;
  writeFileAtomic(file, content);
  return true;
}

/**
 * Merges and writes one language's XLIFF files of a document; `fill` decides targets of its own
 * (pseudo-translation, see `ExportOptions.fill`).
 */
export function exportDocument(track: LanguageTrack, file: DocumentFile, context: ExtractContext, fill?: (segment: Segment) => Content | undefined): void {
  const suggestions = track.suggestions ?? new Map();
  const machine = track.machineTargets;
  const result = exportXliff(file.docFor(track.language), track.previous, track.previousAside, {
    ...exportOptions(file, track, context),
    ...(suggestions.size === 0 ? {} : { leverage: (source: string) => suggestions.get(source) ?? [] }),
    ...(machine === undefined || machine.size === 0 ? {} : { machine: (segment) => machine.get(segment.id) }),
    ...(fill === undefined ? {} : { fill }),
  });
  // Merge messages are about this language's file, not the source: name the file the translator
  // works on (or the aside file), so the languages' notices differ.
  for (const m of result.messages) {
    const renamed = m.source === 'xliff-export' && m.file === file.path && m.severity === 'info';
    track.message(renamed ? { ...m, file: m.ruleId === 'xliff/set-aside' ? track.aside : track.xliff } : m);
  }
  // A previous file for another language must not be merged into this one: leave it be.
  if (track.stopped) return;
  // Never write what the import (or the next extract) would refuse to read.
  const limit = maxFileBytes();
  for (const [content, shown] of [[result.xliff, track.xliff], [result.aside, track.aside]] as const) {
    const size = content === undefined ? 0 : Buffer.byteLength(content);
    if (size <= limit) continue;
    track.fail({
      reason: `the XLIFF file would be ${(size / 1024 / 1024).toFixed(1)} MB, more than the limit of ${describeLimit(limit)} that l10n reads; it was not written`,
      ruleId: 'extract/too-large',
      source: 'extract',
      severity: 'error',
      file: shown,
      actual: String(size),
      expected: `at most ${limit} bytes`,
      hint: `split the source document into smaller ones, or ${raiseLimitHint(size)} for every command that reads the file`,
    });
  }
  // Units leave one file only once the other holds them: a new aside file is written before the
  // working file, an aside file that is no longer needed is removed after it.
  const write = (file: string, shown: string, content: string | undefined): boolean => {
    try {
      if (content !== undefined) return writeIfChanged(file, content);
      rmSync(file, { force: true });
      return false;
    } catch (error) {
      const failure = writeFailure(error, `${context.project.config.paths.translations}/${track.language}`);
      return track.fail({
        reason: `the XLIFF file could not be written: ${failure.cause}`,
        ruleId: 'extract/write',
        source: 'extract',
        severity: 'error',
        file: shown,
        hint: failure.hint,
      });
    }
  };
  if (result.aside !== undefined) write(track.asidePath, track.aside, result.aside);
  const changed = write(track.xliffPath, track.xliff, result.xliff);
  if (result.aside === undefined) write(track.asidePath, track.aside, undefined);
  track.exported = { file: track.xliff, changed, stats: result.stats, ...(result.fromMachine === 0 ? {} : { fromMachine: result.fromMachine }) };
}

export const exportStage = perLanguage<ExtractContext>('export', (track, file, context) => exportDocument(track, file, context));
