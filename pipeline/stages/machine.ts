/**
 * Machine translation in the translate chain (`pipeline/chains.ts`):
 *
 * - the `machine` stage picks, per document and language, the sentences to ask the machine about
 *   (`--only new|changed|all`, see `MachineOnly`), after the memory had its say;
 * - `machineSegments` turns them into the library's segments, with inline codes, the glossary
 *   terms of the sentence (approved targets, forbidden renderings, the terminologist's note) and
 *   the neighbouring sentences; `pairGlossary` is the language pair's whole glossary (DeepL's);
 * - `acceptMachineTargets` takes the library's answers back into the model: codes mapped to the
 *   sentence's own codes, every target through the project's quality checks with the core check
 *   runner (`runChecks`: terminology, forbidden terms, do-not-translate names, numbers, empty
 *   targets, the order of codes), a target the settings refuse left untranslated and reported,
 *   the other findings written beside the target as notes for the reviewer.
 *
 * The export stage then writes the accepted targets, marked as machine output for review.
 */
import { perLanguage, type DocumentFile, type LanguageTrack } from '../file.js';
import { segmentsOf, type InlineCode, type Message, type Segment, type SegmentTarget, type Span } from '../model.js';
import { MT_CHECK_IDS, type MtCheckAction, type MtCheckId, type MtSettings } from '../mt/options.js';
import type { MtCode, MtOutcome, MtSegment, MtTerm, MtTermEntry } from '../mt/types.js';
import type { Project } from '../project.js';
import { RULE_IDS, runChecks, type CheckSetting, type QaMessage } from '../qa/index.js';
import { openWork, type MachineTarget, type OpenNeed } from '../xliff/index.js';
import type { ExtractContext } from './context.js';
import { exportOptions } from './export.js';

/**
 * Which sentences a run asks the machine about: `new` (default) those without any target;
 * `changed` those whose source changed, whose previous translation is their target for review;
 * `all` every sentence without an approved translation (new, changed, memory matches, drafts and
 * earlier machine output marked for review). A sentence the translation memory has an exact match
 * for is never sent: a person's translation of the same sentence beats the machine's.
 */
export type MachineOnly = 'new' | 'changed' | 'all';

export const MACHINE_ONLY: readonly MachineOnly[] = ['new', 'changed', 'all'];

/** What the translate chain's stages know besides the extract chain's. */
export interface TranslateContext extends ExtractContext {
  readonly only: MachineOnly;
}

const wanted = (only: MachineOnly, need: OpenNeed): boolean => only === 'all' || only === need;

/** The `machine` stage: the sentences of each language to ask the machine about (`track.machineWork`). */
export const machineStage = perLanguage<TranslateContext>('machine', (track, file, context) => {
  const open = openWork(file.docFor(track.language), track.previous, track.previousAside, exportOptions(file, track, context));
  track.machineWork = open.filter(({ segment, need }) => {
    if (!wanted(context.only, need)) return false;
    const exact = track.suggestions?.get(segment.text)?.some((m) => m.type !== 'mt' && m.quality === 100 && m.source === segment.text);
    return exact !== true;
  });
});

/** A span's values for a language: the exact tag first, then the primary language (`en` for `en-GB`). */
function forLanguage<T>(values: Readonly<Record<string, T>> | undefined, language: string): T | undefined {
  if (values === undefined) return undefined;
  if (Object.hasOwn(values, language)) return values[language];
  const primary = language.split('-')[0] ?? language;
  return Object.hasOwn(values, primary) ? values[primary] : undefined;
}

/** A term span as the library's term, for one target language. */
function termOf(span: Span, text: string, language: string): MtTerm {
  const dnt = span.dnt === true;
  const forbidden = forLanguage(span.forbidden, language) ?? [];
  return {
    source: span.term ?? text.slice(span.start, span.end),
    targets: dnt ? [] : [...(forLanguage(span.targets, language) ?? [])],
    ...(forbidden.length > 0 ? { forbidden: [...forbidden] } : {}),
    ...(span.note === undefined ? {} : { note: span.note }),
    ...(dnt ? { dnt: true } : {}),
    start: span.start,
    end: span.end,
  };
}

