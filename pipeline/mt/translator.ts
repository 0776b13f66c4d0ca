/**
 * A machine translator: one provider with its key, its queue (shared by every language pair it
 * translates, because the provider's limits are per account), its cache files, and the checks.
 *
 * ```ts
 * const translator = createMachineTranslator(resolveMtSettings({ provider: 'deepl' }), { cacheDir });
 * const plan = translator.plan(job);                       // nothing sent
 * const result = await translator.translate(job, { signal, onProgress });
 * translator.close();
 * ```
 */
import path from 'node:path';
import { InputError, type Message } from '../model.js';
import { MtCacheFile, cacheFileName } from './cache.js';
import { ProviderClient } from './client.js';
import type { FetchFunction } from './http.js';
import type { MtSettings } from './options.js';
import { planJob } from './plan.js';
import type { LanguagePair, MtProvider, Preparation } from './providers/provider.js';
import { KEY_REQUIRED, PROVIDER_FACTORIES } from './providers/registry.js';
import { runJob, scrubError, type JobRuntime, type TranslateOptions } from './run.js';
import { KEY_VARIABLES, keyFromEnvironment, scrubberFor } from './secrets.js';
import { jobGlossary, termsVersion } from './terms.js';
import type { MtJob, MtPlan, MtResult } from './types.js';

export interface MachineTranslatorOptions {
  /** Folder of the cache files (the project's `translations/memory`), absolute. */
  readonly cacheDir: string;
  /** The same folder as messages name it (project-relative). Default: `cacheDir`. */
  readonly cacheDisplayDir?: string;
  /** Where the key is read from. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The HTTP function. Default: Node's `fetch`. */
  readonly fetch?: FetchFunction;
  /** Random numbers in [0, 1) for retry jitter. Default: Math.random. */
  readonly random?: () => number;
  /**
   * True for a translator that only plans (a dry run): no key is needed, and `translate` refuses
   * to run. Default false.
   */
  readonly planOnly?: boolean;
}

export interface MachineTranslator {
  readonly settings: MtSettings;
  /** What a run would send, from the cache alone: characters, requests, cached hits. Sends nothing. */
  plan(job: MtJob): MtPlan;
  /** Translates a job; every segment id comes back once. Never throws for provider or network problems. */
  translate(job: MtJob, options?: TranslateOptions): Promise<MtResult>;
  /** Releases timers and files. */
  close(): void;
}

/** A translator cannot be made: no key, a key where none may go, an unreadable prompt template. */
export class MtSetupError extends Error {
  constructor(readonly detail: Message) {
    super(detail.reason);
    this.name = 'MtSetupError';
  }
}

const OFFICIAL_CHAT_HOSTS = /(^|\.)api\.openai\.com$|\.openai\.azure\.com$/u;

export function createMachineTranslator(settings: MtSettings, options: MachineTranslatorOptions): MachineTranslator {
  const env = options.env ?? process.env;
  const key = keyFromEnvironment(settings.provider, env);
  const variable = KEY_VARIABLES[settings.provider];
  const scrub = scrubberFor([key]);
  const needsKey = KEY_REQUIRED[settings.provider] || (settings.provider === 'openai' && OFFICIAL_CHAT_HOSTS.test(new URL(settings.endpoint ?? 'https://api.openai.com').hostname));
  if (key === undefined && needsKey && options.planOnly !== true) {
    throw new MtSetupError({
      reason: `${variable} is not set: ${settings.provider === 'deepl' ? 'DeepL' : 'the chat service'} needs an API key`,
      ruleId: 'mt/no-key',
      source: 'mt',
      severity: 'error',
      hint: `export ${variable}=… in the shell or the CI secret store; keys are never read from the config`,
    });
  }

  let provider: MtProvider;
  try {
    // A plan sends nothing: a provider that wants a key gets one that is never used.
    provider = PROVIDER_FACTORIES[settings.provider](settings, key ?? (options.planOnly === true && needsKey ? 'plan-only' : undefined));
  } catch (error) {
    if (error instanceof InputError) throw new MtSetupError(error.detail);
    throw scrubError(error, scrub);
  }
  const client = new ProviderClient({
    label: provider.label,
    throttle: settings.throttle,
    retry: settings.retry,
    timeout: settings.timeout,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    scrub,
    ...(options.random === undefined ? {} : { random: options.random }),
  });

  const caches = new Map<string, { file: MtCacheFile; users: number }>();
  const preparations = new Map<string, Promise<Preparation>>();
  const cachePath = (pair: LanguagePair): string => path.join(options.cacheDir, cacheFileName(settings.provider, pair.sourceLanguage, pair.targetLanguage));

  const loadCache = (pair: LanguagePair): { file: MtCacheFile; users: number } => {
    const file = cachePath(pair);
    let entry = caches.get(file);
    if (entry === undefined) {
      const display = path.posix.join((options.cacheDisplayDir ?? options.cacheDir).split(path.sep).join('/'), path.basename(file));
      try {
        entry = { file: MtCacheFile.load(file, display), users: 0 };
      } catch (error) {
        throw new InputError({
          reason: `the machine translation cache cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
          ruleId: 'mt/cache-read',
          source: 'mt',
          severity: 'error',
          fatal: true,
          file: display,
          hint: 'check the file\'s permissions; delete it to start the cache afresh (its answers will be paid for again)',
        });
      }
      caches.set(file, entry);
    }
    return entry;
  };

  const runtime: JobRuntime = {
    settings,
    provider,
    client,
    scrub,
    acquireCache(pair) {
      const entry = loadCache(pair);
      entry.users += 1;
      return entry.file;
    },
    releaseCache(pair) {
      const entry = caches.get(cachePath(pair));
      if (entry === undefined) return;
      entry.users -= 1;
      // The last job on a file puts it in canonical order (a failure leaves the appended file, which is complete).
      if (entry.users === 0) {
        try {
          entry.file.compact();
        } catch {
          entry.file.close();
        }
      }
    },
    prepare(pair, job, call) {
      if (provider.prepare === undefined) return Promise.resolve({ messages: [], glossaryApplied: true });
      const glossary = jobGlossary(job.segments, job.glossary);
      const id = `${pair.sourceLanguage}\u0000${pair.targetLanguage}\u0000${termsVersion(glossary)}`;
      let preparation = preparations.get(id);
      if (preparation === undefined) {
        preparation = provider.prepare(pair, glossary, call);
        preparations.set(id, preparation);
        // A failed preparation (stop, interruption) is tried again by the next job.
        preparation.catch(() => preparations.delete(id));
      }
      return preparation;
    },
  };

  return {
    settings,
    plan(job) {
      const pair = { sourceLanguage: job.sourceLanguage, targetLanguage: job.targetLanguage };
      const glossary = jobGlossary(job.segments, job.glossary);
      const prepared = preparations.has(`${pair.sourceLanguage}\u0000${pair.targetLanguage}\u0000${termsVersion(glossary)}`);
      return planJob(job, provider, settings, loadCache(pair).file, prepared ? 0 : (provider.prepareRequests?.(glossary) ?? 0));
    },
    async translate(job, translateOptions) {
      if (options.planOnly === true) throw new Error('this translator only plans (planOnly): it sends nothing');
      return runJob(runtime, job, translateOptions);
    },
    close() {
      client.close();
      for (const entry of caches.values()) entry.file.close();
    },
  };
}
