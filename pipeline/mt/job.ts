/**
 * A job made ready for sending: each segment's tagged text and cache key, segments with the same
 * key grouped so that a repeated sentence is asked once, and the segments that are never sent
 * (nothing to translate, or codes the caller got wrong). Shared by the dry run and the real one.
 */
import type { Message } from '../model.js';
import { hasWordCharacter } from '../qa/text.js';
import { codePoints, type WorkItem } from './batches.js';
import { cacheKey } from './cache.js';
import { checkSourceCodes, toMarkup } from './markup.js';
import { termsVersion } from './terms.js';
import type { MtJob, MtProviderName, MtSegment } from './types.js';

/** Segments sharing one key: the first is sent, all get the answer. */
export interface KeyGroup {
  readonly item: WorkItem;
  readonly segments: MtSegment[];
}

export interface PreparedJob {
  /** Groups in the order of their first segment. */
  readonly groups: readonly KeyGroup[];
  /** Segments that are never sent, with the reason. */
  readonly skipped: readonly { readonly segment: MtSegment; readonly reason: Message }[];
}

/** Throws a TypeError for a job that cannot be a caller's intent (no languages, repeated ids). */
export function checkJob(job: MtJob): void {
  for (const field of ['sourceLanguage', 'targetLanguage'] as const) {
    if (typeof job[field] !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/u.test(job[field])) {
      throw new TypeError(`job.${field}: expected a BCP 47 language tag, got ${JSON.stringify(job[field])}`);
    }
  }
  if (!Array.isArray(job.segments)) throw new TypeError('job.segments: expected a list of segments');
  const seen = new Set<string>();
  for (const segment of job.segments) {
    if (typeof segment.id !== 'string' || segment.id === '') throw new TypeError(`job.segments: expected every segment to have an id, got ${JSON.stringify(segment.id)}`);
    if (seen.has(segment.id)) throw new TypeError(`job.segments: expected unique ids, got "${segment.id}" twice`);
    seen.add(segment.id);
    if (typeof segment.text !== 'string' || !Array.isArray(segment.codes)) throw new TypeError(`job.segments["${segment.id}"]: expected text and codes`);
  }
}

/**
 * Groups a job's segments by cache key. `salt` marks keys of answers made without the glossary
 * reaching the engine, for segments that have terms.
 */
export function prepareJob(job: MtJob, provider: MtProviderName, model: string, salt = ''): PreparedJob {
  const groups = new Map<string, KeyGroup>();
  const skipped: { segment: MtSegment; reason: Message }[] = [];
  for (const segment of job.segments) {
    const problems = checkSourceCodes(segment);
    if (problems.length > 0) {
      skipped.push({ segment, reason: { reason: `the segment's inline codes cannot be sent: ${problems.join('; ')}`, ruleId: 'mt/source-codes', source: 'mt', severity: 'error', unit: segment.id, hint: 'the segment is left for a translator' } });
      continue;
    }
    if (!hasWordCharacter(segment.text)) {
      skipped.push({ segment, reason: { reason: 'nothing to translate: the segment has no letter or digit', ruleId: 'mt/nothing-to-translate', source: 'mt', severity: 'info', unit: segment.id } });
      continue;
    }
    const markup = toMarkup(segment);
    const terms = segment.terms ?? [];
    const version = termsVersion(terms);
    const glossary = terms.length > 0 && salt !== '' ? `${version}${salt}` : version;
    const key = cacheKey({ provider, model, sourceLanguage: job.sourceLanguage, targetLanguage: job.targetLanguage, source: markup, glossary });
    const group = groups.get(key);
    if (group !== undefined) group.segments.push(segment);
    else groups.set(key, { item: { key, markup, segment, characters: codePoints(segment.text), glossary }, segments: [segment] });
  }
  return { groups: [...groups.values()], skipped };
}
