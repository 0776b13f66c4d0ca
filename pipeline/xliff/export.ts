/**
 * exportXliff: the XLIFF of one document and language, merged with the previous file's work.
 */
import { blockGaps, nothingToTranslate, segmentsOf, type Content, type Document, type Message, type Segment } from '../model.js';
import { hasTarget, isLockedEntry, type Entry } from './entries.js';
import { documentEntries } from './resolve.js';
import { languageRelation } from './languages.js';
import { planMerge, type PlannedSegment } from './merge.js';
import { contextNotes, glossaryNote } from './notes.js';
import { carriedCandidates, losesMarkup, type BlockOut, type CandidateOut, type SegmentOut, type TargetOut } from './render.js';
import { isMachineSubState, MACHINE_QUALIFIER_12, MACHINE_QUALIFIERS_12, machineSubState } from './states.js';
import type { ParsedNote, ParsedXliff, XliffVersion } from './types.js';
import { writeAside12, writeXliff12 } from './write12.js';
import { writeAside21, writeXliff21 } from './write21.js';

/** Options of `exportXliff`. */
export interface ExportOptions {
  /** XLIFF version to write: '1.2' (default) or '2.1'. */
  readonly version: XliffVersion;
  /** Source language (BCP 47), e.g. 'de'. */
  readonly sourceLanguage: string;
  /** Target language (BCP 47), e.g. 'en', 'fr', 'es'. */
  readonly targetLanguage: string;
  /** Source path relative to the project, e.g. 'source/putin-kim-treffen-peking.txt'. */
  readonly original: string;
  /** XLIFF 1.2 `datatype` of the document's `<file>` (the format's). Default 'plaintext'. */
  readonly datatype?: string;
  /**
   * 'default' (default): untranslated units have no target. 'omegat': untranslated units get a
   * copy of the source as target with state needs-translation (1.2) / initial (2.1), the shape
   * OmegaT expects.
   */
  readonly profile?: 'default' | 'omegat';
  /**
   * Translation memory lookup (see `pipeline/memory/`). Sentences without an approved target get
   * its matches as candidates; an exact match (quality 100, same source) also becomes the target of
   * a sentence without one, marked for review: 1.2 `needs-review-translation`, 2.x `translated`
   * with subState `l10n:needs-review`. Default: no memory.
   */
  readonly leverage?: (source: string) => readonly LeverageMatch[];
  /**
   * Machine translations to write as targets (see `MachineTarget`), by sentence. Only a sentence
   * without an approved translation takes one (no target, an untouched copy of the source, or one
   * that is initial or marked for review); a target it replaces stays as a candidate. Default: none.
   */
  readonly machine?: (segment: Segment) => MachineTarget | undefined;
  /**
   * A target decided for a sentence in this export (pseudo-translation): written as its target,
   * state `translated` (2.x `translated`), in place of whatever the previous file had; its notes
   * and candidates are kept. Undefined for a sentence: the merge decides as usual. Default: none.
   */
  readonly fill?: (segment: Segment) => Content | undefined;
}

/**
 * Machine output to write as a sentence's target, marked so that nobody takes it for a person's
 * work: XLIFF 1.2 `state="needs-review-translation" state-qualifier="mt-suggestion"`, XLIFF 2.x
 * `state="initial" subState="l10n:mt-<provider>"`, notes from `l10n-mt` (the provider, the
 * findings of the checks), and the raw output as an `mt` candidate.
 */
export interface MachineTarget {
  /** The translation with the sentence's inline codes (model codes, by id). */
  readonly target: Content;
  /** The service: `deepl`, `openai`, `libretranslate`. */
  readonly provider: string;
  /** Notes for the reviewer, one per line of concern; the first names the provider and model. */
  readonly notes: readonly string[];
}

/** The note category (1.2 `from`, 2.x `category`) of the notes a machine target brings. */
export const MACHINE_NOTE_FROM = 'l10n-mt';

