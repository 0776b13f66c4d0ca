/**
 * The providers by name. A fourth provider is a module exporting a ProviderFactory, a name in
 * MtProviderName, its defaults in options.ts and its key variable in secrets.ts.
 */
import type { MtProviderName } from '../types.js';
import { createDeepLProvider } from './deepl.js';
import { createLibreTranslateProvider } from './libretranslate.js';
import { createOpenAiProvider } from './openai.js';
import type { ProviderFactory } from './provider.js';

export const PROVIDER_FACTORIES: Readonly<Record<MtProviderName, ProviderFactory>> = {
  deepl: createDeepLProvider,
  openai: (settings, key) => createOpenAiProvider(settings, key),
  libretranslate: createLibreTranslateProvider,
};

/** Whether a provider cannot work without a key (a local chat server or LibreTranslate can). */
export const KEY_REQUIRED: Readonly<Record<MtProviderName, boolean>> = { deepl: true, openai: false, libretranslate: false };
