/**
 * The body of an action request, as the review page sends it, checked field by field before any
 * store sees it. Every refusal names the field, what was expected and what arrived.
 */
import { REVIEW_ACTION_KINDS, type ReviewAction } from './store.js';
import type { CodeView, ContentView } from './view.js';

/** Longest target text accepted, in UTF-16 code units (a sentence is a few hundred). */
export const MAX_TARGET_LENGTH = 20_000;
/** Most inline codes in one target. */
export const MAX_CODES = 500;
/** Longest comment, in UTF-16 code units. */
export const MAX_COMMENT_LENGTH = 5_000;
/** Longest id (segment, code) and version token. */
export const MAX_ID_LENGTH = 200;

/** A request body that is not a valid action. */
export class WireError extends Error {
  override name = 'WireError';
}

/** What the page sends: the action and the version it acts on. */
export interface ActionBody {
  readonly version: string;
  readonly action: ReviewAction;
}

/** Checks a parsed JSON body; throws WireError naming the first wrong field. */
export function parseActionBody(body: unknown): ActionBody {
  const fields = record(body, 'the request body', ['version', 'action']);
  const version = id(fields.version, 'version');
  const action = record(fields.action, 'action', ['kind', 'segment', 'target', 'comment']);
  const kind = oneOf(action.kind, 'action.kind', REVIEW_ACTION_KINDS);
  const segment = id(action.segment, 'action.segment');
  switch (kind) {
    case 'edit':
      absent(action.comment, 'action.comment', kind);
      return { version, action: { kind, segment, target: content(action.target, 'action.target') } };
    case 'confirm': {
      absent(action.comment, 'action.comment', kind);
      const target = action.target === undefined ? undefined : content(action.target, 'action.target');
      return { version, action: target === undefined ? { kind, segment } : { kind, segment, target } };
    }
    case 'send-back':
    case 'comment':
      absent(action.target, 'action.target', kind);
      return { version, action: { kind, segment, comment: comment(action.comment, 'action.comment') } };
  }
}

function record(value: unknown, name: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WireError(`${name}: expected an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new WireError(`${name}: unknown field "${key}"; expected ${keys.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

function id(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
    throw new WireError(`${name}: expected a text of 1 to ${MAX_ID_LENGTH} characters, got ${describe(value)}`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new WireError(`${name}: expected one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

function absent(value: unknown, name: string, kind: string): void {
  if (value !== undefined) throw new WireError(`${name}: not allowed for "${kind}"`);
}

function comment(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new WireError(`${name}: expected a comment (text that is not empty), got ${describe(value)}`);
  if (value.length > MAX_COMMENT_LENGTH) throw new WireError(`${name}: expected at most ${MAX_COMMENT_LENGTH} characters, got ${value.length}`);
  return value;
}

function content(value: unknown, name: string): ContentView {
  const fields = record(value, name, ['text', 'codes']);
  if (typeof fields.text !== 'string') throw new WireError(`${name}.text: expected a text, got ${describe(fields.text)}`);
  const text = fields.text;
  if (text.length > MAX_TARGET_LENGTH) throw new WireError(`${name}.text: expected at most ${MAX_TARGET_LENGTH} characters, got ${text.length}`);
  if (!Array.isArray(fields.codes) || fields.codes.length > MAX_CODES) {
    throw new WireError(`${name}.codes: expected a list of at most ${MAX_CODES} codes, got ${describe(fields.codes)}`);
  }
  const codes: CodeView[] = [];
  fields.codes.forEach((raw: unknown, i) => {
    const where = `${name}.codes[${i}]`;
    const code = record(raw, where, ['id', 'kind', 'at', 'display']);
    const codeId = id(code.id, `${where}.id`);
    if (/[\s/⟦⟧]/u.test(codeId)) throw new WireError(`${where}.id: expected no white space, "/", "⟦" or "⟧", got ${describe(codeId)}`);
    const kind = oneOf(code.kind, `${where}.kind`, ['open', 'close', 'standalone'] as const);
    const previous = codes.at(-1)?.at ?? 0;
    if (typeof code.at !== 'number' || !Number.isInteger(code.at) || code.at < previous || code.at > text.length) {
      throw new WireError(`${where}.at: expected a whole number from ${previous} to ${text.length} (codes in text order), got ${describe(code.at)}`);
    }
    if (code.display !== undefined && (typeof code.display !== 'string' || code.display.length > MAX_ID_LENGTH)) {
      throw new WireError(`${where}.display: expected a text of at most ${MAX_ID_LENGTH} characters, got ${describe(code.display)}`);
    }
    codes.push(code.display === undefined ? { id: codeId, kind, at: code.at } : { id: codeId, kind, at: code.at, display: code.display });
  });
  return { text, codes };
}

/** A short, safe description of a value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
