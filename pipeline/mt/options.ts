/**
 * Settings of machine translation: what each field means, its range and its default, in one
 * place, checked up front with errors that say what was expected and what arrived.
 *
 * API keys are not settings: they come only from environment variables (see secrets.ts), so a
 * settings object can be printed, logged or committed without leaking anything.
 */
import { closest } from '../suggest.js';
import { MT_PROVIDERS, type MtProviderName } from './types.js';

/**
 * Request pacing for one provider; every HTTP request (retries and glossary calls included) counts.
 * A request holds one of `intervalCap` places from its start until `interval` ms after its answer
 * began to arrive, so the provider never receives more than `intervalCap` requests within any
 * `interval` (client.ts says why).
 */
export interface MtThrottle {
  /** Requests in flight at once. Integer from 1 to 64. */
  readonly concurrency: number;
  /** Requests within any window of `interval` ms, as the provider counts them (on arrival). Integer from 1 to 10,000. */
  readonly intervalCap: number;
  /** Window length in ms. Integer from 1 to 3,600,000. */
  readonly interval: number;
}

/** Retries of a request that failed for a reason that may pass (429, 5xx, timeout, dropped connection). */
export interface MtRetry {
  /** Retries after the first attempt. Integer from 0 to 20. Default 5. */
  readonly maxRetries: number;
  /** Delay before the first retry in ms; doubles per retry, with random jitter (50–100 % of the value). Default 1000. */
  readonly baseDelay: number;
  /** Ceiling of the exponential delay in ms. Default 60,000. */
  readonly maxDelay: number;
  /**
   * Longest `Retry-After` the run waits for, in ms. A provider asking for more (an hourly or daily
   * limit) stops the run, keeping what is done, instead of hanging. Default 120,000.
   */
  readonly maxRetryAfter: number;
}

/** How many segments travel in one request. */
export interface MtBatch {
  /** Segments per request. Integer from 1 to the provider's maximum (DeepL 50). */
  readonly maxSegments: number;
  /** Source characters per request (UTF-16 units of the text with its code tags). Integer ≥ 1. */
  readonly maxCharacters: number;
}

/**
 * What a failed quality check does to a machine target: refuse it (the sentence stays
 * untranslated), keep it with the finding written beside it for the reviewer, or nothing.
 */
export type MtCheckAction = 'reject' | 'flag' | 'off';

/**
 * The quality checks every machine target goes through (rule ids of pipeline/qa/). They run on
 * the document model, where the term spans and the language files are (`pipeline/stages/machine.ts`);
 * the library itself rejects only answers whose codes are broken (checks.ts).
 */
export const MT_CHECK_IDS = ['qa/empty', 'qa/inline-codes', 'qa/terminology', 'qa/forbidden-term', 'qa/dnt', 'qa/numbers'] as const;
export type MtCheckId = (typeof MT_CHECK_IDS)[number];

export interface MtDeepLSettings {
  /** Which endpoint when `endpoint` is not set: `auto` picks the free one for keys ending in `:fx`. Default `auto`. */
  readonly plan: 'auto' | 'free' | 'pro';
  /** DeepL `formality`; absent: not sent. */
  readonly formality?: 'default' | 'more' | 'less' | 'prefer_more' | 'prefer_less';
  /** DeepL `model_type`; absent: not sent. */
  readonly modelType?: 'quality_optimized' | 'latency_optimized' | 'prefer_quality_optimized';
  /**
   * Prefix of the glossaries this project creates in the DeepL account: `<prefix>-<src>-<tgt>-<checksum>`.
   * Glossaries with the prefix and another checksum are replaced, so projects sharing an account
   * need different prefixes. Letters, digits, `-`, `_`; default `l10n`.
   */
  readonly glossaryPrefix: string;
  /** Target language → DeepL `target_lang`, for languages DeepL wants with a variant. Default `{en: EN-GB, pt: PT-PT}`. */
  readonly targetCodes: Readonly<Record<string, string>>;
  /** Longest `context` (neighbouring sentences) sent with a request, in characters; 0 sends none. Default 2000. */
  readonly maxContextCharacters: number;
}

