/**
 * Every machine target is checked before it is accepted. First the codes: the answer must read as
 * text with tags, and hold exactly the source's codes, each pair opened before it is closed; a target
 * that fails is rejected, whatever the settings, and never written. Then the project's own quality
 * checks (pipeline/qa/: empty, inline-codes, terminology, forbidden-term, dnt, numbers), each
 * rejecting or flagging as the settings say.
 *
 * The checks take the QA model (`QaSegment`: text, term spans, the model's inline codes); this module is
 * the adapter from a segment and an answer to that model, so the checks themselves are reused, not
 * rewritten.
 */
import { languageProfile } from '../languages/index.js';
import type { InlineCode, Message, Span } from '../model.js';
import { CHECKS } from '../qa/index.js';
import type { QaBlock, QaContext, QaSegment } from '../qa/types.js';
import { compareCodes, parseMarkup } from './markup.js';
import type { MtCheckAction, MtCheckId } from './options.js';
import type { MtCode, MtSegment, MtText } from './types.js';

/** The verdict on one answer. */
export type CheckedAnswer =
  | { readonly ok: true; readonly target: MtText; readonly findings: readonly Message[] }
  | { readonly ok: false; readonly reasons: readonly Message[] };

/** Codes as the model has them (kind and id are what qa/inline-codes compares). */
function inlineCodes(codes: readonly MtCode[]): InlineCode[] {
  return codes.map((c) => ({ id: c.id, kind: c.kind, type: c.kind === 'standalone' ? 'ph' : 'pair', data: '', at: c.at }));
}

/** Term spans as the term stage writes them, for one target language. */
function spans(segment: MtSegment, language: string): Span[] {
  const primary = language.split('-')[0] ?? language;
  return (segment.terms ?? []).map((t) => {
    const targets = t.dnt === true ? [] : [...t.targets];
    const forbidden = [...(t.forbidden ?? [])];
    return {
      kind: 'term',
      start: t.start,
      end: t.end,
      term: t.source,
      targets: { [language]: targets, [primary]: targets },
      forbidden: { [language]: forbidden, [primary]: forbidden },
      ...(t.dnt === true ? { dnt: true } : {}),
    };
  });
}

function problem(segment: MtSegment, reason: string, answer: string): Message {
  return { reason, ruleId: 'mt/inline-codes', source: 'mt', severity: 'error', unit: segment.id, actual: answer.length > 200 ? `${answer.slice(0, 199)}…` : answer, hint: 'the segment is left for a translator; the engine did not keep its inline codes' };
}

/** Checks an engine's answer (codes as tags) for a segment. Pure. */
export function checkAnswer(
  segment: MtSegment,
  answer: string,
  languages: { readonly sourceLanguage: string; readonly targetLanguage: string },
  actions: Readonly<Record<MtCheckId, MtCheckAction>>,
): CheckedAnswer {
  const reading = parseMarkup(answer);
  if (!reading.ok) return { ok: false, reasons: reading.problems.map((p) => problem(segment, p, answer)) };
  const target = reading.value;
  const codeProblems = compareCodes(segment.codes, target.codes);
  if (codeProblems.length > 0) return { ok: false, reasons: codeProblems.map((p) => problem(segment, p, answer)) };

  const qaSegment: QaSegment = {
    id: segment.id,
    source: segment.text,
    spans: spans(segment, languages.targetLanguage),
    target: target.text,
    hasUnit: true,
    state: 'translated',
    sourceCodes: inlineCodes(segment.codes),
    targetCodes: inlineCodes(target.codes),
    line: undefined,
  };
  const forbiddenByTerm = new Map((segment.terms ?? []).map((t) => [t.source, t.forbidden ?? []] as const));
  const context: QaContext = {
    language: languages.targetLanguage,
    sourceLanguage: languages.sourceLanguage,
    profile: languageProfile(languages.targetLanguage),
    sourceProfile: languageProfile(languages.sourceLanguage),
    forbidden: (term) => forbiddenByTerm.get(term) ?? [],
  };
  const block: QaBlock = { id: segment.id, kind: 'paragraph', segments: [qaSegment] };

  const rejected: Message[] = [];
  const flagged: Message[] = [];
  const found = CHECKS.filter((check) => (actions as Record<string, MtCheckAction>)[check.id] !== undefined && (actions as Record<string, MtCheckAction>)[check.id] !== 'off').map((check) => ({
    check,
    action: (actions as Record<string, MtCheckAction>)[check.id]!,
    findings: check.run(block, context),
  }));
  // A forbidden rendering is also a missing approved one: report it once, as the sharper rule.
  const forbiddenTerms = new Set(found.filter((f) => f.check.id === 'qa/forbidden-term').flatMap((f) => f.findings.map((x) => x.term ?? '')));
  for (const { check, action, findings } of found) {
    for (const finding of findings) {
      if (check.id === 'qa/terminology' && forbiddenTerms.has(finding.term ?? '')) continue;
      const message: Message = {
        reason: finding.reason,
        ruleId: check.id,
        source: 'mt',
        severity: action === 'reject' ? 'error' : 'warning',
        unit: segment.id,
        ...(finding.actual === undefined ? {} : { actual: finding.actual }),
        ...(finding.expected === undefined ? {} : { expected: finding.expected }),
        ...(finding.hint === undefined ? {} : { hint: finding.hint }),
      };
      (action === 'reject' ? rejected : flagged).push(message);
    }
  }
  if (rejected.length > 0) return { ok: false, reasons: [...rejected, ...flagged] };
  return { ok: true, target, findings: flagged };
}
