/**
 * Turning messages into what people read: one line per message, the way compilers print them.
 */
import { formatPlace, type Message, type Severity } from '../model.js';
import { capMessage } from '../quote.js';

/** One message as a line (plus its hint on the next line), the way compilers print them; what it quotes is capped (`capMessage`). */
export function formatMessage(message: Message): string {
  const m = capMessage(message);
  const rule = ` [${m.ruleId}]`;
  const detail = m.actual !== undefined || m.expected !== undefined
    ? `\n    ${m.expected !== undefined ? `expected: ${m.expected}` : ''}${m.expected !== undefined && m.actual !== undefined ? '; ' : ''}${m.actual !== undefined ? `found: ${m.actual}` : ''}`
    : '';
  const hint = m.hint === undefined ? '' : `\n    → ${m.hint}`;
  return `${formatPlace(m)}${m.severity}: ${m.reason}${rule}${detail}${hint}`;
}

/** A count line such as "2 errors, 1 warning". */
export function summarize(messages: readonly Message[]): string {
  const count = (s: Severity): number => messages.filter((m) => m.severity === s).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'notice')].join(', ');
}
