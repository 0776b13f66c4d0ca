/**
 * Turning messages into what people and CI read, and into an exit code.
 */
import { EXIT, type ExitCode } from '../commands/command.js';
import { SEVERITIES, formatPlace, type Message, type Severity } from '../model.js';
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

/** Compares strings by UTF-16 code units: the same order on every machine, whatever its locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders messages by file, line, column, then rule, so output is stable. Not `localeCompare`:
 * its order depends on the machine's ICU locale, and report.json must be the same bytes in CI.
 */
export function sortMessages(messages: readonly Message[]): Message[] {
  return [...messages].sort(
    (a, b) =>
      compareCodeUnits(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareCodeUnits(a.ruleId, b.ruleId),
  );
}

/** True when a message's severity is at or above the threshold. */
export function atLeast(message: Message, threshold: Severity): boolean {
  return SEVERITIES.indexOf(message.severity) >= SEVERITIES.indexOf(threshold);
}

/**
 * The exit code that a set of messages leads to: 2 for a config or usage problem, 3 when a file
 * could not be read or written (any other fatal message), 1 for findings at or above the
 * threshold, else 0.
 */
export function exitCodeFor(messages: readonly Message[], failOn: Severity): ExitCode {
  if (messages.some((m) => m.fatal === true && (m.ruleId.startsWith('config/') || m.ruleId.startsWith('glossary/')))) return EXIT.usage;
  if (messages.some((m) => m.fatal === true)) return EXIT.io;
  return messages.some((m) => atLeast(m, failOn)) ? EXIT.findings : EXIT.ok;
}

/** A count line such as "2 errors, 1 warning". */
export function summarize(messages: readonly Message[]): string {
  const count = (s: Severity): number => messages.filter((m) => m.severity === s).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'notice')].join(', ');
}
