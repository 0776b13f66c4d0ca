/**
 * `qa/unsafe-link`: a target that carries a URL with a scheme that runs code (`javascript:`,
 * `vbscript:`) or embeds a document (`data:`) that its source does not, in its text or in the
 * markup of its inline codes as the translation file gives them. Writers never publish such a
 * link (translated text is escaped, code markup comes from the source), so the page stays safe
 * either way; this says which target tried, and stops the language as an error, because a
 * translation file that carries script is a mistake or an attack worth a look.
 */
import { perSegment, type Check } from './types.js';

/**
 * A scheme that runs code or carries a document, as a browser reads it (case, and the tabs and
 * line breaks it drops from URLs, ignored), at the start of a word. `data:` only before a media
 * type or a comma, so that prose ("the data: …") is no finding.
 */
const UNSAFE_SCHEME = /(?<![\p{L}\p{N}])(?:j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t|vbscript|data(?=:\s*(?:[a-z]+\/[\w.+-]+|,)))[\t\n\r]*:/giu;

/** The unsafe schemes in a text, normalised (`javascript:`), with how often each occurs. */
function schemes(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of text.matchAll(UNSAFE_SCHEME)) {
    const scheme = m[0].replace(/[\t\n\r]+/gu, '').toLowerCase();
    found.set(scheme, (found.get(scheme) ?? 0) + 1);
  }
  return found;
}

export const unsafeLink: Check = {
  id: 'qa/unsafe-link',
  severity: 'error',
  description: 'a target with a javascript:, vbscript: or data: URL its source does not have (in its text or its codes)',
  run: perSegment((segment) => {
    if (segment.target === undefined) return [];
    const source = schemes([segment.source, ...segment.sourceCodes.map((c) => c.data)].join(' '));
    const target = schemes([segment.target, ...segment.targetCodes.map((c) => c.data)].join(' '));
    const added = [...target].filter(([scheme, count]) => count > (source.get(scheme) ?? 0)).map(([scheme]) => scheme);
    if (added.length === 0) return [];
    return [
      {
        segment,
        reason: `the target carries a ${added.join(', ')} URL that the source does not; it is never published as a link, and the language is not published until it is removed`,
        actual: segment.target.slice(0, 120),
        hint: 'remove the URL from the target (links come from the source document; a translator cannot add or change them)',
      },
    ];
  }),
};
