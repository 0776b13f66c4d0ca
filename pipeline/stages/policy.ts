/**
 * The publishing policy stage (build, check): decides for each sentence whether its translation
 * may be published (it has one, it is not marked for review, its state reaches the language's
 * `publishState`, see `policyFor`), and what is published otherwise: nothing (`policies.untranslated:
 * fail`, an error per sentence), the source (`source`, a warning per sentence), or nothing of the
 * document in that language until every sentence can be published (`hold`, one notice).
 *
 * Findings of the checks on a target that is not published (the source stands in for it, or its
 * document is held) are the translator's to fix before the target is confirmed, not the build's:
 * they become notices that say so (`unpublished` in the report).
 *
 * Machine output that no person has confirmed (`isUnconfirmedMachine`) is never published as if a
 * person had approved it: it waits for review, unless the language is listed in
 * `policies.machine.publish`, where it is published as it is and counted (`BuildCounts.machine`).
 */
import { isUnconfirmedMachine, segmentsOf, TARGET_STATES, type Content, type Message, type SegmentTarget, type TargetState } from '../model.js';
import { perLanguage, type LanguageTrack } from '../file.js';
import { policyFor, type UntranslatedPolicy } from '../config.js';
import type { BuildContext } from './context.js';

const rank = (state: TargetState): number => TARGET_STATES.indexOf(state);

/** Why a target cannot be published, or undefined when it can. */
export function unpublishable(target: SegmentTarget | undefined, publishState: TargetState): string | undefined {
  if (target === undefined) return 'the XLIFF file has no unit for it';
  if (target.target === undefined || target.target.text.trim() === '') return 'it has no translation';
  if (isUnconfirmedMachine(target)) return 'its translation is machine output that no person has confirmed';
  if (target.needsReview) return 'its translation is marked for review';
  if (rank(target.state) < rank(publishState)) {
    return `its state is "${target.state}", below the published state "${publishState}"`;
  }
  return undefined;
}

/** What the translator or reviewer does about an unpublishable segment (see `unpublishable`). */
function fixFor(target: SegmentTarget | undefined, publishState: TargetState): string {
  if (target === undefined) return 'run `l10n extract` to add the unit, then translate it';
  if (target.target === undefined || target.target.text.trim() === '') return 'translate the segment and set its state';
  if (isUnconfirmedMachine(target)) {
    return 'review the machine translation and confirm it in the CAT tool or the review page (set its state to translated), or list the language in policies.machine.publish to publish machine output as it is';
  }
  if (target.needsReview) {
    return 'review the translation (after a source change the previous version is in the unit\'s candidates) and confirm it in the CAT tool';
  }
  return `have it reviewed and set its state to "${publishState}" or above (the review page, \`l10n review\`, confirms segments)`;
}

/** Rules whose finding already says that a segment cannot be published (policy `fail` need not repeat it). */
const SAYS_UNPUBLISHABLE: ReadonlySet<string> = new Set(['qa/untranslated', 'qa/empty']);

/** A message of the checks about a target that is not published, with why it is not. */
interface UnpublishedFinding extends Message {
  readonly unpublished?: string;
}

/**
 * Turns the checks' findings on targets that are not published into notices for the translator:
 * severity info, the reason it is not published in `unpublished`, the hint says so first. Under
 * policy `fail`, findings that themselves say a segment cannot be published stay as they are:
 * they are that segment's error.
 */
function demoteUnpublished(track: LanguageTrack, why: ReadonlyMap<string, string>, policy: UntranslatedPolicy): void {
  if (why.size === 0) return;
  const messages = track.messages;
  const replaced = new Map<Message, Message>();
  for (let i = 0; i < messages.length; i += 1) {
    const m = messages[i] as UnpublishedFinding;
    if (m.source !== 'qa' || m.unit === undefined || m.severity === 'info') continue;
    const reason = why.get(m.unit);
    if (reason === undefined || (policy === 'fail' && SAYS_UNPUBLISHABLE.has(m.ruleId))) continue;
    const demoted: UnpublishedFinding = {
      ...m,
      severity: 'info',
      unpublished: reason,
      hint: `not published (${reason}), so this does not count against the build; fix it before the target is confirmed${m.hint === undefined ? '' : `: ${m.hint}`}`,
    };
    messages[i] = demoted;
    replaced.set(m, demoted);
  }
  if (replaced.size > 0) track.findings = track.findings.map((f) => replaced.get(f) ?? f);
}

