/**
 * Costs before spending: what a run of a job would send, computed from the job and the cache alone.
 * Nothing is sent and no file is written.
 */
import { makeBatches } from './batches.js';
import type { MtCacheFile } from './cache.js';
import { checkJob, prepareJob } from './job.js';
import type { MtSettings } from './options.js';
import type { MtProvider } from './providers/provider.js';
import type { MtJob, MtPlan } from './types.js';

export function planJob(job: MtJob, provider: MtProvider, settings: MtSettings, cache: MtCacheFile, glossaryRequests: number): MtPlan {
  checkJob(job);
  const pair = { sourceLanguage: job.sourceLanguage, targetLanguage: job.targetLanguage };
  const model = provider.model(pair);
  const prepared = prepareJob(job, provider.name, model);
  let cached = 0;
  let duplicates = 0;
  let characters = 0;
  const misses = [];
  for (const group of prepared.groups) {
    if (cache.get(group.item.key) !== undefined) {
      cached += group.segments.length;
      continue;
    }
    misses.push(group.item);
    duplicates += group.segments.length - 1;
    characters += group.item.characters;
  }
  return {
    provider: provider.name,
    model,
    sourceLanguage: job.sourceLanguage,
    targetLanguage: job.targetLanguage,
    segments: job.segments.length,
    cached,
    toSend: misses.length,
    duplicates,
    empty: prepared.skipped.length,
    characters,
    requests: makeBatches(misses, settings.batch).length,
    glossaryRequests: misses.length === 0 ? 0 : glossaryRequests,
  };
}
