/**
 * What a provider module is: how to build one request for a batch, how to read its answer, and what
 * an error status means. Pacing, retries, caching and checks are the same for every provider and
 * live outside (client.ts, run.ts): a new provider is one module of this shape plus a line in
 * registry.ts.
 */
import type { Message } from '../../model.js';
import type { Batch } from '../batches.js';
import { MalformedAnswer, type Verdict } from '../client.js';
import type { HttpRequest, HttpResponse } from '../http.js';
import type { MtSettings } from '../options.js';
import type { MtProviderName, MtTermEntry } from '../types.js';

/** A language pair. */
export interface LanguagePair {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** The answer for one item of a batch: its tagged text, or why there is none (the item is rejected). */
export type ItemAnswer = { readonly key: string; readonly answer: string } | { readonly key: string; readonly rejected: Message };

/** Sends a request through the provider's queue with retries (see client.ts `call`). */
export type CallProvider = <T>(request: HttpRequest, read: (response: HttpResponse) => T, judge: (response: HttpResponse) => Verdict) => Promise<T>;

/** What preparing a language pair gives. */
export interface Preparation {
  /** Notices and warnings (glossary created, reused, left out). */
  readonly messages: readonly Message[];
  /**
   * False when the job's glossary could not reach the engine (an engine-side glossary failed):
   * answers for segments with terms are then cached apart from answers made with the glossary.
   */
  readonly glossaryApplied: boolean;
}

export interface MtProvider {
  readonly name: MtProviderName;
  /** Name for messages: `DeepL`. */
  readonly label: string;
  /** The model or configuration that shapes answers for a pair; part of the cache key. */
  model(pair: LanguagePair): string;
  /** Largest request body in bytes; a larger batch is split before it is sent. */
  readonly maxBodyBytes: number;
  /** Longest context (neighbouring sentences) per request, in characters; 0 when the provider takes none. */
  readonly contextCharacters: number;
  /** Once per language pair before its first batch (DeepL: the glossary). */
  prepare?(pair: LanguagePair, glossary: readonly MtTermEntry[], call: CallProvider): Promise<Preparation>;
  /** Upper bound of the requests `prepare` makes, for dry runs. */
  prepareRequests?(glossary: readonly MtTermEntry[]): number;
  /** The request for a batch. */
  request(batch: Batch, pair: LanguagePair): HttpRequest;
  /** Reads a 2xx answer: one ItemAnswer per item. Throws MalformedAnswer when the body cannot be read at all. */
  read(batch: Batch, response: HttpResponse, pair: LanguagePair): readonly ItemAnswer[];
  /** Means a non-2xx answer. */
  judge(response: HttpResponse): Verdict;
}

/** What a provider module exports: a factory from settings and the key. */
export type ProviderFactory = (settings: MtSettings, key: string | undefined) => MtProvider;

/** The JSON of a 2xx answer; throws MalformedAnswer (the request is retried) when it is not JSON. */
export function jsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    throw new MalformedAnswer(`not JSON (${response.text.length} characters)`);
  }
}

/** The primary language subtag, lower case: `pt-BR` → `pt`. */
export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}
