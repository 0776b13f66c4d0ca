/**
 * Characters a source must not carry: NUL and other control characters are invisible to
 * translators, shown as "�" by CAT tools and impossible in XLIFF (XML 1.0), so reading the
 * source refuses them with their line and column.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, type Message } from '../../pipeline/model.js';
import { readSource } from '../../pipeline/read/index.js';

let root = '';
afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

function read(text: string): { messages: Message[] } | { error: Message } {
  root = mkdtempSync(path.join(os.tmpdir(), 'l10n-read-'));
  mkdirSync(path.join(root, 'source'));
  writeFileSync(path.join(root, 'source', 'a.txt'), text);
  try {
    return { messages: readSource({ root, path: 'source/a.txt', language: 'de' }).messages };
  } catch (error) {
    if (error instanceof InputError) return { error: error.detail };
    throw error;
  }
}

describe('reading a source with control characters', () => {
  it('refuses a NUL with its line and column, and says what to do', () => {
    const result = read('Titel\nDer Kreml\u0000 bestreitet es.\n');
    expect(result).toMatchObject({ error: { ruleId: 'read/control-character', file: 'source/a.txt', line: 2, column: 10, fatal: true, actual: 'U+0000' } });
    if (!('error' in result)) throw new Error('expected a refusal');
    expect(result.error.reason).toContain('NUL');
    expect(result.error.hint).toMatch(/remove/u);
  });

  it('names every further position in the same message', () => {
    const result = read('Titel\u0007\nEins\u000B zwei\u001B drei.\n');
    if (!('error' in result)) throw new Error('expected a refusal');
    expect(result.error).toMatchObject({ line: 1, column: 6 });
    expect(result.error.reason).toContain('3 control characters');
    expect(result.error.reason).toContain('2:5, 2:11');
  });

  it('refuses C1 controls and tells which Windows-1252 character each one stands for', () => {
    const result = read('Titel\nEr sagte \u0084Nein\u0093.\n');
    if (!('error' in result)) throw new Error('expected a refusal');
    expect(result.error).toMatchObject({ ruleId: 'read/control-character', line: 2, column: 10, actual: 'U+0084' });
    expect(result.error.hint).toContain('„');
    expect(result.error.hint).toContain('Windows-1252');
  });

  it('refuses the noncharacters U+FFFE and U+FFFF, which XML cannot carry', () => {
    const result = read('Titel\nEin \uFFFF Zeichen.\n');
    expect(result).toMatchObject({ error: { ruleId: 'read/control-character', line: 2, column: 5, actual: 'U+FFFF' } });
  });

  it('accepts tabs, line breaks, CR LF, a byte order mark and no-break spaces', () => {
    expect(read('\uFEFFTitel\r\nEin\tSatz mit\u00A0Leerzeichen.\r\n')).toEqual({ messages: [] });
  });

  it('warns about replacement characters, which stand for characters an earlier conversion lost', () => {
    const result = read('Titel\nK\uFFFDln ist sch\uFFFDn.\n');
    if (!('messages' in result)) throw new Error('expected a warning only');
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: 'read/replacement-character', severity: 'warning', line: 2, column: 2 })]);
    expect(result.messages[0]?.reason).toContain('2 replacement characters');
  });
});
