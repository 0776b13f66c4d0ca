/**
 * How an XLIFF file records who did what in review, in both versions, read and written in one
 * place. The review page (`l10n review`) writes these; the build report and the review page read
 * them, also from files of other tools where those say who signed a translation off.
 *
 * XLIFF 1.2 (valid against the strict schema, which allows no attributes of other namespaces):
 * - edits and decisions: one record note per unit, `<note from="l10n-review" annotates="target">`,
 *   its facts in one line: `edited by Ana (2025-09-04T10:15:00.000Z); confirmed by Ana (…)`
 *   (or `sent back by Ana (…)`). CAT tools show it to the translator as it is, and `extract` carries
 *   it like any note that is not its own;
 * - a comment: `<note from="Ana (2025-09-04T10:15:00.000Z)" annotates="target">`, the author and
 *   the time in `from`, which CAT tools show as the note's author.
 * Other tools' records count too: the contact of the header `<phase>` that the target or the unit
 * names (`phase-name`), and a tool's "changed by" attribute on the unit (memoQ's
 * `mq:lastchangingusername`, …).
 *
 * XLIFF 2.x (notes allow attributes of other namespaces; the metadata module holds the rest):
 * - edits and decisions: one `<mda:metaGroup category="l10n:review">` per segment in the unit's
 *   `<mda:metadata>`, with `<mda:meta>` of types `segment`, `edited-by`, `edited-at`,
 *   `reviewed-by`, `reviewed-at`;
 * - a comment: `<note category="l10n:review" appliesTo="target" l10n:author="Ana"
 *   l10n:time="…">`, tied to its segment by a comment marker around the segment's source.
 */
import type { ReviewDecision, Signature } from '../model.js';
import type { ParsedPhase, ParsedReviewMark, ParsedUnit } from './types.js';

/** A tool's 1.2 `process-name` for a reviewer's edit of the target (read only). */
const REVIEW_EDIT_PROCESS = 'review-edit';
/** 2.x `mda:metaGroup` category and note category of our review records. */
export const REVIEW_CATEGORY = 'l10n:review';
/** Namespace of our attributes on 2.x notes (`l10n:author`, `l10n:time`). */
export const NS_L10N_REVIEW = 'urn:x-l10n:review';

/** The 1.2 `from` of the record note. */
export const REVIEW_RECORD_FROM = 'l10n-review';

/** What a record says: who edited the target, who confirmed it or sent it back, and when. */
export interface ReviewRecord {
  readonly edited?: { readonly by: string; readonly at: string };
  readonly decided?: { readonly by: string; readonly at: string; readonly how: 'confirmed' | 'sent back' };
}

/**
 * The record our writers put in a file for a target's signatures, or undefined when there is none
 * to write (no signature with a time, or a decision the file did not name).
 */
export function recordOf(editedBy: Signature | undefined, reviewedBy: ReviewDecision | undefined): ReviewRecord | undefined {
  const edited = editedBy?.at === undefined ? undefined : { by: editedBy.by, at: editedBy.at };
  const decided =
    reviewedBy?.at === undefined || reviewedBy.decision === undefined
      ? undefined
      : { by: reviewedBy.by, at: reviewedBy.at, how: reviewedBy.decision === 'sent-back' ? ('sent back' as const) : ('confirmed' as const) };
  if (edited === undefined && decided === undefined) return undefined;
  return { ...(edited === undefined ? {} : { edited }), ...(decided === undefined ? {} : { decided }) };
}

/** The `mda:meta` entries (type, text) of a 2.x review metaGroup for segment `segment`. */
export function recordMetas(segment: string, record: ReviewRecord): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [[REVIEW_META.segment, segment]];
  if (record.edited !== undefined) out.push([REVIEW_META.editedBy, record.edited.by], [REVIEW_META.editedAt, record.edited.at]);
  if (record.decided !== undefined) {
    out.push([REVIEW_META.reviewedBy, record.decided.by], [REVIEW_META.reviewedAt, record.decided.at], [REVIEW_META.decision, record.decided.how === 'sent back' ? 'sent-back' : 'confirmed']);
  }
  return out;
}

/** The text of a 1.2 record note: its facts in one line, `; ` between them. */
export function recordText(record: ReviewRecord): string {
  const facts: string[] = [];
  if (record.edited !== undefined) facts.push(`edited by ${record.edited.by} (${record.edited.at})`);
  if (record.decided !== undefined) facts.push(`${record.decided.how} by ${record.decided.by} (${record.decided.at})`);
  return facts.join('; ');
}

/** A 1.2 record note's text as a record (what it does not know is left out). */
export function readRecordText(text: string): ReviewRecord {
  let edited: ReviewRecord['edited'];
  let decided: ReviewRecord['decided'];
  for (const match of text.matchAll(/(edited|confirmed|sent back) by (.+?) \((\d{4}-[^()\s]+)\)(?:;\s*|\s*$)/gu)) {
    if (!ISO_TIME.test(match[3] ?? '')) continue;
    const by = (match[2] as string).trim();
    const at = match[3] as string;
    if (match[1] === 'edited') edited = { by, at };
    else decided = { by, at, how: match[1] as 'confirmed' | 'sent back' };
  }
  return { ...(edited === undefined ? {} : { edited }), ...(decided === undefined ? {} : { decided }) };
}