export interface MtOpenAiSettings {
  /** Model name as the server knows it (an Azure deployment's model, an Ollama tag). Default `gpt-4o-mini`. */
  readonly model: string;
  /** `bearer`: `Authorization: Bearer` (OpenAI, vLLM, LM Studio, Ollama); `api-key`: the `api-key` header (Azure). Default `bearer`. */
  readonly auth: 'bearer' | 'api-key';
  /** `json_object` asks for `response_format: {type: json_object}`; `off` for servers that refuse it. Default `json_object`. */
  readonly jsonMode: 'json_object' | 'off';
  /** Sampling temperature, 0 to 2. Default 0 (the most repeatable answers). */
  readonly temperature: number;
  /** Absolute path of a prompt template file replacing the bundled one (see prompt.ts); absent: the bundled template. */
  readonly promptTemplate?: string;
  /** Longest context section of the prompt, in characters; 0 sends none. Default 2000. */
  readonly maxContextCharacters: number;
}

/** Everything a translator needs besides the key. */
export interface MtSettings {
  readonly provider: MtProviderName;
  /**
   * Where requests go. DeepL and LibreTranslate: the base URL (`/v2/translate`, `/translate` are
   * appended); OpenAI-compatible: the full chat completions URL (Azure's carries `api-version`).
   * Absent: the provider's default (DeepL: by `deepl.plan`).
   */
  readonly endpoint?: string;
  /** Per request, in ms, from sending to the whole answer read. Integer from 100 to 600,000. */
  readonly timeout: number;
  readonly throttle: MtThrottle;
  readonly retry: MtRetry;
  readonly batch: MtBatch;
  /**
   * Action per quality check; every id of MT_CHECK_IDS is present. Applied by the caller that has
   * the document model (the `translate` chain), not by the library.
   */
  readonly checks: Readonly<Record<MtCheckId, MtCheckAction>>;
  readonly deepl: MtDeepLSettings;
  readonly openai: MtOpenAiSettings;
}

/** Settings as a caller writes them: the provider, and any field to change. */
export interface MtSettingsInput {
  readonly provider: MtProviderName;
  readonly endpoint?: string;
  readonly timeout?: number;
  readonly throttle?: Partial<MtThrottle>;
  readonly retry?: Partial<MtRetry>;
  readonly batch?: Partial<MtBatch>;
  readonly checks?: Partial<Record<MtCheckId, MtCheckAction>>;
  readonly deepl?: Partial<MtDeepLSettings>;
  readonly openai?: Partial<MtOpenAiSettings>;
}

/** Provider defaults: each fits the provider's published limits (README "Machine translation"). */
export interface ProviderDefaults {
  readonly timeout: number;
  readonly throttle: MtThrottle;
  readonly batch: MtBatch;
  /** The provider's own ceiling of segments per request. */
  readonly maxSegmentsLimit: number;
}

export const PROVIDER_DEFAULTS: Readonly<Record<MtProviderName, ProviderDefaults>> = {
  // DeepL publishes no request rate, only the 429 answer; it takes 50 texts and 128 KiB per request.
  deepl: { timeout: 30_000, throttle: { concurrency: 2, intervalCap: 5, interval: 1_000 }, batch: { maxSegments: 50, maxCharacters: 30_000 }, maxSegmentsLimit: 50 },
  // OpenAI limits requests and tokens per minute by model and account tier; 60 a minute of ~20
  // sentences stays inside the lowest paid tier's token budget. Local servers answer one at a time.
  openai: { timeout: 120_000, throttle: { concurrency: 2, intervalCap: 60, interval: 60_000 }, batch: { maxSegments: 20, maxCharacters: 4_000 }, maxSegmentsLimit: 200 },
  // A self-hosted LibreTranslate has no limit by default and 4 worker threads; the hosted service
  // answers "Slowdown: 30 per 1 minute" beyond its plan.
  libretranslate: { timeout: 60_000, throttle: { concurrency: 2, intervalCap: 30, interval: 60_000 }, batch: { maxSegments: 25, maxCharacters: 5_000 }, maxSegmentsLimit: 1_000 },
};

export const DEFAULT_RETRY: MtRetry = { maxRetries: 5, baseDelay: 1_000, maxDelay: 60_000, maxRetryAfter: 120_000 };

/**
 * An empty target and codes out of order are refused (nothing a reviewer could start from); a
 * term, a name or a number the engine got wrong is kept with the finding beside it, since a person
 * reviews every machine target anyway and fixing one word beats translating the sentence.
 */
export const DEFAULT_CHECKS: Readonly<Record<MtCheckId, MtCheckAction>> = {
  'qa/empty': 'reject',
  'qa/inline-codes': 'reject',
  'qa/terminology': 'flag',
  'qa/forbidden-term': 'flag',
  'qa/dnt': 'flag',
  'qa/numbers': 'flag',
};

