/**
 * matchTranslations: what a translator's file says about each sentence of the current document,
 * and what does not fit (unknown ids, missing ids, stale sources, wrong languages, duplicates).
 */
import { segmentsOf, type Document, type Message, type SegmentTarget, type TargetState } from '../model.js';
import { entriesOf, filesFor, hasTarget, sameSource, type Entry } from './entries.js';
import { entryTarget } from './targets.js';
import type { ParsedXliff } from './types.js';

/** What the importer expects of the file. */
export interface MatchExpectation {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/**
 * Compares a translator's file with the current document.
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

  const { indexes, matched } = filesFor(parsed, doc.path);
  if (!matched) {
    const originals = parsed.files.map((f) => f.original ?? '(none)').join(', ');
    msg({
      reason: indexes.size === 0 ? `no <file> in the XLIFF is for ${doc.path} (found ${originals})` : `the XLIFF is for ${originals}, not ${doc.path}; matched by sentence id`,
      ruleId: 'xliff/other-document',
      severity: indexes.size === 0 ? 'error' : 'warning',
      hint: 'Check that the translator sent back the file for this document.',
    });
  }
  for (const i of indexes) {
    const f = parsed.files[i];
    if (f === undefined) continue;
    checkLanguage(f.sourceLanguage ?? parsed.sourceLanguage, expect.sourceLanguage, 'source', f.line, msg);
    checkLanguage(f.targetLanguage ?? parsed.targetLanguage, expect.targetLanguage, 'target', f.line, msg);
  }

  const segments = new Map(segmentsOf(doc).map((s) => [s.id, s] as const));
  const seen = new Map<string, Entry>();
  /** Units translated while their state still says new: one tool habit, reported once per file. */
  const notUpdated: Entry[] = [];
  for (const entry of entriesOf(parsed, indexes)) {
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
    const { hasText, state } = importedTarget(entry);
    // A unit whose state claims a translation but whose target has no text keeps its state: the
    // check qa/untranslated reports it as lost work, and the publishing policy never publishes it.
    if (hasText && state !== entry.state) notUpdated.push(entry);
    const read = entryTarget(entry, segment.codes);
    bySegment.set(entry.id, {
      ...read,
      target: hasText ? read.target : undefined,
      state,
      needsReview: hasText && (entry.needsReview || stale),
    });
  }
  reportStatesNotUpdated(notUpdated, msg);
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
 * state (OmegaT profile, untouched) is no translation; a target that differs from the source while
 * the state still says new/initial was translated by a tool that does not update states.
 */
function importedTarget(entry: Entry): { hasText: boolean; state: TargetState } {
  // No text (no target, an empty one, or only white space): nothing to publish, whatever the state says.
  if (!hasTarget(entry.target)) return { hasText: false, state: entry.state };
  const text = entry.target.text;
  if (entry.state !== 'initial') return { hasText: true, state: entry.state };
  if (sameSource(text, entry.source)) return { hasText: false, state: 'initial' };
  return { hasText: true, state: 'translated' };
}

function checkLanguage(
  actual: string | undefined,
  expected: string,
  role: 'source' | 'target',
  line: number,
  msg: (m: Omit<Message, 'source' | 'file'>) => void,
): void {
  if (actual === undefined) {
    msg({
      reason: `the file does not name its ${role} language; expected "${expected}"`,
      ruleId: 'xliff/no-language',
      severity: 'warning',
      line,
      expected,
      hint: `Set the ${role} language in the translation tool's project.`,
    });
    return;
  }
  if (actual.toLowerCase() === expected.toLowerCase()) return;
  const samePrimary = actual.split('-')[0]?.toLowerCase() === expected.split('-')[0]?.toLowerCase();
  msg({
    reason: `the file's ${role} language is "${actual}", expected "${expected}"`,
    ruleId: 'xliff/wrong-language',
    severity: samePrimary ? 'warning' : 'error',
    line,
    actual,
    expected,
    hint: samePrimary ? 'Regional variants differ; check the project settings.' : 'This file is for another language: put it under the right translations/<lang>/ folder.',
  });
}

/**
 * Tools that never update states (OmegaT) leave every translated unit at "new": one message per
 * file says so, pointing at the first such unit, instead of one per unit.
 */
function reportStatesNotUpdated(entries: readonly Entry[], msg: (m: Omit<Message, 'source' | 'file'>) => void): void {
  const first = entries[0];
  if (first === undefined) return;
  const count = entries.length;
  msg({
    reason:
      count === 1
        ? `unit "${first.id}" has a translation but its state still says "${first.rawState ?? 'initial'}"; read as translated`
        : `${count} units have a translation but their state still says "${first.rawState ?? 'initial'}" (the first is "${first.id}"); read as translated`,
    ruleId: 'xliff/state-not-updated',
    severity: 'info',
    line: first.line,
    unit: first.id,
    hint: 'Some tools (OmegaT) never update states; nothing to do unless your tool can set them.',
  });
}
