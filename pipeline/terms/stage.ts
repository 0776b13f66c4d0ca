/**
 * The terms stage: marks every glossary term in every segment as a `term` span.
 *
 * Spans carry the entry's source (its identity), its approved targets and forbidden renderings
 * for the project's target languages and the dnt flag, so the XLIFF writer and the QA checks need no glossary of their own.
 * Existing term spans of a segment are replaced (the stage may run again after a re-segmentation);
 * other spans (inline codes) are kept, and a term that would overlap one is left out because a
 * span must not cut through an inline code.
 */
import { pointAt, type Block, type Document, type Message, type Span } from '../model.js';
import { targetsFor, type GlossaryEntry } from './glossary.js';
import type { TermMatcher } from './matcher.js';

/**
 * Returns the stage. `languages` are the target languages whose approved targets are copied into
 * the spans (a dnt term gets its source for each); validated up front.
 */
export function annotateTerms(
  matcher: TermMatcher,
  languages: readonly string[],
): (doc: Document, report?: (message: Message) => void) => void {
  if (!Array.isArray(languages) || languages.some((l) => typeof l !== 'string' || l === '')) {
    throw new TypeError(`annotateTerms: expected languages to be an array of language codes, got ${JSON.stringify(languages)}`);
  }
  return (doc, report) => {
    for (const block of doc.blocks) {
      if (report !== undefined && block.segments.length > 1) reportTermsAcrossSegments(doc, block, matcher, report);
      for (const segment of block.segments) {
        const others = segment.spans.filter((s) => s.kind !== 'term');
        const terms: Span[] = matcher
          .match(segment.text)
          .filter((m) => !others.some((o) => o.start < m.end && m.start < o.end))
          .map((m) => ({
            kind: 'term',
            start: m.start,
            end: m.end,
            term: m.entry.source,
            targets: targetsFor(m.entry, languages),
            dnt: m.entry.dnt,
            forbidden: forbiddenFor(m.entry, languages),
          }));
        segment.spans = [...others, ...terms].sort((a, b) => a.start - b.start || a.end - b.end);
      }
    }
  };
}

/** The entry's forbidden renderings for the given languages (a regional code falls back to its base language). */
function forbiddenFor(entry: GlossaryEntry, languages: readonly string[]): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const language of languages) {
    const list = entry.forbidden[language] ?? entry.forbidden[language.split('-')[0] ?? language];
    if (list !== undefined && list.length > 0) out[language] = list;
  }
  return out;
}

/**
 * A term that the segmenter cut in two ("Frankfurt a. | M." when the rules end a sentence after
 * "a.") is marked in neither sentence, so translators and checks would never see it: match the
 * whole block once more and report every term that starts in one sentence and ends in another.
 */
function reportTermsAcrossSegments(doc: Document, block: Block, matcher: TermMatcher, report: (message: Message) => void): void {
  const segmentAt = (offset: number): number => block.segments.findIndex((s) => offset >= s.start && offset < s.end);
  for (const match of matcher.match(doc.text.slice(block.start, block.end))) {
    const start = block.start + match.start;
    const end = block.start + match.end;
    const first = segmentAt(start);
    const last = segmentAt(end - 1);
    if (first === last) continue;
    const point = pointAt(doc.text, start);
    report({
      reason: `the glossary term "${match.entry.source}" ("${doc.text.slice(start, end)}") is split between two sentences, so it is marked in neither`,
      ruleId: 'terms/crosses-segment',
      source: 'terms',
      severity: 'warning',
      file: doc.path,
      line: point.line,
      column: point.column,
      hint: 'if the sentence split is wrong, add the abbreviation to segmentation.abbreviations in l10n.config.yaml',
    });
  }
}