/**
 * The library's segments for a track's work, ids prefixed (`<prefix><segment id>`) so that one job
 * can hold the sentences of several documents. The neighbours are the sentences before and after
 * in the document.
 */
export function machineSegments(file: DocumentFile, track: LanguageTrack, prefix: string): MtSegment[] {
  const all = segmentsOf(file.docFor(track.language));
  const index = new Map(all.map((s, i) => [s.id, i] as const));
  return (track.machineWork ?? []).map(({ segment }) => {
    const at = index.get(segment.id) ?? 0;
    const before = all[at - 1]?.text;
    const after = all[at + 1]?.text;
    const terms = segment.spans.filter((s) => s.kind === 'term').map((s) => termOf(s, segment.text, track.language));
    return {
      id: `${prefix}${segment.id}`,
      text: segment.text,
      codes: segment.codes.map((c): MtCode => ({ id: c.id, kind: c.kind, at: c.at })),
      ...(terms.length > 0 ? { terms } : {}),
      context: { ...(before === undefined ? {} : { before: [before] }), ...(after === undefined ? {} : { after: [after] }) },
    };
  });
}

/**
 * The glossary of the language pair, every entry once: what DeepL's glossary is built from, so it
 * stays the same from run to run whatever the documents hold.
 */
export function pairGlossary(project: Project, language: string): MtTermEntry[] {
  return project.matcher.glossary.entries.map((entry) => {
    const forbidden = forLanguage(entry.forbidden, language) ?? [];
    return {
      source: entry.source,
      targets: entry.dnt ? [] : [...(forLanguage(entry.targets, language) ?? [])],
      ...(forbidden.length > 0 ? { forbidden: [...forbidden] } : {}),
      ...(entry.note === undefined ? {} : { note: entry.note }),
      ...(entry.dnt ? { dnt: true } : {}),
      ...(entry.variants.length > 0 ? { variants: [...entry.variants] } : {}),
    };
  });
}

/** The check runner's settings for machine targets: the machine checks as their actions say, every other check off. */
function machineCheckSettings(actions: Readonly<Record<MtCheckId, MtCheckAction>>): ReadonlyMap<string, CheckSetting> {
  const settings = new Map<string, CheckSetting>(RULE_IDS.map((id) => [id, 'off'] as const));
  for (const id of MT_CHECK_IDS) settings.set(id, actions[id] === 'reject' ? 'error' : actions[id] === 'flag' ? 'warning' : 'off');
  return settings;
}

/** Counts of one document in one language. */
export interface AcceptedCounts {
  /** Targets accepted and handed to the export. */
  readonly accepted: number;
  /** Targets the quality checks refused (the library's refusals are counted by the library). */
  readonly refused: number;
  /** Accepted targets with findings written beside them. */
  readonly flagged: number;
}

/** What `acceptMachineTargets` needs to know about the run. */
export interface AcceptOptions {
  readonly settings: MtSettings;
  /** What shaped the answers (`MtSummary.model`), for the note. */
  readonly model: string;
  /** The ids of the job the track's segments had (`machineSegments`' prefix). */
  readonly prefix: string;
}

/** A reason for a note: one line, what the check found. */
function findingNote(message: QaMessage): string {
  const found = message.actual === undefined ? '' : ` (${message.actual}${message.expected === undefined ? '' : ` → ${message.expected}`})`;
  return `${message.ruleId}: ${message.reason}${found}`;
}

/**
 * Takes a track's outcomes into the model: each translated answer becomes a target with the
 * sentence's own codes, goes through the quality checks, and is accepted (with its findings as
 * notes) or refused; every problem is a message on the track. Sets `track.machineTargets`.
 */
