/**
 * The last line of defence of the markup writers: a translated document must not link to script
 * (`javascript:`, `vbscript:`) or to inline data (`data:`, except an image's source) unless its
 * source does. Targets cannot add markup (their text is escaped and their codes come from the
 * source), so this finds nothing unless that guarantee breaks; it is checked on the written
 * document itself, parsed as browsers and Markdown renderers will parse it.
 */
import { InputError, type Document } from '../../model.js';
import type { Targets } from '../format.js';
import { anyTranslated } from './write.js';

/** A URL the document links to, where it stands (`a href`, `markdown link`, …). */
export interface LinkUse {
  readonly where: string;
  readonly url: string;
}

/** Schemes that run code or carry a document of their own. */
const UNSAFE = /^(?:javascript|vbscript|data):/u;

/**
 * True for a URL with an unsafe scheme as a browser reads it: ASCII white space and control
 * characters anywhere removed, case folded. `imageSource`: `data:` is allowed (an inline image).
 */
export function isUnsafeUrl(url: string, imageSource: boolean): boolean {
  // eslint-disable-next-line no-control-regex
  const folded = url.replace(/[\u0000-\u0020\u007F]/gu, '').toLowerCase();
  if (!UNSAFE.test(folded)) return false;
  return !(imageSource && folded.startsWith('data:'));
}

/**
 * Throws InputError (`build/unsafe-link`) when the written document links somewhere unsafe that
 * its source does not: the language's build is then stopped and nothing is written for it.
 */
export function refuseNewUnsafeLinks(source: readonly LinkUse[], output: readonly LinkUse[], file: string): void {
  const allowed = new Map<string, number>();
  for (const use of source) allowed.set(`${use.where}\u0000${use.url}`, (allowed.get(`${use.where}\u0000${use.url}`) ?? 0) + 1);
  for (const use of output) {
    const key = `${use.where}\u0000${use.url}`;
    const left = allowed.get(key) ?? 0;
    if (left > 0) {
      allowed.set(key, left - 1);
      continue;
    }
    throw new InputError({
      reason: `the translated document would link to "${use.url.slice(0, 60)}" (${use.where}), which its source does not: it is not published`,
      ruleId: 'build/unsafe-link',
      source: 'build',
      severity: 'error',
      fatal: true,
      file,
      actual: use.url.slice(0, 120),
      hint: 'this is a defect of l10n (translated text is always escaped); nothing was written for this language. Please report it with the XLIFF file',
    });
  }
}

/** The unsafe uses of each source document, found once for all its languages. */
const sourceUses = new WeakMap<Document, readonly LinkUse[]>();

/**
 * Checks a written document against its source with a format's collector of unsafe uses (see
 * `refuseNewUnsafeLinks`); skipped when no sentence changed (the output is then the source).
 */
export function refuseUnsafeOutput(document: Document, targets: Targets, output: string, collect: (text: string) => LinkUse[]): void {
  if (!anyTranslated(document, targets)) return;
  let uses = sourceUses.get(document);
  if (uses === undefined) {
    uses = collect(document.text);
    sourceUses.set(document, uses);
  }
  refuseNewUnsafeLinks(uses, collect(output), document.path);
}
