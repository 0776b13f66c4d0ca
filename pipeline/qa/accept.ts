/**
 * Reviewer acceptances: a note on a unit that accepts one finding, with the reason.
 *
 *     <note from="l10n-accept">qa/final-punctuation: headline style drops the full stop</note>
 *
 * XLIFF 1.2 `from`, XLIFF 2 `category` = `l10n-accept`; the text is `<rule id>: <reason>`, one
 * per note (several notes accept several rules). The reason is required: an acceptance without
 * one is not taken. A note accepts every finding of that rule in the unit's sentences.
 */
import type { Note } from '../model.js';

/** The note category that marks an acceptance. */
export const ACCEPT_FROM = 'l10n-accept';

/** An acceptance read from a note. */
export interface Acceptance {
  readonly ruleId: string;
  readonly reason: string;
}

/** Reads the acceptance notes among a unit's notes; unreadable ones come back as `invalid`. */
export function acceptancesOf(notes: readonly Note[]): { accepted: Acceptance[]; invalid: string[] } {
  const accepted: Acceptance[] = [];
  const invalid: string[] = [];
  for (const note of notes) {
    if (note.category !== ACCEPT_FROM) continue;
    const m = /^\s*([a-z]+\/[a-z0-9-]+)\s*:\s*(\S[\s\S]*?)\s*$/u.exec(note.text);
    if (m === null) invalid.push(note.text);
    else accepted.push({ ruleId: m[1] ?? '', reason: m[2] ?? '' });
  }
  return { accepted, invalid };
}
