/**
 * What the library itself checks of an answer: that it reads as text with tags, and holds exactly
 * the source's codes, each pair opened before it is closed. An answer that fails is rejected and
 * never written, whatever the settings: a target with broken codes would break the document.
 *
 * The quality checks (terminology, forbidden terms, do-not-translate names, numbers, the order of
 * codes) are the pipeline's own and run on the document model, where the sentence's neighbours,
 * its term spans and the project's language files are: `pipeline/stages/machine.ts` runs them on
 * the accepted targets with the core check runner, as `MtSettings.checks` says.
 */
import type { Message } from '../model.js';
import { compareCodes, parseMarkup } from './markup.js';
import type { MtSegment, MtText } from './types.js';

/** The verdict on one answer. */
export type CheckedAnswer = { readonly ok: true; readonly target: MtText } | { readonly ok: false; readonly reasons: readonly Message[] };

function problem(segment: MtSegment, reason: string, answer: string): Message {
  return { reason, ruleId: 'mt/inline-codes', source: 'mt', severity: 'error', unit: segment.id, actual: answer.length > 200 ? `${answer.slice(0, 199)}…` : answer, hint: 'the segment is left for a translator; the engine did not keep its inline codes' };
}

/** Reads an engine's answer (codes as tags) for a segment and checks its codes against the source's. Pure. */
export function checkAnswer(segment: MtSegment, answer: string): CheckedAnswer {
  const reading = parseMarkup(answer);
  if (!reading.ok) return { ok: false, reasons: reading.problems.map((p) => problem(segment, p, answer)) };
  const codeProblems = compareCodes(segment.codes, reading.value.codes);
  if (codeProblems.length > 0) return { ok: false, reasons: codeProblems.map((p) => problem(segment, p, answer)) };
  return { ok: true, target: reading.value };
}
