/**
 * Sentences with nothing to translate into a language: made only of glossary terms that keep
 * their form there (do-not-translate terms, names whose approved translation is themselves),
 * URLs, e-mail addresses, plain numbers and punctuation. A credit line "Expansion" or "dpa/AFP" is
 * such a sentence. The exporter writes them locked with the source as their translation, and the
 * build and `status` count them as done (README.md, "Locked segments").
 */
import type { Span } from './document.js';

/** What the decision looks at: the sentence's text and its glossary spans. */
export interface SentenceTerms {
  readonly text: string;
  readonly spans: readonly Span[];
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * The sentence's text with what keeps its form in `language` blanked out (spaces of the same
 * length): glossary terms that are do-not-translate or whose approved `language` target is the
 * form in the sentence, URLs and e-mail addresses. What is left is what a translator translates.
 */
export function textLeftToTranslate(sentence: SentenceTerms, language: string): string {
  let rest = sentence.text;
  const keeping = sentence.spans
    .filter((s) => s.dnt === true || (s.targets?.[language] ?? []).includes(sentence.text.slice(s.start, s.end)))
    .sort((a, b) => b.start - a.start);
  for (const span of keeping) rest = rest.slice(0, span.start) + ' '.repeat(span.end - span.start) + rest.slice(span.end);
  return rest.replace(URL, (m) => ' '.repeat(m.length)).replace(EMAIL, (m) => ' '.repeat(m.length));
}

/**
 * True when the sentence has nothing to translate into `language`: no letter is left once the
 * terms, URLs and addresses that keep their form are taken out, and no number that languages
 * write differently (a digit followed by `.`, `,` or `:` — thousands, decimals, times, ordinals,
 * dates). An empty sentence is not one: it has no translation either.
 */
export function nothingToTranslate(sentence: SentenceTerms, language: string): boolean {
  if (sentence.text.trim() === '') return false;
  const rest = textLeftToTranslate(sentence, language);
  return !/\p{L}/u.test(rest) && !/\d[.,:]/u.test(rest);
}
