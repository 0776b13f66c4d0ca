/**
 * The leverage stage (extract): what is known elsewhere about the sentences that have no approved
 * translation yet. Each provider is asked in turn, asynchronously: the project's translation
 * memory now; machine translation plugs in here as another provider. Their suggestions become
 * candidates in the XLIFF file, and an exact memory match becomes the target, marked for review
 * (see the export stage and `exportXliff`).
 */
import { perLanguage, type DocumentFile } from '../file.js';
import { openSegments, type LeverageMatch } from '../xliff/index.js';
import type { ExtractContext } from './context.js';
import { exportOptions } from './export.js';

/** What a provider is asked: the sentences of one document in one language that need a translation. */
export interface LeverageRequest {
  /** Target language, BCP 47. */
  readonly language: string;
  /** Source texts of the sentences without an approved translation, each once, in document order. */
  readonly sources: readonly string[];
  readonly file: DocumentFile;
}

/** A source of suggestions for untranslated sentences. */
export interface LeverageProvider {
  /** Names it in messages (`memory`, `machine`). */
  readonly name: string;
  /**
   * Suggestions by source text (a source without any may be left out). A memory match has
   * `type: 'tm'` (the default), machine output `type: 'mt'`. Problems are messages on
   * `request.file` (or its track); only a defect throws.
   */
  suggest(request: LeverageRequest, context: ExtractContext): Promise<ReadonlyMap<string, readonly LeverageMatch[]>> | ReadonlyMap<string, readonly LeverageMatch[]>;
}

/** The project's translation memory (`translations/memory/`): exact and fuzzy matches. */
export const memoryLeverage: LeverageProvider = {
  name: 'memory',
  suggest({ language, sources }, { memories }) {
    const lookup = memories.leverage(language);
    const out = new Map<string, readonly LeverageMatch[]>();
    if (lookup === undefined) return out;
    for (const source of sources) {
      const matches = lookup(source);
      if (matches.length > 0) out.set(source, matches);
    }
    return out;
  },
};

export const leverageStage = perLanguage<ExtractContext>('leverage', async (track, file, context) => {
  const open = openSegments(file.docFor(track.language), track.previous, track.previousAside, exportOptions(file, track, context));
  const sources = [...new Set(open.map((s) => s.text))];
  const suggestions = new Map<string, LeverageMatch[]>();
  if (sources.length === 0) {
    track.suggestions = suggestions;
    return;
  }
  for (const provider of context.leverage) {
    const found = await provider.suggest({ language: track.language, sources, file }, context);
    for (const [source, matches] of found) suggestions.set(source, [...(suggestions.get(source) ?? []), ...matches]);
  }
  track.suggestions = suggestions;
});
