/**
 * matchTranslations: what a translator's file says about each sentence of the current document,
 * and what does not fit (unknown ids, missing ids, stale sources, wrong languages, duplicates).
 */
import { InputError, segmentsOf, type Document, type Message, type SegmentTarget, type TargetState } from '../model.js';
import { hasTarget, sameSource, type Entry } from './entries.js';
import { entryTarget } from './targets.js';
import { documentEntries } from './resolve.js';
import { languageRelation } from './languages.js';
import { marksMachine } from './states.js';
import type { ParsedXliff } from './types.js';

/** What the importer expects of the file. */
export interface MatchExpectation {
  /** The project's source language (BCP 47). */
  readonly sourceLanguage: string;
  /** The job's target language (BCP 47): a file for another language is refused. */
  readonly targetLanguage: string;
  /**
   * The XLIFF profile of the language (`xliff.profile`). Only 'omegat' reads a target that differs
   * from the source under an untranslated state (new, needs-translation, 2.x initial) as translated:
   * OmegaT never updates states. Default 'default': such a state is taken at its word.
   */
  readonly profile?: 'default' | 'omegat';
}

/**
 * Compares a translator's file with the current document.
 *
 * @throws InputError (`xliff/wrong-language`, fatal) when the file is for another target language
 *   (`es` for an `fr` job): nothing of it is read. A regional variant (`fr-CA`) is a warning.
 *
 * A unit whose source no longer equals the sentence (the translator's tool changed it) is still
 * returned, with `needsReview: true` and a warning, so the work is visible rather than dropped.
 * Units with an empty target are returned with `target: undefined`, as are untouched copies of the
 * source (origin `source-copy`). Codes, notes and candidates come in model types (see `targets.ts`).
 */
export function matchTranslations(
  doc: Document,
  parsed: ParsedXliff,
  expect: MatchExpectation,
): { bySegment: Map<string, SegmentTarget>; messages: Message[] } {
  const messages: Message[] = [];
  const file = parsed.file;
  const msg = (m: Omit<Message, 'source' | 'file'>): void => {
    messages.push({ source: 'xliff-import', file, ...m });
  };
  const bySegment = new Map<string, SegmentTarget>();

  const found = documentEntries(parsed, doc, 'xliff-import');
  const { indexes, matched } = found;
  for (const i of indexes) {
    const f = parsed.files[i];
    if (f === undefined) continue;
    refuseOtherTarget(f.targetLanguage ?? parsed.targetLanguage, expect.targetLanguage, f.line, file);
  }
  if (!matched) {
    const originals = parsed.files.map((f) => f.original ?? '(none)').join(', ');
    // Translate Toolkit names the PO file it converted: nothing to fix.
    const converted = indexes.size > 0 && [...indexes].every((i) => parsed.files[i]?.datatype === 'po');
    msg({
      reason: indexes.size === 0 ? `no <file> in the XLIFF is for ${doc.path} (found ${originals})` : `the XLIFF is for ${originals}, not ${doc.path}; matched by sentence`,
      ruleId: 'xliff/other-document',
      severity: indexes.size === 0 ? 'error' : converted ? 'info' : 'warning',
      hint: converted ? 'A PO conversion names the PO file; nothing to do.' : 'Check that the translator sent back the file for this document.',
    });
  }
  for (const i of indexes) {
    const f = parsed.files[i];
    if (f === undefined) continue;
    const converted = f.datatype === 'po';
    checkLanguage(f.sourceLanguage ?? parsed.sourceLanguage, expect.sourceLanguage, 'source', f.line, converted, msg);
    checkLanguage(f.targetLanguage ?? parsed.targetLanguage, expect.targetLanguage, 'target', f.line, converted, msg);
  }
  messages.push(...found.messages);

  const segments = new Map(segmentsOf(doc).map((s) => [s.id, s] as const));
  const seen = new Map<string, Entry>();
  /** Units translated while their state still says new: one tool habit, reported once per file. */
  const notUpdated: Entry[] = [];
  /** Units with text under an explicit untranslated state, outside the OmegaT profile. */
  const untranslated: Entry[] = [];
  for (const entry of found.entries) {
    const before = seen.get(entry.id);
    if (before !== undefined) {
      msg({
        reason: `sentence id "${entry.id}" occurs twice (first at line ${before.line}); the second is ignored`,
        ruleId: 'xliff/duplicate-id',
        severity: 'error',
        line: entry.line,
        unit: entry.id,
        hint: 'Remove the copy of the unit.',
      });
      continue;
    }
    seen.set(entry.id, entry);
    const segment = segments.get(entry.id);
    if (segment === undefined) {
      msg({
        reason: `unit "${entry.id}" is not a sentence of the current document; it is ignored`,
        ruleId: 'xliff/unknown-id',
        severity: 'warning',
        line: entry.line,
        unit: entry.id,
        actual: entry.source,
        hint: 'The source changed since the file was exported: run extract and send the new file; the old work is kept there.',
      });
      continue;
    }
    if (!entry.translate) continue;
    const stale = !sameSource(entry.source, segment.text);
    if (stale) {
      msg({
        reason: `the source of unit "${entry.id}" differs from the document's sentence; the translation is kept but needs review`,
        ruleId: 'xliff/stale-source',
        severity: 'warning',
        line: entry.line,
        unit: entry.id,
        actual: entry.source,
        expected: segment.text,
        hint: 'Source text must not be edited in the translation tool; check the translation against the current sentence.',
      });
    }
    const { hasText, state } = importedTarget(entry, expect.profile ?? 'default');
    // A unit whose state claims a translation but whose target has no text keeps its state: the
    // check qa/untranslated reports it as lost work, and the publishing policy never publishes it.
    if (hasText && state !== entry.state) notUpdated.push(entry);
    else if (hasText && state === 'initial' && !sameSource(entry.target?.text ?? '', entry.source) && !marksMachine(entry.family, entry.subState)) untranslated.push(entry);
    const foreign = hasText && entry.targetLanguage !== undefined && languageRelation(entry.targetLanguage, expect.targetLanguage) !== 'same';
    if (foreign) reportTargetLanguage(entry, expect.targetLanguage, msg);
    const otherLanguage = foreign && languageRelation(entry.targetLanguage as string, expect.targetLanguage) === 'other';
    const read = entryTarget(entry, segment.codes);
    bySegment.set(entry.id, {
      ...read,
      target: hasText ? read.target : undefined,
      state,
      needsReview: hasText && (entry.needsReview || stale || otherLanguage),
    });
  }
  reportPerFile(STATE_NOT_UPDATED, notUpdated, msg);
  reportPerFile(UNTRANSLATED_STATE, untranslated, msg);
  for (const id of segments.keys()) {
    if (seen.has(id)) continue;
    msg({
      reason: `sentence "${id}" has no unit in the XLIFF file`,
      ruleId: 'xliff/missing-id',
      severity: 'warning',
      unit: id,
      actual: segments.get(id)?.text,
      hint: 'The file is older than the source or a unit was deleted: run extract and send the new file.',
    });
  }
  return { bySegment, messages };
}

