/**
 * LibreTranslate (`POST /translate`): a list of texts per request (`q` as an array),
 * `format: "html"` so the code tags pass through the HTML translator untouched, and `api_key` in the
 * body when the server wants one. Language codes are sent as the project writes them.
 *
 * LibreTranslate answers 429 "Slowdown: …" when its rate limit is hit (retried), 403 "Invalid API
 * key" for a wrong key, and 403 "Too many request limits violations" when it has banned the address
 * for a while (both stop the run), 400 "… exceeds … limit" for a batch over its limits (split).
 */
import { MalformedAnswer, genericVerdict } from '../client.js';
import { errorDetail, type HttpResponse } from '../http.js';
import type { MtSettings } from '../options.js';
import { jsonBody, type ItemAnswer, type MtProvider } from './provider.js';

/** Where `libretranslate` listens when started without options. */
export const LIBRETRANSLATE_URL = 'http://127.0.0.1:5000';

export function createLibreTranslateProvider(settings: MtSettings, key: string | undefined): MtProvider {
  const base = (settings.endpoint ?? LIBRETRANSLATE_URL).replace(/\/+$/u, '');
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };

  const judge = (response: HttpResponse) => {
    const detail = errorDetail(response.text);
    if (response.status === 403 && detail !== undefined && /limit/iu.test(detail)) {
      return { kind: 'stop' as const, ruleId: 'mt/rate-limited', reason: `LibreTranslate has blocked requests from this address for a while (403): ${detail}`, hint: 'wait, lower mt.throttle.intervalCap, and run again; what was translated is kept' };
    }
    if (response.status === 400 && detail !== undefined && /exceeds.*limit/iu.test(detail)) return { kind: 'too-large' as const, reason: `LibreTranslate: ${detail}` };
    return genericVerdict(response.status, 'LibreTranslate', detail);
  };

  return {
    name: 'libretranslate',
    label: 'LibreTranslate',
    maxBodyBytes: 1024 * 1024,
    contextCharacters: 0,
    model() {
      return 'default';
    },
    request(batch, pair) {
      const body = { q: batch.items.map((i) => i.markup), source: pair.sourceLanguage, target: pair.targetLanguage, format: 'html', ...(key === undefined ? {} : { api_key: key }) };
      return { method: 'POST', url: `${base}/translate`, headers, body: JSON.stringify(body) };
    },
    read(batch, response): ItemAnswer[] {
      const body = jsonBody(response) as { translatedText?: unknown };
      const texts = typeof body.translatedText === 'string' && batch.items.length === 1 ? [body.translatedText] : body.translatedText;
      if (!Array.isArray(texts) || texts.length !== batch.items.length || texts.some((t) => typeof t !== 'string')) {
        throw new MalformedAnswer(`expected ${batch.items.length} translated texts`);
      }
      return batch.items.map((item, i) => ({ key: item.key, answer: texts[i] as string }));
    },
    judge,
  };
}
