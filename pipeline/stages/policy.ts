/**
 * The publishing policy stage (build, check): decides for each sentence whether its translation
 * may be published (it has one, it is not marked for review, its state reaches
 * `policies.publishState`), and what is published otherwise: nothing (`policies.untranslated:
 * fail`, an error per sentence) or the source (`source`, a warning per sentence).
 *
 * Machine output that no person has confirmed (`isUnconfirmedMachine`) is never published as if a
 * person had approved it: it waits for review, unless the language is listed in
 * `policies.machine.publish`, where it is published as it is and counted (`BuildCounts.machine`).
 */
import { isUnconfirmedMachine, segmentsOf, TARGET_STATES, type Content, type SegmentTarget, type TargetState } from '../model.js';
import { perLanguage } from '../file.js';
import type { BuildContext } from './context.js';

const rank = (state: TargetState): number => TARGET_STATES.indexOf(state);

/** Why a target cannot be published, or undefined when it can. */
function unpublishable(target: SegmentTarget | undefined, publishState: TargetState): string | undefined {
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
  return `have it reviewed and set its state to "${publishState}" or above`;
}

/** Rules whose finding already says that a segment cannot be published (the policy need not repeat it). */
const SAYS_UNPUBLISHABLE: ReadonlySet<string> = new Set(['qa/untranslated', 'qa/empty']);

export const policyStage = perLanguage<BuildContext>('policy', (track, file, { project }) => {
  if (track.targets === undefined) return;
  const { publishState, untranslated } = project.config.policies;
  const machineAllowed = project.config.policies.machine.publish.includes(track.language);
  const segments = segmentsOf(file.docFor(track.language));
  const reportedByQa = new Set(track.findings.filter((m) => SAYS_UNPUBLISHABLE.has(m.ruleId)).map((m) => m.unit));
  const published = new Map<string, Content>();
  let fellBack = 0;
  let missing = 0;
  let machine = 0;
  for (const segment of segments) {
    const target = track.targets.get(segment.id);
    if (machineAllowed && isUnconfirmedMachine(target) && target?.target !== undefined && target.target.text.trim() !== '') {
      published.set(segment.id, target.target);
      machine += 1;
      continue;
    }
    const why = unpublishable(target, publishState);
    if (why === undefined) {
      published.set(segment.id, target?.target ?? segment);
      continue;
    }
    const useSource = untranslated === 'source';
    if (useSource) fellBack += 1;
    else missing += 1;
    if (reportedByQa.has(segment.id)) continue;
    track.message({
      reason: `segment not published: ${why}${useSource ? '; the source sentence is published instead' : ''}`,
      ruleId: 'build/untranslated',
      source: 'build',
      severity: useSource ? 'warning' : 'error',
      file: track.xliff,
      ...(target?.line === undefined ? {} : { line: target.line }),
      unit: segment.id,
      actual: segment.text.length > 80 ? `${segment.text.slice(0, 77)}…` : segment.text,
      hint: fixFor(target, publishState) + (useSource ? '' : ', or set policies.untranslated: source in l10n.config.yaml to publish the source instead'),
    });
  }
  track.published = published;
  track.counts = { segments: segments.length, published: segments.length - fellBack - missing, fellBack, missing, ...(machine === 0 ? {} : { machine }) };
});
