/**
 * What a message may quote of the user's text. A reason, `actual` or `expected` quotes sentences,
 * ids, file content; a unit whose source is a whole 8 MB file must not become 8 MB on a terminal,
 * in a CI log or in report.json. Every report (terminal, GitHub, JSON, `inspect`) passes its
 * messages through `capMessage`: this is the one place that decides how much is shown.
 */
import type { Message } from './model.js';

/** Most characters of one quoted text a message shows. */
export const QUOTE_LIMIT = 200;
/** Most characters of a whole reason or hint (our own prose stays far below it). */
const PROSE_LIMIT = 1000;

/**
 * `text` itself up to `limit` characters; longer text cut with an ellipsis and its full length,
 * `Ein sehr langer Satz… (8400000 characters)`. Never cuts a surrogate pair in half.
 */
export function capQuote(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

/** Quoted runs in our reasons: `"…"` around an id, a sentence, a value. */
const QUOTED = new RegExp(`"([^"]{${QUOTE_LIMIT + 1},})"`, 'gu');

/** A reason or hint with each long quoted run capped, and the whole capped as a last resort. */
function capProse(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  const quoted = text.replace(QUOTED, (_all, inner: string) => `"${capQuote(inner)}"`);
  return capQuote(quoted, PROSE_LIMIT);
}

/** The fields of a message, and of the segment a QA message carries, that quote user text. */
interface Quoting {
  readonly segment?: { readonly source: string; readonly target: string | undefined };
}

/**
 * The message as reports show it: `actual`, `expected`, `unit` and the segment's texts capped at
 * `QUOTE_LIMIT` characters, what its reason and hint quote likewise. The message itself is unchanged;
 * one that quotes nothing long is returned as it is.
 */
export function capMessage<M extends Message>(m: M): M {
  const segment = (m as M & Quoting).segment;
  const long = (text: string | undefined): boolean => text !== undefined && text.length > QUOTE_LIMIT;
  if (
    !long(m.reason) && !long(m.actual) && !long(m.expected) && !long(m.unit) && !long(m.hint) &&
    (segment === undefined || (!long(segment.source) && !long(segment.target)))
  ) {
    return m;
  }
  const capped: M & Quoting = {
    ...m,
    reason: capProse(m.reason),
    ...(m.actual === undefined ? {} : { actual: capQuote(m.actual) }),
    ...(m.expected === undefined ? {} : { expected: capQuote(m.expected) }),
    ...(m.unit === undefined ? {} : { unit: capQuote(m.unit) }),
    ...(m.hint === undefined ? {} : { hint: capProse(m.hint) }),
  };
  if (segment === undefined) return capped;
  return { ...capped, segment: { source: capQuote(segment.source), target: segment.target === undefined ? undefined : capQuote(segment.target) } };
}
