/**
 * Runs the checks on one document in one language: builds the blocks the checks see from the
 * document and the translator's targets (model types: `SegmentTarget`), applies the config's
 * severities and the reviewers' acceptances, and returns messages.
 */
import { languageProfile, type LanguageProfile } from '../languages/index.js';
import { SEVERITIES, type Document, type Message, type SegmentTarget, type Severity } from '../model.js';
import { acceptancesOf, ACCEPT_FROM, type Acceptance } from './accept.js';
import { ACCEPTANCE_RULE, CHECKS } from './registry.js';
import { isSameAsSource } from './same-as-source.js';
import { excerpt } from './text.js';
import type { Check, CheckSetting, Finding, QaBlock, QaContext, QaMessage, QaSegment } from './types.js';

/** What the checks need besides the document: the config's choices. */
export interface QaOptions {
  /** Severity per rule id, or 'off'; rules not named keep their default. */
  readonly settings: ReadonlyMap<string, CheckSetting>;
}

/** Default options: every check at its default severity. */
export const DEFAULT_QA_OPTIONS: QaOptions = { settings: new Map() };

/** Forbidden renderings per glossary term in one language, as the document's term spans carry them. */
function forbiddenLookup(doc: Document, language: string): (term: string) => readonly string[] {
  const byTerm = new Map<string, readonly string[]>();
  for (const block of doc.blocks) {
    for (const segment of block.segments) {
      for (const span of segment.spans) {
        const list = span.forbidden?.[language];
        if (span.term !== undefined && list !== undefined) byTerm.set(span.term, list);
      }
    }
  }
  return (term) => byTerm.get(term) ?? [];
}

/** The blocks the checks see: each sentence of the document with what the file says about it. */
export function qaBlocks(doc: Document, targets: ReadonlyMap<string, SegmentTarget>): QaBlock[] {
  return doc.blocks.map((block) => ({
    id: block.id,
    kind: block.kind,
    ...(block.resource === undefined ? {} : { resource: block.resource }),
    segments: block.segments.map((segment): QaSegment => {
      const t = targets.get(segment.id);
      return {
        id: segment.id,
        source: segment.text,
        spans: segment.spans,
        target: t?.target?.text,
        hasUnit: t !== undefined,
        state: t?.state ?? 'initial',
        sourceCodes: t?.source.codes ?? segment.codes,
        targetCodes: t?.target?.codes ?? [],
        line: t?.line,
        ...(segment.resource === undefined ? {} : { resource: segment.resource }),
      };
    }),
  }));
}

/** The checks that run, with the severity each reports at. */
export function activeChecks(settings: ReadonlyMap<string, CheckSetting>): { check: Check; severity: Severity }[] {
  return CHECKS.flatMap((check) => {
    const setting = settings.get(check.id) ?? check.severity;
    return setting === 'off' ? [] : [{ check, severity: setting }];
  });
}

/** Input of one run: a document, its language, and what the translator's file says per sentence. */
export interface QaInput {
  readonly doc: Document;
  readonly language: string;
  readonly sourceLanguage: string;
  /** The XLIFF file, relative to the project root (messages name it). */
  readonly file: string;
  /** The file's target for each sentence id (see the XLIFF adapter's `matchTranslations`). */
  readonly targets: ReadonlyMap<string, SegmentTarget>;
  /** The target language's profile. Default: the bundled file for `language`, or the fallback. */
  readonly profile?: LanguageProfile;
  /** The source language's profile. Default: the bundled file for `sourceLanguage`. */
  readonly sourceProfile?: LanguageProfile;
}

