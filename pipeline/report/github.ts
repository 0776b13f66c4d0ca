/**
 * Messages as GitHub Actions workflow commands, which the Actions runner turns into annotations
 * on the pull request's files:
 *
 *     ::error file=translations/fr/a.xlf,line=27,title=qa/numbers::the ordinal number 80. …
 *
 * Levels: error → `error`, warning → `warning`; notices are counted in one `notice`. Escaping follows the runner's
 * rules: in the message, `%`, CR and LF become %25, %0D, %0A; in property values also `:` and
 * `,` (%3A, %2C), which would otherwise end the value.
 */
import type { Message, Severity } from '../model.js';
import { sortMessages } from '../model.js';
import { capMessage } from '../quote.js';

const LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

/** One message as one workflow command line (without the newline); what it quotes is capped (`capMessage`). */
export function githubAnnotation(message: Message): string {
  const m = capMessage(message);
  const props = [
    ...(m.file === undefined ? [] : [`file=${escapeProperty(m.file)}`]),
    ...(m.line === undefined ? [] : [`line=${m.line}`]),
    ...(m.column === undefined ? [] : [`col=${m.column}`]),
    `title=${escapeProperty(`${m.ruleId}${m.unit === undefined ? '' : ` (${m.unit})`}`)}`,
  ];
  const body = [
    m.reason,
    ...(m.expected === undefined ? [] : [`expected: ${m.expected}`]),
    ...(m.actual === undefined ? [] : [`found: ${m.actual}`]),
    ...(m.hint === undefined ? [] : [`→ ${m.hint}`]),
  ].join('\n');
  return `::${LEVEL[m.severity]} ${props.join(',')}::${escapeData(body)}`;
}

/**
 * All messages as workflow commands, one per line, in a stable order. Errors and warnings are one
 * annotation each; notices (the reader's repairs, accepted findings) would decorate every pull
 * request with the same lines, so they are counted per rule in one notice instead.
 */
export function formatGithub(messages: readonly Message[]): string {
  const sorted = sortMessages(messages);
  const annotations = sorted.filter((m) => m.severity !== 'info').map((m) => githubAnnotation(m) + '\n');
  const notices = new Map<string, number>();
  for (const m of sorted) if (m.severity === 'info') notices.set(m.ruleId, (notices.get(m.ruleId) ?? 0) + 1);
  if (notices.size === 0) return annotations.join('');
  const counts = [...notices].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, n]) => `${rule} ${n}`).join(', ');
  const total = [...notices.values()].reduce((a, b) => a + b, 0);
  return annotations.join('') + `::notice title=l10n notices::${escapeData(`${total} notice(s): ${counts}; run l10n check locally to see them`)}\n`;
}