export const DEFAULT_DEEPL: MtDeepLSettings = { plan: 'auto', glossaryPrefix: 'l10n', targetCodes: { en: 'EN-GB', pt: 'PT-PT' }, maxContextCharacters: 2_000 };

export const DEFAULT_OPENAI: MtOpenAiSettings = { model: 'gpt-4o-mini', auth: 'bearer', jsonMode: 'json_object', temperature: 0, maxContextCharacters: 2_000 };

const describe = (value: unknown): string =>
  value === undefined ? 'nothing' : value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value);

function fail(where: string, expected: string, value: unknown, suggestion?: string): never {
  throw new TypeError(`${where}: expected ${expected}, got ${describe(value)}${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`}`);
}

function checkKeys(value: unknown, where: string, allowed: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(where, 'an object', value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new TypeError(`${where}: unknown key "${key}"${((s) => (s === undefined ? '' : `: did you mean \`${s}\`?`))(closest(key, allowed))}; expected one of ${allowed.join(', ')}`);
  }
  return record;
}

function integer(value: unknown, where: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(where, `an integer from ${min} to ${max}`, value);
  return value;
}

function oneOf<T extends string>(value: unknown, where: string, values: readonly T[], fallback: T): T;
function oneOf<T extends string>(value: unknown, where: string, values: readonly T[], fallback: T | undefined): T | undefined;
function oneOf<T extends string>(value: unknown, where: string, values: readonly T[], fallback: T | undefined): T | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    fail(where, `one of ${values.map((v) => `"${v}"`).join(', ')}`, value, typeof value === 'string' ? closest(value, values) : undefined);
  }
  return value as T;
}

function httpUrl(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail(where, 'an http:// or https:// URL', value);
  // A key belongs in the environment, never in a URL that ends up in reports and logs.
  if (url.username !== '' || url.password !== '') fail(where, 'a URL without user name or password (keys come from environment variables)', `${url.protocol}//…@${url.host}`);
  return value as string;
}

/**
 * Checks settings written by a caller (a config file, a test) and fills in the defaults.
 * Throws a TypeError naming the field, what was expected and what arrived.
 */
