/**
 * `l10n glossary import` with the files terminologists really have: Excel's CSV (Windows-1252)
 * and "Unicode text" (UTF-16), a forgotten --lang, a glossary that already has the terms.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../pipeline/commands/command.js';
import { main } from '../../pipeline/commands/index.js';
import { loadGlossary } from '../../pipeline/terms/glossary.js';

let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function folder(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'glossary-import-'));
  return dir;
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CommandIo = { cwd: dir, stdin: Readable.from([]), stdout: () => undefined, stderr: (t) => { stderr += t; }, isTTY: false, stdoutIsTTY: false };
  const code = await main(['glossary', 'import', ...args], io);
  return { code, stderr };
}

const read = (relative: string): string => readFileSync(path.join(dir, relative), 'utf8');

describe('glossary import: encodings', () => {
  it('refuses a file that is not UTF-8 with the position of the first bad byte, writing nothing', async () => {
    folder();
    writeFileSync(path.join(dir, 'excel.csv'), Buffer.from('Kreml,Kremlin\nK\xf6ln,Cologne\n', 'latin1'));
    const result = await run(['excel.csv', '--lang', 'en']);
    expect(result.stderr).toMatch(/^excel\.csv:2:2: error: the file is not valid UTF-8 \(byte 15 is 0xf6\) \[glossary\/encoding\]/u);
    expect(result.stderr).toContain('--encoding windows-1252');
    expect(result.code).toBe(3);
    expect(existsSync(path.join(dir, 'glossary', 'imported.yaml'))).toBe(false);
  });

  it('decodes the encoding the user names (--encoding windows-1252)', async () => {
    folder();
    writeFileSync(path.join(dir, 'excel.csv'), Buffer.from('K\xf6ln,Cologne\nStra\xdfe,street \x96 road\n', 'latin1'));
    const result = await run(['excel.csv', '--lang', 'en', '--encoding', 'windows-1252']);
    expect(result.code).toBe(0);
    const { glossary } = loadGlossary([path.join(dir, 'glossary', 'imported.yaml')]);
    expect(glossary.entries.map((e) => [e.source, e.targets.en])).toEqual([['Köln', ['Cologne']], ['Straße', ['street – road']]]);
  });

  it('reads Excel\'s "Unicode text" (UTF-16 with a byte order mark) without being told', async () => {
    folder();
    writeFileSync(path.join(dir, 'excel.tsv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Köln\tCologne\r\n', 'utf16le')]));
    const result = await run(['excel.tsv', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(read('glossary/imported.yaml')).toContain('source: Köln');
  });

  it('refuses an unknown --encoding, and --encoding for TBX (which declares its own), as usage errors', async () => {
    folder();
    writeFileSync(path.join(dir, 'a.csv'), 'Kreml,Kremlin\n');
    writeFileSync(path.join(dir, 'a.tbx'), '<martif/>');
    const unknown = await run(['a.csv', '--lang', 'en', '--encoding', 'klingon']);
    expect(unknown.stderr).toContain('--encoding: expected an encoding such as utf-8, windows-1252, iso-8859-15 or utf-16le, got "klingon"');
    expect(unknown.code).toBe(2);
    const tbx = await run(['a.tbx', '--encoding', 'windows-1252']);
    expect(tbx.stderr).toContain('--encoding');
    expect(tbx.code).toBe(2);
  });
});

describe('glossary import: nothing is written unless the import succeeds', () => {
  it('a CSV without language columns and without --lang fails once, writes nothing, and the retry needs no --force', async () => {
    folder();
    writeFileSync(path.join(dir, 'terms.csv'), 'Kreml,Kremlin\nPeking,Beijing\nWeißes Haus,White House\n');
    const failed = await run(['terms.csv']);
    expect(failed.code).toBe(2);
    expect(failed.stderr.match(/\[csv\/no-language\]/gu)).toHaveLength(1);
    expect(failed.stderr).toContain('3 rows');
    expect(failed.stderr).toContain('nothing was written');
    expect(existsSync(path.join(dir, 'glossary', 'imported.yaml'))).toBe(false);
    const retry = await run(['terms.csv', '--lang', 'en']);
    expect(retry.code).toBe(0);
    expect(loadGlossary([path.join(dir, 'glossary', 'imported.yaml')]).glossary.entries).toHaveLength(3);
  });
});

describe('glossary import: the file written', () => {
  it('writes one block per entry, as a terminologist writes by hand', async () => {
    folder();
    const rows = Array.from({ length: 300 }, (_, i) => `Begriff ${i},term ${i}`).concat(['Kreml,Kremlin', 'Kreml,the Kremlin']);
    writeFileSync(path.join(dir, 'terms.csv'), rows.join('\n') + '\n');
    expect((await run(['terms.csv', '--lang', 'en'])).code).toBe(0);
    const yaml = read('glossary/imported.yaml');
    expect(yaml).toContain('\nterms:\n  - source: Begriff 0\n    kind: other\n    targets:\n      en: term 0\n  - source: Begriff 1\n');
    expect(yaml).toContain('  - source: Kreml\n    kind: other\n    targets:\n      en: [Kremlin, the Kremlin]\n');
    expect(Math.max(...yaml.split('\n').map((l) => l.length))).toBeLessThan(80);
  });

  it('refuses entries the project glossary already has, naming both places, and writes nothing', async () => {
    folder();
    mkdirSync(path.join(dir, 'glossary'));
    writeFileSync(path.join(dir, 'glossary', 'names.yaml'), 'terms:\n  - source: Kreml\n    kind: place\n    targets: {en: Kremlin}\n');
    writeFileSync(path.join(dir, 'terms.csv'), 'Peking,Beijing\nKreml,Kremlin\n');
    const result = await run(['terms.csv', '--lang', 'en']);
    expect(result.stderr).toMatch(/^terms\.csv:2:1: error: "Kreml" is already in the glossary \(glossary\/names\.yaml:2:5\) \[glossary\/import-duplicate\]/mu);
    expect(result.code).toBe(2);
    expect(existsSync(path.join(dir, 'glossary', 'imported.yaml'))).toBe(false);
    // Every command would have failed on the duplicate: the glossary still loads cleanly.
    expect(loadGlossary([path.join(dir, 'glossary')]).messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('--skip-existing leaves out what the glossary has and says so', async () => {
    folder();
    mkdirSync(path.join(dir, 'glossary'));
    writeFileSync(path.join(dir, 'glossary', 'names.yaml'), 'terms:\n  - source: Kreml\n    kind: place\n    targets: {en: Kremlin}\n');
    writeFileSync(path.join(dir, 'terms.csv'), 'Peking,Beijing\nKreml,Kremlin\n');
    const result = await run(['terms.csv', '--lang', 'en', '--skip-existing']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('1 entry already in the glossary left out');
    const loaded = loadGlossary([path.join(dir, 'glossary')]);
    expect(loaded.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(loaded.glossary.entries.map((e) => e.source)).toEqual(['Peking', 'Kreml']);
  });
});