/** Runs every active check on a document in one language. Pure: reads and writes nothing. */
export function runChecks(input: QaInput, options: QaOptions = DEFAULT_QA_OPTIONS): QaMessage[] {
  const blocks = qaBlocks(input.doc, input.targets);
  const context: QaContext = {
    language: input.language,
    sourceLanguage: input.sourceLanguage,
    profile: input.profile ?? languageProfile(input.language),
    sourceProfile: input.sourceProfile ?? languageProfile(input.sourceLanguage),
    forbidden: forbiddenLookup(input.doc, input.language),
  };
  const messages: QaMessage[] = [];
  const used = new Set<Acceptance>();
  const acceptances = new Map<string, Acceptance[]>();
  const checks = activeChecks(options.settings);
  const acceptanceSeverity = options.settings.get(ACCEPTANCE_RULE) ?? 'warning';

  for (const block of blocks) {
    for (const segment of block.segments) {
      const { accepted, invalid } = acceptancesOf(input.targets.get(segment.id)?.notes ?? []);
      acceptances.set(segment.id, accepted);
      if (acceptanceSeverity === 'off') continue;
      for (const text of invalid) {
        messages.push({
          ...placeOf(segment, input.file),
          reason: `an ${ACCEPT_FROM} note must read "<rule id>: <reason>"`,
          ruleId: ACCEPTANCE_RULE,
          source: 'qa',
          severity: acceptanceSeverity,
          actual: text,
          hint: 'e.g. qa/final-punctuation: headline style drops the full stop',
        });
      }
    }
    // A target left identical to the source makes every other check repeat the same news.
    const identical = new Set(block.segments.filter(isSameAsSource).map((s) => s.id));
    const found = checks.map(({ check, severity }) => ({ check, severity, findings: check.run(block, context) }));
    // A forbidden rendering is also a missing approved one: report it once, as the sharper rule.
    const forbiddenTerms = new Set(found.filter((f) => f.check.id === 'qa/forbidden-term').flatMap((f) => f.findings.map((x) => `${x.segment.id}\u0000${x.term ?? ''}`)));
    for (const { check, severity, findings } of found) {
      for (const finding of findings) {
        if (identical.has(finding.segment.id) && check.id !== 'qa/same-as-source' && check.id !== 'qa/inline-codes') continue;
        if (check.id === 'qa/terminology' && forbiddenTerms.has(`${finding.segment.id}\u0000${finding.term ?? ''}`)) continue;
        const acceptance = acceptances.get(finding.segment.id)?.find((a) => a.ruleId === check.id);
        if (acceptance !== undefined) used.add(acceptance);
        const capped = finding.severity !== undefined && SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(severity) ? finding.severity : severity;
        messages.push(toMessage(finding, check.id, acceptance === undefined ? capped : 'info', input.file, acceptance?.reason));
      }
    }
  }
  if (acceptanceSeverity !== 'off') {
    for (const block of blocks) {
      for (const segment of block.segments) {
        for (const acceptance of acceptances.get(segment.id) ?? []) {
          if (used.has(acceptance)) continue;
          messages.push({
            ...placeOf(segment, input.file),
            reason: `the ${ACCEPT_FROM} note for ${acceptance.ruleId} accepts nothing: the check finds no such problem here`,
            ruleId: ACCEPTANCE_RULE,
            source: 'qa',
            severity: acceptanceSeverity,
            actual: `${acceptance.ruleId}: ${acceptance.reason}`,
            hint: 'remove the note (the problem was fixed) or correct its rule id',
          });
        }
      }
    }
  }
  return messages;
}

function placeOf(segment: QaSegment, file: string): Pick<Message, 'file' | 'line' | 'unit'> {
  return { file, ...(segment.line === undefined ? {} : { line: segment.line }), unit: segment.id };
}

function toMessage(finding: Finding, ruleId: string, severity: Severity, file: string, accepted: string | undefined): QaMessage {
  const { segment } = finding;
  return {
    ...placeOf(segment, file),
    reason: finding.reason,
    ruleId,
    source: 'qa',
    severity,
    ...(finding.actual === undefined ? {} : { actual: excerpt(finding.actual, 120) }),
    ...(finding.expected === undefined ? {} : { expected: excerpt(finding.expected, 120) }),
    ...(accepted === undefined ? (finding.hint === undefined ? {} : { hint: finding.hint }) : { hint: `accepted by a reviewer: ${accepted}` }),
    segment: { source: segment.source, target: segment.target },
    ...(accepted === undefined ? {} : { accepted }),
  };
}
