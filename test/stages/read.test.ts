/**
 * The read stage, for every format: characters a source must not carry (NUL and other control
 * characters are invisible to translators, shown as "�" by CAT tools and impossible in XLIFF,
 * XML 1.0), so reading the source refuses them with their line and column.
 */
import { mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProject, readDocument } from '../../pipeline/index.js';
import type { Message } from '../../pipeline/model.js';

let root = '';
afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

/** Reads `text` as a project's only document: the messages of the read, or the fatal one that stopped it. */
async function read(text: string): Promise<{ messages: Message[] } | { error: Message }> {
  root = mkdtempSync(path.join(os.tmpdir(), 'l10n-read-'));
  mkdirSync(path.join(root, 'source'));
  writeFileSync(path.join(root, 'l10n.config.yaml'), 'targetLanguages: [en]\npaths:\n  glossary: []\n');
  writeFileSync(path.join(root, 'source', 'a.txt'), text);
  const file = await readDocument(openProject(root), 'source/a.txt');
  const fatal = file.messages.find((m) => m.fatal === true);
  return fatal === undefined ? { messages: file.messages } : { error: fatal };
}

describe('reading a source with control characters', () => {
  it('refuses a NUL with its line and column, and says what to do', async () => {
    const result = await read('Titel\nDer Kreml\u0000 bestreitet es.\n');
    expect(result).toMatchObject({ error: { ruleId: 'read/control-character', file: 'source/a.txt', line: 2, column: 10, fatal: true, actual: 'U+0000' } });
    if (!('error' in result)) throw new Error('expected a refusal');
    expect(result.error.reason).toContain('NUL');
    expect(result.error.hint).toMatch(/remove/u);
  });

  it('names every further position in the same message', async () => {
    const result = await read('Titel\u0007\nEins\u000B zwei\u001B drei.\n');
    if (!('error' in result)) throw new Error('expected a refusal');
    expect(result.error).toMatchObject({ line: 1, column: 6 });
    expect(result.error.reason).toContain('3 control characters');
    expect(result.error.reason).toContain('2:5, 2:11');
  });

  it('refuses C1 controls and tells which Windows-1252 character each one stands for', async () => {
    const result = await read('Titel\nEr sagte \u0084Nein\u0093.\n');
    if (!('error' in result)) throw new Error('expected a refusal');
    expect(result.error).toMatchObject({ ruleId: 'read/control-character', line: 2, column: 10, actual: 'U+0084' });
    expect(result.error.hint).toContain('„');
    expect(result.error.hint).toContain('Windows-1252');
  });

  it('refuses the noncharacters U+FFFE and U+FFFF, which XML cannot carry', async () => {
    const result = await read('Titel\nEin \uFFFF Zeichen.\n');
    expect(result).toMatchObject({ error: { ruleId: 'read/control-character', line: 2, column: 5, actual: 'U+FFFF' } });
  });

  it('accepts tabs, line breaks, CR LF, a byte order mark and no-break spaces', async () => {
    expect(await read('\uFEFFTitel\r\nEin\tSatz mit\u00A0Leerzeichen.\r\n')).toEqual({ messages: [] });
  });

  it('warns about replacement characters, which stand for characters an earlier conversion lost', async () => {
    const result = await read('Titel\nK\uFFFDln ist sch\uFFFDn.\n');
    if (!('messages' in result)) throw new Error('expected a warning only');
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: 'read/replacement-character', severity: 'warning', line: 2, column: 2 })]);
    expect(result.messages[0]?.reason).toContain('2 replacement characters');
  });
});

describe('reading a source that is too large or missing', () => {
  /** A project folder with a config and, when a size is given, the source file (sparse). */
  async function readOf(name: string, size?: number): Promise<Message[]> {
    root = mkdtempSync(path.join(os.tmpdir(), 'l10n-read-'));
    mkdirSync(path.join(root, 'source'));
    writeFileSync(path.join(root, 'l10n.config.yaml'), 'targetLanguages: [en]\npaths:\n  glossary: []\n');
    if (size !== undefined) {
      writeFileSync(path.join(root, 'source', name), '');
      truncateSync(path.join(root, 'source', name), size);
    }
    return (await readDocument(openProject(root), `source/${name}`)).messages;
  }

  it('refuses a source larger than the limit by its size on disk (2.5 GB, sparse), naming the limit, never as unreadable', async () => {
    expect(await readOf('huge.txt', 2.5 * 1024 ** 3)).toEqual([
      expect.objectContaining({ ruleId: 'read/too-large', fatal: true, hint: expect.stringContaining('L10N_MAX_FILE_MB') }),
    ]);
  });

  it('says a missing source does not exist', async () => {
    expect(await readOf('gone.txt')).toEqual([expect.objectContaining({ ruleId: 'read/io', reason: 'the source document does not exist', fatal: true })]);
  });
});
