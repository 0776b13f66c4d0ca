/**
 * The shapes of machine pre-translation, independent of the document model and of XLIFF: what a
 * caller hands in (segments with their text, inline codes, glossary terms and neighbours) and what
 * comes back (per segment id a checked target, a rejection or a failure, plus a summary).
 *
 * Offsets are UTF-16 code units (JavaScript string indices), like everywhere in the pipeline.
 */
import type { Message } from '../model.js';

/** The machine translation services this library speaks to. */
export type MtProviderName = 'deepl' | 'openai' | 'libretranslate';

export const MT_PROVIDERS: readonly MtProviderName[] = ['deepl', 'openai', 'libretranslate'];

/**
 * An inline code (a formatting run, a link, a placeholder) at a position of a segment's text. The
 * opening and the closing code of one pair share their `id`.
 */
export interface MtCode {
  readonly id: string;
  readonly kind: 'open' | 'close' | 'standalone';
  /** Offset in the text where the code sits, from 0 to `text.length`. */
  readonly at: number;
}

/** Text with its inline codes. Codes at the same offset keep their order in the list. */
export interface MtText {
  readonly text: string;
  readonly codes: readonly MtCode[];
}

/** A glossary entry as machine translation needs it. */
export interface MtTermEntry {
  /** The entry's base form in the source language; identifies the entry. */
  readonly source: string;
  /** Approved renderings in the target language, the first preferred. Empty for do-not-translate terms. */
  readonly targets: readonly string[];
  /** Renderings the glossary forbids in the target language. */
  readonly forbidden?: readonly string[];
  /** Note for translators (and for a language model). */
  readonly note?: string;
  /** True when the term stays as written in every language. */
  readonly dnt?: boolean;
  /** Other source spellings of the entry (short forms), exported to engine glossaries too. */
  readonly variants?: readonly string[];
}

/** A glossary term where it occurs in a segment's text. */
export interface MtTerm extends MtTermEntry {
  readonly start: number;
  readonly end: number;
}

/** One sentence to translate. */
export interface MtSegment extends MtText {
  /** Segment id; unique within a job. Results are keyed by it. */
  readonly id: string;
  /** Glossary terms found in the text. */
  readonly terms?: readonly MtTerm[];
  /** Neighbouring sentences (plain text), given to engines that take context; never translated. */
  readonly context?: { readonly before?: readonly string[]; readonly after?: readonly string[] };
}

/** One language pair's worth of work. */
export interface MtJob {
  /** BCP 47, e.g. `de`. */
  readonly sourceLanguage: string;
  /** BCP 47, e.g. `en` or `pt-BR`. */
  readonly targetLanguage: string;
  readonly segments: readonly MtSegment[];
  /**
   * The glossary of the pair, from which an engine-side glossary is built (DeepL). Default: the
   * distinct terms of the segments. Passing the whole glossary keeps the engine glossary (and its
   * checksum) the same from run to run.
   */
  readonly glossary?: readonly MtTermEntry[];
}

/**
 * A machine target whose codes are intact (see `checks.ts`); the quality checks are the caller's
 * (`MtSettings.checks` says what they do).
 */
export interface MtTranslated {
  readonly id: string;
  readonly status: 'translated';
  readonly target: MtText;
  /** True when it came from the cache of earlier runs. */
  readonly cached: boolean;
}

/** The engine answered, but the answer cannot be used (broken codes, a malformed answer). */
export interface MtRejected {
  readonly id: string;
  readonly status: 'rejected';
  readonly cached: boolean;
  /** What the engine returned (with codes as tags), for a report; absent when there was nothing. */
  readonly answer?: string;
  readonly reasons: readonly Message[];
}

/** No answer: the request failed, the run stopped (quota, key), or was interrupted first. */
export interface MtFailed {
  readonly id: string;
  readonly status: 'failed';
  readonly reason: Message;
}

/** Never sent: nothing to translate (only punctuation), or inline codes the caller got wrong. */
export interface MtSkipped {
  readonly id: string;
  readonly status: 'skipped';
  readonly reason: Message;
}

export type MtOutcome = MtTranslated | MtRejected | MtFailed | MtSkipped;

/** Counts of one run for one language pair. */
export interface MtSummary {
  readonly provider: MtProviderName;
  /** What shaped the answers (DeepL's target code with model type and formality, the chat model, `default`); as in the cache. */
  readonly model: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Segments in the job. */
  readonly segments: number;
  /** Segments answered by the provider during this run. */
  readonly sent: number;
  /** Segments answered from the cache. */
  readonly cached: number;
  /** Segments whose target passed the checks (sent or cached). */
  readonly translated: number;
  readonly rejected: number;
  readonly failed: number;
  /** Segments never sent (see MtSkipped). */
  readonly skipped: number;
  /** HTTP requests made for this job (retries and glossary requests included). */
  readonly requests: number;
  /** Of which retries. */
  readonly retries: number;
  /** Source characters sent (Unicode code points of the text, codes not counted): what character-billed engines charge. */
  readonly characters: number;
  /** Why the run stopped early (rejected key, exhausted quota), when it did. */
  readonly stopped?: Message;
  /** True when the caller's signal ended the run. */
  readonly interrupted: boolean;
}

/** What `translate` returns: every segment id of the job exactly once. */
export interface MtResult {
  readonly outcomes: ReadonlyMap<string, MtOutcome>;
  readonly summary: MtSummary;
  /** Messages about the run rather than one segment: glossary upload, cache file, stop reason. */
  readonly messages: readonly Message[];
}

/** Events for a progress bar. */
export type MtProgressEvent =
  | { readonly type: 'start'; readonly targetLanguage: string; readonly total: number; readonly cached: number; readonly toSend: number }
  | { readonly type: 'progress'; readonly targetLanguage: string; readonly done: number; readonly total: number; readonly sent: number; readonly cached: number; readonly rejected: number; readonly failed: number }
  | { readonly type: 'retry'; readonly targetLanguage: string; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'stop'; readonly targetLanguage: string; readonly message: Message };

/** What a dry run reports for one language pair; nothing is sent. */
export interface MtPlan {
  readonly provider: MtProviderName;
  readonly model: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly segments: number;
  /** Segments the cache already answers. */
  readonly cached: number;
  /** Distinct source texts that would be sent (a sentence repeated in the job is sent once). */
  readonly toSend: number;
  /** Segments that share their text with another segment of the job and ride along. */
  readonly duplicates: number;
  /** Segments without a letter or digit, never sent. */
  readonly empty: number;
  /** Source characters (code points) that would be sent. */
  readonly characters: number;
  /** Translation requests, before retries. */
  readonly requests: number;
  /** Upper bound of glossary requests (DeepL: list, create, replace); 0 for other providers. */
  readonly glossaryRequests: number;
}