export function acceptMachineTargets(project: Project, file: DocumentFile, track: LanguageTrack, outcomes: ReadonlyMap<string, MtOutcome>, options: AcceptOptions): AcceptedCounts {
  const work = track.machineWork ?? [];
  const place = (m: Message, segment: Segment): Message => ({ ...m, file: track.xliff, unit: segment.id });
  const candidates = new Map<string, SegmentTarget>();
  const failures = new Map<string, { message: Message; count: number }>();
  for (const { segment } of work) {
    const outcome = outcomes.get(`${options.prefix}${segment.id}`);
    if (outcome === undefined) continue;
    switch (outcome.status) {
      case 'translated': {
        const byKind = new Map(segment.codes.map((c) => [`${c.kind} ${c.id}`, c] as const));
        const codes = outcome.target.codes.map((c): InlineCode => ({ ...(byKind.get(`${c.kind} ${c.id}`) ?? { id: c.id, kind: c.kind, type: 'ph', data: '' }), at: c.at }));
        candidates.set(segment.id, {
          id: segment.id,
          source: { text: segment.text, codes: segment.codes },
          target: { text: outcome.target.text, codes },
          state: 'translated',
          needsReview: false,
          origin: 'machine',
          notes: [],
          candidates: [],
        });
        break;
      }
      case 'rejected':
        for (const reason of outcome.reasons) track.message(place({ ...reason, severity: 'warning', reason: `machine translation refused: ${reason.reason}` }, segment));
        break;
      case 'skipped':
        if (outcome.reason.severity !== 'info') track.message(place(outcome.reason, segment));
        break;
      case 'failed': {
        // One message per reason and language: a stopped run fails hundreds of segments alike.
        const key = `${outcome.reason.ruleId}\u0000${outcome.reason.reason}`;
        const seen = failures.get(key);
        if (seen === undefined) failures.set(key, { message: place(outcome.reason, segment), count: 1 });
        else seen.count += 1;
        break;
      }
    }
  }
  for (const { message, count } of failures.values()) {
    track.message({ ...message, reason: `${count} ${count === 1 ? 'sentence' : 'sentences'} not translated by machine: ${message.reason}` });
  }

  const findings = runChecks(
    {
      doc: file.docFor(track.language),
      language: track.language,
      sourceLanguage: project.config.sourceLanguage,
      file: track.xliff,
      targets: candidates,
      profile: project.languages.get(track.language),
      sourceProfile: project.languages.get(project.config.sourceLanguage),
    },
    { settings: machineCheckSettings(options.settings.checks) },
  );
  const byUnit = new Map<string, QaMessage[]>();
  for (const finding of findings) {
    if (finding.unit === undefined || !candidates.has(finding.unit)) continue;
    byUnit.set(finding.unit, [...(byUnit.get(finding.unit) ?? []), finding]);
  }

  const provider = options.settings.provider;
  const accepted = new Map<string, MachineTarget>();
  let refused = 0;
  let flagged = 0;
  for (const [id, candidate] of candidates) {
    const found = byUnit.get(id) ?? [];
    const refusing = found.filter((f) => f.severity === 'error');
    if (refusing.length > 0) {
      refused += 1;
      for (const f of refusing) track.message({ ...f, severity: 'warning', source: 'mt', reason: `machine translation refused: ${f.reason}`, hint: 'the sentence is left for a translator' });
      continue;
    }
    if (found.length > 0) flagged += 1;
    for (const f of found) track.message({ ...f, severity: 'info', source: 'mt', reason: `machine translation kept with a finding for the reviewer: ${f.reason}`, hint: 'written as a note beside the target' });
    accepted.set(id, {
      target: candidate.target ?? { text: '', codes: [] },
      provider,
      notes: [`Machine translation (${provider}, ${options.model}); no person has reviewed it. Check it against the source, then confirm it.`, ...found.map(findingNote)],
    });
  }
  track.machineTargets = accepted;
  return { accepted: accepted.size, refused, flagged };
}