/**
 * What a target means after a CAT tool: a pre-filled copy of the source that still has an initial
 * state (OmegaT profile, untouched) is no translation. A target that differs from the source while
 * its state says new/needs-translation/initial is a draft the translator has not confirmed, except
 * in the OmegaT profile (OmegaT never updates states) and where the file wrote no state at all (a
 * 2.x tool that writes none: the text is all it says). Machine output under an initial state (our
 * 2.x `l10n:mt-…` subState) stays initial in every profile: it waits for a person.
 */
function importedTarget(entry: Entry, profile: 'default' | 'omegat'): { hasText: boolean; state: TargetState } {
  // No text (no target, an empty one, or only white space): nothing to publish, whatever the state says.
  if (!hasTarget(entry.target)) return { hasText: false, state: entry.state };
  const text = entry.target.text;
  if (entry.state !== 'initial') return { hasText: true, state: entry.state };
  // Machine output is a translation even when it equals the source (a sentence of names).
  if (marksMachine(entry.family, entry.subState)) return { hasText: true, state: 'initial' };
  if (sameSource(text, entry.source)) return { hasText: false, state: 'initial' };
  if (profile === 'omegat' || entry.rawState === undefined) return { hasText: true, state: 'translated' };
  return { hasText: true, state: 'initial' };
}

/** Refuses a file for another target language than the job's (a regional variant is checked later). */
function refuseOtherTarget(actual: string | undefined, expected: string, line: number, file: string): void {
  if (actual === undefined || languageRelation(actual, expected) !== 'other') return;
  throw new InputError({
    reason: `the file is for target language "${actual}", not "${expected}"; nothing of it was read`,
    ruleId: 'xliff/wrong-language',
    source: 'xliff-import',
    severity: 'error',
    fatal: true,
    file,
    line,
    actual,
    expected,
    hint: `This is another language's file: put it under translations/${actual}/ and restore the ${expected} file from version control or the translator.`,
  });
}

