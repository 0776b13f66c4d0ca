/**
 * One-line texts for the CLI: the summary of a run and the plan of a dry run. The library prints
 * nothing; these only format.
 */
import type { MtPlan, MtSummary } from './types.js';

const count = (n: number): string => n.toLocaleString('en-US');

/** `en: 40 sent, 12 cached, 1 rejected, 0 failed (3 requests, 1 retry, 5,120 characters)`, plus why it stopped. */
export function formatSummary(summary: MtSummary): string {
  const parts = [`${count(summary.sent)} sent`, `${count(summary.cached)} cached`, `${count(summary.rejected)} rejected`, `${count(summary.failed)} failed`];
  if (summary.skipped > 0) parts.push(`${count(summary.skipped)} skipped`);
  const requests = `${count(summary.requests)} request${summary.requests === 1 ? '' : 's'}`;
  const retries = summary.retries === 0 ? '' : `, ${count(summary.retries)} retr${summary.retries === 1 ? 'y' : 'ies'}`;
  let line = `${summary.targetLanguage}: ${parts.join(', ')} (${requests}${retries}, ${count(summary.characters)} characters)`;
  if (summary.stopped !== undefined) line += `; stopped: ${summary.stopped.reason}`;
  else if (summary.interrupted) line += '; interrupted';
  return line;
}

/** `en: 52 segments, 12 cached, 40 to send (5,120 characters, 1 request + up to 3 glossary requests)`. */
export function formatPlan(plan: MtPlan): string {
  const requests = `${count(plan.requests)} request${plan.requests === 1 ? '' : 's'}`;
  const glossary = plan.glossaryRequests === 0 ? '' : ` + up to ${plan.glossaryRequests} glossary requests`;
  const extra = [plan.duplicates > 0 ? `${count(plan.duplicates)} repeated` : '', plan.empty > 0 ? `${count(plan.empty)} not sent` : ''].filter((x) => x !== '').join(', ');
  return `${plan.targetLanguage}: ${count(plan.segments)} segments, ${count(plan.cached)} cached, ${count(plan.toSend)} to send${extra === '' ? '' : ` (${extra})`} — ${count(plan.characters)} characters, ${requests}${glossary} (${plan.provider} ${plan.model})`;
}
