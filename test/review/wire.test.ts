import { describe, expect, it } from 'vitest';
import { parseActionBody, WireError } from '../../pipeline/review/index.js';

const refused = (body: unknown): string => {
  try {
    parseActionBody(body);
  } catch (error) {
    if (error instanceof WireError) return error.message;
    throw error;
  }
  throw new Error('accepted: ' + JSON.stringify(body));
};

describe('action request bodies', () => {
  it('takes each kind of action', () => {
    const target = { text: 'Both spoke about trade.', codes: [{ id: '1', kind: 'open', at: 17 }, { id: '1', kind: 'close', at: 22, display: '</b>' }] };
    expect(parseActionBody({ version: 'v1', action: { kind: 'edit', segment: 's1', target } })).toEqual({ version: 'v1', action: { kind: 'edit', segment: 's1', target } });
    expect(parseActionBody({ version: 'v1', action: { kind: 'confirm', segment: 's1' } }).action).toEqual({ kind: 'confirm', segment: 's1' });
    expect(parseActionBody({ version: 'v1', action: { kind: 'send-back', segment: 's1', comment: 'Kremlin.' } }).action).toEqual({ kind: 'send-back', segment: 's1', comment: 'Kremlin.' });
    expect(parseActionBody({ version: 'v1', action: { kind: 'comment', segment: 's1', comment: 'ok' } }).action).toEqual({ kind: 'comment', segment: 's1', comment: 'ok' });
  });

  it('names the field, what was expected and what came', () => {
    expect(refused([])).toBe('the request body: expected an object, got a list of 0');
    expect(refused({ action: { kind: 'edit' } })).toBe('version: expected a text of 1 to 200 characters, got nothing');
    expect(refused({ version: 'v', action: { kind: 'delete', segment: 's' } })).toBe('action.kind: expected one of edit, confirm, send-back, comment, got "delete"');
    expect(refused({ version: 'v', action: { kind: 'send-back', segment: 's', comment: '  ' } })).toBe('action.comment: expected a comment (text that is not empty), got "  "');
    expect(refused({ version: 'v', action: { kind: 'edit', segment: 's', target: { text: 'ab', codes: [{ id: '1', kind: 'open', at: 3 }] } } })).toBe(
      'action.target.codes[0].at: expected a whole number from 0 to 2 (codes in text order), got number 3',
    );
    expect(refused({ version: 'v', action: { kind: 'edit', segment: 's', target: { text: 'ab', codes: [{ id: 'a b', kind: 'open', at: 0 }] } } })).toContain('action.target.codes[0].id');
  });

  it('refuses unknown fields and fields that do not belong to the kind', () => {
    expect(refused({ version: 'v', action: { kind: 'comment', segment: 's', comment: 'x' }, admin: true })).toBe('the request body: unknown field "admin"; expected version, action');
    expect(refused({ version: 'v', action: { kind: 'comment', segment: 's', comment: 'x', target: { text: '', codes: [] } } })).toBe('action.target: not allowed for "comment"');
  });

  it('refuses texts longer than the limits', () => {
    expect(refused({ version: 'v', action: { kind: 'edit', segment: 's', target: { text: 'x'.repeat(20_001), codes: [] } } })).toBe('action.target.text: expected at most 20000 characters, got 20001');
    expect(refused({ version: 'v', action: { kind: 'comment', segment: 's', comment: 'x'.repeat(5_001) } })).toBe('action.comment: expected at most 5000 characters, got 5001');
  });

  it('keeps a __proto__ key of the JSON as an unknown field, never as a prototype', () => {
    expect(refused(JSON.parse('{"version":"v","action":{"kind":"comment","segment":"s","comment":"x"},"__proto__":{"x":1}}'))).toBe(
      'the request body: unknown field "__proto__"; expected version, action',
    );
  });
});
