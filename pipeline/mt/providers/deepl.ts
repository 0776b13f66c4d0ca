/**
 * DeepL API v2, spoken with Node's `fetch` (README "Dependencies" says why not `deepl-node`).
 *
 * - `POST /v2/translate`: up to 50 texts per request and a body under 128 KiB; `tag_handling=xml`
 *   so the code tags of markup.ts stay where they belong; `context` carries the neighbouring
 *   sentences (not translated, not billed); `glossary_id` the pair's glossary.
 * - `/v2/glossaries`: the project glossary of the pair becomes a DeepL glossary named
 *   `<prefix>-<src>-<tgt>-<checksum of its entries>`. A glossary with that name is reused; when the
 *   entries change, a new one is created and the old ones of the pair (same prefix) are deleted.
 *   DeepL glossaries cannot be edited, so a checksum in the name is how "ours changed" is seen.
 * - Free keys end in `:fx` and belong to `api-free.deepl.com`; `mt.deepl.plan` or `mt.endpoint` decide otherwise.
 * - 456 is an exhausted quota (Free: the month's characters; Pro: the cost control limit): the run stops.
 */
import { createHash } from 'node:crypto';
import { MalformedAnswer, RequestFailed, genericVerdict } from '../client.js';
import type { HttpRequest, HttpResponse } from '../http.js';
import { errorDetail } from '../http.js';
import type { MtSettings } from '../options.js';
import { glossaryPairs } from '../terms.js';
import type { MtTermEntry } from '../types.js';
import { jsonBody, primaryLanguage, type CallProvider, type ItemAnswer, type LanguagePair, type MtProvider, type Preparation } from './provider.js';

export const DEEPL_PRO_URL = 'https://api.deepl.com';
export const DEEPL_FREE_URL = 'https://api-free.deepl.com';

/** DeepL's limit per glossary phrase, in UTF-8 bytes. */
const MAX_PHRASE_BYTES = 1024;

interface DeepLGlossary {
  readonly glossary_id: string;
  readonly name: string;
  readonly ready?: boolean;
  readonly source_lang?: string;
  readonly target_lang?: string;
  readonly entry_count?: number;
}

