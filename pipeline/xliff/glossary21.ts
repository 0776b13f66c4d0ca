/**
 * The XLIFF 2 glossary module (`gls:`) for one unit: each glossary term of the unit's sentences
 * once, with its approved translations for the file's language.
 *
 * - `gls:term` is the glossary entry's source (base form), `gls:translation` each approved target;
 * - a do-not-translate term gets the term itself as its only translation (what the target must
 *   contain) and a definition saying so, because "no translation" would read as "unknown";
 * - a term without an approved target gets only a definition: the module requires a translation
 *   or a definition in every entry;
 * - `ref` points at the `<mrk type="term">` of the term's first occurrence, when it is marked.
 */
import type { Segment } from '../model.js';
import { markableTerms, termsOf } from './notes.js';
import { el, type XmlElement } from '../xml/write.js';

/** The id of the n-th (1-based) term marker in the segment at `index` (0-based) of a unit. */
export function markerId(index: number, n: number): string {
  return `m${index + 1}-${n}`;
}

/** Marker ids by term source for the unit's segments: the first marked occurrence wins. */
function firstMarkers(segments: readonly Segment[]): Map<string, string> {
  const out = new Map<string, string>();
  segments.forEach((segment, index) => {
    markableTerms(segment).forEach((span, i) => {
      const source = span.term ?? segment.text.slice(span.start, span.end);
      if (!out.has(source)) out.set(source, markerId(index, i + 1));
    });
  });
  return out;
}

/** `<gls:glossary>` for a unit's segments, or undefined when they have no terms. */
export function glossary21(segments: readonly Segment[], language: string): XmlElement | undefined {
  const markers = firstMarkers(segments);
  const seen = new Set<string>();
  const entries: XmlElement[] = [];
  for (const segment of segments) {
    for (const term of termsOf(segment, language)) {
      if (seen.has(term.source)) continue;
      seen.add(term.source);
      const ref = markers.get(term.source);
      const translations = term.dnt ? [term.source] : term.targets;
      const definition = term.dnt
        ? 'Do not translate: keep the term as it is.'
        : translations.length === 0
          ? 'The glossary has no approved translation for this language.'
          : undefined;
      entries.push(
        el('gls:glossEntry', [['id', `g${entries.length + 1}`], ['ref', ref === undefined ? undefined : `#${ref}`]], [
          el('gls:term', [['source', 'glossary']], [term.source], true),
          ...translations.map((t) => el('gls:translation', [['source', 'glossary']], [t], true)),
          definition === undefined ? undefined : el('gls:definition', [], [definition], true),
        ]),
      );
    }
  }
  return entries.length === 0 ? undefined : el('gls:glossary', [], entries);
}
