/**
 * What the exporter tells translators beyond the source: neighbouring sentences as context, the
 * glossary terms of a sentence for the file's target language, and term markers in the source.
 */
import type { Segment, Span } from '../model.js';

/** "previous: …" / "next: …" notes for a sentence, as far as there are neighbours. */
export function contextNotes(previous: string | undefined, next: string | undefined): string[] {
  const notes: string[] = [];
  if (previous !== undefined) notes.push(`previous: ${oneLine(previous)}`);
  if (next !== undefined) notes.push(`next: ${oneLine(next)}`);
  return notes;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A term of a sentence as the glossary note and the markers show it. */
export interface TermInfo {
  /** The glossary entry's source (base form), or the occurrence when the span has none. */
  readonly source: string;
  /** Approved targets for the language; empty when there are none. */
  readonly targets: readonly string[];
  readonly dnt: boolean;
}

/** The term spans of a segment for a language, in order of first occurrence, one per entry. */
export function termsOf(segment: Segment, language: string): TermInfo[] {
  const seen = new Map<string, TermInfo>();
  for (const span of sortedTerms(segment)) {
    const source = span.term ?? segment.text.slice(span.start, span.end);
    if (seen.has(source)) continue;
    seen.set(source, { source, targets: targetsFor(span, language), dnt: span.dnt === true });
  }
  return [...seen.values()];
}

function targetsFor(span: Span, language: string): readonly string[] {
  const targets = span.targets;
  if (targets === undefined) return [];
  // Exact tag first, then the primary language ("en-GB" file, glossary under "en").
  const exact = Object.hasOwn(targets, language) ? targets[language] : undefined;
  if (exact !== undefined) return exact;
  const primary = language.split('-')[0] ?? language;
  return Object.hasOwn(targets, primary) ? (targets[primary] ?? []) : [];
}

/** What a term should become, in words a translator reads. */
export function termTargetText(term: TermInfo): string {
  if (term.dnt) return 'do not translate';
  if (term.targets.length === 0) return '(no approved target)';
  return term.targets.join(' / ');
}

/** The glossary note of a sentence ("Peking → Beijing; Kim → do not translate"), if it has terms. */
export function glossaryNote(segment: Segment, language: string): string | undefined {
  const terms = termsOf(segment, language);
  if (terms.length === 0) return undefined;
  return terms.map((t) => `${t.source} → ${termTargetText(t)}`).join('; ');
}

/** Term spans that can become markers: inside the text, non-empty, not overlapping, in order,
 * never cutting a surrogate pair nor holding an inline code (markers nest as elements, spans may not). */
export function markableTerms(segment: Segment): Span[] {
  const out: Span[] = [];
  let end = 0;
  for (const span of sortedTerms(segment)) {
    if (span.start < end || span.end > segment.text.length || span.start >= span.end) continue;
    if (splitsPair(segment.text, span.start) || splitsPair(segment.text, span.end)) continue;
    if (segment.codes.some((c) => c.at > span.start && c.at < span.end)) continue;
    out.push(span);
    end = span.end;
  }
  return out;
}

function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function sortedTerms(segment: Segment): Span[] {
  return segment.spans
    .filter((s) => s.kind === 'term' && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0)
    .sort((a, b) => a.start - b.start || b.end - a.end);
}