export const policyStage = perLanguage<BuildContext>('policy', (track, file, { project, untranslated: override }) => {
  if (track.targets === undefined) return;
  const { publishState, untranslated: configured } = policyFor(project.config, track.language);
  const untranslated = override ?? configured;
  const machineAllowed = project.config.policies.machine.publish.includes(track.language);
  const segments = segmentsOf(file.docFor(track.language));
  const published = new Map<string, Content>();
  const open: Array<{ id: string; text: string; target: SegmentTarget | undefined; why: string }> = [];
  let machine = 0;
  for (const segment of segments) {
    const target = track.targets.get(segment.id);
    if (machineAllowed && isUnconfirmedMachine(target) && target?.target !== undefined && target.target.text.trim() !== '') {
      published.set(segment.id, target.target);
      machine += 1;
      continue;
    }
    const why = unpublishable(target, publishState);
    if (why === undefined) published.set(segment.id, target?.target ?? segment);
    else open.push({ id: segment.id, text: segment.text, target, why });
  }

  if (untranslated === 'hold' && open.length > 0) {
    // Nothing of the document is published in this language until every segment can be.
    const ready = segments.length - open.length;
    const first = open[0] as (typeof open)[number];
    track.message({
      reason: `not published in ${track.language} until every segment can be: ${open.length} of ${segments.length} ${segments.length === 1 ? 'segment has' : 'segments have'} no publishable translation yet (the first: ${first.why})`,
      ruleId: 'build/held',
      source: 'build',
      severity: 'info',
      file: track.xliff,
      ...(first.target?.line === undefined ? {} : { line: first.target.line }),
      hint: 'policy untranslated: hold; `l10n status` lists what is left. An output published before stays as it was until the document is complete',
    });
    const why = `its document is held: ${open.length} of ${segments.length} segments are not ready`;
    demoteUnpublished(track, new Map(segments.map((s) => [s.id, why] as const)), untranslated);
    track.published = new Map();
    track.counts = { segments: segments.length, published: 0, fellBack: 0, missing: open.length, held: ready };
    return;
  }

  const useSource = untranslated === 'source';
  // Under `fail` a finding of the checks that already says the segment cannot be published stands for it.
  const reportedByQa = useSource ? new Set<string | undefined>() : new Set(track.findings.filter((m) => SAYS_UNPUBLISHABLE.has(m.ruleId)).map((m) => m.unit));
  // The segments left out are published in the source language by the format (policy `source`).
  for (const { id, text, target, why } of open) {
    if (reportedByQa.has(id)) continue;
    track.message({
      reason: `segment not published: ${why}${useSource ? '; the source sentence is published instead' : ''}`,
      ruleId: 'build/untranslated',
      source: 'build',
      severity: useSource ? 'warning' : 'error',
      file: track.xliff,
      ...(target?.line === undefined ? {} : { line: target.line }),
      unit: id,
      actual: text.length > 80 ? `${text.slice(0, 77)}…` : text,
      hint: fixFor(target, publishState) + (useSource ? '' : ', or set policies.untranslated: source in l10n.config.yaml to publish the source instead (hold: to publish the document once it is complete)'),
    });
  }
  demoteUnpublished(
    track,
    new Map(open.map((o) => [o.id, useSource ? `${o.why}; the source sentence was published` : o.why] as const)),
    untranslated,
  );
  const fellBack = useSource ? open.length : 0;
  track.published = published;
  track.counts = { segments: segments.length, published: segments.length - open.length, fellBack, missing: open.length - fellBack, ...(machine === 0 ? {} : { machine }) };
});