const isGlossary = (g: unknown): g is DeepLGlossary => typeof g === 'object' && g !== null && typeof (g as DeepLGlossary).glossary_id === 'string' && typeof (g as DeepLGlossary).name === 'string';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createDeepLProvider(settings: MtSettings, key: string | undefined): MtProvider {
  if (key === undefined) throw new TypeError('DeepL needs an API key: set DEEPL_AUTH_KEY');
  const { deepl } = settings;
  const free = deepl.plan === 'free' || (deepl.plan === 'auto' && key.endsWith(':fx'));
  const base = (settings.endpoint ?? (free ? DEEPL_FREE_URL : DEEPL_PRO_URL)).replace(/\/+$/u, '');
  const headers = { Authorization: `DeepL-Auth-Key ${key}`, 'Content-Type': 'application/json', Accept: 'application/json' };
  const glossaryIds = new Map<string, string | undefined>();
  const pairKey = (pair: LanguagePair): string => `${pair.sourceLanguage}\u0000${pair.targetLanguage}`;

  /** DeepL's `target_lang`: an exact entry of `targetCodes`, a regional tag as written, else the primary's entry. */
  const targetCode = (language: string): string => {
    const exact = deepl.targetCodes[language] ?? deepl.targetCodes[language.toLowerCase()];
    if (exact !== undefined) return exact.toUpperCase();
    if (language.includes('-')) return language.toUpperCase();
    return (deepl.targetCodes[primaryLanguage(language)] ?? language).toUpperCase();
  };

  const judge = (response: HttpResponse) => {
    const detail = errorDetail(response.text);
    if (response.status === 456) {
      return {
        kind: 'stop' as const,
        ruleId: 'mt/quota',
        reason: `DeepL: the character quota is used up (456)${detail === undefined ? '' : `: ${detail}`}`,
        hint: 'Free: wait for the next month or upgrade; Pro: raise the cost control limit. What was translated is kept and will not be sent again',
      };
    }
    if (response.status === 414) return { kind: 'too-large' as const, reason: 'DeepL refused the request as too long (414)' };
    return genericVerdict(response.status, 'DeepL', detail);
  };

  const glossaryRequest = (method: HttpRequest['method'], path: string, body?: unknown): HttpRequest => ({
    method,
    url: `${base}${path}`,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  const readList = (response: HttpResponse): DeepLGlossary[] => {
    const body = jsonBody(response) as { glossaries?: unknown };
    if (!Array.isArray(body.glossaries)) throw new MalformedAnswer('the glossary list has no "glossaries"');
    return body.glossaries.filter(isGlossary);
  };
  const readOne = (response: HttpResponse): DeepLGlossary => {
    const body = jsonBody(response);
    if (!isGlossary(body)) throw new MalformedAnswer('the glossary answer has no glossary_id');
    return body;
  };

  async function prepare(pair: LanguagePair, glossary: readonly MtTermEntry[], call: CallProvider): Promise<Preparation> {
    const src = primaryLanguage(pair.sourceLanguage);
    const tgt = primaryLanguage(pair.targetLanguage);
    const { pairs, skipped } = glossaryPairs(glossary, MAX_PHRASE_BYTES);
    const messages: Preparation['messages'][number][] = [];
    if (skipped.length > 0) {
      messages.push({
        reason: `${skipped.length} glossary phrase(s) cannot go into a DeepL glossary (tab, line break or over ${MAX_PHRASE_BYTES} bytes): ${skipped.slice(0, 5).join(', ')}`,
        ruleId: 'mt/glossary',
        source: 'mt',
        severity: 'warning',
        hint: 'the checks still hold answers to these terms',
      });
    }
    if (pairs.length === 0) {
      glossaryIds.set(pairKey(pair), undefined);
      return { messages, glossaryApplied: true };
    }
    const entries = pairs.map((p) => `${p.source}\t${p.target}`).join('\n');
    const checksum = createHash('sha256').update(`${src}\n${tgt}\n${entries}`).digest('hex').slice(0, 12);
    const family = `${deepl.glossaryPrefix}-${src}-${tgt}-`;
    const name = `${family}${checksum}`;
    try {
      const existing = await call(glossaryRequest('GET', '/v2/glossaries'), readList, judge);
      let mine = existing.find((g) => g.name === name && (g.source_lang ?? src).toLowerCase() === src && (g.target_lang ?? tgt).toLowerCase() === tgt);
      const reused = mine !== undefined;
      if (mine === undefined) {
        mine = await call(glossaryRequest('POST', '/v2/glossaries', { name, source_lang: src, target_lang: tgt, entries, entries_format: 'tsv' }), readOne, judge);
      }
      // A new glossary may need a moment before translations can use it.
      for (let poll = 0; mine.ready === false && poll < 5; poll += 1) {
        await pause(500 * (poll + 1));
        mine = await call(glossaryRequest('GET', `/v2/glossaries/${encodeURIComponent(mine.glossary_id)}`), readOne, judge);
      }
      if (mine.ready === false) throw new RequestFailed({ reason: `DeepL: the glossary ${name} is not ready after 7.5 s`, ruleId: 'mt/glossary', source: 'mt', severity: 'warning' }, false);
      glossaryIds.set(pairKey(pair), mine.glossary_id);
      messages.push({ reason: `DeepL glossary ${name} ${reused ? 'reused' : 'created'} (${pairs.length} entries)`, ruleId: 'mt/glossary', source: 'mt', severity: 'info' });
      for (const old of existing.filter((g) => g.name.startsWith(family) && g.name !== name)) {
        try {
          await call(glossaryRequest('DELETE', `/v2/glossaries/${encodeURIComponent(old.glossary_id)}`), () => undefined, judge);
          messages.push({ reason: `DeepL glossary ${old.name} deleted: replaced by ${name}`, ruleId: 'mt/glossary', source: 'mt', severity: 'info' });
        } catch (error) {
          if (!(error instanceof RequestFailed)) throw error;
          messages.push({ ...error.detail, reason: `DeepL glossary ${old.name} could not be deleted: ${error.detail.reason}`, ruleId: 'mt/glossary', severity: 'warning' });
        }
      }
      return { messages, glossaryApplied: true };
    } catch (error) {
      if (!(error instanceof RequestFailed)) throw error;
      glossaryIds.set(pairKey(pair), undefined);
      messages.push({
        ...error.detail,
        reason: `DeepL: the glossary could not be set up, so translations go without it: ${error.detail.reason}`,
        ruleId: 'mt/glossary',
        severity: 'warning',
        hint: 'answers that ignore a term are rejected by the checks; DeepL supports glossaries for some language pairs only',
      });
      return { messages, glossaryApplied: false };
    }
  }

  return {
    name: 'deepl',
    label: 'DeepL',
    // Requests stay under DeepL's 128 KiB, with room for headers DeepL may count.
    maxBodyBytes: 120 * 1024,
    contextCharacters: deepl.maxContextCharacters,
    model(pair) {
      return [targetCode(pair.targetLanguage), deepl.modelType, deepl.formality === undefined ? undefined : `formality=${deepl.formality}`].filter((x) => x !== undefined).join(' ');
    },
    prepare,
    prepareRequests(glossary) {
      // List, create, and one delete of the glossary it replaces.
      return glossaryPairs(glossary, MAX_PHRASE_BYTES).pairs.length === 0 ? 0 : 3;
    },
    request(batch, pair) {
      const glossaryId = glossaryIds.get(pairKey(pair));
      const body = {
        text: batch.items.map((i) => i.markup),
        source_lang: primaryLanguage(pair.sourceLanguage).toUpperCase(),
        target_lang: targetCode(pair.targetLanguage),
        tag_handling: 'xml',
        ...(glossaryId === undefined ? {} : { glossary_id: glossaryId }),
        ...(batch.context.length === 0 ? {} : { context: batch.context.join('\n') }),
        ...(deepl.formality === undefined ? {} : { formality: deepl.formality }),
        ...(deepl.modelType === undefined ? {} : { model_type: deepl.modelType }),
      };
      return { method: 'POST', url: `${base}/v2/translate`, headers, body: JSON.stringify(body) };
    },
    read(batch, response): ItemAnswer[] {
      const body = jsonBody(response) as { translations?: unknown };
      const list = body.translations;
      if (!Array.isArray(list) || list.length !== batch.items.length) throw new MalformedAnswer(`expected ${batch.items.length} translations, got ${Array.isArray(list) ? list.length : 'none'}`);
      return batch.items.map((item, i) => {
        const text = (list[i] as { text?: unknown } | null)?.text;
        if (typeof text !== 'string') throw new MalformedAnswer(`translation ${i + 1} has no text`);
        return { key: item.key, answer: text };
      });
    },
    judge,
  };
}
