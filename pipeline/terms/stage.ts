/**
 * The terms stage: marks every glossary term in every segment as a `term` span.
 *
 * Spans carry the entry's source (its identity), its approved targets and forbidden renderings
 * for the project's target languages, the dnt flag and the entry's note, so the XLIFF writer, the
 * QA checks and machine translation need no glossary of their own.
 * Matching runs on the segment's text, which holds no code markup, and spans are offsets into it.
 * Existing term spans of a segment are replaced (the stage may run again after a re-segmentation);
 * a term with an inline code inside it ("Weißes **Haus**") is left out, because a marker around
 * it would cut through the code's markup.
 */
import { blockContent, pointAt, segmentRanges, sourceOffset, type Block, type Document, type Message, type Span } from '../model.js';
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
        const terms: Span[] = matcher
          .match(segment.text)
          .filter((m) => !segment.codes.some((c) => c.at > m.start && c.at < m.end))
          .map((m) => ({
            kind: 'term',
            start: m.start,
            end: m.end,
            term: m.entry.source,
            targets: targetsFor(m.entry, languages),
            dnt: m.entry.dnt,
            forbidden: forbiddenFor(m.entry, languages),
            ...(m.entry.note === undefined ? {} : { note: m.entry.note }),
          }));
        segment.spans = terms.sort((a, b) => a.start - b.start || a.end - b.end);
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
  const ranges = segmentRanges(doc, block);
  const segmentAt = (offset: number): number => ranges.findIndex((r) => offset >= r.start && offset < r.end);
  const text = blockContent(doc, block).text;
  for (const match of matcher.match(text)) {
    const first = segmentAt(match.start);
    const last = segmentAt(match.end - 1);
    if (first === last) continue;
    const start = sourceOffset(block, match.start);
    const end = sourceOffset(block, match.end);
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
