/**
 * Messages as GitHub Actions workflow commands, which the Actions runner turns into annotations
 * on the pull request's files:
 *
 *     ::error file=translations/fr/a.xlf,line=27,title=qa/numbers::the ordinal number 80. …
 *
 * Levels: error → `error`, warning → `warning`, info → `notice`. Escaping follows the runner's
 * rules: in the message, `%`, CR and LF become %25, %0D, %0A; in property values also `:` and
 * `,` (%3A, %2C), which would otherwise end the value.
 */
import type { Message, Severity } from '../model.js';
import { sortMessages } from './messages.js';

const LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

/** One message as one workflow command line (without the newline). */
export function githubAnnotation(m: Message): string {
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

/** All messages as workflow commands, one per line, in a stable order. */
export function formatGithub(messages: readonly Message[]): string {
  return sortMessages(messages).map((m) => githubAnnotation(m) + '\n').join('');
}
