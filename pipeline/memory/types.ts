/**
 * The translation memory model: approved sentence pairs for one language pair, as stored in
 * `translations/memory/de-<lang>.tmx`.
 */

/** One approved translation of a source sentence. */
export interface MemoryEntry {
  /** Source text, inline codes removed. */
  readonly source: string;
  /** Target text, inline codes removed. */
  readonly target: string;
  /** Where it came from: `project` (our XLIFF files) or the tool named by an imported TMX. */
  readonly origin: string;
  /** The state it had when it entered the memory (`reviewed`, `final`, `translated`, `imported`). */
  readonly state: string;
}

/** The memory of one language pair. */
export interface Memory {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Entries, unique by source and target, in a stable order (see `normalize`). */
  readonly entries: readonly MemoryEntry[];
}

/** A match the memory offers for a sentence. */
export interface MemoryMatch {
  readonly source: string;
  readonly target: string;
  /** 100 for an exact match, else the similarity in percent (75 or more). */
  readonly quality: number;
  readonly origin: string;
}
