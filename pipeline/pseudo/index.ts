/**
 * Pseudo-translation: made-up targets that prove a document survives the trip through XLIFF and
 * back before a translator sees it. Two modes:
 *
 * - `identity`: the target is the source, codes included. Building it must give the source back
 *   byte for byte: any difference is a defect of a format's reader or writer.
 * - `accent`: every letter accented (`Ŝţåţţ` for `Statt`), the sentence about 30 % longer and in
 *   brackets (`[Ðåš Ŵéţţéŕ ļöŕéɱ.]`), so untranslated text, cut-off text and text that does not
 *   come from the XLIFF file stand out in the built document. Numbers, inline codes, placeholders,
 *   URLs, e-mail addresses and do-not-translate glossary terms are kept as they are, so the
 *   checks that look at them (`qa/numbers`, `qa/inline-codes`, `qa/dnt`) still pass.
 *
 * Pseudo-locales are the language tags reserved for it: a region `XA` (accented, Android and
 * Chrome's `en-XA`) or `XB` (`ar-XB`, `en-XB`), or the language `qps` (Windows' `qps-ploc`,
 * `qps-plocm`). Real languages are refused: a pseudo-translation must never be published as one.
 */
import type { Content, InlineCode, Span } from '../model.js';

/** How targets are made. */
export type PseudoMode = 'identity' | 'accent';

export const PSEUDO_MODES: readonly PseudoMode[] = ['identity', 'accent'];

/** True for a tag reserved for pseudo-localization: `xx-XA`, `xx-XB` (any language), `qps-…`. */
export function isPseudoLocale(tag: string): boolean {
  return /^[a-z]{2,3}-X[AB](?:-|$)/iu.test(tag) || /^qps(?:-|$)/iu.test(tag);
}

/** Accented forms of the ASCII letters, one UTF-16 unit each (so offsets keep their places). */
const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [letter, 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'[i] as string]),
);

/** Words the expansion is cut from (accented, so they read as pseudo text too). */
const FILLER = 'ļöŕéɱ îþšûɱ ðöļöŕ šîţ åɱéţ çöñšéçţéţûŕ åðîþîšçîñĝ éļîţ šéð ðö éîûšɱöð ţéɱþöŕ';

/** Share of the source's length the text grows by (brackets included). */
export const EXPANSION = 0.3;

/**
 * Parts of a text that keep their form: numbers (with their separators), URLs, e-mail addresses
 * and placeholders (`{{name}}`, `{0}`, `%s`, `%1$s`, `${x}`).
 */
const PROTECTED = /(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{\{[^{}]*\}\}|\{[\w.]*\}|\$\{[^{}]*\}|%(?:\d+\$)?[sdifu@]|\d+(?:[.,:/\u00A0\u202F]\d+)*/gu;

/** Trailing sentence punctuation and closing quotes: the expansion goes before them. */
const TRAILING = /[\s.!?:;…"'“”„«»‹›’‘)\]]*$/u;

/**
 * The pseudo-translation of a sentence. `spans` are its glossary terms (those marked do not
 * translate keep their form); offsets are the text's.
 */
export function pseudoTranslate(content: Content, mode: PseudoMode, spans: readonly Span[] = []): Content {
  if (mode === 'identity') return { text: content.text, codes: content.codes };
  const text = content.text;
  const keep = new Array<boolean>(text.length).fill(false);
  for (const m of text.matchAll(PROTECTED)) for (let i = m.index; i < m.index + m[0].length; i += 1) keep[i] = true;
  for (const span of spans) if (span.dnt === true) for (let i = span.start; i < span.end && i < text.length; i += 1) keep[i] = true;
  let accented = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    accented += keep[i] === true ? char : (ACCENTED[char] ?? char);
  }
  // The expansion goes before the trailing punctuation (so the sentence still ends as it did).
  const at = text.length - (TRAILING.exec(text)?.[0].length ?? 0);
  const wanted = Math.max(0, Math.round(text.length * EXPANSION) - 2);
  const filler = FILLER.slice(0, Math.max(0, wanted - 1)).trimEnd();
  const padding = filler === '' ? '' : ` ${filler}`;
  const result = `[${accented.slice(0, at)}${padding}${accented.slice(at)}]`;
  // Codes keep their place among the characters: one further for the `[`, after the padding when
  // at or past it. Codes that open or close the sentence stay outside the brackets, so the
  // brackets sit inside the markup and the characters next to a code are the source's (Markdown
  // reads `*` differently next to punctuation such as `[`).
  const codes = content.codes.map((code): InlineCode => ({ ...code, at: code.at === text.length ? result.length : code.at === 0 ? 0 : code.at + 1 + (code.at >= at ? padding.length : 0) }));
  return { text: result, codes };
}