/** A suggestion offered to the exporter: a translation memory match, or machine output. */
export interface LeverageMatch {
  readonly source: string;
  readonly target: string;
  /** 0–100; 100 with the same source is an exact match. */
  readonly quality: number;
  /** `project` for the project's own memory, else the tool an imported memory came from, or the machine translation service. */
  readonly origin: string;
  /** `tm` (default): a memory match; `mt`: machine translation (offered, never made the target). */
  readonly type?: 'tm' | 'mt';
}

/** What an export did with the sentences of the document. */
export interface ExportStats {
  readonly kept: number;
  readonly candidates: number;
  readonly added: number;
  readonly setAside: number;
  readonly restored: number;
}

/** What `exportXliff` returns. */
export interface ExportResult {
  /** The working file's content (UTF-8 text, `\n` line ends, final newline). */
  readonly xliff: string;
  /** The aside file's content, or undefined when nothing is set aside (delete the file then). */
  readonly aside: string | undefined;
  readonly messages: Message[];
  readonly stats: ExportStats;
  /** Sentences whose target was pre-filled from an exact memory match in this export. */
  readonly fromMemory: number;
  /** Sentences whose target is machine output written in this export (`ExportOptions.machine`). */
  readonly fromMachine: number;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u;

/** Checks options up front with "expected X, got Y" errors. */
function checkOptions(options: ExportOptions): void {
  if (options.version !== '1.2' && options.version !== '2.1') {
    throw new RangeError(`exportXliff: expected version '1.2' or '2.1', got ${JSON.stringify(options.version)}`);
  }
  for (const key of ['sourceLanguage', 'targetLanguage'] as const) {
    if (typeof options[key] !== 'string' || !LANGUAGE_TAG.test(options[key])) {
      throw new RangeError(`exportXliff: expected ${key} to be a BCP 47 language tag like 'de', got ${JSON.stringify(options[key])}`);
    }
  }
  if (typeof options.original !== 'string' || options.original === '') {
    throw new RangeError(`exportXliff: expected original to be a non-empty path, got ${JSON.stringify(options.original)}`);
  }
  if (options.leverage !== undefined && typeof options.leverage !== 'function') {
    throw new RangeError(`exportXliff: expected leverage to be a function, got ${typeof options.leverage}`);
  }
  if (options.machine !== undefined && typeof options.machine !== 'function') {
    throw new RangeError(`exportXliff: expected machine to be a function, got ${typeof options.machine}`);
  }
  if (options.fill !== undefined && typeof options.fill !== 'function') {
    throw new RangeError(`exportXliff: expected fill to be a function, got ${typeof options.fill}`);
  }
  if (options.datatype !== undefined && !/^[A-Za-z][\w.-]*$/u.test(options.datatype)) {
    throw new RangeError(`exportXliff: expected datatype to be a word like 'plaintext' or 'x-markdown', got ${JSON.stringify(options.datatype)}`);
  }
  if (options.profile !== undefined && options.profile !== 'default' && options.profile !== 'omegat') {
    throw new RangeError(`exportXliff: expected profile 'default' or 'omegat', got ${JSON.stringify(options.profile)}`);
  }
}

/**
 * Builds the XLIFF for one document and language, merging the previous file's work.
 *
 * - Units whose id and source are unchanged keep target, state, approval, translators' notes and
 *   candidates.
 * - A changed sentence gets the old translation of the sentence it replaced (found between the
 *   same unchanged neighbours, by similarity) as target marked for review and as a candidate.
 * - Translated units whose sentence is gone go to the aside file; they come back when it returns.
 *
 * When `previous` or `aside` is for another language ('fr' for 'en'), it is not merged and a fatal
 * message says so: the caller must then not overwrite the previous file. A regional variant ('en-US'
 * for 'en') is merged with a warning.
 */
export function exportXliff(
  doc: Document,
  previous: ParsedXliff | undefined,
  aside: ParsedXliff | undefined,
  options: ExportOptions,
): ExportResult {
  checkOptions(options);
  const messages: Message[] = [];
  const prevEntries = usableEntries(doc, previous, options, messages, 'previous');
  const asideEntries = usableEntries(doc, aside, options, messages, 'aside');
  const plan = planMerge(doc, prevEntries, asideEntries);
  const blocks = buildBlocks(doc, plan.bySegment, options, messages);

  const header = { original: options.original, sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage, datatype: options.datatype ?? 'plaintext' };
  const xliff = options.version === '1.2' ? writeXliff12(header, blocks) : writeXliff21(header, doc, blocks);
  let asideText: string | undefined;
  if (plan.aside.length > 0) {
    asideText = options.version === '1.2' ? writeAside12(header, plan.aside) : writeAside21(header, plan.aside);
  }
  for (const p of plan.bySegment.values()) {
    if (p.kind === 'candidate') {
      messages.push(info('xliff/candidate', `unit ${p.segment.id}: the sentence changed; the previous translation (${p.quality ?? 0}% similar) is its target again, marked for review`, p.segment.id, options.original));
    } else if (p.kind === 'restored') {
      messages.push(info('xliff/restored', `unit ${p.segment.id}: the sentence is back in the source; its set-aside translation was restored`, p.segment.id, options.original));
    }
  }
  if (plan.stats.setAside > 0) {
    const n = plan.stats.setAside;
    messages.push(info('xliff/set-aside', `${n} translated ${n === 1 ? 'unit' : 'units'} of sentences no longer in the source set aside in this file; restored when the sentence returns`, undefined, options.original));
  }
  const fromMemory = blocks.reduce((n, b) => n + b.segments.filter((s) => s.fromMemory === true).length, 0);
  const fromMachine = blocks.reduce((n, b) => n + b.segments.filter((s) => s.fromMachine === true).length, 0);
  return { xliff, aside: asideText, messages, stats: plan.stats, fromMemory, fromMachine };
}

/**
 * Why a sentence has no approved translation: `new` (no target, or an untouched copy of the
 * source), `changed` (its source changed and the previous translation, offered as a candidate, is
 * its target for review), `unapproved` (any other target that is initial or marked for review: a
 * memory match, machine output, a draft).
 */
export type OpenNeed = 'new' | 'changed' | 'unapproved';

/** A sentence an export would leave without an approved translation, and why. */
export interface OpenSegment {
  readonly segment: Segment;
  readonly need: OpenNeed;
}

/**
 * The sentences that an export would leave without an approved translation (no target, one marked
 * for review, or one still initial) before any leverage: those a memory or machine translation is
 * asked about, in document order. Nothing is written; messages are not collected.
 */
export function openWork(doc: Document, previous: ParsedXliff | undefined, aside: ParsedXliff | undefined, options: ExportOptions): OpenSegment[] {
  checkOptions(options);
  const ignored: Message[] = [];
  const plan = planMerge(doc, usableEntries(doc, previous, options, ignored, 'previous'), usableEntries(doc, aside, options, ignored, 'aside'));
  const out: OpenSegment[] = [];
  for (const segment of segmentsOf(doc)) {
    const base = mergedSegment(plan.bySegment.get(segment.id), segment, options);
    if (!isOpen(base)) continue;
    out.push({ segment, need: needOf(base) });
  }
  return out;
}

/** The sentences without an approved translation (see `openWork`). */
export function openSegments(doc: Document, previous: ParsedXliff | undefined, aside: ParsedXliff | undefined, options: ExportOptions): Segment[] {
  return openWork(doc, previous, aside, options).map((o) => o.segment);
}

/** True when a sentence as merged has no approved translation. */
function isOpen(base: SegmentOut): boolean {
  return base.target === undefined || base.needsReview || base.state === 'initial';
}

/**
 * True when the target is nothing a person or a machine wrote: none, or an untouched copy of the
 * source (machine output that equals the source, a sentence of names, is not a copy).
 */
function isUntouched(base: SegmentOut): boolean {
  if (base.target === undefined) return true;
  const machine = base.subState !== undefined && (MACHINE_QUALIFIERS_12.has(base.subState) || isMachineSubState(base.subState));
  return base.state === 'initial' && base.target.text === base.segment.text && !machine;
}

function needOf(base: SegmentOut): OpenNeed {
  if (isUntouched(base)) return 'new';
  const previousVersion = base.candidates.some((c) => c.type === 'previous-version' && c.target.text === base.target?.text);
  return base.needsReview && previousVersion ? 'changed' : 'unapproved';
}

function info(ruleId: string, reason: string, unit: string | undefined, file: string): Message {
  return { reason, ruleId, source: 'xliff-export', severity: 'info', unit, file };
}

/** Entries of a previous or aside file that belong to this document and language. */
function usableEntries(doc: Document, parsed: ParsedXliff | undefined, options: ExportOptions, messages: Message[], role: string): Entry[] {
  if (parsed === undefined) return [];
  const found = documentEntries(parsed, doc, 'xliff-export', options.original, role !== 'aside');
  const { indexes, matched } = found;
  const target = [...indexes].map((i) => parsed.files[i]?.targetLanguage ?? parsed.targetLanguage);
  const wrong = target.find((t) => t !== undefined && languageRelation(t, options.targetLanguage) === 'other');
  const variant = target.find((t) => t !== undefined && languageRelation(t, options.targetLanguage) === 'region');
  if (wrong === undefined && variant !== undefined) {
    // Tools often set a regional variant ('en-US' for 'en'): the work is the same language, keep it.
    messages.push({
      reason: `the ${role} file is for "${variant}", the project for "${options.targetLanguage}"; merged, written as "${options.targetLanguage}"`,
      ruleId: 'xliff/language-variant',
      source: 'xliff-export',
      severity: 'warning',
      file: parsed.file,
      actual: variant,
      expected: options.targetLanguage,
      hint: 'Align the language in the translation tool with the project configuration.',
    });
  }
  if (wrong !== undefined) {
    messages.push({
      reason: `the ${role} file is for target language "${wrong}", not "${options.targetLanguage}"; its work was not merged`,
      ruleId: 'xliff/wrong-language',
      source: 'xliff-export',
      severity: 'error',
      fatal: true,
      file: parsed.file,
      actual: wrong,
      expected: options.targetLanguage,
      hint: 'Put the file under translations/<its language>/ or fix its target language; do not overwrite it with this export.',
    });
    return [];
  }
  if (!matched) {
    const originals = parsed.files.map((f) => f.original ?? '(none)').join(', ');
    messages.push({
      reason:
        indexes.size === 0
          ? `the ${role} file has no <file> for ${options.original} (it has ${originals}); its work was not merged`
          : `the ${role} file's <file original="${originals}"> differs from ${options.original}; merged by sentence id`,
      ruleId: 'xliff/other-document',
      source: 'xliff-export',
      severity: 'warning',
      file: parsed.file,
      hint: 'Check that the file belongs to this document.',
    });
  }
  messages.push(...found.messages.filter((m) => m.severity !== 'info'));
  return found.entries;
}

function targetOf(entry: Entry): TargetOut | undefined {
  return hasTarget(entry.target) ? { content: entry.target, family: entry.family, text: entry.target.text } : undefined;
}

/** Turns the merge plan into what the writers render, block by block. */
function buildBlocks(doc: Document, plan: ReadonlyMap<string, PlannedSegment>, options: ExportOptions, messages: Message[]): BlockOut[] {
  const all = segmentsOf(doc);
  const position = new Map(all.map((s, i) => [s.id, i] as const));
  const family = options.version === '1.2' ? '1.2' : '2x';
  return doc.blocks.map((block, b) => {
    const segments = block.segments.map((segment) => {
      const p = plan.get(segment.id);
      const at = position.get(segment.id) ?? 0;
      const out = segmentOut(p, segment, options);
      if (out.target !== undefined && losesMarkup(out.target, family)) {
        messages.push({
          reason: 'the kept target has inline codes or markers that cannot be carried into another XLIFF version; its text was kept',
          ruleId: 'xliff/markup-dropped',
          source: 'xliff-export',
          severity: 'warning',
          unit: segment.id,
          file: options.original,
          hint: 'Check the target in the new file.',
        });
      }
      // Named resources (software strings) are no sentences of one text: their neighbours say nothing about them.
      return { ...out, context: segment.resource !== undefined ? [] : contextNotes(all[at - 1]?.text, all[at + 1]?.text) };
    });
    const gaps = blockGaps(doc, block);
    const prevBlock = doc.blocks[b - 1]?.segments.at(-1)?.text;
    const nextBlock = doc.blocks[b + 1]?.segments[0]?.text;
    const named = block.segments.some((segment) => segment.resource !== undefined);
    return { block, number: b + 1, segments, gaps, context: named ? [] : contextNotes(prevBlock, nextBlock) };
  });
}

/**
 * A sentence as the merge left it, then completed from the memory when it has no approved target:
 * matches as candidates, an exact match as the target of a sentence without one.
 */
function segmentOut(p: PlannedSegment | undefined, segment: PlannedSegment['segment'], options: ExportOptions): SegmentOut {
  const base = mergedSegment(p, segment, options);
  const filled = options.fill?.(segment);
  // A locked unit (nothing to translate) keeps its source as it is.
  if (filled !== undefined && base.locked !== true) {
    return { ...base, target: { content: undefined, family: undefined, text: filled.text, codes: filled.codes }, state: 'translated', needsReview: false, rawState: undefined, subState: undefined, approved: undefined };
  }
  if (!isOpen(base)) return base;
  const leveraged = withLeverage(base, segment, options);
  const machine = options.machine?.(segment);
  return machine === undefined ? leveraged : withMachineTarget(leveraged, machine, options.version);
}

/** An open sentence completed from the memory: matches as candidates, an exact match as the target of a sentence without one. */
function withLeverage(base: SegmentOut, segment: PlannedSegment['segment'], options: ExportOptions): SegmentOut {
  if (options.leverage === undefined) return base;
  const matches = options.leverage(segment.text);
  const known = new Set(base.candidates.map((c) => c.target.text));
  const fromMemory: CandidateOut[] = matches
    .filter((m) => !known.has(m.target))
    .map((m) => ({
      source: m.source,
      target: { content: undefined, family: undefined, text: m.target },
      quality: m.quality,
      origin: m.type === 'mt' ? m.origin : m.origin === 'project' ? 'memory' : `memory:${m.origin}`,
      type: m.type ?? 'tm',
    }));
  const candidates = [...base.candidates, ...fromMemory];
  const exact = matches.find((m) => m.type !== 'mt' && m.quality === 100 && m.source === segment.text);
  // Only an empty target or an untouched copy of the source (OmegaT profile) is replaced.
  if (exact === undefined || !isUntouched(base)) return { ...base, candidates };
  return {
    ...base,
    target: { content: undefined, family: undefined, text: exact.target },
    state: 'translated',
    needsReview: true,
    rawState: undefined,
    subState: undefined,
    candidates,
    fromMemory: true,
  };
}

/**
 * An open sentence with a machine target (see `MachineTarget`). A target it replaces that a person
 * or a memory made stays as a `previous-version` candidate, so nothing is lost; the notes of an
 * earlier machine target give way to the new ones.
 */
function withMachineTarget(base: SegmentOut, machine: MachineTarget, version: XliffVersion): SegmentOut {
  const target: TargetOut = { content: undefined, family: undefined, text: machine.target.text, codes: machine.target.codes };
  const known = new Set(base.candidates.map((c) => c.target.text));
  const candidates: CandidateOut[] = [...base.candidates];
  if (base.target !== undefined && !isUntouched(base) && !known.has(base.target.text) && base.target.text !== target.text) {
    candidates.push({ source: undefined, target: base.target, quality: undefined, origin: 'previous-target', type: 'previous-version' });
  }
  if (!known.has(target.text)) candidates.push({ source: undefined, target, quality: undefined, origin: `machine:${machine.provider}`, type: 'mt' });
  const notes: ParsedNote[] = [
    ...base.notes.filter((n) => n.from !== MACHINE_NOTE_FROM),
    ...machine.notes.map((text) => ({ text, from: MACHINE_NOTE_FROM, annotates: 'target', priority: undefined, id: undefined })),
  ];
  const state = version === '1.2' ? { state: 'translated' as const, needsReview: true, subState: MACHINE_QUALIFIER_12 } : { state: 'initial' as const, needsReview: false, subState: machineSubState(machine.provider) };
  return { ...base, target, ...state, rawState: undefined, approved: undefined, candidates, notes, fromMemory: false, fromMachine: true };
}

function mergedSegment(p: PlannedSegment | undefined, segment: PlannedSegment['segment'], options: ExportOptions): SegmentOut {
  const glossary = glossaryNote(segment, options.targetLanguage);
  const base = { segment, glossary, context: [] as string[] };
  const entry = p?.entry;
  if (nothingToTranslate(segment, options.targetLanguage)) {
    // Nothing to translate: the source is the translation, locked in every CAT tool; notes stay.
    return {
      ...base,
      target: { content: undefined, family: undefined, text: segment.text, codes: segment.codes },
      state: 'final',
      needsReview: false,
      rawState: undefined,
      subState: undefined,
      approved: undefined,
      candidates: [],
      notes: entry?.notes ?? [],
      locked: true,
    };
  }
  // A unit locked by an earlier export whose sentence now has something to translate opens again.
  const locked = entry !== undefined && isLockedEntry(entry);
  if (p !== undefined && entry !== undefined && !locked && (p.kind === 'kept' || p.kind === 'restored')) {
    const target = targetOf(entry);
    if (target !== undefined || options.profile !== 'omegat') {
      return {
        ...base,
        target,
        state: target === undefined ? 'initial' : entry.state,
        needsReview: target === undefined ? false : entry.needsReview,
        rawState: target === undefined ? undefined : entry.rawState,
        subState: target === undefined ? undefined : entry.subState,
        approved: entry.approved,
        candidates: carriedCandidates(entry),
        // Once a person confirmed a machine target, its note ("no person has reviewed it") is no longer true.
        notes: target !== undefined && !entry.needsReview && entry.state !== 'initial' ? entry.notes.filter((n) => n.from !== MACHINE_NOTE_FROM) : entry.notes,
        ...(target === undefined || entry.editedBy === undefined ? {} : { editedBy: entry.editedBy }),
        ...(target === undefined || entry.reviewedBy === undefined ? {} : { reviewedBy: entry.reviewedBy }),
      };
    }
  }
  if (p !== undefined && entry !== undefined && !locked && p.kind === 'candidate') {
    const old: CandidateOut = {
      source: entry.source,
      target: targetOf(entry) ?? { content: undefined, family: undefined, text: '' },
      quality: p.quality,
      origin: 'previous-version',
      type: 'previous-version',
    };
    return {
      ...base,
      target: old.target,
      state: 'translated',
      needsReview: true,
      rawState: undefined,
      subState: undefined,
      approved: undefined,
      candidates: [old],
      notes: entry.notes,
    };
  }
  const copy: TargetOut | undefined = options.profile === 'omegat' ? { content: undefined, family: undefined, text: segment.text, codes: segment.codes } : undefined;
  return {
    ...base,
    target: copy,
    state: 'initial',
    needsReview: false,
    rawState: undefined,
    subState: undefined,
    approved: undefined,
    candidates: entry === undefined || locked ? [] : carriedCandidates(entry),
    notes: entry?.notes ?? [],
  };
}