export function resolveMtSettings(input: MtSettingsInput): MtSettings {
  const top = checkKeys(input, 'mt', ['provider', 'endpoint', 'timeout', 'throttle', 'retry', 'batch', 'checks', 'deepl', 'openai']);
  const provider = oneOf(top.provider, 'mt.provider', MT_PROVIDERS, undefined);
  if (provider === undefined) fail('mt.provider', `one of ${MT_PROVIDERS.map((p) => `"${p}"`).join(', ')}`, top.provider);
  const defaults = PROVIDER_DEFAULTS[provider];

  const throttleIn = checkKeys(top.throttle ?? {}, 'mt.throttle', ['concurrency', 'intervalCap', 'interval']);
  const throttle: MtThrottle = {
    concurrency: integer(throttleIn.concurrency, 'mt.throttle.concurrency', 1, 64, defaults.throttle.concurrency),
    intervalCap: integer(throttleIn.intervalCap, 'mt.throttle.intervalCap', 1, 10_000, defaults.throttle.intervalCap),
    interval: integer(throttleIn.interval, 'mt.throttle.interval', 1, 3_600_000, defaults.throttle.interval),
  };

  const retryIn = checkKeys(top.retry ?? {}, 'mt.retry', ['maxRetries', 'baseDelay', 'maxDelay', 'maxRetryAfter']);
  const baseDelay = integer(retryIn.baseDelay, 'mt.retry.baseDelay', 1, 60_000, DEFAULT_RETRY.baseDelay);
  const retry: MtRetry = {
    maxRetries: integer(retryIn.maxRetries, 'mt.retry.maxRetries', 0, 20, DEFAULT_RETRY.maxRetries),
    baseDelay,
    maxDelay: integer(retryIn.maxDelay, 'mt.retry.maxDelay', baseDelay, 600_000, Math.max(baseDelay, DEFAULT_RETRY.maxDelay)),
    maxRetryAfter: integer(retryIn.maxRetryAfter, 'mt.retry.maxRetryAfter', 0, 3_600_000, DEFAULT_RETRY.maxRetryAfter),
  };

  const batchIn = checkKeys(top.batch ?? {}, 'mt.batch', ['maxSegments', 'maxCharacters']);
  const batch: MtBatch = {
    maxSegments: integer(batchIn.maxSegments, 'mt.batch.maxSegments', 1, defaults.maxSegmentsLimit, defaults.batch.maxSegments),
    maxCharacters: integer(batchIn.maxCharacters, 'mt.batch.maxCharacters', 1, 100_000, defaults.batch.maxCharacters),
  };

  const checksIn = checkKeys(top.checks ?? {}, 'mt.checks', MT_CHECK_IDS);
  const checks = Object.fromEntries(
    MT_CHECK_IDS.map((id) => [id, oneOf<MtCheckAction>(checksIn[id], `mt.checks.${id}`, ['reject', 'flag', 'off'], DEFAULT_CHECKS[id])]),
  ) as Record<MtCheckId, MtCheckAction>;

  const deeplIn = checkKeys(top.deepl ?? {}, 'mt.deepl', ['plan', 'formality', 'modelType', 'glossaryPrefix', 'targetCodes', 'maxContextCharacters']);
  const prefix = deeplIn.glossaryPrefix ?? DEFAULT_DEEPL.glossaryPrefix;
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/u.test(prefix)) fail('mt.deepl.glossaryPrefix', '1 to 40 letters, digits, "-" or "_"', prefix);
  const codesIn = deeplIn.targetCodes ?? DEFAULT_DEEPL.targetCodes;
  if (codesIn === null || typeof codesIn !== 'object' || Array.isArray(codesIn)) fail('mt.deepl.targetCodes', 'an object of language → DeepL code', codesIn);
  for (const [language, code] of Object.entries(codesIn)) {
    if (typeof code !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u.test(code)) fail(`mt.deepl.targetCodes.${language}`, 'a DeepL language code such as "EN-US"', code);
  }
  const formality = oneOf(deeplIn.formality, 'mt.deepl.formality', ['default', 'more', 'less', 'prefer_more', 'prefer_less'] as const, undefined);
  const modelType = oneOf(deeplIn.modelType, 'mt.deepl.modelType', ['quality_optimized', 'latency_optimized', 'prefer_quality_optimized'] as const, undefined);
  const deepl: MtDeepLSettings = {
    plan: oneOf(deeplIn.plan, 'mt.deepl.plan', ['auto', 'free', 'pro'] as const, DEFAULT_DEEPL.plan),
    ...(formality === undefined ? {} : { formality }),
    ...(modelType === undefined ? {} : { modelType }),
    glossaryPrefix: prefix,
    targetCodes: { ...(codesIn as Record<string, string>) },
    maxContextCharacters: integer(deeplIn.maxContextCharacters, 'mt.deepl.maxContextCharacters', 0, 50_000, DEFAULT_DEEPL.maxContextCharacters),
  };

  const openaiIn = checkKeys(top.openai ?? {}, 'mt.openai', ['model', 'auth', 'jsonMode', 'temperature', 'promptTemplate', 'maxContextCharacters']);
  const model = openaiIn.model ?? DEFAULT_OPENAI.model;
  if (typeof model !== 'string' || model.trim() === '' || model.length > 200) fail('mt.openai.model', 'a model name', model);
  const temperature = openaiIn.temperature ?? DEFAULT_OPENAI.temperature;
  if (typeof temperature !== 'number' || !(temperature >= 0 && temperature <= 2)) fail('mt.openai.temperature', 'a number from 0 to 2', temperature);
  const template = openaiIn.promptTemplate;
  if (template !== undefined && (typeof template !== 'string' || template === '')) fail('mt.openai.promptTemplate', 'the path of a prompt template file', template);
  const openai: MtOpenAiSettings = {
    model,
    auth: oneOf(openaiIn.auth, 'mt.openai.auth', ['bearer', 'api-key'] as const, DEFAULT_OPENAI.auth),
    jsonMode: oneOf(openaiIn.jsonMode, 'mt.openai.jsonMode', ['json_object', 'off'] as const, DEFAULT_OPENAI.jsonMode),
    temperature,
    ...(template === undefined ? {} : { promptTemplate: template }),
    maxContextCharacters: integer(openaiIn.maxContextCharacters, 'mt.openai.maxContextCharacters', 0, 50_000, DEFAULT_OPENAI.maxContextCharacters),
  };

  const endpoint = httpUrl(top.endpoint, 'mt.endpoint');
  return {
    provider,
    ...(endpoint === undefined ? {} : { endpoint }),
    timeout: integer(top.timeout, 'mt.timeout', 100, 600_000, defaults.timeout),
    throttle,
    retry,
    batch,
    checks,
    deepl,
    openai,
  };
}