/** A target whose own xml:lang is not the job's: another language is an error, a regional variant a warning. */
function reportTargetLanguage(entry: Entry, expected: string, msg: (m: Omit<Message, 'source' | 'file'>) => void): void {
  const actual = entry.targetLanguage as string;
  const other = languageRelation(actual, expected) === 'other';
  msg({
    reason: other
      ? `the target of unit "${entry.id}" says it is in "${actual}", not "${expected}"; it is not published`
      : `the target of unit "${entry.id}" says it is in "${actual}", a regional variant of "${expected}"`,
    ruleId: 'xliff/wrong-language',
    severity: other ? 'error' : 'warning',
    line: entry.line,
    unit: entry.id,
    actual,
    expected,
    hint: other ? 'Translate the segment into the job\'s language (or correct the xml:lang of its target).' : 'Regional variants differ; check the project settings of the translation tool.',
  });
}

/**
 * Reports a file language that is missing or differs from the project's. In a Translate Toolkit PO
 * conversion (`converted`) the languages say nothing (po2xliff writes source-language="en-US" and no
 * target language whatever the PO file holds): a notice, the sentences themselves are compared.
 */
function checkLanguage(
  actual: string | undefined,
  expected: string,
  role: 'source' | 'target',
  line: number,
  converted: boolean,
  msg: (m: Omit<Message, 'source' | 'file'>) => void,
): void {
  if (actual === undefined) {
    msg({
      reason: `the file does not name its ${role} language; expected "${expected}"`,
      ruleId: 'xliff/no-language',
      severity: converted ? 'info' : 'warning',
      line,
      expected,
      hint: converted ? 'po2xliff writes no target language; nothing to do.' : `Set the ${role} language in the translation tool's project.`,
    });
    return;
  }
  const relation = languageRelation(actual, expected);
  if (relation === 'same') return;
  msg({
    reason: `the file's ${role} language is "${actual}", expected "${expected}"${converted ? ' (a PO conversion: po2xliff writes its default, en-US)' : ''}`,
    ruleId: 'xliff/wrong-language',
    severity: converted ? 'info' : relation === 'region' ? 'warning' : 'error',
    line,
    actual,
    expected,
    hint: converted
      ? 'Nothing to do: the units were matched by their sentences.'
      : relation === 'region'
        ? 'Regional variants differ; check the project settings.'
        : 'This file is for another language: put it under the right translations/<lang>/ folder.',
  });
}

/** Messages about many units of one file that share a habit: one per file, naming the first unit. */
interface PerFile {
  readonly ruleId: string;
  readonly one: (first: Entry) => string;
  readonly many: (count: number, first: Entry) => string;
  readonly hint: string;
}

/**
 * Tools that never update states (OmegaT) leave every translated unit at "new"; other tools leave
 * a draft's state at new/needs-translation: one message per file says so, instead of one per unit.
 */
const STATE_NOT_UPDATED: PerFile = {
  ruleId: 'xliff/state-not-updated',
  one: (first) => `unit "${first.id}" has a translation but its state still says "${first.rawState ?? 'initial'}"; read as translated`,
  many: (count, first) => `${count} units have a translation but their state still says "${first.rawState ?? 'initial'}" (the first is "${first.id}"); read as translated`,
  hint: 'Some tools (OmegaT) never update states; nothing to do unless your tool can set them.',
};

/** Units whose target differs from the source while the state says untranslated: drafts, not published. */
const UNTRANSLATED_STATE: PerFile = {
  ruleId: 'xliff/untranslated-state',
  one: (first) => `unit "${first.id}" has text in its target but its state says "${first.rawState ?? 'initial'}"; it is not published`,
  many: (count, first) => `${count} units have text in their targets but their states say untranslated (the first is "${first.id}", "${first.rawState ?? 'initial'}"); they are not published`,
  hint: 'Confirm the translations in the translation tool (state translated). Files from OmegaT, which never updates states, need xliff.profile: omegat.',
};

function reportPerFile(kind: PerFile, entries: readonly Entry[], msg: (m: Omit<Message, 'source' | 'file'>) => void): void {
  const first = entries[0];
  if (first === undefined) return;
  msg({
    reason: entries.length === 1 ? kind.one(first) : kind.many(entries.length, first),
    ruleId: kind.ruleId,
    severity: 'info',
    line: first.line,
    unit: first.id,
    hint: kind.hint,
  });
}
