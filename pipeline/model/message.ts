/**
 * Problems as data. Stages never print; they add messages to the file object (see
 * `pipeline/file.ts`), and only the CLI decides what to show and which exit code follows.
 */

/** Severity of a message. `error` fails a build at the default threshold. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

/** A problem or a notice. */
export interface Message {
  /** What happened, in one sentence. */
  readonly reason: string;
  /** Rule id, e.g. `read/glued-heading`, `xliff/unknown-id`. The part before `/` names the area. */
  readonly ruleId: string;
  /** The stage that reported it, e.g. `read`, `segment`, `xliff-import`. */
  readonly source: string;
  readonly severity: Severity;
  /** A fatal message stops the document (or the document's language) it is about, never the run. */
  readonly fatal?: boolean;
  /** File the message is about, relative to the project root where possible. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** What to do about it. */
  readonly hint?: string;
  readonly actual?: string;
  readonly expected?: string;
  /** Segment or unit id the message is about, when there is one. */
  readonly unit?: string;
}

/**
 * Thrown when input cannot be used at all (a malformed file, a path that escapes the project).
 * Carries a message so the CLI can print file, line and column; the chain runner catches it at
 * the document boundary and turns it into a fatal message of that document.
 */
export class InputError extends Error {
  constructor(readonly detail: Message) {
    super(formatPlace(detail) + detail.reason);
    this.name = 'InputError';
  }
}

/** "file:line:column: " for a message, as far as it is known. */
export function formatPlace(m: Pick<Message, 'file' | 'line' | 'column'>): string {
  if (m.file === undefined) return '';
  let place = m.file;
  if (m.line !== undefined) {
    place += `:${m.line}`;
    if (m.column !== undefined) place += `:${m.column}`;
  }
  return place + ': ';
}

/** True when a message's severity is at or above the threshold. */
export function atLeast(message: Message, threshold: Severity): boolean {
  return SEVERITIES.indexOf(message.severity) >= SEVERITIES.indexOf(threshold);
}

/** Compares strings by UTF-16 code units: the same order on every machine, whatever its locale. */
export function compareCodeUnits(a: string, b: string): number {
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
