/**
 * Machine pre-translation: segments with inline codes and glossary terms in, per segment id a
 * checked machine target (or a rejection, or a failure) out, through DeepL, an OpenAI-compatible
 * chat model or LibreTranslate, paced by p-queue, cached so nothing paid for is asked twice.
 * README "Machine translation" describes it for users.
 */
export { createMachineTranslator, MtSetupError, type MachineTranslator, type MachineTranslatorOptions } from './translator.js';
export type { TranslateOptions } from './run.js';
export type { FetchFunction } from './http.js';
export {
  resolveMtSettings,
  PROVIDER_DEFAULTS,
  DEFAULT_RETRY,
  DEFAULT_CHECKS,
  MT_CHECK_IDS,
  type MtSettings,
  type MtSettingsInput,
  type MtThrottle,
  type MtRetry,
  type MtBatch,
  type MtCheckAction,
  type MtCheckId,
} from './options.js';
export { KEY_VARIABLES } from './secrets.js';
export { cacheFileName } from './cache.js';
export { toMarkup, parseMarkup } from './markup.js';
export { formatSummary, formatPlan } from './summary.js';
export { BUNDLED_PROMPT, PLACEHOLDERS } from './prompt.js';
export * from './types.js';
