/**
 * One job through the translator: cached answers first, then the rest in batches through the
 * provider's queue, each answer written to the cache as it arrives and checked before it is
 * accepted. Every segment id of the job comes back exactly once, as translated, rejected, failed or
 * skipped; a stop (key, quota) or an interruption ends the run cleanly with what was done.
 */
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import type { Message } from '../model.js';
import { batchContext, makeBatches, type Batch, type WorkItem } from './batches.js';
import type { MtCacheEntry, MtCacheFile } from './cache.js';
import { checkAnswer } from './checks.js';
import { RequestFailed, RunInterrupted, RunStopped, type CallContext, type ProviderClient, type RequestCounters } from './client.js';
import { linkSignals } from './http.js';
import { checkJob, prepareJob, type KeyGroup } from './job.js';
import type { MtSettings } from './options.js';
import type { CallProvider, LanguagePair, MtProvider, Preparation } from './providers/provider.js';
import { scrubMessage, type Scrub } from './secrets.js';
import type { MtJob, MtOutcome, MtProgressEvent, MtResult, MtSegment, MtSummary } from './types.js';

/** What a job needs from the translator that runs it. */
export interface JobRuntime {
  readonly settings: MtSettings;
  readonly provider: MtProvider;
  readonly client: ProviderClient;
  readonly scrub: Scrub;
  /** The cache file of a pair, loaded once; released after the job with `release`. */
  acquireCache(pair: LanguagePair): MtCacheFile;
  releaseCache(pair: LanguagePair): void;
  /** Prepares a pair once per translator and glossary. */
  prepare(pair: LanguagePair, job: MtJob, call: CallProvider): Promise<Preparation>;
}

export interface TranslateOptions {
  /** Ends the run: requests under way are abandoned, what was answered is kept. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: MtProgressEvent) => void;
  /** Ignore cached answers and ask again (new answers replace the cached ones). Default false. */
  readonly refresh?: boolean;
}

/** Segments prepared (keys, cache lookups) at a time, a few milliseconds of work, so answers arriving meanwhile are read on time; see `runJob`. */
const PREPARE_SLICE = 250;

const failure = (segment: MtSegment, reason: Message): MtOutcome => ({ id: segment.id, status: 'failed', reason: { ...reason, unit: segment.id } });

