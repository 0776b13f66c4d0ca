/**
 * Messages for people at a terminal: grouped by file and unit, each unit shown once with its
 * source and target, then its findings with rule id, expected/found and hint. Messages that
 * concern no unit (a file that cannot be read, a stale output) are printed one per line as
 * compilers print them, before the groups. Colour only when asked for (a TTY without NO_COLOR).
 */
import type { Message, Severity } from '../model.js';
import { sortMessages } from '../model.js';
import { capMessage } from '../quote.js';
import { formatMessage } from './messages.js';

/** What a message may carry beyond `Message` (the QA checks add the segment's text and the acceptance). */
interface Extras {
  readonly segment?: { readonly source: string; readonly target: string | undefined };
  readonly accepted?: string;
}

export interface TerminalOptions {
  /** ANSI colours; default false. */
  readonly color?: boolean;
  /** Longest excerpt of a source or target, in characters; default 100. */
  readonly width?: number;
  /**
   * Most messages of one rule shown per file; the rest are counted in one line (a new article's
   * 40 untranslated segments would otherwise bury everything else). Default 5; the JSON report
   * always has them all.
   */
  readonly perRuleAndFile?: number;
  /**
   * Where the messages left out can be read, after the count line; '' says nothing. Default: the
   * build's JSON output and report.
   */
  readonly restAt?: string;
}

const COLOURS: Readonly<Record<Severity, string>> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** One finding of a unit, indented under the unit's header. */
function findingLines(m: Message & Extras, paint: (s: Severity, t: string) => string): string {
  const detail =
    m.actual !== undefined || m.expected !== undefined
      ? `\n      ${[m.expected === undefined ? '' : `expected: ${m.expected}`, m.actual === undefined ? '' : `found: ${m.actual}`].filter((x) => x !== '').join('; ')}`
      : '';
  const hint = m.hint === undefined ? '' : `\n      → ${m.hint}`;
  return `    ${paint(m.severity, `${m.severity}:`)} ${m.reason} [${m.ruleId}]${detail}${hint}`;
}

/** Formats messages for a terminal. Returns '' for none; otherwise ends with a newline. */
export function formatTerminal(messages: readonly Message[], options: TerminalOptions = {}): string {
  const width = options.width ?? 100;
  const paint = (s: Severity, t: string): string => (options.color === true ? `${COLOURS[s]}${t}${RESET}` : t);
  const dim = (t: string): string => (options.color === true ? `${DIM}${t}${RESET}` : t);
  const restAt = options.restAt ?? 'all are in --format json and output/<lang>/report.json';
  const out: string[] = [];
  const groups = new Map<string, (Message & Extras)[]>();
  const { shown, hidden } = limitPerRuleAndFile(sortMessages(messages).map(capMessage), options.perRuleAndFile ?? 5);
  for (const m of shown as (Message & Extras)[]) {
    if (m.unit === undefined || m.file === undefined) {
      out.push(formatMessage(m));
      continue;
    }
    const key = `${m.file}\u0000${m.unit}`;
    const group = groups.get(key) ?? [];
    if (group.length === 0) groups.set(key, group);
    group.push(m);
  }
  let lastFile: string | undefined;
  for (const group of groups.values()) {
    const first = group[0]!;
    if (first.file !== lastFile) {
      out.push(`${first.file}`);
      lastFile = first.file;
    }
    out.push(`  ${first.file}${first.line === undefined ? '' : `:${first.line}`} unit ${first.unit}`);
    const segment = group.find((m) => m.segment !== undefined)?.segment;
    if (segment !== undefined) {
      out.push(dim(`      source: ${cut(segment.source, width)}`));
      out.push(dim(`      target: ${segment.target === undefined ? '(none)' : cut(segment.target, width)}`));
    }
    for (const m of group) out.push(findingLines(m, paint));
  }
  for (const { file, ruleId, severity, count } of hidden) {
    out.push(`${file}: ${paint(severity, `${severity}:`)} ${count} more like the above [${ruleId}]${restAt === '' ? '' : ` (${restAt})`}`);
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
}

/** Keeps the first `limit` messages of each rule in each file and counts the others. */
function limitPerRuleAndFile(
  messages: readonly Message[],
  limit: number,
): { shown: Message[]; hidden: Array<{ file: string; ruleId: string; severity: Severity; count: number }> } {
  const seen = new Map<string, number>();
  const hidden = new Map<string, { file: string; ruleId: string; severity: Severity; count: number }>();
  const shown: Message[] = [];
  for (const m of messages) {
    if (m.file === undefined) {
      shown.push(m);
      continue;
    }
    const key = `${m.file}\u0000${m.ruleId}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= limit) {
      shown.push(m);
      continue;
    }
    const entry = hidden.get(key) ?? { file: m.file, ruleId: m.ruleId, severity: m.severity, count: 0 };
    entry.count += 1;
    hidden.set(key, entry);
  }
  return { shown, hidden: [...hidden.values()] };
}