/** The `mda:meta` types of a review metaGroup. */
export const REVIEW_META = {
  segment: 'segment',
  editedBy: 'edited-by',
  editedAt: 'edited-at',
  reviewedBy: 'reviewed-by',
  reviewedAt: 'reviewed-at',
  decision: 'decision',
} as const;

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/u;

/** The 1.2 `from` of a reviewer's note: "Ana (2025-09-04T10:15:00.000Z)". */
export function noteFrom12(author: string, time: string): string {
  return `${author} (${time})`;
}

/** Author and time of a 1.2 `from` written by `noteFrom12`; nothing for any other `from`. */
export function readNoteFrom12(from: string | undefined): { author?: string; time?: string } {
  if (from === undefined) return {};
  const match = /^(.*\S) \(([^()]+)\)$/u.exec(from);
  if (match === null || !ISO_TIME.test(match[2] ?? '')) return {};
  return { author: match[1] as string, time: match[2] as string };
}

/** True for a time our marks may carry (ISO 8601 with a zone). */
export function isReviewTime(value: string): boolean {
  return ISO_TIME.test(value);
}

/** Unit attributes (local name) in which tools record who changed a unit last. */
const CHANGED_BY = /^(?:last)?(?:changed_?by|changingusername|modified_?by|modifiedby)$/iu;

/** Phases whose contact counts as the one who reviewed (any process but translation). */
const TRANSLATION_PROCESS = /^(?:translation|translate|translating)$/iu;

/**
 * What a 1.2 unit says of review: our record note; else the phases its target and the unit name
 * (a tool's), else a tool's "changed by" attribute as the reviewer. Undefined when it says nothing.
 */
export function reviewMark12(unit: ParsedUnit, phases: ReadonlyMap<string, ParsedPhase> | undefined): ParsedReviewMark | undefined {
  const note = unit.notes.findLast((n) => n.from === REVIEW_RECORD_FROM);
  if (note !== undefined) {
    const record = readRecordText(note.text);
    if (record.edited !== undefined || record.decided !== undefined) {
      const mark = { segment: undefined, editedBy: record.edited?.by, editedAt: record.edited?.at, reviewedBy: record.decided?.by, reviewedAt: record.decided?.at };
      return record.decided === undefined ? mark : { ...mark, decision: record.decided.how === 'sent back' ? 'sent-back' : 'confirmed' };
    }
  }
  const targetPhase = unit.targetPhase === undefined ? undefined : phases?.get(unit.targetPhase);
  const unitPhaseName = unit.attributes.get('phase-name');
  const unitPhase = unitPhaseName === undefined ? undefined : phases?.get(unitPhaseName);
  const edited = targetPhase?.process === REVIEW_EDIT_PROCESS ? targetPhase : undefined;
  // A tool's phase on the target that is not a translation step names its reviewer too.
  const decided = unitPhase ?? (targetPhase !== undefined && edited === undefined && !TRANSLATION_PROCESS.test(targetPhase.process) ? targetPhase : undefined);
  let changedBy: string | undefined;
  if (decided?.contact === undefined) {
    for (const [name, value] of unit.attributes) {
      const local = name.startsWith('{') ? name.slice(name.indexOf('}') + 1) : '';
      if (local !== '' && CHANGED_BY.test(local) && value.trim() !== '') changedBy = value.trim();
    }
  }
  const reviewedBy = decided?.contact ?? changedBy;
  if (edited?.contact === undefined && reviewedBy === undefined) return undefined;
  return {
    segment: undefined,
    editedBy: edited?.contact,
    editedAt: edited?.contact === undefined ? undefined : edited.date,
    reviewedBy,
    reviewedAt: decided?.contact === undefined ? undefined : decided.date,
  };
}

/** A review metaGroup's entries (type → text) as a mark; undefined without a segment or anybody. */
export function reviewMark2x(metas: ReadonlyMap<string, string>): ParsedReviewMark | undefined {
  const segment = metas.get(REVIEW_META.segment);
  const editedBy = metas.get(REVIEW_META.editedBy);
  const reviewedBy = metas.get(REVIEW_META.reviewedBy);
  if (segment === undefined || (editedBy === undefined && reviewedBy === undefined)) return undefined;
  const decision = metas.get(REVIEW_META.decision);
  const mark: ParsedReviewMark = {
    segment,
    editedBy,
    editedAt: editedBy === undefined ? undefined : metas.get(REVIEW_META.editedAt),
    reviewedBy,
    reviewedAt: reviewedBy === undefined ? undefined : metas.get(REVIEW_META.reviewedAt),
  };
  return reviewedBy !== undefined && (decision === 'confirmed' || decision === 'sent-back') ? { ...mark, decision } : mark;
}