export async function runJob(runtime: JobRuntime, job: MtJob, options: TranslateOptions = {}): Promise<MtResult> {
  checkJob(job);
  const { provider, client, scrub, settings } = runtime;
  const pair: LanguagePair = { sourceLanguage: job.sourceLanguage, targetLanguage: job.targetLanguage };
  const model = provider.model(pair);
  const outcomes = new Map<string, MtOutcome>();
  const messages: Message[] = [];
  const counters: RequestCounters = { requests: 0, retries: 0 };
  let sent = 0;
  let characters = 0;
  let stoppedHere: Message | undefined;

  // One listener on the caller's signal; every request of the job listens on this one.
  const jobSignal = linkSignals([options.signal]);
  setMaxListeners(0, jobSignal.signal);
  const emit = (event: MtProgressEvent): void => options.onProgress?.(event);
  // Progress is reported once the whole job is prepared (the `start` event comes first).
  let started = false;
  let heldBack = false;
  const progress = (): void => {
    if (options.onProgress === undefined) return;
    if (!started) {
      heldBack = true;
      return;
    }
    let rejected = 0;
    let failed = 0;
    let cached = 0;
    for (const o of outcomes.values()) {
      if (o.status === 'rejected') rejected += 1;
      if (o.status === 'failed') failed += 1;
      if ((o.status === 'translated' || o.status === 'rejected') && o.cached) cached += 1;
    }
    emit({ type: 'progress', targetLanguage: job.targetLanguage, done: outcomes.size, total: job.segments.length, sent, cached, rejected, failed });
  };
  const context: CallContext = {
    signal: jobSignal.signal,
    counters,
    onRetry: (attempt, delayMs, reason) => emit({ type: 'retry', targetLanguage: job.targetLanguage, attempt, delayMs, reason }),
  };
  const call: CallProvider = (request, read, judge) => client.call(request, read, judge, context);

  const cache = runtime.acquireCache(pair);
  messages.push(...cache.warnings);

  /** Outcomes of every segment of a group from one answer. */
  const settle = (group: KeyGroup, answer: string, cached: boolean): void => {
    for (const segment of group.segments) {
      const checked = checkAnswer(segment, answer);
      outcomes.set(
        segment.id,
        checked.ok
          ? { id: segment.id, status: 'translated', target: checked.target, cached }
          : { id: segment.id, status: 'rejected', cached, answer, reasons: checked.reasons },
      );
    }
  };

  const groupsByKey = new Map<string, KeyGroup>();
  /** Adds segments to a group of the same key found in an earlier slice; one already answered gives them its outcome. */
  const join = (group: KeyGroup, segments: readonly MtSegment[]): void => {
    const answered = outcomes.get(group.segments[0]!.id);
    for (const segment of segments) {
      group.segments.push(segment);
      if (answered !== undefined) outcomes.set(segment.id, { ...answered, id: segment.id, ...('reason' in answered ? { reason: { ...answered.reason, unit: segment.id } } : {}) } as MtOutcome);
    }
  };

  const sendBatch = async (items: readonly WorkItem[]): Promise<void> => {
    const batch: Batch = { items, context: batchContext(items, provider.contextCharacters) };
    const request = provider.request(batch, pair);
    const halves = (): Promise<void[]> => {
      const middle = Math.ceil(items.length / 2);
      return Promise.all([sendBatch(items.slice(0, middle)), sendBatch(items.slice(middle))]);
    };
    if (items.length > 1 && Buffer.byteLength(request.body ?? '') > provider.maxBodyBytes) {
      await halves();
      return;
    }
    /** Fails the batch's segments that have no outcome yet. */
    const failAll = (reason: Message): void => {
      for (const item of items) {
        for (const segment of groupsByKey.get(item.key)?.segments ?? []) if (!outcomes.has(segment.id)) outcomes.set(segment.id, failure(segment, reason));
      }
    };
    try {
      const answers = await client.call(request, (response) => provider.read(batch, response, pair), provider.judge, context);
      characters += items.reduce((n, i) => n + i.characters, 0);
      const entries: MtCacheEntry[] = [];
      for (const answer of answers) {
        const group = groupsByKey.get(answer.key);
        if (group === undefined) continue;
        if ('answer' in answer) entries.push({ key: group.item.key, model, glossary: group.item.glossary, source: group.item.markup, target: answer.answer });
      }
      try {
        cache.add(entries);
      } catch (error) {
        client.stop({
          reason: `the machine translation cache cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}), so the run stops before paying for answers it could not keep`,
          ruleId: 'mt/cache-write',
          source: 'mt',
          severity: 'error',
          file: cache.display,
          hint: 'free disk space or fix the folder\'s permissions, then run again',
        });
      }
      for (const answer of answers) {
        const group = groupsByKey.get(answer.key);
        if (group === undefined) continue;
        sent += group.segments.length;
        if ('answer' in answer) settle(group, answer.answer, false);
        else for (const segment of group.segments) outcomes.set(segment.id, { id: segment.id, status: 'rejected', cached: false, reasons: [{ ...answer.rejected, unit: segment.id }] });
      }
      // An answer that left out an item (a provider bug) must not lose the segment.
      failAll({ reason: `${provider.label} did not answer this segment`, ruleId: 'mt/no-answer', source: 'mt', severity: 'error' });
    } catch (error) {
      if (error instanceof RequestFailed && error.tooLarge && items.length > 1) {
        await halves();
        return;
      }
      if (error instanceof RequestFailed) failAll(error.detail);
      else if (error instanceof RunStopped) failAll({ reason: `not sent: ${error.detail.reason}`, ruleId: 'mt/not-sent', source: 'mt', severity: 'error', ...(error.detail.hint === undefined ? {} : { hint: error.detail.hint }) });
      else if (error instanceof RunInterrupted) failAll({ reason: 'not translated: the run was interrupted', ruleId: 'mt/interrupted', source: 'mt', severity: 'error', hint: 'run again: what was translated is kept and will not be sent again' });
      else throw error;
    }
    progress();
  };

  try {
    let preparation: Preparation | undefined;
    let cachedAtStart = 0;
    let toSend = 0;
    // Back-pressure: a batch's request is built only when the provider could take it soon, so a
    // job of any size holds a bounded number of request bodies in memory.
    const dispatch = new PQueue({ concurrency: settings.throttle.intervalCap + settings.throttle.concurrency });
    const sending: Promise<void>[] = [];
    const stopBefore = client.stopped;
    let carried: WorkItem[] = [];
    // The job is prepared (keys, cache lookups) a slice at a time, and each slice's batches are
    // sent while the next is prepared: the first request of a large job leaves at once instead of
    // after the whole job was hashed.
    for (let from = 0; from < job.segments.length; from += PREPARE_SLICE) {
      if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (jobSignal.signal.aborted || client.stopped !== stopBefore) break;
      const last = from + PREPARE_SLICE >= job.segments.length;
      const slice: MtJob = { ...job, segments: job.segments.slice(from, from + PREPARE_SLICE) };
      const prepared = prepareJob(slice, provider.name, model);
      for (const { segment, reason } of prepared.skipped) outcomes.set(segment.id, { id: segment.id, status: 'skipped', reason });
      let misses: KeyGroup[] = [];
      for (const group of prepared.groups) {
        const earlier = groupsByKey.get(group.item.key);
        if (earlier !== undefined) {
          join(earlier, group.segments);
          continue;
        }
        const entry = options.refresh === true ? undefined : cache.get(group.item.key);
        if (entry !== undefined) {
          settle(group, entry.target, true);
          cachedAtStart += group.segments.length;
        } else misses.push(group);
      }
      if (misses.length > 0 && preparation === undefined && !jobSignal.signal.aborted) {
        preparation = await runtime.prepare(pair, job, call);
        messages.push(...preparation.messages);
      }
      if (misses.length > 0 && preparation?.glossaryApplied === false) {
        // Answers made without the engine glossary are cached apart (only those of segments with
        // terms: the others' keys do not change); an earlier such answer may exist.
        const withTerms = misses.flatMap((g) => g.segments).filter((segment) => (segment.terms ?? []).length > 0);
        const salted = new Map(prepareJob({ ...job, segments: withTerms }, provider.name, model, '!no-glossary').groups.map((g) => [g.segments[0]!.id, g] as const));
        const rest: KeyGroup[] = [];
        for (const group of misses) {
          const saltedGroup = salted.get(group.segments[0]!.id) ?? group;
          const earlier = saltedGroup === group ? undefined : groupsByKey.get(saltedGroup.item.key);
          const entry = options.refresh === true ? undefined : cache.get(saltedGroup.item.key);
          if (earlier !== undefined) join(earlier, saltedGroup.segments);
          else if (entry !== undefined) {
            settle(saltedGroup, entry.target, true);
            cachedAtStart += saltedGroup.segments.length;
          } else rest.push(saltedGroup);
        }
        misses = rest;
      }
      for (const group of misses) groupsByKey.set(group.item.key, group);
      toSend += misses.reduce((n, g) => n + g.segments.length, 0);
      // The last batch of a slice waits for the next slice's items, so slicing adds no request.
      const batches = makeBatches([...carried, ...misses.map((g) => g.item)], settings.batch);
      carried = last ? [] : (batches.pop() ?? []);
      for (const items of batches) sending.push(dispatch.add(() => sendBatch(items)));
    }
    if (carried.length > 0) sending.push(dispatch.add(() => sendBatch(carried)));
    emit({ type: 'start', targetLanguage: job.targetLanguage, total: job.segments.length, cached: cachedAtStart, toSend });
    started = true;
    // Batches answered while later slices were prepared are reported now, after the start.
    if (heldBack) progress();
    await Promise.all(sending);
    if (client.stopped !== undefined && client.stopped !== stopBefore) stoppedHere = client.stopped;
  } catch (error) {
    // Preparing the pair can stop or be interrupted too.
    if (!(error instanceof RunStopped) && !(error instanceof RunInterrupted)) throw scrubError(error, scrub);
  } finally {
    jobSignal.dispose();
    runtime.releaseCache(pair);
  }

  const stopped = stoppedHere ?? client.stopped;
  const interrupted = options.signal?.aborted === true;
  for (const segment of job.segments) {
    if (outcomes.has(segment.id)) continue;
    outcomes.set(
      segment.id,
      failure(
        segment,
        stopped !== undefined
          ? { reason: `not sent: ${stopped.reason}`, ruleId: 'mt/not-sent', source: 'mt', severity: 'error', ...(stopped.hint === undefined ? {} : { hint: stopped.hint }) }
          : { reason: 'not translated: the run was interrupted', ruleId: 'mt/interrupted', source: 'mt', severity: 'error', hint: 'run again: what was translated is kept and will not be sent again' },
      ),
    );
  }
  if (stopped !== undefined) {
    messages.push(stopped);
    emit({ type: 'stop', targetLanguage: job.targetLanguage, message: scrubMessage(stopped, scrub) });
  }

  // Every message leaves through the scrubber: no key in any reason, hint or answer excerpt.
  const clean = new Map<string, MtOutcome>();
  for (const segment of job.segments) clean.set(segment.id, scrubOutcome(outcomes.get(segment.id)!, scrub));
  const counts = { translated: 0, rejected: 0, failed: 0, skipped: 0, cached: 0 };
  for (const o of clean.values()) {
    counts[o.status] += 1;
    if ((o.status === 'translated' || o.status === 'rejected') && o.cached) counts.cached += 1;
  }
  const summary: MtSummary = {
    provider: provider.name,
    model,
    sourceLanguage: job.sourceLanguage,
    targetLanguage: job.targetLanguage,
    segments: job.segments.length,
    sent,
    ...counts,
    requests: counters.requests,
    retries: counters.retries,
    characters,
    ...(stopped === undefined ? {} : { stopped: scrubMessage(stopped, scrub) }),
    interrupted,
  };
  return { outcomes: clean, summary, messages: messages.map((m) => scrubMessage(m, scrub)) };
}

function scrubOutcome(outcome: MtOutcome, scrub: Scrub): MtOutcome {
  switch (outcome.status) {
    case 'translated':
      return outcome;
    case 'rejected':
      return { ...outcome, ...(outcome.answer === undefined ? {} : { answer: scrub(outcome.answer) }), reasons: outcome.reasons.map((m) => scrubMessage(m, scrub)) };
    default:
      return { ...outcome, reason: scrubMessage(outcome.reason, scrub) };
  }
}

/** An unexpected error with any key removed from its message and stack. */
export function scrubError(error: unknown, scrub: Scrub): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const clean = new Error(scrub(source.message));
  clean.name = source.name;
  clean.stack = scrub(source.stack ?? '');
  return clean;
}
