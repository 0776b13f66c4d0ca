/**
 * What a reviewer's action does to a segment, as a pure function of the segment view. Every store
 * applies actions through this function and then writes the segment it returns, so the meaning of
 * "Save", "Confirm", "Send back" and "Comment" is the same whatever holds the translations.
 */
import type { ActionRequest, ReviewPolicy } from './store.js';
import type { ContentView, SegmentView } from './view.js';

/** The segment after the action, or why the action cannot apply to it. */
export type ActionOutcome = { readonly ok: true; readonly segment: SegmentView } | { readonly ok: false; readonly reason: string };

/**
 * Applies `request.action` to `segment` (whose id the action names). Findings are left as they
 * were: the store re-runs the checks on the result.
 *
 * - edit: the new target replaces the old; when it differs, the state becomes `translated` (a
 *   confirmation was for the old text) and the origin `reviewer`; an empty target (no text but
 *   white space, no codes) removes the target and the state becomes `initial`. Saving the same
 *   target again changes nothing.
 * - confirm: as edit when a target is given, then the state becomes `policy.confirmState`; a
 *   segment without target cannot be confirmed.
 * - send-back: the state becomes `needs-translation`, the target stays, the comment becomes a note.
 * - comment: the comment becomes a note.
 */
export function applyAction(segment: SegmentView, request: ActionRequest, policy: ReviewPolicy): ActionOutcome {
  const { action, author, time } = request;
  switch (action.kind) {
    case 'edit':
      return { ok: true, segment: withTarget(segment, action.target, author) };
    case 'confirm': {
      const edited = action.target === undefined ? segment : withTarget(segment, action.target, author);
      if (edited.target === undefined) {
        return { ok: false, reason: `segment ${segment.id} has no target to confirm: write a translation first` };
      }
      return { ok: true, segment: { ...edited, state: policy.confirmState } };
    }
    case 'send-back':
      return { ok: true, segment: { ...segment, state: 'needs-translation', notes: [...segment.notes, { author, time, text: action.comment }] } };
    case 'comment':
      return { ok: true, segment: { ...segment, notes: [...segment.notes, { author, time, text: action.comment }] } };
  }
}

function withTarget(segment: SegmentView, target: ContentView, author: string): SegmentView {
  if (segment.target !== undefined && sameContent(segment.target, target)) return segment;
  const { target: _old, origin: _origin, ...rest } = segment;
  if (target.text.trim() === '' && target.codes.length === 0) return { ...rest, state: 'initial' };
  return { ...rest, target: { text: target.text, codes: target.codes }, state: 'translated', origin: { kind: 'reviewer', provider: author } };
}

/** True when two contents have the same text and the same codes at the same places. */
export function sameContent(a: ContentView, b: ContentView): boolean {
  if (a.text !== b.text || a.codes.length !== b.codes.length) return false;
  return a.codes.every((code, i) => {
    const other = b.codes[i];
    return other !== undefined && code.id === other.id && code.kind === other.kind && code.at === other.at;
  });
}
